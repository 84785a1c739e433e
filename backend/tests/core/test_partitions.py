"""Monthly partitions of the time series (PostgreSQL), retention on both databases, and catalogue archiving."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import text

from app.core.partitions import PARTITIONED, add_months, maintain, month_start, partition_name
from tests.conftest import register
from tests.factories import add_job, track

NOW = datetime.now(UTC)
THIS_MONTH = month_start(NOW.date())


def _at(month_offset: int, day: int = 10) -> datetime:
    month = add_months(THIS_MONTH, month_offset)
    return datetime(month.year, month.month, day, 12, tzinfo=UTC)


async def _user_id(app: Any, client: Any) -> int:
    headers = await register(client, "parts@example.com")
    me = await client.get("/api/v1/auth/me", headers=headers)
    return int(me.json()["id"])


async def _add_notification(app: Any, user_id: int, created_at: datetime) -> int:
    async with app.state.engine.begin() as conn:
        return int(
            await conn.scalar(
                text(
                    "INSERT INTO notification (user_id, type, title, body, data, created_at) "
                    "VALUES (:u, 'test', 'Test', '', '{}', :at) RETURNING id"
                ),
                {"u": user_id, "at": created_at},
            )
        )


async def _home(app: Any, notification_id: int) -> str | None:
    """Which partition a notification row is stored in (None when the row is gone)."""
    async with app.state.engine.connect() as conn:
        return await conn.scalar(  # type: ignore[no-any-return]
            text("SELECT tableoid::regclass::text FROM notification WHERE id = :id"), {"id": notification_id}
        )


async def _exists(app: Any, name: str) -> bool:
    async with app.state.engine.connect() as conn:
        return bool(await conn.scalar(text("SELECT to_regclass(:n) IS NOT NULL"), {"n": name}))


@pytest.fixture
def database_url(postgres_url: str) -> str:
    return postgres_url


async def test_time_series_tables_are_partitioned_by_month_with_the_time_column_in_the_key(app: Any) -> None:
    async with app.state.engine.connect() as conn:
        for table, column in PARTITIONED.items():
            kind = await conn.scalar(
                text("SELECT relkind::text FROM pg_class WHERE oid = to_regclass(:t)"), {"t": table}
            )
            assert kind == "p", f"{table} is not partitioned"
            key = await conn.scalar(text("SELECT pg_get_partkeydef(to_regclass(:t))"), {"t": table})
            assert key == f"RANGE ({column})"
            pk = await conn.scalar(
                text(
                    "SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                    "WHERE conrelid = to_regclass(:t) AND contype = 'p'"
                ),
                {"t": table},
            )
            assert pk == f"PRIMARY KEY (id, {column})"
            for ahead in range(4):  # this month and three more, made by the migration
                assert await _exists(app, partition_name(table, add_months(THIS_MONTH, ahead)))
            assert await _exists(app, f"{table}_default")


async def test_rows_go_to_their_month_and_the_app_reads_them_through_the_parent(app: Any, client: Any) -> None:
    user_id = await _user_id(app, client)
    recent = await _add_notification(app, user_id, NOW)
    ancient = await _add_notification(app, user_id, datetime(2019, 3, 1, tzinfo=UTC))
    assert await _home(app, recent) == partition_name("notification", THIS_MONTH)
    assert await _home(app, ancient) == "notification_default"  # no partition for 2019: the default catches it


async def test_maintenance_makes_future_months_and_moves_rows_stranded_in_default(app: Any, client: Any) -> None:
    settings = app.state.settings
    user_id = await _user_id(app, client)
    # Half a year on, the task has not run for months: a row for month +7 waits in DEFAULT.
    later = _at(7)
    stranded = await _add_notification(app, user_id, later)
    assert await _home(app, stranded) == "notification_default"

    async with app.state.engine.begin() as conn:
        report = await maintain(conn, settings, now=_at(6))
    for ahead in range(6, 6 + settings.partition_months_ahead + 1):
        assert await _exists(app, partition_name("notification", add_months(THIS_MONTH, ahead)))
    assert partition_name("llm_call", add_months(THIS_MONTH, 9)) in report.created
    assert await _home(app, stranded) == partition_name("notification", add_months(THIS_MONTH, 7))

    async with app.state.engine.begin() as conn:  # a second run has nothing to do
        again = await maintain(conn, settings, now=_at(6))
    assert again.created == [] and again.dropped == []
    async with app.state.engine.begin() as conn:
        for table in PARTITIONED:
            for ahead in range(7, 10):
                await conn.execute(text(f"DROP TABLE IF EXISTS {partition_name(table, add_months(THIS_MONTH, ahead))}"))


async def test_retention_detaches_and_drops_old_months_and_keeps_what_is_kept_forever(app: Any, client: Any) -> None:
    settings = app.state.settings.model_copy(update={"notification_retention_months": 2})
    assert settings.application_event_retention_months == 0
    user_id = await _user_id(app, client)
    old_month = add_months(THIS_MONTH, -5)
    async with app.state.engine.begin() as conn:
        for table in ("notification", "application_event"):
            await conn.execute(
                text(
                    f"CREATE TABLE IF NOT EXISTS {partition_name(table, old_month)} PARTITION OF {table} FOR VALUES "
                    f"FROM ('{old_month.isoformat()}') TO ('{add_months(old_month, 1).isoformat()}')"
                )
            )
    in_old_partition = await _add_notification(app, user_id, _at(-5))
    in_default = await _add_notification(app, user_id, datetime(2019, 3, 1, tzinfo=UTC))
    recent = await _add_notification(app, user_id, _at(-1))
    headers = await register(client, "history@example.com")
    job = await add_job(client, headers)
    application = await track(client, headers, job["id"])
    async with app.state.engine.begin() as conn:
        await conn.execute(
            text("UPDATE application_event SET at = :at WHERE application_id = :a"),
            {"at": _at(-5), "a": application["id"]},
        )

    async with app.state.engine.begin() as conn:
        report = await maintain(conn, settings)

    assert partition_name("notification", old_month) in report.dropped
    assert not await _exists(app, partition_name("notification", old_month))
    assert await _home(app, in_old_partition) is None
    assert await _home(app, in_default) is None
    assert await _home(app, recent) == "notification_default"  # last month has no partition; inside retention
    assert report.deleted_rows["notification"] == 1
    # application_event keeps everything (the user's history): its old month is still there with the row.
    assert await _exists(app, partition_name("application_event", old_month))
    history = await client.get(f"/api/v1/applications/{application['id']}/events", headers=headers)
    assert history.status_code == 200 and len(history.json()) >= 1


async def test_retention_on_sqlite_deletes_old_rows(sqlite_url: str, tmp_root: Any) -> None:
    from app.main import create_app
    from tests.conftest import _truncate_all, make_settings

    application = create_app(make_settings(sqlite_url, tmp_root, notification_retention_months=3))
    try:
        import httpx

        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=application), base_url="http://t") as client:
            user_id = await _user_id(application, client)
            old = await _add_notification(application, user_id, _at(-4))
            kept = await _add_notification(application, user_id, _at(-2))
            async with application.state.engine.begin() as conn:
                report = await maintain(conn, application.state.settings)
            assert report.deleted_rows == {"notification": 1, "job_source_record": 0, "llm_call": 0}
            async with application.state.engine.connect() as conn:
                ids = set((await conn.scalars(text("SELECT id FROM notification"))).all())
            assert old not in ids and kept in ids
    finally:
        await _truncate_all(application.state.engine)
        await application.state.engine.dispose()
