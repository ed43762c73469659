"""Rank the example resumes against each example requisition, with tiers and explanations.

Run: ``python examples/rank_for_requisition.py [REQUISITION...]`` (default: every ``*.txt`` job ad
in examples/requisitions). ``make demo`` runs it. The graph and the candidate pool are built once;
each requisition is then one call. Duplicates are merged first, so each person is ranked once.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

import skillmatch
from skillmatch.ranking import CandidatePool
from skills_graph import SkillsGraph

HERE = Path(__file__).resolve().parent


def main(requisitions: list[Path]) -> None:
    console = Console()
    graph = SkillsGraph.load()  # heavy objects: built once, passed in
    files = sorted(p for p in (HERE / "resumes").iterdir() if p.is_file())
    profiles = [r for r in skillmatch.parse_many(files, graph=graph) if isinstance(r, skillmatch.Profile)]
    clusters = skillmatch.dedupe(profiles)
    people = [c.merged for c in clusters if c.merged is not None]
    files_of = {p.profile_id: Path(p.source).name for p in profiles}
    # A merged person is shown by the files it came from.
    source = {c.merged.profile_id: " + ".join(files_of[m] for m in c.member_ids) for c in clusters if c.merged}
    pool = CandidatePool.from_profiles(people, graph=graph)
    for path in requisitions:
        requisition = skillmatch.parse_requisition(path.read_text(encoding="utf-8"), graph=graph)
        must = ", ".join(
            (r.name or graph.get(r.skill_id).name) + (f" ({r.min_months // 12}+ yrs)" if r.min_months else "")
            for r in requisition.must_have
        )
        console.rule(f"[bold]{requisition.title}[/bold]")
        console.print(f"must have: {must}")
        console.print(f"nice to have: {', '.join(r.name or r.skill_id for r in requisition.nice_to_have)}")
        shortlist = pool.rank(requisition)
        table = Table("#", "resume", "score", "tier", "summary")
        for c in shortlist:
            table.add_row(
                str(c.rank), source.get(c.profile_id, c.profile_id), f"{c.score:.1f}", c.tier, c.explanation.summary
            )
        console.print(table)
        best = shortlist[0]
        console.print(f"why {source.get(best.profile_id, best.profile_id)} ranks first:")
        for x in best.explanation.contributions:
            if x.points > 0 or x.feature == "must_have":
                console.print(f"  {x.points:5.1f} pts  {x.evidence}", highlight=False)


if __name__ == "__main__":
    main([Path(a) for a in sys.argv[1:]] or sorted((HERE / "requisitions").glob("*.txt")))
