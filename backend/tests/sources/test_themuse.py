"""The Muse against a local board speaking its protocol: page/page_count paging from page 0, the optional API key,
"Flexible / Remote", client-side keywords (the board has no keyword search) and a 403 meaning rate limited."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from app.core.config import Settings
from app.jobs.sources.base import SourceError, SourceQuery, SourceRateLimited
from app.jobs.sources.http import new_client
from app.jobs.sources.themuse import MAX_PAGES, TheMuse
from app.models.job import RemoteType
from tests.sources.boards import Board, http_for, running_board

PATH = "/api/public/jobs"


def job(job_id: int, name: str, *locations: str, **extra: Any) -> dict[str, Any]:
    short = name.lower().replace(" ", "-")
    item = {
        "contents": "<p><b>About the role</b><br>You will build reporting.</p>",
        "name": name,
        "type": "external",
        "publication_date": "2026-10-03T14:20:05Z",
        "short_name": short,
        "model_type": "jobs",
        "id": job_id,
        "locations": [{"name": loc} for loc in locations or ("Chicago, IL",)],
        "categories": [{"name": "Data and Analytics"}],
        "levels": [{"name": "Mid Level", "short_name": "mid"}],
        "tags": [],
        "refs": {"landing_page": f"https://www.themuse.com/jobs/harborlight/{short}"},
        "company": {"id": 4411, "short_name": "harborlight", "name": "Harborlight Insurance"},
    }
    item.update(extra)
    return item


def page(number: int, count: int, *jobs: dict[str, Any]) -> dict[str, Any]:
    return {
        "page": number,
        "page_count": count,
        "items_per_page": 20,
        "took": 12,
        "timed_out": False,
        "total": count * 20,
        "results": list(jobs),
        "aggregations": {},
    }


@pytest.fixture
def board() -> Iterator[tuple[Board, str]]:
    with running_board() as b:
        yield b


async def test_pages_from_zero_to_page_count_and_normalises(board: tuple[Board, str]) -> None:
    local, url = board
    local.script(
        "GET",
        PATH,
        [
            page(
                0,
                2,
                job(
                    501,
                    "Data Analyst",
                    "Flexible / Remote",
                    "New York, NY",
                    contents="<p>SQL &amp; <em>Looker</em></p><img src=x onerror=alert(1)>",
                ),
                job(502, "Analytics Intern", levels=[{"name": "Internship", "short_name": "internship"}]),
            ),
            page(1, 2, job(503, "Claims Adjuster", "Columbus, OH")),
        ],
    )
    async with new_client() as client:
        jobs = await TheMuse().fetch(http_for(client, "themuse", url), SourceQuery())
    assert local.queries() == [{"page": "0"}, {"page": "1"}]
    assert [j.source_id for j in jobs] == ["501", "502", "503"]
    analyst, intern, adjuster = jobs
    assert (analyst.title, analyst.company, analyst.location, analyst.remote_type) == (
        "Data Analyst",
        "Harborlight Insurance",
        "Flexible / Remote; New York, NY",
        RemoteType.remote,
    )
    assert analyst.url == "https://www.themuse.com/jobs/harborlight/data-analyst"
    assert "<em>Looker</em>" in analyst.description_html and "onerror" not in analyst.description_html
    assert analyst.description_text == "SQL & Looker"
    assert analyst.posted_at is not None and analyst.posted_at.isoformat() == "2026-10-03T14:20:05+00:00"
    assert (analyst.employment_type, intern.employment_type) == (None, "internship")
    assert (adjuster.location, adjuster.remote_type) == ("Columbus, OH", RemoteType.unknown)
    assert (analyst.salary_min, analyst.salary_max, analyst.salary_period) == (None, None, None)


async def test_keywords_are_matched_here_and_paging_stops_at_max_pages(board: tuple[Board, str]) -> None:
    local, url = board
    local.route("GET", PATH, page(0, 999, job(601, "Data Analyst"), job(602, "Nurse", contents="<p>Care.</p>")))
    async with new_client() as client:
        jobs = await TheMuse().fetch(http_for(client, "themuse", url), SourceQuery(keywords="reporting"))
    # no keyword parameter exists; the answer's stale "page": 0 does not make it loop on one page
    assert local.queries() == [{"page": str(n)} for n in range(MAX_PAGES)]
    assert [j.source_id for j in jobs] == ["601"]


async def test_api_key_remote_only_and_limit(board: tuple[Board, str]) -> None:
    local, url = board
    local.route("GET", PATH, page(0, 50, job(701, "Engineer", "Flexible / Remote"), job(702, "Engineer II")))
    settings = Settings(_env_file=None, themuse_api_key="muse-key")  # type: ignore[call-arg]
    async with new_client() as client:
        jobs = await TheMuse(settings).fetch(http_for(client, "themuse", url), SourceQuery(remote_only=True, limit=1))
    assert local.queries() == [{"page": "0", "location": "Flexible / Remote", "api_key": "muse-key"}]
    assert [j.source_id for j in jobs] == ["701"]


async def test_403_is_rate_limited_for_an_hour(board: tuple[Board, str]) -> None:
    local, url = board
    local.script("GET", PATH, [403])
    before = datetime.now(UTC)
    async with new_client() as client:
        with pytest.raises(SourceRateLimited, match="rate limited") as limited:
            await TheMuse().fetch(http_for(client, "themuse", url), SourceQuery())
    assert len(local.requests) == 1  # a 403 is not retried
    assert before + timedelta(minutes=59) < limited.value.until <= datetime.now(UTC) + timedelta(hours=1)


async def test_other_http_errors_stay_source_errors(board: tuple[Board, str]) -> None:
    local, url = board
    local.script("GET", PATH, [500])
    async with new_client() as client:
        with pytest.raises(SourceError, match="HTTP 500 after 3 attempts") as failed:
            await TheMuse().fetch(http_for(client, "themuse", url), SourceQuery())
    assert not isinstance(failed.value, SourceRateLimited)


def test_parse_refuses_a_foreign_shape() -> None:
    with pytest.raises(SourceError, match="results list"):
        TheMuse().parse({"page": 0, "page_count": 1, "jobs": []})
    with pytest.raises(SourceError):
        TheMuse().parse([job(1, "Engineer")])


def test_terms() -> None:
    assert TheMuse.min_interval_seconds == 7.2 and TheMuse.base_url == "https://www.themuse.com"
