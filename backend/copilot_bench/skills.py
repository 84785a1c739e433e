"""Offline skill extraction: throughput on one core over generated ~4 KB job descriptions, and p50/p95 per
document. Aim: over 500 documents/s."""

from __future__ import annotations

import asyncio
import random
import time
from pathlib import Path
from typing import Any

from app.skills import extract
from app.skills.taxonomy import get_taxonomy
from copilot_bench.common import percentiles

DOCS = 2_000
TARGET_BYTES = 4_096
_STACKS = [
    ["Python", "Django", "PostgreSQL", "Redis", "Celery", "Docker", "AWS"],
    ["Java 17", "Spring Boot", "Hibernate", "Oracle 19c", "Kafka", "Kubernetes", "Jenkins"],
    ["TypeScript", "React", "Next.js", "GraphQL", "Jest", "Cypress", "Figma"],
    ["Go", "gRPC", "Terraform", "k8s", "Prometheus", "Grafana", "GCP"],
    ["C#", ".NET 8", "ASP.NET Core", "SQL Server", "Azure DevOps", "Azure", "xUnit"],
    ["Excel", "Power BI", "SQL", "QuickBooks", "SAP", "Tableau", "VBA"],
    ["C", "C++", "FreeRTOS", "ARM Cortex-M", "Yocto", "Python", "Jenkins"],
]
_PROSE = [
    "You will join a cross-functional team and go above and beyond for our customers.",
    "We value clear writing, calm on-call rotations and access to a generous learning budget.",
    "Our office is open from Spring to autumn on Fridays, and we express ideas in short design docs.",
    "You excel at communication and like to rust-proof your plans before you ship them.",
    "The role reports to the Head of Engineering and works closely with product and design.",
]
_DUTIES = [
    "Design, build and operate services used by thousands of customers",
    "Review code and mentor engineers across two squads",
    "Improve observability, reliability and the speed of our delivery pipeline",
    "Work with product managers to shape the roadmap",
    "Own incidents end to end and write blameless postmortems",
]


def job_descriptions(n: int, seed: int = 7) -> list[str]:
    """`n` plain-text postings of about 4 KB: sections, "- " bullets, prose with ambiguous words, a skills list."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    docs = []
    for i in range(n):
        stack = rng.choice(_STACKS)
        parts = [f"Senior Engineer #{i}\n\nAbout us\n" + " ".join(rng.sample(_PROSE, 3)), "\nResponsibilities"]
        parts += [f"- {d} with {rng.choice(stack)}" for d in rng.sample(_DUTIES, 4)]
        parts += ["\nRequirements", f"- Experience with {', '.join(stack[:4])} and {stack[4]}"]
        parts += [f"- Knowledge of {stack[5]} or {stack[6]}", "\nTechnologies: " + ", ".join(stack)]
        text = "\n".join(parts)
        while len(text) < TARGET_BYTES:
            text += "\n" + " ".join(rng.sample(_PROSE, 2))
        docs.append(text[:TARGET_BYTES])
    return docs


def _run(docs: list[str]) -> dict[str, Any]:
    get_taxonomy()
    for doc in docs[:20]:  # warm-up: loads the taxonomy and builds the automaton
        extract(doc)
    samples: list[float] = []
    skills = 0
    start = time.perf_counter()
    for doc in docs:
        t0 = time.perf_counter()
        skills += len(extract(doc).skills)
        samples.append((time.perf_counter() - t0) * 1000)
    elapsed = time.perf_counter() - start
    return {
        "docs": len(docs),
        "doc_bytes": TARGET_BYTES,
        "docs_per_s": round(len(docs) / elapsed, 1),
        "skills_per_doc": round(skills / len(docs), 1),
        **percentiles(samples),
        "taxonomy_version": get_taxonomy().version,
        "taxonomy_skills": len(get_taxonomy()),
    }


async def bench_skills(tmp: Path) -> dict[str, Any]:
    """Offline extraction (skills and responsibilities) of generated ~4 KB job descriptions on one core."""
    docs = job_descriptions(DOCS)
    return await asyncio.to_thread(_run, docs)
