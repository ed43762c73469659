"""Candidate deduplication: blocking, comparisons, Fellegi-Sunter scoring, clustering, merging.

The steps are public so that an ATS can run them one by one or swap one out::

    table = RecordTable.from_candidates(to_records(rows))
    pairs = candidate_pairs(table, candidate_rules(nick))
    vectors = compare(table, (pairs.left, pairs.right), candidate_comparisons(nick))
    scored = score(vectors, train(table, vectors, candidate_comparisons(nick)))
    clusters = cluster(scored, table.ids)
    golden = [merge(c, rows) for c in clusters]

``skillmatch.dedupe`` does all of it. Importing this package is cheap: numpy, rapidfuzz and
jellyfish load when a step is first used.

Examples
--------
>>> from skillmatch import linkage
>>> linkage.normalize_email("Ana.Ruiz+cv@gmail.com")
'anaruiz@gmail.com'
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from skillmatch.linkage.blocking import (
        BlockingRule,
        Pairs,
        block_on,
        blocking_report,
        candidate_pairs,
        candidate_rules,
        record_keys,
    )
    from skillmatch.linkage.comparisons import (
        ComparisonVectors,
        DateComparison,
        EmailComparison,
        ExactComparison,
        JaccardComparison,
        LinkComparison,
        PersonNameComparison,
        PhoneComparison,
        SetComparison,
        StringComparison,
        candidate_comparisons,
        compare,
    )
    from skillmatch.linkage.index import DedupIndex
    from skillmatch.linkage.merging import merge, unmerge
    from skillmatch.linkage.normalize import (
        NicknameIndex,
        fold_text,
        link_handle,
        normalize_email,
        normalize_phone,
        split_name,
    )
    from skillmatch.linkage.pipeline import Linkage, cluster, dedupe, link, link_candidates
    from skillmatch.linkage.records import RecordTable, to_record, to_records
    from skillmatch.linkage.scoring import FellegiSunterModel, ScoredPairs, SupervisedScorer, score, train

_WHERE = {
    "blocking": (
        "BlockingRule",
        "Pairs",
        "block_on",
        "blocking_report",
        "candidate_pairs",
        "candidate_rules",
        "record_keys",
    ),
    "comparisons": (
        "ComparisonVectors",
        "DateComparison",
        "EmailComparison",
        "ExactComparison",
        "JaccardComparison",
        "LinkComparison",
        "PersonNameComparison",
        "PhoneComparison",
        "SetComparison",
        "StringComparison",
        "candidate_comparisons",
        "compare",
    ),
    "index": ("DedupIndex",),
    "merging": ("merge", "unmerge"),
    "normalize": ("NicknameIndex", "fold_text", "link_handle", "normalize_email", "normalize_phone", "split_name"),
    "pipeline": ("Linkage", "cluster", "dedupe", "link", "link_candidates"),
    "records": ("RecordTable", "to_record", "to_records"),
    "scoring": ("FellegiSunterModel", "ScoredPairs", "SupervisedScorer", "score", "train"),
}
_MODULE_OF = {name: module for module, names in _WHERE.items() for name in names}

__all__ = [
    "BlockingRule",
    "ComparisonVectors",
    "DateComparison",
    "DedupIndex",
    "EmailComparison",
    "ExactComparison",
    "FellegiSunterModel",
    "JaccardComparison",
    "LinkComparison",
    "Linkage",
    "NicknameIndex",
    "Pairs",
    "PersonNameComparison",
    "PhoneComparison",
    "RecordTable",
    "ScoredPairs",
    "SetComparison",
    "StringComparison",
    "SupervisedScorer",
    "block_on",
    "blocking_report",
    "candidate_comparisons",
    "candidate_pairs",
    "candidate_rules",
    "cluster",
    "compare",
    "dedupe",
    "fold_text",
    "link",
    "link_candidates",
    "link_handle",
    "merge",
    "normalize_email",
    "normalize_phone",
    "record_keys",
    "score",
    "split_name",
    "to_record",
    "to_records",
    "train",
    "unmerge",
]


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'skillmatch.linkage' has no attribute {name!r}")
    return getattr(import_module(f"skillmatch.linkage.{module}"), name)


def __dir__() -> list[str]:
    return __all__
