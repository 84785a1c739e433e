"""Remote OK against a local board speaking its protocol: the legal notice at [0], 0 salaries meaning unknown,
entity-escaped companies, the anti-spam tail, Latin-1 mojibake, one server-side tag and client-side keywords."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from app.jobs.sources.base import SourceError, SourceQuery
from app.jobs.sources.http import new_client
from app.jobs.sources.remoteok import RemoteOK
from app.models.job import RemoteType, SalaryPeriod
from tests.sources.boards import Board, http_for, running_board

PATH = "/api"
LEGAL = {
    "last_updated": 1790000000,
    "legal": "API Terms of Service: Please link back to the URL on Remote OK and mention Remote OK as a source.",
}
TAIL = (
    "<br/><br/>Please mention the word **LANTERN** and tag RMzguMTIzLjQ1Ng== when applying to show you read the "
    "job post completely (#RMzguMTIzLjQ1Ng==). This is a beta feature to avoid spam applicants. Companies can "
    "search these words to find applicants that read this and see they're human."
)


def job(job_id: str, position: str, **extra: Any) -> dict[str, Any]:
    item = {
        "slug": f"remote-{position.lower().replace(' ', '-')}-{job_id}",
        "id": job_id,
        "epoch": 1790100000,
        "date": "2026-09-22T18:00:00+00:00",
        "company": "Northwind",
        "company_logo": "",
        "position": position,
        "tags": ["backend", "engineer"],
        "description": "<p>Ship things.</p>" + TAIL,
        "location": "",
        "salary_min": 0,
        "salary_max": 0,
        "apply_url": f"https://remoteOK.com/remote-jobs/{job_id}",
        "logo": "",
        "url": f"https://remoteOK.com/remote-jobs/{job_id}",
    }
    item.update(extra)
    return item


def feed() -> list[dict[str, Any]]:
    return [
        LEGAL,
        job(
            "2001",
            "Senior Golang Engineer",
            company="Smith &amp; Daughters",
            location="Lisbon, Portugal",
            salary_min=90000,
            salary_max=130000,
            tags=["golang", "senior", "contract", "international"],
            description="<p>We\u00e2\u0080\u0099re hiring: <strong>Go</strong> services.</p>\\n" + TAIL,
        ),
        job("2002", "Customer Success Lead", tags=["support", "internal tools"], description="<p>Good people.</p>"),
        job(
            "2003",
            "Platform Engineer",
            epoch=None,
            date="2026-09-20T08:00:00+00:00",
            salary_min=0,
            salary_max=85000,
            tags=["kubernetes"],
            description="Plain text about our Golang platform." + TAIL,
        ),
    ]


@pytest.fixture
def board() -> Iterator[tuple[Board, str]]:
    with running_board() as b:
        yield b


async def test_fetch_skips_the_legal_notice_and_normalises(board: tuple[Board, str]) -> None:
    local, url = board
    local.route("GET", PATH, feed())
    async with new_client() as client:
        jobs = await RemoteOK().fetch(http_for(client, "remoteok", url), SourceQuery())
    assert local.queries() == [{}]
    assert [j.source_id for j in jobs] == ["2001", "2002", "2003"]
    first, second, third = jobs
    assert (first.title, first.company, first.location, first.remote_type) == (
        "Senior Golang Engineer",
        "Smith & Daughters",
        "Lisbon, Portugal",
        RemoteType.remote,
    )
    assert first.url == "https://remoteOK.com/remote-jobs/2001"
    assert (first.salary_min, first.salary_max, first.salary_currency, first.salary_period) == (
        90_000,
        130_000,
        "USD",
        SalaryPeriod.year,
    )
    # the anti-spam tail is cut, the mojibake repaired
    assert first.description_text == "We\u2019re hiring: Go services."
    assert "mention the word" not in first.description_html and "<strong>Go</strong>" in first.description_html
    assert "LANTERN" not in third.description_text and third.description_text == "Plain text about our Golang platform."
    # whole tags only: "contract" is a type, "international" / "internal tools" are not internships
    assert (first.employment_type, second.employment_type) == ("contract", None)
    assert first.posted_at is not None and first.posted_at.isoformat() == "2026-09-22T18:00:00+00:00"
    # 0 means unknown, for one bound or both
    assert (second.salary_min, second.salary_max, second.salary_currency, second.salary_period) == (None,) * 4
    assert (third.salary_min, third.salary_max, third.salary_currency) == (None, 85_000, "USD")
    assert third.posted_at is not None and third.posted_at.isoformat() == "2026-09-20T08:00:00+00:00"


async def test_keywords_send_one_tag_and_filter_here(board: tuple[Board, str]) -> None:
    local, url = board
    local.route("GET", PATH, feed())
    async with new_client() as client:
        jobs = await RemoteOK().fetch(http_for(client, "remoteok", url), SourceQuery(keywords="Golang, Go"))
    assert local.queries() == [{"tag": "golang"}]
    # 2001 by title and tag, 2003 by description; "go" is a whole word, so "Good people." does not match
    assert [j.source_id for j in jobs] == ["2001", "2003"]


def test_keywords_are_case_insensitive() -> None:
    jobs = RemoteOK().parse(feed(), SourceQuery(keywords="KUBERNETES"))
    assert [j.source_id for j in jobs] == ["2003"]


async def test_fetch_cuts_to_the_limit(board: tuple[Board, str]) -> None:
    local, url = board
    local.route("GET", PATH, feed())
    async with new_client() as client:
        jobs = await RemoteOK().fetch(http_for(client, "remoteok", url), SourceQuery(limit=1))
    assert [j.source_id for j in jobs] == ["2001"]


def test_parse_refuses_a_foreign_shape() -> None:
    assert RemoteOK().parse([LEGAL]) == []
    with pytest.raises(SourceError, match="expected an array"):
        RemoteOK().parse({"jobs": feed()})


async def test_http_error_is_a_source_error(board: tuple[Board, str]) -> None:
    local, url = board
    local.script("GET", PATH, [403])
    async with new_client() as client:
        with pytest.raises(SourceError, match="HTTP 403"):
            await RemoteOK().fetch(http_for(client, "remoteok", url), SourceQuery())
    assert len(local.requests) == 1


def test_terms() -> None:
    assert "Remote OK" in RemoteOK.attribution and RemoteOK.base_url == "https://remoteok.com"
