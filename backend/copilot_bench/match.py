"""Match score: one resume against 1,000 postings of about 2.4 KB (varied titles, sections, years, degrees, remote
and sponsorship lines), offline; each posting's requirements are read and scored, as the job page and the CLI do.
Figures: ms per posting (mean, p50, p95) and postings per second on one core."""

from __future__ import annotations

import asyncio
import random
import time
from pathlib import Path
from typing import Any

from copilot_bench.common import percentiles

POSTINGS = 1_000
RESUME = """Grace Hopper
Backend Engineer
grace@example.com | +1 555 0100 | Boston, MA

EXPERIENCE
Senior Backend Engineer, Initech Corp (Jan 2019 - Present)
- Cut nightly batch time by 40% by rewriting PostgreSQL queries.
- Moved twelve services to Kubernetes with Docker images and zero downtime.
- Built REST APIs in Python with FastAPI and PostgreSQL, serving two million calls a day.

Software Developer, Globex (Jun 2015 - Dec 2018)
- Wrote billing services in Java and Spring Boot.

EDUCATION
BSc Computer Science, Boston University (2011 - 2015)

SKILLS
Python, FastAPI, PostgreSQL, Docker, Kubernetes, Java, Spring Boot, AWS
"""
TITLES = ["Senior Backend Engineer", "Data Engineer", "Staff Platform Engineer", "Junior Python Developer",
          "Account Executive", "Product Manager", "Senior Site Reliability Engineer", "Accounts Payable Analyst",
          "Machine Learning Engineer", "Frontend Developer (React)", "QA Engineer", "Office Manager"]  # fmt: skip
SKILLS = ["Python", "Go", "Java", "Kubernetes", "Terraform", "AWS", "PostgreSQL", "Kafka", "React", "TypeScript",
          "Salesforce", "Excel", "Spark", "Airflow", "Docker", "GraphQL", "Redis", "Snowflake"]  # fmt: skip
FILLER = (
    "You will work with a small team that ships every day, talks to customers, and owns what it builds from the "
    "first sketch to the pager. We value clear writing, careful reviews and kindness. "
)


def posting(rng: random.Random) -> str:
    title = rng.choice(TITLES)
    must = rng.sample(SKILLS, 4)
    nice = rng.sample([s for s in SKILLS if s not in must], 2)
    lines = [
        title,
        "",
        "About us",
        FILLER * 10,
        "What you'll do",
        *(f"- Build and run services with {s}" for s in rng.sample(SKILLS, 3)),
        "Requirements",
        f"- {rng.choice([2, 3, 5, 7, 10])}+ years of professional experience",
        f"- {rng.choice([2, 3, 4])}+ years of experience with {must[0]}",
        *(f"- Strong {s}" for s in must[1:]),
        rng.choice(
            ["- Bachelor's degree in Computer Science or equivalent experience", "- Master's degree required", ""]
        ),
        "Nice to have",
        *(f"- {s}" for s in nice),
        rng.choice(["This role is fully remote (US only).", "Hybrid: 3 days a week in our Berlin office.", ""]),
        rng.choice(["We are unable to sponsor visas for this role.", "Visa sponsorship is available.", ""]),
        "Benefits",
        "- 401k matching after 1 year\n- 25 days of holiday",
    ]
    return "\n".join(lines)


def _measure() -> dict[str, Any]:
    from app.match.service import person_from_file, score_text

    rng = random.Random(20)  # noqa: S311 - the same postings every run, nothing secret
    texts = [posting(rng) for _ in range(POSTINGS)]
    person = person_from_file(RESUME.encode(), ["Terraform"])
    score_text(person, texts[0])  # the taxonomy and patterns load once, before the clock
    times = []
    started = time.perf_counter()
    for text in texts:
        t0 = time.perf_counter()
        score_text(person, text)
        times.append((time.perf_counter() - t0) * 1000)
    total = time.perf_counter() - started
    return {
        "postings": POSTINGS,
        "mean_chars": round(sum(map(len, texts)) / len(texts)),
        "ms_per_posting": {"mean": round(total * 1000 / POSTINGS, 3), **percentiles(times)},
        "postings_per_s": round(POSTINGS / total),
    }


async def bench_match(_: Path) -> dict[str, Any]:
    return await asyncio.to_thread(_measure)
