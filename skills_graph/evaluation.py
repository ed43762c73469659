"""Labelled skill-mention fixtures and the precision/recall measures used by tests and benchmarks.

Fixture lines read ``KIND<TAB>FIELD<TAB>TEXT`` where every skill mention in TEXT is wrapped in
``[[...]]`` (see ``data/fixtures/README.md``).

Examples
--------
>>> s = parse_labelled_line("resume\\tsoftware\\tBuilt APIs in [[Go]] on [[AWS]].")
>>> s.text, [s.text[a:b] for a, b in s.spans]
('Built APIs in Go on AWS.', ['Go', 'AWS'])
>>> score([(0, 2), (5, 9)], [(0, 2), (10, 12)])
Score(tp=1, fp=1, fn=1)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

__all__ = ["LabelledSentence", "Score", "parse_labelled_line", "load_labelled", "score", "keyword_baseline"]

_MENTION = re.compile(r"\[\[(.+?)\]\]")


@dataclass(frozen=True)
class LabelledSentence:
    """A sentence with its gold skill-mention spans."""

    kind: str
    field: str
    text: str
    spans: tuple[tuple[int, int], ...]


class Score(NamedTuple):
    """Counts of true positives, false positives and false negatives."""

    tp: int
    fp: int
    fn: int

    def __add__(self, other: object) -> Score:  # type: ignore[override,unused-ignore]
        if not isinstance(other, Score):
            return NotImplemented
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def parse_labelled_line(line: str) -> LabelledSentence:
    """Parse one fixture line (see the module docstring).

    Raises
    ------
    ValueError
        If the line does not have three tab-separated fields.
    """
    parts = line.rstrip("\n").split("\t", 2)
    if len(parts) != 3:
        raise ValueError(f"expected KIND<TAB>FIELD<TAB>TEXT, got {len(parts)} field(s): {line[:60]!r}")
    kind, field, marked = parts
    text_parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = length = 0
    for m in _MENTION.finditer(marked):
        before = marked[pos : m.start()]
        text_parts.append(before)
        length += len(before)
        spans.append((length, length + len(m.group(1))))
        text_parts.append(m.group(1))
        length += len(m.group(1))
        pos = m.end()
    text_parts.append(marked[pos:])
    return LabelledSentence(kind, field, "".join(text_parts), tuple(spans))


def load_labelled(path: str | Path) -> list[LabelledSentence]:
    """All sentences of a fixture file (comments and blank lines skipped)."""
    out = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            try:
                out.append(parse_labelled_line(line))
            except ValueError as exc:
                raise ValueError(f"{path}:{number}: {exc}") from exc
    return out


def score(predicted: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]], *, strict: bool = False) -> Score:
    """Match predicted spans to gold spans one to one.

    A prediction is right when it overlaps an unused gold span (``strict``: has the same
    boundaries).
    """
    used: set[int] = set()
    tp = 0
    for a, b in sorted(predicted):
        for i, (c, d) in enumerate(gold):
            if i in used:
                continue
            if (a, b) == (c, d) if strict else (a < d and c < b):
                used.add(i)
                tp += 1
                break
    return Score(tp, len(predicted) - tp, len(gold) - tp)


_WORD = re.compile(r"\w+")


def keyword_baseline(surfaces: Iterable[str], max_tokens: int = 6) -> KeywordLookup:
    """The plain baseline: lower-cased word n-grams looked up in the same vocabulary."""
    return KeywordLookup(surfaces, max_tokens)


class KeywordLookup:
    """Longest-first lookup of lower-cased ``\\w+`` word n-grams, with no context rules."""

    def __init__(self, surfaces: Iterable[str], max_tokens: int = 6) -> None:
        self._keys = {" ".join(_WORD.findall(s.lower())) for s in surfaces}
        self._keys.discard("")
        self._max = max_tokens

    def __call__(self, text: str) -> list[tuple[int, int]]:
        words = [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text)]
        out: list[tuple[int, int]] = []
        i = 0
        while i < len(words):
            for n in range(min(self._max, len(words) - i), 0, -1):
                if " ".join(w for w, _, _ in words[i : i + n]) in self._keys:
                    out.append((words[i][1], words[i + n - 1][2]))
                    i += n
                    break
            else:
                i += 1
        return out
