"""The load test's CPU accounting: a child process that burns CPU is counted under the role of its parent."""

from __future__ import annotations

import subprocess
import sys
import time

from app.bench import cpu


def test_a_busy_child_counts_for_its_role_and_per_request() -> None:
    burn = "import time\nend = time.process_time() + 0.6\nwhile time.process_time() < end: pass\n"
    proc = subprocess.Popen([sys.executable, "-c", burn])
    roles = {proc.pid: "web"}
    before = cpu.snapshot(roles)
    started = time.monotonic()
    while True:  # sample the process before it exits: a finished process leaves /proc
        now = cpu.snapshot(roles)
        if now.get("web", 0.0) - before.get("web", 0.0) >= 0.3 or proc.poll() is not None:
            break
        time.sleep(0.05)
    proc.wait()
    report = cpu.report(before, now, requests=100, seconds=time.monotonic() - started)
    used = report["cpu_s"]
    assert isinstance(used, dict) and used["web"] >= 0.3
    per_request = report["cpu_ms_per_request"]
    assert isinstance(per_request, dict)
    assert per_request["web"] == round(1000 * used["web"] / 100, 2)
    assert per_request["serving (web + worker + postgresql + redis)"] >= per_request["web"]
    assert used["all"] >= used["web"] - 0.05  # the machine was at least as busy as the process
