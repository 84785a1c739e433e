"""Interview practice, offline: the time to score an answer with the rubric (p50/p95 over 200 answers of four
kinds: STAR with numbers, plain, one line, rambling) and to generate a session's questions (200 sessions), plus
the mean score gap between the STAR answers and the one-liners."""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

from app.interviews.questions import JobFacts, offline_questions, session_seed
from app.interviews.rubric import score_answer
from copilot_bench.common import percentiles

RUNS = 200
JOB = JobFacts(
    job_id=1,
    title="Senior Backend Engineer",
    company="Acme",
    skills=("Python", "FastAPI", "PostgreSQL", "Kubernetes", "AWS", "Docker", "Terraform", "Snowflake"),
    responsibilities=(
        "Design, build and maintain scalable backend services",
        "Mentor junior engineers",
        "Collaborate with product managers to define requirements",
        "Improve CI/CD pipelines and observability",
    ),
)
STAR = (
    "At my previous company our orders API was slow during sales: p95 latency was {n}.8 seconds. My goal was to get "
    "it under 300 ms before the next campaign. I profiled the Python code and found an N+1 query against PostgreSQL, "
    "so I rewrote it as one join and added a composite index. Then I added a load test to CI. As a result p95 "
    "dropped from 1,800 ms to 120 ms and errors fell by {n}0%, with 3x the traffic."
)
PLAIN = (
    "I usually start by looking at the metrics and the logs to understand the problem, then I talk to the team "
    "about options. We pick the simplest one that works, write tests for it and ship it behind a flag. Case {n}."
)
ONE_LINE = "I would do my best, case {n}."


def _answer(i: int) -> str:
    kind = i % 4
    if kind == 0:
        return STAR.format(n=i % 9 + 1)
    if kind == 1:
        return PLAIN.format(n=i)
    if kind == 2:
        return ONE_LINE.format(n=i)
    return " ".join([STAR.format(n=i % 9 + 1), PLAIN.format(n=i)] * 4)  # rambling


async def bench_interviews(tmp: Path) -> dict[str, Any]:
    questions = offline_questions(JOB, 8, session_seed(JOB.job_id, 0))
    score_answer(questions[0].question, questions[0].category, questions[0].skill, STAR, JOB)  # warm the matcher
    feedback_ms: list[float] = []
    star_scores: list[int] = []
    short_scores: list[int] = []
    for i in range(RUNS):
        q = questions[i % len(questions)]
        answer = _answer(i)
        start = time.perf_counter()
        feedback = score_answer(q.question, q.category, q.skill, answer, JOB)
        feedback_ms.append((time.perf_counter() - start) * 1000)
        if i % 4 == 0:
            star_scores.append(feedback.score)
        elif i % 4 == 2:
            short_scores.append(feedback.score)
    generation_ms: list[float] = []
    for session_id in range(1, RUNS + 1):
        start = time.perf_counter()
        offline_questions(JOB, 5 + session_id % 4, session_seed(JOB.job_id, session_id))
        generation_ms.append((time.perf_counter() - start) * 1000)
    return {
        "feedback_offline": percentiles(feedback_ms),
        "questions_offline": percentiles(generation_ms),
        "mean_score_star": round(statistics.mean(star_scores), 1),
        "mean_score_one_line": round(statistics.mean(short_scores), 1),
    }
