"""Blind screening: a profile with the candidate's identity and protected attributes taken out.

:func:`redact_profile` (and :meth:`skillmatch.models.Profile.redacted`) keeps what ranking reads
(skills with months and last use, job titles, durations, education level and subject,
certifications, languages, the wording of the summary and job descriptions) and removes:

* the name, e-mail addresses, phones, links and location (the contact block), and the document
  source (file names often carry the name);
* in free text: the name wherever it is written, e-mail addresses, links, phone numbers, dates of
  birth and ages ("born 1985", "DOB 01/02/1985", "34 years old"), marital status and
  nationality phrases ("married", "Nigerian national", "Nationality: ..."), and gendered words
  (pronouns become "they"/"their"/"them", titles such as "Mr" go, other gendered words become
  a neutral mark);
* dates that give age away: the start and end of every degree and of every job (the job's
  length in months stays), and the parse warnings (they can quote the document).

Examples
--------
>>> from skillmatch.models import ContactInfo, Profile
>>> p = Profile(profile_id="p1", source="ana_ruiz_cv.pdf", as_of="2026-01-01", name="Ana Ruiz",
...             contact=ContactInfo(emails=("ana@ruiz.dev",), phones=("+447700900123",)),
...             summary="Ana Ruiz (34 years old, married) is a backend engineer; she mentors juniors.")
>>> r = redact_profile(p)
>>> r.name, r.contact.emails, r.source
(None, (), 'redacted')
>>> r.summary
'▇ (▇, ▇) is a backend engineer; they mentor juniors.'
"""

from __future__ import annotations

import re
from typing import Literal

from skillmatch.models import ContactInfo, Profile

__all__ = ["redact_profile", "redact_text", "redact_text_contact", "name_pattern", "MARK"]

#: What stands where something was removed (not a word character: ranking reads nothing there).
MARK = "▇"

_PRONOUNS = {
    "he": "they",
    "she": "they",
    "him": "them",
    "his": "their",
    "her": "their",
    "hers": "theirs",
    "himself": "themselves",
    "herself": "themselves",
}
# Verbs after a replaced pronoun keep the third person ("she mentors" -> "they mentor").
_THIRD_PERSON = re.compile(r"\b(they) (\w+?)(e?s)\b")
_TITLES = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Sir|Madam)\b\.?\s*", re.IGNORECASE)
_GENDERED = re.compile(
    r"\b(?:male|female|man|woman|men|women|boy|girl|husband|wife|father|mother|dad|mom|mum|son|daughter|"
    r"brother|sister|gentleman|lady|maternity|paternity|pregnan(?:t|cy)|chairman|chairwoman|"
    r"salesman|saleswoman|businessman|businesswoman|waitress|actress|hostess)\b",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_LINK = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|org|net|io|dev|me)(?:/\S*)?", re.IGNORECASE)
_PHONE = re.compile(r"(?<!\w)\+?\d[\d ()./-]{6,}\d(?!\w)")
_AGE = re.compile(
    r"\b(?:born(?: (?:on|in))?\s+[\w ,./-]{0,20}\d{4}|(?:date of birth|d\.?o\.?b\.?)\s*:?\s*[\w ,./-]{0,20}\d{2,4}|"
    r"(?:aged?\s*:?\s*\d{2})|\d{2}\s*(?:years|yrs)\s*old)",
    re.IGNORECASE,
)
_STATUS = re.compile(
    r"\b(?:marital status\s*:?\s*\w+|(?:happily )?(?:married|single|divorced|widowed|engaged)(?: with \w+ children)?|"
    r"nationality\s*:?\s*[A-Z][\w-]+|citizenship\s*:?\s*[A-Z][\w-]+|[A-Z][a-z]+ (?:national|citizen)|"
    r"citizen of (?:the )?[A-Z][\w-]+(?: [A-Z][\w-]+)?)\b",
    re.IGNORECASE,
)


def redact_text(text: str, profile: Profile | None = None) -> str:
    """Free text with identity and protected attributes masked (see the module docstring).

    >>> redact_text("Contact Jo Li at jo@li.io or +44 20 7946 0000. He is married.")
    'Contact Jo Li at ▇ or ▇. They are ▇.'
    """
    out = _EMAIL.sub(MARK, text)
    out = _LINK.sub(MARK, out)
    out = _AGE.sub(MARK, out)
    out = _PHONE.sub(MARK, out)
    out = _STATUS.sub(MARK, out)
    out = _mask_name(out, profile)
    out = _TITLES.sub("", out)
    out = _GENDERED.sub(MARK, out)
    out = re.sub(r"\b[A-Za-z]+\b", _pronoun, out)
    out = _THIRD_PERSON.sub(_plural_verb, out)
    return re.sub(r"\b(They|they) is\b", r"\1 are", re.sub(r"\b(They|they) was\b", r"\1 were", out))


def _pronoun(match: re.Match[str]) -> str:
    word = match.group(0)
    new = _PRONOUNS.get(word.lower())
    if new is None:
        return word
    return new.capitalize() if word[0].isupper() else new


def _plural_verb(match: re.Match[str]) -> str:
    verb = match.group(2) + match.group(3)
    if verb in {"has"}:
        return f"{match.group(1)} have"
    if verb.endswith(("ss", "us", "is")) or len(verb) <= 3:
        return match.group(0)
    stem = match.group(2) + (
        "e" if match.group(3) == "es" and not match.group(2).endswith(("ch", "sh", "x", "s", "z")) else ""
    )
    if match.group(2).endswith("i") and match.group(3) == "es":
        stem = match.group(2)[:-1] + "y"
    return f"{match.group(1)} {stem}"


def redact_profile(profile: Profile, *, level: Literal["contact", "standard"] = "standard") -> Profile:
    """The profile for blind screening.

    ``level="contact"`` removes the identity only (name, contact details, source, and the name,
    e-mails, links and phones inside free text); ``"standard"`` (the default) also removes the
    protected attributes listed in the module docstring. Skills, titles, durations and the
    evidence ranking uses are kept, so a redacted pool ranks in the same order.
    """
    standard = level == "standard"

    def clean(text: str | None) -> str | None:
        if text is None:
            return None
        if standard:
            return redact_text(text, profile)
        return redact_text_contact(text, profile)

    positions = tuple(
        p.model_copy(
            update={
                "title": clean(p.title),
                "employer": _mask_name(p.employer, profile) if p.employer else None,
                "description": clean(p.description) or "",
                "location": None,
                **({"start": None, "end": None} if standard else {}),
            }
        )
        for p in profile.positions
    )
    education = tuple(
        e.model_copy(
            update={
                "institution": _mask_name(e.institution, profile) if e.institution else None,
                **({"start": None, "end": None} if standard else {}),
            }
        )
        for e in profile.education
    )
    return profile.model_copy(
        update={
            "name": None,
            "source": "redacted",
            "contact": ContactInfo(),
            "summary": clean(profile.summary),
            "positions": positions,
            "education": education,
            "certifications": tuple(clean(c) or "" for c in profile.certifications),
            "warnings": (),
        }
    )


def redact_text_contact(text: str, profile: Profile | None = None) -> str:
    """Only the identity masked: the name, e-mail addresses, links and phones."""
    return _mask_name(_PHONE.sub(MARK, _LINK.sub(MARK, _EMAIL.sub(MARK, text))), profile)


def name_pattern(name: str | None) -> re.Pattern[str] | None:
    """A pattern for a person's name as it may be written: its parts in any order, alone or
    together ("O'Brien" whole); initials are left out ("A." must not take every "a" with it).

    >>> name_pattern("Liam O'Brien").sub("_", "LIAM O'BRIEN, Liam, O'Brien's aide, a lion")
    "_, _, _'s aide, a lion"
    """
    parts = {part.strip(",.;:()") for part in (name or "").split()}
    parts = {part for part in parts if sum(ch.isalpha() for ch in part) > 1}
    if not parts:
        return None
    names = "|".join(re.escape(part) for part in sorted(parts, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{names})(?:\s+(?:{names}))*(?!\w)", re.IGNORECASE)


def _mask_name(text: str, profile: Profile | None) -> str:
    pattern = name_pattern(profile.name) if profile is not None else None
    return pattern.sub(MARK, text) if pattern is not None else text
