"""Clustering: records joined by strong pairs, with a guard against chains.

Pairs at or above the threshold are taken strongest first (ties by ids) and join their two
clusters unless some pair across the two is a cannot-link (clearly different people): then A~B
and B~C do not pull A and C together. Every record ends in
exactly one cluster; the result does not depend on the input order.

Examples
--------
>>> clusters = cluster_ids(["a", "b", "c", "d"], [("a", "b", 0.99), ("b", "c", 0.95)], cannot_link=[("a", "c")])
>>> [c for c in clusters]
[('a', 'b'), ('c',), ('d',)]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = ["cluster_ids"]


class _Sets:
    """Union-find with the cannot-link partners of each root."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.blocked: dict[int, set[int]] = {}

    def find(self, x: int) -> int:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def forbid(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        self.blocked.setdefault(ra, set()).add(rb)
        self.blocked.setdefault(rb, set()).add(ra)

    def try_union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        blocked_a = {self.find(x) for x in self.blocked.get(ra, ())}
        if rb in blocked_a:
            return False
        if ra > rb:
            ra, rb = rb, ra
        self.parent[rb] = ra
        merged = {self.find(x) for x in self.blocked.pop(ra, set()) | self.blocked.pop(rb, set())}
        if merged:
            self.blocked[ra] = merged
            for other in merged:
                partners = self.blocked.setdefault(other, set())
                partners.discard(rb)
                partners.add(ra)
        return True


def cluster_ids(
    ids: Sequence[str],
    scored_pairs: Iterable[tuple[str, str, float]],
    *,
    threshold: float = 0.9,
    cannot_link: Iterable[tuple[str, str]] = (),
    max_size: int | None = None,
) -> list[tuple[str, ...]]:
    """Group ``ids`` into clusters from ``(left_id, right_id, probability)`` triples.

    Pairs in ``cannot_link`` never end in one cluster, directly or through others. ``max_size`` caps a cluster: a larger one (a chain through many weak links) is split again
    with a stricter threshold, step by step, until its parts fit.

    Returns
    -------
    list of tuple of str
        Each cluster's ids in input order; clusters in the order of their first member.
    """
    index = {record_id: i for i, record_id in enumerate(ids)}
    sets = _Sets(len(ids))
    links: list[tuple[float, str, str, int, int]] = []
    forbidden: list[tuple[int, int]] = []
    for left, right, probability in scored_pairs:
        a, b = index[left], index[right]
        if a == b:
            continue
        a, b = min(a, b), max(a, b)
        if probability >= threshold:
            lo, hi = sorted((left, right))
            links.append((-probability, lo, hi, a, b))  # ties broken by ids
    for left, right in cannot_link:
        a, b = index[left], index[right]
        sets.forbid(a, b)
        forbidden.append((a, b))
    links.sort()
    for *_, a, b in links:
        sets.try_union(a, b)
    groups: dict[int, list[int]] = {}
    for i in range(len(ids)):
        groups.setdefault(sets.find(i), []).append(i)
    if max_size is not None:
        for root, members in list(groups.items()):
            if len(members) > max_size:
                del groups[root]
                for part in _split(members, links, forbidden, threshold, max_size):
                    groups[part[0]] = part
    ordered = sorted(groups.values(), key=min)
    return [tuple(ids[i] for i in sorted(members)) for members in ordered]


def _split(
    members: list[int],
    links: list[tuple[float, str, str, int, int]],
    forbidden: list[tuple[int, int]],
    threshold: float,
    max_size: int,
) -> list[list[int]]:
    """Re-cluster an oversized cluster with stricter thresholds until every part has ``max_size`` or fewer."""
    inside = set(members)
    local = {m: i for i, m in enumerate(members)}
    own = [link for link in links if link[3] in inside and link[4] in inside]
    own_forbidden = [(local[a], local[b]) for a, b in forbidden if a in inside and b in inside]
    parts = [members]
    strict = threshold
    while any(len(p) > max_size for p in parts) and strict < 1 - 1e-12:
        strict = 1 - (1 - strict) / 10
        sub = _Sets(len(members))
        for a, b in own_forbidden:
            sub.forbid(a, b)
        for neg_p, _, _, a, b in own:
            if -neg_p >= strict:
                sub.try_union(local[a], local[b])
        grouped: dict[int, list[int]] = {}
        for m in members:
            grouped.setdefault(sub.find(local[m]), []).append(m)
        parts = list(grouped.values())
    return parts
