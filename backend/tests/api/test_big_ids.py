"""An id past 2^31-1 names nothing: 404 in words on both databases (PostgreSQL's integer ids would otherwise fail)."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import register

BIG = 99_999_999_999


@pytest.mark.parametrize(
    "path",
    [f"/api/v1/jobs/{BIG}", f"/api/v1/applications/{BIG}", f"/api/v1/resumes/{BIG}", f"/api/v1/tasks/{BIG}"],
)
async def test_an_id_out_of_range_is_404(client: httpx.AsyncClient, path: str) -> None:
    h = await register(client)
    r = await client.get(path, headers=h)
    assert r.status_code == 404, r.text
    assert r.json()["detail"]


async def test_an_out_of_range_id_in_a_body_is_not_a_500(client: httpx.AsyncClient) -> None:
    h = await register(client)
    r = await client.post("/api/v1/applications", headers=h, json={"job_posting_id": BIG})
    assert r.status_code in (404, 422), r.text
