"""Version 1 of the HTTP API: each domain's router (`app/<domain>/router.py`, mounted under the URL that names it,
docs/decisions/018-one-shape-and-import-rules.md), and the plumbing's own: the task queue and the WebSocket."""

from fastapi import APIRouter

from app.analytics import router as analytics
from app.api.v1 import tasks, ws
from app.applications import router as applications
from app.auth import oauth_router as oauth
from app.auth import router as auth
from app.content import router as documents
from app.data import router as data
from app.gamification import achievements_router as achievements
from app.gamification import onboarding_router as onboarding
from app.interviews import router as interviews
from app.jobs import followed_companies_router as followed_companies
from app.jobs import import_router as job_import
from app.jobs import router as jobs
from app.jobs import saved_searches_router as saved_searches
from app.jobs import sources_router as sources
from app.llm import router as ai
from app.match import router as match
from app.notifications import router as notifications
from app.resumes import router as resumes
from app.system import router as system
from app.users import router as users

# The routers' routes as they were built (app.api.routing.Router: full paths, shared checks), in this order;
# including them into another router would build each again.
ROUTERS = (auth, users, oauth, jobs, match, applications, notifications, analytics, achievements, onboarding,
           saved_searches, sources, followed_companies, job_import, tasks, system, data, resumes, documents,
           interviews, ai, ws)  # fmt: skip
api_router = APIRouter()
for _module in ROUTERS:
    api_router.routes.extend(_module.router.routes)
