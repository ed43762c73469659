"""The whole deduplication: records -> blocking -> comparisons -> scores -> clusters -> merged records.

Examples
--------
>>> records = [
...     {"id": "1", "name": "Robert Müller", "emails": ["r.mueller@example.com"], "phones": ["+49 30 1234567"]},
...     {"id": "2", "name": "Bob Mueller", "emails": ["R.Mueller@example.com"], "location": "Berlin"},
...     {"id": "3", "name": "Wei Zhang", "emails": ["wei@example.org"]},
... ]
>>> clusters = dedupe(records)
>>> [c.member_ids for c in clusters]
[('1', '2'), ('3',)]
>>> clusters[0].merged.contact.phones
('+49301234567',)
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from skillmatch.config import DedupeConfig
from skillmatch.linkage.blocking import BlockingRule, Pairs, candidate_pairs, candidate_rules
from skillmatch.linkage.clustering import cluster_ids
from skillmatch.linkage.comparisons import Comparison, ComparisonVectors, candidate_comparisons, compare
from skillmatch.linkage.merging import cluster_id_for, merge
from skillmatch.linkage.normalize import NicknameIndex
from skillmatch.linkage.records import RecordTable, to_records
from skillmatch.linkage.scoring import FellegiSunterModel, ScoredPairs, score, train
from skillmatch.models import CandidateRecord, Cluster, ParseWarning, Profile

if TYPE_CHECKING:
    from numpy.typing import NDArray

__all__ = ["dedupe", "cluster", "Linkage", "link", "link_candidates"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a batch is linked.

    Linking allocates millions of small objects that form no cycles (normalised values, key
    strings, pair records); the collector would scan the growing heap again and again, a third
    of the run time at 100,000 records. Reference counting still frees everything; the previous
    setting is restored on exit.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def cluster(
    scored: ScoredPairs,
    ids: Sequence[str],
    *,
    threshold: float = 0.9,
    cannot_link_weight: float = -10.0,
    max_size: int | None = None,
) -> tuple[Cluster, ...]:
    """Clusters (ids and the pairs that joined them) from scored pairs; every id in exactly one.

    Pairs whose evidence (the sum of their comparisons' weights) is ``cannot_link_weight`` or
    less are kept apart, even through chains of other matches.

    Clusters are sorted by their first member's position in ``ids``.
    """
    groups = cluster_ids(
        ids,
        _triples(scored, ids, threshold),
        threshold=threshold,
        cannot_link=_cannot_links(scored, ids, cannot_link_weight, threshold),
        max_size=max_size,
    )
    return _as_clusters(groups, scored, ids, threshold)


def _triples(scored: ScoredPairs, ids: Sequence[str], threshold: float) -> Iterable[tuple[str, str, float]]:
    rows = np.flatnonzero(scored.probability >= threshold)  # the others cannot link anything
    left, right = scored.vectors.left[rows].tolist(), scored.vectors.right[rows].tolist()
    return ((ids[a], ids[b], p) for a, b, p in zip(left, right, scored.probability[rows].tolist(), strict=True))


def _cannot_links(scored: ScoredPairs, ids: Sequence[str], weight: float, threshold: float) -> list[tuple[str, str]]:
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    vec = scored.vectors
    # A cannot-link matters only between records that strong pairs connect, directly or not.
    strong = scored.probability >= threshold
    n = len(ids)
    graph = coo_matrix((np.ones(int(strong.sum())), (vec.left[strong], vec.right[strong])), shape=(n, n))
    _, component = connected_components(graph, directed=False)
    sizes = np.bincount(component, minlength=1)
    evidence = scored.contributions.sum(axis=1)
    same = (component[vec.left] == component[vec.right]) & (sizes[component[vec.left]] > 1)
    rows = np.flatnonzero((evidence <= weight) & same)
    return [(ids[int(scored.vectors.left[k])], ids[int(scored.vectors.right[k])]) for k in rows]


def _as_clusters(
    groups: Sequence[tuple[str, ...]], scored: ScoredPairs, ids: Sequence[str], threshold: float
) -> tuple[Cluster, ...]:
    """Cluster records with their confidence and the strongest pairs inside (at most size - 1).

    A singleton's confidence is one minus its strongest pair; a larger cluster's is its weakest
    member's strongest link inside, discounted by that member's strongest link outside.
    """
    n = len(ids)
    position = {record_id: i for i, record_id in enumerate(ids)}
    label = np.empty(n, dtype=np.int64)
    for g, members in enumerate(groups):
        label[[position[m] for m in members]] = g
    vec, prob = scored.vectors, scored.probability
    inside = label[vec.left] == label[vec.right]
    best_other = np.zeros(n)
    np.maximum.at(best_other, vec.left[~inside], prob[~inside])
    np.maximum.at(best_other, vec.right[~inside], prob[~inside])
    strong = np.flatnonzero(inside & (prob >= threshold))
    best_inside = np.zeros(n)
    np.maximum.at(best_inside, vec.left[strong], prob[strong])
    np.maximum.at(best_inside, vec.right[strong], prob[strong])
    sizes = np.bincount(label, minlength=len(groups))
    per_record = np.where(sizes[label] == 1, 1.0 - best_other, best_inside * (1.0 - best_other))
    confidence = np.full(len(groups), np.inf)
    np.minimum.at(confidence, label, per_record)
    edges: dict[int, list[int]] = {}
    for k in strong[np.argsort(-prob[strong], kind="stable")].tolist():
        edges.setdefault(int(label[vec.left[k]]), []).append(k)
    return tuple(
        Cluster(
            cluster_id=cluster_id_for(members),
            member_ids=members,
            canonical_id=members[0],
            confidence=round(float(np.clip(confidence[g], 0.0, 1.0)), 6),
            pairs=tuple(scored.pair(k, ids) for k in edges.get(g, ())[: len(members) - 1]),
        )
        for g, members in enumerate(groups)
    )


@dataclass(frozen=True)
class Linkage:
    """Everything one deduplication run produced, for benchmarks and audits.

    ``scored`` holds every compared pair (blocked pairs, plus the pairs compared inside clusters
    for the chain guard); ``model`` the learned parameters; ``clusters`` the result.
    """

    table: RecordTable
    scored: ScoredPairs
    model: FellegiSunterModel
    clusters: tuple[Cluster, ...]
    blocked_pairs: int
    records: tuple[CandidateRecord, ...] = ()


def no_identifiers(record: CandidateRecord) -> bool:
    """A record with no name, e-mail or phone: it stays a singleton (and is never matched)."""
    return not (record.name and record.name.strip()) and not record.emails and not record.phones


def link(
    table: RecordTable,
    *,
    comparisons: Sequence[Comparison],
    rules: Sequence[BlockingRule],
    config: DedupeConfig | None = None,
    model: FellegiSunterModel | None = None,
    exclude: Iterable[int] = (),
    sources: Sequence[str] | None = None,
) -> Linkage:
    """Block, compare, train (unless ``model`` is given), score and cluster the rows of ``table``.

    Works for any records: pass comparisons and rules over the table's columns (the benchmark
    uses it on FEBRL and on the historical-figures set). Rows in ``exclude`` stay singletons.
    ``sources`` (one label per row) turns deduplication into record linkage: only pairs from
    different sources are compared (two files, each free of duplicates).
    """
    with collector_paused():
        return _link(
            table,
            comparisons=comparisons,
            rules=rules,
            config=config or DedupeConfig(),
            model=model,
            exclude=exclude,
            sources=sources,
        )


def train_blocked(
    table: RecordTable,
    vectors: ComparisonVectors,
    pairs: Pairs,
    keep: NDArray[np.bool_],
    *,
    comparisons: Sequence[Comparison],
    rules: Sequence[BlockingRule],
    config: DedupeConfig,
) -> FellegiSunterModel:
    """Train on the compared blocked pairs (``pairs`` filtered by ``keep``), EM per blocking rule,
    with the settings of ``config``: the training step of :func:`link`, shared with the index."""
    return train(
        table,
        vectors,
        comparisons,
        pair_rules=[pairs.produced_by(r)[keep] for r in range(len(rules))],
        rule_columns=[r.columns for r in rules],
        iterations=config.em_iterations,
        sample_pairs=config.u_sample_pairs,
        term_frequency=config.term_frequency,
        seed=config.seed,
    )


def _link(
    table: RecordTable,
    *,
    comparisons: Sequence[Comparison],
    rules: Sequence[BlockingRule],
    config: DedupeConfig,
    model: FellegiSunterModel | None,
    exclude: Iterable[int],
    sources: Sequence[str] | None,
) -> Linkage:
    pairs = candidate_pairs(table, rules, max_block_size=config.max_block_size, window=config.window)
    left, right = pairs.left, pairs.right
    excluded = np.zeros(len(table), dtype=bool)
    excluded[list(exclude)] = True
    keep = ~(excluded[left] | excluded[right])
    if sources is not None:
        codes = np.unique(np.asarray(sources, dtype=object), return_inverse=True)[1]
        keep &= codes[left] != codes[right]
    left, right = left[keep], right[keep]
    vectors = compare(table, (left, right), comparisons)
    if model is None:
        model = train_blocked(table, vectors, pairs, keep, comparisons=comparisons, rules=rules, config=config)
    scored = score(vectors, model)
    ids = table.ids

    def group(scored: ScoredPairs) -> list[tuple[str, ...]]:
        return cluster_ids(
            ids,
            _triples(scored, ids, config.threshold),
            threshold=config.threshold,
            cannot_link=_cannot_links(scored, ids, config.cannot_link_weight, config.threshold),
            max_size=config.max_cluster_check,
        )

    groups = group(scored)
    # Chain guard: compare every pair inside each multi-record cluster that blocking did not pair.
    n = len(ids)
    position = {record_id: i for i, record_id in enumerate(ids)}
    wanted: list[int] = []  # pair codes (a * n + b, a < b) inside clusters of three or more
    for members in groups:
        if 3 <= len(members) <= config.max_cluster_check:
            rows = sorted(position[m] for m in members)
            wanted.extend(a * n + b for i, a in enumerate(rows) for b in rows[i + 1 :])
    codes = np.asarray(wanted, dtype=np.int64)
    known = np.sort(scored.vectors.left * n + scored.vectors.right)
    found = np.searchsorted(known, codes)
    new = codes[(found >= len(known)) | (known[np.minimum(found, len(known) - 1)] != codes)] if len(known) else codes
    extra_left = (new // n).tolist()
    extra_right = (new % n).tolist()
    if extra_left:
        extra = score(compare(table, (extra_left, extra_right), comparisons), model)
        vec = scored.vectors
        merged_vec = type(vec)(
            left=np.concatenate([vec.left, extra.vectors.left]),
            right=np.concatenate([vec.right, extra.vectors.right]),
            levels=np.concatenate([vec.levels, extra.vectors.levels]),
            names=vec.names,
            labels=vec.labels,
            tf_values={c: np.concatenate([v, extra.vectors.tf_values[c]]) for c, v in vec.tf_values.items()},
        )
        scored = ScoredPairs(
            merged_vec,
            np.concatenate([scored.probability, extra.probability]),
            np.concatenate([scored.match_weight, extra.match_weight]),
            np.concatenate([scored.contributions, extra.contributions]),
        )
        groups = group(scored)
    clusters = _as_clusters(groups, scored, ids, config.threshold)
    return Linkage(table=table, scored=scored, model=model, clusters=clusters, blocked_pairs=len(pairs))


def link_candidates(
    records: Iterable[Profile | CandidateRecord | Mapping[str, Any]],
    *,
    config: DedupeConfig | None = None,
    model: FellegiSunterModel | None = None,
    nicknames: NicknameIndex | None = None,
) -> Linkage:
    """:func:`dedupe` without the merge: every scored pair, the model and the clusters (ids only).

    Records are sorted by id first, so the result does not depend on the input order.
    """
    with collector_paused():
        return _link_candidates(records, config or DedupeConfig(), model, nicknames or NicknameIndex.load())


def _link_candidates(
    records: Iterable[Profile | CandidateRecord | Mapping[str, Any]],
    config: DedupeConfig,
    model: FellegiSunterModel | None,
    nick: NicknameIndex,
) -> Linkage:
    recs = sorted(to_records(records), key=lambda r: r.id)
    table = RecordTable.from_candidates(recs, nicknames=nick)
    lonely = [i for i, r in enumerate(recs) if no_identifiers(r)]
    result = link(
        table,
        comparisons=candidate_comparisons(nick),
        rules=candidate_rules(nick),
        config=config,
        model=model,
        exclude=lonely,
    )
    lonely_ids = {recs[i].id for i in lonely}
    warn = ParseWarning(code="no_identifiers", message="The record has no name, e-mail or phone; it was not matched.")
    clusters = [
        c.model_copy(update={"warnings": (warn,)}) if c.member_ids[0] in lonely_ids else c for c in result.clusters
    ]
    clusters.sort(key=lambda c: min(c.member_ids))
    return Linkage(
        table=table,
        scored=result.scored,
        model=result.model,
        clusters=tuple(clusters),
        blocked_pairs=result.blocked_pairs,
        records=tuple(recs),
    )


def dedupe(
    records: Iterable[Profile | CandidateRecord | Mapping[str, Any]],
    *,
    config: DedupeConfig | None = None,
    model: FellegiSunterModel | None = None,
    nicknames: NicknameIndex | None = None,
    merged: bool = True,
) -> tuple[Cluster, ...]:
    """Find the records that are the same person and merge each group into one golden record.

    Parameters
    ----------
    records : iterable of Profile, CandidateRecord or mapping
        Parsed profiles, or candidate rows as an ATS stores them (``id``, ``name``, ``emails``,
        ``phones``, ``location``, ``links``, ``employers``, ``titles``, ``schools``, ``skills``,
        ``updated``; any may be missing). Ids must be unique.
    config : DedupeConfig, optional
        Threshold, blocking limits, EM settings.
    model : FellegiSunterModel, optional
        Parameters from an earlier run (skips training, so results are comparable across runs).
    nicknames : NicknameIndex, optional
        Build once with ``NicknameIndex.load()`` when calling many times.
    merged : bool
        Build the golden record of each cluster (default); ``False`` returns ids and pairs only.

    Returns
    -------
    tuple of Cluster
        Every record in exactly one cluster, ordered by the smallest member id. Records with no
        name, e-mail or phone are singletons carrying a ``no_identifiers`` warning.

    Raises
    ------
    InvalidRecordError
        A record without an id, with a field of the wrong type, or a repeated id.
    """
    config = config or DedupeConfig()
    result = link_candidates(records, config=config, model=model, nicknames=nicknames)
    if not merged:
        return result.clusters
    by_id = {r.id: r for r in result.records}
    with collector_paused():
        return tuple(merge(c, [by_id[m] for m in c.member_ids], region=config.default_region) for c in result.clusters)
