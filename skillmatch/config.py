"""Options for parsing, as frozen, validated values that read from and write to JSON.

Examples
--------
>>> cfg = ParseConfig(default_region="GB")
>>> ParseConfig.model_validate_json(cfg.model_dump_json()) == cfg
True
>>> from pydantic import ValidationError
>>> try:
...     ParseConfig(max_bytes=0)
... except ValidationError as exc:
...     print(exc.errors()[0]["loc"])
('max_bytes',)
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["ParseConfig", "DedupeConfig", "RankConfig"]


class ParseConfig(BaseModel):
    """How documents are read and parsed.

    Attributes
    ----------
    max_bytes : int
        Larger inputs raise ``DocumentTooLargeError`` before anything is decoded (default 20 MB).
    max_pages : int
        PDFs with more pages raise ``DocumentTooLargeError`` (default 30).
    max_chars : int
        Extracted text longer than this raises ``DocumentTooLargeError`` (default 500,000).
    timeout_seconds : float
        Per-document time limit in ``parse_many`` (default 60 s).
    default_region : str
        ISO 3166 region for phone numbers written without a country code (default "US").
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_bytes: int = Field(default=20_000_000, gt=0)
    max_pages: int = Field(default=30, gt=0)
    max_chars: int = Field(default=500_000, gt=0)
    timeout_seconds: float = Field(default=60.0, gt=0)
    default_region: str = Field(default="US", pattern=r"^[A-Z]{2}$")


class DedupeConfig(BaseModel):
    """How candidate records are blocked, scored and clustered.

    Attributes
    ----------
    threshold : float
        Pairs at or above this match probability are linked (default 0.9).
    cannot_link_weight : float
        Two records whose comparisons add up to this match weight or less (in bits of evidence,
        the prior left out: -10 is a Bayes factor of 1/1024) are never put in one cluster, even
        through a chain of other matches (A~B, B~C, but A and C clearly different). Default -10.
    max_block_size : int
        Blocks larger than this are not paired exhaustively; their records are sorted by name and
        each is paired with its ``window`` neighbours (sorted neighbourhood). Default 200.
    window : int
        Neighbours paired within an oversized block (default 20).
    max_cluster_check : int
        Clusters up to this size have every member pair compared before they are accepted, so the
        chain guard sees pairs that blocking did not produce (default 60).
    em_iterations : int
        Most EM iterations when m probabilities are estimated without labels (default 40).
    u_sample_pairs : int
        Random record pairs drawn to estimate u probabilities (default 200,000).
    term_frequency : bool
        Adjust name agreement by how common the name is (default True).
    default_region : str
        ISO 3166 region for phones written without a country code (default "US").
    seed : int
        Seed for the random pairs; results are deterministic for a seed (default 0).

    Examples
    --------
    >>> DedupeConfig(threshold=0.95).window
    20
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    threshold: float = Field(default=0.9, gt=0, lt=1)
    cannot_link_weight: float = Field(default=-10.0, le=0)
    max_block_size: int = Field(default=200, ge=2)
    window: int = Field(default=20, ge=1)
    max_cluster_check: int = Field(default=60, ge=2)
    em_iterations: int = Field(default=40, ge=0)
    u_sample_pairs: int = Field(default=200_000, ge=1000)
    term_frequency: bool = True
    default_region: str = Field(default="US", pattern=r"^[A-Z]{2}$")
    seed: int = 0


class RankConfig(BaseModel):
    """How candidates are scored against a requisition (see ``skillmatch.ranking``).

    The score is ``100 * sum(weight * value) / sum(weight)`` over the terms that apply to the
    requisition (a requisition without nice-to-haves leaves that term out, and the others share
    its weight). Each value lies in [0, 1]. The default weights were set on a tuning split of the
    livecareer corpus that the reported benchmark figures never use (``benchmarks/tune_rank.py``,
    three rounds of a grid search on NDCG@10 averaged over category requisitions and query by
    example). What they say: on those corpora the job title and the text of the resume carry most
    of the signal, and the skills terms, which gate the tiers, earn a small share of the score.
    For a recruiter's own weighting, e.g. ``RankConfig(must_have_weight=0.5,
    nice_to_have_weight=0.15, title_weight=0.1, text_weight=0.1)``, pass a config.

    Attributes
    ----------
    must_have_weight, nice_to_have_weight, experience_weight, title_weight, education_weight, text_weight : float
        Weight of each term. ``text_weight`` blends in text relevance: the TF-IDF cosine between
        the requisition and the whitelisted text of the profile (titles, summary, descriptions,
        skills, degrees), never names or contact details.
    graph : {"full", "broader", "aliases", "surface"}
        What counts as evidence for a required skill: ``full`` every path in the skills graph
        (broader, narrower and related skills, with the path's credit); ``broader`` only paths
        along broader/narrower edges; ``aliases`` only the skill itself under any of its names;
        ``surface`` only the skill written exactly as the requisition names it (no graph at all).
    max_hops : int
        Longest graph path that gives credit (default 2).
    min_credit : float
        Paths that keep less credit than this give none (default 0.2).
    presence_share : float
        Share of a requirement's value earned by naming the skill at all; the rest is earned by
        months of use up to the requirement's minimum (or ``full_months`` when it has none).
    listed_depth : float
        Depth credited to a skill listed without dated use (a skills section only), in [0, 1].
    full_months : int
        Months of use that earn full depth when the requirement sets no minimum.
    recent_months, recency_half_life_months, recency_floor : int, int, float
        A skill last used within ``recent_months`` of the profile's date counts fully; older use
        halves every ``recency_half_life_months`` months, never below ``recency_floor``.
    full_experience_months : int
        Total experience that earns the whole experience term when the requisition sets no
        minimum.
    text_saturation : float
        The text cosine that earns half of the text term: its value is ``cos / (cos +
        text_saturation)``, which keeps growing with the cosine (never capped), so the order of
        very similar texts is kept.
    implied_credit : float
        A skill that implies the requirement (every step of its path goes up a broader edge, with
        at least this much credit: React implies JavaScript) meets it as the skill itself would,
        with the path's credit (default 0.8).
    near_credit : float
        A must-have reached only through a related skill with at least this credit still leaves
        the candidate in the ``near`` tier (it could ramp up); weaker evidence is a miss.
    tier_floor : float
        Below this score a candidate is at most ``near`` whatever the gate says (default 0: off).
        With no must-haves the tiers come from the score alone (>= 70 strong, >= 50 good, >= 30
        near).

    Examples
    --------
    >>> RankConfig().graph
    'full'
    >>> RankConfig(graph="aliases", text_weight=0).text_weight
    0.0
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    must_have_weight: float = Field(default=0.05, ge=0)
    nice_to_have_weight: float = Field(default=0.05, ge=0)
    experience_weight: float = Field(default=0.0, ge=0)
    title_weight: float = Field(default=0.6, ge=0)
    education_weight: float = Field(default=0.0, ge=0)
    text_weight: float = Field(default=0.6, ge=0)
    graph: Literal["full", "broader", "aliases", "surface"] = "full"
    max_hops: int = Field(default=1, ge=0, le=3)
    min_credit: float = Field(default=0.1, gt=0, le=1)
    presence_share: float = Field(default=0.4, ge=0, le=1)
    listed_depth: float = Field(default=0.7, ge=0, le=1)
    full_months: int = Field(default=36, ge=1)
    recent_months: int = Field(default=24, ge=0)
    recency_half_life_months: int = Field(default=48, ge=1)
    recency_floor: float = Field(default=0.5, ge=0, le=1)
    full_experience_months: int = Field(default=84, ge=1)
    text_saturation: float = Field(default=0.05, gt=0, le=1)
    implied_credit: float = Field(default=0.8, gt=0, le=1)
    near_credit: float = Field(default=0.2, gt=0, le=1)
    tier_floor: float = Field(default=0.0, ge=0, le=100)
