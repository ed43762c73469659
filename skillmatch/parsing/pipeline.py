"""From bytes to a :class:`~skillmatch.models.Profile`: the public ``parse`` functions.

``parse`` reads one document (a path, bytes or a binary file object; the format is sniffed
from content), ``parse_text`` parses text you already have, and ``parse_many`` parses a stream
of documents, one result per input, in input order, reporting failures instead of stopping.

Pass a :class:`~skills_graph.SkillsGraph` built once (``graph=``): without it every call loads
the packaged graph, which costs about a second and a half. A spaCy pipeline (``nlp=``, from
:func:`skillmatch.parsing.make_nlp`) is optional: the parser is rule-based and runs none by
default; a pipeline that recognises named entities helps it choose the candidate's name.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, TypeVar

from skillmatch.config import ParseConfig
from skillmatch.errors import (
    DocumentError,
    DocumentTooLargeError,
    InvalidArgumentError,
    ParseTimeoutError,
    SkillmatchError,
)
from skillmatch.models import Document, DocumentLine, ParseFailure, ParseWarning, Profile

if TYPE_CHECKING:
    from spacy.language import Language

    from skills_graph import SkillsGraph

__all__ = ["Source", "parse", "parse_text", "parse_document", "parse_many"]

_T = TypeVar("_T")
logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

#: What ``parse`` accepts: a path, the bytes of a document, or a binary file object.
Source = str | os.PathLike[str] | bytes | bytearray | IO[bytes]


def _as_of(value: date | str | None) -> date:
    if value is None:
        return date.today()
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError as exc:
            raise InvalidArgumentError("as_of", expected="a date or 'YYYY-MM-DD'", got=value) from exc
    if isinstance(value, date):
        return value
    raise InvalidArgumentError("as_of", expected="a date or 'YYYY-MM-DD'", got=value)


def _check_nlp(nlp: object) -> None:
    """Raise ``InvalidArgumentError`` unless ``nlp`` is None or a spaCy pipeline (spaCy loads only then)."""
    if nlp is not None:
        from skillmatch.parsing._nlp import check_nlp

        check_nlp(nlp)


def _read_source(source: Source, config: ParseConfig) -> tuple[bytes, str]:
    """The bytes of a source and a name for it (a path, or a hash for anonymous bytes)."""
    if isinstance(source, (bytes, bytearray)):
        data = bytes(source)
        return data, "sha256:" + hashlib.sha256(data).hexdigest()[:16]
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        try:
            size = path.stat().st_size
            if size > config.max_bytes:
                raise DocumentTooLargeError(
                    f"The document is {size:,} bytes, over the limit of {config.max_bytes:,} (ParseConfig.max_bytes).",
                    source=str(path),
                    got=size,
                    expected=config.max_bytes,
                )
            return path.read_bytes(), str(path)
        except OSError as exc:
            raise InvalidArgumentError("source", expected="a readable file", got=str(path)) from exc
    if hasattr(source, "read"):
        data = source.read(config.max_bytes + 1)
        if not isinstance(data, bytes):
            raise InvalidArgumentError("source", expected="a binary file object", got=source)
        name = str(getattr(source, "name", "")) or "sha256:" + hashlib.sha256(data).hexdigest()[:16]
        return data, name
    raise InvalidArgumentError("source", expected="a path, bytes or a binary file object", got=source)


def parse(
    source: Source,
    *,
    media_type: str | None = None,
    graph: SkillsGraph | None = None,
    nlp: Language | None = None,
    config: ParseConfig | None = None,
    as_of: date | str | None = None,
) -> Profile:
    """Parse one resume into a :class:`~skillmatch.models.Profile`.

    Parameters
    ----------
    source : path, bytes or binary file object
        The document. PDF, DOCX, HTML and plain text are recognised from their content.
    media_type : str, optional
        Skip sniffing and read the bytes as this type.
    graph : SkillsGraph, optional
        The skills graph (build it once and pass it; default: the graph of ``nlp``'s
        ``skillmatch_skills`` component, else the packaged graph).
    nlp : spacy.language.Language, optional
        A spaCy pipeline built once with :func:`skillmatch.parsing.make_nlp` (or any spaCy
        pipeline). When it recognises named entities (a trained ``ner``, an ``entity_ruler``:
        any component that assigns ``doc.ents``), its ``PERSON`` entities over the top lines
        help choose the name. Without one, or with a blank one, no spaCy pipeline runs.
    config : ParseConfig, optional
        Limits and options.
    as_of : date or "YYYY-MM-DD", optional
        What "present" means (default: today).

    Raises
    ------
    InvalidArgumentError
        An argument of the wrong type, e.g. an ``nlp`` that is not a spaCy pipeline.
    DocumentError
        ``UnsupportedMediaTypeError``, ``CorruptDocumentError``, ``EncryptedDocumentError``,
        ``EmptyDocumentError`` or ``DocumentTooLargeError``, each with a code and the source.

    Examples
    --------
    >>> profile = parse(b"Jane Doe\\njane@example.com\\nSkills: Python, SQL", as_of="2026-11-22")
    >>> profile.name, profile.contact.emails, [s.skill_id for s in profile.skills]
    ('Jane Doe', ('jane@example.com',), ['python', 'sql'])
    """
    from skillmatch.ingest import read_document

    _check_nlp(nlp)
    config = config or ParseConfig()
    data, name = _read_source(source, config)
    document = read_document(data, source_id=name, media_type=media_type, config=config)
    return parse_document(document, graph=graph, nlp=nlp, config=config, as_of=as_of)


def parse_text(
    text: str,
    *,
    source: str = "text",
    graph: SkillsGraph | None = None,
    nlp: Language | None = None,
    config: ParseConfig | None = None,
    as_of: date | str | None = None,
) -> Profile:
    """Parse resume text you already have (the options are those of :func:`parse`).

    Examples
    --------
    >>> parse_text("Sam Lee\\nEXPERIENCE\\nNurse, City Hospital 2019-2021", as_of="2026-01-01").total_experience_months
    36
    """
    if not isinstance(text, str):
        raise InvalidArgumentError("text", expected="a str", got=text)
    _check_nlp(nlp)
    config = config or ParseConfig()
    if len(text) > config.max_chars:
        raise DocumentTooLargeError(
            f"The text has {len(text):,} characters, over the limit of {config.max_chars:,} (ParseConfig.max_chars).",
            source=source,
        )
    lines = tuple(DocumentLine(text=line) for line in text.splitlines() if line.strip())
    document = Document(
        source_id=source,
        media_type="text/plain",
        sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        text=text,
        pages=1,
        lines=lines,
    )
    return parse_document(document, graph=graph, nlp=nlp, config=config, as_of=as_of)


def parse_document(
    document: Document,
    *,
    graph: SkillsGraph | None = None,
    nlp: Language | None = None,
    config: ParseConfig | None = None,
    as_of: date | str | None = None,
) -> Profile:
    """Parse a :class:`~skillmatch.models.Document` (what the ingest layer returns).

    The options are those of :func:`parse`.

    Examples
    --------
    >>> from skillmatch.ingest import read_document
    >>> document = read_document(b"Ana Ruiz\\nSkills: SQL", source_id="ana.txt")
    >>> parse_document(document, as_of="2026-01-01").name
    'Ana Ruiz'
    """
    from skillmatch.parsing.contact import extract_contact, find_name
    from skillmatch.parsing.dates import total_months
    from skillmatch.parsing.education import find_education
    from skillmatch.parsing.experience import find_position_spans
    from skillmatch.parsing.sections import split_sections
    from skillmatch.parsing.skills import human_languages, skill_evidence
    from skills_graph import SkillsGraph

    entities = None
    if nlp is not None:
        from skillmatch.parsing._nlp import check_nlp, entity_tagger, graph_of

        entities = entity_tagger(check_nlp(nlp))  # None for a pipeline without NER: nothing runs
        graph = graph or graph_of(nlp)
    config = config or ParseConfig()
    today = _as_of(as_of)
    graph = graph or SkillsGraph.load()
    text = document.text
    sections = split_sections(text, document.lines)
    warnings: list[ParseWarning] = []

    def text_of(*kinds: str) -> list[tuple[str, int]]:
        return [(s.text, s.span[0]) for s in sections if s.kind in kinds]

    lines = document.lines or tuple(DocumentLine(text=line) for line in text.splitlines() if line.strip())
    name = find_name(lines, text=text, entities=entities)
    if name is None:
        warnings.append(ParseWarning(code="no_name", message="No candidate name was found near the top."))
    contact = extract_contact(text, default_region=config.default_region)

    # Positions: from experience sections, or from the whole text when it has none.
    experience_parts = text_of("experience") or text_of("body", "header", "other") or [(text, 0)]
    position_spans = []
    for part, offset in experience_parts:
        for found in find_position_spans(part, as_of=today):
            start, end = found.span
            position_spans.append((found.position, (start + offset, end + offset)))
    education_parts = text_of("education") or ([(text, 0)] if not any(s.kind == "education" for s in sections) else [])
    education = [e for part, _ in education_parts for e in find_education(part, as_of=today)]
    if not text_of("education"):
        education = [e for e in education if e.degree]  # outside a section, only clear degrees

    matches = graph.match_text(text)  # once: evidence, positions and languages all read it
    evidence = skill_evidence(text, [(s.kind, s.span) for s in sections], position_spans, graph=graph, matches=matches)
    # Each position lists the skills its own text mentions.
    positions = []
    for position, (start, end) in position_spans:
        inside = tuple(dict.fromkeys(m.skill_id for m in matches if start <= m.start and m.end <= end))
        positions.append(position.model_copy(update={"skills": inside}))
    intervals = [(p.start, p.end) for p in positions if p.start and p.end]
    summary = next((t for t, _ in text_of("summary")), None)
    certifications = tuple(_list_items(t for t, _ in text_of("certifications")))
    # Languages: the items of a languages section, or the human languages named anywhere.
    languages = tuple(_list_items(t for t, _ in text_of("languages"))) or tuple(
        human_languages(text, graph=graph, matches=matches)
    )
    is_resume = _resume_score(sections, positions, education, contact.emails + contact.phones, evidence)
    if not positions:
        warnings.append(ParseWarning(code="no_positions", message="No dated positions were found."))
    if is_resume < 0.5:
        warnings.append(
            ParseWarning(
                code="not_a_resume", message=f"This document does not look like a resume (score {is_resume:.2f})."
            )
        )
    return Profile(
        profile_id="p_" + document.sha256[:16],
        source=document.source_id,
        name=name,
        contact=contact,
        summary=summary,
        positions=tuple(positions),
        education=tuple(education),
        skills=tuple(evidence),
        certifications=certifications,
        languages=languages,
        total_experience_months=total_months(intervals) if intervals else 0,
        is_resume=is_resume,
        as_of=today.isoformat(),
        warnings=tuple(warnings),
    )


def _list_items(texts: Iterable[str]) -> list[str]:
    """Items of a list section: one per line, or comma-separated on a line."""
    items: list[str] = []
    for text in texts:
        for raw in text.splitlines():
            line = raw.strip().lstrip("-*•●▪◦ ").strip()
            if not line:
                continue
            parts = [p.strip() for p in line.split(",")] if len(line) < 120 and "," in line else [line]
            items += [p for p in parts if p and p not in items]
    return items


def _resume_score(
    sections: Sequence[object],
    positions: Sequence[object],
    education: Sequence[object],
    contact: Sequence[str],
    skills: Sequence[object],
) -> float:
    """How much a document looks like a resume, from 0 to 1."""
    kinds = {getattr(s, "kind", "") for s in sections}
    score = 0.0
    score += 0.25 if contact else 0.0
    score += 0.3 if positions else 0.0
    score += 0.15 if education else 0.0
    score += 0.15 if len(skills) >= 3 else 0.05 * len(skills)
    score += 0.15 if kinds & {"experience", "education", "skills", "summary"} else 0.0
    return round(min(1.0, score), 2)


def parse_many(
    sources: Iterable[Source],
    *,
    workers: int = 1,
    graph: SkillsGraph | None = None,
    nlp: Language | None = None,
    config: ParseConfig | None = None,
    as_of: date | str | None = None,
) -> Iterator[Profile | ParseFailure]:
    """Parse many documents: one ``Profile`` or ``ParseFailure`` per input, in input order.

    A document that fails (any :class:`~skillmatch.errors.SkillmatchError`) becomes a
    ``ParseFailure`` with its code; the run goes on. With ``workers > 1`` documents are parsed in
    that many processes (each loads the graph once, and receives a pickled copy of ``nlp``
    once; a ``skillmatch_skills`` component's copy matches against the worker's graph). The
    other options are those of :func:`parse`.

    Examples
    --------
    >>> results = list(parse_many([b"Ana Ruiz\\nSkills: Excel", b"\\x89PNG\\r\\n\\x1a\\n"], as_of="2026-01-01"))
    >>> [type(r).__name__ for r in results], results[1].code
    (['Profile', 'ParseFailure'], 'unsupported_media_type')
    """
    if not isinstance(workers, int) or workers < 1:
        raise InvalidArgumentError("workers", expected="an int >= 1", got=workers)
    _check_nlp(nlp)
    config = config or ParseConfig()
    today = _as_of(as_of)
    if workers == 1:
        from skills_graph import SkillsGraph

        if graph is None and nlp is not None:
            from skillmatch.parsing._nlp import graph_of

            graph = graph_of(nlp)
        graph = graph or SkillsGraph.load()
        _ = graph.matcher  # built once here, not inside the first document's time limit
        for source in sources:
            yield _parse_one(source, graph, nlp, config, today)
        return
    yield from _parse_in_processes(sources, workers=workers, nlp=nlp, config=config, as_of=today)


def _source_name(source: object) -> str:
    if isinstance(source, (str, os.PathLike)):
        return str(source)
    if isinstance(source, (bytes, bytearray)):
        return "sha256:" + hashlib.sha256(bytes(source)).hexdigest()[:16]
    return str(getattr(source, "name", "")) or "stream"


class _TimeUp(BaseException):
    """Raised by the alarm inside a parse; a BaseException so no ``except Exception`` swallows it."""


def _within(seconds: float, work: Callable[[], _T]) -> _T:
    """Run ``work`` with a wall-clock limit (SIGALRM, main thread on Unix); elsewhere, unlimited
    (``parse_many`` with workers then relies on the pool's own timeout)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        return work()

    def alarm(_signum: int, _frame: object) -> None:
        raise _TimeUp

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return work()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _parse_one(
    source: Source, graph: SkillsGraph, nlp: Language | None, config: ParseConfig, as_of: date
) -> Profile | ParseFailure:
    try:
        return _within(config.timeout_seconds, lambda: parse(source, graph=graph, nlp=nlp, config=config, as_of=as_of))
    except _TimeUp:
        error = ParseTimeoutError(
            f"Parsing took longer than {config.timeout_seconds} s (ParseConfig.timeout_seconds).",
            source=_source_name(source),
        )
        return ParseFailure(source=_source_name(source), code=error.code, message=error.message)
    except SkillmatchError as exc:
        name = exc.context.get("source") if isinstance(exc, DocumentError) else None
        return ParseFailure(source=str(name or _source_name(source)), code=exc.code, message=exc.message)
    except Exception as exc:  # a bug must not stop a batch: report it per document
        logger.exception("unexpected failure parsing %s", _source_name(source))
        return ParseFailure(source=_source_name(source), code="internal_error", message=type(exc).__name__)


# -- worker processes -------------------------------------------------------------------
# per worker process, filled by its initializer: the graph, and the spaCy pipeline if one was passed
_WORKER_GRAPH: list[SkillsGraph] = []
_WORKER_NLP: list[Language | None] = []


def _init_worker(nlp_pickle: bytes | None = None) -> None:
    import pickle

    from skills_graph import SkillsGraph

    _WORKER_GRAPH.append(SkillsGraph.load())
    _ = _WORKER_GRAPH[0].matcher
    nlp: Language | None = pickle.loads(nlp_pickle) if nlp_pickle is not None else None
    if nlp is not None:
        from skillmatch.parsing._nlp import bind_graph

        bind_graph(nlp, _WORKER_GRAPH[0])  # the copy of a skills component matches against this graph
    _WORKER_NLP.append(nlp)


def _work(source: Source, config: ParseConfig, as_of: date) -> Profile | ParseFailure:
    return _parse_one(source, _WORKER_GRAPH[0], _WORKER_NLP[0], config, as_of)


def _pickle_nlp(nlp: Language | None) -> bytes | None:
    if nlp is None:
        return None
    import pickle

    try:
        return pickle.dumps(nlp)
    except Exception as exc:
        raise InvalidArgumentError(
            "nlp", expected="a picklable spaCy pipeline when workers > 1 (or workers=1)", got=nlp
        ) from exc


def _parse_in_processes(
    sources: Iterable[Source], *, workers: int, nlp: Language | None, config: ParseConfig, as_of: date
) -> Iterator[Profile | ParseFailure]:
    """Ordered results from a process pool, a bounded window of documents in flight; a worker
    that crashes or runs past the time limit is replaced and its document reported."""
    import concurrent.futures as cf
    from collections import deque
    from concurrent.futures.process import BrokenProcessPool

    nlp_pickle = _pickle_nlp(nlp)  # once, before any worker starts

    def new_pool() -> cf.ProcessPoolExecutor:
        return cf.ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(nlp_pickle,))

    pool = new_pool()
    window: deque[tuple[Source, cf.Future[Profile | ParseFailure]]] = deque()
    iterator = iter(sources)
    try:
        while True:
            while len(window) < 4 * workers:
                try:
                    source = next(iterator)
                except StopIteration:
                    break
                window.append((source, pool.submit(_work, source, config, as_of)))
            if not window:
                return
            source, future = window.popleft()
            try:
                # Workers enforce the limit themselves; this is the backstop for a stuck process.
                yield future.result(timeout=config.timeout_seconds + 10)
            except (cf.TimeoutError, BrokenProcessPool) as exc:
                timed_out = isinstance(exc, cf.TimeoutError)
                yield ParseFailure(
                    source=_source_name(source),
                    code="parse_timeout" if timed_out else "worker_crashed",
                    message=(
                        f"Parsing took longer than {config.timeout_seconds} s (ParseConfig.timeout_seconds)."
                        if timed_out
                        else "The worker process parsing this document died."
                    ),
                )
                # Replace the pool; resubmit the documents that were in flight.
                for process in list(getattr(pool, "_processes", {}).values()):
                    process.terminate()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
                window = deque((s, pool.submit(_work, s, config, as_of)) for s, _ in window)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
