"""Greenhouse against a local board speaking its protocol; also the shared HTTP behaviour (429, 500, timeouts,
malformed JSON), which every adapter inherits from SourceHttp."""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from app.jobs.sources.base import SourceError, SourceQuery, SourceRateLimited
from app.jobs.sources.greenhouse import Greenhouse
from app.jobs.sources.http import new_client
from app.models.job import RemoteType
from tests.sources.boards import Board, http_for, running_board

PATH = "/v1/boards/acme/jobs"


def board_payload() -> dict[str, Any]:
    return {
        "jobs": [
            {
                "absolute_url": "https://boards.greenhouse.io/acme/jobs/4012345",
                "company_name": "Acme Robotics",
                "first_published": "2026-10-02T09:15:00-04:00",
                "updated_at": "2026-11-01T12:00:00-04:00",
                "id": 4012345,
                "internal_job_id": 3000111,
                "location": {"name": "Remote (United States)"},
                "requisition_id": "R-77",
                "title": "Senior Backend Engineer",
                "content": html.escape(
                    "<h2>About the role</h2><p>Build APIs in <strong>Python</strong> and Go.</p>"
                    "<script>alert(1)</script><ul><li>Own services</li></ul>"
                ),
            },
            {
                "absolute_url": "https://boards.greenhouse.io/acme/jobs/4012346",
                "company_name": "Acme Robotics",
                "first_published": "2026-10-05T10:00:00-04:00",
                "id": 4012346,
                "location": {"name": "Berlin, Germany"},
                "requisition_id": 12,
                "title": "Data Engineer",
                "content": "",
            },
        ],
        "meta": {"total": 2},
    }


@pytest.fixture
def board() -> Iterator[tuple[Board, str]]:
    with running_board() as b:
        yield b


async def test_fetch_normalises_a_board(board: tuple[Board, str]) -> None:
    local, url = board
    local.route("GET", PATH, board_payload())
    async with new_client() as client:
        jobs = await Greenhouse().fetch(http_for(client, "greenhouse", url), SourceQuery(company="acme"))
    assert local.queries() == [{"content": "true"}]
    assert [j.source_id for j in jobs] == ["4012345", "4012346"]
    first = jobs[0]
    assert (first.title, first.company, first.remote_type) == (
        "Senior Backend Engineer",
        "Acme Robotics",
        RemoteType.remote,
    )
    assert "<strong>Python</strong>" in first.description_html and "<script>" not in first.description_html
    assert "Build APIs in Python and Go." in first.description_text
    assert first.posted_at is not None and first.posted_at.isoformat() == "2026-10-02T13:15:00+00:00"
    assert jobs[1].remote_type == RemoteType.unknown and jobs[1].description_text == ""
    assert local.requests[0].headers["user-agent"].startswith("CareerCopilot/")


async def test_retries_500_and_short_429_then_succeeds(board: tuple[Board, str]) -> None:
    local, url = board
    local.script("GET", PATH, [500, ("429", {"Retry-After": "0"}), board_payload()])
    async with new_client() as client:
        jobs = await Greenhouse().fetch(http_for(client, "greenhouse", url), SourceQuery(company="acme"))
    assert len(jobs) == 2 and len(local.requests) == 3


async def test_long_retry_after_is_a_rate_limit_not_a_sleep(board: tuple[Board, str]) -> None:
    local, url = board
    local.script("GET", PATH, [("429", {"Retry-After": "3600"})])
    async with new_client() as client:
        with pytest.raises(SourceRateLimited) as limited:
            await Greenhouse().fetch(http_for(client, "greenhouse", url), SourceQuery(company="acme"))
    assert len(local.requests) == 1 and "rate limited until" in str(limited.value)


@pytest.mark.parametrize(
    ("steps", "message"),
    [([500], "HTTP 500 after 3 attempts"), (["malformed"], "not valid JSON"), (["timeout"], "no answer within")],
)
async def test_failures_are_source_errors(board: tuple[Board, str], steps: list[Any], message: str) -> None:
    local, url = board
    local.script("GET", PATH, steps)
    async with new_client() as client:
        with pytest.raises(SourceError, match=message):
            await Greenhouse().fetch(http_for(client, "greenhouse", url, timeout=0.3), SourceQuery(company="acme"))


def test_parse_refuses_a_foreign_shape() -> None:
    with pytest.raises(SourceError):
        Greenhouse().parse([{"not": "greenhouse"}])


async def test_unknown_board_is_an_error(board: tuple[Board, str]) -> None:
    _, url = board
    async with new_client() as client:
        with pytest.raises(SourceError, match="HTTP 404"):
            await Greenhouse().fetch(http_for(client, "greenhouse", url), SourceQuery(company="nobody"))


def test_http_client_is_httpx() -> None:
    assert isinstance(new_client(), httpx.AsyncClient)
