"""Ingest: bytes -> :class:`~skillmatch.models.Document` (text in reading order plus layout lines).

One module per format (``pdf``, ``docx``, ``text``, ``html``); the media type is sniffed from the
content (:func:`sniff_media_type`), never from a file name. pdfminer and python-docx are imported
only inside the readers, so importing this package is cheap.

Examples
--------
>>> doc = read_document(b"Jane Doe\\n\\nSkills\\n\\xe2\\x80\\xa2 Python", source_id="cv-1")
>>> doc.media_type, doc.text
('text/plain', 'Jane Doe\\n\\nSkills\\n- Python')
>>> doc.lines[2].text
'- Python'
"""

from __future__ import annotations

import hashlib
import logging

from skillmatch.config import ParseConfig
from skillmatch.errors import (
    DocumentTooLargeError,
    EmptyDocumentError,
    InvalidArgumentError,
    UnsupportedMediaTypeError,
)
from skillmatch.ingest.sniff import DOCX, HTML, PDF, TEXT, sniff_media_type
from skillmatch.ingest.text import Break, assemble
from skillmatch.models import Document, DocumentLine

__all__ = ["SUPPORTED_MEDIA_TYPES", "read_document", "sniff_media_type"]

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

#: The media types :func:`read_document` reads.
SUPPORTED_MEDIA_TYPES: tuple[str, ...] = (PDF, DOCX, HTML, TEXT)


def read_document(
    data: bytes,
    *,
    source_id: str,
    media_type: str | None = None,
    config: ParseConfig | None = None,
) -> Document:
    """Read a document's bytes into a :class:`~skillmatch.models.Document`.

    Parameters
    ----------
    data : bytes
        The whole document.
    source_id : str
        Names the document in the result, in errors and in logs (its contents never appear there).
    media_type : str, optional
        One of :data:`SUPPORTED_MEDIA_TYPES`; sniffed from the content when not given.
    config : ParseConfig, optional
        Limits: ``max_bytes`` (checked before anything is decoded), ``max_pages`` and ``max_chars``.

    Returns
    -------
    Document
        ``sha256`` of the bytes, ``pages``, ``lines`` (PDF boxes in points, y from the top of the
        page) and ``text``: the lines in reading order joined by ``"\\n"``, with a blank line
        where the layout shows a gap between blocks.

    Raises
    ------
    DocumentTooLargeError
        Over ``max_bytes``, ``max_pages`` or ``max_chars`` (or a DOCX ZIP bomb).
    UnsupportedMediaTypeError
        A legacy .doc, an image, another archive, RTF or another binary.
    CorruptDocumentError, EncryptedDocumentError
        A broken or password-protected file.
    EmptyDocumentError
        No text at all (for a PDF with pages but no text layer: it needs OCR).

    Examples
    --------
    >>> read_document(b"<p>Hello <b>world</b></p>", source_id="x").text
    'Hello world'
    >>> read_document(b"   ", source_id="blank")
    Traceback (most recent call last):
    ...
    skillmatch.errors.EmptyDocumentError: The document 'blank' has no text.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise InvalidArgumentError("data", expected="bytes", got=data)
    data = bytes(data)
    config = config if config is not None else ParseConfig()
    if len(data) > config.max_bytes:
        raise DocumentTooLargeError(
            f"The document is {len(data)} bytes, more than the limit of {config.max_bytes} "
            "(ParseConfig.max_bytes). Send a smaller file or raise the limit.",
            source=source_id,
            expected=config.max_bytes,
            got=len(data),
        )
    if media_type is None:
        media_type = sniff_media_type(data, source_id=source_id)
    elif media_type not in SUPPORTED_MEDIA_TYPES:
        raise UnsupportedMediaTypeError(
            f"Unsupported media type {media_type[:100]!r}: expected one of {', '.join(SUPPORTED_MEDIA_TYPES)}.",
            source=source_id,
            expected=list(SUPPORTED_MEDIA_TYPES),
            got=media_type[:100],
        )
    pages = 1
    lines: list[DocumentLine]
    if media_type == PDF:
        from skillmatch.ingest.pdf import read_pdf

        items, pages = read_pdf(data, source_id=source_id, max_pages=config.max_pages, max_chars=config.max_chars)
        lines, text = assemble(items)
    elif media_type == DOCX:
        from skillmatch.ingest.docx import read_docx

        docx_items: list[DocumentLine | Break]
        docx_items, pages = read_docx(data, source_id=source_id, max_bytes=config.max_bytes)
        lines, text = assemble(docx_items)
    elif media_type == HTML:
        from skillmatch.ingest.html import read_html

        lines, text = read_html(data, source_id=source_id)
    else:
        from skillmatch.ingest.text import read_text

        lines, text = read_text(data)
    if len(text) > config.max_chars:
        raise DocumentTooLargeError(
            f"The document's text is {len(text)} characters, more than the limit of {config.max_chars} "
            "(ParseConfig.max_chars).",
            source=source_id,
            expected=config.max_chars,
            got=len(text),
        )
    if not text.strip():
        if media_type == PDF and pages > 0:
            raise EmptyDocumentError(
                f"The PDF {source_id!r} has {pages} page(s) but no text layer (it is a scan or an image): "
                "it needs OCR first. Run it through an OCR tool and pass the searchable PDF or the text.",
                source=source_id,
                pages=pages,
                needs_ocr=True,
            )
        raise EmptyDocumentError(f"The document {source_id!r} has no text.", source=source_id)
    logger.debug("read %s: %s, %d page(s), %d lines", source_id, media_type, pages, len(lines))
    return Document(
        source_id=source_id,
        media_type=media_type,
        sha256=hashlib.sha256(data).hexdigest(),
        text=text,
        pages=pages,
        lines=tuple(lines),
    )
