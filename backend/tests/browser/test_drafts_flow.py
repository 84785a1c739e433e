"""Drafts worth sending, in the browser: upload a resume on the profile, check its structure and correct a misread
role, write a cover letter (with "why this company" in the user's words), select a sentence and see its source
(the corrected role, not the misread one), tailor the resume, pick a template and download the PDF, which reads
back with every role, employer and bullet."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import serious_accessibility_violations, sign_in

pytestmark = pytest.mark.browser

RESUME = """Katherine Johnson
katherine.johnson@example.com | +1 757 555 0142 | Hampton, VA

SUMMARY
Analyst who turns flight data into decisions.

EXPERIENCE
Senior Data Analyst, Langley Computing (2016 - Present)
• Built weekly Tableau dashboards for twelve flight programmes
• Cut report preparation from 2 days to 3 hours with SQL views
• Forecast fuel use with R models that the planning team adopted

Data Analyst, Tidewater Research (2012 - 2016)
• Cleaned and joined telemetry from four test ranges in Python
• Wrote the quarterly trajectory report read by 40 engineers

EDUCATION
BSc Mathematics, West Virginia State College (2008 - 2012)

SKILLS
SQL, Tableau, Python, R, Excel
"""
DESCRIPTION = """About us
Harbor Health runs clinics across Virginia.

Responsibilities
- Build dashboards in Tableau for clinic managers
- Write SQL to prepare weekly reports
- Forecast patient demand with statistical models

Requirements
- SQL, Tableau, Python; Snowflake is a plus
"""
WHY = "Harbor Health's clinics served my family in Hampton, and I would like my reports to help them."
BULLETS = [line[2:] for line in RESUME.splitlines() if line.startswith("• ")]


def test_structure_letter_sources_tailor_download(
    live_server: str, browser: Browser, artifacts: Path, tmp_path: Path
) -> None:
    email, password = "katherine.johnson@example.com", "Orbit-Trajectory-1962"
    r = httpx.post(f"{live_server}/api/v1/auth/register", json={"email": email, "password": password})
    assert r.status_code == 201, r.text
    h = {"Authorization": f"Bearer {r.json()['access_token']}"}
    posting = {"title": "Data Analyst", "company": "Harbor Health", "description": DESCRIPTION}
    job = httpx.post(f"{live_server}/api/v1/jobs", headers=h, json=posting).json()
    upload = tmp_path / "katherine.txt"
    upload.write_text(RESUME)

    page = browser.new_page(viewport={"width": 1300, "height": 900}, accept_downloads=True)
    sign_in(page, live_server, email, password)

    # Upload, then check the structure: two roles read from the text; correct the employer of the first.
    page.goto(live_server + "/profile")
    page.get_by_label("Resume file", exact=True).set_input_files(str(upload))
    structure = page.get_by_role("region", name="Your resume, as structure")
    expect(structure).to_be_visible(timeout=30_000)
    expect(structure.get_by_text("Read from your file — check it")).to_be_visible()
    first = structure.get_by_role("group", name=re.compile(r"^Role 1: Senior Data Analyst at Langley Computing"))
    second = structure.get_by_role("group", name=re.compile(r"^Role 2: Data Analyst at Tidewater Research"))
    roles = structure.get_by_role("button", name="Roles (2)")  # parts are collapsible: open the roles
    expect(roles).to_be_visible()
    if roles.get_attribute("aria-expanded") != "true":
        roles.click()
    expect(roles).to_have_attribute("aria-expanded", "true")
    expect(first.get_by_label("Employer")).to_have_value("Langley Computing")
    expect(second.get_by_label("Employer")).to_have_value("Tidewater Research")
    first.get_by_label("Employer").fill("NASA Langley Research Center")
    structure.get_by_role("button", name="Save structure").click()
    expect(structure.get_by_text("Corrected by you")).to_be_visible(timeout=10_000)
    assert serious_accessibility_violations(page) == []
    page.screenshot(path=artifacts / "resume-structure.png", full_page=True)
    stored = httpx.get(f"{live_server}/api/v1/resumes", headers=h).json()["items"][0]
    saved = httpx.get(f"{live_server}/api/v1/resumes/{stored['id']}", headers=h).json()
    assert [w["name"] for w in saved["structure"]["work"]] == ["NASA Langley Research Center", "Tidewater Research"]

    # Write the letter with the user's own "why this company".
    page.goto(f"{live_server}/jobs/{job['id']}")
    page.get_by_role("button", name="Write cover letter").click()
    dialog = page.get_by_role("dialog", name="Write a cover letter")
    dialog.get_by_label("Why this company?").fill(WHY)
    dialog.get_by_role("button", name="Write cover letter").click()
    expect(page).to_have_url(re.compile(r"/documents/\d+"))
    sources = page.get_by_role("region", name="Where each sentence comes from")
    expect(sources).to_be_visible(timeout=30_000)
    letter = page.get_by_label("Markdown").input_value()
    assert WHY in letter and "[Why Harbor Health" not in letter  # her words, not the placeholder
    assert "NASA Langley Research Center" in letter and "Langley Computing" not in letter
    assert "Snowflake" not in letter  # the posting's skill she lacks is never claimed
    for glyph in ("•", "◦", "From my resume"):
        assert glyph not in letter

    # Select the sentence about the corrected role: its source is that role and bullet.
    sentence = sources.get_by_role("button", name=re.compile("NASA Langley Research Center")).first
    sentence.click()
    panel = sources.get_by_role("list", name="Sources of this sentence")
    expect(panel).to_contain_text("NASA Langley Research Center")
    expect(panel).to_contain_text(re.compile("Senior Data Analyst"))
    assert serious_accessibility_violations(page) == []
    page.screenshot(path=artifacts / "letter-sources.png", full_page=True)

    # Tailor: every role and bullet kept; download the Compact PDF and read it back independently.
    page.goto(f"{live_server}/jobs/{job['id']}")
    page.get_by_role("button", name="Tailor resume").click()
    page.get_by_role("dialog", name="Tailor your resume").get_by_role("button", name="Tailor resume").click()
    expect(page.get_by_text(re.compile("don.t have", re.I)).first).to_be_visible(timeout=30_000)
    expect(page.get_by_text("Snowflake").first).to_be_visible()
    page.get_by_label("Template").select_option(value="compact")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download PDF").click()
    pdf = tmp_path / "tailored.pdf"
    info.value.save_as(pdf)  # the download itself goes with the page
    assert pdf.read_bytes()[:5] == b"%PDF-"
    page.screenshot(path=artifacts / "tailored-template.png", full_page=True)
    page.close()

    assert shutil.which("pdftotext"), "poppler-utils is installed by `make browser-deps`"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    for name in ("NASA Langley Research Center", "Tidewater Research", "Senior Data Analyst", "Tableau", "SQL"):
        assert name in flat, name
    for bullet in BULLETS:
        assert bullet in flat, bullet
    assert "Snowflake" not in flat
