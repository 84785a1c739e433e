"""The load test's CPU accounting: a child process that burns CPU is counted under the role of its parent."""

from __future__ import annotations

import subprocess
import sys
import time

from copilot_bench import cpu


def test_a_busy_child_counts_for_its_role_and_per_request() -> None:
    burn = "import time\nend = time.process_time() + 0.6\nwhile time.process_time() < end: pass\n"
    proc = subprocess.Popen([sys.executable, "-c", burn])
    roles = {proc.pid: "web"}
    before = cpu.snapshot(roles)
    started = time.monotonic()
    while True:  # sample the process before it exits: a finished process leaves /proc
        now = cpu.snapshot(roles)
        if sum(now.get("web", {}).values()) - sum(before.get("web", {}).values()) >= 0.3 or proc.poll() is not None:
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


def test_a_process_that_started_inside_the_window_counts_from_its_start_and_an_ended_one_not_below_zero() -> None:
    before = {"postgresql": {10: 5.0, 11: 7.0}, "all": {0: 100.0}}
    after = {"postgresql": {11: 7.5, 12: 0.25}, "all": {0: 101.0}}  # 10 ended, 12 is a new backend
    report = cpu.report(before, after, requests=10, seconds=1.0)
    assert report["cpu_s"] == {"all": 1.0, "postgresql": 0.75}
    assert report["cpu_ms_per_request"]["postgresql"] == 75.0  # type: ignore[index]
