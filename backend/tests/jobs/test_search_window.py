"""Search at scale: on PostgreSQL a search ranks the newest SEARCH_WINDOW matches and says when there are more."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from app.core.db import dialect_of
from app.jobs import repository
from tests.conftest import register
from tests.factories import catalogue_job


async def test_a_common_word_pages_through_the_newest_matches(app: Any, client: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(repository, "SEARCH_WINDOW", 5)
    headers = await register(client, "window@example.com")
    now = datetime.now(UTC)
    ids = [
        await catalogue_job(
            app, title=f"Python Engineer {i}", description="Python services.", posted_at=now - timedelta(days=i)
        )
        for i in range(8)
    ]
    await catalogue_job(app, title="Rust Engineer", description="Rust only.")
    async with app.state.session_factory() as s:
        postgres = dialect_of(s) == "postgresql"

    first = (await client.get("/api/v1/jobs", headers=headers, params={"q": "python", "size": 3})).json()
    second = (await client.get("/api/v1/jobs", headers=headers, params={"q": "python", "size": 3, "page": 2})).json()
    newest = (await client.get("/api/v1/jobs", headers=headers, params={"q": "python", "sort": "-posted_at"})).json()
    seen = [j["id"] for j in first["items"] + second["items"]]
    if postgres:
        assert (first["total"], first["total_is_lower_bound"]) == (5, True)
        assert sorted(seen) == sorted(ids[:5])  # the five newest matches, nothing past the window
        assert [j["id"] for j in newest["items"]] == ids[:5]
    else:  # SQLite ranks and counts every match
        assert (first["total"], first["total_is_lower_bound"]) == (8, False)
        assert len(seen) == 6
        assert [j["id"] for j in newest["items"]] == ids
    unfiltered = (await client.get("/api/v1/jobs", headers=headers)).json()
    assert (unfiltered["total"], unfiltered["total_is_lower_bound"]) == (9, False)


@pytest.mark.parametrize("sort", ["relevance", "posted_at", "-salary", "salary", "company", "title"])
async def test_every_sort_works_inside_the_window(app: Any, client: Any, monkeypatch: Any, sort: str) -> None:
    monkeypatch.setattr(repository, "SEARCH_WINDOW", 3)
    headers = await register(client, f"sort-{sort}@example.com")
    for i in range(4):
        await catalogue_job(app, title=f"Go Developer {i}", company=f"Company {i}", description="Go and gRPC.",
                            salary_min=50_000 + i * 1000)  # fmt: skip
    r = await client.get("/api/v1/jobs", headers=headers, params={"q": "go", "sort": sort})
    assert r.status_code == 200, r.text
    assert len(r.json()["items"]) in (3, 4)
