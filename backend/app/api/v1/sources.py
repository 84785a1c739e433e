"""Job sources: board health, followed company boards, ingest on demand, import from a link (Discover: app/match)."""

from __future__ import annotations

from fastapi import status
from sqlalchemy import delete

from app.api.deps import CurrentUser, RateLimiterDep, SessionDep, SettingsDep, end_transaction
from app.api.routing import Router
from app.core.exceptions import NotFound
from app.core.schemas import Id
from app.jobs import sources_service as service
from app.jobs.schemas import JobRead
from app.jobs.sources_schemas import FollowIn, FollowRead, SourceHealth, UrlImportIn
from app.jobs.url_import import import_url
from app.models.sources import FollowedCompany
from app.tasks.registry import enqueue
from app.tasks.schemas import TaskRunRead

router = Router(tags=["sources"])


@router.get("/sources", operation_id="sources-list")
async def list_sources(_: CurrentUser, session: SessionDep, settings: SettingsDep) -> list[SourceHealth]:
    """Every job board: enabled or not, key needed and configured, last success and error, rate limit."""
    return [SourceHealth.model_validate(s) for s in await service.health(session, settings)]


@router.post("/sources/ingest", status_code=status.HTTP_202_ACCEPTED, operation_id="sources-ingest_now")
async def ingest_now(user: CurrentUser, session: SessionDep, limiter: RateLimiterDep) -> TaskRunRead:
    """Fetch fresh postings for your saved searches and followed companies now (in the background)."""
    await limiter.hit("3/10minutes", "ingest", str(user.id), message="You can refresh jobs 3 times in 10 minutes.")
    row = enqueue(session, "jobs.ingest_jobs", user.id, user_id=user.id)
    await session.flush()
    return TaskRunRead.model_validate(row)


@router.get("/followed-companies", operation_id="follows-list")
async def list_follows(user: CurrentUser, session: SessionDep) -> list[FollowRead]:
    """Company boards you follow."""
    from sqlalchemy import select

    rows = await session.scalars(
        select(FollowedCompany).where(FollowedCompany.user_id == user.id).order_by(FollowedCompany.id)
    )
    return [FollowRead.model_validate(r) for r in rows.all()]


@router.post("/followed-companies", status_code=status.HTTP_201_CREATED, operation_id="follows-create")
async def follow(data: FollowIn, user: CurrentUser, session: SessionDep, settings: SettingsDep) -> FollowRead:
    """Follow a company's board (Greenhouse, Lever, Ashby, SmartRecruiters or Workable token)."""
    return FollowRead.model_validate(await service.follow(session, user.id, data.source, data.token, settings))


@router.delete("/followed-companies/{follow_id}", status_code=status.HTTP_204_NO_CONTENT, operation_id="follows-delete")
async def unfollow(follow_id: Id, user: CurrentUser, session: SessionDep) -> None:
    """Stop following a company board."""
    result = await session.execute(
        delete(FollowedCompany).where(FollowedCompany.id == follow_id, FollowedCompany.user_id == user.id)
    )
    if not result.rowcount:  # type: ignore[attr-defined]
        raise NotFound("You do not follow this company board.", code="follow_not_found")


@router.post("/jobs/import-url", status_code=status.HTTP_201_CREATED, operation_id="jobs-import_url")
async def import_from_url(
    data: UrlImportIn, user: CurrentUser, session: SessionDep, settings: SettingsDep, limiter: RateLimiterDep
) -> JobRead:
    """Add a job from its link: Greenhouse, Lever and Ashby through their APIs, other pages through their
    schema.org JobPosting data. Only public http(s) addresses."""
    await limiter.hit("20/minute", "import-url", str(user.id), message="Too many imports; wait a minute.")
    await end_transaction(session)  # the page may take seconds: hold no transaction meanwhile
    job = await import_url(str(data.url), settings)
    return await service.save_imported(session, user, job)
