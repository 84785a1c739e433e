"""A resume's structure through the live app: read with the resume, corrected by the user (and kept), exported
and imported as JSON Resume; bad files and bad edits are refused with a reason and change nothing."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from sqlalchemy import select, update

from app.core.config import Settings
from app.core.db import make_engine, make_session_factory
from app.models.resume import Resume
from tests.api.test_resumes import RESUME_TXT, _settled, _upload
from tests.live import account
from tests.tasks.test_background import api, eventually, task_runs

JSON_RESUME = {
    "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
    "basics": {
        "name": "Lin Okafor",
        "label": "Data Analyst",
        "email": "lin@example.org",
        "location": {"city": "Leeds", "countryCode": "GB"},
        "profiles": [{"network": "GitHub", "url": "https://github.com/linok"}],
    },
    "work": [
        {
            "name": "Harbor Health",
            "position": "Data Analyst",
            "startDate": "2021-03",
            "highlights": [
                "Built weekly Tableau dashboards for twelve clinics",
                "Cut report preparation from 2 days to 3 hours with SQL views",
            ],
        },
        {"name": "Northwind Traders", "position": "Junior Analyst", "startDate": "2018-09", "endDate": "2021-02"},
    ],
    "education": [{"institution": "University of Leeds", "studyType": "BSc", "area": "Mathematics", "endDate": "2018"}],
    "skills": [{"name": "Analysis", "keywords": ["SQL", "Tableau", "Python"]}],
    "awards": [{"title": "Not a section we keep; ignored, not refused"}],
}


def _written(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in item.items() if v not in ("", None, [])} for item in items]


class TestStructure:
    @pytest.fixture
    def settings_overrides(self) -> dict[str, object]:
        return {"embedded_worker": True}

    async def test_read_correct_export_and_import(self, server: tuple[str, Any]) -> None:
        host, _ = server
        token, _ = await account(host, "grace@example.com")
        async with api(host, token) as c:
            r = await _upload(c, "grace.txt", RESUME_TXT.encode(), "text/plain")
            resume = await _settled(c, r.json()["id"])
            assert resume["structure_origin"] == "parsed"
            assert resume["structure"]["basics"]["email"] == "grace@example.com"

            # The user fixes what was misread; the fix is kept and exported as written.
            fixed = {
                "basics": {"name": "Grace Example", "email": "grace@example.com"},
                "work": [
                    {
                        "name": "Acme Corp",
                        "position": "Senior Engineer",
                        "startDate": "2019",
                        "endDate": "2024",
                        "highlights": ["Built REST APIs in Python with FastAPI and PostgreSQL"],
                    }
                ],
            }
            saved = await c.put(f"/api/v1/resumes/{resume['id']}/structure", json=fixed)
            assert saved.status_code == 200, saved.text
            assert saved.json()["structure_origin"] == "edited"
            again = (await c.get(f"/api/v1/resumes/{resume['id']}")).json()
            assert _written(again["structure"]["work"]) == fixed["work"]  # the API fills the schema's defaults

            exported = await c.get(f"/api/v1/resumes/{resume['id']}/json-resume")
            assert exported.status_code == 200 and exported.headers["content-type"].startswith("application/json")
            assert 'filename="grace.json"' in exported.headers["content-disposition"]
            body = exported.json()
            assert body["$schema"].endswith("schema.json") and body["work"] == fixed["work"]

            # A bad edit is a 422 naming the field, and the saved structure stays.
            bad = await c.put(
                f"/api/v1/resumes/{resume['id']}/structure",
                json={"work": [{"name": "Acme", "startDate": "last spring"}]},
            )
            assert bad.status_code == 422 and "startDate" in bad.text
            huge = await c.put(f"/api/v1/resumes/{resume['id']}/structure", json={"work": [{"name": "x" * 201}]})
            assert huge.status_code == 422
            kept = (await c.get(f"/api/v1/resumes/{resume['id']}")).json()["structure"]["work"]
            assert _written(kept) == fixed["work"]

            # Import: a new resume whose structure is the file's; skills found as for an upload.
            data = json.dumps(JSON_RESUME).encode()
            imp = await c.post("/api/v1/resumes/json-resume", files={"file": ("lin.json", data, "application/json")})
            assert imp.status_code == 202, imp.text
            lin = await _settled(c, imp.json()["id"])
            assert lin["status"] == "ready" and lin["structure_origin"] == "imported"
            assert [w["name"] for w in lin["structure"]["work"]] == ["Harbor Health", "Northwind Traders"]
            assert "awards" not in lin["structure"]
            assert {"SQL", "Tableau", "Python"} <= {s["name"] for s in lin["skills"]}
            assert "Harbor Health" in lin["text"] and "Cut report preparation" in lin["text"]

    async def test_bad_json_resume_files_are_refused(self, server: tuple[str, Any]) -> None:
        host, _ = server
        token, _ = await account(host, "ada@example.com")
        async with api(host, token) as c:

            async def post(data: bytes) -> httpx.Response:
                return await c.post("/api/v1/resumes/json-resume", files={"file": ("x.json", data, "application/json")})

            cases = [
                (b"not json at all", "not a JSON file"),
                (b"[1, 2, 3]", "one object"),
                (json.dumps({"work": [{"startDate": "yesterday"}]}).encode(), 'work.0.startDate: a date is "YYYY"'),
                (json.dumps({"basics": {}}).encode(), "no content"),
                (b"\xff\xfe\x00garbage", "not a JSON file"),
            ]
            for data, message in cases:
                r = await post(data)
                assert r.status_code == 400, (data, r.text)
                assert message in r.json()["detail"], r.json()
            big = await post(b" " * (512 * 1024 + 10))
            assert big.status_code == 413
            assert (await c.get("/api/v1/resumes")).json()["total"] == 0


async def _stored(settings: Settings, resume_id: int) -> tuple[Any, str | None]:
    engine = make_engine(settings)
    try:
        async with make_session_factory(engine)() as session:
            row = (
                await session.execute(select(Resume.structure, Resume.structure_origin).where(Resume.id == resume_id))
            ).one()
            return row[0], row[1]
    finally:
        await engine.dispose()


class TestBackfill:
    @pytest.fixture
    def settings_overrides(self) -> dict[str, object]:
        return {"embedded_worker": True}

    async def test_older_resumes_get_their_structure_and_edits_are_kept(
        self, server: tuple[str, Any], settings: Settings
    ) -> None:
        host, _ = server
        token, _ = await account(host, "admin@example.com")  # the first account administers the server
        async with api(host, token) as c:
            ids = []
            for n in range(3):
                r = await _upload(c, f"cv{n}.txt", RESUME_TXT.replace("Grace", f"Grace{n}").encode(), "text/plain")
                ids.append((await _settled(c, r.json()["id"]))["id"])
            edited = {"basics": {"name": "Grace Edited"}}
            assert (await c.put(f"/api/v1/resumes/{ids[2]}/structure", json=edited)).status_code == 200
            # As uploaded before structure existed: the first two have none; one is from an older parser.
            engine = make_engine(settings)
            try:
                async with make_session_factory(engine)() as session, session.begin():
                    await session.execute(
                        update(Resume).where(Resume.id == ids[0]).values(structure=None, structure_origin=None)
                    )
                    await session.execute(update(Resume).where(Resume.id == ids[1]).values(structure_version="s0"))
            finally:
                await engine.dispose()
            assert (await c.get(f"/api/v1/resumes/{ids[0]}")).json()["structure_origin"] is None
            shown = (await c.get(f"/api/v1/resumes/{ids[0]}")).json()["structure"]
            assert shown["basics"]["email"] == "grace@example.com"  # read on the fly until the backfill stores it

            run = await c.post("/api/v1/admin/schedule/resume-structure/run")
            assert run.status_code == 202, run.text
            task_id = run.json()["task_id"]

            async def finished() -> dict[str, Any] | None:
                runs = await task_runs(c)
                return next((t for t in runs if t["task_id"] == task_id and t["state"] == "succeeded"), None)

            done = await eventually(finished, timeout=30, what="backfill finished")
            assert done["progress"] == 100
        structure, origin = await _stored(settings, ids[0])
        assert origin == "parsed" and structure["basics"]["email"] == "grace@example.com"
        assert (await _stored(settings, ids[1]))[1] == "parsed"
        structure, origin = await _stored(settings, ids[2])
        assert origin == "edited" and structure == edited
