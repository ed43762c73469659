"""Find the same candidate across the example resumes and merge their records.

Run: ``python examples/dedupe_candidates.py [FILES_OR_FOLDERS...]`` (default: examples/resumes).
``make demo`` runs it. Parses every resume, deduplicates the profiles, and prints each group of
duplicates with the evidence that joined them and the merged record.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console

import skillmatch
from skills_graph import SkillsGraph


def main(paths: list[str]) -> None:
    console = Console()
    graph = SkillsGraph.load()
    files = sorted(
        p for arg in paths for p in (Path(arg).iterdir() if Path(arg).is_dir() else [Path(arg)]) if p.is_file()
    )
    profiles = [r for r in skillmatch.parse_many(files, graph=graph) if isinstance(r, skillmatch.Profile)]
    clusters = skillmatch.dedupe(profiles)
    source = {p.profile_id: Path(p.source).name for p in profiles}
    console.rule(f"[bold]Duplicates among {len(profiles)} resumes: {len(clusters)} people[/bold]")
    for cluster in clusters:
        if len(cluster.member_ids) < 2 or cluster.merged is None:
            continue
        merged = cluster.merged
        console.print(f"[bold]{merged.name}[/bold]: " + " + ".join(source[m] for m in cluster.member_ids))
        for pair in cluster.pairs:
            console.print(f"  why: {pair.summary(top=4)}")
        console.print(f"  merged e-mails: {', '.join(merged.contact.emails)}")
        console.print(f"  merged phones: {', '.join(merged.contact.phones)}")
        console.print(f"  positions: {len(merged.positions)}, skills: {len(merged.skills)}")
    singles = [source[c.member_ids[0]] for c in clusters if len(c.member_ids) == 1]
    console.print(f"no duplicates: {', '.join(singles)}")


if __name__ == "__main__":
    main(sys.argv[1:] or [str(Path(__file__).resolve().parent / "resumes")])
