"""Find skill mentions in text: a phrase index over names and aliases, plus context rules.

Text is split by :func:`skills_graph.text.tokenize`, the tokenizer that keeps technology names
whole (``C++``, ``C#``, ``.NET``, ``Node.js``) and that :func:`make_tokenizer` also installs in a
spaCy pipeline, so a parser built on spaCy sees the same tokens. Surfaces are matched on the
case-folded token sequence, as spaCy's ``PhraseMatcher(attr="LOWER")`` would, through a
dictionary of token sequences. Ambiguous surfaces ("Go", "Excel", "Spring", "C") are kept only in
a skill context (cue words, a skills list, a "Skills:" line), following the rules in
``data/skills/context.yaml``.

Why not spaCy's ``Doc`` and ``PhraseMatcher`` here: with the graph's 120,000 surfaces the
``PhraseMatcher`` took about 10 s to build (one ``Doc`` per pattern), spaCy refuses texts over
1,000,000 characters, and its shared ``Vocab`` interns every new word it sees, which grows
without bound in a long-running process. The matcher below holds no mutable state: one instance
can serve every thread.

Build a :class:`SkillMatcher` once (about a second for the full graph) and reuse it;
:meth:`skills_graph.SkillsGraph.match_text` does that for you.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, NamedTuple

from skills_graph.models import SkillMatch
from skills_graph.text import fold, tokenize

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

__all__ = ["SkillMatcher", "SurfaceEntry", "make_tokenizer"]

_YEAR_RE = re.compile(r"^(?:19|20)\d\d$|^'\d\d$")


class _Word(NamedTuple):
    text: str
    lower_: str  # case-folded, NFKC-normalised: the key the surfaces are indexed under
    idx: int  # character offset in the text
    line: int  # 0-based line number


def _words(text: str) -> list[_Word]:
    out: list[_Word] = []
    line = pos = 0
    for tok in tokenize(text):
        line += text.count("\n", pos, tok.start)
        out.append(_Word(tok.text, fold(tok.text), tok.start, line))
        pos = tok.end
    return out


@dataclass(frozen=True)
class SurfaceEntry:
    """What a surface key resolves to, and how strictly it must be matched."""

    skill_id: str
    name: str
    ambiguous_forms: tuple[str, ...] = ()  # spellings that need context; empty: unambiguous
    lenient_case: bool = False  # an everyday word: other casings pass on stronger context
    cased_forms: tuple[str, ...] = ()  # free only as written here (or in capitals): "FAR", "Stripe"
    credential: bool = False  # a certification or licence ("CPA", "Class A CDL"): not a skill mention
    technology: bool = False  # a named technology or method (language, tool, Agile...), not a practice or field


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
        self._degree_words = frozenset(str(w).lower() for w in context.get("degree_words", ()))
        self._role_nouns = frozenset(str(w).lower() for w in context.get("role_nouns", ()))
        self._credential_words = frozenset(str(w).lower() for w in context.get("credential_words", ()))
        surfaces_rules = context.get("surfaces") or {}
        self._per_surface: dict[str, tuple[frozenset[str], frozenset[str]]] = {
            str(k).lower(): (
                frozenset(str(w).lower() for w in v.get("negative_prev", ())),
                frozenset(str(w).lower() for w in v.get("negative_next", ())),
            )
            for k, v in surfaces_rules.items()
        }
        self._surface_min: dict[str, int] = {
            str(k).lower(): int(v["min_score"]) for k, v in surfaces_rules.items() if "min_score" in v
        }
        self._industry_nouns = frozenset(str(w).lower() for w in context.get("industry_nouns", ()))
        self._tenure_words = frozenset(str(w).lower() for w in context.get("tenure_words", ()))
        self._industries = frozenset(str(s) for s in context.get("industry_ids", ()))
        self._sense_window = int(context.get("sense_window", 10))
        self._senses: dict[str, tuple[tuple[SurfaceEntry | None, frozenset[str], bool], ...]] = {
            str(key): tuple(
                (
                    SurfaceEntry(o["skill_id"], o["name"], technology=bool(o.get("technology")))
                    if o.get("skill_id")
                    else None,
                    frozenset(o.get("cues", ())),
                    bool(o.get("default")),
                )
                for o in options
            )
            for key, options in (context.get("senses") or {}).items()
        }
        self._sense_heads = frozenset(key.split(" ")[0] for key in self._senses)
        # Each rule: (skill id, name, confidence, regex of all its patterns, the lower-case words
        # its patterns start with, or None when a pattern starts otherwise and the rule must scan).
        self._implied = tuple(
            (
                str(rule["skill_id"]),
                str(rule.get("name") or rule["skill_id"]),
                float(rule.get("confidence", 0.7)),
                re.compile("|".join(f"(?:{implied_regex(x)})" for x in rule["patterns"]), re.I),
                _rule_triggers(rule["patterns"]),
            )
            for rule in context.get("implied", ())
        )

    @property
    def industries(self) -> frozenset[str]:
        """Ids of the skills that are industries ("Banking", "E-commerce", "SaaS")."""
        return self._industries

    def implied(self, text: str) -> tuple[SkillMatch, ...]:
        """Skills a recruiter infers from phrasing, with the phrase as the span.

        "Led a team of 8" is team leadership, "mentored junior staff" mentoring, "negotiated
        supplier contracts" contract negotiation. The rules are data (``implied:`` in
        ``data/skills/curated/*.yaml``); every match has the rule's confidence, below 1. A space
        in a rule matches any run of spaces and tabs with at most one line break. Ordered by
        position, then skill id; one match per skill and phrase.

        >>> m = SkillMatcher({}, {"implied": [{"skill_id": "mentoring", "name": "Mentoring",
        ...                   "confidence": 0.7, "patterns": ["mentored (?:\\\\w+ )?(?:staff|engineers)"]}]})
        >>> [(x.skill_id, x.surface, x.confidence) for x in m.implied("Mentored junior\\nengineers.")]
        [('mentoring', 'Mentored junior\\nengineers', 0.7)]
        """
        out: dict[tuple[int, str], SkillMatch] = {}
        if not self._implied:
            return ()
        # Word starts by their first character: a rule is tried only where one of its first
        # words stands, not at every character (30 ms a resume otherwise).
        words: dict[str, list[int]] = {}  # lower-case word -> where it starts
        starts: dict[str, list[int]] = {}  # first character -> where words start
        for w in _WORD_START.finditer(text):
            words.setdefault(w.group().lower(), []).append(w.start())
            starts.setdefault(w.group()[0].lower(), []).append(w.start())
        lowered = text.lower()
        if len(lowered) != len(text):  # a letter whose lower case is longer ("İ"): compare in place
            lowered = "".join(ch.lower()[:1] or ch for ch in text)
        for skill_id, name, confidence, regex, triggers in self._implied:
            found: list[tuple[int, int]] = []
            if triggers is None:
                found = [m.span() for m in regex.finditer(text)]
            else:
                candidates: set[int] = set()
                for t, whole in triggers:
                    if t == "\\d":
                        candidates.update(_digit_starts(starts))
                    elif whole:
                        candidates.update(words.get(t, ()))
                    else:
                        candidates.update(pos for pos in starts.get(t[0], ()) if lowered.startswith(t, pos))
                last = -1
                for pos in sorted(candidates):
                    if pos < last:
                        continue
                    m = regex.match(text, pos)
                    if m is not None:
                        found.append(m.span())
                        last = m.end()
            for start, end in found:
                if end > start and (start, skill_id) not in out:
                    out[(start, skill_id)] = SkillMatch.model_construct(
                        skill_id=skill_id,
                        name=name,
                        start=start,
                        end=end,
                        surface=text[start:end],
                        confidence=confidence,
                    )
        return tuple(out[k] for k in sorted(out))

    def __call__(self, text: str) -> tuple[SkillMatch, ...]:
        """Return the skill mentions in ``text``, ordered by position."""
        words = _words(text)
        line_starts = [0, *(m.end() for m in re.finditer("\n", text))] if "\n" in text else [0]
        # Spans are word positions, end exclusive.
        certain: list[tuple[int, int, SurfaceEntry]] = []
        uncertain: list[tuple[int, int, SurfaceEntry]] = []
        for start, end, indexed in self._candidates(words):
            if indexed.credential:
                continue
            found = indexed
            if words[start].lower_ in self._sense_heads:
                key = " ".join(w.lower_ for w in words[start:end])
                if key in self._senses:
                    sense = self._sense(words, start, end, self._senses[key])
                    if sense is None:
                        continue  # "ABS plastic": no sense the vocabulary knows
                    if sense.skill_id != found.skill_id:
                        found = replace(found, skill_id=sense.skill_id, name=sense.name, technology=sense.technology)
            entry = found
            written = text[words[start].idx : words[end - 1].idx + len(words[end - 1].text)]
            if found.cased_forms and not _cased_ok(written, found.cased_forms):
                # "stripe rust" is not Stripe: another casing needs a skill context.
                entry = replace(found, ambiguous_forms=found.cased_forms, lenient_case=True)
            (uncertain if entry.ambiguous_forms else certain).append((start, end, entry))
        # A longer surface that names a job title or a degree ("Java developer" as an occupation)
        # must not hide the skill inside it, so it is dropped before overlaps are resolved.
        chosen = _longest_first(s for s in certain if not self._names_something_else(words, *s))
        taken = {k for a, b, _ in chosen for k in range(a, b)}
        pending = {k for a, b, _ in uncertain for k in range(a, b)}
        confirmed = [(a, b, e, 1.0) for a, b, e in chosen]
        for a, b, entry in _longest_first(uncertain):
            if any(k in taken for k in range(a, b)):
                continue
            line_start = line_starts[bisect.bisect_right(line_starts, words[a].idx) - 1]
            confidence = self._judge(
                text, words, first=a, end=b, entry=entry, skills=taken, pending=pending, line_start=line_start
            )
            if confidence > 0:
                confirmed.append((a, b, entry, confidence))
                taken.update(range(a, b))
        out = []
        for a, b, entry, confidence in sorted(confirmed, key=lambda m: (m[0], m[1])):
            char_start = words[a].idx
            char_end = words[b - 1].idx + len(words[b - 1].text)
            out.append(
                SkillMatch.model_construct(  # fields are built here, already valid
                    skill_id=entry.skill_id,
                    name=entry.name,
                    start=char_start,
                    end=char_end,
                    surface=text[char_start:char_end],
                    confidence=confidence,
                )
            )
        return tuple(out)

    def _candidates(self, words: Sequence[_Word]) -> Iterator[tuple[int, int, SurfaceEntry]]:
        """Every (possibly overlapping) word span whose case-folded text is a known surface."""
        n = len(words)
        for i in range(n):
            longest = self._longest.get(words[i].lower_)
            if longest is None:
                continue
            parts: list[str] = []
            for j in range(i, min(n, i + longest)):
                if words[j].line != words[i].line:
                    break  # a surface never spans lines
                parts.append(words[j].lower_)
                entry = self._surfaces.get(" ".join(parts))
                if entry is not None:
                    yield i, j + 1, entry

    # -- context rules ------------------------------------------------------------------
    def _names_something_else(self, words: Sequence[Any], first: int, end: int, entry: SurfaceEntry) -> bool:
        """Not a skill mention: a field of study in a degree ("B.S. in Computer Science"); a
        practice naming a team, an event or a job title ("procurement teams", "HR conferences",
        "Payroll Specialist", "Stage manager"); a credential named as a whole ("ServSafe
        certification"; the skill in "CPR certification" is still found)."""
        if self._names_a_degree(words, first):
            return True
        if not entry.technology:
            if end - first == 1 and words[first].lower_ in self._role_nouns and words[first].lower_ != fold(entry.name):
                return True  # "Paralegal", "Cashier": a job title, not the practice it names
            if self._names_an_industry(words, first, end, entry):
                return True
        if entry.technology and not entry.lenient_case:
            return False  # "Salesforce developer", "Agile team" and "AWS Certified" name the technology
        after = words[end].lower_ if end < len(words) else ""
        last = words[end - 1].lower_
        return after in self._role_nouns or (
            end - first > 1 and (last in self._role_nouns or last in self._credential_words)
        )

    def _names_an_industry(self, words: Sequence[Any], first: int, end: int, entry: SurfaceEntry) -> bool:
        """An industry or field named as the kind of employer, not a skill: "a SaaS company", "an
        e-commerce fashion brand", "the banking and insurance sectors"; and, for the skills that
        are industries, tenure in it: "five years in banking", "experience in e-commerce"."""
        n = len(words)
        k = end
        while k + 1 < n and words[k].lower_ in _COORDINATORS and words[k + 1].lower_.replace("-", "").isalpha():
            k += 2  # "banking and insurance sectors": past the next item
        if k < n and words[k].lower_ in self._industry_nouns:
            return True
        if (
            k + 1 < n
            and words[k + 1].lower_ in self._industry_nouns
            and words[k].lower_.replace("-", "").isalpha()
            and words[k].lower_ not in _FUNCTION_WORDS
        ):
            return True  # one modifier before the noun: "e-commerce fashion brand"
        if entry.skill_id not in self._industries:
            return False
        for k in range(first - 1, max(-1, first - 7), -1):
            w = words[k].lower_
            if w in _INTO:
                return any(words[j].lower_ in self._tenure_words for j in range(max(0, k - 3), k))
            if not (w in _COORDINATORS or w.replace("-", "").isalnum()):
                return False
        return False

    def _sense(
        self,
        words: Sequence[Any],
        first: int,
        end: int,
        senses: tuple[tuple[SurfaceEntry | None, frozenset[str], bool], ...],
    ) -> SurfaceEntry | None:
        """The meaning of a short surface with several ("ABS" brakes, selling or plastic): the
        sense with most cue words within ``sense_window`` tokens, else the default sense."""
        near = {
            words[k].lower_
            for k in range(max(0, first - self._sense_window), min(len(words), end + self._sense_window))
            if not first <= k < end
        }
        best, best_hits = None, 0
        for entry, cues, _ in senses:
            hits = len(cues & near)
            if hits > best_hits:
                best, best_hits = entry, hits
        if best_hits:
            return best
        return next((entry for entry, _, default in senses if default), None)

    def _names_a_degree(self, words: Sequence[Any], first: int) -> bool:
        """A field of study in a degree ("B.S. in Computer Science") is not a skill mention."""
        if first == 0 or words[first - 1].lower_ not in {"in", "of"}:
            return False
        return any(w.lower_.replace(".", "") in self._degree_words for w in words[max(0, first - 6) : first - 1])

    def _judge(
        self,
        text: str,
        words: Sequence[Any],
        *,
        first: int,
        end: int,
        entry: SurfaceEntry,
        skills: set[int],
        pending: set[int],
        line_start: int,
    ) -> float:
        """Confidence that an ambiguous surface names the skill here (0: it does not)."""
        last = end - 1
        start_char, end_char = words[first].idx, words[last].idx + len(words[last].text)
        written = text[start_char:end_char]
        case = _case_match(written, entry.ambiguous_forms)
        if case == "acronym" or (case == "no" and not entry.lenient_case):
            return 0.0
        if _hyphen_glued(text, start_char, end_char):
            return 0.0
        if self._names_something_else(words, first, end, entry):
            return 0.0

        def word(k: int) -> str:
            return words[k].lower_ if 0 <= k < len(words) else ""

        neg_prev, neg_next = self._per_surface.get(written.lower(), (frozenset(), frozenset()))
        score = 0
        if self._header_re is not None and self._header_re.match(text, line_start):
            score += 2  # a "Skills:" line
        score += self._list_support(words, first, last, skills, pending)
        window = [
            k
            for k in range(first - self._window, last + 1 + self._window)
            if 0 <= k < len(words) and not first <= k <= last
        ]
        if any(words[k].lower_ in self._cues for k in window):
            score += 1
        if any(k in skills for k in window):
            score += 1  # other skills nearby
        if word(last + 1) in self._negative_next:
            score -= 3
        if {word(first - 1), word(first - 2)} & neg_prev or {word(last + 1), word(last + 2)} & neg_next:
            score -= 3
        if last + 1 < len(words) and _YEAR_RE.match(words[last + 1].text):
            score -= 3  # "Spring 2019"
        if written.lower() in self._person_names and last + 1 < len(words):
            after = words[last + 1]
            if after.text[:1].isupper() and after.text[1:].islower() and last + 1 not in skills:
                score -= 3  # "Julia Moreno": a person
        # One-letter names (C, R) and everyday words from the non-curated sources (declared in
        # lower case) need stronger evidence than a single cue word.
        strict = len(written) == 1 or all(form.islower() for form in entry.ambiguous_forms)
        needed = self._min_score_short if strict else self._min_score
        needed = max(needed, self._surface_min.get(written.lower(), needed))
        if score < needed:
            return 0.0
        return round(min(0.95, 0.6 + 0.1 * score), 2)

    def _list_support(self, words: Sequence[Any], first: int, last: int, skills: set[int], pending: set[int]) -> int:
        """2 when the mention sits next to a skill across a list separator ("Python, Go"), 1 when
        next to another ambiguous candidate ("Nomad and Consul"), else 0."""
        best = 0
        for step, edge in ((-1, first), (1, last)):
            k = edge + step
            seps = 0
            while 0 <= k < len(words) and words[k].lower_ in self._separators and seps < 2:
                k += step
                seps += 1
            if seps and 0 <= k < len(words):
                if k in skills:
                    return 2
                if k in pending:
                    best = 1
        return best


_COORDINATORS = frozenset({"and", "or", ",", "&", "/"})
_INTO = frozenset({"in", "into", "within", "across", "throughout"})
_FUNCTION_WORDS = frozenset(
    {"for", "in", "at", "of", "with", "to", "by", "on", "the", "a", "an", "from", "and", "or", "as", "into", "across"}
)


_WORD_START = re.compile(r"(?<![\w-])[\w$£€][\w']*")
_LITERAL = re.compile(r"[a-z][a-z' ]*[a-z]|[a-z]", re.I)
_CURRENCY = {"\\$": "$", "£": "£", "€": "€"}


def _digit_starts(starts: Mapping[str, list[int]]) -> list[int]:
    return [pos for digit in "0123456789" for pos in starts.get(digit, ())]


def _rule_triggers(patterns: Sequence[str]) -> tuple[tuple[str, bool], ...] | None:
    """The lower-case words an ``implied:`` rule's patterns can start with (their leading literal
    text), each with whether it is a whole word or the start of one; None when one cannot tell
    (the rule then scans the whole text).

    >>> _rule_triggers(["(?:led|leading) a team", "team lead(?:er)? of", "budgets? of"])
    (('led', True), ('leading', True), ('team', True), ('budget', False))
    >>> _rule_triggers(["(?:\\\\$|£)[\\\\d.,]+ budget", "\\\\d+ direct reports"])
    (('$', False), ('£', False), ('\\\\d', False))
    >>> _rule_triggers(["(?:a|the)? team"]) is None
    True
    """
    out: list[tuple[str, bool]] = []
    for pattern in patterns:
        if pattern.startswith("(?:"):
            depth, end = 0, -1
            for i, ch in enumerate(pattern):
                if ch == "(" and (i == 0 or pattern[i - 1] != "\\"):
                    depth += 1
                elif ch == ")" and pattern[i - 1] != "\\":
                    depth -= 1
                    if depth == 0:
                        end = i
                        break
            if end < 0 or pattern[end + 1 : end + 2] in {"?", "*", "{"}:
                return None
            alternatives = _split_top(pattern[3:end])
        else:
            alternatives = [pattern]
        for alt in alternatives:
            if alt.startswith("\\d"):
                out.append(("\\d", False))  # a number: "12 direct reports"
                continue
            currency = next((c for prefix, c in _CURRENCY.items() if alt.startswith(prefix)), None)
            if currency is not None:
                out.append((currency, False))  # "$2M budget"
                continue
            lead = _LITERAL.match(alt)
            if lead is None:
                return None
            word = lead.group().lower().split(" ")[0]
            after = alt[len(word) : len(word) + 1]
            if after in {"?", "*", "{"}:
                word = word[:-1]  # "budgets?": the last letter is optional
            if not word:
                return None
            out.append((word, after in {"", " "}))  # a whole word, or the start of one ("line[- ]")
    return tuple(dict.fromkeys(out))


def _split_top(group: str) -> list[str]:
    """The alternatives of a regular-expression group's body, split at its top-level bars."""
    parts: list[str] = []
    current: list[str] = []
    depth, escaped = 0, False
    for ch in group:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return parts


def implied_regex(pattern: str) -> str:
    """An ``implied:`` rule as a regular expression: its spaces (outside character classes) match
    runs of spaces and tabs with at most one line break, and it matches whole words only.

    >>> import re
    >>> bool(re.search(implied_regex("line[- ]managed two"), "line-managed\\n two")), bool(re.search(implied_regex("led"), "misled"))
    (True, False)
    """
    out: list[str] = []
    in_class = escaped = False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "[":
            in_class = True
        elif ch == "]":
            in_class = False
        elif ch == " " and not in_class:
            out.append(r"(?:[ \t]+|[ \t]*\n[ \t]*)")
            continue
        out.append(ch)
    return rf"(?<![\w-])(?:{''.join(out)})(?![\w-])"


def _hyphen_glued(text: str, start: int, end: int) -> bool:
    """Is the span part of a hyphenated word ("long-term", "C-level")?"""
    left = start >= 2 and text[start - 1] == "-" and text[start - 2].isalnum()
    right = end + 1 < len(text) and text[end] == "-" and text[end + 1].isalnum()
    return left or right


def _cased_ok(written: str, forms: Sequence[str]) -> bool:
    """``FAR`` matches ``FAR`` but not ``far``; ``VisIt`` matches ``VisIt`` or ``VISIT``."""
    return written in forms or any(written.isupper() and written.lower() == f.lower() for f in forms)


def _case_match(written: str, forms: Sequence[str]) -> str:
    """How the written text agrees in case with the declared forms.

    ``exact``: as declared, or in capitals for a capitalised word ("EXCEL"); ``any``: the form is
    lower case, so any casing will do (but needs stronger context); ``acronym`` and ``no``: an
    all-caps or mixed-case form written otherwise ("far" for "FAR", "go" for "Go").

    >>> _case_match("Go", ["Go"]), _case_match("go", ["Go"]), _case_match("EXCEL", ["Excel"])
    ('exact', 'no', 'exact')
    >>> _case_match("Turning", ["turning"]), _case_match("far", ["FAR"])
    ('any', 'acronym')
    """
    best = "no"
    for form in forms:
        if written == form or (len(written) > 2 and written.isupper() and written.lower() == form.lower()):
            return "exact"
        if form.islower() and written.lower() == form:
            best = "any"
        elif form.isupper() and best == "no":
            best = "acronym"
    return best


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
