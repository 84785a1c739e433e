"""POST /api/v1/jobs/import-url: a job from its link."""

from __future__ import annotations

from fastapi import status

from app.api.deps import RateLimiterDep, SessionDep, SettingsDep, end_transaction
from app.api.routing import Router
from app.auth.dependencies import CurrentUser
from app.jobs import sources_service as service
from app.jobs.schemas import JobRead
from app.jobs.sources_schemas import UrlImportIn
from app.jobs.url_import import import_url

router = Router(tags=["sources"])


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
