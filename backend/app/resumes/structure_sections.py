"""Education, skills, projects, certificates and spoken languages from their sections' lines."""

# ruff: noqa: RUF001  -- resume text is made of dashes, curly quotes and bullets

from __future__ import annotations

import re

from app.resumes.jsonresume import Certificate, Education, Language, Project, Skill
from app.resumes.structure_dates import find_range, find_single
from app.resumes.structure_text import (
    DEGREE,
    SCHOOL,
    clean,
    header_parts,
    is_bullet,
    is_glyph_only,
    join_wrapped,
    looks_like_header,
    strip_bullet,
    word_set,
)

_SCORE = re.compile(
    r"(?:c?gpa|cpi|percentage|grade|score|marks|aggregate)\s*(?:of\s*)?[:\-]?\s*(\d{1,3}(?:\.\d{1,2})?\s*(?:/\s*\d{1,3}"
    r"(?:\.\d)?)?\s*%?)|(?<![\d.])(\d{2}(?:\.\d{1,2})?\s?%)|(?<![\d.])(\d\.\d{1,2}\s*/\s*(?:4|5|10)(?:\.0{1,2})?)(?![\d.])",
    re.IGNORECASE,
)
_AREA_AFTER = re.compile(r"^\s*(?:of\s+[A-Z][\w&]*(?:\s+[A-Z][\w&]*){0,2}\s*)?(?:in|\(|-|–|,|:)\s*(?P<area>[^,|()\d]+)")
_AREA_DIRECT = re.compile(r"^ (?P<area>[A-Z][A-Za-z&]*(?: (?:[A-Z][A-Za-z&]*|and|of|&)){0,3})(?=\s*(?:[,(|]|$))")
_STUDY_OF = re.compile(r"^\s*(?:of|in)\s+(?P<of>(?:[A-Z][\w&]*\s*){1,3})")
_SPOKEN = word_set(
    """english hindi spanish french german italian portuguese russian mandarin chinese cantonese japanese korean
    arabic bengali bangla urdu punjabi marathi gujarati tamil telugu kannada malayalam odia oriya assamese nepali
    sinhala thai vietnamese indonesian malay tagalog filipino turkish persian farsi hebrew greek polish dutch
    swedish norwegian danish finnish czech slovak hungarian romanian bulgarian ukrainian serbian croatian
    afrikaans zulu xhosa swahili latin sanskrit konkani sindhi"""
)
_FLUENCY = re.compile(
    r"\b(native|mother tongue|fluent|fluency|proficient|professional(?: working)?|full professional|bilingual|"
    r"intermediate|advanced|basic|beginner|elementary|conversational|limited working|read(?:,| and)? write)\b",
    re.IGNORECASE,
)
_LANG_LABEL = re.compile(r"^(?:spoken\s+)?languages?(?:\s+(?:known|spoken))?\s*[:\-–]?\s*(?P<rest>.*)$", re.IGNORECASE)
_TABLE_ROW = re.compile(r"^(?P<label>[A-Za-z][\w &/+().-]{0,40}?)\s+\|\s+(?P<items>\S.*)$")
_GROUP = re.compile(r"^(?P<label>[A-Za-z][\w &/+().-]{0,40}?)\s*[:–]\s*(?P<items>\S.*)$")
_ITEM_SPLIT = re.compile(r"\s*(?:[,;|•·●▪◦➢✓]|\s-\s|\s{2,})\s*")


def parse_education(lines: list[str]) -> list[Education]:
    out: list[dict[str, str | None]] = []
    current: dict[str, str | None] = {}

    def flush() -> None:
        if current.get("institution") or current.get("studyType"):
            out.append(dict(current))
        current.clear()

    for raw in lines:
        line = strip_bullet(raw) if is_bullet(raw) else raw.strip()
        if not line or len(line) > 200 or len(line.split()) > 20:
            continue
        school = _school_in(line)
        degree = DEGREE.search(line)
        if school and current.get("institution"):
            flush()
        if degree and current.get("studyType"):
            flush()
        if school:
            current["institution"] = school
        if degree and not current.get("studyType"):
            study, area = _degree(line, degree)
            current["studyType"], current["area"] = study, area
        dates = find_range(line) or find_single(line)
        if dates and not current.get("startDate") and not current.get("endDate"):
            current["startDate"] = dates.start if dates.end != dates.start else None
            current["endDate"] = dates.end
        score = _SCORE.search(line)
        if score and not current.get("score"):
            current["score"] = clean(next(g for g in score.groups() if g), 40)
    flush()
    return [
        Education(
            institution=clean(e.get("institution") or ""),
            studyType=clean(e.get("studyType") or ""),
            area=clean(e.get("area") or ""),
            startDate=e.get("startDate"),
            endDate=e.get("endDate"),
            score=(e.get("score") or "")[:40],
        )
        for e in out[:20]
    ]


_GENERIC_SCHOOL_WORDS = word_set(
    """high secondary senior junior higher school college university institute public primary elementary middle of
    the"""
)


def _is_school(part: str) -> bool:
    """ "Anna University", "St. Xavier's College": a school word and a name, not "High School" or a sentence."""
    words = part.split()
    if not SCHOOL.search(part) or len(words) > 10 or not part[:1].isalpha() or part.endswith("."):
        return False
    if words[-1].lower() in ("of", "for", "and", "the", "at", "in", "by"):
        return False
    named = [w for w in words if w.lower().strip(",.") not in _GENERIC_SCHOOL_WORDS]
    lower = [
        w for w in words if w[:1].islower() and w not in ("of", "and", "the", "for", "de", "del", "la", "at", "in")
    ]
    return bool(named) and (len(lower) <= 1 or (len(words) <= 5 and len(lower) < len(words)))


def _school_in(line: str) -> str | None:
    """The school a line names, its parts joined when several are ("Teachers College, Columbia University")."""
    dates = find_range(line) or find_single(line)
    if dates:
        line = line[: dates.span[0]] + " | " + line[dates.span[1] :]
    parts = [p.rstrip(".") for p in header_parts(line)]
    for k, part in enumerate(parts):
        if _is_school(part):
            last = part
            for nxt in parts[k + 1 : k + 3]:
                if not _is_school(nxt):
                    break
                last = nxt
            start = line.find(part)
            end = line.find(last, start) + len(last) if start >= 0 and last != part else -1
            return clean(line[start:end] if end > start else part)  # the words as written, between the parts
    return None


def education_anywhere(lines: list[str]) -> list[Education]:
    """Degrees written outside an education section ("Bachelors degree in Arts, University of Florida."): only
    lines that name both a degree and a school, so a school in a sentence is not taken for one."""
    picked = [ln for ln in lines if len(ln.split()) <= 20 and DEGREE.search(ln) and _school_in(ln)]
    return parse_education(picked)


def _degree(line: str, match: re.Match[str]) -> tuple[str, str]:
    """("Bachelor of Technology", "Computer Science") from "Bachelor of Technology in Computer Science, 2014"."""
    study = match.group(0).strip()
    tail = line[match.end() :]
    of = _STUDY_OF.match(tail)
    if of and " in " not in of.group(0)[:4] and of.group(0).lstrip().lower().startswith("of"):
        study = f"{study} {of.group(0).strip()}"
        tail = tail[of.end() :]
    area = ""
    m = _AREA_AFTER.match(tail)
    if m:
        area = clean(m.group("area"))
        area = re.split(r"\s+(?:from|at|with|and minor)\s+|\s+-\s+", area)[0]
        if SCHOOL.search(area) or len(area.split()) > 7:
            area = ""
    direct = None if area else _AREA_DIRECT.match(tail)  # "BSc Mathematics, West Virginia State College"
    if direct and not SCHOOL.search(direct.group("area")):
        area = direct.group("area")
    return clean(study), clean(area)


def parse_skills(lines: list[str]) -> tuple[list[Skill], list[str]]:
    """Skill groups, and the lines that named spoken languages (read by `parse_languages`)."""
    groups: list[Skill] = []
    flat: list[str] = []
    language_lines: list[str] = []
    in_languages = False  # under a "Languages" sub-heading of the skills section
    for raw in lines:
        line = strip_bullet(raw) if is_bullet(raw) else raw.strip()
        if not line or is_glyph_only(line):
            continue
        label = _LANG_LABEL.match(line)
        if label and not label.group("rest"):
            in_languages = True
            language_lines.append(line)
            continue
        if (label or in_languages) and _spoken_in(line):
            language_lines.append(line)
            continue
        in_languages = False
        # A table row read from a DOCX ("Languages | TypeScript, Rust"): one bar, a list after it.
        m = _GROUP.match(line) or (_TABLE_ROW.match(line) if line.count("|") == 1 and "," in line else None)
        if m and len(m.group("label").split()) <= 4 and not m.group("items").startswith("//"):
            items = _items(m.group("items"))
            if items:
                groups.append(Skill(name=clean(m.group("label")), keywords=items[:80]))
                continue
        if len(line.split()) > 10 and "," not in line:
            continue  # a sentence, not a list
        flat.extend(_items(line))
    if flat:
        seen: set[str] = set()
        unique = [s for s in flat if not (s.lower() in seen or seen.add(s.lower()))]  # type: ignore[func-returns-value]
        groups.append(Skill(name="Skills", keywords=unique[:80]))
    return groups[:60], language_lines


def _items(text: str) -> list[str]:
    out = []
    for item in _ITEM_SPLIT.split(text):
        item = clean(item.strip().rstrip("."))
        if item and len(item) <= 60 and len(item.split()) <= 6 and not item.endswith(":"):
            out.append(item[:200])
    return out


def _spoken_in(text: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z]+", text) if w.lower() in _SPOKEN]


def parse_languages(lines: list[str]) -> list[Language]:
    """Spoken languages from "Languages: English (native), Hindi" or a "Languages known" block."""
    out: list[Language] = []
    seen: set[str] = set()
    in_block = 0
    for raw in lines:
        line = strip_bullet(raw) if is_bullet(raw) else raw.strip()
        label = _LANG_LABEL.match(line)
        if label:
            in_block = 4 if not label.group("rest") else 0
            line = label.group("rest")
        elif in_block:
            in_block -= 1
        else:
            continue
        for item in _ITEM_SPLIT.split(line):
            names = _spoken_in(item)
            fluency = _FLUENCY.search(item)
            for name in names:
                if name.lower() not in seen and len(out) < 20:
                    seen.add(name.lower())
                    out.append(Language(language=name, fluency=fluency.group(0)[:60] if fluency else ""))
            if not names and item and in_block:
                in_block = 0
    return out


def parse_projects(lines: list[str]) -> list[Project]:
    projects: list[Project] = []
    name = ""
    body: list[str] = []
    dates = None

    def flush() -> None:
        if name and len(projects) < 30:
            items = join_wrapped(body)
            projects.append(
                Project(
                    name=clean(name),
                    highlights=[h[:600] for h in items][:30],
                    startDate=dates.start if dates else None,
                    endDate=None if dates is None or dates.current else dates.end,
                )
            )

    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not is_bullet(line) and looks_like_header(line) and len(line.split()) <= 10 and not line.endswith(":"):
            flush()
            found = find_range(line) or find_single(line)
            dates = found
            name = _without_edge_date(line, found.span) if found else line
            name = header_parts(name)[0] if header_parts(name) else name
            body = []
        else:
            body.append(line)
    flush()
    return projects


def _without_edge_date(line: str, span: tuple[int, int]) -> str:
    """The line without its date when the date opens or closes it ("AWS Architect, 2021"); a date inside the
    line stays, so the name is never two pieces glued together."""
    if len(line) - span[1] <= 3:
        return clean(re.sub(r"[\s(,;:|–—-]*(?:to|from|since|in)?[\s(,;:|–—-]*$", "", line[: span[0]]))
    if span[0] <= 3:
        return clean(line[span[1] :].lstrip(" )"))
    return clean(line)


def parse_certificates(lines: list[str]) -> list[Certificate]:
    out: list[Certificate] = []
    for raw in lines:
        line = strip_bullet(raw) if is_bullet(raw) else raw.strip()
        if not line or len(line.split()) > 20 or is_glyph_only(line) or line.endswith(":"):
            continue
        date = find_single(line)
        name = _without_edge_date(line, date.span) if date else clean(line)
        if len(name) >= 3 and any(c.isalpha() for c in name):
            out.append(Certificate(name=name, date=date.start if date else None))
        if len(out) >= 40:
            break
    return out
