"""Scoring: Fellegi-Sunter match weights learned without labels, and an optional supervised scorer.

For each comparison level, ``m`` is the probability of that level among true matches and ``u``
among non-matches; a pair's match weight is ``log2(prior odds) + sum(log2(m / u))`` and its
probability ``1 / (1 + 2**-weight)``. As in Splink, ``u`` is estimated from random record pairs
(almost all non-matches) and ``m`` with expectation-maximisation over the blocked pairs, so no
labels are needed. Term-frequency adjustment replaces ``u`` at the exact level by the frequency
of the value itself: agreeing on "John Smith" is worth less than agreeing on "Zoltan Kovacs".

Examples
--------
>>> import numpy as np
>>> from skillmatch.linkage.comparisons import ComparisonVectors
>>> vec = ComparisonVectors(left=np.array([0, 0]), right=np.array([1, 2]),
...                         levels=np.array([[0], [1]], dtype=np.int8), names=("email",),
...                         labels=(("exact", "different"),))
>>> model = FellegiSunterModel(names=("email",), labels=(("exact", "different"),),
...                            m=((0.9, 0.1),), u=((0.001, 0.999),), prior=0.01)
>>> scored = score(vec, model)
>>> [round(p, 3) for p in scored.probability.tolist()]
[0.901, 0.001]
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from skillmatch.errors import InvalidArgumentError
from skillmatch.linkage.comparisons import MISSING, Comparison, ComparisonVectors, compare
from skillmatch.linkage.records import RecordTable
from skillmatch.models import LevelWeight, PairScore

if TYPE_CHECKING:
    from numpy.typing import NDArray

__all__ = [
    "FellegiSunterModel",
    "ScoredPairs",
    "estimate_u",
    "train",
    "score",
    "SupervisedScorer",
]

_FLOOR = 1e-6
_U_FLOOR = 1e-7


@dataclass(frozen=True)
class FellegiSunterModel:
    """The parameters of a Fellegi-Sunter model: per comparison, m and u per level, and the prior.

    ``tf`` maps a comparison index to the frequency of each value (share of records), used to
    adjust the exact level. The model is plain data: :meth:`to_dict` / :meth:`from_dict` store it
    as JSON (the incremental index keeps it in its SQLite file).
    """

    names: tuple[str, ...]
    labels: tuple[tuple[str, ...], ...]
    m: tuple[tuple[float, ...], ...]
    u: tuple[tuple[float, ...], ...]
    prior: float
    tf: Mapping[int, Mapping[str, float]] = field(default_factory=dict)
    tf_min: float = 0.0
    max_weights: tuple[float | None, ...] = ()

    def weights(self) -> list[NDArray[np.float64]]:
        """log2(m / u) per comparison and level (capped where the comparison says so)."""
        out = []
        for c, (m, u) in enumerate(zip(self.m, self.u, strict=True)):
            w = np.log2(np.maximum(np.asarray(m), _FLOOR) / np.maximum(np.asarray(u), _U_FLOOR))
            cap = self.max_weights[c] if c < len(self.max_weights) else None
            out.append(np.minimum(w, cap) if cap is not None else w)
        return out

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready parameters.

        >>> FellegiSunterModel(("a",), (("x", "y"),), ((0.9, 0.1),), ((0.1, 0.9),), 0.5).to_dict()["prior"]
        0.5
        """
        return {
            "names": list(self.names),
            "labels": [list(x) for x in self.labels],
            "m": [list(x) for x in self.m],
            "u": [list(x) for x in self.u],
            "prior": self.prior,
            "tf": {str(k): dict(v) for k, v in self.tf.items()},
            "tf_min": self.tf_min,
            "max_weights": list(self.max_weights),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FellegiSunterModel:
        """The model :meth:`to_dict` wrote."""
        return cls(
            names=tuple(data["names"]),
            labels=tuple(tuple(x) for x in data["labels"]),
            m=tuple(tuple(float(v) for v in x) for x in data["m"]),
            u=tuple(tuple(float(v) for v in x) for x in data["u"]),
            prior=float(data["prior"]),
            tf={int(k): dict(v) for k, v in data.get("tf", {}).items()},
            tf_min=float(data.get("tf_min", 0.0)),
            max_weights=tuple(data.get("max_weights", ())),
        )


@dataclass(frozen=True)
class ScoredPairs:
    """Scores of compared pairs: probability, total match weight and each comparison's weight."""

    vectors: ComparisonVectors
    probability: NDArray[np.float64]
    match_weight: NDArray[np.float64]
    contributions: NDArray[np.float64]  # (pairs, comparisons)

    def __len__(self) -> int:
        return len(self.probability)

    def pair(self, k: int, ids: Sequence[str]) -> PairScore:
        """Pair ``k`` as a :class:`~skillmatch.models.PairScore` with each compared attribute's level and weight."""
        vec = self.vectors
        # Comparisons with a value missing on either side add nothing and are left out.
        weights = self.contributions[k].tolist()
        levels = tuple(
            LevelWeight(comparison=name, level=vec.labels[c][lv], weight=round(weights[c], 3))
            for c, (name, lv) in enumerate(zip(vec.names, vec.levels[k].tolist(), strict=True))
            if lv != MISSING
        )
        return PairScore(
            left_id=ids[int(vec.left[k])],
            right_id=ids[int(vec.right[k])],
            probability=float(self.probability[k]),
            match_weight=round(float(self.match_weight[k]), 3),
            levels=levels,
        )


def _level_frequencies(
    levels: NDArray[np.int8],
    n_levels: int,
    weights: NDArray[np.float64] | None = None,
    prior: Sequence[float] = (),
    strength: float = 0.0,
) -> NDArray[np.float64]:
    """Share of each level among the present values, blended with ``prior`` worth ``strength`` pairs."""
    present = levels != MISSING
    counts = np.bincount(
        levels[present].astype(np.int64), weights=None if weights is None else weights[present], minlength=n_levels
    ).astype(np.float64)
    return _blend(counts, prior, strength)


def _random_pairs(table: RecordTable, sample_pairs: int, seed: int) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    n = len(table)
    total = n * (n - 1) // 2
    if total <= sample_pairs:
        left, right = np.triu_indices(n, k=1)
        return left.astype(np.int64), right.astype(np.int64)
    rng = np.random.default_rng(seed)
    left = rng.integers(0, n, size=sample_pairs)
    right = rng.integers(0, n - 1, size=sample_pairs)
    return left.astype(np.int64), np.where(right >= left, right + 1, right).astype(np.int64)


def _level_counts(
    table: RecordTable, comparisons: Sequence[Comparison], sample_pairs: int, seed: int
) -> list[NDArray[np.float64]]:
    """How often each level occurs among random record pairs (present values only)."""
    if len(table) < 2:
        return [np.zeros(len(c.labels)) for c in comparisons]
    vec = compare(table, _random_pairs(table, sample_pairs, seed), comparisons)
    out = []
    for c, comp in enumerate(comparisons):
        lv = vec.levels[:, c]
        out.append(np.bincount(lv[lv != MISSING].astype(np.int64), minlength=len(comp.labels)).astype(np.float64))
    return out


def _blend(counts: NDArray[np.float64], prior: Sequence[float], strength: float) -> NDArray[np.float64]:
    if len(prior) == len(counts) and strength > 0:
        counts = counts + strength * np.asarray(prior, dtype=np.float64)
    else:
        counts = counts + 0.5
    return np.asarray(counts / counts.sum(), dtype=np.float64)


def estimate_u(
    table: RecordTable,
    comparisons: Sequence[Comparison],
    *,
    sample_pairs: int = 200_000,
    seed: int = 0,
    prior_strength: float = 0.0,
) -> tuple[tuple[float, ...], ...]:
    """u probabilities from random record pairs (nearly all of which are different people).

    ``prior_strength`` pairs' worth of each comparison's ``u_prior`` are blended in.

    >>> from skillmatch.linkage.comparisons import ExactComparison
    >>> t = RecordTable.from_columns(list("abcd"), {"s": ["x", "x", "y", "z"]})
    >>> [round(x, 2) for x in estimate_u(t, [ExactComparison("s")], sample_pairs=1000)[0]]
    [0.21, 0.79]
    """
    counts = _level_counts(table, comparisons, sample_pairs, seed)
    return tuple(
        tuple(float(x) for x in _blend(k, _prior(comp, "u"), prior_strength))
        for k, comp in zip(counts, comparisons, strict=True)
    )


def _prior(comparison: Comparison, kind: str) -> tuple[float, ...]:
    values = tuple(getattr(comparison, f"{kind}_prior", ()) or ())
    return values if len(values) == len(comparison.labels) else ()


_TF_PRIOR_RECORDS = 1000


def _term_frequencies(
    table: RecordTable, comparisons: Sequence[Comparison], u: Sequence[NDArray[np.float64]]
) -> dict[int, dict[str, float]]:
    """Each value's share of the records, shrunk towards the average share.

    A random record's value has, on average, the share ``u`` of the exact level; a batch of a few
    records says little about how common a name is (two "Ana Ruiz" among seven records are not a
    common name), so ``_TF_PRIOR_RECORDS`` records' worth of that average is blended in.
    """
    out: dict[int, dict[str, float]] = {}
    n = len(table)
    for c, comp in enumerate(comparisons):
        if comp.tf_column:
            average = float(u[c][0])
            counts = Counter(str(v) for v in table.column(comp.tf_column) if v)
            out[c] = {
                value: (count + _TF_PRIOR_RECORDS * average) / (n + _TF_PRIOR_RECORDS)
                for value, count in counts.items()
            }
    return out


def _em(
    levels: NDArray[np.int8],
    m: list[NDArray[np.float64]],
    u: list[NDArray[np.float64]],
    *,
    learn: Sequence[bool],
    priors: Sequence[tuple[float, ...]],
    fixed: Sequence[tuple[tuple[int, float], ...]],
    strength: float,
    iterations: int,
) -> list[NDArray[np.float64]]:
    """Expectation-maximisation of m (for the comparisons in ``learn``) and the share of matches.

    Starts from few matches and m concentrated on agreement, the side of the likelihood where
    the matches are (starting at half and half can settle on "same city" as the match class).
    """
    share = 0.05
    m = [x.copy() for x in m]
    for _ in range(iterations):
        log_ratio = np.full(len(levels), math.log(share / (1 - share)))
        for c in range(len(m)):
            if not learn[c]:  # what the pairs were blocked on agrees by construction: no evidence
                continue
            lv = levels[:, c]
            present = lv != MISSING
            log_ratio[present] += np.log(np.maximum(m[c], _FLOOR) / np.maximum(u[c], _FLOOR))[lv[present]]
        post = 1 / (1 + np.exp(-np.clip(log_ratio, -60, 60)))
        share = float(np.clip(post.mean(), 1e-6, 1 - 1e-6))
        delta = 0.0
        for c in range(len(m)):
            if learn[c]:
                new = _with_fixed(_level_frequencies(levels[:, c], len(m[c]), post, priors[c], strength), fixed[c])
                delta = max(delta, float(np.abs(new - m[c]).max()))
                m[c] = new
        if delta < 1e-5:
            break
    return m


def train(
    table: RecordTable,
    vectors: ComparisonVectors,
    comparisons: Sequence[Comparison],
    *,
    pair_rules: Sequence[NDArray[np.bool_]] = (),
    rule_columns: Sequence[Sequence[str]] = (),
    iterations: int = 40,
    sample_pairs: int = 200_000,
    term_frequency: bool = True,
    seed: int = 0,
    prior_strength: float = 50.0,
) -> FellegiSunterModel:
    """Estimate a model without labels, the way Splink does.

    1. u from random record pairs (:func:`estimate_u`).
    2. m by expectation-maximisation, once per blocking rule over the pairs that rule produced
       (``pair_rules[r]`` marks the pairs rule r produced, ``rule_columns[r]`` what it reads): the
       comparisons a rule blocks on agree by construction in its pairs, so their m is not learnt
       there; each comparison's m is the mean over the rules that could learn it.
    3. The prior: the share of all record pairs that match, ``sum(posterior) / (n(n-1)/2)``,
       iterated to a fixed point over the blocked pairs (the pairs blocking left out are taken
       as non-matches).

    Parameters
    ----------
    prior_strength : float
        How many pairs' worth of weight the comparisons' ``m_prior``/``u_prior`` carry against
        the data (small batches lean on them; large ones on their data).
    """
    if len(comparisons) != vectors.levels.shape[1]:
        raise InvalidArgumentError(
            "comparisons", expected=f"{vectors.levels.shape[1]} comparisons", got=len(comparisons)
        )
    from skillmatch.linkage.comparisons import columns_of

    # u describes the population, which a small batch says little about: its prior weighs more.
    u_strength = 20 * prior_strength
    u_counts = _level_counts(table, comparisons, sample_pairs, seed)
    u_priors = [_prior(c, "u") for c in comparisons]
    u = [np.maximum(_blend(k, p, u_strength), _FLOOR) for k, p in zip(u_counts, u_priors, strict=True)]
    n_levels = [len(c.labels) for c in comparisons]
    priors = [_prior(c, "m") for c in comparisons]
    fixed = [tuple(getattr(c, "m_fixed", ()) or ()) for c in comparisons]
    start = [
        _with_fixed(np.asarray(p, dtype=np.float64) / sum(p) if p else _geometric(k), f)
        for p, k, f in zip(priors, n_levels, fixed, strict=True)
    ]
    levels = vectors.levels
    sessions: list[tuple[NDArray[np.bool_], frozenset[str]]] = []
    if len(pair_rules) and len(rule_columns):
        for mask, rule_cols in zip(pair_rules, rule_columns, strict=True):
            sessions.append((np.asarray(mask, dtype=bool), frozenset(rule_cols)))
    else:
        sessions.append((np.ones(len(levels), dtype=bool), frozenset()))
    estimates: list[list[NDArray[np.float64]]] = [[] for _ in comparisons]
    for mask, cols in sessions:
        if mask.sum() < 10:
            continue
        learn = [not (columns_of(c) & cols) for c in comparisons]
        fitted = _em(
            levels[mask],
            start,
            u,
            learn=learn,
            priors=priors,
            fixed=fixed,
            strength=prior_strength,
            iterations=iterations,
        )
        for c in range(len(comparisons)):
            if learn[c]:
                estimates[c].append(fitted[c])
    m = [_with_fixed(np.mean(est, axis=0), fixed[c]) if est else start[c] for c, est in enumerate(estimates)]
    # The prior over all record pairs, to a fixed point.
    n = len(table)
    total = max(n * (n - 1) // 2, 1)
    weights = np.zeros(len(levels))
    for c in range(len(comparisons)):
        lv = levels[:, c]
        present = lv != MISSING
        weights[present] += np.log2(np.maximum(m[c], _FLOOR) / u[c])[lv[present]]
    prior = min(0.5, max(len(levels) / total / 2, 1.0 / total))
    for _ in range(50):
        post = 1 / (1 + np.exp2(-np.clip(weights + math.log2(prior / (1 - prior)), -60, 60)))
        new = float(np.clip(post.sum() / total, 1.0 / (total * 10), 0.5))
        if abs(new - prior) <= 1e-3 * prior:
            prior = new
            break
        prior = new
    # Random pairs include a few true matches (a share ``prior`` of them); take them out of u.
    u = [
        np.maximum(_blend(np.maximum(k - prior * mc * k.sum(), 0.0), p, u_strength), _U_FLOOR)
        for k, mc, p in zip(u_counts, m, u_priors, strict=True)
    ]
    tf = _term_frequencies(table, comparisons, u) if term_frequency else {}
    return FellegiSunterModel(
        names=tuple(c.name for c in comparisons),
        labels=tuple(tuple(c.labels) for c in comparisons),
        m=tuple(tuple(float(x) for x in arr) for arr in m),
        u=tuple(tuple(float(x) for x in arr) for arr in u),
        prior=prior,
        tf=tf,
        tf_min=1.0 / max(len(table), 1),
        max_weights=tuple(getattr(c, "max_weight", None) for c in comparisons),
    )


def _with_fixed(m: NDArray[np.float64], fixed: tuple[tuple[int, float], ...]) -> NDArray[np.float64]:
    """``m`` with some levels set to given values and the others rescaled to fill the rest."""
    if not fixed:
        return m
    out = m.copy()
    levels = [level for level, _ in fixed]
    free = np.ones(len(m), dtype=bool)
    free[levels] = False
    rest = 1.0 - sum(value for _, value in fixed)
    out[free] = m[free] / max(m[free].sum(), _FLOOR) * rest
    for level, value in fixed:
        out[level] = value
    return out


def _geometric(k: int) -> NDArray[np.float64]:
    x = np.array([0.2**i for i in range(k)], dtype=np.float64)
    return np.asarray(x / x.sum(), dtype=np.float64)


def score(vectors: ComparisonVectors, model: FellegiSunterModel) -> ScoredPairs:
    """Match weight and probability of every compared pair, with each comparison's contribution."""
    if vectors.names != model.names:
        raise InvalidArgumentError("model", expected=f"a model for comparisons {vectors.names}", got=str(model.names))
    weights = model.weights()
    contributions = np.zeros(vectors.levels.shape, dtype=np.float64)
    for c, w in enumerate(weights):
        lv = vectors.levels[:, c]
        present = lv != MISSING
        contributions[present, c] = w[lv[present]]
        freq = model.tf.get(c)
        if freq and c in vectors.tf_values:
            exact = np.flatnonzero(lv == 0)
            if len(exact):
                u_exact = model.u[c][0]
                values = vectors.tf_values[c][exact]
                f = np.array([freq.get(str(v), model.tf_min) for v in values], dtype=np.float64)
                # Splink's adjustment: the exact level's u becomes the value's own frequency.
                contributions[exact, c] += np.log2(u_exact / np.maximum(f, model.tf_min or _FLOOR))
    total = math.log2(model.prior / (1 - model.prior)) + contributions.sum(axis=1)
    probability = 1 / (1 + np.exp2(-np.clip(total, -60, 60)))
    return ScoredPairs(vectors, probability, total, contributions)


class SupervisedScorer:
    """An optional learned pair scorer: logistic regression on one-hot comparison levels.

    Fit it on labelled pairs (an ATS's past merge decisions); its per-level coefficients play
    the part of match weights, so every score still comes with contributions.

    >>> import numpy as np
    >>> from skillmatch.linkage.comparisons import ComparisonVectors
    >>> lv = np.array([[0], [0], [1], [1]], dtype=np.int8)
    >>> vec = ComparisonVectors(np.arange(4), np.arange(4) + 1, lv, ("email",), (("exact", "different"),))
    >>> scorer = SupervisedScorer().fit(vec, [1, 1, 0, 0])
    >>> s = scorer.score(vec)
    >>> bool(s.probability[0] > 0.5 > s.probability[2])
    True
    """

    def __init__(self, *, regularization: float = 1.0) -> None:
        self.regularization = regularization
        self._coef: list[NDArray[np.float64]] = []
        self._intercept = 0.0

    @staticmethod
    def _features(vectors: ComparisonVectors) -> NDArray[np.float64]:
        blocks = []
        for c, labels in enumerate(vectors.labels):
            lv = vectors.levels[:, c]
            onehot = np.zeros((len(lv), len(labels)), dtype=np.float64)
            present = lv != MISSING
            onehot[np.flatnonzero(present), lv[present].astype(np.int64)] = 1.0
            blocks.append(onehot)
        return np.hstack(blocks) if blocks else np.zeros((len(vectors), 0))

    def fit(self, vectors: ComparisonVectors, labels: Sequence[int]) -> SupervisedScorer:
        """Learn from pairs labelled 1 (same person) or 0."""
        from sklearn.linear_model import LogisticRegression

        y = np.asarray(labels)
        if len(y) != len(vectors) or len(set(y.tolist())) < 2:
            raise InvalidArgumentError("labels", expected="one 0/1 label per pair, both classes present", got=len(y))
        model = LogisticRegression(C=self.regularization, max_iter=1000)
        model.fit(self._features(vectors), y)
        coef = model.coef_[0]
        self._coef, start = [], 0
        for labels_ in vectors.labels:
            self._coef.append(coef[start : start + len(labels_)] / math.log(2))
            start += len(labels_)
        self._intercept = float(model.intercept_[0]) / math.log(2)
        return self

    def score(self, vectors: ComparisonVectors) -> ScoredPairs:
        """Scores in the same form as :func:`score` (weights in bits of log-odds)."""
        if not self._coef:
            raise InvalidArgumentError("scorer", expected="a fitted SupervisedScorer (call fit first)", got="unfitted")
        contributions = np.zeros(vectors.levels.shape, dtype=np.float64)
        for c, coef in enumerate(self._coef):
            lv = vectors.levels[:, c]
            present = lv != MISSING
            contributions[present, c] = coef[lv[present]]
        total = self._intercept + contributions.sum(axis=1)
        return ScoredPairs(vectors, 1 / (1 + np.exp2(-np.clip(total, -60, 60))), total, contributions)
