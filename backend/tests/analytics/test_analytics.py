"""Analytics on constructed histories (every edge case the definitions name), on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import select

from app.applications import rollups
from app.jobs.text import derived_fields
from app.models import Application, ApplicationEvent, JobPosting, JobPostingSkill, User
from app.models.application import ApplicationStatus as S
from app.models.progress import Achievement
from tests.conftest import register

T0 = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)


async def _user_id(client: httpx.AsyncClient, h: dict[str, str]) -> int:
    return int((await client.get("/api/v1/auth/me", headers=h)).json()["id"])


async def history(
    app: Any,
    user_id: int,
    moves: Sequence[tuple[S | None, S, timedelta]],
    *,
    owner: bool = True,
    skills: Sequence[str] = (),
    title: str = "Job",
) -> int:
    """One application whose history is `moves` (from, to, time after T0); its job is private or catalogue."""
    async with app.state.session_factory() as s:
        job = JobPosting(
            owner_id=user_id if owner else None,
            title=title,
            company="Acme",
            location="Remote",
            posted_at=T0,
            tech_stack=list(skills),
            responsibilities=[],
            **derived_fields(title, "Acme", f"Remote-{title}-{owner}", list(skills), ""),
        )
        s.add(job)
        await s.flush()
        s.add_all(JobPostingSkill(job_posting_id=job.id, skill=k) for k in skills)
        last = moves[-1]
        applied = next((T0 + at for _, to, at in moves if to in (S.applied, S.interview, S.offer, S.accepted)), None)
        application = Application(
            user_id=user_id, job_posting_id=job.id, status=last[1], applied_at=applied, created_at=T0
        )
        s.add(application)
        await s.flush()
        s.add_all(
            ApplicationEvent(application_id=application.id, user_id=user_id, from_status=f, to_status=t, at=T0 + at)
            for f, t, at in moves
        )
        await rollups.refresh(s, Application.id == application.id)
        await s.commit()
        return int(application.id)


IN, A, IV, OF, AC = S.interested, S.applied, S.interview, S.offer, S.accepted


class TestSuccessRates:
    async def test_every_edge_case(self, client: httpx.AsyncClient, app: Any) -> None:
        h = await register(client)
        uid = await _user_id(client, h)
        # 1. the full way to accepted
        await history(
            app, uid, [(None, IN, 0 * DAY), (IN, A, 1 * DAY), (A, IV, 5 * DAY), (IV, OF, 15 * DAY), (OF, AC, 17 * DAY)]
        )
        # 2. skipped stages count as reached: interested straight to interview (applied reached too)
        await history(app, uid, [(None, IN, 0 * DAY), (IN, IV, 2 * DAY)], owner=False, title="Skip")
        # 3. withdrawn while applied: out of the applied→interview denominator
        await history(app, uid, [(None, IN, 0 * DAY), (IN, A, 1 * DAY), (A, S.withdrawn, 3 * DAY)], title="W")
        # 4. ghosted after applying: a no
        await history(app, uid, [(None, IN, 0 * DAY), (IN, A, 1 * DAY), (A, S.ghosted, 30 * DAY)], title="G")
        # 5. rejected after an interview
        await history(
            app, uid, [(None, IN, 0 * DAY), (IN, A, 1 * DAY), (A, IV, 4 * DAY), (IV, S.rejected, 9 * DAY)], title="R"
        )
        # 6. an undone mistake: applied → interview → back to applied still reached interview ("ever")
        await history(
            app,
            uid,
            [(None, IN, 0 * DAY), (IN, A, 1 * DAY), (A, IV, 2 * DAY), (IV, A, 2 * DAY + timedelta(minutes=5))],
            title="U",
        )
        # 7. only interested: tracked, never applied
        await history(app, uid, [(None, IN, 0 * DAY)], title="Only")
        # 8. still waiting after applying
        await history(app, uid, [(None, IN, 0 * DAY), (IN, A, 1 * DAY)], title="Waiting")  # fmt: skip

        r = await client.get("/api/v1/analytics/success-rates", headers=h)
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["funnel"] == {
            "tracked": 8, "applied": 7, "interview": 4, "offer": 1, "accepted": 1,
            "withdrawn": 1, "ghosted": 1, "rejected": 1,
        }  # fmt: skip
        # applied→interview: 4 reached interview / (7 applied - 1 withdrawn while applied)
        assert body["rates"] == {
            "applied_to_interview": round(4 / 6, 4),
            "interview_to_offer": 0.25,
            "offer_to_accepted": 1.0,
            "overall": round(1 / 7, 4),
        }
        sources = {s["source"]: s["funnel"]["tracked"] for s in body["by_source"]}
        assert sources == {"added by you": 7, "job boards": 1}
        assert [m["month"] for m in body["by_month"]] == ["2026-06"]

    async def test_no_data_gives_nulls_not_errors(self, client: httpx.AsyncClient) -> None:
        h = await register(client)
        body = (await client.get("/api/v1/analytics/summary", headers=h)).json()
        assert body["success"]["rates"]["overall"] is None
        assert body["time_in_stage"] == {"stages": [], "first_response": {"median_days": None, "answered": 0}}

    async def test_bad_range_is_400(self, client: httpx.AsyncClient) -> None:
        h = await register(client)
        r = await client.get(
            "/api/v1/analytics/summary", headers=h, params={"since": "2026-05-02", "until": "2026-05-01"}
        )
        assert r.status_code == 400 and "after the end date" in r.json()["detail"]
        r = await client.get(
            "/api/v1/analytics/activity", headers=h, params={"since": "2020-01-01", "until": "2026-01-01"}
        )
        assert r.status_code == 400


class TestTimeInStage:
    async def test_medians_and_first_response(self, client: httpx.AsyncClient, app: Any) -> None:
        h = await register(client)
        uid = await _user_id(client, h)
        # Applied lasted 2, 4 and 10 days before the next move: median 4. Answers came after 2, 4 (an interview)
        # and 10 days (a rejection): median 4. One still waiting: not counted.
        await history(app, uid, [(None, IN, 0 * DAY), (IN, A, 1 * DAY), (A, IV, 3 * DAY)], title="a")
        await history(app, uid, [(None, IN, 0 * DAY), (IN, A, 1 * DAY), (A, IV, 5 * DAY)], title="b")
        await history(app, uid, [(None, IN, 0 * DAY), (IN, A, 1 * DAY), (A, S.rejected, 11 * DAY)], title="c")
        await history(app, uid, [(None, IN, 0 * DAY), (IN, A, 1 * DAY)], title="d")
        body = (await client.get("/api/v1/analytics/time-in-stage", headers=h)).json()
        stages = {s["stage"]: s for s in body["stages"]}
        assert stages["applied"]["median_days"] == 4.0 and stages["applied"]["transitions"] == 3
        assert stages["interested"]["median_days"] == 1.0 and stages["interested"]["transitions"] == 4
        assert body["first_response"] == {"median_days": 4.0, "answered": 3}


class TestSkillTrends:
    async def test_rising_declining_and_gap(self, client: httpx.AsyncClient, app: Any) -> None:
        h = await register(client)
        uid = await _user_id(client, h)
        now = datetime.now(UTC)
        # Previous window (30-60 days ago): 10 postings, 6 ask for Java, 1 for Rust, 5 for SQL.
        # Last window (0-30 days ago): 10 postings, 1 Java, 6 Rust, 5 SQL. Rust rises, Java declines, SQL steady.
        async with app.state.session_factory() as s:
            for window, counts in ((45, {"Java": 6, "Rust": 1}), (10, {"Java": 1, "Rust": 6})):
                for i in range(10):
                    skills = [k for k, n in counts.items() if i < n] + (["SQL"] if i % 2 == 0 else [])
                    job = JobPosting(
                        owner_id=None, title=f"Dev {window}-{i}", company="Co", location="Remote",
                        posted_at=now - timedelta(days=window, hours=i), tech_stack=skills, responsibilities=[],
                        **derived_fields(f"Dev {window}-{i}", "Co", "Remote", skills, ""),
                    )  # fmt: skip
                    s.add(job)
                    await s.flush()
                    s.add_all(JobPostingSkill(job_posting_id=job.id, skill=k) for k in skills)
            await s.commit()
        r = await client.get("/api/v1/analytics/skill-trends", headers=h, params={"scope": "market", "windows": 3})
        body = r.json()
        assert [w["postings"] for w in body["windows"]] == [0, 10, 10]
        by = {s["skill"]: s for s in body["skills"]}
        assert by["Rust"]["trend"] == "rising" and by["Rust"]["change_pp"] == 50.0 and by["Rust"]["share"] == 60.0
        assert by["Java"]["trend"] == "declining" and by["Java"]["change_pp"] == -50.0
        assert by["SQL"]["trend"] == "steady" and [p["count"] for p in by["SQL"]["series"]] == [0, 5, 5]
        assert body["rising"] == ["Rust"] and body["declining"] == ["Java"]

        # Skill gap over the jobs this user tracks: two ask for Rust and SQL, one for Java; the user has sql.
        await client.put("/api/v1/users/me/skills", headers=h, json={"skills": [{"name": "sql"}]})
        await history(app, uid, [(None, IN, 0 * DAY)], skills=["Rust", "SQL"], title="g1")
        await history(app, uid, [(None, IN, 0 * DAY)], skills=["Rust", "SQL", "Java"], title="g2")
        gap = (await client.get("/api/v1/analytics/skill-gap", headers=h)).json()
        assert gap["tracked_jobs"] == 2
        assert [(m["skill"], m["jobs"]) for m in gap["missing"]] == [("Rust", 2), ("Java", 1)]
        assert [(m["skill"], m["have"]) for m in gap["matched"]] == [("SQL", True)]
        tracked = (await client.get("/api/v1/analytics/skill-trends", headers=h, params={"scope": "tracked"})).json()
        assert {s["skill"] for s in tracked["skills"]} <= {"Rust", "SQL", "Java"}


class TestLiveAndCached:
    async def test_summary_follows_a_status_change(self, client: httpx.AsyncClient) -> None:
        h = await register(client)
        job = (await client.post("/api/v1/jobs", headers=h, json={"title": "X", "company": "Y"})).json()
        app_ = (await client.post("/api/v1/applications", headers=h, json={"job_posting_id": job["id"]})).json()
        first = (await client.get("/api/v1/analytics/summary", headers=h)).json()
        again = (await client.get("/api/v1/analytics/summary", headers=h)).json()  # served from the cache
        assert first == again and first["success"]["funnel"]["applied"] == 0
        await client.patch(f"/api/v1/applications/{app_['id']}", headers=h, json={"status": "applied"})
        after = (await client.get("/api/v1/analytics/summary", headers=h)).json()
        assert after["success"]["funnel"]["applied"] == 1  # the data version changed: no stale figure
        activity = (await client.get("/api/v1/analytics/activity", headers=h)).json()
        assert sum(p["count"] for p in activity["points"]) == 1 and len(activity["points"]) == 365


class TestAchievements:
    async def test_awarded_once_under_concurrent_events(self, client: httpx.AsyncClient, app: Any) -> None:
        h = await register(client)
        jobs = [
            (await client.post("/api/v1/jobs", headers=h, json={"title": f"J{i}", "company": "C"})).json()
            for i in range(6)
        ]
        apps = await asyncio.gather(
            *(client.post("/api/v1/applications", headers=h, json={"job_posting_id": j["id"]}) for j in jobs)
        )
        assert {r.status_code for r in apps} == {201}
        body = {"status": "applied"}
        moves = await asyncio.gather(
            *(client.patch(f"/api/v1/applications/{r.json()['id']}", headers=h, json=body) for r in apps)
        )
        assert {r.status_code for r in moves} == {200}
        uid = await _user_id(client, h)
        async with app.state.session_factory() as s:
            codes = list((await s.scalars(select(Achievement.code).where(Achievement.user_id == uid))).all())
        assert sorted(codes) == ["first_application", "first_job"]
        notes = (await client.get("/api/v1/notifications", headers=h)).json()["items"]
        titles = sorted(n["title"] for n in notes if n["type"] == "achievement.earned")
        assert titles == ["Achievement unlocked: First Application", "Achievement unlocked: On the Hunt"]
        listed = {a["code"]: a for a in (await client.get("/api/v1/achievements", headers=h)).json()}
        assert listed["first_application"]["earned"] and listed["applications_10"]["progress"] == 6
        assert listed["resume_uploaded"]["available"] is False

    async def test_onboarding_resume_and_finish_awards(self, client: httpx.AsyncClient, app: Any) -> None:
        h = await register(client)
        assert (await client.get("/api/v1/onboarding", headers=h)).json()["step"] == "welcome"
        assert (await client.put("/api/v1/onboarding", headers=h, json={"step": "search"})).json()["step"] == "search"
        assert (await client.get("/api/v1/onboarding", headers=h)).json()["step"] == "search"  # resumable
        assert (await client.put("/api/v1/onboarding", headers=h, json={"step": "nowhere"})).status_code == 422
        done = (await client.post("/api/v1/onboarding/finish", headers=h, json={})).json()
        assert done["finished"] and not done["skipped"]
        codes = [a["code"] for a in (await client.get("/api/v1/achievements", headers=h)).json() if a["earned"]]
        assert "onboarded" in codes
        uid = await _user_id(client, h)
        async with app.state.session_factory() as s:
            assert (await s.get(User, uid)).onboarding_finished_at is not None  # type: ignore[union-attr]
