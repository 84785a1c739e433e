"""Titles read as roles: family, level and the words that name them."""

from __future__ import annotations

import pytest

from app.match.roles import family_closeness, family_of, level_from_years, level_of, role_of, words_overlap


@pytest.mark.parametrize(
    ("title", "family"),
    [
        ("Sr. Python Developer", "software"),
        ("Senior Software Engineer", "software"),
        ("Senior Backend Golang Engineer Mailgun Send", "software"),
        ("Data Engineer", "data"),  # the longer phrase wins over "engineer"
        ("COMPUTER SCIENTIST (DATA SCIENTIST/DATA ANALYST)", "data"),
        ("Senior Site Reliability Engineer", "devops"),
        ("Principal Platform Software Engineer", "devops"),
        ("Highway Development Control Engineer", "engineering"),
        ("Marketing Operations Manager (m/w/d) | 100 % Remote", "marketing"),
        ("Accounts Payable Analyst", "finance"),
        ("Licensed Practical Nurse (LPN) - Sign On Bonus", "healthcare"),
        ("Job 19004 Junior Quality Assurance Engineer Brazil", "qa"),
        ("Account Manager B2B Sales", "sales"),
        ("Director", None),  # says nothing about the line of work: unknown, not a guess
    ],
)
def test_family(title: str, family: str | None) -> None:
    assert family_of(title) == family


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("Senior DevOps Engineer", "senior"),
        ("Sr. SW Engineer", "senior"),
        ("Software Engineer Internship, Android", "intern"),
        ("Junior Quality Assurance Engineer", "junior"),
        ("Client Support Analyst I", "junior"),
        ("Staff Engineer", "lead"),
        ("Principal NetSuite Consultant", "principal"),
        ("Head of Engineering", "director"),
        ("VP of Engineering", "executive"),
        ("Engineering Manager", "manager"),
        ("Account Manager", "mid"),  # a sales manager of accounts is not a people manager
        ("Software Engineer", None),
    ],
)
def test_level(title: str, level: str | None) -> None:
    assert level_of(title) == level


def test_level_from_years() -> None:
    assert [level_from_years(y) for y in (None, 0.5, 1.5, 3, 6, 12)] == [
        None,
        "junior",
        "junior",
        "mid",
        "senior",
        "lead",
    ]


def test_words_drop_levels_and_merge_synonyms() -> None:
    a, b = role_of("Sr. Python Developer"), role_of("Python Engineer")
    assert a.words == b.words == frozenset({"python", "engineer"})
    assert words_overlap(a.words, b.words) == 1.0
    assert words_overlap(role_of("Data Engineer").words, role_of("Software Engineer").words) == 0.5


def test_family_closeness() -> None:
    assert family_closeness("software", "software") == 1.0
    assert family_closeness("software", "devops") == family_closeness("devops", "software") == 0.5
    assert family_closeness("software", "sales") == 0.0
    assert family_closeness(None, "sales") is None
