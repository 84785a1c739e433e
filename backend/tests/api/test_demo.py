"""`copilot demo` data: a believable search in progress, on both databases, that the API serves."""

from __future__ import annotations

import itertools
from typing import Any

import httpx

from app.demo import DEMO_EMAIL, DEMO_PASSWORD, load_demo


async def test_demo_account_has_jobs_and_every_status(client: httpx.AsyncClient, app: Any) -> None:
    for _ in range(2):  # loading twice replaces the account instead of failing or duplicating
        async with app.state.session_factory() as s:
            summary = await load_demo(s)
            await s.commit()
    assert (summary.jobs, summary.applications) == (50, 20)
    r = await client.post("/api/v1/auth/login", json={"email": DEMO_EMAIL, "password": DEMO_PASSWORD})
    assert r.status_code == 200
    h = {"Authorization": f"Bearer {r.json()['access_token']}"}
    assert (await client.get("/api/v1/jobs", headers=h)).json()["total"] == 50
    board = (await client.get("/api/v1/applications/board", headers=h)).json()
    totals = {c["status"]: c["total"] for c in board["columns"]}
    assert sum(totals.values()) == 20
    assert all(n > 0 for n in totals.values()), totals
    # Histories are consistent: each event starts where the previous one ended, in time order.
    for column in board["columns"]:
        for item in column["items"]:
            events = (await client.get(f"/api/v1/applications/{item['id']}/events", headers=h)).json()["items"]
            assert events[0]["from_status"] is None
            assert events[-1]["to_status"] == item["status"]
            for a, b in itertools.pairwise(events):
                assert b["from_status"] == a["to_status"] and b["at"] >= a["at"]
    assert (await client.get("/api/v1/jobs", headers=h, params={"q": "C++"})).json()["total"] >= 1
