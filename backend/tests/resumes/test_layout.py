"""Reading order of positioned words: columns found by their gutter, never interleaved; one column left alone."""

from __future__ import annotations

from app.resumes.layout import Box, find_split, page_lines, words_of


def _line(text: str, x: float, top: float, size: float = 10.0) -> list[Box]:
    """Glyph boxes for `text` set at x, with a space glyph between words (5 pt per character)."""
    glyphs = []
    for i, char in enumerate(text):
        glyphs.append(Box(char, x + 5 * i, x + 5 * (i + 1), top, top + size))
    return glyphs


def _page(*lines: list[Box]) -> list[Box]:
    return [glyph for line in lines for glyph in line]


SIDE = ["Python", "Kubernetes", "PostgreSQL", "Terraform", "Docker", "Redis", "Go", "AWS"]
MAIN = [
    "Designed an event pipeline for billing",
    "records across four services in Go and",
    "Python without losing a single message.",
    "Led the migration of twelve services to",
    "a managed cluster in under six months.",
    "Mentored five junior engineers and ran",
    "the weekly design review for the group.",
]


def _two_columns(header: bool = True) -> list[Box]:
    lines = [_line("Jane Example  jane@example.com  +1 555 0100", 60, 20)] if header else []
    lines += [_line(skill, 40, 60 + 13 * i) for i, skill in enumerate(SIDE)]  # side column, 13 pt leading
    lines += [_line(text, 200, 64 + 12 * i) for i, text in enumerate(MAIN)]  # main column, 12 pt leading
    return _page(*lines)


class TestWords:
    def test_spaces_and_gaps_end_words(self) -> None:
        glyphs = [*_line("ab cd", 0, 0), *_line("ef", 40, 0)]
        assert [w.text for w in words_of(glyphs)] == ["ab", "cd", "ef"]

    def test_fake_bold_is_read_once(self) -> None:
        glyphs = [g for box in _line("Go", 0, 0) for g in (box, Box(box.text, box.x0 + 0.3, box.x1 + 0.3, 0, 10))]
        assert page_lines(glyphs) == ["Go"]


class TestColumns:
    def test_side_column_then_main_column(self) -> None:
        lines = page_lines(_two_columns())
        text = [line for line in lines if line]
        assert text[0] == "Jane Example jane@example.com +1 555 0100"
        assert text[1 : 1 + len(SIDE)] == SIDE
        assert text[1 + len(SIDE) :] == MAIN

    def test_gutter_is_between_the_columns(self) -> None:
        gutter = find_split(words_of(_two_columns()))
        assert gutter is not None and 40 + 5 * len("PostgreSQL") < gutter.x < 200

    def test_a_full_width_line_between_column_blocks_stays_in_place(self) -> None:
        glyphs = [*_two_columns(header=False), *_line("References and portfolio available on request today", 40, 200)]
        text = [line for line in page_lines(glyphs) if line]
        assert text[-1] == "References and portfolio available on request today"
        assert text[: len(SIDE)] == SIDE

    def test_single_column_with_ragged_lines_is_not_split(self) -> None:
        rows = ["Senior Engineer at Acme", "Built the billing pipeline in Python and Go", "Led a team of five",
                "Moved twelve services to Kubernetes in six months", "Ran design reviews"] * 3  # fmt: skip
        glyphs = _page(*[_line(text, 40, 20 + 12 * i) for i, text in enumerate(rows)])
        assert find_split(words_of(glyphs)) is None
        assert page_lines(glyphs) == rows

    def test_right_aligned_dates_are_not_a_column(self) -> None:
        lines = []
        for job in range(5):
            top = 20 + 40 * job
            lines += [_line(f"Engineer, Company {job}", 40, top), _line(f"201{job} - 202{job}", 440, top)]
            lines += [_line("- Built things", 40, top + 12), _line("- Ran things", 40, top + 24)]
        text = [line for line in page_lines(_page(*lines)) if line]
        assert text[0] == "Engineer, Company 0 2010 - 2020"
