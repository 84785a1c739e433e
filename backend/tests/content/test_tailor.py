"""The tailored resume leads with what the job asks for, never adds a skill the user lacks, and its diff is
exactly the changes tailoring made."""

from __future__ import annotations

import pytest

from app.content.guard import guard_text
from app.content.inputs import Inputs
from app.content.tailor import line_diff, tailor_resume
from app.skills.extractor import extract_skills
from tests.content.samples import SAMPLES, inputs_of
from tests.content.test_letter import foreign_skills

SAMPLE_INPUTS = [inputs_of(s) for s in SAMPLES]


def _section(text: str, name: str) -> list[str]:
    lines = text.split(f"## {name}\n", 1)[1].split("\n## ", 1)[0]
    return [ln for ln in lines.splitlines() if ln.strip()]


class TestTailorResume:
    def test_leads_with_the_jobs_skills_and_ranks_bullets(self) -> None:
        inputs = inputs_of(SAMPLES[0])  # the resume lists the PostgreSQL-tuning bullet last
        inputs.responsibilities = ["Tune PostgreSQL queries for reporting"]
        inputs.job_skills = ["PostgreSQL", "Apache Kafka"]
        tailored = tailor_resume(inputs)
        summary = _section(tailored.text, "Summary")[0]
        assert summary.startswith("Hands-on experience with **PostgreSQL**")
        skills = _section(tailored.text, "Skills")
        assert skills[0] == "- **Most relevant:** PostgreSQL" and "Python" in skills[1]
        bullets = [ln for ln in _section(tailored.text, "Experience") if ln.startswith("- ")]
        assert "PostgreSQL" in bullets[0] and "PostgreSQL" in bullets[1] and "Kubernetes" in bullets[2]
        assert tailored.missing_skills == ["Apache Kafka"]
        assert "Kafka" not in tailored.text

    @pytest.mark.parametrize("inputs", SAMPLE_INPUTS, ids=[s.company for s in SAMPLES])
    def test_keeps_every_fact_and_adds_no_skill(self, inputs: Inputs) -> None:
        tailored = tailor_resume(inputs)
        assert foreign_skills(tailored.text, inputs) == []
        assert not set(extract_skills(tailored.text, "resume")) & set(tailored.missing_skills)
        assert tailored.missing_skills == inputs.missing_skills
        for bullet in inputs.bullets:
            assert bullet.text in tailored.text  # reordered, never dropped or rewritten
        assert guard_text(tailored.text, inputs)[1] == []

    def test_the_diff_turns_the_resume_as_written_into_the_tailored_one(self) -> None:
        tailored = tailor_resume(SAMPLE_INPUTS[2])
        diff = line_diff(tailored.original, tailored.text)
        assert {d["op"] for d in diff} == {"equal", "insert", "delete"}
        rebuilt = [d["text"] for d in diff if d["op"] != "delete"]
        before = [d["text"] for d in diff if d["op"] != "insert"]
        assert rebuilt == tailored.text.splitlines() and before == tailored.original.splitlines()
        inserted = [d["text"] for d in diff if d["op"] == "insert"]
        assert any(line.startswith("- **Most relevant:**") for line in inserted)

    def test_a_profile_without_resume_still_gets_a_skills_resume(self) -> None:
        from app.content.inputs import build_inputs

        inputs = build_inputs(
            name="Ada Lovelace",
            job_title="Data Engineer",
            company="Globex",
            profile_skills=["SQL", "Python"],
            job_skills=["Python", "Snowflake"],
            responsibilities=[],
        )
        tailored = tailor_resume(inputs)
        assert tailored.text.startswith("# Ada Lovelace") and "**Most relevant:** Python" in tailored.text
        assert tailored.missing_skills == ["Snowflake"] and "Snowflake" not in tailored.text
        assert tailored.notes
