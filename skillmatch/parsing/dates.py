"""Employment and study dates: every common written form of a date range, and month arithmetic.

Dates are months, written ``"YYYY-MM"`` (resumes rarely give days). A range that runs to
"present" ends at the ``as_of`` month and is marked current. Overlapping positions count once
when months are summed (:func:`total_months`).

Examples
--------
>>> from datetime import date
>>> [(r.start, r.end, r.is_current) for r in find_date_ranges("Acme, Jan 2019 - Present", as_of=date(2026, 11, 22))]
[('2019-01', '2026-11', True)]
>>> total_months([("2019-01", "2019-12"), ("2019-06", "2020-03")])
15
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

__all__ = ["DateRange", "find_date_ranges", "months", "total_months"]


@dataclass(frozen=True)
class DateRange:
    """A date range found in text.

    Attributes
    ----------
    start, end : str or None
        First and last month of the range, as ``"YYYY-MM"``.
    is_current : bool
        The range runs to "present"; ``end`` is then the ``as_of`` month.
    span : tuple of int
        ``(start, end)`` character offsets of the whole range expression in the searched text.
    """

    start: str | None
    end: str | None
    is_current: bool
    span: tuple[int, int]


_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
# Season -> (first month, last month, year offset of the first month). Winter YYYY is the winter
# whose January falls in YYYY: December of the year before to February.
_SEASONS = {
    "spring": (3, 5, 0),
    "summer": (6, 8, 0),
    "fall": (9, 11, 0),
    "autumn": (9, 11, 0),
    "winter": (12, 2, -1),
}

_MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_YEAR4 = r"(?:19|20)\d{2}"
_APOS = r"['’‘`]"

_ATOM_RE = re.compile(
    rf"""
    (?:(?<![\w/.])\d{{1,2}}(?:st|nd|rd|th)?\s+)?                     # optional day before the month
    (?P<mn>\b{_MONTH_NAME})\b\.?
    (?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b)?                               # optional day after the month
    (?:\s*[,/-]?\s*(?P<my>{_YEAR4})|\s*{_APOS}(?P<myy>\d{{2}})|-(?P<myh>\d{{2}}))(?!\w)
    | (?P<sn>\b(?:spring|summer|fall|autumn|winter))\s*,?\s*(?:(?P<sy>{_YEAR4})|{_APOS}(?P<syy>\d{{2}}))(?!\w)
    | (?<![\w./:])(?P<iy>{_YEAR4})-(?P<im>0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\w])
    | (?<![\w./:])(?P<fa>\d{{1,2}})(?P<fs>[/.-])(?P<fb>\d{{1,2}})(?P=fs)(?P<fy>{_YEAR4})(?!\w)
    | (?<![\w./:])(?P<ry>{_YEAR4})(?P<rs>[./-])(?P<rm>0[1-9]|1[0-2])(?!\w|(?P=rs)\d)
    | (?<![\w./:])(?P<nm>0?[1-9]|1[0-2])(?:[.-]|\s?/\s?)(?P<ny>{_YEAR4})(?!\w)
    | (?<![\w.:])(?P<y>{_YEAR4})(?!\w)
    | (?<!\w){_APOS}(?P<yy>\d{{2}})(?!\w)
    | (?P<mo>\b{_MONTH_NAME})\b\.?
    | \b(?P<pr>present|current(?:ly)?|now|today|ongoing|date)\b
    | \b(?P<since>since)\b
    """,
    re.IGNORECASE | re.VERBOSE,
)

_CONNECTOR_RE = re.compile(
    r"\s*(?:from\s+)?(?:-{1,2}|[–—~→]|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b)\s*(?:(?:to|until|till)\s+)?",
    re.IGNORECASE,
)
_SLASH_RE = re.compile(r"\s*/\s*")
_BEFORE_BAD_RE = re.compile(r"(?:[$€£¥₹#+][ \t]?|\d[-./:,]?|\d[ \t])\Z")
_AFTER_BAD_RE = re.compile(r"(?:[-./:,]?\d|[ \t]?%|[ \t]\d{3})")
# Words after which a bare numeric date is a product version ("Visual Studio 2019"), not a date.
_PRODUCT_LEAD_RE = re.compile(
    r"\b(?:version|ver|v|release|rel|studio|server|office|windows|edition|build|update|sdk|api|ios|android|"
    r"sql|python|java|jdk|excel|outlook|autocad|revit|sap|iso|ieee|rfc|model|no|number|room|unit|suite)\.?[ \t]*\Z",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Atom:
    kind: str  # "date", "month", "present", "since"
    first: int  # month index (year * 12 + month - 1) of the first month
    last: int  # month index of the last month
    year_only: bool
    numeric: bool
    capitalised: bool
    s: int
    e: int


def _idx(year: int, month: int) -> int:
    return year * 12 + month - 1


def _fmt(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _two_digit(yy: str, as_of: date) -> int:
    value = int(yy)
    return 2000 + value if value <= as_of.year % 100 else 1900 + value


def _atom(m: re.Match[str], as_of: date) -> _Atom | None:
    g = m.groupdict()
    s, e = m.span()
    if g["mn"]:
        mon = _MONTHS[g["mn"][:3].lower()]
        year = int(g["my"]) if g["my"] else _two_digit(g["myy"] or g["myh"], as_of)
        i = _idx(year, mon)
        return _Atom("date", i, i, False, False, g["mn"][0].isupper(), s, e)
    if g["sn"]:
        first_m, last_m, offset = _SEASONS[g["sn"].lower()]
        year = int(g["sy"]) if g["sy"] else _two_digit(g["syy"], as_of)
        first = _idx(year + offset, first_m)
        return _Atom("date", first, _idx(year, last_m), False, False, g["sn"][0].isupper(), s, e)
    if g["iy"]:
        i = _idx(int(g["iy"]), int(g["im"]))
        return _Atom("date", i, i, False, True, True, s, e)
    if g["fa"]:
        a, b = int(g["fa"]), int(g["fb"])
        mon = a if 1 <= a <= 12 else b  # month/day/year unless the first number cannot be a month
        if not 1 <= mon <= 12 or not 1 <= (b if mon == a else a) <= 31:
            return None
        i = _idx(int(g["fy"]), mon)
        return _Atom("date", i, i, False, True, True, s, e)
    if g["ry"]:
        i = _idx(int(g["ry"]), int(g["rm"]))
        return _Atom("date", i, i, False, True, True, s, e)
    if g["nm"]:
        i = _idx(int(g["ny"]), int(g["nm"]))
        return _Atom("date", i, i, False, True, True, s, e)
    if g["y"]:
        year = int(g["y"])
        return _Atom("date", _idx(year, 1), _idx(year, 12), True, True, True, s, e)
    if g["yy"]:
        year = _two_digit(g["yy"], as_of)
        return _Atom("date", _idx(year, 1), _idx(year, 12), True, False, False, s, e)
    if g["mo"]:
        mon = _MONTHS[g["mo"][:3].lower()]
        return _Atom("month", mon - 1, mon - 1, False, False, g["mo"][0].isupper(), s, e)
    if g["pr"]:
        return _Atom("present", 0, 0, False, False, True, s, e)
    return _Atom("since", 0, 0, False, False, True, s, e)


def _clean_edges(text: str, s: int, e: int) -> bool:
    return not _BEFORE_BAD_RE.search(text[max(0, s - 3) : s]) and not _AFTER_BAD_RE.match(text[e : e + 4])


def _end_month(atom: _Atom, as_of: date) -> int:
    if atom.year_only and atom.last // 12 == as_of.year:
        return _idx(as_of.year, as_of.month)
    return atom.last


def find_date_ranges(text: str, *, as_of: date) -> list[DateRange]:
    """Every employment or study date range in ``text``, in order.

    Ranges ("Jan 2019 - Present", "01/2019 – 03/2021", "2019-2021", "'19 - '22", "since 2020",
    "2018.03 - 2020.11"), seasons ("Summer 2017": June to August) and single dates ("May 2020":
    that month; a bare year on its own: January to December) are found. A year-only start is
    January, a year-only end is December (or the ``as_of`` month in the ``as_of`` year). Ranges
    ending "present", "current", "now", "to date", "today" or "ongoing" end at ``as_of`` and are
    current. Phone numbers, salaries, versions, percentages and years inside longer numbers are
    not dates; ranges that end before they start or reach more than a year past ``as_of`` are
    dropped.

    Parameters
    ----------
    text : str
        Any text; never raises.
    as_of : datetime.date
        What "present" means; also the pivot for two-digit years ('19 is 2019 when 19 is at
        most the last two digits of ``as_of``'s year, else 1919).

    Returns
    -------
    list of DateRange

    Examples
    --------
    >>> from datetime import date
    >>> r = find_date_ranges("Engineer, 01/2019 – 03/2021", as_of=date(2026, 11, 22))
    >>> r[0].start, r[0].end, r[0].is_current, r[0].span
    ('2019-01', '2021-03', False, (10, 27))
    >>> find_date_ranges("Call 555-201-2019, Python 3.10, $2019", as_of=date(2026, 11, 22))
    []
    """
    atoms = [a for a in (_atom(m, as_of) for m in _ATOM_RE.finditer(text)) if a is not None]
    now = _idx(as_of.year, as_of.month)
    limit = now + 12
    found: list[DateRange] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        gap = text[a.e : b.s] if b is not None else ""
        if a.kind == "since" and b is not None and b.kind == "date" and not gap.strip():
            if _clean_edges(text, a.s, b.e) and b.first <= min(now, limit):
                found.append(DateRange(_fmt(b.first), _fmt(now), True, (a.s, b.e)))
            i += 2
            continue
        if (
            a.kind in ("date", "month")
            and b is not None
            and b.kind in ("date", "present")
            and (
                _CONNECTOR_RE.fullmatch(gap)
                or (a.year_only and b.year_only and a.numeric and b.numeric and _SLASH_RE.fullmatch(gap))
            )
            and not (a.kind == "month" and b.kind != "date")
        ):
            first = a.first
            if a.kind == "month":
                year = b.first // 12 if b.first % 12 >= a.first else b.first // 12 - 1
                first = _idx(year, a.first + 1)
            if b.kind == "present":
                last, current = now, True
            else:
                last, current = _end_month(b, as_of), False
            if _clean_edges(text, a.s, b.e) and first <= last and last <= limit and first <= limit:
                found.append(DateRange(_fmt(first), _fmt(last), current, (a.s, b.e)))
            i += 2
            continue
        if a.kind == "date" and (a.capitalised or a.numeric) and _clean_edges(text, a.s, a.e):
            line_start = text.rfind("\n", 0, a.s) + 1
            lead_ok = not a.numeric or _PRODUCT_LEAD_RE.search(text[line_start : a.s]) is None
            yy_only = a.year_only and not a.numeric
            last = _end_month(a, as_of)
            if lead_ok and not yy_only and a.first <= last <= limit:
                found.append(DateRange(_fmt(a.first), _fmt(last), False, (a.s, a.e)))
        i += 1
    return found


def _parse_month(value: str) -> int:
    m = re.fullmatch(r"(\d{4})-(0[1-9]|1[0-2])", value)
    if m is None:
        raise ValueError(f"expected a month as 'YYYY-MM', got {value!r}")
    return _idx(int(m.group(1)), int(m.group(2)))


def months(start: str, end: str) -> int:
    """The number of months from ``start`` to ``end``, both included (0 if ``end`` is before ``start``).

    Parameters
    ----------
    start, end : str
        Months as ``"YYYY-MM"``; anything else raises ``ValueError``.

    Returns
    -------
    int

    Examples
    --------
    >>> months("2019-01", "2019-12")
    12
    >>> months("2019-05", "2019-05")
    1
    """
    return max(0, _parse_month(end) - _parse_month(start) + 1)


def total_months(intervals: Iterable[tuple[str, str]]) -> int:
    """The months covered by the union of ``intervals``: overlaps count once, gaps not at all.

    Overlapping and adjacent intervals are merged before their months are summed; an interval
    that ends before it starts covers nothing.

    Parameters
    ----------
    intervals : iterable of (str, str)
        ``(start, end)`` months as ``"YYYY-MM"``, both included.

    Returns
    -------
    int

    Examples
    --------
    >>> total_months([("2018-01", "2018-12"), ("2018-06", "2019-06"), ("2020-01", "2020-03")])
    21
    """
    spans = sorted((a, b) for a, b in ((_parse_month(s), _parse_month(e)) for s, e in intervals) if b >= a)
    total = 0
    cur: tuple[int, int] | None = None
    for a, b in spans:
        if cur is not None and a <= cur[1] + 1:
            cur = (cur[0], max(cur[1], b))
            continue
        if cur is not None:
            total += cur[1] - cur[0] + 1
        cur = (a, b)
    if cur is not None:
        total += cur[1] - cur[0] + 1
    return total
