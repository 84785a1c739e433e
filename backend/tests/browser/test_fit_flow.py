"""How well do I fit?, in the browser: a resume laid out in two columns is uploaded and its check says so; a job
page shows "How you match" with its parts in words, the profile skill the resume never says as a thing to do, and a
missing skill offered only as missing; the same at 390 px; no serious accessibility violations."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import serious_accessibility_violations, sign_in
from tests.resumes.factories import two_column_pdf

pytestmark = pytest.mark.browser

DESCRIPTION = """About us
Harbor Health runs clinics across Virginia.

Requirements
- 3+ years of experience building backend services
- Python and PostgreSQL
- GraphQL

Nice to have
- Snowflake

We are unable to sponsor visas for this role.
"""


def test_resume_check_and_match_card(live_server: str, browser: Browser, artifacts: Path, tmp_path: Path) -> None:
    email, password = "jane@example.com", "Fortran-Langley-1949"
    r = httpx.post(f"{live_server}/api/v1/auth/register", json={"email": email, "password": password})
    assert r.status_code == 201, r.text
    h = {"Authorization": f"Bearer {r.json()['access_token']}"}
    httpx.put(f"{live_server}/api/v1/users/me/skills", headers=h, json={"skills": [{"name": "GraphQL"}]})
    job = httpx.post(
        f"{live_server}/api/v1/jobs",
        headers=h,
        json={"title": "Senior Backend Engineer", "company": "Harbor Health", "description": DESCRIPTION},
    ).json()
    resume = tmp_path / "two-columns.pdf"
    resume.write_bytes(two_column_pdf())

    page = browser.new_page(viewport={"width": 1300, "height": 900})
    sign_in(page, live_server, email, password)
    page.goto(live_server + "/profile")
    page.get_by_label("Resume file", exact=True).set_input_files(str(resume))
    check = page.get_by_role("region", name=re.compile("Resume check"))
    expect(check).to_be_visible(timeout=30_000)
    expect(check).to_contain_text(re.compile(r"\d+ of 100"))
    expect(check).to_contain_text(re.compile("column", re.IGNORECASE))  # the two-column layout is flagged
    page.screenshot(path=artifacts / "resume-check.png", full_page=True)

    page.goto(f"{live_server}/jobs/{job['id']}")
    card = page.get_by_role("region", name="How you match")
    expect(card.get_by_text(re.compile(r"of 100: "))).to_be_visible(timeout=15_000)
    parts = card.get_by_role("list", name="The parts of the score")
    for label in ("Role", "Must-have skills", "Seniority", "Experience", "Location and eligibility"):
        expect(parts).to_contain_text(label)
    expect(parts).to_contain_text("No visa sponsorship")
    expect(card.get_by_role("list", name="Say it in your resume")).to_contain_text("GraphQL")
    expect(card.get_by_role("list", name="Missing")).to_contain_text("Snowflake")
    suggestion = card.get_by_text(re.compile("Your resume never says GraphQL, though your profile does"))
    expect(suggestion).to_be_visible()
    assert "Snowflake" not in suggestion.inner_text()  # a skill she has nowhere is never suggested
    assert serious_accessibility_violations(page) == []
    page.screenshot(path=artifacts / "match-card.png", full_page=True)

    phone = browser.new_page(viewport={"width": 390, "height": 844})
    sign_in(phone, live_server, email, password)
    phone.goto(f"{live_server}/jobs/{job['id']}")
    card = phone.get_by_role("region", name="How you match")
    expect(card.get_by_text(re.compile(r"of 100: "))).to_be_visible(timeout=15_000)
    width = phone.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390, f"the job page scrolls sideways at 390 px ({width} px wide)"
    phone.screenshot(path=artifacts / "match-card-phone.png", full_page=True)
