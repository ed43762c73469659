"""Education entries: degrees, institutions, fields and dates.

Each line (or pair of adjacent lines) that names a degree ("BSc", "Master of Science", "MBA",
"High School Diploma") or an institution ("University", "College", "Institute") starts an entry;
the field is what follows "in" or "of" after the degree; the end date is the last date near it.

Examples
--------
>>> from datetime import date
>>> [(e.degree, e.level, e.field, e.institution, e.end) for e in find_education(
...     "BSc Computer Science, University of Leeds, 2018", as_of=date(2026, 1, 1))]
[('BSc', 'bachelor', 'Computer Science', 'University of Leeds', '2018-12')]
"""

from __future__ import annotations

import re
from datetime import date

from skillmatch.models import Education, EducationLevel
from skillmatch.parsing.dates import find_date_ranges

__all__ = ["find_education", "degree_level", "DEGREE_RE"]

# Degree patterns, most specific first, with their level.
_DEGREES: tuple[tuple[str, EducationLevel], ...] = (
    (
        r"ph\.?\s?d\.?|d\.?phil|doctor(?:ate)? of (?!in\b)[a-z]+|doctorate|ed\.?d\.?|psy\.?d\.?|m\.?d\.?(?=\s|,|$)|j\.?d\.?(?=\s|,|$)|pharm\.?d\.?|dnp",
        "doctorate",
    ),
    (
        r"master(?:'?s)?(?: degree)?(?: of [a-z]+(?: (?!in\b|of\b|at\b)[a-z]+)?)?|m\.?b\.?a\.?|m\.?s\.?c?\.?(?=\s|,|$)|m\.?a\.?(?=\s|,|$)"
        r"|m\.?eng\.?|m\.?ed\.?|m\.?f\.?a\.?|m\.?p\.?h\.?|m\.?s\.?n\.?|mph|msw|llm|mres|mphil"
        r"|master(?: en| em| in)?|maestr[ií]a(?: en)?|mestrado(?: em)?|magister|diplom-[a-z]+",
        "master",
    ),
    (
        r"bachelor(?:'?s)?(?: degree)?(?: of [a-z]+(?: (?!in\b|of\b|at\b)[a-z]+)?)?|b\.?s\.?c?\.?(?=\s|,|$)|b\.?a\.?(?=\s|,|$)|b\.?eng\.?"
        r"|b\.?tech\.?|b\.?com\.?|b\.?b\.?a\.?|b\.?f\.?a\.?|b\.?s\.?n\.?|b\.?ed\.?|llb|beng|bsba|b\.e\.|b\.sc\."
        r"|licenciatura(?: em| en)?|grado(?: en)?|bacharelado(?: em)?|licence|laurea|sarjana|bachelor",
        "bachelor",
    ),
    (
        r"associate(?:'?s)?(?: degree)?(?: of [a-z]+(?: (?!in\b|of\b|at\b)[a-z]+)?)?|a\.?a\.?s\.?|a\.?s\.?(?=\s|,|$)|a\.?a\.?(?=\s|,|$)",
        "associate",
    ),
    (
        r"national senior certificate|high school diploma|high school|secondary school|ged|a-levels?|gcses?|baccalaureate|hsc|ssc|matric(?:ulation)?",
        "secondary",
    ),
    (
        r"(?:graduate |post-?graduate |advanced |national )?(?:certificate|diploma)(?: of [a-z]+)?|certification program"
        r"|(?:technician|training|vocational|diploma|certificate) program(?:me)?|apprenticeship|trade test",
        "certificate",
    ),
)
DEGREE_RE = re.compile(r"(?<![A-Za-z])(" + "|".join(p for p, _ in _DEGREES) + r")(?![A-Za-z])", re.I)
_INSTITUTION_RE = re.compile(
    r"((?:Universidad|Universidade|Université|Universite|Universität|Universitat|Università|Universiteit"
    r"|Hochschule|Fachhochschule|École|Ecole|Instituto|Institut|Escuela|Escola|Politecnico|Politécnico|Cégep|Cegep)"
    r"(?:\s+(?:of|de|del|des|da|do|di|du|la|le|für|fur|der|für|y|e|et|and|&|[A-ZÀ-Ý][\w.&'’-]*))+"
    r"|[A-ZÀ-Ý][\w.&'’-]*(?:\s+(?:of|de|the|and|for|&|[A-ZÀ-Ý][\w.&'’-]*))*\s+"
    r"(?:University|College|Institute|School|Academy|Polytechnic|Conservatory|Seminary|Gymnasium)"
    r"(?:\s+(?:of|for|at)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)?"
    r"|(?:University|College|Institute|School|Academy|Polytechnic)\s+(?:of|for|at)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)"
)
_FIELD_RE = re.compile(
    r"^\s*(?:degree\s+)?(?:in|of)\s+([A-Za-z][A-Za-z &/,'-]+?)(?=\s*(?:,|\(|\||—|–| - |\d|$| from | at ))", re.I
)


def degree_level(degree: str) -> EducationLevel | None:
    """The level of a degree as written.

    >>> degree_level("B.S."), degree_level("Master of Science"), degree_level("PhD")
    ('bachelor', 'master', 'doctorate')
    """
    for pattern, level in _DEGREES:
        if re.fullmatch(pattern, degree.strip(), re.I):
            return level
    return None


def find_education(text: str, *, as_of: date) -> list[Education]:
    """Education entries in ``text`` (an education section, or any text)."""
    lines = [line.strip() for line in text.splitlines()]
    entries: list[Education] = []
    used: set[int] = set()
    for i, line in enumerate(lines):
        if i in used or not line:
            continue
        degree_m = DEGREE_RE.search(line)
        inst_m = _INSTITUTION_RE.search(line)
        if not degree_m and not inst_m:
            continue
        block = [line]
        used.add(i)
        # The other half of the entry is often on the next line.
        if i + 1 < len(lines) and lines[i + 1] and (i + 1) not in used:
            nxt = lines[i + 1]
            if (
                (degree_m and not inst_m and _INSTITUTION_RE.search(nxt))
                or (inst_m and not degree_m and DEGREE_RE.search(nxt))
                or (find_date_ranges(nxt, as_of=as_of) and len(nxt.split()) <= 6)
            ):
                block.append(nxt)
                used.add(i + 1)
        joined = " | ".join(block)
        degree_m = DEGREE_RE.search(joined)
        # The institution is looked for outside the degree ("High School Diploma, Lincoln High School").
        masked = (
            joined
            if degree_m is None
            else joined[: degree_m.start()] + " " * len(degree_m.group(0)) + joined[degree_m.end() :]
        )
        inst_m = _INSTITUTION_RE.search(masked)
        degree = degree_m.group(1).strip() if degree_m else None
        field = None
        if degree_m:
            after = _FIELD_RE.match(joined[degree_m.end() :])
            if after is None:  # "BSc Computer Science, University ...": the words right after
                plain = re.match(
                    r"^\s*,?\s*([A-Z][A-Za-z&/' -]{2,60}?)(?=\s*(?:,|\||\(|—|–| - |\d|$))", joined[degree_m.end() :]
                )
                if plain and not _INSTITUTION_RE.fullmatch(plain.group(1).strip()):
                    field = plain.group(1).strip()
            else:
                field = after.group(1).strip()
        institution = inst_m.group(1).strip() if inst_m else None
        if field and institution and field in institution:
            field = None
        ranges = find_date_ranges(joined, as_of=as_of)
        start = end = None
        if ranges:
            start = ranges[-1].start if ranges[-1].start != ranges[-1].end else None
            end = ranges[-1].end
        entries.append(
            Education(
                institution=institution,
                degree=degree,
                level=degree_level(degree) if degree else None,
                field=field,
                start=start,
                end=end,
            )
        )
    return entries
