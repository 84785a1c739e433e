"""Version 1 of the HTTP API."""

from fastapi import APIRouter, Depends

from app.api.deps import reject_nul_characters
from app.api.v1 import (
    ai,
    analytics,
    applications,
    auth,
    data,
    documents,
    interviews,
    jobs,
    notifications,
    oauth,
    resumes,
    sources,
    system,
    tasks,
    users,
    ws,
)
from app.match import router as match

api_router = APIRouter(prefix="/api/v1", dependencies=[Depends(reject_nul_characters)])
api_router.include_router(auth.router)
api_router.include_router(users.router)
api_router.include_router(oauth.router)
api_router.include_router(jobs.router)
api_router.include_router(match.router)
api_router.include_router(applications.router)
api_router.include_router(notifications.router)
api_router.include_router(analytics.router)
api_router.include_router(sources.router)
api_router.include_router(tasks.router)
api_router.include_router(system.router)
api_router.include_router(data.router)
api_router.include_router(resumes.router)
api_router.include_router(documents.router)
api_router.include_router(interviews.router)
api_router.include_router(ai.router)
api_router.include_router(ws.router)
