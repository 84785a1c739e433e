"""Two tabs of one user: a status change in one shows in the other's board and dashboard without a reload."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import field

pytestmark = pytest.mark.browser


def test_status_change_in_one_tab_shows_in_the_other(live_server: str, browser: Browser, artifacts: Path) -> None:
    email, password = "annie@example.com", "Hubble-Photometry-1929"
    r = httpx.post(
        f"{live_server}/api/v1/auth/register", json={"email": email, "password": password, "full_name": "Annie Easley"}
    )
    h = {"Authorization": f"Bearer {r.json()['access_token']}"}
    job = httpx.post(
        f"{live_server}/api/v1/jobs", headers=h, json={"title": "Rocket Software Engineer", "company": "NASA Lewis"}
    ).json()
    httpx.post(f"{live_server}/api/v1/applications", headers=h, json={"job_posting_id": job["id"]})

    context = browser.new_context(viewport={"width": 1500, "height": 900})
    first = context.new_page()
    first.goto(live_server + "/login")
    field(first, "Email").fill(email)
    field(first, "Password").fill(password)
    first.get_by_role("button", name="Sign in").click()
    expect(first.get_by_role("heading", name="Dashboard", level=1)).to_be_visible()
    interested_tile = first.get_by_role("link", name=re.compile(r"^1 Interested"))
    expect(interested_tile).to_be_visible()

    second = context.new_page()  # another tab, same session
    second.goto(live_server + "/board")
    expect(second.get_by_role("heading", name="Board", level=1)).to_be_visible()
    board = context.new_page()
    board.goto(live_server + "/board")
    applied = board.get_by_role("region", name="Applied", exact=True)
    expect(applied.get_by_text("Rocket Software Engineer")).to_have_count(0)

    # Move it in the second tab with the card's menu.
    second.get_by_role("button", name="Actions for Rocket Software Engineer").click()
    second.get_by_role("menuitem", name="Move to Applied").click()
    expect(
        second.get_by_role("region", name="Applied", exact=True).get_by_text("Rocket Software Engineer")
    ).to_be_visible()

    # The other tabs follow without a reload.
    expect(applied.get_by_text("Rocket Software Engineer")).to_be_visible(timeout=10_000)
    expect(first.get_by_role("link", name=re.compile(r"^1 Applied"))).to_be_visible(timeout=10_000)
    # The Today card counts the application sent today, live too.
    expect(first.get_by_role("region", name="Today").get_by_text("1 of 5 applications today")).to_be_visible()
    board.screenshot(path=artifacts / "board-live-update.png", full_page=True)
    context.close()
