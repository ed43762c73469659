"""Skills extraction on the held-out resumes (``data/fixtures/resumes_heldout/``).

Run: ``python benchmarks/heldout_skills.py [--out PATH]``. Prints a report and writes
``benchmarks/results/heldout_skills.json``.

The held-out set was written and committed before anything was measured on it, without looking at
the vocabulary or the parser's output (see its README). Each ``NN-role.txt`` is parsed with
``skillmatch.parse(path, graph=SkillsGraph.load(), as_of="2026-11-22")``. The predicted skill ids
(``profile.skills[*].skill_id``) are compared with the expected names of ``NN-role.expected.json``,
which ``graph.canonical`` resolves to ids (names that resolve to the same id count once).
Precision, recall and F1 are micro-averaged over all documents, in two ways:

* ``strict``: an expected name that the graph cannot resolve counts as a miss. This is the honest
  figure, because the parser cannot report a skill the graph does not have.
* ``resolved_only``: unresolved expected names are left out. This measures extraction alone.

Precision is the same in both. The plain keyword baseline (``skills_graph.evaluation``: lower-cased
word n-grams looked up among the graph's names and aliases, with no context rules) runs on the same
text in the same run, and each matched span is resolved with ``graph.canonical``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import skillmatch  # noqa: E402
from skills_graph import SkillsGraph  # noqa: E402
from skills_graph.evaluation import Score, keyword_baseline  # noqa: E402

HELDOUT = ROOT / "data" / "fixtures" / "resumes_heldout"
OUT = ROOT / "benchmarks" / "results" / "heldout_skills.json"
AS_OF = "2026-11-22"
TARGET_F1 = 0.90
TECH_PREFIXES = {f"{i:02d}" for i in range(1, 9)}  # 01-08: software, data and IT
TOP = 20


@dataclass
class Tally:
    """Micro-averaged counts of one system over some documents."""

    tp: int = 0
    fp: int = 0
    fn_resolved: int = 0
    unresolved: int = 0

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn_resolved += other.fn_resolved
        self.unresolved += other.unresolved

    @staticmethod
    def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
        score = Score(tp, fp, fn)
        return {"precision": round(score.precision, 4), "recall": round(score.recall, 4), "f1": round(score.f1, 4)}

    def figures(self) -> dict[str, Any]:
        return {
            "strict": self._prf(self.tp, self.fp, self.fn_resolved + self.unresolved),
            "resolved_only": self._prf(self.tp, self.fp, self.fn_resolved),
            "counts": {
                "tp": self.tp,
                "fp": self.fp,
                "fn_resolved": self.fn_resolved,
                "fn_unresolved": self.unresolved,
            },
        }


@dataclass
class DocResult:
    stem: str
    expected_names: list[str]
    expected_ids: dict[str, str]  # id -> first expected name resolving to it
    unresolved: list[str]
    predicted: dict[str, str]  # id -> "name (surfaces)"
    baseline: set[str] = field(default_factory=set)

    def tally(self, ids: set[str]) -> Tally:
        exp = set(self.expected_ids)
        return Tally(tp=len(ids & exp), fp=len(ids - exp), fn_resolved=len(exp - ids), unresolved=len(self.unresolved))


def load_expected(path: Path, graph: SkillsGraph) -> tuple[list[str], dict[str, str], list[str]]:
    names: list[str] = json.loads(path.read_text(encoding="utf-8"))["skills"]
    ids: dict[str, str] = {}
    unresolved: list[str] = []
    for name in names:
        sid = graph.canonical(name)
        if sid is None:
            unresolved.append(name)
        else:
            ids.setdefault(sid, name)
    return names, ids, unresolved


def run(graph: SkillsGraph) -> tuple[list[DocResult], float]:
    surfaces = [s for sid in graph for s in (graph.get(sid).name, *graph.get(sid).aliases)]
    baseline = keyword_baseline(surfaces)
    docs: list[DocResult] = []
    seconds = 0.0
    for txt in sorted(HELDOUT.glob("*.txt")):
        names, ids, unresolved = load_expected(txt.with_name(txt.stem + ".expected.json"), graph)
        start = time.perf_counter()
        profile = skillmatch.parse(txt, graph=graph, as_of=AS_OF)
        seconds += time.perf_counter() - start
        predicted = {ev.skill_id: f"{ev.name} ({' | '.join(ev.surfaces)})" for ev in profile.skills}
        text = txt.read_text(encoding="utf-8")
        kw = {sid for s, e in baseline(text) if (sid := graph.canonical(text[s:e])) is not None}
        docs.append(DocResult(txt.stem, names, ids, unresolved, predicted, kw))
    return docs, seconds


def summarise(docs: list[DocResult], graph: SkillsGraph, seconds: float) -> dict[str, Any]:
    def total(which: str, subset: list[DocResult]) -> dict[str, Any]:
        t = Tally()
        for d in subset:
            t.add(d.tally(set(d.predicted) if which == "skillmatch" else d.baseline))
        return t.figures()

    tech = [d for d in docs if d.stem[:2] in TECH_PREFIXES]
    other = [d for d in docs if d.stem[:2] not in TECH_PREFIXES]
    fps: Counter[str] = Counter()
    fp_surfaces: dict[str, Counter[str]] = {}
    misses: Counter[str] = Counter()
    unresolved: Counter[str] = Counter()
    per_doc: list[dict[str, Any]] = []
    for d in docs:
        exp = set(d.expected_ids)
        pred = set(d.predicted)
        for sid in sorted(pred - exp):
            fps[sid] += 1
            fp_surfaces.setdefault(sid, Counter())[d.predicted[sid]] += 1
        for sid in sorted(exp - pred):
            misses[f"{sid} ({d.expected_ids[sid]})"] += 1
        unresolved.update(d.unresolved)
        per_doc.append(
            {
                "document": d.stem,
                "expected_names": len(d.expected_names),
                "expected_ids": len(exp),
                "unresolved": d.unresolved,
                "predicted": len(pred),
                "skillmatch": d.tally(pred).figures()["strict"],
                "skillmatch_resolved_only": d.tally(pred).figures()["resolved_only"],
                "keyword_baseline": d.tally(d.baseline).figures()["strict"],
                "false_positives": {sid: d.predicted[sid] for sid in sorted(pred - exp)},
                "misses": sorted(d.expected_ids[sid] for sid in exp - pred) + sorted(d.unresolved),
            }
        )
    return {
        "benchmark": "heldout_skills",
        "as_of": AS_OF,
        "documents": len(docs),
        "expected_names": sum(len(d.expected_names) for d in docs),
        "expected_unresolved_names": sum(len(d.unresolved) for d in docs),
        "target_f1": TARGET_F1,
        "skillmatch": {
            "all": total("skillmatch", docs),
            "software_data_it": total("skillmatch", tech),
            "other_professions": total("skillmatch", other),
        },
        "keyword_baseline": {
            "all": total("baseline", docs),
            "software_data_it": total("baseline", tech),
            "other_professions": total("baseline", other),
        },
        "top_false_positives": [
            {"skill_id": sid, "documents": n, "as_written": dict(fp_surfaces[sid].most_common())}
            for sid, n in fps.most_common(TOP)
        ],
        "top_misses_resolved": [{"skill": k, "documents": n} for k, n in misses.most_common(TOP)],
        "unresolved_names": dict(sorted(unresolved.items(), key=lambda kv: (-kv[1], kv[0].lower()))),
        "per_document": per_doc,
        "parse_seconds": round(seconds, 3),
        "graph_fingerprint": graph.fingerprint,
        "machine": {"platform": platform.platform(), "python": platform.python_version(), "cpus": os.cpu_count()},
    }


def fmt(fig: dict[str, float]) -> str:
    return f"{fig['precision']:6.3f} {fig['recall']:6.3f} {fig['f1']:6.3f}"


def report(res: dict[str, Any]) -> None:
    print(
        f"Held-out skills: {res['documents']} documents, {res['expected_names']} expected names, "
        f"{res['expected_unresolved_names']} not in the graph (as_of {res['as_of']})"
    )
    print()
    print(f"{'system / subset':38} {'strict P':>6} {'R':>6} {'F1':>6}   {'resolved-only P':>6} {'R':>6} {'F1':>6}")
    for system in ("skillmatch", "keyword_baseline"):
        for subset in ("all", "software_data_it", "other_professions"):
            fig = res[system][subset]
            print(f"{system + ' / ' + subset:38} {fmt(fig['strict'])}   {fmt(fig['resolved_only']):>22}")
    f1 = res["skillmatch"]["all"]["strict"]["f1"]
    print(f"\nskills F1 (strict) {f1:.3f} vs target >= {TARGET_F1}: {'ok' if f1 >= TARGET_F1 else 'MISS'}")
    print()
    print(f"{'document':28} {'exp':>4} {'unres':>5} {'pred':>4} {'P':>6} {'R':>6} {'F1':>6}  {'kw F1':>6}")
    for d in res["per_document"]:
        s = d["skillmatch"]
        print(
            f"{d['document']:28} {d['expected_names']:4d} {len(d['unresolved']):5d} {d['predicted']:4d} "
            f"{s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f}  {d['keyword_baseline']['f1']:6.3f}"
        )
    print(f"\nTop {TOP} false positives (documents, as written):")
    for row in res["top_false_positives"]:
        print(f"  {row['documents']:2d}  {row['skill_id']:32} {'; '.join(row['as_written'])}")
    print(f"\nTop {TOP} misses among resolved expected skills (documents):")
    for row in res["top_misses_resolved"]:
        print(f"  {row['documents']:2d}  {row['skill']}")
    print(f"\nUnresolved expected names ({res['expected_unresolved_names']}):")
    print("  " + ", ".join(f"{k} x{v}" if v > 1 else k for k, v in res["unresolved_names"].items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the JSON results")
    args = parser.parse_args(argv)
    graph = SkillsGraph.load()
    docs, seconds = run(graph)
    res = summarise(docs, graph, seconds)
    report(res)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
