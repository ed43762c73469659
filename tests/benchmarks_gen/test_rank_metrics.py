"""The ranking benchmark's metrics and splits (benchmarks/rank_metrics.py, rank_data.py), on hand cases.

Self-contained: no corpus, no skills graph.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from benchmarks.rank_data import gain, load_related, make_split, partition
from benchmarks.rank_metrics import (
    average_precision,
    ndcg_at_k,
    paired_bootstrap,
    precision_at_k,
    query_metrics,
    rank_order,
    recall_at_k,
)


# -- metrics ------------------------------------------------------------------------------------
def test_ndcg_of_a_perfect_ranking_is_one() -> None:
    gains = [1, 1, 1, 0, 0, 0]
    assert ndcg_at_k(gains, gains, 10) == pytest.approx(1.0)
    assert ndcg_at_k([1, 0.5, 0, 0], [0, 1, 0.5, 0], 3) == pytest.approx(1.0)


def test_ndcg_small_case_by_hand() -> None:
    # relevant at ranks 2 and 3 of 4, two relevant in all: DCG = 1/log2(3) + 1/log2(4); IDCG = 1 + 1/log2(3)
    expected = (1 / math.log2(3) + 0.5) / (1 + 1 / math.log2(3))
    assert ndcg_at_k([0, 1, 1, 0], [0, 1, 1, 0], 10) == pytest.approx(expected)
    # cut at k=2: DCG@2 = 1/log2(3); IDCG@2 = 1 + 1/log2(3)
    assert ndcg_at_k([0, 1, 1, 0], [0, 1, 1, 0], 2) == pytest.approx((1 / math.log2(3)) / (1 + 1 / math.log2(3)))


def test_ndcg_ideal_counts_relevant_documents_beyond_the_ranking() -> None:
    # one relevant found at rank 1, but three exist in the pool: IDCG@10 sums three discounts
    idcg = 1 + 1 / math.log2(3) + 0.5
    assert ndcg_at_k([1, 0, 0], [1, 0, 0, 1, 1], 10) == pytest.approx(1 / idcg)


def test_graded_ndcg_by_hand() -> None:
    # gains in ranked order 0.5, 1, 0: DCG = 0.5 + 1/log2(3); ideal 1, 0.5: 1 + 0.5/log2(3)
    expected = (0.5 + 1 / math.log2(3)) / (1 + 0.5 / math.log2(3))
    assert ndcg_at_k([0.5, 1, 0], [0.5, 1, 0], 10) == pytest.approx(expected)


def test_ndcg_without_relevant_documents_is_an_error() -> None:
    with pytest.raises(ValueError):
        ndcg_at_k([0, 0], [0, 0], 10)


def test_average_precision_by_hand() -> None:
    assert average_precision([1, 0, 1]) == pytest.approx((1 + 2 / 3) / 2)
    assert average_precision([0, 1]) == pytest.approx(0.5)
    # a relevant document never retrieved still counts in the denominator
    assert average_precision([1, 0], n_relevant=2) == pytest.approx(0.5)


def test_recall_and_precision_at_k() -> None:
    ranked = [1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1]
    assert recall_at_k(ranked, 10) == pytest.approx(3 / 4)
    assert precision_at_k(ranked, 5) == pytest.approx(2 / 5)
    assert precision_at_k([1, 1], 5) == pytest.approx(2 / 5)  # a short pool still divides by k


def test_rank_order_breaks_ties_by_pool_order() -> None:
    assert rank_order([0.5, 1.0, 0.5, 1.0]).tolist() == [1, 3, 0, 2]


def test_query_metrics_perfect_and_reversed() -> None:
    gains = np.array([0.0, 1.0, 0.0, 1.0])
    perfect = query_metrics(np.array([0.1, 0.9, 0.2, 0.8]), gains)
    assert perfect["ndcg@10"] == pytest.approx(1.0)
    assert perfect["map"] == pytest.approx(1.0)
    assert perfect["recall@10"] == pytest.approx(1.0)
    assert perfect["p@5"] == pytest.approx(2 / 5)
    worst = query_metrics(np.array([0.9, 0.1, 0.8, 0.2]), gains)
    assert worst["map"] == pytest.approx((1 / 3 + 2 / 4) / 2)
    graded = query_metrics(np.array([0.9, 0.1, 0.8, 0.2]), gains, np.array([0.5, 1.0, 0.0, 1.0]))
    assert graded["graded_ndcg@10"] < 1.0
    assert graded["ndcg@10"] == pytest.approx(worst["ndcg@10"])


def test_paired_bootstrap_contains_the_true_difference_and_is_deterministic() -> None:
    rng = np.random.default_rng(7)
    base = rng.random(400)
    noise = rng.normal(0, 0.05, 400)
    other = base + 0.05 + (noise - noise.mean())  # the queries' mean difference is exactly 0.05
    r1 = paired_bootstrap(other, base, resamples=2000, seed=3)
    r2 = paired_bootstrap(other, base, resamples=2000, seed=3)
    assert r1 == r2
    assert r1["low"] < 0.05 < r1["high"]
    assert r1["low"] > 0  # excludes zero
    assert r1["mean"] == pytest.approx(float(np.mean(other - base)))
    r3 = paired_bootstrap(other, base, resamples=2000, seed=4)
    assert r3["low"] != r1["low"]


def test_paired_bootstrap_of_equal_systems_straddles_zero() -> None:
    rng = np.random.default_rng(1)
    a = rng.random(300)
    noise = rng.normal(0, 0.1, 300)
    b = a + (noise - noise.mean())  # mean difference exactly zero
    r = paired_bootstrap(a, b, resamples=2000, seed=0)
    assert r["low"] < 0 < r["high"]


def test_paired_bootstrap_rejects_unpaired_input() -> None:
    with pytest.raises(ValueError):
        paired_bootstrap([0.1, 0.2], [0.1])


# -- partitions and splits ------------------------------------------------------------------------
DOCS = [(f"{c}/{i}", c) for c in ("A", "B", "C") for i in range(25)] + [("D/0", "D"), ("D/1", "D"), ("D/2", "D")]


def test_partition_is_stable_disjoint_and_about_thirty_percent() -> None:
    p1 = partition(DOCS)
    p2 = partition(list(reversed(DOCS)))
    assert p1 == p2  # input order does not matter
    assert set(p1) == {d for d, _ in DOCS}
    assert set(p1.values()) <= {"tune", "eval"}
    for c in ("A", "B", "C"):
        assert sum(1 for d, cat in DOCS if cat == c and p1[d] == "tune") == round(0.3 * 25)
    # adding a category leaves the others' partition unchanged
    p3 = partition([*DOCS, ("E/0", "E"), ("E/1", "E")])
    assert all(p3[d] == p1[d] for d, _ in DOCS)


def test_split_halves_are_disjoint_and_cover_the_category() -> None:
    s = make_split(DOCS, seed=0)
    for c in ("A", "B", "C", "D"):
        train, test = set(s.train[c]), set(s.test[c])
        assert not train & test
        assert train | test == {d for d, cat in DOCS if cat == c}
        assert len(train) == sum(1 for _, cat in DOCS if cat == c) // 2
    assert sorted(s.pool) == sorted(d for ids in s.test.values() for d in ids)
    assert len(set(s.pool)) == len(s.pool)


def test_split_is_deterministic_and_seeds_change_it() -> None:
    assert make_split(DOCS, seed=1) == make_split(list(reversed(DOCS)), seed=1)
    a, b = make_split(DOCS, seed=0), make_split(DOCS, seed=1)
    assert a.train != b.train
    assert a.pool != b.pool


def test_related_categories_file_and_graded_gain() -> None:
    related = load_related(Path(__file__).resolve().parents[2] / "benchmarks" / "rank_categories.yaml")
    assert set(related) == {"kaggle", "livecareer"}
    k = related["kaggle"]
    assert "Python Developer" in k["Data Science"] and "Data Science" in k["Python Developer"]  # symmetric
    assert gain("Data Science", "Data Science", k) == 1.0
    assert gain("Python Developer", "Data Science", k) == 0.5
    assert gain("Data Science", "Arts", k) == 0.0
