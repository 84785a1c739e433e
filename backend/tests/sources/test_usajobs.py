"""USAJOBS against a local board speaking its protocol: the Authorization-Key and registered-email User-Agent
headers, Page/NumberOfPages paging, salaries as strings with "Per Year" or "PA"/"PH", the plain-text description
assembled from UserArea.Details, and telework/remote flags."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from app.core.config import Settings
from app.jobs.sources.base import SourceError, SourceQuery
from app.jobs.sources.http import new_client
from app.jobs.sources.usajobs import MAX_PAGES, UsaJobs
from app.models.job import RemoteType, SalaryPeriod
from tests.sources.boards import Board, http_for, running_board

PATH = "/api/Search"


def settings(**extra: Any) -> Settings:
    values = {"usajobs_api_key": "usa-key-789", "usajobs_email": "me@example.org", **extra}
    return Settings(_env_file=None, **values)  # type: ignore[call-arg, arg-type]


def item(object_id: str, title: str = "Data Scientist", **details: Any) -> dict[str, Any]:
    return {
        "MatchedObjectId": object_id,
        "MatchedObjectDescriptor": {
            "PositionID": f"DCSA-22-{object_id}-P",
            "PositionTitle": title,
            "PositionURI": f"https://www.usajobs.gov:443/GetJob/ViewDetails/{object_id}",
            "ApplyURI": [f"https://www.usajobs.gov:443/GetJob/ViewDetails/{object_id}?PostingChannelID="],
            "PositionLocationDisplay": "Fort Meade, Maryland",
            "PositionLocation": [{"LocationName": "Fort Meade, Maryland", "CountryCode": "United States"}],
            "OrganizationName": "Defense Counterintelligence and Security Agency",
            "DepartmentName": "Department of Defense",
            "JobCategory": [{"Name": "Computer Science", "Code": "1550"}],
            "PositionSchedule": [{"Name": "Full-time", "Code": "1"}],
            "PositionOfferingType": [{"Name": "Permanent", "Code": "15317"}],
            "QualificationSummary": "You must have one year of specialized experience.",
            "PositionRemuneration": [
                {"MinimumRange": "97738.0", "MaximumRange": "138868.0", "RateIntervalCode": "Per Year"}
            ],
            "PositionStartDate": "2022-03-25T11:18:12.4200",
            "PublicationStartDate": "2022-03-25T11:18:12.4200",
            "ApplicationCloseDate": "2022-04-14T23:59:59.9970",
            "UserArea": {
                "Details": {
                    "JobSummary": "This position is placed in the Program Executive Office.",
                    "MajorDuties": ["Apply data science to mission problems.", "Brief senior leaders."],
                    "LowGrade": "13",
                    "HighGrade": "13",
                    "TeleworkEligible": False,
                    "RemoteIndicator": False,
                    **details,
                },
                "IsRadialSearch": False,
            },
        },
        "RelevanceRank": 0,
    }


def answer(pages: int, *items: dict[str, Any]) -> dict[str, Any]:
    return {
        "LanguageCode": "EN",
        "SearchParameters": {},
        "SearchResult": {
            "SearchResultCount": len(items),
            "SearchResultCountAll": pages * len(items),
            "SearchResultItems": list(items),
            "UserArea": {"NumberOfPages": str(pages), "IsRadialSearch": False},
        },
    }


@pytest.fixture
def board() -> Iterator[tuple[Board, str]]:
    with running_board() as b:
        yield b


async def test_fetch_sends_the_key_and_email_headers_and_normalises(board: tuple[Board, str]) -> None:
    local, url = board
    local.route("GET", PATH, answer(1, item("645184400", TeleworkEligible=True)))
    async with new_client() as client:
        jobs = await UsaJobs(settings()).fetch(
            http_for(client, "usajobs", url), SourceQuery(keywords="data scientist", location="Maryland")
        )
    request = local.requests[0]
    assert request.headers["authorization-key"] == "usa-key-789"
    assert request.headers["user-agent"] == "me@example.org"  # the registered email replaces our User-Agent
    assert local.queries() == [
        {"ResultsPerPage": "500", "Keyword": "data scientist", "LocationName": "Maryland", "Page": "1"}
    ]
    [job] = jobs
    assert (job.source_id, job.title, job.company, job.location) == (
        "645184400",
        "Data Scientist",
        "Defense Counterintelligence and Security Agency",
        "Fort Meade, Maryland",
    )
    assert (job.salary_min, job.salary_max, job.salary_currency, job.salary_period) == (
        97_738,
        138_868,
        "USD",
        SalaryPeriod.year,
    )
    assert job.remote_type == RemoteType.hybrid and job.employment_type == "full_time"
    assert job.url == "https://www.usajobs.gov:443/GetJob/ViewDetails/645184400"
    assert job.posted_at == datetime(2022, 3, 25, 11, 18, 12, 420000, tzinfo=UTC)
    text = job.description_text
    assert text.index("Program Executive Office") < text.index("- Brief senior leaders.") < text.index("one year")
    assert "<p>" in job.description_html


async def test_pages_follow_number_of_pages(board: tuple[Board, str]) -> None:
    local, url = board
    local.script("GET", PATH, [answer(3, item("1")), answer(3, item("2")), answer(3, item("3"))])
    async with new_client() as client:
        jobs = await UsaJobs(settings()).fetch(http_for(client, "usajobs", url), SourceQuery(remote_only=True))
    assert [q["Page"] for q in local.queries()] == ["1", "2", "3"]
    assert all(q["RemoteIndicator"] == "True" and "Keyword" not in q for q in local.queries())
    assert [j.source_id for j in jobs] == ["1", "2", "3"]


async def test_paging_stops_at_the_limit_and_at_max_pages(board: tuple[Board, str]) -> None:
    local, url = board
    local.script("GET", PATH, [answer(1084, item("1"), item("2"))])
    async with new_client() as client:
        two = await UsaJobs(settings()).fetch(http_for(client, "usajobs", url), SourceQuery(limit=2))
        assert len(local.requests) == 1 and len(two) == 2
        jobs = await UsaJobs(settings()).fetch(http_for(client, "usajobs", url), SourceQuery(limit=10_000))
    assert len(local.requests) == 1 + MAX_PAGES and len(jobs) == 2  # the same two on every page: deduplicated


@pytest.mark.parametrize(
    ("code", "period"),
    [("Per Year", SalaryPeriod.year), ("PA", SalaryPeriod.year), ("PH", SalaryPeriod.hour), ("PD", SalaryPeriod.day)],
)
def test_rate_interval_codes_old_and_new(code: str, period: SalaryPeriod) -> None:
    posting = item("1")
    posting["MatchedObjectDescriptor"]["PositionRemuneration"] = [
        {"MinimumRange": "25.5", "MaximumRange": "31.0", "RateIntervalCode": code}
    ]
    [job] = UsaJobs(settings()).parse(answer(1, posting))
    assert (job.salary_min, job.salary_max, job.salary_period) == (26, 31, period)


def test_remote_flags_and_missing_pay() -> None:
    remote = item("1", RemoteIndicator=True, TeleworkEligible=True)
    onsite = item("2")
    unpaid = item("3")
    unpaid["MatchedObjectDescriptor"]["PositionRemuneration"] = [
        {"MinimumRange": "0.0", "MaximumRange": "0.0", "RateIntervalCode": "WC"}
    ]
    del unpaid["MatchedObjectDescriptor"]["UserArea"]["Details"]["RemoteIndicator"]
    first, second, third = UsaJobs(settings()).parse(answer(1, remote, onsite, unpaid))
    assert (first.remote_type, second.remote_type, third.remote_type) == (
        RemoteType.remote,
        RemoteType.onsite,
        RemoteType.unknown,
    )
    assert (third.salary_min, third.salary_max, third.salary_currency, third.salary_period) == (None, None, None, None)


async def test_unconfigured_is_a_clear_error_without_a_request(board: tuple[Board, str]) -> None:
    local, url = board
    for source in (UsaJobs(), UsaJobs(settings(usajobs_email=None)), UsaJobs(settings(usajobs_api_key=""))):
        assert UsaJobs.needs_key and not source.configured()
        async with new_client() as client:
            with pytest.raises(SourceError, match="usajobs: needs USAJOBS_API_KEY and USAJOBS_EMAIL"):
                await source.fetch(http_for(client, "usajobs", url), SourceQuery())
    assert UsaJobs(settings()).configured() and local.requests == []


@pytest.mark.parametrize(
    "payload", [[], {"SearchResult": []}, {"SearchResult": {"SearchResultItems": None}}, {"Message": "Unauthorized"}]
)
def test_parse_refuses_a_foreign_shape(payload: Any) -> None:
    with pytest.raises(SourceError, match="usajobs"):
        UsaJobs(settings()).parse(payload)


def test_items_without_id_or_title_are_skipped() -> None:
    untitled = item("2")
    del untitled["MatchedObjectDescriptor"]["PositionTitle"]
    assert [j.source_id for j in UsaJobs().parse(answer(1, item("1"), untitled, "junk", {}))] == ["1"]
