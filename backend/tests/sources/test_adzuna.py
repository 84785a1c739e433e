"""Adzuna against a local board speaking its protocol: app_id/app_key, what/where, page paging up to the limit
(count = total), `<strong>` titles, predicted salaries dropped, the currency taken from the country."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from app.core.config import Settings
from app.jobs.sources.adzuna import MAX_PAGES, PER_PAGE, Adzuna
from app.jobs.sources.base import SourceError, SourceQuery
from app.jobs.sources.http import new_client
from app.models.job import RemoteType, SalaryPeriod
from tests.sources.boards import Board, http_for, running_board


def settings(country: str = "gb", **extra: Any) -> Settings:
    values = {"adzuna_app_id": "app-123", "adzuna_app_key": "key-456", "adzuna_country": country, **extra}
    return Settings(_env_file=None, **values)  # type: ignore[call-arg, arg-type]


def job(job_id: int, title: str = "Development Engineer", **extra: Any) -> dict[str, Any]:
    item = {
        "id": str(job_id),
        "adref": "eyJhbGciOiJIUzI1NiJ9.e30.sig",
        "__CLASS__": "Adzuna::API::Response::Job",
        "title": title,
        "company": {"display_name": "Clear Engineering Recruitment LTD", "__CLASS__": "Adzuna::API::Response::Company"},
        "location": {
            "display_name": "Glasgow, Scotland",
            "area": ["UK", "Scotland", "Glasgow"],
            "__CLASS__": "Adzuna::API::Response::Location",
        },
        "category": {"label": "Engineering Jobs", "tag": "engineering-jobs"},
        "description": "Development Engineer Scotland \u00a345,000 - \u00a355,000 Hybrid Bonus Package Are you\u2026",
        "created": "2023-04-24T13:37:06Z",
        "redirect_url": f"https://www.adzuna.co.uk/jobs/land/ad/{job_id}?se=abc&utm_medium=api",
        "salary_min": 45000,
        "salary_max": 55000.0,
        "salary_is_predicted": "0",
        "contract_time": "full_time",
        "contract_type": "permanent",
        "latitude": 55.86,
        "longitude": -4.25,
    }
    item.update(extra)
    return item


def results(count: int, *jobs: dict[str, Any]) -> dict[str, Any]:
    return {
        "count": count,
        "mean": 59605.5,
        "__CLASS__": "Adzuna::API::Response::JobSearchResults",
        "results": list(jobs),
    }


@pytest.fixture
def board() -> Iterator[tuple[Board, str]]:
    with running_board() as b:
        yield b


async def test_fetch_sends_keys_and_search_and_normalises(board: tuple[Board, str]) -> None:
    local, url = board
    local.route(
        "GET",
        "/v1/api/jobs/gb/search/1",
        results(2, job(4058869031), job(4019697492, "Lead <strong>Python</strong> Developer")),
    )
    async with new_client() as client:
        jobs = await Adzuna(settings()).fetch(
            http_for(client, "adzuna", url), SourceQuery(keywords="python developer", location="Glasgow")
        )
    assert local.queries() == [
        {
            "app_id": "app-123",
            "app_key": "key-456",
            "results_per_page": "50",
            "what": "python developer",
            "where": "Glasgow",
        }
    ]
    assert [j.source_id for j in jobs] == ["4058869031", "4019697492"]
    first, second = jobs
    assert (first.title, first.company, first.location) == (
        "Development Engineer",
        "Clear Engineering Recruitment LTD",
        "Glasgow, Scotland",
    )
    assert (first.salary_min, first.salary_max, first.salary_currency, first.salary_period) == (
        45_000,
        55_000,
        "GBP",
        SalaryPeriod.year,
    )
    assert first.employment_type == "full_time" and first.remote_type == RemoteType.unknown
    assert first.description_text.startswith("Development Engineer Scotland \u00a345,000")
    assert first.posted_at == datetime(2023, 4, 24, 13, 37, 6, tzinfo=UTC)
    assert first.url == "https://www.adzuna.co.uk/jobs/land/ad/4058869031?se=abc&utm_medium=api"
    assert second.title == "Lead Python Developer"  # <strong> highlight removed


async def test_pages_until_the_limit_then_stops(board: tuple[Board, str]) -> None:
    local, url = board
    local.route("GET", "/v1/api/jobs/us/search/1", results(500, *(job(i) for i in range(PER_PAGE))))
    local.route("GET", "/v1/api/jobs/us/search/2", results(500, *(job(i) for i in range(PER_PAGE, 2 * PER_PAGE))))
    async with new_client() as client:
        jobs = await Adzuna(settings("us")).fetch(http_for(client, "adzuna", url), SourceQuery(limit=70))
    assert [r.url.path for r in local.requests] == ["/v1/api/jobs/us/search/1", "/v1/api/jobs/us/search/2"]
    assert len(jobs) == 70 and jobs[0].salary_currency == "USD"
    assert all("what" not in q and "where" not in q for q in local.queries())


async def test_paging_stops_at_the_total_and_at_max_pages(board: tuple[Board, str]) -> None:
    local, url = board
    local.route("GET", "/v1/api/jobs/gb/search/1", results(PER_PAGE, *(job(i) for i in range(PER_PAGE))))
    async with new_client() as client:
        jobs = await Adzuna(settings()).fetch(http_for(client, "adzuna", url), SourceQuery(limit=1000))
    assert len(local.requests) == 1 and len(jobs) == PER_PAGE  # count says there is no second page
    for page in range(1, MAX_PAGES + 2):
        local.route(
            "GET", f"/v1/api/jobs/gb/search/{page}", results(99_999, *(job(page * 1000 + i) for i in range(PER_PAGE)))
        )
    async with new_client() as client:
        jobs = await Adzuna(settings()).fetch(http_for(client, "adzuna", url), SourceQuery(limit=10_000))
    assert len(local.requests) == 1 + MAX_PAGES and len(jobs) == MAX_PAGES * PER_PAGE


def test_predicted_salaries_are_not_shown_as_real() -> None:
    predicted = job(1, salary_min=68639.76, salary_max=68639.76, salary_is_predicted="1", contract_type=None)
    [item] = Adzuna(settings()).parse(results(1, predicted))
    assert (item.salary_min, item.salary_max, item.salary_currency, item.salary_period) == (None, None, None, None)
    assert item.employment_type == "full_time"


@pytest.mark.parametrize(
    ("country", "currency"),
    [("gb", "GBP"), ("us", "USD"), ("de", "EUR"), ("fr", "EUR"), ("nl", "EUR"), ("at", "EUR"), ("it", "EUR"),
     ("es", "EUR"), ("ca", "CAD"), ("au", "AUD"), ("in", "INR"), ("GB", "GBP")],
)  # fmt: skip
def test_the_currency_comes_from_the_country(country: str, currency: str) -> None:
    [item] = Adzuna(settings(country)).parse(results(1, job(1, salary_min=90000.0, salary_max=None)))
    assert (item.salary_min, item.salary_max, item.salary_currency) == (90_000, None, currency)


def test_contract_type_contract_wins_and_remote_is_inferred_from_location() -> None:
    remote = job(2, location={"display_name": "Remote, UK"}, contract_type="contract", contract_time="full_time")
    part = job(3, contract_time="part_time", contract_type=None)
    first, second = Adzuna(settings()).parse(results(2, remote, part))
    assert (first.employment_type, first.remote_type) == ("contract", RemoteType.remote)
    assert second.employment_type == "part_time"


async def test_unconfigured_is_a_clear_error_without_a_request(board: tuple[Board, str]) -> None:
    local, url = board
    for source in (Adzuna(), Adzuna(settings(adzuna_app_key=None))):
        assert Adzuna.needs_key and not source.configured()
        async with new_client() as client:
            with pytest.raises(SourceError, match="adzuna: needs ADZUNA_APP_ID and ADZUNA_APP_KEY"):
                await source.fetch(http_for(client, "adzuna", url), SourceQuery())
    assert Adzuna(settings()).configured() and local.requests == []


async def test_a_bad_country_is_refused(board: tuple[Board, str]) -> None:
    _, url = board
    async with new_client() as client:
        with pytest.raises(SourceError, match="ADZUNA_COUNTRY"):
            await Adzuna(settings("../x")).fetch(http_for(client, "adzuna", url), SourceQuery())


async def test_bad_keys_are_a_source_error(board: tuple[Board, str]) -> None:
    local, url = board
    local.script("GET", "/v1/api/jobs/gb/search/1", [401])
    async with new_client() as client:
        with pytest.raises(SourceError, match="HTTP 401"):
            await Adzuna(settings()).fetch(http_for(client, "adzuna", url), SourceQuery())


@pytest.mark.parametrize("payload", [[], {"results": None}, {"exception": "AUTH_FAIL"}, "nope"])
def test_parse_refuses_a_foreign_shape(payload: Any) -> None:
    with pytest.raises(SourceError, match="adzuna"):
        Adzuna(settings()).parse(payload)


def test_terms_are_declared() -> None:
    assert Adzuna.attribution == "Jobs by Adzuna" and Adzuna.min_interval_seconds == 2.4
