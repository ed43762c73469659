"""DOCX: python-docx, body in order (paragraphs, tables, text boxes), headers and footers once.

python-docx is imported inside :func:`read_docx`. Before python-docx sees the file, the ZIP
directory is checked: a ``word/document.xml`` (or a whole package) that would inflate past
``min(50 * max_bytes, 200 MB)`` is refused as a ZIP bomb, and any XML part with a DTD
(``<!DOCTYPE`` / ``<!ENTITY``, which Office never writes) is refused, so no entity, internal or
external, is ever expanded (python-docx's own parser also has ``resolve_entities=False``).

Reading order: running headers first, then the body (each paragraph followed by the text boxes
anchored in it; tables in place, a row of short cells as one line joined with ``" | "``, a row
of long or multi-paragraph cells one cell after the other), then footers. Header and footer
lines that repeat across sections appear once.

Examples
--------
>>> read_docx(b"PK\\x05\\x06" + bytes(18), source_id="x", max_bytes=1000)
Traceback (most recent call last):
...
skillmatch.errors.CorruptDocumentError: The DOCX file is broken: it has no word/document.xml. Re-save it from Word (or export it as PDF).
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Iterator
from typing import Any, Final

from skillmatch.errors import CorruptDocumentError, DocumentTooLargeError, SkillmatchError
from skillmatch.ingest.pdf import looks_like_page_number
from skillmatch.ingest.text import BREAK, Break, clean_line
from skillmatch.models import DocumentLine

__all__ = ["read_docx"]

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

_W: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC: Final = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_HARD_CAP: Final = 200_000_000
_MAX_DEPTH: Final = 24
_SHORT_CELL: Final = 60


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


_P, _TBL, _TR, _TC, _R, _T = _w("p"), _w("tbl"), _w("tr"), _w("tc"), _w("r"), _w("t")
_SDT, _SDT_CONTENT, _TXBX = _w("sdt"), _w("sdtContent"), _w("txbxContent")
_SKIP: Final = frozenset(
    {_w("del"), _w("delText"), _w("instrText"), _w("rPr"), _w("pPr"), _TXBX, f"{{{_MC}}}Fallback", _w("moveFrom")}
)
_CONTAINERS: Final = frozenset({_SDT, _SDT_CONTENT, _w("customXml"), _w("ins"), _w("moveTo"), _w("smartTag")})


def _check_package(data: bytes, *, source_id: str, max_bytes: int) -> int:
    """Refuse ZIP bombs and DTDs; return the page count Word stored (or 1)."""
    limit = min(50 * max_bytes, _HARD_CAP)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            by_name = {info.filename: info for info in infos}
            main = by_name.get("word/document.xml")
            if main is None:
                raise CorruptDocumentError(
                    "The DOCX file is broken: it has no word/document.xml. Re-save it from Word (or export it as PDF).",
                    source=source_id,
                )
            total = sum(info.file_size for info in infos)
            if main.file_size > limit or total > limit:
                raise DocumentTooLargeError(
                    f"The DOCX file would inflate to {max(main.file_size, total)} bytes, more than the limit of "
                    f"{limit} (50 x ParseConfig.max_bytes, at most 200 MB): it looks like a ZIP bomb.",
                    source=source_id,
                    expected=limit,
                    got=max(main.file_size, total),
                )
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    blob = archive.read(info)
                    if b"<!DOCTYPE" in blob or b"<!ENTITY" in blob:
                        raise CorruptDocumentError(
                            "The DOCX file contains an XML DTD, which Word never writes; it was refused for safety.",
                            source=source_id,
                            part=info.filename,
                        )
            pages = 1
            app = by_name.get("docProps/app.xml")
            if app is not None:
                match = re.search(rb"<(?:\w+:)?Pages>(\d{1,5})<", archive.read(app))
                if match is not None:
                    pages = max(1, int(match.group(1)))
            return pages
    except SkillmatchError:
        raise
    except Exception as exc:  # BadZipFile, zlib.error, CRC errors, EOFError, NotImplementedError...
        raise CorruptDocumentError(
            "The DOCX file is broken or truncated (its ZIP container cannot be read). Re-save it from Word.",
            source=source_id,
            got=type(exc).__name__,
        ) from None


class _Reader:
    def __init__(self, document: Any) -> None:
        self.document = document
        self.default_size: float | None = None
        try:
            styles_el = document.styles.element
            sz = styles_el.findall(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}/{_w('sz')}")
            if sz:
                self.default_size = int(sz[0].get(_w("val"))) / 2
        except (AttributeError, TypeError, ValueError):
            self.default_size = None

    # -- styles ---------------------------------------------------------------------------
    @staticmethod
    def _style_attr(style: Any, attr: str) -> Any:
        seen = 0
        while style is not None and seen < 20:
            value = getattr(style.font, attr, None)
            if value is not None:
                return value
            style = style.base_style
            seen += 1
        return None

    def _run_format(self, run_el: Any, para: Any) -> tuple[bool, float | None]:
        from docx.text.run import Run

        run = Run(run_el, para)
        bold = run.bold
        size = run.font.size
        if bold is None or size is None:
            for style in (run.style, para.style):
                if style is None:
                    continue
                if bold is None:
                    bold = self._style_attr(style, "bold")
                if size is None:
                    size = self._style_attr(style, "size")
        points = float(size.pt) if size is not None else self.default_size
        return bool(bold), points

    # -- paragraphs -----------------------------------------------------------------------
    def paragraph(self, p_el: Any, depth: int) -> Iterator[DocumentLine | Break]:
        from docx.text.paragraph import Paragraph

        para = Paragraph(p_el, self.document)
        style_name = ""
        try:
            style_name = str(para.style.name or "") if para.style is not None else ""
        except (AttributeError, KeyError, ValueError):
            style_name = ""
        heading = style_name.startswith(("Heading", "Title"))
        lines: list[list[tuple[str, bool, float | None]]] = [[]]
        boxes: list[Any] = []
        stack: list[tuple[Any, Any]] = [(child, None) for child in reversed(list(p_el))]
        while stack:
            el, run_el = stack.pop()
            tag = el.tag if isinstance(el.tag, str) else ""
            if tag == _TXBX:
                boxes.append(el)
                continue
            if tag in _SKIP:
                continue
            if tag == _R:
                run_el = el
            if tag == _T and el.text:
                bold, size = self._run_format(run_el, para) if run_el is not None else (False, self.default_size)
                lines[-1].append((el.text, bold, size))
            elif tag == _w("tab"):
                lines[-1].append(("\t", False, None))
            elif tag in (_w("br"), _w("cr")):
                lines.append([])
            elif tag in (_w("noBreakHyphen"), _w("softHyphen")):
                lines[-1].append(("-" if tag == _w("noBreakHyphen") else "", False, None))
            stack.extend((child, run_el) for child in reversed(list(el)))
        if heading:
            yield BREAK
        for segments in lines:
            text = clean_line("".join(s for s, _, _ in segments))
            if not text:
                continue
            visible = [(b, z) for s, b, z in segments if s.strip()]
            sizes = [z for _, z in visible if z is not None]
            yield DocumentLine(
                text=text,
                bold=bool(visible) and all(b for b, _ in visible),
                font_size=max(sizes) if sizes else self.default_size,
            )
        if not any(s.strip() for segments in lines for s, _, _ in segments) and not boxes:
            yield BREAK  # an empty paragraph is a visual gap
        if heading:
            yield BREAK
        for box in boxes:
            yield BREAK
            yield from self.blocks(box, depth + 1)
            yield BREAK

    # -- tables ---------------------------------------------------------------------------
    def table(self, tbl_el: Any, depth: int) -> Iterator[DocumentLine | Break]:
        yield BREAK
        for tr in tbl_el.iter(_TR):
            if _nearest(tr, _TBL) is not tbl_el:
                continue  # a row of a nested table: read through its cell
            cells: list[list[DocumentLine]] = []
            for tc in tr.iter(_TC):
                if _nearest(tc, _TR) is not tr:
                    continue
                cell = [item for item in self.blocks(tc, depth + 1) if isinstance(item, DocumentLine)]
                if cell:
                    cells.append(cell)
            if not cells:
                continue
            if len(cells) > 1 and all(len(c) == 1 and len(c[0].text) <= _SHORT_CELL for c in cells):
                sizes = [c[0].font_size for c in cells if c[0].font_size is not None]
                yield DocumentLine(
                    text=" | ".join(c[0].text for c in cells),
                    bold=all(c[0].bold for c in cells),
                    font_size=max(sizes) if sizes else None,
                )
                continue
            for index, cell in enumerate(cells):
                yield BREAK
                for line in cell:
                    yield line.model_copy(update={"column": max(line.column, index)})
            yield BREAK
        yield BREAK

    # -- containers -----------------------------------------------------------------------
    def blocks(self, container: Any, depth: int) -> Iterator[DocumentLine | Break]:
        if depth > _MAX_DEPTH:  # absurd nesting: keep the words, drop the structure
            text = clean_line(" ".join(t for t in container.itertext() if t.strip()))
            if text:
                yield DocumentLine(text=text[:10_000])
            return
        for child in container:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == _P:
                yield from self.paragraph(child, depth)
            elif tag == _TBL:
                yield from self.table(child, depth)
            elif tag in _CONTAINERS:
                yield from self.blocks(child, depth + 1)


def _nearest(el: Any, tag: str) -> Any:
    parent = el.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def read_docx(data: bytes, *, source_id: str, max_bytes: int) -> tuple[list[DocumentLine | Break], int]:
    """Read a DOCX into lines (in reading order, with block breaks) and its page count.

    Parameters
    ----------
    data : bytes
        The DOCX (a ZIP).
    source_id : str
        Names the document in errors and logs.
    max_bytes : int
        ``ParseConfig.max_bytes``; the ZIP-bomb limit is ``min(50 * max_bytes, 200 MB)``.

    Returns
    -------
    tuple
        ``(items, pages)``: ``DocumentLine`` objects and ``BREAK`` markers; the page count Word
        stored in ``docProps/app.xml`` (1 when absent).

    Raises
    ------
    CorruptDocumentError, DocumentTooLargeError
    """
    pages = _check_package(data, source_id=source_id, max_bytes=max_bytes)
    try:
        import docx
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        document = docx.Document(io.BytesIO(data))
        reader = _Reader(document)
        headers: list[Any] = []
        footers: list[Any] = []
        for rel in document.part.rels.values():
            if rel.is_external:
                continue
            if rel.reltype == RT.HEADER:
                headers.append(rel.target_part)
            elif rel.reltype == RT.FOOTER:
                footers.append(rel.target_part)
        items: list[DocumentLine | Break] = []
        seen: set[str] = set()
        for parts in (headers, None, footers):
            if parts is None:
                items.append(BREAK)
                items.extend(reader.blocks(document.element.body, 0))
                items.append(BREAK)
                continue
            for part in sorted(parts, key=lambda p: str(p.partname)):
                for item in reader.blocks(part.element, 0):
                    if isinstance(item, DocumentLine):
                        key = " ".join(item.text.lower().split())
                        if key in seen or looks_like_page_number(item.text):
                            continue
                        seen.add(key)
                    items.append(item)
                items.append(BREAK)
    except SkillmatchError:
        raise
    except Exception as exc:  # PackageNotFoundError, KeyError, ValueError, XMLSyntaxError...
        logger.debug("docx %s: read failed with %s", source_id, type(exc).__name__)
        raise CorruptDocumentError(
            "The DOCX file is broken or is not a Word document. Re-save it from Word (or export it as PDF).",
            source=source_id,
            got=type(exc).__name__,
        ) from None
    return items, pages
