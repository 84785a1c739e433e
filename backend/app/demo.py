"""`copilot demo`: a demo account with a believable job search in progress."""

from __future__ import annotations

import asyncio
import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from app.applications import rollups
from app.auth import repository as users
from app.core.security import hash_password
from app.jobs.enrich import enrich_offline
from app.jobs.text import derived_fields, description_from_input
from app.models.application import Application, ApplicationEvent
from app.models.application import ApplicationStatus as S
from app.models.base import utcnow
from app.models.job import JobPosting, JobPostingSkill, RemoteType, SalaryPeriod
from app.models.user import SkillSource, User, UserSkill

DEMO_EMAIL = "demo@example.com"
DEMO_PASSWORD = "demo-password"  # noqa: S105 - the documented demo account

COMPANIES = [
    ("Northwind Analytics", "Berlin"), ("Lumen Health", "Amsterdam"), ("Fjord Payments", "Oslo"),
    ("Atlas Robotics", "Munich"), ("Kestrel Security", "London"), ("Brightwave Energy", "Copenhagen"),
    ("Cobalt Logistics", "Hamburg"), ("Parcel & Pine", "Vienna"), ("Quanta Labs", "Zürich"),
    ("Helix Bio", "Basel"), ("Orbital Maps", "Lisbon"), ("Tidepool Games", "Stockholm"),
    ("Mosaic Learning", "Dublin"), ("Granite Cloud", "Frankfurt"), ("Pebble Finance", "Paris"),
    ("Verdant Farms", "Utrecht"), ("Signal Forge", "Warsaw"), ("Arcadia Travel", "Barcelona"),
]  # fmt: skip
ROLES = [
    ("Backend Engineer", ["Python", "PostgreSQL", "Docker", "REST APIs"]),
    ("Senior Python Developer", ["Python", "Django", "Celery", "Redis"]),
    ("Full-Stack Engineer", ["TypeScript", "React", "Node.js", "PostgreSQL"]),
    ("Data Engineer", ["Python", "SQL", "Airflow", "dbt", "Spark"]),
    ("Platform Engineer", ["Kubernetes", "Terraform", "Go", "AWS"]),
    ("Machine Learning Engineer", ["Python", "PyTorch", "MLOps", "SQL"]),
    ("Frontend Developer", ["TypeScript", "React", "CSS", "Accessibility"]),
    ("Site Reliability Engineer", ["Linux", "Prometheus", "Kubernetes", "Go"]),
    ("C++ Software Engineer", ["C++", "CMake", "Linux", "Multithreading"]),
    (".NET Developer", ["C#", ".NET", "Azure", "SQL Server"]),
    ("Engineering Manager", ["Leadership", "Hiring", "Agile", "Python"]),
    ("Security Engineer", ["Threat Modeling", "Python", "AWS", "SIEM"]),
]
RESPONSIBILITIES = [
    "Design, build and operate services used by thousands of customers",
    "Own features end to end, from the first sketch to monitoring in production",
    "Review code and mentor colleagues",
    "Improve reliability, observability and performance",
    "Work closely with product managers and designers",
    "Automate deployments and keep our infrastructure as code",
    "Model data and write efficient queries",
    "Take part in a fair on-call rotation",
]
# How far each of the ~20 tracked jobs got: every status appears, with believable histories.
PATHS: list[list[S]] = [
    [S.interested], [S.interested], [S.interested], [S.interested],
    [S.interested, S.applied], [S.interested, S.applied], [S.interested, S.applied], [S.interested, S.applied],
    [S.interested, S.applied, S.interview], [S.interested, S.applied, S.interview],
    [S.interested, S.applied, S.interview], [S.interested, S.applied, S.interview, S.offer],
    [S.interested, S.applied, S.interview, S.offer, S.accepted],
    [S.interested, S.applied, S.rejected], [S.interested, S.applied, S.rejected],
    [S.interested, S.applied, S.interview, S.rejected], [S.interested, S.withdrawn],
    [S.interested, S.applied, S.interview, S.withdrawn], [S.interested, S.applied, S.ghosted],
    [S.interested, S.applied, S.ghosted, S.interview],
]  # fmt: skip
NOTES = {
    S.applied: "Applied through the careers page with the tailored resume.",
    S.interview: "Recruiter screen went well; technical interview scheduled.",
    S.offer: "Offer received: compare equity and remote policy before answering.",
    S.accepted: "Signed! Start date agreed.",
    S.rejected: "Rejected after the take-home. Asked for feedback.",
    S.withdrawn: "Withdrew: the role turned out to be mostly on-call.",
    S.ghosted: "No answer for three weeks after applying.",
}


@dataclass
class DemoSummary:
    email: str
    password: str
    jobs: int
    applications: int
    events: int


def _description(role: str, company: str, skills: list[str], rng: random.Random) -> str:
    duties = rng.sample(RESPONSIBILITIES, 4)
    return (
        f"<h2>About {company}</h2><p>{company} is growing its engineering team and is looking for a {role}.</p>"
        f"<h3>What you will do</h3><ul>{''.join(f'<li>{d}</li>' for d in duties)}</ul>"
        f"<h3>What we look for</h3><ul>{''.join(f'<li>Experience with {s}</li>' for s in skills)}</ul>"
        "<p>We offer flexible hours, a learning budget and 30 days of holiday.</p>"
    )


async def load_demo(session: AsyncSession, seed: int = 7) -> DemoSummary:
    """Create (or re-create) the demo account with ~50 jobs and ~20 applications across every status."""
    rng = random.Random(seed)  # noqa: S311 - repeatable demo data, not security
    existing = await users.get_by_email(session, DEMO_EMAIL)
    if existing is not None:
        await session.execute(delete(User).where(User.id == existing.id))
        await session.flush()
    user = User(
        email=DEMO_EMAIL,
        hashed_password=await asyncio.to_thread(hash_password, DEMO_PASSWORD),
        full_name="Dana Demo",
        timezone="Europe/Berlin",
        daily_application_goal=3,
        is_admin=not await users.any_user_exists(session),
        password_changed_at=utcnow(),
    )
    session.add(user)
    await session.flush()
    session.add_all(
        UserSkill(user_id=user.id, name=s, source=SkillSource.manual, level=lvl)
        for s, lvl in [("Python", 5), ("PostgreSQL", 4), ("Docker", 4), ("React", 3), ("TypeScript", 3), ("AWS", 2)]
    )

    now = utcnow()
    jobs: list[JobPosting] = []
    for i in range(50):
        company, city = COMPANIES[i % len(COMPANIES)]
        role, skills = ROLES[(i * 5) % len(ROLES)]
        remote = rng.choice([RemoteType.remote, RemoteType.hybrid, RemoteType.onsite, RemoteType.hybrid])
        low = rng.randrange(50, 95) * 1000
        html, text = description_from_input(_description(role, company, skills, rng))
        location = "Remote (Europe)" if remote is RemoteType.remote else city
        job = JobPosting(
            owner_id=user.id,
            title=role,
            company=company,
            location=location,
            remote_type=remote,
            employment_type="full-time",
            salary_min=low,
            salary_max=low + rng.randrange(10, 30) * 1000,
            salary_currency="EUR",
            salary_period=SalaryPeriod.year,
            url=f"https://careers.example.com/{company.split()[0].lower()}/{i}",
            posted_at=now - timedelta(days=rng.randrange(0, 60), hours=rng.randrange(0, 24)),
            ingested_at=now,
            description_html=html,
            description_text=text,
            tech_stack=skills,
            responsibilities=[],
            **derived_fields(role, company, location, skills, text),
        )
        jobs.append(job)
    session.add_all(jobs)
    await session.flush()
    session.add_all(JobPostingSkill(job_posting_id=j.id, skill=s) for j in jobs for s in j.tech_stack)
    await session.flush()
    await enrich_offline(session, [j.id for j in jobs])  # responsibilities, and the skills their text names

    events = 0
    for n, path in enumerate(PATHS):
        job = jobs[n * 2]
        start = (job.posted_at or now) + timedelta(days=1)
        start = min(start, now - timedelta(days=len(path) * 3))
        at: datetime = start
        app = Application(user_id=user.id, job_posting_id=job.id, status=path[-1], position=float(n),
                          notes=NOTES.get(path[-1], ""), status_changed_at=at)  # fmt: skip
        session.add(app)
        await session.flush()
        previous: S | None = None
        for status in path:
            note = NOTES.get(status, "") if status != S.interested else ""
            session.add(
                ApplicationEvent(
                    application_id=app.id, user_id=user.id, from_status=previous, to_status=status, at=at, note=note
                )
            )
            events += 1
            if status == S.applied:
                app.applied_at = at
            app.status_changed_at = at
            previous = status
            at = min(at + timedelta(days=rng.randrange(2, 9), hours=rng.randrange(0, 12)), now)
    await rollups.refresh(session, Application.user_id == user.id)
    return DemoSummary(DEMO_EMAIL, DEMO_PASSWORD, len(jobs), len(PATHS), events)
