from __future__ import annotations

import pytest

from skillmatch.models import DocumentLine
from skillmatch.parsing.sections import heading_kind, split_sections


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Experience", "experience"),
        ("WORK HISTORY", "experience"),
        ("Where I've worked", "experience"),
        ("Where I’ve Worked:", "experience"),
        ("Professional Background", "experience"),
        ("Relevant Work Experience", "experience"),
        ("E X P E R I E N C E", "experience"),
        ("Technical Toolbox", "skills"),
        ("Things I know", "skills"),
        ("Core Competencies", "skills"),
        ("Academic Background", "education"),
        ("EDUCATION & TRAINING", "education"),
        ("Professional Summary", "summary"),
        ("Licenses & Certifications", "certifications"),
        ("Languages", "languages"),
    ],
)
def test_headings_in_any_wording_and_case(line: str, kind: str) -> None:
    assert heading_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "I have experience with Python and Go.",
        "experience with Kubernetes",
        "Python",
        "Senior Software Engineer",
        "Led the education programme for 40 nurses across three wards in 2021",
    ],
)
def test_sentences_and_titles_are_not_headings(line: str) -> None:
    assert heading_kind(line) is None


def test_layout_cues_confirm_a_plain_word_heading() -> None:
    assert heading_kind("Training", DocumentLine(text="Training", bold=True, font_size=14)) == "education"


def test_spans_point_into_the_text_and_inline_headings_carry_content() -> None:
    text = "Ana Ruiz\nana@example.com\n\nSUMMARY\nNurse.\n\nSkills: CPR, triage\nLanguages: Spanish\n"
    sections = split_sections(text)
    assert [s.kind for s in sections] == ["header", "summary", "skills"]
    for s in sections:
        assert text[s.span[0] : s.span[1]] == s.text
    assert sections[2].text.startswith("CPR, triage")  # "Languages:" inside skills is a sub-list


def test_no_headings_is_one_body_section() -> None:
    text = "Sam Lee\nCook at Blue Fin 2019-2021\nKnife skills, food safety"
    sections = split_sections(text)
    assert [s.kind for s in sections] == ["body"] and sections[0].text == text
