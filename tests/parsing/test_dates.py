from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillmatch.parsing.dates import DateRange, find_date_ranges, months, total_months

AS_OF = date(2026, 11, 22)
NOW = "2026-11"

FORMS: list[tuple[str, str, str, bool]] = [
    ("Jan 2019 - Present", "2019-01", NOW, True),
    ("January 2019 – present", "2019-01", NOW, True),
    ("01/2019 - 03/2021", "2019-01", "2021-03", False),
    ("1/2019–3/2021", "2019-01", "2021-03", False),
    ("2019-2021", "2019-01", "2021-12", False),
    ("2019 – 2021", "2019-01", "2021-12", False),
    ("2019 to date", "2019-01", NOW, True),
    ("2019 - Current", "2019-01", NOW, True),
    ("since 2020", "2020-01", NOW, True),
    ("Since March 2020", "2020-03", NOW, True),
    ("'19 - '22", "2019-01", "2022-12", False),
    ("’98 – ’02", "1998-01", "2002-12", False),
    ("Summer 2017", "2017-06", "2017-08", False),
    ("Spring 2016", "2016-03", "2016-05", False),
    ("Fall 2015", "2015-09", "2015-11", False),
    ("Autumn 2015", "2015-09", "2015-11", False),
    ("Winter 2018", "2017-12", "2018-02", False),
    ("Fall 2016 - Spring 2018", "2016-09", "2018-05", False),
    ("Mar. 2018 – Current", "2018-03", NOW, True),
    ("2018.03 - 2020.11", "2018-03", "2020-11", False),
    ("03.2018 – 11.2020", "2018-03", "2020-11", False),
    ("March 2018 to June 2020", "2018-03", "2020-06", False),
    ("Jun '15 – Aug '16", "2015-06", "2016-08", False),
    ("2016 - now", "2016-01", NOW, True),
    ("2016 - NOW", "2016-01", NOW, True),
    ("Feb 2020 — Today", "2020-02", NOW, True),
    ("Feb 2020 - Ongoing", "2020-02", NOW, True),
    ("Feb 2020 – TO DATE", "2020-02", NOW, True),
    ("Sept 2019 until today", "2019-09", NOW, True),
    ("2015 through 2017", "2015-01", "2017-12", False),
    ("2015 until 2017", "2015-01", "2017-12", False),
    ("May 2020", "2020-05", "2020-05", False),
    ("Jan - Mar 2019", "2019-01", "2019-03", False),
    ("Nov - Feb 2019", "2018-11", "2019-02", False),
    ("Jan-19 - Mar-21", "2019-01", "2021-03", False),
    ("Jan 19, 2019 - Feb 3, 2020", "2019-01", "2020-02", False),
    ("2019 - to date", "2019-01", NOW, True),
    ("2019/2020", "2019-01", "2020-12", False),
    ("2024 - 2026", "2024-01", NOW, False),
    ("DECEMBER 2010 - JANUARY 2012", "2010-12", "2012-01", False),
    ("2018-03 – 2019-07", "2018-03", "2019-07", False),
    ("12/2015 to 06/2016", "2015-12", "2016-06", False),
    ("Oct 2021 – Present (1 yr 2 mos)", "2021-10", NOW, True),
    ("Graduated: 2015", "2015-01", "2015-12", False),
    ("2026 - present", "2026-01", NOW, True),
    ("Aug. 2025 - Jun. 2027", "2025-08", "2027-06", False),
]


@pytest.mark.parametrize(("text", "start", "end", "current"), FORMS)
def test_written_forms(text: str, start: str, end: str, current: bool) -> None:
    found = find_date_ranges(text, as_of=AS_OF)
    assert [(r.start, r.end, r.is_current) for r in found] == [(start, end, current)]
    a, b = found[0].span
    expected = {"Oct 2021 – Present (1 yr 2 mos)": "Oct 2021 – Present", "Graduated: 2015": "2015"}.get(text, text)
    assert text[a:b] == expected


def test_at_least_forty_forms() -> None:
    assert len(FORMS) >= 40


@pytest.mark.parametrize(
    "text",
    [
        "Call (555) 201-2019",
        "+1 555 201 2019",
        "555.201.2019",
        "+49 30 2019 4455",
        "Salary: $2019",
        "Expected €2019 per month",
        "Python 3.10",
        "Visual Studio 2019",
        "Windows Server 2016 and SQL Server 2019",
        "Support 24/7",
        "Austin, TX 78701",
        "Washington, DC 20019",
        "Improved uptime by 20.19%",
        "grew 2019% year over year",
        "ID 120193456",
        "12345-2019",
        "Order #2019",
        "version 2019.10.2",
        "2021 - 2019",
        "2028 - 2030",
        "Jan 2029",
        "we may 2020",
        "",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_date_ranges(text, as_of=AS_OF) == []


def test_spans_point_at_the_text() -> None:
    text = "Acme Corp | Software Engineer | Jan 2019 – Present\nGlobex, 2015-2018\nIntern, Summer 2014"
    found = find_date_ranges(text, as_of=AS_OF)
    assert [text[a:b] for a, b in (r.span for r in found)] == ["Jan 2019 – Present", "2015-2018", "Summer 2014"]
    assert [r.start for r in found] == ["2019-01", "2015-01", "2014-06"]


def test_in_order_and_several_per_line() -> None:
    found = find_date_ranges("2010 - 2012, then 2014 - 2016 and Mar 2017 - Present", as_of=AS_OF)
    assert [(r.start, r.end) for r in found] == [("2010-01", "2012-12"), ("2014-01", "2016-12"), ("2017-03", NOW)]


def test_two_digit_pivot() -> None:
    found = find_date_ranges("'26 - '27, '27 - '30", as_of=AS_OF)
    # '26 is 2026 but '27 is 1927, so '26 - '27 ends before it starts and is dropped
    assert [(r.start, r.end) for r in found] == [("1927-01", "1930-12")]


def test_date_range_is_frozen() -> None:
    r = DateRange("2019-01", "2019-02", False, (0, 1))
    with pytest.raises(AttributeError):
        r.start = "2020-01"  # type: ignore[misc]


def test_phone_on_previous_line_does_not_hide_date() -> None:
    found = find_date_ranges("555-201-2019\n2019 - 2021", as_of=AS_OF)
    assert [(r.start, r.end) for r in found] == [("2019-01", "2021-12")]


@pytest.mark.parametrize(
    ("start", "end", "n"),
    [("2019-01", "2019-12", 12), ("2019-05", "2019-05", 1), ("2018-11", "2019-02", 4), ("2020-01", "2019-12", 0)],
)
def test_months(start: str, end: str, n: int) -> None:
    assert months(start, end) == n


def test_months_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="YYYY-MM"):
        months("2019-13", "2020-01")


@pytest.mark.parametrize(
    ("intervals", "n"),
    [
        ([], 0),
        ([("2019-01", "2019-12")], 12),
        ([("2019-01", "2019-12"), ("2019-07", "2020-06")], 18),  # overlap
        ([("2015-01", "2020-12"), ("2017-01", "2017-06")], 72),  # containment
        ([("2019-01", "2019-06"), ("2019-07", "2019-12")], 12),  # adjacent
        ([("2019-01", "2019-03"), ("2020-01", "2020-03")], 6),  # gap excluded
        ([("2020-01", "2020-03"), ("2019-01", "2019-03"), ("2019-02", "2019-04")], 7),  # unsorted
        ([("2020-05", "2020-01")], 0),  # reversed covers nothing
    ],
)
def test_total_months(intervals: list[tuple[str, str]], n: int) -> None:
    assert total_months(intervals) == n


_month = st.builds(lambda y, m: f"{y:04d}-{m:02d}", st.integers(1990, 2030), st.integers(1, 12))


@given(st.lists(st.tuples(_month, _month), max_size=12))
def test_total_months_bounds(intervals: list[tuple[str, str]]) -> None:
    total = total_months(intervals)
    lengths = [months(a, b) for a, b in intervals]
    assert total <= sum(lengths)
    assert total >= max(lengths, default=0)
    assert total_months(reversed(intervals)) == total


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(list("0123456789 -–/.'$%JanMyPrsetnocSumr,\n")) | st.characters(), max_size=80))
def test_never_raises_and_spans_valid(text: str) -> None:
    for r in find_date_ranges(text, as_of=AS_OF):
        a, b = r.span
        assert 0 <= a < b <= len(text)
        assert r.start is not None and r.end is not None
        assert months(r.start, r.end) >= 1
