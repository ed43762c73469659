"""Skill evidence: every mention resolved through the graph, with where, how long and how recently.

A skill's ``months`` are the months of the positions whose text mentions it, overlaps merged;
``last_used`` is the latest end among them. A skill found only outside positions (a skills
list, a summary) has mentions but no months. ``sections`` lists where the mentions stand.

Examples
--------
>>> from skills_graph import SkillsGraph
>>> from skillmatch.models import Position
>>> text = "Skills: Python\\nEngineer, Acme 2019-2020\\n- Python services"
>>> pos = [(Position(start="2019-01", end="2020-12"), (15, len(text)))]
>>> ev = {e.skill_id: e for e in skill_evidence(text, [("skills", (0, 14)), ("experience", (15, len(text)))], pos, graph=SkillsGraph.load())}
>>> ev["python"].mentions, ev["python"].months, ev["python"].last_used, ev["python"].sections
(2, 24, '2020-12', ('skills', 'experience'))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from skillmatch.models import Position, SkillEvidence
from skillmatch.parsing.dates import total_months
from skills_graph import SkillsGraph

__all__ = ["skill_evidence"]


@dataclass
class _Evidence:
    """Accumulates one skill's mentions while the text is read."""

    name: str
    surfaces: dict[str, None] = field(default_factory=dict)  # insertion-ordered set
    sections: dict[str, None] = field(default_factory=dict)
    positions: set[int] = field(default_factory=set)
    mentions: int = 0
    confidence: float = 0.0


def _section_at(offset: int, sections: Sequence[tuple[str, tuple[int, int]]]) -> str:
    for kind, (start, end) in sections:
        if start <= offset < end:
            return kind
    return "other"


def skill_evidence(
    text: str,
    sections: Sequence[tuple[str, tuple[int, int]]],
    positions: Sequence[tuple[Position, tuple[int, int]]],
    *,
    graph: SkillsGraph,
) -> list[SkillEvidence]:
    """Evidence for every skill mentioned in ``text``, strongest first (then by id).

    Parameters
    ----------
    text : str
        The document text.
    sections : sequence of (kind, span)
        Section kinds with their character spans in ``text``.
    positions : sequence of (Position, span)
        Positions with the span of their header and description in ``text``.
    graph : SkillsGraph
        Resolves mentions to canonical skills.
    """
    by_skill: dict[str, _Evidence] = {}
    for match in graph.match_text(text):
        acc = by_skill.setdefault(match.skill_id, _Evidence(match.name))
        acc.surfaces.setdefault(match.surface, None)
        acc.mentions += 1
        acc.sections.setdefault(_section_at(match.start, sections), None)
        acc.confidence = max(acc.confidence, match.confidence)
        acc.positions.update(i for i, (_, (start, end)) in enumerate(positions) if start <= match.start < end)
    out: list[SkillEvidence] = []
    for skill_id, acc in by_skill.items():
        intervals = [(p.start, p.end) for p in (positions[i][0] for i in sorted(acc.positions)) if p.start and p.end]
        out.append(
            SkillEvidence(
                skill_id=skill_id,
                name=acc.name,
                surfaces=tuple(acc.surfaces),
                mentions=acc.mentions,
                sections=tuple(acc.sections),
                months=total_months(intervals) if intervals else None,
                last_used=max((end for _, end in intervals), default=None),
                # Repeated, certain mentions are stronger evidence than one contextual guess.
                confidence=round(min(1.0, acc.confidence + 0.05 * (acc.mentions - 1)), 2),
            )
        )
    out.sort(key=lambda e: (-(e.months or 0), -e.mentions, e.skill_id))
    return out
