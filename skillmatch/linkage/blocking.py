"""Blocking: which record pairs are worth comparing at all.

Each :class:`BlockingRule` gives every record zero or more keys; records that share a key form a
block and are paired. Oversized blocks (a common surname) are not paired exhaustively: their
records are sorted by name and each is paired with its neighbours (sorted neighbourhood), so the
number of pairs stays near-linear in the number of records. :func:`blocking_report` measures
pairs completeness (how many true duplicate pairs survive blocking) and the reduction ratio.

Examples
--------
>>> from skillmatch.linkage.records import RecordTable, to_record
>>> from skillmatch.linkage.normalize import NicknameIndex
>>> recs = [to_record({"id": "1", "name": "Jon Smyth"}), to_record({"id": "2", "name": "John Smith"}),
...         to_record({"id": "3", "name": "Wei Zhang"})]
>>> table = RecordTable.from_candidates(recs)
>>> pairs = candidate_pairs(table, candidate_rules(NicknameIndex.load()))
>>> list(zip(pairs.left.tolist(), pairs.right.tolist()))
[(0, 1)]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from skillmatch.linkage.normalize import NicknameIndex
from skillmatch.linkage.records import RecordTable

if TYPE_CHECKING:
    from numpy.typing import NDArray

__all__ = [
    "BlockingRule",
    "Pairs",
    "block_on",
    "candidate_rules",
    "candidate_pairs",
    "record_keys",
    "blocking_report",
]

KeyFunction = Callable[[RecordTable, int], Iterable[str]]


@dataclass(frozen=True)
class BlockingRule:
    """A named function from a record (table and row) to its blocking keys."""

    name: str
    keys: KeyFunction
    columns: tuple[str, ...] = ()  # what the keys read: training does not learn those comparisons' m here


def block_on(*columns: str | tuple[str, int], name: str | None = None) -> BlockingRule:
    """Records that agree exactly on every one of ``columns``; ``(column, k)`` compares the first
    k characters only.

    >>> t = RecordTable.from_columns(["a", "b", "c"], {"surname": ["smith", "smith", ""], "dob": ["1", "1", "1"]})
    >>> sorted(block_on("surname", "dob").keys(t, 0)), list(block_on("surname").keys(t, 2))
    (['surname,dob=smith|1'], [])
    >>> list(block_on(("surname", 2)).keys(t, 0))
    ['surname[:2]=sm']
    """
    specs = [(c, None) if isinstance(c, str) else (c[0], int(c[1])) for c in columns]
    label = ",".join(c if k is None else f"{c}[:{k}]" for c, k in specs)

    def keys(table: RecordTable, row: int) -> Iterable[str]:
        values = [str(table.column(c)[row])[:k] for c, k in specs]
        if not all(values):
            return ()
        return (f"{label}={'|'.join(values)}",)

    return BlockingRule(name or label.replace(",", "+"), keys, tuple(c for c, _ in specs))


def candidate_rules(nicknames: NicknameIndex) -> tuple[BlockingRule, ...]:
    """The default blocking rules for candidates.

    Normalised e-mail (Gmail dots and ``+tags`` folded), e-mail user name, phone (last 9 digits),
    LinkedIn/GitHub handles, phonetic family name with the given name's initial (and the same
    with the parts swapped, for "Zhang Wei" / "Wei Zhang"), nickname-folded given name with the
    phonetic family name or any part of a double one ("Bob Mueller" / "Robert Müller", "Priya
    Raman" / "Priya Raman-Okafor"), and the given name's phonetic code
    with the city (a married name with no other anchor).
    """

    def set_column(column: str, tag: str) -> KeyFunction:
        def keys(table: RecordTable, row: int) -> Iterable[str]:
            return (f"{tag}:{v}" for v in table.column(column)[row])

        return keys

    def handles(table: RecordTable, row: int) -> Iterable[str]:
        return (f"h:{h}" for h in table.column("handles")[row] if not h.startswith("web:"))

    def phonetic_name(table: RecordTable, row: int) -> Iterable[str]:
        given, family = table.column("given")[row], table.column("family")[row]
        gph, fph = table.column("given_ph")[row], table.column("family_ph")[row]
        if not given or not family:
            return ()
        # The family name's sound with the given initial; and both sounds in either order, for
        # "Zhang Wei" / "Wei Zhang" (a key per order would pair every "John S." with every other).
        return (f"pn:{fph}:{given[0]}", f"pw:{min(gph, fph)}:{max(gph, fph)}")

    def nickname_name(table: RecordTable, row: int) -> Iterable[str]:
        parts = table.column("family_parts")[row] | {table.column("family_ph")[row]}
        return (f"nn:{k}:{part}" for k in table.column("nick_keys")[row] for part in parts if part)

    def full_given(table: RecordTable, row: int) -> Iterable[str]:
        # Same given-name sound and the same place: a married name without any other anchor.
        gph, location = table.column("given_ph")[row], table.column("location")[row]
        return (f"gl:{gph}:{location}",) if gph and location else ()

    return (
        BlockingRule("email", set_column("emails", "e"), ("emails",)),
        BlockingRule("email user name", set_column("email_users", "u"), ("emails", "email_users")),
        BlockingRule("phone", set_column("phones", "p"), ("phones",)),
        BlockingRule("profile handle", handles, ("handles",)),
        BlockingRule("phonetic name", phonetic_name, ("given", "family")),
        BlockingRule("nickname name", nickname_name, ("given", "family")),
        BlockingRule("given name and city", full_given, ("given", "location")),
    )


def record_keys(table: RecordTable, row: int, rules: Sequence[BlockingRule]) -> list[str]:
    """Every blocking key of one record (the incremental index stores these)."""
    return [key for rule in rules for key in rule.keys(table, row)]


@dataclass(frozen=True)
class Pairs:
    """Candidate pairs as row indexes (``left < right``), with the first rule that produced each."""

    left: NDArray[np.int64]
    right: NDArray[np.int64]
    rule: NDArray[np.int16]
    rule_names: tuple[str, ...]
    oversized_blocks: int = 0
    rule_mask: NDArray[np.int64] | None = None  # bit r set: rule r produced the pair too

    def produced_by(self, r: int) -> NDArray[np.bool_]:
        """Which pairs rule ``r`` produced (whether or not an earlier rule did too)."""
        if self.rule_mask is None:
            return np.asarray(self.rule == r)
        return np.asarray((self.rule_mask >> r) & 1 == 1)

    def __len__(self) -> int:
        return len(self.left)


def _block_pairs(members: NDArray[np.int64], n: int) -> NDArray[np.int64]:
    """All pair codes (i * n + j, i < j) within blocks of one size: ``members`` is (blocks, size)."""
    size = members.shape[1]
    a, b = np.triu_indices(size, k=1)
    left, right = members[:, a], members[:, b]
    lo, hi = np.minimum(left, right), np.maximum(left, right)
    return (lo * n + hi).ravel()


def candidate_pairs(
    table: RecordTable,
    rules: Sequence[BlockingRule],
    *,
    max_block_size: int = 400,
    window: int = 30,
    sort_column: str | None = None,
) -> Pairs:
    """The distinct pairs of records that share a blocking key.

    Parameters
    ----------
    table : RecordTable
        The records.
    rules : sequence of BlockingRule
        Each record's keys under each rule.
    max_block_size, window : int
        A block larger than ``max_block_size`` is sorted by ``sort_column`` (default: ``full``
        when the table has it, else the ids) and each record is paired with the next ``window``.

    Returns
    -------
    Pairs
        Sorted by (left, right); deterministic.
    """
    n = len(table)
    if sort_column is None:
        sort_column = "full" if "full" in table.columns else None
    sort_values: Sequence[Any] = table.column(sort_column) if sort_column else table.ids
    order_rank = np.empty(n, dtype=np.int64)
    order_rank[sorted(range(n), key=lambda i: (str(sort_values[i]), table.ids[i]))] = np.arange(n)
    codes: list[NDArray[np.int64]] = []
    rule_of: list[NDArray[np.int16]] = []
    oversized = 0
    for r, rule in enumerate(rules):
        key_ids: dict[str, int] = {}
        key_of: list[int] = []
        row_of: list[int] = []
        for row in range(n):
            for key in rule.keys(table, row):
                key_of.append(key_ids.setdefault(key, len(key_ids)))
                row_of.append(row)
        if not key_of:
            continue
        # (key, row) once each, sorted by key then row: each key's block is a contiguous run.
        members = np.unique(np.asarray(key_of, dtype=np.int64) * n + np.asarray(row_of, dtype=np.int64))
        block_of, rows = members // n, members % n
        counts = np.bincount(block_of, minlength=len(key_ids))
        starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
        for size in np.unique(counts[counts >= 2]).tolist():
            blocks = np.flatnonzero(counts == size)
            if size > max_block_size:
                for b in blocks.tolist():
                    oversized += 1
                    block = rows[starts[b] : starts[b] + size]
                    ranked = block[np.argsort(order_rank[block], kind="stable")]
                    for step in range(1, min(window, size - 1) + 1):
                        lo, hi = ranked[:-step], ranked[step:]
                        codes.append(np.minimum(lo, hi) * n + np.maximum(lo, hi))
                        rule_of.append(np.full(len(lo), r, dtype=np.int16))
                continue
            grid = rows[starts[blocks][:, None] + np.arange(size)]
            found = _block_pairs(grid, n)
            codes.append(found)
            rule_of.append(np.full(len(found), r, dtype=np.int16))
    if not codes:
        empty = np.zeros(0, dtype=np.int64)
        return Pairs(empty, empty.copy(), np.zeros(0, dtype=np.int16), tuple(r.name for r in rules), oversized)
    all_codes = np.concatenate(codes)
    all_rules = np.concatenate(rule_of)
    # Keep each pair once, with the first rule (in rule order) that produced it.
    order = np.lexsort((all_rules, all_codes))
    all_codes, all_rules = all_codes[order], all_rules[order]
    keep = np.ones(len(all_codes), dtype=bool)
    keep[1:] = all_codes[1:] != all_codes[:-1]
    starts = np.flatnonzero(keep)
    mask = np.bitwise_or.reduceat(np.left_shift(np.int64(1), all_rules.astype(np.int64)), starts)
    all_codes, all_rules = all_codes[keep], all_rules[keep]
    return Pairs(all_codes // n, all_codes % n, all_rules, tuple(r.name for r in rules), oversized, mask)


def blocking_report(pairs: Pairs, truth: Mapping[str, str], ids: Sequence[str]) -> dict[str, float]:
    """Pairs completeness (share of true duplicate pairs among the candidates) and reduction ratio.

    >>> p = Pairs(np.array([0]), np.array([1]), np.array([0], dtype=np.int16), ("r",))
    >>> blocking_report(p, {"a": "x", "b": "x", "c": "x"}, ["a", "b", "c"])
    {'pairs': 1, 'true_pairs': 3, 'pairs_completeness': 0.3333333333333333, 'reduction_ratio': 0.6666666666666667}
    """
    from collections import Counter

    n = len(ids)
    sizes = Counter(truth[i] for i in ids if i in truth)
    true_pairs = sum(s * (s - 1) // 2 for s in sizes.values())
    found = sum(
        1
        for a, b in zip(pairs.left.tolist(), pairs.right.tolist(), strict=True)
        if ids[a] in truth and truth.get(ids[a]) == truth.get(ids[b])
    )
    total = n * (n - 1) // 2
    return {
        "pairs": len(pairs),
        "true_pairs": true_pairs,
        "pairs_completeness": found / true_pairs if true_pairs else 1.0,
        "reduction_ratio": 1 - len(pairs) / total if total else 1.0,
    }
