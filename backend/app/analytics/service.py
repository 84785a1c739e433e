"""AnalyticsService: "how is my search going?" — every figure aggregated in SQL (GROUP BY, window functions), the
same queries on SQLite and PostgreSQL except for date arithmetic.

Definitions (also in docs/decisions/007-analytics-and-progress.md):
- A stage counts as reached if the application's history ever reached it; skipped stages count (moving straight
  from Interested to Interview reaches Applied too).
- Rate from stage A to the next stage B = applications that reached B / applications that reached A, leaving out
  those withdrawn while at A (the user's choice, not an answer). Ghosted counts as a no. Overall = accepted /
  applied. Applications still waiting at A stay in the denominator (recent ones pull a rate down until answered).
- Time in stage: from entering a status to the next status change; open stages are not counted.
- First response: from first reaching Applied to first reaching Interview, Offer, Accepted or Rejected.
- Skill demand: postings per time window that list a skill (job_posting_skill), as a share of all postings in
  that window. Rising: the share grew by at least 2 percentage points from the previous window and at least
  3 postings list it now; declining: it fell by at least 2 points from a window where at least 3 listed it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal

from sqlalchemy.ext.asyncio import AsyncSession

from app.analytics import repository
from app.analytics.repository import STAGES
from app.gamification.service import applications_per_day, user_streak
from app.gamification.streaks import met
from app.models.application import ApplicationStatus
from app.models.user import User

S = ApplicationStatus
RISING_PP = 2.0
MIN_POSTINGS = 3
Scope = Literal["tracked", "market"]


def _rates(row: Any) -> dict[str, float | None]:
    def ratio(num: int, den: int) -> float | None:
        return round(num / den, 4) if den > 0 else None

    r = row._mapping
    return {
        "applied_to_interview": ratio(r["interview"], r["applied"] - r["withdrawn_at_applied"]),
        "interview_to_offer": ratio(r["offer"], r["interview"] - r["withdrawn_at_interview"]),
        "offer_to_accepted": ratio(r["accepted"], r["offer"] - r["withdrawn_at_offer"]),
        "overall": ratio(r["accepted"], r["applied"]),
    }


def _funnel(row: Any) -> dict[str, int]:
    r = row._mapping
    return {
        "tracked": int(r["tracked"]),
        **{s: int(r[s]) for s in STAGES},
        "withdrawn": int(r["withdrew"]),
        "ghosted": int(r["ghosted"]),
        "rejected": int(r["rejected"]),
    }


async def success_rates(
    session: AsyncSession, user: User, since: date | None = None, until: date | None = None
) -> dict[str, Any]:
    tz = user.timezone or "UTC"
    total = await repository.funnel(session, user.id, tz, since, until)
    by_source = await repository.funnel_by_source(session, user.id, tz, since, until)
    by_month = await repository.funnel_by_month(session, user.id, tz, since, until)
    return {
        "funnel": _funnel(total),
        "rates": _rates(total),
        "by_source": [{"source": r.source, "funnel": _funnel(r), "rates": _rates(r)} for r in by_source],
        # a moment whose local day has no name (core.db.NAMEABLE_DAYS) has no month either
        "by_month": [
            {"month": r.month, "funnel": _funnel(r), "rates": _rates(r)} for r in by_month if r.month is not None
        ],
    }


async def time_in_stage(session: AsyncSession, user: User) -> dict[str, Any]:
    """Median days per status (events' durations, kept by the rollups) and median days to a first answer."""
    day = 86400.0
    stages = []
    for status in S:
        median, n, mean = await repository.stage_seconds(session, user.id, status)
        if n:
            stages.append(
                {
                    "stage": status.value,
                    "median_days": round(median / day, 2),
                    "mean_days": round(mean / day, 2),
                    "transitions": n,
                }
            )
    median, answered, _ = await repository.response_seconds(session, user.id)
    return {
        "stages": stages,
        "first_response": {"median_days": round(median / day, 2) if answered else None, "answered": answered},
    }


def _windows(end: datetime, window_days: int, count: int) -> list[tuple[datetime, datetime]]:
    """Oldest first: [(start, end), …] of `count` windows of `window_days` ending at `end`."""
    width = timedelta(days=window_days)
    return [(end - (count - i) * width, end - (count - i - 1) * width) for i in range(count)]


async def skill_demand_trends(
    session: AsyncSession,
    user: User,
    scope: Scope = "market",
    end: datetime | None = None,
    window_days: int = 30,
    windows: int = 6,
    top: int = 15,
) -> dict[str, Any]:
    end = end or datetime.now(UTC)
    spans = _windows(end, window_days, windows)
    # the shared catalogue (market) is the same for every user, so it is cached once for all
    tracked_by = user.id if scope == "tracked" else None
    totals = await repository.postings_per_window(session, spans, tracked_by)
    counted = await repository.skill_postings_per_window(session, spans, tracked_by)
    per_skill: dict[str, list[int]] = {}
    for skill, b, n in counted:
        per_skill.setdefault(skill, [0] * windows)[int(b)] = int(n)
    last, prev = windows - 1, windows - 2

    def share(n: int, b: int) -> float:
        return round(100.0 * n / totals[b], 2) if totals.get(b) else 0.0

    skills: list[dict[str, Any]] = []
    for skill, counts in per_skill.items():
        now_share, before = share(counts[last], last), share(counts[prev], prev) if windows > 1 else 0.0
        change = round(now_share - before, 2)
        trend = "steady"
        if change >= RISING_PP and counts[last] >= MIN_POSTINGS:
            trend = "rising"
        elif change <= -RISING_PP and counts[prev] >= MIN_POSTINGS:
            trend = "declining"
        skills.append(
            {
                "skill": skill,
                "count": counts[last],
                "share": now_share,
                "change_pp": change,
                "trend": trend,
                "series": [{"count": c, "share": share(c, i)} for i, c in enumerate(counts)],
            }
        )
    skills.sort(key=lambda s: (-s["count"], s["skill"]))
    return {
        "scope": scope,
        "windows": [
            {"start": a.isoformat(), "end": b.isoformat(), "postings": int(totals.get(i, 0))}
            for i, (a, b) in enumerate(spans)
        ],
        "skills": skills[:top],
        "rising": [s["skill"] for s in sorted(skills, key=lambda s: -s["change_pp"]) if s["trend"] == "rising"][:10],
        "declining": [s["skill"] for s in sorted(skills, key=lambda s: s["change_pp"]) if s["trend"] == "declining"][
            :10
        ],
    }


async def skill_gap(session: AsyncSession, user: User, top: int = 20) -> dict[str, Any]:
    """Skills the jobs you track ask for, most asked first, split into the ones you have and the ones you lack."""
    total = await repository.tracked_job_count(session, user.id)
    rows = await repository.skills_asked(session, user.id, top * 3)
    items = [
        {"skill": skill, "jobs": int(n), "share": round(100.0 * n / total, 1) if total else 0.0, "have": bool(h)}
        for skill, n, h in rows
    ]
    return {
        "tracked_jobs": int(total),
        "missing": [i for i in items if not i["have"]][:top],
        "matched": [i for i in items if i["have"]][:top],
    }


@dataclass
class ActivityDay:
    day: date
    count: int
    met: bool


async def activity(session: AsyncSession, user: User, since: date, until: date) -> dict[str, Any]:
    per_day = await applications_per_day(session, user, since=since, until=until)
    days = []
    cursor = since
    while cursor <= until:
        n = per_day.get(cursor, 0)
        days.append(
            {"date": cursor.isoformat(), "count": n, "met": met(n, user.daily_application_goal) if n else False}
        )
        cursor += timedelta(days=1)
    streak = await user_streak(session, user, until)
    return {
        "goal": user.daily_application_goal,
        "days": days,
        "streak": {"current": streak.current, "longest": streak.longest, "today_met": streak.today_met},
    }


def bucket(days: list[dict[str, Any]], granularity: str) -> list[dict[str, Any]]:
    """Daily points as they are, or summed per ISO week (from Monday) or month; `met` only means something daily."""
    if granularity == "day":
        return days
    sums: dict[str, int] = {}
    for d in days:
        day = date.fromisoformat(d["date"])
        start = day - timedelta(days=day.weekday()) if granularity == "week" else day.replace(day=1)
        sums[start.isoformat()] = sums.get(start.isoformat(), 0) + int(d["count"])
    return [{"date": k, "count": v, "met": None} for k, v in sorted(sums.items())]
