"""CPU time by role during a window, from /proc (Linux): what a request costs summed over every process that
serves it (the web processes, the worker, PostgreSQL, Redis) and what the load generator itself used."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _stat(pid: int) -> tuple[str, int, float] | None:
    """(command name, parent pid, user+system seconds) of one process, or None when it is gone."""
    with contextlib.suppress(OSError, ValueError, IndexError):
        raw = Path(f"/proc/{pid}/stat").read_text()
        name = raw[raw.index("(") + 1 : raw.rindex(")")]
        fields = raw[raw.rindex(")") + 2 :].split()
        return name, int(fields[1]), (int(fields[11]) + int(fields[12])) / _TICK
    return None


def snapshot(roles: dict[int, str]) -> dict[str, float]:
    """CPU seconds so far per role. `roles` names the processes started for the run (pid -> "web", "worker");
    their children count with them; PostgreSQL and Redis are found by name; this process is "load generator";
    "all" is the whole machine's busy time (/proc/stat), whoever used it."""
    stats = {pid: s for pid in _pids() if (s := _stat(pid)) is not None}
    own = os.getpid()
    out: dict[str, float] = {}
    for pid, (name, ppid, seconds) in stats.items():
        role = roles.get(pid) or roles.get(ppid)
        if role is None and pid == own:
            role = "load generator"
        elif role is None and name.startswith("postgres"):
            role = "postgresql"
        elif role is None and name.startswith("redis-server"):
            role = "redis"
        if role is not None:
            out[role] = out.get(role, 0.0) + seconds
    with contextlib.suppress(OSError, ValueError):
        cpu = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
        user, nice, system, _idle, _iowait, irq, softirq = (int(v) for v in cpu[:7])
        out["all"] = (user + nice + system + irq + softirq) / _TICK
    return out


def _pids() -> list[int]:
    try:
        return [int(p) for p in os.listdir("/proc") if p.isdigit()]
    except OSError:
        return []


def report(before: dict[str, float], after: dict[str, float], requests: int, seconds: float) -> dict[str, object]:
    """CPU used in the window per role (seconds, share of the machine) and per request (milliseconds)."""
    cpus = os.cpu_count() or 1
    used = {role: round(after[role] - before.get(role, 0.0), 2) for role in sorted(after)}
    serving = sum(v for k, v in used.items() if k in ("web", "worker", "postgresql", "redis"))
    per_request = (lambda s: round(1000 * s / requests, 2)) if requests else (lambda s: None)
    return {
        "window_s": round(seconds, 1),
        "cpu_s": used,
        "machine_busy": round(used.get("all", 0.0) / (seconds * cpus), 3) if seconds else None,
        "cpu_ms_per_request": {
            "serving (web + worker + postgresql + redis)": per_request(serving),
            **{role: per_request(v) for role, v in used.items()},
        },
    }
