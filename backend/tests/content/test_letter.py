"""The offline cover letter: facts from the person and the job, evidence paragraphs that really pair a duty with a
resume bullet, the length window, wording that differs from letter to letter, and no skill the user lacks."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.content import phrases
from app.content.guard import guard_text
from app.content.inputs import Inputs, build_inputs, key
from app.content.letter import LENGTHS, compose_letter, word_count
from app.skills.extractor import extract_skills
from app.skills.taxonomy import get_taxonomy
from tests.content.samples import SAMPLES, inputs_of

SAMPLE_INPUTS = [inputs_of(s) for s in SAMPLES]


def six_grams(text: str) -> set[tuple[str, ...]]:
    words = text.lower().split()
    return {tuple(words[i : i + 6]) for i in range(len(words) - 5)}


def foreign_skills(text: str, inputs: Inputs) -> list[str]:
    """Taxonomy skills in `text` that neither the profile nor the resume holds. The job's company and title are
    blanked first: a letter must name the role it applies for even when the title contains a skill word."""
    for allowed in (inputs.company, inputs.job_title):
        text = text.replace(allowed, " ")
    have = {key(s) for s in inputs.user_skills}
    have |= {key(s) for s in extract_skills(inputs.resume_text, "resume")}
    return [s for s in extract_skills(text, "resume") if key(s) not in have]


class TestComposeLetter:
    @pytest.mark.parametrize("inputs", SAMPLE_INPUTS, ids=[s.company for s in SAMPLES])
    def test_names_the_company_the_role_and_two_matching_skills(self, inputs: Inputs) -> None:
        letter = compose_letter(inputs)
        assert inputs.company in letter.text and inputs.job_title in letter.text
        mentioned = [s for s in inputs.matching_skills if s in letter.text]
        assert len(mentioned) >= 2, (inputs.matching_skills, letter.text)
        assert foreign_skills(letter.text, inputs) == []
        assert guard_text(letter.text, inputs)[1] == []  # the guard finds nothing to remove

    @pytest.mark.parametrize("inputs", SAMPLE_INPUTS, ids=[s.company for s in SAMPLES])
    def test_each_evidence_paragraph_pairs_a_duty_with_a_bullet_sharing_a_skill(self, inputs: Inputs) -> None:
        letter = compose_letter(inputs)
        assert letter.evidence, "every sample has duties and bullets that share skills"
        bullets = {b.text: b for b in inputs.bullets}
        for pair in letter.evidence:
            duty_skills = {key(s) for s in extract_skills(pair.responsibility, "jd")}
            bullet_skills = {key(s) for s in bullets[pair.bullet].skills}
            assert duty_skills & bullet_skills, pair
            assert pair.bullet[1:40] in letter.text and pair.responsibility[1:30] in letter.text

    @pytest.mark.parametrize("tone", phrases.TONES)
    @pytest.mark.parametrize("length", list(LENGTHS))
    def test_every_tone_and_length_stays_in_its_window(self, tone: str, length: str) -> None:
        low, high = LENGTHS[length]
        for inputs in SAMPLE_INPUTS:
            count = word_count(compose_letter(inputs, tone, length).text)
            assert 250 <= low <= count <= high <= 400, (inputs.company, tone, length, count)

    def test_tones_read_differently(self) -> None:
        inputs = SAMPLE_INPUTS[0]
        texts = {tone: compose_letter(inputs, tone).text for tone in phrases.TONES}
        assert len({t.split("\n")[0] + t.split("\n\n")[1][:40] for t in texts.values()}) >= 3

    def test_the_same_person_and_job_give_the_same_letter(self) -> None:
        assert compose_letter(inputs_of(SAMPLES[3])).text == compose_letter(inputs_of(SAMPLES[3])).text

    def test_ten_letters_share_at_most_a_fifth_of_their_six_word_phrases(self) -> None:
        """The measure: for every ordered pair (A, B) of the ten sample letters (same tone and length, different
        people and jobs), the share of A's distinct word 6-grams (lower-cased, split on whitespace) that also occur
        in B. The largest share over all 90 pairs must be at most 20 %, for every tone and length."""
        for tone, length in itertools.product(phrases.TONES, LENGTHS):
            grams = [six_grams(compose_letter(i, tone, length).text) for i in SAMPLE_INPUTS]
            worst = max(len(a & b) / len(a) for a, b in itertools.permutations(grams, 2))
            assert worst <= 0.20, (tone, length, worst)

    def test_without_a_resume_the_letter_is_still_honest_and_long_enough(self) -> None:
        inputs = build_inputs(
            name="Ada Lovelace",
            job_title="Data Engineer",
            company="Globex",
            profile_skills=["Python", "SQL", "Apache Airflow"],
            job_skills=["Python", "SQL", "Snowflake"],
            responsibilities=["Build pipelines in Python"],
        )
        letter = compose_letter(inputs, "concise", "short")
        assert 250 <= word_count(letter.text) <= 290
        assert "Snowflake" not in letter.text and letter.evidence == []
        assert foreign_skills(letter.text, inputs) == []

    @pytest.mark.parametrize("skill", ["SQL", "Go", "Java", "React", "C#", "Power BI"])
    def test_no_sentence_builder_names_a_skill_of_its_own(self, skill: str) -> None:
        facts = {"role": "Role", "a_role": "a Role", "company": "Zed", "s1": skill, "s2": skill, "skills": skill,
                 "s": skill, "resp": "do the work", "resp_q": "Do the work", "bullet": "did the work",
                 "bullet_q": "Did the work", "summary": "someone who works", "more": skill,
                 "extras": skill}  # fmt: skip
        for builder in phrases.all_builders():
            found = [s for s in extract_skills(builder.format(**facts), "resume") if key(s) != key(skill)]
            assert found == [], (builder, found)


def _well_behaved_skills() -> list[str]:
    """Taxonomy skills the extractor finds when a sentence names them plainly (some names are ordinary words that
    the matcher rightly gates on context; those cannot be "mentioned" reliably by any letter)."""
    taxonomy = get_taxonomy()
    out = []
    for name in taxonomy.names[:3000:3]:
        if extract_skills(f"I worked with {name} daily.", "resume") == [name]:
            out.append(name)
    return out


SKILLS = _well_behaved_skills()
COMPANIES = ["Acme", "Globex", "Initrode", "Hooli", "Vandelay Industries", "Stark Works", "Wonka Labs"]
TITLES = ["Backend Engineer", "Data Analyst", "Platform Engineer", "Product Designer", "Consultant"]


@st.composite
def person_and_job(draw: st.DrawFn) -> tuple[Inputs, str]:
    pool = draw(st.lists(st.sampled_from(SKILLS), min_size=6, max_size=12, unique=True))
    profile, only_job = pool[:-3], pool[-3:]
    shared = draw(st.lists(st.sampled_from(profile), min_size=2, max_size=min(4, len(profile)), unique=True))
    bullets = [f"- Delivered a reporting service using {s} for {n} teams." for n, s in enumerate(profile, 2)]
    resume = "\n".join(["SUMMARY", "Engineer who ships careful work.", "", "EXPERIENCE", "Lead, Example Co", *bullets])
    from tests.content.samples import _Resume

    company, title = draw(st.sampled_from(COMPANIES)), draw(st.sampled_from(TITLES))
    inputs = build_inputs(
        name=draw(st.sampled_from(["Ada Lovelace", "Alan Turing", "Kim Park"])),
        job_title=title,
        company=company,
        profile_skills=profile,
        job_skills=[*shared, *only_job],
        responsibilities=[f"Improve our platform with {s}" for s in [*shared, *only_job]],
        resume=_Resume(resume, profile),  # type: ignore[arg-type]
    )
    return inputs, draw(st.sampled_from(list(LENGTHS)))


class TestLetterProperties:
    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(case=person_and_job(), tone=st.sampled_from(phrases.TONES))
    def test_random_people_and_jobs(self, case: tuple[Inputs, str], tone: str) -> None:
        inputs, length = case
        letter = compose_letter(inputs, tone, length)
        text, removed = guard_text(letter.text, inputs)
        assert removed == [] and text == letter.text.strip()
        assert 250 <= word_count(text) <= 400
        assert inputs.company in text and inputs.job_title in text
        assert len([s for s in inputs.matching_skills if s in text]) >= 2
        assert foreign_skills(text, inputs) == []  # which includes every job skill the user lacks
