"""Discover: the catalogue's postings ranked for each user by the match score (`scoring.py`, the one definition the
job page uses too), with its parts and the hard requirements a posting fails.

- **What is scored.** New postings, as ingest stores them, for the users whose searches found them and every user
  whose Discover has been built; and, on a rebuild, the pool: public postings posted in the last `POOL_DAYS` days,
  newest first, at most `POOL_MAX`.
- **What is kept.** A `job_match` row per posting scoring at or over the threshold (`MATCH_THRESHOLD`, 0..1), with
  the parts `{key: [value, status]}` and `blockers` in words. Dismissed rows stay dismissed.
- **When it is rebuilt.** Each user's Discover remembers the digest of what it was scored from (score and parser
  versions, the resume, profile skills, what they need, saved searches' words, the threshold). A read that finds
  another digest answers with the rows it has and `rebuilding: true`; the page then asks for a rebuild
  (`POST /discover/rebuild`: a `match.rebuild_discover` task, unless one is queued or running), which publishes
  `job.matched` when done, and the page asks again. A read never writes (on SQLite a read transaction that turns
  into a write fails when the worker wrote in between).
- **Who they are.** The newest ready resume's structure and text, the profile skills, their saved searches' words
  (the roles they look for: `PersonFacts.targets`), and what they need
  (`User.needs_sponsorship`, `remote_only`, `work_location`, `min_salary` in `salary_currency`).
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.db import upsert_insert
from app.core.exceptions import NotFound
from app.match.facts import PersonFacts, person_facts
from app.match.postings import FACTS_VERSION, PostingFacts, posting_facts
from app.match.roles import role_of
from app.match.scoring import SCORE_VERSION, MatchReport, Wishes, score_match
from app.models.base import utcnow
from app.models.job import JobPosting
from app.models.resume import Resume, ResumeStatus
from app.models.sources import JobMatch, SavedSearch
from app.models.task import TaskRun
from app.models.user import User, UserSkill
from app.resumes.jsonresume import JsonResume
from app.resumes.service import latest_ready_resume, structure_of
from app.tasks.service import CANCELLABLE

POOL_DAYS = 60
POOL_MAX = 10_000
_INSERT_BATCH = 500
_DELETE_BATCH = 900


@dataclass
class Seeker:
    """What one user's Discover is scored from."""

    user_id: int
    facts: PersonFacts
    wishes: Wishes
    digest: str


def wishes_of(user: User) -> Wishes:
    return Wishes(needs_sponsorship=user.needs_sponsorship, remote_only=user.remote_only, location=user.work_location)


async def _latest_resume_key(session: AsyncSession, user_id: int) -> str:
    """Which resume, and a digest of its structure and skills (an edit changes it)."""
    row = (
        await session.execute(
            select(Resume.id, Resume.structure, Resume.skills)
            .where(Resume.user_id == user_id, Resume.status == ResumeStatus.ready)
            .order_by(Resume.created_at.desc(), Resume.id.desc())
            .limit(1)
        )
    ).first()
    if row is None:
        return "none"
    content = json.dumps([row[1], row[2]], sort_keys=True, default=str).encode()
    return f"{row[0]}:{hashlib.sha256(content).hexdigest()[:16]}"


async def inputs_digest(session: AsyncSession, user: User, threshold: float) -> str:
    """The digest of everything a user's Discover is scored from (a few small reads)."""
    skills = (await session.scalars(select(UserSkill.name).where(UserSkill.user_id == user.id))).all()
    searches = (await session.scalars(select(SavedSearch.keywords).where(SavedSearch.user_id == user.id))).all()
    resume = await _latest_resume_key(session, user.id)
    parts = [
        *(SCORE_VERSION, FACTS_VERSION, f"{threshold:.3f}", resume, ",".join(sorted(skills))),
        *("|".join(sorted(searches)), str(user.needs_sponsorship), str(user.remote_only), user.work_location),
        *(str(user.min_salary), user.salary_currency or ""),
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:40]


_SEEKERS: OrderedDict[tuple[int, str], Seeker] = OrderedDict()  # (user, digest) → Seeker, this process, LRU
_SEEKERS_MAX = 1024


async def seeker(session: AsyncSession, user: User, threshold: float) -> Seeker:
    """Who the user is for Discover; remembered per digest (reading a resume's roles is most of the cost, and an
    ingest run asks for the same users after every batch)."""
    digest = await inputs_digest(session, user, threshold)
    known = _SEEKERS.get((user.id, digest))
    if known is not None:
        _SEEKERS.move_to_end((user.id, digest))
        return known
    found = await _read_seeker(session, user, digest)
    _SEEKERS[(user.id, digest)] = found
    while len(_SEEKERS) > _SEEKERS_MAX:
        _SEEKERS.popitem(last=False)
    return found


async def _read_seeker(session: AsyncSession, user: User, digest: str) -> Seeker:
    resume = await latest_ready_resume(session, user.id)
    skills = list((await session.scalars(select(UserSkill.name).where(UserSkill.user_id == user.id))).all())
    searches = (await session.scalars(select(SavedSearch.keywords).where(SavedSearch.user_id == user.id))).all()
    if resume is not None:
        facts = person_facts(structure_of(resume), resume.text or "", list(resume.skills or []), skills)
    else:
        facts = person_facts(JsonResume(), "", [], skills)
    wanted = [role_of(k) for k in dict.fromkeys(s.strip() for s in searches) if k]
    facts = replace(facts, targets=wanted[:5])
    return Seeker(user.id, facts, wishes_of(user), digest)


def report_for(person: Seeker, facts: PostingFacts) -> MatchReport:
    return score_match(
        person.facts, facts.role.title, facts.requirements, person.wishes, role=facts.role, suggest=False, pay=facts.pay
    )


def _row(person: Seeker, posting_id: int, report: MatchReport) -> dict[str, Any]:
    return {
        "user_id": person.user_id,
        "job_posting_id": posting_id,
        "score": report.score / 100,
        "matched_skills": [c.name for c in report.skills if c.where != "missing"],
        "missing_skills": [c.name for c in report.skills if c.where == "missing"],
        "parts": {p.key: [None if p.value is None else round(p.value, 3), p.status] for p in report.parts},
        "blockers": report.blockers,
        "blocked": bool(report.blockers),
        "score_version": SCORE_VERSION,
        "dismissed": False,
        "created_at": utcnow(),
    }


_UPDATED = ("score", "matched_skills", "missing_skills", "parts", "blockers", "blocked", "score_version")


def _same(row: dict[str, Any], held: tuple[Any, ...]) -> bool:
    return held == tuple(row[k] for k in _UPDATED)


async def _write(session: AsyncSession, user_id: int, rows: list[dict[str, Any]], scored: Sequence[int] | None) -> None:
    """Bring the user's rows up to date: `rows` are written when new or changed (a row that exists keeps its id and
    dismissal), and the rows of the `scored` postings (None: of any posting) that no longer make the threshold go,
    unless dismissed."""
    query = select(JobMatch.job_posting_id, JobMatch.dismissed, *(getattr(JobMatch, k) for k in _UPDATED)).where(
        JobMatch.user_id == user_id
    )
    if scored is not None and len(scored) <= _DELETE_BATCH:
        query = query.where(JobMatch.job_posting_id.in_(list(scored)))
    held = {r[0]: (r[1], tuple(r[2:])) for r in (await session.execute(query)).all()}
    changed = [r for r in rows if r["job_posting_id"] not in held or not _same(r, held[r["job_posting_id"]][1])]
    insert_ = upsert_insert(session)
    for start in range(0, len(changed), _INSERT_BATCH):
        stmt = insert_(JobMatch).values(changed[start : start + _INSERT_BATCH])
        await session.execute(
            stmt.on_conflict_do_update(
                index_elements=["user_id", "job_posting_id"], set_={k: stmt.excluded[k] for k in _UPDATED}
            )
        )
    kept = {r["job_posting_id"] for r in rows}
    within = set(scored) if scored is not None else None
    gone = [
        i for i, (dismissed, _) in held.items() if not dismissed and i not in kept and (within is None or i in within)
    ]
    for start in range(0, len(gone), _DELETE_BATCH):
        await session.execute(
            delete(JobMatch).where(
                JobMatch.user_id == user_id,
                JobMatch.dismissed.is_(False),
                JobMatch.job_posting_id.in_(gone[start : start + _DELETE_BATCH]),
            )
        )


def score_all(people: Sequence[Seeker], facts: dict[int, PostingFacts], threshold: float) -> dict[int, list[Any]]:
    """Each user's rows at or over the threshold (pure: no database), best first."""
    out: dict[int, list[Any]] = {}
    cut = round(threshold * 100)
    for person in people:
        rows = []
        for posting_id, posting in facts.items():
            report = report_for(person, posting)
            if report.score >= cut:
                rows.append(_row(person, posting_id, report))
        rows.sort(key=lambda r: -r["score"])
        out[person.user_id] = rows
    return out


async def pool(session: AsyncSession) -> list[int]:
    since = utcnow() - timedelta(days=POOL_DAYS)
    return list(
        (
            await session.scalars(
                select(JobPosting.id)
                .where(JobPosting.owner_id.is_(None), JobPosting.archived_at.is_(None), JobPosting.posted_at >= since)
                .order_by(JobPosting.posted_at.desc(), JobPosting.id.desc())
                .limit(POOL_MAX)
            )
        ).all()
    )


Units = Callable[[], AbstractAsyncContextManager[AsyncSession]]
"""Opens a committing unit of work. Each step below is its own short unit and the scoring runs between them with
none open: on SQLite every unit of a task holds the write lock, and scoring 10,000 postings takes a second."""


async def rebuild(units: Units, user_id: int, threshold: float) -> int:
    """Score the pool for one user and replace their Discover; returns how many postings it holds."""
    return await rebuild_many(units, [user_id], threshold)


async def rebuild_many(units: Units, user_ids: Sequence[int], threshold: float) -> int:
    """Rebuild these users' Discover over one reading of the pool: after a resume or needs change (one user), a
    new score version, or in the benchmark. Returns how many rows they hold in all."""
    async with units() as session:
        facts = await posting_facts(session, await pool(session))
    held = 0
    for user_id in user_ids:
        async with units() as session:
            user = await session.get(User, user_id)
            if user is None or not user.is_active:
                continue
            person = await seeker(session, user, threshold)
        rows = score_all([person], facts, threshold)[user_id]
        async with units() as session:
            await _write(session, user_id, rows, None)
            await session.execute(update(User).where(User.id == user_id).values(discover_built=person.digest))
        held += len(rows)
    return held


async def score_new(
    units: Units, posting_ids: Sequence[int], user_ids: Sequence[int], threshold: float
) -> dict[int, list[tuple[int, float]]]:
    """Score postings ingest has just stored for these users and every user whose Discover is built; returns
    each user's postings at or over the threshold, with their scores (0..1)."""
    if not posting_ids:
        return {}
    async with units() as session:
        built = (await session.scalars(select(User.id).where(User.discover_built.is_not(None)))).all()
        wanted = sorted(set(user_ids) | set(built))
        users = (await session.scalars(select(User).where(User.id.in_(wanted), User.is_active.is_(True)))).all()
        facts = await posting_facts(session, posting_ids)
        people = [await seeker(session, user, threshold) for user in users]
    found: dict[int, list[tuple[int, float]]] = {}
    for person in people:
        rows = score_all([person], facts, threshold)[person.user_id]
        async with units() as session:
            await _write(session, person.user_id, rows, list(facts))
        if rows:
            found[person.user_id] = [(int(r["job_posting_id"]), float(r["score"])) for r in rows]
    return found


REBUILD_TASK = "match.rebuild_discover"


async def feed(
    session: AsyncSession, user_id: int, min_score: float, remote_only: bool, hide_blocked: bool, offset: int,
    limit: int,
) -> tuple[list[tuple[JobMatch, JobPosting]], int, int]:  # fmt: skip
    """One page of the user's Discover, best first (dismissed rows hidden), how many there are, and how many of
    those the other filters let through are hidden for failing a hard requirement."""
    where = [JobMatch.user_id == user_id, JobMatch.dismissed.is_(False), JobMatch.score >= min_score]
    if remote_only:
        where.append(JobPosting.remote_type == "remote")
    hidden = 0
    if hide_blocked:
        hidden = int(
            await session.scalar(
                select(func.count())
                .select_from(JobMatch)
                .join(JobPosting, JobPosting.id == JobMatch.job_posting_id)
                .where(*where, JobMatch.blocked.is_(True))
            )
            or 0
        )
        where.append(JobMatch.blocked.is_(False))
    base = select(JobMatch, JobPosting).join(JobPosting, JobPosting.id == JobMatch.job_posting_id).where(*where)
    rows = await session.execute(base.order_by(JobMatch.score.desc(), JobMatch.id.desc()).offset(offset).limit(limit))
    total = await session.scalar(
        select(func.count())
        .select_from(JobMatch)
        .join(JobPosting, JobPosting.id == JobMatch.job_posting_id)
        .where(*where)
    )
    return [(m, p) for m, p in rows.all()], int(total or 0), hidden


async def dismiss(session: AsyncSession, user_id: int, match_id: int) -> None:
    result = await session.execute(
        update(JobMatch).where(JobMatch.id == match_id, JobMatch.user_id == user_id).values(dismissed=True)
    )
    if not result.rowcount:  # type: ignore[attr-defined]
        raise NotFound("This match does not exist or is not yours.", code="match_not_found")


async def needs_rebuild(session: AsyncSession, user: User, threshold: float) -> tuple[bool, bool]:
    """(out of date, send a rebuild now): the page reads the first (`GET /discover`, which never writes) and asks
    for a rebuild (`POST /discover/rebuild`), which is sent only when none is queued or running for the user."""
    if await inputs_digest(session, user, threshold) == user.discover_built:
        return False, False
    running = await session.scalar(
        select(TaskRun.id)
        .where(TaskRun.user_id == user.id, TaskRun.name == REBUILD_TASK, TaskRun.state.in_(CANCELLABLE))
        .limit(1)
    )
    return True, running is None


__all__ = [
    "REBUILD_TASK",
    "Seeker",
    "dismiss",
    "feed",
    "needs_rebuild",
    "rebuild",
    "score_all",
    "score_new",
    "seeker",
    "wishes_of",
]
