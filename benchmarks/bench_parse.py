"""Resume parser benchmark: field quality on the golden set, speed and robustness on a PDF corpus.

Run: ``python benchmarks/bench_parse.py [--limit N] [--skip-workers] [--out PATH]``. Prints a
report and writes ``benchmarks/results/parse.json``.

* Quality: every document of ``data/fixtures/resumes/`` against its ``<stem>.expected.json``
  (``skillmatch.parsing.evaluation``): per-field precision / recall / F1, name accuracy and the
  share of documents whose total experience is within 3 months. Expected skill names are resolved
  to ids with ``graph.canonical``; names that do not resolve count as misses (the parser cannot report them). The
  ``expect_error`` document must raise that error code; the non-resume must score
  ``is_resume < 0.5`` (it is scored too: its expected fields are empty).
* Speed: the PDFs of ``../shared/data/corpora/livecareer-dev/*/*.pdf`` (sorted; ``--limit``):
  pdfminer.six's plain ``extract_text`` per file (the reference), ``skillmatch.parse_many`` with one
  worker and a graph loaded once (the load is not timed), and with two workers (the workers load
  their own graphs; that start-up is inside the timed run). Failures are counted by
  ``ParseFailure.code``; an exception escaping ``parse_many`` is a crash. Each of the three runs is
  a fresh process, so that its peak memory (``ru_maxrss``; for two workers also the largest worker)
  is its own.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks._report import machine_info, write_report  # noqa: E402

GOLDEN = ROOT / "data" / "fixtures" / "resumes"
CORPUS = ROOT.parent / "shared" / "data" / "corpora" / "livecareer-dev"
if TYPE_CHECKING:
    from skills_graph import SkillsGraph

AS_OF = "2026-11-01"
TARGETS: dict[str, float] = {
    "name_accuracy": 0.95,
    "emails": 0.98,
    "phones": 0.98,
    "links": 0.98,
    "positions": 0.85,
    "education": 0.85,
    "skills": 0.90,
    "experience_within_3_months": 0.85,
    "speedup_2_workers": 1.8,  # at least
    "time_ratio_vs_pdfminer": 1.15,  # at most
}


def _mib(rusage_kb: int) -> float:
    """``ru_maxrss`` in MiB (kilobytes on Linux, bytes on macOS)."""
    return round(rusage_kb / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def _mark(ok: bool) -> str:
    return "ok" if ok else "MISS"


# -- quality on the golden set ------------------------------------------------------------------
def golden(graph: SkillsGraph) -> dict[str, Any]:
    import skillmatch
    from skillmatch.errors import SkillmatchError
    from skillmatch.models import Profile
    from skillmatch.parsing.evaluation import GoldenReport, score_profile

    report = GoldenReport()
    unresolved: list[str] = []
    checks: list[dict[str, Any]] = []
    errors: list[str] = []
    seconds: list[float] = []
    documents = sorted(
        p
        for p in GOLDEN.iterdir()
        if p.suffix in {".pdf", ".docx", ".txt"} and p.with_suffix(".expected.json").exists()
    )
    for path in documents:
        expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
        if "expect_error" in expected:
            try:
                skillmatch.parse(path, graph=graph, as_of=AS_OF)
                got = "no error"
            except SkillmatchError as exc:
                got = exc.code
            checks.append(
                {
                    "document": path.name,
                    "check": f"raises {expected['expect_error']}",
                    "got": got,
                    "ok": got == expected["expect_error"],
                }
            )
            continue
        t = time.perf_counter()
        try:
            profile = skillmatch.parse(path, graph=graph, as_of=AS_OF)
        except Exception as exc:  # scored as an empty profile, reported
            errors.append(f"{path.name}: {type(exc).__name__}: {exc}")
            profile = Profile(profile_id="error", source=str(path), as_of=AS_OF, is_resume=0.0)
        seconds.append(time.perf_counter() - t)
        if expected.get("is_resume") is False:
            checks.append(
                {
                    "document": path.name,
                    "check": "is_resume < 0.5",
                    "got": profile.is_resume,
                    "ok": profile.is_resume < 0.5,
                }
            )
        skill_ids = []
        missing = 0
        for name in expected.get("skills", ()):
            sid = graph.canonical(name)
            if sid is None:
                unresolved.append(f"{path.name}: {name}")
                missing += 1
            else:
                skill_ids.append(sid)
        score_profile(
            report, profile, expected, skill_ids=dict.fromkeys(skill_ids), unresolved_skills=missing, label=path.stem
        )
    result = report.as_dict()
    for name, s in report.fields.items():
        result[name].update(tp=s.tp, fp=s.fp, fn=s.fn)
    result.update(
        files=len(documents),
        expected_skill_names_unresolved=len(unresolved),
        unresolved=unresolved,
        checks=checks,
        errors=errors,
        parse_ms_median=round(1000 * statistics.median(seconds), 1) if seconds else None,
        misses=report.misses,
    )
    return result


# -- speed and robustness: each stage runs in its own process ----------------------------------
def corpus_paths(limit: int | None) -> list[str]:
    paths = sorted(str(p) for p in CORPUS.glob("*/*.pdf"))
    return paths[:limit] if limit else paths


def _warm_file_cache(paths: list[str]) -> None:
    for p in paths:
        Path(p).read_bytes()


def stage_pdfminer(paths: list[str]) -> dict[str, Any]:
    import logging

    from pdfminer.high_level import extract_text

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    _warm_file_cache(paths)
    per_doc: list[float] = []
    failures: Counter[str] = Counter()
    for p in paths:
        t = time.perf_counter()
        try:
            extract_text(p)
        except Exception as exc:
            failures[type(exc).__name__] += 1
        per_doc.append(time.perf_counter() - t)
    return {"per_doc": per_doc, "failures": dict(failures)}


def stage_parse(paths: list[str], workers: int) -> dict[str, Any]:
    import logging
    import multiprocessing

    import skillmatch

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    graph = None
    load_seconds = None
    if workers == 1:
        from skills_graph import SkillsGraph

        t = time.perf_counter()
        graph = SkillsGraph.load()
        _ = graph.matcher
        skillmatch.parse_text("Ana Ruiz\nSkills: Python", graph=graph, as_of=AS_OF)  # warm
        load_seconds = time.perf_counter() - t
    _warm_file_cache(paths)
    per_doc: list[float] = []
    codes: Counter[str] = Counter()
    failed: list[dict[str, str]] = []
    crashes: list[dict[str, str]] = []
    resumes_below_half = 0
    start = time.perf_counter()
    i = 0
    while i < len(paths):  # an exception escaping parse_many is a crash: report it, go on after it
        t = time.perf_counter()
        try:
            for result in skillmatch.parse_many(paths[i:], workers=workers, graph=graph, as_of=AS_OF):
                now = time.perf_counter()
                per_doc.append(now - t)
                t = now
                if isinstance(result, skillmatch.ParseFailure):
                    codes[result.code] += 1
                    failed.append({"source": Path(paths[i]).name, "code": result.code, "message": result.message})
                elif result.is_resume < 0.5:
                    resumes_below_half += 1
                i += 1
        except Exception as exc:
            crashes.append({"source": paths[i], "error": f"{type(exc).__name__}: {exc}"})
            per_doc.append(time.perf_counter() - t)
            i += 1
    wall = time.perf_counter() - start
    deadline = time.time() + 30
    while multiprocessing.active_children() and time.time() < deadline:  # reap the workers
        time.sleep(0.05)
    return {
        "per_doc": per_doc,
        "wall_seconds": wall,
        "graph_load_seconds": load_seconds,
        "failures_by_code": dict(codes),
        "failed": failed,
        "crashes": crashes,
        "is_resume_below_half": resumes_below_half,
    }


def stage_paired(paths: list[str]) -> dict[str, Any]:
    """The same document through pdfminer's extract_text and through skillmatch.parse, one right
    after the other, in CPU time: the machine's load drifts cancel out of the ratio."""
    import logging

    from pdfminer.high_level import extract_text

    import skillmatch
    from skills_graph import SkillsGraph

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    graph = SkillsGraph.load()
    _ = graph.matcher
    skillmatch.parse_text("Ana Ruiz\nSkills: Python", graph=graph, as_of=AS_OF)  # warm
    _warm_file_cache(paths)
    bare: list[float] = []
    ours: list[float] = []
    for p in paths:
        t = time.process_time()
        with contextlib.suppress(Exception):
            extract_text(p)
        bare.append(time.process_time() - t)
        t = time.process_time()
        with contextlib.suppress(skillmatch.SkillmatchError):
            skillmatch.parse(p, graph=graph, as_of=AS_OF)
        ours.append(time.process_time() - t)
    return {"bare": bare, "ours": ours}


def run_stage(name: str, limit: int | None) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--stage", name] + (["--limit", str(limit)] if limit else [])
    load = os.getloadavg()[0]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        return {"stage_error": f"exit {proc.returncode}: {proc.stderr[-2000:]}"}
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    result["load_average_before"] = round(load, 2)
    return result


def _summary(per_doc: list[float], wall: float | None = None) -> dict[str, Any]:
    total = wall if wall is not None else sum(per_doc)
    ordered = sorted(per_doc)
    return {
        "documents": len(per_doc),
        "seconds": round(total, 3),
        "docs_per_second": round(len(per_doc) / total, 2) if total else None,
        "ms_per_doc_mean": round(1000 * total / len(per_doc), 2) if per_doc else None,
        "ms_per_doc_median": round(1000 * statistics.median(per_doc), 2) if per_doc else None,
        "ms_per_doc_p95": round(1000 * ordered[int(0.95 * (len(ordered) - 1))], 2) if per_doc else None,
        "ms_per_doc_max": round(1000 * ordered[-1], 2) if per_doc else None,
    }


def speed(limit: int | None, skip_workers: bool) -> dict[str, Any]:
    paths = corpus_paths(limit)
    out: dict[str, Any] = {"corpus": str(CORPUS.relative_to(ROOT.parent)), "documents": len(paths), "as_of": AS_OF}
    base = run_stage("pdfminer", limit)
    one = run_stage("workers1", limit)
    for raw in (base, one):
        if "stage_error" in raw:
            out["stage_error"] = raw["stage_error"]
            return out
    out["pdfminer_extract_text"] = {
        **_summary(base["per_doc"]),
        "failures": base["failures"],
        "cpu_seconds_process": base["cpu_seconds"],
        "load_average_before": base["load_average_before"],
        "peak_rss_mib": base["peak_rss_mib"],
    }
    out["parse_many_1_worker"] = {
        **_summary(one["per_doc"], one["wall_seconds"]),
        "graph_load_seconds_not_timed": round(one["graph_load_seconds"], 2),
        "failures_by_code": one["failures_by_code"],
        "cpu_seconds_process": one["cpu_seconds"],
        "load_average_before": one["load_average_before"],
        "failed": one["failed"],
        "crashes": one["crashes"],
        "is_resume_below_half": one["is_resume_below_half"],
        "peak_rss_mib": one["peak_rss_mib"],
    }
    bare, ours = sum(base["per_doc"]), one["wall_seconds"]
    paired = run_stage("paired", limit)
    paired_ratio = (
        round(sum(paired["ours"]) / sum(paired["bare"]), 3)
        if "stage_error" not in paired and sum(paired["bare"])
        else None
    )
    out["time_ratio_vs_pdfminer"] = {
        # The headline: each document through both, back to back, in CPU time.
        "paired_cpu": paired_ratio,
        "paired_median_doc": round(
            statistics.median(o / b for o, b in zip(paired["ours"], paired["bare"], strict=True) if b), 3
        )
        if paired_ratio
        else None,
        "mean": round(ours / bare, 3) if bare else None,  # separate runs: ratio of mean per-document times
        "cpu_seconds": round(one["cpu_seconds"] / base["cpu_seconds"], 3),  # includes imports and graph load
        "median_doc": round(statistics.median(one["per_doc"]) / statistics.median(base["per_doc"]), 3),
        "target_at_most": TARGETS["time_ratio_vs_pdfminer"],
    }
    if not skip_workers:
        two = run_stage("workers2", limit)
        if "stage_error" in two:
            out["workers_2_error"] = two["stage_error"]
        else:
            out["parse_many_2_workers"] = {
                **_summary(two["per_doc"], two["wall_seconds"]),
                "failures_by_code": two["failures_by_code"],
                "cpu_seconds_process": two["cpu_seconds"],
                "cpu_seconds_workers": two["cpu_seconds_children"],
                "load_average_before": two["load_average_before"],
                "crashes": two["crashes"],
                "peak_rss_mib": two["peak_rss_mib"],
                "peak_rss_largest_worker_mib": two["peak_rss_children_mib"],
            }
            # Steady state: from the first result to the last (worker start-up and graph loads excluded).
            steady1 = (len(one["per_doc"]) - 1) / (ours - one["per_doc"][0]) if len(one["per_doc"]) > 1 else None
            rest2 = two["wall_seconds"] - two["per_doc"][0]
            steady2 = (len(two["per_doc"]) - 1) / rest2 if len(two["per_doc"]) > 1 and rest2 > 0 else None
            out["speedup_2_workers"] = {
                "wall": round(ours / two["wall_seconds"], 3),
                "steady_state": round(steady2 / steady1, 3) if steady1 and steady2 else None,
                "target_at_least": TARGETS["speedup_2_workers"],
            }
    return out


# -- report -------------------------------------------------------------------------------------
def print_golden(g: dict[str, Any]) -> None:
    print(
        f"== quality: golden set {GOLDEN.relative_to(ROOT)} ({g['files']} files, {g['documents']} scored, "
        f"parse median {g['parse_ms_median']} ms)"
    )
    print(f"  {'field':28s} {'P':>6s} {'R':>6s} {'F1':>6s} {'tp':>5s} {'fp':>5s} {'fn':>5s} {'target':>8s}")
    for name in ("emails", "phones", "links", "positions", "education", "skills"):
        s = g[name]
        print(
            f"  {name:28s} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['tp']:5d} {s['fp']:5d} "
            f"{s['fn']:5d} {'>= ' + format(TARGETS[name], '.2f'):>8s}  {_mark(s['f1'] >= TARGETS[name])}"
        )
    for name, label in (("name_accuracy", "name accuracy"), ("experience_within_3_months", "experience within 3 mo")):
        v = g[name]
        pad = " " * 36
        print(f"  {label:28s} {v:6.3f}{pad}{'>= ' + format(TARGETS[name], '.2f'):>8s}  {_mark(v >= TARGETS[name])}")
    print(f"  expected skill names the graph does not know (counted as misses): {g['expected_skill_names_unresolved']}")
    for c in g["checks"]:
        print(f"  check {c['document']:34s} {c['check']:26s} got {c['got']!s:16s} {_mark(c['ok'])}")
    for e in g["errors"]:
        print(f"  ERROR {e}")
    print(f"  misses: {len(g['misses'])} (all in the JSON); first 12:")
    for m in g["misses"][:12]:
        print(f"    {m}")


def print_speed(s: dict[str, Any]) -> None:
    print(f"== speed and robustness: {s['corpus']} ({s['documents']} PDFs, as_of {s['as_of']})")
    if "stage_error" in s:
        print(f"  a stage failed: {s['stage_error']}")
        return
    rows = [("pdfminer extract_text (reference)", s["pdfminer_extract_text"], "")]
    rows.append(("skillmatch parse_many, 1 worker", s["parse_many_1_worker"], ""))
    if "parse_many_2_workers" in s:
        w2 = s["parse_many_2_workers"]
        rows.append(("skillmatch parse_many, 2 workers", w2, f"{w2['peak_rss_largest_worker_mib']:.1f}"))
    print(
        f"  {'run':34s} {'docs':>5s} {'s':>8s} {'docs/s':>7s} {'ms mean':>8s} {'ms med':>7s} {'ms p95':>7s} "
        f"{'ms max':>8s} {'RSS MiB':>8s} {'worker':>7s} {'load':>5s}"
    )
    for label, r, worker in rows:
        print(
            f"  {label:34s} {r['documents']:5d} {r['seconds']:8.2f} {r['docs_per_second']:7.2f} "
            f"{r['ms_per_doc_mean']:8.1f} {r['ms_per_doc_median']:7.1f} {r['ms_per_doc_p95']:7.1f} "
            f"{r['ms_per_doc_max']:8.1f} {r['peak_rss_mib']:8.1f} {worker:>7s} {r['load_average_before']:5.2f}"
        )
    one = s["parse_many_1_worker"]
    ratio = s["time_ratio_vs_pdfminer"]
    headline = ratio["paired_cpu"] if ratio["paired_cpu"] is not None else ratio["mean"]
    print(
        f"  time per document vs pdfminer: {headline:.3f}x (same documents back to back, CPU time; median document"
        f" {ratio['paired_median_doc']}x); separate wall-clock runs {ratio['mean']:.3f}x"
        f"  target <= {ratio['target_at_most']:.2f}  {_mark(headline <= ratio['target_at_most'])}"
    )
    if "speedup_2_workers" in s:
        sp = s["speedup_2_workers"]
        steady = f"{sp['steady_state']:.2f}x" if sp["steady_state"] else "-"
        print(
            f"  speedup with 2 workers: {sp['wall']:.2f}x wall (worker start-up included; steady state {steady})"
            f"  target >= {sp['target_at_least']:.1f}  {_mark(sp['wall'] >= sp['target_at_least'])}"
        )
    elif "workers_2_error" in s:
        print(f"  2-worker run failed: {s['workers_2_error']}")
    else:
        print("  2-worker run skipped (--skip-workers)")
    fails = ", ".join(f"{k} {v}" for k, v in sorted(one["failures_by_code"].items())) or "none"
    print(
        f"  failures by code (1 worker): {fails}; pdfminer failures: {s['pdfminer_extract_text']['failures'] or 'none'}"
    )
    crashes = one["crashes"] + s.get("parse_many_2_workers", {}).get("crashes", [])
    print(f"  crashes (exceptions escaping parse_many): {len(crashes)}  target 0  {_mark(not crashes)}")
    for c in crashes:
        print(f"    {c['source']}: {c['error']}")
    print(f"  parsed profiles with is_resume < 0.5 (1 worker): {one['is_resume_below_half']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="use the first N PDFs of the corpus (sorted)")
    parser.add_argument("--skip-workers", action="store_true", help="skip the 2-worker run")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "parse.json")
    parser.add_argument(
        "--golden-only", action="store_true", help="re-score the golden set only; keep the corpus figures in --out"
    )
    parser.add_argument("--stage", choices=("pdfminer", "workers1", "workers2", "paired"), help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.stage:  # a child process: one timed run, JSON on stdout
        paths = corpus_paths(args.limit)
        if args.stage == "pdfminer":
            result = stage_pdfminer(paths)
        elif args.stage == "paired":
            result = stage_paired(paths)
        else:
            result = stage_parse(paths, workers=1 if args.stage == "workers1" else 2)
        me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        result["cpu_seconds"] = round(me.ru_utime + me.ru_stime, 3)
        result["cpu_seconds_children"] = round(kids.ru_utime + kids.ru_stime, 3)
        result["peak_rss_mib"] = _mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
        result["peak_rss_children_mib"] = _mib(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        print(json.dumps(result))
        return 0

    if args.golden_only:
        from skills_graph import SkillsGraph

        previous = json.loads(args.out.read_text(encoding="utf-8")) if args.out.exists() else {}
        graph = SkillsGraph.load()
        previous["graph_fingerprint"] = graph.fingerprint
        previous["golden"] = golden(graph)
        print_golden(previous["golden"])
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(previous, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {args.out} (golden set only; corpus figures kept from the previous run)")
        return 0

    report: dict[str, Any] = {
        "machine": machine_info(),
        "targets": TARGETS,
    }
    # The timed runs first, while this process is small: Linux keeps ru_maxrss across exec, so a
    # child started from a process that had loaded the graph would report the parent's peak.
    if CORPUS.is_dir() and corpus_paths(args.limit):
        print(f"(timing {len(corpus_paths(args.limit))} PDFs in fresh processes...)", file=sys.stderr, flush=True)
        corpus = speed(args.limit, args.skip_workers)
    else:
        corpus = {"skipped": f"corpus not found: {CORPUS}"}
    from skills_graph import SkillsGraph

    graph = SkillsGraph.load()
    report["graph_fingerprint"] = graph.fingerprint
    report["golden"] = golden(graph)
    report["corpus"] = corpus
    report["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    print_golden(report["golden"])
    if "skipped" in corpus:
        print(f"== speed and robustness: skipped, corpus not found ({CORPUS})")
    else:
        print_speed(corpus)
    write_report(report, args.out, indent="  ")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
