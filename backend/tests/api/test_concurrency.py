"""SQLite under concurrent writers: BEGIN IMMEDIATE + busy_timeout means no "database is locked"."""

from __future__ import annotations

import asyncio

import httpx

from tests.conftest import register


async def test_twenty_concurrent_profile_writes_all_succeed(client: httpx.AsyncClient) -> None:
    headers = [await register(client, f"user{i}@example.com") for i in range(4)]

    async def write(i: int) -> httpx.Response:
        h = headers[i % len(headers)]
        if i % 2:
            return await client.put("/api/v1/users/me/skills", headers=h, json={"skills": [{"name": f"Skill{i}"}]})
        return await client.patch("/api/v1/users/me", headers=h, json={"daily_application_goal": i})

    responses = await asyncio.gather(
        *(write(i) for i in range(20)), *(client.get("/api/v1/users/me", headers=headers[0]) for _ in range(10))
    )
    assert [r.status_code for r in responses] == [200] * 30, [r.text for r in responses if r.status_code != 200]
