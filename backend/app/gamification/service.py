"""Achievements: a catalogue of rules over a user's figures, evaluated after the events that can change them,
each awarded exactly once (unique user_id + code; the insert that wins announces it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from app.gamification import repository
from app.gamification.streaks import Streak, streaks
from app.models.application import ApplicationStatus
from app.models.user import User
from app.notifications.service import notify
from app.realtime.envelope import AnalyticsUpdated, AnalyticsUpdatedData, publish_after_commit

S = ApplicationStatus


@dataclass
class Figures:
    applications: int  # applications that reached Applied (sent)
    interviews: int
    offers: int
    tracked: int
    skills: int
    streak: Streak
    onboarding_done: bool


# The figures a rule reads, so `evaluate` computes only those its pending rules need.
PIPELINE, SKILLS, STREAK, ONBOARDING = "pipeline", "skills", "streak", "onboarding"
NO_STREAK = Streak(current=0, longest=0, today_met=False)


@dataclass(frozen=True)
class Rule:
    code: str
    title: str
    description: str
    target: int
    value: Callable[[Figures], int]
    available: bool = True  # False: its feature has not shipped yet (shown as locked, "coming soon")
    needs: str = PIPELINE


CATALOGUE: list[Rule] = [
    Rule("first_job", "On the Hunt", "Track your first job.", 1, lambda f: f.tracked),
    Rule("first_application", "First Application", "Send your first application.", 1, lambda f: f.applications),
    Rule("applications_10", "10 Applications", "Send 10 applications.", 10, lambda f: f.applications),
    Rule("applications_50", "50 Applications", "Send 50 applications.", 50, lambda f: f.applications),
    Rule("applications_100", "100 Applications", "Send 100 applications.", 100, lambda f: f.applications),
    Rule("first_interview", "First Interview", "Get to an interview.", 1, lambda f: f.interviews),
    Rule("interviews_5", "Interview Regular", "Get to 5 interviews.", 5, lambda f: f.interviews),
    Rule("first_offer", "First Offer", "Receive an offer.", 1, lambda f: f.offers),
    Rule(
        "streak_3", "3-Day Streak", "Meet your daily goal 3 days in a row.", 3, lambda f: f.streak.longest, needs=STREAK
    ),
    Rule(
        "streak_7", "7-Day Streak", "Meet your daily goal 7 days in a row.", 7, lambda f: f.streak.longest, needs=STREAK
    ),
    Rule(
        "streak_30",
        "30-Day Streak",
        "Meet your daily goal 30 days in a row.",
        30,
        lambda f: f.streak.longest,
        needs=STREAK,
    ),
    Rule("skill_master", "Skill Master", "List 10 skills in your profile.", 10, lambda f: f.skills, needs=SKILLS),
    Rule(
        "onboarded",
        "Ready for Take-off",
        "Finish the guided start.",
        1,
        lambda f: int(f.onboarding_done),
        needs=ONBOARDING,
    ),
    Rule("resume_uploaded", "Resume Uploaded", "Upload your resume.", 1, lambda f: 0, available=False),
    Rule("cover_letter", "Cover Letter Crafted", "Generate a cover letter.", 1, lambda f: 0, available=False),
    Rule("interview_practice_5", "Interview Practice x5", "Finish 5 practice interviews.", 5, lambda f: 0, False),
]
BY_CODE = {r.code: r for r in CATALOGUE}
STREAK_LOOKBACK_DAYS = 400


async def applications_per_day(
    session: AsyncSession, user: User, since: date | None = None, until: date | None = None
) -> dict[date, int]:
    """Applications sent per local day (by `applied_at`), grouped in SQL in the user's timezone."""
    # A day of margin either side of UTC: the exact cut is made on local dates below.
    applied_from = datetime.combine(since - timedelta(days=1), time.min, UTC) if since is not None else None
    rows = await repository.applied_per_local_day(session, user.id, user.timezone or "UTC", applied_from)
    result = {date.fromisoformat(d): int(n) for d, n in rows if d is not None}
    if since is not None:
        result = {d: n for d, n in result.items() if d >= since}
    if until is not None:
        result = {d: n for d, n in result.items() if d <= until}
    return result


async def user_streak(session: AsyncSession, user: User, today: date) -> Streak:
    per_day = await applications_per_day(session, user, since=today - timedelta(days=STREAK_LOOKBACK_DAYS))
    return streaks(per_day, user.daily_application_goal, today)


async def figures(session: AsyncSession, user: User, today: date, needs: set[str] | None = None) -> Figures:
    """The user's figures; with `needs`, only those (the others are left at zero). The pipeline counts come from
    the applications' rollups (furthest stage reached), kept on every move, not from re-reading every event."""
    want = needs if needs is not None else {PIPELINE, SKILLS, STREAK, ONBOARDING}
    tracked = applications = interviews = offers = skills = 0
    if PIPELINE in want:
        tracked, applications, interviews, offers = await repository.pipeline_counts(session, user.id)
    if SKILLS in want:
        skills = await repository.skill_count(session, user.id)
    return Figures(
        tracked=tracked,
        applications=applications,
        interviews=interviews,
        offers=offers,
        skills=skills,
        streak=await user_streak(session, user, today) if STREAK in want else NO_STREAK,
        onboarding_done=user.onboarding_finished_at is not None,
    )


async def earned(session: AsyncSession, user_id: int) -> dict[str, datetime]:
    """The codes this user has earned, with when."""
    return {code: at for code, at in await repository.earned(session, user_id)}


async def evaluate(session: AsyncSession, user: User, today: date) -> list[Rule]:
    """Award every rule now met and not yet awarded; announce each new one (notification, live)."""
    owned = set(await earned(session, user.id))
    pending = [r for r in CATALOGUE if r.available and r.code not in owned]
    if not pending:
        return []
    f = await figures(session, user, today, {r.needs for r in pending})
    awarded: list[Rule] = []
    for rule in pending:
        if rule.value(f) < rule.target:
            continue
        if await repository.award(session, user.id, rule.code) is None:
            # another request or task got there first: it announces
            continue
        awarded.append(rule)
        await notify(
            session,
            user.id,
            "achievement.earned",
            f"Achievement unlocked: {rule.title}",
            rule.description,
            {"code": rule.code},
        )
    if awarded:
        publish_after_commit(session, user.id, AnalyticsUpdated(data=AnalyticsUpdatedData(reason="achievement")))
    return awarded
