"""DOCX and PDF exports open in the readers people use (python-docx, pypdf) and contain the text, including "€"
and curly quotes that the built-in PDF fonts cannot draw."""

from __future__ import annotations

import io

from docx import Document
from pypdf import PdfReader

from app.content.export import FONTS, content_disposition, filename, to_docx, to_pdf

MARKDOWN = """# Grace Hopper

grace@example.com · Berlin

## Summary

Hands-on experience with **Python** and **PostgreSQL**. Salary expectation: 70.000 € a year, “negotiable”.

## Experience

**Senior Engineer, Initech Corp (2019 \u2013 2024)**
- Built REST APIs in Python, serving two million calls a day; the team\u2019s \u2018favourite\u2019 service.
- A long bullet that keeps going so that it has to wrap onto a second line of the page, to check that wrapping
  keeps every word of it in the output.
"""
TITLE = "Tailored resume \u2013 Acme \u2013 Backend Engineer"


def _flat(text: str) -> str:
    return " ".join(text.split())


class TestExports:
    def test_docx_has_headings_bullets_bold_and_every_character(self) -> None:
        doc = Document(io.BytesIO(to_docx(TITLE, MARKDOWN)))
        paragraphs = [(p.style.name if p.style else "", p.text) for p in doc.paragraphs]
        assert ("Heading 1", "Grace Hopper") in paragraphs and ("Heading 2", "Experience") in paragraphs
        bullets = [t for s, t in paragraphs if s == "List Bullet"]
        assert len(bullets) == 2 and "team\u2019s \u2018favourite\u2019" in bullets[0]
        summary = next(p for p in doc.paragraphs if p.text.startswith("Hands-on"))
        assert [r.text for r in summary.runs if r.bold] == ["Python", "PostgreSQL"]
        assert "70.000 € a year, “negotiable”" in summary.text
        assert doc.core_properties.title == TITLE

    def test_pdf_embeds_dejavu_and_keeps_the_text(self) -> None:
        data = to_pdf(TITLE, MARKDOWN)
        reader = PdfReader(io.BytesIO(data))
        text = _flat("\n".join(page.extract_text() for page in reader.pages))
        assert "70.000 € a year, “negotiable”" in text
        assert (
            "the team\u2019s \u2018favourite\u2019 service" in text
            and "Senior Engineer, Initech Corp (2019 \u2013 2024)" in text
        )
        assert "keeps every word of it in the output" in text
        fonts = {
            str(font["/BaseFont"])
            for page in reader.pages
            for font in page["/Resources"]["/Font"].values()  # type: ignore[index]
        }
        assert any("DejaVuSans" in f for f in fonts) and any("Bold" in f for f in fonts)
        assert reader.metadata is not None and reader.metadata.title == TITLE

    def test_the_font_and_its_licence_ship_with_the_app(self) -> None:
        assert {p.name for p in FONTS.iterdir()} >= {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LICENSE.txt"}
        assert "Bitstream" in (FONTS / "LICENSE.txt").read_text()

    def test_file_names_come_from_the_title_with_an_ascii_fallback(self) -> None:
        name = filename("Cover letter \u2013 Acme/Labs \u2013 C++ \u201cStar\u201d Engineer", "pdf")
        assert name == "Cover letter \u2013 Acme Labs \u2013 C++ \u201cStar\u201d Engineer.pdf"
        header = content_disposition(name)
        assert header.startswith('attachment; filename="Cover letter - Acme Labs - C++ Star Engineer.pdf"')
        assert "filename*=UTF-8''Cover%20letter%20%E2%80%93%20Acme%20Labs" in header
