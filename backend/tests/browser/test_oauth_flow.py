"""Click "Continue with Google", approve at the (local) provider, land signed in; then see it in Settings."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, expect

pytestmark = pytest.mark.browser


def test_continue_with_google_lands_signed_in(
    live_server: str, google_issuer: str, browser: Browser, artifacts: Path
) -> None:
    sub = "browser-google-user"
    claims = {"email": "margaret@example.com", "email_verified": True, "name": "Margaret Hamilton"}
    assert httpx.put(f"{google_issuer}/users/{sub}", json=claims).status_code == 204

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_server + "/login")
    page.get_by_role("button", name="Continue with Google").or_(
        page.get_by_role("link", name="Continue with Google")
    ).click()

    # The provider's own consent page.
    expect(page).to_have_url(re.compile(re.escape(google_issuer)))
    page.locator("input[name=sub]").fill(sub)
    page.get_by_role("button", name="Authorize").click()

    expect(page.get_by_role("button", name="Sign out")).to_be_visible(timeout=15_000)
    assert page.url.startswith(live_server)
    page.screenshot(path=artifacts / "oauth-landed.png", full_page=True)

    page.goto(live_server + "/settings")
    expect(page.get_by_role("heading", name="Connected accounts")).to_be_visible()
    expect(page.get_by_text("margaret@example.com").first).to_be_visible()
    page.screenshot(path=artifacts / "settings-connected.png", full_page=True)
    context.close()


def test_provider_error_is_explained(live_server: str, browser: Browser) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(live_server + "/login")
    page.get_by_role("button", name="Continue with Google").or_(
        page.get_by_role("link", name="Continue with Google")
    ).click()
    page.get_by_role("button", name="Deny").click()
    expect(page.get_by_role("alert")).to_contain_text("cancelled")
    context.close()
