"""The skills graph: an immutable wrapper over a networkx ``DiGraph``.

Build it once per process with :meth:`SkillsGraph.load` and pass it to everything that needs it.
It is safe to share between threads; the matcher and the similarity caches are built on first
use.
"""

from __future__ import annotations

import difflib
import gzip
import hashlib
import json
import re
import threading
from collections.abc import Iterator, Mapping
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from skillmatch.errors import GraphLoadError, UnknownSkillError
from skills_graph.models import TECHNOLOGY_TYPES, Relation, Skill, SkillMatch, SkillPath
from skills_graph.similarity import MAX_HOPS, Hop, best_paths_to, hops_from_edges
from skills_graph.text import loose_key, surface_key

if TYPE_CHECKING:
    import networkx as nx

    from skills_graph.matching import SkillMatcher

__all__ = ["SkillsGraph", "ARTEFACT"]

ARTEFACT = "data/skills_graph.json.gz"
_FORMAT = 2
_EVIDENCE_CACHE = 4096
# Certifications and licences stay in the graph (a requisition may ask for them) but are
# credentials, not skill mentions: the parser reports them separately.
_CREDENTIAL_RE = re.compile(r"certif|licen[cs]e|\bchartered\b|\bcertified\b|\bcredential", re.I)


class SkillsGraph:
    """Skills, their aliases, and typed weighted relations between them.

    Use :meth:`load`; the constructor takes an already decoded artefact document.

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
        self._fingerprint = (
            fingerprint or hashlib.sha256(json.dumps(document, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
        )
        self._lock = threading.Lock()
        self._skills: dict[str, Skill] = {}
        self._evidence: dict[tuple[str, int, float], dict[str, SkillPath]] = {}

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
            document = json.loads(gzip.decompress(raw))
        except (OSError, EOFError, ValueError) as exc:
            raise GraphLoadError(
                f"The skills graph at {path or ARTEFACT!r} is not gzip-compressed JSON ({exc}). "
                "Rebuild it with: python -m skills_graph.build",
                context={"source": str(path)},
            ) from exc
        if not isinstance(document, dict):
            raise GraphLoadError("The skills graph document is not a JSON object.", context={"source": str(path)})
        return cls(document, fingerprint=hashlib.sha256(raw).hexdigest())

    # -- identity -----------------------------------------------------------------------
    @property
    def fingerprint(self) -> str:
        """SHA-256 of the artefact: a cache key and an audit-log reference."""
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
        return f"<SkillsGraph {len(self)} skills, {self._metadata.get('counts', {}).get('edges', '?')} edges, {self._fingerprint[:12]}>"

    # -- look-ups -----------------------------------------------------------------------
    def canonical(self, name: str) -> str | None:
        """The skill id for an id, name or alias, or ``None``.

        Examples
        --------
        >>> g = SkillsGraph.load()
        >>> g.canonical("golang"), g.canonical("sklearn"), g.canonical("no such skill")
        ('go', 'scikit-learn', None)
        """
        if name in self._records:
            return name
        sid = self._names.get(_fast_key(name))
        if sid is None:
            sid = self._names.get(surface_key(name))
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
            close = difflib.get_close_matches(name.lower(), self._name_list, n=3, cutoff=0.75)
            raise UnknownSkillError(name, suggestions=tuple(dict.fromkeys(self._names[c] for c in close)))
        skill = self._skills.get(sid)
        if skill is None:
            r = self._records[sid]
            skill = Skill(
                skill_id=sid,
                name=r["name"],
                type=r["type"],
                aliases=tuple(r.get("aliases", ())),
                sources={k: tuple(v) for k, v in r.get("sources", {}).items()},
                flags=tuple(r.get("flags", ())),
                popularity=int(r.get("popularity", 0)),
            )
            self._skills[sid] = skill
        return skill

    def relations(self, name: str) -> tuple[Relation, ...]:
        """Every edge that touches a skill (broader edges in their own direction)."""
        sid = self.get(name).skill_id
        out = []
        for s, t, kind, weight, provenance in self._edges_by_skill.get(sid, ()):
            if sid in (s, t):
                out.append(Relation(source=s, target=t, type=kind, weight=weight, provenance=provenance))  # type: ignore[arg-type]
        return tuple(out)

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
        """Every skill whose evidence counts toward ``need``, with its best path.

        This is what a ranker calls once per requirement.

        Examples
        --------
        >>> g = SkillsGraph.load()
        >>> paths = g.evidence_for("kubernetes")
        >>> paths["kubernetes"].credit, paths["docker"].credit >= 0.5
        (1.0, True)
        """
        sid = self.get(need).skill_id
        key = (sid, max_hops, min_credit)
        cached = self._evidence.get(key)
        if cached is None:
            cached = best_paths_to(sid, self._incoming, max_hops=max_hops, min_credit=min_credit)
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
        return self.matcher(text)

    @cached_property
    def matcher(self) -> SkillMatcher:
        """The phrase matcher over every surface (built on first use, a few seconds)."""
        from skills_graph.matching import SkillMatcher, SurfaceEntry

        forms: dict[str, list[str]] = {}
        for r in self._records.values():
            for surface in (*r.get("ambiguous", ()), *r.get("everyday", ()), *r.get("cased", ())):
                forms.setdefault(surface_key(surface), []).append(surface)
        surfaces: dict[str, SurfaceEntry] = {}
        entries: dict[str, SurfaceEntry] = {}
        for key, sid in self._names.items():
            r = self._records[sid]
            if "esco_group" in r.get("flags", ()):
                continue  # ESCO's skill groups are categories ("services", "skills"), not mentions
            declared = tuple(sorted(f for f in forms.get(key, ()) if f in r.get("ambiguous", ())))
            everyday = tuple(sorted(f for f in forms.get(key, ()) if f in r.get("everyday", ())))
            cased = tuple(sorted(f for f in forms.get(key, ()) if f in r.get("cased", ())))
            technology = r["type"] in TECHNOLOGY_TYPES or r["type"] == "methodology"
            credential = bool(_CREDENTIAL_RE.search(r["name"]))
            if declared or everyday or cased:
                entry = SurfaceEntry(
                    sid,
                    r["name"],
                    declared or everyday,
                    lenient_case=bool(everyday) and not declared,
                    technology=technology,
                    cased_forms=cased,
                    credential=credential,
                )
            else:
                entry = entries.get(sid) or entries.setdefault(
                    sid, SurfaceEntry(sid, r["name"], technology=technology, credential=credential)
                )
            surfaces[key] = entry
        return SkillMatcher(surfaces, self._context, max_tokens=int(self._metadata.get("max_match_tokens", 6)))

    # -- views --------------------------------------------------------------------------
    @cached_property
    def nx_graph(self) -> nx.DiGraph:
        """A frozen networkx view: nodes carry name and type; edges type, weight, provenance."""
        import networkx as nx

        g: nx.DiGraph = nx.DiGraph()
        g.add_nodes_from((sid, {"name": r["name"], "type": r["type"]}) for sid, r in self._records.items())
        for s, t, kind, weight, provenance in self._edges:
            g.add_edge(s, t, type=kind, weight=weight, provenance=provenance)
            if kind == "related":
                g.add_edge(t, s, type=kind, weight=weight, provenance=provenance)
        return nx.freeze(g)

    @cached_property
    def _edges(self) -> tuple[tuple[str, str, str, float, str], ...]:
        rows = (line.split("\t") for line in self._edges_tsv.split("\n") if line)
        return tuple((s, t, k, float(w), p) for s, t, k, w, p in rows)

    @cached_property
    def _edges_by_skill(self) -> dict[str, list[tuple[str, str, str, float, str]]]:
        by: dict[str, list[tuple[str, str, str, float, str]]] = {}
        for edge in self._edges:
            by.setdefault(edge[0], []).append(edge)
            by.setdefault(edge[1], []).append(edge)
        return by

    @cached_property
    def _incoming(self) -> Mapping[str, tuple[tuple[str, Hop], ...]]:
        return {k: tuple(v) for k, v in hops_from_edges(iter(self._edges)).items()}

    @cached_property
    def _loose(self) -> dict[str, str]:
        seen: dict[str, set[str]] = {}
        for sid, r in self._records.items():
            for surface in (r["name"], *r.get("aliases", ())):
                seen.setdefault(loose_key(surface), set()).add(sid)
        return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1 and k}

    @cached_property
    def _name_list(self) -> list[str]:
        return sorted(self._names)


def _fast_key(surface: str) -> str:
    """:func:`surface_key` for plain alphanumeric surfaces without running the tokenizer."""
    if surface.isascii() and surface.replace(" ", "").isalnum():
        return " ".join(surface.lower().split())
    return surface_key(surface)
