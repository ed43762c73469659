from __future__ import annotations

import codecs

import pytest

from skillmatch.config import ParseConfig
from skillmatch.errors import DocumentTooLargeError, EmptyDocumentError
from skillmatch.ingest import read_document
from skillmatch.ingest.text import decode_text, join_hyphenated, normalise_bullet, repair_text

RESUME = "Zoë Müller\r\n\r\nSkills\r\n• Python – 5 years\r\n* SQL\r\n"


@pytest.mark.parametrize(
    "data",
    [
        RESUME.encode("utf-8"),
        codecs.BOM_UTF8 + RESUME.encode("utf-8"),
        RESUME.encode("utf-16"),  # with BOM, native order
        codecs.BOM_UTF16_LE + RESUME.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + RESUME.encode("utf-16-be"),
        RESUME.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16-le", "utf16-be", "cp1252"],
)
def test_text_encodings(data: bytes) -> None:
    doc = read_document(data, source_id="t")
    assert doc.media_type == "text/plain"
    assert doc.text == "Zoë Müller\n\nSkills\n- Python – 5 years\n- SQL"
    assert [line.text for line in doc.lines] == ["Zoë Müller", "Skills", "- Python – 5 years", "- SQL"]


def test_latin1_fallback_and_newlines() -> None:
    assert decode_text(b"caf\xe9\rna\x81ve\n") == "caf\xe9\nna\x81ve\n"  # 0x81 is undefined in cp1252


def test_repairs() -> None:
    assert (
        repair_text("con\ufb01gured e\ufb00ort work\ufb02ow e\ufb03cient ba\ufb04e")
        == "configured effort workflow efficient baffle"
    )
    broken = "Iâ€™m a cafÃ© owner â€“ JosÃ© said â€œhiâ€\x9d"
    fixed = "I’m a café owner – José said “hi”"
    assert repair_text(broken, use_ftfy=False) == fixed
    assert repair_text(broken) == fixed
    assert repair_text("plain ascii") == "plain ascii"
    for bullet in ("•", "●", "▪", "◦", "\uf0b7", "–", "*", "-"):
        assert normalise_bullet(f"{bullet} Led a team") == "- Led a team"
    assert normalise_bullet("*Note") == "*Note"
    assert join_hyphenated(["full-", "Stack", "re-", "engineered it"]) == ["full-", "Stack", "reengineered", "it"]


def test_text_limits() -> None:
    with pytest.raises(EmptyDocumentError):
        read_document(b" \n\t\r\n", source_id="blank")
    with pytest.raises(DocumentTooLargeError, match="max_chars"):
        read_document(b"word " * 100, source_id="long", config=ParseConfig(max_chars=100))


HTML = b"""<!DOCTYPE html>
<html><head><title>CV of Jane</title><style>body { color: red }</style>
<script>var secret = "do not read me";</script></head>
<body>
<h1>Jane Doe</h1>
<p>Data engineer &amp; <b>team lead</b></p>
<h2>Skills</h2>
<ul>
  <li>Languages
    <ul><li>Python</li><li>Scala</li></ul>
  </li>
  <li>Cloud<ol><li>AWS</li><li>GCP</li></ol></li>
</ul>
<table><tr><th>Employer</th><th>Years</th></tr><tr><td>Acme</td><td>2019 - 2023</td></tr></table>
<p>Line one<br>Line two</p>
<script>document.write("<p>injected</p>")</script>
</body></html>"""


def test_html_blocks_lists_tables_and_scripts() -> None:
    doc = read_document(HTML, source_id="h")
    assert doc.media_type == "text/html"
    assert [line.text for line in doc.lines] == [
        "Jane Doe",
        "Data engineer & team lead",
        "Skills",
        "- Languages",
        "- Python",
        "- Scala",
        "- Cloud",
        "1. AWS",
        "2. GCP",
        "Employer | Years",
        "Acme | 2019 - 2023",
        "Line one",
        "Line two",
    ]
    assert "secret" not in doc.text and "injected" not in doc.text and "color" not in doc.text
    assert "CV of Jane" not in doc.text
    h1, p, h2 = doc.lines[0], doc.lines[1], doc.lines[2]
    assert h1.bold and h2.bold and not p.bold
    assert h1.font_size is not None and h2.font_size is not None and p.font_size is not None
    assert h1.font_size > h2.font_size > p.font_size
    nested = next(line for line in doc.lines if line.text == "- Python")
    assert nested.x0 > doc.lines[3].x0
    assert doc.text.startswith("Jane Doe\n\nData engineer & team lead\n\nSkills\n\n- Languages\n- Python")


def test_html_deep_nesting_and_charset() -> None:
    deep = b"<html><body>" + b"<div><b>" * 10_000 + b"deep text" + b"</b></div>" * 10_000 + b"</body></html>"
    doc = read_document(deep, source_id="deep")
    assert doc.text == "deep text" and doc.lines[0].bold
    lists = b"<html><body>" + b"<ul><li>x" * 5_000 + b"</li></ul>" * 5_000 + b"</body></html>"
    assert read_document(lists, source_id="lists").text.count("- x") == 5_000
    latin = '<html><head><meta charset="windows-1252"></head><body><p>Zoë</p></body></html>'.encode("cp1252")
    assert read_document(latin, source_id="latin").text == "Zoë"
