from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from skillmatch.config import ParseConfig
from skillmatch.errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
)
from skillmatch.ingest import read_document
from skillmatch.ingest.pdf import looks_like_page_number
from tests.ingest._builders import PAGE_H, pdf, text_block

PDF = "application/pdf"


def _one_column(c: Any) -> None:
    c.setFont("Helvetica-Bold", 20)
    c.drawString(72, PAGE_H - 90, "Jane Doe")
    y = text_block(c, 72, 100, ["jane@example.com - Berlin"])
    y = text_block(c, 72, y + 20, ["EXPERIENCE"], font="Helvetica-Bold", size=12)
    text_block(c, 72, y, ["Senior Engineer, Acme Corp"], font="Helvetica-Bold")
    text_block(c, 480, y, ["2019 - 2023"])  # right-aligned dates beside the title
    y = text_block(
        c,
        72,
        y + 14,
        [
            "\u2022 Built the data platform used by forty product teams across the company",
            "\u2022 Migrated every service to Kubernetes and cut hosting costs by a third",
        ],
    )
    text_block(c, 72, y + 6, ["Engineer, Initech"], font="Helvetica-Bold")
    text_block(c, 480, y + 6, ["2015 - 2019"])
    y = text_block(c, 72, y + 20, ["\u2022 Wrote billing services in Python and Go for the whole product line"])
    y = text_block(c, 72, y + 20, ["SKILLS"], font="Helvetica-Bold", size=12)
    text_block(c, 72, y, ["Python, Go, SQL, Kubernetes"])


def _two_column(c: Any) -> None:
    c.setFont("Helvetica-Bold", 20)
    c.drawString(40, PAGE_H - 70, "Sam Sidebar")
    # left sidebar, x 40..170
    y = text_block(c, 40, 110, ["CONTACT"], font="Helvetica-Bold", size=12)
    y = text_block(c, 40, y, ["sam@example.org", "+44 20 7946 0000", "London"])
    y = text_block(c, 40, y + 14, ["SKILLS"], font="Helvetica-Bold", size=12)
    text_block(c, 40, y, ["Rust", "Haskell", "Terraform", "Ansible", "Kafka"])
    # main column, x 200..
    y = text_block(c, 200, 110, ["PROFILE"], font="Helvetica-Bold", size=12)
    y = text_block(c, 200, y, ["Platform engineer with ten years of building", "reliable distributed systems."])
    y = text_block(c, 200, y + 14, ["EXPERIENCE"], font="Helvetica-Bold", size=12)
    text_block(
        c,
        200,
        y,
        [
            "Staff Engineer, Globex, 2020 - present",
            "Designed the event streaming backbone",
            "Mentored six engineers",
            "Backend Engineer, Hooli, 2014 - 2020",
            "Scaled the search service tenfold",
        ],
    )


def test_one_column_resume_reads_in_order_with_layout_cues() -> None:
    doc = read_document(pdf([_one_column]), source_id="one")
    assert doc.media_type == PDF and doc.pages == 1 and len(doc.sha256) == 64
    text = doc.text
    order = ["Jane Doe", "EXPERIENCE", "Senior Engineer, Acme Corp", "2019 - 2023", "- Built the data platform",
             "Engineer, Initech", "2015 - 2019", "- Wrote billing", "SKILLS", "Python, Go, SQL"]  # fmt: skip
    positions = [text.index(s) for s in order]
    assert positions == sorted(positions)
    assert "\u2022" not in text
    assert {line.column for line in doc.lines} == {0}  # dates beside titles are not a column
    name = doc.lines[0]
    assert name.text == "Jane Doe" and name.bold and name.font_size == 20.0
    assert 60 < name.y0 < name.y1 < 100  # y from the top of the page, in points
    assert name.x0 == pytest.approx(72, abs=1)
    body = next(line for line in doc.lines if line.text.startswith("- Built"))
    assert not body.bold and body.font_size == 10.0
    assert "\n\nEXPERIENCE\n" in text  # a gap in the layout is a blank line


def test_two_column_sidebar_is_not_interleaved() -> None:
    doc = read_document(pdf([_two_column]), source_id="two")
    lines = [line.text for line in doc.lines]
    assert lines[0] == "Sam Sidebar"
    sidebar = ["CONTACT", "sam@example.org", "+44 20 7946 0000", "London", "SKILLS", "Rust", "Haskell", "Terraform",
               "Ansible", "Kafka"]  # fmt: skip
    main = ["PROFILE", "Platform engineer with ten years of building", "reliable distributed systems.", "EXPERIENCE",
            "Staff Engineer, Globex, 2020 - present", "Designed the event streaming backbone"]  # fmt: skip
    assert lines[1 : 1 + len(sidebar)] == sidebar
    assert lines[1 + len(sidebar) : 1 + len(sidebar) + len(main)] == main
    by_text = {line.text: line for line in doc.lines}
    assert by_text["Kafka"].column == 0 and by_text["Mentored six engineers"].column == 1
    # the paragraph of the main column stays together in the text
    assert "Platform engineer with ten years of building\nreliable distributed systems." in doc.text


def _running(n: int) -> list[Any]:
    def page(i: int) -> Any:
        def draw(c: Any) -> None:
            text_block(c, 72, 30, ["Jane Doe - Curriculum Vitae"], size=9)
            text_block(c, 72, 120, [f"Body of page {i + 1} talks about project number {i + 1}"])
            text_block(c, 72, 740, [f"Page {i + 1} of {n}"], size=9)
            text_block(c, 300, 740, ["Confidential"], size=9)

        return draw

    return [page(i) for i in range(n)]


def test_running_headers_and_footers_appear_once_and_page_numbers_go() -> None:
    doc = read_document(pdf(_running(3)), source_id="three")
    assert doc.pages == 3
    assert doc.text.count("Jane Doe - Curriculum Vitae") == 1
    assert doc.text.count("Confidential") == 1
    assert "Page 2 of 3" not in doc.text and "Page 1 of 3" not in doc.text
    bodies = [doc.text.index(f"Body of page {i}") for i in (1, 2, 3)]
    assert bodies == sorted(bodies)
    assert [line.page for line in doc.lines if line.text.startswith("Body")] == [1, 2, 3]


def test_hyphenation_is_joined_only_before_lower_case() -> None:
    def draw(c: Any) -> None:
        text_block(c, 72, 100, ["Led the develop-", "ment of a billing platform", "for the Asia-", "Pacific region"])

    doc = read_document(pdf([draw]), source_id="hy")
    assert "Led the development\nof a billing platform" in doc.text
    assert "Asia-\nPacific region" in doc.text


def test_ligature_glyphs_are_repaired() -> None:
    font_path = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not font_path.exists():
        pytest.skip("no TrueType font with ligature glyphs; repair_text is tested directly in test_text")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVuLig", str(font_path)))

    def draw(c: Any) -> None:
        c.setFont("DejaVuLig", 11)
        c.drawString(72, 700, "E\ufb03cient work\ufb02ows and con\ufb01guration")

    doc = read_document(pdf([draw]), source_id="lig")
    assert "Efficient workflows and configuration" in doc.text


def test_pdf_without_text_layer_needs_ocr() -> None:
    def draw(c: Any) -> None:
        c.rect(100, 100, 300, 400, fill=1)

    with pytest.raises(EmptyDocumentError, match="OCR") as info:
        read_document(pdf([draw]), source_id="scan-7")
    assert info.value.context["source"] == "scan-7"


def test_encrypted_pdf() -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(pdf([_one_column]))).pages:
        writer.add_page(page)
    writer.encrypt("s3cret")
    buf = io.BytesIO()
    writer.write(buf)
    with pytest.raises(EncryptedDocumentError, match="password"):
        read_document(buf.getvalue(), source_id="locked")
    # an owner password only (no password to open) is readable
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(pdf([_one_column]))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-256")
    buf = io.BytesIO()
    writer.write(buf)
    assert read_document(buf.getvalue(), source_id="owner-only").text.startswith("Jane Doe")


def test_truncated_pdf_is_corrupt() -> None:
    data = pdf([_one_column])
    with pytest.raises(CorruptDocumentError) as info:
        read_document(data[: len(data) // 3], source_id="cut")
    assert "Jane" not in str(info.value)
    with pytest.raises(CorruptDocumentError):
        read_document(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>", source_id="junk")


def test_too_many_pages_and_too_many_bytes() -> None:
    data = pdf(_running(4))
    with pytest.raises(DocumentTooLargeError, match="max_pages"):
        read_document(data, source_id="long", config=ParseConfig(max_pages=3))
    with pytest.raises(DocumentTooLargeError, match="max_bytes"):
        read_document(data, source_id="big", config=ParseConfig(max_bytes=100))
    with pytest.raises(DocumentTooLargeError, match="max_chars"):
        read_document(data, source_id="wordy", config=ParseConfig(max_chars=50))


def test_page_number_patterns() -> None:
    assert looks_like_page_number("Page 2 of 3")
    assert looks_like_page_number("2 / 5")
    assert looks_like_page_number("- 7 -")
    assert not looks_like_page_number("2019")
    assert not looks_like_page_number("Python 3")
