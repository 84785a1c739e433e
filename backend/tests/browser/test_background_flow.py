"""An administrator's evening: summary settings, "send now" through the embedded worker, the notification
arriving live, and the Task queue page (the task that ran, run a scheduled one now), in Debian chromium."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import copilot_cli, field, serious_accessibility_violations

pytestmark = pytest.mark.browser


def test_summary_settings_send_now_and_task_queue(live_server: str, browser: Browser, artifacts: Path) -> None:
    email, password = "katherine@example.com", "Orbital-Mechanics-1962"
    r = httpx.post(
        f"{live_server}/api/v1/auth/register",
        json={"email": email, "password": password, "full_name": "Katherine Johnson"},
    )
    assert r.status_code == 201, r.text
    promoted = copilot_cli("users", "promote", email)
    assert promoted.returncode == 0, promoted.stderr

    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(live_server + "/login")
    field(page, "Email").fill(email)
    field(page, "Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Dashboard", level=1)).to_be_visible()
    today = page.get_by_role("region", name="Today")
    expect(today.get_by_text("0 of 5 applications today")).to_be_visible()

    page.goto(live_server + "/settings")
    summary = page.get_by_role("region", name="Evening summary")
    expect(summary.get_by_role("switch", name="Email me an evening summary")).to_be_checked()
    summary.get_by_label("Send it after").select_option("20")
    expect(page.get_by_text("Evening summary on")).to_be_visible()
    summary.get_by_role("button", name="Send today's summary now").click()
    expect(page.get_by_text("Summary on its way")).to_be_visible()
    # The embedded worker runs it; no SMTP here, so it arrives as a live notification (toast and bell).
    expect(page.get_by_text("Evening summary ready").first).to_be_visible(timeout=15_000)

    page.get_by_role("link", name="Task queue").click()
    expect(page.get_by_role("heading", name="Task queue", level=1)).to_be_visible()
    expect(page.get_by_text("Embedded worker (in the web process)")).to_be_visible()
    tasks = page.get_by_role("region", name="Tasks")
    delivered = re.compile(r"notifications\.deliver_evening_summary.*Succeeded")
    expect(tasks.get_by_role("row", name=delivered)).to_be_visible(timeout=15_000)  # the page polls every 5 s
    workers = page.get_by_role("region", name="Workers")
    expect(workers.get_by_text(re.compile(r"^embedded@"))).to_be_visible()

    page.get_by_role("button", name="Run now auth.purge_expired").click()
    expect(page.get_by_text("auth.purge_expired queued")).to_be_visible()
    expect(tasks.get_by_role("row", name=re.compile(r"auth\.purge_expired.*Succeeded"))).to_be_visible(timeout=15_000)
    assert serious_accessibility_violations(page) == []
    page.screenshot(path=artifacts / "task-queue-desktop.png", full_page=True)

    phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    phone.goto(live_server + "/login")
    field(phone, "Email").fill(email)
    field(phone, "Password").fill(password)
    phone.get_by_role("button", name="Sign in").click()
    expect(phone.get_by_role("heading", name="Dashboard", level=1)).to_be_visible()
    phone.goto(live_server + "/admin/tasks")
    expect(phone.get_by_role("heading", name="Task queue", level=1)).to_be_visible()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the task queue scrolls sideways on a phone ({width}px)"
    phone.screenshot(path=artifacts / "task-queue-phone.png", full_page=True)
    phone.close()
    page.close()
