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

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from skillmatch.models import Position, SkillEvidence
from skillmatch.parsing.dates import total_months
from skills_graph import SkillsGraph
from skills_graph.models import TECHNOLOGY_TYPES, SkillMatch

__all__ = ["skill_evidence", "is_human_language", "human_languages"]

# Mentions in these sections count as skills only when they name a technology.
_FIELD_SECTIONS = frozenset({"education", "certifications", "languages"})
_CONTACT_SECTIONS = frozenset({"contact", "header"})
_URL_OR_EMAIL = re.compile(r"\S+@\S+\.\w+|(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|org|net|io|dev|me|co)(?:/\S*)?", re.I)
_LANGUAGE_ROOTS = frozenset({"foreign-languages", "languages", "sign-language"})
_CONTACT_ITEM = re.compile(r"@|https?://|www\.|\.com\b|(?:\d[\s().-]*){7}|\b(?:linkedin|github)\b", re.I)


def is_human_language(graph: SkillsGraph, skill_id: str) -> bool:
    """Is the skill a human language (English, isiZulu, Mandarin)? They go to ``Profile.languages``.

    >>> g = SkillsGraph.load()
    >>> is_human_language(g, "spanish"), is_human_language(g, "python")
    (True, False)
    """
    frontier = {skill_id}
    for _ in range(3):
        parents = {p for s in frontier for p in graph.broader(s)}
        if parents & _LANGUAGE_ROOTS:
            return True
        frontier = parents
    return False


def human_languages(text: str, *, graph: SkillsGraph, matches: Sequence[SkillMatch] | None = None) -> list[str]:
    """Names of the human languages mentioned in ``text``, in order of first mention."""
    names: dict[str, None] = {}
    for match in graph.match_text(text) if matches is None else matches:
        if is_human_language(graph, match.skill_id):
            names.setdefault(match.name, None)
    return list(names)


@dataclass
class _Evidence:
    """Accumulates one skill's mentions while the text is read."""

    name: str
    surfaces: dict[str, None] = field(default_factory=dict)  # insertion-ordered set
    sections: dict[str, None] = field(default_factory=dict)
    positions: set[int] = field(default_factory=set)
    mentions: int = 0
    confidence: float = 0.0


def _implied(text: str, explicit: Sequence[SkillMatch], graph: SkillsGraph) -> list[SkillMatch]:
    """Skills implied by phrasing ("led a team of 8": leadership), with their phrase as the span.

    A phrase that overlaps a mention of the same skill adds nothing ("mentoring" is already named).

    >>> g = SkillsGraph.load()
    >>> [(m.skill_id, m.surface) for m in _implied("Led a team of 8 nurses.", (), g)]
    [('leadership', 'Led a team of 8')]
    """
    named: dict[str, list[tuple[int, int]]] = {}
    for m in explicit:
        named.setdefault(m.skill_id, []).append((m.start, m.end))
    return [
        m
        for m in graph.matcher.implied(text)
        if not any(a < m.end and m.start < b for a, b in named.get(m.skill_id, ()))
    ]


def _prose_line(text: str, line_start: int) -> bool:
    """Is the line a sentence (eight words or more, no e-mail, link or phone number)? At the top of
    a resume without a summary heading, such a line is the summary, not contact details.

    >>> _prose_line("Nurse with ten years of acute care and wound care experience in the NHS.", 0)
    True
    >>> _prose_line("GitHub: github.com/jane | LinkedIn: linkedin.com/in/jane | +44 7700 900123", 0)
    False
    """
    end = text.find("\n", line_start)
    line = text[line_start : end if end >= 0 else len(text)]
    words = line.split()
    return sum(len(w) > 2 for w in words) >= 6 and len(words) >= 8 and not _CONTACT_ITEM.search(line)


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
    matches: Sequence[SkillMatch] | None = None,
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
    matches : sequence of SkillMatch, optional
        ``graph.match_text(text)`` when the caller already has it.
    """
    from skillmatch.parsing.sections import heading_kind

    by_skill: dict[str, _Evidence] = {}
    hidden = [m.span() for m in _URL_OR_EMAIL.finditer(text)]
    kinds: dict[str, bool] = {}  # skill id -> is it a named technology
    types: dict[str, str] = {}  # skill id -> its type in the graph
    heading_lines: dict[int, bool] = {}  # line start -> is the line a section heading
    explicit = graph.match_text(text) if matches is None else matches
    industries = graph.matcher.industries
    for match, inferred in [*((m, False) for m in explicit), *((m, True) for m in _implied(text, explicit, graph))]:
        if not inferred and any(a < match.end and match.start < b for a, b in hidden):
            continue  # "github.com/jane" is a link, not GitHub experience
        if not inferred and is_human_language(graph, match.skill_id):
            continue  # reported in Profile.languages
        line_start = text.rfind("\n", 0, match.start) + 1
        if line_start not in heading_lines:
            line_end = text.find("\n", match.start)
            heading_lines[line_start] = (
                heading_kind(text[line_start : line_end if line_end >= 0 else len(text)]) is not None
            )
        if heading_lines[line_start]:
            continue  # "WORK HISTORY", "Engineering Projects": a heading names a section, not a skill
        section = _section_at(match.start, sections)
        if section in _CONTACT_SECTIONS and not _prose_line(text, line_start):
            continue  # "LinkedIn:" and "GitHub:" label contact links
        if inferred:
            if section in _FIELD_SECTIONS:
                continue  # a degree or a certificate describes no work done
        else:
            kind = types.get(match.skill_id)
            if kind is None:
                kind = types[match.skill_id] = graph.get(match.skill_id).type
            if (kind == "domain" or match.skill_id in industries) and section != "skills":
                continue  # "ten years in banking", "a SaaS company": an industry in passing is context
            if section in _FIELD_SECTIONS:
                technology = kinds.get(match.skill_id)
                if technology is None:
                    technology = kinds[match.skill_id] = graph.get(match.skill_id).type in TECHNOLOGY_TYPES
                if not technology:
                    continue  # "B.S. in Nursing", "BLS Provider": the field carries it, not a skill
        acc = by_skill.setdefault(match.skill_id, _Evidence(match.name))
        acc.surfaces.setdefault(match.surface, None)
        acc.mentions += 1
        acc.sections.setdefault(section, None)
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
