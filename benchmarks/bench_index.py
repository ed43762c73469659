"""Incremental deduplication index: build, add + match, search, save and load at 100,000 records.

Targets (issue 4): with 100,000 records indexed, ``DedupIndex.add`` + match p99 <= 10 ms and
``DedupIndex.search`` p99 <= 20 ms.

What it does, on candidate-like records from ``benchmarks/candidates_gen.py`` (``--records`` +
``--ops`` records are generated; the first ``--records`` are indexed, the rest are the new arrivals):

1. ``DedupIndex.build`` on the first ``--records`` (trains the model as ``dedupe`` does): timed.
2. ``--ops`` searches on that index, made from the new arrivals' fields (60% name only, 20% e-mail,
   20% phone, written as the arrival wrote it): latency, and recall@10 (the share of queries with a
   true duplicate indexed that find one in the top 10).
3. ``--ops`` adds of the new arrivals: latency, and pairwise precision and recall of the matches
   returned against the generator's truth.
4. ``save`` and ``load``: time and file size; the loaded index must give the same results.

Latency is wall time per call (``time.perf_counter``); CPU time per call (``time.process_time``) is
printed beside it, since the development machine is shared and wall time includes waiting for a
core. The process pins itself to one core (``--no-pin`` to not). Results go to
``benchmarks/results/index.json``.

Run: ``.venv/bin/python benchmarks/bench_index.py`` (about 5 minutes at 100,000 records, most of it
generating records and training the model).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.candidates_gen import generate  # noqa: E402
from skillmatch.linkage import NicknameIndex  # noqa: E402
from skillmatch.linkage.index import DedupIndex  # noqa: E402

TARGETS_MS = {"add": 10.0, "search": 20.0}


def percentiles(seconds: list[float]) -> dict[str, float]:
    ms = np.asarray(seconds) * 1e3
    p50, p95, p99 = np.percentile(ms, [50, 95, 99])
    return {
        "p50": round(float(p50), 3),
        "p95": round(float(p95), 3),
        "p99": round(float(p99), 3),
        "max": round(float(ms.max()), 3),
    }


def query_for(i: int, record: dict[str, Any]) -> dict[str, str]:
    """A search a recruiter might type for this arrival: its name, e-mail or phone as written."""
    kind = ("name", "name", "name", "email", "phone")[i % 5]
    if kind == "email" and record.get("emails"):
        return {"email": record["emails"][0]}
    if kind == "phone" and record.get("phones"):
        return {"phone": record["phones"][0]}
    if record.get("name"):
        return {"name": record["name"]}
    if record.get("emails"):
        return {"email": record["emails"][0]}
    if record.get("phones"):
        return {"phone": record["phones"][0]}
    return {}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000, help="records indexed (default 100,000)")
    parser.add_argument("--ops", type=int, default=1000, help="adds and searches timed (default 1,000 each)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-pin", action="store_true", help="do not pin the process to one core")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "index.json")
    args = parser.parse_args(argv)
    if not args.no_pin and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    load_before = os.getloadavg()

    t0 = time.perf_counter()
    records, truth = generate(args.records + args.ops, seed=args.seed)
    base, arrivals = records[: args.records], records[args.records :]
    print(f"generated {len(records):,} records in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    nick = NicknameIndex.load()

    t0 = time.perf_counter()
    index = DedupIndex.build(base, nicknames=nick)
    build_s = time.perf_counter() - t0
    print(f"built the index of {len(index):,} records in {build_s:.1f} s", file=sys.stderr)

    members: dict[str, set[str]] = {}
    for r in base:
        members.setdefault(truth[r["id"]], set()).add(r["id"])

    # Searches on the index of args.records records, from the arrivals' fields.
    search_wall: list[float] = []
    search_cpu: list[float] = []
    with_dup = found = 0
    queries = [query_for(i, r) for i, r in enumerate(arrivals)]
    index.search(name="warm up")
    for r, q in zip(arrivals, queries, strict=True):
        if not q:
            continue
        w, c = time.perf_counter(), time.process_time()
        hits = index.search(**q, limit=10)
        search_cpu.append(time.process_time() - c)
        search_wall.append(time.perf_counter() - w)
        dups = members.get(truth[r["id"]], set())
        if dups:
            with_dup += 1
            found += any(h.record_id in dups for h in hits)

    # Adds of the arrivals, each matched against everything indexed before it.
    add_wall: list[float] = []
    add_cpu: list[float] = []
    tp = fp = fn = 0
    for r in arrivals:
        dups = set(members.get(truth[r["id"]], set()))
        w, c = time.perf_counter(), time.process_time()
        matches = index.add(r)
        add_cpu.append(time.process_time() - c)
        add_wall.append(time.perf_counter() - w)
        got = {m.record_id for m in matches}
        tp += len(got & dups)
        fp += len(got - dups)
        fn += len(dups - got)
        members.setdefault(truth[r["id"]], set()).add(r["id"])

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "index.sqlite"
        t0 = time.perf_counter()
        index.save(path)
        save_s = time.perf_counter() - t0
        size = path.stat().st_size
        t0 = time.perf_counter()
        loaded = DedupIndex.load(path, nicknames=nick)
        load_s = time.perf_counter() - t0
    same = len(loaded) == len(index) and all(loaded.search(**q) == index.search(**q) for q in queries[:100] if q)
    probe = {"id": "bench-probe", "name": arrivals[0].get("name"), "emails": arrivals[0].get("emails", [])}
    same = same and loaded.add(probe) == index.add(probe)

    result = {
        "machine": {
            "cpus": os.cpu_count(),
            "pinned_to_one_core": not args.no_pin,
            "python": platform.python_version(),
            "platform": platform.platform(),
            "load_average_before": [round(x, 2) for x in load_before],
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
        },
        "records_indexed": args.records,
        "ops": args.ops,
        "seed": args.seed,
        "build_seconds": round(build_s, 2),
        "add_ms": percentiles(add_wall),
        "add_cpu_ms": percentiles(add_cpu),
        "search_ms": percentiles(search_wall),
        "search_cpu_ms": percentiles(search_cpu),
        "add_quality": {
            "true_pairs": tp + fn,
            "precision": round(tp / (tp + fp), 4) if tp + fp else None,
            "recall": round(tp / (tp + fn), 4) if tp + fn else None,
        },
        "search_recall_at_10": round(found / with_dup, 4) if with_dup else None,
        "search_queries_with_duplicate": with_dup,
        "save_seconds": round(save_s, 2),
        "load_seconds": round(load_s, 2),
        "file_bytes": size,
        "loaded_index_gives_same_results": same,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "targets_ms": {"add_p99": TARGETS_MS["add"], "search_p99": TARGETS_MS["search"]},
    }
    result["targets_met"] = {
        "add_p99": result["add_ms"]["p99"] <= TARGETS_MS["add"],
        "search_p99": result["search_ms"]["p99"] <= TARGETS_MS["search"],
    }

    print(f"\nDedupIndex with {args.records:,} records indexed ({args.ops:,} operations each)")
    print(f"{'':24}{'p50':>9}{'p95':>9}{'p99':>9}{'max':>9}   target p99")
    for label, key, target in (
        ("add + match (wall ms)", "add_ms", "add"),
        ("add + match (cpu ms)", "add_cpu_ms", None),
        ("search (wall ms)", "search_ms", "search"),
        ("search (cpu ms)", "search_cpu_ms", None),
    ):
        p = result[key]
        goal = f"<= {TARGETS_MS[target]:g}" if target else ""
        print(f"{label:24}{p['p50']:9.2f}{p['p95']:9.2f}{p['p99']:9.2f}{p['max']:9.1f}   {goal}")
    q = result["add_quality"]
    print(f"add matches: precision {q['precision']}, recall {q['recall']} ({q['true_pairs']} true pairs)")
    print(f"search recall@10: {result['search_recall_at_10']} ({with_dup} queries with a duplicate indexed)")
    print(
        f"build {build_s:.1f} s; save {save_s:.1f} s; load {load_s:.1f} s; file {size / 1e6:.1f} MB; "
        f"loaded index gives the same results: {same}; peak RSS {result['peak_rss_mb']:.0f} MB"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
