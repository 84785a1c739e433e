"""An exhausted connection pool is an overload, answered 503 with Retry-After, never a 500."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import register


@pytest.fixture
def database_url(postgres_url: str) -> str:
    return postgres_url


@pytest.fixture
def settings_overrides() -> dict[str, object]:
    return {"db_pool_size": 1, "db_max_overflow": 0, "db_pool_timeout_seconds": 0.2}


async def test_a_busy_pool_answers_503_and_recovers(app: Any, client: Any) -> None:
    headers = await register(client, "busy@example.com")
    async with app.state.engine.connect() as held:  # the pool's only connection, held by a long request
        await held.exec_driver_sql("SELECT 1")
        r = await client.get("/api/v1/jobs", headers=headers)
    assert r.status_code == 503
    assert r.headers["retry-after"] == "2"
    assert r.json() == {"detail": "The server is busy right now. Please try again in a few seconds.", "code": "busy"}
    assert (await client.get("/api/v1/jobs", headers=headers)).status_code == 200
