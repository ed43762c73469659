"""The deduplication benchmark's metrics on small hand-made cases (``benchmarks/dedupe_metrics.py``)."""

from __future__ import annotations

import time

import numpy as np
import pytest

from benchmarks.dedupe_metrics import (
    Truth,
    best_threshold,
    blocking_scores,
    cluster_scores,
    connected_components,
    pairwise_scores,
    prf,
)

# a, b, c are one person; d is another.
TRUTH = {"a": "X", "b": "X", "c": "X", "d": "Y"}


def test_perfect_clustering_scores_one() -> None:
    truth = Truth({"a": 1, "b": 1, "c": 2, "d": 2, "e": 3})
    s = cluster_scores(truth, {"a": "p", "b": "p", "c": "q", "d": "q", "e": "r"})
    assert s["pairs"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 2, "fp": 0, "fn": 0}
    assert s["bcubed"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert (s["predicted_clusters"], s["true_clusters"]) == (3, 3)


def test_partial_clustering_by_hand() -> None:
    # Predicted {a, b}, {c, d}. Implied pairs ab, cd; true pairs ab, ac, bc: tp 1 of 2 predicted, 3 true.
    s = cluster_scores(Truth(TRUTH), {"a": 0, "b": 0, "c": 1, "d": 1})
    assert (s["pairs"]["tp"], s["pairs"]["fp"], s["pairs"]["fn"]) == (1, 1, 2)
    assert s["pairs"]["precision"] == pytest.approx(1 / 2)
    assert s["pairs"]["recall"] == pytest.approx(1 / 3)
    assert s["pairs"]["f1"] == pytest.approx(0.4)
    # B-cubed precision: a 2/2, b 2/2, c 1/2, d 1/2 -> 3/4; recall: a 2/3, b 2/3, c 1/3, d 1/1 -> 2/3.
    assert s["bcubed"]["precision"] == pytest.approx(3 / 4, abs=1e-6)
    assert s["bcubed"]["recall"] == pytest.approx(2 / 3, abs=1e-6)
    assert s["bcubed"]["f1"] == pytest.approx(12 / 17, abs=1e-6)


def test_records_left_out_of_the_labels_are_singletons() -> None:
    s = cluster_scores(Truth(TRUTH), {"a": 0, "b": 0})
    assert (s["pairs"]["tp"], s["pairs"]["fp"], s["pairs"]["fn"]) == (1, 0, 2)
    assert s["predicted_clusters"] == 3
    assert cluster_scores(Truth(TRUTH), {})["pairs"]["precision"] == 1.0  # nothing claimed


def test_pairwise_threshold_repeats_reversed_and_self_pairs() -> None:
    left = ["a", "b", "c", "b", "a"]
    right = ["b", "c", "d", "a", "a"]
    probs = [0.9, 0.4, 0.7, 0.2, 1.0]  # (b, a) repeats (a, b); (a, a) is a self-pair
    s = pairwise_scores(Truth(TRUTH), left, right, probs, threshold=0.5)
    assert (s.tp, s.fp, s.fn) == (1, 1, 2)  # ab right, cd wrong, ac and bc missed
    assert s.precision == pytest.approx(0.5) and s.recall == pytest.approx(1 / 3)
    # Without probabilities every given pair is a predicted match: ab, bc, cd.
    assert (pairwise_scores(Truth(TRUTH), left, right).tp, pairwise_scores(Truth(TRUTH), left, right).fp) == (2, 1)


def test_repeated_pair_keeps_its_highest_probability() -> None:
    s = pairwise_scores(Truth(TRUTH), ["b", "a"], ["a", "b"], [0.2, 0.9], threshold=0.5)
    assert (s.tp, s.fp) == (1, 0)


def test_linkage_counts_only_cross_source_pairs() -> None:
    truth = {"a1": "X", "b1": "X", "a2": "Y", "b2": "Y", "b3": "Y"}
    source = {"a1": "a", "a2": "a", "b1": "b", "b2": "b", "b3": "b"}
    t = Truth(truth, source)
    assert t.true_pairs() == 3  # a1-b1, a2-b2, a2-b3 (b2-b3 is within file B)
    assert t.possible_pairs() == 6
    s = pairwise_scores(t, ["a1", "a2", "b2"], ["b1", "b2", "b3"], [0.9, 0.9, 0.9])
    assert (s.tp, s.fp, s.fn) == (2, 0, 1)  # b2-b3 ignored
    whole = cluster_scores(t, {"a1": 0, "b1": 0, "a2": 1, "b2": 1, "b3": 1})
    assert whole["pairs"]["f1"] == 1.0
    split = cluster_scores(t, {"a1": 0, "b1": 0, "a2": 1, "b2": 1, "b3": 2})
    assert (split["pairs"]["tp"], split["pairs"]["fp"], split["pairs"]["fn"]) == (2, 0, 1)


def test_blocking_pairs_completeness_and_reduction_ratio() -> None:
    # 4 records, 6 possible pairs, 3 true (ab, ac, bc); candidates ab, ac, bd find 2.
    b = blocking_scores(Truth(TRUTH), ["a", "a", "b"], ["b", "c", "d"])
    assert b["candidate_pairs"] == 3 and b["true_pairs_found"] == 2
    assert b["pairs_completeness"] == pytest.approx(2 / 3, abs=1e-6)
    assert b["reduction_ratio"] == pytest.approx(0.5)


def test_best_threshold_by_hand() -> None:
    # Ranked: ab .9 (true), cd .8 (false), ac .7 (true), bc .6 (true). Cutting at .6: P 3/4, R 1, F1 6/7.
    best = best_threshold(Truth(TRUTH), ["a", "c", "a", "b"], ["b", "d", "c", "c"], [0.9, 0.8, 0.7, 0.6])
    assert best["threshold"] == pytest.approx(0.6)
    assert best["f1"] == pytest.approx(6 / 7, abs=1e-6)


def test_prf_conventions() -> None:
    assert prf(0, 0, 5).as_dict() == {"precision": 1.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 5}
    assert prf(0, 0, 0).f1 == 1.0


def test_unknown_ids_and_duplicate_ids_raise() -> None:
    with pytest.raises(KeyError):
        pairwise_scores(Truth(TRUTH), ["a"], ["zz"], [1.0])
    with pytest.raises(KeyError):
        cluster_scores(Truth(TRUTH), {"zz": 1})
    with pytest.raises(ValueError, match="two sources"):
        Truth(TRUTH, {"a": "a", "b": "a", "c": "a", "d": "a"})


def test_connected_components() -> None:
    labels = connected_components(["a", "b", "c", "d", "e"], ["a", "c"], ["b", "b"])
    assert labels["a"] == labels["b"] == labels["c"]
    assert len({labels["a"], labels["d"], labels["e"]}) == 3


def test_large_clusters_are_counted_not_enumerated() -> None:
    # 100,000 records, one entity of 60,000: 1.8 billion true pairs, counted in well under a second.
    n = 100_000
    ids = [f"r{i}" for i in range(n)]
    truth = Truth({r: (0 if i < 60_000 else i) for i, r in enumerate(ids)})
    start = time.perf_counter()
    s = cluster_scores(truth, {r: (0 if i < 30_000 else 1) for i, r in enumerate(ids)})
    assert time.perf_counter() - start < 5
    same = 30_000 * 29_999 // 2
    assert s["pairs"]["tp"] == 2 * same  # [0, 30k) and [30k, 60k) are each inside entity 0
    assert s["pairs"]["fn"] == 60_000 * 59_999 // 2 - 2 * same
    assert truth.true_pairs() == 60_000 * 59_999 // 2
    p = pairwise_scores(truth, np.array(ids[:-1]), np.array(ids[1:]), np.ones(n - 1))
    assert p.tp == 59_999
