"""Add a job, track it, drag it across the board by mouse and by keyboard, reload, see the moves and timeline kept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.browser.conftest import field, register_in_browser, serious_accessibility_violations

pytestmark = pytest.mark.browser

TITLE = "Compiler Engineer"


def column(page: Page, label: str) -> Locator:
    return page.get_by_role("region", name=label, exact=True)


def drag_by_mouse(page: Page, handle: Locator, target: Locator) -> None:
    """A real pointer drag: press, move past the activation distance, travel in steps, release."""
    page.wait_for_load_state("networkidle")  # the board settles after the previous move's refetch
    page.wait_for_timeout(300)
    box = handle.bounding_box()
    dest = target.bounding_box()
    assert box and dest
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 12, y + 6, steps=4)
    page.mouse.move(dest["x"] + dest["width"] / 2, dest["y"] + min(120, dest["height"] / 2), steps=25)
    page.wait_for_timeout(250)
    page.mouse.move(dest["x"] + dest["width"] / 2 + 2, dest["y"] + min(122, dest["height"] / 2), steps=2)
    page.wait_for_timeout(150)
    page.mouse.up()


def test_add_track_drag_reload_timeline(live_server: str, browser: Browser, artifacts: Path) -> None:
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    register_in_browser(page, live_server, "Frances Allen", "frances@example.com", "Optimising-Compilers-1966")

    page.get_by_role("navigation").get_by_role("link", name="Jobs", exact=True).click()
    expect(page.get_by_role("heading", name="Jobs", level=1)).to_be_visible()
    page.get_by_role("link", name="Add job").first.click()
    expect(page.get_by_role("heading", name="Add job", level=1)).to_be_visible()
    field(page, "Title").fill(TITLE)
    field(page, "Company").fill("IBM Research")
    field(page, "Location").fill("Yorktown Heights")
    field(page, "Description").fill(
        "<p>Work on <b>optimizing compilers</b> in C++ and Fortran.</p><script>x()</script>"
    )
    page.get_by_role("button", name="Save job").click()
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    # The sanitised description keeps its bold text (the Responsibilities card may quote the same words).
    expect(page.get_by_role("region", name="Description").locator("b", has_text="optimizing compilers")).to_be_visible()
    violations = serious_accessibility_violations(page)
    assert not violations, violations

    page.get_by_role("button", name="Track this job").click()
    expect(
        page.get_by_role("textbox", name=re.compile("^Status")).or_(page.get_by_label(re.compile("^Status")).first)
    ).to_be_visible()

    page.get_by_role("navigation").get_by_role("link", name="Board", exact=True).click()
    expect(page.get_by_role("heading", name="Board", level=1)).to_be_visible()
    handle = page.get_by_role("button", name=f"Move {TITLE}")
    expect(column(page, "Interested").get_by_text(TITLE)).to_be_visible()

    drag_by_mouse(page, handle, column(page, "Applied"))
    expect(column(page, "Applied").get_by_text(TITLE)).to_be_visible()
    drag_by_mouse(page, page.get_by_role("button", name=f"Move {TITLE}"), column(page, "Interview"))
    expect(column(page, "Interview").get_by_text(TITLE)).to_be_visible()

    # Keyboard: focus the handle, pick up with Space, one column right, drop with Space.
    page.get_by_role("button", name=f"Move {TITLE}").focus()
    page.keyboard.press("Space")
    page.wait_for_timeout(200)
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(200)
    page.keyboard.press("Space")
    expect(column(page, "Offer").get_by_text(TITLE)).to_be_visible()
    page.screenshot(path=artifacts / "board-desktop.png", full_page=True)
    violations = serious_accessibility_violations(page)
    assert not violations, violations

    page.reload()
    expect(column(page, "Offer").get_by_text(TITLE)).to_be_visible()
    expect(column(page, "Interested").get_by_text(TITLE)).to_have_count(0)

    # Offer -> Interested skips back two stages: refused with a reason, and the card stays put.
    drag_by_mouse(page, page.get_by_role("button", name=f"Move {TITLE}"), column(page, "Interested"))
    expect(page.get_by_text(re.compile("not allowed", re.I)).first).to_be_visible()
    expect(column(page, "Offer").get_by_text(TITLE)).to_be_visible()
    page.reload()
    expect(column(page, "Offer").get_by_text(TITLE)).to_be_visible()

    page.get_by_role("link", name=TITLE).first.click()
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    timeline = page.get_by_role("heading", name="Timeline", level=2).locator("xpath=following::ol[1]")
    expect(timeline.get_by_role("listitem")).to_have_count(4)
    text = timeline.inner_text()
    positions = [text.find(s) for s in ("Interested", "Applied", "Interview", "Offer")]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), text
    page.screenshot(path=artifacts / "job-desktop.png", full_page=True)

    page.goto(live_server + "/jobs")
    expect(page.get_by_role("heading", name="Jobs", level=1)).to_be_visible()
    violations = serious_accessibility_violations(page)
    assert not violations, violations
    page.screenshot(path=artifacts / "jobs-desktop.png", full_page=True)
    context.close()


def test_board_on_a_phone_has_no_sideways_scroll(live_server: str, browser: Browser, artifacts: Path) -> None:
    import httpx

    email, password = "kathleen@example.com", "Assembly-Language-1947"
    r = httpx.post(
        f"{live_server}/api/v1/auth/register",
        json={"email": email, "password": password, "full_name": "Kathleen Booth"},
    )
    h = {"Authorization": f"Bearer {r.json()['access_token']}"}
    job = httpx.post(
        f"{live_server}/api/v1/jobs", headers=h, json={"title": "ARC Programmer", "company": "Birkbeck"}
    ).json()
    app = httpx.post(f"{live_server}/api/v1/applications", headers=h, json={"job_posting_id": job["id"]}).json()
    httpx.patch(f"{live_server}/api/v1/applications/{app['id']}", headers=h, json={"status": "rejected"})

    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(live_server + "/login")
    field(page, "Email").fill(email)
    field(page, "Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Dashboard", level=1)).to_be_visible()
    page.goto(live_server + "/board")
    expect(page.get_by_role("heading", name="Board", level=1)).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), (
        "board scrolls sideways at 390 px"
    )
    page.screenshot(path=artifacts / "board-phone.png", full_page=True)
    context.close()
