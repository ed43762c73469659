from __future__ import annotations

import io
import zipfile

import pytest

from skillmatch.config import ParseConfig
from skillmatch.errors import CorruptDocumentError, DocumentTooLargeError, UnsupportedMediaTypeError
from skillmatch.ingest import read_document

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

_TEXT_BOX = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
    ' xmlns:v="urn:schemas-microsoft-com:vml">'
    '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>'
    "<w:p><w:r><w:t>Certified Kubernetes Administrator</w:t></w:r></w:p>"
    "</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
    "<w:p><w:r><w:t>Certified Kubernetes Administrator</w:t></w:r></w:p>"
    "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
)


def _resume_docx() -> bytes:
    import docx
    from docx.oxml import parse_xml
    from docx.shared import Pt

    document = docx.Document()
    header = document.sections[0].header
    header.paragraphs[0].text = "Jane Doe | jane@example.com"
    document.sections[0].footer.paragraphs[0].text = "References on request"
    document.add_heading("Jane Doe", level=0)
    intro = document.add_paragraph()
    run = intro.add_run("Backend engineer")
    run.bold = True
    run.font.size = Pt(14)
    intro.add_run(" with eight years of Python.")
    document.add_heading("Experience", level=1)
    document.add_paragraph("Acme Corp, 2019 - 2023")
    table = document.add_table(rows=2, cols=3)
    for row, values in zip(table.rows, [("Skill", "Years", "Level"), ("Python", "8", "Expert")], strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    boxed = document.add_paragraph("Certifications")
    boxed._p.append(parse_xml(_TEXT_BOX))
    document.add_heading("Education", level=1)
    document.add_paragraph("MSc Computer Science, TU Berlin")
    document.add_section()  # a second section that inherits the header
    document.add_paragraph("Last page text")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_docx_body_order_table_header_and_text_box() -> None:
    doc = read_document(_resume_docx(), source_id="cv.docx")
    assert doc.media_type == DOCX
    text = doc.text
    order = ["Jane Doe | jane@example.com", "Jane Doe\n", "Backend engineer with eight years of Python.", "Experience",
             "Acme Corp, 2019 - 2023", "Skill | Years | Level", "Python | 8 | Expert", "Certifications",
             "Certified Kubernetes Administrator", "Education", "MSc Computer Science", "Last page text",
             "References on request"]  # fmt: skip
    positions = [text.index(s) for s in order]
    assert positions == sorted(positions)
    assert text.count("Jane Doe | jane@example.com") == 1  # header once, not once per section
    assert text.count("Certified Kubernetes Administrator") == 1  # the VML fallback is not read twice
    intro = next(line for line in doc.lines if line.text.startswith("Backend"))
    assert not intro.bold and intro.font_size == 14.0  # partly bold is not bold; largest run size
    heading = next(line for line in doc.lines if line.text == "Experience")
    assert heading.bold and heading.font_size is not None and heading.font_size > 11
    assert "\n\nExperience\n\n" in text


def test_layout_table_reads_cell_by_cell() -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.text = "SKILLS"
    for skill in ("Rust", "Go", "Kafka"):
        left.add_paragraph(skill)
    right.text = "EXPERIENCE"
    right.add_paragraph("Staff Engineer at Globex, building the event streaming backbone")
    buf = io.BytesIO()
    document.save(buf)
    doc = read_document(buf.getvalue(), source_id="layout")
    assert [line.text for line in doc.lines] == [
        "SKILLS",
        "Rust",
        "Go",
        "Kafka",
        "EXPERIENCE",
        "Staff Engineer at Globex, building the event streaming backbone",
    ]
    assert [line.column for line in doc.lines] == [0, 0, 0, 0, 1, 1]


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, blob in entries.items():
            archive.writestr(name, blob)
    return buf.getvalue()


def test_zip_bomb_is_refused_before_inflating() -> None:
    bomb = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document>" + b" " * 300_000})
    assert len(bomb) < 3_000
    with pytest.raises(DocumentTooLargeError, match="ZIP bomb"):
        read_document(bomb, source_id="bomb", config=ParseConfig(max_bytes=5_000))


def test_dtd_and_entities_are_refused() -> None:
    data = _resume_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    xml = entries["word/document.xml"]
    entries["word/document.xml"] = xml.replace(
        b"?>", b'?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', 1
    )
    with pytest.raises(CorruptDocumentError, match="DTD"):
        read_document(_zip(entries), source_id="xxe")


def test_broken_and_foreign_zips() -> None:
    with pytest.raises(CorruptDocumentError):
        read_document(_zip({"word/document.xml": b"<not xml"}), source_id="broken")
    with pytest.raises(UnsupportedMediaTypeError, match="ZIP archive"):
        read_document(_zip({"photos/a.txt": b"hello"}), source_id="zip")
    with pytest.raises(CorruptDocumentError):
        read_document(_zip({"photos/a.txt": b"hello"}), source_id="zip", media_type=DOCX)
    data = _resume_docx()
    with pytest.raises(CorruptDocumentError):
        read_document(data[: len(data) // 2], source_id="cut")
