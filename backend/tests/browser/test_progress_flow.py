"""A new user goes through the guided setup, earns achievements live, and sees Analytics follow a status change
made in another tab without a reload."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import field, serious_accessibility_violations

pytestmark = pytest.mark.browser


def test_guided_setup_achievements_and_live_analytics(live_server: str, browser: Browser, artifacts: Path) -> None:
    email, password = "dorothy@example.com", "Vaughan-Fortran-1961"
    r = httpx.post(f"{live_server}/api/v1/auth/register", json={"email": email, "password": password})
    assert r.status_code == 201
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(live_server + "/login")
    field(page, "Email").fill(email)
    field(page, "Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Dashboard", level=1)).to_be_visible()

    page.get_by_role("region", name="Get started").get_by_role("link", name="Start the guided setup").click()
    expect(page.get_by_role("heading", name="Welcome to Career Copilot")).to_be_visible()
    page.get_by_role("button", name="Get started").click()
    expect(page.get_by_role("heading", name="About you")).to_be_visible()
    page.get_by_label("Daily application goal").fill("2")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Your skills")).to_be_visible()
    skills = page.get_by_label("Skills")
    for skill in ("Fortran", "Python"):
        skills.fill(skill)
        skills.press("Enter")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="What are you looking for?")).to_be_visible()
    page.reload()  # resumable: the step is kept on the server
    expect(page.get_by_role("heading", name="What are you looking for?")).to_be_visible()
    page.get_by_label("Keywords").fill("python engineer")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", name="Track your first job")).to_be_visible()
    page.get_by_label("Title").fill("Numerical Analyst")
    page.get_by_label("Company").fill("NACA")
    page.get_by_role("button", name="Track this job").click()
    expect(page.get_by_role("heading", name="Your board")).to_be_visible()
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Finish").click()
    expect(page).to_have_url(re.compile(r"/board$"))
    expect(page.get_by_text("Achievement unlocked: Ready for Take-off").first).to_be_visible(timeout=10_000)

    page.goto(live_server + "/achievements")
    achievements = page.get_by_role("list", name="Achievements")
    expect(achievements.get_by_role("article", name="Ready for Take-off")).to_contain_text("Earned on")
    expect(achievements.get_by_role("article", name="On the Hunt")).to_contain_text("Earned on")
    page.screenshot(path=artifacts / "achievements-desktop.png", full_page=True)

    # Analytics in one tab follows a move made in another.
    page.goto(live_server + "/analytics")
    funnel = page.get_by_role("region", name="Funnel")
    expect(funnel.get_by_role("list", name="Funnel")).to_contain_text("1 Tracked")
    expect(funnel.get_by_role("list", name="Funnel")).to_contain_text("0 Applied")
    board = context.new_page()
    board.goto(live_server + "/board")
    board.get_by_role("button", name="Actions for Numerical Analyst").click()
    board.get_by_role("menuitem", name="Move to Applied").click()
    expect(funnel.get_by_role("list", name="Funnel")).to_contain_text("1 Applied", timeout=10_000)
    assert serious_accessibility_violations(page) == []
    page.screenshot(path=artifacts / "analytics-desktop.png", full_page=True)
    context.close()
