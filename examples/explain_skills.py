"""Extract and explain the skills in a resume and a job ad, through the skills graph.

Run: ``python examples/explain_skills.py RESUME.txt JOB_AD.txt`` (``make demo`` does this on the
shipped examples). For every skill the job ad asks for, it prints the resume's best evidence:
the same skill, or a related one with the path and the partial credit the graph gives it.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table

from skillmatch.cli import describe_steps
from skills_graph import SkillsGraph


def main(resume_path: str, job_path: str) -> None:
    console = Console()
    graph = SkillsGraph.load()  # build once, pass around
    resume = Path(resume_path).read_text(encoding="utf-8")
    job = Path(job_path).read_text(encoding="utf-8")

    resume_mentions = graph.match_text(resume)
    counts = Counter(m.skill_id for m in resume_mentions)
    table = Table("skill", "type", "mentions", "written as", title=f"Skills in {Path(resume_path).name}")
    for skill_id, n in counts.most_common():
        surfaces = sorted({m.surface for m in resume_mentions if m.skill_id == skill_id})
        table.add_row(graph.get(skill_id).name, graph.get(skill_id).type, str(n), ", ".join(surfaces))
    console.print(table)

    wanted = list(dict.fromkeys(m.skill_id for m in graph.match_text(job)))
    have = set(counts)
    table = Table(
        "the job ad asks for",
        "best evidence in the resume",
        "credit",
        "why",
        title=f"{Path(job_path).name} vs {Path(resume_path).name}",
    )
    for need in wanted:
        evidence = graph.evidence_for(need)
        best = max((evidence[h] for h in have if h in evidence), key=lambda p: (p.credit, p.have), default=None)
        if best is None:
            table.add_row(graph.get(need).name, "-", "0.00", "no direct or related evidence")
        elif not best.steps:
            table.add_row(
                graph.get(need).name, graph.get(best.have).name, "1.00", f"exact, {counts[best.have]} mention(s)"
            )
        else:
            why = describe_steps(graph, best.steps)
            table.add_row(graph.get(need).name, graph.get(best.have).name, f"{best.credit:.2f}", why)
    console.print(table)
    console.print(f"[dim]skills graph {graph.fingerprint[:12]}: {len(graph)} skills[/dim]")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python examples/explain_skills.py RESUME.txt JOB_AD.txt")
    main(sys.argv[1], sys.argv[2])
