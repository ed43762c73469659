"""The skills graph: skills, their aliases and typed weighted relations, as an immutable value.

Build it once per process with :meth:`SkillsGraph.load` and pass it to everything that needs it.
It is safe to share between threads: nothing changes after construction except caches, which
are filled under a lock (the matcher, the hop index, similarity searches). A networkx view of
the same data is available as :attr:`SkillsGraph.nx_graph`.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import threading
from collections.abc import Callable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

from skillmatch.errors import GraphLoadError, InvalidArgumentError, UnknownSkillError
from skills_graph.models import TECHNOLOGY_TYPES, Relation, Skill, SkillMatch, SkillPath, SourceRef
from skills_graph.similarity import MAX_HOPS, Hop, best_paths_to, hops_from_edges
from skills_graph.text import loose_key, surface_key

if TYPE_CHECKING:
    import networkx as nx

    from skills_graph.matching import SkillMatcher

__all__ = ["SkillsGraph", "ARTEFACT", "artefact_bytes"]

ARTEFACT = "data/skills_graph.json.gz"
_FORMAT = 2
_EVIDENCE_CACHE = 4096
# Certifications and licences stay in the graph (a requisition may ask for them) but are
# credentials, not skill mentions: the parser reports them separately.
_CREDENTIAL_RE = re.compile(r"\bcertifi(?:cate|cation|ed)\b|\blicen[cs]e\b|\bchartered\b|\bcredential\b", re.I)
_T = TypeVar("_T")
Edge = tuple[str, str, str, float, str]


def artefact_bytes(document: Mapping[str, Any]) -> bytes:
    """The canonical JSON of a graph document: what the build compresses and the fingerprint hashes."""
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


class SkillsGraph:
    """Skills, their aliases, and typed weighted relations between them.

    Use :meth:`load`. The constructor takes a decoded artefact document and keeps (does not
    copy) it: do not change the document afterwards.

    Examples
    --------
    >>> graph = SkillsGraph.load()
    >>> graph.canonical("k8s"), graph.canonical("ReactJS"), graph.canonical("Postgres")
    ('kubernetes', 'react', 'postgresql')
    >>> graph.get("kubernetes").type
    'platform'
    >>> graph.similarity("react", "javascript") > graph.similarity("javascript", "react") > 0
    True
    >>> [m.skill_id for m in graph.match_text("Deployed Node.js services to K8s")]
    ['node-js', 'kubernetes']
    """

    def __init__(self, document: Mapping[str, Any], *, fingerprint: str | None = None) -> None:
        if document.get("format") != _FORMAT:
            raise GraphLoadError(
                f"Unsupported skills graph format {document.get('format')!r}; expected {_FORMAT}. "
                "Rebuild it with: python -m skills_graph.build",
                context={"expected": _FORMAT, "got": document.get("format")},
            )
        if not {"nodes", "edges", "index"} <= document.keys():
            raise GraphLoadError(
                "The skills graph document lacks 'nodes', 'edges' or 'index'. "
                "Rebuild it with: python -m skills_graph.build",
                context={"got": sorted(document)},
            )
        self._metadata: dict[str, Any] = dict(document.get("metadata", {}))
        self._context: dict[str, Any] = dict(document.get("context") or {})
        self._records: dict[str, dict[str, Any]] = {r["id"]: r for r in document["nodes"]}
        self._edges_tsv: str = document["edges"]
        # Surface key (see skills_graph.text.surface_key) -> skill id, computed at build time.
        self._names: dict[str, str] = document["index"]
        self._fingerprint = fingerprint or hashlib.sha256(artefact_bytes(document)).hexdigest()
        self._lock = threading.RLock()
        self._lazy: dict[str, Any] = {}
        self._skills: dict[str, Skill] = {}
        self._evidence: dict[tuple[str, int, float], Mapping[str, SkillPath]] = {}

    # -- construction -------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path | None = None) -> SkillsGraph:
        """Load a graph artefact (``None``: the one packaged with skillmatch).

        Raises
        ------
        GraphLoadError
            If the file is missing, not gzip-compressed JSON, or of another format.
        """
        try:
            if path is not None:
                raw = Path(path).read_bytes()
            elif (packaged := Path(__file__).resolve().parent / ARTEFACT).is_file():
                raw = packaged.read_bytes()
            else:  # installed in a zip or another loader
                raw = resources.files("skills_graph").joinpath(ARTEFACT).read_bytes()
        except OSError as exc:
            raise GraphLoadError(
                f"Cannot read the skills graph at {path or ARTEFACT!r}: {exc.strerror or exc}. "
                "Pass an existing file, or None for the packaged graph.",
                context={"source": str(path)},
            ) from exc
        try:
            payload = gzip.decompress(raw)
            document = json.loads(payload)
        except (OSError, EOFError, ValueError) as exc:
            raise GraphLoadError(
                f"The skills graph at {path or ARTEFACT!r} is not gzip-compressed JSON ({exc}). "
                "Rebuild it with: python -m skills_graph.build",
                context={"source": str(path)},
            ) from exc
        if not isinstance(document, dict):
            raise GraphLoadError("The skills graph document is not a JSON object.", context={"source": str(path)})
        # The build writes canonical JSON, so hashing the payload equals hashing the content.
        return cls(document, fingerprint=hashlib.sha256(payload).hexdigest())

    # -- identity -----------------------------------------------------------------------
    @property
    def fingerprint(self) -> str:
        """SHA-256 of the graph's canonical JSON: a cache key and an audit-log reference."""
        return self._fingerprint

    @property
    def metadata(self) -> dict[str, Any]:
        """Sources, licences and counts recorded at build time (a copy)."""
        copied: dict[str, Any] = json.loads(json.dumps(self._metadata))
        return copied

    def __len__(self) -> int:
        return len(self._records)

    def __contains__(self, skill_id: object) -> bool:
        return skill_id in self._records

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._records))

    def __repr__(self) -> str:
        edges = self._metadata.get("counts", {}).get("edges", "?")
        return f"<SkillsGraph {len(self)} skills, {edges} edges, {self._fingerprint[:12]}>"

    # -- look-ups -----------------------------------------------------------------------
    def canonical(self, name: str) -> str | None:
        """The skill id for an id, name or alias, or ``None``.

        Examples
        --------
        >>> g = SkillsGraph.load()
        >>> g.canonical("golang"), g.canonical("sklearn"), g.canonical("no such skill")
        ('go', 'scikit-learn', None)
        """
        if not isinstance(name, str):
            raise InvalidArgumentError("skill name", expected="a str", got=name)
        if name in self._records:
            return name
        sid = self._names.get(_fast_key(name))
        if sid is None:
            sid = self._loose.get(loose_key(name))
        return sid

    def get(self, name: str) -> Skill:
        """The :class:`Skill` for an id, name or alias.

        Raises
        ------
        UnknownSkillError
            With close names as suggestions.
        """
        sid = self.canonical(name)
        if sid is None:
            raise UnknownSkillError(name, suggestions=self._suggest(name))
        skill = self._skills.get(sid)
        if skill is None:
            r = self._records[sid]
            skill = Skill(
                skill_id=sid,
                name=r["name"],
                type=r["type"],
                aliases=tuple(r.get("aliases", ())),
                sources=tuple(SourceRef(kind=k, id=v) for k, ids in r.get("sources", {}).items() for v in ids),
                flags=tuple(r.get("flags", ())),
                popularity=int(r.get("popularity", 0)),
            )
            self._skills[sid] = skill  # Skill is immutable: sharing it is safe
        return skill

    def relations(self, name: str) -> tuple[Relation, ...]:
        """Every edge that touches a skill (broader edges in their own direction)."""
        sid = self.get(name).skill_id
        return tuple(
            Relation(source=s, target=t, type=kind, weight=weight, provenance=provenance)  # type: ignore[arg-type]
            for s, t, kind, weight, provenance in self._edges_by_skill.get(sid, ())
        )

    def broader(self, name: str) -> tuple[str, ...]:
        """Ids of the direct parents of a skill."""
        sid = self.get(name).skill_id
        return tuple(sorted(t for s, t, k, _, _ in self._edges_by_skill.get(sid, ()) if s == sid and k == "broader"))

    def narrower(self, name: str) -> tuple[str, ...]:
        """Ids of the direct children of a skill."""
        sid = self.get(name).skill_id
        return tuple(sorted(s for s, t, k, _, _ in self._edges_by_skill.get(sid, ()) if t == sid and k == "broader"))

    # -- similarity ---------------------------------------------------------------------
    def evidence_for(self, need: str, *, max_hops: int = MAX_HOPS, min_credit: float = 0.05) -> Mapping[str, SkillPath]:
        """Every skill whose evidence counts toward ``need``, with its best path (read-only).

        This is what a ranker calls once per requirement.

        Examples
        --------
        >>> g = SkillsGraph.load()
        >>> paths = g.evidence_for("kubernetes")
        >>> paths["kubernetes"].credit, paths["docker"].credit >= 0.5
        (1.0, True)
        """
        if not isinstance(max_hops, int) or not 0 <= max_hops <= MAX_HOPS:
            raise InvalidArgumentError("max_hops", expected=f"an int from 0 to {MAX_HOPS}", got=max_hops)
        if not 0 <= min_credit <= 1:
            raise InvalidArgumentError("min_credit", expected="a number from 0 to 1", got=min_credit)
        sid = self.get(need).skill_id
        key = (sid, max_hops, min_credit)
        cached = self._evidence.get(key)
        if cached is None:
            cached = MappingProxyType(best_paths_to(sid, self._incoming, max_hops=max_hops, min_credit=min_credit))
            with self._lock:
                if len(self._evidence) >= _EVIDENCE_CACHE:
                    self._evidence.pop(next(iter(self._evidence)))
                self._evidence[key] = cached
        return cached

    def explain(self, have: str, need: str) -> SkillPath | None:
        """The best path by which ``have`` counts toward ``need`` (``None``: it does not).

        Examples
        --------
        >>> print(SkillsGraph.load().explain("Docker", "Kubernetes"))
        docker -[related 0.60]-> kubernetes (credit 0.60)
        """
        return self.evidence_for(need).get(self.get(have).skill_id)

    def similarity(self, have: str, need: str) -> float:
        """Credit in [0, 1] that evidence of ``have`` gives to ``need`` (asymmetric)."""
        path = self.explain(have, need)
        return path.credit if path is not None else 0.0

    def related(self, name: str, *, max_hops: int = 1, min_credit: float = 0.05) -> tuple[SkillPath, ...]:
        """Skills whose evidence counts toward ``name``, best first (ties by id).

        Examples
        --------
        >>> paths = SkillsGraph.load().related("kubernetes")
        >>> "docker" in {p.have for p in paths}, paths[0].credit >= paths[-1].credit
        (True, True)
        """
        sid = self.get(name).skill_id
        paths = [
            p for have, p in self.evidence_for(sid, max_hops=max_hops, min_credit=min_credit).items() if have != sid
        ]
        return tuple(sorted(paths, key=lambda p: (-p.credit, p.have)))

    # -- matching -----------------------------------------------------------------------
    def match_text(self, text: str) -> tuple[SkillMatch, ...]:
        """Skill mentions in ``text`` with character spans (see :mod:`skills_graph.matching`)."""
        if not isinstance(text, str):
            raise InvalidArgumentError("text", expected="a str", got=text)
        return self.matcher(text)

    @property
    def matcher(self) -> SkillMatcher:
        """The phrase matcher over every surface (built on first use, about a second)."""
        return self._once("matcher", self._build_matcher)

    def _build_matcher(self) -> SkillMatcher:
        from skills_graph.matching import SkillMatcher, SurfaceEntry

        forms: dict[str, list[str]] = {}
        for r in self._records.values():
            for surface in (*r.get("ambiguous", ()), *r.get("everyday", ()), *r.get("cased", ())):
                forms.setdefault(surface_key(surface), []).append(surface)
        surfaces: dict[str, SurfaceEntry] = {}
        plain: dict[str, SurfaceEntry] = {}
        for key, sid in self._names.items():
            r = self._records[sid]
            if "esco_group" in r.get("flags", ()):
                continue  # ESCO's skill groups are categories ("services", "skills"), not mentions
            technology = r["type"] in TECHNOLOGY_TYPES or r["type"] == "methodology"
            credential = bool(_CREDENTIAL_RE.search(r["name"]))
            declared = tuple(sorted(f for f in forms.get(key, ()) if f in r.get("ambiguous", ())))
            everyday = tuple(sorted(f for f in forms.get(key, ()) if f in r.get("everyday", ())))
            cased = tuple(sorted(f for f in forms.get(key, ()) if f in r.get("cased", ())))
            if declared or everyday or cased:
                surfaces[key] = SurfaceEntry(
                    sid,
                    r["name"],
                    declared or everyday,
                    lenient_case=bool(everyday) and not declared,
                    technology=technology,
                    cased_forms=cased,
                    credential=credential,
                )
            else:
                if sid not in plain:
                    plain[sid] = SurfaceEntry(sid, r["name"], technology=technology, credential=credential)
                surfaces[key] = plain[sid]
        return SkillMatcher(surfaces, self._context, max_tokens=int(self._metadata.get("max_match_tokens", 6)))

    # -- views --------------------------------------------------------------------------
    @property
    def nx_graph(self) -> nx.DiGraph:
        """A frozen networkx view: nodes carry name and type; edges type, weight, provenance
        (``related`` edges in both directions)."""
        return self._once("nx_graph", self._build_nx)

    def _build_nx(self) -> nx.DiGraph:
        import networkx as nx

        g: nx.DiGraph = nx.DiGraph()
        g.add_nodes_from((sid, {"name": r["name"], "type": r["type"]}) for sid, r in self._records.items())
        for s, t, kind, weight, provenance in self._edges:
            g.add_edge(s, t, type=kind, weight=weight, provenance=provenance)
            if kind == "related":
                g.add_edge(t, s, type=kind, weight=weight, provenance=provenance)
        return nx.freeze(g)

    # -- lazily built indexes (under the lock, once) ------------------------------------
    def _once(self, name: str, build: Callable[[], _T]) -> _T:
        value = self._lazy.get(name)
        if value is None:
            with self._lock:
                value = self._lazy.get(name)
                if value is None:
                    value = self._lazy[name] = build()
        return value

    @property
    def _edges(self) -> tuple[Edge, ...]:
        def build() -> tuple[Edge, ...]:
            rows = (line.split("\t") for line in self._edges_tsv.split("\n") if line)
            return tuple((s, t, k, float(w), p) for s, t, k, w, p in rows)

        return self._once("edges", build)

    @property
    def _edges_by_skill(self) -> dict[str, list[Edge]]:
        def build() -> dict[str, list[Edge]]:
            by: dict[str, list[Edge]] = {}
            for edge in self._edges:
                by.setdefault(edge[0], []).append(edge)
                by.setdefault(edge[1], []).append(edge)
            return by

        return self._once("edges_by_skill", build)

    @property
    def _incoming(self) -> Mapping[str, tuple[tuple[str, Hop], ...]]:
        return self._once("incoming", lambda: {k: tuple(v) for k, v in hops_from_edges(iter(self._edges)).items()})

    @property
    def _loose(self) -> dict[str, str]:
        def build() -> dict[str, str]:
            seen: dict[str, set[str]] = {}
            for sid, r in self._records.items():
                for surface in (r["name"], *r.get("aliases", ())):
                    seen.setdefault(loose_key(surface), set()).add(sid)
            return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1 and k}

        return self._once("loose", build)

    def _suggest(self, name: str) -> tuple[str, ...]:
        """Up to three skill ids whose display name is close to ``name``."""
        from rapidfuzz import fuzz, process

        names = self._once("display_names", lambda: {sid: r["name"].lower() for sid, r in self._records.items()})
        hits = process.extract(name.lower()[:200], names, scorer=fuzz.ratio, limit=3, score_cutoff=80)
        return tuple(sid for _, _, sid in hits)


def _fast_key(surface: str) -> str:
    """:func:`surface_key` for plain alphanumeric surfaces without running the tokenizer."""
    if surface.isascii() and surface.replace(" ", "").isalnum():
        return " ".join(surface.lower().split())
    return surface_key(surface)
