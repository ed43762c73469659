"""Ranking candidates against a requisition through the skills graph, with tiers and explanations.

The steps are public::

    requisition = parse_requisition(job_ad_text, graph=graph)      # or a YAML/JSON requisition
    pool = CandidatePool.from_profiles(profiles, graph=graph)       # encode once
    shortlist = pool.rank(requisition, top_k=20)                   # RankedCandidate, best first

``skillmatch.rank`` does the last two in one call. Importing this package is cheap: numpy, scipy
and scikit-learn load when a pool is first built.

Examples
--------
>>> from skillmatch import ranking
>>> "skills" in ranking.RANKING_FIELDS, "name" in ranking.RANKING_FIELDS
(True, False)
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from skillmatch.ranking.features import RANKING_FIELDS, profile_text, ranking_text

if TYPE_CHECKING:
    from skillmatch.ranking.api import parse_requisition, rank
    from skillmatch.ranking.by_example import requisition_from_profile, requisition_from_profiles
    from skillmatch.ranking.scorer import CandidatePool, Evaluation, query_text, requisition_text

__all__ = [
    "RANKING_FIELDS",
    "profile_text",
    "ranking_text",
    "CandidatePool",
    "Evaluation",
    "query_text",
    "rank",
    "parse_requisition",
    "requisition_from_profile",
    "requisition_from_profiles",
    "requisition_text",
]

_LAZY = {
    "CandidatePool": "skillmatch.ranking.scorer",
    "Evaluation": "skillmatch.ranking.scorer",
    "query_text": "skillmatch.ranking.scorer",
    "rank": "skillmatch.ranking.api",
    "parse_requisition": "skillmatch.ranking.api",
    "requisition_from_profile": "skillmatch.ranking.by_example",
    "requisition_from_profiles": "skillmatch.ranking.by_example",
    "requisition_text": "skillmatch.ranking.scorer",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'skillmatch.ranking' has no attribute {name!r}")
    return getattr(import_module(module), name)


def __dir__() -> list[str]:
    return sorted(__all__)
