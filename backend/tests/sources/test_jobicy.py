"""Jobicy against a local board speaking its protocol: count/tag, both salary schemas (2024 strings and v2.2 ints
with a period), naive and offset pubDates, and a remote-only board."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from app.jobs.sources.base import SourceError, SourceQuery
from app.jobs.sources.http import new_client
from app.jobs.sources.jobicy import Jobicy
from app.models.job import RemoteType, SalaryPeriod
from tests.sources.boards import Board, http_for, running_board

PATH = "/api/v2/remote-jobs"


def job_2024(job_id: int, title: str, **extra: Any) -> dict[str, Any]:
    """The 2024 schema (apiVersion 2.0): annual salary as strings, naive pubDate, lower-case jobType."""
    slug = f"{job_id}-{title.lower().replace(' ', '-')}"
    item = {
        "id": job_id,
        "url": f"https://jobicy.com/jobs/{slug}",
        "jobSlug": slug,
        "jobTitle": title,
        "companyName": "Northwind &amp; Co",
        "companyLogo": "https://jobicy.com/data/logo.png",
        "jobIndustry": ["Software Engineering"],
        "jobType": ["full-time"],
        "jobGeo": "Poland,  Portugal,  Spain",
        "jobLevel": "Senior",
        "jobExcerpt": "We are hiring a backend engineer&#8230;",
        "jobDescription": "<p>Build <strong>Python</strong> services.</p><script>x()</script><ul><li>APIs</li></ul>",
        "pubDate": "2024-12-07 04:10:26",
        "annualSalaryMin": "150000",
        "annualSalaryMax": "220000",
        "salaryCurrency": "USD",
    }
    item.update(extra)
    return item


def job_v22(job_id: int, title: str, **extra: Any) -> dict[str, Any]:
    """The v2.2.x schema: salaryMin/salaryMax ints with salaryPeriod, ISO pubDate with an offset."""
    item = {
        "id": job_id,
        "url": f"https://jobicy.com/jobs/{job_id}-role",
        "jobSlug": f"{job_id}-role",
        "jobTitle": title,
        "companyName": "Abbott",
        "jobIndustry": ["Sales"],
        "jobType": ["Full-Time"],
        "jobGeo": "USA",
        "jobLevel": "Midweight",
        "jobExcerpt": "Abbott is a global healthcare leader...",
        "jobDescription": "<p>Abbott is a global healthcare leader.</p>",
        "pubDate": "2026-06-16T04:19:59+02:00",
        "salaryMin": 78000,
        "salaryMax": 156000,
        "salaryCurrency": "USD",
        "salaryPeriod": "yearly",
    }
    item.update(extra)
    return item


def envelope(*jobs: dict[str, Any], version: str = "2.0") -> dict[str, Any]:
    return {
        "apiVersion": version,
        "documentationUrl": "https://jobi.cy/apidocs",
        "friendlyNotice": "Please do not redistribute to Jooble, Google Jobs, LinkedIn.",
        "jobCount": len(jobs),
        "lastUpdate": "2024-12-07 15:33:17",
        "jobs": list(jobs),
    }


@pytest.fixture
def board() -> Iterator[tuple[Board, str]]:
    with running_board() as b:
        yield b


async def test_fetch_sends_count_and_tag_and_normalises_the_2024_schema(board: tuple[Board, str]) -> None:
    local, url = board
    local.route("GET", PATH, envelope(job_2024(113597, "Backend Engineer"), job_2024(74847, "Data Engineer")))
    async with new_client() as client:
        jobs = await Jobicy().fetch(http_for(client, "jobicy", url), SourceQuery(keywords=" python ", limit=20))
    assert local.queries() == [{"count": "20", "tag": "python"}]
    assert [j.source_id for j in jobs] == ["113597", "74847"]
    first = jobs[0]
    assert (first.title, first.company, first.location) == (
        "Backend Engineer",
        "Northwind & Co",
        "Poland, Portugal, Spain",
    )
    assert first.remote_type == RemoteType.remote and first.employment_type == "full_time"
    assert (first.salary_min, first.salary_max, first.salary_currency, first.salary_period) == (
        150_000,
        220_000,
        "USD",
        SalaryPeriod.year,
    )
    assert "<strong>Python</strong>" in first.description_html and "<script>" not in first.description_html
    assert first.posted_at == datetime(2024, 12, 7, 4, 10, 26, tzinfo=UTC)  # naive means UTC
    assert first.url == "https://jobicy.com/jobs/113597-backend-engineer"


async def test_count_is_capped_at_100_and_tag_is_left_out_without_keywords(board: tuple[Board, str]) -> None:
    local, url = board
    local.route("GET", PATH, envelope(*(job_2024(i, f"Role {i}") for i in range(1, 4))))
    async with new_client() as client:
        jobs = await Jobicy().fetch(http_for(client, "jobicy", url), SourceQuery(limit=500))
        assert local.queries() == [{"count": "100"}]
        two = await Jobicy().fetch(http_for(client, "jobicy", url), SourceQuery(limit=2))
    assert len(jobs) == 3 and [j.source_id for j in two] == ["1", "2"]
    assert local.queries()[1] == {"count": "2"}


def test_the_v2_2_schema_with_ints_a_period_and_an_offset() -> None:
    hourly = job_v22(2, "Support Agent", salaryMin=25, salaryMax=32, salaryPeriod="hourly", salaryCurrency="eur")
    jobs = Jobicy().parse(envelope(job_v22(1, "Sales Specialist"), hourly, version="2.2.13"))
    first, second = jobs
    assert (first.salary_min, first.salary_max, first.salary_currency, first.salary_period) == (
        78_000,
        156_000,
        "USD",
        SalaryPeriod.year,
    )
    assert first.employment_type == "full_time" and first.posted_at == datetime(2026, 6, 16, 2, 19, 59, tzinfo=UTC)
    assert (second.salary_min, second.salary_max, second.salary_currency, second.salary_period) == (
        25,
        32,
        "EUR",
        SalaryPeriod.hour,
    )


def test_missing_or_empty_salaries_leave_no_currency_behind() -> None:
    no_pay_2024 = job_2024(1, "A", annualSalaryMin="", annualSalaryMax="", salaryCurrency="USD")
    no_pay_v22 = job_v22(2, "B", salaryMin=None, salaryMax=None)
    del no_pay_v22["salaryMin"], no_pay_v22["salaryMax"], no_pay_v22["salaryPeriod"]
    for job in Jobicy().parse(envelope(no_pay_2024, no_pay_v22)):
        assert (job.salary_min, job.salary_max, job.salary_currency, job.salary_period) == (None, None, None, None)


def test_excerpt_stands_in_for_a_missing_description_and_bad_items_are_skipped() -> None:
    payload = envelope(job_2024(1, "A", jobDescription=""), {"id": 2}, "junk", job_2024(3, "C", pubDate="soon"))
    first, third = Jobicy().parse(payload)
    assert first.description_text == "We are hiring a backend engineer\u2026"
    assert third.posted_at is None


@pytest.mark.parametrize("payload", [[], {"jobs": "none"}, {"success": False}, None])
def test_parse_refuses_a_foreign_shape(payload: Any) -> None:
    with pytest.raises(SourceError, match="jobicy"):
        Jobicy().parse(payload)


def test_terms_are_declared() -> None:
    assert Jobicy.min_interval_seconds >= 3600 and "Jobicy" in Jobicy.attribution
    assert Jobicy().configured() and not Jobicy.needs_key and Jobicy.kind == "search"
