"""The admin System page's figures: partitions and retention, catalogue counts, pool and cache."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from app.core.partitions import PARTITIONED, month_start, partition_name
from app.jobs.retention import archive_stale
from tests.conftest import register
from tests.factories import catalogue_job


async def test_system_status_for_administrators_only(app: Any, client: Any) -> None:
    admin = await register(client, "root@example.com")  # the first account is the administrator
    someone = await register(client, "someone@example.com")
    await catalogue_job(app, title="Old Engineer", ingested_at=datetime.now(UTC) - timedelta(days=400))
    await catalogue_job(app, title="New Engineer")
    await archive_stale(app.state.session_factory, 120)
    await client.get("/api/v1/analytics/summary", headers=admin)  # one cache lookup at least

    assert (await client.get("/api/v1/admin/system", headers=someone)).status_code == 403
    r = await client.get("/api/v1/admin/system", headers=admin)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["catalogue"] == {"active": 1, "archived": 1, "retention_days": 120}
    series = {t["table"]: t for t in body["time_series"]}
    assert set(series) == set(PARTITIONED)
    assert series["application_event"]["retention_months"] == 0
    assert series["notification"]["retention_months"] == 12
    if body["database"] == "postgresql":
        assert body["pool"]["size"] == 10 and body["pool"]["checked_out"] >= 1
        names = [p["name"] for p in series["notification"]["partitions"]]
        assert partition_name("notification", month_start(datetime.now(UTC).date())) in names
        assert names[-1] == "notification_default"
    else:
        assert body["pool"]["size"] is None and series["notification"]["partitions"] == []
        assert series["notification"]["rows"] >= 0
    assert any(c["hits"] + c["misses"] >= 1 for c in body["cache"]), body["cache"]
