"""/api/v1/sources: each job board's health, and fetching fresh postings on demand."""

from __future__ import annotations

from fastapi import status

from app.api.deps import RateLimiterDep, SessionDep, SettingsDep
from app.api.routing import Router
from app.auth.dependencies import CurrentUser
from app.jobs import sources_service as service
from app.jobs.sources_schemas import SourceHealth
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
