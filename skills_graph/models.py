"""Frozen records returned by the skills graph."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "SKILL_TYPES",
    "TECHNOLOGY_TYPES",
    "SkillType",
    "EdgeType",
    "Skill",
    "Relation",
    "SkillMatch",
    "PathStep",
    "SkillPath",
]

SkillType = Literal[
    "language",
    "framework",
    "library",
    "database",
    "cloud",
    "platform",
    "tool",
    "methodology",
    "concept",
    "soft",
    "domain",
]
SKILL_TYPES: tuple[str, ...] = SkillType.__args__  # type: ignore[attr-defined]
#: The types that name a concrete technology (as opposed to a concept, practice or field).
TECHNOLOGY_TYPES: frozenset[str] = frozenset(
    {"language", "framework", "library", "database", "cloud", "platform", "tool"}
)

EdgeType = Literal["broader", "related"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Skill(_Frozen):
    """A node of the skills graph.

    Attributes
    ----------
    skill_id : str
        Stable slug, e.g. ``"kubernetes"``.
    name : str
        Display name.
    type : str
        One of :data:`SKILL_TYPES`.
    aliases : tuple of str
        Other surface forms that resolve to this skill.
    sources : dict
        Source identifiers: ``esco`` (URIs), ``onet`` (UNSPSC commodity codes), ``curated`` (file).
    flags : tuple of str
        E.g. ``hot_technology``, ``in_demand``, ``esco_group``, ``approximate_label``.
    popularity : int
        Stack Overflow question count of the matching tag, 0 when unknown.
    """

    skill_id: str
    name: str
    type: SkillType
    aliases: tuple[str, ...] = ()
    sources: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    flags: tuple[str, ...] = ()
    popularity: int = 0


class Relation(_Frozen):
    """A typed, weighted edge with its provenance.

    ``broader`` points from the narrower skill to the broader one (React -> JavaScript);
    ``related`` is symmetric and stored once in each direction.
    """

    source: str
    target: str
    type: EdgeType
    weight: float
    provenance: str


class SkillMatch(_Frozen):
    """A skill mention found in text: ``text[start:end] == surface``."""

    skill_id: str
    name: str
    start: int
    end: int
    surface: str
    confidence: float = 1.0


class PathStep(_Frozen):
    """One hop of a similarity path.

    ``direction`` is ``up`` (to a broader skill), ``down`` (to a narrower one) or ``across``
    (a related edge); ``credit`` is what this hop keeps of the evidence.
    """

    source: str
    target: str
    type: EdgeType
    direction: Literal["up", "down", "across"]
    weight: float
    credit: float
    provenance: str


class SkillPath(_Frozen):
    """How much evidence for ``have`` counts toward ``need``, and why.

    Examples
    --------
    A path is rendered as text by ``str()``, e.g.
    ``docker -[related 0.6]-> kubernetes (credit 0.60)``.
    """

    have: str
    need: str
    credit: float
    steps: tuple[PathStep, ...] = ()

    @property
    def hops(self) -> int:
        return len(self.steps)

    def __str__(self) -> str:
        if not self.steps:
            return f"{self.have} (exact, credit {self.credit:.2f})"
        parts = [self.steps[0].source]
        for step in self.steps:
            label = {"up": "broader", "down": "narrower", "across": "related"}[step.direction]
            parts.append(f"-[{label} {step.weight:.2f}]-> {step.target}")
        return " ".join(parts) + f" (credit {self.credit:.2f})"
