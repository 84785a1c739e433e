"""Content generation and interview practice in the browser: write a cover letter for a job, edit it (a new
version), download the PDF and read it back; tailor the resume; practise an interview question and see the
streamed feedback with a score."""

from __future__ import annotations

import io
import re
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, expect
from pypdf import PdfReader

from tests.browser.conftest import serious_accessibility_violations, sign_in

pytestmark = pytest.mark.browser

RESUME = b"""Dorothy Vaughan
dorothy@example.com

SUMMARY
Engineer who automates numerical work.

EXPERIENCE
Lead Engineer, Langley Computing (2015 - 2024)
- Built data pipelines in Python and PostgreSQL that cut report time by 60%
- Ran our services on Kubernetes and automated deployments with Terraform

SKILLS
Python, PostgreSQL, Kubernetes, Terraform, Fortran
"""
DESCRIPTION = """About us
Orbital builds flight software.

Responsibilities
- Build data pipelines in Python on PostgreSQL
- Operate services on Kubernetes with Terraform

Requirements
- Python, PostgreSQL, Kubernetes; Rust is a plus
"""


def test_letter_edit_download_and_interview(live_server: str, browser: Browser, artifacts: Path) -> None:
    email, password = "mary.jackson@example.com", "Wind-Tunnel-1958"
    r = httpx.post(f"{live_server}/api/v1/auth/register", json={"email": email, "password": password})
    assert r.status_code == 201, r.text
    h = {"Authorization": f"Bearer {r.json()['access_token']}"}
    resume = httpx.post(f"{live_server}/api/v1/resumes", headers=h, files={"file": ("cv.txt", RESUME, "text/plain")})
    assert resume.status_code == 202
    posting = {"title": "Data Engineer", "company": "Orbital", "description": DESCRIPTION}
    job = httpx.post(f"{live_server}/api/v1/jobs", headers=h, json=posting).json()

    page = browser.new_page(viewport={"width": 1300, "height": 900}, accept_downloads=True)
    sign_in(page, live_server, email, password)
    page.goto(f"{live_server}/jobs/{job['id']}")
    expect(page.get_by_role("list", name="Skills this job asks for")).to_contain_text("Kubernetes", timeout=20_000)
    page.get_by_role("button", name="Write cover letter").click()
    dialog = page.get_by_role("dialog", name="Write a cover letter")
    dialog.get_by_role("radio", name=re.compile("Friendly")).check()
    dialog.get_by_role("button", name="Write cover letter").click()
    expect(page).to_have_url(re.compile(r"/documents/\d+"))
    editor = page.get_by_label("Markdown")
    expect(editor).to_have_value(re.compile("Orbital"), timeout=30_000)
    letter = editor.input_value()
    assert "Data Engineer" in letter and "Rust" not in letter  # the job's Rust is not in her resume

    editor.fill(letter + "\n\nP.S. I would love to talk about flight data.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text(re.compile(r"Version 2|2 versions|Edited", re.I)).first).to_be_visible(timeout=10_000)
    assert serious_accessibility_violations(page) == []
    page.screenshot(path=artifacts / "cover-letter.png", full_page=True)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download PDF").click()
    download = info.value
    assert download.suggested_filename.endswith(".pdf") and "Orbital" in download.suggested_filename
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(Path(download.path()).read_bytes())).pages)
    assert "flight data" in " ".join(text.split())

    # Tailor the resume: the job's skill she lacks is named, not added.
    page.goto(f"{live_server}/jobs/{job['id']}")
    page.get_by_role("button", name="Tailor resume").click()
    page.get_by_role("dialog", name="Tailor your resume").get_by_role("button", name="Tailor resume").click()
    expect(page.get_by_text(re.compile("don.t have", re.I)).first).to_be_visible(timeout=30_000)
    expect(page.get_by_text("Rust").first).to_be_visible()
    page.screenshot(path=artifacts / "tailored-resume.png", full_page=True)

    # Practise one question.
    page.goto(f"{live_server}/jobs/{job['id']}")
    page.get_by_role("button", name="Practice interview").click()
    expect(page).to_have_url(re.compile(r"/interviews/\d+"))
    answer = page.get_by_role("textbox").first
    expect(answer).to_be_visible(timeout=30_000)
    answer.fill(
        "Situation: our nightly reports took 5 hours. Task: I owned the pipeline. Action: I rewrote it in Python "
        "with PostgreSQL partitions and ran it on Kubernetes. Result: reports finished in 2 hours, 60% faster."
    )
    page.get_by_role("button", name="Submit answer").click()
    expect(page.get_by_text(re.compile(r"\d+\s*(/|out of)\s*100")).first).to_be_visible(timeout=30_000)
    assert serious_accessibility_violations(page) == []
    page.screenshot(path=artifacts / "interview.png", full_page=True)
    page.close()
