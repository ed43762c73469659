"""Parse the example resumes (PDF, DOCX, text) and print a readable summary of each profile.

Run: ``python examples/parse_resumes.py [FILES_OR_FOLDERS...]`` (default: examples/resumes).
``make demo`` runs it. The graph is built once and passed to every parse.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

import skillmatch
from skills_graph import SkillsGraph


def main(paths: list[str]) -> None:
    console = Console()
    graph = SkillsGraph.load()
    files = sorted(
        p for arg in paths for p in (Path(arg).iterdir() if Path(arg).is_dir() else [Path(arg)]) if p.is_file()
    )
    for result in skillmatch.parse_many(files, graph=graph):
        if isinstance(result, skillmatch.ParseFailure):
            console.print(f"[red]{result.source}: {result.code}[/red] {result.message}")
            continue
        c = result.contact
        console.rule(f"[bold]{result.name or '(no name found)'}[/bold]  {Path(result.source).name}")
        console.print(
            f"{', '.join(c.emails) or '-'} | {', '.join(c.phones) or '-'} | {c.location or '-'}"
            f" | {', '.join(link.url for link in c.links) or '-'}"
        )
        jobs = Table("title", "employer", "from", "to", "months", box=None)
        for p in result.positions:
            jobs.add_row(
                p.title or "?",
                p.employer or "?",
                p.start or "?",
                "present" if p.is_current else (p.end or "?"),
                str(p.months or ""),
            )
        console.print(jobs)
        for e in result.education:
            console.print(f"  education: {e.degree or '?'} {e.field or ''} — {e.institution or '?'} ({e.end or '?'})")
        top = [s for s in result.skills if s.months][:6]
        listed = [s.name for s in result.skills if not s.months][:8]
        console.print(
            f"  total experience {result.total_experience_months // 12} y {result.total_experience_months % 12} m;"
            " skills with evidence: " + ", ".join(f"{s.name} {s.months} mo (last {s.last_used})" for s in top)
        )
        if listed:
            console.print("  listed only: " + ", ".join(listed))
        for w in result.warnings:
            console.print(f"  [yellow]warning {w.code}[/yellow]: {w.message}")


if __name__ == "__main__":
    main(sys.argv[1:] or [str(Path(__file__).resolve().parent / "resumes")])
