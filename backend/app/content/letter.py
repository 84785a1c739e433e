"""The offline cover letter, written only from evidence: every sentence is a resume or profile fact rewritten as
prose, a fact of the posting, the user's own words, a fixed courtesy sentence, or a visible placeholder — and
carries its sources, so the reader can see where each one comes from.

Achievements are ranked by what they share with the posting (its skills and the words of its duties; recency
breaks ties). The strongest opens the letter with its role; the posting's first duties are then paired with the
achievements that match them best. Further facts (more achievements, a skill's years, other roles, education) are
added in that order until the letter reaches its length window. The same inputs give the same letter."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from app.content import phrases
from app.content.evidence import (
    Fact,
    Role,
    Source,
    facts_of,
    name_source,
    posting_company,
    posting_duty,
    posting_skills,
    posting_title,
    roles_of,
    skills_source,
)
from app.content.guard import Allowed, allowed_for, violations
from app.content.inputs import Inputs, canonical_skills, key
from app.content.prose import base_verb, first_person, lower_first
from app.skills.extractor import extract_skills

PROMPT_VERSION = "cover-offline-v2"
LENGTHS: dict[str, tuple[int, int]] = {"short": (180, 230), "medium": (220, 275), "long": (265, 320)}
MAX_DUTIES = {"short": 1, "medium": 2, "long": 3}
_STOP_WORDS = """
the and for with our your you their from into that this will are was were have has had using use used across
within about over under per all any other such able ability strong good great new key work team teams role
including include includes based make sure ensure help support various daily weekly
"""
_STOP = frozenset(_STOP_WORDS.split())
_METRIC = re.compile(
    r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|hundred)\b"
)
_PUFFERY = re.compile(
    r"passion|driven|motivated|detail[- ]oriented|team player|hard[- ]working|dynamic|self[- ]starter|"
    r"results[- ]oriented|enthusiastic|dedicated|proven track|go-getter|rockstar|ninja|guru",
    re.I,
)
_NO_ARTICLE = ("head ", "chief ", "director ", "vp ", "vice ")


def word_count(text: str) -> int:
    """Words as a reader counts them: runs of non-space characters."""
    return len(text.split())


def and_list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


@dataclass
class SentenceSource:
    """One sentence of the letter and everything it draws on."""

    text: str
    sources: list[Source]

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "sources": [s.as_dict() for s in self.sources]}


@dataclass
class Evidence:
    responsibility: str
    bullet: str
    shared: list[str]


@dataclass
class Letter:
    text: str
    sentences: list[SentenceSource] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    skills_mentioned: list[str] = field(default_factory=list)
    removed: list[dict[str, str]] = field(default_factory=list)


def _words(text: str) -> set[str]:
    return {w[:6] for w in re.findall(r"[a-z][a-z+#-]{2,}", text.lower()) if w not in _STOP}


def _article(phrase: str) -> str:
    low = phrase.lower()
    if low.startswith(_NO_ARTICLE):
        return phrase
    first = phrase.split(" ", 1)[0]
    if first.isupper() and len(first) > 1:
        vowel = first[0] in "AEFHILMNORSX"
    else:
        vowel = low[:1] in "aeio" or (low.startswith("u") and not low.startswith(("uni", "use", "usa")))
    return f"{'an' if vowel else 'a'} {phrase}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _addressed(duty: str) -> str:
    """A posting's duty as said to its writer: "our reporting" → "your reporting"."""
    return re.sub(r"\b(our|we|us)\b", lambda m: {"our": "your", "we": "you", "us": "you"}[m.group(1)], duty)


def _sentence_end(text: str) -> str:
    text = text.strip()
    return text if text[-1:] in ".!?" else text + "."


@dataclass
class _Filler:
    """An optional sentence, and its shorter form when it continues a sentence about the same role."""

    full: SentenceSource
    continuation: SentenceSource | None = None
    ref: str = ""  # the role it is about


class _Composer:
    def __init__(self, inputs: Inputs, tone: str, length: str) -> None:
        self.inputs, self.tone, self.length = inputs, tone, length
        self.structure = inputs.structure
        self.facts: list[Fact] = []
        seen: set[str] = set()
        for fact in facts_of(self.structure):  # a line repeated under two roles is used once
            if key(fact.text) not in seen:
                seen.add(key(fact.text))
                self.facts.append(fact)
        self.roles = {r.source.ref: r for r in roles_of(self.structure)}
        self.allowed: Allowed = allowed_for(inputs, posting=True)
        self.removed: list[dict[str, str]] = []
        have = [*inputs.user_skills, *canonical_skills(self.structure.skill_names())]
        have += [s for f in self.facts for s in f.skills]
        self.have = {key(s) for s in have}
        self.shared = [s for s in inputs.job_skills if key(s) in self.have]
        self.job_keys = {key(s) for s in inputs.job_skills}
        self.duty_skills = [{key(s) for s in extract_skills(d, "jd")} for d in inputs.responsibilities]
        self.duty_words = [_words(d) for d in inputs.responsibilities]
        title_words = _words(inputs.job_title)
        scored = []
        for index, fact in enumerate(self.facts):
            skills = {key(s) for s in fact.skills}
            score = 3 * len(skills & self.job_keys) + max(
                (len(_words(fact.text) & w) for w in self.duty_words), default=0
            )
            score += len(_words(fact.position) & title_words)
            score += 1 if _METRIC.search(fact.text) else 0  # a measured result is stronger evidence
            scored.append((score, fact.recency, -index, fact))
        scored.sort(key=lambda t: (t[0], t[1], t[2]), reverse=True)
        self.ranked = [(score, fact) for score, _, _, fact in scored]
        self.used: set[int] = set()  # ids of facts already in the letter
        self.roles_named: set[str] = set()

    # ---- sentences -------------------------------------------------------------------------------------------
    def ok(self, sentence: SentenceSource) -> SentenceSource | None:
        """The sentence, unless the guard finds a claim in it the resume does not hold (then it is reported)."""
        found = violations(sentence.text, self.allowed, numbers=True)
        for v in found:
            self.removed.append({"kind": v.kind, "text": sentence.text, "reason": v.reason})
        return None if found else sentence

    def courtesy(self, template: str, *extra: Source) -> SentenceSource:
        inputs = self.inputs
        text = template.format(role=inputs.job_title or "open", company=inputs.company or "your company")
        return SentenceSource(text, [Source("courtesy", "", "Courtesy", template), *extra])

    def fact_clause(self, fact: Fact, *, prefix: bool = True, also: bool = False) -> str:
        clause = first_person(fact.text, current=fact.current).render(also=also)
        if not prefix:
            return clause
        if fact.role is None:
            where = f"in my {fact.position} project" if fact.position else "in one project"
        elif fact.employer:
            where = f"at {fact.employer}"
        else:
            where = f"as {_article(fact.position)}"
        return f"{where}, {clause}"

    def role_phrase(self, role: Role) -> str:
        work = role.work
        what = " ".join(
            p
            for p in (f"as {_article(work.position)}" if work.position else "", f"at {work.name}" if work.name else "")
            if p
        )
        if role.current:
            return f"I have worked {what} since {role.start}"
        if role.start and role.end and role.start != role.end:
            return f"I worked {what} from {role.start} to {role.end}"
        if role.end or role.start:
            return f"I worked {what} in {role.end or role.start}"
        return f"I have worked {what}"

    def opening_fact(self) -> SentenceSource | None:
        best = self.next_fact()
        if best is None:
            role = next(iter(self.roles.values()), None)
            if role is None:
                return None
            self.roles_named.add(role.source.ref)
            return SentenceSource(self.role_phrase(role) + ".", [role.source])
        if best.role is not None:
            role = self.roles[best.role.ref]
            self.roles_named.add(role.source.ref)
            clause = first_person(best.text, current=best.current).render()
            return SentenceSource(f"{self.role_phrase(role)}, where {clause}.", [role.source, best.source])
        return SentenceSource(_cap(self.fact_clause(best)) + ".", [best.source])

    def next_fact(self, duty: int | None = None) -> Fact | None:
        """The best unused fact (for a duty: the one sharing most with it, if it shares anything)."""
        best: tuple[int, Fact] | None = None
        for score, fact in self.ranked:
            if id(fact) in self.used:
                continue
            if duty is not None:
                skills = {key(s) for s in fact.skills}
                score = 3 * len(skills & self.duty_skills[duty]) + len(_words(fact.text) & self.duty_words[duty])
                if score < 2:
                    continue
            if best is None or score > best[0]:
                best = (score, fact)
        if best is not None:
            self.used.add(id(best[1]))
        return best[1] if best else None

    def duty_sentences(self, limit: int) -> tuple[list[SentenceSource], list[Evidence]]:
        out: list[SentenceSource] = []
        evidence: list[Evidence] = []
        for i, duty in enumerate(self.inputs.responsibilities):
            if len(out) >= limit:
                break
            if not self.duty_skills[i] <= self.have:  # it names a skill the user lacks: never echo it
                continue
            fact = self.next_fact(i)
            if fact is None:
                continue
            duty_text = duty.rstrip(".;: ")
            first = duty_text.split(" ", 1)[0].lower()
            if base_verb(first) == first:
                duty_text = _addressed(duty_text)
                template = phrases.DUTY_VERB[len(out) % len(phrases.DUTY_VERB)]
                text = template.format(
                    duty=lower_first(duty_text), role=self.inputs.job_title or "new hire", fact=self.fact_clause(fact)
                )
            else:
                text = phrases.DUTY_QUOTE.format(duty=duty_text, fact=self.fact_clause(fact))
            sources = [posting_duty(self.inputs, i), *([fact.role] if fact.role else []), fact.source]
            sentence = self.ok(SentenceSource(text, sources))
            if sentence is not None:
                out.append(sentence)
                shared = [s for s in fact.skills if key(s) in self.duty_skills[i]]
                evidence.append(Evidence(duty_text, fact.text, shared))
        return out, evidence

    def more_facts(self) -> list[_Filler]:
        """The remaining achievements, best first; a role not yet named is introduced with its first one. Each
        comes with a continuation ("I also …") used only when the sentence before it in the letter is of the
        same role, so that a skipped sentence never leaves an "also" pointing at the wrong employer."""
        out = []
        while (fact := self.next_fact()) is not None:
            ref = fact.role.ref if fact.role else ""
            sources = [*([fact.role] if fact.role else []), fact.source]
            if ref and ref not in self.roles_named:
                self.roles_named.add(ref)
                clause = first_person(fact.text, current=fact.current).render()
                text = f"{self.role_phrase(self.roles[ref])}, where {clause}."
                out.append(_Filler(SentenceSource(text, sources), ref=ref))
                continue
            full = SentenceSource(_cap(self.fact_clause(fact)) + ".", sources)
            also = SentenceSource(_cap(self.fact_clause(fact, prefix=False, also=True)) + ".", sources)
            out.append(_Filler(full, also if ref else None, ref))
        return out

    def shared_skills(self) -> SentenceSource | None:
        listed: list[tuple[str, Source]] = []
        for skill in self.shared:
            source = skills_source(self.structure, self.inputs, skill)
            if source is not None:
                listed.append((skill, source))
        listed = listed[:4]
        if not listed:
            return None
        where = "resume" if all(src.kind == "resume" for _, src in listed) else "profile"
        if where == "profile" and any(src.kind == "resume" for _, src in listed):
            listed = [(s, src) for s, src in listed if src.kind == "profile"]
        text = phrases.SHARED_SKILLS.format(skills=and_list([s for s, _ in listed]), where=where)
        sources = [posting_skills(self.inputs), *{src.ref: src for _, src in listed}.values()]
        return SentenceSource(text, sources)

    def other_skills(self) -> SentenceSource | None:
        """The resume's skills the posting does not name (after the shared ones), as the user spelled them."""
        shared = {key(s) for s in self.shared}
        names = [n for n in self.structure.skill_names() if key(canonical_skills([n])[0]) not in shared][:5]
        if not names:
            return None
        source = Source("resume", "skills", "Skills on my resume", ", ".join(self.structure.skill_names()))
        also = " also" if self.shared else ""
        return SentenceSource(f"My resume{also} lists {and_list(names)}.", [source])

    def skill_years(self) -> list[SentenceSource]:
        """The shared skills an achievement names, grouped by the latest role that used them: since when (or from
        when to when)."""
        by_role: dict[str, list[tuple[str, Fact]]] = {}
        for skill in self.shared[:4]:
            # Only a skill the achievement names as written ("Python"), not one read into it ("data pipelines" is
            # Data Engineering to the taxonomy, but "I used Data Engineering" is not how a person writes).
            named = re.compile(rf"(?<!\w){re.escape(skill)}(?!\w)", re.IGNORECASE)
            facts = [
                f
                for f in self.facts
                if f.role is not None and key(skill) in {key(s) for s in f.skills} and named.search(f.source.quote)
            ]
            facts.sort(key=lambda f: f.recency, reverse=True)
            if facts and facts[0].role is not None:
                by_role.setdefault(facts[0].role.ref, []).append((skill, facts[0]))
        out = []
        for ref, pairs in by_role.items():
            role = self.roles[ref]
            skills = and_list([skill for skill, _ in pairs])
            employer = f" at {role.work.name}" if role.work.name else ""
            if role.current:
                text = f"I have used {skills}{employer} since {role.start}."
            elif role.start and role.end and role.start != role.end:
                text = f"I used {skills}{employer} from {role.start} to {role.end}."
            else:
                continue
            highlights = list({f.source.ref: f.source for _, f in pairs}.values())
            out.append(SentenceSource(text, [role.source, *highlights]))
        return out

    def other_roles(self) -> list[SentenceSource]:
        out = []
        for ref, role in self.roles.items():
            if ref in self.roles_named:
                continue
            phrase = self.role_phrase(role).replace("I have worked", "I have also worked", 1)
            phrase = phrase.replace("I worked", "I also worked", 1)
            out.append(SentenceSource(phrase + ".", [role.source]))
        return out

    def education(self) -> list[SentenceSource]:
        out = []
        for i, ed in enumerate(self.structure.education):
            if not ed.institution:
                continue
            head = f"I studied {ed.area} at {ed.institution}" if ed.area else f"I studied at {ed.institution}"
            extra = [p for p in (ed.studyType, ed.endDate[:4] if ed.endDate else "") if p]
            text = head + (f" ({', '.join(extra)})" if extra else "") + "."
            quote = ", ".join(p for p in (ed.studyType, ed.area, ed.institution, ed.endDate or "") if p)
            out.append(SentenceSource(text, [Source("resume", f"education[{i}]", "Education", quote)]))
        for i, cert in enumerate(self.structure.certificates):
            if not cert.name:
                continue
            text = f"I hold the certificate \u201c{cert.name}\u201d"
            text += (f" from {cert.issuer}" if cert.issuer else "") + (f" ({cert.date[:4]})" if cert.date else "") + "."
            quote = ", ".join(p for p in (cert.name, cert.issuer, cert.date or "") if p)
            out.append(SentenceSource(text, [Source("resume", f"certificates[{i}]", "Certificate", quote)]))
        return out

    def summary(self) -> SentenceSource | None:
        """The resume's own summary as a first-person sentence, when it describes work rather than character."""
        summary = self.structure.basics.summary
        first = re.split(r"(?<=[.!?])\s+", " ".join(summary.split()))[0].rstrip(".!? ") if summary else ""
        if not 4 <= len(first.split()) <= 30 or _PUFFERY.search(first):
            return None
        if re.match(r"(?i)i\s", first):
            text = first
        elif first.split(" ", 1)[0].lower() in ("a", "an"):
            text = f"I am {first[0].lower()}{first[1:]}"
        elif base_verb(first.split(" ", 1)[0].lower()) or first.split(" ", 1)[0].lower().endswith("ed"):
            return None  # "Led teams..." is not a noun phrase to build "I am ..." on
        else:
            text = f"I am {_article(lower_first(first))}"
        source = Source("resume", "basics.summary", "My resume's summary", summary)
        return SentenceSource(_sentence_end(text), [source])

    def why(self) -> list[SentenceSource]:
        inputs = self.inputs
        out = []
        if inputs.why_company:
            label = f"Why {inputs.company or 'this company'}, in my words"
            out.append(
                SentenceSource(
                    _sentence_end(inputs.why_company), [Source("user", "why_company", label, inputs.why_company)]
                )
            )
        else:
            template = phrases.WHY_PLACEHOLDER
            text = template.format(company=inputs.company or "this company")
            out.append(SentenceSource(text, [Source("placeholder", "why_company", "Write this yourself", template)]))
        if inputs.pitch:
            source = Source("user", "pitch", "What I want employers to know", inputs.pitch)
            out.append(SentenceSource(_sentence_end(inputs.pitch), [source]))
        return out


def compose_letter(inputs: Inputs, tone: str = "professional", length: str = "medium") -> Letter:
    """A cover letter of `length` words in `tone`, every sentence from the inputs' facts, with its sources."""
    tone = tone if tone in phrases.TONES else "professional"
    length = length if length in LENGTHS else "medium"
    low, high = LENGTHS[length]
    c = _Composer(inputs, tone, length)
    company, title = posting_company(inputs), posting_title(inputs)
    if inputs.company:
        greeting = c.courtesy(phrases.GREETING[tone], company)
    else:
        greeting = c.courtesy(phrases.GREETING_NO_COMPANY)
    opening = [c.courtesy(phrases.APPLY[tone], *[s for s in (title, company) if s.quote])]
    first = c.opening_fact()
    strong = bool(c.ranked) and c.ranked[0][0] >= 3
    if first is not None and (first := c.ok(first)) is not None:
        opening.append(first)
    duties, evidence = c.duty_sentences(MAX_DUTIES[length])
    middle: list[SentenceSource] = []
    background: list[SentenceSource] = []
    if not duties and not strong and c.facts:
        middle.append(c.courtesy(phrases.TRANSFER))
    why = c.why()
    closing = [c.courtesy(phrases.THANKS[tone]), c.courtesy(phrases.CLOSING[tone], *[s for s in (title,) if s.quote])]
    signoff = [c.courtesy(phrases.SIGNOFF[tone])]
    if inputs.name:
        signoff.append(SentenceSource(inputs.name, [name_source(inputs)]))

    fillers: list[tuple[list[SentenceSource], _Filler]] = []
    shared = c.shared_skills()
    fillers += [(middle, _Filler(shared))] if shared else []
    fillers += [(middle, f) for f in c.more_facts()]
    fillers += [(background, _Filler(s)) for s in [*c.skill_years(), *c.other_roles(), *c.education()]]
    more = c.other_skills()
    fillers += [(background, _Filler(more))] if more else []
    summary = c.summary()
    fillers += [(opening, _Filler(summary))] if summary else []

    def paragraphs() -> list[list[SentenceSource]]:
        out = []
        for p in ([greeting], opening, duties, middle, background, why, closing):
            # a long run of achievements reads better in two paragraphs
            out += [p[:5], p[5:]] if len(p) > 7 else [p]
        return [p for p in out if p]

    def render() -> str:
        body = "\n\n".join(" ".join(s.text for s in p) for p in paragraphs())
        return body + "\n\n" + "\n".join(s.text for s in signoff)

    while word_count(render()) > high and len(duties) > 1:
        duties.pop()
        evidence.pop()
    last_role = ""  # the role of the sentence the last filler became
    for target, filler in fillers:
        current = word_count(render())
        if current >= low:
            break
        continues = filler.continuation is not None and filler.ref == last_role and target is middle
        sentence = filler.continuation if continues and filler.continuation else filler.full
        if current + word_count(sentence.text) <= high and (checked := c.ok(sentence)) is not None:
            target.append(checked)
            last_role = filler.ref
        else:
            last_role = ""
    for template in phrases.MORE_PLACEHOLDERS:  # too little on the resume to reach the window: ask, visibly
        if word_count(render()) >= low:
            break
        background.append(SentenceSource(template, [Source("placeholder", "", "Write this yourself", template)]))
    text = render()
    sentences = [s for p in paragraphs() for s in p] + signoff
    mentioned = [s for s in c.shared if s in text]
    return Letter(text=text, sentences=sentences, evidence=evidence, skills_mentioned=mentioned, removed=c.removed)
