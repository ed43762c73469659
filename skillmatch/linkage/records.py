"""Inputs to linkage: ATS rows and profiles as :class:`CandidateRecord`, and the columnar table.

:func:`to_record` accepts a parsed :class:`~skillmatch.models.Profile`, a
:class:`~skillmatch.models.CandidateRecord` or a plain mapping as an ATS stores it, and raises
:class:`~skillmatch.errors.InvalidRecordError` for a malformed one. :class:`RecordTable` holds
records column by column, with the normalised values comparisons and blocking read, so that a
100,000-record batch is compared with array operations.

Examples
--------
>>> r = to_record({"id": 7, "name": "Bob Smith", "emails": "B.Smith@gmail.com", "shoe_size": 44})
>>> r.id, r.emails, r.attributes
('7', ('B.Smith@gmail.com',), {'shoe_size': 44})
>>> table = RecordTable.from_candidates([r])
>>> table.column("given")[0], table.column("emails")[0]
('bob', frozenset({'bsmith@gmail.com'}))
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from skillmatch.errors import InvalidRecordError
from skillmatch.linkage.normalize import (
    NicknameIndex,
    family_parts,
    fold_text,
    link_handle,
    normalize_email,
    normalize_org,
    phone_tail,
    split_name,
)
from skillmatch.models import CandidateRecord, Profile

__all__ = ["to_record", "to_records", "RecordTable"]

_LIST_FIELDS = ("emails", "phones", "links", "employers", "titles", "schools", "skills")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ALIASES = {"email": "emails", "phone": "phones", "link": "links", "employer": "employers", "title": "titles"}


def _from_profile(profile: Profile) -> CandidateRecord:
    return CandidateRecord(
        id=profile.profile_id,
        name=profile.name,
        emails=profile.contact.emails,
        phones=profile.contact.phones,
        location=profile.contact.location,
        links=tuple(link.url for link in profile.contact.links),
        employers=tuple(dict.fromkeys(p.employer for p in profile.positions if p.employer)),
        titles=tuple(dict.fromkeys(p.title for p in profile.positions if p.title)),
        schools=tuple(dict.fromkeys(e.institution for e in profile.education if e.institution)),
        skills=tuple(s.name for s in profile.skills),
        updated=profile.as_of,
        profile=profile,
    )


def _as_strings(field: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if type(value) is list and all(type(item) is str for item in value):  # the common case, fast
        return tuple(item for item in value if item.strip())
    if isinstance(value, str):
        return (value,) if value.strip() else ()
    if isinstance(value, (list, tuple)):
        out = []
        for item in value:
            if item is None:
                continue
            if not isinstance(item, (str, int)):
                raise InvalidRecordError(f"field {field!r} must hold strings, got {type(item).__name__}")
            out.append(str(item))
        return tuple(s for s in out if s.strip())
    raise InvalidRecordError(f"field {field!r} must be a string or a list of strings, got {type(value).__name__}")


def _from_mapping(row: Mapping[str, Any]) -> CandidateRecord:
    if row.get("id") in (None, ""):
        raise InvalidRecordError("a candidate record needs an 'id'")
    fields: dict[str, Any] = {"id": str(row["id"])}
    attributes: dict[str, Any] = dict(row.get("attributes") or {})
    for raw_key, value in row.items():
        key = _ALIASES.get(raw_key, raw_key)
        if key in {"id", "attributes"}:
            continue
        if key in _LIST_FIELDS:
            fields[key] = tuple(dict.fromkeys((*fields.get(key, ()), *_as_strings(key, value))))
        elif key in {"name", "location"}:
            if value is not None and not isinstance(value, str):
                raise InvalidRecordError(f"field {key!r} must be a string, got {type(value).__name__}")
            fields[key] = value.strip() if value and value.strip() else None
        elif key == "updated":
            fields[key] = str(value)[:10] if value else None
        elif value is None or isinstance(value, (str, int, float, bool)):
            attributes[key] = value
        else:
            attributes[key] = str(value)
    updated = fields.get("updated")
    if updated is not None and not _DAY.match(updated):
        raise InvalidRecordError(
            f"field 'updated' must be a date as YYYY-MM-DD, got {updated[:12]!r}", context={"record_id": fields["id"]}
        )
    try:
        return CandidateRecord(**fields, attributes=attributes)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise InvalidRecordError(
            f"field {'.'.join(map(str, first['loc']))!r}: {first['msg']}", context={"record_id": fields["id"]}
        ) from None


def to_record(item: Profile | CandidateRecord | Mapping[str, Any]) -> CandidateRecord:
    """A :class:`CandidateRecord` from a profile, a record or an ATS mapping.

    Mapping keys ``email``/``phone``/``link``/``employer``/``title`` are read as their plural
    fields; a string where a list is expected is a one-item list; unknown keys go to
    ``attributes``.

    Raises
    ------
    InvalidRecordError
        The record has no id, or a field of the wrong type.

    >>> to_record({"id": "a", "phone": "555-0100"}).phones
    ('555-0100',)
    """
    if isinstance(item, CandidateRecord):
        return item
    if isinstance(item, Profile):
        return _from_profile(item)
    if isinstance(item, Mapping):
        return _from_mapping(item)
    raise InvalidRecordError(
        f"expected a Profile, a CandidateRecord or a mapping, got {type(item).__name__}",
        context={"got": type(item).__name__},
    )


def to_records(items: Iterable[Profile | CandidateRecord | Mapping[str, Any]]) -> tuple[CandidateRecord, ...]:
    """Every item as a record; ids must be unique (:class:`InvalidRecordError` names the first repeat)."""
    records = tuple(to_record(item) for item in items)
    seen: set[str] = set()
    for r in records:
        if r.id in seen:
            raise InvalidRecordError(f"record id {r.id!r} appears more than once", context={"record_id": r.id})
        seen.add(r.id)
    return records


def _city(location: str | None) -> str:
    return fold_text(location.split(",")[0]) if location else ""


@dataclass(frozen=True)
class RecordTable:
    """Records held column by column: ``ids`` and one sequence per column, all the same length.

    Build one with :meth:`from_candidates` (the normalised candidate columns that the default
    comparisons read) or :meth:`from_columns` (any columns, for other kinds of records).
    """

    ids: tuple[str, ...]
    columns: Mapping[str, Sequence[Any]]
    #: Arrays derived from the columns by the comparisons (codes, sparse sets), kept with the
    #: table because it never changes.
    cache: dict[tuple[str, str], Any] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for name, values in self.columns.items():
            if len(values) != len(self.ids):
                raise InvalidRecordError(f"column {name!r} has {len(values)} values for {len(self.ids)} ids")

    def __len__(self) -> int:
        return len(self.ids)

    def column(self, name: str) -> Sequence[Any]:
        """The values of one column (raises :class:`InvalidRecordError` naming the known columns)."""
        try:
            return self.columns[name]
        except KeyError:
            raise InvalidRecordError(
                f"no column {name!r}; the table has {sorted(self.columns)}", context={"column": name}
            ) from None

    @classmethod
    def from_columns(cls, ids: Sequence[Any], columns: Mapping[str, Sequence[Any]]) -> RecordTable:
        """A table of arbitrary columns; missing values are ``None`` or ``""``.

        >>> t = RecordTable.from_columns(["a", "b"], {"surname": ["smith", None]})
        >>> len(t), t.column("surname")[1]
        (2, '')
        """
        cols = {name: tuple("" if v is None else v for v in values) for name, values in columns.items()}
        return cls(tuple(str(i) for i in ids), cols)

    @classmethod
    def from_candidates(
        cls,
        records: Iterable[CandidateRecord],
        *,
        nicknames: NicknameIndex | None = None,
    ) -> RecordTable:
        """The normalised columns of candidate records (names split and folded, e-mails, phone
        digits, profile handles, organisations, skills, phonetic and nickname keys)."""
        import jellyfish

        nick = nicknames or NicknameIndex.load()
        rows = list(records)
        cols: dict[str, list[Any]] = {
            k: []
            for k in (
                "name",
                "given",
                "middle",
                "family",
                "suffix",
                "full",
                "given_ph",
                "family_ph",
                "family_parts",
                "nick_keys",
                "emails",
                "email_users",
                "phones",
                "handles",
                "location",
                "employers",
                "schools",
                "skills",
                "updated",
            )
        }
        # One cache per normaliser: names, e-mails, organisations and skills repeat a lot.
        names: dict[str, Any] = {}
        sounds: dict[str, str] = {}
        nick_keys: dict[str, frozenset[str]] = {}
        emails_seen: dict[str, str] = {}
        orgs: dict[str, str] = {}
        folded: dict[str, str] = {}
        handles_seen: dict[str, str] = {}
        cities: dict[str, str] = {}

        def sound(word: str) -> str:
            code = sounds.get(word)
            if code is None:
                code = sounds[word] = jellyfish.metaphone(word.replace("-", "").replace(" ", "")) if word else ""
            return code

        def each(values: tuple[str, ...], cache: dict[str, str], work: Any) -> frozenset[str]:
            out = []
            for v in values:
                got = cache.get(v)
                if got is None:
                    got = cache[v] = work(v)
                if got:
                    out.append(got)
            return frozenset(out)

        for r in rows:
            raw_name = r.name or ""
            pn = names.get(raw_name)
            if pn is None:
                pn = names[raw_name] = split_name(raw_name)
            emails = each(r.emails, emails_seen, normalize_email)
            cols["name"].append(raw_name)
            cols["given"].append(pn.given)
            cols["middle"].append(" ".join(pn.middle))
            cols["family"].append(pn.family)
            cols["suffix"].append(pn.suffix)
            cols["full"].append(pn.full)
            cols["given_ph"].append(sound(pn.given))
            cols["family_ph"].append(sound(pn.family))
            # Each part of a double or hyphenated family name ("Raman-Okafor", "García López")
            # by its sound: a married or shortened name still shares a part.
            cols["family_parts"].append(frozenset(sound(part) for part in family_parts(pn.family)))
            keys = nick_keys.get(pn.given)
            if keys is None:
                keys = nick_keys[pn.given] = nick.keys(pn.given)
            cols["nick_keys"].append(keys)
            cols["emails"].append(emails)
            cols["email_users"].append(frozenset(e.partition("@")[0] for e in emails))
            # Phones compare by their last 9 digits: the same number written with or without its
            # country code, trunk prefix or punctuation (E.164 is for the merged record).
            cols["phones"].append(frozenset(t for t in map(phone_tail, r.phones) if t))
            cols["handles"].append(each(r.links, handles_seen, link_handle))
            location = r.location or ""
            city = cities.get(location)
            if city is None:
                city = cities[location] = _city(location)
            cols["location"].append(city)
            cols["employers"].append(each(r.employers, orgs, normalize_org))
            cols["schools"].append(each(r.schools, orgs, normalize_org))
            cols["skills"].append(each(r.skills, folded, fold_text))
            cols["updated"].append(r.updated or "")
        return cls(tuple(r.id for r in rows), {k: tuple(v) for k, v in cols.items()})
