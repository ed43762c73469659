"""The systems of the ranking benchmark: named baselines and skillmatch (with its ablations).

Every system has a ``name``, ``prepare(pool)`` (encode the pool once; timed apart) and
``score(query_text, query_req, pool) -> np.ndarray`` (one score per pool document, in pool order,
higher better). Ties are left to the harness, which ranks with a stable sort over a pool already
shuffled with the seed, the same for every system.

Baselines (what each sees: the query text, and the documents' raw text):

* ``random``: uniform scores, seeded by the run seed and the query text.
* ``keyword``: ``|query words & doc words| / |query words|``; lower-cased word tokens, scikit-learn's
  English stop words removed.
* ``alias``: the same over skill ids found by ``graph.match_text`` (aliases folded to one id).
* ``tfidf``: cosine of ``TfidfVectorizer(sublinear_tf=True, stop_words="english")`` fit on the pool.
* ``bm25``: ``rank_bm25.BM25Okapi`` (default k1 1.5, b 0.75) over the pool's word tokens.
* ``fuzzy``: ``rapidfuzz.fuzz.token_set_ratio`` with ``rapidfuzz.utils.default_process``.

skillmatch (sees the requisition and the parsed profiles only): ``CandidatePool.from_profiles``
once per pool, then ``pool.scores(requisition, config=RankConfig(...))``. The variants differ only
in their ``RankConfig`` (see ``SKILLMATCH_VARIANTS``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
import numpy.typing as npt

from benchmarks.rank_data import Doc, stable_hash

if TYPE_CHECKING:
    from skillmatch.config import RankConfig
    from skills_graph import SkillsGraph

FloatArray = npt.NDArray[np.float64]
_WORD = re.compile(r"[a-z0-9][a-z0-9+#]*")


@dataclass
class Pool:
    """The ranked documents of one split, and what systems encode from them (``cache``)."""

    docs: Sequence[Doc]
    cache: dict[str, Any] = field(default_factory=dict)

    @property
    def texts(self) -> list[str]:
        return [d.text for d in self.docs]


class System(Protocol):
    name: str

    def prepare(self, pool: Pool) -> None: ...

    def score(self, query_text: str, query_req: Any, pool: Pool) -> FloatArray: ...


def stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


def words(text: str, stop: frozenset[str]) -> list[str]:
    """Lower-cased word tokens (``c++`` and ``c#`` kept whole) without stop words.

    >>> words("Python, C++ and the SQL", frozenset({"and", "the"}))
    ['python', 'c++', 'sql']
    """
    return [w for w in _WORD.findall(text.lower()) if w not in stop]


# -- baselines ----------------------------------------------------------------------------------
@dataclass
class RandomSystem:
    seed: int = 0
    name: str = "random"

    def prepare(self, pool: Pool) -> None:
        pass

    def score(self, query_text: str, query_req: Any, pool: Pool) -> FloatArray:
        rng = np.random.default_rng([self.seed, stable_hash(query_text) % (2**32)])
        return rng.random(len(pool.docs))


def _overlap(query: set[Any], doc_sets: list[frozenset[Any]]) -> FloatArray:
    if not query:
        return np.zeros(len(doc_sets))
    return np.array([len(query & d) for d in doc_sets], dtype=float) / len(query)


@dataclass
class KeywordSystem:
    name: str = "keyword"
    _stop: frozenset[str] = field(default_factory=stop_words)

    def prepare(self, pool: Pool) -> None:
        pool.cache[self.name] = [frozenset(words(t, self._stop)) for t in pool.texts]

    def score(self, query_text: str, query_req: Any, pool: Pool) -> FloatArray:
        return _overlap(set(words(query_text, self._stop)), pool.cache[self.name])


@dataclass
class AliasSystem:
    graph: SkillsGraph
    name: str = "alias"
    _memo: dict[str, frozenset[str]] = field(default_factory=dict)

    def _ids(self, text: str) -> frozenset[str]:
        if text not in self._memo:
            self._memo[text] = frozenset(m.skill_id for m in self.graph.match_text(text))
        return self._memo[text]

    def prepare(self, pool: Pool) -> None:
        pool.cache[self.name] = [self._ids(t) for t in pool.texts]

    def score(self, query_text: str, query_req: Any, pool: Pool) -> FloatArray:
        return _overlap(set(self._ids(query_text)), pool.cache[self.name])


@dataclass
class TfidfSystem:
    name: str = "tfidf"

    def prepare(self, pool: Pool) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        vec = TfidfVectorizer(sublinear_tf=True, stop_words="english")
        pool.cache[self.name] = (vec, vec.fit_transform(pool.texts))

    def score(self, query_text: str, query_req: Any, pool: Pool) -> FloatArray:
        vec, matrix = pool.cache[self.name]
        q = vec.transform([query_text])
        return np.asarray((matrix @ q.T).toarray()).ravel()


@dataclass
class Bm25System:
    name: str = "bm25"
    _stop: frozenset[str] = field(default_factory=stop_words)

    def prepare(self, pool: Pool) -> None:
        from rank_bm25 import BM25Okapi

        pool.cache[self.name] = BM25Okapi([words(t, self._stop) for t in pool.texts])

    def score(self, query_text: str, query_req: Any, pool: Pool) -> FloatArray:
        return np.asarray(pool.cache[self.name].get_scores(words(query_text, self._stop)), dtype=float)


@dataclass
class FuzzySystem:
    name: str = "fuzzy"

    def prepare(self, pool: Pool) -> None:
        from rapidfuzz import utils

        pool.cache[self.name] = [utils.default_process(t) for t in pool.texts]

    def score(self, query_text: str, query_req: Any, pool: Pool) -> FloatArray:
        from rapidfuzz import fuzz, process, utils

        q = utils.default_process(query_text)
        return np.asarray(process.cdist([q], pool.cache[self.name], scorer=fuzz.token_set_ratio)[0], dtype=float)


BASELINES = ("random", "keyword", "alias", "tfidf", "bm25", "fuzzy")


# -- skillmatch ---------------------------------------------------------------------------------
# name -> RankConfig overrides. "sm-related" (graph="full") is the default configuration, so the
# ablation ladder surface -> aliases -> broader -> full ends at "skillmatch" itself.
SKILLMATCH_VARIANTS: dict[str, dict[str, Any]] = {
    "skillmatch": {},
    "sm-no-text": {"text_weight": 0.0},
    "sm-surface": {"graph": "surface"},
    "sm-aliases": {"graph": "aliases"},
    "sm-broader": {"graph": "broader"},
    "sm-surface-no-text": {"graph": "surface", "text_weight": 0.0},
    "sm-aliases-no-text": {"graph": "aliases", "text_weight": 0.0},
    "sm-broader-no-text": {"graph": "broader", "text_weight": 0.0},
}


def skillmatch_ranking_available() -> str | None:
    """``None`` when ``skillmatch.ranking`` has the API the harness needs, else why not."""
    try:
        from skillmatch.ranking import (  # noqa: F401
            CandidatePool,
            requisition_from_profile,
            requisition_from_profiles,
            requisition_text,
        )
    except ImportError as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


@dataclass
class SkillmatchSystem:
    graph: SkillsGraph
    config: RankConfig
    name: str = "skillmatch"

    def prepare(self, pool: Pool) -> None:
        # Encoded once per pool and shared by every variant (the first one pays; see encode_seconds).
        if "skillmatch" not in pool.cache:
            from skillmatch.ranking import CandidatePool

            # The whole document text for text relevance, as the baselines read it (skillmatch
            # removes names, contact details, numbers and gendered words from it first).
            profiles = [d.profile for d in pool.docs]
            texts = [d.text for d in pool.docs]
            pool.cache["skillmatch"] = CandidatePool.from_profiles(profiles, graph=self.graph, texts=texts)

    def score(self, query_text: str, query_req: Any, pool: Pool) -> FloatArray:
        return np.asarray(pool.cache["skillmatch"].scores(query_req, config=self.config), dtype=float)


def make_system(name: str, *, graph: SkillsGraph, seed: int, base_config: dict[str, Any] | None = None) -> System:
    """A system by name; skillmatch variants apply their overrides on top of ``base_config``."""
    simple: dict[str, Any] = {
        "keyword": KeywordSystem,
        "tfidf": TfidfSystem,
        "bm25": Bm25System,
        "fuzzy": FuzzySystem,
    }
    if name == "random":
        return RandomSystem(seed=seed)
    if name == "alias":
        return AliasSystem(graph=graph)
    if name in simple:
        return simple[name]()  # type: ignore[no-any-return]
    if name in SKILLMATCH_VARIANTS:
        from skillmatch.config import RankConfig

        config = RankConfig(**{**(base_config or {}), **SKILLMATCH_VARIANTS[name]})
        return SkillmatchSystem(graph=graph, config=config, name=name)
    raise ValueError(f"unknown system {name!r}")


# -- queries ------------------------------------------------------------------------------------
def fallback_requisition_text(
    train: Sequence[Doc], background: Sequence[Doc], graph: SkillsGraph, title: str, top: int = 20
) -> str:
    """A stand-in for ``requisition_text(requisition_from_profiles(...))`` while the lead's API is
    missing: the title and the ``top`` skills whose share of training profiles most exceeds their
    share of the background profiles (ties by id). Used for the baselines only, and reported."""
    from collections import Counter

    def shares(docs: Sequence[Doc]) -> Counter[str]:
        c: Counter[str] = Counter()
        for d in docs:
            c.update({s.skill_id for s in d.profile.skills})
        return c

    inside, outside = shares(train), shares(background)
    n_in, n_out = max(1, len(train)), max(1, len(background))
    ranked = sorted(inside, key=lambda s: (-(inside[s] / n_in - outside[s] / n_out), s))
    names = [graph.get(s).name for s in ranked[:top] if inside[s] / n_in > outside[s] / n_out]
    return "\n".join([title, *names])
