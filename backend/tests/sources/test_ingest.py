"""One ingestion run end to end against local boards: two boards carry the same job (merged into one posting
with both links), three boards fail in three ways and the rest still ingest, health is recorded, and the
user's Discover feed gets the match."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from app.core.db import session_scope
from app.core.events import flush_events
from app.jobs.ingest import run_ingest
from app.jobs.scraper_service import JobScraperService
from app.match.discover import score_new
from app.models import JobPosting
from app.models.sources import JobSource, JobSourceRecord, SourceState
from tests.conftest import register
from tests.sources.boards import Board, running_board

NOW = datetime.now(UTC)
SEARCH = ["remotive", "remoteok", "arbeitnow", "themuse", "himalayas"]
OTHERS = ["jobicy", "hn_whoishiring", "adzuna", "usajobs", "jooble"]
DESCRIPTION = "<p>Build Python services on PostgreSQL and Kubernetes for our data platform.</p>"


def remotive_payload() -> dict[str, Any]:
    return {
        "0-legal-notice": "Link back to Remotive.",
        "job-count": 2,
        "jobs": [
            {"id": 1901, "url": "https://remotive.com/remote-jobs/software-dev/senior-python-engineer-1901",
             "title": "Senior Python Engineer", "company_name": "Globex", "category": "Software Development",
             "job_type": "full_time", "publication_date": (NOW - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S"),
             "candidate_required_location": "Worldwide", "salary": "$120k - $140k", "description": DESCRIPTION},
            {"id": 1902, "url": "https://remotive.com/remote-jobs/design/product-designer-1902",
             "title": "Product Designer", "company_name": "Initech", "job_type": "contract",
             "publication_date": (NOW - timedelta(days=3)).strftime("%Y-%m-%dT%H:%M:%S"),
             "candidate_required_location": "Europe", "salary": "", "description": "<p>Figma all day.</p>"},
        ],
    }  # fmt: skip


def remoteok_payload() -> list[dict[str, Any]]:
    return [
        {"legal": "API Terms of Service: link back to Remote OK."},
        {"id": "77001", "slug": "remote-senior-python-engineer-globex-77001", "epoch": int(NOW.timestamp()) - 7200,
         "date": NOW.isoformat(), "company": "Globex", "position": "Senior Python Engineer",
         "tags": ["python", "postgresql", "backend"], "location": "Worldwide", "salary_min": 0, "salary_max": 0,
         "description": DESCRIPTION + "<p>More detail about the team, the on-call rotation and the stack we run.</p>",
         "url": "https://remoteok.com/remote-jobs/77001"},
    ]  # fmt: skip


@pytest.fixture(scope="module")
def board() -> Iterator[tuple[Board, str]]:
    with running_board() as b:
        yield b


@pytest.fixture
def settings_overrides(board: tuple[Board, str]) -> dict[str, object]:
    local, url = board
    local.route("GET", "/api/remote-jobs", remotive_payload())
    local.route("GET", "/api", remoteok_payload())
    local.script("GET", "/api/job-board-api", [500])  # fails: server error
    local.script("GET", "/api/public/jobs", ["malformed"])  # fails: broken JSON
    local.script("GET", "/jobs/api/search", ["timeout"])  # fails: too slow
    return {
        "source_base_urls": {name: url for name in SEARCH},
        "sources_disabled": OTHERS,
        "source_timeout_seconds": 0.5,
        "source_retries": 1,
    }


async def test_dedup_failures_health_and_matches(client: httpx.AsyncClient, app: Any) -> None:
    h = await register(client)
    await client.put(
        "/api/v1/users/me/skills",
        headers=h,
        json={"skills": [{"name": "Python"}, {"name": "PostgreSQL"}, {"name": "Kubernetes"}]},
    )
    assert (await client.patch("/api/v1/users/me", headers=h, json={"remote_only": True})).status_code == 200
    r = await client.post(
        "/api/v1/saved-searches", headers=h, json={"keywords": "python engineer", "remote_only": True}
    )
    assert r.status_code == 201

    @asynccontextmanager
    async def unit() -> Any:
        async with session_scope(app.state.session_factory) as session:
            yield session
        await flush_events(session, app.state.bus)

    summary = await run_ingest(unit, JobScraperService(app.state.settings), 0.4, match=score_new)
    assert summary.sources["remotive"]["fetched"] == 2 and summary.sources["remoteok"]["fetched"] == 1
    errors = {name: s["errors"] for name, s in summary.sources.items() if s["errors"]}
    assert set(errors) == {"arbeitnow", "themuse", "himalayas"}
    assert "HTTP 500" in errors["arbeitnow"][0] and "not valid JSON" in errors["themuse"][0]
    assert "gave up" in errors["himalayas"][0] or "no answer" in errors["himalayas"][0]
    assert (summary.created, summary.merged) == (2, 1)

    async with app.state.session_factory() as s:
        postings = (await s.scalars(select(JobPosting).order_by(JobPosting.title))).all()
        assert [p.title for p in postings] == ["Product Designer", "Senior Python Engineer"]
        merged = postings[1]
        links = (await s.scalars(select(JobSource.source).where(JobSource.job_posting_id == merged.id))).all()
        assert sorted(links) == ["remoteok", "remotive"]
        assert "on-call rotation" in merged.description_text  # the richer description won
        assert (merged.salary_min, merged.salary_max, merged.salary_currency) == (120_000, 140_000, "USD")
        assert await s.scalar(select(func.count()).select_from(JobSourceRecord)) == 3
        states = {st.source: st for st in await s.scalars(select(SourceState))}
        assert states["remotive"].last_success_at is not None and states["remotive"].last_fetched == 2
        assert states["arbeitnow"].last_error and states["arbeitnow"].last_success_at is None

    feed = (await client.get("/api/v1/discover", headers=h)).json()
    assert feed["total"] >= 1
    top = feed["items"][0]
    assert top["job"]["title"] == "Senior Python Engineer"
    assert sorted(top["matched_skills"]) == ["Kubernetes", "PostgreSQL", "Python"] and top["score"] >= 0.75
    parts = {p["key"]: p for p in top["parts"]}
    assert parts["role"]["status"] == "met" and parts["location"]["status"] == "met"  # the role searched; remote
    notes = (await client.get("/api/v1/notifications", headers=h)).json()["items"]
    assert any(n["type"] == "job.matched" for n in notes)
    health = {x["name"]: x for x in (await client.get("/api/v1/sources", headers=h)).json()}
    assert health["arbeitnow"]["last_error"] and health["adzuna"]["needs_key"] and not health["adzuna"]["enabled"]

    # A second run: Remotive's terms allow 4 requests a day, so it waits; Remote OK's listing is seen again.
    again = await run_ingest(unit, JobScraperService(app.state.settings), 0.4, match=score_new)
    assert (again.created, again.merged, again.updated) == (0, 0, 1)
    assert again.sources["remotive"]["skipped"].startswith("its terms allow the next request at")
    r = await client.post(f"/api/v1/discover/{top['id']}/dismiss", headers=h)
    assert r.status_code == 204
    assert all(i["id"] != top["id"] for i in (await client.get("/api/v1/discover", headers=h)).json()["items"])


def test_cli_sources_list_and_parse(tmp_path: Path) -> None:
    env = {"COPILOT_DATA_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path}/x.db", "PATH": "/usr/bin:/bin"}
    cwd = Path(__file__).resolve().parents[2]
    listed = subprocess.run([sys.executable, "-m", "app.cli", "sources", "list"], env=env, cwd=cwd,
                            capture_output=True, text=True, check=True)  # fmt: skip
    lines = {line.split()[0]: line for line in listed.stdout.splitlines()}
    assert len(lines) == 15 and "needs a key" in lines["adzuna"] and "enabled" in lines["greenhouse"]
    saved = tmp_path / "remotive.json"
    saved.write_text(json.dumps(remotive_payload()))
    parsed = subprocess.run([sys.executable, "-m", "app.cli", "sources", "parse", "remotive", str(saved)], env=env,
                            cwd=cwd, capture_output=True, text=True, check=True)  # fmt: skip
    jobs = json.loads(parsed.stdout)
    assert [j["title"] for j in jobs] == ["Senior Python Engineer", "Product Designer"]
    assert jobs[0]["salary_min"] == 120_000 and jobs[0]["remote_type"] == "remote"
    bad = subprocess.run([sys.executable, "-m", "app.cli", "sources", "parse", "nowhere", str(saved)], env=env,
                         cwd=cwd, capture_output=True, text=True)  # fmt: skip
    assert bad.returncode == 2 and bad.stderr.startswith("error: unknown source nowhere")


def test_cli_ingest_runs_inline_and_prints_a_summary(tmp_path: Path, board: tuple[Board, str]) -> None:
    local, url = board
    local.route("GET", "/api/remote-jobs", remotive_payload())
    local.route("GET", "/api", remoteok_payload())
    env = {
        "COPILOT_DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path}/cli.db",
        "SOURCE_BASE_URLS": json.dumps({"remotive": url, "remoteok": url}),
        "SOURCES_DISABLED": ",".join([*OTHERS, "arbeitnow", "themuse", "himalayas"]),
        "PATH": "/usr/bin:/bin",
    }
    cwd = Path(__file__).resolve().parents[2]

    def copilot(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "app.cli", *args], env=env, cwd=cwd, capture_output=True, text=True
        )

    assert copilot("migrate").returncode == 0
    # Nothing saved yet: a run with nothing to look for.
    empty = copilot("ingest")
    assert empty.returncode == 0, empty.stderr
    assert json.loads(empty.stdout)["created"] == 0
    assert copilot("ingest", "--user", "nobody@example.com").returncode == 2
    assert copilot("ingest", "--source", "monster").stderr.startswith("error: unknown source monster")
    # The demo account saves a search (written as the app would), then ingests inline.
    assert copilot("demo").returncode == 0
    import sqlite3

    with sqlite3.connect(tmp_path / "cli.db") as db:
        (user_id,) = db.execute("SELECT id FROM user WHERE email = 'demo@example.com'").fetchone()
        db.execute(
            "INSERT INTO saved_search (user_id, keywords, location, remote_only, created_at) "
            "VALUES (?, 'python', '', 0, CURRENT_TIMESTAMP)",
            (user_id,),
        )
    ran = copilot("ingest", "--user", "demo@example.com", "--source", "remotive", "--source", "remoteok")
    assert ran.returncode == 0, ran.stderr
    summary = json.loads(ran.stdout)
    assert summary["sources"]["remotive"]["fetched"] == 2 and summary["sources"]["remoteok"]["fetched"] == 1
    assert (summary["created"], summary["merged"]) == (2, 1)
