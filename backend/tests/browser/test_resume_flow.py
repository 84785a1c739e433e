"""The AI core in the browser: drop a two-column PDF resume on the profile, watch it being read, review the skills
found (leave one out, add one), and see them in the profile; a hand-added job shows its skills and duties; a
scanned PDF is refused in words; Settings shows the (offline) AI provider and its connection test."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import field, serious_accessibility_violations, sign_in
from tests.resumes.factories import scanned_pdf, two_column_pdf

pytestmark = pytest.mark.browser


def test_resume_upload_review_and_job_skills(
    live_server: str, browser: Browser, artifacts: Path, tmp_path: Path
) -> None:
    email, password = "mae.jemison@example.com", "Endeavour-Mission-1992"
    r = httpx.post(f"{live_server}/api/v1/auth/register", json={"email": email, "password": password})
    assert r.status_code == 201, r.text
    h = {"Authorization": f"Bearer {r.json()['access_token']}"}
    httpx.put(f"{live_server}/api/v1/users/me/skills", headers=h, json={"skills": [{"name": "Python"}]})
    resume = tmp_path / "katherine-resume.pdf"
    resume.write_bytes(two_column_pdf())
    scanned = tmp_path / "scan.pdf"
    scanned.write_bytes(scanned_pdf())

    page = browser.new_page(viewport={"width": 1300, "height": 900})
    sign_in(page, live_server, email, password)
    page.goto(live_server + "/profile")
    card = page.get_by_role("region", name=re.compile("Resume"))
    card.get_by_label("Resume file", exact=True).set_input_files(str(resume))
    expect(page.get_by_text("Skills found in katherine-resume.pdf")).to_be_visible(timeout=30_000)
    to_add = page.get_by_role("list", name="Skills to add")
    chips = to_add.get_by_role("button")
    expect(chips.first).to_be_visible()
    found = [c.split("\n")[-1].strip() for c in chips.all_inner_texts()]  # after the aria-hidden mark
    assert "Kubernetes" in found and "PostgreSQL" in found, found
    expect(page.get_by_role("list", name="Already in your profile")).to_contain_text("Python")  # typed before

    # Leave Kubernetes out, add GraphQL by hand, confirm.
    kubernetes = to_add.get_by_role("button", name=re.compile("^Kubernetes"))
    kubernetes.click()
    expect(kubernetes).to_have_attribute("aria-pressed", "false")
    field(page, "Add a skill the resume does not mention").fill("GraphQL")
    page.keyboard.press("Enter")
    expect(to_add.get_by_role("button", name=re.compile("^GraphQL"))).to_be_visible()
    assert serious_accessibility_violations(page) == []
    page.screenshot(path=artifacts / "profile-resume-review.png", full_page=True)
    page.get_by_role("button", name=re.compile(r"^Add \d+ skills? to profile$")).click()

    def profile_skills() -> dict[str, str]:
        body = httpx.get(f"{live_server}/api/v1/users/me", headers=h).json()
        return {s["name"]: s["source"] for s in body["skills"]}

    expect(page.get_by_text(re.compile(r"Added \d+ skills? to your profile")).first).to_be_visible(timeout=10_000)
    skills = profile_skills()
    assert skills["PostgreSQL"] == "resume" and skills["GraphQL"] == "resume" and skills["Python"] == "manual"
    assert "Kubernetes" not in skills

    # A scanned PDF: refused in words, nothing added.
    page.goto(live_server + "/profile")
    upload_again = page.get_by_role("button", name=re.compile("Upload another|Upload a new|New resume", re.I))
    if upload_again.count():
        upload_again.first.click()
    page.get_by_label("Resume file", exact=True).set_input_files(str(scanned))
    expect(page.get_by_role("alert").filter(has_text="no extractable text")).to_be_visible(timeout=30_000)
    assert profile_skills() == skills

    # A job added by hand gets its skills and responsibilities in the background.
    description = (
        "About the team\nWe run the data platform.\n\nResponsibilities\n- Build streaming pipelines with Apache Kafka"
        " and PostgreSQL\n- Operate our Kubernetes clusters on AWS\n\nRequirements\n- Python and Terraform"
    )
    job = httpx.post(
        f"{live_server}/api/v1/jobs",
        headers=h,
        json={"title": "Data Platform Engineer", "company": "Stellar", "description": description},
    ).json()
    page.goto(f"{live_server}/jobs/{job['id']}")
    asks = page.get_by_role("list", name="Skills this job asks for")
    expect(asks.get_by_text("Apache Kafka")).to_be_visible(timeout=20_000)
    expect(asks.get_by_text("PostgreSQL")).to_be_visible()
    expect(page.get_by_role("region", name="Responsibilities")).to_contain_text("streaming pipelines")
    assert serious_accessibility_violations(page) == []
    page.screenshot(path=artifacts / "job-skills.png", full_page=True)

    page.goto(live_server + "/settings")
    ai = page.get_by_role("region", name="AI provider")
    expect(ai).to_contain_text(re.compile("offline", re.I))
    ai.get_by_role("button", name="Test connection").click()
    expect(ai).to_contain_text(re.compile("no network used", re.I), timeout=10_000)
    page.close()
