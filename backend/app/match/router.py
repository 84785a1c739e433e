"""How well you fit: the match report of a job (`GET /api/v1/jobs/{job_id}/match`) and Discover, the catalogue
ranked by the same score (`GET /api/v1/discover`, `POST /api/v1/discover/rebuild`,
`POST /api/v1/discover/{id}/dismiss`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request, status

from app.api.deps import SessionDep, SettingsDep
from app.api.routing import Router
from app.auth.dependencies import CurrentUser
from app.core.pagination import PageDep
from app.core.schemas import Id
from app.jobs.schemas import JobSummary
from app.match import discover as discover_service
from app.match import service
from app.match.schemas import PART_LABELS, DiscoverState, JobFitRead, MatchPage, MatchRead
from app.models.job import JobPosting
from app.models.sources import JobMatch
from app.tasks.registry import enqueue

router = Router(tags=["match"])


@router.get("/jobs/{job_id}/match", operation_id="match-read")
async def read_match(job_id: Id, request: Request, user: CurrentUser, session: SessionDep) -> JobFitRead:
    """The match report of this job against your newest ready resume and your profile: a score from 0 to 100,
    each part in words (role, must-have and nice-to-have skills, seniority, experience, education, location), and
    the changes that would raise it most. Computed offline; cached until your resume, profile or the job changes."""
    return await service.match_for_job(session, request.app.state.cache, user.id, job_id)


def _item(match: JobMatch, posting: JobPosting, user_id: int) -> MatchRead:
    parts = [
        {"key": key, "label": PART_LABELS[key], "value": value, "status": state}
        for key, (value, state) in (match.parts or {}).items()
        if key in PART_LABELS
    ]
    return MatchRead.model_validate(
        {
            "id": match.id,
            "score": match.score,
            "parts": parts,
            "blockers": match.blockers or [],
            "matched_skills": match.matched_skills,
            "missing_skills": match.missing_skills,
            "created_at": match.created_at,
            "job": JobSummary.model_validate({**posting.__dict__, "is_own": posting.owner_id == user_id}),
        }
    )


@router.get("/discover", operation_id="discover-list")
async def discover(
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
    paging: PageDep,
    min_score: Annotated[float, Query(ge=0, le=1, description="Only matches at least this good (0..1)")] = 0.0,
    remote_only: Annotated[bool, Query(description="Only remote postings")] = False,
    hide_blocked: Annotated[
        bool, Query(description="Hide postings that fail a hard requirement you set (sponsorship, remote, place)")
    ] = True,
) -> MatchPage:
    """Postings ranked by how well you fit them (the match score of the job page), best first; dismissed ones
    hidden. `rebuilding`: your resume, profile, searches or needs changed since the feed was scored; ask for it to
    be scored again with `POST /discover/rebuild` (the page does), and `job.matched` tells you when it is done."""
    stale, _ = await discover_service.needs_rebuild(session, user, settings.match_threshold)
    rows, total, hidden = await discover_service.feed(
        session, user.id, min_score, remote_only, hide_blocked, paging.offset, paging.size
    )
    return MatchPage(
        items=[_item(m, p, user.id) for m, p in rows],
        total=total,
        page=paging.page,
        size=paging.size,
        rebuilding=stale,
        hidden_blocked=hidden,
    )


@router.post("/discover/rebuild", status_code=status.HTTP_202_ACCEPTED, operation_id="discover-rebuild")
async def rebuild(user: CurrentUser, session: SessionDep, settings: SettingsDep) -> DiscoverState:
    """Score your Discover again in the background when it is out of date (a `match.rebuild_discover` task, unless
    one is queued or running already); `rebuilding` says whether it is out of date."""
    stale, send = await discover_service.needs_rebuild(session, user, settings.match_threshold)
    if send:
        enqueue(session, discover_service.REBUILD_TASK, user.id, user_id=user.id)
    return DiscoverState(rebuilding=stale)


@router.post("/discover/{match_id}/dismiss", status_code=status.HTTP_204_NO_CONTENT, operation_id="discover-dismiss")
async def dismiss(match_id: Id, user: CurrentUser, session: SessionDep) -> None:
    """Hide a match from your feed."""
    await discover_service.dismiss(session, user.id, match_id)
