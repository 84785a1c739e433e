"""The offline cover letter from evidence: company, role and the strongest real match up front; duties paired with
achievements that share something with them; bullets turned into clean first-person prose; nothing about the
person that the resume, the profile or the user's own words do not say; sources for every sentence."""

from __future__ import annotations

import re

import pytest

from app.content import phrases
from app.content.generation import offline_outcome
from app.content.guard import guard_text
from app.content.inputs import Inputs, build_inputs, key
from app.content.letter import LENGTHS, compose_letter, word_count
from app.content.prose import first_person
from app.models.content import DocumentKind
from app.resumes.jsonresume import JsonResume
from app.skills.extractor import extract_skills
from tests.content.provenance import check_letter
from tests.content.samples import SAMPLES, Sample, inputs_of

_ROLE_LINE = re.compile(r"^(?P<position>.+), (?P<name>.+) \((?P<start>\d{4}) - (?P<end>\d{4})\)$")


def structure_of(sample: Sample) -> JsonResume:
    """The sample's resume as structure, read here from its known layout (independent of the resume parser)."""
    lines = sample.resume.splitlines()
    role = next(m for ln in lines if (m := _ROLE_LINE.match(ln)))
    bullets = [ln[2:] for ln in lines if ln.startswith("- ")]
    degree = lines[lines.index("EDUCATION") + 1]
    study, _, institution = degree.partition(", ")
    skills = lines[lines.index("SKILLS") + 1].split(", ")
    return JsonResume.model_validate({
        "basics": {"name": sample.name},
        "work": [{"name": role["name"], "position": role["position"], "startDate": role["start"],
                  "endDate": role["end"], "highlights": bullets}],
        "education": [{"institution": institution, "studyType": study}],
        "skills": [{"name": "Skills", "keywords": skills}],
    })  # fmt: skip


def sample_inputs(sample: Sample) -> Inputs:
    inputs = inputs_of(sample)
    inputs.structure = structure_of(sample)
    return inputs


SAMPLE_INPUTS = [sample_inputs(s) for s in SAMPLES]
IDS = [s.company for s in SAMPLES]


def foreign_skills(text: str, inputs: Inputs) -> list[str]:
    """Taxonomy skills in `text` that neither the profile nor the resume holds. The job's company and title are
    blanked first: a letter must name the role it applies for even when the title contains a skill word."""
    for allowed in (inputs.company, inputs.job_title):
        text = text.replace(allowed, " ")
    have = {key(s) for s in inputs.user_skills}
    have |= {key(s) for s in extract_skills(inputs.resume_text, "resume")}
    have |= {key(s) for s in extract_skills("\n".join(inputs.structure.skill_names()), "resume")}
    return [s for s in extract_skills(text, "resume") if key(s) not in have]


def grace(**posting: object) -> Inputs:
    """Grace Hopper's resume (a current and a past role) and a posting, by default a strong fit."""
    structure = JsonResume.model_validate({
        "basics": {"name": "Grace Hopper"},
        "work": [
            {"name": "Initech Corp", "position": "Senior Engineer", "startDate": "2019-03", "highlights": [
                "Cut nightly batch time by 40% by rewriting PostgreSQL queries.",
                "\u2022 Moved twelve services to Kubernetes with Docker images and zero downtime",
                "Built REST APIs in Python with FastAPI and PostgreSQL, serving two million calls a day.",
                "Manage the on-call rota for 6 engineers"]},
            {"name": "Globex", "position": "Data Analyst", "startDate": "2015-06", "endDate": "2019-02", "highlights": [
                "o Forecasting Sales o Market Basket Analysis o Customer Segmentation in R",
                "Manage weekly Microsoft Excel reports for the sales team",
                "Responsible for the pricing data mart in Oracle Database",
                "Built a churn model in R that flagged 300 at-risk accounts a month",
                "Wrote PostgreSQL checks that caught pricing errors before each release"]},
        ],
        "education": [{"institution": "State University", "area": "Computer Science", "studyType": "B.Sc.",
                       "endDate": "2015"}],
        "skills": [{"name": "Tools", "keywords": ["Python", "FastAPI", "PostgreSQL", "Docker", "Kubernetes", "C#",
                                                  "R", "Microsoft Excel", "Oracle Database"]}],
    })  # fmt: skip
    args: dict[str, object] = {
        "name": "Grace Hopper",
        "job_title": "Backend Engineer",
        "company": "Acme",
        "profile_skills": ["Python"],
        "job_skills": ["Python", "PostgreSQL", "Kubernetes", "Kafka"],
        "responsibilities": ["Design and build REST APIs in Python", "Tune PostgreSQL queries for our reporting",
                             "Run services on Kubernetes", "Operate Kafka clusters"],
    }  # fmt: skip
    args.update(posting)
    inputs = build_inputs(**args)  # type: ignore[arg-type]
    inputs.structure = structure
    return inputs


def sentences_of(inputs: Inputs, tone: str = "professional", length: str = "medium") -> list[dict[str, object]]:
    return [s.as_dict() for s in compose_letter(inputs, tone, length).sentences]


class TestComposeLetter:
    @pytest.mark.parametrize("inputs", SAMPLE_INPUTS, ids=IDS)
    def test_names_the_company_the_role_and_checks_out_sentence_by_sentence(self, inputs: Inputs) -> None:
        letter = compose_letter(inputs)
        assert inputs.company in letter.text and inputs.job_title in letter.text
        assert len([s for s in inputs.matching_skills if s in letter.text]) >= 2, letter.text
        assert foreign_skills(letter.text, inputs) == []
        assert guard_text(letter.text, inputs)[1] == [] and letter.removed == []
        assert check_letter(letter.text, [s.as_dict() for s in letter.sentences], inputs) == []

    @pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
    def test_from_resume_text_through_the_structure_parser(self, sample: Sample) -> None:
        inputs = inputs_of(sample)  # the structure the resume parser reads from the text
        assert inputs.structure.work, "the parser found the role"
        letter = compose_letter(inputs)
        assert letter.removed == [] and inputs.structure.work[0].name in letter.text
        assert check_letter(letter.text, [s.as_dict() for s in letter.sentences], inputs) == []

    def test_the_opening_names_the_role_and_the_strongest_match(self) -> None:
        letter = compose_letter(grace())
        opening = letter.text.split("\n\n")[1]
        assert "I have worked as a Senior Engineer at Initech Corp since 2019, where I " in opening
        # the achievement sharing most with the posting (Python, PostgreSQL and the API duty) opens the letter
        assert "built REST APIs in Python with FastAPI and PostgreSQL, serving two million calls a day." in opening

    def test_each_duty_is_paired_with_an_achievement_that_shares_something_with_it(self) -> None:
        inputs = grace()
        letter = compose_letter(inputs, length="long")
        assert letter.evidence
        for pair in letter.evidence:
            assert pair.shared, pair
            sentence = next(s for s in letter.sentences if pair.bullet[1:30] in s.text)
            kinds = [src.kind for src in sentence.sources]
            assert kinds[0] == "posting" and "resume" in kinds  # both sides of the sentence are sourced
        assert "Kafka" not in letter.text  # a duty naming a skill the user lacks is never echoed

    @pytest.mark.parametrize("tone", phrases.TONES)
    @pytest.mark.parametrize("length", list(LENGTHS))
    def test_every_tone_and_length_stays_in_its_window(self, tone: str, length: str) -> None:
        low, high = LENGTHS[length]
        for inputs in [grace(), *SAMPLE_INPUTS]:
            letter = compose_letter(inputs, tone, length)
            count = word_count(letter.text)
            ran_out = phrases.MORE_PLACEHOLDERS[0] in letter.text  # a one-role sample with three bullets
            assert 180 <= low <= high <= 320 and count <= high, (inputs.company, tone, length, count)
            assert count >= low or ran_out, (inputs.company, tone, length, count)
        assert word_count(compose_letter(grace(), tone, length).text) >= low

    def test_tones_change_only_the_courtesy_sentences(self) -> None:
        inputs = grace()
        facts = []
        for tone in phrases.TONES:
            sentences = compose_letter(inputs, tone).sentences
            facts.append([s.text for s in sentences if all(src.kind != "courtesy" for src in s.sources)])
        assert all(f == facts[0] for f in facts)
        openings = {compose_letter(inputs, tone).text.split("\n\n")[1].split(".")[0] for tone in phrases.TONES}
        assert len(openings) == len(phrases.TONES)

    def test_each_courtesy_slot_has_the_same_length_in_every_tone(self) -> None:
        for bank in (phrases.GREETING, phrases.APPLY, phrases.THANKS, phrases.CLOSING, phrases.SIGNOFF):
            assert len({len(t.split()) for t in bank.values()}) == 1, bank

    def test_the_same_inputs_give_the_same_letter(self) -> None:
        assert compose_letter(grace()).text == compose_letter(grace()).text

    def test_why_company_and_pitch_are_the_users_words_else_a_visible_placeholder(self) -> None:
        letter = compose_letter(grace())
        assert "[Why Acme: one sentence in your words]" in letter.text
        why = "Acme's invoicing product is what my own small business runs on."
        pitch = "I am relocating to Berlin in March and can start in April"
        letter = compose_letter(grace(why_company=why, pitch=pitch))
        assert "[Why Acme" not in letter.text
        assert why in letter.text and pitch + "." in letter.text
        sources = {s.text: s.sources[0] for s in letter.sentences}
        assert (sources[why].kind, sources[why].ref, sources[why].quote) == ("user", "why_company", why)
        assert (sources[pitch + "."].kind, sources[pitch + "."].ref) == ("user", "pitch")

    def test_no_habit_character_or_motive_the_user_did_not_write(self) -> None:
        """The issue's padding sentences, and their kin, never appear (the checker's trait patterns)."""
        for inputs in [grace(), *SAMPLE_INPUTS]:
            for tone in phrases.TONES:
                letter = compose_letter(inputs, tone)
                text = letter.text.lower()
                for padding in ("colleagues say", "unglamorous", "do not worry me", "plain words", "centre of my"):
                    assert padding not in text
                assert check_letter(letter.text, [s.as_dict() for s in letter.sentences], inputs) == []


class TestWeakFit:
    def posting(self) -> Inputs:
        return grace(
            job_title="SAP Security Analyst",
            company="Vandelay Industries",
            job_skills=["SAP", "SAP GRC", "C#", "SOX compliance"],
            responsibilities=["Design SAP roles and authorizations", "Run SOX access reviews with our auditors",
                              "Write small tools in C#"],
        )  # fmt: skip

    def test_a_minor_shared_skill_is_named_but_never_called_central(self) -> None:
        letter = compose_letter(self.posting())
        assert "C#" in letter.text
        assert not re.search(r"centre|center|central|heart of|core of", letter.text, re.I)
        assert phrases.TRANSFER in letter.text
        assert "SAP" not in letter.text.replace("SAP Security Analyst", "")  # the user has no SAP

    def test_the_strongest_real_achievement_still_leads(self) -> None:
        opening = compose_letter(self.posting()).text.split("\n\n")[1]
        # nothing matches the posting: a measured result of the role closest in title (Analyst) opens
        assert "I worked as a Data Analyst at Globex from 2015 to 2019, where I built a churn model in R" in opening


class TestBulletsBecomeProse:
    def test_no_glyph_no_run_together_bullets_no_raw_quoting(self) -> None:
        letter = compose_letter(grace(), length="long")
        assert not re.search(r"[\u2022\u25e6\u27a2]|\so\s[A-Z]|From my resume", letter.text)
        assert "I forecast sales." in letter.text or "forecast sales" in letter.text
        assert "market basket analysis" in letter.text

    def test_a_past_role_is_told_in_the_past_a_current_one_in_the_present(self) -> None:
        text = compose_letter(grace(), length="long").text
        assert "I also manage the on-call rota for 6 engineers" in text or "I manage the on-call rota" in text
        assert "I managed weekly Microsoft Excel reports" in text
        assert "responsible for the pricing data mart in Oracle Database" in text

    @pytest.mark.parametrize(
        ("bullet", "current", "expected"),
        [
            ("Cut nightly batch time by 40% by rewriting PostgreSQL queries.", False,
             "I cut nightly batch time by 40% by rewriting PostgreSQL queries"),
            ("Led a team of 8 engineers", True, "I led a team of 8 engineers"),
            ("Responsible for SAP GRC access reviews", False, "I was responsible for SAP GRC access reviews"),
            ("Responsible for SAP GRC access reviews", True, "I am responsible for SAP GRC access reviews"),
            ("Manage a caseload of 12 patients", False, "I managed a caseload of 12 patients"),
            ("Manage a caseload of 12 patients", True, "I manage a caseload of 12 patients"),
            ("Designs dashboards in Power BI", False, "I designed dashboards in Power BI"),
            ("Planning weekly rosters", False, "I planned weekly rosters"),
            ("Market Basket Analysis", False, "my work included market basket analysis"),
            ("Python tooling for the data team", True, "my work includes Python tooling for the data team"),
            ("SAP role design for 3 plants", False, "my work included SAP role design for 3 plants"),
            # Mostly names, but a sentence ("with" in lower case): their capitals stay.
            ("Introduced Docker-based CI with GitHub Actions", False,
             "I introduced Docker-based CI with GitHub Actions"),
        ],
    )  # fmt: skip
    def test_first_person(self, bullet: str, current: bool, expected: str) -> None:
        assert first_person(bullet, current=current).render() == expected


class TestOfflineOutcome:
    def test_the_report_carries_every_sentence_with_its_sources(self) -> None:
        inputs = grace()
        outcome = offline_outcome(inputs, DocumentKind.cover_letter, {"tone": "friendly", "length": "short"})
        report = outcome.report
        assert {"removed", "word_count", "matching_skills", "skills_mentioned", "missing_skills", "evidence",
                "sentences"} <= set(report)  # fmt: skip
        assert report["word_count"] == word_count(outcome.content)
        for sentence in report["sentences"]:
            assert sentence["text"] in outcome.content and sentence["sources"]
            for source in sentence["sources"]:
                assert set(source) == {"kind", "ref", "label", "quote"}
        role = next(s for s in report["sentences"] if s["text"].startswith("I have worked as"))
        assert [s["ref"] for s in role["sources"]] == ["work[0]", "work[0].highlights[2]"]
        assert role["sources"][0]["label"] == "Senior Engineer at Initech Corp (2019\u2013present)"
        assert check_letter(outcome.content, report["sentences"], inputs) == []

    def test_without_a_resume_the_letter_is_honest(self) -> None:
        inputs = build_inputs(
            name="Ada Lovelace", job_title="Data Engineer", company="Globex",
            profile_skills=["Python", "SQL", "Apache Airflow"], job_skills=["Python", "SQL", "Snowflake"],
            responsibilities=["Build pipelines in Python"],
        )  # fmt: skip
        letter = compose_letter(inputs, "concise", "short")
        assert "Snowflake" not in letter.text and letter.evidence == []
        assert phrases.MORE_PLACEHOLDERS[0] in letter.text  # nothing to say yet: the user is asked, visibly
        assert foreign_skills(letter.text, inputs) == []
        assert check_letter(letter.text, [s.as_dict() for s in letter.sentences], inputs) == []
