"""Ingestion: normalised postings → the catalogue. Upserts target `job_source (source, source_id)`; postings that
several boards carry merge into one `job_posting` by fingerprint (company + title + location), keeping the richest
fields and every source link; raw payloads go to `job_source_record`. Then each interested user's matches.

Everything is done in batches (a few statements per batch, not per posting) so a run of thousands of postings
stays fast on both databases (`make bench`: ingest)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.db import upsert_insert
from app.jobs.enrich import enrich_offline
from app.jobs.scraper_service import JobScraperService, SourceResult
from app.jobs.sources.base import NormalizedJob, SourceQuery
from app.jobs.text import derived_fields
from app.models.base import utcnow
from app.models.job import JobPosting, RemoteType
from app.models.sources import FollowedCompany, JobSource, JobSourceRecord, SavedSearch, SourceState
from app.models.user import User
from app.notifications.service import notify
from app.realtime.envelope import JobMatched, JobMatchedData, publish_after_commit

BATCH = 500
STRONG_MATCH = 0.75


@dataclass
class UpsertStats:
    received: int = 0
    created: int = 0
    merged: int = 0  # a new source link on a posting another board (or an earlier run) brought
    updated: int = 0  # seen again on the same board
    posting_ids: list[int] = field(default_factory=list)


def _columns(job: NormalizedJob) -> dict[str, Any]:
    return {
        "owner_id": None,
        "title": job.title[:300],
        "company": job.company[:200],
        "location": job.location[:200],
        "remote_type": job.remote_type,
        "employment_type": (job.employment_type or None) and job.employment_type[:40],
        "salary_min": job.salary_min,
        "salary_max": job.salary_max,
        "salary_currency": job.salary_currency,
        "salary_period": job.salary_period,
        "description_html": job.description_html,
        "description_text": job.description_text,
        "url": (job.url or None) and job.url[:2000],
        "posted_at": job.posted_at or utcnow(),
        "ingested_at": utcnow(),
        "tech_stack": [],
        "responsibilities": [],
        **derived_fields(job.title, job.company, job.location, [], job.description_text),
    }


def _richer(current: JobPosting, new: dict[str, Any]) -> dict[str, Any]:
    """What a second board adds to a posting: a longer description, a salary, a remote flag, an earlier date."""
    changes: dict[str, Any] = {}
    if len(new["description_text"]) > len(current.description_text or ""):
        changes.update(description_html=new["description_html"], description_text=new["description_text"])
        changes["search_text"] = new["search_text"]
    if current.salary_min is None and current.salary_max is None and (new["salary_min"] or new["salary_max"]):
        for key in ("salary_min", "salary_max", "salary_currency", "salary_period"):
            changes[key] = new[key]
    if current.remote_type == RemoteType.unknown and new["remote_type"] != RemoteType.unknown:
        changes["remote_type"] = new["remote_type"]
    if not current.employment_type and new["employment_type"]:
        changes["employment_type"] = new["employment_type"]
    if not current.url and new["url"]:
        changes["url"] = new["url"]
    if new["posted_at"] < current.posted_at:
        changes["posted_at"] = new["posted_at"]
    return changes


async def upsert_postings(session: AsyncSession, jobs: Sequence[NormalizedJob], keep_raw: bool = True) -> UpsertStats:
    stats = UpsertStats(received=len(jobs))
    for start in range(0, len(jobs), BATCH):
        await _upsert_batch(session, list(jobs[start : start + BATCH]), stats, keep_raw)
    return stats


async def _upsert_batch(session: AsyncSession, jobs: list[NormalizedJob], stats: UpsertStats, keep_raw: bool) -> None:
    now = utcnow()
    unique: dict[tuple[str, str], NormalizedJob] = {}
    for job in jobs:
        unique[(job.source, job.source_id)] = job  # a board listing a job twice (Workable per location)
    keys = list(unique)
    linked = {
        (source, source_id): posting_id
        for source, source_id, posting_id in (
            await session.execute(
                select(JobSource.source, JobSource.source_id, JobSource.job_posting_id).where(
                    tuple_(JobSource.source, JobSource.source_id).in_(keys)
                )
            )
        ).all()
    }
    columns = {key: _columns(job) for key, job in unique.items()}
    prints = {c["fingerprint"] for c in columns.values()}
    by_print: dict[str, JobPosting] = {
        p.fingerprint: p
        for p in await session.scalars(
            select(JobPosting).where(JobPosting.owner_id.is_(None), JobPosting.fingerprint.in_(prints))
        )
    }
    if linked:
        for p in await session.scalars(select(JobPosting).where(JobPosting.id.in_(set(linked.values())))):
            by_print.setdefault(p.fingerprint, p)

    new_rows: dict[str, dict[str, Any]] = {}
    changes: dict[int, dict[str, Any]] = {}
    for cols in columns.values():
        existing = by_print.get(cols["fingerprint"])
        if existing is None:
            first = new_rows.get(cols["fingerprint"])
            if first is None:
                new_rows[cols["fingerprint"]] = cols
            else:  # two boards in this batch: the richer one's fields win
                first.update(_richer_dict(first, cols))
            continue
        delta = _richer(existing, cols)
        if existing.archived_at is not None:  # listed again after retention archived it: back in the catalogue
            delta["archived_at"] = None
        if delta:
            changes.setdefault(existing.id, {}).update(delta)
    if new_rows:
        created = await session.execute(
            insert(JobPosting).returning(JobPosting.id, JobPosting.fingerprint), list(new_rows.values())
        )
        new_ids = {fingerprint: posting_id for posting_id, fingerprint in created.all()}
        stats.created += len(new_rows)
    else:
        new_ids = {}
    for posting_id, delta in changes.items():
        await session.execute(update(JobPosting).where(JobPosting.id == posting_id).values(**delta, updated_at=now))

    links, seen = [], []
    first_link: set[str] = set()
    for key, cols in columns.items():
        fingerprint = cols["fingerprint"]
        posting_id = new_ids[fingerprint] if fingerprint in new_ids else by_print[fingerprint].id
        stats.posting_ids.append(posting_id)
        if key in linked:
            seen.append(key)
            stats.updated += 1
        else:
            links.append({"source": key[0], "source_id": key[1], "job_posting_id": posting_id,
                          "url": unique[key].url, "first_seen_at": now, "last_seen_at": now})  # fmt: skip
            if cols["fingerprint"] not in new_rows or cols["fingerprint"] in first_link:
                stats.merged += 1  # another board's listing of a posting we already have
            first_link.add(cols["fingerprint"])
    if links:
        await session.execute(insert(JobSource), links)
    if seen:
        await session.execute(
            update(JobSource)
            .where(tuple_(JobSource.source, JobSource.source_id).in_(seen))
            .values(last_seen_at=now)
            .execution_options(synchronize_session=False)
        )
    if keep_raw:
        await session.execute(
            insert(JobSourceRecord),
            [
                {"source": j.source, "source_id": j.source_id, "payload": j.raw, "fetched_at": now}
                for j in unique.values()
            ],
        )


def _richer_dict(first: dict[str, Any], other: dict[str, Any]) -> dict[str, Any]:
    probe = JobPosting(**{k: v for k, v in first.items() if k in JobPosting.__table__.c})
    return _richer(probe, other)


# --- source health -------------------------------------------------------------------------------------------


async def rate_limits(session: AsyncSession) -> dict[str, datetime]:
    rows = await session.execute(select(SourceState.source, SourceState.rate_limited_until))
    return {name: until for name, until in rows.all() if until is not None}


async def last_calls(session: AsyncSession) -> dict[str, datetime]:
    rows = await session.execute(select(SourceState.source, SourceState.last_run_at))
    return {name: at for name, at in rows.all() if at is not None}


async def record_results(session: AsyncSession, results: dict[str, SourceResult]) -> None:
    now = utcnow()
    insert_ = upsert_insert(session)
    for name, result in results.items():
        if result.skipped:
            continue
        values: dict[str, Any] = {"source": name, "last_run_at": now}
        if result.ok:
            values.update(last_success_at=now, last_fetched=len(result.jobs), rate_limited_until=None)
        else:
            values.update(last_error_at=now, last_error=(result.error or "")[:2000], last_fetched=0)
            if result.rate_limited_until is not None:
                values["rate_limited_until"] = result.rate_limited_until
        stmt = insert_(SourceState).values(**values, total_fetched=len(result.jobs))
        updates: dict[str, Any] = {k: stmt.excluded[k] for k in values if k != "source"}
        updates["total_fetched"] = SourceState.total_fetched + len(result.jobs)
        await session.execute(stmt.on_conflict_do_update(index_elements=["source"], set_=updates))


# --- matches --------------------------------------------------------------------------------------------------


Matcher = Callable[
    [Callable[[], Any], Sequence[int], Sequence[int], float], Awaitable[dict[int, list[tuple[int, float]]]]
]
"""Scores stored postings for users (the users who asked, and whoever else the matcher includes) and keeps those at
or over the threshold, in units of work of its own (`session_scope`): `app.match.discover.score_new`, given by the
task or command that runs the ingest."""


async def announce_matches(session: AsyncSession, found: dict[int, list[tuple[int, float]]]) -> None:
    for user_id, matches in found.items():
        strong = [m for m in matches if m[1] >= STRONG_MATCH]
        publish_after_commit(session, user_id, JobMatched(data=JobMatchedData(count=len(matches), strong=len(strong))))
        if strong:
            await notify(
                session,
                user_id,
                "job.matched",
                f"{len(strong)} strong job match{'es' if len(strong) != 1 else ''}",
                "New postings fit your profile well. Open Discover to see them.",
                {"posting_ids": [m[0] for m in strong[:20]]},
            )


# --- one run ------------------------------------------------------------------------------------------------


@dataclass
class RunSummary:
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    created: int = 0
    merged: int = 0
    updated: int = 0
    matches: int = 0

    def add(self, result: SourceResult, stats: UpsertStats | None) -> None:
        entry = self.sources.setdefault(result.source, {"fetched": 0, "errors": [], "skipped": None})
        entry["fetched"] += len(result.jobs)
        if result.error:
            entry["errors"].append(result.error)
        if result.skipped:
            entry["skipped"] = result.skipped


async def queries_for(session: AsyncSession, user_id: int | None = None) -> list[tuple[SourceQuery, set[int]]]:
    """Distinct queries from saved searches and followed companies, with the users that asked for each."""
    searches = select(SavedSearch)
    follows = select(FollowedCompany)
    if user_id is not None:
        searches = searches.where(SavedSearch.user_id == user_id)
        follows = follows.where(FollowedCompany.user_id == user_id)
    wanted: dict[tuple[Any, ...], tuple[SourceQuery, set[int]]] = {}
    for s in await session.scalars(searches):
        key: tuple[Any, ...] = ("search", s.keywords.lower(), s.location.lower(), s.remote_only)
        q = SourceQuery(keywords=s.keywords, location=s.location, remote_only=s.remote_only)
        wanted.setdefault(key, (q, set()))[1].add(s.user_id)
    for f in await session.scalars(follows):
        key = ("company", f.source, f.token.lower())
        wanted.setdefault(key, (SourceQuery(company=f.token), set()))[1].add(f.user_id)
    return list(wanted.values())


async def run_ingest(
    session_scope: Callable[[], Any],
    scraper: JobScraperService,
    threshold: float,
    *,
    match: Matcher,
    user_id: int | None = None,
    only: list[str] | None = None,
    progress: Callable[[int, str], Awaitable[None]] | None = None,
) -> RunSummary:
    """One ingestion run. `session_scope()` gives a committing unit of work (events are sent after commit)."""
    summary = RunSummary()
    async with session_scope() as session:
        plan = await queries_for(session, user_id)
        limited = await rate_limits(session)
        called = await last_calls(session)
    intervals = {name: timedelta(seconds=s.min_interval_seconds) for name, s in scraper.sources.items()}
    for i, (query, users) in enumerate(plan):
        sources = None
        if query.company is not None:
            sources = [f.source for f in await _follow_sources(session_scope, query.company, users)]
            if only:
                sources = [s for s in sources if s in only]
        else:
            sources = only
        # Boards whose terms cap how often they may be asked (Remotive 4 a day, Jobicy hourly) wait their turn.
        not_before = {name: at + intervals[name] for name, at in called.items() if intervals.get(name)}
        now = datetime.now(UTC)
        results = await scraper.search_all_apis(
            query, only=sources, rate_limited=limited, now=now, not_before=not_before
        )
        for name, result in results.items():
            if not result.skipped:
                called[name] = now
        async with session_scope() as session:
            await record_results(session, results)
            jobs = [j for r in results.values() if r.ok for j in r.jobs]
            stats = await upsert_postings(session, jobs)
            await enrich_offline(session, stats.posting_ids)  # matching below needs their skills
        found = await match(session_scope, stats.posting_ids, sorted(users), threshold)
        async with session_scope() as session:
            await announce_matches(session, found)
        for result in results.values():
            summary.add(result, stats)
            if result.rate_limited_until is not None:
                limited[result.source] = result.rate_limited_until
        summary.created += stats.created
        summary.merged += stats.merged
        summary.updated += stats.updated
        summary.matches += sum(len(v) for v in found.values())
        if progress is not None:
            await progress(int(100 * (i + 1) / max(1, len(plan))), f"{i + 1} of {len(plan)} searches")
    return summary


async def _follow_sources(session_scope: Callable[[], Any], token: str, users: set[int]) -> list[FollowedCompany]:
    async with session_scope() as session:
        rows = await session.scalars(
            select(FollowedCompany).where(FollowedCompany.token == token, FollowedCompany.user_id.in_(users))
        )
        return list(rows.all())


__all__ = ["User", "run_ingest", "upsert_postings"]
