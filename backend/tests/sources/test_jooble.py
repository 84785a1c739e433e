"""Jooble against a local board speaking its protocol: a POST to /api/{key} with a JSON body, page paging up to
totalCount, 64-bit ids kept exact, `<b>` titles, `&nbsp;` snippets, free-text salaries, and the key kept out of
error messages."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from app.core.config import Settings
from app.jobs.sources.base import SourceError, SourceQuery, SourceRateLimited
from app.jobs.sources.http import new_client
from app.jobs.sources.jooble import MAX_PAGES, Jooble
from app.models.job import RemoteType, SalaryPeriod
from tests.sources.boards import Board, http_for, running_board

KEY = "jooble-key-0f3a"
PATH = f"/api/{KEY}"
BIG_ID = -6957375894526202970  # beyond 2**53: a float would turn it into -6957375894526203000


def settings(**extra: Any) -> Settings:
    return Settings(_env_file=None, **{"jooble_api_key": KEY, **extra})  # type: ignore[call-arg, arg-type]


def job(job_id: int, title: str = "Senior <b>Python</b> Developer", **extra: Any) -> dict[str, Any]:
    item = {
        "title": title,
        "location": "Berlin",
        "snippet": "&nbsp;...Build APIs with <b>Python</b> and PostgreSQL. Great team...&nbsp;",
        "salary": "\u20ac60k - \u20ac75k",
        "source": "example-board.de",
        "type": "Full-time",
        "link": f"https://jooble.org/desc/{job_id}?ckey=python&rgn=-1&pos=2",
        "company": "Example GmbH",
        "updated": "2022-11-13T04:39:15.7820007+00:00",
        "id": job_id,
    }
    item.update(extra)
    return item


def answer(total: int, *jobs: dict[str, Any]) -> dict[str, Any]:
    return {"totalCount": total, "jobs": list(jobs)}


@pytest.fixture
def board() -> Iterator[tuple[Board, str]]:
    with running_board() as b:
        yield b


async def test_fetch_posts_the_search_and_keeps_64_bit_ids_exact(board: tuple[Board, str]) -> None:
    local, url = board
    local.route("POST", PATH, answer(2, job(BIG_ID), job(1234567890123456789, "Software Engineer", salary="")))
    async with new_client() as client:
        jobs = await Jooble(settings()).fetch(
            http_for(client, "jooble", url), SourceQuery(keywords="python", location="Berlin")
        )
    assert [r.method for r in local.requests] == ["POST"]
    assert local.bodies == [{"keywords": "python", "location": "Berlin", "page": "1"}]
    assert [j.source_id for j in jobs] == ["-6957375894526202970", "1234567890123456789"]
    first, second = jobs
    assert (first.title, first.company, first.location) == ("Senior Python Developer", "Example GmbH", "Berlin")
    assert first.description_text == "...Build APIs with Python and PostgreSQL. Great team..."
    assert "<b>Python</b>" in first.description_html and "&nbsp;" not in first.description_text
    assert (first.salary_min, first.salary_max, first.salary_currency, first.salary_period) == (
        60_000,
        75_000,
        "EUR",
        SalaryPeriod.year,
    )
    assert first.employment_type == "full_time" and first.remote_type == RemoteType.unknown
    assert first.posted_at == datetime(2022, 11, 13, 4, 39, 15, 782000, tzinfo=UTC)
    assert first.url == f"https://jooble.org/desc/{BIG_ID}?ckey=python&rgn=-1&pos=2"
    assert (second.salary_min, second.salary_currency, second.salary_period, second.employment_type) == (
        None,
        None,
        None,
        "full_time",
    )


def test_ids_survive_parsing_the_raw_json_text() -> None:
    payload = json.loads('{"totalCount": 1, "jobs": [{"title": "A", "id": -6957375894526202970}]}')
    assert Jooble().parse(payload)[0].source_id == "-6957375894526202970"


def test_float_ids_have_lost_digits_and_are_skipped() -> None:
    payload = answer(3, job(1), job(2, id=float(BIG_ID)), job(3, id=True), job(4, id="987"))
    assert [j.source_id for j in Jooble().parse(payload)] == ["1", "987"]


async def test_pages_until_total_count(board: tuple[Board, str]) -> None:
    local, url = board
    local.script("POST", PATH, [answer(5, job(1), job(2)), answer(5, job(3), job(4)), answer(5, job(5))])
    async with new_client() as client:
        jobs = await Jooble(settings()).fetch(http_for(client, "jooble", url), SourceQuery(keywords="python"))
    assert [b["page"] for b in local.bodies] == ["1", "2", "3"]
    assert [j.source_id for j in jobs] == ["1", "2", "3", "4", "5"]


async def test_paging_stops_at_the_limit_an_empty_page_and_max_pages(board: tuple[Board, str]) -> None:
    local, url = board
    local.script("POST", PATH, [answer(100, job(1), job(2)), answer(100)])
    async with new_client() as client:
        one = await Jooble(settings()).fetch(http_for(client, "jooble", url), SourceQuery(limit=1))
        assert len(local.requests) == 1 and [j.source_id for j in one] == ["1"]
        local.script("POST", PATH, [answer(100, job(1), job(2)), answer(100)])
        await Jooble(settings()).fetch(http_for(client, "jooble", url), SourceQuery())
        assert len(local.requests) == 3  # page 2 came back empty
        local.route("POST", PATH, answer(10_000, job(7)))
        jobs = await Jooble(settings()).fetch(http_for(client, "jooble", url), SourceQuery())
    assert len(local.requests) == 3 + MAX_PAGES and [j.source_id for j in jobs] == ["7"]


def test_remote_is_inferred_from_location_and_hourly_salaries() -> None:
    remote = job(1, location="Remote", salary="$40 - $55 an hour", type="Contract")
    [item] = Jooble().parse(answer(1, remote))
    assert (item.remote_type, item.employment_type) == (RemoteType.remote, "contract")
    assert (item.salary_min, item.salary_max, item.salary_currency, item.salary_period) == (
        40,
        55,
        "USD",
        SalaryPeriod.hour,
    )


async def test_unconfigured_is_a_clear_error_without_a_request(board: tuple[Board, str]) -> None:
    local, url = board
    for source in (Jooble(), Jooble(settings(jooble_api_key=None)), Jooble(settings(jooble_api_key="  "))):
        assert Jooble.needs_key and not source.configured()
        async with new_client() as client:
            with pytest.raises(SourceError, match="jooble: needs JOOBLE_API_KEY"):
                await source.fetch(http_for(client, "jooble", url), SourceQuery())
    assert Jooble(settings()).configured() and local.requests == []


async def test_the_key_never_appears_in_errors(board: tuple[Board, str]) -> None:
    local, url = board
    local.script("POST", PATH, [403])
    async with new_client() as client:
        with pytest.raises(SourceError, match="HTTP 403") as failed:
            await Jooble(settings()).fetch(http_for(client, "jooble", url), SourceQuery())
        assert KEY not in str(failed.value) and "/api/***" in str(failed.value)
        assert failed.value.__cause__ is None and failed.value.__suppress_context__
        local.script("POST", PATH, [("429", {"Retry-After": "7200"})])
        with pytest.raises(SourceRateLimited) as limited:
            await Jooble(settings()).fetch(http_for(client, "jooble", url), SourceQuery())
    assert KEY not in str(limited.value) and limited.value.until is not None


@pytest.mark.parametrize("payload", [[], {"totalCount": 0}, {"jobs": {}}, None])
def test_parse_refuses_a_foreign_shape(payload: Any) -> None:
    with pytest.raises(SourceError, match="jooble"):
        Jooble().parse(payload)
