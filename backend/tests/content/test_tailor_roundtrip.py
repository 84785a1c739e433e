"""A tailored resume exported in every template, as PDF and DOCX, reads back with every role, employer and skill and
(at least 95 % of) its bullets: through the product's own resume parser, and through independent readers
(`pdftotext` from poppler-utils, python-docx), as an applicant tracking system would read it."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import unicodedata
from functools import cache

import pytest
from docx import Document

from app.content.export import TEMPLATES, TemplateName, export_document
from app.content.generation import offline_outcome
from app.models.content import DocumentKind
from app.resumes.jsonresume import JsonResume
from app.resumes.parsing import parse_resume
from app.resumes.structure import STRUCTURE_VERSION, parse_structure
from copilot_bench.content import realistic_inputs

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")


def _flat(text: str) -> str:
    """One form for comparing what a reader returns: compatibility forms folded, dashes alike, spaces collapsed."""
    text = _DASHES.sub("-", unicodedata.normalize("NFKC", text))
    return " ".join(text.split()).lower()


@cache
def _tailored() -> tuple[str, JsonResume]:
    outcome = offline_outcome(realistic_inputs(), DocumentKind.tailored_resume, {})
    return outcome.content, JsonResume.model_validate(outcome.report["resume"])


def _pdftotext(data: bytes) -> str:
    if shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("pdftotext is missing: `make browser-deps` installs poppler-utils")
        pytest.skip("pdftotext not installed (apt-get install poppler-utils, or `make browser-deps` as root)")
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True)
    return done.stdout.decode()


def _docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    return "\n".join(p.text for p in doc.paragraphs)


def _assert_complete(text: str, resume: JsonResume, reader: str) -> None:
    flat = _flat(text)
    for role in resume.work:
        assert _flat(role.position) in flat and _flat(role.name) in flat, (reader, role.position, role.name)
    for skill in resume.skill_names():
        assert _flat(skill) in flat, (reader, skill)
    bullets = [h for role in resume.work for h in role.highlights]
    found = [b for b in bullets if _flat(b) in flat]
    assert len(found) >= 0.95 * len(bullets), (reader, sorted(set(bullets) - set(found)))


CASES = [(fmt, template) for template in sorted(TEMPLATES) for fmt in ("pdf", "docx")]


@pytest.mark.parametrize(("fmt", "template"), CASES, ids=[f"{t}-{f}" for f, t in CASES])
class TestRoundTrip:
    def test_the_products_own_parser_reads_it_back(self, fmt: str, template: TemplateName) -> None:
        markdown, resume = _tailored()
        parsed = parse_resume(export_document(fmt, "Tailored resume", markdown, template))
        assert parsed.kind == fmt
        _assert_complete(parsed.text, resume, "parse_resume")
        assert {"experience", "skills", "education"} <= set(parsed.sections)
        if STRUCTURE_VERSION != "s0":  # the structure parser is real: the roles must come back as roles
            structure = parse_structure(parsed.text, parsed.sections)
            assert [(w.name, w.position) for w in structure.work] == [(w.name, w.position) for w in resume.work]

    def test_an_independent_reader_reads_it_back(self, fmt: str, template: TemplateName) -> None:
        markdown, resume = _tailored()
        data = export_document(fmt, "Tailored resume", markdown, template)
        text = _pdftotext(data) if fmt == "pdf" else _docx_text(data)
        _assert_complete(text, resume, "pdftotext" if fmt == "pdf" else "python-docx")
        for heading in ("Summary", "Experience", "Education", "Skills"):
            assert re.search(rf"^{heading}$", text, re.M), heading  # standard headings, each on its own line
