"""Version 1 of the HTTP API."""

from fastapi import APIRouter, Depends

from app.api.deps import reject_nul_characters
from app.api.routing import API_PREFIX
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

# The routers' routes as they were built (app.api.routing.Router: full paths, shared checks), in this order;
# including them into another router would build each again.
ROUTERS = (auth, users, oauth, jobs, match, applications, notifications, analytics, sources, tasks, system, data,
           resumes, documents, interviews, ai)  # fmt: skip
api_router = APIRouter()
for _module in ROUTERS:
    api_router.routes.extend(_module.router.routes)
# The WebSocket route is a plain one (no unit of work to commit), included under the same prefix and checks.
api_router.include_router(ws.router, prefix=API_PREFIX, dependencies=[Depends(reject_nul_characters)])
