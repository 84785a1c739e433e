"""What the Sources, Discover and followed-companies screens read and change."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import Settings
from app.core.exceptions import Conflict, NotFound
from app.jobs import repository
from app.jobs import service as jobs
from app.jobs.schemas import JobCreate, JobRead
from app.jobs.sources.base import NormalizedJob
from app.jobs.sources.registry import all_sources
from app.models.sources import FollowedCompany
from app.models.user import User


async def health(session: AsyncSession, settings: Settings) -> list[dict[str, Any]]:
    states = {s.source: s for s in await repository.source_states(session)}
    out = []
    for name, source in all_sources(settings).items():
        state = states.get(name)
        out.append(
            {
                "name": name,
                "label": source.label,
                "kind": source.kind,
                "enabled": name not in settings.sources_disabled and source.configured(),
                "needs_key": source.needs_key,
                "key_configured": source.configured(),
                "keys": source.keys,
                "follow_hint": source.follow_hint,
                "attribution": source.attribution,
                "last_run_at": state.last_run_at if state else None,
                "last_success_at": state.last_success_at if state else None,
                "last_error_at": state.last_error_at if state else None,
                "last_error": state.last_error if state else None,
                "last_fetched": state.last_fetched if state else 0,
                "total_fetched": state.total_fetched if state else 0,
                "rate_limited_until": state.rate_limited_until if state else None,
            }
        )
    return out


async def follows_of(session: AsyncSession, user_id: int) -> Sequence[FollowedCompany]:
    return await repository.follows_of(session, user_id)


async def unfollow(session: AsyncSession, user_id: int, follow_id: int) -> bool:
    """Whether the follow existed and was this user's."""
    return await repository.delete_follow(session, user_id, follow_id)


async def follow(session: AsyncSession, user_id: int, source: str, token: str, settings: Settings) -> FollowedCompany:
    sources = all_sources(settings)
    if source not in sources or sources[source].kind != "company":
        names = ", ".join(n for n, s in sources.items() if s.kind == "company")
        raise NotFound(f"'{source}' is not a company board. Choose one of: {names}.", code="unknown_source")
    token = token.strip().strip("/").split("/")[-1]
    if await repository.get_follow(session, user_id, source, token) is not None:
        raise Conflict(f"You already follow {token} on {sources[source].label}.", code="already_following")
    row = FollowedCompany(user_id=user_id, source=source, token=token)
    session.add(row)
    await session.flush()
    return row


async def save_imported(session: AsyncSession, user: User, job: NormalizedJob) -> JobRead:
    """A job imported from a link becomes one of the user's own jobs (private, like one added by hand)."""
    data = JobCreate.model_validate(
        {
            "title": job.title[:300],
            "company": (job.company or "Unknown company")[:200],
            "url": job.url,
            "description": job.description_html or job.description_text,
            "location": job.location[:200],
            "remote_type": job.remote_type,
            "employment_type": job.employment_type,
            "salary_min": job.salary_min,
            "salary_max": job.salary_max if (job.salary_max or 0) >= (job.salary_min or 0) else None,
            "salary_currency": job.salary_currency if job.salary_currency and len(job.salary_currency) == 3 else None,
            "salary_period": job.salary_period,
            "posted_at": job.posted_at,
        }
    )
    return await jobs.create_job(session, user.id, data)
