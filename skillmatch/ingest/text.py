"""Plain text: decoding, and the text clean-ups every reader shares.

The shared helpers live here because this module is light (standard library only):

* :func:`decode_text` decodes bytes as UTF-8 (with or without a BOM), UTF-16 with a BOM, else
  cp1252 (latin-1 as the last resort), and normalises newlines;
* :func:`repair_text` repairs ligatures and mojibake (with ``ftfy`` when it is installed, else
  with a small table) and :func:`normalise_bullet` rewrites bullets at the start of a line as ``"- "``;
* :func:`join_hyphenated` joins words hyphenated across line ends;
* :func:`assemble` turns a reader's lines and block breaks into the ``text`` of a ``Document``.

Examples
--------
>>> lines, text = read_text("Jane Doe\\r\\n\\r\\n• Python".encode("utf-8"))
>>> text
'Jane Doe\\n\\n- Python'
>>> [line.text for line in lines]
['Jane Doe', '- Python']
"""

from __future__ import annotations

import codecs
import contextlib
import logging
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Final

from skillmatch.models import DocumentLine

__all__ = [
    "BREAK",
    "Break",
    "assemble",
    "clean_line",
    "decode_text",
    "join_hyphenated",
    "normalise_bullet",
    "read_text",
    "repair_text",
]

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())


class Break:
    """A block break in a reader's output: one blank line in the text (collapsed, never at the ends)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "BREAK"


#: The one block-break marker.
BREAK: Final = Break()

_LIGATURES: Final = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}

# Characters that UTF-8 continuation bytes (0x80-0xBF) turn into when decoded as cp1252.
_CP1252_HIGH: Final = "".join(
    bytes([b]).decode("cp1252", errors="replace") for b in range(0x80, 0xC0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
)
_MOJIBAKE_RE: Final = re.compile(
    "[\u00c2-\u00f4][" + re.escape(_CP1252_HIGH) + "\u0080-\u00bf]{1,3}",
)
# A few sequences whose last byte is one cp1252 leaves undefined (0x9D: the closing double quote).
_MOJIBAKE_TABLE: Final = {"â€\x9d": "\u201d"}

_BULLET_RE: Final = re.compile(
    r"^\s*(?:[•●▪◦■□▫◆◇►▸▹‣⁃∙·➢➤✓✔❖\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8]|[–—*\-](?=\s))\s*",
)
_CID_RE: Final = re.compile(r"\(cid:\d+\)")
_LEADING_CID_RE: Final = re.compile(r"^\s*\(cid:\d+\)\s+")
_SPACES_RE: Final = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def decode_text(data: bytes, *, encoding: str | None = None) -> str:
    """Decode bytes to text and normalise newlines to ``"\\n"``.

    Parameters
    ----------
    data : bytes
        The raw bytes.
    encoding : str, optional
        A declared encoding (from an HTML ``<meta charset>``), tried after the BOMs and before
        the UTF-8 / cp1252 guesses. Unknown names are ignored.

    Returns
    -------
    str
        UTF-8 (with or without BOM), UTF-16 with a BOM (LE or BE), the declared encoding, else
        cp1252 with latin-1 as the last resort; ``\\r\\n``, ``\\r``, U+2028 and U+2029 become ``\\n``.

    Examples
    --------
    >>> decode_text("Zoë".encode("utf-16"))
    'Zoë'
    >>> decode_text(b"caf\\xe9\\r\\nbar")
    'café\\nbar'
    """
    text: str | None = None
    if data.startswith(codecs.BOM_UTF8):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    else:
        candidates: list[str] = []
        if encoding:
            with contextlib.suppress(LookupError):
                candidates.append(codecs.lookup(encoding).name)
        candidates += ["utf-8", "cp1252"]
        for name in candidates:
            try:
                text = data.decode(name)
                break
            except (UnicodeDecodeError, LookupError):
                continue
        if text is None:
            text = data.decode("latin-1")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return text.replace("\x00", "")


def _fallback_repair(text: str) -> str:
    for bad, good in _MOJIBAKE_TABLE.items():
        text = text.replace(bad, good)

    def fix(match: re.Match[str]) -> str:
        chunk = match.group(0)
        try:
            return chunk.encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            try:
                return chunk.encode("latin-1").decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                return chunk

    text = _MOJIBAKE_RE.sub(fix, text)
    for lig, plain in _LIGATURES.items():
        text = text.replace(lig, plain)
    return unicodedata.normalize("NFC", text)


def repair_text(text: str, *, use_ftfy: bool = True) -> str:
    """Repair ligatures and mojibake, drop unmapped-glyph markers and control characters.

    Parameters
    ----------
    text : str
        One line (or more) of extracted text.
    use_ftfy : bool
        Use ``ftfy`` when it is installed (the default); ``False`` forces the built-in table.

    Returns
    -------
    str
        The repaired text. Pure ASCII text without ``(cid:N)`` markers is returned unchanged.

    Examples
    --------
    >>> repair_text("e\\ufb03cient work\\ufb02ow")
    'efficient workflow'
    >>> repair_text("Donâ€™t worry, cafÃ©", use_ftfy=False)
    'Don’t worry, café'
    """
    if "(cid:" in text:
        text = _CID_RE.sub("", text)
    if text.isascii():
        return "".join(ch for ch in text if ch >= " " or ch in "\t\n") if not text.isprintable() else text
    fixed: str | None = None
    if use_ftfy:
        try:
            import ftfy
        except ImportError:  # pragma: no cover - depends on the environment
            ftfy = None  # type: ignore[assignment]
        if ftfy is not None:
            fixed = ftfy.fix_text(text, uncurl_quotes=False, fix_line_breaks=False, normalization="NFC")
    if fixed is None:
        fixed = _fallback_repair(text)
    for lig, plain in _LIGATURES.items():  # ftfy keeps the ones it does not know (st)
        fixed = fixed.replace(lig, plain)
    return "".join(ch for ch in fixed if ch in "\t\n" or unicodedata.category(ch) not in ("Cc", "Cs"))


def normalise_bullet(line: str) -> str:
    """Rewrite a bullet at the start of a line (•, ●, ▪, ◦, , –, *, -) as ``"- "``.

    Examples
    --------
    >>> normalise_bullet("  •  Led a team of 5")
    '- Led a team of 5'
    >>> normalise_bullet("-5% churn")
    '-5% churn'
    """
    match = _BULLET_RE.match(line)
    if match is None:
        return line
    rest = line[match.end() :]
    return "- " + rest if rest else "-"


def clean_line(text: str) -> str:
    """Repair, collapse inner spaces, strip, and normalise a leading bullet (used by every reader).

    Examples
    --------
    >>> clean_line("  \\u25cf  con\\ufb01gured   CI ")
    '- configured CI'
    >>> clean_line("(cid:127) Led a team")  # an unmapped glyph then a space, at line start: a bullet
    '- Led a team'
    """
    text = _LEADING_CID_RE.sub("\u2022 ", text)
    text = _SPACES_RE.sub(" ", repair_text(text)).strip()
    return normalise_bullet(text) if text else text


_HYPHEN_END_RE: Final = re.compile(r"(?<=[^\W\d_])[-\u00ad\u2010]$")
_FIRST_WORD_RE: Final = re.compile(r"^(\S+)\s*")


def join_hyphenated(texts: Sequence[str]) -> list[str]:
    """Join words hyphenated across line ends when the next line starts lower-case.

    The second half of the word moves up to the first line; a line left empty is dropped.
    Returns one string per input line (``""`` for a line whose only word moved up).

    Examples
    --------
    >>> join_hyphenated(["software develop-", "ment and testing", "Senior-", "Engineer"])
    ['software development', 'and testing', 'Senior-', 'Engineer']
    """
    out = list(texts)
    for i in range(len(out) - 1):
        cur, nxt = out[i], out[i + 1]
        if not cur or not nxt or not nxt[0].islower() or _HYPHEN_END_RE.search(cur) is None:
            continue
        match = _FIRST_WORD_RE.match(nxt)
        if match is None:  # pragma: no cover - nxt is non-empty and starts with a letter
            continue
        out[i] = cur[:-1] + match.group(1)
        out[i + 1] = nxt[match.end() :]
    return out


def assemble(items: Iterable[DocumentLine | Break]) -> tuple[list[DocumentLine], str]:
    """Build the lines and the text of a document from a reader's lines and breaks.

    Lines whose text is blank are dropped; each run of breaks becomes one blank line, never at
    the start or the end.

    Examples
    --------
    >>> lines, text = assemble([BREAK, DocumentLine(text="a"), BREAK, BREAK, DocumentLine(text="b"), BREAK])
    >>> text
    'a\\n\\nb'
    """
    lines: list[DocumentLine] = []
    parts: list[str] = []
    pending_break = False
    for item in items:
        if isinstance(item, Break):
            pending_break = bool(parts)
            continue
        if not item.text.strip():
            continue
        if pending_break:
            parts.append("")
            pending_break = False
        lines.append(item)
        parts.append(item.text)
    return lines, "\n".join(parts)


def read_text(data: bytes) -> tuple[list[DocumentLine], str]:
    """Read plain text: one ``DocumentLine`` per non-blank line, blank lines kept as block breaks.

    Parameters
    ----------
    data : bytes
        The raw bytes (see :func:`decode_text` for the encodings understood).

    Returns
    -------
    tuple of (list of DocumentLine, str)
        The lines (``page`` 1, ``y0``/``y1`` the 0-based row and the next, no font) and the text.

    Examples
    --------
    >>> read_text(b"Skills\\n\\n\\n* SQL")[1]
    'Skills\\n\\n- SQL'
    """
    items: list[DocumentLine | Break] = []
    for row, raw in enumerate(decode_text(data).split("\n")):
        text = clean_line(raw)
        if not text:
            items.append(BREAK)
            continue
        items.append(DocumentLine(text=text, page=1, y0=float(row), y1=float(row + 1)))
    return assemble(items)
