"""The documents API against the live app and its embedded worker (SQLite and PostgreSQL): generate offline, read,
edit with versions, export, list, delete; errors a user can act on; nothing visible to another user."""

from __future__ import annotations

import io
from typing import Any

import httpx
import pytest
from docx import Document
from pypdf import PdfReader

from app.core.config import Settings
from tests.content.conftest import JOB, give_resume
from tests.live import account, next_of, open_socket
from tests.tasks.test_background import api, eventually


async def _settled(c: httpx.AsyncClient, document_id: int) -> dict[str, Any]:
    async def check() -> dict[str, Any] | None:
        body: dict[str, Any] = (await c.get(f"/api/v1/documents/{document_id}")).json()
        return body if body["status"] != "generating" else None

    result: dict[str, Any] = await eventually(check, timeout=30, what="document generated")
    return result


async def _job(c: httpx.AsyncClient, **fields: Any) -> int:
    r = await c.post("/api/v1/jobs", json={**JOB, **fields})
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


class TestDocumentsFlow:
    @pytest.fixture
    def settings_overrides(self) -> dict[str, object]:
        return {"embedded_worker": True}

    async def test_generate_edit_export_delete(self, server: tuple[str, Any], settings: Settings) -> None:
        host, _ = server
        token, user_id = await account(host, "grace@example.com")
        async with api(host, token) as c:
            await give_resume(settings, user_id)
            job_id = await _job(c)
            ws = await open_socket(host, token)
            try:
                r = await c.post(f"/api/v1/jobs/{job_id}/documents", json={"kind": "cover_letter", "tone": "friendly"})
                assert r.status_code == 202, r.text
                created = r.json()
                assert created["status"] == "generating" and created["task_id"]
                assert created["title"] == "Cover letter \u2013 Acme \u2013 Backend Engineer"
                assert (created["job_title"], created["company"], created["version_count"]) == (
                    "Backend Engineer",
                    "Acme",
                    0,
                )
                done = await next_of(ws, "content.delta", timeout=30)
                while not done["data"]["done"]:
                    assert done["data"]["document_id"] == created["id"]
                    done = await next_of(ws, "content.delta", timeout=30)
                assert done["data"] == {"document_id": created["id"], "done": True, "status": "ready", "delta": ""}
            finally:
                await ws.close()
            doc = await _settled(c, created["id"])
            assert (doc["provider"], doc["model"], doc["prompt_version"]) == ("offline", "offline", "cover-offline-v2")
            assert doc["options"] == {"tone": "friendly", "length": "medium"} and doc["version_count"] == 1
            assert "Acme" in doc["content"] and "Backend Engineer" in doc["content"]
            assert doc["report"]["removed"] == [] and "Apache Kafka" in doc["report"]["missing_skills"]
            # a thin resume (one role, three bullets): every fact used, then visible places for the user's words
            assert 180 <= doc["report"]["word_count"] <= 275 and doc["diff"] is None
            assert all(s["sources"] for s in doc["report"]["sentences"])

            edited = doc["content"].replace("Acme", "Acme GmbH", 1) + "\nP.S. 70.000 € is “fine”."
            r = await c.patch(f"/api/v1/documents/{doc['id']}", json={"content": edited})
            assert r.status_code == 200, r.text
            assert r.json()["version_count"] == 2 and r.json()["edited_at"] and r.json()["content"] == edited
            versions = (await c.get(f"/api/v1/documents/{doc['id']}/versions")).json()
            assert versions["total"] == 2
            assert [(v["number"], v["origin"]) for v in versions["items"]] == [(2, "edited"), (1, "original")]
            assert versions["items"][1]["content"] == doc["content"]

            r = await c.get(f"/api/v1/documents/{doc['id']}/export", params={"format": "pdf"})
            assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
            assert "filename*=UTF-8''Cover%20letter%20%E2%80%93%20Acme" in r.headers["content-disposition"]
            pdf_text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(r.content)).pages).split())
            assert "70.000 € is “fine”" in pdf_text
            r = await c.get(f"/api/v1/documents/{doc['id']}/export", params={"format": "docx"})
            assert r.status_code == 200 and r.headers["content-disposition"].startswith('attachment; filename="Cover')
            assert any("70.000 €" in p.text for p in Document(io.BytesIO(r.content)).paragraphs)

            r = await c.post(f"/api/v1/documents/{doc['id']}/cancel")
            assert r.status_code == 409 and r.json()["code"] == "not_cancellable"
            assert (await c.delete(f"/api/v1/documents/{doc['id']}")).status_code == 204
            assert (await c.get(f"/api/v1/documents/{doc['id']}")).status_code == 404

    async def test_tailored_resume_list_filters_and_other_users(
        self, server: tuple[str, Any], settings: Settings
    ) -> None:
        host, _ = server
        token, user_id = await account(host, "grace@example.com")
        other_token, _ = await account(host, "mallory@example.com")
        async with api(host, token) as c, api(host, other_token) as other:
            await give_resume(settings, user_id)
            job_id = await _job(c)
            second_job = await _job(c, title="Data Engineer", company="Globex")
            r = await c.post(f"/api/v1/jobs/{job_id}/documents", json={"kind": "tailored_resume"})
            assert r.status_code == 202, r.text
            tailored = await _settled(c, r.json()["id"])
            assert tailored["status"] == "ready" and tailored["prompt_version"] == "tailor-offline-v2"
            assert tailored["content"].startswith("# Grace Hopper")
            assert "Kafka" not in tailored["content"] and "Apache Kafka" in tailored["report"]["missing_skills"]
            assert "source_markdown" not in tailored["report"]
            ops = {d["op"] for d in tailored["diff"]}
            assert ops == {"equal", "insert", "delete"}
            await c.post(f"/api/v1/jobs/{second_job}/documents", json={"kind": "cover_letter"})

            listed = (await c.get("/api/v1/documents", params={"size": 10})).json()
            assert listed["total"] == 2 and listed["items"][0]["company"] == "Globex"
            only = (await c.get("/api/v1/documents", params={"job_id": job_id, "kind": "tailored_resume"})).json()
            assert [d["id"] for d in only["items"]] == [tailored["id"]]
            assert (await c.get("/api/v1/documents", params={"kind": "cover_letter", "job_id": job_id})).json()[
                "total"
            ] == 0

            doc_id = tailored["id"]
            assert (await other.get("/api/v1/documents")).json()["total"] == 0
            for method, path, body in [
                ("GET", f"/api/v1/documents/{doc_id}", None),
                ("PATCH", f"/api/v1/documents/{doc_id}", {"content": "Hijacked"}),
                ("GET", f"/api/v1/documents/{doc_id}/versions", None),
                ("GET", f"/api/v1/documents/{doc_id}/export?format=pdf", None),
                ("POST", f"/api/v1/documents/{doc_id}/cancel", None),
                ("DELETE", f"/api/v1/documents/{doc_id}", None),
                ("POST", f"/api/v1/jobs/{job_id}/documents", {"kind": "cover_letter"}),
            ]:
                r = await other.request(method, path, json=body)
                assert r.status_code == 404, (method, path, r.text)
            assert (await c.get(f"/api/v1/documents/{doc_id}")).json()["content"] == tailored["content"]

    async def test_errors_a_user_can_act_on(self, server: tuple[str, Any]) -> None:
        host, _ = server
        token, _ = await account(host, "new@example.com")
        async with api(host, token) as c:
            job_id = await _job(c)
            r = await c.post(f"/api/v1/jobs/{job_id}/documents", json={"kind": "cover_letter"})
            assert r.status_code == 409 and r.json()["detail"].startswith("Add your skills or upload a resume first")
            assert (await c.post("/api/v1/jobs/999999/documents", json={"kind": "cover_letter"})).status_code == 404
            r = await c.post(f"/api/v1/jobs/{job_id}/documents", json={"kind": "poem"})
            assert r.status_code == 422 and r.json()["code"] == "validation_error"
            r = await c.post(f"/api/v1/jobs/{job_id}/documents", json={"kind": "cover_letter", "length": "epic"})
            assert r.status_code == 422

            await c.put("/api/v1/users/me/skills", json={"skills": [{"name": "Python"}, {"name": "PostgreSQL"}]})
            r = await c.post(f"/api/v1/jobs/{job_id}/documents", json={"kind": "cover_letter", "length": "short"})
            assert r.status_code == 202, r.text
            doc = await _settled(c, r.json()["id"])
            # no resume yet: no padding, but visible places for the user's own words
            assert doc["status"] == "ready" and doc["report"]["word_count"] <= 230
            assert "[One more result from your work" in doc["content"]
            r = await c.patch(f"/api/v1/documents/{doc['id']}", json={"content": "x" * 50_001})
            assert r.status_code == 422
            r = await c.patch(f"/api/v1/documents/{doc['id']}", json={"content": ""})
            assert r.status_code == 422
            r = await c.get(f"/api/v1/documents/{doc['id']}/export", params={"format": "odt"})
            assert r.status_code == 422
            assert (await c.get("/api/v1/documents/999999")).status_code == 404
