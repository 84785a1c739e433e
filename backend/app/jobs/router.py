"""Jobs: the shared catalogue plus the jobs a user adds by hand."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request, status

from app.api.deps import SessionDep
from app.api.routing import Router
from app.auth.dependencies import CurrentUser
from app.core.pagination import Page, PageDep
from app.core.schemas import Id, UserDate
from app.jobs import service
from app.jobs.schemas import JobCreate, JobFilters, JobListItem, JobRead, JobSort, JobUpdate, Salary
from app.models.job import RemoteType
from app.tasks.schemas import TaskRunRead
from app.tasks.service import present as present_task

router = Router(prefix="/jobs", tags=["jobs"])


async def job_filters(
    q: Annotated[str | None, Query(max_length=200, description="Full-text search; C++, C#, .NET match exactly")] = None,
    company: Annotated[str | None, Query(max_length=200)] = None,
    location: Annotated[str | None, Query(max_length=200)] = None,
    remote: Annotated[list[RemoteType] | None, Query(description="Any of these remote types")] = None,
    salary_min: Annotated[Salary | None, Query(description="Jobs paying at least this (top of range)")] = None,
    posted_since: Annotated[UserDate | None, Query(description="Posted on or after this date")] = None,
    tracked: Annotated[bool | None, Query(description="Only jobs you track (true) or do not track (false)")] = None,
    mine: Annotated[bool | None, Query(description="Only jobs you added (true) or only job-board jobs (false)")] = None,
    sort: Annotated[JobSort | None, Query(description="Default: relevance with q, else newest")] = None,
) -> JobFilters:
    return JobFilters(
        q=q,
        company=company,
        location=location,
        remote=remote,
        salary_min=salary_min,
        posted_since=posted_since,
        tracked=tracked,
        mine=mine,
        sort=sort,
    )


@router.post("", status_code=status.HTTP_201_CREATED, operation_id="jobs-create")
async def create_job(data: JobCreate, user: CurrentUser, session: SessionDep) -> JobRead:
    """Add a job by hand; its description may be plain text or HTML (sanitised)."""
    return await service.create_job(session, user.id, data)


@router.get("", operation_id="jobs-list")
async def list_jobs(
    request: Request,
    user: CurrentUser,
    session: SessionDep,
    paging: PageDep,
    filters: Annotated[JobFilters, Depends(job_filters)],
) -> Page[JobListItem]:
    """Search and filter the jobs you can see. On PostgreSQL a search looks at the newest 1,000 matches (ranked
    by relevance or the chosen sort); with more, `total` is 1,000 and `total_is_lower_bound` is true."""
    cache = request.app.state.cache
    items, total, more = await service.list_jobs(session, user.id, filters, paging.offset, paging.size, cache)
    return Page(items=items, total=total, page=paging.page, size=paging.size, total_is_lower_bound=more)


@router.get("/{job_id}", operation_id="jobs-read")
async def read_job(job_id: Id, user: CurrentUser, session: SessionDep) -> JobRead:
    """One job, with your tracking of it."""
    return await service.read_job(session, user.id, job_id)


@router.patch("/{job_id}", operation_id="jobs-update")
async def update_job(job_id: Id, data: JobUpdate, user: CurrentUser, session: SessionDep) -> JobRead:
    """Edit a job you added."""
    return await service.update_job(session, user.id, job_id, data)


@router.post("/{job_id}/skills/refresh", status_code=status.HTTP_202_ACCEPTED, operation_id="jobs-refresh_skills")
async def refresh_skills(job_id: Id, user: CurrentUser, session: SessionDep) -> TaskRunRead:
    """Find the job's skills and responsibilities again with the configured AI provider (in the background)."""
    return present_task(await service.refresh_skills(session, user.id, job_id))


@router.delete("/{job_id}", status_code=status.HTTP_204_NO_CONTENT, operation_id="jobs-delete")
async def delete_job(job_id: Id, user: CurrentUser, session: SessionDep) -> None:
    """Delete a job you added (and your application for it)."""
    await service.delete_job(session, user.id, job_id)
