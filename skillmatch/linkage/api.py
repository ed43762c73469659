"""``skillmatch.dedupe``: a light entry point that loads the linkage machinery on first call."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from skillmatch.config import DedupeConfig
from skillmatch.models import CandidateRecord, Cluster, Profile

__all__ = ["dedupe"]


def dedupe(
    records: Iterable[Profile | CandidateRecord | Mapping[str, Any]],
    *,
    config: DedupeConfig | None = None,
) -> tuple[Cluster, ...]:
    """Find the records that are the same person and merge each group into one golden record.

    Records are parsed profiles or candidate rows as an ATS stores them (``id``, ``name``,
    ``emails``, ``phones``, ``location``, ``links``, ``employers``, ``titles``, ``schools``,
    ``skills``, ``updated``; any may be missing). Every record ends in exactly one cluster; see
    :func:`skillmatch.linkage.dedupe` for the options (a trained model, a shared nickname table).

    Examples
    --------
    >>> import skillmatch
    >>> clusters = skillmatch.dedupe([
    ...     {"id": "a", "name": "Katherine O'Neil", "emails": ["kate.oneil@example.com"]},
    ...     {"id": "b", "name": "Kate O'Neil", "emails": ["Kate.ONeil@example.com"], "phones": ["555-0100"]},
    ... ])
    >>> len(clusters), clusters[0].member_ids, clusters[0].merged.name
    (1, ('a', 'b'), "Kate O'Neil")
    """
    from skillmatch.linkage.pipeline import dedupe as run

    return run(records, config=config)
