"""Skills graph benchmark: size, coverage, mention extraction quality against a keyword baseline, speed.

Run: ``python benchmarks/bench_skills.py`` (``make bench``). Prints a report and writes
``benchmarks/results/skills.json``.

* Size: skills, aliases, typed technology skills, typed edges with provenance.
* Coverage: share of ``data/fixtures/top_technologies.txt`` that resolves by name or alias.
* Extraction: precision / recall / F1 of skill mentions on ``data/fixtures/skill_mentions_test.txt``
  (and the two dev splits used for tuning), for skillmatch and for a plain lower-case keyword lookup
  over the same vocabulary, in the same run. A mention is right when it overlaps a gold span
  (one to one); strict boundary figures are printed too.
* Speed: ``SkillsGraph.load()`` in fresh processes; ``match_text`` on 5 KB resumes, one core.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from skills_graph import TECHNOLOGY_TYPES, SkillsGraph  # noqa: E402
from skills_graph.evaluation import Score, keyword_baseline, load_labelled, score  # noqa: E402

FIXTURES = ROOT / "data" / "fixtures"
CORPUS = ROOT.parent / "shared" / "data" / "corpora" / "kaggle-resumes-unique.csv"


def size(graph: SkillsGraph) -> dict[str, int]:
    counts = graph.metadata["counts"]
    edges = graph.nx_graph.number_of_edges()
    return {
        "skills": counts["skills"],
        "aliases": counts["aliases"],
        "technology_skills_with_type": sum(1 for s in graph if graph.get(s).type in TECHNOLOGY_TYPES),
        "typed_edges_with_provenance": counts["edges"],
        "directed_edges_in_nx_view": edges,
    }


def coverage(graph: SkillsGraph) -> dict[str, Any]:
    names = [
        line.strip()
        for line in (FIXTURES / "top_technologies.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    missing = [n for n in names if graph.canonical(n) is None]
    return {
        "listed": len(names),
        "resolved": len(names) - len(missing),
        "share": 1 - len(missing) / len(names),
        "missing": missing,
    }


def extraction(graph: SkillsGraph, split: str) -> dict[str, Any]:
    sentences = load_labelled(FIXTURES / f"skill_mentions_{split}.txt")
    surfaces = [s for sid in graph for s in (graph.get(sid).name, *graph.get(sid).aliases)]
    baseline = keyword_baseline(surfaces)
    totals = {k: Score(0, 0, 0) for k in ("ours", "ours_strict", "baseline", "baseline_strict")}
    for s in sentences:
        ours = [(m.start, m.end) for m in graph.match_text(s.text)]
        base = baseline(s.text)
        totals["ours"] += score(ours, s.spans)
        totals["ours_strict"] += score(ours, s.spans, strict=True)
        totals["baseline"] += score(base, s.spans)
        totals["baseline_strict"] += score(base, s.spans, strict=True)
    result: dict[str, Any] = {"sentences": len(sentences), "gold_mentions": sum(len(s.spans) for s in sentences)}
    for name, sc in totals.items():
        result[name] = {
            "precision": round(sc.precision, 4),
            "recall": round(sc.recall, 4),
            "f1": round(sc.f1, 4),
            **sc._asdict(),
        }
    return result


def resumes_5kb(n: int = 30) -> list[str]:
    texts: list[str] = []
    if CORPUS.exists():
        csv.field_size_limit(10**8)
        with CORPUS.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                text = row["resume"]
                while len(text) < 5000:
                    text = text + "\n" + text
                texts.append(text[:5000])
                if len(texts) == n:
                    break
    if not texts:  # the shipped example, repeated to 5 KB
        text = (ROOT / "examples" / "resumes" / "backend_engineer.txt").read_text(encoding="utf-8")
        texts = [(text * 4)[:5000]]
    return texts


def speed(graph: SkillsGraph, repeats: int) -> dict[str, Any]:
    code = (
        "import time;from skills_graph import SkillsGraph;t=time.perf_counter();SkillsGraph.load();"
        "print(time.perf_counter()-t)"
    )
    loads = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(repeats)
    ]
    t = time.perf_counter()
    fresh = SkillsGraph.load()
    _ = fresh.matcher
    matcher_build = time.perf_counter() - t
    texts = resumes_5kb()
    for text in texts:
        graph.match_text(text)  # warm the vocabulary
    per_doc = []
    for text in texts:
        t = time.perf_counter()
        graph.match_text(text)
        per_doc.append(time.perf_counter() - t)
    return {
        "load_seconds_median": round(statistics.median(loads), 4),
        "load_seconds_max": round(max(loads), 4),
        "matcher_build_seconds": round(matcher_build, 3),
        "match_text_5kb_ms_median": round(1000 * statistics.median(per_doc), 2),
        "match_text_5kb_ms_p95": round(1000 * sorted(per_doc)[int(0.95 * (len(per_doc) - 1))], 2),
        "documents": len(texts),
        "corpus": "kaggle-resumes-unique.csv" if CORPUS.exists() else "examples (repeated)",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="fresh-process loads to time")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "skills.json")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    graph = SkillsGraph.load()
    report = {
        "machine": {"platform": platform.platform(), "python": platform.python_version(), "cpus": os.cpu_count()},
        "graph_fingerprint": graph.fingerprint,
        "size": size(graph),
        "coverage": coverage(graph),
        "extraction_test": extraction(graph, "test"),
        "extraction_dev": extraction(graph, "dev"),
        "extraction_dev2": extraction(graph, "dev2"),
        "speed": speed(graph, args.repeats),
    }
    s, c, sp = report["size"], report["coverage"], report["speed"]
    print("== size")
    for k, v in s.items():
        print(f"  {k:32s} {v:>8,}")
    print(f"== coverage: {c['resolved']}/{c['listed']} = {c['share']:.1%}  missing: {', '.join(c['missing']) or '-'}")
    for split in ("test", "dev", "dev2"):
        e = report[f"extraction_{split}"]
        print(f"== extraction ({split}: {e['sentences']} sentences, {e['gold_mentions']} mentions)")
        print(f"  {'system':26s} {'P':>6s} {'R':>6s} {'F1':>6s}")
        for name in ("ours", "baseline", "ours_strict", "baseline_strict"):
            label = {"ours": "skillmatch", "baseline": "keyword lookup (baseline)"}.get(
                name, name.replace("ours", "skillmatch").replace("_", " ")
            )
            print(f"  {label:26s} {e[name]['precision']:6.3f} {e[name]['recall']:6.3f} {e[name]['f1']:6.3f}")
    print(
        f"== speed: load {sp['load_seconds_median']:.3f} s (median of {args.repeats}, max {sp['load_seconds_max']:.3f}); "
        f"matcher build {sp['matcher_build_seconds']:.2f} s; match_text 5 KB {sp['match_text_5kb_ms_median']:.2f} ms median, "
        f"{sp['match_text_5kb_ms_p95']:.2f} ms p95 ({sp['documents']} docs, one core)"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
