"""Typed-edge path similarity with decay, explained as a path.

How much does evidence of skill ``have`` count toward a requirement ``need``? The answer is the
best path of at most :data:`MAX_HOPS` hops from ``have`` to ``need``, each hop keeping part of the
credit:

* ``up`` along a ``broader`` edge (React -> JavaScript): the edge weight. Knowing React is good
  evidence of JavaScript.
* ``down`` against a ``broader`` edge (JavaScript -> React): the edge weight times
  :data:`DOWN_FACTOR`. Knowing JavaScript is only partial evidence of React.
* ``across`` a ``related`` edge (Docker ~ Kubernetes): the edge weight.

Siblings under a common parent (Vue.js -> JavaScript -> React) therefore get partial credit, and
every hop after the first multiplies by :data:`HOP_DECAY`. The relation is asymmetric wherever
the path uses a broader edge.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from skills_graph.models import PathStep, SkillPath

__all__ = ["DOWN_FACTOR", "HOP_DECAY", "MAX_HOPS", "Adjacency", "Hop", "best_paths_to"]

DOWN_FACTOR = 0.5
HOP_DECAY = 0.9
MAX_HOPS = 3


@dataclass(frozen=True, slots=True)
class Hop:
    """An outgoing step from one skill toward another, with the credit it keeps."""

    target: str
    type: str  # "broader" or "related"
    direction: str  # "up", "down" or "across"
    weight: float
    credit: float
    provenance: str


#: For every skill, the hops that lead *into* it (so searches run from the requirement backwards).
Adjacency = Mapping[str, tuple[tuple[str, Hop], ...]]


def best_paths_to(
    need: str, incoming: Adjacency, *, max_hops: int = MAX_HOPS, min_credit: float = 0.05
) -> dict[str, SkillPath]:
    """Best path from every skill that gives at least ``min_credit`` toward ``need``.

    An exact search in layers: layer *h* holds the best path of exactly *h* hops to each skill,
    so a weaker short path is never hidden by a stronger long one that cannot be extended. Ties
    go to the shorter path, then to the path whose skill ids sort first.

    Parameters
    ----------
    need : str
        The required skill id.
    incoming : mapping
        ``incoming[y]`` lists ``(x, hop)`` pairs: a hop from ``x`` to ``y``.
    max_hops : int
        Longest path considered.
    min_credit : float
        Paths weaker than this are dropped (and not extended).

    Returns
    -------
    dict of str to SkillPath
        Keyed by the ``have`` skill id; ``need`` itself maps to an exact path with credit 1.

    Examples
    --------
    >>> up = Hop("js", "broader", "up", 0.9, 0.9, "curated")
    >>> paths = best_paths_to("js", {"js": (("react", up),)})
    >>> round(paths["react"].credit, 2), paths["js"].credit
    (0.9, 1.0)
    """
    best: dict[str, _Candidate] = {need: (1.0, ())}
    frontier: dict[str, _Candidate] = {need: (1.0, ())}
    for hops in range(1, max_hops + 1):
        decay = HOP_DECAY if hops >= 2 else 1.0
        layer: dict[str, _Candidate] = {}
        for node, (credit, chain) in frontier.items():
            for source, hop in incoming.get(node, ()):
                new_credit = credit * hop.credit * decay
                if new_credit < min_credit:
                    continue
                candidate = (new_credit, ((source, hop), *chain))
                current = layer.get(source)
                if current is None or _better(candidate, current):
                    layer[source] = candidate
        for node, candidate in layer.items():
            current = best.get(node)
            if current is None or _better(candidate, current):
                best[node] = candidate
        frontier = layer
    return {have: _to_path(have, need, credit, chain) for have, (credit, chain) in best.items()}


_Candidate = tuple[float, tuple[tuple[str, "Hop"], ...]]


def _better(a: _Candidate, b: _Candidate) -> bool:
    """Higher credit wins; then fewer hops; then the path whose skill ids sort first."""
    if abs(a[0] - b[0]) > 1e-12:
        return a[0] > b[0]
    if len(a[1]) != len(b[1]):
        return len(a[1]) < len(b[1])
    return [s for s, _ in a[1]] < [s for s, _ in b[1]]


def _to_path(have: str, need: str, credit: float, chain: tuple[tuple[str, Hop], ...]) -> SkillPath:
    steps = tuple(
        PathStep(
            source=source,
            target=hop.target,
            type=hop.type,  # type: ignore[arg-type]
            direction=hop.direction,  # type: ignore[arg-type]
            weight=hop.weight,
            credit=hop.credit,
            provenance=hop.provenance,
        )
        for source, hop in chain
    )
    return SkillPath(have=have, need=need, credit=round(credit, 4), steps=steps)


def hops_from_edges(
    edges: Iterator[tuple[str, str, str, float, str]],
) -> dict[str, list[tuple[str, Hop]]]:
    """Incoming-hop lists from ``(source, target, type, weight, provenance)`` edges."""
    incoming: dict[str, list[tuple[str, Hop]]] = {}
    for source, target, kind, weight, provenance in edges:
        if kind == "broader":
            # narrower -> broader keeps the weight; broader -> narrower keeps part of it.
            incoming.setdefault(target, []).append((source, Hop(target, kind, "up", weight, weight, provenance)))
            incoming.setdefault(source, []).append(
                (target, Hop(source, kind, "down", weight, weight * DOWN_FACTOR, provenance))
            )
        else:
            incoming.setdefault(target, []).append((source, Hop(target, kind, "across", weight, weight, provenance)))
            incoming.setdefault(source, []).append((target, Hop(source, kind, "across", weight, weight, provenance)))
    return incoming
