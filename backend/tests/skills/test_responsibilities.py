"""Responsibilities extraction from job postings."""

from __future__ import annotations

from app.skills.responsibilities import extract_responsibilities

WITH_SECTION = """Senior Backend Engineer

About us
We are a fintech startup in Berlin with 40 people.

Responsibilities:
- Design and build scalable REST APIs in Python
- Maintain our PostgreSQL data pipelines;
- mentor junior engineers
- Participate in code reviews.

Requirements
- 5+ years of Python
- Experience with AWS

Benefits
- 30 days of holiday
"""

WHAT_YOULL_DO = """We are hiring a data analyst to join our growth team.

What you'll do
* Build dashboards in Tableau for the sales team
* Analyse customer churn and present findings to leadership
* Own the weekly KPI report

What we're looking for
* SQL and Excel
* Curiosity
"""

NO_SECTIONS = (
    "Acme Clinic is looking for a nurse to join our team. You will assess patients, administer medication and keep "
    "accurate records. You will be responsible for coordinating care with doctors. You should have a valid license "
    "and 2 years of experience. We offer a competitive salary."
)


class TestExtractResponsibilities:
    def test_responsibilities_section(self) -> None:
        assert extract_responsibilities(WITH_SECTION) == [
            "Design and build scalable REST APIs in Python",
            "Maintain our PostgreSQL data pipelines",
            "Mentor junior engineers",
            "Participate in code reviews",
        ]

    def test_what_youll_do_bullets(self) -> None:
        assert extract_responsibilities(WHAT_YOULL_DO) == [
            "Build dashboards in Tableau for the sales team",
            "Analyse customer churn and present findings to leadership",
            "Own the weekly KPI report",
        ]

    def test_posting_without_sections(self) -> None:
        assert extract_responsibilities(NO_SECTIONS) == [
            "Assess patients, administer medication and keep accurate records",
            "Coordinating care with doctors",
        ]

    def test_the_role_paragraph_keeps_duties_only(self) -> None:
        text = (
            "The role\nAs a Platform Engineer you will own our Kubernetes clusters. You'll automate deployments with "
            "Terraform. We value curiosity.\n\nAbout you\nYou have 3 years of DevOps experience."
        )
        assert extract_responsibilities(text) == [
            "Own our Kubernetes clusters",
            "Automate deployments with Terraform",
        ]

    def test_inline_header_and_numbered_items(self) -> None:
        text = (
            "Key responsibilities: 1. Plan the sprint backlog\n2. Run daily stand-ups\n3) Report progress to managers"
        )
        assert extract_responsibilities(text) == [
            "Plan the sprint backlog",
            "Run daily stand-ups",
            "Report progress to managers",
        ]

    def test_limit(self) -> None:
        bullets = "\n".join(f"- Build feature number {i} end to end" for i in range(20))
        assert len(extract_responsibilities("Responsibilities\n" + bullets, limit=5)) == 5

    def test_nothing_to_find(self) -> None:
        assert extract_responsibilities("") == []
        assert extract_responsibilities("Great company. Great pay. Apply now!") == []
        assert extract_responsibilities("Requirements\n- Python\n- SQL") == []
