"""Offline questions: 5-8 per session, a mix of technical (the job's skills), behavioural and role questions (its
responsibilities), the same for one (job, session) and different for the next session."""

from __future__ import annotations

import random

import pytest

from app.interviews.questions import JobFacts, detect_role, gerund_phrase, mix, offline_questions, session_seed

JOB = JobFacts(
    job_id=7,
    title="Senior Backend Engineer",
    company="Acme",
    skills=("Python", "FastAPI", "PostgreSQL", "Kubernetes", "AWS", "Docker", "Stakeholder Management"),
    responsibilities=(
        "Design, build and maintain scalable backend services",
        "Mentor junior engineers",
        "Collaborate with product managers to define requirements",
    ),
)


class TestOfflineQuestions:
    @pytest.mark.parametrize("count", [5, 6, 7, 8])
    def test_count_and_mix(self, count: int) -> None:
        questions = offline_questions(JOB, count, session_seed(JOB.job_id, 1))
        assert len(questions) == count
        kinds = [q.category for q in questions]
        assert {"technical", "behavioural", "role"} <= set(kinds)
        assert kinds.count("technical") == mix(count)["technical"]
        assert len({q.question for q in questions}) == count  # no repeats

    def test_technical_questions_use_the_jobs_skills(self) -> None:
        questions = offline_questions(JOB, 8, session_seed(JOB.job_id, 3))
        technical = [q for q in questions if q.category == "technical"]
        assert all(q.skill in JOB.skills and q.skill in q.question for q in technical)
        assert all(q.skill is None for q in questions if q.category != "technical")

    def test_role_questions_use_the_responsibilities(self) -> None:
        texts = [q.question for s in range(1, 6) for q in offline_questions(JOB, 6, session_seed(JOB.job_id, s))]
        built = [t for t in texts if "This role involves" in t or "Part of this job is to" in t]
        assert built, texts
        assert any("mentoring junior engineers" in t or "designing, building and maintaining" in t for t in built)

    def test_deterministic_per_session_and_varied_between_sessions(self) -> None:
        first = offline_questions(JOB, 6, session_seed(JOB.job_id, 11))
        assert offline_questions(JOB, 6, session_seed(JOB.job_id, 11)) == first
        others = [offline_questions(JOB, 6, session_seed(JOB.job_id, s)) for s in range(12, 17)]
        assert all(o != first for o in others)
        assert len({q.question for o in others for q in o}) > 12

    def test_a_job_without_skills_or_duties_still_gets_a_full_session(self) -> None:
        bare = JobFacts(job_id=None, title="Office Manager", company="Acme", skills=(), responsibilities=())
        questions = offline_questions(bare, 5, 99)
        assert len(questions) == 5 and not any(q.category == "technical" for q in questions)

    def test_skills_without_bank_entries_use_category_templates(self) -> None:
        job = JobFacts(job_id=1, title="Data Engineer", company="X", skills=("Snowflake", "dbt"), responsibilities=())
        technical = [q for q in offline_questions(job, 8, 5) if q.category == "technical"]
        assert technical and all(q.skill in q.question for q in technical)


class TestHelpers:
    @pytest.mark.parametrize(
        ("title", "role"),
        [
            ("Senior Backend Engineer", "backend"),
            ("Frontend Developer (React)", "frontend"),
            ("Data Scientist", "data"),
            ("Site Reliability Engineer", "devops"),
            ("iOS Engineer", "mobile"),
            ("Engineering Manager", "manager"),
            ("Office Assistant", "generic"),
        ],
    )
    def test_detect_role(self, title: str, role: str) -> None:
        assert detect_role(title) == role

    def test_gerund_phrases(self) -> None:
        assert gerund_phrase("Design, build and run APIs") == "designing, building and running APIs"
        assert gerund_phrase("Mentor junior engineers") == "mentoring junior engineers"
        assert gerund_phrase("Ownership of the data platform") is None

    def test_mix_adds_up(self) -> None:
        for count in range(5, 9):
            assert sum(mix(count).values()) == count and min(mix(count).values()) >= 1
        assert random.Random(session_seed(1, 2)).random() != random.Random(session_seed(1, 3)).random()
