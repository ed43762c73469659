"""An incremental deduplication index: match one candidate at a time, search by name, e-mail or phone.

An ATS that receives candidates one by one keeps a :class:`DedupIndex`. :meth:`DedupIndex.add`
returns the indexed records that the new one matches (with probability and the reason) and then
indexes it; :meth:`DedupIndex.search` finds records by a name heard on the phone ("Jon Smyth"
finds "John Smith"), an e-mail or a phone number in any format; :meth:`DedupIndex.save` and
:meth:`DedupIndex.load` keep it in one SQLite file.

The index uses the same normalisation, blocking keys, comparisons and Fellegi-Sunter model as
:func:`skillmatch.linkage.dedupe`, so a record added to an index built from a batch gets the
probabilities the batch would give the same pairs. Every record's normalised values are kept in
memory (column arrays) and its blocking keys in an inverted index (key -> records sorted by name),
so a new record is normalised once and compared with a few hundred candidates at most.

Examples
--------
>>> index = DedupIndex()
>>> index.add({"id": "1", "name": "Robert Müller", "emails": ["r.mueller@example.com"]})
()
>>> [(m.record_id, m.probability > 0.99) for m in index.add({"id": "2", "name": "Bob Mueller",
...                                                          "emails": ["R.Mueller@example.com"]})]
[('1', True)]
>>> [m.record_id for m in index.search(name="Bobby Muller")]
['1', '2']
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
import tempfile
from bisect import bisect_left, insort
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import numpy as np
from pydantic import ValidationError

from skillmatch.config import DedupeConfig
from skillmatch.errors import IndexStoreError, InvalidArgumentError, InvalidRecordError
from skillmatch.linkage.blocking import BlockingRule, candidate_pairs, candidate_rules, record_keys
from skillmatch.linkage.comparisons import Comparison, candidate_comparisons, compare
from skillmatch.linkage.normalize import NicknameIndex
from skillmatch.linkage.pipeline import collector_paused, no_identifiers, train_blocked
from skillmatch.linkage.records import RecordTable, to_record, to_records
from skillmatch.linkage.scoring import FellegiSunterModel, ScoredPairs, score
from skillmatch.models import CandidateRecord, Match, Profile

if TYPE_CHECKING:
    from numpy.typing import NDArray

__all__ = ["DedupIndex", "default_model", "EXPECTED_RECORDS", "INDEX_FORMAT", "INDEX_SCHEMA_VERSION"]

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

#: What the ``format`` entry of an index file's ``meta`` table says.
INDEX_FORMAT = "skillmatch.DedupIndex"
#: The layout of the SQLite file; :meth:`DedupIndex.load` reads this version only.
INDEX_SCHEMA_VERSION = 1
#: The number of records the default model's prior assumes when an index starts empty.
EXPECTED_RECORDS = 10_000
#: The fields :meth:`DedupIndex.search` can be asked about, and the comparison each is scored by.
_SEARCH_COMPARISONS = {"name": "name", "email": "email", "phone": "phone"}
_QUERY_ID = "\x00query"
_EMPTY: frozenset[Any] = frozenset()

RecordLike = Profile | CandidateRecord | Mapping[str, Any]


def default_model(comparisons: Sequence[Comparison], *, n_records: int) -> FellegiSunterModel:
    """A Fellegi-Sunter model from the comparisons' prior knowledge alone (no training).

    ``m`` and ``u`` per level are the comparisons' ``m_prior`` and ``u_prior`` (normalised to
    sum to 1; a comparison without them gets m falling and u rising geometrically over its
    levels). The prior, the probability that two records drawn at random are the same person,
    is ``1 / n_records``: it assumes each person has about one other record among ``n_records``
    (the expected share of matching pairs is (records per person - 1) / (n_records - 1)). No term
    frequencies are known, so name agreement is not adjusted by how common the name is.

    Parameters
    ----------
    comparisons : sequence of Comparison
        Usually ``candidate_comparisons(nicknames)``.
    n_records : int
        How many records the index is expected to hold (at least 2 is used).

    Examples
    --------
    >>> from skillmatch.linkage import NicknameIndex, candidate_comparisons
    >>> model = default_model(candidate_comparisons(NicknameIndex.load()), n_records=1000)
    >>> model.names[:3], model.prior
    (('name', 'email', 'phone'), 0.001)
    """
    if n_records < 1:
        raise InvalidArgumentError("n_records", expected="a positive number of records", got=n_records)

    def normalised(values: Sequence[float], k: int, *, rising: bool) -> tuple[float, ...]:
        if len(values) != k or sum(values) <= 0:
            values = [0.5 ** (i + 1) for i in range(k)]
            values = values[::-1] if rising else values
        total = float(sum(values))
        return tuple(float(v) / total for v in values)

    m = tuple(normalised(tuple(getattr(c, "m_prior", ()) or ()), len(c.labels), rising=False) for c in comparisons)
    u = tuple(normalised(tuple(getattr(c, "u_prior", ()) or ()), len(c.labels), rising=True) for c in comparisons)
    return FellegiSunterModel(
        names=tuple(c.name for c in comparisons),
        labels=tuple(tuple(c.labels) for c in comparisons),
        m=m,
        u=u,
        prior=1.0 / max(n_records, 2),
        tf={},
        tf_min=0.0,
        max_weights=tuple(getattr(c, "max_weight", None) for c in comparisons),
    )


def _train(
    table: RecordTable,
    lonely: NDArray[np.bool_],
    comparisons: Sequence[Comparison],
    rules: Sequence[BlockingRule],
    config: DedupeConfig,
) -> FellegiSunterModel:
    """The model ``skillmatch.linkage.link`` would train on ``table`` (same steps and settings)."""
    if len(table) < 2:
        return default_model(comparisons, n_records=max(len(table), EXPECTED_RECORDS))
    pairs = candidate_pairs(table, rules, max_block_size=config.max_block_size, window=config.window)
    keep = ~(lonely[pairs.left] | lonely[pairs.right])
    vectors = compare(table, (pairs.left[keep], pairs.right[keep]), comparisons)
    return train_blocked(table, vectors, pairs, keep, comparisons=comparisons, rules=rules, config=config)


class DedupIndex:
    """Candidate records indexed for incremental matching and phonetic search.

    Parameters
    ----------
    model : FellegiSunterModel, optional
        The match weights; :meth:`build` trains one on a batch. Default: :func:`default_model`
        over the candidate comparisons, with a prior for about ``EXPECTED_RECORDS`` records.
    config : DedupeConfig, optional
        ``threshold`` (the probability at which :meth:`add` reports a match), ``max_block_size``
        and ``window`` (a blocking key shared by more records than ``max_block_size``, a common
        name, is skipped when the record's other keys find candidates, and otherwise contributes
        the ``window`` records on either side of it in name order).
    nicknames : NicknameIndex, optional
        Build once with ``NicknameIndex.load()`` and share it.

    Notes
    -----
    The index lives in memory: about 5 KB per candidate record (500 MB for 100,000), the
    records' JSON, their normalised values and the blocking keys included. It is not safe to call
    :meth:`add` or :meth:`remove` from several threads at once. Records
    without a name, e-mail or phone are stored but, as in :func:`~skillmatch.linkage.dedupe`,
    never matched or found by :meth:`search`.

    Examples
    --------
    >>> index = DedupIndex.build([
    ...     {"id": "a", "name": "John Smith", "phones": ["(415) 555-0123"]},
    ...     {"id": "b", "name": "Wei Zhang", "emails": ["wei.zhang@example.org"]},
    ... ])
    >>> len(index), "a" in index, index.get("b").name
    (2, True, 'Wei Zhang')
    >>> [m.record_id for m in index.search(phone="+1 415-555-0123")]
    ['a']
    """

    def __init__(
        self,
        *,
        model: FellegiSunterModel | None = None,
        config: DedupeConfig | None = None,
        nicknames: NicknameIndex | None = None,
    ) -> None:
        self._config = config or DedupeConfig()
        self._nick = nicknames or NicknameIndex.load()
        self._comparisons = candidate_comparisons(self._nick)
        self._rules = candidate_rules(self._nick)
        self._model = model or default_model(self._comparisons, n_records=EXPECTED_RECORDS)
        names = tuple(c.name for c in self._comparisons)
        if self._model.names != names:
            raise InvalidArgumentError(
                "model", expected=f"a model for the comparisons {names}", got=str(self._model.names)
            )
        # The normalised columns, learnt from an empty record (their set is RecordTable's).
        empty = RecordTable.from_candidates([CandidateRecord(id="_")], nicknames=self._nick)
        self._columns: tuple[str, ...] = tuple(empty.columns)
        self._set_columns = frozenset(c for c, v in empty.columns.items() if isinstance(v[0], frozenset))
        self._cols: dict[str, NDArray[np.object_]] = {c: np.empty(0, dtype=object) for c in self._columns}
        self._slot: dict[str, int] = {}  # id -> row in the column arrays
        self._free: list[int] = []  # rows freed by remove, reused by add
        self._next = 0  # first never-used row
        # Records are kept as their JSON: compact, and invisible to the garbage collector, whose
        # full passes over a large index would otherwise pause an ATS process for a second.
        self._records: dict[str, str] = {}
        self._keys_of: dict[str, tuple[str, ...]] = {}
        self._postings: dict[str, list[tuple[str, str]]] = {}  # key -> sorted (full name, id)
        self._search_models: dict[tuple[int, ...], FellegiSunterModel] = {}

    # -- construction -------------------------------------------------------------------------
    @classmethod
    def build(
        cls,
        records: Iterable[RecordLike],
        *,
        config: DedupeConfig | None = None,
        nicknames: NicknameIndex | None = None,
        model: FellegiSunterModel | None = None,
    ) -> DedupIndex:
        """Train a model on a batch of records (as :func:`~skillmatch.linkage.dedupe` does) and index them.

        The steps are those of :func:`skillmatch.linkage.link`: blocking (``candidate_pairs``),
        comparison vectors (``compare``) and unsupervised training (``train``), with the same
        settings, so ``dedupe(records, model=index.model)`` gives the clusters ``dedupe(records)``
        gives. Pass ``model`` to skip training.

        Raises
        ------
        InvalidRecordError
            A malformed record or a repeated id.

        Examples
        --------
        >>> index = DedupIndex.build([{"id": "1", "name": "Ana Ruiz"}, {"id": "2", "name": "Ana Ruíz"}])
        >>> len(index), index.model.names[0]
        (2, 'name')
        """
        config = config or DedupeConfig()
        nick = nicknames or NicknameIndex.load()
        recs = sorted(to_records(records), key=lambda r: r.id)
        table = RecordTable.from_candidates(recs, nicknames=nick)
        lonely = np.array([no_identifiers(r) for r in recs], dtype=bool)
        if model is None:
            model = _train(table, lonely, candidate_comparisons(nick), candidate_rules(nick), config)
        index = cls(model=model, config=config, nicknames=nick)
        with collector_paused():
            index._bulk_insert(recs, table, lonely)
        return index

    def _bulk_insert(self, recs: Sequence[CandidateRecord], table: RecordTable, lonely: NDArray[np.bool_]) -> None:
        """Index a batch whose ids are all new (the index is empty)."""
        n = len(recs)
        self._fill_columns(n, [table.column(c) for c in self._columns])
        full = table.column("full")
        shared: dict[str, str] = {}  # one object per distinct key
        for i, rec in enumerate(recs):
            self._slot[rec.id] = i
            self._records[rec.id] = rec.model_dump_json()
            keys = () if lonely[i] else tuple(shared.setdefault(k, k) for k in record_keys(table, i, self._rules))
            keys = tuple(dict.fromkeys(keys))
            self._keys_of[rec.id] = keys
            entry = (str(full[i]), rec.id)
            for key in keys:
                self._postings.setdefault(key, []).append(entry)
        for posting in self._postings.values():
            posting.sort()

    def _fill_columns(self, n: int, columns: Sequence[Sequence[Any]]) -> None:
        """Rows 0..n-1 from whole columns; equal values share one object (a 100,000-record index
        repeats most names, places and sets), and set columns that are empty share one set."""
        self._grow(n)
        for name, values in zip(self._columns, columns, strict=True):
            shared: dict[Any, Any] = {}
            if name in self._set_columns:
                sets = [frozenset(v) if v else _EMPTY for v in values]
                self._cols[name][:n] = [shared.setdefault(v, v) for v in sets]
            else:
                self._cols[name][:n] = [shared.setdefault(v, v) for v in values]
        self._next = n

    # -- properties -----------------------------------------------------------------------------
    @property
    def model(self) -> FellegiSunterModel:
        """The Fellegi-Sunter model that scores pairs."""
        return self._model

    @property
    def config(self) -> DedupeConfig:
        """Threshold and blocking limits."""
        return self._config

    def __len__(self) -> int:
        return len(self._records)

    def __contains__(self, record_id: object) -> bool:
        return isinstance(record_id, str) and record_id in self._records

    def __repr__(self) -> str:
        return f"DedupIndex({len(self)} records, threshold={self._config.threshold})"

    def ids(self) -> tuple[str, ...]:
        """Every indexed id, sorted.

        >>> DedupIndex().ids()
        ()
        """
        return tuple(sorted(self._records))

    def get(self, record_id: str) -> CandidateRecord:
        """The indexed record with this id.

        Raises
        ------
        InvalidRecordError
            No record has this id.

        Examples
        --------
        >>> index = DedupIndex()
        >>> _ = index.add({"id": "7", "name": "Ana Ruiz"})
        >>> index.get("7").name
        'Ana Ruiz'
        """
        try:
            stored = self._records[record_id]
        except (KeyError, TypeError):
            raise self._unknown(record_id) from None
        try:
            return CandidateRecord.model_validate_json(stored)
        except ValidationError:
            raise IndexStoreError(
                f"the stored record {record_id!r} is corrupt; rebuild the index", context={"record_id": record_id}
            ) from None

    @staticmethod
    def _unknown(record_id: object) -> InvalidRecordError:
        shown = str(record_id)[:80]
        return InvalidRecordError(
            f"no record with id {shown!r} in the index; check `id in index` first", context={"record_id": shown}
        )

    # -- storage of normalised rows -------------------------------------------------------------
    def _grow(self, needed: int) -> None:
        capacity = len(self._cols[self._columns[0]])
        if needed <= capacity:
            return
        new_capacity = max(needed, 2 * capacity, 1024)
        for c in self._columns:
            bigger = np.empty(new_capacity, dtype=object)
            bigger[:capacity] = self._cols[c]
            self._cols[c] = bigger

    def _normalise(self, records: Sequence[CandidateRecord]) -> RecordTable:
        return RecordTable.from_candidates(records, nicknames=self._nick)

    def _take_slot(self) -> int:
        if self._free:
            return self._free.pop()
        self._grow(self._next + 1)
        self._next += 1
        return self._next - 1

    def _release_slot(self, slot: int) -> None:
        for c in self._columns:
            self._cols[c][slot] = None
        self._free.append(slot)

    def _candidates(self, keys: Iterable[str], full: str, *, pool: int | None = None) -> list[str]:
        """Ids sharing a key with a record whose full name is ``full`` (sorted).

        A key shared by more than ``max_block_size`` records (a common name) is skipped when the
        other keys give candidates; when they give none, each such key contributes the ``window``
        ids on either side of ``full`` in name order (sorted neighbourhood, deterministic). For a
        search (``pool`` given) every id is taken when all the postings hold at most ``pool`` ids,
        and oversized keys always contribute their neighbourhood.
        """
        postings = [p for p in (self._postings.get(k) for k in dict.fromkeys(keys)) if p]
        limit = self._config.max_block_size
        if pool is not None and sum(map(len, postings)) <= pool:
            limit = pool
        found: set[str] = set()
        oversized = []
        for posting in postings:
            if len(posting) <= limit:
                found.update(i for _, i in posting)
            else:
                oversized.append(posting)
        if oversized and (pool is not None or not found):
            window = self._config.window
            for posting in oversized:
                at = bisect_left(posting, (full, ""))
                found.update(i for _, i in posting[max(0, at - window) : at + window])
        return sorted(found)

    def _table(self, ids: Sequence[str]) -> RecordTable:
        rows = np.fromiter((self._slot[i] for i in ids), dtype=np.int64, count=len(ids))
        columns = {c: cast("Sequence[Any]", self._cols[c][rows]) for c in self._columns}
        return RecordTable(tuple(ids), columns)

    # -- the operations -------------------------------------------------------------------------
    def add(self, record: RecordLike) -> tuple[Match, ...]:
        """The indexed records that ``record`` matches; then index ``record``.

        Parameters
        ----------
        record : Profile, CandidateRecord or mapping
            As :func:`~skillmatch.linkage.to_record` reads it. A record whose id is already
            indexed replaces the old one (it is removed first, so it is not matched against
            its own earlier version).

        Returns
        -------
        tuple of Match
            Records matched with probability at or above ``config.threshold``, most probable
            first (ties by id), each with its comparison levels, weights and a one-line reason.

        Raises
        ------
        InvalidRecordError
            A malformed record (nothing is indexed then).

        Examples
        --------
        >>> index = DedupIndex()
        >>> index.add({"id": "1", "name": "Maria Garcia", "phones": ["+34 612 345 678"]})
        ()
        >>> index.add({"id": "2", "name": "Wei Zhang", "phones": ["+86 138 0013 8000"]})
        ()
        >>> matches = index.add({"id": "3", "name": "María García", "phones": ["+34612345678"]})
        >>> [m.record_id for m in matches], matches[0].reason.startswith("p=")
        (['1'], True)
        """
        rec = to_record(record)
        table = self._normalise([rec])
        if rec.id in self._records:
            self.remove(rec.id)
        lonely = no_identifiers(rec)
        keys = () if lonely else tuple(dict.fromkeys(record_keys(table, 0, self._rules)))
        full = str(table.column("full")[0])
        slot = self._take_slot()
        for c in self._columns:
            value = table.column(c)[0]
            self._cols[c][slot] = _EMPTY if c in self._set_columns and not value else value
        self._slot[rec.id] = slot
        try:
            matches = self._match(rec.id, keys, full) if keys else ()
        except BaseException:
            del self._slot[rec.id]
            self._release_slot(slot)
            raise
        self._records[rec.id] = rec.model_dump_json()
        self._keys_of[rec.id] = keys
        entry = (full, rec.id)
        for key in keys:
            insort(self._postings.setdefault(key, []), entry)
        return matches

    def _match(self, record_id: str, keys: Sequence[str], full: str) -> tuple[Match, ...]:
        candidates = self._candidates(keys, full)
        if not candidates:
            return ()
        table = self._table([record_id, *candidates])
        n = len(candidates)
        left = np.zeros(n, dtype=np.int64)
        right = np.arange(1, n + 1, dtype=np.int64)
        scored = score(compare(table, (left, right), self._comparisons), self._model)
        hits = np.flatnonzero(scored.probability >= self._config.threshold)
        if not len(hits):
            return ()
        # Candidates are sorted by id, so a stable sort on -p breaks ties by id.
        order = hits[np.argsort(-scored.probability[hits], kind="stable")]
        return tuple(self._as_match(scored, int(k), table.ids) for k in order)

    @staticmethod
    def _as_match(scored: ScoredPairs, k: int, ids: Sequence[str]) -> Match:
        pair = scored.pair(k, ids)
        return Match(
            record_id=pair.right_id,
            probability=pair.probability,
            match_weight=pair.match_weight,
            levels=pair.levels,
            reason=pair.summary(),
        )

    def remove(self, record_id: str) -> None:
        """Take a record out of the index.

        Raises
        ------
        InvalidRecordError
            No record has this id.

        Examples
        --------
        >>> index = DedupIndex()
        >>> _ = index.add({"id": "1", "name": "Ana Ruiz"})
        >>> index.remove("1")
        >>> len(index), "1" in index
        (0, False)
        """
        if record_id not in self:
            raise self._unknown(record_id)
        slot = self._slot.pop(record_id)
        entry = (str(self._cols["full"][slot]), record_id)
        for key in self._keys_of.pop(record_id):
            posting = self._postings[key]
            at = bisect_left(posting, entry)
            if at < len(posting) and posting[at] == entry:
                del posting[at]
            if not posting:
                del self._postings[key]
        del self._records[record_id]
        self._release_slot(slot)

    def search(
        self,
        *,
        name: str | None = None,
        email: str | None = None,
        phone: str | None = None,
        limit: int = 10,
    ) -> tuple[Match, ...]:
        """Indexed records that fit a name, an e-mail and/or a phone number, best first.

        Candidates are the records sharing a blocking key with the query (the e-mail, the phone
        in E.164, the phonetic family name with the given name's initial and the other way round,
        the nickname-folded given name with the phonetic family name), so spelling variants,
        nicknames, transliterations, dropped accents and swapped name order are found. They are
        scored on the comparisons of the fields given only: the sum of those comparisons' match
        weights (not adjusted by how common the name is), turned into a probability with the
        model's prior. Records whose given fields argue against them (a negative sum) are left out.

        Parameters
        ----------
        name, email, phone : str, optional
            At least one is required. Phones may be written in any format (they compare by
            their last 9 digits).
        limit : int
            How many records to return at most (default 10).

        Returns
        -------
        tuple of Match
            Most probable first, ties by id.

        Raises
        ------
        InvalidArgumentError
            No field was given, or ``limit`` is below 1.

        Notes
        -----
        A name is looked up by its given and family names, so a one-word name finds nothing.
        When the keys of the query are shared by more than ``4 * max_block_size`` records in all
        (a very common name), a key shared by more than ``max_block_size`` contributes the
        ``window`` records on either side of the query in name order.

        Examples
        --------
        >>> index = DedupIndex()
        >>> for i, n in enumerate(["John Smith", "Robert Müller", "Muhammad Ali", "Jennifer Smith"]):
        ...     _ = index.add({"id": str(i), "name": n})
        >>> [index.get(m.record_id).name for m in index.search(name="Jon Smyth")]
        ['John Smith']
        >>> [index.get(m.record_id).name for m in index.search(name="Bob Mueller")]
        ['Robert Müller']
        >>> [index.get(m.record_id).name for m in index.search(name="Mohamed Ali")]
        ['Muhammad Ali']
        """
        given = {"name": name, "email": email, "phone": phone}
        fields = [f for f, v in given.items() if v is not None and v.strip()]
        if not fields:
            raise InvalidArgumentError(
                "search", expected="at least one of name=, email= or phone=", got="no search fields"
            )
        if not isinstance(limit, int) or limit < 1:
            raise InvalidArgumentError("limit", expected="a positive integer", got=limit)
        query = CandidateRecord(
            id=_QUERY_ID,
            name=name if "name" in fields else None,
            emails=(email,) if email and "email" in fields else (),
            phones=(phone,) if phone and "phone" in fields else (),
        )
        table = self._normalise([query])
        keys = record_keys(table, 0, self._rules)
        full = str(table.column("full")[0])
        candidates = self._candidates(keys, full, pool=4 * self._config.max_block_size)
        if not candidates:
            return ()
        names = [c.name for c in self._comparisons]
        used = tuple(names.index(_SEARCH_COMPARISONS[f]) for f in fields)
        comparisons = [self._comparisons[c] for c in used]
        slots = np.fromiter((self._slot[i] for i in candidates), dtype=np.int64, count=len(candidates))
        columns: dict[str, Sequence[Any]] = {}
        for c in self._columns:
            col = np.empty(len(candidates) + 1, dtype=object)
            col[0] = table.column(c)[0]
            col[1:] = self._cols[c][slots]
            columns[c] = cast("Sequence[Any]", col)
        both = RecordTable((_QUERY_ID, *candidates), columns)
        n = len(candidates)
        vectors = compare(both, (np.zeros(n, dtype=np.int64), np.arange(1, n + 1, dtype=np.int64)), comparisons)
        scored = score(vectors, self._search_model(used))
        evidence = scored.contributions.sum(axis=1)
        keep = np.flatnonzero(evidence > 0)
        order = keep[np.argsort(-scored.probability[keep], kind="stable")][:limit]
        return tuple(self._as_match(scored, int(k), both.ids) for k in order)

    def _search_model(self, used: tuple[int, ...]) -> FellegiSunterModel:
        """The model restricted to some comparisons, without term-frequency adjustment.

        Within one search every exact candidate shares the query's value, so term frequencies
        would only move the exact level against the others; without them an exact name always
        ranks above a nickname or a phonetic match, as a recruiter expects.
        """
        model = self._search_models.get(used)
        if model is None:
            full = self._model
            model = FellegiSunterModel(
                names=tuple(full.names[c] for c in used),
                labels=tuple(full.labels[c] for c in used),
                m=tuple(full.m[c] for c in used),
                u=tuple(full.u[c] for c in used),
                prior=full.prior,
                tf={},
                tf_min=full.tf_min,
                max_weights=tuple(full.max_weights[c] if c < len(full.max_weights) else None for c in used),
            )
            self._search_models[used] = model
        return model

    # -- persistence ----------------------------------------------------------------------------
    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the index to one SQLite file, atomically (a temporary file, then a rename).

        The file has a ``meta`` table (format, schema version, model and config as JSON, the
        normalised columns), ``records`` (id, the record as JSON, its normalised values as JSON)
        and ``keys`` (blocking key, id; its primary key, an index on key, clusters it). It is created
        readable by its owner only: it holds personal data.

        Raises
        ------
        IndexStoreError
            The file cannot be written (the old file, if any, is left as it was).

        Examples
        --------
        >>> import tempfile, pathlib
        >>> index = DedupIndex()
        >>> _ = index.add({"id": "1", "name": "Ana Ruiz"})
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     index.save(pathlib.Path(tmp) / "index.sqlite")
        ...     len(DedupIndex.load(pathlib.Path(tmp) / "index.sqlite"))
        1
        """
        target = Path(path)
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        except OSError as exc:
            raise IndexStoreError(
                f"cannot write an index in {str(target.parent)!r}: {exc.strerror or exc}",
                context={"source": str(target)},
            ) from None
        os.close(fd)
        try:
            with collector_paused():
                self._write(tmp)
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
            os.replace(tmp, target)
        except (OSError, sqlite3.Error) as exc:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise IndexStoreError(
                f"cannot write the index to {str(target)!r}: {exc}", context={"source": str(target)}
            ) from None

    def _write(self, path: str) -> None:
        meta = {
            "format": INDEX_FORMAT,
            "schema_version": str(INDEX_SCHEMA_VERSION),
            "model": json.dumps(self._model.to_dict(), sort_keys=True),
            "config": self._config.model_dump_json(),
            "columns": json.dumps(list(self._columns)),
            "set_columns": json.dumps(sorted(self._set_columns)),
            "records": str(len(self)),
        }
        con = sqlite3.connect(path)
        try:
            con.executescript(
                """
                PRAGMA journal_mode = OFF;
                PRAGMA synchronous = OFF;
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE records (id TEXT PRIMARY KEY, record TEXT NOT NULL, normalized TEXT NOT NULL);
                CREATE TABLE keys (key TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (key, id)) WITHOUT ROWID;
                CREATE TEMP TABLE unsorted_keys (key TEXT NOT NULL, id TEXT NOT NULL);
                """
            )
            con.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
            con.executemany("INSERT INTO records VALUES (?, ?, ?)", self._stored())
            # The keys table is clustered on (key, id); SQLite sorts them faster than Python would.
            con.executemany(
                "INSERT INTO unsorted_keys VALUES (?, ?)", ((k, i) for i, ks in self._keys_of.items() for k in ks)
            )
            con.execute("INSERT INTO keys SELECT key, id FROM unsorted_keys ORDER BY key, id")
            con.execute("DROP TABLE unsorted_keys")
            con.commit()
        finally:
            con.close()

    def _stored(self) -> Iterator[tuple[str, str, str]]:
        """(id, record JSON, normalised values JSON) of every record, by id."""
        ids = sorted(self._records)
        slots = np.fromiter((self._slot[i] for i in ids), dtype=np.int64, count=len(ids))
        columns = []
        for c in self._columns:
            values = self._cols[c][slots].tolist()
            columns.append([sorted(v) if len(v) > 1 else list(v) for v in values] if c in self._set_columns else values)
        encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
        for record_id, row in zip(ids, zip(*columns, strict=True), strict=True):
            yield record_id, self._records[record_id], encode(row)

    @classmethod
    def load(cls, path: str | os.PathLike[str], *, nicknames: NicknameIndex | None = None) -> DedupIndex:
        """Read an index that :meth:`save` wrote (nothing is parsed or normalised again).

        Raises
        ------
        IndexStoreError
            The file is missing, is not a skillmatch index, is corrupt or was written by another
            version of the index format.
        """
        source = Path(path)
        where = {"source": str(source)}
        if not source.is_file():
            raise IndexStoreError(
                f"no index file at {str(source)!r}; write one with DedupIndex.save or `skillmatch dedupe --index`",
                context=where,
            )
        try:
            con = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        except sqlite3.Error as exc:
            raise IndexStoreError(f"cannot open the index file {str(source)!r}: {exc}", context=where) from None
        try:
            with collector_paused():
                return cls._read(con, source, nicknames)
        except sqlite3.Error as exc:
            raise IndexStoreError(
                f"{str(source)!r} is not a readable skillmatch index ({exc}); rebuild it", context=where
            ) from None
        finally:
            con.close()

    @classmethod
    def _read(cls, con: sqlite3.Connection, source: Path, nicknames: NicknameIndex | None) -> DedupIndex:
        where = {"source": str(source)}
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("format") != INDEX_FORMAT:
            raise IndexStoreError(f"{str(source)!r} is an SQLite file but not a skillmatch index", context=where)
        version = meta.get("schema_version")
        if version != str(INDEX_SCHEMA_VERSION):
            raise IndexStoreError(
                f"{str(source)!r} was written in index format version {version}; this skillmatch reads version "
                f"{INDEX_SCHEMA_VERSION}. Rebuild it (DedupIndex.build, or `skillmatch dedupe --index`).",
                context={**where, "expected": INDEX_SCHEMA_VERSION, "got": version},
            )
        try:
            model = FellegiSunterModel.from_dict(json.loads(meta["model"]))
            config = DedupeConfig.model_validate_json(meta["config"])
            columns = tuple(json.loads(meta["columns"]))
            set_columns = frozenset(json.loads(meta["set_columns"]))
            index = cls(model=model, config=config, nicknames=nicknames)
        except (KeyError, TypeError, ValueError) as exc:  # JSON, pydantic and model errors
            raise IndexStoreError(
                f"{str(source)!r} has a corrupt header ({type(exc).__name__}); rebuild it", context=where
            ) from None
        rows = con.execute("SELECT id, record, normalized FROM records ORDER BY id").fetchall()
        try:
            if columns == index._columns and set_columns == index._set_columns:
                index._load_rows(rows)
            else:  # the normalised columns changed since the file was written: normalise again
                logger.info("index columns changed; normalising %d records again", len(rows))
                recs = [CandidateRecord.model_validate_json(text) for _, text, _ in rows]
                table = index._normalise(recs)
                index._fill_columns(len(recs), [table.column(c) for c in index._columns])
                for i, rec in enumerate(recs):
                    index._slot[rec.id] = i
                    index._records[rec.id] = rec.model_dump_json()
        except (TypeError, ValueError) as exc:
            raise IndexStoreError(
                f"{str(source)!r} has corrupt records ({type(exc).__name__}); rebuild it", context=where
            ) from None
        # One (full name, id) entry per record, shared by its postings; rows come sorted by key.
        full = index._cols["full"]
        entries = {record_id: (str(full[slot]), record_id) for record_id, slot in index._slot.items()}
        keys_of: dict[str, list[str]] = {i: [] for i in index._records}
        postings = index._postings
        current_key: str | None = None
        canonical = ""  # the first object of each key, shared by every record that has it
        posting: list[tuple[str, str]] = []
        try:
            for key, record_id in con.execute("SELECT key, id FROM keys ORDER BY key, id"):
                entry = entries[record_id]
                if key != current_key:
                    current_key = canonical = key
                    posting = []
                    postings[key] = posting
                posting.append(entry)
                keys_of[record_id].append(canonical)
        except KeyError:
            raise IndexStoreError(f"{str(source)!r} has keys of unknown records; rebuild it", context=where) from None
        for posting in postings.values():
            posting.sort()
        index._keys_of = {i: tuple(ks) for i, ks in keys_of.items()}
        return index

    def _load_rows(self, rows: Sequence[tuple[str, str, str]]) -> None:
        decoded = [json.loads(normalized) for _, _, normalized in rows]
        if any(len(row) != len(self._columns) for row in decoded):
            raise ValueError("a normalised row of the wrong length")
        columns = list(zip(*decoded, strict=True)) if decoded else [() for _ in self._columns]
        self._fill_columns(len(rows), columns)
        for i, (record_id, text, _) in enumerate(rows):
            self._slot[record_id] = i
            self._records[record_id] = text
