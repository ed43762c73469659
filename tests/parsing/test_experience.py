from __future__ import annotations

from datetime import date

import pytest

from skillmatch.parsing.experience import find_position_spans, find_positions

AS_OF = date(2026, 11, 22)


@pytest.mark.parametrize(
    ("text", "title", "employer", "start", "end", "current"),
    [
        (
            "Senior Backend Engineer, Parcelworks Ltd — Leeds   Mar 2021 – Present",
            "Senior Backend Engineer",
            "Parcelworks Ltd",
            "2021-03",
            "2026-11",
            True,
        ),
        (
            "Staff Nurse | St Mary's Hospital | 01/2019 - 03/2021",
            "Staff Nurse",
            "St Mary's Hospital",
            "2019-01",
            "2021-03",
            False,
        ),
        ("Blue Fin Bistro\nSous Chef\n2016 - 2019", "Sous Chef", "Blue Fin Bistro", "2016-01", "2019-12", False),
        (
            "Data Analyst at Northwind Inc.\nJune 2018 to May 2020",
            "Data Analyst",
            "Northwind Inc.",
            "2018-06",
            "2020-05",
            False,
        ),
    ],
)
def test_header_shapes(text: str, title: str, employer: str, start: str, end: str, current: bool) -> None:
    positions = find_positions(text + "\n- Did things with Python", as_of=AS_OF)
    assert len(positions) == 1
    p = positions[0]
    assert (p.title, p.employer, p.start, p.end, p.is_current) == (title, employer, start, end, current)
    assert "Python" in p.description


def test_descriptions_belong_to_their_position_and_spans_cover_them() -> None:
    text = (
        "Backend Engineer, Acme Ltd   2021 - Present\n"
        "- Built Go services\n"
        "- Ran Kubernetes\n"
        "Software Engineer, Globex Corp   2018 - 2020\n"
        "- Wrote Django apps\n"
    )
    spans = find_position_spans(text, as_of=AS_OF)
    assert [s.position.employer for s in spans] == ["Acme Ltd", "Globex Corp"]
    assert "Kubernetes" in spans[0].position.description and "Django" not in spans[0].position.description
    assert "Django" in text[spans[1].span[0] : spans[1].span[1]]
    assert spans[0].position.months == 71  # 2021-01 .. 2026-11


def test_bullets_with_years_are_not_positions() -> None:
    text = "Nurse, City Hospital 2015-2020\n- In 2018 led a 12-bed unit through an audit and cut falls 30% over two years of work.\n"
    assert len(find_positions(text, as_of=AS_OF)) == 1


def test_employer_below_the_dated_title_line_belongs_to_it() -> None:
    text = (
        "Senior Software Engineer Jan 2018 - Feb 2022\n"
        "Pecan Ads LLC — Austin, TX\n"
        "Built the bidding service in Go with Redis and Cassandra.\n"
        "Software Engineer Jun 2015 - Dec 2017\n"
        "Alamo Web Works — San Antonio, TX\n"
        "Maintained Ruby on Rails apps on Heroku.\n"
    )
    got = [(p.title, p.employer) for p in find_positions(text, as_of=AS_OF)]
    assert got == [("Senior Software Engineer", "Pecan Ads LLC"), ("Software Engineer", "Alamo Web Works")]


def test_a_sentence_ending_in_a_name_is_not_a_header_but_a_legal_suffix_is() -> None:
    text = (
        "Paralegal Sep. 2019 – Present\n"
        "Tremblay Roy Avocats — Montréal, QC\n"
        "Maintain corporate minute books and annual filings with Clio.\n"
        "Legal Assistant Jun. 2016 – Mar. 2019\n"
        "Cabinet Lavoie & Fils — Québec, QC\n"
        "Managed court calendars and e-filing.\n"
    )
    got = [(p.title, p.employer) for p in find_positions(text, as_of=AS_OF)]
    assert got == [("Paralegal", "Tremblay Roy Avocats"), ("Legal Assistant", "Cabinet Lavoie & Fils")]
    text = "Senior Backend Engineer — Pagos Brillantes S.L.\nMadrid, Spain | Apr 2021 - Present\n- Go services\n"
    got = [(p.title, p.employer) for p in find_positions(text, as_of=AS_OF)]
    assert got == [("Senior Backend Engineer", "Pagos Brillantes S.L.")]


def test_a_year_ending_a_wrapped_bullet_is_not_a_position() -> None:
    text = (
        "Regional Sales Manager\n"
        "September 2019 to present\n"
        "Rhône Industrie Équipements, Lyon, France\n"
        "- Lead eight account executives; 118% of quota in\n"
        "2024.\n"
        "- Rolled out Salesforce forecasting.\n"
    )
    positions = find_positions(text, as_of=AS_OF)
    assert [(p.title, p.employer, p.start) for p in positions] == [
        ("Regional Sales Manager", "Rhône Industrie Équipements", "2019-09")
    ]
