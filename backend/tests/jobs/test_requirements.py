"""The offline requirements parser: each rule pinned on posting snippets written the way boards write them, whole
postings (Greenhouse HTML, Lever lists) end to end, storage round trips, and any text bounded."""

# ruff: noqa: RUF001  -- postings are written with curly quotes and dashes

from __future__ import annotations

import html

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.jobs.requirements import (
    REQUIREMENTS_VERSION,
    LocationRule,
    Requirements,
    from_json,
    parse_requirements,
    to_json,
)
from app.jobs.sources.normalize import description


def parse(text: str, title: str = "Software Engineer") -> Requirements:
    return parse_requirements(title, text)


def years(text: str) -> list[tuple[int, str | None, bool]]:
    return [(y.years, y.skill, y.required) for y in parse(text).years]


def rules(text: str, title: str = "Software Engineer") -> list[tuple[str, str | None]]:
    return [(r.kind, r.place) for r in parse(text, title).location_rules]


class TestYears:
    @pytest.mark.parametrize(
        ("line", "expected"),
        [
            ("5+ years of professional software development experience", 5),
            ("3-5 years of experience in backend development", 3),
            ("3 to 5 years of experience in a customer-facing role", 3),
            ("At least two years of experience building web applications", 2),
            ("Two or more years of experience in customer support", 2),
            ("Minimum of three (3) years' experience in a similar role", 3),
            ("Ten years of experience leading engineering teams", 10),
            ("You have 4 yrs of industry experience", 4),
        ],
    )
    def test_the_minimum_asked_overall(self, line: str, expected: int) -> None:
        r = parse(f"Requirements\n- {line}")
        assert [(y.years, y.skill, y.required) for y in r.years] == [(expected, None, True)]
        assert r.min_years == expected
        assert r.years[0].text == line

    def test_a_phrase_that_names_a_skill_ties_the_years_to_it(self) -> None:
        r = parse("Requirements\n- 5 years of experience with Python\n- 3+ years in Go")
        assert [(y.years, y.skill) for y in r.years] == [(5, "Python"), (3, "Go")]
        assert r.min_years is None  # every rule is for a skill
        assert r.must_have[:2] == ["Python", "Go"]  # "in Go" alone would not name Go for the extractor

    def test_a_business_tool_is_a_skill_too(self) -> None:
        r = parse("Requirements\n- 4+ years of hands-on experience in NetSuite implementation")
        assert [(y.years, y.skill) for y in r.years] == [(4, "NetSuite")]

    def test_years_in_total_are_overall_and_the_largest_is_min_years(self) -> None:
        r = parse("What you'll need\n- 10+ years in total, including 3+ years in Go\n- 2+ years of experience")
        assert [(y.years, y.skill) for y in r.years] == [(10, None), (3, "Go"), (2, None)]
        assert r.min_years == 10

    def test_a_field_or_practice_is_experience_overall(self) -> None:
        assert years("Requirements\n- 6+ years of software engineering experience") == [(6, None, True)]
        assert years("Requirements\n- 5+ years of product management experience") == [(5, None, True)]

    def test_time_spans_in_benefits_and_about_are_not_experience(self) -> None:
        text = (
            "About us\nFounded 10 years ago, Acme has 20 years of experience in logistics.\n\n"
            "Requirements\n- Python\n\n"
            "Benefits\n- 401(k) with a company match after 1 year of service\n- Sabbatical after 5 years"
        )
        assert parse(text).years == []

    @pytest.mark.parametrize(
        "text",
        [
            "Acme was founded 10 years ago. We have 15 years of experience serving customers.",
            "This is a 2-year fixed-term contract with the option to extend.",
            "Candidates must be at least 18 years old.",
            "Less than 2 years of experience? Apply anyway, we train.",
            "Over the past 3 years we have grown to 200 people.",
            "With 30 years of experience, 6,000 workers and offices in 10 countries, we deliver.",
            "You will be eligible for a bonus every 2 years.",
        ],
    )
    def test_years_that_are_no_requirement_are_not_read(self, text: str) -> None:
        assert parse(text).years == []

    def test_preferred_or_nice_to_have_years_are_not_required(self) -> None:
        assert years("Requirements\n- 5+ years of Python experience preferred") == [(5, "Python", False)]
        assert years("Requirements\n- Ideally 3+ years of experience with React") == [(3, "React", False)]
        r = parse("Nice to have\n- 2+ years with Kubernetes")
        assert [(y.years, y.skill, y.required) for y in r.years] == [(2, "Kubernetes", False)]
        assert r.min_years is None

    def test_a_preference_after_the_years_leaves_them_required(self) -> None:
        line = "3-5 years experience in technical support, preferably in healthcare technology or SaaS"
        assert years(f"What You Bring\n- {line}") == [(3, None, True)]

    def test_a_range_from_zero_asks_for_none(self) -> None:
        r = parse("Requirements\n- 0-2 years of experience in a support role", "Support Engineer")
        assert ([(y.years, y.skill) for y in r.years], r.min_years, r.seniority) == ([(0, None)], 0, "junior")
        assert parse("Requirements\n- Six months to 2 years of experience").years == []

    def test_the_text_of_a_long_sentence_is_cut_around_the_years(self) -> None:
        line = "You will join " + "a team that builds many things for many customers, " * 6 + "with 7+ years of Go."
        (rule,) = parse(f"Requirements\n- {line}").years
        assert (rule.years, rule.skill, len(rule.text) <= 200, "7+ years of Go" in rule.text) == (7, "Go", True, True)

    def test_outside_requirements_a_sentence_must_say_experience_or_ask(self) -> None:
        assert years("We are looking for someone with at least 7 years of experience.") == [(7, None, True)]
        assert years("Our product is 3 years in the making.") == []

    def test_rules_are_capped_and_their_text_trimmed(self) -> None:
        lines = "\n".join(f"- {n % 15 + 1}+ years of experience with tool number {n}" for n in range(40))
        long_line = "- 5+ years of experience " + "with distributed systems and " * 20
        r = parse(f"Requirements\n{lines}\n{long_line}")
        assert 1 <= len(r.years) <= 20
        assert all(len(y.text) <= 200 for y in parse(f"Requirements\n{long_line}").years)


class TestDegree:
    @pytest.mark.parametrize(
        ("line", "degree", "fields"),
        [
            ("Bachelor's degree in Computer Science", "bachelor", ["Computer Science"]),
            (
                "BS in Computer Science, Mathematics, or a related field",
                "bachelor",
                ["Computer Science", "Mathematics"],
            ),
            ("B.Sc. in Physics or Electrical Engineering", "bachelor", ["Physics", "Electrical Engineering"]),
            ("BA or BS degree", "bachelor", []),
            ("Bachelor of Science in Information Systems", "bachelor", ["Information Systems"]),
            ("A degree in Economics", "bachelor", ["Economics"]),
            ("MS or PhD in Statistics", "master", ["Statistics"]),
            ("M.Sc. in Machine Learning", "master", ["Machine Learning"]),
            ("Master’s degree in biochemistry or human biology", "master", ["biochemistry", "human biology"]),
            ("MBA from a top school", "master", []),
            ("PhD in Computer Science", "phd", ["Computer Science"]),
            ("Ph.D. in Applied Mathematics", "phd", ["Applied Mathematics"]),
            ("Associate's degree in Nursing", "associate", ["Nursing"]),
        ],
    )
    def test_levels_and_fields(self, line: str, degree: str, fields: list[str]) -> None:
        r = parse(f"Qualifications\n- {line}")
        assert (r.degree, r.degree_fields, r.degree_required) == (degree, fields, True)

    def test_the_lowest_level_that_satisfies_the_posting(self) -> None:
        r = parse("Requirements\n- Bachelor's degree required, Master's preferred")
        assert (r.degree, r.degree_required) == ("bachelor", True)
        assert parse("Requirements\n- BS/MS in Computer Science").degree == "bachelor"

    @pytest.mark.parametrize(
        "line",
        [
            "BS in Computer Science or equivalent practical experience",
            "Bachelor's degree or equivalent work experience",
            "A degree in Computer Science is preferred",
            "Master's degree is a plus",
        ],
    )
    def test_equivalent_experience_or_a_preference_make_it_optional(self, line: str) -> None:
        r = parse(f"Requirements\n- {line}")
        assert r.degree is not None
        assert r.degree_required is False

    def test_a_degree_under_nice_to_have_is_optional(self) -> None:
        r = parse("Requirements\n- Python\n\nNice to have\n- MSc in Data Science")
        assert (r.degree, r.degree_fields, r.degree_required) == ("master", ["Data Science"], False)

    @pytest.mark.parametrize(
        "text",
        [
            "Requirements\n- Proficiency with MS Office and MS Excel",
            "Requirements\n- Experience as a BA on agile teams",
            "Requirements\n- Certified Scrum Masters welcome to apply",
            "Responsibilities\n- Mentor our PhD students and interns",
            "We offer a high degree of autonomy and a 360-degree view of the business.",
            "Benefits\n- Tuition reimbursement towards a Master's degree",
            "Requirements\n- No degree required, we care about what you can do",
            "About us\nOur founders hold PhDs in physics.",
            "The Faculty has 4,500 students including 750 Ph.D.\nstudents.",
        ],
    )
    def test_words_that_only_look_like_degrees(self, text: str) -> None:
        r = parse(text)
        assert (r.degree, r.degree_fields, r.degree_required) == (None, [], False)

    def test_fields_are_capped(self) -> None:
        line = "BS in Physics, Chemistry, Biology, Geology, Astronomy, Economics, or Statistics"
        assert parse(f"Requirements\n- {line}").degree_fields == [
            "Physics",
            "Chemistry",
            "Biology",
            "Geology",
            "Astronomy",
        ]


class TestSeniority:
    @pytest.mark.parametrize(
        ("title", "expected"),
        [
            ("Senior Backend Engineer", "senior"),
            ("Sr. Data Engineer", "senior"),
            ("Staff Software Engineer", "senior"),
            ("Lead Python Developer", "lead"),
            ("Business Transformation Lead", "lead"),
            ("Principal Engineer", "principal"),
            ("Engineering Manager", "manager"),
            ("Senior Engineering Manager", "manager"),
            ("Head of Engineering", "director"),
            ("Director of Data Science", "director"),
            ("VP of Engineering", "executive"),
            ("Vice President, Sales", "executive"),
            ("CTO", "executive"),
            ("Software Engineering Intern", "intern"),
            ("Junior Frontend Developer", "junior"),
            ("Graduate Software Engineer", "junior"),
            ("Entry-Level Data Analyst", "junior"),
            ("Client Support Analyst I", "junior"),
            ("Software Engineer II", "mid"),
            ("Software Engineer, Python - Mid / Senior", "mid"),
            ("Junior-Mid Backend Developer", "junior"),
            ("Sr Category Manager, Japan Merchandising", "senior"),
        ],
    )
    def test_from_the_title(self, title: str, expected: str) -> None:
        assert parse("Requirements\n- 10+ years of experience", title).seniority == expected

    @pytest.mark.parametrize(
        "title",
        ["Product Manager", "Account Manager B2B Sales", "Member of Technical Staff", "Executive Assistant to the CEO",
         "Head Chef", "Software Engineer"],
    )  # fmt: skip
    def test_titles_that_name_no_level(self, title: str) -> None:
        assert parse("We build things.", title).seniority is None

    @pytest.mark.parametrize(
        ("line", "expected"),
        [
            ("1+ years of experience", "junior"),
            ("3 years of experience", "mid"),
            ("6+ years of experience", "senior"),
            ("5+ years of experience with Python", "senior"),  # no overall years: the largest for a skill
        ],
    )
    def test_from_years_when_the_title_names_none(self, line: str, expected: str) -> None:
        assert parse(f"Requirements\n- {line}", "Backend Engineer").seniority == expected


class TestRemote:
    @pytest.mark.parametrize(
        ("text", "title", "expected"),
        [
            ("This is a fully remote role.", "Backend Engineer", "remote"),
            ("Join us.", "Backend Engineer (Remote)", "remote"),
            ("Join us.", "Marketing Operations Manager (m/w/d) | 100 % Remote", "remote"),
            ("Location: Remote (US only)", "Backend Engineer", "remote"),
            ("Remote-first, EU timezones.", "Backend Engineer", "remote"),
            ("Hybrid: 3 days in our Berlin office", "Backend Engineer", "hybrid"),
            ("You'll work from our London office 2 days a week.", "Backend Engineer", "hybrid"),
            ("Our engineering team is in-person 5 days a week in SF and Miami.", "Backend Engineer", "onsite"),
            ("This position is on-site in Austin, TX.", "Backend Engineer", "onsite"),
            ("Please note this is not a remote position.", "Backend Engineer", "onsite"),
            ("Workplace type: On-site", "Backend Engineer", "onsite"),
            ("Join us.", "Backend Engineer (Hybrid)", "hybrid"),
            ("Remote in Europe", "Backend Engineer", "remote"),
            ("100% work from home", "Backend Engineer", "remote"),
            ("2 days per week from home, the rest in the team.", "Backend Engineer", "hybrid"),
            ("You'll be expected in the office three days a week.", "Backend Engineer", "hybrid"),
            ("Remote work is not possible for this role.", "Backend Engineer", "onsite"),
            ("This is an in-office role.", "Backend Engineer", "onsite"),
        ],
    )
    def test_modes(self, text: str, title: str, expected: str) -> None:
        assert parse(text, title).remote == expected

    @pytest.mark.parametrize(
        "text",
        [
            "Experience with hybrid cloud environments and hybrid apps.",
            "Many teams do offer hybrid options. If the posting is specified as Onsite, you work from an office.",
            "Flexible working hours and home office possibility (but we're not remote-first).",
            "We are a distributed team of 40.",
            "This is a fully remote role. Quarterly on-site meetups. This position is on-site in Austin.",
        ],
    )
    def test_nothing_or_contradictions_say_nothing(self, text: str) -> None:
        assert parse(text, "Backend Engineer").remote is None

    def test_a_remote_that_names_a_field_is_no_mode(self) -> None:
        assert parse("Join us.", "Remote Sensing Scientist").remote is None


class TestSponsorship:
    @pytest.mark.parametrize(
        "text",
        [
            "We sponsor visas.",
            "Visa sponsorship is available for this role.",
            "Remote Visa sponsor Paid relocation",
            "We offer relocation and visa support for you and your family.",
            "We can sponsor H-1B visas for exceptional candidates.",
            "Sponsorship: available",
            "H-1B sponsorship available.",
        ],
    )
    def test_offered(self, text: str) -> None:
        assert parse(text).sponsorship == "offered"

    @pytest.mark.parametrize(
        "text",
        [
            "We are unable to sponsor visas at this time.",
            "Sponsorship: not available",
            "Visa sponsorship is not available for this position.",
            "Applicants must be authorized to work in the US without the need for employer sponsorship.",
            "Candidates must not require visa sponsorship now or in the future.",
            "This role is not eligible for visa sponsorship.",
            "We do not offer visa sponsorship.",
            "Unfortunately we cannot sponsor at this time.",
            "No visa sponsorship.",
            "Sponsorship is not available.",
            "We are not currently sponsoring visas.",
            "This position does not qualify for visa sponsorship.",
            "Visa sponsorship: No",
            "Candidates requiring sponsorship will not be considered.",
        ],
    )
    def test_none(self, text: str) -> None:
        assert parse(text).sponsorship == "none"

    @pytest.mark.parametrize(
        "text",
        [
            "We are proud to sponsor the Riverside football club.",
            "Acme's sponsorship of the city marathon raised $2M for charity.",
            "We do not sponsor events or conferences.",
            "If you need a visa, tell us when you apply.",
            "We sponsor visas for senior roles. We are unable to sponsor visas for this internship.",  # both: unknown
        ],
    )
    def test_false_positives_and_contradictions_say_nothing(self, text: str) -> None:
        assert parse(text).sponsorship is None


class TestLocationRules:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Must be located in the EU.", [("located_in", "EU")]),
            ("Candidates must reside in Germany.", [("located_in", "Germany")]),
            ("Location: Remote (US only)", [("located_in", "United States")]),
            ("Although this is a remote position you must be based in Canada.", [("located_in", "Canada")]),
            ("You must be based in the US or Canada.", [("located_in", "United States"), ("located_in", "Canada")]),
            ("We are only hiring in the UK.", [("located_in", "UK")]),
            ("US citizens only.", [("citizenship", "United States")]),
            ("Must be a U.S. citizen.", [("citizenship", "United States")]),
            ("German citizenship is required.", [("citizenship", "Germany")]),
            ("Must be authorized to work in the UK.", [("work_authorization", "UK")]),
            ("You must have the right to work in the United Kingdom.", [("work_authorization", "UK")]),
            ("Applicants must be legally eligible to work in Canada.", [("work_authorization", "Canada")]),
            ("Active security clearance required.", [("clearance", None)]),
            ("Must hold a current TS/SCI clearance.", [("clearance", None)]),
            ("Must be a US Citizen or Green Card holder.", [("citizenship", "United States")]),
            ("Candidates must hold British nationality.", [("citizenship", "UK")]),
            ("Open to US-based candidates only.", [("located_in", "United States")]),
            ("This position is only available to residents of Canada.", [("located_in", "Canada")]),
            (
                "You must be located in New York or the Bay Area.",
                [("located_in", "New York"), ("located_in", "Bay Area")],
            ),
            ("Ability to obtain and maintain a Secret clearance.", [("clearance", None)]),
            ("The successful candidate must be a UK national.", [("citizenship", "UK")]),
            (
                "You must reside in one of the following countries: Germany, Austria or Switzerland.",
                [("located_in", "Germany"), ("located_in", "Austria"), ("located_in", "Switzerland")],
            ),
            ("Must be allowed to work in the EU.", [("work_authorization", "EU")]),
        ],
    )
    def test_rules(self, text: str, expected: list[tuple[str, str | None]]) -> None:
        r = parse(text)
        assert [(x.kind, x.place) for x in r.location_rules] == expected
        assert all(x.text and x.text in text for x in r.location_rules)  # the sentence, without a "Location:" label

    @pytest.mark.parametrize(
        "text",
        [
            "Evaluation and quantitative proof are first-class citizens to you.",
            "We are good corporate citizens and support academic citizenship.",
            "This position is based in London.",
            "Remote-first, EU timezones.",
            "Remote (United States)",
            "Work from anywhere in the U.S.",
            "Ideally you are based in Europe.",
            "Security clearance is a plus.",
            "No security clearance required.",
            "Communication in German only.",
            "Customer data is stored in the EU only.",
            "Experience with customs clearance and freight forwarding.",
            "You will be able to work in a fast-paced environment.",
            "Must be located in the Pacific Time Zone.",
            "Employees must live within commuting distance of the office.",
            "We welcome applicants of all nationalities.",
            "DBS check required.",
            "Must be able to work in the US time zone.",
            "You must be based in EU time zones.",
            "Must be available to work in UK hours.",
            "We are the largest US national bank and must keep growing.",
        ],
    )
    def test_phrases_that_state_no_rule(self, text: str) -> None:
        assert rules(text) == []

    def test_the_title_counts_and_rules_are_capped(self) -> None:
        assert rules("Join us.", "Backend Engineer - Remote (EU only)") == [("located_in", "EU")]
        many = " ".join(f"You must be based in {c}." for c in ("Germany", "France", "Spain", "Italy", "Poland",
                                                                "Portugal", "Ireland", "Sweden", "Norway", "Denmark",
                                                                "Finland", "Austria"))  # fmt: skip
        assert len(parse(many).location_rules) == 10


class TestSections:
    @pytest.mark.parametrize(
        ("heading", "kind"),
        [
            ("Requirements", "requirements"),
            ("What you'll need:", "requirements"),
            ("## What we’re looking for", "requirements"),
            ("**Qualifications**", "requirements"),
            ("MINIMUM QUALIFICATIONS", "requirements"),
            ("Basic Qualifications:", "requirements"),
            ("Must have", "requirements"),
            ("You have", "requirements"),
            ("About you", "requirements"),
            ("Your profile", "requirements"),
            ("What You Bring", "requirements"),
            ("Nice to have", "nice_to_have"),
            ("Nice to Haves", "nice_to_have"),
            ("Bonus points", "nice_to_have"),
            ("Preferred Qualifications", "nice_to_have"),
            ("Pluses:", "nice_to_have"),
            ("Responsibilities", "responsibilities"),
            ("What you'll do", "responsibilities"),
            ("What You'll Do at Acme", "responsibilities"),
            ("The role", "responsibilities"),
            ("Your mission", "responsibilities"),
            ("Benefits", "benefits"),
            ("Perks & Benefits", "benefits"),
            ("What we offer", "benefits"),
            ("Compensation", "benefits"),
            ("About us", "about"),
            ("About the company", "about"),
            ("Who we are", "about"),
            ("About Palantir", "about"),
            ("About this role", "responsibilities"),
            ("It’s Important To Us That You Have:", "requirements"),
            ("Any of those will increase your chances:", "nice_to_have"),
            ("In this role, you will:", "responsibilities"),
            ("Why work at Beyond Cloud Consulting", "benefits"),
        ],
    )
    def test_headings(self, heading: str, kind: str) -> None:
        assert parse(f"{heading}\n- Write Python services").sections == {kind: "- Write Python services"}

    def test_an_inline_heading_keeps_its_line(self) -> None:
        r = parse("Requirements: 5+ years of Go\nNice to have: Kafka")
        assert r.sections == {"requirements": "5+ years of Go", "nice_to_have": "Kafka"}

    def test_text_before_the_first_heading(self) -> None:
        with_requirements = parse("Acme builds rockets.\n\nRequirements\n- Python")
        assert with_requirements.sections == {"requirements": "- Python", "about": "Acme builds rockets."}
        without = parse("We need a Django developer who knows PostgreSQL.\n\nBenefits\n- Learning budget for AWS")
        assert without.sections["other"] == "We need a Django developer who knows PostgreSQL."
        assert without.must_have == ["Django", "PostgreSQL"]  # benefits never give skills

    def test_without_sections_the_whole_text_is_must_have(self) -> None:
        r = parse("We need a Django developer who knows PostgreSQL and Redis.")
        assert (r.sections, r.must_have, r.nice_to_have) == ({"other": r.sections["other"]}, ["Django", "PostgreSQL",
                                                                                              "Redis"], [])  # fmt: skip

    def test_a_skill_in_both_is_must_have_and_one_only_under_nice_to_have_is_nice(self) -> None:
        r = parse("Requirements\n- Python, PostgreSQL\n\nNice to have\n- Kafka\n- Python")
        assert (r.must_have, r.nice_to_have) == (["Python", "PostgreSQL"], ["Apache Kafka"])

    def test_an_optional_part_of_a_requirement_is_nice_to_have(self) -> None:
        r = parse("Requirements\n- Strong Python skills, preferably with Django\n- Experience with Terraform is a plus")
        assert (r.must_have, r.nice_to_have) == (["Python"], ["Django", "Terraform"])

    def test_responsibilities_and_about_do_not_give_must_haves_when_requirements_exist(self) -> None:
        r = parse("About us\nWe run on Java.\n\nWhat you'll do\n- Maintain Ruby services\n\nRequirements\n- Python")
        assert r.must_have == ["Python"]

    def test_an_unknown_heading_closes_the_section_before_it(self) -> None:
        r = parse("Requirements\n- Python\n\nLife at Acme\n\nOur intranet runs on Java and PHP.")
        assert r.must_have == ["Python"]
        assert r.sections["other"].startswith("Our intranet")

    def test_lines_that_open_like_headings_but_read_as_sentences_stay_content(self) -> None:
        r = parse(
            "Requirements\nExperience with Java\nYou have strong Python skills\nNice to have\nExperience with Kafka"
        )
        assert (list(r.sections), r.must_have, r.nice_to_have) == (["requirements", "nice_to_have"], ["Java", "Python"],
                                                                   ["Apache Kafka"])  # fmt: skip

    def test_bullets_and_sentences_are_never_headings(self) -> None:
        r = parse("Requirements\n- Benefits of automation: you know Selenium\n- Responsibilities include testing")
        assert list(r.sections) == ["requirements"]


GREENHOUSE_CONTENT = html.escape(
    "<p>SmarterDx is transforming how health systems use clinical AI. We were founded 5 years ago.</p>"
    "<h3><strong>What You'll Do</strong></h3><ul><li>Troubleshoot issues in our Python services</li>"
    "<li>Write SQL to investigate data problems</li></ul>"
    "<h3><strong>What You Bring</strong></h3><ul>"
    "<li>3-5 years experience in technical support, preferably in healthcare technology</li>"
    "<li>3+ years of experience with SQL</li><li>Experience with Jira, Zendesk, or other ticketing systems</li>"
    "<li>Bachelor's degree or equivalent experience</li></ul>"
    "<h3><strong>Nice to Haves</strong></h3><ul><li>Salesforce and/or Python experience</li></ul>"
    "<h3><strong>Benefits</strong></h3><ul><li>Remote-First Team – Work from anywhere in the U.S.</li>"
    "<li>401(k) after 1 year of service</li></ul>"
    "<p><strong>This role is fully remote within the US.</strong> Applicants must be authorized to work in the "
    "United States. We are unable to sponsor visas at this time.</p>"
)
LEVER_DESCRIPTION = (
    "<div>Palantir builds the world’s leading software for data-driven decisions.</div>"
    "<div><b>The Role</b></div><div>Our team of Administrative Business Partners does more than support leaders.</div>"
)
LEVER_LISTS = [
    ("What We Value", "<li>Ability to adjust quickly with strong attention to detail.</li>"),
    ("What We Require", "<li>At least three years of previous administrative experience, preferably in a fast-paced "
                        "environment.</li><li>Proficiency with Microsoft products (Outlook, Excel, Word).</li>"),
]  # fmt: skip
LEVER_ADDITIONAL = (
    "<div><b>Life at Palantir</b></div><div>Many teams do offer hybrid options (WFH a day or two a week). If the "
    "posting is specified as Onsite, you are required to work from an office.</div>"
)


class TestWholePostings:
    def test_greenhouse_html(self) -> None:
        _, text = description(GREENHOUSE_CONTENT, escaped=True)
        r = parse_requirements("Senior Client Support Analyst", text)
        assert list(r.sections) == ["requirements", "nice_to_have", "responsibilities", "benefits", "about"]
        assert r.must_have == ["SQL", "JIRA", "Zendesk"]
        assert r.nice_to_have == ["Salesforce", "Python"]
        assert [(y.years, y.skill, y.required) for y in r.years] == [(3, None, True), (3, "SQL", True)]
        assert (r.min_years, r.degree, r.degree_required, r.seniority) == (3, "bachelor", False, "senior")
        assert (r.remote, r.sponsorship) == ("remote", "none")
        assert r.location_rules == [
            LocationRule("work_authorization", "United States", "Applicants must be authorized to work in the United "
                                                                "States.")
        ]  # fmt: skip

    def test_lever_lists(self) -> None:
        lists = "".join(f"<h3>{html.escape(h)}</h3><ul>{items}</ul>" for h, items in LEVER_LISTS)
        _, text = description(LEVER_DESCRIPTION + lists + LEVER_ADDITIONAL)
        r = parse_requirements("Administrative Business Partner", text)
        assert r.sections["requirements"].startswith("- Ability to adjust quickly")
        assert "Many teams" in r.sections["other"]
        assert r.must_have == ["Microsoft Outlook", "Microsoft Excel", "Microsoft Word"]
        assert [(y.years, y.skill, y.required) for y in r.years] == [(3, None, True)]
        assert (r.seniority, r.remote, r.sponsorship, r.location_rules) == ("mid", None, None, [])

    def test_plain_text_with_every_rule(self) -> None:
        text = (
            "Acme Robotics builds warehouse robots.\n\n"
            "Requirements:\n"
            "- 5+ years of experience with Python\n"
            "- BS/MS in Computer Science or a related field\n"
            "- Must be located in the EU\n"
            "- Visa sponsorship is available\n\n"
            "Nice to have:\n- Experience with ROS and Kubernetes\n\n"
            "Hybrid: 3 days in our Berlin office"
        )
        r = parse_requirements("Staff Robotics Engineer", text)
        assert r.must_have == ["Python"]
        assert r.nice_to_have == ["Robot Operating System", "Kubernetes"]
        assert (r.degree, r.degree_fields, r.degree_required) == ("bachelor", ["Computer Science"], True)
        assert (r.seniority, r.remote, r.sponsorship) == ("senior", "hybrid", "offered")
        assert [(x.kind, x.place) for x in r.location_rules] == [("located_in", "EU")]


class TestJson:
    def test_round_trip(self) -> None:
        _, text = description(GREENHOUSE_CONTENT, escaped=True)
        r = parse_requirements("Senior Client Support Analyst", text)
        data = to_json(r)
        assert data["version"] == REQUIREMENTS_VERSION
        assert from_json(data) == r

    def test_another_version_is_recomputed(self) -> None:
        assert from_json({**to_json(parse("Requirements\n- Python")), "version": "r0"}) is None

    @pytest.mark.parametrize(
        "change",
        [
            {"must_have": "Python"},
            {"must_have": ["x"] * 41},
            {"years": [{"years": -1, "skill": None, "text": "", "required": True}]},
            {"years": [{"years": True, "skill": None, "text": "", "required": True}]},
            {"years": [{"years": 3, "skill": None, "text": "x" * 201, "required": True}]},
            {"years": [{"years": 3, "skill": None, "text": "", "required": "yes"}]},
            {"min_years": "5"},
            {"degree": "diploma"},
            {"seniority": "ninja"},
            {"remote": "sometimes"},
            {"sponsorship": True},
            {"sections": {"secrets": "x"}},
            {"sections": {"requirements": 5}},
            {"location_rules": [{"kind": "planet", "place": "Mars", "text": ""}]},
            {"location_rules": [{"kind": "located_in", "place": 3, "text": ""}]},
            {"location_rules": ["EU"]},
            {"degree_required": None},
        ],
    )
    def test_malformed_json_is_refused(self, change: dict[str, object]) -> None:
        assert from_json({**to_json(parse("Requirements\n- Python")), **change}) is None

    def test_missing_keys_and_non_dicts_are_refused(self) -> None:
        data = to_json(parse("Requirements\n- Python"))
        del data["years"]
        assert from_json(data) is None
        assert from_json([]) is None  # type: ignore[arg-type]


FRAGMENTS = [
    "Requirements", "Nice to have:", "## Benefits", "**About us**", "- ", "\n", "\n\n", " ", "5+ years of Python",
    "3-5 years", "at least two years of experience with Go", "BS/MS in Computer Science, Mathematics",
    "or equivalent experience", "Remote (US only)", "Hybrid: 3 days in our Berlin office", "US citizens only",
    "We are unable to sponsor visas", "must be located in the EU", "security clearance", "preferred", "is a plus",
    "Senior", "(", ")", ",", ".", ";", ":", "1", "years", "remote", "degree in", "Ph.D.", "U.S.", "\u0130", "\t",
]  # fmt: skip


def _check_bounded(r: Requirements, text: str) -> None:
    assert len(r.must_have) <= 40 and len(r.nice_to_have) <= 40
    assert not set(r.must_have) & set(r.nice_to_have)
    assert len(r.years) <= 20 and all(len(y.text) <= 200 and 0 <= y.years <= 20 for y in r.years)
    assert len(r.location_rules) <= 10 and all(len(x.text) <= 200 for x in r.location_rules)
    assert len(r.degree_fields) <= 5
    assert r.min_years is None or 0 <= r.min_years <= 20
    assert set(r.sections) <= {"requirements", "nice_to_have", "responsibilities", "benefits", "about", "other"}
    assert sum(map(len, r.sections.values())) <= min(len(text), 100_000)
    assert from_json(to_json(r)) == r


class TestBounded:
    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(pieces=st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=300)), max_size=120),
           repeat=st.integers(1, 40))  # fmt: skip
    def test_any_text_parses_within_bounds(self, pieces: list[str], repeat: int) -> None:
        text = ("".join(pieces) * repeat)[:20_000]
        _check_bounded(parse_requirements(text[:200], text), text)

    @pytest.mark.parametrize(
        "text",
        [
            "1" + " " * 50_000 + "years",
            "5+ years " * 12_000,
            "a" * 150_000,
            "- " * 60_000,
            "(" * 100_000,
            "Requirements\n" * 20_000,
            "must be located in the " * 5_000,
            "BS, " * 30_000,
            "remote hybrid on-site " * 5_000,
            "\n".join(f"- {n} years of experience with Python" for n in range(5_000)),
        ],
    )
    def test_hostile_shapes_stay_bounded(self, text: str) -> None:
        _check_bounded(parse_requirements(text[:1_000], text), text)
