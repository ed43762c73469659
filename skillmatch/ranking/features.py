"""Ranking features: the whitelist of what ranking may read, and the sparse encoding of a pool.

Ranking reads a profile only through :data:`RANKING_FIELDS`: skills with their months and last use,
job titles and durations, total experience, education level and degree wording, the summary and
job descriptions (for text relevance), and certifications. Names, contact details, locations,
employers, schools, graduation and birth years and photos never reach a feature; and the text
that text relevance sees has the candidate's own name, e-mail addresses, links, numbers and
gendered words removed (:func:`profile_text`), so changing any of those leaves every score as it
was.

:func:`encode_profiles` turns profiles into column-compressed arrays (one column per skill) so
that a requirement is scored for a million candidates with a handful of numpy operations.

Examples
--------
>>> from skillmatch.models import Profile, Position
>>> p = Profile(profile_id="p", source="s", as_of="2026-01-01", name="Ana Ruiz",
...             summary="Ana Ruiz is a backend engineer; she wrote Go at ACME since 2019.",
...             positions=(Position(title="Senior Backend Engineer"),))
>>> profile_text(p)
'senior backend engineer is a backend engineer wrote go at acme since'
"""

from __future__ import annotations

import itertools
import re
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from skillmatch.models import EDUCATION_LEVELS, Profile

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from skills_graph import SkillsGraph

__all__ = [
    "RANKING_FIELDS",
    "GENDERED_WORDS",
    "profile_text",
    "ranking_text",
    "query_words",
    "title_tokens",
    "month_number",
    "EncodedPool",
    "encode_profiles",
]

#: The only parts of a :class:`~skillmatch.models.Profile` that ranking reads.
RANKING_FIELDS: frozenset[str] = frozenset(
    {
        "profile_id",  # to report the result, never scored
        "as_of",  # the date "present" and recency are measured against
        "skills",  # skill_id, surfaces (exact vs alias), months, last_used
        "positions.title",
        "positions.description",
        "total_experience_months",
        "education.level",
        "education.degree",
        "education.field",
        "summary",
        "certifications",
    }
)

#: Words that carry gender (or marital status) and are dropped from the text that ranking reads.
GENDERED_WORDS: frozenset[str] = frozenset(
    """he him his himself she her hers herself mr mrs ms miss mx sir madam male female man woman men
    women boy girl boys girls gentleman gentlemen lady ladies husband wife husbands wives father
    mother fathers mothers dad mom mum son daughter sons daughters brother sister brothers sisters
    married single widowed divorced maternity paternity pregnant pregnancy spouse fiance fiancee
    chairman chairwoman chairmen chairwomen salesman saleswoman salesmen saleswomen foreman
    forewoman businessman businesswoman waitress actress hostess""".split()
)

_WORD = re.compile(r"[^\W\d_](?:[\w+#.]*[\w+#])?")
_DROP = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+|\S+\.(?:com|org|net|io)\S*", re.IGNORECASE)
_END: Any = object()
_TITLE_STOP: frozenset[str] = frozenset("a an and the of for to in at on with or & - sr sr. jr".split())


def _words(text: str) -> Iterator[str]:
    for match in _WORD.finditer(_DROP.sub(" ", text)):
        yield match.group(0).lower().rstrip(".")


def profile_text(profile: Profile) -> str:
    """The text that text relevance sees: titles, summary, job descriptions, degrees, certifications.

    Lower-cased words only, cleaned by :func:`ranking_text`. The skills list is not added (its
    evidence is scored on its own), so adding a skill to a profile never changes this text.

    Examples
    --------
    >>> from skillmatch.models import Profile
    >>> profile_text(Profile(profile_id="p", source="s", as_of="2026-01-01", name="Jo Li",
    ...                      summary="Jo Li (jo@x.org), 34, mother of two; Python developer."))
    'of two python developer'
    """
    parts: list[str] = [p.title or "" for p in profile.positions]
    parts.append(profile.summary or "")
    parts += [p.description for p in profile.positions]
    parts += [f"{e.degree or ''} {e.field or ''}" for e in profile.education]
    parts += list(profile.certifications)
    return ranking_text("\n".join(parts), profile)


def ranking_text(text: str, profile: Profile) -> str:
    """Any text about a candidate (the whole resume, say) as ranking may read it.

    Lower-cased words; e-mail addresses, links and numbers (years, ages, phone numbers) are
    dropped, and so are the words of the candidate's name and :data:`GENDERED_WORDS`.

    Examples
    --------
    >>> from skillmatch.models import Profile
    >>> p = Profile(profile_id="p", source="s", as_of="2026-01-01", name="Ana Ruiz")
    >>> ranking_text("ANA RUIZ. ana@ruiz.dev, +44 113 496 0000. She leads Kafka pipelines.", p)
    'leads kafka pipelines'
    """
    # The name's parts are cut from the text as written ("O'Brien" whole), then as words;
    # initials are left alone ("A. Ruiz" must not take every "a" with it).
    from skillmatch.redaction import name_pattern

    text = _DROP.sub(" ", text)  # e-mail addresses and links first: a name inside one must not break it
    pattern = name_pattern(profile.name)
    if pattern is not None:
        text = pattern.sub(" ", text)
    own = {w for w in _words(profile.name or "") if len(w) > 1}
    return " ".join(w for w in _words(text) if w not in own and w not in GENDERED_WORDS)


def query_words(text: str) -> tuple[str, ...]:
    """Words of free text the way :func:`profile_text` writes them (lower case; no numbers, links
    or e-mail addresses).

    >>> query_words("5+ years of C++ and Node.js; see https://example.com")
    ('years', 'of', 'c++', 'and', 'node.js', 'see')
    """
    return tuple(_words(text))


def title_tokens(text: str) -> tuple[str, ...]:
    """Content words of a job title, lower-cased, in order, without duplicates.

    >>> title_tokens("Sr. Software Engineer - Backend & Data")
    ('software', 'engineer', 'backend', 'data')
    """
    seen: dict[str, None] = {}
    for word in _words(text):
        if word not in _TITLE_STOP and len(word) > 1:
            seen.setdefault(word, None)
    return tuple(seen)


def month_number(year_month: str) -> int:
    """Months since year 0 of a ``YYYY-MM`` (or ``YYYY-MM-DD``) date.

    >>> month_number("2026-01") - month_number("2025-12")
    1
    """
    return int(year_month[:4]) * 12 + int(year_month[5:7]) - 1


#: Weight of a title token by how recent its position is (the first position listed is taken as
#: the most recent, as resumes are written); older titles count less.
_TITLE_RECENCY = (1.0, 0.7, 0.5)


@dataclass(frozen=True, eq=False)
class EncodedPool:
    """A pool of profiles as arrays (rows are profiles in input order).

    Attributes
    ----------
    profile_ids : tuple of str
    skill_columns : dict of str to int
        Skill id -> column of the skill arrays.
    indptr, rows : ndarray
        Column-compressed structure of the (profile, skill) entries: the entries of skill column
        ``c`` are ``indptr[c]:indptr[c + 1]``, with the profiles' rows, sorted.
    months, last_used : ndarray of float32
        Per entry: months of dated use (NaN when the skill is only listed) and the month number of
        its last use (NaN when unknown).
    named : ndarray of bool
        Per entry: the profile writes the skill under its canonical name (not only an alias).
    as_of : ndarray of int32
        Per profile: the month number of the profile's date.
    total_months : ndarray of float32
    education : ndarray of int8
        Per profile: the index of its highest level in :data:`~skillmatch.models.EDUCATION_LEVELS`,
        -1 when none is known.
    title_vocab : dict of str to int
    titles : scipy.sparse.csc_matrix
        Profiles x title tokens, the value being the recency weight of the token's newest title.
    texts : tuple of str
        :func:`profile_text` of each profile (for the text index; dropped for pools built with
        ``text=False``).
    """

    profile_ids: tuple[str, ...]
    skill_columns: dict[str, int]
    indptr: npt.NDArray[np.int64]
    rows: npt.NDArray[np.int32]
    months: npt.NDArray[np.float32]
    last_used: npt.NDArray[np.float32]
    named: npt.NDArray[np.bool_]
    as_of: npt.NDArray[np.int32]
    total_months: npt.NDArray[np.float32]
    education: npt.NDArray[np.int8]
    title_vocab: dict[str, int]
    titles: Any
    texts: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.profile_ids)


def encode_profiles(
    profiles: Iterable[Profile],
    graph: SkillsGraph,
    *,
    text: bool = True,
    texts: Iterable[str] | None = None,
) -> EncodedPool:
    """Encode profiles into :class:`EncodedPool` arrays (streaming: profiles are not kept).

    With ``texts`` (one document text per profile, in the same order: the whole resume), text
    relevance reads :func:`ranking_text` of each; otherwise :func:`profile_text`.

    Skills the graph does not know are skipped. A profile id seen twice raises
    ``InvalidArgumentError`` (a pool ranks each candidate once).

    Examples
    --------
    >>> from skills_graph import SkillsGraph
    >>> from skillmatch.models import Profile, SkillEvidence
    >>> p = Profile(profile_id="p", source="s", as_of="2026-01-01",
    ...             skills=(SkillEvidence(skill_id="python", name="Python", surfaces=("python",), months=24),))
    >>> pool = encode_profiles([p], SkillsGraph.load())
    >>> len(pool), float(pool.months[0]), bool(pool.named[0])
    (1, 24.0, True)
    """
    import numpy as np
    from scipy import sparse

    from skillmatch.errors import InvalidArgumentError

    ids: list[str] = []
    seen: set[str] = set()
    skill_columns: dict[str, int] = {}
    title_vocab: dict[str, int] = {}
    # Compact typed buffers: a million profiles with twenty skills each fit in a few hundred MB.
    e_row = array("l")
    e_col = array("l")
    e_months = array("f")
    e_last = array("f")
    e_named = array("b")
    as_of: list[int] = []
    total: list[float] = []
    education: list[int] = []
    t_row: list[int] = []
    t_col: list[int] = []
    t_val: list[float] = []
    out_texts: list[str] = []
    names: dict[str, str] = {}
    nan = float("nan")
    documents: Iterator[str | None] = iter(texts) if texts is not None else itertools.repeat(None)
    for row, profile in enumerate(profiles):
        document = next(documents, _END)
        if document is _END:
            raise InvalidArgumentError("texts", expected="one text per profile", got="fewer texts than profiles")
        if not isinstance(profile, Profile):
            raise InvalidArgumentError("profiles", expected="Profile objects", got=profile)
        if profile.profile_id in seen:
            raise InvalidArgumentError(
                "profiles", expected="each profile_id once (dedupe first)", got=profile.profile_id
            )
        seen.add(profile.profile_id)
        ids.append(profile.profile_id)
        as_of.append(month_number(profile.as_of))
        total.append(float(profile.total_experience_months))
        levels = [EDUCATION_LEVELS.index(e.level) for e in profile.education if e.level in EDUCATION_LEVELS]
        education.append(max(levels, default=-1))
        for skill in profile.skills:
            column = skill_columns.get(skill.skill_id)
            if column is None:
                if skill.skill_id not in graph:
                    continue
                column = skill_columns[skill.skill_id] = len(skill_columns)
            name = names.get(skill.skill_id)
            if name is None:
                name = names[skill.skill_id] = graph.get(skill.skill_id).name.casefold()
            e_row.append(row)
            e_col.append(column)
            e_months.append(nan if skill.months is None else float(skill.months))
            e_last.append(nan if skill.last_used is None else float(month_number(skill.last_used)))
            e_named.append(any(s.casefold() == name for s in skill.surfaces) or not skill.surfaces)
        best: dict[int, float] = {}
        for rank, position in enumerate(profile.positions[: len(_TITLE_RECENCY)]):
            for token in title_tokens(position.title or ""):
                col = title_vocab.setdefault(token, len(title_vocab))
                best[col] = max(best.get(col, 0.0), _TITLE_RECENCY[rank])
        t_row += [row] * len(best)
        t_col += list(best)
        t_val += list(best.values())
        if text:
            if document is None:
                out_texts.append(profile_text(profile))
            elif isinstance(document, str):
                out_texts.append(ranking_text(document, profile))
            else:
                raise InvalidArgumentError("texts", expected="str", got=document)
    if texts is not None and next(documents, _END) is not _END:
        raise InvalidArgumentError("texts", expected="one text per profile", got="more texts than profiles")
    n = len(ids)
    rows = np.frombuffer(e_row, dtype=np.int_).astype(np.int64) if e_row else np.zeros(0, dtype=np.int64)
    cols = np.frombuffer(e_col, dtype=np.int_).astype(np.int64) if e_col else np.zeros(0, dtype=np.int64)
    order = np.lexsort((rows, cols))
    cols = cols[order]
    indptr = np.zeros(len(skill_columns) + 1, dtype=np.int64)
    np.cumsum(np.bincount(cols, minlength=len(skill_columns)), out=indptr[1:])
    titles = sparse.csc_matrix(
        (np.asarray(t_val, dtype=np.float32), (np.asarray(t_row, dtype=np.int64), np.asarray(t_col, dtype=np.int64))),
        shape=(n, max(len(title_vocab), 1)),
    )
    return EncodedPool(
        profile_ids=tuple(ids),
        skill_columns=skill_columns,
        indptr=indptr,
        rows=rows[order].astype(np.int32),
        months=np.asarray(e_months, dtype=np.float32)[order],
        last_used=np.asarray(e_last, dtype=np.float32)[order],
        named=np.asarray(e_named, dtype=bool)[order],
        as_of=np.asarray(as_of, dtype=np.int32),
        total_months=np.asarray(total, dtype=np.float32),
        education=np.asarray(education, dtype=np.int8),
        title_vocab=title_vocab,
        titles=titles,
        texts=tuple(out_texts),
    )
