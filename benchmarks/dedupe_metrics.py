"""Deduplication metrics: pairwise, clustered and B-cubed precision / recall / F1, and blocking quality.

Everything is counted from integer codes and cluster contingency tables, never by listing the
O(n^2) pairs of a cluster, so 100,000 records with clusters of any size cost milliseconds. Only
numpy is needed (no pandas), so the tests run without the ``bench`` extra.

Definitions (the ones Splink uses when it reports "pairwise" and "clustered" F1):

* **pairwise**: the scored pairs with ``probability >= threshold`` (unordered, self-pairs and
  repeats dropped) against the true pairs, i.e. every pair of records of the same entity.
* **clustered**: the pairs implied by the predicted clusters (every two records put in the same
  cluster) against the true pairs. Connected components turn A~B, B~C into the pair A-C too, so
  this can be lower or higher than pairwise.
* **B-cubed** (Bagga and Baldwin 1998): per record, precision = |its predicted cluster ∩ its true
  cluster| / |its predicted cluster|, recall the same over its true cluster, averaged over records.
  Singletons count, so it is kinder than pair counts to sets with many singletons.
* **linkage** (two files, FEBRL4): only pairs with one record from each source count, for the
  predicted pairs, the cluster-implied pairs and the true pairs alike; B-cubed uses all records.
* **blocking**: pairs completeness = true pairs among the candidate pairs / all true pairs;
  reduction ratio = 1 - candidate pairs / all possible pairs.

Conventions: precision with no predicted pairs is 1.0 (nothing wrong was claimed), recall with no
true pairs is 1.0, F1 is 0.0 when both are 0.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int

    def as_dict(self) -> dict[str, Any]:
        return {k: (round(v, 6) if isinstance(v, float) else v) for k, v in asdict(self).items()}


def prf(tp: int, predicted: int, actual: int) -> Scores:
    """Precision, recall and F1 from true positives, predicted positives and actual positives."""
    precision = tp / predicted if predicted else 1.0
    recall = tp / actual if actual else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, int(tp), int(predicted - tp), int(actual - tp))


def _codes(values: Iterable[Hashable]) -> IntArray:
    """Dense integer codes for arbitrary hashable labels, in order of first appearance."""
    seen: dict[Hashable, int] = {}
    return np.fromiter((seen.setdefault(v, len(seen)) for v in values), dtype=np.int64)


def _pairs2(n: IntArray) -> int:
    return int((n * (n - 1) // 2).sum())


class Truth:
    """The true entity of every record, encoded once, with the optional source (for linkage).

    ``truth`` maps record id -> entity (a dict or a pandas Series indexed by id); ``source`` maps
    record id -> source for a two-file linkage task, where only cross-source pairs count.
    """

    def __init__(self, truth: Mapping[str, Hashable], source: Mapping[str, Hashable] | None = None) -> None:
        items = list(truth.items())
        self.ids = np.array([str(k) for k, _ in items])
        order = np.argsort(self.ids, kind="stable")
        self._sorted_ids = self.ids[order]
        self._sorted_pos = order.astype(np.int64)
        if len(self._sorted_ids) > 1 and (self._sorted_ids[1:] == self._sorted_ids[:-1]).any():
            raise ValueError("record ids must be unique")
        self.entity = _codes(v for _, v in items)
        self.source: IntArray | None = None
        if source is not None:
            self.source = _codes(source[str(k)] for k, _ in items)
            if len(np.unique(self.source)) != 2:
                raise ValueError("a linkage task needs exactly two sources")
        self.n = len(items)

    @property
    def is_link(self) -> bool:
        return self.source is not None

    def positions(self, ids: Sequence[str] | npt.NDArray[Any]) -> IntArray:
        """Row positions of record ids (vectorised; unknown ids raise)."""
        arr = np.asarray(ids).astype(str)
        if arr.size == 0:
            return np.zeros(0, dtype=np.int64)
        at = np.searchsorted(self._sorted_ids, arr)
        at = np.minimum(at, len(self._sorted_ids) - 1)
        bad = self._sorted_ids[at] != arr
        if bad.any():
            raise KeyError(f"unknown record ids, e.g. {arr[bad][:3].tolist()}")
        return self._sorted_pos[at]

    def true_pairs(self) -> int:
        """Number of true (matching) pairs: within entities, or across sources for linkage."""
        if self.source is None:
            return _pairs2(np.bincount(self.entity))
        counts = np.zeros((int(self.entity.max()) + 1, 2), dtype=np.int64)
        np.add.at(counts, (self.entity, self.source), 1)
        return int((counts[:, 0] * counts[:, 1]).sum())

    def possible_pairs(self) -> int:
        if self.source is None:
            return self.n * (self.n - 1) // 2
        a = int((self.source == 0).sum())
        return a * (self.n - a)

    def normalise_pairs(
        self, left: Sequence[str] | npt.NDArray[Any], right: Sequence[str] | npt.NDArray[Any]
    ) -> tuple[IntArray, IntArray, IntArray]:
        """Positions of unordered distinct pairs (self-pairs, repeats and, for linkage,
        same-source pairs dropped), and the index of each kept pair in the input."""
        a, b = self.positions(left), self.positions(right)
        if len(a) != len(b):
            raise ValueError("left and right must have the same length")
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        keep = lo != hi
        if self.source is not None:
            keep &= self.source[lo] != self.source[hi]
        idx = np.flatnonzero(keep)
        key = lo[idx] * self.n + hi[idx]
        _, first = np.unique(key, return_index=True)
        idx = idx[np.sort(first)]
        return lo[idx], hi[idx], idx


def pairwise_scores(
    truth: Truth,
    left: Sequence[str] | npt.NDArray[Any],
    right: Sequence[str] | npt.NDArray[Any],
    probabilities: Sequence[float] | npt.NDArray[Any] | None = None,
    threshold: float = 0.5,
) -> Scores:
    """Pairs with ``probability >= threshold`` (all given pairs if ``probabilities`` is None) vs the true pairs.

    A pair listed twice counts once, with its highest probability.
    """
    a, b, idx = _scored_pairs(truth, left, right, probabilities)
    if probabilities is not None:
        p = np.asarray(probabilities, dtype=float)[idx]
        sel = p >= threshold
        a, b = a[sel], b[sel]
    tp = int((truth.entity[a] == truth.entity[b]).sum())
    return prf(tp, len(a), truth.true_pairs())


def _scored_pairs(
    truth: Truth,
    left: Sequence[str] | npt.NDArray[Any],
    right: Sequence[str] | npt.NDArray[Any],
    probabilities: Sequence[float] | npt.NDArray[Any] | None,
) -> tuple[IntArray, IntArray, IntArray]:
    if probabilities is None:
        return truth.normalise_pairs(left, right)
    # Keep the highest probability of a repeated pair: sort by descending probability first.
    p = np.asarray(probabilities, dtype=float)
    order = np.argsort(-p, kind="stable")
    a, b, idx = truth.normalise_pairs(np.asarray(left)[order], np.asarray(right)[order])
    return a, b, order[idx]


def best_threshold(
    truth: Truth,
    left: Sequence[str] | npt.NDArray[Any],
    right: Sequence[str] | npt.NDArray[Any],
    probabilities: Sequence[float] | npt.NDArray[Any],
) -> dict[str, Any]:
    """The threshold with the highest pairwise F1 (an oracle: it reads the truth; for diagnosis only)."""
    a, b, idx = _scored_pairs(truth, left, right, probabilities)
    p = np.asarray(probabilities, dtype=float)[idx]
    if len(p) == 0:
        return {"threshold": None, **prf(0, 0, truth.true_pairs()).as_dict()}
    order = np.argsort(-p, kind="stable")
    p, hit = p[order], (truth.entity[a] == truth.entity[b])[order]
    tp = np.cumsum(hit)
    # Only cut between distinct probabilities: the last index of each run of equal values.
    last = np.flatnonzero(np.append(p[1:] != p[:-1], True))
    actual = truth.true_pairs()
    predicted = last + 1
    precision = tp[last] / predicted
    recall = tp[last] / actual if actual else np.ones(len(last))
    with np.errstate(invalid="ignore", divide="ignore"):
        f1 = np.where(precision + recall > 0, 2 * precision * recall / (precision + recall), 0.0)
    k = int(np.argmax(f1))
    return {"threshold": round(float(p[last[k]]), 6), **prf(int(tp[last[k]]), int(predicted[k]), actual).as_dict()}


def cluster_scores(truth: Truth, labels: Mapping[str, Hashable]) -> dict[str, Any]:
    """Clustered (pairs implied by the clusters) and B-cubed scores of predicted cluster labels.

    ``labels`` maps record id -> cluster label; a record it leaves out is a singleton. Ids not in
    the truth raise.
    """
    pred = np.full(truth.n, -1, dtype=np.int64)
    if labels:
        pos = truth.positions(list(labels.keys()))
        pred[pos] = _codes(labels.values())
    missing = pred < 0
    if missing.any():  # singletons get fresh labels
        pred[missing] = pred.max(initial=-1) + 1 + np.arange(int(missing.sum()))
    ent = truth.entity
    # Contingency cells (predicted cluster, true entity) with their sizes.
    cell_key = pred * (int(ent.max()) + 1) + ent
    cells, cell_of = np.unique(cell_key, return_inverse=True)
    n_cell = np.bincount(cell_of)
    cell_pred = cells // (int(ent.max()) + 1)
    cell_true = cells % (int(ent.max()) + 1)
    n_pred = np.bincount(pred)
    n_true = np.bincount(ent)
    if truth.source is None:
        tp, predicted, actual = _pairs2(n_cell), _pairs2(n_pred), _pairs2(n_true)
    else:
        src = truth.source
        cell_a = np.bincount(cell_of, weights=(src == 0)).astype(np.int64)
        pred_a = np.bincount(pred, weights=(src == 0)).astype(np.int64)
        tp = int((cell_a * (n_cell - cell_a)).sum())
        predicted = int((pred_a * (n_pred - pred_a)).sum())
        actual = truth.true_pairs()
    pairs = prf(tp, predicted, actual)
    # B-cubed over all records: each cell contributes n_ij * (n_ij / |C_i|) to precision.
    b3_p = float((n_cell * n_cell / n_pred[cell_pred]).sum() / truth.n) if truth.n else 1.0
    b3_r = float((n_cell * n_cell / n_true[cell_true]).sum() / truth.n) if truth.n else 1.0
    b3_f = 2 * b3_p * b3_r / (b3_p + b3_r) if b3_p + b3_r else 0.0
    return {
        "pairs": pairs.as_dict(),
        "bcubed": {"precision": round(b3_p, 6), "recall": round(b3_r, 6), "f1": round(b3_f, 6)},
        "predicted_clusters": len(n_pred[n_pred > 0]),
        "true_clusters": len(n_true[n_true > 0]),
        "largest_predicted_cluster": int(n_pred.max()) if len(n_pred) else 0,
    }


def blocking_scores(
    truth: Truth, left: Sequence[str] | npt.NDArray[Any], right: Sequence[str] | npt.NDArray[Any]
) -> dict[str, Any]:
    """Pairs completeness and reduction ratio of a candidate pair set (the pairs a system compared)."""
    a, b, _ = truth.normalise_pairs(left, right)
    found = int((truth.entity[a] == truth.entity[b]).sum())
    actual, possible = truth.true_pairs(), truth.possible_pairs()
    return {
        "candidate_pairs": len(a),
        "true_pairs_found": found,
        "pairs_completeness": round(found / actual, 6) if actual else 1.0,
        "reduction_ratio": round(1 - len(a) / possible, 6) if possible else 1.0,
    }


def connected_components(ids: Sequence[str], left: Sequence[str], right: Sequence[str]) -> dict[str, int]:
    """Cluster labels from an edge list by union-find (every id gets a label; isolated ids are singletons)."""
    index = {v: i for i, v in enumerate(ids)}
    parent = list(range(len(ids)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for u, v in zip(left, right, strict=True):
        ru, rv = find(index[u]), find(index[v])
        if ru != rv:
            parent[max(ru, rv)] = min(ru, rv)
    return {v: find(i) for i, v in enumerate(ids)}
