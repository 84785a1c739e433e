"""Jobs: add by hand, find, read, edit and delete; the catalogue is shared, hand-added jobs are private."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import cache_invalidation as invalidation
from app.core.cache import Cache
from app.core.db import dialect_of
from app.core.exceptions import AppError
from app.jobs import repository
from app.jobs.enrich import MANUAL as MANUAL_SKILLS
from app.jobs.exceptions import JobNotFound, SharedJobReadOnly
from app.jobs.schemas import JobCreate, JobFilters, JobListItem, JobRead, JobUpdate, TrackingRead
from app.jobs.text import derived_fields, description_from_input, search_tokens
from app.models.application import Application
from app.models.base import utcnow
from app.models.job import JobPosting, RemoteType
from app.models.task import TaskRun
from app.tasks.registry import enqueue

_COMPUTED = {"is_own", "snippet", "tracking"}
M = TypeVar("M", bound=BaseModel)
LIST_TTL_SECONDS = 600  # generations make changes show at once; the TTL bounds what they cannot see


def _refresh_derived(job: JobPosting) -> None:
    derived = derived_fields(job.title, job.company, job.location, job.tech_stack or [], job.description_text)
    job.fingerprint, job.search_text = derived["fingerprint"], derived["search_text"]


def _snippet(text: str, limit: int = 240) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + "…"


def present(model: type[M], job: JobPosting, user_id: int, tracking: Application | None) -> M:
    """A response model of `job` as the current user sees it (ownership and tracking filled in)."""
    values: dict[str, Any] = {k: getattr(job, k) for k in model.model_fields if k not in _COMPUTED}
    values["is_own"] = job.owner_id == user_id
    values["tracking"] = TrackingRead(id=tracking.id, status=tracking.status) if tracking else None
    if "snippet" in model.model_fields:  # lists load only the description's start (repository.LIST_OPTIONS)
        values["snippet"] = _snippet(job.description_head if job.description_head is not None else job.description_text)
    return model(**values)


async def create_job(session: AsyncSession, user_id: int, data: JobCreate) -> JobRead:
    html, text = description_from_input(data.description)
    job = JobPosting(
        owner_id=user_id,
        title=data.title,
        company=data.company,
        location=data.location,
        remote_type=data.remote_type,
        employment_type=data.employment_type,
        salary_min=data.salary_min,
        salary_max=data.salary_max,
        salary_currency=data.salary_currency,
        salary_period=data.salary_period,
        url=str(data.url) if data.url else None,
        posted_at=data.posted_at or utcnow(),
        ingested_at=utcnow(),
        description_html=html,
        description_text=text,
        tech_stack=list(dict.fromkeys(data.tech_stack)),
        responsibilities=[],
    )
    _refresh_derived(job)
    session.add(job)
    await session.flush()
    await repository.replace_skills(session, job.id, job.tech_stack)
    enqueue(session, "jobs.extract_skills", [job.id], user_id=user_id)
    await session.refresh(job)
    return present(JobRead, job, user_id, None)


async def get_visible(session: AsyncSession, user_id: int, job_id: int) -> JobPosting:
    job = await repository.get_visible(session, user_id, job_id)
    if job is None:
        raise JobNotFound()
    return job


async def get_own(session: AsyncSession, user_id: int, job_id: int) -> JobPosting:
    job = await get_visible(session, user_id, job_id)
    if job.owner_id != user_id:
        raise SharedJobReadOnly()
    return job


async def read_job(session: AsyncSession, user_id: int, job_id: int) -> JobRead:
    job = await get_visible(session, user_id, job_id)
    tracking = (await repository.tracking_for(session, user_id, [job.id])).get(job.id)
    return present(JobRead, job, user_id, tracking)


# `null` in an update: a column that may be empty is cleared, one that must hold a value keeps it.
_KEPT_ON_NULL = frozenset({"title", "company", "posted_at"})
_CLEARED_ON_NULL: dict[str, Callable[[], Any]] = {
    "location": str,
    "remote_type": lambda: RemoteType.unknown,
    "tech_stack": list,
}


async def update_job(session: AsyncSession, user_id: int, job_id: int, data: JobUpdate) -> JobRead:
    job = await get_own(session, user_id, job_id)
    changes = data.model_dump(exclude_unset=True)
    for name, value in list(changes.items()):
        if value is None and name in _KEPT_ON_NULL:
            del changes[name]
        elif value is None and name in _CLEARED_ON_NULL:
            changes[name] = _CLEARED_ON_NULL[name]()
    content_changed = "description" in changes or changes.get("title", job.title) != job.title
    if "description" in changes:
        job.description_html, job.description_text = description_from_input(changes.pop("description") or "")
    if "url" in changes:
        url = changes.pop("url")
        job.url = str(url) if url else None
    for field, value in changes.items():
        setattr(job, field, value)
    if job.salary_min is not None and job.salary_max is not None and job.salary_min > job.salary_max:
        raise AppError("The minimum salary must not be greater than the maximum.", 422, "validation_error")
    _refresh_derived(job)
    if "tech_stack" in changes:
        job.skills_provider = MANUAL_SKILLS  # the user's list wins over extraction from now on
        await repository.replace_skills(session, job.id, job.tech_stack)
    if content_changed:
        enqueue(session, "jobs.extract_skills", [job.id], user_id=user_id)
    await session.flush()
    await session.refresh(job)
    return await read_job(session, user_id, job.id)


async def refresh_skills(session: AsyncSession, user_id: int, job_id: int) -> TaskRun:
    """Find this job's skills and responsibilities again, with the configured provider."""
    job = await get_visible(session, user_id, job_id)
    if job.owner_id == user_id and job.skills_provider == MANUAL_SKILLS:
        job.skills_provider = None  # asking again means: let extraction fill the list
    run = enqueue(session, "jobs.extract_skills", [job.id], True, user_id=user_id)
    await session.flush()
    return run


async def delete_job(session: AsyncSession, user_id: int, job_id: int) -> None:
    job = await get_own(session, user_id, job_id)
    await session.delete(job)
    await session.flush()


async def list_jobs(
    session: AsyncSession, user_id: int, filters: JobFilters, offset: int, limit: int, cache: Cache | None = None
) -> tuple[list[JobListItem], int, bool]:
    """A page of the jobs the user can see, the total, and whether the total is only a lower bound (a search's
    window on PostgreSQL). With a cache, the expensive parts (the count over the catalogue, a
    search's ranked ids) come from it: the catalogue's count is shared by every user, and everything per user
    carries the user's generation, so an ingest, a hand-added job or a new application shows at once."""
    more = False
    if cache is None:
        rows, total, more = await repository.list_page(session, user_id, filters, offset, limit)
    elif filters.q and search_tokens(filters.q):
        # On PostgreSQL a search computes its whole window (repository.SEARCH_WINDOW ids in order) anyway, so the
        # window is what is cached and every page of it is a slice: pages 1, 2, 3… of a search cost one query.
        whole = dialect_of(session) == "postgresql"
        start, count = (0, repository.SEARCH_WINDOW) if whole else (offset, limit)

        async def search() -> dict[str, Any]:
            hits = await repository.search_page_ids(session, user_id, filters, start, count)
            return {"ids": hits.ids, "total": hits.total, "more": hits.more}

        # Most people never add a job by hand: their search results are the catalogue's, the same for everyone
        # with the same words and filters, so one entry serves them all (hot searches are computed once). A user
        # with jobs of their own, or filtering on what they track, gets entries of their own.
        part = f"{_normalised(filters, with_sort=True)}:{start}:{count}"
        if filters.tracked is None and not await repository.has_own_jobs(session, user_id):
            key, tags = f"catalogue:{part}", [invalidation.CATALOGUE]
        else:
            key, tags = f"{user_id}:{part}", _user_tags(user_id)
        found = await cache.get_or_compute("job_page", key, search, LIST_TTL_SECONDS, tags=tags)
        ids = found["ids"][offset : offset + limit] if whole else found["ids"]
        rows, total = await repository.by_ids(session, ids), int(found["total"])
        more = bool(found.get("more"))
    else:
        total = await _count(session, cache, user_id, filters)
        rows = list(await repository.page(session, user_id, filters, offset, limit))
    tracking = await repository.tracking_for(session, user_id, [j.id for j in rows])
    return [present(JobListItem, j, user_id, tracking.get(j.id)) for j in rows], total, more


def _user_tags(user_id: int) -> list[str]:
    return [invalidation.CATALOGUE, *invalidation.user_tags(user_id)]


def _normalised(filters: JobFilters, *, with_sort: bool = False, **changes: Any) -> str:
    """The filters as a stable key: equal searches (case, spacing, order of `remote`) share one entry."""
    values = filters.model_copy(update=changes).model_dump(mode="json", exclude={"sort"})
    values["q"] = " ".join(search_tokens(values["q"] or ""))
    for name in ("company", "location"):
        values[name] = " ".join((values[name] or "").lower().split())
    values["remote"] = sorted(values["remote"] or [])
    if with_sort:
        values["sort"] = filters.sort.value if filters.sort else None
    return hashlib.sha256(json.dumps(values, sort_keys=True).encode()).hexdigest()[:32]


async def _count(session: AsyncSession, cache: Cache, user_id: int, filters: JobFilters) -> int:
    """Visible = the catalogue (same for everyone: one shared entry) + the user's own jobs (few: counted live)."""
    if filters.tracked is not None:  # depends on the user's applications

        async def tracked() -> int:
            return await repository.count(session, user_id, filters)

        key = f"{user_id}:{_normalised(filters)}"
        return int(await cache.get_or_compute("job_page", key, tracked, LIST_TTL_SECONDS, tags=_user_tags(user_id)))
    total = 0
    if filters.mine is not True:
        catalogue = filters.model_copy(update={"mine": False})

        async def shared() -> int:
            return await repository.count(session, user_id, catalogue)

        key = _normalised(filters, mine=False)
        total += int(
            await cache.get_or_compute("job_count", key, shared, LIST_TTL_SECONDS, tags=[invalidation.CATALOGUE])
        )
    if filters.mine is not False:
        total += await repository.count(session, user_id, filters.model_copy(update={"mine": True}))
    return total
