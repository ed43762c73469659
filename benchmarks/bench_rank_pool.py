"""Ranking at scale: ``CandidatePool.rank`` on a million synthetic profiles.

Target (issue 5): ranking 1,000,000 profiles takes at most 1 s per requisition on the
development machine; encoding the pool is reported separately.

The synthetic profiles have what parsed profiles have: 8 to 40 skills each, drawn with a Zipf-like
skew from the 4,000 most popular skills of the graph (so Python or Excel sit in hundreds of
thousands of profiles and the long tail in a few), months of use (a third only listed), a last-used
month, one to three job titles, total experience and an education level. Profiles are generated
and encoded in a stream, never all held at once. Each of six requisitions (3 to 6 must-haves,
3 to 8 nice-to-haves, a title, some with minimum months) is ranked for the top 20 with
explanations, once cold (the graph's path searches not yet cached) and then ``--repeat`` times
warm; the table gives both. Text relevance is off: synthetic profiles have no prose to index (the
TF-IDF product is one sparse matrix-vector product per requisition; its cost on real text is in
``bench_rank.py``).

Run: ``.venv/bin/python benchmarks/bench_rank_pool.py [--profiles 1000000]`` (about 4 minutes,
most of it generating and encoding). Results: ``benchmarks/results/rank_pool.json``.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks._report import write_report  # noqa: E402
from skillmatch.config import RankConfig  # noqa: E402
from skillmatch.models import Education, Position, Profile, Requisition, SkillEvidence, SkillRequirement  # noqa: E402
from skillmatch.ranking import CandidatePool  # noqa: E402
from skills_graph import SkillsGraph  # noqa: E402

TITLES = [
    "Software Engineer",
    "Senior Backend Engineer",
    "Data Engineer",
    "Data Scientist",
    "Registered Nurse",
    "Accountant",
    "Frontend Developer",
    "DevOps Engineer",
    "Chef",
    "Teacher",
    "Sales Manager",
    "HR Generalist",
]
LEVELS = [None, "secondary", "associate", "bachelor", "bachelor", "master", "doctorate"]


def requisitions() -> list[Requisition]:
    def r(title: str, must: list[str], nice: list[str], months: int | None = None) -> Requisition:
        return Requisition(
            requisition_id=title.lower().replace(" ", "-"),
            title=title,
            must_have=tuple(SkillRequirement(skill_id=s, min_months=months) for s in must),
            nice_to_have=tuple(SkillRequirement(skill_id=s) for s in nice),
            min_total_months=months,
        )

    return [
        r(
            "Backend Engineer",
            ["python", "postgresql", "docker", "kubernetes"],
            ["apache-kafka", "terraform", "go", "redis"],
            36,
        ),
        r(
            "Data Engineer",
            ["python", "sql", "apache-spark"],
            ["apache-airflow", "snowflake", "aws", "docker", "scala"],
        ),
        r("Frontend Developer", ["javascript", "react", "css"], ["typescript", "redux", "webpack", "html"], 24),
        r(
            "DevOps Engineer",
            ["kubernetes", "terraform", "aws", "linux", "ci-cd"],
            ["ansible", "prometheus", "grafana"],
        ),
        r(
            "Data Scientist",
            ["python", "machine-learning", "sql", "statistics"],
            ["pytorch", "scikit-learn", "pandas", "r"],
        ),
        r(
            "Java Developer",
            ["java", "spring-boot", "sql", "git", "rest", "microservices"],
            ["kotlin", "docker", "aws"],
            48,
        ),
    ]


def synthetic_profiles(n: int, vocabulary: list[str], seed: int) -> Iterator[Profile]:
    rng = random.Random(seed)
    weights = [1.0 / (rank + 10) for rank in range(len(vocabulary))]
    cumulative = []
    total = 0.0
    for w in weights:
        total += w
        cumulative.append(total)
    for i in range(n):
        k = rng.randint(8, 40)
        chosen = set(rng.choices(vocabulary, cum_weights=cumulative, k=k))
        skills = []
        for sid in sorted(chosen):
            listed = rng.random() < 0.33
            skills.append(
                SkillEvidence(
                    skill_id=sid,
                    name=sid,
                    months=None if listed else rng.randint(1, 150),
                    last_used=None if listed else f"{rng.randint(2008, 2026)}-{rng.randint(1, 12):02d}",
                    mentions=rng.randint(1, 6),
                )
            )
        titles = rng.sample(TITLES, rng.randint(1, 3))
        level = rng.choice(LEVELS)
        yield Profile(
            profile_id=f"p{i:07d}",
            source="synthetic",
            as_of="2026-11-01",
            skills=tuple(skills),
            positions=tuple(Position(title=t) for t in titles),
            education=(Education(level=level),) if level else (),
            total_experience_months=rng.randint(0, 360),
        )


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "rank_pool.json")
    args = parser.parse_args()
    load_start = os.getloadavg()

    graph = SkillsGraph.load()
    wanted = {r.skill_id for req in requisitions() for r in (*req.must_have, *req.nice_to_have)}
    missing = sorted(s for s in wanted if s not in graph)
    if missing:
        raise SystemExit(f"requisition skills not in the graph: {missing}")
    vocabulary = sorted(graph, key=lambda s: (-graph.get(s).popularity, s))[:4000]
    rss_before = rss_mib()
    t0 = time.perf_counter()
    pool = CandidatePool.from_profiles(
        synthetic_profiles(args.profiles, vocabulary, args.seed), graph=graph, text=False
    )
    encode_s = time.perf_counter() - t0
    entries = len(pool.encoded.rows)
    print(
        f"encoded {len(pool):,} profiles ({entries:,} skill entries) in {encode_s:.1f} s "
        f"({len(pool) / encode_s:,.0f} profiles/s, generation included); peak RSS {rss_mib():,.0f} MiB"
    )

    config = RankConfig(text_weight=0.0)
    rows = []
    for req in requisitions():
        t0 = time.perf_counter()
        top = pool.rank(req, top_k=20, config=config)
        cold = time.perf_counter() - t0
        warm = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            again = pool.rank(req, top_k=20, config=config)
            warm.append(time.perf_counter() - t0)
        assert again == top
        tiers = {t: sum(c.tier == t for c in top) for t in ("strong", "good", "near", "no")}
        rows.append(
            {
                "requisition": req.requisition_id,
                "requirements": len(req.must_have) + len(req.nice_to_have),
                "cold_s": round(cold, 3),
                "warm_median_s": round(statistics.median(warm), 3),
                "warm_max_s": round(max(warm), 3),
                "top_score": top[0].score,
                "top20_tiers": tiers,
            }
        )
    print(f"\n{'requisition':<22}{'reqs':>5}{'cold s':>9}{'warm median s':>15}{'warm max s':>12}  top-20 tiers")
    for r in rows:
        tiers = " ".join(f"{k}={v}" for k, v in r["top20_tiers"].items() if v)
        print(
            f"{r['requisition']:<22}{r['requirements']:>5}{r['cold_s']:>9.3f}{r['warm_median_s']:>15.3f}{r['warm_max_s']:>12.3f}  {tiers}"
        )
    worst = max(r["warm_median_s"] for r in rows)
    print(
        f"\nslowest requisition, warm median: {worst:.3f} s (target <= 1 s per requisition); peak RSS {rss_mib():,.0f} MiB"
    )
    report = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "load_average_at_start": [round(x, 2) for x in load_start],
            "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
        },
        "profiles": len(pool),
        "skill_entries": entries,
        "encode_seconds": round(encode_s, 1),
        "peak_rss_mib_before_pool": round(rss_before),
        "peak_rss_mib": round(rss_mib()),
        "requisitions": rows,
        "slowest_warm_median_s": worst,
    }
    write_report(report, args.out)


if __name__ == "__main__":
    main()
