"""Positions from an experience section: each date range on a short line anchors one job.

A job's header is the dated line plus the short, non-bullet lines right around it; its parts
(split on ``|``, ``·``, dashes, commas, "at") are read as title, employer and location by their
words (title words such as "engineer" or "nurse", company words such as "Ltd" or "Hospital", a
"City, ST" shape). The lines that follow, up to the next header, are its description.

Examples
--------
>>> from datetime import date
>>> text = "Senior Engineer, Acme Ltd — Leeds   Mar 2021 – Present\\n- Built APIs in Go"
>>> [(p.title, p.employer, p.location, p.start, p.end, p.is_current) for p in find_positions(text, as_of=date(2026, 11, 22))]
[('Senior Engineer', 'Acme Ltd', 'Leeds', '2021-03', '2026-11', True)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from skillmatch.models import Position
from skillmatch.parsing.dates import DateRange, find_date_ranges, months

__all__ = ["PositionSpan", "find_positions", "find_position_spans", "TITLE_WORDS"]

#: Head words of job titles (lower case).
TITLE_WORDS = frozenset(
    """engineer engineers developer developers programmer architect administrator admin analyst
    scientist manager director head lead leader chief officer president vp consultant advisor
    adviser specialist coordinator assistant associate intern trainee apprentice technician
    technologist nurse physician doctor surgeon therapist pharmacist dentist hygienist paramedic
    chef cook sous baker bartender server waiter waitress barista teacher tutor instructor
    professor lecturer principal counselor counsellor coach trainer accountant bookkeeper auditor
    controller clerk cashier teller banker underwriter adjuster broker agent representative rep
    recruiter generalist partner attorney lawyer paralegal solicitor counsel designer artist
    illustrator photographer editor writer copywriter journalist producer marketer strategist
    planner buyer merchandiser estimator superintendent foreman supervisor operator mechanic
    electrician plumber carpenter welder machinist driver pilot dispatcher inspector surveyor
    researcher owner founder cofounder co-founder volunteer fellow executive secretary receptionist
    caregiver aide staff worker laborer labourer handler farmer rancher stylist tailor seamstress
    sales salesperson associate crew member""".split()
)
_COMPANY_WORDS = frozenset(
    """inc inc. incorporated ltd ltd. limited llc llp plc gmbh ag sa s.a. bv b.v. corp corp.
    corporation co co. company group holdings partners bank hospital clinic university college
    school academy institute agency studio studios labs lab technologies technology solutions
    systems services consulting consultants foundation association restaurant hotel resort bistro
    cafe café kitchen bakery airlines airline airways county city ministry council
    health healthcare medical pharmacy firm llp. enterprises industries international global pvt
    pty oü ab as oy srl spa sarl kk""".split()
)
_SPLIT = re.compile(r"\s+[|·•]\s+|\s+[—–]\s+|\s+-\s+|\s*;\s*|\t+|\s{3,}|,\s+|\s+at\s+|\s+@\s+")
_LOCATION = re.compile(
    r"^(?:remote|hybrid|on-?site|[A-Z][A-Za-z.'’ -]+,\s*(?:[A-Z]{2}|[A-Z][a-z]+(?: [A-Z][a-z]+)*)(?:\s+\d{5})?)$"
)
_RULE = re.compile(r"^\s*[=_*~#-]{3,}\s*$")  # an underline under a plain-text heading
_PLACE = re.compile(r"^[A-Z][a-zà-ÿ'’.-]+(?: [A-Z][a-zà-ÿ'’.-]+){0,2}$")  # "Leeds", "Port Harcourt"
_BULLET = re.compile(r"^\s*(?:[-*•●▪◦‣⁃·]|\d+[.)])\s+")
_MAX_HEADER_WORDS = 14


@dataclass(frozen=True)
class PositionSpan:
    """A position and the character span of its header and description in the source text."""

    position: Position
    span: tuple[int, int]


def _line_offsets(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for raw in text.splitlines(keepends=True):
        out.append((pos, raw.rstrip("\r\n")))
        pos += len(raw)
    return out


_LEGAL_ABBREVIATIONS = frozenset(
    "inc ltd co corp llc plc bv nv ag sa sl srl spa gmbh pty pvt bhd oy ab as kk dept univ intl assoc bros jr sr".split()
)
_ABBREVIATION_END = re.compile(r"\b(?:[A-Z][a-z]{0,3}|[A-Z]\.[A-Z])\.$")


def _is_header_like(line: str) -> bool:
    """Short, not a bullet, not a sentence ("Inc." and "Ltd." endings are fine)."""
    stripped = line.strip()
    if not stripped or _BULLET.match(line) or len(stripped.split()) > _MAX_HEADER_WORDS:
        return False
    # "Acme Inc." and "Pagos Brillantes S.L." are headers; "... filings with Clio." ends a sentence.
    if not stripped.endswith("."):
        return True
    last = stripped.split()[-1].casefold()
    return bool(_ABBREVIATION_END.search(stripped)) and (
        last.strip(".") in _LEGAL_ABBREVIATIONS or last.count(".") >= 2
    )


def _continued(previous: str, line: str) -> bool:
    """Is ``line`` the end of a wrapped bullet ("- ... 118% of quota in" / "2024.")?"""
    stripped, current = previous.rstrip(), line.strip()
    if not (_BULLET.match(previous) and stripped and stripped[-1] not in ".:;!?)") or not current:
        return False
    return current[0].islower() or current.endswith(".")


def _dated(line: str, as_of: date) -> DateRange | None:
    """The date range of a position header line (bullets and long sentences never anchor one)."""
    stripped = line.strip()
    if not stripped or _BULLET.match(line) or len(stripped.split()) > _MAX_HEADER_WORDS + 4:
        return None
    ranges = find_date_ranges(line, as_of=as_of)
    return ranges[0] if ranges else None


def _names_a_degree(line: str) -> bool:
    """A dated education line ("BSc Computer Science from X University, 2017") is not a job."""
    from skillmatch.parsing.education import DEGREE_RE

    return bool(DEGREE_RE.search(line)) and not any(w.strip(".,()").casefold() in TITLE_WORDS for w in line.split())


def _classify(parts: list[str]) -> tuple[str | None, str | None, str | None]:
    title = employer = location = title_qualifier = None
    rest: list[str] = []
    for part in parts:
        tokens = [w.strip(".,()").casefold() for w in part.split()]
        words = set(tokens)
        # A title ends in its head word ("Systems Administrator", "Group Financial Controller"),
        # even when another word sounds like a company.
        titled = bool(tokens) and (tokens[-1] in TITLE_WORDS or (words & TITLE_WORDS and not words & _COMPANY_WORDS))
        if location is None and _LOCATION.match(part) and not words & TITLE_WORDS:
            location = part
        elif title is None and titled:
            title = part
        elif employer is None and words & _COMPANY_WORDS:
            employer = part
        else:
            rest.append(part)
    for part in rest:  # unlabelled parts: fill title first when the employer is known, else employer
        if title is None and employer is not None:
            title = part
        elif employer is None:
            employer = part
        elif title is None:
            title = part
        elif title_qualifier is None and parts.index(part) == parts.index(title) + 1:
            title_qualifier = part  # "Staff Nurse, Emergency Department"; "Engineer, ML Platform"
        elif location is None and parts.index(part) == parts.index(employer) + 1 and _PLACE.match(part):
            location = part  # "Acme Ltd — Leeds"
    if title and title_qualifier:
        title = f"{title}, {title_qualifier}"
    return title, employer, location


def find_position_spans(text: str, *, as_of: date) -> list[PositionSpan]:
    """Positions found in ``text`` with the span each covers (header and description)."""
    lines = [(offset, "" if _RULE.match(line) else line) for offset, line in _line_offsets(text)]
    anchors: list[tuple[int, DateRange]] = []
    for i, (_, line) in enumerate(lines):
        found = _dated(line, as_of)
        if found is not None and not _names_a_degree(line) and not (i and _continued(lines[i - 1][1], line)):
            anchors.append((i, found))
    if not anchors:
        return []
    # Header blocks: the dated line plus adjacent short lines (at most two above, two below).
    blocks: list[tuple[int, int, DateRange]] = []  # (first line, last line) of each header
    for n, (i, found) in enumerate(anchors):
        previous_end = blocks[-1][1] if blocks else -1
        first = i
        while first - 1 > previous_end and i - (first - 1) <= 2 and _is_header_like(lines[first - 1][1]):
            first -= 1
        next_anchor = anchors[n + 1][0] if n + 1 < len(anchors) else len(lines)
        last = i
        while last + 1 < next_anchor and last + 1 - i <= 2 and _is_header_like(lines[last + 1][1]):
            # stop before the next job's header lines (they sit right above its dated line): the
            # lines left before it are all header-like, with no description between
            between = [lines[k][1] for k in range(last + 1, next_anchor)]
            if len(between) <= 2 and next_anchor < len(lines) and all(_is_header_like(b) for b in between):
                break
            last += 1
        blocks.append((first, last, found))
    out: list[PositionSpan] = []
    for n, (first, last, found) in enumerate(blocks):
        end_line = blocks[n + 1][0] if n + 1 < len(blocks) else len(lines)
        header_parts: list[str] = []
        for k in range(first, last + 1):
            line = lines[k][1]
            if k == anchors[n][0]:
                a, b = found.span
                line = (line[:a] + "  " + line[b:]).strip(" ,|-–—()")
            header_parts += [p.strip(" ,|-–—()") for p in _SPLIT.split(line) if p.strip(" ,|-–—()")]
        title, employer, location = _classify(header_parts)
        description = "\n".join(
            _BULLET.sub("- ", lines[k][1]).strip() for k in range(last + 1, end_line) if lines[k][1].strip()
        )
        start_char = lines[first][0]
        end_char = lines[end_line - 1][0] + len(lines[end_line - 1][1]) if end_line > first else start_char
        position = Position(
            title=title,
            employer=employer,
            location=location,
            start=found.start,
            end=found.end,
            is_current=found.is_current,
            months=months(found.start, found.end) if found.start and found.end else None,
            description=description,
        )
        out.append(PositionSpan(position, (start_char, end_char)))
    return out


def find_positions(text: str, *, as_of: date) -> list[Position]:
    """Positions found in ``text`` (see the module docstring)."""
    return [p.position for p in find_position_spans(text, as_of=as_of)]
