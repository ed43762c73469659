"""The ``skillmatch`` command line: thin wrappers that call the public functions and print.

Examples
--------
``skillmatch graph show k8s``, ``skillmatch graph related Kubernetes``,
``skillmatch graph explain Docker Kubernetes``, ``skillmatch skills resume.txt --json``,
``skillmatch dedupe profiles.jsonl -o clusters.jsonl --index candidates.sqlite``,
``skillmatch search candidates.sqlite --name "Jon Smyth"``,
``skillmatch rank requisition.yaml profiles.jsonl --top-k 20 --explain``.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from skillmatch import __version__
from skillmatch.errors import SkillmatchError

if TYPE_CHECKING:
    from skills_graph import SkillsGraph

__all__ = ["app", "main", "describe_steps"]

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
    """JSON Lines: models as their JSON form, mappings as they are."""
    for record in records:
        data = record.model_dump(mode="json") if hasattr(record, "model_dump") else record
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")


_DOCUMENT_GLOBS = ("*.pdf", "*.docx", "*.txt", "*.html", "*.htm", "*.md", "*.doc", "*.rtf")


def _expand(paths: Sequence[Path]) -> list[Path]:
    """Files as given, and the documents inside folders (recursively, sorted)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = {p for pattern in _DOCUMENT_GLOBS for p in path.rglob(pattern) if p.is_file()}
            out += sorted(found)
        elif path.exists():
            out.append(path)
        else:
            raise typer.BadParameter(f"no such file or folder: {str(path)!r}")
    return out


@app.command()
def parse(
    paths: Annotated[list[Path], typer.Argument(help="Resume files or folders (PDF, DOCX, HTML, text).")],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write JSON Lines here (default: stdout).")
    ] = None,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Worker processes.")] = 1,
    as_of: Annotated[str | None, typer.Option(help="What 'present' means, YYYY-MM-DD (default: today).")] = None,
    region: Annotated[str, typer.Option(help="Region for phone numbers without a country code.")] = "US",
    graph: GraphOption = None,
) -> None:
    """Parse resumes into profiles (JSON Lines), with a summary of failures by error code."""
    from collections import Counter

    from rich.progress import Progress

    from skillmatch.config import ParseConfig
    from skillmatch.models import ParseFailure
    from skillmatch.parsing import parse_many

    files = _expand(paths)
    config = ParseConfig(default_region=region.upper())
    g = _load_graph(graph) if graph is not None or workers == 1 else None
    failures: Counter[str] = Counter()
    sink = output.open("w", encoding="utf-8") if output else sys.stdout
    console = _console() if output else None  # progress only when stdout carries the data
    try:
        with Progress(console=console, disable=console is None, transient=True) as progress:
            task = progress.add_task("parsing", total=len(files))
            for result in parse_many(files, workers=workers, graph=g, config=config, as_of=as_of):
                if isinstance(result, ParseFailure):
                    failures[result.code] += 1
                sink.write(result.model_dump_json() + "\n")
                progress.advance(task)
    finally:
        if output:
            sink.close()
    done = len(files) - sum(failures.values())
    summary = f"parsed {done} of {len(files)} document(s)"
    if failures:
        summary += "; failures: " + ", ".join(f"{code} {n}" for code, n in failures.most_common())
    typer.echo(summary, err=True)


@app.command()
def schema(
    model: Annotated[
        str,
        typer.Argument(
            help="Which record: profile, cluster, candidate-record, pair-score, match, requisition or ranked-candidate."
        ),
    ] = "profile",
) -> None:
    """Print the JSON Schema of a record, for an ATS to validate what it stores."""
    from pydantic import BaseModel

    from skillmatch.models import CandidateRecord, Cluster, Match, PairScore, Profile, RankedCandidate, Requisition

    models: dict[str, type[BaseModel]] = {
        "profile": Profile,
        "cluster": Cluster,
        "candidate-record": CandidateRecord,
        "pair-score": PairScore,
        "match": Match,
        "requisition": Requisition,
        "ranked-candidate": RankedCandidate,
    }
    if model.lower() not in models:
        raise typer.BadParameter(f"unknown record {model!r}; expected one of: {', '.join(models)}")
    typer.echo(json.dumps(models[model.lower()].model_json_schema(), indent=2))


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
        _print_json([{**skill.model_dump(mode="json"), "relations": [r.model_dump(mode="json") for r in relations]}])
        return
    from rich.table import Table

    console = _console()
    console.print(f"[bold]{skill.name}[/bold]  ({skill.skill_id}, {skill.type})")
    if skill.aliases:
        console.print("aliases: " + ", ".join(skill.aliases[:40]) + (" ..." if len(skill.aliases) > 40 else ""))
    for kind in dict.fromkeys(ref.kind for ref in skill.sources):
        ids = skill.source_ids(kind)
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
        _print_json(paths)
        return
    from rich.table import Table

    table = Table("skill", "type", "credit", "path", title=f"Evidence for {g.get(name).name}")
    for p in paths:
        skill = g.get(p.have)
        table.add_row(skill.name, skill.type, f"{p.credit:.2f}", describe_steps(g, p.steps))
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
    a, b = g.get(have), g.get(need)
    path = g.explain(a.skill_id, b.skill_id)
    if as_json:
        _print_json([path or {"have": a.skill_id, "need": b.skill_id, "credit": 0.0, "steps": []}])
        return
    if path is None:
        typer.echo(f"{a.name} gives no credit toward {b.name} (no path of 3 hops or fewer).")
    elif not path.steps:
        typer.echo(f"{a.name} is {b.name}: full credit.")
    else:
        typer.echo(f"{a.name} counts toward {b.name} with credit {path.credit:.2f}: {describe_steps(g, path.steps)}")


def describe_steps(g: SkillsGraph, steps: Sequence[Any]) -> str:
    """A path as a recruiter reads it: ``Helm -> Kubernetes (broader 0.90)``; ``exact`` when empty."""
    from skills_graph.models import DIRECTION_LABELS

    parts = [g.get(steps[0].source).name] if steps else []
    for s in steps:
        parts.append(f"-> {g.get(s.target).name} ({DIRECTION_LABELS[s.direction]} {s.weight:.2f})")
    return " ".join(parts) or "exact"


@app.command()
def skills(
    source: Annotated[str, typer.Argument(help="A text file, or the text itself.")],
    graph: GraphOption = None,
    as_json: JsonOption = False,
) -> None:
    """Find skill mentions (with character spans) in a text file or a piece of text."""
    path = Path(source)
    if _is_file(path):
        data = path.read_bytes()
        if b"\x00" in data[:4096]:
            raise typer.BadParameter(
                f"{source!r} is not a text file. PDF and DOCX resumes are read by the parser; "
                "pass a text file or the text itself."
            )
        text = data.decode("utf-8", errors="replace")
    elif _looks_like_path(source):
        raise typer.BadParameter(f"no such file: {source!r} (pass text with spaces, or an existing file)")
    else:
        text = source
    g = _load_graph(graph)
    matches = g.match_text(text)
    if as_json:
        _print_json(matches)
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


# -- deduplication ------------------------------------------------------------------------------
_REGION = re.compile(r"^[A-Z]{2}$")


def _json_objects(path: Path) -> Iterator[tuple[int, dict[str, Any] | tuple[str, str]]]:
    """The JSON objects of a JSON Lines file with their line numbers; a line that is not one
    comes as ``(code, why)`` instead (blank lines are skipped)."""
    with path.open("rb") as lines:
        for number, raw in enumerate(lines, start=1):
            try:
                text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                yield number, ("invalid_encoding", "not UTF-8 text")
                continue
            if not text.strip():
                continue
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                yield number, ("invalid_json", f"not JSON ({exc.msg} at column {exc.colno})")
                continue
            if not isinstance(data, dict):
                yield number, ("invalid_record", f"expected a JSON object, got {type(data).__name__}")
                continue
            yield number, data


def _is_failure(data: dict[str, Any]) -> bool:
    return {"source", "code", "message"} <= data.keys() and "id" not in data and "profile_id" not in data


def _validation_reason(exc: Any) -> str:
    error = exc.errors()[0]
    where = ".".join(map(str, error["loc"])) or "profile"
    return f"profile field {where!r}: {error['msg']}"


def _read_candidates(path: Path) -> tuple[list[Any], list[tuple[int, str, str]]]:
    """Profiles and candidate records from JSON Lines, and the lines skipped (number, code, why).

    A line with ``profile_id`` and ``schema_version`` is a :class:`~skillmatch.models.Profile`
    (``skillmatch parse`` output); any other object is an ATS candidate mapping. Messages name
    fields and ids, never values.
    """
    from pydantic import ValidationError

    from skillmatch.errors import InvalidRecordError
    from skillmatch.linkage import to_record
    from skillmatch.models import Profile

    records: list[Any] = []
    skipped: list[tuple[int, str, str]] = []
    first_line: dict[str, int] = {}
    for number, data in _json_objects(path):
        if isinstance(data, tuple):
            skipped.append((number, *data))
            continue
        try:
            if "profile_id" in data and "schema_version" in data:
                record = to_record(Profile.model_validate(data))
            elif _is_failure(data):
                skipped.append((number, "parse_failure", f"a document the parser could not read ({data['code']})"))
                continue
            else:
                record = to_record(data)
        except ValidationError as exc:
            skipped.append((number, "invalid_record", _validation_reason(exc)))
            continue
        except InvalidRecordError as exc:
            skipped.append((number, exc.code, str(exc)))
            continue
        if record.id in first_line:
            skipped.append((number, "invalid_record", f"record id {record.id!r} repeats line {first_line[record.id]}"))
            continue
        first_line[record.id] = number
        records.append(record)
    return records, skipped


def _read_profiles(path: Path) -> tuple[list[Any], list[tuple[int, str, str]]]:
    """Profiles from JSON Lines (``skillmatch parse`` output, or ``skillmatch dedupe`` clusters,
    whose merged profile stands for the person), and the lines skipped (number, code, why)."""
    from pydantic import ValidationError

    from skillmatch.models import Cluster, Profile

    profiles: list[Any] = []
    skipped: list[tuple[int, str, str]] = []
    first_line: dict[str, int] = {}
    for number, data in _json_objects(path):
        if isinstance(data, tuple):
            skipped.append((number, *data))
            continue
        if _is_failure(data):
            skipped.append((number, "parse_failure", f"a document the parser could not read ({data['code']})"))
            continue
        try:
            if "cluster_id" in data:
                merged = Cluster.model_validate(data).merged
                if merged is None:
                    skipped.append((number, "invalid_record", "a cluster without a merged profile"))
                    continue
                profile = merged
            else:
                profile = Profile.model_validate(data)
        except ValidationError as exc:
            skipped.append((number, "invalid_record", _validation_reason(exc)))
            continue
        if profile.profile_id in first_line:
            skipped.append(
                (
                    number,
                    "invalid_record",
                    f"profile id {profile.profile_id!r} repeats line {first_line[profile.profile_id]}",
                )
            )
            continue
        first_line[profile.profile_id] = number
        profiles.append(profile)
    return profiles, skipped


@app.command()
def dedupe(
    profiles: Annotated[
        Path,
        typer.Argument(
            help="JSON Lines of profiles (`skillmatch parse` output) or ATS candidate records.",
            exists=True,
            dir_okay=False,
        ),
    ],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write the clusters here as JSON Lines (default: stdout).")
    ] = None,
    threshold: Annotated[
        float | None, typer.Option(help="Match probability at which two records are linked (default 0.9).")
    ] = None,
    index: Annotated[
        Path | None, typer.Option("--index", help="Also save an index of the records here, for `skillmatch search`.")
    ] = None,
    region: Annotated[str, typer.Option(help="Region for phone numbers without a country code.")] = "US",
) -> None:
    """Find the records that are the same person; print clusters (JSON Lines) and a summary."""
    from skillmatch.config import DedupeConfig
    from skillmatch.linkage import DedupIndex, NicknameIndex
    from skillmatch.linkage import dedupe as find_duplicates

    if threshold is not None and not 0 < threshold < 1:
        raise typer.BadParameter(f"expected a probability between 0 and 1, got {threshold}", param_hint="--threshold")
    if not _REGION.match(region.upper()):
        raise typer.BadParameter(
            f"expected a two-letter region code such as US or GB, got {region!r}", param_hint="--region"
        )
    config = DedupeConfig(default_region=region.upper())
    if threshold is not None:
        config = DedupeConfig(default_region=region.upper(), threshold=threshold)
    records, skipped = _read_candidates(profiles)
    for number, code, why in skipped:
        typer.echo(f"line {number}: skipped [{code}]: {why}", err=True)
    nick = NicknameIndex.load()
    built = DedupIndex.build(records, config=config, nicknames=nick) if index is not None else None
    # With --index, the clusters are scored by the index's model, so the two always agree.
    model = built.model if built is not None else None
    clusters = find_duplicates(records, config=config, model=model, nicknames=nick) if records else ()
    sink = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        for c in clusters:
            sink.write(c.model_dump_json() + "\n")
    finally:
        if output:
            sink.close()
    if built is not None and index is not None:
        built.save(index)
    _dedupe_summary(clusters, len(records), len(skipped), index)


def _dedupe_summary(clusters: Sequence[Any], n_records: int, n_skipped: int, index: Path | None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(stderr=True)
    multi = [c for c in clusters if len(c.member_ids) > 1]
    summary = Table("", "count", title="Deduplication", show_header=False)
    summary.add_row("records", str(n_records))
    summary.add_row("clusters", str(len(clusters)))
    summary.add_row("records in multi-record clusters", str(sum(len(c.member_ids) for c in multi)))
    summary.add_row("largest cluster", str(max((len(c.member_ids) for c in clusters), default=0)))
    summary.add_row("skipped lines", str(n_skipped))
    console.print(summary)
    if multi:
        shown = Table("cluster", "members", "confidence", "strongest reason", title="Duplicates found")
        for c in multi[:20]:
            best = max(c.pairs, key=lambda p: (p.probability, p.match_weight), default=None)
            shown.add_row(c.cluster_id, ", ".join(c.member_ids), f"{c.confidence:.3f}", best.summary() if best else "")
        console.print(shown)
        if len(multi) > 20:
            console.print(f"... and {len(multi) - 20} more multi-record clusters (see the JSON Lines output)")
    if index is not None:
        console.print(f"index of {n_records} records saved to {index}")


@app.command()
def search(
    index: Annotated[
        Path, typer.Argument(help="An index file (`skillmatch dedupe --index`).", exists=True, dir_okay=False)
    ],
    name: Annotated[str | None, typer.Option(help="A name as heard or written (phonetic and fuzzy).")] = None,
    email: Annotated[str | None, typer.Option(help="An e-mail address.")] = None,
    phone: Annotated[str | None, typer.Option(help="A phone number in any format.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000, help="How many records to show at most.")] = 10,
    as_json: JsonOption = False,
) -> None:
    """Find indexed candidates by name, e-mail or phone, most probable first."""
    from skillmatch.errors import IndexStoreError
    from skillmatch.linkage import DedupIndex

    if not any(v and v.strip() for v in (name, email, phone)):
        raise typer.BadParameter("give at least one of --name, --email or --phone")
    try:
        found = DedupIndex.load(index)
    except IndexStoreError as exc:
        typer.echo(f"error [{exc.code}]: {exc}", err=True)
        raise typer.Exit(2) from None
    matches = found.search(name=name, email=email, phone=phone, limit=limit)
    names = {m.record_id: found.get(m.record_id).name for m in matches}
    if as_json:
        _print_json({**m.model_dump(mode="json"), "name": names[m.record_id]} for m in matches)
        return
    from rich.table import Table

    table = Table("id", "probability", "name", "reason", title=f"{len(matches)} matching records")
    for m in matches:
        table.add_row(m.record_id, f"{m.probability:.3f}", names[m.record_id] or "", m.reason)
    _console().print(table)


@app.command()
def rank(
    requisition: Annotated[
        Path,
        typer.Argument(help="A requisition (YAML or JSON) or the text of a job ad.", exists=True, dir_okay=False),
    ],
    profiles: Annotated[
        Path,
        typer.Argument(
            help="JSON Lines of profiles (`skillmatch parse`) or clusters (`skillmatch dedupe`).",
            exists=True,
            dir_okay=False,
        ),
    ],
    top_k: Annotated[int, typer.Option("--top-k", min=1, help="How many candidates to show.")] = 20,
    explain: Annotated[bool, typer.Option("--explain", help="Show every contribution to each score.")] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print RankedCandidate JSON Lines instead of a table.")
    ] = False,
    graph: GraphOption = None,
) -> None:
    """Rank candidates against a requisition: score, tier and the best evidence per requirement."""
    from skillmatch.ranking import CandidatePool, parse_requisition

    g = _load_graph(graph)
    try:
        text = requisition.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise typer.BadParameter("the requisition is not UTF-8 text", param_hint="REQUISITION") from None
    req = parse_requisition(text, graph=g, requisition_id=requisition.stem)
    people, skipped = _read_profiles(profiles)
    for number, code, why in skipped:
        typer.echo(f"line {number}: skipped [{code}]: {why}", err=True)
    shortlist = CandidatePool.from_profiles(people, graph=g).rank(req, top_k=top_k)
    if as_json:
        _print_json(shortlist)
        return
    _print_shortlist(req, shortlist, g, len(people), explain=explain)


def _print_shortlist(req: Any, shortlist: Sequence[Any], g: SkillsGraph, n_profiles: int, *, explain: bool) -> None:
    from rich.table import Table

    console = _console()
    musts = [r.skill_id for r in req.must_have]
    title = f"{req.title or req.requisition_id}: top {len(shortlist)} of {n_profiles} candidates"
    table = Table("#", "candidate", "score", "tier", *(g.get(sid).name for sid in musts), title=title)
    for c in shortlist:
        cells = []
        for sid in musts:
            found = next(x for x in c.explanation.contributions if x.feature == "must_have" and x.requirement == sid)
            if found.matched_by in {None, "missing"}:
                cells.append("-")
            elif found.matched_by in {"exact", "alias"}:
                cells.append(f"{found.months} mo" if found.months is not None else "listed")
            else:
                cells.append(f"via {g.get(found.matched_skill).name} ({found.credit:.2f})")
        table.add_row(str(c.rank), c.profile_id, f"{c.score:.1f}", c.tier, *cells)
    console.print(table)
    if explain:
        for c in shortlist:
            console.print(f"\n[bold]{c.rank}. {c.profile_id}[/bold]  {c.explanation.summary}")
            for x in c.explanation.contributions:
                console.print(f"   {x.points:5.1f} pts  {x.feature:<12} {x.evidence}", highlight=False)


_DOCUMENT_SUFFIXES = (".txt", ".md", ".pdf", ".docx", ".doc", ".html", ".htm", ".rtf", ".json", ".jsonl", ".csv")


def _looks_like_path(arg: str) -> bool:
    """One word with a folder separator or a document extension: surely meant as a file
    ("Node.js" is a skill, "resume.pdf" a file)."""
    if any(ch.isspace() for ch in arg):
        return False
    return "/" in arg or "\\" in arg or arg.lower().endswith(_DOCUMENT_SUFFIXES)


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


# -- the main job -------------------------------------------------------------------------------
@app.command()
def screen(
    requisition: Annotated[
        Path,
        typer.Argument(help="A requisition (YAML or JSON) or the text of a job ad.", exists=True, dir_okay=False),
    ],
    paths: Annotated[list[Path], typer.Argument(help="Resume files or folders (PDF, DOCX, HTML, text).")],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Output folder (default: out/<requisition name>).")
    ] = None,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Worker processes for parsing.")] = 1,
    as_of: Annotated[str | None, typer.Option(help="What 'present' means, YYYY-MM-DD (default: today).")] = None,
    top: Annotated[int, typer.Option("--top", min=0, help="How many candidates to print.")] = 10,
    full_text: Annotated[
        bool, typer.Option("--full-text", help="Text relevance reads each document's whole text (slower).")
    ] = False,
    graph: GraphOption = None,
) -> None:
    """Screen resumes against a requisition: parse, merge duplicates, rank, write JSON Lines and report.html."""
    from pydantic import ValidationError
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
    from rich.table import Table

    from skillmatch.screening import ScreenConfig, person_id_of, write_outputs
    from skillmatch.screening import screen as run

    files = _expand(paths)
    try:
        config = ScreenConfig(workers=workers, as_of=as_of, full_text=full_text)
    except ValidationError:
        raise typer.BadParameter("expected YYYY-MM-DD", param_hint="--as-of") from None
    g = _load_graph(graph)
    console = _console()
    with Progress(
        TextColumn("parsing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=console, transient=True
    ) as progress:
        task = progress.add_task("parsing", total=len(files))

        def advance(done: int, total: int, source: str) -> None:
            progress.update(task, completed=done, total=total)

        result = run(requisition, files, graph=g, config=config, progress=advance)
    for failure in result.failures:
        typer.echo(f"could not read {failure.source}: [{failure.code}] {failure.message}", err=True)
    folder = output or Path("out") / requisition.stem
    written = write_outputs(result, folder)
    people = {person_id_of(c): c for c in result.clusters}
    sources = {p.profile_id: Path(p.source).name for p in result.profiles}
    n_docs, n_fail = len(result.documents), len(result.failures)
    console.print(
        f"{n_docs - n_fail} of {n_docs} document(s) parsed, {len(result.clusters)} people, "
        + ", ".join(f"{n} {tier}" for tier, n in result.tier_counts().items()),
        highlight=False,
    )
    if top and result.ranking:
        req = result.requisition
        n_must = len(req.must_have)
        title = f"{req.title or req.requisition_id}: top {min(top, len(result.ranking))} of {len(result.ranking)}"
        table = Table("#", "candidate", "score", "tier", "must-haves", "documents", title=title)
        for c in result.ranking[:top]:
            cluster = people.get(c.profile_id)
            merged = cluster.merged if cluster is not None else None
            names = [sources.get(m, m) for m in cluster.member_ids] if cluster is not None else []
            docs = (names[0] if names else "") + (f" +{len(names) - 1} merged" if len(names) > 1 else "")
            name = (merged.name if merged is not None else None) or c.profile_id
            met = sum(
                1 for x in c.explanation.contributions if x.feature == "must_have" and x.status in {"met", "short"}
            )
            table.add_row(str(c.rank), name, f"{c.score:.1f}", c.tier, f"{met}/{n_must}", docs)
        console.print(table)
    console.print(f"report: {written['report.html']}", highlight=False)
    console.print(f"data: {', '.join(str(written[n]) for n in written if n != 'report.html')}", highlight=False)
