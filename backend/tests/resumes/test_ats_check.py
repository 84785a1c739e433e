"""The resume check: files the tests generate, each with one thing an ATS trips on, are flagged with a fix; clean
ones pass with a high score; the API checks the caller's stored file on both databases."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest

from app.resumes import pdf_text
from app.resumes.ats_check import AtsReport, check_resume, score_of
from app.resumes.ats_check_base import Finding
from app.resumes.errors import ResumeParseError
from app.resumes.jsonresume import JsonResume
from app.resumes.parsing import parse_resume
from app.resumes.structure import parse_structure
from tests.api.test_resumes import _settled, _upload
from tests.conftest import register
from tests.live import account
from tests.resumes import ats_files as a
from tests.resumes import factories as f
from tests.resumes import hostile
from tests.tasks.test_background import api


def check(data: bytes, filename: str = "resume") -> AtsReport:
    """The check as the API runs it: on what the upload read from the file (nothing, when reading failed)."""
    try:
        parsed = parse_resume(data)
    except ResumeParseError as exc:
        return check_resume(data, filename, "", {}, JsonResume(), read_error=exc.message)
    structure = parse_structure(parsed.text, parsed.sections)
    return check_resume(data, filename, parsed.text, parsed.sections, structure)


def by_code(report: AtsReport) -> dict[str, Finding]:
    return {finding.code: finding for finding in report.findings}


def problems(report: AtsReport) -> dict[str, str]:
    return {f.code: f.severity for f in report.findings if f.severity != "ok"}


class TestCleanResumes:
    @pytest.mark.parametrize("make", [a.clean_pdf, a.clean_docx, f.one_column_pdf], ids=["pdf", "docx", "factory-pdf"])
    def test_a_clean_one_column_resume_passes(self, make: Any) -> None:
        report = check(make())
        assert not [f for f in report.findings if f.severity == "error"], report.findings
        assert report.score >= 85, report.findings
        assert report.label == "ready for an ATS"
        found = by_code(report)
        for code in ("text", "columns", "tables", "file_type", "contact", "headings", "dates", "length"):
            assert found[code].severity == "ok", found[code]
            assert found[code].fix is None
        assert report.pages == 1 and report.words > 150

    def test_the_parse_is_what_an_ats_fills_in(self) -> None:
        report = check(a.clean_pdf())
        parsed = report.parsed
        assert parsed.name == "Jane Example"
        assert parsed.email == "jane@example.com" and parsed.phone == "+1 555 0100"
        assert {"Senior Engineer", "Software Engineer"} <= set(parsed.titles)
        assert {"Northwind Traders", "Contoso Ltd", "Fabrikam Inc"} <= set(parsed.employers)
        assert parsed.schools == ["State University"]
        assert {"Experience", "Education", "Skills"} <= set(parsed.headings)
        assert "Northwind Traders" in parsed.text


class TestTextExtractable:
    def test_a_scanned_pdf_is_an_error_and_scores_zero(self) -> None:
        report = check(a.scanned_pdf())
        text = by_code(report)["text"]
        assert text.severity == "error" and "scanned" in text.title
        assert text.fix and "DOCX" in text.fix
        assert report.score == 0 and report.parsed.text == ""
        # What depends on the text is not judged on a text an ATS never gets.
        assert not {"contact_email", "headings", "dates", "length"} & set(by_code(report))

    def test_the_factory_scan_of_shapes_and_a_picture_too(self) -> None:
        assert by_code(check(f.scanned_pdf()))["text"].severity == "error"

    def test_a_docx_holding_a_picture_of_the_resume(self) -> None:
        text = by_code(check(a.picture_docx()))["text"]
        assert text.severity == "error" and "pictures" in text.title

    def test_glyphs_without_unicode_come_out_as_garbage(self) -> None:
        report = check(a.unmapped_glyphs_pdf())
        found = by_code(report)
        assert found["fonts"].severity == "error" and "garbage" in found["fonts"].title
        assert found["fonts_embedded"].severity == "warning"  # a made-up font, not stored in the file

    def test_a_pdf_the_guards_refuse_is_one_error_with_the_reason(self) -> None:
        report = check(f.encrypted_pdf("secret"))
        assert problems(report) == {"text": "error"}
        assert "password" in by_code(report)["text"].detail.lower()
        assert report.score == 0

    def test_a_file_whose_reading_failed_says_why_not_fine(self) -> None:
        report = check_resume(
            a.clean_pdf(), "cv.pdf", "", {}, JsonResume(), read_error="This file holds almost no text."
        )
        texts = [f for f in report.findings if f.code == "text"]
        assert [(t.severity, t.detail) for t in texts] == [("error", "This file holds almost no text.")]
        assert report.score == 0


class TestLayout:
    @pytest.mark.parametrize("summary", [False, True], ids=["columns", "full-width-summary-then-columns"])
    def test_a_two_column_pdf_is_flagged(self, summary: bool) -> None:
        columns = by_code(check(f.two_column_pdf(summary=summary)))["columns"]
        assert columns.severity == "warning"
        assert columns.fix and "single column" in columns.fix

    def test_right_aligned_dates_are_not_a_second_column(self) -> None:
        assert by_code(check(f.right_aligned_dates_pdf()))["columns"].severity == "ok"

    def test_a_docx_laid_out_in_a_table_is_flagged(self) -> None:
        tables = by_code(check(f.docx_resume(layout_table=True)))["tables"]
        assert tables.severity == "warning" and tables.fix

    def test_a_small_skills_table_in_a_docx_is_fine(self) -> None:
        tables = by_code(check(f.docx_resume()))["tables"]
        assert tables.severity == "ok" and "small" in tables.title

    def test_a_pdf_laid_out_in_a_bordered_table_is_flagged(self) -> None:
        assert by_code(check(a.ruled_table_pdf()))["tables"].severity == "warning"

    def test_word_columns_text_boxes_and_a_contact_header(self) -> None:
        assert by_code(check(a.docx_in_columns()))["columns"].severity == "warning"
        assert by_code(check(f.docx_with_template_parts()))["text_boxes"].severity == "warning"
        header = by_code(check(a.docx_contact_in_header()))["header_footer"]
        assert header.severity == "warning" and "email" in header.detail
        assert "header_footer" not in by_code(check(a.clean_docx()))

    def test_icons_in_an_icon_font(self) -> None:
        found = by_code(check(a.icon_font_pdf()))
        assert found["icons"].severity == "warning"
        assert found["fonts_embedded"].severity == "warning" and "FontAwesome" in found["fonts_embedded"].detail


class TestContent:
    def test_a_resume_without_an_email_is_an_error(self) -> None:
        report = check(a.clean_pdf(contact="+1 555 0100 | Leeds, UK"))
        email = by_code(report)["contact_email"]
        assert email.severity == "error" and email.fix and "email" in email.fix
        assert report.score < 85

    def test_a_missing_phone_is_a_warning(self) -> None:
        assert problems(check(a.clean_pdf(contact="jane@example.com | Leeds, UK"))) == {"contact_phone": "warning"}

    def test_plain_text_is_a_warning_and_has_no_page_count(self) -> None:
        report = check(f.TXT_RESUME.encode(), "cv.txt")
        assert by_code(report)["file_type"].severity == "warning"
        assert report.file_type == "txt" and report.pages is None

    def test_no_standard_headings(self) -> None:
        text = "Jane Example\njane@example.com\n\nWHERE I HAVE BEEN\nBuilt things at Acme from 2019 to 2024.\n"
        report = check_resume(text.encode(), "cv.txt", text, {"contact": text}, JsonResume())
        headings = by_code(report)["headings"]
        assert headings.severity == "error" and "'WHERE I HAVE BEEN'" in headings.detail

    def test_roles_without_readable_dates(self) -> None:
        report = check(f.docx_resume())  # bullet points under Work History, no role lines
        assert by_code(report)["dates"].severity == "warning"

    def test_three_pages_is_long(self) -> None:
        report = check(a.long_pdf(3))
        assert report.pages == 3
        assert by_code(report)["length"].severity == "warning"


class TestScore:
    def test_errors_cost_more_than_warnings(self) -> None:
        def finding(severity: Any) -> Finding:
            return Finding("x", severity, "t", "d", None if severity == "ok" else "fix")

        assert score_of([finding("ok")] * 5) == 100
        assert score_of([finding("warning")]) == 92
        assert score_of([finding("error")]) == 75
        assert score_of([finding("error"), finding("warning")]) == 67
        assert score_of([finding("error")] * 5) == 0

    def test_findings_come_errors_first(self) -> None:
        severities = [f.severity for f in check(a.clean_pdf(contact="Leeds, UK")).findings]
        assert severities == sorted(severities, key=["error", "warning", "ok"].index)


class TestBounded:
    def test_the_pdf_budget_applies(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(pdf_text, "TIME_BUDGET_SECONDS", 0.0)
        text = by_code(check_resume(a.clean_pdf(), "cv.pdf", "x", {}, JsonResume()))["text"]
        assert text.severity == "error" and "too complex" in text.detail

    def test_forms_drawing_forms_are_cut_short(self) -> None:
        started = time.perf_counter()
        report = check_resume(f.nested_forms_pdf(8, 10), "cv.pdf", "", {}, JsonResume())
        assert by_code(report)["text"].severity == "error"
        assert time.perf_counter() - started < pdf_text.TIME_BUDGET_SECONDS + 2

    @pytest.mark.parametrize(
        "make",
        [
            hostile.lying_docx,
            hostile.zip_bomb_docx,
            lambda: hostile.billion_laughs_docx("word/document.xml"),
            lambda: hostile.xxe_docx("file:///etc/passwd"),
            hostile.flate_bomb_pdf,
            lambda: hostile.content_pdf(b"q " * 1_000_000),
        ],
        ids=["lying-zip", "zip-bomb", "billion-laughs", "xxe", "flate-bomb", "saved-states"],
    )
    def test_hostile_files_are_refused_cheaply_as_one_error(self, make: Any) -> None:
        data = make()
        started = time.perf_counter()
        report = check_resume(data, "cv", "", {}, JsonResume())
        assert time.perf_counter() - started < 5
        assert [(f.code, f.severity) for f in report.findings if f.severity != "ok"] == [("text", "error")]
        assert report.score == 0

    @pytest.mark.parametrize("data", [b"%PDF-1.7\nnot really", f.zip_of({"word/document.xml": b"<w:document"})])
    def test_damaged_files_never_raise(self, data: bytes) -> None:
        assert check_resume(data, "cv", "", {}, JsonResume()).score == 0


class TestCheckApi:
    @pytest.fixture
    def settings_overrides(self) -> dict[str, object]:
        return {"embedded_worker": True}

    async def test_check_of_stored_files(self, server: tuple[str, Any]) -> None:
        host, _ = server
        token, _ = await account(host, "jane@example.com")
        other, _ = await account(host, "mallory@example.com")
        async with api(host, token) as c, api(host, other) as m:
            clean = (await _upload(c, "jane.pdf", a.clean_pdf())).json()
            scan = (await _upload(c, "scan.pdf", a.scanned_pdf())).json()
            assert (await _settled(c, clean["id"]))["status"] == "ready"
            assert (await _settled(c, scan["id"]))["status"] == "failed"

            r = await c.get(f"/api/v1/resumes/{clean['id']}/check")
            assert r.status_code == 200, r.text
            body = r.json()
            assert body["score"] >= 85 and body["file_type"] == "pdf" and body["pages"] == 1
            assert all(f["severity"] != "error" for f in body["findings"])
            assert body["parsed"]["email"] == "jane@example.com" and "Northwind Traders" in body["parsed"]["employers"]

            r = await c.get(f"/api/v1/resumes/{scan['id']}/check")
            assert r.status_code == 200, r.text
            first = r.json()["findings"][0]
            assert first["code"] == "text" and first["severity"] == "error" and "scanned" in first["title"]
            assert r.json()["score"] == 0

            for resume in (clean, scan):
                r = await m.get(f"/api/v1/resumes/{resume['id']}/check")
                assert r.status_code == 404 and r.json()["code"] == "resume_not_found"


async def test_check_waits_until_the_resume_is_read(client: httpx.AsyncClient) -> None:
    """No worker runs here, so the upload stays unread: the check answers 409 with the reason."""
    alice = await register(client, "alice@example.com")
    bob = await register(client, "bob@example.com")
    files = {"file": ("cv.pdf", a.clean_pdf(), "application/pdf")}
    resume = (await client.post("/api/v1/resumes", headers=alice, files=files)).json()
    r = await client.get(f"/api/v1/resumes/{resume['id']}/check", headers=alice)
    assert r.status_code == 409 and r.json()["code"] == "resume_not_ready"
    assert "still being read" in r.json()["detail"]
    assert (await client.get(f"/api/v1/resumes/{resume['id']}/check", headers=bob)).status_code == 404
    assert (await client.get(f"/api/v1/resumes/{resume['id']}/check")).status_code == 401
    assert (await client.get("/api/v1/resumes/999999/check", headers=alice)).status_code == 404
