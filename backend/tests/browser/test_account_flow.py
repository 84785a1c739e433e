"""A new user registers, edits the profile, signs out, signs back in and finds the profile kept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import field

pytestmark = pytest.mark.browser

EMAIL = "grace@example.com"
PASSWORD = "Flow-Matic-Compiler-1959"


def _no_horizontal_scroll(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"))


def test_register_edit_profile_sign_out_and_back_in(live_server: str, browser: Browser, artifacts: Path) -> None:
    context = browser.new_context(viewport={"width": 1366, "height": 900}, timezone_id="Europe/Berlin")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    page.goto(live_server + "/")
    expect(page).to_have_url(re.compile(r"/login"))
    page.get_by_role("link", name="Create account").click()
    field(page, "Full name").fill("Grace Hopper")
    field(page, "Email").fill(EMAIL)
    field(page, "Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()

    expect(page.get_by_role("heading", name="Dashboard", level=1)).to_be_visible()
    expect(page.get_by_text("Grace", exact=False).first).to_be_visible()
    page.screenshot(path=artifacts / "dashboard-desktop.png", full_page=True)

    page.get_by_role("navigation").get_by_role("link", name="Profile").click()
    expect(page.get_by_role("heading", name="Profile", level=1)).to_be_visible()
    # The timezone was taken from the browser at sign-up.
    expect(page.get_by_role("combobox", name=re.compile("^Timezone"))).to_have_value("Europe/Berlin")
    field(page, "Full name").fill("Rear Admiral Grace Hopper")
    goal = field(page, "Daily application goal")
    goal.fill("8")
    skill = field(page, "Add skill")
    for name in ("COBOL", "Compilers", "cobol"):
        skill.fill(name)
        skill.press("Enter")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Profile saved")).to_be_visible()
    page.screenshot(path=artifacts / "profile-desktop.png", full_page=True)

    page.get_by_role("button", name="Sign out").first.click()
    expect(page).to_have_url(re.compile(r"/login"))
    # Signed out means signed out: a reload does not sign us back in.
    page.reload()
    expect(page).to_have_url(re.compile(r"/login"))

    field(page, "Email").fill(EMAIL)
    field(page, "Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("Wrong email or password")
    field(page, "Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()

    page.goto(live_server + "/profile")  # a reload keeps the session (refresh cookie)
    expect(field(page, "Full name")).to_have_value("Rear Admiral Grace Hopper")
    expect(field(page, "Daily application goal")).to_have_value("8")
    expect(page.get_by_role("button", name="Remove COBOL")).to_be_visible()
    expect(page.get_by_role("button", name="Remove Compilers")).to_be_visible()
    assert page.get_by_role("button", name=re.compile("^Remove cobol$")).count() == 0

    phone = browser.new_context(
        viewport={"width": 390, "height": 844},
        storage_state=context.storage_state(),
        is_mobile=True,
        has_touch=True,
    )
    ppage = phone.new_page()
    for path, name in (("/", "dashboard"), ("/profile", "profile"), ("/settings", "settings")):
        ppage.goto(live_server + path)
        expect(ppage.get_by_role("heading", level=1)).to_be_visible()
        ppage.screenshot(path=artifacts / f"{name}-phone.png", full_page=True)
        assert _no_horizontal_scroll(ppage), f"{path} scrolls sideways at 390 px"
    phone.close()
    context.close()
    assert not [e for e in errors if "401" not in e], errors


def test_sign_in_page_is_keyboard_usable(live_server: str, browser: Browser, artifacts: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_server + "/login")
    expect(field(page, "Email")).to_be_visible()
    page.screenshot(path=artifacts / "login-phone.png", full_page=True)
    assert _no_horizontal_scroll(page)
    field(page, "Email").focus()
    page.keyboard.type("nobody@example.com")
    page.keyboard.press("Tab")
    page.keyboard.type("Some-Password-123")
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("Wrong email or password")
    context.close()
