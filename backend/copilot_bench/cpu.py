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


Snapshot = dict[str, dict[int, float]]  # role -> pid -> CPU seconds so far ("all": pid 0, the whole machine)


def snapshot(roles: dict[int, str]) -> Snapshot:
    """CPU seconds so far per role and process. `roles` names the processes started for the run (pid -> "web",
    "worker"); their children count with them; PostgreSQL and Redis are found by name; this process is "load
    generator"; "all" is the whole machine's busy time (/proc/stat), whoever used it."""
    stats = {pid: s for pid in _pids() if (s := _stat(pid)) is not None}
    own = os.getpid()
    out: Snapshot = {}
    for pid, (name, ppid, seconds) in stats.items():
        role = roles.get(pid) or roles.get(ppid)
        if role is None and pid == own:
            role = "load generator"
        elif role is None and name.startswith("postgres"):
            role = "postgresql"
        elif role is None and name.startswith("redis-server"):
            role = "redis"
        if role is not None:
            out.setdefault(role, {})[pid] = seconds
    with contextlib.suppress(OSError, ValueError):
        cpu = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
        user, nice, system, _idle, _iowait, irq, softirq = (int(v) for v in cpu[:7])
        out["all"] = {0: (user + nice + system + irq + softirq) / _TICK}
    return out


def _pids() -> list[int]:
    try:
        return [int(p) for p in os.listdir("/proc") if p.isdigit()]
    except OSError:
        return []


def report(before: Snapshot, after: Snapshot, requests: int, seconds: float) -> dict[str, object]:
    """CPU used in the window per role (seconds, share of the machine) and per request (milliseconds). Per
    process: what it used since the first snapshot, or since it started when it is new (a PostgreSQL backend
    opened by a new connection). A process that ended inside the window is missing from the second snapshot, so
    its last slice is not counted: the roles' sum can fall short of "all", never exceed it."""
    cpus = os.cpu_count() or 1
    used: dict[str, float] = {}
    for role, pids in after.items():
        earlier = before.get(role, {})
        used[role] = round(sum(max(0.0, t - earlier.get(pid, 0.0)) for pid, t in pids.items()), 2)
    serving = sum(v for k, v in used.items() if k in ("web", "worker", "postgresql", "redis"))
    per_request = (lambda s: round(1000 * s / requests, 2)) if requests else (lambda s: None)
    return {
        "window_s": round(seconds, 1),
        "cpu_s": dict(sorted(used.items())),
        "machine_busy": round(used.get("all", 0.0) / (seconds * cpus), 3) if seconds else None,
        "cpu_ms_per_request": {
            "serving (web + worker + postgresql + redis)": per_request(serving),
            **{role: per_request(v) for role, v in sorted(used.items())},
        },
    }
