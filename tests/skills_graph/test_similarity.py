"""The layered best-path search against brute force on small random graphs."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from skills_graph.similarity import DOWN_FACTOR, HOP_DECAY, best_paths_to, hops_from_edges

NODES = list("abcdef")
edge = st.tuples(
    st.sampled_from(NODES),
    st.sampled_from(NODES),
    st.sampled_from(["broader", "related"]),
    st.sampled_from([0.2, 0.5, 0.7, 0.9, 1.0]),
)


def brute_force(
    need: str, edges: list[tuple[str, str, str, float, str]], max_hops: int, min_credit: float
) -> dict[str, float]:
    steps: list[tuple[str, str, float]] = []  # (from, to, credit)
    for s, t, kind, w, _ in edges:
        if s == t:
            continue
        if kind == "broader":
            steps += [(s, t, w), (t, s, w * DOWN_FACTOR)]
        else:
            steps += [(s, t, w), (t, s, w)]
    best = {need: 1.0}
    for hops in range(1, max_hops + 1):
        for path in itertools.product(steps, repeat=hops):
            if path[-1][1] != need or any(a[1] != b[0] for a, b in itertools.pairwise(path)):
                continue
            credit = 1.0
            prefix_ok = True
            # credit is accumulated from the need backwards, exactly as the search prunes
            for k, (_, _, c) in enumerate(reversed(path)):
                credit *= c * (HOP_DECAY if k >= 1 else 1.0)
                if credit < min_credit:
                    prefix_ok = False
                    break
            if prefix_ok:
                start = path[0][0]
                best[start] = max(best.get(start, 0.0), credit)
    return best


@settings(max_examples=60, deadline=None)
@given(st.lists(edge, max_size=7), st.sampled_from(NODES), st.integers(1, 3))
def test_best_paths_match_brute_force(raw: list[tuple[str, str, str, float]], need: str, max_hops: int) -> None:
    edges = [(s, t, k, w, "test") for s, t, k, w in raw if s != t]
    incoming = {k: tuple(v) for k, v in hops_from_edges(iter(edges)).items()}
    found = best_paths_to(need, incoming, max_hops=max_hops, min_credit=0.05)
    expected = brute_force(need, edges, max_hops, 0.05)
    assert set(found) == set(expected)
    for node, credit in expected.items():
        assert abs(found[node].credit - round(credit, 4)) < 1e-3
        assert found[node].hops <= max_hops
