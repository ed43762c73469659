"""Split a resume into sections by its headings, in any wording and any case.

A line is a heading when its words name a known section ("Work History", "Where I've worked",
"Technical Toolbox", "Academic Background"...) and it looks like one: short, not a sentence,
and set apart by layout (capitals, bold, a larger font, a colon) when it is not an exact lexicon
phrase. A "Skills: Python, SQL" line opens a section and carries its first content. Text before
the first heading is the ``header`` section (name and contact); a resume with no headings at all
is one ``body`` section. Never raises.

Examples
--------
>>> parts = split_sections("Jane Doe\\nWORK HISTORY\\nAcme, 2019-2021\\nSkills: Python, SQL")
>>> [(s.kind, s.text) for s in parts]
[('header', 'Jane Doe'), ('experience', 'Acme, 2019-2021'), ('skills', 'Python, SQL')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from skillmatch.models import DocumentLine

__all__ = ["Section", "SECTION_KINDS", "split_sections", "heading_kind"]

# Section kinds and the phrases that open them (case-folded, punctuation dropped).
_LEXICON: dict[str, tuple[str, ...]] = {
    "summary": (
        "summary",
        "professional summary",
        "career summary",
        "executive summary",
        "profile",
        "professional profile",
        "personal profile",
        "about",
        "about me",
        "objective",
        "career objective",
        "professional objective",
        "overview",
        "introduction",
        "who i am",
        "personal statement",
        "highlights",
        "career highlights",
        "summary of qualifications",
    ),
    "experience": (
        "experience",
        "work experience",
        "professional experience",
        "employment",
        "employment history",
        "work history",
        "career history",
        "professional background",
        "relevant experience",
        "experience history",
        "where i ve worked",
        "where i have worked",
        "work",
        "career",
        "positions held",
        "professional history",
        "industry experience",
        "employment experience",
        "experiences",
        "work experiences",
        "career experience",
        "teaching experience",
        "clinical experience",
        "military experience",
        "internships",
        "internship experience",
        "freelance experience",
        "consulting experience",
    ),
    "education": (
        "education",
        "academic background",
        "academic qualifications",
        "educational background",
        "education and training",
        "education training",
        "academics",
        "qualifications",
        "academic history",
        "studies",
        "degrees",
        "schooling",
        "education history",
        "educational qualifications",
        "academic profile",
        "training",
        "where i studied",
        "what i studied",
        "study",
    ),
    "skills": (
        "skills",
        "technical skills",
        "key skills",
        "core skills",
        "skill highlights",
        "skills summary",
        "skills and abilities",
        "technical toolbox",
        "toolbox",
        "tools",
        "tech stack",
        "technologies",
        "technical proficiencies",
        "proficiencies",
        "competencies",
        "core competencies",
        "areas of expertise",
        "expertise",
        "things i know",
        "what i know",
        "technical expertise",
        "skills and tools",
        "tools and technologies",
        "software",
        "computer skills",
        "it skills",
        "programming languages",
        "strengths",
        "capabilities",
        "professional skills",
        "hard skills",
        "soft skills",
        "skills expertise",
    ),
    "certifications": (
        "certifications",
        "certification",
        "certificates",
        "licenses",
        "licences",
        "licenses and certifications",
        "certifications and licenses",
        "credentials",
        "professional certifications",
        "accreditations",
        "professional development",
    ),
    "languages": ("languages", "language skills", "spoken languages", "language"),
    "projects": ("projects", "personal projects", "key projects", "selected projects", "side projects", "portfolio"),
    "awards": ("awards", "honors", "honours", "achievements", "accomplishments", "awards and honors", "recognition"),
    "publications": ("publications", "papers", "research", "presentations", "talks"),
    "volunteer": ("volunteer", "volunteering", "volunteer experience", "community service", "community involvement"),
    "interests": ("interests", "hobbies", "hobbies and interests", "activities", "extracurricular activities"),
    "references": ("references", "referees"),
    "contact": ("contact", "contact information", "contact details", "personal details", "personal information"),
}
SECTION_KINDS: tuple[str, ...] = ("header", "body", *_LEXICON)
_PHRASES: dict[str, str] = {phrase: kind for kind, phrases in _LEXICON.items() for phrase in phrases}
_MAX_HEADING_WORDS = 6
_FILLER = frozenset(
    "my our key relevant additional other selected recent professional technical work and core "
    "main select notable personal full detailed previous prior industry".split()
)
_INLINE = re.compile(r"^\s*([A-Za-z][A-Za-z &/'’-]{1,40}?)\s*[:：]\s*(\S.*)$")


@dataclass(frozen=True)
class Section:
    """A run of lines under one heading. ``span`` is the character range of ``text`` in the
    document text the section was cut from (``text == document_text[span[0]:span[1]]``)."""

    kind: str
    heading: str | None
    text: str
    span: tuple[int, int]


_NUMBERING = re.compile(r"^(?:\d{1,2}|[IVX]{1,4})\s*[.)|:-]\s+(?=\S)|^\d{1,2}\s+\|\s+")


def _normalise(line: str) -> str:
    text = line.replace("’", "'").casefold()
    text = re.sub(r"[^a-z0-9 ]+", " ", text)
    return " ".join(text.split())


def _collapse_letter_spacing(line: str) -> str:
    """ "E X P E R I E N C E" -> "EXPERIENCE" (letters single-spaced, words by wider gaps)."""
    if re.fullmatch(r"(?:\S ){2,}\S(?:\s{2,}(?:\S ){1,}\S)*", line.strip()):
        return " ".join(word.replace(" ", "") for word in re.split(r"\s{2,}", line.strip()))
    return line


def heading_kind(line: str, layout: DocumentLine | None = None) -> str | None:
    """The section kind a line opens, or ``None`` when it is not a heading.

    Examples
    --------
    >>> heading_kind("Where I've worked"), heading_kind("PROFESSIONAL BACKGROUND:")
    ('experience', 'experience')
    >>> heading_kind("I have experience with Python."), heading_kind("Python")
    (None, None)
    >>> heading_kind("2. CORE SKILLS"), heading_kind("IV) Education")
    ('skills', 'education')
    """
    raw = _collapse_letter_spacing(line).strip()
    raw = _NUMBERING.sub("", raw)  # "2. CORE SKILLS", "IV) Education", "03 | Experience"
    if not raw or len(raw) > 60 or re.search(r"[:：]\s*\S", raw):
        return None  # "Skills: Python" is an inline heading with content, handled by the caller
    words = _normalise(raw).split()
    if not words or len(words) > _MAX_HEADING_WORDS:
        return None
    key = " ".join(words)
    kind = _PHRASES.get(key)
    if kind is None and len(words) >= 2:
        # "Relevant Work Experience", "My Skills", "Education & Certifications": a lexicon
        # phrase plus filler words or other section words, never plus arbitrary words
        # ("QA Engineer — Nusantara Ride Technologies" is a job line, not a heading).
        for n in range(len(words) - 1, 0, -1):
            for phrase, extra in ((words[-n:], words[:-n]), (words[:n], words[n:])):
                found = _PHRASES.get(" ".join(phrase))
                if found and all(w in _FILLER or w in _PHRASES for w in extra):
                    kind = found
                    break
            if kind:
                break
    if kind is None:
        return None
    if raw.endswith(".") or raw[:1].islower():
        return None  # a sentence, not a heading
    styled = raw.isupper() or raw.endswith((":", "：")) or raw.istitle() or key in _PHRASES
    if layout is not None and (layout.bold or (layout.font_size or 0) >= 12):
        styled = True
    return kind if styled else None


def split_sections(text: str, lines: Sequence[DocumentLine] = ()) -> list[Section]:
    """Cut ``text`` into sections (see the module docstring).

    ``lines`` are the document's layout lines, matched to text lines by content, to use bold and
    font size as heading cues; plain text works without them.
    """
    layout: dict[str, DocumentLine] = {}
    for cue in lines:
        layout.setdefault(cue.text.strip(), cue)
    sections: list[Section] = []
    kind, heading = "header", None
    start = 0  # where the current section's text starts
    pos = 0
    found_heading = False

    def close(end: int) -> None:
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped or heading is not None:
            offset = start + (len(chunk) - len(chunk.lstrip()))
            sections.append(Section(kind, heading, stripped, (offset, offset + len(stripped))))

    for raw_line in text.splitlines(keepends=True):
        line = raw_line.rstrip("\r\n")
        line_kind = heading_kind(line, layout.get(line.strip()))
        # Inside a skills section "Languages: Go, Python" is a sub-list, not a new section.
        inline = None if line_kind or kind == "skills" else _INLINE.match(line)
        if inline and (inline_kind := heading_kind(inline.group(1) + ":")):
            close(pos)
            kind, heading, found_heading = inline_kind, inline.group(1).strip(), True
            start = pos + inline.start(2)
        elif line_kind:
            close(pos)
            kind, heading, found_heading = line_kind, line.strip(), True
            start = pos + len(raw_line)
        pos += len(raw_line)
    close(len(text))
    if not found_heading:
        return [Section("body", None, s.text, s.span) for s in sections[:1]] or []
    return sections
