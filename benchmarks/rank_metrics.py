"""Ranking metrics for ``bench_rank.py``: NDCG@k (binary or graded), AP, Recall@k, P@k, paired bootstrap.

Conventions:

* A ranking is the order of ``np.argsort(-scores, kind="stable")``: higher scores first, ties in
  pool order (the harness shuffles the pool with the seed, so ties fall at random, the same for
  every system).
* ``gains`` hold each pool document's gain for the query, in pool order (1 relevant, 0 not; graded
  NDCG also uses 0.5 for a related category). Binary metrics count a document as relevant when its
  gain is 1.
* NDCG@k: DCG with the standard ``log2(rank + 1)`` discount (rank from 1), linear gains, over the
  ideal DCG of all the pool's gains sorted (so relevant documents that a system never scores still
  count). AP: mean of precision at each relevant document's rank, over all relevant documents.
* A query with no relevant document in the pool is undefined; the harness never asks one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
METRICS = ("ndcg@10", "graded_ndcg@10", "map", "recall@10", "p@5")


def rank_order(scores: npt.ArrayLike) -> npt.NDArray[np.intp]:
    """Indices of the pool, best first; ties keep pool order.

    >>> rank_order([0.2, 0.9, 0.2]).tolist()
    [1, 0, 2]
    """
    order: npt.NDArray[np.intp] = np.argsort(-np.asarray(scores, dtype=float), kind="stable")
    return order


def _discounts(n: int) -> FloatArray:
    out: FloatArray = 1.0 / np.log2(np.arange(2, n + 2, dtype=float))
    return out


def ndcg_at_k(ranked_gains: npt.ArrayLike, all_gains: npt.ArrayLike, k: int) -> float:
    """NDCG@k of a ranking given the gains in ranked order and every gain in the pool.

    >>> ndcg_at_k([1, 0], [1, 0], 10)
    1.0
    """
    ranked = np.asarray(ranked_gains, dtype=float)[:k]
    ideal = np.sort(np.asarray(all_gains, dtype=float))[::-1][:k]
    idcg = float(ideal @ _discounts(len(ideal)))
    if idcg <= 0:
        raise ValueError("NDCG is undefined for a query with no relevant document")
    return float(ranked @ _discounts(len(ranked))) / idcg


def average_precision(ranked_relevant: npt.ArrayLike, n_relevant: int | None = None) -> float:
    """AP: the mean precision at the ranks of the relevant documents (``n_relevant`` of them in all).

    >>> round(average_precision([1, 0, 1]), 4)
    0.8333
    """
    rel = np.asarray(ranked_relevant, dtype=bool)
    total = int(rel.sum()) if n_relevant is None else n_relevant
    if total <= 0:
        raise ValueError("AP is undefined for a query with no relevant document")
    hits = np.cumsum(rel)
    ranks = np.arange(1, len(rel) + 1)
    return float((hits[rel] / ranks[rel]).sum()) / total


def recall_at_k(ranked_relevant: npt.ArrayLike, k: int, n_relevant: int | None = None) -> float:
    """Share of the relevant documents found in the top ``k``.

    >>> recall_at_k([1, 0, 1, 1], 2)
    0.3333333333333333
    """
    rel = np.asarray(ranked_relevant, dtype=bool)
    total = int(rel.sum()) if n_relevant is None else n_relevant
    if total <= 0:
        raise ValueError("recall is undefined for a query with no relevant document")
    return float(rel[:k].sum()) / total


def precision_at_k(ranked_relevant: npt.ArrayLike, k: int) -> float:
    """Share of the top ``k`` that is relevant (a pool shorter than ``k`` still divides by ``k``).

    >>> precision_at_k([1, 0, 1, 1, 0, 1], 5)
    0.6
    """
    rel = np.asarray(ranked_relevant, dtype=bool)
    return float(rel[:k].sum()) / k


def query_metrics(
    scores: npt.ArrayLike, gains: npt.ArrayLike, graded_gains: npt.ArrayLike | None = None
) -> dict[str, float]:
    """Every metric of ``METRICS`` for one query's scores over the pool."""
    g = np.asarray(gains, dtype=float)
    gg = g if graded_gains is None else np.asarray(graded_gains, dtype=float)
    order = rank_order(scores)
    relevant = g >= 1.0
    n_rel = int(relevant.sum())
    ranked_rel = relevant[order]
    return {
        "ndcg@10": ndcg_at_k(g[order], g, 10),
        "graded_ndcg@10": ndcg_at_k(gg[order], gg, 10),
        "map": average_precision(ranked_rel, n_rel),
        "recall@10": recall_at_k(ranked_rel, 10, n_rel),
        "p@5": precision_at_k(ranked_rel, 5),
    }


def paired_bootstrap(
    a: Sequence[float] | FloatArray,
    b: Sequence[float] | FloatArray,
    *,
    resamples: int = 10_000,
    seed: int = 0,
    level: float = 0.95,
) -> dict[str, float]:
    """Mean of ``a - b`` over paired queries with a percentile bootstrap interval.

    Queries are resampled with replacement ``resamples`` times (``numpy.random.default_rng(seed)``);
    the interval is the ``(1 - level) / 2`` and ``(1 + level) / 2`` quantiles of the resampled means.

    >>> r = paired_bootstrap([0.5, 0.6, 0.7], [0.5, 0.6, 0.7])
    >>> r["mean"], r["low"], r["high"]
    (0.0, 0.0, 0.0)
    """
    x = np.asarray(a, dtype=float)
    y = np.asarray(b, dtype=float)
    if x.shape != y.shape or x.ndim != 1 or len(x) == 0:
        raise ValueError("paired_bootstrap needs two 1-d arrays of the same non-zero length")
    diff = x - y
    rng = np.random.default_rng(seed)
    means = np.empty(resamples)
    chunk = max(1, 2_000_000 // len(diff))  # bound the index matrix's memory
    for start in range(0, resamples, chunk):
        n = min(chunk, resamples - start)
        idx = rng.integers(0, len(diff), size=(n, len(diff)))
        means[start : start + n] = diff[idx].mean(axis=1)
    low, high = np.quantile(means, [(1 - level) / 2, (1 + level) / 2])
    return {
        "mean": float(diff.mean()),
        "low": float(low),
        "high": float(high),
        "p_not_above_zero": float((means <= 0).mean()),
        "queries": len(diff),
    }


def summarize(per_query: Sequence[dict[str, float]]) -> dict[str, Any]:
    """Mean of each metric over the queries (all seeds pooled)."""
    return {m: float(np.mean([q[m] for q in per_query])) for m in METRICS} | {"queries": len(per_query)}
