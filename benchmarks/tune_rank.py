"""Tune skillmatch's ranking weights on the livecareer TUNE partition (never the EVAL documents).

Run: ``python benchmarks/tune_rank.py [--seeds 100,101,102] [--configs 120] [--out PATH]``.

The harness of ``bench_rank.py`` (both protocols: requisitions from each category's training
half ranking the union of the test halves, and query by example), on the 30% of livecareer that
``rank_data.partition`` puts in TUNE, with seeds 100..102 (not the reporting seeds). Every config
of a coarse grid (a seeded sample of ``GRID``, the defaults always included) is scored on NDCG@10
averaged over the two protocols;
the top 10 are printed, with the TF-IDF and BM25 baselines on the same splits for reference.
Writes ``benchmarks/results/rank_tuning.json``. The chosen weights go into ``RankConfig``'s
defaults by hand; ``bench_rank.py`` then reports them on EVAL.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks._report import machine_info, write_report  # noqa: E402
from benchmarks.bench_rank import evaluate  # noqa: E402
from benchmarks.rank_baselines import SkillmatchSystem, make_system, skillmatch_ranking_available  # noqa: E402
from benchmarks.rank_data import (  # noqa: E402
    corpus_partition,
    describe,
    load_corpus,
    load_related,
    parser_source_hash,
    select,
)
from benchmarks.rank_metrics import summarize  # noqa: E402

# Coarse: a few values either side of each default.
# The third round. After the first EVAL run the text term's hard cap (cosines above the saturation
# counted as 1) was replaced by a smooth one, cos / (cos + saturation): the cap flattened the top
# of resume-to-resume similarities. The weights are tuned again here, on TUNE only. Nice-to-haves
# keep a weight (the issue: they add). Rounds one and two are in rank_tuning.json.
GRID: dict[str, tuple[Any, ...]] = {
    "must_have_weight": (0.05, 0.1, 0.2),
    "nice_to_have_weight": (0.05, 0.1),
    "title_weight": (0.2, 0.4, 0.6),
    "text_weight": (0.3, 0.6, 1.0, 2.0),
    "text_saturation": (0.05, 0.1, 0.2, 0.4),
    "experience_weight": (0.0,),
    "education_weight": (0.0, 0.05),
    "presence_share": (0.4, 0.7),
    "listed_depth": (0.4, 0.7),
    "min_credit": (0.1, 0.2),
    "max_hops": (1, 2),
}
ROUND_TWO: dict[str, tuple[Any, ...]] = {
    "must_have_weight": (0.05, 0.1, 0.2),
    "nice_to_have_weight": (0.0, 0.05),
    "title_weight": (0.25, 0.4, 0.6),
    "text_weight": (0.3, 0.6, 1.0),
    "text_saturation": (0.2, 0.3, 0.6),
    "experience_weight": (0.0,),
    "education_weight": (0.0, 0.05),
    "presence_share": (0.4, 0.7),
    "listed_depth": (0.4, 0.7),
    "min_credit": (0.1, 0.2),
    "max_hops": (1, 2),
}
ROUND_ONE: dict[str, tuple[Any, ...]] = {
    "must_have_weight": (0.1, 0.3, 0.5),
    "nice_to_have_weight": (0.0, 0.1, 0.2),
    "title_weight": (0.0, 0.1, 0.25),
    "text_weight": (0.3, 0.6, 1.0, 2.0),
    "text_saturation": (0.3, 0.6, 1.0),
    "experience_weight": (0.0, 0.05),
    "education_weight": (0.0, 0.05),
    "presence_share": (0.4, 0.7, 1.0),
    "listed_depth": (0.4, 0.7),
    "min_credit": (0.1, 0.2, 0.4),
    "max_hops": (1, 2),
}


PROTOCOLS = ("category", "example")


def grid_sample(n: int, seed: int = 0) -> list[dict[str, Any]]:
    """``n`` configs: the defaults first, then a seeded sample of the full grid without repeats."""
    from skillmatch.config import RankConfig

    default = RankConfig()
    base = {k: getattr(default, k) for k in GRID}
    keys = list(GRID)
    combos = list(itertools.product(*(GRID[k] for k in keys)))
    random.Random(seed).shuffle(combos)
    out = [base]
    seen = {tuple(base[k] for k in keys)}
    for combo in combos:
        if len(out) >= n:
            break
        if combo in seen:
            continue
        seen.add(combo)
        out.append(dict(zip(keys, combo, strict=True)))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seeds", default="100,101,102", help="split seeds (default 100,101,102)")
    parser.add_argument("--configs", type=int, default=120, help="configs to try, the defaults included (default 120)")
    parser.add_argument("--grid-seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "rank_tuning.json")
    args = parser.parse_args()
    seeds = [int(s) for s in args.seeds.split(",") if s.strip()]
    if set(seeds) & {0, 1, 2, 3, 4}:
        parser.error("seeds 0..4 are the reporting seeds; tune with others")
    missing = skillmatch_ranking_available()
    if missing is not None:
        print(f"skillmatch.ranking is not ready ({missing}); nothing to tune", file=sys.stderr)
        return 1

    from skillmatch.config import RankConfig
    from skills_graph import SkillsGraph

    report: dict[str, Any] = {
        "machine": machine_info(),
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "corpus": "livecareer",
        "partition": "tune",
        "protocols": list(PROTOCOLS),
        "seeds": seeds,
        "grid": {k: list(v) for k, v in GRID.items()},
        "grid_seed": args.grid_seed,
    }
    graph = SkillsGraph.load()
    report["graph_fingerprint"] = graph.fingerprint
    report["parser_source_hash"] = parser_source_hash()
    corpus = load_corpus("livecareer", graph)
    parts = corpus_partition("livecareer", corpus.docs)
    docs = select(corpus.docs, parts, "tune")
    tune_ids = frozenset(d.doc_id for d in docs)
    eval_ids = {d.doc_id for d in corpus.docs if parts[d.doc_id] == "eval"}
    assert tune_ids and not tune_ids & eval_ids, "TUNE and EVAL overlap"
    report["documents"] = describe(corpus, parts) | {"used": len(docs)}
    related = load_related().get("livecareer", {})

    configs = grid_sample(args.configs, args.grid_seed)
    systems: list[Any] = [make_system(n, graph=graph, seed=0) for n in ("tfidf", "bm25")]
    systems += [
        SkillmatchSystem(graph=graph, config=RankConfig(**c), name=f"config-{k}") for k, c in enumerate(configs)
    ]
    print(f"({len(docs)} TUNE documents, {len(configs)} configs x seeds {seeds}...)", file=sys.stderr, flush=True)
    t = time.perf_counter()
    runs = {
        protocol: evaluate(
            docs,
            protocol,
            seeds=seeds,
            systems=systems,
            graph=graph,
            related=related,
            have_api=True,
            allowed_ids=tune_ids,
            on_seed=lambda s, n, p=protocol: print(f"  {p} seed {s}: {n} queries done", file=sys.stderr, flush=True),
        )
        for protocol in PROTOCOLS
    }
    seconds = time.perf_counter() - t
    rows = []
    for system in systems:
        row: dict[str, Any] = {"name": system.name}
        for protocol, run in runs.items():
            summary = summarize(run["per_query"][system.name])
            per_seed = run["per_seed_ndcg@10"][system.name]
            row[protocol] = {k: round(v, 4) if isinstance(v, float) else v for k, v in summary.items()}
            row[protocol]["ndcg@10_seed_sd"] = round(float(np.std(per_seed)), 4)
        # The objective: NDCG@10 averaged over the two protocols (requisitions and query by example).
        row["ndcg@10"] = round(float(np.mean([row[p]["ndcg@10"] for p in PROTOCOLS])), 4)
        if isinstance(system, SkillmatchSystem):
            row["config"] = configs[int(system.name.split("-")[1])]
        rows.append(row)
    ranked = sorted((r for r in rows if "config" in r), key=lambda r: (-r["ndcg@10"], r["name"]))
    head = f"{'rank':>4s} {'mean':>6s} {'categ.':>7s} {'example':>7s}  config (changes from the defaults)"
    print(f"\nlivecareer TUNE, NDCG@10 by protocol and their mean, seeds {seeds}")
    print(head)
    print("-" * len(head))
    defaults = configs[0]
    for i, r in enumerate(ranked[:10], 1):
        diff = {k: v for k, v in r["config"].items() if v != defaults[k]}
        print(
            f"{i:4d} {r['ndcg@10']:6.3f} {r['category']['ndcg@10']:7.3f} {r['example']['ndcg@10']:7.3f}  {diff or '(defaults)'}"
        )
    default_row = next(r for r in rows if r["name"] == "config-0")
    default_rank = ranked.index(default_row) + 1
    print(f"defaults: NDCG@10 {default_row['ndcg@10']:.3f} (rank {default_rank} of {len(ranked)})")
    for r in rows:
        if "config" not in r:
            print(
                f"{r['name']}: NDCG@10 mean {r['ndcg@10']:.3f}, category {r['category']['ndcg@10']:.3f}, example {r['example']['ndcg@10']:.3f}"
            )
    print(f"{seconds:.1f} s in all")
    report |= {
        "seconds": round(seconds, 1),
        "defaults_rank": default_rank,
        "top": ranked[:10],
        "baselines": [r for r in rows if "config" not in r],
        "all": ranked,
    }
    report["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    write_report(report, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
