"""Your data: export → delete → import round trip through a live app with its embedded worker; deletion leaves no
row or file; every table that holds a user's rows is exported and cascades."""

from __future__ import annotations

import io
import json
import tracemalloc
import zipfile
from typing import Any

import httpx
import pytest
from sqlalchemy import ForeignKey, func, select

from app.core.config import Settings
from app.core.db import make_engine, make_session_factory
from app.data import portable
from app.data.portable import FORMAT, NOT_EXPORTED, SECTIONS, ImportRefused, read_archive
from app.models import Base
from tests.conftest import STRONG_PASSWORD, register
from tests.live import account
from tests.resumes.factories import deflate_stream, lying_zip
from tests.tasks.test_background import api, eventually


def _user_foreign_keys() -> list[tuple[str, str, ForeignKey]]:
    found = []
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            for fk in column.foreign_keys:
                if fk.column.table.name == "user":
                    found.append((table.name, column.name, fk))
    return found


def test_every_table_with_a_user_is_exported_or_excluded_with_a_reason() -> None:
    exported = {s.model.__tablename__ for s in SECTIONS}
    missing = {t for t, _, _ in _user_foreign_keys()} - exported - set(NOT_EXPORTED)
    assert not missing, f"tables with user rows that an export leaves out: {sorted(missing)}"


# Rows that outlive their author's account with the link cleared: they hold no personal data once it is NULL.
KEPT_UNLINKED = {"audit_event.actor_id": "the server's audit trail of settings changes (who becomes 'deleted')"}


def test_every_foreign_key_to_a_user_cascades_on_delete() -> None:
    loose = [
        f"{t}.{c}"
        for t, c, fk in _user_foreign_keys()
        if fk.ondelete != "CASCADE" and not (fk.ondelete == "SET NULL" and f"{t}.{c}" in KEPT_UNLINKED)
    ]
    assert not loose, f"deleting a user would leave or block these rows: {loose}"


async def _snapshot(c: httpx.AsyncClient) -> dict[str, Any]:
    """What a user sees of their data, without ids and times that an import renumbers."""
    me = (await c.get("/api/v1/users/me")).json()
    apps = (await c.get("/api/v1/applications", params={"size": 100})).json()["items"]
    history = {}
    for a in apps:
        events = (await c.get(f"/api/v1/applications/{a['id']}/events")).json()["items"]
        history[a["job"]["title"]] = [(e["from_status"], e["to_status"], e["at"]) for e in events]
    jobs = (await c.get("/api/v1/jobs", params={"size": 100})).json()["items"]
    notes = (await c.get("/api/v1/notifications", params={"size": 100})).json()["items"]
    documents = (await c.get("/api/v1/documents", params={"size": 100})).json()["items"]
    versions = {}
    for d in documents:
        items = (await c.get(f"/api/v1/documents/{d['id']}/versions")).json()["items"]
        versions[d["kind"]] = sorted((v["number"], v["origin"], v["content"]) for v in items)
    interviews = (await c.get("/api/v1/interviews", params={"size": 100})).json()["items"]
    questions = {}
    for i in interviews:
        session = (await c.get(f"/api/v1/interviews/{i['id']}")).json()
        questions[i["job_title"]] = [(q["question"], q["answer"], q["score"]) for q in session["questions"]]
    resumes = (await c.get("/api/v1/resumes")).json()["items"]
    return {
        "profile": {k: me[k] for k in ("full_name", "timezone", "daily_application_goal", "evening_summary_hour")},
        "skills": sorted((s["name"], s["level"]) for s in me["skills"]),
        "jobs": sorted((j["title"], j["company"], j["location"]) for j in jobs),
        "applications": sorted((a["job"]["title"], a["status"], a["notes"], a["applied_at"]) for a in apps),
        "history": history,
        "notifications": sorted(n["title"] for n in notes),
        "documents": sorted((d["kind"], d["job_title"], d["content"], d["status"]) for d in documents),
        "versions": versions,
        "interviews": questions,
        "resumes": sorted((r["filename"], r["status"], r["skills_count"]) for r in resumes),
    }


async def _fill(c: httpx.AsyncClient) -> None:
    r = await c.patch(
        "/api/v1/users/me",
        json={"full_name": "Grace Hopper", "timezone": "America/New_York", "daily_application_goal": 3},
    )
    assert r.status_code == 200
    await c.put("/api/v1/users/me/skills", json={"skills": [{"name": "COBOL", "level": 5}, {"name": "Python"}]})
    for i, (title, status) in enumerate([("Compiler Engineer", "interview"), ("Data Engineer", "applied")]):
        job = (
            await c.post(
                "/api/v1/jobs",
                json={"title": title, "company": f"Navy {i}", "location": "Arlington", "description": "<p>Ships</p>"},
            )
        ).json()
        app = (await c.post("/api/v1/applications", json={"job_posting_id": job["id"], "notes": f"note {i}"})).json()
        assert (await c.patch(f"/api/v1/applications/{app['id']}", json={"status": status})).status_code == 200
    # The AI work: a resume, a letter with an edited version, an interview with one answer.
    cv = b"Grace Hopper\n\nEXPERIENCE\n- Built the first COBOL compiler with Python tooling\n\nSKILLS\nCOBOL, Python\n"
    resume = (await c.post("/api/v1/resumes", files={"file": ("grace.txt", cv, "text/plain")})).json()
    await eventually(lambda: _status_is(c, f"/api/v1/resumes/{resume['id']}", "ready"), what="resume read")
    letter = (await c.post(f"/api/v1/jobs/{job['id']}/documents", json={"kind": "cover_letter"})).json()
    await eventually(lambda: _status_is(c, f"/api/v1/documents/{letter['id']}", "ready"), what="letter written")
    text = (await c.get(f"/api/v1/documents/{letter['id']}")).json()["content"]
    assert (
        await c.patch(f"/api/v1/documents/{letter['id']}", json={"content": text + "\n\nP.S. Ships."})
    ).status_code == 200
    interview = (await c.post("/api/v1/interviews", json={"job_posting_id": job["id"], "question_count": 5})).json()
    await eventually(lambda: _status_is(c, f"/api/v1/interviews/{interview['id']}", "active"), what="questions")
    first = (await c.get(f"/api/v1/interviews/{interview['id']}")).json()["questions"][0]
    url = f"/api/v1/interviews/{interview['id']}/answers/{first['id']}"
    assert (await c.post(url, json={"answer": "I cut build times by 40% by caching."})).status_code == 202

    async def scored() -> bool:
        session = (await c.get(f"/api/v1/interviews/{interview['id']}")).json()
        return session["questions"][0]["score"] is not None

    await eventually(scored, what="feedback")


async def _status_is(c: httpx.AsyncClient, url: str, status: str) -> bool:
    return bool((await c.get(url)).json()["status"] == status)


class TestRoundTrip:
    @pytest.fixture
    def settings_overrides(self) -> dict[str, object]:
        return {"embedded_worker": True}

    async def test_export_delete_import_gives_the_same_data(self, server: tuple[str, Any], settings: Settings) -> None:
        host, _ = server
        token, user_id = await account(host, "grace@example.com")
        async with api(host, token) as c:
            await _fill(c)
            await c.post("/api/v1/users/me/evening-summary")  # a notification and an outbox copy
            await eventually(lambda: _has_notification(c), what="summary notification")
            before = await _snapshot(c)
            upload = settings.uploads_dir / str(user_id) / "resume.txt"
            upload.parent.mkdir(parents=True, exist_ok=True)
            upload.write_text("Grace Hopper — resume")

            r = await c.post("/api/v1/users/me/exports")
            assert r.status_code == 202, r.text
            export_id = r.json()["id"]  # one at a time: TestOneExportAtATime (here the worker may finish first)

            async def ready() -> dict[str, Any] | None:
                row = (await c.get(f"/api/v1/users/me/exports/{export_id}")).json()
                return row if row["status"] == "ready" else None

            export = await eventually(ready, timeout=30, what="export")
            assert export["download_url"] and export["expires_at"]
        async with httpx.AsyncClient(base_url=f"http://{host}") as anonymous:  # the link works without a session
            download = await anonymous.get(export["download_url"])
            assert download.status_code == 200 and download.headers["content-type"] == "application/zip"
            assert (await anonymous.get("/api/v1/exports/download?token=forged-token-123")).status_code == 404
        archive = zipfile.ZipFile(io.BytesIO(download.content))
        assert {"manifest.json", "data/profile.json", "data/applications.json", "files/resume.txt"} <= set(
            archive.namelist()
        )
        assert b"hashed_password" not in archive.read("data/profile.json")

        async with api(host, token) as c:
            r = await c.request("DELETE", "/api/v1/users/me", json={"password": "wrong-password-123"})
            assert r.status_code == 403 and "not deleted" in r.json()["detail"]
            r = await c.request("DELETE", "/api/v1/users/me", json={"password": STRONG_PASSWORD})
            assert r.status_code == 204, r.text
            assert (await c.get("/api/v1/users/me")).status_code == 401

        await _assert_nothing_left(settings, user_id)

        async def files_gone() -> bool:
            return not upload.parent.exists() and not (settings.exports_dir / str(user_id)).exists()

        await eventually(files_gone, what="file removal")

        new_token, new_id = await account(host, "grace@example.org")
        async with api(host, new_token) as c:
            bad = await c.post("/api/v1/users/me/import", files={"file": ("x.zip", b"not a zip", "application/zip")})
            assert bad.status_code == 400 and "not a Career Copilot export" in bad.json()["detail"]
            r = await c.post(
                "/api/v1/users/me/import", files={"file": ("export.zip", download.content, "application/zip")}
            )
            assert r.status_code == 200, r.text
            assert r.json()["imported"]["applications"] == 2
            after = await _snapshot(c)
            again = await c.post(
                "/api/v1/users/me/import", files={"file": ("export.zip", download.content, "application/zip")}
            )
            assert again.status_code == 409
        assert after == before
        assert (settings.uploads_dir / str(new_id) / "resume.txt").read_text() == "Grace Hopper — resume"


async def _has_notification(c: httpx.AsyncClient) -> bool:
    items = (await c.get("/api/v1/notifications")).json()["items"]
    return any(n["type"] == "summary.sent" for n in items)


async def _assert_nothing_left(settings: Settings, user_id: int) -> None:
    engine = make_engine(settings)
    try:
        async with make_session_factory(engine)() as session:
            for table, column, _ in _user_foreign_keys():
                t = Base.metadata.tables[table]
                left = await session.scalar(select(func.count()).select_from(t).where(t.c[column] == user_id))
                assert left == 0, f"{left} row(s) of the deleted user left in {table}"
            users = Base.metadata.tables["user"]
            assert await session.scalar(select(func.count()).select_from(users).where(users.c.id == user_id)) == 0
    finally:
        await engine.dispose()


class TestHostileImports:
    """An uploaded export is unpacked with a cap on the bytes actually produced, whatever its headers claim."""

    MANIFEST = json.dumps({"format": FORMAT, "format_version": 1}).encode()

    def _peak(self, content: bytes) -> tuple[str, int]:
        tracemalloc.start()
        try:
            read_archive(content)
        except ImportRefused as exc:
            return exc.message, tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        raise AssertionError("the archive was accepted")

    def test_a_member_that_inflates_past_its_declared_size(self) -> None:
        rows = b"[]"
        bomb = lying_zip(
            [("manifest.json", deflate_stream(self.MANIFEST, 0), self.MANIFEST),
             ("data/skills.json", deflate_stream(rows, 300 * 1024 * 1024), rows)]
        )  # fmt: skip
        assert len(bomb) < 1024 * 1024
        message, peak = self._peak(bomb)
        assert "unpacks to more than" in message and peak < 20 * 1024 * 1024

    def test_many_members_past_the_total(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(portable, "MAX_IMPORT_UNPACKED_BYTES", 8 * 1024 * 1024)
        blob = b"\x00" * (1024 * 1024)
        members = [("manifest.json", deflate_stream(self.MANIFEST, 0), self.MANIFEST)]
        members += [(f"files/{i}.bin", deflate_stream(blob, 0), blob) for i in range(20)]
        message, peak = self._peak(lying_zip(members))
        assert "unpacks to more than" in message and peak < 30 * 1024 * 1024


class TestOneExportAtATime:
    async def test_a_second_export_waits_for_the_first(self, client: httpx.AsyncClient) -> None:
        headers = await register(client)  # no worker runs in this app: the first export stays pending
        first = await client.post("/api/v1/users/me/exports", headers=headers)
        assert first.status_code == 202, first.text
        second = await client.post("/api/v1/users/me/exports", headers=headers)
        assert second.status_code == 429 and "already being prepared" in second.json()["detail"]
