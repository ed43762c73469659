"""The records skillmatch returns: frozen pydantic models that round-trip through JSON.

Every top-level record carries ``schema_version``; dates of employment and study are
``"YYYY-MM"`` strings (resumes rarely give days), and an ``as_of`` date says what "present"
meant when the profile was made.

Examples
--------
>>> p = Profile(profile_id="p1", source="cv.txt", as_of="2026-11-22")
>>> Profile.model_validate_json(p.model_dump_json()) == p
True
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

__all__ = [
    "SCHEMA_VERSION",
    "YearMonth",
    "DocumentLine",
    "Document",
    "ParseWarning",
    "Link",
    "ContactInfo",
    "Position",
    "Education",
    "SkillEvidence",
    "Profile",
    "ParseFailure",
    "CandidateRecord",
    "LevelWeight",
    "PairScore",
    "FieldValue",
    "Cluster",
    "Match",
    "SkillRequirement",
    "Requisition",
    "Contribution",
    "Explanation",
    "RankedCandidate",
    "Tier",
    "TIERS",
    "EDUCATION_LEVELS",
]

SCHEMA_VERSION = 1

#: A month, as "YYYY-MM".
YearMonth = Annotated[str, StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")]
#: A day, as "YYYY-MM-DD".
Day = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DocumentLine(_Frozen):
    """One line of a document with its layout cues (PDF coordinates are in points, y from the top)."""

    text: str
    page: int = Field(default=1, ge=1)
    x0: float = 0.0
    y0: float = 0.0
    x1: float = 0.0
    y1: float = 0.0
    font_size: float | None = None
    bold: bool = False
    column: int = Field(default=0, ge=0)


class Document(_Frozen):
    """A document read from bytes: its text in reading order and the lines it came from."""

    schema_version: int = SCHEMA_VERSION
    source_id: str
    media_type: str
    sha256: str
    text: str
    pages: int = Field(default=1, ge=0)
    lines: tuple[DocumentLine, ...] = ()


class ParseWarning(_Frozen):
    """Something the parser noticed but did not fail on (``span`` points into the text)."""

    code: str
    message: str
    span: tuple[int, int] | None = None


class Link(_Frozen):
    """A profile link, typed."""

    kind: Literal["linkedin", "github", "portfolio", "other"]
    url: str


class ContactInfo(_Frozen):
    """How to reach the candidate. Phones are E.164 (``+447700900123``)."""

    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    location: str | None = None


class Position(_Frozen):
    """One job. ``months`` is the length of the interval (``end`` or ``as_of`` when current)."""

    title: str | None = None
    employer: str | None = None
    location: str | None = None
    start: YearMonth | None = None
    end: YearMonth | None = None
    is_current: bool = False
    months: int | None = Field(default=None, ge=0)
    description: str = ""
    skills: tuple[str, ...] = ()


EducationLevel = Literal["secondary", "certificate", "associate", "bachelor", "master", "doctorate", "other"]
#: Education levels from lowest to highest (``other`` is not ordered and never meets a minimum).
EDUCATION_LEVELS: tuple[str, ...] = ("secondary", "certificate", "associate", "bachelor", "master", "doctorate")


class Education(_Frozen):
    """One degree, diploma or course of study."""

    institution: str | None = None
    degree: str | None = None
    level: EducationLevel | None = None
    field: str | None = None
    start: YearMonth | None = None
    end: YearMonth | None = None


class SkillEvidence(_Frozen):
    """A skill with its evidence: how it was written, where, how long and how recently used.

    ``months`` counts the months of the positions whose text mentions the skill (overlaps
    merged); a skill listed only in a skills section has mentions but ``months`` of ``None``.
    """

    skill_id: str
    name: str
    surfaces: tuple[str, ...] = ()
    mentions: int = Field(default=0, ge=0)
    sections: tuple[str, ...] = ()
    months: int | None = Field(default=None, ge=0)
    last_used: YearMonth | None = None
    confidence: float = Field(default=1.0, ge=0, le=1)


class Profile(_Frozen):
    """A candidate profile parsed from one document."""

    schema_version: int = SCHEMA_VERSION
    profile_id: str
    source: str
    name: str | None = None
    contact: ContactInfo = ContactInfo()
    summary: str | None = None
    positions: tuple[Position, ...] = ()
    education: tuple[Education, ...] = ()
    skills: tuple[SkillEvidence, ...] = ()
    certifications: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    total_experience_months: int = Field(default=0, ge=0)
    is_resume: float = Field(default=1.0, ge=0, le=1)
    as_of: Day
    warnings: tuple[ParseWarning, ...] = ()

    def redacted(self, level: Literal["contact", "standard"] = "standard") -> Profile:
        """This profile for blind screening: identity and protected attributes removed, the
        evidence ranking uses kept (see :func:`skillmatch.redaction.redact_profile`).

        >>> Profile(profile_id="p", source="ana.pdf", as_of="2026-01-01", name="Ana Ruiz").redacted().name is None
        True
        """
        from skillmatch.redaction import redact_profile

        return redact_profile(self, level=level)

    def to_json_resume(self) -> dict[str, Any]:
        """The profile in the JSON Resume schema (https://jsonresume.org/schema).

        Examples
        --------
        >>> p = Profile(profile_id="p", source="s", as_of="2026-01-01", name="Ada Lovelace")
        >>> p.to_json_resume()["basics"]["name"]
        'Ada Lovelace'
        """
        basics: dict[str, Any] = {"name": self.name or ""}
        if self.contact.emails:
            basics["email"] = self.contact.emails[0]
        if self.contact.phones:
            basics["phone"] = self.contact.phones[0]
        if self.summary:
            basics["summary"] = self.summary
        if self.contact.location:
            basics["location"] = {"address": self.contact.location}
        portfolio = [link.url for link in self.contact.links if link.kind == "portfolio"]
        if portfolio:
            basics["url"] = portfolio[0]
        basics["profiles"] = [
            {"network": {"linkedin": "LinkedIn", "github": "GitHub"}.get(link.kind, link.kind), "url": link.url}
            for link in self.contact.links
            if link.kind in {"linkedin", "github"}
        ]
        return {
            "basics": basics,
            "work": [
                {
                    k: v
                    for k, v in {
                        "name": p.employer,
                        "position": p.title,
                        "location": p.location,
                        "startDate": p.start,
                        "endDate": None if p.is_current else p.end,
                        "summary": p.description or None,
                    }.items()
                    if v
                }
                for p in self.positions
            ],
            "education": [
                {
                    k: v
                    for k, v in {
                        "institution": e.institution,
                        "studyType": e.degree,
                        "area": e.field,
                        "startDate": e.start,
                        "endDate": e.end,
                    }.items()
                    if v
                }
                for e in self.education
            ],
            "skills": [{"name": s.name, "keywords": list(s.surfaces)} for s in self.skills],
            "languages": [{"language": lang} for lang in self.languages],
            "certificates": [{"name": c} for c in self.certifications],
            "meta": {"version": "v1.0.0", "skillmatchSchemaVersion": self.schema_version},
        }


class ParseFailure(_Frozen):
    """A document that could not be parsed, reported in place of its profile by ``parse_many``."""

    schema_version: int = SCHEMA_VERSION
    source: str
    code: str
    message: str


# -- deduplication ------------------------------------------------------------------------------
AttributeValue = str | int | float | bool | None


class CandidateRecord(_Frozen):
    """A candidate as deduplication sees it: an ATS row, or the parts of a parsed :class:`Profile`.

    Values are kept as written (phones in any format, names with accents); the linkage code
    normalises them when it compares. Keys an ATS stores that have no field here are kept in
    ``attributes`` so that nothing is lost when records are merged and unmerged.

    Examples
    --------
    >>> r = CandidateRecord(id="c1", name="Ana Ruiz", emails=("ana@example.com",))
    >>> CandidateRecord.model_validate_json(r.model_dump_json()) == r
    True
    """

    schema_version: int = SCHEMA_VERSION
    id: Annotated[str, StringConstraints(min_length=1)]
    name: str | None = None
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    location: str | None = None
    links: tuple[str, ...] = ()
    employers: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    schools: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    updated: Day | None = None
    attributes: dict[str, AttributeValue] = Field(default_factory=dict)
    profile: Profile | None = None


class LevelWeight(_Frozen):
    """One comparison's verdict on a pair: the level it reached and the match weight it adds.

    ``weight`` is log2 of the Bayes factor m/u (Fellegi-Sunter), term-frequency adjusted where the
    value is common or rare; positive weights argue for a match, negative ones against.
    """

    comparison: str
    level: str
    weight: float


class PairScore(_Frozen):
    """How likely two records are the same person, and why (every comparison's contribution)."""

    left_id: str
    right_id: str
    probability: float = Field(ge=0, le=1)
    match_weight: float
    levels: tuple[LevelWeight, ...] = ()

    def summary(self, top: int = 3) -> str:
        """A one-line reason: the strongest contributions for and against.

        >>> PairScore(left_id="a", right_id="b", probability=0.99, match_weight=7.1,
        ...           levels=(LevelWeight(comparison="email", level="exact", weight=9.2),
        ...                   LevelWeight(comparison="location", level="different", weight=-2.1))).summary()
        'p=0.990: email exact (+9.2), location different (-2.1)'
        """
        shown = sorted(self.levels, key=lambda lw: -abs(lw.weight))[:top]
        parts = ", ".join(f"{lw.comparison} {lw.level} ({lw.weight:+.1f})" for lw in shown)
        return f"p={self.probability:.3f}: {parts}"


class FieldValue(_Frozen):
    """A distinct value of a merged record's field with the ids of the records that gave it."""

    field: str
    value: str
    sources: tuple[str, ...]


class Cluster(_Frozen):
    """Records found to be one person, with the pairs that joined them and the merged record.

    ``member_ids`` is every record of the cluster (a singleton has one). ``merged`` is the golden
    record built by :func:`skillmatch.linkage.merge`; ``values`` keeps every distinct e-mail,
    phone, link, name, location, employer, school and title with its provenance; ``members`` are
    the source records, so :func:`skillmatch.linkage.unmerge` gives them back unchanged.
    """

    schema_version: int = SCHEMA_VERSION
    cluster_id: str
    member_ids: tuple[str, ...] = Field(min_length=1)
    canonical_id: str
    confidence: float = Field(default=1.0, ge=0, le=1)
    pairs: tuple[PairScore, ...] = ()
    merged: Profile | None = None
    values: tuple[FieldValue, ...] = ()
    members: tuple[CandidateRecord, ...] = ()
    warnings: tuple[ParseWarning, ...] = ()


class Match(_Frozen):
    """An indexed record that a new or searched record matches, with its score and reason."""

    record_id: str
    probability: float = Field(ge=0, le=1)
    match_weight: float
    levels: tuple[LevelWeight, ...] = ()
    reason: str = ""


# -- ranking -------------------------------------------------------------------------------------
#: Recommendation tiers, best first.
Tier = Literal["strong", "good", "near", "no"]
TIERS: tuple[str, ...] = ("strong", "good", "near", "no")


class SkillRequirement(_Frozen):
    """One skill a requisition asks for.

    ``skill_id`` is a skills-graph id (``parse_requisition`` resolves names and aliases to ids);
    ``name`` is how the requisition wrote it, for explanations. ``min_months`` is the least use a
    candidate needs to fully meet it; ``weight`` its importance relative to the other requirements
    of the same kind. ``alternatives`` are other skill ids that meet the requirement just as well
    ("Go or Java": ``skill_id="go", alternatives=("java",)``).
    """

    skill_id: Annotated[str, StringConstraints(min_length=1)]
    name: str = ""
    alternatives: tuple[str, ...] = ()
    min_months: int | None = Field(default=None, ge=0)
    weight: float = Field(default=1.0, gt=0, le=100)


class Requisition(_Frozen):
    """What a job asks for, as a recruiter writes it (YAML or JSON) or as read from a job ad.

    Examples
    --------
    >>> r = Requisition(requisition_id="r1", title="Backend Engineer",
    ...                 must_have=(SkillRequirement(skill_id="python", min_months=36),))
    >>> Requisition.model_validate_json(r.model_dump_json()) == r
    True
    """

    schema_version: int = SCHEMA_VERSION
    requisition_id: Annotated[str, StringConstraints(min_length=1)] = "requisition"
    title: str = ""
    must_have: tuple[SkillRequirement, ...] = ()
    nice_to_have: tuple[SkillRequirement, ...] = ()
    min_total_months: int | None = Field(default=None, ge=0)
    education_level: EducationLevel | None = None
    title_keywords: tuple[str, ...] = ()
    seniority: Literal["intern", "junior", "mid", "senior", "lead", "principal", "executive"] | None = None
    description: str = ""


class Contribution(_Frozen):
    """One term of a candidate's score, with the evidence behind it.

    ``feature`` is ``must_have``, ``nice_to_have``, ``experience``, ``title``, ``education`` or
    ``text``. For a skill requirement, ``matched_skill`` is the candidate skill that gave the best
    evidence and ``matched_by`` says how: ``exact`` (the requirement's own name), ``alias``
    (another name of the same skill), ``implied`` (a narrower skill that implies it: React implies
    JavaScript), ``related`` (a different skill, credited along ``path`` in the skills graph) or
    ``missing``. ``status`` is ``met`` (the skill, with the months asked for), ``short`` (the
    skill, fewer months or undated), ``related`` (only a related skill, with enough credit to
    ramp up from) or ``missing``. ``value`` is the evidence in [0, 1]; ``weight`` the share of
    the score this term can earn; ``points = 100 * value * weight``, and the points of all
    contributions add up to the score.
    """

    feature: Literal["must_have", "nice_to_have", "experience", "title", "education", "text"]
    requirement: str
    matched_skill: str | None = None
    matched_by: Literal["exact", "alias", "implied", "related", "missing"] | None = None
    path: str | None = None
    credit: float | None = Field(default=None, ge=0, le=1)
    months: int | None = Field(default=None, ge=0)
    last_used: YearMonth | None = None
    status: Literal["met", "short", "related", "missing"] | None = None
    value: float = Field(ge=0, le=1)
    weight: float = Field(ge=0, le=1)
    points: float = Field(ge=0, le=100)
    evidence: str = ""


class Explanation(_Frozen):
    """Why a candidate scored what it did: every contribution and a one-line summary."""

    total: float = Field(ge=0, le=100)
    summary: str = ""
    contributions: tuple[Contribution, ...] = ()


class RankedCandidate(_Frozen):
    """A candidate's place in a ranking: 1-based rank, score 0-100, tier and explanation.

    Examples
    --------
    >>> c = RankedCandidate(profile_id="p1", rank=1, score=87.5, tier="strong",
    ...                     explanation=Explanation(total=87.5))
    >>> RankedCandidate.model_validate_json(c.model_dump_json()) == c
    True
    """

    schema_version: int = SCHEMA_VERSION
    profile_id: str
    rank: int = Field(ge=1)
    score: float = Field(ge=0, le=100)
    tier: Tier
    explanation: Explanation
