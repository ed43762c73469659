"""Requisitions built from examples: "more people like these hires", or like one resume.

:func:`requisition_from_profiles` picks the skills that set a group of profiles apart from a
background (the skills common in the group and rare outside it); :func:`requisition_from_profile`
turns one profile into a query (its strongest, least common skills). Both read only the
whitelisted ranking fields (:data:`~skillmatch.ranking.features.RANKING_FIELDS`).

Examples
--------
>>> from skills_graph import SkillsGraph
>>> from skillmatch.models import Profile, SkillEvidence
>>> def person(pid, *ids):
...     return Profile(profile_id=pid, source=pid, as_of="2026-01-01",
...                    skills=tuple(SkillEvidence(skill_id=i, name=i) for i in ids))
>>> hires = [person("a", "python", "apache-spark", "sql"), person("b", "python", "apache-spark", "git")]
>>> others = [person("c", "sql", "git", "microsoft-excel"), person("d", "git", "microsoft-excel")]
>>> req = requisition_from_profiles(hires, background=others, graph=SkillsGraph.load(), title="Data Engineer")
>>> [r.skill_id for r in req.must_have]
['apache-spark', 'python']
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from skillmatch.errors import InvalidArgumentError
from skillmatch.models import Profile, Requisition, SkillRequirement
from skillmatch.ranking.features import profile_text, ranking_text, title_tokens

if TYPE_CHECKING:
    from skills_graph import SkillsGraph

__all__ = ["requisition_from_profiles", "requisition_from_profile"]

#: Smoothing of document frequencies (so a skill absent from the background is not infinitely rare).
_ALPHA = 0.5


def _skill_sets(profiles: Sequence[Profile], graph: SkillsGraph) -> list[set[str]]:
    return [{s.skill_id for s in p.skills if s.skill_id in graph} for p in profiles]


def requisition_from_profiles(
    profiles: Iterable[Profile],
    *,
    graph: SkillsGraph,
    background: Iterable[Profile] = (),
    title: str = "",
    must_have: int = 5,
    nice_to_have: int = 10,
    title_keywords: int = 5,
    requisition_id: str | None = None,
) -> Requisition:
    """A requisition for "more like these": the skills that distinguish a group from a background.

    A skill's distinctiveness is ``df * log((df + a) / (bg + a))`` with ``df`` and ``bg`` its
    document frequency in the group and the background (``a`` smooths). The most distinctive
    skills held by at least half the group become must-haves; the next ones held by at least a
    fifth, nice-to-haves (weighted by distinctiveness). Title keywords are the group's most
    distinctive job-title words.

    Parameters
    ----------
    profiles : iterable of Profile
        The examples (at least one).
    graph : SkillsGraph
    background : iterable of Profile
        Profiles to contrast with; empty means every skill is as common elsewhere as nowhere.
    title : str
        Title of the requisition.
    must_have, nice_to_have, title_keywords : int
        How many of each to pick at most.
    requisition_id : str, optional
        Default: a hash of the example ids.
    """
    group = list(profiles)
    if not group:
        raise InvalidArgumentError("profiles", expected="at least one profile", got=group)
    rest = list(background)
    skills = _ranked_terms(_skill_sets(group, graph), _skill_sets(rest, graph))
    words = _ranked_terms(_title_sets(group), _title_sets(rest))
    must = [(sid, score) for sid, score, df in skills if df >= 0.5][:must_have]
    taken = {sid for sid, _ in must}
    nice = [(sid, score) for sid, score, df in skills if df >= 0.2 and sid not in taken][:nice_to_have]
    keywords = tuple(w for w, _, df in words if df >= 0.2)[:title_keywords]
    ids = ",".join(sorted(p.profile_id for p in group))
    return Requisition(
        requisition_id=requisition_id or "like-" + hashlib.sha256(ids.encode()).hexdigest()[:12],
        title=title,
        must_have=tuple(SkillRequirement(skill_id=sid, name=graph.get(sid).name) for sid, _ in must),
        nice_to_have=_weighted(nice, graph),
        title_keywords=tuple(dict.fromkeys((*title_tokens(title), *keywords))),
    )


def requisition_from_profile(
    profile: Profile,
    *,
    graph: SkillsGraph,
    background: Iterable[Profile] = (),
    must_have: int = 5,
    nice_to_have: int = 10,
    text: str | None = None,
) -> Requisition:
    """A query from one profile ("find people like this one"): its strongest, least common skills.

    Skills are ordered by ``strength * idf``: strength grows with months of use and mentions, idf
    is the skill's rarity in ``background``. The profile's most recent title and its whitelisted
    text (:func:`~skillmatch.ranking.features.profile_text`) become the title and description,
    so nothing but ranking fields is carried over; given the document's whole ``text``, the
    description is that text with the name, contact details, numbers and gendered words removed
    (:func:`~skillmatch.ranking.features.ranking_text`).

    Examples
    --------
    >>> from skills_graph import SkillsGraph
    >>> from skillmatch.models import Position, SkillEvidence
    >>> p = Profile(profile_id="p", source="s", as_of="2026-01-01", name="Ana Ruiz",
    ...             positions=(Position(title="Data Engineer"),),
    ...             skills=(SkillEvidence(skill_id="apache-spark", name="Spark", months=30),
    ...                     SkillEvidence(skill_id="git", name="Git", mentions=1)))
    >>> req = requisition_from_profile(p, graph=SkillsGraph.load())
    >>> req.title, [r.skill_id for r in req.must_have], "ana" in req.description
    ('Data Engineer', ['apache-spark', 'git'], False)
    """
    rest = _skill_sets(list(background), graph)
    n = len(rest)
    counts = Counter(sid for skills in rest for sid in skills)
    scored = []
    for s in profile.skills:
        if s.skill_id not in graph:
            continue
        strength = 1.0 + math.log1p((s.months or 0) / 12) + 0.25 * math.log1p(s.mentions)
        idf = math.log((n + 1) / (counts[s.skill_id] + 1)) + 1.0
        scored.append((-(strength * idf), s.skill_id))
    scored.sort()
    ordered = [(sid, -score) for score, sid in scored]
    title = next((p.title for p in profile.positions if p.title), "")
    return Requisition(
        requisition_id="like-" + profile.profile_id,
        title=title,
        must_have=tuple(SkillRequirement(skill_id=sid, name=graph.get(sid).name) for sid, _ in ordered[:must_have]),
        nice_to_have=_weighted(ordered[must_have : must_have + nice_to_have], graph),
        title_keywords=title_tokens(title),
        description=profile_text(profile) if text is None else ranking_text(text, profile),
    )


def _title_sets(profiles: Sequence[Profile]) -> list[set[str]]:
    return [{w for pos in p.positions[:3] for w in title_tokens(pos.title or "")} for p in profiles]


def _ranked_terms(group: Sequence[set[str]], rest: Sequence[set[str]]) -> list[tuple[str, float, float]]:
    """Terms of the group by distinctiveness: ``(term, score, df)``, best first, ties by term."""
    n, m = len(group), len(rest)
    inside = Counter(t for terms in group for t in terms)
    outside = Counter(t for terms in rest for t in terms)
    out = []
    for term, count in inside.items():
        df = count / n
        bg = outside[term] / m if m else df
        score = df * math.log((df + _ALPHA) / (bg + _ALPHA))
        if score > 0 or not m:
            out.append((term, score if m else df, df))
    out.sort(key=lambda item: (-item[1], item[0]))
    return out


def _weighted(items: Sequence[tuple[str, float]], graph: SkillsGraph) -> tuple[SkillRequirement, ...]:
    """Nice-to-haves weighted by their score relative to the best one (1 down to 0.25)."""
    if not items:
        return ()
    top = max(score for _, score in items) or 1.0
    return tuple(
        SkillRequirement(skill_id=sid, name=graph.get(sid).name, weight=round(max(0.25, score / top), 3))
        for sid, score in items
    )
