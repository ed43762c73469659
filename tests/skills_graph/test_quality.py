"""Quality floors on the team's fixtures (the benchmark prints the full figures)."""

from __future__ import annotations

from pathlib import Path

import pytest

from skills_graph import SkillsGraph
from skills_graph.evaluation import Score, keyword_baseline, load_labelled, score

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "fixtures"
AMBIGUOUS = [
    "C",
    "R",
    "Go",
    "Swift",
    "Rust",
    "Spring",
    "Express",
    "Chef",
    "Puppet",
    "Salt",
    "Julia",
    "Dart",
    "Ember",
    "Excel",
]


def test_fixture_files_are_well_formed() -> None:
    dev = load_labelled(FIXTURES / "skill_mentions_dev.txt") + load_labelled(FIXTURES / "skill_mentions_dev2.txt")
    test = load_labelled(FIXTURES / "skill_mentions_test.txt")
    assert len(dev) >= 100 and len(test) >= 300
    assert not {s.text for s in dev} & {s.text for s in test}
    for s in dev + test:
        assert s.kind in {"resume", "job_ad"}
        assert all(0 <= a < b <= len(s.text) for a, b in s.spans)
    for word in AMBIGUOUS:  # each ambiguous word appears both as a skill and as a plain word
        as_skill = sum(1 for s in test for a, b in s.spans if s.text[a:b] == word)
        assert as_skill >= 2, word


def test_top_technologies_resolve(graph: SkillsGraph) -> None:
    names = [
        n.strip()
        for n in (FIXTURES / "top_technologies.txt").read_text().splitlines()
        if n.strip() and not n.startswith("#")
    ]
    assert len(names) >= 300
    resolved = sum(graph.canonical(n) is not None for n in names)
    assert resolved / len(names) >= 0.98


@pytest.mark.parametrize("split", ["dev", "dev2", "test"])
def test_mention_extraction_beats_the_targets_and_the_baseline(graph: SkillsGraph, split: str) -> None:
    sentences = load_labelled(FIXTURES / f"skill_mentions_{split}.txt")
    ours = sum(
        (score([(m.start, m.end) for m in graph.match_text(s.text)], s.spans) for s in sentences), Score(0, 0, 0)
    )
    baseline = keyword_baseline(n for sid in graph for n in (graph.get(sid).name, *graph.get(sid).aliases))
    base = sum((score(baseline(s.text), s.spans) for s in sentences), Score(0, 0, 0))
    assert ours.precision >= 0.90 and ours.recall >= 0.90
    assert ours.f1 > base.f1 and ours.precision > base.precision
