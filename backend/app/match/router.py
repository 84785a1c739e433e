"""`GET /api/v1/jobs/{job_id}/match`: how well you fit a job, in parts you can act on."""

from __future__ import annotations

from fastapi import APIRouter, Request

from app.api.deps import CurrentUser, SessionDep
from app.api.routing import CommittingRoute
from app.core.schemas import Id
from app.match import service
from app.match.schemas import JobFitRead

router = APIRouter(prefix="/jobs", tags=["match"], route_class=CommittingRoute)


@router.get("/{job_id}/match", operation_id="match-read")
async def read_match(job_id: Id, request: Request, user: CurrentUser, session: SessionDep) -> JobFitRead:
    """The match report of this job against your newest ready resume and your profile: a score from 0 to 100,
    each part in words (role, must-have and nice-to-have skills, seniority, experience, education, location), and
    the changes that would raise it most. Computed offline; cached until your resume, profile or the job changes."""
    return await service.match_for_job(session, request.app.state.cache, user.id, job_id)
