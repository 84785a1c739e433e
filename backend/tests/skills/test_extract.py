"""`app.skills.extract`: skills and responsibilities together."""

from __future__ import annotations

from app.skills import Extraction, extract


class TestExtract:
    def test_job_description(self) -> None:
        text = "Responsibilities\n- Build services in Go and PostgreSQL\n- Deploy them on Kubernetes"
        result = extract(text)
        assert isinstance(result, Extraction)
        assert result.skills == ["Go", "PostgreSQL", "Kubernetes"]
        assert result.responsibilities == ["Build services in Go and PostgreSQL", "Deploy them on Kubernetes"]

    def test_resume_has_no_responsibilities(self) -> None:
        text = "Responsibilities\n- Built services in Python\nSkills: Python, Docker"
        result = extract(text, "resume")
        assert result.skills == ["Python", "Docker"]
        assert result.responsibilities == []
