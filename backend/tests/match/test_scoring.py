"""The match score's rules, one by one, on a person read from a real-shaped resume and postings as boards write
them: role, must-have vs nice-to-have skills, seniority, years, degree, remote, sponsorship; unknown parts left out;
suggestions only from what the user's own profile says."""

from __future__ import annotations

from datetime import date

import pytest

from app.jobs.requirements import parse_requirements
from app.match.facts import PersonFacts, person_facts
from app.match.scoring import MatchReport, Wishes, score_match
from app.resumes.parsing import parse_resume
from app.resumes.structure import parse_structure

TODAY = date(2026, 12, 1)
RESUME = """Priya Raman
Backend Engineer
priya.raman@example.com | +44 20 7946 0000 | London

EXPERIENCE
Senior Backend Engineer, Harbor Health (Jan 2021 - Present)
- Built the claims API in Python and FastAPI on PostgreSQL, 2 million calls a day
- Moved twelve services to Docker

Backend Developer, Northwind Traders (Jan 2018 - Dec 2020)
- Wrote order services in Python and Django

EDUCATION
BSc Computer Science, University of Leeds (2014 - 2017)

SKILLS
Python, FastAPI, Django, PostgreSQL, Docker
"""


def person(profile: tuple[str, ...] = ("Kubernetes",)) -> PersonFacts:
    parsed = parse_resume(RESUME.encode())  # as an upload is read: text, then sections, then structure
    structure = parse_structure(parsed.text, parsed.sections)
    skills = ["Python", "FastAPI", "Django", "PostgreSQL", "Docker"]
    return person_facts(structure, parsed.text, skills, list(profile), today=TODAY)


def report(title: str, text: str, wishes: Wishes | None = None, who: PersonFacts | None = None) -> MatchReport:
    return score_match(who or person(), title, parse_requirements(title, text), wishes)


def part(r: MatchReport, key: str) -> tuple[float | None, str]:
    found = next(p for p in r.parts if p.key == key)
    return found.value, found.status


BACKEND = """About us
We build payments software for clinics.

Requirements
- 5+ years of experience building backend services
- Strong Python and PostgreSQL
- Experience with Kubernetes

Nice to have
- Go
- Terraform

Benefits
- 401k matching after 1 year
"""


def test_the_person_read_from_the_resume() -> None:
    p = person()
    assert p.years is not None and 8.5 <= p.years <= 9.0  # Jan 2018 to Dec 2026, gaps none
    assert p.level == "senior"
    assert p.degree == "bachelor"
    assert {"python", "postgresql"} <= p.resume_skills
    assert p.skill_years["python"] >= 8


def test_a_close_role_scores_high_and_a_different_line_of_work_low() -> None:
    close = report("Senior Backend Engineer", BACKEND)
    far = report("Senior Account Executive", "Requirements\n- 5+ years selling SaaS\n- Salesforce CRM\n")
    assert part(close, "role")[1] == "met" and part(far, "role")[1] == "not_met"
    assert close.score >= 75 and far.score <= 35, (close.score, far.score)


def test_must_have_and_nice_to_have_skills_are_marked_where_they_are() -> None:
    r = report("Senior Backend Engineer", BACKEND)
    where = {(s.name, s.required): s.where for s in r.skills}
    assert where[("Python", True)] == "resume"
    assert where[("Kubernetes", True)] == "profile"  # "say it in your resume"
    assert where[("Go", False)] == "missing"
    assert where[("Terraform", False)] == "missing"
    # A missing nice-to-have costs less than a missing must-have.
    without_nice = report("Senior Backend Engineer", BACKEND.replace("- Go\n- Terraform\n", "- Python\n"))
    assert without_nice.score > r.score
    assert r.score - report("Senior Backend Engineer", BACKEND.replace("Kubernetes", "Kafka")).score >= 1


def test_the_first_suggestion_is_a_profile_skill_the_resume_never_says() -> None:
    r = report("Senior Backend Engineer", BACKEND)
    assert r.suggestions[0].add_skills == ["Kubernetes"]
    assert "never says Kubernetes, though your profile does" in r.suggestions[0].text
    # With no such skill in the profile there is nothing truthful to suggest about it.
    bare = report("Senior Backend Engineer", BACKEND, who=person(profile=()))
    assert all("Kubernetes" not in s.text for s in bare.suggestions)


@pytest.mark.parametrize(
    ("asked", "status"),
    [("5+ years of experience", "met"), ("9 years of experience", "partly"), ("12+ years of experience", "not_met")],
)
def test_years_of_experience_against_the_dated_roles(asked: str, status: str) -> None:
    r = report("Backend Engineer", f"Requirements\n- {asked} building backend services\n- Python\n")
    assert part(r, "experience")[1] == status


def test_years_of_a_skill_against_the_roles_that_name_it() -> None:
    r = report("Backend Engineer", "Requirements\n- 5+ years of experience with Python\n- 3+ years of Go\n")
    value, status = part(r, "experience")
    assert status == "met" and value == 1.0  # Python 8+ years in roles; Go unknown, so left out, not held against
    detail = next(p.detail for p in r.parts if p.key == "experience")
    assert "your resume does not say how long" in detail


def test_seniority_levels_apart() -> None:
    assert part(report("Senior Backend Engineer", BACKEND), "seniority")[1] == "met"
    assert part(report("Staff Backend Engineer", BACKEND), "seniority")[1] == "partly"
    assert part(report("Junior Backend Developer", "Requirements\n- Python\n"), "seniority")[1] == "not_met"


@pytest.mark.parametrize(
    ("asked", "status"),
    [
        ("Bachelor's degree in Computer Science", "met"),
        ("Master's degree in Computer Science required", "not_met"),
        ("Master's degree in Computer Science or equivalent practical experience", "partly"),
        ("", "unknown"),
    ],
)
def test_degree(asked: str, status: str) -> None:
    r = report("Backend Engineer", f"Requirements\n- Python\n- {asked}\n" if asked else "Requirements\n- Python\n")
    assert part(r, "education")[1] == status


def test_unknown_parts_are_left_out_not_held_against() -> None:
    plain = report("Backend Engineer", "Requirements\n- Python\n- PostgreSQL\n")
    assert part(plain, "education") == (None, "unknown")
    assert part(plain, "location") == (None, "unknown")
    with_degree = report("Backend Engineer", "Requirements\n- Python\n- PostgreSQL\n- Bachelor's degree\n")
    assert with_degree.score == plain.score  # a degree they have changes nothing either way


def test_remote_wishes() -> None:
    text = "Requirements\n- Python\n\nThis is a fully remote position."
    assert part(report("Backend Engineer", text, Wishes(remote_only=True)), "location")[1] == "met"
    onsite = "Requirements\n- Python\n\nThis role is fully on-site in our Leeds office, five days a week."
    onsite_report = report("Backend Engineer", onsite, Wishes(remote_only=True))
    assert part(onsite_report, "location")[1] == "not_met"
    assert onsite_report.blockers == ["On site, and you said you want remote work only."]
    assert part(report("Backend Engineer", onsite), "location")[1] == "unknown"  # no wish: nothing to compare
    hybrid = "Requirements\n- Python\n\nHybrid: three days a week in our Leeds office."
    hybrid_report = report("Backend Engineer", hybrid, Wishes(remote_only=True))
    assert part(hybrid_report, "location") == (0.5, "partly") and hybrid_report.blockers == []


@pytest.mark.parametrize(
    ("said", "rule", "blocked"),
    [
        ("Berlin, Germany", "Candidates must be located in the EU.", False),  # Germany is in the EU
        ("Berlin, Germany", "Candidates must be located in Europe.", False),
        ("Germany", "Candidates must be located in the United States.", True),
        ("USA", "Candidates must be located in the United States.", False),
        ("London, UK", "Candidates must be located in the EU.", True),
        ("Toronto", "Candidates must be located in the United States.", False),  # a city we cannot place: unknown
        ("", "Candidates must be located in the United States.", False),  # nothing said: nothing to hold against
    ],
)
def test_where_you_can_work_against_location_rules(said: str, rule: str, blocked: bool) -> None:
    r = report("Backend Engineer", f"Requirements\n- Python\n\n{rule}", Wishes(location=said))
    assert bool(r.blockers) is blocked, r.blockers
    if blocked:
        assert r.blockers[0].startswith("Must be located in ") and r.blockers[0].endswith(f"you can work in {said}.")
        assert part(r, "location") == (0.0, "not_met")
    elif said in ("Toronto", ""):
        assert part(r, "location")[1] == "unknown"
    else:
        assert part(r, "location") == (1.0, "met")


def test_sponsorship_is_a_blocker_only_for_someone_who_needs_it() -> None:
    text = "Requirements\n- Python\n\nWe are unable to sponsor visas for this role."
    needs = report("Backend Engineer", text, Wishes(needs_sponsorship=True))
    assert needs.blockers == ["No visa sponsorship, and you said you need it."]
    assert part(needs, "location")[1] == "not_met"
    unasked = report("Backend Engineer", text)
    assert unasked.blockers == []
    detail = next(p.detail for p in unasked.parts if p.key == "location")  # said, though not scored
    assert detail == "No visa sponsorship. Not scored: you have not said what you need here."


def test_no_resume_compares_profile_skills_only() -> None:
    from app.resumes.jsonresume import JsonResume

    nobody = person_facts(JsonResume(), "", [], ["Python"], today=TODAY)
    r = report("Backend Engineer", "Requirements\n- Python\n- PostgreSQL\n", who=nobody)
    assert part(r, "role") == (0.0, "unknown")
    assert {s.name: s.where for s in r.skills} == {"Python": "profile", "PostgreSQL": "missing"}
    assert 0 <= r.score <= 40


def test_a_saved_search_is_a_role_they_look_for() -> None:
    from dataclasses import replace

    from app.match.roles import role_of
    from app.resumes.jsonresume import JsonResume

    nobody = person_facts(JsonResume(), "", [], ["Python"], today=TODAY)
    searching = replace(nobody, targets=[role_of("python")])
    text = "Requirements\n- Python\n"
    r = report("Senior Python Engineer", text, who=searching)
    assert part(r, "role") == (1.0, "met")  # the same family, and every word they searched for is in the title
    detail = next(p.detail for p in r.parts if p.key == "role")
    assert detail == "Compared with your saved search \u201cpython\u201d."
    assert part(report("Registered Nurse", text, who=searching), "role")[1] == "not_met"
    assert report("Senior Python Engineer", text, who=nobody).score < r.score  # without the search: role unknown
    # A search never lowers what the resume says: the best of the two counts.
    backend = replace(person(), targets=[role_of("nurse")])
    assert report("Backend Engineer", text, who=backend).score == report("Backend Engineer", text).score


def test_salary_against_the_floor_the_user_set() -> None:
    from app.match.scoring import Pay

    text = "Requirements\n- Python\n"
    floor = Wishes(min_salary=70_000, currency="EUR")

    def salary(pay: Pay | None, wishes: Wishes = floor) -> MatchReport:
        return score_match(person(), "Backend Engineer", parse_requirements("Backend Engineer", text), wishes, pay=pay)

    met = salary(Pay(60_000, 80_000, "EUR", "year"))
    assert part(met, "salary") == (1.0, "met") and met.blockers == []
    low = salary(Pay(4_000, 5_000, "EUR", "month"))  # 60,000 a year
    assert part(low, "salary") == (0.0, "not_met")
    assert low.blockers == ["Pays up to \u20ac60,000 a year; you said at least \u20ac70,000."]
    assert part(salary(Pay(90_000, None, "USD", "year")), "salary")[1] == "unknown"  # no conversion between currencies
    assert part(salary(None), "salary")[1] == "unknown"  # no pay stated
    unset = salary(Pay(10, 20, "EUR", "hour"), Wishes())
    assert part(unset, "salary")[1] == "unknown" and unset.blockers == []  # no floor: nothing to hold against
    assert (
        salary(None).score
        == score_match(person(), "Backend Engineer", parse_requirements("Backend Engineer", text)).score
    )


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("B.S. in Physics", "bachelor"),
        ("BE Mechanical Engineering", "bachelor"),
        ("M.A. English", "master"),
        ("A.A.S. Nursing", "associate"),
        ("Degree expected to be completed in 2027", None),  # "be" is a word, not a B.E.
        ("Worked with me and as a tutor", None),
    ],
)
def test_short_degree_forms_count_only_in_capitals(text: str, level: str | None) -> None:
    from app.match.facts import _degree_level

    assert _degree_level(text) == level
