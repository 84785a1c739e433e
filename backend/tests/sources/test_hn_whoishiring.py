"""HN "Who is hiring?" against a local Algolia speaking its protocol: finding the newest thread, paging its
comments, keeping top-level comments only, and reading "Company | Role | Location | REMOTE | $…" first lines."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from app.jobs.sources.base import SourceError, SourceQuery
from app.jobs.sources.hn_whoishiring import HnWhoIsHiring, first_line, thread_id
from app.jobs.sources.http import new_client
from app.models.job import RemoteType, SalaryPeriod
from tests.sources.boards import Board, http_for, running_board

STORY = 49522897
STORIES = "/api/v1/search_by_date"
COMMENTS = "/api/v1/search"


def story(object_id: int, title: str, created_at_i: int) -> dict[str, Any]:
    return {
        "_tags": ["story", "author_whoishiring", f"story_{object_id}", "ask_hn"],
        "author": "whoishiring",
        "created_at": datetime.fromtimestamp(created_at_i, UTC).isoformat().replace("+00:00", "Z"),
        "created_at_i": created_at_i,
        "num_comments": 512,
        "objectID": str(object_id),
        "points": 290,
        "story_id": object_id,
        "story_text": "Please state the location and include REMOTE for remote work.",
        "title": title,
    }


def stories(*hits: dict[str, Any]) -> dict[str, Any]:
    return {"hits": list(hits), "hitsPerPage": 20, "nbHits": len(hits), "nbPages": 1, "page": 0, "query": ""}


def comment(object_id: int, text: str, parent: int = STORY, created_at_i: int = 1788274914) -> dict[str, Any]:
    return {
        "_tags": ["comment", "author_someone", f"story_{STORY}"],
        "author": "someone",
        "children": [],
        "comment_text": text,
        "created_at": datetime.fromtimestamp(created_at_i, UTC).isoformat().replace("+00:00", "Z"),
        "created_at_i": created_at_i,
        "objectID": str(object_id),
        "parent_id": parent,
        "points": None,
        "story_id": STORY,
        "story_title": "Ask HN: Who is hiring? (September 2026)",
    }


def comments(*hits: dict[str, Any], page: int = 0, pages: int = 1) -> dict[str, Any]:
    return {"hits": list(hits), "hitsPerPage": 1000, "nbHits": len(hits), "nbPages": pages, "page": page}


EXAMPLE = (
    "Example Co | Senior Product Engineer | Remote (Europe) | Full-time | \u20ac75k\u2013110k | "
    '<a href="https:&#x2F;&#x2F;example.com" rel="nofollow">https:&#x2F;&#x2F;example.com</a>'
    "<p>We&#x27;re looking for Senior Product Engineers who like owning problems end-to-end in Python.<p>"
    "Apply: jobs@example.com"
)
ONSITE = (
    "Acme Robotics (YC W21) | San Francisco, CA | Backend Engineer, Staff | ONSITE | $180k - $220k + equity<p>"
    "We build warehouse robots with Go and Rust."
)
REPLY = "Is the role open to contractors? Python experience needed?"


@pytest.fixture
def board() -> Iterator[tuple[Board, str]]:
    with running_board() as b:
        yield b


def serve_thread(local: Board, *pages: dict[str, Any]) -> None:
    local.route(
        "GET",
        STORIES,
        stories(
            story(49522898, "Ask HN: Who wants to be hired? (September 2026)", 1788274830),
            story(STORY, "Ask HN: Who is hiring? (September 2026)", 1788274829),
            story(49100000, "Ask HN: Who is hiring? (August 2026)", 1785596400),
        ),
    )
    local.script("GET", COMMENTS, list(pages))


async def test_fetch_finds_the_newest_thread_and_keeps_top_level_postings(board: tuple[Board, str]) -> None:
    local, url = board
    serve_thread(
        local, comments(comment(1, EXAMPLE), comment(2, REPLY, parent=1), comment(3, ONSITE, created_at_i=1788280000))
    )
    async with new_client() as client:
        jobs = await HnWhoIsHiring().fetch(http_for(client, "hn_whoishiring", url), SourceQuery())
    assert local.queries() == [
        {"tags": "story,author_whoishiring"},
        {"tags": f"comment,story_{STORY}", "hitsPerPage": "1000", "page": "0"},
    ]
    assert [j.source_id for j in jobs] == ["3", "1"]  # newest first; the reply (parent 1) is not a posting
    onsite, example = jobs
    assert (example.company, example.title, example.location) == (
        "Example Co",
        "Senior Product Engineer",
        "Remote (Europe)",
    )
    assert (example.remote_type, example.employment_type) == (RemoteType.remote, "full_time")
    assert (example.salary_min, example.salary_max, example.salary_currency, example.salary_period) == (
        75_000,
        110_000,
        "EUR",
        SalaryPeriod.year,
    )
    assert example.url == "https://news.ycombinator.com/item?id=1"
    assert example.posted_at == datetime(2026, 9, 1, 15, 1, 54, tzinfo=UTC)
    assert "We're looking for Senior Product Engineers" in example.description_text
    assert "https://example.com" in example.description_text and "&#x" not in example.description_text
    assert (onsite.company, onsite.title, onsite.location, onsite.remote_type) == (
        "Acme Robotics (YC W21)",
        "Backend Engineer, Staff",
        "San Francisco, CA",
        RemoteType.onsite,
    )
    assert (onsite.salary_min, onsite.salary_max, onsite.salary_currency) == (180_000, 220_000, "USD")


async def test_comment_pages_are_followed(board: tuple[Board, str]) -> None:
    local, url = board
    serve_thread(local, comments(comment(1, EXAMPLE), pages=2), comments(comment(3, ONSITE), page=1, pages=2))
    async with new_client() as client:
        jobs = await HnWhoIsHiring().fetch(http_for(client, "hn_whoishiring", url), SourceQuery(limit=5))
    assert [q.get("page") for q in local.queries()] == [None, "0", "1"]
    assert sorted(j.source_id for j in jobs) == ["1", "3"]


async def test_keywords_location_and_remote_only_are_matched_here(board: tuple[Board, str]) -> None:
    local, url = board
    page = comments(comment(1, EXAMPLE), comment(3, ONSITE), comment(2, REPLY, parent=1))
    serve_thread(local, page)
    async with new_client() as client:
        http = http_for(client, "hn_whoishiring", url)
        python = await HnWhoIsHiring().fetch(http, SourceQuery(keywords="python"))
        rust_go = await HnWhoIsHiring().fetch(http, SourceQuery(keywords="rust, go"))
        go_python = await HnWhoIsHiring().fetch(http, SourceQuery(keywords="go python"))
        sf = await HnWhoIsHiring().fetch(http, SourceQuery(location="san francisco"))
        remote = await HnWhoIsHiring().fetch(http, SourceQuery(remote_only=True))
    assert [j.source_id for j in python] == ["1"]  # the reply mentioning Python is no posting
    assert [j.source_id for j in rust_go] == ["3"] and go_python == []  # every word, as a whole word
    assert [j.source_id for j in sf] == ["3"] and [j.source_id for j in remote] == ["1"]


def test_parse_uses_each_hits_story_id() -> None:
    other_story = comment(9, EXAMPLE, parent=777)
    other_story["story_id"] = 777
    hits = comments(comment(1, EXAMPLE), other_story, comment(2, REPLY, parent=1), comment(4, ""), {"objectID": "5"})
    assert [j.source_id for j in HnWhoIsHiring().parse(hits)] == ["1", "9"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Foo Ltd | London, UK | Data Scientist | Hybrid | \u00a370,000 - \u00a390,000 | VISA",
            ("Foo Ltd", "Data Scientist", "London, UK", RemoteType.hybrid, (70_000, 90_000, "GBP"), None),
        ),
        (
            "Bar | REMOTE (US) | Contract | Staff SRE | https://bar.dev/jobs",
            ("Bar", "Staff SRE", "REMOTE (US)", RemoteType.remote, (None, None, None), "contract"),
        ),
        (
            "Baz | Series B | Product Designer | REMOTE | $60 - $80 per hour",
            ("Baz", "Product Designer", "REMOTE", RemoteType.remote, (60, 80, "USD"), None),
        ),
        (
            "Qux &amp; Sons | Growth Hacker<br>More text",
            ("Qux & Sons", "Growth Hacker", "", RemoteType.unknown, (None, None, None), None),
        ),
        (
            "Zed | Mobile wizard | Tokyo | Onsite",  # no role word: the first unclassified part is the title
            ("Zed", "Mobile wizard", "Tokyo", RemoteType.onsite, (None, None, None), None),
        ),
    ],
)
def test_first_line_parsing(line: str, expected: tuple[Any, ...]) -> None:
    header = first_line(line)
    assert header is not None
    low, high, currency, _ = header["salary"]
    got = (header["company"], header["title"], header["location"], header["remote_type"], (low, high, currency))
    assert (*got, header["employment_type"]) == expected


@pytest.mark.parametrize("line", ["We are hiring! Email me.", "Acme |", "Acme | https://acme.com | VISA"])
def test_comments_without_the_header_convention_are_skipped(line: str) -> None:
    assert first_line(line) is None
    assert HnWhoIsHiring().parse(comments(comment(1, line))) == []


def test_thread_lookup_errors() -> None:
    assert (
        thread_id(stories(story(5, "Ask HN: Who is hiring? (May 2026)", 10), story(6, "Who is Hiring? x", 20))) == "6"
    )
    with pytest.raises(SourceError, match='no "Who is hiring'):
        thread_id(stories(story(1, "Ask HN: Who wants to be hired? (September 2026)", 1)))
    with pytest.raises(SourceError, match="hn_whoishiring"):
        thread_id({"hits": None})


async def test_a_missing_thread_is_a_source_error(board: tuple[Board, str]) -> None:
    local, url = board
    local.route("GET", STORIES, stories())
    async with new_client() as client:
        with pytest.raises(SourceError, match='no "Who is hiring'):
            await HnWhoIsHiring().fetch(http_for(client, "hn_whoishiring", url), SourceQuery())
    assert len(local.requests) == 1


@pytest.mark.parametrize("payload", [[], {"hits": "x"}, {"message": "Invalid tags"}, None])
def test_parse_refuses_a_foreign_shape(payload: Any) -> None:
    with pytest.raises(SourceError, match="hn_whoishiring"):
        HnWhoIsHiring().parse(payload)


def test_terms_are_declared() -> None:
    assert HnWhoIsHiring.min_interval_seconds == pytest.approx(0.36) and not HnWhoIsHiring.needs_key
