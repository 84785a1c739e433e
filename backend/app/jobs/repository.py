"""SQL for job postings: visibility, filters, full-text search on SQLite (FTS5) and PostgreSQL (tsvector); the
sources' state and the companies users follow."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, time
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Select, column, delete, exists, func, literal_column, or_, select, table
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import defer, with_expression

from app.core.db import dialect_of
from app.jobs.schemas import JobFilters, JobSort
from app.jobs.text import search_tokens
from app.models.application import Application
from app.models.job import JobPosting, JobPostingSkill
from app.models.sources import FollowedCompany, SourceState

_fts = table("job_posting_fts", column("rowid"), column("rank"))

# A list shows title, company, place, salary, skills and a snippet: the wide columns (the description as HTML and
# text, the search text; kilobytes per posting, TOASTed on PostgreSQL) stay in the database, and the snippet is
# made from the description's first characters.
SNIPPET_SOURCE_CHARS = 600
LIST_OPTIONS = (
    defer(JobPosting.description_html),
    defer(JobPosting.description_text),
    defer(JobPosting.search_text),
    with_expression(JobPosting.description_head, func.substr(JobPosting.description_text, 1, SNIPPET_SOURCE_CHARS)),
)


def visible_to(user_id: int) -> ColumnElement[bool]:
    """Public catalogue postings, and the ones this user added by hand."""
    return or_(JobPosting.owner_id.is_(None), JobPosting.owner_id == user_id)


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _apply_search(stmt: Select[Any], dialect: str, tokens: list[str]) -> tuple[Select[Any], ColumnElement[Any]]:
    """Restrict to postings containing every token; return the statement and its best-first ordering."""
    if dialect == "sqlite":
        match = " AND ".join(f'"{t}"' for t in tokens)
        stmt = stmt.join(_fts, _fts.c.rowid == JobPosting.id).where(
            literal_column("job_posting_fts").op("MATCH")(match)
        )
        return stmt, _fts.c.rank.asc()  # bm25, more negative is better; FTS5 sorts on it natively
    query = func.to_tsquery("simple", " & ".join(tokens))
    vector: ColumnElement[Any] = literal_column("job_posting.search_vector")
    return stmt.where(vector.op("@@")(query)), func.ts_rank(vector, query).desc()


def list_statement(dialect: str, user_id: int, f: JobFilters) -> Select[Any]:
    stmt = select(JobPosting).where(visible_to(user_id), JobPosting.archived_at.is_(None))
    best_first: ColumnElement[Any] | None = None
    tokens = search_tokens(f.q or "")
    if tokens:
        stmt, best_first = _apply_search(stmt, dialect, tokens[:20])
    if f.company:
        stmt = stmt.where(JobPosting.company.ilike(_like(f.company), escape="\\"))
    if f.location:
        stmt = stmt.where(JobPosting.location.ilike(_like(f.location), escape="\\"))
    if f.remote:
        stmt = stmt.where(JobPosting.remote_type.in_(f.remote))
    if f.salary_min is not None:
        stmt = stmt.where(func.coalesce(JobPosting.salary_max, JobPosting.salary_min) >= f.salary_min)
    if f.posted_since is not None:
        stmt = stmt.where(JobPosting.posted_at >= datetime.combine(f.posted_since, time.min, tzinfo=UTC))
    if f.mine is not None:
        stmt = stmt.where(JobPosting.owner_id == user_id if f.mine else JobPosting.owner_id.is_(None))
    if f.tracked is not None:
        tracked = exists().where(Application.job_posting_id == JobPosting.id, Application.user_id == user_id)
        stmt = stmt.where(tracked if f.tracked else ~tracked)

    sort = f.sort or (JobSort.relevance if best_first is not None else JobSort.newest)
    salary = func.coalesce(JobPosting.salary_max, JobPosting.salary_min)
    newest = JobPosting.posted_at.desc()
    orders: dict[JobSort, list[Any]] = {
        JobSort.newest: [newest],
        JobSort.oldest: [JobPosting.posted_at.asc()],
        JobSort.salary_high: [salary.desc().nulls_last()],
        JobSort.salary_low: [salary.asc().nulls_last()],
        JobSort.by_company: [func.lower(JobPosting.company)],
        JobSort.by_title: [func.lower(JobPosting.title)],
        JobSort.relevance: [best_first, newest] if best_first is not None else [newest],
    }
    order = orders[sort]
    return stmt.order_by(*order, JobPosting.id.desc())


# On PostgreSQL a search orders the newest SEARCH_WINDOW matches (the oldest, for sort=oldest) by relevance or the
# chosen sort, and counts up to that many: a common word ("python") matches a third of a million-posting catalogue,
# and ranking or counting every match took seconds. Walking the date index newest-first stops after the window.
SEARCH_WINDOW = 1_000


class SearchHits(NamedTuple):
    ids: list[int]
    total: int
    more: bool  # there are more matches than `total` (PostgreSQL counts up to SEARCH_WINDOW)


async def list_page(
    session: AsyncSession, user_id: int, f: JobFilters, offset: int, limit: int
) -> tuple[Sequence[JobPosting], int, bool]:
    if f.q and search_tokens(f.q):
        hits = await search_page_ids(session, user_id, f, offset, limit)
        return await by_ids(session, hits.ids), hits.total, hits.more
    return await page(session, user_id, f, offset, limit), await count(session, user_id, f), False


async def search_page_ids(session: AsyncSession, user_id: int, f: JobFilters, offset: int, limit: int) -> SearchHits:
    """One page of a full-text search, best first (or in the chosen order), and the number of hits."""
    if dialect_of(session) == "postgresql":
        return await _search_window(session, user_id, f, offset, limit)
    # SQLite (the one-user default): FTS5 ranks every hit natively, and counts them in the same pass, over ids
    # only; the wide rows are read for the one page shown.
    stmt = list_statement(dialect_of(session), user_id, f)
    ranked = stmt.with_only_columns(JobPosting.id, func.count().over()).offset(offset).limit(limit)
    hits = (await session.execute(ranked)).all()
    if hits:
        return SearchHits([int(h[0]) for h in hits], int(hits[0][1]), False)
    if offset == 0:
        return SearchHits([], 0, False)
    return SearchHits([], await count(session, user_id, f), False)


async def _search_window(session: AsyncSession, user_id: int, f: JobFilters, offset: int, limit: int) -> SearchHits:
    sort = f.sort or JobSort.relevance
    edge = JobSort.oldest if sort == JobSort.oldest else JobSort.newest
    query = func.to_tsquery("simple", " & ".join(search_tokens(f.q or "")[:20]))
    vector: ColumnElement[Any] = literal_column("job_posting.search_vector")
    window = (
        list_statement("postgresql", user_id, f.model_copy(update={"sort": edge}))
        .with_only_columns(
            JobPosting.id.label("id"),
            JobPosting.posted_at.label("posted_at"),
            func.coalesce(JobPosting.salary_max, JobPosting.salary_min).label("salary"),
            func.lower(JobPosting.company).label("company"),
            func.lower(JobPosting.title).label("title"),
            func.ts_rank(vector, query).label("rank"),
        )
        .limit(SEARCH_WINDOW + 1)
        .subquery("search_window")
    )
    w = window.c
    orders: dict[JobSort, list[Any]] = {
        JobSort.relevance: [w.rank.desc(), w.posted_at.desc()],
        JobSort.newest: [w.posted_at.desc()],
        JobSort.oldest: [w.posted_at.asc()],
        JobSort.salary_high: [w.salary.desc().nulls_last()],
        JobSort.salary_low: [w.salary.asc().nulls_last()],
        JobSort.by_company: [w.company],
        JobSort.by_title: [w.title],
    }
    ranked = select(w.id, func.count().over()).order_by(*orders[sort], w.id.desc()).offset(offset).limit(limit)
    rows = (await session.execute(ranked)).all()
    found = int(rows[0][1]) if rows else int(await session.scalar(select(func.count()).select_from(window)) or 0)
    ids = [int(r[0]) for i, r in enumerate(rows) if offset + i < SEARCH_WINDOW]  # row 2,001 only says "more"
    return SearchHits(ids, min(found, SEARCH_WINDOW), found > SEARCH_WINDOW)


async def has_own_jobs(session: AsyncSession, user_id: int) -> bool:
    """Whether the user added any job by hand (one probe of ix_job_posting_owner_id_posted_at)."""
    return await session.scalar(select(exists().where(JobPosting.owner_id == user_id))) is True


async def by_ids(session: AsyncSession, ids: Sequence[int]) -> list[JobPosting]:
    """These postings, in this order (ids that no longer exist are left out)."""
    if not ids:
        return []
    rows = await session.scalars(select(JobPosting).options(*LIST_OPTIONS).where(JobPosting.id.in_(ids)))
    found = {j.id: j for j in rows}
    return [found[i] for i in ids if i in found]


async def count(session: AsyncSession, user_id: int, f: JobFilters) -> int:
    stmt = list_statement(dialect_of(session), user_id, f)
    return int(await session.scalar(stmt.with_only_columns(func.count()).order_by(None)) or 0)


async def page(session: AsyncSession, user_id: int, f: JobFilters, offset: int, limit: int) -> Sequence[JobPosting]:
    stmt = list_statement(dialect_of(session), user_id, f).options(*LIST_OPTIONS)
    return (await session.scalars(stmt.offset(offset).limit(limit))).all()


async def get_visible(session: AsyncSession, user_id: int, job_id: int) -> JobPosting | None:
    return await session.scalar(select(JobPosting).where(JobPosting.id == job_id, visible_to(user_id)))


async def tracking_for(session: AsyncSession, user_id: int, job_ids: Sequence[int]) -> dict[int, Application]:
    if not job_ids:
        return {}
    rows = await session.scalars(
        select(Application).where(Application.user_id == user_id, Application.job_posting_id.in_(job_ids))
    )
    return {a.job_posting_id: a for a in rows}


async def replace_skills(session: AsyncSession, job_id: int, skills: Sequence[str]) -> None:
    await session.execute(delete(JobPostingSkill).where(JobPostingSkill.job_posting_id == job_id))
    unique = list(dict.fromkeys(s.strip() for s in skills if s.strip()))
    session.add_all(JobPostingSkill(job_posting_id=job_id, skill=s) for s in unique)


async def missing_skills_ids(session: AsyncSession, limit: int) -> list[int]:
    """Ids of postings whose skills were never extracted, oldest first."""
    rows = await session.scalars(
        select(JobPosting.id).where(JobPosting.skills_extracted_at.is_(None)).order_by(JobPosting.id).limit(limit)
    )
    return list(rows.all())


async def source_states(session: AsyncSession) -> Sequence[SourceState]:
    return (await session.scalars(select(SourceState))).all()


async def follows_of(session: AsyncSession, user_id: int) -> Sequence[FollowedCompany]:
    rows = await session.scalars(
        select(FollowedCompany).where(FollowedCompany.user_id == user_id).order_by(FollowedCompany.id)
    )
    return rows.all()


async def get_follow(session: AsyncSession, user_id: int, source: str, token: str) -> FollowedCompany | None:
    return await session.scalar(
        select(FollowedCompany).where(
            FollowedCompany.user_id == user_id, FollowedCompany.source == source, FollowedCompany.token == token
        )
    )


async def delete_follow(session: AsyncSession, user_id: int, follow_id: int) -> bool:
    """Whether the follow existed and was this user's."""
    result = await session.execute(
        delete(FollowedCompany).where(FollowedCompany.id == follow_id, FollowedCompany.user_id == user_id)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]
