"""Merging a cluster into one golden record, without losing anything, and taking it apart again.

Survivorship: single-valued fields (name, location, summary) come from the most recent record
that has them (ties: the most complete record, then the id); list fields (e-mails, phones,
links, positions, education, skills, certifications, languages) are the union of every member's.
``Cluster.values`` keeps every distinct value as written with the ids of the records that gave
it, and ``Cluster.members`` the source records themselves, so :func:`unmerge` restores them.

Examples
--------
>>> a = {"id": "1", "name": "Robert Smith", "emails": ["bob@example.com"], "updated": "2024-01-01"}
>>> b = {"id": "2", "name": "Bob Smith", "emails": ["rsmith@work.example"], "updated": "2025-06-01"}
>>> c = merge(("1", "2"), [a, b])
>>> c.merged.name, c.merged.contact.emails
('Bob Smith', ('rsmith@work.example', 'bob@example.com'))
>>> [r.id for r in unmerge(c)]
['1', '2']
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from skillmatch.errors import InvalidRecordError
from skillmatch.linkage.normalize import fold_text, link_handle, normalize_email, normalize_org, normalize_phone
from skillmatch.linkage.records import to_record
from skillmatch.models import (
    CandidateRecord,
    Cluster,
    ContactInfo,
    Education,
    FieldValue,
    Link,
    PairScore,
    ParseWarning,
    Position,
    Profile,
    SkillEvidence,
)

__all__ = ["merge", "unmerge", "cluster_id_for", "completeness"]

_LINK_KINDS = {"linkedin": "linkedin", "github": "github"}


def cluster_id_for(member_ids: Iterable[str]) -> str:
    """A stable id for a set of records (the same members give the same id).

    >>> cluster_id_for(["b", "a"]) == cluster_id_for(["a", "b"])
    True
    """
    digest = hashlib.sha256("\x1f".join(sorted(member_ids)).encode()).hexdigest()
    return "c_" + digest[:16]


def completeness(record: CandidateRecord) -> int:
    """How many fields a record fills (a tie-breaker for survivorship)."""
    filled = [record.name, record.location, *(record.emails[:1]), *(record.phones[:1]), *(record.links[:1])]
    return sum(1 for v in filled if v) + len(record.employers) + len(record.schools) + len(record.skills)


def _recency(record: CandidateRecord) -> str:
    return record.updated or (record.profile.as_of if record.profile else "") or ""


def _link_kind(url: str) -> str:
    handle = link_handle(url)
    site = handle.split(":", 1)[0]
    return _LINK_KINDS.get(site, "portfolio" if site == "web" else "other")


def _positions(record: CandidateRecord) -> list[Position]:
    if record.profile is not None:
        return list(record.profile.positions)
    employers, titles = list(record.employers), list(record.titles)
    # An ATS row lists employers and titles in the same order; pair them as written.
    width = max(len(employers), len(titles))
    return [
        Position(employer=employers[i] if i < len(employers) else None, title=titles[i] if i < len(titles) else None)
        for i in range(width)
    ]


def _education(record: CandidateRecord) -> list[Education]:
    if record.profile is not None:
        return list(record.profile.education)
    return [Education(institution=s) for s in record.schools]


def _skills(record: CandidateRecord) -> list[SkillEvidence]:
    if record.profile is not None:
        return list(record.profile.skills)
    return [SkillEvidence(skill_id=fold_text(s).replace(" ", "-"), name=s, surfaces=(s,)) for s in record.skills]


def _merge_skills(evidence: Iterable[SkillEvidence]) -> tuple[SkillEvidence, ...]:
    merged: dict[str, SkillEvidence] = {}
    for ev in evidence:
        old = merged.get(ev.skill_id)
        if old is None:
            merged[ev.skill_id] = ev
            continue
        months = [m for m in (old.months, ev.months) if m is not None]
        last = [m for m in (old.last_used, ev.last_used) if m]
        merged[ev.skill_id] = old.model_copy(
            update={
                "surfaces": tuple(dict.fromkeys((*old.surfaces, *ev.surfaces))),
                "sections": tuple(dict.fromkeys((*old.sections, *ev.sections))),
                "mentions": old.mentions + ev.mentions,
                "months": max(months) if months else None,
                "last_used": max(last) if last else None,
                "confidence": max(old.confidence, ev.confidence),
            }
        )
    return tuple(merged.values())


def _distinct(items: Iterable[Any], key: Any) -> list[Any]:
    seen: dict[Any, Any] = {}
    for item in items:
        seen.setdefault(key(item), item)
    return list(seen.values())


def merge(
    member_ids: Sequence[str] | Cluster,
    records: Iterable[CandidateRecord | Profile | Mapping[str, Any]],
    *,
    pairs: Sequence[PairScore] = (),
    confidence: float = 1.0,
    region: str = "US",
    as_of: str | None = None,
) -> Cluster:
    """Build the cluster of ``member_ids`` with its golden record, provenance and source records.

    Parameters
    ----------
    member_ids : sequence of str or Cluster
        The ids to merge (a :class:`Cluster` from :func:`skillmatch.linkage.cluster` works too).
    records : iterable
        Records to take the members from (others are ignored); each a profile, a record or a mapping.
    pairs, confidence
        Carried into the result (a cluster passed as ``member_ids`` supplies its own).

    Raises
    ------
    InvalidRecordError
        A member id has no record.
    """
    warnings: tuple[ParseWarning, ...] = ()
    if isinstance(member_ids, Cluster):
        pairs, confidence, warnings = member_ids.pairs, member_ids.confidence, member_ids.warnings
        member_ids = member_ids.member_ids
    wanted = set(member_ids)
    by_id = {r.id: r for r in (to_record(x) for x in records) if r.id in wanted}
    missing = [i for i in member_ids if i not in by_id]
    if missing:
        raise InvalidRecordError(f"{len(missing)} member id(s) have no record, first {missing[0]!r}")
    members = tuple(by_id[i] for i in member_ids)
    # Most recent first; then the most complete; then the id (deterministic).
    ranked = sorted(members, key=lambda r: (_recency(r), completeness(r), r.id), reverse=True)
    canonical = ranked[0]

    def first(values: Iterable[str | None]) -> str | None:
        return next((v for v in values if v), None)

    values: list[FieldValue] = []

    def provenance(field: str, pick: Any, key: Any = lambda v: v) -> None:
        found: dict[Any, tuple[str, list[str]]] = {}
        for r in members:
            for v in pick(r):
                if v:
                    _, sources = found.setdefault((key(v), v), (v, []))
                    if r.id not in sources:
                        sources.append(r.id)
        values.extend(FieldValue(field=field, value=v, sources=tuple(s)) for v, s in found.values())

    provenance("name", lambda r: [r.name])
    provenance("email", lambda r: r.emails)
    provenance("phone", lambda r: r.phones)
    provenance("link", lambda r: r.links)
    provenance("location", lambda r: [r.location])
    provenance("employer", lambda r: r.employers)
    provenance("title", lambda r: r.titles)
    provenance("school", lambda r: r.schools)

    emails = _distinct((e for r in ranked for e in r.emails), lambda e: normalize_email(e) or e.casefold())
    phones = _distinct((normalize_phone(p, region=region) or p for r in ranked for p in r.phones), lambda p: p)
    links = _distinct((u for r in ranked for u in r.links), lambda u: link_handle(u) or u)
    positions = _distinct(
        (p for r in ranked for p in _positions(r)),
        lambda p: (normalize_org(p.employer), fold_text(p.title or ""), p.start, p.end),
    )
    education = _distinct(
        (e for r in ranked for e in _education(r)), lambda e: (normalize_org(e.institution), e.degree, e.end)
    )
    profiles = [r.profile for r in ranked if r.profile is not None]
    intervals = [(p.start, p.end) for p in positions if p.start and p.end]
    total = max((p.total_experience_months for p in profiles), default=0)
    if intervals:
        from skillmatch.parsing.dates import total_months

        total = max(total, total_months(intervals))
    cid = cluster_id_for(member_ids)
    merged = Profile(
        profile_id=cid,
        source="merged:" + ",".join(member_ids),
        name=first(r.name for r in ranked),
        contact=ContactInfo(
            emails=tuple(emails),
            phones=tuple(phones),
            links=tuple(Link(kind=_link_kind(u), url=u) for u in links),  # type: ignore[arg-type]
            location=first(r.location for r in ranked),
        ),
        summary=first(p.summary for p in profiles),
        positions=tuple(positions),
        education=tuple(education),
        skills=_merge_skills(ev for r in ranked for ev in _skills(r)),
        certifications=tuple(dict.fromkeys(c for p in profiles for c in p.certifications)),
        languages=tuple(dict.fromkeys(lang for p in profiles for lang in p.languages)),
        total_experience_months=total,
        as_of=as_of or max((_recency(r) for r in members), default="") or date.today().isoformat(),
        warnings=warnings,
    )
    return Cluster(
        cluster_id=cid,
        member_ids=tuple(member_ids),
        canonical_id=canonical.id,
        confidence=confidence,
        pairs=tuple(pairs),
        merged=merged,
        values=tuple(values),
        members=members,
        warnings=warnings,
    )


def unmerge(cluster: Cluster) -> tuple[CandidateRecord, ...]:
    """The source records of a merged cluster, exactly as they were given to :func:`merge`.

    Raises
    ------
    InvalidRecordError
        The cluster was never merged (it carries only ids).
    """
    if len(cluster.members) != len(cluster.member_ids):
        raise InvalidRecordError(
            f"cluster {cluster.cluster_id} carries ids only; merge it first to keep its records",
            context={"cluster_id": cluster.cluster_id},
        )
    return cluster.members
