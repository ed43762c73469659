"""Comparisons: for each candidate pair, the level of agreement on one attribute.

A comparison has named levels, strongest agreement first (``exact``, ``nickname``,
``phonetic``... ``different``); level ``-1`` means a value is missing on either side and
carries no weight. :func:`compare` evaluates every comparison on every pair at once, with
rapidfuzz's ``cpdist`` for string similarity and numpy for the rest.

Examples
--------
>>> from skillmatch.linkage.records import RecordTable, to_record
>>> from skillmatch.linkage.normalize import NicknameIndex
>>> recs = [to_record({"id": "1", "name": "Robert Müller", "emails": ["rm@example.com"]}),
...         to_record({"id": "2", "name": "Bob Mueller", "emails": ["RM@example.com"]})]
>>> table = RecordTable.from_candidates(recs)
>>> vec = compare(table, ([0], [1]), candidate_comparisons(NicknameIndex.load()))
>>> vec.level_labels(0)["name"], vec.level_labels(0)["email"]
('nickname', 'exact')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import KW_ONLY, dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from skillmatch.linkage.normalize import NicknameIndex
from skillmatch.linkage.records import RecordTable

if TYPE_CHECKING:
    from numpy.typing import NDArray

__all__ = [
    "Comparison",
    "ComparisonVectors",
    "compare",
    "candidate_comparisons",
    "PersonNameComparison",
    "SetComparison",
    "EmailComparison",
    "PhoneComparison",
    "LinkComparison",
    "JaccardComparison",
    "StringComparison",
    "ExactComparison",
    "DateComparison",
    "similarity",
    "columns_of",
]

MISSING = -1


class Comparison(Protocol):
    """What a comparison provides: a name, level labels (strongest first) and the level per pair.

    ``tf_column`` names the column whose value frequency adjusts the weight of level 0 (the exact
    level) when term-frequency adjustment is on; ``None`` for no adjustment. Comparisons may also
    carry ``m_prior`` and ``u_prior`` (one probability per level): prior knowledge that training
    blends with what it estimates, weighted as a few dozen pairs, so that small batches still
    score sensibly and large ones are driven by their data; ``m_fixed`` (level, m) pairs that
    training keeps as given; and ``max_weight``, a cap on the weight any level can add.
    """

    @property
    def name(self) -> str: ...

    @property
    def labels(self) -> tuple[str, ...]: ...

    @property
    def tf_column(self) -> str | None: ...

    def levels(self, table: RecordTable, left: NDArray[np.int64], right: NDArray[np.int64]) -> NDArray[np.int8]:
        """The level index of each pair (``-1`` where a value is missing)."""
        ...


def _cached(table: RecordTable, key: tuple[str, str], build: Any) -> Any:
    """Per-table memo of derived arrays (the table is immutable, so they never go stale)."""
    found = table.cache.get(key)
    if found is None:
        found = table.cache[key] = build()
    return found


def _values(table: RecordTable, column: str) -> NDArray[Any]:
    def build() -> NDArray[Any]:
        values = np.empty(len(table), dtype=object)
        values[:] = table.column(column)
        return values

    return _cached(table, ("values", column), build)  # type: ignore[no-any-return]


def _gather(table: RecordTable, column: str, index: NDArray[np.int64]) -> NDArray[Any]:
    return _values(table, column)[index]


def _present(table: RecordTable, column: str) -> NDArray[np.bool_]:
    return _cached(  # type: ignore[no-any-return]
        table, ("present", column), lambda: np.fromiter((bool(v) for v in table.column(column)), bool, len(table))
    )


def _codes(table: RecordTable, column: str) -> NDArray[np.int64]:
    """Each value as an integer code (equal values, equal codes)."""

    def build() -> NDArray[np.int64]:
        index: dict[Any, int] = {}
        return np.fromiter((index.setdefault(v, len(index)) for v in table.column(column)), np.int64, len(table))

    return _cached(table, ("codes", column), build)  # type: ignore[no-any-return]


def _set_matrix(table: RecordTable, column: str) -> Any:
    """A column of sets as a sparse 0/1 matrix (records x distinct members)."""

    def build() -> Any:
        from scipy.sparse import csr_matrix

        vocabulary: dict[Any, int] = {}
        indptr: list[int] = [0]
        indices: list[int] = []
        for members in table.column(column):
            indices.extend(vocabulary.setdefault(m, len(vocabulary)) for m in members)
            indptr.append(len(indices))
        data = np.ones(len(indices), dtype=np.int32)
        return csr_matrix(
            (data, np.array(indices, dtype=np.int64), np.array(indptr)), shape=(len(table), max(len(vocabulary), 1))
        )

    return _cached(table, ("sets", column), build)


def _overlap(table: RecordTable, column: str, left: NDArray[np.int64], right: NDArray[np.int64]) -> NDArray[np.int64]:
    """How many members the two sets of each pair share."""
    if len(left) == 0:
        return np.zeros(0, dtype=np.int64)
    if len(left) <= 64:  # a few pairs (the incremental index): plain sets beat sparse algebra
        values = table.column(column)
        return np.fromiter(
            (len(values[a] & values[b]) for a, b in zip(left.tolist(), right.tolist(), strict=True)),
            np.int64,
            len(left),
        )
    x = _set_matrix(table, column)
    return np.asarray(x[left].multiply(x[right]).sum(axis=1), dtype=np.int64).ravel()


def _set_sizes(table: RecordTable, column: str) -> NDArray[np.int64]:
    return _cached(  # type: ignore[no-any-return]
        table, ("sizes", column), lambda: np.fromiter((len(v) for v in table.column(column)), np.int64, len(table))
    )


def _missing(table: RecordTable, column: str, left: NDArray[np.int64], right: NDArray[np.int64]) -> NDArray[np.bool_]:
    present = _present(table, column)
    return ~(present[left] & present[right])


def _equal(table: RecordTable, column: str, left: NDArray[np.int64], right: NDArray[np.int64]) -> NDArray[np.bool_]:
    codes = _codes(table, column)
    return np.asarray(codes[left] == codes[right])


def _workers(n: int) -> int:
    """rapidfuzz threads: all cores for big batches; one for a few pairs (starting threads costs more)."""
    return -1 if n >= 20_000 else 1


def similarity(
    a: Sequence[str] | NDArray[Any], b: Sequence[str] | NDArray[Any], metric: str = "jaro_winkler"
) -> NDArray[np.float64]:
    """Element-wise string similarity in [0, 1] of two equally long sequences (rapidfuzz ``cpdist``).

    >>> [round(float(x), 3) for x in similarity(["martha", "dixon"], ["marhta", "dicksonx"])]
    [0.961, 0.813]
    """
    from rapidfuzz.distance import OSA, JaroWinkler, Levenshtein
    from rapidfuzz.process import cpdist

    scorers: dict[str, Any] = {
        "jaro_winkler": JaroWinkler.normalized_similarity,
        "levenshtein": Levenshtein.normalized_similarity,
        "osa": OSA.normalized_similarity,  # Levenshtein with adjacent transpositions as one edit
    }
    scorer = scorers[metric]
    if len(a) == 0:
        return np.zeros(0)
    return np.asarray(cpdist(list(a), list(b), scorer=scorer, workers=_workers(len(a))), dtype=np.float64)


def _select(conditions: list[NDArray[np.bool_]], missing: NDArray[np.bool_], n: int) -> NDArray[np.int8]:
    """Level = index of the first true condition (the last level when none is true)."""
    out = np.full(n, len(conditions), dtype=np.int8)
    for level in range(len(conditions) - 1, -1, -1):
        out[conditions[level]] = level
    out[missing] = MISSING
    return out


@dataclass(frozen=True)
class PersonNameComparison:
    """A person's name: exact, swapped order, nickname or initial, phonetic or fuzzy, one part only.

    Reads the ``given``, ``family``, ``suffix``, ``full``, phonetic and nickname columns of
    :meth:`RecordTable.from_candidates`. A clash of generational suffixes ("Jr." and "Sr.")
    has a level of its own, so father and son are told apart.
    """

    nicknames: NicknameIndex
    name: str = "name"
    labels: tuple[str, ...] = (
        "exact",
        "swapped",
        "nickname",
        "fuzzy",
        "same given, other family",
        "same family, other given",
        "suffix clash",
        "different",
    )
    tf_column: str | None = "full"
    columns: tuple[str, ...] = ("given", "family")
    m_prior: tuple[float, ...] = (0.7, 0.03, 0.08, 0.1, 0.04, 1e-4, 5e-5, 0.04985)
    u_prior: tuple[float, ...] = (5e-4, 5e-5, 3e-4, 2e-3, 0.01, 0.01, 1e-4, 0.977)
    # Knowledge, not data: a person's records rarely give two unrelated given names or clashing
    # generational suffixes. Households (spouses, siblings, twins sharing a phone or an address)
    # would otherwise teach EM that "same family, other given" is how duplicates look.
    m_fixed: tuple[tuple[int, float], ...] = ((5, 1e-4), (6, 5e-5))
    max_weight: float | None = None

    def levels(self, table: RecordTable, left: NDArray[np.int64], right: NDArray[np.int64]) -> NDArray[np.int8]:
        g1, g2 = _gather(table, "given", left), _gather(table, "given", right)
        f1, f2 = _gather(table, "family", left), _gather(table, "family", right)
        missing = _missing(table, "given", left, right)
        g_eq, f_eq = _equal(table, "given", left, right), _equal(table, "family", left, right)
        has_family = _present(table, "family")
        f1_present, f2_present = has_family[left], has_family[right]
        jw_g, jw_f = similarity(g1, g2), similarity(f1, f2)
        # Swapped: this record's given name is the other's family name and the other way round.
        swapped = (g1 == f2) & (f1 == g2) & f1_present
        nick_eq = _overlap(table, "nick_keys", left, right) > 0
        initials = _initials(table)
        short = _cached(
            table,
            ("short", "given"),
            lambda: np.fromiter((len(g) == 1 for g in table.column("given")), bool, len(table)),
        )
        initial = (initials[left] == initials[right]) & (initials[left] != 0) & (short[left] | short[right])
        ph_g = _equal(table, "given_ph", left, right) & _present(table, "given_ph")[left]
        ph_f = _equal(table, "family_ph", left, right)
        shared_part = _overlap(table, "family_parts", left, right) > 0  # "Raman" in "Raman-Okafor"
        family_close = f_eq | (jw_f >= 0.94) | (ph_f & f1_present) | shared_part
        given_close = g_eq | (jw_g >= 0.9) | ph_g
        suffix = _present(table, "suffix")
        suffix_clash = ~_equal(table, "suffix", left, right) & suffix[left] & suffix[right]
        full_jw = similarity(_gather(table, "full", left), _gather(table, "full", right))
        n = len(left)
        conditions = [
            suffix_clash,
            g_eq & f_eq,
            swapped,
            family_close & ~g_eq & (nick_eq | initial),
            (family_close & given_close) | (full_jw >= 0.94),
            (g_eq | nick_eq) & ~family_close & f1_present & f2_present,
            family_close & ~given_close & ~nick_eq & ~initial,
        ]
        raw = _select(conditions, missing, n)
        # "suffix clash" is tested first but listed after the agreement levels: remap.
        order = np.array([6, 0, 1, 2, 3, 4, 5, 7], dtype=np.int8)
        out = np.where(raw == MISSING, MISSING, order[np.clip(raw, 0, 7)]).astype(np.int8)
        return out


@dataclass(frozen=True)
class EmailComparison:
    """E-mail addresses (normalised: case, Gmail dots and ``+tags``): one shared, or none.

    There are no "similar address" or "same user name elsewhere" levels: people with the same
    name pick similar addresses (``piotr.nowak24@`` and ``piotrnowak@``), so those levels
    would count the name twice.
    """

    name: str = "email"
    labels: tuple[str, ...] = ("exact", "different")
    tf_column: str | None = None
    columns: tuple[str, ...] = ("emails", "email_users")
    m_prior: tuple[float, ...] = (0.6, 0.4)
    u_prior: tuple[float, ...] = (1e-5, 1 - 1e-5)
    m_fixed: tuple[tuple[int, float], ...] = ()
    max_weight: float | None = None

    def levels(self, table: RecordTable, left: NDArray[np.int64], right: NDArray[np.int64]) -> NDArray[np.int8]:
        shared = _overlap(table, "emails", left, right) > 0
        return _select([shared], _missing(table, "emails", left, right), len(left))


@dataclass(frozen=True)
class _ColumnComparison:
    """What the comparisons over one column share: the column, then keyword-only settings (see
    :class:`Comparison`); the name defaults to the column's."""

    column: str
    _: KW_ONLY
    name: str = ""
    labels: tuple[str, ...] = ()
    tf_column: str | None = None
    m_prior: tuple[float, ...] = ()
    u_prior: tuple[float, ...] = ()
    m_fixed: tuple[tuple[int, float], ...] = ()
    max_weight: float | None = None

    def __post_init__(self) -> None:
        if not self.name:
            object.__setattr__(self, "name", self.column)


@dataclass(frozen=True)
class SetComparison(_ColumnComparison):
    """Sets of normalised values (employers, schools): two or more shared, one, similar, none.

    With ``fuzzy`` (the default), a pair that shares no value exactly but whose values read
    alike as a whole ("Globex Lab" / "Globex Labs", "Univ. of Leeds" / "University of Leeds")
    gets the "similar" level: rapidfuzz's token-set ratio of the sorted, joined sets, at least
    ``fuzzy_threshold``.
    """

    single_level: bool = False
    fuzzy: bool = True
    fuzzy_threshold: float = 90.0

    def __post_init__(self) -> None:
        super().__post_init__()
        if not self.labels:
            shared = ("shared",) if self.single_level else ("two or more shared", "one shared")
            object.__setattr__(self, "labels", (*shared, *(("similar",) if self.fuzzy else ()), "none shared"))

    def levels(self, table: RecordTable, left: NDArray[np.int64], right: NDArray[np.int64]) -> NDArray[np.int8]:
        shared = _overlap(table, self.column, left, right)
        missing = _missing(table, self.column, left, right)
        conditions = [shared > 0] if self.single_level else [shared >= 2, shared == 1]
        if self.fuzzy:
            similar = np.zeros(len(left), dtype=bool)
            rows = np.flatnonzero((shared == 0) & ~missing)
            if len(rows):
                from rapidfuzz.fuzz import token_set_ratio
                from rapidfuzz.process import cpdist

                joined = _cached(
                    table,
                    ("joined", self.column),
                    lambda: np.array([" ".join(sorted(v)) for v in table.column(self.column)], dtype=object),
                )
                ratio = cpdist(
                    list(joined[left[rows]]),
                    list(joined[right[rows]]),
                    scorer=token_set_ratio,
                    workers=_workers(len(rows)),
                )
                similar[rows] = np.asarray(ratio) >= self.fuzzy_threshold
            conditions.append(similar)
        return _select(conditions, missing, len(left))


@dataclass(frozen=True)
class PhoneComparison:
    """Phones: the same number (its last 9 digits, however it was written), or none shared.

    A shared phone is strong but not decisive: households, agencies and switchboards share them,
    so its weight is capped.
    """

    name: str = "phone"
    labels: tuple[str, ...] = ("shared", "none shared")
    tf_column: str | None = None
    columns: tuple[str, ...] = ("phones",)
    m_prior: tuple[float, ...] = (0.6, 0.4)
    u_prior: tuple[float, ...] = (1e-5, 1 - 1e-5)
    m_fixed: tuple[tuple[int, float], ...] = ()
    max_weight: float | None = 8.0

    def levels(self, table: RecordTable, left: NDArray[np.int64], right: NDArray[np.int64]) -> NDArray[np.int8]:
        shared = _overlap(table, "phones", left, right) > 0
        return _select([shared], _missing(table, "phones", left, right), len(left))


@dataclass(frozen=True)
class LinkComparison:
    """Profile links (LinkedIn, GitHub...): a shared handle, or two different handles on one site."""

    name: str = "links"
    labels: tuple[str, ...] = ("shared handle", "no overlap", "conflicting handle")
    tf_column: str | None = None
    columns: tuple[str, ...] = ("handles",)
    m_prior: tuple[float, ...] = (0.7, 0.28, 0.02)
    u_prior: tuple[float, ...] = (1e-5, 0.7, 0.3)
    m_fixed: tuple[tuple[int, float], ...] = ()
    max_weight: float | None = None

    def levels(self, table: RecordTable, left: NDArray[np.int64], right: NDArray[np.int64]) -> NDArray[np.int8]:
        a, b = _gather(table, "handles", left), _gather(table, "handles", right)

        def sites(handles: frozenset[str]) -> dict[str, str]:
            return {h.split(":", 1)[0]: h for h in handles if not h.startswith("web:")}

        def conflict(x: frozenset[str], y: frozenset[str]) -> bool:
            sx, sy = sites(x), sites(y)
            return any(site in sy and sy[site] != h for site, h in sx.items())

        shared = _overlap(table, "handles", left, right) > 0
        missing = _missing(table, "handles", left, right)
        clash = np.zeros(len(left), dtype=bool)
        for k in np.flatnonzero(~missing & ~shared).tolist():  # few pairs have links on both sides
            clash[k] = conflict(a[k], b[k])
        return _select([shared, ~clash], missing, len(left))


@dataclass(frozen=True)
class JaccardComparison(_ColumnComparison):
    """Overlap of two sets by Jaccard index (skills): high, some, little, none."""

    thresholds: tuple[float, ...] = (0.5, 0.25, 0.0001)

    def __post_init__(self) -> None:
        super().__post_init__()
        if not self.labels:
            object.__setattr__(
                self, "labels", (*(f"jaccard >= {t:g}" for t in self.thresholds[:-1]), "some overlap", "none")
            )

    def levels(self, table: RecordTable, left: NDArray[np.int64], right: NDArray[np.int64]) -> NDArray[np.int8]:
        inter = _overlap(table, self.column, left, right)
        sizes = _set_sizes(table, self.column)
        jac = inter / np.maximum(sizes[left] + sizes[right] - inter, 1)
        return _select([jac >= t for t in self.thresholds], _missing(table, self.column, left, right), len(left))


@dataclass(frozen=True)
class StringComparison(_ColumnComparison):
    """A string column: exact, then similarity thresholds (Jaro-Winkler or Levenshtein), then different."""

    thresholds: tuple[float, ...] = (0.92, 0.8)
    metric: str = "jaro_winkler"
    term_frequency: bool = False

    def __post_init__(self) -> None:
        super().__post_init__()
        if not self.labels:
            short = {"jaro_winkler": "jw", "levenshtein": "lev", "osa": "osa"}[self.metric]
            object.__setattr__(self, "labels", ("exact", *(f"{short} >= {t:g}" for t in self.thresholds), "different"))
        if self.term_frequency:
            object.__setattr__(self, "tf_column", self.column)

    def levels(self, table: RecordTable, left: NDArray[np.int64], right: NDArray[np.int64]) -> NDArray[np.int8]:
        text = _cached(
            table, ("text", self.column), lambda: np.array([str(v) for v in table.column(self.column)], dtype=object)
        )
        sim = similarity(text[left], text[right], self.metric)
        exact = _equal(table, self.column, left, right)
        return _select(
            [exact, *(sim >= t for t in self.thresholds)], _missing(table, self.column, left, right), len(left)
        )


@dataclass(frozen=True)
class ExactComparison(_ColumnComparison):
    """A column that agrees exactly or not (a state, a gender code, a postcode)."""

    term_frequency: bool = False

    def __post_init__(self) -> None:
        super().__post_init__()
        if not self.labels:
            object.__setattr__(self, "labels", ("exact", "different"))
        if self.term_frequency:
            object.__setattr__(self, "tf_column", self.column)

    def levels(self, table: RecordTable, left: NDArray[np.int64], right: NDArray[np.int64]) -> NDArray[np.int8]:
        exact = _equal(table, self.column, left, right)
        return _select([exact], _missing(table, self.column, left, right), len(left))


@dataclass(frozen=True)
class DateComparison(_ColumnComparison):
    """Dates written as digits (``19560409`` or ``1956-04-09``): exact, one typo, day and month
    swapped, same year, different."""

    def __post_init__(self) -> None:
        super().__post_init__()
        if not self.labels:
            object.__setattr__(self, "labels", ("exact", "one typo", "day-month swapped", "same year", "different"))

    def levels(self, table: RecordTable, left: NDArray[np.int64], right: NDArray[np.int64]) -> NDArray[np.int8]:
        digits = _cached(
            table,
            ("digits", self.column),
            lambda: np.array(
                ["".join(c for c in str(v) if c.isdigit()) for v in table.column(self.column)], dtype=object
            ),
        )
        ymd = _cached(table, ("ymd", self.column), lambda: _year_month_day(digits))
        a, b = digits[left], digits[right]
        lev = similarity(a, b, "osa")
        lengths = np.maximum(np.maximum(_lengths(a), _lengths(b)), 1)
        one_typo = np.rint((1 - lev) * lengths) <= 1
        y1, y2 = ymd[left], ymd[right]
        full = (y1[:, 1] > 0) & (y2[:, 1] > 0)
        swapped = full & (y1[:, 0] == y2[:, 0]) & (y1[:, 1] == y2[:, 2]) & (y1[:, 2] == y2[:, 1])
        same_year = (y1[:, 0] == y2[:, 0]) & (y1[:, 0] > 0)
        exact = _equal(table, self.column, left, right)
        return _select([exact, one_typo, swapped, same_year], _missing(table, self.column, left, right), len(left))


def columns_of(comparison: Comparison) -> frozenset[str]:
    """The table columns a comparison reads (``columns``, else its single ``column``)."""
    cols = getattr(comparison, "columns", None)
    if cols:
        return frozenset(cols)
    col = getattr(comparison, "column", None)
    return frozenset((col,)) if col else frozenset()


def _lengths(values: NDArray[Any]) -> NDArray[np.int64]:
    return np.fromiter((len(v) for v in values), np.int64, len(values))


def _year_month_day(digits: NDArray[Any]) -> NDArray[np.int64]:
    """(year, month, day) of 8-digit dates, (year, 0, 0) of other strings starting with 4 digits."""
    out = np.zeros((len(digits), 3), dtype=np.int64)
    for i, d in enumerate(digits):
        if len(d) >= 4:
            out[i, 0] = int(d[:4])
        if len(d) == 8:
            out[i, 1], out[i, 2] = int(d[4:6]), int(d[6:])
    return out


def _initials(table: RecordTable) -> NDArray[np.int64]:
    return _cached(  # type: ignore[no-any-return]
        table,
        ("initial", "given"),
        lambda: np.fromiter((ord(g[0]) if g else 0 for g in table.column("given")), np.int64, len(table)),
    )


def candidate_comparisons(nicknames: NicknameIndex) -> tuple[Comparison, ...]:
    """The default comparisons for candidate records (name, e-mail, phone, links, location,
    employers, schools, skills).

    >>> [c.name for c in candidate_comparisons(NicknameIndex.load())]
    ['name', 'email', 'phone', 'links', 'location', 'employers', 'schools', 'skills']
    """
    return (
        PersonNameComparison(nicknames),
        EmailComparison(),
        PhoneComparison(),
        LinkComparison(),
        StringComparison("location", thresholds=(0.9,), m_prior=(0.75, 0.05, 0.2), u_prior=(0.05, 0.01, 0.94)),
        SetComparison("employers", m_prior=(0.3, 0.35, 0.05, 0.3), u_prior=(1e-4, 5e-3, 2e-3, 0.9929)),
        SetComparison("schools", single_level=True, m_prior=(0.65, 0.05, 0.3), u_prior=(0.02, 0.005, 0.975)),
        JaccardComparison("skills", m_prior=(0.5, 0.3, 0.15, 0.05), u_prior=(0.02, 0.1, 0.4, 0.48)),
    )


@dataclass(frozen=True)
class ComparisonVectors:
    """The comparison levels of a set of pairs: ``levels[p, c]`` is pair p's level on comparison c.

    ``tf_values[c]`` holds, for comparisons with a ``tf_column``, the left record's value per pair
    (used to adjust the exact level by how common the value is).
    """

    left: NDArray[np.int64]
    right: NDArray[np.int64]
    levels: NDArray[np.int8]
    names: tuple[str, ...]
    labels: tuple[tuple[str, ...], ...]
    tf_values: dict[int, NDArray[Any]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.left)

    def level_labels(self, pair: int) -> dict[str, str]:
        """The level name of every comparison for one pair ('missing' where a value is missing)."""
        return {
            name: (self.labels[c][lv] if lv != MISSING else "missing")
            for c, (name, lv) in enumerate(zip(self.names, self.levels[pair], strict=True))
        }


def compare(
    table: RecordTable,
    pairs: tuple[Sequence[int] | NDArray[np.int64], Sequence[int] | NDArray[np.int64]],
    comparisons: Sequence[Comparison],
) -> ComparisonVectors:
    """Evaluate every comparison on every pair (row indexes into ``table``).

    Returns
    -------
    ComparisonVectors
        One row of levels per pair, in the order of ``pairs``.
    """
    left = np.asarray(pairs[0], dtype=np.int64)
    right = np.asarray(pairs[1], dtype=np.int64)
    levels = np.empty((len(left), len(comparisons)), dtype=np.int8)
    tf_values: dict[int, NDArray[Any]] = {}
    for c, comparison in enumerate(comparisons):
        levels[:, c] = comparison.levels(table, left, right)
        if comparison.tf_column:
            tf_values[c] = _gather(table, comparison.tf_column, left)
    return ComparisonVectors(
        left=left,
        right=right,
        levels=levels,
        names=tuple(c.name for c in comparisons),
        labels=tuple(tuple(c.labels) for c in comparisons),
        tf_values=tf_values,
    )
