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

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["ParseConfig", "DedupeConfig"]


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
