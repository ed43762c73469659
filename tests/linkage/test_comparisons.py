"""Comparison levels: each level on a constructed pair; symmetry and range as properties."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillmatch.linkage.comparisons import (
    MISSING,
    DateComparison,
    ExactComparison,
    StringComparison,
    candidate_comparisons,
    compare,
)
from skillmatch.linkage.normalize import NicknameIndex
from skillmatch.linkage.records import RecordTable, to_record


@pytest.fixture(scope="module")
def nick() -> NicknameIndex:
    return NicknameIndex.load()


def _levels(nick: NicknameIndex, a: dict[str, Any], b: dict[str, Any]) -> dict[str, str]:
    table = RecordTable.from_candidates([to_record({"id": "a", **a}), to_record({"id": "b", **b})], nicknames=nick)
    return compare(table, ([0], [1]), candidate_comparisons(nick)).level_labels(0)


@pytest.mark.parametrize(
    ("a", "b", "level"),
    [
        ("John Smith", "john smith", "exact"),
        ("Wei Zhang", "Zhang Wei", "swapped"),
        ("Robert Müller", "Bob Mueller", "nickname"),
        ("J. Smith", "John Smith", "nickname"),
        ("Jon Smyth", "John Smith", "nickname"),
        ("Katarzyna Nowakowska", "Katarzyna Nowakowka", "fuzzy"),
        ("Mohammed Ali", "Muhammad Ali", "fuzzy"),
        ("Maria Garcia", "Maria Lopez", "same given, other family"),
        ("Anna Wolf", "Elias Wolf", "same family, other given"),
        ("John Smith Jr.", "John Smith Sr.", "suffix clash"),
        ("Wei Zhang", "Maria Garcia", "different"),
    ],
)
def test_name_levels(nick: NicknameIndex, a: str, b: str, level: str) -> None:
    assert _levels(nick, {"name": a}, {"name": b})["name"] == level


def test_other_candidate_levels(nick: NicknameIndex) -> None:
    a = {
        "name": "Ana Ruiz",
        "emails": ["Ana.Ruiz+cv@gmail.com"],
        "phones": ["(415) 555-0123"],
        "links": ["linkedin.com/in/anaruiz"],
        "location": "Austin, TX",
        "employers": ["Acme Inc.", "Globex"],
        "schools": ["UT Austin"],
        "skills": ["Python", "SQL"],
    }
    b = {
        "name": "Ana Ruiz",
        "emails": ["anaruiz@gmail.com"],
        "phones": ["+1 415 555 0123"],
        "links": ["https://www.linkedin.com/in/ana-ruiz-2"],
        "location": "Austin",
        "employers": ["ACME", "Globex LLC"],
        "skills": ["python"],
    }
    got = _levels(nick, a, b)
    assert got["email"] == "exact"
    assert got["phone"] == "shared"
    assert got["links"] == "conflicting handle"
    assert got["location"] == "exact"
    assert got["employers"] == "two or more shared"
    assert got["schools"] == "missing"
    assert got["skills"] == "jaccard >= 0.5"


def test_missing_values_have_no_level(nick: NicknameIndex) -> None:
    got = _levels(nick, {"name": "Ana Ruiz"}, {"emails": ["a@example.com"]})
    assert set(got.values()) == {"missing"}


def test_generic_comparisons() -> None:
    table = RecordTable.from_columns(
        ["a", "b", "c", "d"],
        {"dob": ["19560409", "19560490", "19560904", "1957-01-01"], "s": ["martha", "marhta", "", "x"]},
    )
    pairs = ([0, 0, 0, 0], [1, 2, 3, 0])
    dob = compare(table, pairs, [DateComparison("dob")])
    assert [dob.labels[0][lv] for lv in dob.levels[:, 0]] == ["one typo", "day-month swapped", "different", "exact"]
    s = compare(table, pairs, [StringComparison("s", thresholds=(0.9,)), ExactComparison("s")])
    assert s.levels[:, 0].tolist() == [1, MISSING, 2, 0]
    assert s.levels[:, 1].tolist() == [1, MISSING, 1, 0]


_names = st.sampled_from(
    ["John Smith", "Jon Smyth", "Wei Zhang", "Zhang Wei", "Bob Müller", "Robert Mueller", "", "Ana"]
)
_emails = st.lists(st.sampled_from(["a@example.com", "A@example.com", "b@gmail.com", "b+x@gmail.com"]), max_size=2)
_phones = st.lists(st.sampled_from(["555-0100", "+1 555 0100", "(415) 555-0123", "020 7946 0000"]), max_size=2)
_record = st.fixed_dictionaries({"name": _names, "emails": _emails, "phones": _phones})


@settings(max_examples=60, deadline=None)
@given(_record, _record)
def test_comparisons_are_symmetric_and_in_range(a: dict[str, Any], b: dict[str, Any]) -> None:
    nick = NicknameIndex.load()
    comparisons = candidate_comparisons(nick)
    table = RecordTable.from_candidates([to_record({"id": "a", **a}), to_record({"id": "b", **b})], nicknames=nick)
    vec = compare(table, ([0, 1], [1, 0]), comparisons)
    assert np.array_equal(vec.levels[0], vec.levels[1])
    for c, comparison in enumerate(comparisons):
        assert -1 <= vec.levels[0, c] < len(comparison.labels)


def test_fuzzy_set_overlap(nick: NicknameIndex) -> None:
    got = _levels(
        nick,
        {"employers": ["Globex Labs"], "schools": ["Universidad de Sevilla"]},
        {"employers": ["Globex Lab Ltd"], "schools": ["Universidad Sevilla"]},
    )
    assert got["employers"] == "similar"
    assert got["schools"] == "similar"
    other = _levels(nick, {"employers": ["Globex Labs"]}, {"employers": ["Initech"]})
    assert other["employers"] == "none shared"
