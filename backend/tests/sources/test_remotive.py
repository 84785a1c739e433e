"""Remotive against a local board speaking its protocol: the legal-notice envelope, free-text salaries, naive
dates taken as UTC, server-side search and the client-side cut of an ignored `limit`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from app.jobs.sources.base import SourceError, SourceQuery, SourceRateLimited
from app.jobs.sources.http import new_client
from app.jobs.sources.remotive import Remotive
from app.models.job import RemoteType, SalaryPeriod
from tests.sources.boards import Board, http_for, running_board

PATH = "/api/remote-jobs"


def job(job_id: int, title: str, salary: str = "", **extra: Any) -> dict[str, Any]:
    item = {
        "id": job_id,
        "url": f"https://remotive.com/remote-jobs/software-development/{title.lower().replace(' ', '-')}-{job_id}",
        "title": title,
        "company_name": "Fjordline Analytics",
        "company_logo": f"https://remotive.com/job/{job_id}/logo",
        "category": "Software Development",
        "tags": ["python", "aws"],
        "job_type": "full_time",
        "publication_date": "2026-09-14T07:45:12",
        "candidate_required_location": "Europe",
        "salary": salary,
        "description": "<p>We build <strong>data pipelines</strong>.</p>",
        "company_logo_url": f"https://remotive.com/job/{job_id}/logo",
    }
    item.update(extra)
    return item


def envelope(*jobs: dict[str, Any]) -> dict[str, Any]:
    return {
        "00-warning": "Remotive main domain moved to remotive.com, please call remotive.com/api/remote-jobs.",
        "0-legal-notice": "Please link back to the URL found on Remotive and mention Remotive as a source.",
        "job-count": len(jobs),
        "total-job-count": 412,
        "jobs": list(jobs),
    }


@pytest.fixture
def board() -> Iterator[tuple[Board, str]]:
    with running_board() as b:
        yield b


async def test_fetch_searches_and_normalises(board: tuple[Board, str]) -> None:
    local, url = board
    local.route(
        "GET",
        PATH,
        envelope(
            job(
                901,
                "Senior Python Engineer",
                "$120k - $150k",
                description='<p>Own the <a href="https://fjord.example/api">API</a>.</p><script>x()</script>'
                "<ul><li>Python</li><li>Postgres</li></ul>",
                candidate_required_location="USA, Canada",
            ),
            job(902, "Python Contractor", "", job_type="freelance", publication_date="2026-09-13T23:05:00"),
        ),
    )
    async with new_client() as client:
        jobs = await Remotive().fetch(http_for(client, "remotive", url), SourceQuery(keywords=" python ", limit=50))
    assert local.queries() == [{"limit": "50", "search": "python"}]
    first, second = jobs
    assert (first.source, first.source_id, first.title, first.company) == (
        "remotive",
        "901",
        "Senior Python Engineer",
        "Fjordline Analytics",
    )
    assert first.url == "https://remotive.com/remote-jobs/software-development/senior-python-engineer-901"
    assert (first.location, first.remote_type, first.employment_type) == ("USA, Canada", RemoteType.remote, "full_time")
    assert (first.salary_min, first.salary_max, first.salary_currency, first.salary_period) == (
        120_000,
        150_000,
        "USD",
        SalaryPeriod.year,
    )
    assert "<script>" not in first.description_html and "<li>Postgres</li>" in first.description_html
    assert "Own the API." in first.description_text and "- Python" in first.description_text
    # naive publication dates are UTC
    assert first.posted_at is not None and first.posted_at.isoformat() == "2026-09-14T07:45:12+00:00"
    assert second.posted_at is not None and second.posted_at.isoformat() == "2026-09-13T23:05:00+00:00"
    # an empty salary is no salary at all, not a currency or period alone
    assert (second.salary_min, second.salary_max, second.salary_currency, second.salary_period) == (None,) * 4
    assert second.employment_type == "contract"


@pytest.mark.parametrize(
    ("salary", "expected"),
    [
        ("OTE $25k - $35k", (25_000, 35_000, "USD", SalaryPeriod.year)),
        ("€50.000-60.000 a year", (50_000, 60_000, "EUR", SalaryPeriod.year)),
        ("$40 - $60/hour", (40, 60, "USD", SalaryPeriod.hour)),
        ("USD 8,000 per month", (8_000, 8_000, "USD", SalaryPeriod.month)),
        ("Competitive", (None, None, None, None)),
        ("", (None, None, None, None)),
    ],
)
def test_free_text_salaries(salary: str, expected: tuple[Any, ...]) -> None:
    (parsed,) = Remotive().parse(envelope(job(7, "Engineer", salary)))
    assert (parsed.salary_min, parsed.salary_max, parsed.salary_currency, parsed.salary_period) == expected


async def test_without_keywords_no_search_and_an_ignored_limit_is_cut_here(board: tuple[Board, str]) -> None:
    local, url = board
    local.route("GET", PATH, envelope(*(job(i, f"Engineer {i}") for i in range(1, 6))))
    async with new_client() as client:
        jobs = await Remotive().fetch(http_for(client, "remotive", url), SourceQuery(limit=2))
    assert local.queries() == [{"limit": "2"}]
    assert [j.source_id for j in jobs] == ["1", "2"]


def test_parse_skips_junk_items_and_refuses_a_foreign_shape() -> None:
    jobs = Remotive().parse(envelope(job(1, "Engineer"), {"id": 2}, "not a job"))  # type: ignore[arg-type]
    assert [j.source_id for j in jobs] == ["1"]
    with pytest.raises(SourceError, match="jobs list"):
        Remotive().parse([job(1, "Engineer")])
    with pytest.raises(SourceError):
        Remotive().parse({"00-warning": "moved", "jobs": None})


async def test_blocked_for_hours_is_a_rate_limit(board: tuple[Board, str]) -> None:
    local, url = board
    local.script("GET", PATH, [("429", {"Retry-After": "21600"})])
    async with new_client() as client:
        with pytest.raises(SourceRateLimited):
            await Remotive().fetch(http_for(client, "remotive", url), SourceQuery(keywords="python"))
    assert len(local.requests) == 1


async def test_server_error_is_a_source_error(board: tuple[Board, str]) -> None:
    local, url = board
    local.script("GET", PATH, [502])
    async with new_client() as client:
        with pytest.raises(SourceError, match="HTTP 502 after 3 attempts"):
            await Remotive().fetch(http_for(client, "remotive", url), SourceQuery(keywords="python"))


def test_terms() -> None:
    assert Remotive.min_interval_seconds == 21600 and "Remotive" in Remotive.attribution
    assert Remotive.kind == "search" and Remotive.base_url == "https://remotive.com"
