"""End to end: the duplicates ATSs see are merged, the hard negatives are not, nothing is lost."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import skillmatch
from skillmatch.config import DedupeConfig
from skillmatch.errors import InvalidRecordError
from skillmatch.linkage import NicknameIndex, dedupe, merge, unmerge
from skillmatch.linkage.normalize import normalize_email, normalize_phone
from skillmatch.linkage.records import to_record
from skillmatch.models import Cluster

# A small ATS table: each group is one person written several ways; the people around them are
# the hard negatives (namesakes, spouses sharing a phone and a city, father and son, twins).
PEOPLE: list[list[dict[str, Any]]] = [
    [
        {
            "name": "Robert Müller",
            "emails": ["r.mueller@example.com"],
            "phones": ["+49 30 1234567"],
            "location": "Berlin",
        },
        {
            "name": "Bob Mueller",
            "emails": ["R.Mueller@example.com"],
            "employers": ["Globex GmbH"],
            "updated": "2025-02-01",
        },
    ],
    [
        {
            "name": "Wei Zhang",
            "emails": ["wei.zhang.dev@gmail.com"],
            "phones": ["(415) 555-0101"],
            "location": "San Francisco, CA",
        },
        {"name": "Zhang Wei", "emails": ["weizhangdev+jobs@gmail.com"], "location": "San Francisco"},
    ],
    [{"name": "Wei Zhang", "emails": ["wzhang@example.org"], "phones": ["(212) 555-0199"], "location": "New York, NY"}],
    [
        {"name": "Katherine O'Neil", "emails": ["kate.oneil@example.com"], "links": ["linkedin.com/in/kateoneil"]},
        {"name": "Kate O'Neil", "phones": ["020 7946 0123"], "links": ["https://www.linkedin.com/in/KateONeil/"]},
        {"name": "Katherine Brennan", "emails": ["kate.oneil@example.com"], "phones": ["+44 20 7946 0123"]},
    ],
    [
        {"name": "Mohammed Al-Sayed", "emails": ["m.alsayed@example.com"], "phones": ["+971 50 123 4567"]},
        {"name": "Muhammad Al Sayed", "phones": ["050 123 4567"], "location": "Dubai"},
    ],
    # Spouses: same family name, same landline, same city, different people.
    [{"name": "Anna Wolf", "emails": ["anna.wolf@example.com"], "phones": ["+49 341 555 0100"], "location": "Leipzig"}],
    [
        {
            "name": "Elias Wolf",
            "emails": ["elias.wolf@example.net"],
            "phones": ["+49 341 555 0100"],
            "location": "Leipzig",
        }
    ],
    # Father and son.
    [{"name": "James Carter Sr.", "emails": ["jcarter@example.com"], "location": "Austin, TX", "employers": ["Dell"]}],
    [
        {
            "name": "James Carter Jr.",
            "emails": ["james.carter@example.org"],
            "location": "Austin, TX",
            "schools": ["UT Austin"],
        }
    ],
    # Twins: same family, school and city; different given names.
    [
        {
            "name": "Maria Garcia",
            "emails": ["maria.g@example.com"],
            "schools": ["Universidad de Sevilla"],
            "location": "Sevilla",
        }
    ],
    [
        {
            "name": "Lucia Garcia",
            "emails": ["lucia.g@example.com"],
            "schools": ["Universidad de Sevilla"],
            "location": "Sevilla",
        }
    ],
    # Namesakes with nothing else in common.
    [{"name": "John Smith", "emails": ["john.smith1@example.com"], "location": "Leeds"}],
    [{"name": "John Smith", "emails": ["jsmith@example.org"], "location": "Perth"}],
    [{"name": "John Smith", "phones": ["(312) 555-0111"], "location": "Chicago, IL"}],
]


def _table() -> tuple[list[dict[str, Any]], dict[str, int]]:
    rows: list[dict[str, Any]] = []
    truth: dict[str, int] = {}
    for person, records in enumerate(PEOPLE):
        for k, record in enumerate(records):
            rid = f"r{person:02d}{k}"
            rows.append({"id": rid, **record})
            truth[rid] = person
    return rows, truth


def _partition(clusters: tuple[Cluster, ...]) -> set[frozenset[str]]:
    return {frozenset(c.member_ids) for c in clusters}


@pytest.fixture(scope="module")
def nick() -> NicknameIndex:
    return NicknameIndex.load()


def test_duplicates_merge_and_hard_negatives_stay_apart(nick: NicknameIndex) -> None:
    rows, truth = _table()
    got = _partition(dedupe(rows, nicknames=nick))
    want: dict[int, set[str]] = {}
    for rid, person in truth.items():
        want.setdefault(person, set()).add(rid)
    assert got == {frozenset(v) for v in want.values()}


def test_result_does_not_depend_on_input_order(nick: NicknameIndex) -> None:
    rows, _ = _table()
    shuffled = rows[:]
    random.Random(7).shuffle(shuffled)
    assert dedupe(rows, nicknames=nick) == dedupe(shuffled, nicknames=nick)


def test_dedupe_is_idempotent_on_merged_records(nick: NicknameIndex) -> None:
    rows, _ = _table()
    clusters = dedupe(rows, nicknames=nick)
    again = dedupe([c.merged for c in clusters if c.merged], nicknames=nick)
    assert len(again) == len(clusters)


def test_every_pair_in_a_cluster_explains_itself(nick: NicknameIndex) -> None:
    rows, _ = _table()
    cluster = next(c for c in dedupe(rows, nicknames=nick) if "r000" in c.member_ids)
    assert cluster.pairs
    pair = cluster.pairs[0]
    assert pair.probability >= DedupeConfig().threshold
    assert {lw.comparison for lw in pair.levels} >= {"name", "email"}
    assert "phone" not in {lw.comparison for lw in pair.levels}  # missing on one side: no evidence
    assert "email exact" in pair.summary()
    total = sum(lw.weight for lw in pair.levels)
    assert total > 0


def test_records_without_identifiers_are_singletons_with_a_warning(nick: NicknameIndex) -> None:
    rows = [
        {"id": "a", "skills": ["Python"], "location": "Leeds"},
        {"id": "b", "skills": ["Python"], "location": "Leeds"},
        {"id": "c", "name": "Ana Ruiz", "emails": ["ana@example.com"]},
    ]
    clusters = dedupe(rows, nicknames=nick)
    assert [c.member_ids for c in clusters] == [("a",), ("b",), ("c",)]
    assert [w.code for w in clusters[0].warnings] == ["no_identifiers"]
    assert clusters[2].warnings == ()


def test_bad_records_raise_invalid_record_error() -> None:
    with pytest.raises(InvalidRecordError, match="id"):
        skillmatch.dedupe([{"name": "No Id"}])
    with pytest.raises(InvalidRecordError, match="more than once"):
        skillmatch.dedupe([{"id": "a"}, {"id": "a"}])
    with pytest.raises(InvalidRecordError, match="emails"):
        skillmatch.dedupe([{"id": "a", "emails": [{"x": 1}]}])
    with pytest.raises(InvalidRecordError):
        skillmatch.dedupe([42])  # type: ignore[list-item]


def test_profiles_dedupe_with_mappings(nick: NicknameIndex) -> None:
    profile = skillmatch.parse_text(
        "Robert Müller\nr.mueller@example.com | +49 30 1234567\nSkills: Python, Kubernetes", as_of="2026-01-01"
    )
    clusters = dedupe(
        [profile, {"id": "ats-1", "name": "Bob Mueller", "emails": ["R.Mueller@example.com"]}], nicknames=nick
    )
    assert len(clusters) == 1
    merged = clusters[0].merged
    assert merged is not None
    assert {s.name for s in merged.skills} >= {"Python", "Kubernetes"}


def test_clusters_round_trip_through_json(nick: NicknameIndex) -> None:
    rows, _ = _table()
    for cluster in dedupe(rows, nicknames=nick):
        assert Cluster.model_validate_json(cluster.model_dump_json()) == cluster
        assert json.loads(cluster.model_dump_json())["schema_version"] == 1


# -- nothing lost: property tests ---------------------------------------------------------------
_given = st.sampled_from(["John", "Jon", "Ana", "Anna", "Wei", "Bob", "Robert", "María", "Maria"])
_family = st.sampled_from(["Smith", "Smyth", "Ruiz", "Zhang", "Müller", "Mueller"])
_email = st.sampled_from(["a@example.com", "A@example.com", "b@gmail.com", "b.x+1@gmail.com", "c@example.org"])
_phone = st.sampled_from(["555-0100", "+1 415 555 0100", "(415) 555-0100", "020 7946 0000"])
_link = st.sampled_from(["linkedin.com/in/ana", "https://github.com/jon", "https://ana.example.dev"])
_row = st.fixed_dictionaries(
    {
        "name": st.one_of(st.none(), st.builds(lambda g, f: f"{g} {f}", _given, _family)),
        "emails": st.lists(_email, max_size=2),
        "phones": st.lists(_phone, max_size=2),
        "links": st.lists(_link, max_size=1),
    }
)


@settings(max_examples=40, deadline=None)
@given(st.lists(_row, min_size=1, max_size=12))
def test_nothing_is_lost(rows: list[dict[str, Any]]) -> None:
    nick = NicknameIndex.load()
    records = [{"id": f"r{i}", **row} for i, row in enumerate(rows)]
    clusters = dedupe(records, nicknames=nick)
    members = [m for c in clusters for m in c.member_ids]
    assert sorted(members) == sorted(r["id"] for r in records)  # every record in exactly one cluster
    for cluster in clusters:
        merged = cluster.merged
        assert merged is not None
        mine = [r for r in records if r["id"] in cluster.member_ids]
        kept = {(v.field, v.value) for v in cluster.values}
        for r in mine:
            for e in r["emails"]:
                assert ("email", e) in kept
                assert normalize_email(e) in {normalize_email(x) for x in merged.contact.emails}
            for p in r["phones"]:
                assert ("phone", p) in kept
                assert (normalize_phone(p) or p) in merged.contact.phones
            for link in r["links"]:
                assert ("link", link) in kept
        assert {x.id: x for x in unmerge(cluster)} == {r["id"]: to_record(r) for r in mine}
        assert [x.id for x in unmerge(merge(cluster.member_ids, mine))] == list(cluster.member_ids)


def test_unmerge_needs_a_merged_cluster() -> None:
    with pytest.raises(InvalidRecordError, match="merge it first"):
        unmerge(Cluster(cluster_id="c", member_ids=("a",), canonical_id="a"))
