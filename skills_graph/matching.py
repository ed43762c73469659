"""Find skill mentions in text: a phrase index over names and aliases, plus context rules.

The pipeline is a blank English spaCy pipeline whose tokenizer keeps technology names whole
(:func:`skills_graph.text.tokenize`). Surfaces are matched on the tokens' ``LOWER`` attribute, as
spaCy's ``PhraseMatcher(attr="LOWER")`` does, but through a dictionary of token sequences: with
the graph's 120,000 surfaces the ``PhraseMatcher`` took about 10 s to build (one ``Doc`` per
pattern) against well under a second here, for the same matches. Ambiguous surfaces ("Go", "Excel", "Spring", "C") are kept only when
written in their own case and in a skill context (cue words, a skills list, a "Skills:" line),
following the rules in ``data/skills/context.yaml``.

Build a :class:`SkillMatcher` once (about a second for the full graph) and reuse it;
:meth:`skills_graph.SkillsGraph.match_text` does that for you.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from skills_graph.models import SkillMatch
from skills_graph.text import tokenize

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

__all__ = ["SkillMatcher", "SurfaceEntry", "make_tokenizer"]

_YEAR_RE = re.compile(r"^(?:19|20)\d\d$|^'\d\d$")


@dataclass(frozen=True)
class SurfaceEntry:
    """What a surface key resolves to, and how strictly it must be matched."""

    skill_id: str
    name: str
    ambiguous_forms: tuple[str, ...] = ()  # exact spellings that need context; empty: unambiguous


class _TechTokenizer:
    """A spaCy tokenizer built on :func:`skills_graph.text.tokenize` (whitespace preserved)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for tok in tokenize(text):
            gap = text[pos : tok.start]
            if gap:
                if gap == " " and words:
                    spaces[-1] = True
                else:
                    if words and gap.startswith(" "):
                        spaces[-1] = True
                        gap = gap[1:]
                    if gap:
                        words.append(gap)
                        spaces.append(False)
            words.append(tok.text)
            spaces.append(False)
            pos = tok.end
        tail = text[pos:]
        if tail:
            if tail.startswith(" ") and words:
                spaces[-1] = True
                tail = tail[1:]
            if tail:
                words.append(tail)
                spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterable[Doc]:
        for text in texts:
            yield self(text)

    def to_bytes(self, **_: Any) -> bytes:  # spaCy serialisation protocol: nothing to save
        return b""

    def from_bytes(self, _data: bytes, **_: Any) -> _TechTokenizer:
        return self


def make_tokenizer(nlp: Language) -> None:
    """Install the technology-aware tokenizer on a spaCy pipeline (in place).

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> make_tokenizer(nlp)
    >>> [t.text for t in nlp("C# and .NET")]
    ['C#', 'and', '.NET']
    """
    nlp.tokenizer = _TechTokenizer(nlp.vocab)


class SkillMatcher:
    """Skill-mention finder over a fixed vocabulary of surfaces.

    Parameters
    ----------
    surfaces : mapping of str to SurfaceEntry
        Surface key (see :func:`skills_graph.text.surface_key`) to the skill it names.
    context : mapping
        The compiled ``context.yaml`` rules.
    max_tokens : int
        Longest surface, in tokens, to index.

    Examples
    --------
    >>> m = SkillMatcher({"go": SurfaceEntry("go", "Go", ("Go",)),
    ...                   "python": SurfaceEntry("python", "Python")},
    ...                  {"cue_words": ["services"], "list_separators": [","]})
    >>> [(x.surface, x.skill_id) for x in m("Services written in Go, Python.")]
    [('Go', 'go'), ('Python', 'python')]
    >>> [x.surface for x in m("Ready to go the extra mile with Python")]
    ['Python']
    """

    def __init__(self, surfaces: Mapping[str, SurfaceEntry], context: Mapping[str, Any], *, max_tokens: int = 6):
        import spacy

        self._nlp = spacy.blank("en")
        make_tokenizer(self._nlp)
        self._surfaces: dict[str, SurfaceEntry] = {}
        self._longest: dict[str, int] = {}  # first token -> longest surface (tokens) starting with it
        for key, entry in surfaces.items():
            words = key.split(" ")
            if len(words) > max_tokens:
                continue
            self._surfaces[key] = entry
            if self._longest.get(words[0], 0) < len(words):
                self._longest[words[0]] = len(words)
        self._window = int(context.get("window", 3))
        self._min_score = int(context.get("min_score", 1))
        self._min_score_short = int(context.get("min_score_short", 2))
        self._cues = frozenset(str(w).lower() for w in context.get("cue_words", ()))
        self._separators = frozenset(str(w).lower() for w in context.get("list_separators", ()))
        headers = "|".join(re.escape(str(w)) for w in context.get("header_words", ()))
        self._header_re = re.compile(rf"^\W*(?:{headers})\b[^:\n]{{0,40}}:", re.I) if headers else None
        self._negative_next = frozenset(str(w).lower() for w in context.get("negative_next", ()))
        self._person_names = frozenset(str(w).lower() for w in context.get("person_names", ()))
        self._per_surface: dict[str, tuple[frozenset[str], frozenset[str]]] = {
            str(k).lower(): (
                frozenset(str(w).lower() for w in v.get("negative_prev", ())),
                frozenset(str(w).lower() for w in v.get("negative_next", ())),
            )
            for k, v in (context.get("surfaces") or {}).items()
        }

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline (blank English with the technology tokenizer)."""
        return self._nlp

    def __call__(self, text: str) -> tuple[SkillMatch, ...]:
        """Return the skill mentions in ``text``, ordered by position."""
        doc = self._nlp.make_doc(text)
        certain: list[tuple[int, int, SurfaceEntry]] = []
        uncertain: list[tuple[int, int, SurfaceEntry]] = []
        for start, end, entry in self._candidates(doc):
            if entry.ambiguous_forms:
                uncertain.append((start, end, entry))
            else:
                certain.append((start, end, entry))
        chosen = _longest_first(certain)
        taken = {i for s, e, _ in chosen for i in range(s, e)}
        confirmed: list[tuple[int, int, SurfaceEntry, float]] = [(s, e, x, 1.0) for s, e, x in chosen]
        words = [t for t in doc if not t.is_space] if uncertain else []
        index = {t.i: n for n, t in enumerate(words)}
        for start, end, entry in _longest_first(uncertain):
            if any(i in taken for i in range(start, end)):
                continue
            confidence = self._judge(
                doc, text, words=words, first=index[start], last=index[end - 1], entry=entry, skill_tokens=taken
            )
            if confidence > 0:
                confirmed.append((start, end, entry, confidence))
                taken.update(range(start, end))
        out = []
        for start, end, entry, confidence in sorted(confirmed, key=lambda m: (m[0], m[1])):
            char_start = doc[start].idx
            char_end = doc[end - 1].idx + len(doc[end - 1].text)
            out.append(
                SkillMatch(
                    skill_id=entry.skill_id,
                    name=entry.name,
                    start=char_start,
                    end=char_end,
                    surface=text[char_start:char_end],
                    confidence=confidence,
                )
            )
        return tuple(out)

    def _candidates(self, doc: Doc) -> Iterator[tuple[int, int, SurfaceEntry]]:
        """Every (possibly overlapping) token span whose case-folded text is a known surface."""
        lower = [t.lower_ for t in doc]
        n = len(lower)
        for i in range(n):
            longest = self._longest.get(lower[i])
            if longest is None:
                continue
            parts: list[str] = []
            j = i
            while j < n and len(parts) < longest:
                if lower[j].isspace():
                    if "\n" in lower[j]:
                        break  # a surface never spans lines
                    j += 1
                    continue
                parts.append(lower[j])
                entry = self._surfaces.get(" ".join(parts))
                if entry is not None:
                    yield i, j + 1, entry
                j += 1

    # -- context rules ------------------------------------------------------------------
    def _judge(
        self,
        doc: Doc,
        text: str,
        *,
        words: Sequence[Any],
        first: int,
        last: int,
        entry: SurfaceEntry,
        skill_tokens: set[int],
    ) -> float:
        start = words[first].i
        written = doc[start : words[last].i + 1].text
        if not _case_ok(written, entry.ambiguous_forms):
            return 0.0
        prev = words[first - 1].lower_ if first > 0 else ""
        nxt = words[last + 1].lower_ if last + 1 < len(words) else ""
        neg_prev, neg_next = self._per_surface.get(written.lower(), (frozenset(), frozenset()))

        score = 0
        # Same line: a skills list or a "Skills:" heading.
        line_start = text.rfind("\n", 0, doc[start].idx) + 1
        if self._header_re is not None and self._header_re.match(text, line_start):
            score += 2
        if self._in_list(words, first, last, skill_tokens):
            score += 2
        lo, hi = max(0, first - self._window), min(len(words), last + 1 + self._window)
        if any(words[k].lower_ in self._cues for k in range(lo, hi) if k < first or k > last):
            score += 1
        if any(words[k].i in skill_tokens for k in range(lo, hi) if k < first or k > last):
            score += 1  # other skills nearby
        if nxt in self._negative_next or nxt in neg_next or prev in neg_prev:
            score -= 3
        if last + 1 < len(words) and _YEAR_RE.match(words[last + 1].text):
            score -= 3
        if written.lower() in self._person_names and last + 1 < len(words):
            after = words[last + 1]
            if after.text[:1].isupper() and after.text[1:].islower() and after.i not in skill_tokens:
                score -= 3  # "Julia Moreno": a person
        # One-letter names (C, R) and everyday words from the non-curated sources (declared in
        # lower case) need stronger evidence than a single cue word.
        strict = len(written) == 1 or all(form.islower() for form in entry.ambiguous_forms)
        needed = self._min_score_short if strict else self._min_score
        if score < needed:
            return 0.0
        return round(min(0.95, 0.6 + 0.1 * score), 2)

    def _in_list(self, words: Sequence[Any], first: int, last: int, skill_tokens: set[int]) -> bool:
        """Is the mention next to another skill across a list separator?"""
        for step, edge in ((-1, first), (1, last)):
            k = edge + step
            seps = 0
            while 0 <= k < len(words) and words[k].lower_ in self._separators and seps < 2:
                k += step
                seps += 1
            if seps and 0 <= k < len(words) and words[k].i in skill_tokens:
                return True
        return False


def _case_ok(written: str, forms: Sequence[str]) -> bool:
    """Ambiguous surfaces must be written as declared (``Go``, not ``go``)."""
    for form in forms:
        if written == form:
            return True
        if form.lower() == form and written.lower() == form:
            return True  # a lowercase everyday-word surface: any case, context decides
        if len(written) > 2 and written.isupper() and form.istitle() and written.lower() == form.lower():
            return True  # headings in capitals: "EXCEL"
    return False


def _longest_first(matches: Iterable[tuple[int, int, SurfaceEntry]]) -> list[tuple[int, int, SurfaceEntry]]:
    """Non-overlapping matches, preferring longer then earlier ones."""
    chosen: list[tuple[int, int, SurfaceEntry]] = []
    used: set[int] = set()
    for start, end, entry in sorted(matches, key=lambda m: (-(m[1] - m[0]), m[0], m[2].skill_id)):
        if any(i in used for i in range(start, end)):
            continue
        chosen.append((start, end, entry))
        used.update(range(start, end))
    return chosen
