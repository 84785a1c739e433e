"""Reading order for positioned text: glyphs → words → columns → lines.

A page is split at a vertical gutter (an x band that almost no word crosses over the height of the text) when
both sides hold dense text, so a side column of skills is read as one block and never interleaved with the main
column. Lines that cross the gutter (a name or contact line across the top) are read where they stand."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

MAX_COLUMN_DEPTH = 2  # up to four columns
GUTTER_MAX_CROSSING_LINES = 3.5  # lines that may cross a gutter (a name, a contact line, a footer)
MIN_COLUMN_DENSITY = 0.35  # share of a column's height covered by its words; right-aligned dates stay below it
MIN_COLUMN_WIDTH = 0.1  # share of the text width each side of a gutter must span
MIN_GUTTER_GAP = 0.9  # line heights between a line's words either side of a gutter (a word space is ~0.3)
MIN_WORDS_TO_SPLIT = 12
TOP_BLOCK_SHARE = 0.4  # a full-width block across the top is looked for in the upper share of a page's lines
TOP_BLOCK_CUTS_TRIED = 5


@dataclass(frozen=True, slots=True)
class Box:
    """A glyph or a word, in top-down page coordinates (points)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 0.1)

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def page_lines(glyphs: Sequence[Box]) -> list[str]:
    """The page's text lines in reading order; blank strings separate blocks."""
    return _read(words_of(glyphs), 0)


def cluster_lines(items: Sequence[Box]) -> list[list[Box]]:
    """Group words into lines by vertical overlap with each line's first word (no chaining across lines)."""
    lines: list[tuple[float, float, list[Box]]] = []
    for item in sorted(items, key=lambda i: (i.top, i.x0)):
        top, bottom = item.top, item.bottom
        height = bottom - top if bottom - top > 0.1 else 0.1
        best, best_overlap = -1, 0.5
        for idx in range(len(lines) - 1, max(-1, len(lines) - 9), -1):
            line_top, line_bottom, _ = lines[idx]
            shorter = line_bottom - line_top if line_bottom - line_top < height else height
            overlap = ((line_bottom if line_bottom < bottom else bottom) - (line_top if line_top > top else top)) / (
                shorter if shorter > 0.1 else 0.1
            )
            if overlap >= best_overlap:
                best, best_overlap = idx, overlap
        if best < 0:
            lines.append((top, bottom, [item]))
        else:
            lines[best][2].append(item)
    ordered = sorted(lines, key=lambda line: line[0])
    return [sorted(members, key=lambda i: i.x0) for _, _, members in ordered]


def words_of(glyphs: Sequence[Box]) -> list[Box]:
    """Join glyphs, in the order the PDF draws them, into words: a space glyph, a gap wider than a fifth of the
    glyph height, a step back or a change of line ends a word. Touching words are joined again in `_lines_text`,
    which mends words whose glyphs were drawn out of order."""
    words: list[Box] = []
    current: list[Box] = []
    for glyph in glyphs:
        if not glyph.text.strip():
            _flush(current, words)
            current = []
            continue
        if current:
            last = current[-1]
            if _duplicate(last, glyph):  # fake bold: the same glyph drawn twice
                continue
            height = glyph.height
            gap = glyph.x0 - last.x1
            shorter = min(height, last.height)
            same_line = min(last.bottom, glyph.bottom) - max(last.top, glyph.top) >= 0.5 * shorter
            if not same_line or gap > 0.2 * height or gap < -0.3 * height:
                _flush(current, words)
                current = []
        current.append(glyph)
    _flush(current, words)
    return words


def _duplicate(a: Box, b: Box) -> bool:
    return a.text == b.text and abs(a.x0 - b.x0) < min(1.0, 0.5 * (a.x1 - a.x0)) and abs(a.top - b.top) < 1.0


def _flush(glyphs: list[Box], words: list[Box]) -> None:
    if glyphs:
        words.append(
            Box(
                "".join(g.text for g in glyphs),
                min(g.x0 for g in glyphs),
                max(g.x1 for g in glyphs),
                min(g.top for g in glyphs),
                max(g.bottom for g in glyphs),
            )
        )


@dataclass(frozen=True, slots=True)
class Split:
    """Where a page divides into two columns, and the y bands of lines that run across the gutter."""

    x: float
    spanning: list[tuple[float, float]]


def _read(words: list[Box], depth: int) -> list[str]:
    if depth >= MAX_COLUMN_DEPTH:
        return _lines_text(words)
    split = find_split(words)
    if split is not None:
        return _read_split(words, split, depth)
    # A block across the top (name, contact, a summary paragraph) hides the gutter below it: try the page
    # without it, cutting at the widest gaps between lines in its upper part.
    lines = cluster_lines(words)
    upper = range(1, max(1, int(len(lines) * TOP_BLOCK_SHARE)))
    gaps = sorted(upper, key=lambda i: min(w.top for w in lines[i]) - max(w.bottom for w in lines[i - 1]))
    for cut in reversed(gaps[-TOP_BLOCK_CUTS_TRIED:]):
        rest = [w for line in lines[cut:] for w in line]
        split = find_split(rest, lines[cut:])
        if split is not None:
            top = [w for line in lines[:cut] for w in line]
            return [*_lines_text(top), "", *_read_split(rest, split, depth)]
    return _lines_text(words)


def _read_split(words: list[Box], split: Split, depth: int) -> list[str]:
    bands = split.spanning

    def band_of(word: Box) -> int:
        for i, (top, bottom) in enumerate(bands):
            if top <= word.middle <= bottom:
                return i
        return -1

    out: list[str] = []
    previous_end = float("-inf")
    for i, (top, _bottom) in enumerate([*bands, (float("inf"), float("inf"))]):
        segment = [w for w in words if previous_end < w.middle < top and band_of(w) < 0]
        left = [w for w in segment if (w.x0 + w.x1) / 2 < split.x]
        right = [w for w in segment if (w.x0 + w.x1) / 2 >= split.x]
        for side in (left, right):
            if side:
                out.extend([*_read(side, depth + 1), ""])
        if i < len(bands):
            out.extend([*_lines_text([w for w in words if band_of(w) == i]), ""])
            previous_end = bands[i][1]
    return out


def find_split(words: Sequence[Box], lines: list[list[Box]] | None = None) -> Split | None:
    """The gutter between two dense columns of text, or None for a single column.

    A gutter is a band of x that at most a few lines cross (a name or contact line across the top may). Inside
    the band the cut goes just before the edge where many words start, the right column's aligned left edge, so
    a long word at the end of a left-column line is not mistaken for a crossing line. `lines` are the words'
    lines when the caller has them already."""
    if len(words) < MIN_WORDS_TO_SPLIT:
        return None
    left_edge, right_edge = min(w.x0 for w in words), max(w.x1 for w in words)
    width = int(right_edge - left_edge) + 1
    if width < 100:
        return None
    line_height = statistics.median(w.height for w in words)
    diff = [0.0] * (width + 2)
    starts = [0] * (width + 2)
    for w in words:
        diff[int(w.x0 - left_edge)] += w.height
        diff[int(w.x1 - left_edge)] -= w.height
        starts[int(w.x0 - left_edge)] += 1
    cover, running = [], 0.0
    for step in diff[:width]:
        running += step
        cover.append(running)
    runs = _low_runs(cover, GUTTER_MAX_CROSSING_LINES * line_height)
    for start, end in sorted(runs, key=lambda r: r[0] - r[1]):  # widest first
        if end - start < max(6.0, 0.6 * line_height) or start == 0 or end >= width:
            continue
        lines = lines if lines is not None else cluster_lines(words)
        split = _try_split(lines, left_edge + _cut(cover, starts, start, end), right_edge - left_edge, line_height)
        if split is not None:
            return split
    return None


def _try_split(lines: list[list[Box]], x: float, text_width: float, line_height: float) -> Split | None:
    """Accept a cut at x when few lines run across it and both sides are dense columns. A line runs across when
    a word crosses x or when its words either side of x are no further apart than words in a sentence."""
    spanning: list[tuple[float, float]] = []
    left: list[Box] = []
    right: list[Box] = []
    for line in lines:
        before = [w for w in line if w.x1 <= x]
        after = [w for w in line if w.x0 >= x]
        crossed = len(before) + len(after) < len(line)
        if crossed or (before and after and after[0].x0 - before[-1].x1 < MIN_GUTTER_GAP * line_height):
            spanning.append((min(w.top for w in line), max(w.bottom for w in line)))
        else:
            left.extend(before)
            right.extend(after)
    if len(spanning) > GUTTER_MAX_CROSSING_LINES:
        return None
    if not all(_dense(side, text_width) for side in (left, right)):
        return None
    return Split(x, _merge(spanning))


def _cut(cover: list[float], starts: list[int], start: int, end: int) -> float:
    """Where to cut inside a low band: before an aligned column edge if there is one, else mid-band at its
    lowest cover."""
    aligned = [(starts[x - 1] + starts[x] + starts[x + 1], x) for x in range(start + 1, min(end + 3, len(cover)))]
    count, edge = max(aligned, default=(0, 0))
    if count >= 3:
        return max(edge - 2.0, start + 0.5)
    lowest = min(cover[start:end])
    xs = [x for x in range(start, end) if cover[x] == lowest]
    return (xs[0] + xs[-1]) / 2 + 0.5


def _low_runs(cover: list[float], limit: float) -> list[tuple[int, int]]:
    runs, start = [], -1
    for x, value in enumerate([*cover, limit + 1]):
        if value <= limit and start < 0:
            start = x
        elif value > limit and start >= 0:
            runs.append((start, x))
            start = -1
    return runs


def _dense(side: list[Box], text_width: float) -> bool:
    if len(side) < 3 or len(cluster_lines(side)) < 3:
        return False
    if max(w.x1 for w in side) - min(w.x0 for w in side) < MIN_COLUMN_WIDTH * text_width:
        return False
    extent = max(w.bottom for w in side) - min(w.top for w in side)
    covered = sum(b - a for a, b in _merge([(w.top, w.bottom) for w in side]))
    return extent > 0 and covered / extent >= MIN_COLUMN_DENSITY


def _merge(intervals: list[tuple[float, float]]) -> list[tuple[float, float]]:
    merged: list[tuple[float, float]] = []
    for a, b in sorted(intervals):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _lines_text(words: Sequence[Box]) -> list[str]:
    """Lines joined by spaces; a vertical gap taller than a line starts a new block."""
    out: list[str] = []
    previous_bottom: float | None = None
    for line in cluster_lines(words):
        top = min(w.top for w in line)
        height = statistics.median(w.height for w in line)
        if previous_bottom is not None and top - previous_bottom > 0.9 * height:
            out.append("")
        out.append(_join_words(line))
        previous_bottom = max(w.bottom for w in line)
    return out


def _join_words(line: list[Box]) -> str:
    """A line's words left to right; a repeated word on top of itself (fake bold) once; touching words joined."""
    parts: list[str] = []
    previous: Box | None = None
    for word in line:
        if previous is not None:
            if word.text == previous.text and abs(word.x0 - previous.x0) < 1.0:
                continue
            if word.x0 - previous.x1 > 0.1 * word.height:
                parts.append(" ")
        parts.append(word.text)
        previous = word
    return "".join(parts)
