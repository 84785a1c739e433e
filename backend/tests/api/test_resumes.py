"""Resumes through the live app and its embedded worker: upload → progress events → review → profile; bad files
get a clear message and change nothing."""

from __future__ import annotations

import io
from typing import Any

import httpx
import pytest
from docx import Document

from tests.live import account, next_of, open_socket
from tests.tasks.test_background import api, eventually

RESUME_TXT = """Grace Example
grace@example.com | +1 555 0100 | github.com/grace

SUMMARY
Backend engineer who builds data pipelines and APIs.

EXPERIENCE
Senior Engineer, Acme Corp (2019 - 2024)
- Built REST APIs in Python with FastAPI and PostgreSQL, deployed on Kubernetes.
- Cut batch run time by 40% by moving jobs to Apache Kafka streams.

EDUCATION
B.Sc. Computer Science, State University

SKILLS
Python, Go, Docker, Terraform, AWS
"""


def _docx_with_table() -> bytes:
    doc = Document()
    doc.add_heading("Ada Example", level=1)
    doc.add_paragraph("ada@example.com")
    doc.add_heading("Skills", level=2)
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Languages", "TypeScript, Rust"
    table.cell(1, 0).text, table.cell(1, 1).text = "Tools", "React, Redis"
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


async def _upload(c: httpx.AsyncClient, name: str, data: bytes, content_type: str = "application/octet-stream") -> Any:
    return await c.post("/api/v1/resumes", files={"file": (name, data, content_type)})


async def _settled(c: httpx.AsyncClient, resume_id: int) -> dict[str, Any]:
    async def check() -> dict[str, Any] | None:
        body: dict[str, Any] = (await c.get(f"/api/v1/resumes/{resume_id}")).json()
        return body if body["status"] in ("ready", "failed") else None

    result: dict[str, Any] = await eventually(check, timeout=30, what="resume processed")
    return result


class TestResumeFlow:
    @pytest.fixture
    def settings_overrides(self) -> dict[str, object]:
        return {"embedded_worker": True}

    async def test_upload_progress_review_merges_into_profile(self, server: tuple[str, Any]) -> None:
        host, _ = server
        token, _user_id = await account(host, "grace@example.com")
        async with api(host, token) as c:
            await c.put("/api/v1/users/me/skills", json={"skills": [{"name": "Leadership"}, {"name": "python"}]})
            ws = await open_socket(host, token)
            try:
                r = await _upload(c, "grace.txt", RESUME_TXT.encode(), "text/plain")
                assert r.status_code == 202, r.text
                summary = r.json()
                assert summary["status"] == "uploaded" and summary["content_type"] == "text/plain"
                stages = []
                while not stages or stages[-1] not in ("ready", "failed"):
                    event = await next_of(ws, "resume.progress", timeout=20)
                    assert event["data"]["resume_id"] == summary["id"]
                    stages.append(event["data"]["status"])
            finally:
                await ws.close()
            assert stages[-1] == "ready" and "reading" in stages and "extracting" in stages
            resume = await _settled(c, summary["id"])
            names = [s["name"] for s in resume["skills"]]
            for expected in ("Python", "FastAPI", "PostgreSQL", "Kubernetes", "Apache Kafka", "Docker", "Terraform"):
                assert expected in names, (expected, names)
            assert "Go" in names  # in the skills list, where "Go" is a language
            assert resume["provider"] == "offline"
            assert "Built REST APIs" in resume["sections"]["experience"]
            assert "State University" in resume["sections"]["education"]
            python = next(s for s in resume["skills"] if s["name"] == "Python")
            assert python["in_profile"] is True  # "python" typed by hand matches case-insensitively

            # The user drops Go, keeps the rest, and adds one the resume did not name.
            keep = [n for n in names if n != "Go"] + ["GraphQL"]
            profile = (await c.post(f"/api/v1/resumes/{summary['id']}/skills", json={"accept": keep})).json()
            by_name = {s["name"]: s["source"] for s in profile["skills"]}
            assert by_name["Leadership"] == "manual" and by_name["python"] == "manual"  # manual ones stay as typed
            assert by_name["Kubernetes"] == "resume" and by_name["GraphQL"] == "resume"
            assert "Go" not in by_name and "Python" not in by_name
            again = (await c.get(f"/api/v1/resumes/{summary['id']}")).json()
            assert again["reviewed_at"] is not None

            download = await c.get(f"/api/v1/resumes/{summary['id']}/file")
            assert download.status_code == 200 and download.content == RESUME_TXT.encode()

    async def test_docx_with_a_table_and_bad_files(self, server: tuple[str, Any]) -> None:
        host, _ = server
        token, _ = await account(host, "ada@example.com")
        async with api(host, token) as c:
            r = await _upload(c, "ada.pdf", _docx_with_table())  # the name says PDF; the content decides
            assert r.status_code == 202, r.text
            assert r.json()["content_type"].endswith("wordprocessingml.document")
            resume = await _settled(c, r.json()["id"])
            assert resume["status"] == "ready"
            assert {"TypeScript", "Rust", "React", "Redis"} <= {s["name"] for s in resume["skills"]}

            before = (await c.get("/api/v1/users/me")).json()["skills"]
            empty = await _upload(c, "empty.txt", b"   \n")
            assert empty.status_code == 400 and empty.json()["detail"] == "This file is empty."
            png = await _upload(c, "photo.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
            assert png.status_code == 400 and png.json()["code"] != "internal_error"
            big = await _upload(c, "big.txt", b"a" * (5 * 1024 * 1024 + 10))
            assert big.status_code == 413
            damaged = await _upload(c, "cv.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not a pdf")
            if damaged.status_code == 202:  # looks like a PDF: the worker finds out and says why
                failed = await _settled(c, damaged.json()["id"])
                assert failed["status"] == "failed" and "PDF" in failed["error"]
                refused = await c.post(f"/api/v1/resumes/{failed['id']}/skills", json={"accept": ["Python"]})
                assert refused.status_code == 409
            else:
                assert damaged.status_code == 400
            assert (await c.get("/api/v1/users/me")).json()["skills"] == before  # nothing changed

            listed = (await c.get("/api/v1/resumes")).json()
            assert listed["total"] >= 1 and all(i["filename"] for i in listed["items"])
            assert (await c.delete(f"/api/v1/resumes/{resume['id']}")).status_code == 204
            assert (await c.get(f"/api/v1/resumes/{resume['id']}")).status_code == 404
