"""The ``skillmatch`` command line: thin wrappers that call the public functions and print.

Examples
--------
``skillmatch graph show k8s``, ``skillmatch graph related Kubernetes``,
``skillmatch graph explain Docker Kubernetes``, ``skillmatch skills resume.txt --json``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from skillmatch import __version__
from skillmatch.errors import SkillmatchError

if TYPE_CHECKING:
    from skills_graph import SkillsGraph

__all__ = ["app", "main"]

app = typer.Typer(
    name="skillmatch",
    help="Parse resumes into evidence-backed profiles and rank them through a skills graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
graph_app = typer.Typer(help="Look up skills, their relations and similarity paths.", no_args_is_help=True)
app.add_typer(graph_app, name="graph")

GraphOption = Annotated[
    Path | None, typer.Option("--graph", help="A graph artefact to use instead of the packaged one.")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _load_graph(path: Path | None) -> SkillsGraph:
    from skills_graph import SkillsGraph

    return SkillsGraph.load(path)


def _console() -> Any:
    from rich.console import Console

    return Console()


def _print_json(records: Iterable[Any]) -> None:
    for record in records:
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


@app.command()
def version() -> None:
    """Print the skillmatch version."""
    typer.echo(__version__)


@graph_app.command("show")
def graph_show(
    name: Annotated[str, typer.Argument(help="A skill id, name or alias.")],
    graph: GraphOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one skill: type, aliases, sources and edges."""
    g = _load_graph(graph)
    skill = g.get(name)
    relations = g.relations(skill.skill_id)
    if as_json:
        _print_json([{**skill.model_dump(), "relations": [r.model_dump() for r in relations]}])
        return
    from rich.table import Table

    console = _console()
    console.print(f"[bold]{skill.name}[/bold]  ({skill.skill_id}, {skill.type})")
    if skill.aliases:
        console.print("aliases: " + ", ".join(skill.aliases[:40]) + (" ..." if len(skill.aliases) > 40 else ""))
    for kind, ids in skill.sources.items():
        console.print(f"{kind}: " + ", ".join(ids[:5]) + (" ..." if len(ids) > 5 else ""))
    if skill.flags:
        console.print("flags: " + ", ".join(skill.flags))
    table = Table("relation", "skill", "weight", "provenance")
    for r in relations[:60]:
        if r.type == "broader":
            label, other = ("broader", r.target) if r.source == skill.skill_id else ("narrower", r.source)
        else:
            label, other = "related", r.target if r.source == skill.skill_id else r.source
        table.add_row(label, f"{g.get(other).name} ({other})", f"{r.weight:.2f}", r.provenance)
    console.print(table)
    if len(relations) > 60:
        console.print(f"... and {len(relations) - 60} more relations (use --json for all)")


@graph_app.command("related")
def graph_related(
    name: Annotated[str, typer.Argument(help="A skill id, name or alias.")],
    hops: Annotated[int, typer.Option(min=1, max=3, help="Longest path considered.")] = 1,
    limit: Annotated[int, typer.Option(min=1, help="How many to show.")] = 20,
    graph: GraphOption = None,
    as_json: JsonOption = False,
) -> None:
    """Skills whose evidence counts toward NAME, with the credit and the path."""
    g = _load_graph(graph)
    paths = g.related(name, max_hops=hops)[:limit]
    if as_json:
        _print_json(p.model_dump() for p in paths)
        return
    from rich.table import Table

    table = Table("skill", "type", "credit", "path", title=f"Evidence for {g.get(name).name}")
    for p in paths:
        skill = g.get(p.have)
        table.add_row(skill.name, skill.type, f"{p.credit:.2f}", _describe_path(g, p.steps))
    _console().print(table)


@graph_app.command("explain")
def graph_explain(
    have: Annotated[str, typer.Argument(help="The skill a candidate has.")],
    need: Annotated[str, typer.Argument(help="The skill a requisition asks for.")],
    graph: GraphOption = None,
    as_json: JsonOption = False,
) -> None:
    """How much HAVE counts toward NEED, and by which path."""
    g = _load_graph(graph)
    path = g.explain(have, need)
    if as_json:
        _print_json([path.model_dump() if path else {"have": have, "need": need, "credit": 0.0, "steps": []}])
        return
    a, b = g.get(have), g.get(need)
    if path is None:
        typer.echo(f"{a.name} gives no credit toward {b.name} (no path of 3 hops or fewer).")
    elif not path.steps:
        typer.echo(f"{a.name} is {b.name}: full credit.")
    else:
        typer.echo(f"{a.name} counts toward {b.name} with credit {path.credit:.2f}: {_describe_path(g, path.steps)}")


def _describe_path(g: SkillsGraph, steps: Sequence[Any]) -> str:
    return describe_steps(g, steps)


def describe_steps(g: SkillsGraph, steps: Sequence[Any]) -> str:
    """A path as a recruiter reads it: ``Helm -> Kubernetes (broader 0.90)``; ``exact`` when empty."""
    label = {"up": "broader", "down": "narrower", "across": "related"}
    parts = [g.get(steps[0].source).name] if steps else []
    for s in steps:
        parts.append(f"-> {g.get(s.target).name} ({label[s.direction]} {s.weight:.2f})")
    return " ".join(parts) or "exact"


@app.command()
def skills(
    source: Annotated[str, typer.Argument(help="A text file, or the text itself.")],
    graph: GraphOption = None,
    as_json: JsonOption = False,
) -> None:
    """Find skill mentions (with character spans) in a file or a piece of text."""
    path = Path(source)
    text = path.read_text(encoding="utf-8", errors="replace") if _is_file(path) else source
    g = _load_graph(graph)
    matches = g.match_text(text)
    if as_json:
        _print_json(m.model_dump() for m in matches)
        return
    from rich.table import Table

    table = Table("start", "end", "written", "skill", "type", "confidence", title=f"{len(matches)} skill mentions")
    for m in matches:
        table.add_row(
            str(m.start),
            str(m.end),
            m.surface,
            f"{m.name} ({m.skill_id})",
            g.get(m.skill_id).type,
            f"{m.confidence:.2f}",
        )
    _console().print(table)


def _is_file(path: Path) -> bool:
    try:
        return len(str(path)) < 4096 and path.is_file()
    except OSError:
        return False


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status (2 for usage and lookup errors)."""
    try:
        app(args=list(argv) if argv is not None else None, prog_name="skillmatch")
    except SystemExit as exc:  # click's standalone mode: usage errors exit 2
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except SkillmatchError as exc:
        typer.echo(f"error [{exc.code}]: {exc}", err=True)
        return 2
    return 0
