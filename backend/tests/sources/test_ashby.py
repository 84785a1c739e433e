"""Ashby against a local board speaking its protocol: one call, unlisted postings skipped, compensation mapped."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from app.jobs.sources.ashby import Ashby
from app.jobs.sources.base import SourceError, SourceQuery
from app.jobs.sources.http import new_client
from app.models.job import RemoteType, SalaryPeriod
from tests.sources.boards import Board, http_for, running_board

PATH = "/posting-api/job-board/northwind"
JOB_URL = "https://jobs.ashbyhq.com/northwind"


def compensation(*components: dict[str, Any]) -> dict[str, Any]:
    return {
        "compensationTierSummary": None,
        "scrapeableCompensationSalarySummary": None,
        "compensationTiers": [],
        "summaryComponents": list(components),
    }


def board_payload() -> dict[str, Any]:
    return {
        "apiVersion": "1",
        "jobs": [
            {
                "id": "0b7c1e52-8f0a-4c39-a1d4-6e2f9b3a7c11",
                "title": " Staff Data Engineer ",
                "department": "Engineering",
                "team": "Data",
                "employmentType": "FullTime",
                "location": "Toronto, ON",
                "secondaryLocations": [
                    {"location": "Remote (Canada)", "address": {"postalAddress": {"addressCountry": "Canada"}}}
                ],
                "publishedAt": "2026-09-14T15:02:11.204+00:00",
                "isListed": True,
                "isRemote": True,  # true for hybrid roles too: workplaceType wins
                "workplaceType": "Hybrid",
                "address": {"postalAddress": {"addressRegion": "ON", "addressCountry": "Canada"}},
                "jobUrl": f"{JOB_URL}/0b7c1e52-8f0a-4c39-a1d4-6e2f9b3a7c11",
                "applyUrl": f"{JOB_URL}/0b7c1e52-8f0a-4c39-a1d4-6e2f9b3a7c11/application",
                "descriptionHtml": '<h1><strong>About Northwind</strong></h1><p style="min-height:1.5em">We move '
                "freight with <em>fewer</em> empty miles.</p><ul><li>dbt</li><li>Airflow</li></ul>",
                "descriptionPlain": "ABOUT NORTHWIND\n\nWe move freight with fewer empty miles.",
                "compensation": compensation(
                    {
                        "compensationType": "EquityPercentage",
                        "interval": "NONE",
                        "currencyCode": None,
                        "minValue": None,
                        "maxValue": None,
                    },
                    {
                        "compensationType": "Salary",
                        "interval": "1 YEAR",
                        "currencyCode": "CAD",
                        "minValue": 182000,
                        "maxValue": 231500.5,
                    },
                ),
            },
            {
                "id": "0b7c1e52-8f0a-4c39-a1d4-6e2f9b3a7c12",
                "title": "Software Engineering Intern",
                "employmentType": "Intern",
                "location": "Remote (US)",
                "secondaryLocations": [],
                "publishedAt": "2026-08-01T09:00:00.000+00:00",
                "isListed": True,
                "isRemote": True,
                "workplaceType": "Remote",
                "jobUrl": f"{JOB_URL}/0b7c1e52-8f0a-4c39-a1d4-6e2f9b3a7c12",
                "descriptionHtml": "<p>Ship a real feature in 12 weeks.</p>",
                "compensation": compensation(
                    {
                        "compensationType": "Salary",
                        "interval": "1 MONTH",
                        "currencyCode": "USD",
                        "minValue": 9500,
                        "maxValue": 9500,
                    }
                ),
            },
            {
                "id": "0b7c1e52-8f0a-4c39-a1d4-6e2f9b3a7c13",
                "title": "Secret Executive Search",
                "employmentType": "FullTime",
                "location": "Toronto, ON",
                "isListed": False,
                "isRemote": False,
                "workplaceType": "OnSite",
                "jobUrl": f"{JOB_URL}/0b7c1e52-8f0a-4c39-a1d4-6e2f9b3a7c13",
                "descriptionHtml": "<p>Confidential.</p>",
            },
            {
                "id": "0b7c1e52-8f0a-4c39-a1d4-6e2f9b3a7c14",
                "title": "Warehouse Lead",
                "employmentType": "Contract",
                "location": "Hamilton, ON",
                "publishedAt": "2026-09-20T12:30:00+00:00",
                "isListed": True,
                "isRemote": False,
                "workplaceType": "OnSite",
                "jobUrl": f"{JOB_URL}/0b7c1e52-8f0a-4c39-a1d4-6e2f9b3a7c14",
                "descriptionHtml": "",
                "descriptionPlain": "Lead the night shift.",
                "compensation": compensation(),
            },
        ],
    }


@pytest.fixture
def board() -> Iterator[tuple[Board, str]]:
    with running_board() as b:
        yield b


async def test_fetch_normalises_a_board(board: tuple[Board, str]) -> None:
    local, url = board
    local.route("GET", PATH, board_payload())
    async with new_client() as client:
        jobs = await Ashby().fetch(http_for(client, "ashby", url), SourceQuery(company="northwind"))
    assert local.queries() == [{"includeCompensation": "true"}]
    assert [j.title for j in jobs] == ["Staff Data Engineer", "Software Engineering Intern", "Warehouse Lead"]
    staff, intern, lead = jobs
    assert staff.source_id == "0b7c1e52-8f0a-4c39-a1d4-6e2f9b3a7c11" and staff.company == "Northwind"
    assert staff.url == f"{JOB_URL}/0b7c1e52-8f0a-4c39-a1d4-6e2f9b3a7c11"
    assert staff.location == "Toronto, ON; Remote (Canada)"
    assert (staff.remote_type, staff.employment_type) == (RemoteType.hybrid, "full_time")
    assert (staff.salary_min, staff.salary_max, staff.salary_currency, staff.salary_period) == (
        182000,
        231500,
        "CAD",
        SalaryPeriod.year,
    )
    assert "<em>fewer</em>" in staff.description_html and "style=" not in staff.description_html
    assert "About Northwind\n\nWe move freight with fewer empty miles.\n\n- dbt\n- Airflow" in staff.description_text
    assert staff.posted_at is not None and staff.posted_at.isoformat() == "2026-09-14T15:02:11.204000+00:00"
    assert (intern.remote_type, intern.employment_type) == (RemoteType.remote, "internship")
    assert (intern.salary_min, intern.salary_max, intern.salary_period) == (9500, 9500, SalaryPeriod.month)
    assert (lead.remote_type, lead.employment_type) == (RemoteType.onsite, "contract")
    assert (lead.salary_min, lead.salary_currency, lead.salary_period) == (None, None, None)
    assert lead.description_text == "Lead the night shift."


def test_unlisted_postings_are_skipped() -> None:
    jobs = Ashby().parse(board_payload())
    assert "0b7c1e52-8f0a-4c39-a1d4-6e2f9b3a7c13" not in {j.source_id for j in jobs}
    assert all(j.title != "Secret Executive Search" for j in jobs)


def test_pay_only_in_the_tiers_is_still_read() -> None:
    tiers = {
        "summaryComponents": [],
        "compensationTiers": [
            {
                "tierSummary": "€70K - €85K",
                "components": [
                    {"compensationType": "Bonus", "interval": "1 YEAR", "currencyCode": "EUR", "minValue": 5000},
                    {
                        "compensationType": "Salary",
                        "interval": "1 YEAR",
                        "currencyCode": "EUR",
                        "minValue": 70000,
                        "maxValue": 85000,
                    },
                ],
            }
        ],
    }
    job = {"id": "x1", "title": "Analyst", "isListed": True, "compensation": tiers, "jobUrl": f"{JOB_URL}/x1"}
    parsed = Ashby().parse({"jobs": [job]})[0]
    assert (parsed.salary_min, parsed.salary_max, parsed.salary_currency) == (70000, 85000, "EUR")
    assert parsed.company == "Northwind"  # without a query, the board slug of the job URL


@pytest.mark.parametrize("payload", [[{"id": "x", "title": "y"}], {"results": []}, {"jobs": "none"}])
def test_parse_refuses_a_foreign_shape(payload: Any) -> None:
    with pytest.raises(SourceError, match="jobs list"):
        Ashby().parse(payload)


async def test_unknown_board_is_an_error(board: tuple[Board, str]) -> None:
    local, url = board
    async with new_client() as client:
        with pytest.raises(SourceError, match="HTTP 404"):
            await Ashby().fetch(http_for(client, "ashby", url), SourceQuery(company="nobody"))
        assert await Ashby().fetch(http_for(client, "ashby", url), SourceQuery()) == []
    assert len(local.requests) == 1
