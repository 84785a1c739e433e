"""Search at scale: on PostgreSQL a search ranks the newest SEARCH_WINDOW matches and says when there are more."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from app.core.db import dialect_of
from app.jobs import repository
from tests.conftest import register
from tests.factories import add_job, catalogue_job


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


async def test_people_without_jobs_of_their_own_share_one_cached_search(app: Any, client: Any) -> None:
    ada = await register(client, "share-ada@example.com")
    bob = await register(client, "share-bob@example.com")
    cleo = await register(client, "share-cleo@example.com")
    await catalogue_job(app, title="Kotlin Engineer", description="Kotlin and Android.")
    own = await add_job(client, cleo, title="Kotlin Lead", description="Kotlin at my own startup.")
    stats = app.state.cache.stats

    def page_hits() -> tuple[int, int]:
        family = stats().get("job_page", {})
        return family.get("hits", 0), family.get("misses", 0)

    before = page_hits()
    first = (await client.get("/api/v1/jobs", headers=ada, params={"q": "kotlin"})).json()
    second = (await client.get("/api/v1/jobs", headers=bob, params={"q": "kotlin"})).json()
    assert [j["title"] for j in first["items"]] == [j["title"] for j in second["items"]] == ["Kotlin Engineer"]
    assert page_hits() == (before[0] + 1, before[1] + 1)  # Bob's search was Ada's answer
    mine = (await client.get("/api/v1/jobs", headers=cleo, params={"q": "kotlin"})).json()
    assert {j["id"] for j in mine["items"]} >= {own["id"]}  # Cleo's own job is hers alone
    assert own["id"] not in {j["id"] for j in second["items"]}
