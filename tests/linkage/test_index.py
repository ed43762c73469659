"""DedupIndex: incremental matching, removal, phonetic search, SQLite persistence."""

from __future__ import annotations

import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillmatch.config import DedupeConfig
from skillmatch.errors import IndexStoreError, InvalidArgumentError, InvalidRecordError
from skillmatch.linkage import NicknameIndex, RecordTable, candidate_comparisons, compare, score, to_record
from skillmatch.linkage.index import INDEX_SCHEMA_VERSION, DedupIndex, default_model
from skillmatch.models import ContactInfo, Profile

PEOPLE: list[dict[str, Any]] = [
    {"id": "js", "name": "John Smith", "emails": ["john.smith@example.com"], "phones": ["+1 415 555 0123"]},
    {"id": "jen", "name": "Jennifer Smith", "emails": ["jen.smith@example.org"], "location": "Austin, TX"},
    {"id": "rm", "name": "Robert Müller", "emails": ["r.mueller@example.com"], "location": "Berlin"},
    {"id": "bm", "name": "Barbara Mueller", "emails": ["barbara@example.de"], "location": "Munich"},
    {"id": "ma", "name": "Muhammad Ali", "emails": ["m.ali@example.com"], "location": "Cairo"},
    {"id": "ah", "name": "Ali Hassan", "emails": ["ali.hassan@example.com"], "location": "Cairo"},
    {"id": "wz", "name": "Wei Zhang", "emails": ["wei.zhang@gmail.com"], "phones": ["+86 138 0013 8000"]},
    {"id": "mg", "name": "Maria Garcia", "phones": ["+34 612 345 678"], "location": "Madrid"},
]


@lru_cache(maxsize=1)
def nicknames() -> NicknameIndex:
    return NicknameIndex.load()


def fresh(records: list[dict[str, Any]] = PEOPLE) -> DedupIndex:
    index = DedupIndex(nicknames=nicknames())
    for r in records:
        index.add(r)
    return index


@pytest.fixture(scope="module")
def people() -> DedupIndex:
    return fresh()


def test_add_matches_a_duplicate_and_not_a_stranger() -> None:
    index = fresh()
    matches = index.add({"id": "rm2", "name": "Bob Mueller", "emails": ["R.Mueller@Example.com"], "location": "Berlin"})
    assert [m.record_id for m in matches] == ["rm"]
    m = matches[0]
    assert m.probability >= index.config.threshold
    assert m.reason.startswith("p=") and "email exact" in m.reason
    assert {lw.comparison: lw.level for lw in m.levels}["name"] == "nickname"
    assert index.add({"id": "zk", "name": "Zoltan Kovacs", "emails": ["zk@example.hu"]}) == ()
    assert len(index) == len(PEOPLE) + 2


def test_add_takes_profiles_and_records() -> None:
    index = fresh()
    profile = Profile(
        profile_id="p1",
        source="cv.txt",
        name="Wei Zhang",
        contact=ContactInfo(emails=("weizhang@gmail.com",)),
        as_of="2026-01-01",
    )
    assert [m.record_id for m in index.add(profile)] == ["wz"]  # Gmail dots do not matter
    assert index.get("p1").profile == profile
    record = to_record({"id": "mg2", "name": "María García", "phones": ["+34612345678"]})
    assert [m.record_id for m in index.add(record)] == ["mg"]


def test_add_is_deterministic_and_independent_of_insertion_order() -> None:
    probe = {"id": "probe", "name": "Jon Smith", "phones": ["(415) 555-0123"], "emails": ["John.Smith@example.com"]}
    forward, backward = fresh(PEOPLE), fresh(PEOPLE[::-1])
    first = forward.add(probe)
    assert first and first == backward.add(probe)
    forward.remove("probe")
    assert forward.add(probe) == first


def test_matches_are_sorted_by_probability_then_id() -> None:
    index = fresh([{"id": i, "name": "Ana Ruiz", "emails": ["ana@example.com"]} for i in ("c", "a", "b")])
    matches = index.add({"id": "z", "name": "Ana Ruiz", "emails": ["ana@example.com"]})
    assert [m.record_id for m in matches] == ["a", "b", "c"]
    assert len({m.probability for m in matches}) == 1


def test_add_scores_pairs_as_the_batch_does() -> None:
    nick = nicknames()
    records = [to_record(r) for r in PEOPLE]
    index = DedupIndex.build(records, nicknames=nick)
    new = to_record({"id": "zz", "name": "Jon Smyth", "phones": ["415-555-0123"], "location": "Austin"})
    matches = {m.record_id: m for m in DedupIndex.build(records, nicknames=nick, model=index.model).add(new)}
    matches_all = index.add(new)
    assert {m.record_id: m for m in matches_all} == matches
    table = RecordTable.from_candidates([new, *records], nicknames=nick)
    right = np.arange(1, len(table))
    batch = score(
        compare(table, (np.zeros(len(right), dtype=np.int64), right), candidate_comparisons(nick)), index.model
    )
    for k, p in enumerate(batch.probability.tolist()):
        record_id = table.ids[k + 1]
        if p >= index.config.threshold:
            assert matches[record_id].probability == pytest.approx(p)
        else:
            assert record_id not in matches


def test_adding_an_existing_id_replaces_it() -> None:
    index = fresh()
    assert index.add({"id": "js", "name": "John Smith", "emails": ["john.smith@example.com"]}) == ()  # not itself
    assert len(index) == len(PEOPLE)
    assert index.get("js").phones == ()
    assert not index.search(phone="+1 415 555 0123")


def test_remove() -> None:
    index = fresh()
    index.remove("rm")
    assert len(index) == len(PEOPLE) - 1 and "rm" not in index
    assert "rm" not in {m.record_id for m in index.search(name="Robert Müller")}
    assert index.add({"id": "rm2", "name": "Bob Mueller", "emails": ["r.mueller@example.com"]}) == ()
    with pytest.raises(InvalidRecordError):
        index.remove("rm")
    with pytest.raises(InvalidRecordError):
        index.get("rm")


def test_common_names_use_other_keys_first() -> None:
    # Name keys shared by more records than max_block_size are skipped when another key finds
    # candidates, and otherwise give the window records next to the new one in name order.
    config = DedupeConfig(threshold=0.01, max_block_size=2, window=1)
    index = DedupIndex(config=config, nicknames=nicknames())
    for i in "abcd":
        index.add({"id": i, "name": "John Smith", "emails": [f"john.smith.{i}@example.com"]})
    by_email = index.add({"id": "e", "name": "John Smith", "emails": ["John.Smith.C@example.com"]})
    assert [m.record_id for m in by_email] == ["c"]
    by_name = index.add({"id": "f", "name": "John Smith"})
    assert [m.record_id for m in by_name] == ["a"]


def test_records_without_identifiers_are_kept_but_never_matched() -> None:
    index = fresh()
    assert index.add({"id": "anon", "location": "Berlin", "skills": ["Python"]}) == ()
    assert "anon" in index
    assert "anon" not in {m.record_id for m in index.add({"id": "x", "name": "Rob Muller", "location": "Berlin"})}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"name": "Jon Smyth"}, "John Smith"),
        ({"name": "Bob Mueller"}, "Robert Müller"),
        ({"name": "Mohamed Ali"}, "Muhammad Ali"),
        ({"name": "Zhang Wei"}, "Wei Zhang"),
        ({"name": "MARIA GARCÍA"}, "Maria Garcia"),
        ({"email": "John.Smith@EXAMPLE.com"}, "John Smith"),
        ({"email": "Wei.Zhang+jobs@googlemail.com"}, "Wei Zhang"),
        ({"phone": "(415) 555-0123"}, "John Smith"),
        ({"phone": "+1 415.555.0123"}, "John Smith"),
        ({"phone": "4155550123"}, "John Smith"),
        ({"phone": "+86 13800138000"}, "Wei Zhang"),
        ({"name": "Jon Smyth", "phone": "415 555 0123"}, "John Smith"),
    ],
)
def test_search(people: DedupIndex, query: dict[str, str], expected: str) -> None:
    found = people.search(**query)
    assert found, query
    assert people.get(found[0].record_id).name == expected
    assert found[0].reason.startswith("p=")
    assert {lw.comparison for lw in found[0].levels} == {"email" if k == "email" else k for k in query}


def test_search_leaves_out_clearly_different_people(people: DedupIndex) -> None:
    assert [people.get(m.record_id).name for m in people.search(name="Jon Smyth")] == ["John Smith"]
    assert people.search(name="Zoltan Kovacs") == ()
    assert people.search(email="nobody@example.com") == ()


def test_search_ranks_exact_first_and_respects_limit() -> None:
    index = fresh([{"id": f"r{i}", "name": n} for i, n in enumerate(["Jon Smith", "John Smith", "Johnny Smith"])])
    found = index.search(name="John Smith")
    assert found[0].record_id == "r1"
    assert [m.probability for m in found] == sorted((m.probability for m in found), reverse=True)
    assert len(index.search(name="John Smith", limit=1)) == 1


def test_search_needs_a_field(people: DedupIndex) -> None:
    with pytest.raises(InvalidArgumentError):
        people.search()
    with pytest.raises(InvalidArgumentError):
        people.search(name="  ")
    with pytest.raises(InvalidArgumentError):
        people.search(name="John Smith", limit=0)


def test_build_trains_and_indexes() -> None:
    index = DedupIndex.build(PEOPLE, nicknames=nicknames(), config=DedupeConfig(threshold=0.95))
    assert len(index) == len(PEOPLE) and index.ids() == tuple(sorted(r["id"] for r in PEOPLE))
    assert index.config.threshold == 0.95
    assert index.model.tf  # trained: term frequencies of the names
    assert len(DedupIndex.build([], nicknames=nicknames())) == 0
    with pytest.raises(InvalidRecordError):
        DedupIndex.build([*PEOPLE, PEOPLE[0]], nicknames=nicknames())


def test_default_model_and_model_check() -> None:
    comparisons = candidate_comparisons(nicknames())
    model = default_model(comparisons, n_records=500)
    assert model.prior == pytest.approx(1 / 500)
    assert all(sum(m) == pytest.approx(1) for m in model.m)
    with pytest.raises(InvalidArgumentError):
        DedupIndex(model=default_model(comparisons[:2], n_records=10), nicknames=nicknames())


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    index = DedupIndex.build(PEOPLE, nicknames=nicknames())
    index.add({"id": "rm2", "name": "Bob Mueller", "emails": ["r.mueller@example.com"]})
    index.remove("bm")
    path = tmp_path / "index.sqlite"
    index.save(path)
    loaded = DedupIndex.load(path, nicknames=nicknames())
    assert len(loaded) == len(index) and loaded.ids() == index.ids()
    assert loaded.model == index.model and loaded.config == index.config
    assert all(loaded.get(i) == index.get(i) for i in index.ids())
    for query in (
        {"name": "Jon Smyth"},
        {"name": "Bob Muller"},
        {"phone": "415 555 0123"},
        {"email": "m.ali@example.com"},
    ):
        assert loaded.search(**query) == index.search(**query)
    probe = {"id": "probe", "name": "Robert Mueller", "emails": ["r.mueller@example.com"]}
    assert loaded.add(probe) == index.add(probe)
    index.save(path)  # over an existing file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.sqlite"]  # no temporary file left behind


def test_load_errors(tmp_path: Path) -> None:
    with pytest.raises(IndexStoreError, match="no index file"):
        DedupIndex.load(tmp_path / "missing.sqlite")
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"this is not a database" * 100)
    with pytest.raises(IndexStoreError, match="not a readable skillmatch index"):
        DedupIndex.load(garbage)
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as con:
        con.execute("CREATE TABLE people (name TEXT)")
    con.close()
    with pytest.raises(IndexStoreError):
        DedupIndex.load(other)
    old = tmp_path / "old.sqlite"
    fresh(PEOPLE[:2]).save(old)
    with sqlite3.connect(old) as con:
        con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(INDEX_SCHEMA_VERSION + 1),))
    con.close()
    with pytest.raises(IndexStoreError, match="version") as err:
        DedupIndex.load(old)
    assert err.value.code == "index_store_error" and err.value.context["source"] == str(old)


def test_save_into_a_missing_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(IndexStoreError):
        fresh(PEOPLE[:1]).save(tmp_path / "no" / "such" / "index.sqlite")


_IDS = st.sampled_from(["a", "b", "c", "d", "e"])
_OPS = st.lists(st.tuples(st.sampled_from(["add", "remove"]), _IDS, st.sampled_from(PEOPLE)), max_size=12)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_OPS)
def test_len_counts_live_ids(ops: list[tuple[str, str, dict[str, Any]]]) -> None:
    index = DedupIndex(nicknames=nicknames())
    live: set[str] = set()
    for op, record_id, person in ops:
        if op == "add":
            matches = index.add({**person, "id": record_id})
            assert all(m.record_id in live and m.record_id != record_id for m in matches)
            live.add(record_id)
        elif record_id in live:
            index.remove(record_id)
            live.discard(record_id)
        else:
            with pytest.raises(InvalidRecordError):
                index.remove(record_id)
        assert len(index) == len(live)
        assert all((i in index) == (i in live) for i in "abcde")
    assert index.ids() == tuple(sorted(live))
