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

from skillmatch.errors import InvalidRecordError
from skillmatch.linkage.normalize import (
    NicknameIndex,
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
    # Every field was checked above; skip pydantic's second pass (100,000 rows are read per run).
    return CandidateRecord.model_construct(**fields, attributes=attributes)


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
        region: str = "US",  # TODO(lead): remove once index.py stops passing it
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
        memo: dict[tuple[str, str], Any] = {}

        def cached(kind: str, value: str, work: Any) -> Any:
            key = (kind, value)
            if key not in memo:
                memo[key] = work(value)
            return memo[key]

        def code(word: str) -> str:
            return cached("ph", word, lambda w: jellyfish.metaphone(w.replace("-", "").replace(" ", "")) if w else "")

        for r in rows:
            pn = cached("name", r.name or "", split_name)
            emails = frozenset(e for e in (cached("email", x, normalize_email) for x in r.emails) if e)
            cols["name"].append(r.name or "")
            cols["given"].append(pn.given)
            cols["middle"].append(" ".join(pn.middle))
            cols["family"].append(pn.family)
            cols["suffix"].append(pn.suffix)
            cols["full"].append(pn.full)
            cols["given_ph"].append(code(pn.given))
            cols["family_ph"].append(code(pn.family))
            cols["nick_keys"].append(cached("nick", pn.given, nick.keys))
            cols["emails"].append(emails)
            cols["email_users"].append(frozenset(e.split("@")[0] for e in emails))
            # Phones compare by their last 9 digits: the same number written with or without its
            # country code, trunk prefix or punctuation (E.164 is for the merged record).
            cols["phones"].append(frozenset(t for t in (phone_tail(x) for x in r.phones) if t))
            cols["handles"].append(frozenset(h for h in (cached("link", x, link_handle) for x in r.links) if h))
            cols["location"].append(cached("city", r.location or "", _city))
            cols["employers"].append(frozenset(o for o in (cached("org", x, normalize_org) for x in r.employers) if o))
            cols["schools"].append(frozenset(o for o in (cached("org", x, normalize_org) for x in r.schools) if o))
            cols["skills"].append(frozenset(cached("fold", x, fold_text) for x in r.skills if x.strip()))
            cols["updated"].append(r.updated or "")
        return cls(tuple(r.id for r in rows), {k: tuple(v) for k, v in cols.items()})
