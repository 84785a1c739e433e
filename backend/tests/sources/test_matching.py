"""The Discover score ranks the better fit first, one factor at a time (everything else equal)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from app.jobs.matching import WEIGHTS, Posting, Profile, score
from app.models.job import RemoteType, SalaryPeriod

NOW = datetime(2026, 11, 28, tzinfo=UTC)
BASE = Posting(
    title="Backend Engineer",
    description_text="We build services.",
    location="Berlin, Germany",
    remote_type=RemoteType.onsite,
    tech_stack=["Python", "PostgreSQL", "Kubernetes", "Go"],
    salary_max=None,
    salary_min=None,
    salary_period=None,
    posted_at=NOW - timedelta(days=2),
)
ME = Profile(skills=["Python", "PostgreSQL"], keywords="backend python", location="Berlin")


def ranks_first(better: Posting, worse: Posting, profile: Profile = ME) -> None:
    a, b = score(profile, better, NOW), score(profile, worse, NOW)
    assert a.score > b.score, (a, b)


def test_weights_sum_to_one() -> None:
    assert sum(WEIGHTS.values()) == pytest.approx(1.0)


def test_more_of_my_skills_ranks_first() -> None:
    ranks_first(BASE, replace(BASE, tech_stack=["Java", "Kotlin", "Kubernetes", "Go"]))
    match = score(ME, BASE, NOW)
    assert match.matched == ["Python", "PostgreSQL"] and match.missing == ["Kubernetes", "Go"]


def test_skills_named_only_in_the_text_count() -> None:
    text_only = replace(BASE, tech_stack=[], description_text="Python services on PostgreSQL.")
    ranks_first(text_only, replace(BASE, tech_stack=[], description_text="Java services."))
    assert score(ME, text_only, NOW).matched == ["Python", "PostgreSQL"]


def test_in_demand_skills_weigh_more() -> None:
    demand = replace(ME, skills=["Kubernetes"], demand={"kubernetes": 0.6, "go": 0.0})
    wanted = replace(BASE, tech_stack=["Kubernetes", "Go"])
    plain = replace(ME, skills=["Go"], demand={"kubernetes": 0.6, "go": 0.0})
    assert score(demand, wanted, NOW).score > score(plain, wanted, NOW).score


def test_keywords_in_the_title_rank_first() -> None:
    ranks_first(BASE, replace(BASE, title="Platform Engineer", description_text="backend work"))
    ranks_first(replace(BASE, title="Platform Engineer", description_text="backend python"), replace(BASE, title="X"))


def test_place() -> None:
    ranks_first(BASE, replace(BASE, location="Paris, France"))
    remote = replace(ME, remote_only=True, location="")
    ranks_first(replace(BASE, remote_type=RemoteType.remote), replace(BASE, remote_type=RemoteType.hybrid), remote)
    ranks_first(replace(BASE, remote_type=RemoteType.hybrid), BASE, remote)


def test_salary_floor() -> None:
    floor = replace(ME, min_salary=70_000)
    paid = replace(BASE, salary_max=90_000, salary_period=SalaryPeriod.year)
    ranks_first(paid, replace(BASE, salary_max=50_000, salary_period=SalaryPeriod.year), floor)
    hourly = replace(BASE, salary_max=50, salary_period=SalaryPeriod.hour)  # 92,000 a year
    ranks_first(hourly, replace(BASE, salary_max=30, salary_period=SalaryPeriod.hour), floor)


def test_recency() -> None:
    ranks_first(BASE, replace(BASE, posted_at=NOW - timedelta(days=40)))
    assert score(ME, replace(BASE, posted_at=NOW - timedelta(days=14)), NOW).reasons["recency"] == 0.5


def test_c_plus_plus_is_not_c() -> None:
    c = Profile(skills=["C"], keywords="")
    assert score(c, replace(BASE, tech_stack=[], description_text="Modern C++ and C# services."), NOW).matched == []
