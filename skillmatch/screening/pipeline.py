"""The main job: documents + a requisition -> parsed profiles, people, a ranked shortlist, files.

``screen`` parses every document (a failure is reported for its file and the run goes on),
finds the documents that are the same person, ranks each person once (the merged record), and
returns a :class:`~skillmatch.screening.results.ScreenResult`. ``write_outputs`` writes it as
``profiles.jsonl``, ``clusters.jsonl``, ``ranking.jsonl``, ``requisition.json`` and a
self-contained ``report.html``.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from skillmatch.errors import InvalidArgumentError
from skillmatch.models import Cluster, ParseFailure, Profile, Requisition
from skillmatch.screening.results import ScreenConfig, ScreenResult, SkillNeighbour

if TYPE_CHECKING:
    from skillmatch.parsing.pipeline import Source
    from skills_graph import SkillsGraph

__all__ = ["DOCUMENT_SUFFIXES", "collect_sources", "screen", "write_outputs", "OUTPUT_FILES"]

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

#: The files taken from a folder (unsupported ones such as ``.doc`` are taken so they are reported).
DOCUMENT_SUFFIXES: tuple[str, ...] = (".pdf", ".docx", ".txt", ".html", ".htm", ".md", ".doc", ".rtf")
#: What :func:`write_outputs` writes, in order.
OUTPUT_FILES: tuple[str, ...] = ("profiles.jsonl", "clusters.jsonl", "ranking.jsonl", "requisition.json", "report.html")

#: ``progress(done, total, source)``, called after each document is parsed.
Progress = Callable[[int, int, str], None]


def collect_sources(sources: Iterable[Source]) -> list[Source]:
    """Sources as given, with each folder replaced by the documents in it (recursively, sorted).

    Bytes and file objects pass through; a path that does not exist is kept, so it is reported
    as a failure for that file.

    Examples
    --------
    >>> collect_sources([b"Ana Ruiz"])
    [b'Ana Ruiz']
    """
    out: list[Source] = []
    for source in sources:
        if isinstance(source, (str, os.PathLike)) and Path(source).is_dir():
            found = (p for p in Path(source).rglob("*") if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)
            out += sorted(found)
        else:
            out.append(source)
    return out


def _requisition(source: Requisition | str | os.PathLike[str] | Mapping[str, Any], graph: SkillsGraph) -> Requisition:
    from skillmatch.ranking.api import parse_requisition

    if isinstance(source, os.PathLike):
        path = Path(source)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidArgumentError("requisition", expected="a readable UTF-8 text file", got=str(path)) from exc
        return parse_requisition(text, graph=graph, requisition_id=path.stem)
    if isinstance(source, (Requisition, str, Mapping)):
        return parse_requisition(source, graph=graph)
    raise InvalidArgumentError(
        "requisition", expected="a Requisition, a mapping, YAML/JSON or job-ad text, or a Path", got=source
    )


def screen(
    requisition: Requisition | str | os.PathLike[str] | Mapping[str, Any],
    sources: Iterable[Source],
    *,
    graph: SkillsGraph | None = None,
    config: ScreenConfig | None = None,
    progress: Progress | None = None,
) -> ScreenResult:
    """Screen documents against a requisition: parse, find duplicates, rank each person once.

    Parameters
    ----------
    requisition : Requisition, mapping, str or Path
        A requisition, its YAML/JSON or the text of a job ad (see
        :func:`skillmatch.parse_requisition`); a :class:`~pathlib.Path` is read as such a file.
    sources : iterable of path, bytes or binary file object
        The documents; a folder stands for the documents in it (see :func:`collect_sources`).
    graph : SkillsGraph, optional
        Build it once and pass it (default: the packaged graph).
    config : ScreenConfig, optional
        The options of every stage.
    progress : callable, optional
        ``progress(done, total, source)`` after each document (for a progress bar).

    Returns
    -------
    ScreenResult
        Every document's profile or failure in input order, the clusters (people), and the
        ranking of every person, best first.

    Raises
    ------
    InvalidArgumentError, UnknownSkillError
        A requisition that cannot be read, or names a skill the graph does not know.

    Examples
    --------
    >>> import skillmatch
    >>> result = skillmatch.screen(
    ...     {"title": "Data Engineer", "must_have": ["SQL"]},
    ...     [b"Ana Ruiz\\nana@example.com\\nSkills: SQL", b"Ana Ruiz\\nana@example.com\\nSkills: SQL, Excel",
    ...      b"Bo Li\\nSkills: Excel", b"\\x89PNG\\r\\n\\x1a\\n"],
    ...     config=skillmatch.ScreenConfig(as_of="2026-11-22"))
    >>> len(result.documents), [f.code for f in result.failures], len(result.clusters), len(result.ranking)
    (4, ['unsupported_media_type'], 2, 2)
    >>> [result.members_of(c.profile_id)[0].name for c in result.ranking]
    ['Ana Ruiz', 'Bo Li']
    """
    from skillmatch.linkage.api import dedupe
    from skillmatch.parsing.pipeline import parse_many
    from skillmatch.ranking.scorer import CandidatePool
    from skills_graph import SkillsGraph

    config = config or ScreenConfig()
    if not isinstance(config, ScreenConfig):
        raise InvalidArgumentError("config", expected="a ScreenConfig", got=config)
    graph = graph or SkillsGraph.load()
    req = _requisition(requisition, graph)
    as_of = config.as_of or date.today().isoformat()
    items = collect_sources(sources)
    total = len(items)

    documents: list[Profile | ParseFailure] = []
    texts: dict[str, str] = {}
    results = parse_many(
        items,
        workers=config.workers,
        graph=graph if config.workers == 1 else None,
        config=config.parse,
        as_of=as_of,
    )
    for i, (source, result) in enumerate(zip(items, results, strict=True), start=1):
        documents.append(result)
        if config.full_text and isinstance(result, Profile) and result.profile_id not in texts:
            texts[result.profile_id] = _document_text(source, config)
        if progress is not None:
            progress(i, total, result.source)
    failures = [d for d in documents if isinstance(d, ParseFailure)]
    logger.info("parsed %d of %d documents", total - len(failures), total)

    # The same document given twice has one profile id: it is one record.
    unique = list({d.profile_id: d for d in documents if isinstance(d, Profile)}.values())
    clusters = dedupe(unique, config=config.dedupe) if unique else ()
    people = [_person(c, unique) for c in clusters]
    pool_texts = None
    if config.full_text:
        pool_texts = ["\n\n".join(texts.get(m, "") for m in c.member_ids) for c in clusters]
    pool = CandidatePool.from_profiles(people, graph=graph, text=config.rank.text_weight > 0, texts=pool_texts)
    ranking = pool.rank(req, config=config.rank)
    logger.info("ranked %d people from %d profiles", len(ranking), len(unique))

    neighbours = _neighbours(req, graph, people, config.neighbours)
    return ScreenResult(
        requisition=req,
        documents=tuple(documents),
        clusters=tuple(clusters),
        ranking=ranking,
        skill_names=_skill_names(req, ranking, neighbours, graph),
        neighbours=neighbours,
        graph_fingerprint=str(graph.fingerprint),
        as_of=as_of,
    )


def _person(cluster: Cluster, profiles: Sequence[Profile]) -> Profile:
    if cluster.merged is not None:
        return cluster.merged
    return next(p for p in profiles if p.profile_id == cluster.canonical_id)


def _document_text(source: Source, config: ScreenConfig) -> str:
    """The whole text of a document that parsed (read again); empty when it cannot be read again."""
    from skillmatch.errors import SkillmatchError
    from skillmatch.ingest import read_document

    if isinstance(source, (str, os.PathLike)):
        try:
            data = Path(source).read_bytes()
        except OSError:
            return ""
    elif isinstance(source, (bytes, bytearray)):
        data = bytes(source)
    else:
        return ""  # a file object was consumed by the parser
    try:
        return read_document(data, source_id=str(source)[:200], config=config.parse).text
    except SkillmatchError:
        return ""


def _neighbours(
    req: Requisition, graph: SkillsGraph, people: Sequence[Profile], limit: int
) -> tuple[SkillNeighbour, ...]:
    """Each requisition skill's nearest related skills, those a candidate has first."""
    if limit == 0:
        return ()
    held = {s.skill_id for p in people for s in p.skills}
    out: list[SkillNeighbour] = []
    needs = list(dict.fromkeys(r.skill_id for r in (*req.must_have, *req.nice_to_have)))
    for need in needs:
        paths = [p for p in graph.related(need, max_hops=1) if p.steps]
        paths.sort(key=lambda p: (p.have not in held, -p.credit, p.have))
        for path in paths[:limit]:
            direction = path.steps[0].direction
            relation: Literal["broader", "narrower", "related"] = (
                "broader" if direction == "up" else "narrower" if direction == "down" else "related"
            )
            out.append(
                SkillNeighbour(
                    need=need, have=path.have, credit=path.credit, relation=relation, in_pool=path.have in held
                )
            )
    return tuple(out)


_PATH_IDS = re.compile(r"(?:^|(?<=\]-> ))([^\s\[\]]+)")


def _skill_names(
    req: Requisition, ranking: Sequence[Any], neighbours: Sequence[SkillNeighbour], graph: SkillsGraph
) -> dict[str, str]:
    """Display names for every skill id the report shows (requirements, evidence, paths, graph)."""
    ids: set[str] = set()
    for r in (*req.must_have, *req.nice_to_have):
        ids.add(r.skill_id)
        ids.update(r.alternatives)
    for n in neighbours:
        ids.update((n.need, n.have))
    for candidate in ranking:
        for x in candidate.explanation.contributions:
            if x.matched_skill:
                ids.add(x.matched_skill)
            if x.path:
                ids.update(_PATH_IDS.findall(x.path))
    names: dict[str, str] = {}
    for sid in sorted(ids):
        if sid in graph:
            names[sid] = graph.get(sid).name
    return names


def write_outputs(result: ScreenResult, out_dir: str | os.PathLike[str]) -> dict[str, Path]:
    """Write a screening result to a folder (created if missing); returns each file's path.

    ``profiles.jsonl`` has one line per document in input order (a ``Profile`` or a
    ``ParseFailure``, as ``skillmatch parse`` writes), ``clusters.jsonl`` one ``Cluster`` per
    person, ``ranking.jsonl`` one ``RankedCandidate`` per person, best first,
    ``requisition.json`` the requisition, and ``report.html`` the recruiter's report (one
    self-contained file). Each file is written to a temporary name and then renamed.
    """
    from skillmatch.screening.report import render_report

    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    contents = {
        "profiles.jsonl": "".join(d.model_dump_json() + "\n" for d in result.documents),
        "clusters.jsonl": "".join(c.model_dump_json() + "\n" for c in result.clusters),
        "ranking.jsonl": "".join(c.model_dump_json() + "\n" for c in result.ranking),
        "requisition.json": result.requisition.model_dump_json(indent=2) + "\n",
        "report.html": render_report(result),
    }
    written: dict[str, Path] = {}
    for name in OUTPUT_FILES:
        path = folder / name
        tmp = folder / f".{name}.tmp"
        tmp.write_text(contents[name], encoding="utf-8")
        os.replace(tmp, path)
        written[name] = path
    return written
