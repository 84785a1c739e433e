"""Your data in the browser: prepare and download an export, delete the account, import the ZIP into a new one."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import field, serious_accessibility_violations

pytestmark = pytest.mark.browser


def sign_in(page: Page, base: str, email: str, password: str) -> None:
    page.goto(base + "/login")
    field(page, "Email").fill(email)
    field(page, "Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()  # lands where the last session was


def test_export_delete_and_import(live_server: str, browser: Browser, artifacts: Path, tmp_path: Path) -> None:
    email, password = "mary@example.com", "Analytical-Engine-1843"
    r = httpx.post(f"{live_server}/api/v1/auth/register", json={"email": email, "password": password})
    h = {"Authorization": f"Bearer {r.json()['access_token']}"}
    job = httpx.post(f"{live_server}/api/v1/jobs", headers=h, json={"title": "Navigator", "company": "Royal Navy"})
    httpx.post(f"{live_server}/api/v1/applications", headers=h, json={"job_posting_id": job.json()["id"]})

    page = browser.new_page(viewport={"width": 1300, "height": 900}, accept_downloads=True)
    sign_in(page, live_server, email, password)
    page.goto(live_server + "/settings")
    data = page.get_by_role("region", name="Your data")
    # The page has loaded what it shows (its last request is the export list) before the click: a click while the
    # signed-in shell settles was lost once (no request reached the server) with the suite's workers busy beside it.
    expect(data.get_by_text("You have not exported your data yet.")).to_be_visible()
    data.get_by_role("button", name="Prepare my data export").click()
    link = data.get_by_role("link", name=re.compile(r"^Download export #\d+$"))
    expect(link).to_be_visible(timeout=20_000)  # built by the embedded worker, the list polls until ready
    with page.expect_download() as info:
        link.click()
    archive = tmp_path / "export.zip"
    info.value.save_as(archive)
    with zipfile.ZipFile(archive) as zf:
        assert "data/applications.json" in zf.namelist()
    assert serious_accessibility_violations(page) == []
    page.screenshot(path=artifacts / "settings-your-data.png", full_page=True)

    data.get_by_role("button", name="Delete my account…").click()
    dialog = page.get_by_role("dialog", name="Delete your account?")
    confirm = dialog.get_by_role("button", name="Delete my account forever")
    expect(confirm).to_be_disabled()
    dialog.get_by_label("Your password").fill("not-my-password-1")
    confirm.click()
    expect(dialog.get_by_role("alert")).to_contain_text("not deleted")
    dialog.get_by_label("Your password").fill(password)
    confirm.click()
    expect(page).to_have_url(re.compile(r"/login"))
    expect(page.get_by_text("Your account was deleted")).to_be_visible()
    gone = httpx.post(f"{live_server}/api/v1/auth/login", json={"email": email, "password": password})
    assert gone.status_code == 401

    r = httpx.post(f"{live_server}/api/v1/auth/register", json={"email": "mary@example.org", "password": password})
    assert r.status_code == 201
    sign_in(page, live_server, "mary@example.org", password)
    page.goto(live_server + "/settings")
    page.locator('input[type="file"][name="file"]').set_input_files(str(archive))
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_text(re.compile(r"^Imported 1 jobs? and 1 applications?$"))).to_be_visible(timeout=10_000)
    page.goto(live_server + "/board")
    expect(page.get_by_text("Navigator").first).to_be_visible()
    page.close()
