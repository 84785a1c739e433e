"""The offline cover letter's fixed wording: courtesy sentences (greeting, application, thanks, closing, sign-off),
one per tone, and the connectives that join a posting's duty to a resume fact.

Nothing here states a fact about the person: no skill, employer, habit or motive. Facts come only from the resume,
the profile, the posting or the user's own words (letter.py); the tone changes these courtesy words and nothing
else. The provenance test checks every letter sentence against this set."""

from __future__ import annotations

TONES = ("professional", "friendly", "enthusiastic", "concise")

# Each slot has the same number of words in every tone, so that a tone never changes which facts fit the length.
GREETING = {
    "professional": "Dear {company} hiring team,",
    "friendly": "Hello {company} hiring team,",
    "enthusiastic": "Dear {company} recruiting team,",
    "concise": "To the {company} team,",
}
GREETING_NO_COMPANY = "Dear Hiring Manager,"
APPLY = {
    "professional": "I am writing to apply for the {role} position at {company}.",
    "friendly": "I would like to apply for the {role} role at {company}.",
    "enthusiastic": "I am pleased to apply for the {role} role at {company}.",
    "concise": "With this letter I apply for the {role} role at {company}.",
}
THANKS = {
    "professional": "Thank you for considering my application.",
    "friendly": "Thank you for reading my application.",
    "enthusiastic": "Many thanks for considering my application.",
    "concise": "Thank you for your kind attention.",
}
CLOSING = {
    "professional": "I would welcome the chance to discuss the {role} role with you.",
    "friendly": "I would be glad to talk about the {role} role with you.",
    "enthusiastic": "I would be delighted to talk with you about the {role} role.",
    "concise": "I would welcome a short conversation with you about the {role} role.",
}
SIGNOFF = {"professional": "Kind regards,", "friendly": "Best wishes,", "enthusiastic": "Warm regards,",
           "concise": "Best regards,"}  # fmt: skip

# Connectives: the posting's side of a sentence whose other side is a resume fact.
DUTY_VERB = [
    "You are looking for someone to {duty}, and {fact}.",
    "Your posting asks the {role} to {duty}; {fact}.",
]
DUTY_QUOTE = "Your posting lists \u201c{duty}\u201d, and {fact}."
SHARED_SKILLS = "Your posting names {skills}, which my {where} also lists."
TRANSFER = "These are the parts of my experience that transfer best to this role."
WHY_PLACEHOLDER = "[Why {company}: one sentence in your words]"
MORE_PLACEHOLDERS = (
    "[One more result from your work that fits this role, in your words]",
    "[What you would like to do in this role, in your words]",
    "[Anything else the hiring team should know, in your words]",
)


def courtesy_templates() -> list[str]:
    """Every fixed sentence, for the provenance checker: a sentence matching one of these needs no other source."""
    out = [GREETING_NO_COMPANY, TRANSFER, WHY_PLACEHOLDER, *MORE_PLACEHOLDERS]
    for bank in (GREETING, APPLY, THANKS, CLOSING, SIGNOFF):
        out.extend(bank.values())
    return out
