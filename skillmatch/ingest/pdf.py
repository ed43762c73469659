"""PDF: pdfminer.six layout analysis, columns by x-position, repeated headers and footers dropped.

pdfminer is imported inside :func:`read_pdf`, so importing this module stays cheap.

Reading order, page by page:

1. pdfminer groups characters into text lines (``LAParams``); each line keeps its box (points,
   y from the top of the page), its font size and whether it is bold (from the ``LTChar`` objects).
2. Across pages, a line in the top or bottom band whose normalised text (digits folded) appears
   there on most pages is a running header or footer: the first one is kept, the repeats are
   dropped; page numbers ("Page 2 of 3", "- 2 -") in the bands are dropped.
3. On each page, a vertical gutter (an x-interval no line crosses, with lines on both sides through
   most of the page height and no line crossing it there) splits a two-column page or a sidebar; the
   text is emitted band by band between full-width lines, the left column top to bottom, then the right.
4. Ligatures and mojibake are repaired, bullets normalised, and words hyphenated across line ends joined.

Examples
--------
>>> looks_like_page_number("Page 2 of 3"), looks_like_page_number("- 4 -"), looks_like_page_number("2019")
(True, True, False)
"""

from __future__ import annotations

import io
import logging
import math
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Final

from skillmatch.errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EncryptedDocumentError,
    SkillmatchError,
)
from skillmatch.ingest.text import BREAK, Break, clean_line, join_hyphenated
from skillmatch.models import DocumentLine

__all__ = ["looks_like_page_number", "order_page", "read_pdf"]

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

_BOLD_RE: Final = re.compile(r"bold|black|heavy", re.IGNORECASE)
_PAGE_NUMBER_RE: Final = re.compile(
    r"^(?:page|seite|página|pagina|p\.)?\s*[-–—(\[]?\s*\d{1,4}\s*(?:(?:of|/|von|de|di)\s*\d{1,4})?\s*[-–—)\]]?$",
    re.IGNORECASE,
)
_BAND: Final = 0.12  # top and bottom share of the page height searched for running headers/footers
_BAND_LINES: Final = 3  # and at most this many lines from each edge


@dataclass
class _Line:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float | None
    bold: bool
    column: int = 0
    chars: int = field(default=0)

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 0.1)


@dataclass
class _Page:
    number: int
    width: float
    height: float
    lines: list[_Line]


def looks_like_page_number(text: str) -> bool:
    """Whether a line is just a page number ("3", "Page 2 of 3", "- 4 -", "2/5").

    Years are not page numbers: a bare number needs at most 3 digits.

    Examples
    --------
    >>> looks_like_page_number("Page 12"), looks_like_page_number("Python")
    (True, False)
    """
    text = text.strip()
    if not text or len(text) > 24 or _PAGE_NUMBER_RE.match(text) is None:
        return False
    digits = re.findall(r"\d+", text)
    return not (len(digits) == 1 and len(digits[0]) == 4 and text == digits[0])


def _header_key(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text.lower())).strip()


def _drop_running_lines(pages: list[_Page]) -> None:
    """Drop page numbers in the bands, and repeats of running headers and footers (keep the first)."""
    band_ids: list[set[int]] = []
    for page in pages:
        by_top = sorted(range(len(page.lines)), key=lambda i: page.lines[i].top)
        top = [i for i in by_top[:_BAND_LINES] if page.lines[i].top < page.height * _BAND]
        bottom = [i for i in by_top[-_BAND_LINES:] if page.lines[i].bottom > page.height * (1 - _BAND)]
        band_ids.append(set(top) | set(bottom))
    keys_per_page: Counter[str] = Counter()
    for page, ids in zip(pages, band_ids, strict=True):
        keys = {_header_key(page.lines[i].text) for i in ids}
        keys_per_page.update(k for k in keys if sum(ch.isalpha() for ch in k) >= 3)
    needed = max(2, math.ceil(0.6 * len(pages)))
    running = {k for k, n in keys_per_page.items() if n >= needed} if len(pages) >= 2 else set()
    seen: set[str] = set()
    for page, ids in zip(pages, band_ids, strict=True):
        kept: list[_Line] = []
        for i, line in enumerate(page.lines):
            if i in ids:
                if looks_like_page_number(line.text):
                    continue
                key = _header_key(line.text)
                if key in running:
                    if key in seen:
                        continue
                    seen.add(key)
            kept.append(line)
        page.lines = kept


def _find_gutter(lines: Sequence[_Line]) -> float | None:
    """The x of the vertical cut between the columns of a two-column page, or ``None``."""
    if len(lines) < 6:
        return None
    left_edge = min(line.x0 for line in lines)
    right_edge = max(line.x1 for line in lines)
    n_bins = int(right_edge - left_edge) + 1
    if n_bins < 40 or n_bins > 20_000:
        return None
    diff = [0] * (n_bins + 1)
    for line in lines:
        a = max(int(line.x0 - left_edge), 0)
        b = min(math.ceil(line.x1 - left_edge), n_bins)
        diff[a] += 1
        diff[b] -= 1
    coverage: list[int] = []
    running = 0
    for value in diff[:n_bins]:
        running += value
        coverage.append(running)
    allowed = max(2, len(lines) // 6)
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for i, count in enumerate([*coverage, allowed + 1]):
        if count <= allowed and start is None:
            start = i
        elif count > allowed and start is not None:
            runs.append((start, i))
            start = None
    best: float | None = None
    best_score = 0.0
    page_top = min(line.top for line in lines)
    page_bottom = max(line.bottom for line in lines)
    text_height = max(page_bottom - page_top, 1.0)
    for a, b in runs:
        if a == 0 or b >= n_bins:
            continue
        low = min(coverage[a:b])
        lows = [i for i in range(a, b) if coverage[i] == low]
        cut = left_edge + (lows[0] + lows[-1]) / 2 + 0.5
        left = [ln for ln in lines if ln.x1 <= cut]
        right = [ln for ln in lines if ln.x0 >= cut]
        if len(left) < 3 or len(right) < 3:
            continue
        width = min(ln.x0 for ln in right) - max(ln.x1 for ln in left)
        if width < 6:
            continue
        overlap_top = max(min(ln.top for ln in left), min(ln.top for ln in right))
        overlap_bottom = min(max(ln.bottom for ln in left), max(ln.bottom for ln in right))
        if overlap_bottom - overlap_top < 0.35 * text_height:
            continue
        crossing = [ln for ln in lines if ln.x0 < cut < ln.x1 and ln.bottom > overlap_top and ln.top < overlap_bottom]
        inside = [ln for ln in left + right if ln.bottom > overlap_top and ln.top < overlap_bottom]
        if len(crossing) > max(1, len(inside) // 10):
            continue
        if not (_dense(left) and _dense(right)):
            continue
        score = width * min(len(left), len(right))
        if score > best_score:
            best, best_score = cut, score
    return best


def _dense(lines: Sequence[_Line]) -> bool:
    """Whether lines form blocks (most have a neighbour within two line heights): a column, not a
    scatter of right-aligned dates beside full-width text."""
    ordered = sorted(lines, key=lambda ln: ln.top)
    close = 0
    for i, line in enumerate(ordered):
        near_prev = i > 0 and line.top - ordered[i - 1].bottom < 2.0 * line.height
        near_next = i + 1 < len(ordered) and ordered[i + 1].top - line.bottom < 2.0 * line.height
        close += near_prev or near_next
    return close >= 0.6 * len(ordered)


def order_page(lines: Sequence[_Line]) -> list[_Line | Break]:
    """Put one page's lines in reading order, with breaks where the layout shows a gap."""
    ordered = _by_rows(lines)
    cut = _find_gutter(ordered)
    if cut is None:
        return _with_gaps(ordered)
    out: list[_Line | Break] = []
    left: list[_Line] = []
    right: list[_Line] = []

    def flush() -> None:
        if left:
            out.append(BREAK)
            out.extend(_with_gaps(left))
        if right:
            out.append(BREAK)
            out.extend(_with_gaps(right))
        if left or right:
            out.append(BREAK)
        left.clear()
        right.clear()

    spanning: list[_Line] = []
    for line in ordered:
        if line.x1 <= cut:
            left.append(line)
        elif line.x0 >= cut:
            line.column = 1
            right.append(line)
        else:
            if left or right:
                if spanning:
                    out.extend(_with_gaps(spanning))
                    spanning = []
                flush()
            spanning.append(line)
    if spanning:
        out.extend(_with_gaps(spanning))
    flush()
    return out


def _by_rows(lines: Sequence[_Line]) -> list[_Line]:
    """Sort top to bottom; lines sharing a baseline (within a third of a line) left to right."""
    out: list[_Line] = []
    row: list[_Line] = []
    for line in sorted(lines, key=lambda ln: (ln.bottom, ln.x0)):
        if row and abs(line.bottom - row[0].bottom) > 0.33 * min(line.height, row[0].height):
            out.extend(sorted(row, key=lambda ln: ln.x0))
            row = []
        row.append(line)
    out.extend(sorted(row, key=lambda ln: ln.x0))
    return out


def _with_gaps(lines: Sequence[_Line]) -> list[_Line | Break]:
    out: list[_Line | Break] = []
    if not lines:
        return out
    heights = [ln.height for ln in lines]
    typical = statistics.median(heights)
    prev: _Line | None = None
    for line in lines:
        if prev is not None and line.top - prev.bottom > 0.75 * max(typical, min(prev.height, line.height)):
            out.append(BREAK)
        out.append(line)
        prev = line
    return out


def _line_from_layout(obj: Any, page_top: float) -> _Line | None:
    from pdfminer.layout import LTChar

    # This loop touches every character of the document: keep it lean (one regex per font).
    sizes: Counter[float] = Counter()
    bold_fonts: dict[str, bool] = {}
    bold = 0
    visible = 0
    for ch in obj:
        if isinstance(ch, LTChar):
            if ch.get_text().isspace():
                continue
            visible += 1
            sizes[ch.size] += 1
            font = ch.fontname
            is_bold = bold_fonts.get(font)
            if is_bold is None:
                is_bold = bold_fonts[font] = bool(_BOLD_RE.search(str(font)))
            bold += is_bold
    raw = obj.get_text()
    if not raw.strip():
        return None
    size = round(float(sizes.most_common(1)[0][0]), 1) if sizes else None
    return _Line(
        text=raw.replace("\n", " "),
        x0=float(obj.x0),
        top=page_top - float(obj.y1),
        x1=float(obj.x1),
        bottom=page_top - float(obj.y0),
        size=size,
        bold=visible > 0 and bold >= 0.6 * visible,
        chars=visible,
    )


def _collect_lines(layout: Any, page_top: float, out: list[_Line]) -> None:
    from pdfminer.layout import LTTextLine

    stack: list[Any] = [layout]
    while stack:
        obj = stack.pop()
        if isinstance(obj, LTTextLine):
            line = _line_from_layout(obj, page_top)
            if line is not None:
                out.append(line)
        elif hasattr(obj, "__iter__") and not isinstance(obj, (str, bytes)):
            stack.extend(reversed(list(obj)))


def _page_count(document: Any) -> int | None:
    from pdfminer.pdftypes import resolve1

    try:
        pages = resolve1(document.catalog.get("Pages"))
        count = resolve1(pages.get("Count")) if isinstance(pages, dict) else None
    except Exception:
        return None
    return count if isinstance(count, int) and count >= 0 else None


def read_pdf(data: bytes, *, source_id: str, max_pages: int, max_chars: int) -> tuple[list[DocumentLine | Break], int]:
    """Read a PDF into lines (in reading order, with block breaks) and its page count.

    Parameters
    ----------
    data : bytes
        The PDF.
    source_id : str
        Names the document in errors and logs.
    max_pages, max_chars : int
        Limits: more pages or more extracted characters raise ``DocumentTooLargeError``.

    Returns
    -------
    tuple
        ``(items, pages)``; ``items`` are ``DocumentLine`` objects and ``BREAK`` markers.

    Raises
    ------
    EncryptedDocumentError, CorruptDocumentError, DocumentTooLargeError

    Examples
    --------
    >>> read_pdf(b"%PDF-1.4 garbage", source_id="x", max_pages=5, max_chars=100)
    Traceback (most recent call last):
    ...
    skillmatch.errors.CorruptDocumentError: The PDF is broken or truncated and could not be read (stage: open). Re-export or re-save it as PDF.
    """
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTPage
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    def corrupt(stage: str, exc: BaseException) -> CorruptDocumentError:
        logger.debug("pdf %s: %s failed with %s", source_id, stage, type(exc).__name__)
        return CorruptDocumentError(
            f"The PDF is broken or truncated and could not be read (stage: {stage}). Re-export or re-save it as PDF.",
            source=source_id,
            stage=stage,
            got=type(exc).__name__,
        )

    def encrypted() -> EncryptedDocumentError:
        return EncryptedDocumentError(
            "The PDF is password-protected. Remove the password (print or export it to a new PDF) and try again.",
            source=source_id,
        )

    try:
        parser = PDFParser(io.BytesIO(data))
        document = PDFDocument(parser, password="")
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise encrypted() from None
    except SkillmatchError:
        raise
    except Exception as exc:  # pdfminer raises many types (PDFSyntaxError, PSEOF, KeyError, ...)
        raise corrupt("open", exc) from None
    is_encrypted = getattr(document, "encryption", None) is not None
    count = _page_count(document)
    if count is not None and count > max_pages:
        raise DocumentTooLargeError(
            f"The PDF has {count} pages, more than the limit of {max_pages} (ParseConfig.max_pages). "
            "A resume is rarely that long: check that the right file was sent, or raise the limit.",
            source=source_id,
            expected=max_pages,
            got=count,
        )
    laparams = LAParams(all_texts=True)
    manager = PDFResourceManager(caching=True)
    device = PDFPageAggregator(manager, laparams=laparams)
    interpreter = PDFPageInterpreter(manager, device)
    pages: list[_Page] = []
    total_chars = 0
    try:
        for number, pdf_page in enumerate(PDFPage.create_pages(document), start=1):
            if number > max_pages:
                raise DocumentTooLargeError(
                    f"The PDF has more than {max_pages} pages (ParseConfig.max_pages).",
                    source=source_id,
                    expected=max_pages,
                )
            interpreter.process_page(pdf_page)
            layout = device.get_result()
            if not isinstance(layout, LTPage):  # pragma: no cover - defensive
                continue
            x0, y0, x1, y1 = (float(v) for v in layout.bbox)
            lines: list[_Line] = []
            _collect_lines(layout, y1, lines)
            for line in lines:  # x relative to the page's left edge
                line.x0 -= x0
                line.x1 -= x0
            total_chars += sum(len(line.text) for line in lines)
            if total_chars > max_chars:
                raise DocumentTooLargeError(
                    f"The PDF's text is longer than {max_chars} characters (ParseConfig.max_chars).",
                    source=source_id,
                    expected=max_chars,
                )
            pages.append(_Page(number=number, width=x1 - x0, height=y1 - y0, lines=lines))
    except SkillmatchError:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise encrypted() from None
    except Exception as exc:
        if is_encrypted:
            raise encrypted() from None
        raise corrupt("layout", exc) from None
    if is_encrypted and not any(page.lines for page in pages):
        raise encrypted()

    _drop_running_lines(pages)
    items: list[DocumentLine | Break] = []
    for page in pages:
        ordered = order_page(page.lines)
        items.append(BREAK)
        items.extend(_finish_page(ordered, page.number))
    return items, len(pages)


def _finish_page(ordered: Sequence[_Line | Break], page_number: int) -> list[DocumentLine | Break]:
    """Clean the texts, join hyphenated words within each block, and make ``DocumentLine`` objects."""
    out: list[DocumentLine | Break] = []
    block: list[_Line] = []

    def flush() -> None:
        texts = join_hyphenated([clean_line(ln.text) for ln in block])
        for line, text in zip(block, texts, strict=True):
            if not text:
                continue
            out.append(
                DocumentLine(
                    text=text,
                    page=page_number,
                    x0=round(line.x0, 2),
                    y0=round(line.top, 2),
                    x1=round(line.x1, 2),
                    y1=round(line.bottom, 2),
                    font_size=line.size,
                    bold=line.bold,
                    column=line.column,
                )
            )
        block.clear()

    for item in ordered:
        if isinstance(item, Break):
            flush()
            out.append(BREAK)
        else:
            block.append(replace(item))
    flush()
    return out
