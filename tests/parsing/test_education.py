from __future__ import annotations

from datetime import date

import pytest

from skillmatch.parsing.education import degree_level, find_education

AS_OF = date(2026, 11, 22)


@pytest.mark.parametrize(
    ("text", "degree", "level", "field", "institution", "end"),
    [
        (
            "BSc Computer Science, University of Leeds, 2018",
            "BSc",
            "bachelor",
            "Computer Science",
            "University of Leeds",
            "2018-12",
        ),
        (
            "Master of Science in Nursing\nJohns Hopkins University, 2015 - 2017",
            "Master of Science",
            "master",
            "Nursing",
            "Johns Hopkins University",
            "2017-12",
        ),
        (
            "MBA, Stanford Graduate School of Business (2012)",
            "MBA",
            "master",
            None,
            "Stanford Graduate School of Business",
            "2012-12",
        ),
        ("Ph.D. in Physics — Universidad de Granada, 2020", "Ph.D.", "doctorate", "Physics", None, "2020-12"),
        (
            "Associate of Applied Science in Culinary Arts, Metro Community College 2014",
            "Associate of Applied Science",
            "associate",
            "Culinary Arts",
            "Metro Community College",
            "2014-12",
        ),
        (
            "High School Diploma, Lincoln High School, 2009",
            "High School Diploma",
            "secondary",
            None,
            "Lincoln High School",
            "2009-12",
        ),
    ],
)
def test_entries(text: str, degree: str, level: str, field: str | None, institution: str | None, end: str) -> None:
    entries = find_education(text, as_of=AS_OF)
    assert len(entries) == 1
    e = entries[0]
    assert (e.degree, e.level, e.field, e.end) == (degree, level, field, end)
    if institution:
        assert e.institution == institution


def test_levels() -> None:
    assert (
        degree_level("B.A.") == "bachelor"
        and degree_level("MSc") == "master"
        and degree_level("Diploma") == "certificate"
    )
    assert degree_level("Hogwarts") is None
