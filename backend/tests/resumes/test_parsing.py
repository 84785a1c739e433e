"""parse_resume and sniff_type: what a user's upload turns into, and the sentence they read when it cannot be read."""

from __future__ import annotations

import codecs
import contextlib
import io
import time
import zipfile

import pytest
from fpdf.enums import EncryptionMethod

from app.resumes.parsing import (
    MAX_RESUME_BYTES,
    ParsedResume,
    ResumeParseError,
    parse_resume,
    restore_line_breaks,
    sniff_type,
)
from tests.resumes import factories as f


def _flat(text: str) -> str:
    return " ".join(text.split())


def _refusal(data: bytes) -> ResumeParseError:
    with pytest.raises(ResumeParseError) as caught:
        parse_resume(data)
    assert caught.value.message.endswith(".") and caught.value.code
    return caught.value


class TestSniffType:
    def test_content_decides_not_the_name(self) -> None:
        assert sniff_type(f.one_column_pdf()) == "pdf"
        assert sniff_type(f.docx_resume()) == "docx"
        assert sniff_type(f.TXT_RESUME.encode()) == "txt"

    @pytest.mark.parametrize(
        ("data", "named"),
        [
            (f.tiny_png(), "PNG image"),
            (b"\xff\xd8\xff\xe0" + b"\x00" * 64, "JPEG image"),
            (b"MZ\x90\x00" + b"\x00" * 64, "Windows program"),
            (b"\x7fELF\x02\x01\x01" + b"\x00" * 64, "Linux program"),
            (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64 + "WordDocument".encode("utf-16-le"), "legacy Word"),
            (f.zip_of({"notes.txt": b"hello"}), "ZIP archive"),
            (f.zip_of({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}), "Excel workbook"),
            (b"{\\rtf1\\ansi Jane}", "RTF document"),
        ],
    )
    def test_unsupported_types_are_named(self, data: bytes, named: str) -> None:
        with pytest.raises(ResumeParseError) as caught:
            sniff_type(data)
        assert named in caught.value.message and caught.value.code == "unsupported_type"

    def test_password_protected_word_file_says_so(self) -> None:
        ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le")
        with pytest.raises(ResumeParseError, match="password-protected"):
            sniff_type(ole)


class TestPdf:
    def test_one_column(self) -> None:
        parsed = parse_resume(f.one_column_pdf())
        assert isinstance(parsed, ParsedResume)
        assert (parsed.kind, parsed.content_type, parsed.pages) == ("pdf", "application/pdf", 1)
        assert parsed.text.startswith(f"{f.NAME}\n{f.CONTACT}\n")
        for sentence in f.EXPERIENCE:
            assert sentence in parsed.text
        assert parsed.sections["contact"] == f"{f.NAME}\n{f.CONTACT}"
        assert parsed.sections["summary"] == f.SUMMARY
        assert "Apache Kafka" in parsed.sections["skills"]
        assert parsed.sections["education"] == f.EDUCATION

    def test_two_pages(self) -> None:
        parsed = parse_resume(f.one_column_pdf(pages=2))
        assert parsed.pages == 2
        assert "Company 5" in parsed.sections["experience"] and "Go, Redis" in parsed.sections["skills"]

    @pytest.mark.parametrize(
        ("summary", "side_on_right"),
        [(False, False), (True, False), (False, True), (True, True)],
        ids=["left-side-column", "summary-across-the-top", "right-side-column", "summary-and-right-side-column"],
    )
    def test_two_columns_are_read_one_after_the_other(self, summary: bool, side_on_right: bool) -> None:
        parsed = parse_resume(f.two_column_pdf(summary=summary, side_on_right=side_on_right))
        lines = parsed.text.splitlines()
        start = lines.index("SKILLS")
        assert lines[start + 1 : start + 1 + 2 * len(f.SIDE_SKILLS)] == f.SIDE_SKILLS * 2  # the side column, whole
        flat = _flat(parsed.text)
        for sentence in f.EXPERIENCE:
            assert sentence in flat  # a main-column sentence is never cut by side-column words
        experience = _flat(parsed.sections["experience"])
        assert experience.startswith("Staff Engineer, Company 0 (2019 - 2024) Designed")
        assert experience.endswith(f.EXPERIENCE[-1])  # no side-column words inside the main column
        assert parsed.text.startswith(f.NAME) and f.CONTACT in lines[:3]  # the header across both columns first
        assert parsed.sections["skills"].splitlines() == f.SIDE_SKILLS * 2
        assert _flat(parsed.sections["education"]) == f.EDUCATION
        assert parsed.sections["contact"].replace("\n\n", "\n") == f"{f.NAME}\n{f.CONTACT}"
        if summary:
            assert _flat(parsed.sections["summary"]) == f.LONG_SUMMARY

    def test_right_aligned_dates_stay_on_their_line(self) -> None:
        text = parse_resume(f.right_aligned_dates_pdf()).text
        assert "Engineer, Company 0 2010 - 2013" in text.splitlines()

    @pytest.mark.parametrize("method", [EncryptionMethod.RC4, EncryptionMethod.AES_128, EncryptionMethod.AES_256])
    def test_encrypted_with_an_empty_user_password_is_read(self, method: EncryptionMethod) -> None:
        parsed = parse_resume(f.encrypted_pdf(user_password="", method=method))
        assert f.EXPERIENCE[0] in parsed.text and "EXPERIENCE" not in parsed.sections.get("contact", "")


class TestDocx:
    def test_headings_paragraphs_table_header_and_footer(self) -> None:
        parsed = parse_resume(f.docx_resume())
        assert parsed.kind == "docx" and parsed.content_type.endswith("wordprocessingml.document")
        assert parsed.pages == 1
        assert "jane@example.com" in parsed.sections["contact"] and f.NAME in parsed.sections["contact"]
        assert parsed.sections["summary"] == f.SUMMARY
        assert parsed.sections["experience"].splitlines() == f.EXPERIENCE
        assert parsed.sections["skills"].splitlines() == [
            "Languages | TypeScript, Rust",
            "Cloud | AWS, Terraform",
            "Data | PostgreSQL, Redis",
        ]
        assert parsed.sections["education"] == f.EDUCATION
        assert "References available on request" in parsed.text

    def test_layout_table_keeps_each_column_together(self) -> None:
        parsed = parse_resume(f.docx_resume(layout_table=True))
        assert parsed.sections["skills"].splitlines() == f.SIDE_SKILLS
        assert parsed.sections["experience"].splitlines() == f.EXPERIENCE

    def test_content_controls_text_boxes_and_fields(self) -> None:
        text = parse_resume(f.docx_with_template_parts()).text
        assert "jane@example.com" in text
        assert text.count("Kubernetes") == 1  # the text box once, not again from its VML fallback
        assert "SKILLS\nKubernetes" in text
        assert "My site" in text and "Python Go\nRust" in text
        assert "HYPERLINK" not in text and "Removed words" not in text


class TestTxt:
    @pytest.mark.parametrize(
        "encoded",
        [
            f.TXT_RESUME.encode("utf-8"),
            codecs.BOM_UTF8 + f.TXT_RESUME.encode("utf-8"),
            f.TXT_RESUME.encode("utf-16"),
            f.TXT_RESUME.encode("utf-16-le"),
            f.TXT_RESUME.replace("\n", "\r\n").encode("utf-8"),
        ],
    )
    def test_encodings(self, encoded: bytes) -> None:
        parsed = parse_resume(encoded)
        assert (parsed.kind, parsed.content_type, parsed.pages) == ("txt", "text/plain", 1)
        assert parsed.text == f.TXT_RESUME.strip()
        assert parsed.sections["skills"] == "Python, Go, Docker, Terraform, AWS"
        assert parsed.sections["experience"].startswith("Senior Engineer, Acme Corp")

    def test_cp1252(self) -> None:
        text = "José Müller \u2013 Résumé\nSkills\nPython \u2022 Go"
        assert parse_resume(text.encode("cp1252")).text == text
        assert parse_resume(text.encode("latin-1", errors="replace")).text.startswith("José Müller")

    def test_ligatures_and_no_break_spaces_are_folded(self) -> None:
        assert parse_resume("Oﬃce\u00a0work, soft\u00adware".encode()).text == "Office work, software"


class TestFlattenedText:
    """A TXT whose line breaks became runs of spaces (a copy out of a web form, a flattened export) is read with
    its lines back, as the same resume uploaded as PDF or DOCX would be."""

    FLAT = "  ".join(f.TXT_RESUME.strip().splitlines()).replace("    ", "  ")

    def test_runs_of_spaces_become_line_breaks(self) -> None:
        assert "\n" not in self.FLAT and len(self.FLAT) > 200
        parsed = parse_resume(self.FLAT.encode())
        lines = [ln for ln in parse_resume(f.TXT_RESUME.encode()).text.splitlines() if ln]
        assert parsed.text.splitlines() == lines
        assert parsed.sections["skills"] == "Python, Go, Docker, Terraform, AWS"
        assert parsed.sections["experience"].startswith("Senior Engineer, Acme Corp")

    def test_a_text_with_its_lines_keeps_its_double_spaces_as_spaces(self) -> None:
        text = f.TXT_RESUME.replace(". ", ".  ").replace(", ", ",  ")
        assert restore_line_breaks(text) == text
        assert parse_resume(text.encode()).text.splitlines()[0] == f.NAME

    def test_one_paragraph_with_a_few_double_spaces_is_left_alone(self) -> None:
        prose = "Backend engineer with eight years of payment systems.  " + "Built services in Go and Python. " * 12
        assert restore_line_breaks(prose) == prose
        assert "\n" not in parse_resume(prose.encode()).text

    def test_short_text_is_left_alone(self) -> None:
        assert restore_line_breaks("Jane Doe  jane@example.com  Python") == "Jane Doe  jane@example.com  Python"

    def test_docx_paragraph_with_runs_of_spaces_stays_one_line(self) -> None:
        from docx import Document

        doc = Document()
        doc.add_paragraph(self.FLAT)
        buffer = io.BytesIO()
        doc.save(buffer)
        parsed = parse_resume(buffer.getvalue())
        assert parsed.kind == "docx" and "\n" not in parsed.text

    def test_a_50k_character_line_is_read_quickly(self) -> None:
        for line in ("a" * 50_000, "a.b-" * 12_500, "x" * 70 + "@" + "y" * 50_000, "1 " * 25_000):
            started = time.perf_counter()
            parse_resume(line.encode())
            assert time.perf_counter() - started < 0.5, line[:10]


class TestBadFiles:
    @pytest.mark.parametrize("data", [b"", b" \n\t ", codecs.BOM_UTF8, codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")])
    def test_empty(self, data: bytes) -> None:
        assert _refusal(data).message == "This file is empty."

    def test_too_large(self) -> None:
        assert _refusal(b"a" * (MAX_RESUME_BYTES + 1)).message == "This file is larger than 5 MB."

    @pytest.mark.parametrize("data", [b"Jane\x00Doe\x00" * 20, bytes(range(256)) * 8, b"Jane \x01\x02\x03\x04 Doe"])
    def test_binary_is_not_text(self, data: bytes) -> None:
        assert _refusal(data).message == "This doesn't look like a text file."

    def test_damaged_pdfs(self) -> None:
        good = f.one_column_pdf()
        for data in (
            good[: len(good) // 2],
            good[:-30],
            b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not a pdf",
            b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not a pdf\n%%EOF\n",
            good.replace(b"/Type /Pages", b"/Type /Broken"),
        ):
            refusal = _refusal(data)
            assert "PDF" in refusal.message and refusal.code.startswith("pdf_"), refusal.message

    @pytest.mark.parametrize("method", [EncryptionMethod.RC4, EncryptionMethod.AES_128, EncryptionMethod.AES_256])
    def test_password_protected_pdf(self, method: EncryptionMethod) -> None:
        refusal = _refusal(f.encrypted_pdf(user_password="secret", method=method))
        assert refusal.message == "This PDF is password-protected. Remove the password and upload it again."

    def test_scanned_pdf(self) -> None:
        assert _refusal(f.scanned_pdf()).message.startswith("This PDF has no extractable text")

    def test_too_many_pages(self) -> None:
        assert parse_resume(f.many_pages_pdf(20)).pages == 20
        refusal = _refusal(f.many_pages_pdf(21))
        assert refusal.code == "pdf_too_many_pages" and "21 pages" in refusal.message

    def test_damaged_docx(self) -> None:
        good = f.docx_resume()
        assert "damaged" in _refusal(good[: len(good) // 2]).message
        assert _refusal(f.rezip(good, replace={"word/document.xml": b"<w:document><unclosed"})).code == "docx_damaged"
        assert _refusal(f.rezip(good, drop=("[Content_Types].xml",))).code == "docx_damaged"

    def test_word_template_is_named(self) -> None:
        good = f.docx_resume()
        with zipfile.ZipFile(io.BytesIO(good)) as z:
            types = z.read("[Content_Types].xml")
        template = types.replace(b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml")
        assert "Word template" in _refusal(f.rezip(good, replace={"[Content_Types].xml": template})).message

    def test_no_other_exception_escapes(self) -> None:
        """Cut or corrupt files at many places: each is read or refused, never crashes."""
        for good in (f.one_column_pdf(), f.docx_resume()):
            for cut in range(64, len(good), max(len(good) // 25, 1)):
                for data in (good[:cut], good[:cut] + b"\x00garbage\xff" + good[cut + 10 :]):
                    with contextlib.suppress(ResumeParseError):
                        parse_resume(data)
