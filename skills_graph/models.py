"""Frozen records returned by the skills graph."""

from __future__ import annotations

from typing import Literal, get_args

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
    "SourceRef",
    "DIRECTION_LABELS",
    "SCHEMA_VERSION",
]

#: Version of the JSON shape of these records; bumped on any incompatible change.
SCHEMA_VERSION = 1

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
SKILL_TYPES: tuple[str, ...] = get_args(SkillType)
#: The types that name a concrete technology (as opposed to a concept, practice or field).
TECHNOLOGY_TYPES: frozenset[str] = frozenset(
    {"language", "framework", "library", "database", "cloud", "platform", "tool"}
)

EdgeType = Literal["broader", "related"]
Direction = Literal["up", "down", "across"]
#: How a path step reads: up a broader edge, down one, or across a related edge.
DIRECTION_LABELS: dict[str, str] = {"up": "broader", "down": "narrower", "across": "related"}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SourceRef(_Frozen):
    """Where a skill comes from: ``kind`` is ``curated`` (the file), ``esco`` (a concept URI) or
    ``onet`` (a UNSPSC commodity code)."""

    kind: str
    id: str


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
    sources : tuple of SourceRef
        Source identifiers: ``esco`` (URIs), ``onet`` (UNSPSC commodity codes), ``curated`` (file).
    flags : tuple of str
        E.g. ``hot_technology``, ``in_demand``, ``esco_group``, ``approximate_label``.
    popularity : int
        Stack Overflow question count of the matching tag, 0 when unknown.
    """

    schema_version: int = SCHEMA_VERSION
    skill_id: str
    name: str
    type: SkillType
    aliases: tuple[str, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    flags: tuple[str, ...] = ()
    popularity: int = Field(default=0, ge=0)

    def source_ids(self, kind: str) -> tuple[str, ...]:
        """The identifiers of one kind of source, e.g. ``skill.source_ids("esco")``."""
        return tuple(ref.id for ref in self.sources if ref.kind == kind)


class Relation(_Frozen):
    """A typed, weighted edge with its provenance.

    ``broader`` points from the narrower skill to the broader one (React -> JavaScript);
    ``related`` is symmetric and stored once, with ``source`` the id that sorts first.
    """

    schema_version: int = SCHEMA_VERSION
    source: str
    target: str
    type: EdgeType
    weight: float = Field(gt=0, le=1)
    provenance: str


class SkillMatch(_Frozen):
    """A skill mention found in text: ``text[start:end] == surface``."""

    schema_version: int = SCHEMA_VERSION
    skill_id: str
    name: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    surface: str
    confidence: float = Field(default=1.0, gt=0, le=1)


class PathStep(_Frozen):
    """One hop of a similarity path.

    ``direction`` is ``up`` (to a broader skill), ``down`` (to a narrower one) or ``across``
    (a related edge); ``credit`` is what this hop keeps of the evidence.
    """

    source: str
    target: str
    type: EdgeType
    direction: Direction
    weight: float = Field(gt=0, le=1)
    credit: float = Field(gt=0, le=1)
    provenance: str


class SkillPath(_Frozen):
    """How much evidence for ``have`` counts toward ``need``, and why.

    Examples
    --------
    A path is rendered as text by ``str()``, e.g.
    ``docker -[related 0.6]-> kubernetes (credit 0.60)``.
    """

    schema_version: int = SCHEMA_VERSION
    have: str
    need: str
    credit: float = Field(gt=0, le=1)
    steps: tuple[PathStep, ...] = ()

    @property
    def hops(self) -> int:
        return len(self.steps)

    def __str__(self) -> str:
        if not self.steps:
            return f"{self.have} (exact, credit {self.credit:.2f})"
        parts = [self.steps[0].source]
        for step in self.steps:
            parts.append(f"-[{DIRECTION_LABELS[step.direction]} {step.weight:.2f}]-> {step.target}")
        return " ".join(parts) + f" (credit {self.credit:.2f})"
