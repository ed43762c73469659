"""skills_graph: a taxonomy of technologies and professional skills with aliases and typed relations.

Examples
--------
>>> from skills_graph import SkillsGraph
>>> graph = SkillsGraph.load()
>>> graph.get("golang").name
'Go'
"""

from skillmatch.errors import GraphBuildError, GraphLoadError, SkillsGraphError, UnknownSkillError
from skills_graph.graph import SkillsGraph
from skills_graph.models import (
    SKILL_TYPES,
    TECHNOLOGY_TYPES,
    PathStep,
    Relation,
    Skill,
    SkillMatch,
    SkillPath,
)

__all__ = [
    "SkillsGraph",
    "Skill",
    "Relation",
    "SkillMatch",
    "SkillPath",
    "PathStep",
    "SKILL_TYPES",
    "TECHNOLOGY_TYPES",
    "SkillsGraphError",
    "GraphLoadError",
    "GraphBuildError",
    "UnknownSkillError",
]
