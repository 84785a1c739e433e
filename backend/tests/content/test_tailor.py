"""The tailored resume is the user's own resume structure reordered for the job: every role, date and bullet kept,
the resume's own header and summary (led by one sentence of facts), no skill the user lacks, and a diff that shows
only what tailoring changed."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.content.generation import offline_outcome
from app.content.inputs import Inputs, build_inputs, key
from app.content.tailor import line_diff, render_markdown, tailor_resume, years_of_experience
from app.models.content import DocumentKind
from app.resumes.jsonresume import JsonResume, Skill, Work
from app.skills.extractor import extract_skills
from app.skills.taxonomy import get_taxonomy

TODAY = date(2026, 12, 7)
RESUME: dict[str, Any] = {
    "basics": {
        "name": "Grace Hopper",
        "label": "Senior Backend Engineer",
        "email": "grace@example.com",
        "phone": "+1 555 0100",
        "url": "https://grace.example.com",
        "location": {"city": "Berlin", "countryCode": "DE"},
        "summary": "Backend engineer who builds data pipelines and APIs.",
    },
    "work": [
        {
            "name": "Initech Corp",
            "position": "Senior Engineer",
            "location": "Berlin",
            "startDate": "2021-03",
            "highlights": [
                "Built REST APIs in Python with FastAPI, serving two million calls a day.",
                "Mentored four engineers through their first on-call rotation.",
                "Moved twelve services to Kubernetes with Docker images and zero downtime.",
                "Cut nightly batch time by 40% by rewriting PostgreSQL queries for reporting.",
            ],
        },
        {
            "name": "Globex",
            "position": "Software Engineer",
            "startDate": "2017-01",
            "endDate": "2021-02",
            "highlights": [
                "Wrote Java batch jobs for the billing team.",
                "Ran PostgreSQL backups and restores every night.",
                "Organised the team's weekly demo.",
            ],
        },
        {
            "name": "Hooli",
            "position": "Intern",
            "startDate": "2016-06",
            "endDate": "2016-09",
            "highlights": ["Fixed bugs in the Python test runner."],
        },
    ],
    "education": [
        {"institution": "State University", "studyType": "B.Sc.", "area": "Computer Science", "endDate": "2016"}
    ],
    "skills": [
        {"name": "Languages", "keywords": ["Java", "Python"]},
        {"name": "Tools", "keywords": ["Git", "Jenkins"]},
        {"name": "Data & infrastructure", "keywords": ["Redis", "PostgreSQL", "Kubernetes"]},
    ],
    "projects": [{"name": "pgtune-lite", "highlights": ["Suggests PostgreSQL settings for small servers."]}],
    "certificates": [{"name": "Certified Kubernetes Administrator", "issuer": "CNCF", "date": "2022-05"}],
    "languages": [{"language": "English", "fluency": "Native"}, {"language": "German", "fluency": "B2"}],
}


def inputs_for(structure: dict[str, Any] | JsonResume = RESUME, **job: Any) -> Inputs:
    """Inputs as `load_inputs` makes them, with the structure built directly (the parser is another module's)."""
    inputs = build_inputs(
        name=job.pop("name", "Profile Name"),
        job_title=job.pop("job_title", "Backend Engineer"),
        company=job.pop("company", "Acme"),
        profile_skills=job.pop("profile_skills", ["Python", "FastAPI"]),
        job_skills=job.pop("job_skills", ["Python", "PostgreSQL", "Kubernetes", "Apache Kafka"]),
        responsibilities=job.pop("responsibilities", ["Tune PostgreSQL queries for reporting", "Run Kubernetes"]),
    )
    inputs.structure = structure if isinstance(structure, JsonResume) else JsonResume.model_validate(structure)
    return inputs


def section(text: str, name: str) -> list[str]:
    body = text.split(f"## {name}\n", 1)[1].split("\n## ", 1)[0]
    return [ln for ln in body.splitlines() if ln.strip()]


def bullets_by_role(text: str) -> dict[str, list[str]]:
    roles: dict[str, list[str]] = {}
    current = ""
    for line in section(text, "Experience"):
        if line.startswith("### "):
            current = line[4:]
            roles[current] = []
        elif line.startswith("- "):
            roles[current].append(line[2:])
    return roles


def _unordered(line: str) -> str:
    """A skills line ("**Group:** b, a") with its items sorted; any other line as it is."""
    if not line.startswith("**") or ":** " not in line:
        return line
    label, items = line.split(":** ", 1)
    return f"{label}:** {', '.join(sorted(items.split(', ')))}"


class TestTailorResume:
    def test_every_role_and_bullet_is_kept_and_the_relevant_ones_lead(self) -> None:
        tailored = tailor_resume(inputs_for(), TODAY)
        roles = bullets_by_role(tailored.text)
        assert list(roles) == [
            "Senior Engineer \u2014 Initech Corp",
            "Software Engineer \u2014 Globex",
            "Intern \u2014 Hooli",
        ]
        for role, written in zip(roles.values(), RESUME["work"], strict=True):
            assert Counter(role) == Counter(written["highlights"])
        assert roles["Senior Engineer \u2014 Initech Corp"][0].startswith("Cut nightly batch time")
        assert roles["Senior Engineer \u2014 Initech Corp"][-1].startswith("Mentored")  # shares nothing: last
        assert roles["Software Engineer \u2014 Globex"][0].startswith("Ran PostgreSQL backups")
        experience = section(tailored.text, "Experience")
        assert "Mar 2021 \u2013 Present \u00b7 Berlin" in experience and "Jan 2017 \u2013 Feb 2021" in experience
        assert tailored.moved_bullets == 3 + 2  # bullets whose place changed: Initech 3, Globex 2

    def test_the_header_is_the_resumes_own(self) -> None:
        lines = tailor_resume(inputs_for(), TODAY).text.splitlines()
        assert lines[:5] == [
            "# Grace Hopper",
            "",
            "Senior Backend Engineer",
            "",
            "grace@example.com | +1 555 0100 | Berlin, DE | https://grace.example.com",
        ]
        nameless = {**RESUME, "basics": {**RESUME["basics"], "name": ""}}
        text = tailor_resume(inputs_for(nameless), TODAY).text
        assert text.startswith("# Profile Name\n") and "Grace Hopper" not in text

    def test_the_summary_leads_with_facts_then_the_resumes_own_words(self) -> None:
        summary = section(tailor_resume(inputs_for(), TODAY).text, "Summary")
        assert summary == [
            "Senior Backend Engineer with 10 years of experience, working with **Python**, **PostgreSQL** and "
            "**Kubernetes**. Backend engineer who builds data pipelines and APIs."
        ]

    def test_skill_groups_lead_with_the_jobs_skills_and_none_is_added(self) -> None:
        tailored = tailor_resume(inputs_for(), TODAY)
        assert section(tailored.text, "Skills") == [
            "**Data & infrastructure:** PostgreSQL, Kubernetes, Redis",
            "**Languages:** Python, Java",
            "**Tools:** Git, Jenkins",
            "**Other:** FastAPI",
        ]
        assert tailored.notes == ["Added from your profile: FastAPI."]
        assert tailored.missing_skills == ["Apache Kafka"] and "Kafka" not in tailored.text
        assert tailored.matching_skills == ["Python", "PostgreSQL", "Kubernetes"]

    def test_a_skill_found_only_in_the_resumes_bullets_is_not_missing(self) -> None:
        tailored = tailor_resume(inputs_for(job_skills=["Docker", "Snowflake"]), TODAY)
        assert tailored.missing_skills == ["Snowflake"] and "Docker" in tailored.matching_skills

    def test_the_diff_shows_only_the_summary_and_reordering(self) -> None:
        tailored = tailor_resume(inputs_for(), TODAY)
        diff = line_diff(tailored.original, tailored.text)
        assert [d["text"] for d in diff if d["op"] != "delete"] == tailored.text.splitlines()
        assert [d["text"] for d in diff if d["op"] != "insert"] == tailored.original.splitlines()
        inserted = Counter(_unordered(d["text"]) for d in diff if d["op"] == "insert")
        deleted = Counter(_unordered(d["text"]) for d in diff if d["op"] == "delete")
        summary = section(tailored.text, "Summary")[0]
        assert inserted - deleted == Counter([summary])  # skill lines differ only in their order
        assert deleted - inserted == Counter(section(tailored.original, "Summary"))

    def test_the_original_is_the_same_structure_untailored(self) -> None:
        inputs = inputs_for()
        tailored = tailor_resume(inputs, TODAY)
        with_profile = [*inputs.structure.skills, Skill(name="FastAPI")]  # the profile's skill the resume lacks
        assert tailored.original == render_markdown(inputs.structure.model_copy(update={"skills": with_profile}))
        assert section(tailored.original, "Languages") == ["- English \u2014 Native", "- German \u2014 B2"]
        assert section(tailored.original, "Certificates") == [
            "- Certified Kubernetes Administrator \u2014 CNCF (May 2022)"
        ]
        assert section(tailored.original, "Education") == [
            "### B.Sc., Computer Science \u2014 State University",
            "2016",
        ]

    def test_a_profile_without_resume_still_gets_a_skills_resume(self) -> None:
        inputs = build_inputs(
            name="Ada Lovelace",
            job_title="Data Engineer",
            company="Globex",
            profile_skills=["SQL", "Python"],
            job_skills=["Python", "Snowflake"],
            responsibilities=[],
        )
        tailored = tailor_resume(inputs, TODAY)
        assert tailored.text.startswith("# Ada Lovelace") and "**Skills:** Python, SQL" in tailored.text
        assert section(tailored.text, "Summary") == ["Hands-on experience with **Python**."]
        assert tailored.missing_skills == ["Snowflake"] and "Snowflake" not in tailored.text
        assert tailored.notes[0].startswith("No ready resume was found")


class TestYearsOfExperience:
    def test_overlaps_count_once_and_an_open_role_runs_to_today(self) -> None:
        work = [Work(startDate="2015-01", endDate="2018-12"), Work(startDate="2017-06", endDate="2019-12"),
                Work(startDate="2024-01"), Work(position="no dates")]  # fmt: skip
        assert years_of_experience(work, date(2026, 12, 1)) == 5 + 3  # 2015-2019, then Jan 2024 to Dec 2026
        assert years_of_experience([Work(startDate="2026-03")], date(2026, 12, 1)) == 0
        assert years_of_experience([Work(startDate="2019", endDate="2024")], date(2026, 12, 1)) == 5  # not 6


class TestOfflineOutcome:
    def test_the_guard_keeps_a_structure_only_resume_whole_and_the_report_holds_the_structure(self) -> None:
        inputs = inputs_for()  # no resume text: the user's corrected structure is all there is
        outcome = offline_outcome(inputs, DocumentKind.tailored_resume, {})
        assert outcome.report["removed"] == []
        assert outcome.content == tailor_resume(inputs).text
        stored = JsonResume.model_validate(outcome.report["resume"])
        assert [w.name for w in stored.work] == ["Initech Corp", "Globex", "Hooli"]
        assert stored.work[0].highlights[0].startswith("Cut nightly batch time")
        assert stored.basics.summary.startswith("Senior Backend Engineer with")
        assert set(outcome.report) >= {"removed", "missing_skills", "matching_skills", "moved_bullets", "notes"}

    def test_a_bullet_that_reads_like_a_list_is_kept_as_written(self) -> None:
        work = [{**RESUME["work"][0], "highlights": ["Owned billing; payments; refunds"]}]
        outcome = offline_outcome(inputs_for({**RESUME, "work": work}), DocumentKind.tailored_resume, {})
        assert "- Owned billing; payments; refunds" in outcome.content.splitlines()


# ---- property: random resumes and postings --------------------------------------------------------------------

_SKILLS = ["Python", "PostgreSQL", "Kubernetes", "Docker", "React", "TypeScript", "Terraform", "Java", "SQL",
           "Tableau", "AWS", "Redis", "GraphQL", "Excel"]  # fmt: skip
_ELSEWHERE = ["Apache Kafka", "Snowflake", "Rust", "Figma", "Salesforce"]
_WORDS = ["built", "reporting", "services", "pipelines", "for", "the", "team", "customers", "queries", "latency",
          "dashboards", "migrated", "reduced", "cost", "weekly", "with", "a", "new", "billing", "platform", "by",
          "40%", "twelve", "releases", "on-call", "tests", "and", "data", "search", "Berlin"]  # fmt: skip
_EMPLOYERS = ["Initech Corp", "Globex", "Blue Harbor Studio", "Verde Retail Group", "Quantia Labs", "Hooli"]
_TITLES = ["Software Engineer", "Data Analyst", "Platform Engineer", "Team Lead", "Developer"]

_sentence = st.lists(st.sampled_from(_WORDS + _SKILLS), min_size=4, max_size=14).map(
    lambda ws: (" ".join(ws)[:1].upper() + " ".join(ws)[1:]) + "."
)


@st.composite
def _role(draw: st.DrawFn) -> dict[str, Any]:
    year = draw(st.integers(2000, 2024))
    start = f"{year}-{draw(st.integers(1, 12)):02d}"
    end = draw(st.one_of(st.none(), st.integers(year, 2026).map(lambda y: str(y))))
    return {"name": draw(st.sampled_from(_EMPLOYERS)), "position": draw(st.sampled_from(_TITLES)),
            "startDate": start, "endDate": end, "highlights": draw(st.lists(_sentence, max_size=7))}  # fmt: skip


@st.composite
def _case(draw: st.DrawFn) -> tuple[Inputs, dict[str, Any]]:
    keywords = st.lists(st.sampled_from(_SKILLS), max_size=5, unique=True)
    groups = draw(st.lists(st.tuples(st.sampled_from(["Languages", "Data", "Cloud", "Tools"]), keywords), max_size=4))
    structure = {
        "basics": {"name": draw(st.sampled_from(["Grace Hopper", "Chen Wei", ""])), "email": "me@example.com",
                   "summary": draw(st.one_of(st.just(""), _sentence))},
        "work": draw(st.lists(_role(), max_size=4)),
        "skills": [{"name": n, "keywords": k} for n, k in groups],
    }  # fmt: skip
    inputs = inputs_for(
        structure,
        profile_skills=draw(st.lists(st.sampled_from(_SKILLS), max_size=4, unique=True)),
        job_skills=draw(st.lists(st.sampled_from(_SKILLS + _ELSEWHERE), min_size=1, max_size=6, unique=True)),
        responsibilities=draw(st.lists(_sentence, max_size=4)),
    )
    return inputs, structure


class TestTailoringProperties:
    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(case=_case())
    def test_keeps_every_role_date_and_bullet_and_adds_no_skill(self, case: tuple[Inputs, dict[str, Any]]) -> None:
        inputs, structure = case
        outcome = offline_outcome(inputs, DocumentKind.tailored_resume, {})
        text = outcome.content
        assert outcome.report["removed"] == []
        written = Counter(h for w in structure["work"] for h in w["highlights"])
        kept = Counter(
            ln[2:] for ln in (section(text, "Experience") if structure["work"] else []) if ln.startswith("- ")
        )
        assert kept == written
        for role in inputs.structure.work:
            assert f"### {role.position} \u2014 {role.name}" in text
            assert role.startDate is not None and role.startDate[:4] in text
            assert role.endDate is None or role.endDate[:4] in text
        taxonomy = get_taxonomy()
        source = " ".join([*(h for w in structure["work"] for h in w["highlights"]), structure["basics"]["summary"]])
        have = {key(taxonomy.canonical(s) or s) for s in [*inputs.profile_skills, *inputs.structure.skill_names()]}
        have |= {key(s) for s in extract_skills(source, "resume")}
        # A skill the resume names in so many words counts too, even an ambiguous one the extractor leaves alone
        # ("Built reports in Excel." says Excel; the letter may say "Microsoft Excel").
        words = re.findall(r"[\w#+-]+(?:\.\w+)?", source)
        grams = {" ".join(words[i : i + n]) for n in (1, 2, 3) for i in range(len(words))}
        have |= {key(c) for g in grams if (c := taxonomy.canonical(g))}
        # Tailoring reorders lines and writes a few of its own: those new lines are where a skill could be added.
        # (Reading the whole text would flag an ambiguous word such as "Excel", a skill only beside another.)
        added = Counter(text.splitlines()) - Counter((outcome.source or "").splitlines())
        found = {key(s) for s in extract_skills("\n".join(added.elements()), "resume")}
        assert found <= have
        assert not {key(s) for s in outcome.report["missing_skills"]} & found
