"""Start-up: how long a fresh process takes before it is useful. Each figure is the median of several runs, each in a
new interpreter (nothing warm but the operating system's file cache):

- `import_app_main_s`: `import app.main` (what `copilot serve` and every worker do first);
- `cli_help_s`: `copilot --help`, the whole process;
- `serve_healthz_s`: from launching `copilot serve` (embedded worker and all) to its first `/healthz` answer;
- `resume_parse_one_s`: `copilot resume parse FILE` on a two-page PDF, the whole process;
- `resume_parse_folder_per_file_s`: `copilot resume parse FOLDER` over 20 such files, per file (start-up paid once).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from copilot_bench.common import free_port
from copilot_bench.resumes import two_page_pdf

BACKEND = Path(__file__).resolve().parents[2]
RUNS = 5
FOLDER_FILES = 20


def _env(data: Path) -> dict[str, str]:
    return {
        **os.environ,
        "COPILOT_DATA_DIR": str(data),
        "DATABASE_URL": f"sqlite:///{data}/startup.db",
        "REDIS_URL": "",
        "LLM_PROVIDER": "offline",
    }


def _wall(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(args, env=env, cwd=BACKEND, check=True, capture_output=True)  # noqa: S603
    return time.perf_counter() - started


def _import_time(env: dict[str, str]) -> float:
    probe = "import time; t = time.perf_counter(); import app.main; print(time.perf_counter() - t)"
    out = subprocess.run(  # noqa: S603
        [sys.executable, "-c", probe], env=env, cwd=BACKEND, check=True, capture_output=True, text=True
    )
    return float(out.stdout.strip())


def _serve_until_healthy(env: dict[str, str]) -> float:
    port = free_port()
    started = time.perf_counter()
    proc = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "app.cli", "serve", "--port", str(port)],
        env=env,
        cwd=BACKEND,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                    return time.perf_counter() - started
            except httpx.HTTPError:
                pass
            if proc.poll() is not None:
                raise RuntimeError("copilot serve exited before answering /healthz")
            if time.perf_counter() - started > 120:
                raise RuntimeError("copilot serve did not answer /healthz within 120 s")
            time.sleep(0.01)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _median(samples: list[float]) -> float:
    return round(statistics.median(samples), 3)


def _measure(tmp: Path) -> dict[str, Any]:
    data = tmp / "startup"
    data.mkdir(exist_ok=True)
    env = _env(data)
    copilot = [sys.executable, "-m", "app.cli"]
    subprocess.run([*copilot, "migrate"], env=env, cwd=BACKEND, check=True, capture_output=True)  # noqa: S603
    folder = data / "resumes"
    folder.mkdir(exist_ok=True)
    pdf = two_page_pdf()
    for n in range(FOLDER_FILES):
        (folder / f"resume-{n:02d}.pdf").write_bytes(pdf)
    one = folder / "resume-00.pdf"
    _wall([*copilot, "--help"], env)  # warm the file cache and the bytecode
    folder_runs = [_wall([*copilot, "resume", "parse", str(folder)], env) for _ in range(3)]
    return {
        "runs": RUNS,
        "import_app_main_s": _median([_import_time(env) for _ in range(RUNS)]),
        "cli_help_s": _median([_wall([*copilot, "--help"], env) for _ in range(RUNS)]),
        "serve_healthz_s": _median([_serve_until_healthy(env) for _ in range(3)]),
        "resume_parse_one_s": _median([_wall([*copilot, "resume", "parse", str(one)], env) for _ in range(RUNS)]),
        "resume_parse_folder_per_file_s": _median([t / FOLDER_FILES for t in folder_runs]),
        "folder_files": FOLDER_FILES,
    }


async def bench_startup(tmp: Path) -> dict[str, Any]:
    return await asyncio.to_thread(_measure, tmp)
