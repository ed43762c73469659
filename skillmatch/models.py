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
