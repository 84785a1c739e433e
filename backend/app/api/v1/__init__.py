"""Version 1 of the HTTP API."""

from fastapi import APIRouter

from app.api.v1 import (
    achievements,
    ai,
    analytics,
    applications,
    auth,
    data,
    documents,
    followed_companies,
    interviews,
    job_import,
    jobs,
    notifications,
    oauth,
    onboarding,
    resumes,
    saved_searches,
    sources,
    system,
    tasks,
    users,
    ws,
)
from app.match import router as match

# The routers' routes as they were built (app.api.routing.Router: full paths, shared checks), in this order;
# including them into another router would build each again.
ROUTERS = (auth, users, oauth, jobs, match, applications, notifications, analytics, achievements, onboarding,
           saved_searches, sources, followed_companies, job_import, tasks, system, data, resumes, documents,
           interviews, ai, ws)  # fmt: skip
api_router = APIRouter()
for _module in ROUTERS:
    api_router.routes.extend(_module.router.routes)
