"""Media-type sniffing from content (magic bytes), never from a file name.

Examples
--------
>>> sniff_media_type(b"%PDF-1.7\\n...")
'application/pdf'
>>> sniff_media_type(b"<!DOCTYPE html><html><body>Hi</body></html>")
'text/html'
>>> sniff_media_type("Jane Doe\\nEngineer".encode())
'text/plain'
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from typing import Final

from skillmatch.errors import CorruptDocumentError, UnsupportedMediaTypeError

__all__ = ["DOCX", "HTML", "PDF", "TEXT", "sniff_media_type"]

PDF: Final = "application/pdf"
DOCX: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HTML: Final = "text/html"
TEXT: Final = "text/plain"

_SAVE_AS: Final = "Open it in a word processor and save it as PDF or DOCX, or paste its text."
_OCR: Final = "An image needs OCR first: run it through an OCR tool and pass the resulting text or searchable PDF."

_IMAGES: Final = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
)
_BINARIES: Final = (
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "executable"),
    (b"MZ", "Windows executable"),
    (b"%!PS", "PostScript file"),
    (b"\x00\x00\x00\x0cjP  ", "JPEG 2000 image"),
)
_HTML_RE: Final = re.compile(
    r"<(?:!doctype\s+html|html|head|body|div|p|table|ul|ol|h[1-6]|br|span|meta|title)\b",
    re.IGNORECASE,
)


def _unsupported(what: str, advice: str, source_id: str) -> UnsupportedMediaTypeError:
    return UnsupportedMediaTypeError(
        f"Unsupported document format: {what}. skillmatch reads PDF, DOCX, HTML and plain text. {advice}",
        source=source_id,
        got=what,
        expected="PDF, DOCX, HTML or plain text",
    )


def _is_bmp(data: bytes) -> bool:
    # "BM" alone is too weak (a text file may start with "BMW"): check the DIB header size too.
    return (
        len(data) >= 18
        and data[:2] == b"BM"
        and int.from_bytes(data[14:18], "little") in (12, 40, 52, 56, 64, 108, 124)
    )


def _sniff_zip(data: bytes, source_id: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise CorruptDocumentError(
            "The document is a broken or truncated ZIP container (DOCX files are ZIPs). "
            "Re-export it from the original application.",
            source=source_id,
            stage="sniff",
        ) from exc
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        raise _unsupported("an Excel workbook (XLSX)", _SAVE_AS, source_id)
    if "ppt/presentation.xml" in names:
        raise _unsupported("a PowerPoint presentation (PPTX)", _SAVE_AS, source_id)
    if "content.xml" in names and "mimetype" in names:
        raise _unsupported("an OpenDocument file (ODT)", _SAVE_AS, source_id)
    raise _unsupported("a ZIP archive", "Extract the resume from the archive and pass it on its own.", source_id)


def _looks_binary(sample: bytes) -> bool:
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 0x20 and b not in (0x09, 0x0A, 0x0C, 0x0D, 0x1B))
    return control > max(2, len(sample) // 100)


def sniff_media_type(data: bytes, *, source_id: str = "") -> str:
    """Say what a document is from its first bytes (and, for ZIPs, its directory).

    Parameters
    ----------
    data : bytes
        The whole document.
    source_id : str, optional
        Names the document in errors.

    Returns
    -------
    str
        ``"application/pdf"``, the DOCX media type, ``"text/html"`` or ``"text/plain"``.

    Raises
    ------
    UnsupportedMediaTypeError
        For a legacy Word ``.doc``, images, other ZIPs (XLSX, PPTX, ODT...), RTF and other binaries;
        the message says what to do (save it as PDF or DOCX, run OCR...).
    CorruptDocumentError
        For a ZIP container too broken to list.

    Examples
    --------
    >>> sniff_media_type(b"\\xd0\\xcf\\x11\\xe0\\xa1\\xb1\\x1a\\xe1" + bytes(100))
    Traceback (most recent call last):
    ...
    skillmatch.errors.UnsupportedMediaTypeError: Unsupported document format: a legacy Word .doc (OLE2) file. skillmatch reads PDF, DOCX, HTML and plain text. Open it in a word processor and save it as PDF or DOCX, or paste its text.
    """
    head = data[:1024]
    if b"%PDF-" in head:
        return PDF
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise _unsupported("a legacy Word .doc (OLE2) file", _SAVE_AS, source_id)
    for magic, what in _IMAGES:
        if head.startswith(magic):
            raise _unsupported(what, _OCR, source_id)
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        raise _unsupported("WebP image", _OCR, source_id)
    if _is_bmp(head):
        raise _unsupported("BMP image", _OCR, source_id)
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return _sniff_zip(data, source_id)
    if head.lstrip().startswith(b"{\\rtf"):
        raise _unsupported("an RTF file", _SAVE_AS, source_id)
    for magic, what in _BINARIES:
        if head.startswith(magic):
            raise _unsupported(f"a {what}", _SAVE_AS, source_id)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        sample = head.decode("utf-16", errors="replace")
    else:
        if _looks_binary(data[:8192]):
            raise _unsupported("a binary file", _SAVE_AS, source_id)
        sample = head.decode("utf-8", errors="replace")
    sample = sample.lstrip("\ufeff \t\r\n")
    if sample.startswith("{\\rtf"):
        raise _unsupported("an RTF file", _SAVE_AS, source_id)
    if sample.startswith("<") and _HTML_RE.search(sample):
        return HTML
    return TEXT
