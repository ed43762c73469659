"""The records of a screening run: its options and its result, frozen models that round-trip JSON.

Examples
--------
>>> cfg = ScreenConfig(workers=2, as_of="2026-11-22")
>>> ScreenConfig.model_validate_json(cfg.model_dump_json()) == cfg
True
>>> result = ScreenResult(requisition={"title": "Data Engineer"}, as_of="2026-11-22")
>>> result.profiles, result.failures, result.tier_counts()
((), (), {'strong': 0, 'good': 0, 'near': 0, 'no': 0})
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from skillmatch.config import DedupeConfig, ParseConfig, RankConfig
from skillmatch.models import (
    SCHEMA_VERSION,
    TIERS,
    Cluster,
    ParseFailure,
    Profile,
    RankedCandidate,
    Requisition,
)

__all__ = ["ScreenConfig", "SkillNeighbour", "ScreenResult"]

Day = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ScreenConfig(_Frozen):
    """How :func:`skillmatch.screen` parses, deduplicates and ranks.

    Attributes
    ----------
    parse, dedupe, rank : ParseConfig, DedupeConfig, RankConfig
        The options of each stage.
    workers : int
        Worker processes for parsing (default 1; see :func:`skillmatch.parse_many`).
    as_of : "YYYY-MM-DD", optional
        What "present" means in the resumes (default: today).
    full_text : bool
        Give text relevance each document's whole text (the members' texts joined for a merged
        person) instead of the parsed titles, summary and job descriptions. Each document is then
        read twice, which about doubles the parsing time of PDF and DOCX files. Default False.
    neighbours : int
        Related skills shown per requisition skill in the report's graph view (default 4).
    """

    parse: ParseConfig = ParseConfig()
    dedupe: DedupeConfig = DedupeConfig()
    rank: RankConfig = RankConfig()
    workers: int = Field(default=1, ge=1, le=64)
    as_of: Day | None = None
    full_text: bool = False
    neighbours: int = Field(default=4, ge=0, le=12)


class SkillNeighbour(_Frozen):
    """A skill next to a requisition skill in the graph: evidence of ``have`` counts toward ``need``.

    ``relation`` names the edge from ``have`` to ``need`` (``broader``: ``have`` is a kind of
    ``need``; ``narrower``; ``related``); ``in_pool`` says whether a screened candidate has it.
    """

    need: str
    have: str
    credit: float = Field(gt=0, le=1)
    relation: Literal["broader", "narrower", "related"]
    in_pool: bool = False


class ScreenResult(_Frozen):
    """Everything a screening run found, as data: what the report and the JSON Lines files show.

    Attributes
    ----------
    requisition : Requisition
        The requisition the candidates were ranked against.
    documents : tuple of Profile or ParseFailure
        One result per input document, in input order (folders expanded, sorted).
    clusters : tuple of Cluster
        The people: every parsed profile is in exactly one cluster; ``merged`` is the record
        that was ranked.
    ranking : tuple of RankedCandidate
        Every person once, best first; ``profile_id`` is the merged profile's id (see
        :meth:`cluster_of`).
    skill_names : dict
        Display names of the skill ids the report shows.
    neighbours : tuple of SkillNeighbour
        The requisition's skills and their nearest related skills (the report's graph view).
    graph_fingerprint : str
        The skills graph's content hash, for audit.
    as_of : "YYYY-MM-DD"
        What "present" meant.
    """

    schema_version: int = SCHEMA_VERSION
    requisition: Requisition
    documents: tuple[Profile | ParseFailure, ...] = ()
    clusters: tuple[Cluster, ...] = ()
    ranking: tuple[RankedCandidate, ...] = ()
    skill_names: dict[str, str] = Field(default_factory=dict)
    neighbours: tuple[SkillNeighbour, ...] = ()
    graph_fingerprint: str = ""
    as_of: Day

    @property
    def profiles(self) -> tuple[Profile, ...]:
        """The documents that parsed, in input order."""
        return tuple(d for d in self.documents if isinstance(d, Profile))

    @property
    def failures(self) -> tuple[ParseFailure, ...]:
        """The documents that did not parse, in input order."""
        return tuple(d for d in self.documents if isinstance(d, ParseFailure))

    def cluster_of(self, person_id: str) -> Cluster | None:
        """The cluster whose ranked record has this id (a ``RankedCandidate.profile_id``)."""
        for cluster in self.clusters:
            if person_id_of(cluster) == person_id:
                return cluster
        return None

    def members_of(self, person_id: str) -> tuple[Profile, ...]:
        """The parsed profiles (one per document) merged into this person, in cluster order."""
        cluster = self.cluster_of(person_id)
        if cluster is None:
            return ()
        by_id = {p.profile_id: p for p in self.profiles}
        return tuple(by_id[m] for m in cluster.member_ids if m in by_id)

    def tier_counts(self) -> dict[str, int]:
        """How many people fell in each tier, in tier order."""
        counts = dict.fromkeys(TIERS, 0)
        for c in self.ranking:
            counts[c.tier] += 1
        return counts


def person_id_of(cluster: Cluster) -> str:
    """The id a cluster is ranked under: its merged record's, else its canonical member's.

    >>> person_id_of(Cluster(cluster_id="c1", member_ids=("p1",), canonical_id="p1"))
    'p1'
    """
    return cluster.merged.profile_id if cluster.merged is not None else cluster.canonical_id
