"""Arbeitnow against a local board speaking its protocol: `links.next` paging (kept on the configured base URL),
the limit, entity-escaped descriptions, German job types, the remote flag and client-side keywords."""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import Any

import pytest

from app.jobs.sources.arbeitnow import MAX_PAGES, Arbeitnow
from app.jobs.sources.base import SourceError, SourceQuery
from app.jobs.sources.http import new_client
from app.models.job import RemoteType
from tests.sources.boards import Board, http_for, running_board

PATH = "/api/job-board-api"
NEXT = "https://www.arbeitnow.com/api/job-board-api?page={}"


def job(slug: str, title: str, **extra: Any) -> dict[str, Any]:
    item = {
        "slug": slug,
        "company_name": "Elbwerk GmbH",
        "title": title,
        "description": "<p>Wir suchen Verstärkung.</p>",
        "remote": False,
        "url": f"https://www.arbeitnow.com/jobs/companies/elbwerk-gmbh/{slug}",
        "tags": ["Software Development"],
        "job_types": ["full time"],
        "location": "Hamburg",
        "created_at": 1790500000,
    }
    item.update(extra)
    return item


def page(number: int, jobs: list[dict[str, Any]], next_page: int | None) -> dict[str, Any]:
    return {
        "data": jobs,
        "links": {
            "first": NEXT.format(1),
            "last": None,
            "prev": NEXT.format(number - 1) if number > 1 else None,
            "next": NEXT.format(next_page) if next_page else None,
        },
        "meta": {
            "current_page": number,
            "from": 1 + (number - 1) * 100,
            "path": "https://www.arbeitnow.com/api/job-board-api",
            "per_page": 100,
            "to": number * 100,
            "terms": "This is a free public API for jobs, please do not abuse. I would appreciate linking back.",
            "info": "Jobs are updated every hour and order by the `created_at` timestamp.",
        },
    }


@pytest.fixture
def board() -> Iterator[tuple[Board, str]]:
    with running_board() as b:
        yield b


async def test_follows_links_next_on_the_configured_base_and_normalises(board: tuple[Board, str]) -> None:
    local, url = board
    escaped = html.escape("<h2>Über uns</h2><p>Python &amp; Django&nbsp;</p><ul><li>Backend</li></ul>")
    first = page(
        1,
        [
            job(
                "python-entwickler-hamburg-4101",
                "Python Entwickler (m/w/d)",
                description=escaped,
                remote=True,
                tags=["Remote", "IT"],
                job_types=["berufseinstieg", "Vollzeit"],
            ),
            job("werkstudent-data-berlin-4102", "Werkstudent Data (m/w/d)", job_types=["Werkstudent"]),
        ],
        2,
    )
    second = page(2, [job("praktikum-marketing-4103", "Praktikum Marketing", job_types=["Praktikum"])], None)
    local.script("GET", PATH, [first, second])
    async with new_client() as client:
        jobs = await Arbeitnow().fetch(http_for(client, "arbeitnow", url), SourceQuery())
    # the absolute next URL points at www.arbeitnow.com; only its page is taken, so both calls hit the local board
    assert local.queries() == [{"page": "1"}, {"page": "2"}]
    assert [j.source_id for j in jobs] == [
        "python-entwickler-hamburg-4101",
        "werkstudent-data-berlin-4102",
        "praktikum-marketing-4103",
    ]
    python, student, intern = jobs
    assert (python.title, python.company, python.location, python.remote_type) == (
        "Python Entwickler (m/w/d)",
        "Elbwerk GmbH",
        "Hamburg",
        RemoteType.remote,
    )
    assert python.url == "https://www.arbeitnow.com/jobs/companies/elbwerk-gmbh/python-entwickler-hamburg-4101"
    # entity-escaped HTML is unescaped once (its own entities stay entities), then sanitised
    assert "<h2>Über uns</h2>" in python.description_html and "&lt;" not in python.description_html
    assert python.description_text.startswith("Über uns\n\nPython & Django")
    assert [python.employment_type, student.employment_type, intern.employment_type] == [
        "full_time",
        "internship",
        "internship",
    ]
    assert student.remote_type == RemoteType.onsite
    assert python.posted_at is not None and python.posted_at.isoformat() == "2026-09-27T09:06:40+00:00"
    assert (python.salary_min, python.salary_currency) == (None, None)


async def test_stops_at_the_limit(board: tuple[Board, str]) -> None:
    local, url = board
    local.script("GET", PATH, [page(1, [job("a-1", "Backend Engineer"), job("a-2", "Frontend Engineer")], 2)])
    async with new_client() as client:
        jobs = await Arbeitnow().fetch(http_for(client, "arbeitnow", url), SourceQuery(limit=1))
    assert local.queries() == [{"page": "1"}] and [j.source_id for j in jobs] == ["a-1"]


async def test_a_next_link_that_never_ends_stops_after_max_pages(board: tuple[Board, str]) -> None:
    local, url = board
    endless = page(1, [job("same-1", "Engineer")], 2)
    endless["links"]["next"] = "https://www.arbeitnow.com/api/job-board-api?cursor=x"  # no page: page + 1
    local.route("GET", PATH, endless)
    async with new_client() as client:
        jobs = await Arbeitnow().fetch(http_for(client, "arbeitnow", url), SourceQuery())
    assert local.queries() == [{"page": str(n)} for n in range(1, MAX_PAGES + 1)]
    assert [j.source_id for j in jobs] == ["same-1"]  # the repeated job is kept once


def test_keywords_and_remote_only_are_applied_here() -> None:
    payload = page(
        1,
        [
            job("k-1", "Senior Kotlin Developer", remote=True),
            job("k-2", "Buchhalter (m/w/d)", tags=["Accounting", "Kotlin"]),
            job("k-3", "Teamlead", description="&lt;p&gt;Wir nutzen &lt;b&gt;Kotlin&lt;/b&gt;.&lt;/p&gt;"),
            job("k-4", "Hybrid Kotlin Engineer", remote=False),
            job("k-5", "Vertrieb", remote=True),
        ],
        None,
    )
    matched = Arbeitnow().parse(payload, SourceQuery(keywords="kotlin"))
    assert [j.source_id for j in matched] == ["k-1", "k-2", "k-3", "k-4"]
    assert matched[3].remote_type == RemoteType.hybrid
    remote = Arbeitnow().parse(payload, SourceQuery(keywords="kotlin", remote_only=True))
    assert [j.source_id for j in remote] == ["k-1"]


def test_parse_refuses_a_foreign_shape() -> None:
    with pytest.raises(SourceError, match="data list"):
        Arbeitnow().parse({"jobs": [job("x-1", "Engineer")]})
    with pytest.raises(SourceError):
        Arbeitnow().parse([job("x-1", "Engineer")])


async def test_failure_on_a_later_page_is_a_source_error(board: tuple[Board, str]) -> None:
    local, url = board
    local.script("GET", PATH, [page(1, [job("p-1", "Engineer")], 2), 500])
    async with new_client() as client:
        with pytest.raises(SourceError, match="HTTP 500 after 3 attempts"):
            await Arbeitnow().fetch(http_for(client, "arbeitnow", url), SourceQuery())
    assert local.queries()[:2] == [{"page": "1"}, {"page": "2"}]


def test_terms() -> None:
    assert "Arbeitnow" in Arbeitnow.attribution and Arbeitnow.base_url == "https://www.arbeitnow.com"
