"""spaCy pipelines for the parser: :func:`make_nlp` and the ``skillmatch_skills`` component.

The parser itself is rule-based and runs no spaCy pipeline by default. A pipeline passed as
``nlp=`` to :func:`skillmatch.parse` adds one thing: when it recognises named entities, its
``PERSON`` entities over the top lines of the document help choose the candidate's name (see
:func:`skillmatch.parsing.contact.find_name`).

Which pipelines recognise entities: those with an enabled component that declares it assigns
``doc.ents`` (spaCy's ``ner`` and ``entity_ruler``, or your own component registered with
``assigns=["doc.ents"]``). A blank pipeline, such as ``make_nlp(graph)`` builds, has none, and
parsing with it gives the same profile as parsing without it.

:func:`make_nlp` builds the pipeline once (a blank English one, or a trained one you have
installed) with the technology-aware tokenizer and the ``skillmatch_skills`` component, which
puts the graph's skill mentions in ``doc.spans["skills"]`` so your own spaCy code sees the same
skills as the parser. Build it once per process and pass it around; treat it as immutable.

spaCy is imported inside the functions here, never when :mod:`skillmatch` is imported.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from skillmatch.errors import InvalidArgumentError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from skillmatch.parsing.contact import EntityTagger
    from skills_graph import SkillsGraph

__all__ = [
    "SKILLS_COMPONENT",
    "SkillSpans",
    "bind_graph",
    "check_nlp",
    "entity_tagger",
    "graph_of",
    "make_nlp",
    "sets_entities",
]

#: The registered name of the component (``nlp.add_pipe(SKILLS_COMPONENT)``).
SKILLS_COMPONENT = "skillmatch_skills"
_ENTITIES = "doc.ents"


class SkillSpans:
    """A spaCy pipeline component: the graph's skill mentions as ``doc.spans[spans_key]``.

    Each span covers a mention found by :meth:`skills_graph.SkillsGraph.match_text` over the
    whole text (character offsets widened to whole tokens) and is labelled with the skill id.
    The graph is held by the component; without one, the packaged graph is loaded on the first
    call. Pickled, the component leaves its graph behind: the copy loads the packaged graph
    unless given one (``parse_many`` gives each worker's copy the worker's graph).

    Parameters
    ----------
    graph : SkillsGraph, optional
        The graph to match against.
    spans_key : str
        The key of ``doc.spans`` to set (default ``"skills"``).
    """

    def __init__(self, graph: SkillsGraph | None = None, spans_key: str = "skills") -> None:
        self._graph = graph
        self.spans_key = spans_key

    @property
    def graph(self) -> SkillsGraph:
        """The skills graph the component matches against."""
        if self._graph is None:
            from skills_graph import SkillsGraph

            self._graph = SkillsGraph.load()
        return self._graph

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match in self.graph.match_text(doc.text):
            span = doc.char_span(match.start, match.end, label=match.skill_id, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Process a stream of documents (spaCy's component protocol)."""
        for doc in docs:
            yield self(doc)

    def __reduce__(self) -> tuple[type[SkillSpans], tuple[None, str]]:
        # A SkillsGraph holds locks and is not picklable; the copy loads the packaged graph.
        return (SkillSpans, (None, self.spans_key))


def _skills_factory(nlp: Any, name: str, spans_key: str) -> SkillSpans:
    return SkillSpans(None, spans_key)


def _register() -> None:
    """Register the component factory with spaCy (once; spaCy's registry is process-wide)."""
    from spacy.language import Language

    if not Language.has_factory(SKILLS_COMPONENT):
        Language.factory(SKILLS_COMPONENT, default_config={"spans_key": "skills"}, assigns=["doc.spans"])(
            _skills_factory
        )


def make_nlp(graph: SkillsGraph | None = None, *, model: str | os.PathLike[str] | None = None) -> Language:
    """A spaCy pipeline with skillmatch's tokenizer and skill spans, to build once and pass as ``nlp=``.

    The pipeline is ``spacy.blank("en")``, or the trained pipeline ``model`` (the name of an
    installed package or a path; skillmatch never downloads one), with the technology-aware
    tokenizer of :func:`skills_graph.matching.make_tokenizer` (``C++``, ``C#``, ``.NET`` and
    ``Node.js`` stay whole) and, last, the ``skillmatch_skills`` component, which sets
    ``doc.spans["skills"]`` (labels: skill ids). Passed to :func:`skillmatch.parse`, a trained
    pipeline's named entities help find the candidate's name; a blank one changes nothing.

    Parameters
    ----------
    graph : SkillsGraph, optional
        The skills graph the component matches against (default: the packaged graph, loaded now).
    model : str or path, optional
        An installed trained spaCy pipeline to start from, e.g. ``"en_core_web_sm"``.

    Returns
    -------
    spacy.language.Language
        Treat it as immutable: build it once per process and share it.

    Raises
    ------
    InvalidArgumentError
        ``graph`` is not a ``SkillsGraph``, or ``model`` is not an installed pipeline.

    Examples
    --------
    >>> nlp = make_nlp()
    >>> nlp.pipe_names
    ['skillmatch_skills']
    >>> doc = nlp("Built APIs in Python and Django on AWS")
    >>> [(span.text, span.label_) for span in doc.spans["skills"]]
    [('Python', 'python'), ('Django', 'django'), ('AWS', 'aws')]
    """
    import spacy

    from skills_graph import SkillsGraph
    from skills_graph.matching import make_tokenizer

    if graph is not None and not isinstance(graph, SkillsGraph):
        raise InvalidArgumentError("graph", expected="a SkillsGraph (SkillsGraph.load()) or None", got=graph)
    if model is None:
        nlp = spacy.blank("en")
    elif isinstance(model, (str, os.PathLike)):
        try:
            nlp = spacy.load(model if isinstance(model, str) else Path(model))
        except OSError as exc:
            raise InvalidArgumentError(
                "model",
                expected="the name or path of an installed spaCy pipeline (skillmatch never downloads one: "
                "install it first, e.g. `python -m spacy download en_core_web_sm`)",
                got=str(model),
            ) from exc
    else:
        raise InvalidArgumentError("model", expected="the name or path of an installed spaCy pipeline", got=model)
    make_tokenizer(nlp)
    _register()
    nlp.add_pipe(SKILLS_COMPONENT, last=True)
    bind_graph(nlp, graph if graph is not None else SkillsGraph.load())
    return nlp


def bind_graph(nlp: Language, graph: SkillsGraph) -> None:
    """Give the pipeline's ``skillmatch_skills`` components ``graph`` (a new pipeline, or a worker's copy)."""
    for _, proc in nlp.pipeline:
        if isinstance(proc, SkillSpans):
            proc._graph = graph


def check_nlp(nlp: object) -> Language:
    """``nlp`` itself if it is a spaCy pipeline; otherwise an :class:`InvalidArgumentError`.

    Examples
    --------
    >>> check_nlp("en_core_web_sm")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    skillmatch.errors.InvalidArgumentError: Invalid nlp: expected a spaCy pipeline object, not a name...
    """
    from spacy.language import Language

    if isinstance(nlp, Language):
        return nlp
    hint = (
        "a spaCy pipeline object, not a name: build it once with "
        f"skillmatch.parsing.make_nlp(graph, model={nlp!r}) and pass that"
        if isinstance(nlp, str)
        else "a spaCy pipeline (spacy.language.Language), e.g. from skillmatch.parsing.make_nlp(graph), or None"
    )
    raise InvalidArgumentError("nlp", expected=hint, got=nlp)


def sets_entities(nlp: Language) -> bool:
    """Whether an enabled component of ``nlp`` declares that it assigns ``doc.ents``.

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> sets_entities(nlp)
    False
    >>> _ = nlp.add_pipe("entity_ruler")
    >>> sets_entities(nlp)
    True
    """
    return any(_ENTITIES in nlp.get_pipe_meta(name).assigns for name in nlp.pipe_names)


def entity_tagger(nlp: Language) -> EntityTagger | None:
    """A :data:`~skillmatch.parsing.contact.EntityTagger` over ``nlp``, or None when it sets no entities.

    The tagger runs the pipeline's components up to the last one that assigns ``doc.ents``
    (skipping ``skillmatch_skills``) over each line given, and returns its entities as
    ``(text, label)`` pairs.
    """
    pipeline = nlp.pipeline
    setters = [k for k, (name, _) in enumerate(pipeline) if _ENTITIES in nlp.get_pipe_meta(name).assigns]
    if not setters:
        return None
    steps = [proc for _, proc in pipeline[: setters[-1] + 1] if not isinstance(proc, SkillSpans)]

    def tag(texts: Sequence[str]) -> list[list[tuple[str, str]]]:
        docs = [nlp.make_doc(text) for text in texts]
        for proc in steps:
            pipe = getattr(proc, "pipe", None)
            docs = list(pipe(docs)) if pipe is not None else [proc(doc) for doc in docs]
        return [[(ent.text, ent.label_) for ent in doc.ents] for doc in docs]

    return tag


def graph_of(nlp: Language) -> SkillsGraph | None:
    """The graph held by the pipeline's ``skillmatch_skills`` component, if it has one with a graph."""
    for _, proc in nlp.pipeline:
        if isinstance(proc, SkillSpans) and proc._graph is not None:
            return proc._graph
    return None
