"""Sentence builders of the offline cover letter, by slot and tone.

Every builder is a format string over the letter's facts ({role}, {company}, {s1}, {resp}, …). Fixed runs are
kept short and broken by those facts, and each slot has many builders, so two letters for different people and
jobs rarely share a phrase of six words. No builder names a skill, employer, title or degree of its own: the
test suite runs each through the guard's skill extractor."""

from __future__ import annotations

TONES = ("professional", "friendly", "enthusiastic", "concise")

GREETING: dict[str, list[str]] = {
    "professional": ["Dear {company} hiring team,", "Dear Hiring Manager,", "To the hiring team at {company},",
                     "Dear colleagues at {company},"],
    "friendly": ["Hello {company} team,", "Hi {company} team,", "Dear {company} team,", "Hello there,"],
    "enthusiastic": ["Dear {company} team,", "Hello {company} hiring team,", "Dear friends at {company},"],
    "concise": ["Dear Hiring Manager,", "Dear {company} team,", "Hello,", "Hello {company},", "To {company},"],
}  # fmt: skip

APPLY: dict[str, list[str]] = {
    "professional": [
        "I am writing to apply for the {role} position at {company}.",
        "Please accept this letter as my application for the {role} opening at {company}.",
        "I would like to be considered for the {role} role {company} has advertised.",
        "With this letter I put myself forward for {company}'s {role} position.",
        "{company} is looking for {a_role}, and I would like to be that person.",
        "I am applying for {company}'s opening for {a_role}, and I hope to show why below.",
    ],
    "friendly": [
        "I was glad to come across the {role} opening at {company}, and I would love to apply.",
        "When I saw that {company} is hiring {a_role}, I knew I wanted to write.",
        "I'm reaching out about the {role} role at {company}.",
        "{company}'s search for {a_role} caught my attention right away.",
    ],
    "enthusiastic": [
        "I am excited to apply for the {role} role at {company}!",
        "The {role} opening at {company} is exactly what I have been hoping to find.",
        "Seeing {company} advertise for {a_role} made my week.",
        "I would love nothing more than to join {company} as its next {role}.",
    ],
    "concise": [
        "I am applying for the {role} role at {company}.",
        "Please consider me for {company}'s {role} opening.",
        "This is my application for {role} at {company}.",
        "{company} needs {a_role}; I would like the job.",
        "I would like to join {company} as {a_role}.",
        "My application: {role}, {company}.",
    ],
}

OVERLAP = [
    "My background in {s1} and {s2} lines up closely with what your team needs.",
    "I bring hands-on work with {skills}, which your posting puts front and centre.",
    "{s1} and {s2} are part of my daily work, and both sit near the top of your list.",
    "Much of what you ask for, {skills} in particular, is what I already use to get results.",
    "Your posting names {s1} and {s2}; I reach for both every week.",
    "You will find {skills} throughout my experience.",
    "I have delivered real work with {skills}, the same tools your posting describes.",
    "What drew me in first was the overlap: {skills} run through your posting and my resume alike.",
    "Your emphasis on {s1} caught my eye, since it has been central to my work, next to {s2}.",
    "{s1}, together with {s2}, is where I have done my strongest work.",
    "I count {skills} among my most practised skills.",
]

SUMMARY = [
    "My resume sums me up in one line: {summary}.",
    "In short, here is how I describe myself: {summary}.",
    "A quick summary from my resume: {summary}.",
    "If you only read one line of my resume, let it be this: {summary}.",
]

INTRO_VERB = [
    "Your posting asks the {role} to {resp}.",
    "One of the duties you describe is to {resp}.",
    "{company} needs someone who can {resp}.",
    "You want the new hire to {resp}.",
    "I noticed you expect this role to {resp}.",
    "To {resp} is close to what I have already been doing.",
    "Being able to {resp} matters for this job, and I can show it.",
    "You ask for a person ready to {resp}.",
    "Consider the need to {resp}.",
]
INTRO_QUOTE = [
    "On the point \u201c{resp_q}\u201d, I can offer concrete proof.",
    "Consider the line \u201c{resp_q}\u201d from your posting.",
    "Your list of duties includes \u201c{resp_q}\u201d.",
    "\u201c{resp_q}\u201d is one of the tasks you mention.",
    "Among your expectations is \u201c{resp_q}\u201d.",
]

PROOF_VERB = [
    "In a previous role I {bullet}.",
    "For example, I {bullet}.",
    "I have done this before: I {bullet}.",
    "Most recently I {bullet}.",
    "As my resume shows, I {bullet}.",
    "Not long ago I {bullet}.",
    "One result I am proud of: I {bullet}.",
]
PROOF_QUOTE = [
    "One line of my resume says it best: \u201c{bullet_q}.\u201d",
    "My experience includes this: \u201c{bullet_q}.\u201d",
    "As my resume records, \u201c{bullet_q}.\u201d",
    "Here is what I did: \u201c{bullet_q}.\u201d",
    "From my resume: \u201c{bullet_q}.\u201d",
]

TIE = [
    "{s} sat at the heart of that project, just as it does in this role.",
    "That work relied on {s}, which your team uses too.",
    "It taught me how {s} behaves under real load and real deadlines.",
    "Doing it well meant knowing {s} deeply, not just in passing.",
    "The common thread is {s}, which I would bring to {company} from week one.",
    "{s} made it possible, and I keep sharpening it.",
    "I would bring that same {s} experience straight to your team.",
    "Since {s} is on your list of requirements, that experience should carry over directly.",
    "Every step of it ran on {s}.",
    "It is where my confidence with {s} comes from.",
]

MORE_MATCHES = [
    "Your posting also lists {more}, and I have used each of them.",
    "I am equally at home with {more}.",
    "{more} round out the overlap between us.",
    "Beyond those, {more} appear in both your requirements and my resume.",
]

EXTRAS = [
    "My wider toolkit covers {extras}, which helps me look at problems from more than one angle.",
    "Outside the core of this role I also work with {extras}.",
    "I can also draw on {extras} when a problem calls for it.",
    "Alongside that, I am comfortable with {extras}.",
]

MOTIVATION = [
    "What appeals to me about {company} is the chance to use {s} where it matters to real users.",
    "I like that this {role} role combines hands-on {s} work with ownership of outcomes.",
    "{company} strikes me as a place where careful {s} work is valued.",
    "Joining {company} would let me put hands-on {s} experience to work for your customers.",
    "I want my next step to be somewhere like {company}, where the {role} has real responsibility.",
    "The way {company} describes this {role} position tells me the team cares about doing things properly.",
    "I would be proud to put my name to the {s} work {company} ships.",
    "Few openings match a {s} background as well as this one at {company}.",
    "{company}'s product is one I would gladly build with {s} every day.",
]

APPROACH = [
    "Before I touch {s} code, I like to understand the problem fully.",
    "I write things down, so whoever inherits {s} work from me can carry on alone.",
    "When {s} misbehaves, I look for the cause rather than a quick patch.",
    "Small, steady {s} improvements that add up are my preferred way to work.",
    "On any {s} task I ask questions early, which saves everyone time.",
    "Clear notes and honest estimates go with every {s} change I make.",
    "Working next to {company}'s product and support people is something I would enjoy.",
    "Feedback on {s} work makes it better, and I give feedback with the same care.",
    "I measure before tuning anything in {s}, and I share the numbers openly.",
    "Deadlines matter to me; so does leaving each {s} project in better shape.",
    "I stay curious about how {s} works under the surface.",
    "Even deep inside {s}, I keep the people who use {company}'s product in mind.",
    "Quiet, dependable progress is what I would aim for as your {role}.",
    "I am happy to take the unglamorous {s} chores that keep a team moving.",
    "New tools do not worry me; I learned {s} by building something small first.",
    "Large pieces of work in {s} I split into steps that can each be checked alone.",
    "Colleagues say I explain tricky {s} ideas in plain words.",
    "Once {company} settles on a decision, I would commit to it while staying open to evidence.",
    "I treat {s} reviews as a chance to learn, not a gate to pass.",
    "In {s}, I favour simple, readable solutions over clever ones.",
]

CLOSING: dict[str, list[str]] = {
    "professional": [
        "I would welcome the chance to discuss how I could contribute to {company}.",
        "Thank you for considering my application; I look forward to hearing from you.",
        "I would be glad to talk about the {role} role in more detail at your convenience.",
        "I hope to have the opportunity to discuss my application with you.",
    ],
    "friendly": [
        "I'd love to chat about how I could help the team at {company}.",
        "Thanks for reading, and I hope we get the chance to talk soon.",
        "If it sounds like a fit, I'd be happy to grab a call whenever suits you.",
    ],
    "enthusiastic": [
        "I can't wait to hear from you, and I would be thrilled to join {company}.",
        "Thank you so much for your time; I'd be delighted to talk further!",
        "I would jump at the chance to show you what I can do for {company}.",
    ],
    "concise": [
        "Thank you for your time. I look forward to talking.",
        "I would welcome a conversation about this role.",
        "Thank you for considering me.",
        "I am available to talk whenever suits {company}.",
        "A short call would be welcome; thank you.",
    ],
}

SIGNOFF: dict[str, list[str]] = {
    "professional": ["Sincerely,", "Kind regards,", "Yours sincerely,", "Respectfully,"],
    "friendly": ["Best wishes,", "Warm regards,", "Cheers,", "All the best,"],
    "enthusiastic": ["With thanks,", "Warmly,", "Best regards,", "Excited to talk soon,"],
    "concise": ["Regards,", "Best,", "Thanks,", "With thanks,", "Yours,"],
}


def all_builders() -> list[str]:
    """Every builder, for the test that none of them names a skill of its own."""
    out: list[str] = []
    for bank in (GREETING, APPLY, CLOSING, SIGNOFF):
        for variants in bank.values():
            out.extend(variants)
    for flat in (OVERLAP, SUMMARY, INTRO_VERB, INTRO_QUOTE, PROOF_VERB, PROOF_QUOTE, TIE, MORE_MATCHES, EXTRAS,
                 MOTIVATION, APPROACH):  # fmt: skip
        out.extend(flat)
    return out
