"""Blocking, EM scoring and clustering on constructed data whose answers are known."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillmatch.errors import InvalidArgumentError
from skillmatch.linkage.blocking import block_on, blocking_report, candidate_pairs, candidate_rules
from skillmatch.linkage.clustering import cluster_ids
from skillmatch.linkage.comparisons import ExactComparison, StringComparison, candidate_comparisons, compare
from skillmatch.linkage.normalize import NicknameIndex
from skillmatch.linkage.pipeline import link
from skillmatch.linkage.records import RecordTable, to_records
from skillmatch.linkage.scoring import FellegiSunterModel, SupervisedScorer, score, train


@pytest.fixture(scope="module")
def nick() -> NicknameIndex:
    return NicknameIndex.load()


def test_candidate_rules_find_the_variants(nick: NicknameIndex) -> None:
    rows = [
        {"id": "1", "name": "Jon Smyth"},
        {"id": "2", "name": "John Smith"},
        {"id": "3", "name": "Zhang Wei"},
        {"id": "4", "name": "Wei Zhang"},
        {"id": "5", "name": "Bob Mueller"},
        {"id": "6", "name": "Robert Müller"},
        {"id": "7", "name": "Ana Ruiz", "emails": ["A.Ruiz+cv@gmail.com"]},
        {"id": "8", "name": "Ana Lopez", "emails": ["aruiz@gmail.com"]},
        {"id": "9", "phones": ["+1 (415) 555-0123"], "name": "X Y"},
        {"id": "10", "phones": ["415.555.0123"], "name": "Q R"},
    ]
    table = RecordTable.from_candidates(to_records(rows), nicknames=nick)
    pairs = candidate_pairs(table, candidate_rules(nick))
    found = {(table.ids[a], table.ids[b]) for a, b in zip(pairs.left.tolist(), pairs.right.tolist(), strict=True)}
    assert {("1", "2"), ("3", "4"), ("5", "6"), ("7", "8"), ("9", "10")} <= found
    assert ("1", "3") not in found


def test_oversized_blocks_use_sorted_neighbourhood() -> None:
    n = 50
    table = RecordTable.from_columns(
        [f"r{i:02d}" for i in range(n)], {"city": ["x"] * n, "full": [f"{i:02d}" for i in range(n)]}
    )
    pairs = candidate_pairs(table, [block_on("city")], max_block_size=10, window=3)
    assert pairs.oversized_blocks == 1
    assert len(pairs) == 3 * n - 6  # each record with its next 3 neighbours
    assert np.all(pairs.left < pairs.right)
    small = candidate_pairs(table, [block_on("city")], max_block_size=100)
    assert len(small) == n * (n - 1) // 2


def test_blocking_report() -> None:
    table = RecordTable.from_columns(["a", "b", "c", "d"], {"k": ["1", "1", "2", "3"]})
    pairs = candidate_pairs(table, [block_on("k")])
    report = blocking_report(pairs, {"a": "x", "b": "x", "c": "y", "d": "y"}, table.ids)
    assert report["pairs_completeness"] == 0.5
    assert report["reduction_ratio"] == pytest.approx(1 - 1 / 6)


def _simulated(n_people: int, seed: int) -> tuple[RecordTable, dict[str, int]]:
    """People with two noisy records each; names drawn from small pools so namesakes exist."""
    rnd = random.Random(seed)
    given_names = ["ann", "bob", "carl", "dina", "eve", "fay", "gus", "hal", "ida", "jon"]
    surnames = [f"s{i}" for i in range(60)]
    ids, cols, truth = [], {"given": [], "family": [], "dob": [], "city": []}, {}
    for p in range(n_people):
        g, f = rnd.choice(given_names), rnd.choice(surnames)
        dob, city = f"19{rnd.randint(50, 99)}{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}", f"c{rnd.randint(0, 30)}"
        for k in range(2):
            rid = f"p{p}-{k}"
            noisy_dob = dob if rnd.random() < 0.9 else dob[:-1] + str((int(dob[-1]) + 1) % 10)
            ids.append(rid)
            cols["given"].append(g)
            cols["family"].append(f)
            cols["dob"].append(noisy_dob)
            cols["city"].append(city if rnd.random() < 0.8 else f"c{rnd.randint(0, 30)}")
            truth[rid] = p
    return RecordTable.from_columns(ids, cols), truth


def test_em_learns_without_labels_and_separates_matches() -> None:
    table, truth = _simulated(400, seed=3)
    comparisons = [
        ExactComparison("given"),
        ExactComparison("family"),
        StringComparison("dob", thresholds=(0.85,), metric="levenshtein"),
        ExactComparison("city"),
    ]
    rules = [block_on("family"), block_on("dob")]
    result = link(table, comparisons=comparisons, rules=rules)
    m = result.model
    dob = m.names.index("dob")
    assert m.m[dob][0] > 0.8 > m.u[dob][0] * 100  # exact dob: common among matches, rare otherwise
    predicted = {frozenset(c.member_ids) for c in result.clusters}
    expected = {frozenset(k for k, v in truth.items() if v == p) for p in set(truth.values())}
    assert len(predicted & expected) / len(expected) > 0.95


def test_model_round_trips_through_json() -> None:
    table, _ = _simulated(50, seed=1)
    comparisons = [ExactComparison("family", term_frequency=True), ExactComparison("city")]
    vec = compare(table, candidate_pairs(table, [block_on("family")]).__dict__["left"], comparisons) if False else None
    pairs = candidate_pairs(table, [block_on("family")])
    vectors = compare(table, (pairs.left, pairs.right), comparisons)
    model = train(table, vectors, comparisons)
    again = FellegiSunterModel.from_dict(model.to_dict())
    assert np.allclose(score(vectors, again).probability, score(vectors, model).probability)
    assert vec is None


def test_term_frequency_makes_rare_names_count_more() -> None:
    families = ["smith"] * 2000 + ["kovacs", "kovacs"] + [f"x{i}" for i in range(3998)]
    table = RecordTable.from_columns([str(i) for i in range(6000)], {"family": families})
    comparisons = [ExactComparison("family", term_frequency=True)]
    vectors = compare(table, ([0, 2000], [1, 2001]), comparisons)  # smith-smith, kovacs-kovacs
    model = train(table, vectors, comparisons)
    s = score(vectors, model)
    assert s.contributions[1, 0] > s.contributions[0, 0] + 3


def test_term_frequency_is_damped_in_small_batches() -> None:
    # Two of seven records share a name: that says little about how common the name is.
    table = RecordTable.from_columns(list("abcdefg"), {"family": ["ruiz", "ruiz", "a", "b", "c", "d", "e"]})
    comparisons = [ExactComparison("family", term_frequency=True)]
    vectors = compare(table, ([0], [1]), comparisons)
    model = train(table, vectors, comparisons)
    adjusted = score(vectors, model).contributions[0, 0]
    plain = score(vectors, FellegiSunterModel.from_dict({**model.to_dict(), "tf": {}})).contributions[0, 0]
    assert abs(adjusted - plain) < 1.5  # undamped, a 2-in-7 share would cost about 5 bits


def test_score_rejects_a_model_for_other_comparisons(nick: NicknameIndex) -> None:
    table = RecordTable.from_columns(["a", "b"], {"x": ["1", "1"]})
    vectors = compare(table, ([0], [1]), [ExactComparison("x")])
    model = FellegiSunterModel(("y",), (("exact", "different"),), ((0.9, 0.1),), ((0.1, 0.9),), 0.5)
    with pytest.raises(InvalidArgumentError):
        score(vectors, model)


def test_supervised_scorer_learns_from_labels(nick: NicknameIndex) -> None:
    table, truth = _simulated(200, seed=5)
    comparisons = [ExactComparison("given"), ExactComparison("family"), ExactComparison("dob"), ExactComparison("city")]
    pairs = candidate_pairs(table, [block_on("family")])
    vectors = compare(table, (pairs.left, pairs.right), comparisons)
    labels = [int(truth[table.ids[a]] == truth[table.ids[b]]) for a, b in zip(pairs.left, pairs.right, strict=True)]
    scored = SupervisedScorer().fit(vectors, labels).score(vectors)
    predicted = scored.probability >= 0.5
    accuracy = float(np.mean(predicted == np.array(labels, dtype=bool)))
    assert accuracy > 0.95
    assert scored.pair(0, table.ids).levels[0].comparison == "given"


def test_chain_guard_keeps_clearly_different_records_apart() -> None:
    ids = ["a", "b", "c"]
    assert cluster_ids(ids, [("a", "b", 0.99), ("b", "c", 0.99)]) == [("a", "b", "c")]
    assert cluster_ids(ids, [("a", "b", 0.99), ("b", "c", 0.95)], cannot_link=[("a", "c")]) == [("a", "b"), ("c",)]


def test_oversized_clusters_are_split_by_a_stricter_threshold() -> None:
    ids = [str(i) for i in range(6)]
    links = [("0", "1", 0.9999), ("1", "2", 0.9999), ("2", "3", 0.95), ("3", "4", 0.9999), ("4", "5", 0.9999)]
    assert cluster_ids(ids, links, max_size=3) == [("0", "1", "2"), ("3", "4", "5")]


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7), st.floats(0, 1)), max_size=20),
    st.randoms(use_true_random=False),
)
def test_clustering_partitions_and_ignores_input_order(edges: list[tuple[int, int, float]], rnd: random.Random) -> None:
    ids = [f"r{i}" for i in range(8)]
    triples = [(ids[a], ids[b], p) for a, b, p in edges if a != b]
    first = cluster_ids(ids, triples)
    shuffled_ids, shuffled = ids[:], triples[:]
    rnd.shuffle(shuffled_ids)
    rnd.shuffle(shuffled)
    second = cluster_ids(shuffled_ids, shuffled)
    assert sorted(itertools.chain.from_iterable(first)) == sorted(ids)
    assert {frozenset(c) for c in first} == {frozenset(c) for c in second}


def test_default_comparisons_cover_candidate_fields(nick: NicknameIndex) -> None:
    names = [c.name for c in candidate_comparisons(nick)]
    assert names == ["name", "email", "phone", "links", "location", "employers", "schools", "skills"]
