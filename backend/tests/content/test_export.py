"""DOCX and PDF exports open in the readers people use (python-docx, pypdf) and contain the text, including "€"
and curly quotes that the built-in PDF fonts cannot draw; every template stays ATS-safe; the endpoint serves each
template and format, and JSON Resume for tailored resumes only."""

from __future__ import annotations

import io
import json
from typing import Any, get_args

import pytest
from docx import Document
from docx.shared import Pt, RGBColor
from pypdf import PdfReader

from app.content.export import (
    FONTS,
    TEMPLATES,
    TemplateName,
    export_document,
    filename,
    to_docx,
    to_pdf,
)
from app.core.config import Settings
from app.core.files import content_disposition
from app.resumes.jsonresume import JsonResume
from tests.content.conftest import give_resume
from tests.content.test_documents_api import _job, _settled
from tests.live import account
from tests.tasks.test_background import api

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


class TestTemplates:
    def test_every_template_name_the_api_accepts_has_a_template(self) -> None:
        assert set(get_args(TemplateName)) == set(TEMPLATES)

    @pytest.mark.parametrize("template", sorted(TEMPLATES))
    def test_docx_is_ats_safe_one_column_real_headings_no_tables_images_or_header_text(self, template: Any) -> None:
        doc = Document(io.BytesIO(export_document("docx", TITLE, MARKDOWN, template)))
        styles = [p.style.name if p.style else "" for p in doc.paragraphs]
        assert styles[:1] == ["Heading 1"] and styles.count("Heading 2") == 2 and styles.count("List Bullet") == 2
        assert doc.tables == [] and len(doc.inline_shapes) == 0  # no layout tables, no pictures
        section = doc.sections[0]
        assert all(not p.text.strip() for p in [*section.header.paragraphs, *section.footer.paragraphs])
        assert 'w:num="2"' not in section._sectPr.xml  # one column
        body = doc.styles["Normal"].font.size
        assert body == Pt(TEMPLATES[template].body)
        accent = TEMPLATES[template].accent
        if accent is not None:
            assert doc.styles["Heading 2"].font.color.rgb == RGBColor(*accent)

    @pytest.mark.parametrize("template", sorted(TEMPLATES))
    def test_pdf_keeps_every_word_in_one_column(self, template: Any) -> None:
        reader = PdfReader(io.BytesIO(export_document("pdf", TITLE, MARKDOWN, template)))
        text = _flat("\n".join(page.extract_text() for page in reader.pages))
        assert "70.000 € a year, “negotiable”" in text and "keeps every word of it in the output" in text
        assert text.index("Summary") < text.index("Experience") < text.index("Senior Engineer")

    def test_compact_fits_more_on_a_page_than_classic(self) -> None:
        long = MARKDOWN + "\n".join(f"- Bullet number {i} with a few words to make a line." for i in range(90))
        pages = {t: len(PdfReader(io.BytesIO(to_pdf(TITLE, long, t))).pages) for t in ("classic", "compact")}
        assert pages["compact"] < pages["classic"]


class TestExportEndpoint:
    @pytest.fixture
    def settings_overrides(self) -> dict[str, object]:
        return {"embedded_worker": True}

    async def test_templates_and_json_resume_for_a_tailored_resume_only(
        self, server: tuple[str, Any], settings: Settings
    ) -> None:
        host, _ = server
        token, user_id = await account(host, "grace@example.com")
        async with api(host, token) as c:
            await give_resume(settings, user_id)
            job_id = await _job(c)
            r = await c.post(f"/api/v1/jobs/{job_id}/documents", json={"kind": "tailored_resume"})
            tailored = await _settled(c, r.json()["id"])
            assert "resume" not in tailored["report"]  # kept for the export, not sent with the document
            url = f"/api/v1/documents/{tailored['id']}/export"
            for template in ("classic", "compact", "modern"):
                r = await c.get(url, params={"format": "pdf", "template": template})
                assert r.status_code == 200 and r.content.startswith(b"%PDF")
            r = await c.get(url, params={"format": "docx", "template": "modern"})
            assert r.status_code == 200 and Document(io.BytesIO(r.content)).paragraphs[0].text == "Grace Hopper"
            r = await c.get(url, params={"format": "json"})
            assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
            assert r.headers["content-disposition"].endswith(".json")
            resume = JsonResume.model_validate(json.loads(r.content))
            assert resume.basics.name == "Grace Hopper"
            assert (await c.get(url, params={"template": "fancy"})).status_code == 422

            r = await c.post(f"/api/v1/jobs/{job_id}/documents", json={"kind": "cover_letter"})
            letter = await _settled(c, r.json()["id"])
            r = await c.get(f"/api/v1/documents/{letter['id']}/export", params={"format": "json"})
            assert r.status_code == 409 and r.json()["code"] == "json_resume_unavailable"
            assert r.json()["detail"].startswith("JSON Resume export is for tailored resumes")
            r = await c.get(
                f"/api/v1/documents/{letter['id']}/export", params={"format": "docx", "template": "compact"}
            )
            assert r.status_code == 200
