"""``skillmatch.rank`` and ``skillmatch.parse_requisition``: light entry points that load the
ranking machinery on first call."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from skillmatch.config import RankConfig
from skillmatch.models import Profile, RankedCandidate, Requisition

if TYPE_CHECKING:
    from skills_graph import SkillsGraph

__all__ = ["rank", "parse_requisition"]


def rank(
    requisition: Requisition | str | Mapping[str, Any],
    profiles: Iterable[Profile],
    *,
    graph: SkillsGraph | None = None,
    config: RankConfig | None = None,
    top_k: int | None = None,
    texts: Iterable[str] | None = None,
) -> tuple[RankedCandidate, ...]:
    """Rank profiles against a requisition: score 0-100, tier and explanation for each, best first.

    ``requisition`` is a :class:`~skillmatch.models.Requisition`, a YAML/JSON requisition or the
    text of a job ad (see :func:`parse_requisition`). Ties are broken by profile id, so the order
    does not depend on the order of ``profiles``. ``texts``, the whole text of each profile's
    document in the same order, lets text relevance read more than the parsed fields (see
    :meth:`skillmatch.ranking.CandidatePool.from_profiles`). For many requisitions over one pool,
    build a :class:`skillmatch.ranking.CandidatePool` once instead.

    Examples
    --------
    >>> import skillmatch
    >>> from skillmatch.models import Profile, SkillEvidence
    >>> people = [Profile(profile_id=pid, source=pid, as_of="2026-01-01",
    ...                   skills=(SkillEvidence(skill_id=sid, name=sid, months=36, last_used="2025-12"),))
    ...           for pid, sid in [("ana", "docker"), ("ben", "kubernetes"), ("cy", "microsoft-excel")]]
    >>> shortlist = skillmatch.rank({"title": "Platform Engineer", "must_have": ["Kubernetes"]}, people)
    >>> [(c.profile_id, c.tier) for c in shortlist]
    [('ben', 'strong'), ('ana', 'near'), ('cy', 'no')]
    >>> print(shortlist[1].explanation.contributions[0].evidence)
    Kubernetes: no direct evidence; Docker 36 months, last used 2025-12, related (docker -[related 0.60]-> kubernetes), partial credit 0.60
    """
    from skillmatch.ranking.scorer import CandidatePool
    from skills_graph import SkillsGraph

    graph = graph or SkillsGraph.load()
    config = config or RankConfig()
    req = parse_requisition(requisition, graph=graph)
    pool = CandidatePool.from_profiles(profiles, graph=graph, text=config.text_weight > 0, texts=texts)
    return pool.rank(req, top_k=top_k, config=config)


def parse_requisition(
    source: Requisition | str | Mapping[str, Any],
    *,
    graph: SkillsGraph | None = None,
    requisition_id: str | None = None,
) -> Requisition:
    """A :class:`~skillmatch.models.Requisition` from YAML, JSON, a mapping or the text of a job ad.

    See :func:`skillmatch.ranking.requisition.parse_requisition` for the rules.

    Examples
    --------
    >>> import skillmatch
    >>> req = skillmatch.parse_requisition({"title": "Data Engineer", "must_have": ["Spark", "5+ years SQL"]})
    >>> [(r.skill_id, r.min_months) for r in req.must_have]
    [('apache-spark', None), ('sql', 60)]
    """
    if isinstance(source, Requisition) and requisition_id is None:
        return source
    from skillmatch.ranking.requisition import parse_requisition as run
    from skills_graph import SkillsGraph

    return run(source, graph=graph or SkillsGraph.load(), requisition_id=requisition_id)
