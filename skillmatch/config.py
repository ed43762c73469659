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

__all__ = ["ParseConfig"]


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
