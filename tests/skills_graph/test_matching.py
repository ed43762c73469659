from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skills_graph import SkillsGraph


def ids(graph: SkillsGraph, text: str) -> list[str]:
    return [m.skill_id for m in graph.match_text(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wrote C++ and C# services on .NET.", ["c-plus-plus", "c-sharp", "dot-net"]),
        ("APIs in Node.js, CI/CD in Jenkins.", ["node-js", "ci-cd", "jenkins"]),
        ("Models with scikit-learn (sklearn) and pandas.", ["scikit-learn", "scikit-learn", "pandas"]),
        ("iOS apps in Objective-C.", ["ios-development", "objective-c"]),
        ("Deployed to k8s via Helm", ["kubernetes", "helm"]),
    ],
)
def test_punctuated_names(graph: SkillsGraph, text: str, expected: list[str]) -> None:
    assert ids(graph, text) == expected


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Systems programming in C and C++.", "c"),
        ("Statistical modeling in R and Python.", "r"),
        ("Services written in Go, deployed on Kubernetes.", "go"),
        ("Built iOS apps in Swift and SwiftUI.", "swift"),
        ("Rewrote the parser in Rust for memory safety.", "rust"),
        ("Java developer: Spring, Hibernate, Maven.", "spring"),
        ("REST APIs with Express and Node.js.", "express"),
        ("Configuration management with Chef and Puppet.", "chef"),
        ("Configuration management with Chef and Puppet.", "puppet"),
        ("Skills: Ansible, Salt, Terraform", "saltstack"),
        ("Numerical computing in Julia and Python.", "julia"),
        ("Cross-platform apps with Flutter and Dart.", "dart"),
        ("Front end in Ember and JavaScript.", "ember-js"),
        ("Advanced Excel: pivot tables, VLOOKUP and macros.", "microsoft-excel"),
    ],
)
def test_ambiguous_words_in_skill_context(graph: SkillsGraph, text: str, skill: str) -> None:
    assert skill in ids(graph, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Earned a C in organic chemistry.", "C"),
        ("Grade C certificate.", "C"),
        ("Led R&D for the new product line.", "R"),
        ("Ready to go the extra mile for customers.", "go"),
        ("Go to market plan for the spring launch.", "Go"),
        ("Praised for a swift response to outages.", "swift"),
        ("Rust removal on the vehicle chassis.", "Rust"),
        ("Intern, Spring 2019 semester.", "Spring"),
        ("Managed express delivery for the warehouse.", "express"),
        ("Worked as a sous chef in a busy bistro.", "chef"),
        ("Ran a puppet show for children at the library.", "puppet"),
        ("Season with salt and pepper.", "salt"),
        ("Volunteered with Julia Moreno at the food bank.", "Julia"),
        ("Won the dart board tournament.", "dart"),
        ("The last ember of the campfire.", "ember"),
        ("I excel at building relationships with clients.", "excel"),
    ],
)
def test_ambiguous_words_as_ordinary_words(graph: SkillsGraph, text: str, word: str) -> None:
    found = [m.surface for m in graph.match_text(text)]
    assert word not in found and word.capitalize() not in found


def test_spans_point_into_the_text(graph: SkillsGraph) -> None:
    text = "Skills:\n  Python 3.11,  Django  REST Framework, PostgreSQL\r\n\tk8s (EKS)"
    matches = graph.match_text(text)
    assert matches and all(text[m.start : m.end] == m.surface for m in matches)
    assert [m.start for m in matches] == sorted(m.start for m in matches)


def test_matches_never_overlap(graph: SkillsGraph) -> None:
    matches = graph.match_text("Spring Boot, Spring MVC and Ruby on Rails with Amazon Web Services")
    for a, b in itertools.pairwise(matches):
        assert a.end <= b.start
    assert "spring-boot" in [m.skill_id for m in matches]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_valid_spans(graph: SkillsGraph, text: str) -> None:
    for m in graph.match_text(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.surface
        assert 0 < m.confidence <= 1
        assert m.skill_id in graph


@pytest.mark.parametrize(
    ("text", "skill"), [("I know C++ well", "c-plus-plus"), ("C#", "c-sharp"), ("Some F# too", "f-sharp")]
)
def test_symbol_names_need_no_context(graph: SkillsGraph, text: str, skill: str) -> None:
    assert ids(graph, text) == [skill]


def test_full_width_and_ligature_text_matches_like_canonical(graph: SkillsGraph) -> None:
    text = "Ｐｙｔｈｏｎ and ﬁnancial modeling"
    found = {m.skill_id: m.surface for m in graph.match_text(text)}
    assert found.get("python") == "Ｐｙｔｈｏｎ" and graph.canonical("Ｐｙｔｈｏｎ") == "python"


def test_huge_single_line_text_is_matched(graph: SkillsGraph) -> None:
    text = ("Built services in Python and Go on Kubernetes; " * 25_000)[:1_200_000]  # over spaCy's 1M limit
    matches = graph.match_text(text)
    assert len(matches) > 50_000
    assert all(text[m.start : m.end] == m.surface for m in matches[:100] + matches[-100:])


def test_invalid_input_gets_a_coded_error(graph: SkillsGraph) -> None:
    from skillmatch.errors import InvalidArgumentError

    with pytest.raises(InvalidArgumentError) as info:
        graph.match_text(None)  # type: ignore[arg-type]
    assert info.value.code == "invalid_argument" and isinstance(info.value, TypeError)
    with pytest.raises(InvalidArgumentError):
        graph.canonical(123)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError):
        graph.evidence_for("python", max_hops=5)
