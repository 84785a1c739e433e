"""`copilot bench`: figures for each capability, printed as one JSON object."""

from __future__ import annotations

import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from copilot_bench import (
    analytics,
    auth,
    content,
    data,
    discover,
    ingest,
    interviews,
    match,
    realtime,
    resumes,
    skills,
    startup,
    streaming,
    tracker,
)

BENCHMARKS: dict[str, Callable[[Path], Awaitable[dict[str, Any]]]] = {
    "startup": startup.bench_startup,
    "password_hash": auth.bench_password_hash,
    "api": auth.bench_api,
    "tracker": tracker.bench_tracker,
    "realtime": realtime.bench_realtime,
    "data": data.bench_data,
    "analytics": analytics.bench_analytics,
    "ingest": ingest.bench_ingest,
    "resume_parse": resumes.bench_resume_parse,
    "skills": skills.bench_skills,
    "match": match.bench_match,
    "discover": discover.bench_discover,
    "interviews": interviews.bench_interviews,
    "content": content.bench_content,
    "streaming": streaming.bench_streaming,
}


async def run_benchmarks(only: str | None = None) -> dict[str, Any]:
    names = [only] if only else list(BENCHMARKS)
    for name in names:
        if name not in BENCHMARKS:
            raise KeyError(name)
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="copilot-bench-") as tmp:
        for name in names:
            results[name] = await BENCHMARKS[name](Path(tmp))
    return results
