"""split_sections: headings as people write them; contact before the first one; prose there is a summary."""

from __future__ import annotations

import pytest

from app.resumes.sections import SECTION_KEYS, heading_key, split_sections


class TestHeadingKey:
    @pytest.mark.parametrize(
        ("line", "key"),
        [
            ("EXPERIENCE", "experience"),
            ("Work History", "experience"),
            ("Professional Experience:", "experience"),
            ("EMPLOYMENT HISTORY", "experience"),
            ("Education", "education"),
            ("Technical Skills", "skills"),
            ("Skills & Tools", "skills"),
            ("SKILLS / TOOLS", "skills"),
            ("Core Competencies", "skills"),
            ("Cloud Skills", "skills"),
            ("Summary", "summary"),
            ("Profile", "summary"),
            ("ABOUT ME", "summary"),
            ("Projects", "projects"),
            ("Open Source", "projects"),
            ("Licenses & Certifications", "certifications"),
            ("Certifications", "certifications"),
            ("Education & Certifications", "education"),
            ("Awards", "other"),
            ("Volunteering", "other"),
            ("E X P E R I E N C E", "experience"),
            ("P ROFESSIONAL E XPERIENCE", "experience"),
            ("E xp er ie nc e", "experience"),
            ("Ke y S ki ll s", "skills"),
            ("Career Experience/Job History:", "experience"),
            ("Educational Qualification", "education"),
            ("■ SKILLS ■", "skills"),
            ("## Education", "education"),
            ("Contact", "contact"),
        ],
    )
    def test_headings(self, line: str, key: str) -> None:
        assert heading_key(line) == key
        assert key in SECTION_KEYS

    @pytest.mark.parametrize(
        "line",
        [
            "ACME CORPORATION",  # a company in capitals
            "Senior Software Engineer",
            "Python, Go, Kubernetes",
            "Built data pipelines with Python and reduced costs by 30% across the team.",
            "Experience with Kubernetes and Terraform in production systems",
            "2019 - 2024 Experience",
            "skills in python",  # lower case, not a known heading
        ],
    )
    def test_not_headings(self, line: str) -> None:
        assert heading_key(line) is None


class TestSplitSections:
    def test_a_plain_resume(self) -> None:
        text = (
            "Grace Example\ngrace@example.com | +1 555 0100 | github.com/grace\n\n"
            "SUMMARY\nBackend engineer who builds data pipelines.\n\n"
            "EXPERIENCE\nSenior Engineer, Acme Corp (2019 - 2024)\n- Built REST APIs in Python.\n\n"
            "EDUCATION\nB.Sc. Computer Science, State University\n\n"
            "SKILLS\nPython, Go, Docker"
        )
        assert split_sections(text) == {
            "contact": "Grace Example\ngrace@example.com | +1 555 0100 | github.com/grace",
            "summary": "Backend engineer who builds data pipelines.",
            "experience": "Senior Engineer, Acme Corp (2019 - 2024)\n- Built REST APIs in Python.",
            "education": "B.Sc. Computer Science, State University",
            "skills": "Python, Go, Docker",
        }

    def test_prose_before_the_first_heading_is_a_summary(self) -> None:
        text = (
            "Jane Example\njane@example.com\n"
            "Platform engineer with ten years of experience running services for millions of people.\n"
            "Experience\nStaff Engineer, Initech"
        )
        sections = split_sections(text)
        assert sections["contact"] == "Jane Example\njane@example.com"
        assert sections["summary"].startswith("Platform engineer with ten years")
        assert sections["experience"] == "Staff Engineer, Initech"

    def test_inline_heading_keeps_its_content(self) -> None:
        sections = split_sections("Jane\n\nSkills: Python, Go, Kubernetes\nCertifications: CKA, AWS SAA")
        assert sections["skills"] == "Python, Go, Kubernetes"
        assert sections["certifications"] == "CKA, AWS SAA"

    def test_a_job_stack_line_stays_in_experience(self) -> None:
        text = "EXPERIENCE\nEngineer, Acme\n- Built APIs\nTechnologies: Python, Kafka\nSkills: Go\n- Ran on-call"
        sections = split_sections(text)
        assert sections["experience"].splitlines() == [
            "Engineer, Acme", "- Built APIs", "Technologies: Python, Kafka", "Skills: Go", "- Ran on-call",
        ]  # fmt: skip
        assert "skills" not in sections

    def test_repeated_headings_join_one_section(self) -> None:
        sections = split_sections("Technical Skills\nPython\nLanguages\nEnglish, German\nSoft Skills\nMentoring")
        assert sections["skills"] == "Python\nLanguages\nEnglish, German\nSoft Skills\nMentoring"
        sections = split_sections("SKILLS\nPython\nEDUCATION\nState University\nCLOUD SKILLS\nAWS")
        assert sections["skills"] == "Python\n\nAWS"

    def test_empty_sections_are_left_out(self) -> None:
        assert split_sections("Jane\nEXPERIENCE\n\nEDUCATION\nState University") == {
            "contact": "Jane",
            "education": "State University",
        }

    def test_no_headings_at_all(self) -> None:
        lines = ["Jane Example", "jane@example.com"] + [f"Line {i} of a resume without headings" for i in range(10)]
        sections = split_sections("\n".join(lines))
        assert sections["contact"].startswith("Jane Example\njane@example.com")
        assert sections["other"].endswith("Line 9 of a resume without headings")

    def test_empty_text(self) -> None:
        assert split_sections("") == {}
