"""Job descriptions: sanitise pasted HTML (nh3), derive plain text, and the search tokens both databases index."""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from html.parser import HTMLParser

import nh3

ALLOWED_TAGS = {
    "p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "u", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "code", "pre", "a", "hr", "table", "thead", "tbody", "tr", "th", "td", "span", "div",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
BLOCK_TAGS = {"p", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "div", "blockquote", "pre", "hr", "ul", "ol"}
_LOOKS_LIKE_HTML = re.compile(r"<\s*(p|br|div|ul|ol|li|h[1-6]|strong|b|em|i|a|span|table)\b[^>]*>", re.I)


def sanitize_html(raw: str) -> str:
    """Keep formatting, drop scripts, styles, event handlers and javascript: links."""
    return nh3.clean(
        raw,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    ).strip()


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "li":
            self.parts.append("\n- ")
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_TAGS and tag != "li":
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(safe_html: str) -> str:
    parser = _TextExtractor()
    parser.feed(safe_html)
    parser.close()
    text = "".join(parser.parts)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def text_to_html(text: str) -> str:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)


def description_from_input(raw: str) -> tuple[str, str]:
    """(sanitised HTML, plain text) from a description pasted as HTML or as plain text."""
    if _LOOKS_LIKE_HTML.search(raw):
        safe = sanitize_html(raw)
        return safe, html_to_text(safe)
    text = raw.strip()
    return text_to_html(text), text


# Terms whose punctuation carries meaning. They become plain tokens before any tokenizer sees them, so
# "C++" is found exactly and never matches a "C"-only posting (docs/design.md §9). Order matters: longest first.
_SPECIAL_TERMS = [
    (r"c\+\+", "cplusplus"),
    (r"c#", "csharp"),
    (r"f#", "fsharp"),
    (r"\.net", "dotnet"),
    (r"asp\.net", "aspdotnet"),
    (r"node\.js", "nodejs"),
    (r"vue\.js", "vuejs"),
    (r"next\.js", "nextjs"),
    (r"react\.js", "reactjs"),
    (r"objective-c", "objectivec"),
]
_SPECIAL_RE = re.compile(
    r"(?<![\w+#.])(" + "|".join(p for p, _ in sorted(_SPECIAL_TERMS, key=lambda t: -len(t[0]))) + r")(?![a-z_+#])",
    re.I,
)
_REPLACEMENTS = {re.sub(r"\\", "", p).lower(): token for p, token in _SPECIAL_TERMS}
_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_tokens(text: str) -> list[str]:
    """Lower-cased, accent-folded word tokens, with the special terms above mapped to single tokens."""
    replaced = _SPECIAL_RE.sub(lambda m: f" {_REPLACEMENTS[m.group(1).lower()]} ", text)
    return _TOKEN_RE.findall(_fold(replaced))


def search_document(*fields: str) -> str:
    return " ".join(" ".join(search_tokens(f)) for f in fields if f)


def fingerprint(company: str, title: str, location: str) -> str:
    key = "|".join(" ".join(search_tokens(part)) for part in (company, title, location))
    return hashlib.sha256(key.encode()).hexdigest()


def derived_fields(
    title: str, company: str, location: str, tech_stack: list[str], description_text: str
) -> dict[str, str]:
    """The columns computed from a posting's content: its dedup fingerprint and its search document.

    Every writer of `job_posting` (the service, the demo loader, the benchmark, test factories) uses this one
    function, so search and deduplication see every posting the same way."""
    return {
        "fingerprint": fingerprint(company, title, location),
        "search_text": search_document(title, company, location, " ".join(tech_stack), description_text),
    }
