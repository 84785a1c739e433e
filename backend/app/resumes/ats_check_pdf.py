"""The resume check's look inside a PDF: is there text, is it laid out in columns or ruled tables, do its fonts give
real characters.

The PDF is read by `ats_check_pdf_reader`, under the text reader's own guards.

What it can and cannot see:
- Scanned: a page with almost no letters whose images cover a good share of it. Text turned into vector outlines
  (a design tool's "outline text") shows as a page of many shapes and no letters.
- Columns: `layout.find_split` on each page's words, as the text reader uses it (also below a full-width block
  at the top), so a right-aligned date column is not taken for a second column.
- Tables: only ruled ones. A word counts as in a table when rules close it in on all four sides and the cell
  beside it, on the same row, holds words too. A table drawn without visible borders cannot be told from text
  columns in a PDF; it shows up as columns, if at all. Filled boxes (a coloured side bar) are not rules.
- Fonts: glyphs with no Unicode mapping (they come out as "(cid:12)" or nothing), private-use characters and
  letters drawn in icon fonts (they come out as stray letters), and fonts not embedded beyond the standard 14
  (the text is still there; the look of the page depends on the reader).
"""

from __future__ import annotations

import re

from pdfminer.pdfdocument import PDFEncryptionError

from app.resumes.ats_check_base import EXPORT_WITH_TEXT, FileFacts, Finding, error, ok, page_list, plural, warning
from app.resumes.ats_check_pdf_reader import FontUse, PageFacts, read_pdf
from app.resumes.errors import ResumeParseError

MIN_LETTERS = 20  # the text reader's bar: fewer letters in the whole PDF is no text
SCANNED_IMAGE_SHARE = 0.25  # a page with almost no letters and images over this share of it is a scan
OCR_IMAGE_SHARE = 0.8  # text over an image this large is a scan with recognised text under it
OUTLINE_SHAPES = 50  # a page with no letters and more shapes than this is text turned into outlines
TABLE_WORD_SHARE = 0.15  # words in side-by-side ruled cells past this share of a page: a table lays it out
GARBLED_ERROR_SHARE = 0.05
# The standard 14 fonts every PDF reader has (and the names Word gives their look-alikes): fine unembedded.
_STANDARD_FONTS = {"courier", "helvetica", "times", "timesroman", "symbol", "zapfdingbats"} | {
    "arial",
    "timesnewroman",
    "couriernew",
}


def inspect_pdf(data: bytes) -> FileFacts:
    """Findings on the PDF itself: text, columns, tables, fonts. Never raises; a PDF the guards refuse is one
    error finding saying why."""
    try:
        page_count, pages, fonts = read_pdf(data)
    except ResumeParseError as exc:
        return _unopened(exc)
    except PDFEncryptionError:
        return _unopened(ResumeParseError("This PDF is password-protected.", "pdf_encrypted"))
    except Exception:  # pdfminer raises many kinds of errors on broken files
        return _unopened(ResumeParseError("This PDF is damaged and could not be read.", "pdf_damaged"))
    garbled = sum(f.garbled for f in fonts.values())
    text = _text_finding(pages, garbled)
    if text.severity == "error" and sum(p.letters for p in pages) < MIN_LETTERS:
        return FileFacts([text], page_count, readable=False)
    return FileFacts([text, _columns(pages), _tables(pages), *_fonts(fonts)], page_count)


def _unopened(exc: ResumeParseError) -> FileFacts:
    if exc.code == "pdf_encrypted":
        fix = "Remove the password (save a copy without security in your PDF tool) and upload that copy."
    else:
        fix = EXPORT_WITH_TEXT
    finding = error("text", "An ATS cannot open this PDF", exc.message, fix)
    return FileFacts([finding], None, readable=False)


def _text_finding(pages: list[PageFacts], garbled: int) -> Finding:
    letters = sum(p.letters for p in pages)
    if letters < MIN_LETTERS:
        if garbled >= MIN_LETTERS:
            return error(
                "text",
                "The text in this PDF comes out as garbage",
                f"Its fonts carry no map from their {plural(garbled, 'glyph')} to real letters, so an ATS gets codes "
                "like '(cid:12)' or nothing instead of your words.",
                "Export the PDF again from your word processor with a common font (Arial, Calibri, Georgia), or "
                "upload a DOCX.",
            )
        if any(p.image_share >= SCANNED_IMAGE_SHARE for p in pages):
            return error(
                "text",
                "This PDF looks scanned: it holds pictures of text, not text",
                "An ATS reads the characters stored in a PDF. This one has images and (almost) no characters, "
                "so an ATS sees a blank resume, and keyword searches never find you.",
                EXPORT_WITH_TEXT,
            )
        if any(p.shapes >= OUTLINE_SHAPES for p in pages):
            return error(
                "text",
                "The text in this PDF is drawn as shapes",
                "The letters were turned into outlines (a design tool's 'outline text' or 'flatten' option), so "
                "there are no characters for an ATS to read.",
                "Export again with text kept as text (turn off 'outline text' or 'flatten'), or upload a DOCX.",
            )
        return error("text", "This PDF holds no text", "An ATS finds no characters in it at all.", EXPORT_WITH_TEXT)
    scanned = [n for n, p in enumerate(pages, 1) if p.letters < MIN_LETTERS and p.image_share >= SCANNED_IMAGE_SHARE]
    if scanned:
        return error(
            "text",
            f"{page_list(scanned).capitalize()} {'looks' if len(scanned) == 1 else 'look'} scanned",
            f"{page_list(scanned).capitalize()} {'is a picture' if len(scanned) == 1 else 'are pictures'} of text "
            "with no characters in it; an ATS skips what is written there.",
            EXPORT_WITH_TEXT,
        )
    ocr = [n for n, p in enumerate(pages, 1) if p.image_share >= OCR_IMAGE_SHARE]
    if ocr:
        return warning(
            "text",
            "This PDF looks like a scan with recognised text",
            f"{page_list(ocr).capitalize()} {'is' if len(ocr) == 1 else 'are'} covered by an image, with text under "
            "it that a character recognition program guessed. An ATS reads that text, mistakes and all.",
            EXPORT_WITH_TEXT,
        )
    return ok("text", "The text can be read", "This PDF stores its text as characters, which is what an ATS reads.")


def _columns(pages: list[PageFacts]) -> Finding:
    found = [n for n, p in enumerate(pages, 1) if p.columns]
    if not found:
        return ok("columns", "One column", "The text runs in a single column, in the order an ATS reads it.")
    return warning(
        "columns",
        "Two or more columns",
        f"{page_list(found).capitalize()} {'is' if len(found) == 1 else 'are'} laid out in columns side by side. "
        "Many ATS read straight across the page, so lines from the two columns get mixed together, or a side "
        "column ends up far from where it belongs. (Career Copilot reads columns apart; not every ATS does.)",
        "Use a single column: put the side column's content (skills, languages, contact) in sections of its own, "
        "above or below your experience.",
    )


def _tables(pages: list[PageFacts]) -> Finding:
    found = [n for n, p in enumerate(pages, 1) if p.words and p.table_words / p.words >= TABLE_WORD_SHARE]
    if not found:
        return ok(
            "tables",
            "No ruled tables",
            "No text sits in a bordered table. (A table drawn without borders looks like columns in a PDF.)",
        )
    return warning(
        "tables",
        "A table lays out the page",
        f"On {page_list(found)} text sits in the cells of a bordered table. An ATS reads a table row by row, "
        "so text in cells side by side gets joined into one line and sections run into each other.",
        "Take the content out of the table: write it as plain paragraphs and bullet lists under section headings.",
    )


def _fonts(fonts: dict[str, FontUse]) -> list[Finding]:
    glyphs = sum(f.glyphs for f in fonts.values())
    garbled = [f for f in fonts.values() if f.garbled]
    icons = sum(f.icons for f in fonts.values())
    loose = sorted({f.name for f in fonts.values() if not f.embedded and not _standard(f.name)})
    out: list[Finding] = []
    garbled_count = sum(f.garbled for f in garbled)
    if garbled_count:
        share = garbled_count / max(glyphs, 1)
        names = ", ".join(sorted({f.name for f in garbled})[:3])
        detail = (
            f"{plural(garbled_count, 'character')} ({share:.0%} of the text) in the "
            f"font{'s' if len(garbled) > 1 else ''} {names} carry no mapping to real letters, so an ATS gets codes "
            "or nothing instead of those words."
        )
        fix = (
            "Export the PDF again from your word processor with a common font (Arial, Calibri, Georgia), or upload "
            "a DOCX."
        )
        severity = error if share >= GARBLED_ERROR_SHARE else warning
        out.append(severity("fonts", "Some text comes out as garbage", detail, fix))
    if icons:
        out.append(
            warning(
                "icons",
                "Icons come out as stray characters",
                f"{plural(icons, 'symbol')} drawn with an icon font (a phone, an envelope, a pin…) reach an ATS as "
                "odd letters or unknown characters in the middle of your details.",
                "Replace icons with words: 'Email:', 'Phone:', 'LinkedIn:'.",
            )
        )
    if loose:
        out.append(
            warning(
                "fonts_embedded",
                "Fonts not embedded",
                f"The font{'s' if len(loose) > 1 else ''} {', '.join(loose[:3])} {'are' if len(loose) > 1 else 'is'} "
                "not stored in the PDF. The text is still readable, but the page may look different (and lines "
                "may wrap differently) on the recruiter's screen.",
                "When you export the PDF, choose the option to embed fonts (in Word: 'PDF/A' or 'Embed fonts in "
                "the file').",
            )
        )
    if not out:
        out.append(ok("fonts", "Fonts give real letters", "Every character maps to a real letter an ATS can read."))
    return out


def _standard(name: str) -> bool:
    base = re.split(r"[-,]", name, maxsplit=1)[0].replace(" ", "").lower()
    return base.removesuffix("mt").removesuffix("ps") in _STANDARD_FONTS
