"""skillmatch's entry in the deduplication benchmark (``benchmarks/bench_dedupe.py --systems skillmatch``).

Contract (``benchmarks.dedupe_data``): ``run(dataset) -> Prediction``, called in a fresh process
per dataset with the data already loaded; the truth is never read here.

What runs
---------
* Candidate sets: ``skillmatch.linkage.link_candidates`` on the generator's ATS records, with the
  library's defaults (the same code path as ``skillmatch.dedupe`` without building the merged
  golden records).
* FEBRL and the historical-figures set are not candidate records, so they go through the generic
  engine ``skillmatch.linkage.link`` with comparisons and blocking rules over their own columns,
  written for each set the way one writes a Splink settings dictionary (names compared with
  Jaro-Winkler and term-frequency adjustment, dates with typo and day-month-swap levels, ids
  with Levenshtein). The parameters are learned without labels (EM), as in ``dedupe``.
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np

from benchmarks.dedupe_data import Dataset, Prediction
from skillmatch.config import DedupeConfig
from skillmatch.linkage.blocking import BlockingRule, block_on
from skillmatch.linkage.comparisons import Comparison, DateComparison, ExactComparison, StringComparison
from skillmatch.linkage.pipeline import Linkage, link, link_candidates
from skillmatch.linkage.records import RecordTable

THRESHOLD = 0.9


def _febrl(columns: set[str]) -> tuple[list[Comparison], list[BlockingRule]]:
    comparisons: list[Comparison] = [
        StringComparison("given_name", thresholds=(0.92, 0.8), term_frequency=True),
        StringComparison("surname", thresholds=(0.92, 0.8), term_frequency=True),
        StringComparison("address", thresholds=(0.9, 0.7)),
        StringComparison("suburb", thresholds=(0.9,), term_frequency=True),
        StringComparison("postcode", thresholds=(0.75,), metric="levenshtein"),
        ExactComparison("state"),
        StringComparison("street_number", thresholds=(0.6,), metric="osa"),
    ]
    rules = [
        block_on("given_name", "surname"),
        block_on("surname", "suburb"),
        block_on("given_name", "postcode"),
        block_on("address"),
        block_on(("given_name", 3), ("surname", 3), "street_number"),
        block_on("surname", "postcode"),
        block_on("street_number", "postcode"),
        block_on("given_name", "street_number"),
        block_on("surname", "street_number"),
        block_on(("given_name", 1), ("surname", 1), "suburb"),
    ]
    if "date_of_birth" in columns:
        comparisons.append(DateComparison("date_of_birth"))
        rules += [block_on("date_of_birth"), block_on(("given_name", 1), ("surname", 1), ("date_of_birth", 4))]
    if "soc_sec_id" in columns:
        comparisons.append(StringComparison("soc_sec_id", thresholds=(0.85,), metric="osa"))
        rules.append(block_on("soc_sec_id"))
    return comparisons, rules


def _historical() -> tuple[list[Comparison], list[BlockingRule]]:
    comparisons: list[Comparison] = [
        StringComparison("first_name", thresholds=(0.92, 0.8), term_frequency=True),
        StringComparison("surname", thresholds=(0.92, 0.8), term_frequency=True),
        DateComparison("dob"),
        StringComparison("birth_place", thresholds=(0.9,), term_frequency=True),
        StringComparison("postcode_fake", thresholds=(0.8,), metric="levenshtein"),
        ExactComparison("gender"),
        ExactComparison("occupation", term_frequency=True),
    ]
    rules = [
        block_on("first_name", "surname"),
        block_on("surname", "dob"),
        block_on("first_name", "dob"),
        block_on("postcode_fake", "first_name"),
        block_on("postcode_fake", "surname"),
        block_on("dob", "birth_place"),
        block_on(("postcode_fake", 3), "dob"),
        block_on(("postcode_fake", 3), "first_name"),
        block_on(("postcode_fake", 3), "surname"),
        block_on(("first_name", 2), ("surname", 2), ("dob", 4)),
        block_on("dob"),
        block_on("surname", "birth_place"),
        block_on("first_name", "birth_place"),
        block_on(("first_name", 3), ("surname", 3)),
    ]
    return comparisons, rules


def _table(dataset: Dataset) -> RecordTable:
    frame = dataset.records
    columns: dict[str, list[Any]] = {}
    for name in dataset.baseline_columns:
        columns[name] = [
            "" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v).strip() for v in frame[name]
        ]
    if dataset.family in {"febrl3", "febrl4"}:
        columns["address"] = [
            f"{a} {b}".strip() for a, b in zip(columns["address_1"], columns["address_2"], strict=True)
        ]
    return RecordTable.from_columns(list(frame["id"]), columns)


def run(dataset: Dataset) -> Prediction:
    """Deduplicate or link ``dataset`` with skillmatch (see the module docstring)."""
    config = DedupeConfig(threshold=THRESHOLD)
    started = time.perf_counter()
    result: Linkage
    if dataset.family == "candidates":
        assert dataset.raw_records is not None
        result = link_candidates(dataset.raw_records, config=config)
        settings: dict[str, Any] = {"engine": "skillmatch.linkage.link_candidates (defaults)"}
    else:
        table = _table(dataset)
        if dataset.family == "historical":
            comparisons, rules = _historical()
        else:
            comparisons, rules = _febrl(set(dataset.baseline_columns))
        sources = list(dataset.records["source"]) if dataset.kind == "link" else None
        result = link(table, comparisons=comparisons, rules=rules, config=config, sources=sources)
        settings = {
            "engine": "skillmatch.linkage.link",
            "comparisons": [c.name for c in comparisons],
            "blocking": [r.name for r in rules],
        }
    seconds = time.perf_counter() - started
    ids = result.table.ids
    labels = {m: k for k, c in enumerate(result.clusters) for m in c.member_ids}
    vec = result.scored.vectors
    settings.update(threshold=THRESHOLD, blocked_pairs=result.blocked_pairs, prior=result.model.prior)
    return Prediction(
        pair_ids_left=[ids[i] for i in vec.left.tolist()],
        pair_ids_right=[ids[i] for i in vec.right.tolist()],
        probabilities=result.scored.probability,
        cluster_labels=labels,
        seconds=seconds,
        threshold=THRESHOLD,
        all_candidate_pairs=True,
        settings=settings,
    )
