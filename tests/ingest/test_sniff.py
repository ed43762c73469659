from __future__ import annotations

import functools
import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillmatch.errors import CorruptDocumentError, SkillmatchError, UnsupportedMediaTypeError
from skillmatch.ingest import read_document, sniff_media_type


def _zip(name: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr(name, b"<x/>")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("data", "advice"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "save it as PDF or DOCX"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "OCR"),
        (b"\xff\xd8\xff\xe0" + bytes(64), "OCR"),
        (b"GIF89a" + bytes(64), "OCR"),
        (b"II*\x00" + bytes(64), "OCR"),
        (b"MM\x00*" + bytes(64), "OCR"),
        (b"BM" + bytes(12) + (40).to_bytes(4, "little") + bytes(40), "OCR"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 " + bytes(32), "OCR"),
        (_zip("xl/workbook.xml"), "save it as PDF or DOCX"),
        (_zip("notes.txt"), "Extract the resume"),
        (b"{\\rtf1\\ansi Jane Doe}", "save it as PDF or DOCX"),
        (b"\x7fELF\x02\x01\x01" + bytes(64), "save it as PDF or DOCX"),
        (bytes(range(256)) * 4, "save it as PDF or DOCX"),
    ],
    ids=["doc", "png", "jpeg", "gif", "tiff-le", "tiff-be", "bmp", "webp", "xlsx", "zip", "rtf", "elf", "binary"],
)
def test_unsupported_types_say_what_to_do(data: bytes, advice: str) -> None:
    with pytest.raises(UnsupportedMediaTypeError, match=advice) as info:
        sniff_media_type(data, source_id="upload-1")
    assert info.value.code == "unsupported_media_type" and info.value.context["source"] == "upload-1"
    with pytest.raises(UnsupportedMediaTypeError):
        read_document(data, source_id="upload-1")


def test_supported_types_from_content_not_names() -> None:
    assert sniff_media_type(b"%PDF-1.4\n%\xe2\xe3") == "application/pdf"
    assert sniff_media_type(b"\r\n  %PDF-1.4 junk before the header") == "application/pdf"
    assert sniff_media_type(_zip("word/document.xml")).endswith("wordprocessingml.document")
    assert sniff_media_type(b"  <!doctype HTML><p>x") == "text/html"
    assert sniff_media_type(b"\xef\xbb\xbf<html><body>x</body></html>") == "text/html"
    assert sniff_media_type("<div>Zoë</div>".encode("utf-16")) == "text/html"
    assert sniff_media_type(b"BMW mechanic, 10 years") == "text/plain"  # not a BMP
    assert sniff_media_type(b"I <3 Python") == "text/plain"
    assert sniff_media_type("Zoë".encode("utf-16")) == "text/plain"


def test_broken_zip_is_corrupt() -> None:
    with pytest.raises(CorruptDocumentError):
        sniff_media_type(b"PK\x03\x04" + bytes(30))


_PREFIXES = st.sampled_from([b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<html><body>", b"\xff\xfe", b"{\\rtf"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=_PREFIXES, body=st.binary(max_size=2_000))
def test_arbitrary_bytes_raise_only_skillmatch_errors(prefix: bytes, body: bytes) -> None:
    try:
        doc = read_document(prefix + body, source_id="fuzz")
    except SkillmatchError as exc:
        assert exc.context.get("source") in ("fuzz", None)
        return
    assert doc.text.strip() and doc.sha256


@functools.cache
def _small_pdf() -> bytes:
    from tests.ingest._builders import pdf, text_block

    return pdf([lambda c: text_block(c, 72, 72, ["Hello world"])])


@settings(max_examples=40, deadline=None)
@given(
    position=st.integers(min_value=0, max_value=100_000),
    value=st.integers(min_value=0, max_value=255),
    keep=st.floats(min_value=0.0, max_value=1.0),
)
def test_damaged_real_pdf_raises_only_skillmatch_errors(position: int, value: int, keep: float) -> None:
    data = bytearray(_small_pdf())
    data[position % len(data)] = value
    try:
        doc = read_document(bytes(data[: max(10, int(len(data) * keep))]), source_id="fuzz")
    except SkillmatchError:
        return
    assert doc.text.strip()  # a damaged header may read as text; a readable PDF has text
