"""PDF reading: the limits that keep a hostile PDF cheap, and the page furniture that is dropped."""

from __future__ import annotations

import time

import pytest

from app.resumes import pdf_text
from app.resumes.errors import ResumeParseError
from app.resumes.pdf_text import extract_pdf
from tests.resumes import factories as f


class TestLimits:
    def test_decompression_bomb_is_refused_before_reading(self) -> None:
        assert "Kubernetes" in extract_pdf(f.inflating_pdf(1000))[0]
        started = time.perf_counter()
        with pytest.raises(ResumeParseError) as caught:
            extract_pdf(f.inflating_pdf(pdf_text.MAX_INFLATED_BYTES + 1024))
        assert caught.value.code == "pdf_too_complex"
        assert time.perf_counter() - started < 5

    def test_forms_drawing_forms_are_cut_short(self) -> None:
        assert "Python" in extract_pdf(f.nested_forms_pdf(2, 10))[0]
        started = time.perf_counter()
        with pytest.raises(ResumeParseError) as caught:
            extract_pdf(f.nested_forms_pdf(8, 10))  # 10**7 drawings of one word
        assert caught.value.code == "pdf_too_complex"
        assert time.perf_counter() - started < pdf_text.TIME_BUDGET_SECONDS + 2

    def test_time_budget(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(pdf_text, "TIME_BUDGET_SECONDS", 0.0)
        with pytest.raises(ResumeParseError, match="too complex"):
            extract_pdf(f.one_column_pdf())

    def test_glyph_budget(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(pdf_text, "MAX_GLYPHS", 100)
        with pytest.raises(ResumeParseError, match="too complex"):
            extract_pdf(f.one_column_pdf(pages=2))


class TestPageFurniture:
    def test_page_number_lines_are_dropped(self) -> None:
        text, pages = extract_pdf(f.many_pages_pdf(3))
        assert pages == 3
        assert all(line.startswith("Page ") and ":" in line for line in text.splitlines() if line)

    def test_page_numbers_alone_at_the_edges(self) -> None:
        lines = ["Page 2 of 3", "Experience", "2019", "- 4 -"]
        assert pdf_text._without_page_numbers(lines) == ["Experience", "2019"]
