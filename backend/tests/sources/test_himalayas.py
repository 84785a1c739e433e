"""Himalayas against a local board speaking its protocol: cursor paging (`nextCursor` → `?cursor=`), the older
offset envelope, server-side search, guid ids, empty location restrictions meaning worldwide, structured salaries
and epoch dates in seconds or milliseconds."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from app.jobs.sources.base import SourceError, SourceQuery
from app.jobs.sources.himalayas import Himalayas
from app.jobs.sources.http import new_client
from app.models.job import RemoteType, SalaryPeriod
from tests.sources.boards import Board, http_for, running_board

FEED = "/jobs/api"
SEARCH = "/jobs/api/search"


def job(slug: str, title: str, **extra: Any) -> dict[str, Any]:
    link = f"https://himalayas.app/companies/tidewater/jobs/{slug}"
    item = {
        "title": title,
        "excerpt": "Tidewater builds logistics software.",
        "companyName": "Tidewater Labs",
        "companySlug": "tidewater",
        "companyLogo": "https://cdn-images.himalayas.app/tidewater",
        "employmentType": "Full Time",
        "minSalary": None,
        "maxSalary": None,
        "salaryPeriod": "annual",
        "seniority": ["Mid-level"],
        "currency": None,
        "locationRestrictions": [],
        "timezoneRestrictions": [-5, 0, 1],
        "categories": ["Backend-Development"],
        "parentCategories": ["Developer"],
        "description": "<h3>About us</h3><p>We route <strong>freight</strong>.</p>",
        "pubDate": 1791000000,
        "expiryDate": 1796184000,
        "applicationLink": link,
        "guid": link,
    }
    item.update(extra)
    return item


def envelope(jobs: list[dict[str, Any]], cursor: str | None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "comments": "Cursor pagination is now available. Pass the nextCursor value back as ?cursor=.",
        "updatedAt": 1791000100,
        "offset": 0,
        "limit": 20,
        "totalCount": 5000,
        "jobs": jobs,
    }
    if cursor:
        body["nextCursor"] = cursor
    return body


@pytest.fixture
def board() -> Iterator[tuple[Board, str]]:
    with running_board() as b:
        yield b


async def test_cursor_paging_and_normalisation(board: tuple[Board, str]) -> None:
    local, url = board
    first = envelope(
        [
            job(
                "backend-engineer",
                "Backend Engineer",
                minSalary=95000,
                maxSalary=125000.0,
                currency="usd",
                locationRestrictions=["Germany", "Portugal"],
            ),
            job(
                "support-agent",
                "Support Agent",
                employmentType="Contractor",
                minSalary=18,
                maxSalary=24,
                currency="USD",
                salaryPeriod="hourly",
                pubDate=1791000000123,
            ),
        ],
        "MjAyNi0xMC0wMlQxMDowMDowMHwx",
    )
    second = envelope([job("data-engineer", "Data Engineer", employmentType="Part Time")], None)
    local.script("GET", FEED, [first, second])
    async with new_client() as client:
        jobs = await Himalayas().fetch(http_for(client, "himalayas", url), SourceQuery())
    assert local.queries() == [{"limit": "20"}, {"limit": "20", "cursor": "MjAyNi0xMC0wMlQxMDowMDowMHwx"}]
    backend, support, data = jobs
    assert backend.source_id == backend.url == "https://himalayas.app/companies/tidewater/jobs/backend-engineer"
    assert (backend.title, backend.company, backend.location, backend.remote_type, backend.employment_type) == (
        "Backend Engineer",
        "Tidewater Labs",
        "Germany, Portugal",
        RemoteType.remote,
        "full_time",
    )
    assert (backend.salary_min, backend.salary_max, backend.salary_currency, backend.salary_period) == (
        95_000,
        125_000,
        "USD",
        SalaryPeriod.year,
    )
    assert (support.salary_min, support.salary_max, support.salary_period, support.employment_type) == (
        18,
        24,
        SalaryPeriod.hour,
        "contract",
    )
    assert "<strong>freight</strong>" in backend.description_html and backend.description_text.startswith("About us")
    # seconds (the captures) and milliseconds (the docs) give the same instant
    assert backend.posted_at is not None and backend.posted_at.isoformat() == "2026-10-03T04:00:00+00:00"
    assert support.posted_at is not None and support.posted_at.replace(microsecond=0) == backend.posted_at
    # empty restrictions: worldwide; "annual" with null amounts is no salary
    assert (data.location, data.employment_type) == ("Worldwide", "part_time")
    assert (data.salary_min, data.salary_max, data.salary_currency, data.salary_period) == (None,) * 4


async def test_keywords_use_the_search_endpoint(board: tuple[Board, str]) -> None:
    local, url = board
    local.route("GET", SEARCH, {"jobs": [job("rust-engineer", "Rust Engineer")]})
    async with new_client() as client:
        jobs = await Himalayas().fetch(http_for(client, "himalayas", url), SourceQuery(keywords=" rust engineer "))
    assert [r.url.path for r in local.requests] == [SEARCH]
    assert local.queries() == [{"q": "rust engineer"}]
    assert [j.title for j in jobs] == ["Rust Engineer"]


async def test_older_offset_envelope_pages_by_offset(board: tuple[Board, str]) -> None:
    local, url = board
    older = [
        {"totalCount": 3, "offset": 0, "limit": 2, "jobs": [job("a", "A"), job("b", "B")]},
        {"totalCount": 3, "offset": 2, "limit": 2, "jobs": [job("c", "C")]},
    ]
    local.script("GET", FEED, older)
    async with new_client() as client:
        jobs = await Himalayas().fetch(http_for(client, "himalayas", url), SourceQuery())
    assert local.queries() == [{"limit": "20"}, {"limit": "20", "offset": "2"}]
    assert [j.title for j in jobs] == ["A", "B", "C"]


async def test_stops_at_the_limit_and_on_a_repeated_cursor(board: tuple[Board, str]) -> None:
    local, url = board
    local.route("GET", FEED, envelope([job("a", "A"), job("b", "B")], "same"))
    async with new_client() as client:
        limited = await Himalayas().fetch(http_for(client, "himalayas", url), SourceQuery(limit=1))
        assert local.queries() == [{"limit": "20"}] and [j.title for j in limited] == ["A"]
        everything = await Himalayas().fetch(http_for(client, "himalayas", url), SourceQuery())
    # the second page hands back the same cursor: no third request, no duplicates
    assert local.queries()[1:] == [{"limit": "20"}, {"limit": "20", "cursor": "same"}]
    assert [j.title for j in everything] == ["A", "B"]


def test_parse_refuses_a_foreign_shape() -> None:
    assert Himalayas().parse({"jobs": [{"title": "no guid"}, job("ok", "OK")]})[0].title == "OK"
    with pytest.raises(SourceError, match="jobs list"):
        Himalayas().parse([job("a", "A")])
    with pytest.raises(SourceError):
        Himalayas().parse({"totalCount": 0, "jobs": None})


async def test_broken_json_on_a_later_page_is_a_source_error(board: tuple[Board, str]) -> None:
    local, url = board
    local.script("GET", FEED, [envelope([job("a", "A")], "next"), "malformed"])
    async with new_client() as client:
        with pytest.raises(SourceError, match="not valid JSON"):
            await Himalayas().fetch(http_for(client, "himalayas", url), SourceQuery())
    assert local.queries() == [{"limit": "20"}, {"limit": "20", "cursor": "next"}]


def test_terms() -> None:
    assert "Himalayas" in Himalayas.attribution and Himalayas.base_url == "https://himalayas.app"
