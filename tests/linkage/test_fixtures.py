"""The committed linkage fixtures: hand-written hard cases and a generated 300-record sample."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path
from typing import Any

from skillmatch.linkage import dedupe

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "fixtures" / "linkage"


def _load(stem: str) -> tuple[list[dict[str, Any]], dict[str, str]]:
    rows = [json.loads(line) for line in (FIXTURES / f"{stem}.jsonl").read_text(encoding="utf-8").splitlines() if line]
    with (FIXTURES / f"{stem}_truth.csv").open(encoding="utf-8") as handle:
        truth = {r["record_id"]: r["entity_id"] for r in csv.DictReader(handle)}
    return rows, truth


def _pairs(labels: dict[str, Any]) -> int:
    return sum(n * (n - 1) // 2 for n in Counter(labels.values()).values())


def test_hard_cases_are_partitioned_exactly() -> None:
    # Every duplicate type merged; spouses, father and son, twins and namesakes kept apart.
    rows, truth = _load("hard_cases")
    got = {frozenset(c.member_ids) for c in dedupe(rows, merged=False)}
    want: dict[str, set[str]] = {}
    for record_id, entity in truth.items():
        want.setdefault(entity, set()).add(record_id)
    assert got == {frozenset(v) for v in want.values()}


def test_generated_sample_precision_and_recall() -> None:
    rows, truth = _load("candidates_300")
    clusters = dedupe(rows, merged=False)
    label = {m: k for k, c in enumerate(clusters) for m in c.member_ids}
    both = {i: (label[i], truth[i]) for i in truth}
    true_positive = _pairs(both)
    precision = true_positive / _pairs(label)
    recall = true_positive / _pairs(truth)
    assert precision >= 0.98
    assert recall >= 0.92
