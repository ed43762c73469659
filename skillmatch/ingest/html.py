"""HTML: the standard library's ``html.parser`` (no network, no entity fetching, no DTDs).

Block elements (``p``, ``div``, ``li``, ``h1``-``h6``, ``tr``, ``br``, ``section``...) end lines;
``script``, ``style``, ``head`` and similar are dropped; headings are bold with a larger
``font_size`` (body text is 12 pt, the CSS default of 16 px); ``b``/``strong`` make a line bold
when all its text is; list items start with ``"- "`` (or ``"1. "`` in an ordered list) and are
indented by ``x0`` per nesting level; table cells of a row are joined with ``" | "``.

``html.parser`` is iterative and this handler keeps only counters and bounded stacks, so
deeply nested markup (10,000 tags) costs nothing on the call stack.

Examples
--------
>>> lines, text = read_html(b"<h1>Jane Doe</h1><ul><li>Python</li><li>SQL</li></ul><script>x=1</script>")
>>> text
'Jane Doe\\n\\n- Python\\n- SQL'
>>> lines[0].bold, lines[0].font_size
(True, 24.0)
"""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser
from typing import Final

from skillmatch.errors import CorruptDocumentError
from skillmatch.ingest.text import BREAK, Break, assemble, clean_line, decode_text
from skillmatch.models import DocumentLine

__all__ = ["read_html"]

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

BODY_SIZE: Final = 12.0
HEADING_SIZES: Final = {"h1": 24.0, "h2": 18.0, "h3": 15.0, "h4": 13.5, "h5": 13.0, "h6": 12.5}
_SKIP: Final = frozenset(
    {"script", "style", "head", "title", "template", "noscript", "svg", "math", "iframe", "object", "canvas", "select"}
)
_BLOCK: Final = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "hr", "html", "legend",
        "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead",
        "tr", "ul", "h1", "h2", "h3", "h4", "h5", "h6",
    }
)  # fmt: skip
_GAP: Final = frozenset(
    {"p", "section", "article", "header", "footer", "main", "aside", "table", "hr", "blockquote", "pre", "dl"}
    | set(HEADING_SIZES)
)
_BOLD: Final = frozenset({"b", "strong"})
_VOID: Final = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "wbr"})
_MAX_LISTS: Final = 64
_CHARSET_RE: Final = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)


class _Handler(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[DocumentLine | Break] = []
        self.buffer: list[tuple[str, bool]] = []
        self.skip_depth = 0
        self.bold_depth = 0
        self.pre_depth = 0
        self.heading: str | None = None
        self.lists: list[list[int]] = []  # per open list: [ordered (0/1), next number]
        self.list_overflow = 0
        self.cells_in_row = 0
        self.pending_separator = False
        self.prefix = ""
        self.indent = 0

    # -- lines ----------------------------------------------------------------------------
    def flush(self) -> None:
        raw = "".join(text for text, _ in self.buffer)
        text = clean_line(self.prefix + raw) if self.prefix else clean_line(raw)
        if self.prefix and text and not clean_line(raw):
            text = ""  # an empty list item
        if text:
            visible = [bold for chunk, bold in self.buffer if chunk.strip()]
            heading = self.heading is not None
            self.items.append(
                DocumentLine(
                    text=text,
                    x0=float(self.indent),
                    bold=heading or (bool(visible) and all(visible)),
                    font_size=HEADING_SIZES[self.heading] if self.heading is not None else BODY_SIZE,
                )
            )
            self.prefix = ""
        self.buffer.clear()
        self.pending_separator = False

    # -- events ---------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip_depth += 1
            return
        if self.skip_depth:
            return
        if tag == "br":
            self.flush()
            return
        if tag in _BLOCK:
            self.flush()
            if tag in _GAP or (tag in ("ul", "ol") and not self.lists):
                self.items.append(BREAK)
        if tag in HEADING_SIZES:
            self.heading = tag
        elif tag in _BOLD:
            self.bold_depth += 1
        elif tag == "pre":
            self.pre_depth += 1
        elif tag in ("ul", "ol"):
            if len(self.lists) < _MAX_LISTS:
                self.lists.append([int(tag == "ol"), 1])
            else:
                self.list_overflow += 1
        elif tag == "li":
            if self.lists and self.lists[-1][0]:
                self.prefix = f"{self.lists[-1][1]}. "
                self.lists[-1][1] += 1
            else:
                self.prefix = "- "
            self.indent = 18 * max(len(self.lists) - 1, 0)
        elif tag == "tr":
            self.cells_in_row = 0
        elif tag in ("td", "th"):
            self.cells_in_row += 1
            self.pending_separator = any(chunk.strip() for chunk, _ in self.buffer)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID or tag in _BLOCK:
            self.handle_starttag(tag, attrs)
            if tag not in _VOID:
                self.handle_endtag(tag)
        # a self-closed <script/> or <b/> has no content: nothing to do

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if self.skip_depth:
            return
        if tag in _BLOCK:
            self.flush()
            if tag in _GAP or (tag in ("ul", "ol") and len(self.lists) <= 1):
                self.items.append(BREAK)
        if tag in HEADING_SIZES:
            self.heading = None
        elif tag in _BOLD:
            self.bold_depth = max(0, self.bold_depth - 1)
        elif tag == "pre":
            self.pre_depth = max(0, self.pre_depth - 1)
        elif tag in ("ul", "ol"):
            if self.list_overflow:
                self.list_overflow -= 1
            elif self.lists:
                self.lists.pop()
            self.indent = 18 * max(len(self.lists) - 1, 0)
        elif tag == "li":
            self.prefix = ""

    def handle_data(self, data: str) -> None:
        if self.skip_depth or not data:
            return
        bold = self.bold_depth > 0 or self.heading is not None
        if self.pre_depth:
            first, *rest = data.split("\n")
            self.buffer.append((first, bold))
            for part in rest:
                self.flush()
                self.buffer.append((part, bold))
            return
        if self.pending_separator and data.strip():
            self.buffer.append((" | ", bold))
            self.pending_separator = False
        self.buffer.append((re.sub(r"\s+", " ", data), bold))


def _declared_charset(data: bytes) -> str | None:
    match = _CHARSET_RE.search(data[:4096])
    return match.group(1).decode("ascii") if match is not None else None


def read_html(data: bytes, *, source_id: str = "") -> tuple[list[DocumentLine], str]:
    """Read HTML into lines and text.

    Parameters
    ----------
    data : bytes
        The HTML. BOMs win, then a ``<meta charset>`` declaration, then UTF-8, then cp1252.
    source_id : str, optional
        Names the document in errors and logs.

    Returns
    -------
    tuple of (list of DocumentLine, str)

    Examples
    --------
    >>> read_html(b"<table><tr><td>Python</td><td>5 years</td></tr></table>")[1]
    'Python | 5 years'
    """
    text = decode_text(data, encoding=_declared_charset(data))
    handler = _Handler()
    try:
        handler.feed(text)
        handler.close()
    except Exception as exc:  # html.parser is lenient, but keep every failure a SkillmatchError
        logger.debug("html %s: parse failed with %s", source_id, type(exc).__name__)
        raise CorruptDocumentError(
            "The HTML could not be parsed. Save the page as PDF or plain text.", source=source_id
        ) from None
    handler.flush()
    return assemble(handler.items)
