"""Lever against a local board speaking its protocol: a bare array, skip/limit paging, epoch-ms dates, pay."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from app.jobs.sources.base import SourceError, SourceQuery
from app.jobs.sources.http import new_client
from app.jobs.sources.lever import Lever, readable_slug
from app.models.job import RemoteType, SalaryPeriod
from tests.sources.boards import Board, http_for, running_board

PATH = "/v0/postings/acme-robotics"


def posting(index: int, **extra: Any) -> dict[str, Any]:
    """A minimal posting in Lever's shape (ids are UUIDs)."""
    ident = f"{index:08d}-1f2e-4d3c-8b4a-000000000000"
    return {
        "id": ident,
        "text": f"Engineer {index}",
        "categories": {"commitment": "Full-time", "location": "Berlin, Germany", "allLocations": ["Berlin, Germany"]},
        "createdAt": 1790000000000 + index,
        "description": f"<div>Posting {index}</div>",
        "descriptionPlain": f"Posting {index}",
        "lists": [],
        "additional": "",
        "hostedUrl": f"https://jobs.lever.co/acme-robotics/{ident}",
        "applyUrl": f"https://jobs.lever.co/acme-robotics/{ident}/apply",
        "workplaceType": "unspecified",
        **extra,
    }


def board_payload() -> list[dict[str, Any]]:
    return [
        {
            "additionalPlain": "We sponsor visas.\n",
            "additional": "<div><b>Benefits</b></div><div>We sponsor visas &amp; relocation.</div>",
            "categories": {
                "commitment": "Permanent",
                "department": "Engineering",
                "location": "Berlin, Germany",
                "team": "Platform",
                "allLocations": ["Berlin, Germany", "Munich, Germany"],
            },
            "createdAt": 1790150400000,
            "descriptionPlain": "About Acme\nWe build warehouse robots.",
            "description": "<div><strong>About Acme</strong></div><div>We build warehouse robots.</div>"
            '<img src="x" onerror="alert(1)">',
            "id": "5f0c2a9e-3b1d-4c6e-9a7f-2d8e1b4c6a01",
            "lists": [
                {"text": "What you'll do", "content": "\n<li>Run the fleet API</li>\n<li>Own on-call</li>\n"},
                {"text": "What we need", "content": "<li>Python &amp; Go</li>"},
            ],
            "text": "Senior Platform Engineer",
            "country": "DE",
            "workplaceType": "hybrid",
            "hostedUrl": "https://jobs.lever.co/acme-robotics/5f0c2a9e-3b1d-4c6e-9a7f-2d8e1b4c6a01",
            "applyUrl": "https://jobs.lever.co/acme-robotics/5f0c2a9e-3b1d-4c6e-9a7f-2d8e1b4c6a01/apply",
            "salaryRange": {"min": 85000, "max": 110000, "currency": "EUR", "interval": "per-year-salary"},
        },
        {
            "categories": {"commitment": "Contract", "location": "Remote - US", "team": "Support"},
            "createdAt": 1790236800000,
            "descriptionPlain": "Answer customer tickets.",
            "description": "",
            "id": "5f0c2a9e-3b1d-4c6e-9a7f-2d8e1b4c6a02",
            "lists": [],
            "text": "Support Specialist",
            "country": "US",
            "workplaceType": "remote",
            "hostedUrl": "https://jobs.lever.co/acme-robotics/5f0c2a9e-3b1d-4c6e-9a7f-2d8e1b4c6a02",
            "applyUrl": "https://jobs.lever.co/acme-robotics/5f0c2a9e-3b1d-4c6e-9a7f-2d8e1b4c6a02/apply",
            "salaryRange": {"min": 28, "max": 34, "currency": "usd", "interval": "per-hour-wage"},
        },
        {"id": "no-title", "categories": {}},
    ]


@pytest.fixture
def board() -> Iterator[tuple[Board, str]]:
    with running_board() as b:
        yield b


async def test_fetch_normalises_a_board(board: tuple[Board, str]) -> None:
    local, url = board
    local.route("GET", PATH, board_payload())
    async with new_client() as client:
        jobs = await Lever().fetch(http_for(client, "lever", url), SourceQuery(company="acme-robotics"))
    assert local.queries() == [{"mode": "json", "skip": "0", "limit": "100"}]
    assert [j.title for j in jobs] == ["Senior Platform Engineer", "Support Specialist"]
    first, second = jobs
    assert first.source_id == "5f0c2a9e-3b1d-4c6e-9a7f-2d8e1b4c6a01"
    assert first.company == "Acme Robotics"
    assert first.url == "https://jobs.lever.co/acme-robotics/5f0c2a9e-3b1d-4c6e-9a7f-2d8e1b4c6a01"
    assert first.location == "Berlin, Germany; Munich, Germany"
    assert (first.remote_type, first.employment_type) == (RemoteType.hybrid, "full_time")
    assert (first.salary_min, first.salary_max, first.salary_currency, first.salary_period) == (
        85000,
        110000,
        "EUR",
        SalaryPeriod.year,
    )
    assert first.posted_at is not None and first.posted_at.isoformat() == "2026-09-23T08:00:00+00:00"  # epoch ms
    # description + lists (heading and bullets) + additional, in that order, sanitised
    assert "<h3>What you'll do</h3>\n<ul><li>Run the fleet API</li><li>Own on-call</li></ul>" in first.description_html
    assert "onerror" not in first.description_html
    text = first.description_text
    assert text.index("We build warehouse robots.") < text.index("What you'll do") < text.index("- Run the fleet API")
    assert text.index("- Own on-call") < text.index("- Python & Go") < text.index("We sponsor visas & relocation.")
    assert "\n\n- Own on-call" not in text  # the whitespace between Lever's <li>s makes no blank lines
    assert (second.remote_type, second.employment_type, second.location) == (
        RemoteType.remote,
        "contract",
        "Remote - US",
    )
    assert (second.salary_min, second.salary_max, second.salary_currency, second.salary_period) == (
        28,
        34,
        "USD",
        SalaryPeriod.hour,
    )
    assert second.description_text == "Answer customer tickets."  # empty HTML falls back to descriptionPlain


async def test_pages_with_skip_until_a_short_page(board: tuple[Board, str]) -> None:
    local, url = board
    pages = [[posting(i) for i in range(start, start + size)] for start, size in ((0, 100), (100, 100), (200, 30))]
    local.script("GET", PATH, pages)
    async with new_client() as client:
        jobs = await Lever().fetch(http_for(client, "lever", url), SourceQuery(company="acme-robotics", limit=1000))
    assert [(q["skip"], q["limit"]) for q in local.queries()] == [("0", "100"), ("100", "100"), ("200", "100")]
    assert len(jobs) == 230 and len({j.source_id for j in jobs}) == 230


async def test_paging_stops_at_the_query_limit(board: tuple[Board, str]) -> None:
    local, url = board
    local.script("GET", PATH, [[posting(i) for i in range(s, s + 100)] for s in (0, 100, 200)])
    async with new_client() as client:
        jobs = await Lever().fetch(http_for(client, "lever", url), SourceQuery(company="acme-robotics", limit=150))
    assert [q["skip"] for q in local.queries()] == ["0", "100"]
    assert len(jobs) == 150


async def test_a_board_that_ignores_skip_does_not_loop(board: tuple[Board, str]) -> None:
    local, url = board
    local.route("GET", PATH, [posting(i) for i in range(100)])  # the same full page, whatever the skip
    async with new_client() as client:
        jobs = await Lever().fetch(http_for(client, "lever", url), SourceQuery(company="acme-robotics", limit=1000))
    assert len(local.requests) == 2 and len(jobs) == 100


@pytest.mark.parametrize(
    ("interval", "period"),
    [
        ("per-year-salary", SalaryPeriod.year),
        ("per-month-salary", SalaryPeriod.month),  # normalize.parse_period alone reads "salary" as a year
        ("per-week-salary", SalaryPeriod.week),
        ("per-day-wage", SalaryPeriod.day),
        ("per-hour-wage", SalaryPeriod.hour),
        ("one-time", None),
    ],
)
def test_salary_intervals(interval: str, period: SalaryPeriod | None) -> None:
    job = Lever().parse([posting(1, salaryRange={"min": 5000, "max": 6000, "currency": "GBP", "interval": interval})])
    assert job[0].salary_period == period and job[0].salary_min == 5000


def test_parse_without_query_takes_the_company_from_the_hosted_url() -> None:
    jobs = Lever().parse([posting(7)])
    assert (
        jobs[0].company == "Acme Robotics" and jobs[0].salary_min is None and jobs[0].remote_type is RemoteType.unknown
    )
    assert readable_slug("north_star.ai") == "North Star Ai"


@pytest.mark.parametrize("payload", [{"ok": False, "error": "Document not found"}, {"jobs": []}, "nope"])
def test_parse_refuses_a_foreign_shape(payload: Any) -> None:
    with pytest.raises(SourceError, match="expected a JSON array"):
        Lever().parse(payload)


async def test_without_a_company_nothing_is_asked(board: tuple[Board, str]) -> None:
    local, url = board
    async with new_client() as client:
        assert await Lever().fetch(http_for(client, "lever", url), SourceQuery(keywords="python")) == []
    assert local.requests == []


async def test_server_errors_fail_the_source_after_retries(board: tuple[Board, str]) -> None:
    local, url = board
    local.script("GET", PATH, [500])
    async with new_client() as client:
        with pytest.raises(SourceError, match="HTTP 500 after 3 attempts"):
            await Lever().fetch(http_for(client, "lever", url), SourceQuery(company="acme-robotics"))
    assert len(local.requests) == 3
