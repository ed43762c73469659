"""Scoring a pool of candidates against a requisition, vectorised over the pool.

A :class:`CandidatePool` encodes profiles once (:func:`~skillmatch.ranking.features.encode_profiles`
plus a TF-IDF index of their whitelisted text). :meth:`CandidatePool.rank` then scores every
candidate with a handful of numpy operations per requirement:

* **Skill requirements.** The skills graph gives every skill whose evidence counts toward the
  requirement, with the credit of its best path (:meth:`skills_graph.SkillsGraph.evidence_for`).
  A candidate's evidence from one skill is ``credit * (presence_share + (1 - presence_share) *
  depth) * recency``, where depth is months of use against the requirement's minimum (a skill
  only listed gets ``listed_depth``) and recency decays after ``recent_months``. The
  requirement's value is the best evidence over the candidate's skills.
* **Terms.** Must-haves and nice-to-haves are weighted means of their requirements' values;
  experience, title similarity, education level and text relevance add their own terms; the
  score is ``100 * sum(weight * value) / sum(weight)`` over the terms that apply.
* **Tiers.** ``strong`` meets every must-have (the skill itself or one that implies it, with the
  months asked for);
  ``good`` has every must-have directly but some short of the months; ``near`` misses only
  through related skills it could ramp up on (credit at least ``near_credit``); ``no`` lacks a
  must-have. Missing the total experience or the education level asked for lowers ``strong`` to
  ``good``.

Examples
--------
>>> from skills_graph import SkillsGraph
>>> from skillmatch.models import Profile, Requisition, SkillEvidence, SkillRequirement
>>> graph = SkillsGraph.load()
>>> def person(pid, *skills):
...     return Profile(profile_id=pid, source=pid, as_of="2026-01-01", skills=tuple(
...         SkillEvidence(skill_id=s, name=s, months=m, last_used="2025-12") for s, m in skills))
>>> pool = CandidatePool.from_profiles(
...     [person("a", ("docker", 48)), person("b", ("kubernetes", 48)), person("c", ("excel", 48))], graph=graph)
>>> req = Requisition(title="Platform engineer", must_have=(SkillRequirement(skill_id="kubernetes"),))
>>> [(c.profile_id, c.tier) for c in pool.rank(req)]
[('b', 'strong'), ('a', 'near'), ('c', 'no')]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from skillmatch.config import RankConfig
from skillmatch.errors import InvalidArgumentError
from skillmatch.models import EDUCATION_LEVELS, TIERS, Profile, RankedCandidate, Requisition, SkillRequirement
from skillmatch.ranking.features import EncodedPool, encode_profiles, query_words, title_tokens

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from skills_graph import SkillPath, SkillsGraph

__all__ = [
    "CandidatePool",
    "Need",
    "Evaluation",
    "resolve_need",
    "requisition_text",
    "query_text",
    "MISSING",
    "RELATED",
    "SHORT",
    "MET",
]

#: Status codes of a requirement for a candidate, worst to best.
MISSING, RELATED, SHORT, MET = 0, 1, 2, 3
STATUS_NAMES = ("missing", "related", "short", "met")
#: Score cut-offs of the tiers when a requisition has no must-haves.
_SCORE_TIERS = (70.0, 50.0, 30.0)


@dataclass(frozen=True, eq=False)
class Need:
    """A skill requirement resolved against a pool: the pool columns that count, and how much.

    ``columns`` are sorted best first (credit, then skill id); ``exact`` marks the requirement's
    own skill and its alternatives; ``implied`` the skills that imply it (a path only up broader
    edges with at least ``implied_credit``), which can meet it too; ``paths[i]`` explains
    ``columns[i]`` (``None`` when exact).
    """

    requirement: SkillRequirement
    kind: Literal["must_have", "nice_to_have"]
    skill_ids: tuple[str, ...]
    columns: npt.NDArray[np.int64]
    credits: npt.NDArray[np.float32]
    exact: npt.NDArray[np.bool_]
    implied: npt.NDArray[np.bool_]
    paths: tuple[SkillPath | None, ...]


def resolve_need(
    requirement: SkillRequirement,
    kind: Literal["must_have", "nice_to_have"],
    pool: EncodedPool,
    graph: SkillsGraph,
    config: RankConfig,
) -> Need:
    """Which pool skills count toward a requirement under ``config.graph``, with their credit.

    Raises ``UnknownSkillError`` when the requirement names a skill the graph does not know.
    """
    import numpy as np

    targets = [graph.get(requirement.skill_id).skill_id]
    targets += [graph.get(a).skill_id for a in requirement.alternatives]
    best: dict[str, tuple[float, SkillPath | None]] = {}
    for target in targets:
        best[target] = (1.0, None)
        if config.graph in {"aliases", "surface"} or config.max_hops == 0:
            continue
        # The graph caches paths per (skill, hops); the credit floor is applied here, which is exact
        # because a skill's best path is the one with the most credit.
        for have, path in graph.evidence_for(
            target, max_hops=config.max_hops, min_credit=min(0.05, config.min_credit)
        ).items():
            if have in targets or path.credit < config.min_credit:
                continue
            if config.graph == "broader" and any(step.type != "broader" for step in path.steps):
                continue
            if have not in best or path.credit > best[have][0]:
                best[have] = (path.credit, path)
    chosen = sorted(
        ((-credit, sid, path) for sid, (credit, path) in best.items() if sid in pool.skill_columns),
        key=lambda item: (item[0], item[1]),
    )
    return Need(
        requirement=requirement,
        kind=kind,
        skill_ids=tuple(sid for _, sid, _ in chosen),
        columns=np.asarray([pool.skill_columns[sid] for _, sid, _ in chosen], dtype=np.int64),
        credits=np.asarray([-c for c, _, _ in chosen], dtype=np.float32),
        exact=np.asarray([sid in targets for _, sid, _ in chosen], dtype=bool),
        implied=np.asarray(
            [
                path is not None and -c >= config.implied_credit and all(step.direction == "up" for step in path.steps)
                for c, _, path in chosen
            ],
            dtype=bool,
        ),
        paths=tuple(path for _, _, path in chosen),
    )


@dataclass(frozen=True, eq=False)
class Evaluation:
    """Per-candidate results of one requisition (rows in pool order).

    ``values[j]`` and ``status[j]`` belong to ``needs[j]``: the requirement's value in [0, 1] and
    its status code (:data:`MISSING` .. :data:`MET`). ``terms`` maps each active term to its weight share and
    value array; ``scores`` are 0-100 and ``tiers`` index :data:`skillmatch.models.TIERS`.
    """

    needs: tuple[Need, ...]
    values: tuple[npt.NDArray[np.float32], ...]
    status: tuple[npt.NDArray[np.int8], ...]
    terms: dict[str, tuple[float, npt.NDArray[np.float32]]]
    scores: npt.NDArray[np.float64]
    tiers: npt.NDArray[np.int8]


class CandidatePool:
    """Profiles encoded once for ranking against any number of requisitions.

    Build with :meth:`from_profiles`; the pool keeps arrays, not the profiles, so a million
    candidates fit in memory. The graph passed in is kept and used for every requisition.

    Examples
    --------
    >>> from skills_graph import SkillsGraph
    >>> pool = CandidatePool.from_profiles([], graph=SkillsGraph.load())
    >>> len(pool)
    0
    """

    def __init__(self, encoded: EncodedPool, graph: SkillsGraph, *, vectorizer: Any = None, text: Any = None) -> None:
        import numpy as np

        self.encoded = encoded
        self.graph = graph
        self._vectorizer = vectorizer
        self._text = text
        self._recency_cache: dict[tuple[int, int, float], npt.NDArray[np.float32]] = {}
        # Ties are broken by profile id: each row's position in id order.
        order = np.argsort(np.asarray(encoded.profile_ids, dtype=object), kind="stable")
        self._id_rank = np.empty(len(order), dtype=np.int64)
        self._id_rank[order] = np.arange(len(order))

    @classmethod
    def from_profiles(
        cls,
        profiles: Iterable[Profile],
        *,
        graph: SkillsGraph,
        text: bool = True,
        texts: Iterable[str] | None = None,
    ) -> CandidatePool:
        """Encode profiles (any iterable; streamed) into a pool.

        Parameters
        ----------
        profiles : iterable of Profile
            Each ``profile_id`` once.
        graph : SkillsGraph
            The graph whose skill ids the profiles use.
        text : bool
            Build the TF-IDF index for text relevance (default True). Without it the text term
            is left out of every score.
        texts : iterable of str, optional
            The whole text of each profile's document, in the same order, for text relevance
            (names, contact details, numbers and gendered words are removed first; see
            :func:`~skillmatch.ranking.features.ranking_text`). Without it, text relevance reads
            the profile's titles, summary and job descriptions.
        """
        encoded = encode_profiles(profiles, graph, text=text, texts=texts)
        vectorizer = matrix = None
        if text and len(encoded) and any(encoded.texts):
            import numpy as np
            from sklearn.feature_extraction.text import TfidfVectorizer

            vectorizer = TfidfVectorizer(
                token_pattern=r"\S+", lowercase=False, stop_words="english", sublinear_tf=True, dtype=np.float32
            )
            matrix = vectorizer.fit_transform(encoded.texts).tocsr()
        return cls(encoded, graph, vectorizer=vectorizer, text=matrix)

    def __len__(self) -> int:
        return len(self.encoded)

    def __repr__(self) -> str:
        return f"CandidatePool({len(self)} profiles, {len(self.encoded.skill_columns)} skills)"

    @property
    def profile_ids(self) -> tuple[str, ...]:
        return self.encoded.profile_ids

    # -- scoring -------------------------------------------------------------------------------
    def evaluate(self, requisition: Requisition, *, config: RankConfig | None = None) -> Evaluation:
        """Score every candidate of the pool (the vectorised core of :meth:`rank`)."""
        import numpy as np

        if not isinstance(requisition, Requisition):
            raise InvalidArgumentError("requisition", expected="a Requisition (see parse_requisition)", got=requisition)
        config = config or RankConfig()
        pool = self.encoded
        n = len(pool)
        needs = tuple(resolve_need(r, "must_have", pool, self.graph, config) for r in requisition.must_have) + tuple(
            resolve_need(r, "nice_to_have", pool, self.graph, config) for r in requisition.nice_to_have
        )
        values, status = [], []
        for need in needs:
            v, s = self._requirement(need, config)
            values.append(v)
            status.append(s)
        terms: dict[str, tuple[float, npt.NDArray[np.float32]]] = {}
        for kind, weight in (("must_have", config.must_have_weight), ("nice_to_have", config.nice_to_have_weight)):
            idx = [j for j, need in enumerate(needs) if need.kind == kind]
            if idx and weight > 0:
                w = np.asarray([needs[j].requirement.weight for j in idx], dtype=np.float32)
                stacked = np.vstack([values[j] for j in idx]) if n else np.zeros((len(idx), 0), np.float32)
                terms[kind] = (weight, (w @ stacked) / w.sum())
        if config.experience_weight > 0:
            target = requisition.min_total_months or config.full_experience_months
            terms["experience"] = (config.experience_weight, np.minimum(1.0, pool.total_months / max(target, 1)))
        keywords = requisition.title_keywords or title_tokens(requisition.title)
        if config.title_weight > 0 and keywords:
            cols = [pool.title_vocab[k] for k in keywords if k in pool.title_vocab]
            matched = np.asarray(pool.titles[:, cols].sum(axis=1)).ravel() if cols else np.zeros(n)
            terms["title"] = (config.title_weight, (matched / len(keywords)).astype(np.float32))
        if config.education_weight > 0 and requisition.education_level in EDUCATION_LEVELS:
            need_level = EDUCATION_LEVELS.index(requisition.education_level)
            have = pool.education
            edu = np.where(have >= need_level, 1.0, np.where((have == need_level - 1) | (have < 0), 0.5, 0.0))
            terms["education"] = (config.education_weight, edu.astype(np.float32))
        if config.text_weight > 0 and self._text is not None:
            query = query_text(requisition, self.graph)
            if query:
                q = self._vectorizer.transform([query])
                cosine = np.asarray((self._text @ q.T).todense()).ravel()
                # Smooth saturation: never flat, so the order of very similar texts is kept.
                terms["text"] = (config.text_weight, (cosine / (cosine + config.text_saturation)).astype(np.float32))
        total = sum(weight for weight, _ in terms.values())
        scores = np.zeros(n, dtype=np.float64)
        shares: dict[str, tuple[float, npt.NDArray[np.float32]]] = {}
        for name, (weight, term) in terms.items():
            shares[name] = (weight / total, term)
            scores += (weight / total) * term
        scores = np.clip(scores * 100.0, 0.0, 100.0)
        tiers = self._tiers(requisition, config, needs, status, scores)
        return Evaluation(
            needs=needs,
            values=tuple(values),
            status=tuple(status),
            terms=shares,
            scores=scores,
            tiers=tiers,
        )

    def scores(self, requisition: Requisition, *, config: RankConfig | None = None) -> npt.NDArray[np.float64]:
        """Scores 0-100 of every candidate, in pool order (no explanations; the fastest call)."""
        return self.evaluate(requisition, config=config).scores

    def rank(
        self,
        requisition: Requisition,
        *,
        top_k: int | None = None,
        config: RankConfig | None = None,
        explain: bool = True,
    ) -> tuple[RankedCandidate, ...]:
        """The candidates best first (ties by profile id), each with tier and explanation.

        Parameters
        ----------
        requisition : Requisition
        top_k : int, optional
            Return only the best ``top_k`` (explanations are built only for those).
        config : RankConfig, optional
        explain : bool
            Build the per-contribution explanation (default True); without it only the summary
            line is filled in.
        """
        from skillmatch.ranking.explain import explain_rows

        if top_k is not None and (not isinstance(top_k, int) or top_k < 1):
            raise InvalidArgumentError("top_k", expected="a positive int or None", got=top_k)
        config = config or RankConfig()
        evaluation = self.evaluate(requisition, config=config)
        rows = self.top_rows(evaluation.scores, top_k)
        explanations = explain_rows(self, requisition, evaluation, rows, config=config, detail=explain)
        return tuple(
            RankedCandidate(
                profile_id=self.encoded.profile_ids[row],
                rank=i + 1,
                score=round(float(evaluation.scores[row]), 2),
                tier=TIERS[int(evaluation.tiers[row])],  # type: ignore[arg-type]
                explanation=explanations[i],
            )
            for i, row in enumerate(rows)
        )

    def top_rows(self, scores: npt.NDArray[np.float64], top_k: int | None) -> Sequence[int]:
        """Rows of the best ``top_k`` scores, best first, ties by profile id."""
        import numpy as np

        n = len(scores)
        if top_k is not None and top_k < n:
            # Everything scoring at least the k-th best score, so ties at the cut stay exact.
            kth = np.partition(scores, n - top_k)[n - top_k]
            candidates = np.flatnonzero(scores >= kth)
        else:
            candidates = np.arange(n)
        order = np.lexsort((self._id_rank[candidates], -scores[candidates]))
        rows = candidates[order]
        return [int(r) for r in (rows[:top_k] if top_k is not None else rows)]

    # -- internals -----------------------------------------------------------------------------
    def _recency(self, config: RankConfig) -> npt.NDArray[np.float32]:
        """Recency factor of every pool entry under ``config`` (computed once per setting)."""
        import numpy as np

        key = (config.recent_months, config.recency_half_life_months, config.recency_floor)
        cached = self._recency_cache.get(key)
        if cached is None:
            pool = self.encoded
            late = pool.as_of[pool.rows] - pool.last_used - np.float32(config.recent_months)
            late = np.where(np.isnan(late) | (late < 0), np.float32(0.0), late)
            cached = np.maximum(
                np.float32(config.recency_floor), np.exp2(-late / np.float32(config.recency_half_life_months))
            ).astype(np.float32)
            self._recency_cache = {key: cached}  # one setting at a time: a new config replaces it
        return cached

    def _entries(self, need: Need, config: RankConfig) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """Pool entries of every column that counts for ``need`` (column order) and their column position."""
        import numpy as np

        pool = self.encoded
        starts = pool.indptr[need.columns]
        sizes = pool.indptr[need.columns + 1] - starts
        total = int(sizes.sum())
        column_of = np.repeat(np.arange(len(need.columns)), sizes)
        idx = np.arange(total) - np.repeat(np.cumsum(sizes) - sizes, sizes) + np.repeat(starts, sizes)
        if config.graph == "surface":
            keep = pool.named[idx]
            idx, column_of = idx[keep], column_of[keep]
        return idx, column_of

    def _values(
        self,
        need: Need,
        idx: npt.NDArray[np.int64],
        column_of: npt.NDArray[np.int64],
        config: RankConfig,
        months: npt.NDArray[np.float32] | None = None,
    ) -> npt.NDArray[np.float32]:
        """Evidence value of each entry toward ``need``: credit x (presence + depth) x recency."""
        import numpy as np

        if months is None:
            months = self.encoded.months[idx]
        minimum = need.requirement.min_months
        target = np.float32(minimum if minimum else config.full_months)
        share = np.float32(config.presence_share)
        # presence + (1 - presence) * depth, with depth = min(1, months / target) or listed_depth.
        part = np.minimum(months, target)
        part *= (np.float32(1.0) - share) / target
        part += share
        part[np.isnan(months)] = share + (np.float32(1.0) - share) * np.float32(config.listed_depth)
        part *= self._recency(config)[idx]
        part *= need.credits[column_of]
        return part.astype(np.float32, copy=False)

    def _requirement(self, need: Need, config: RankConfig) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.int8]]:
        """Value and status of one requirement for every candidate, in one batch.

        Statuses drive the tiers, which only must-haves gate; nice-to-haves get none.
        """
        import numpy as np

        pool = self.encoded
        n = len(pool)
        best = np.zeros(n, dtype=np.float32)
        status = np.zeros(n if need.kind == "must_have" else 0, dtype=np.int8)
        idx, column_of = self._entries(need, config)
        if not len(idx):
            return best, status
        rows = pool.rows[idx]
        months = pool.months[idx]
        np.maximum.at(best, rows, self._values(need, idx, column_of, config, months))
        if need.kind == "must_have":
            # Plain assignments in increasing order: a row keeps the best code it reaches.
            direct = need.exact[column_of] | need.implied[column_of]
            status[rows[need.credits[column_of] >= config.near_credit]] = RELATED
            status[rows[direct]] = SHORT
            minimum = need.requirement.min_months
            met = direct & (months >= minimum) if minimum else direct  # NaN (undated) compares False
            status[rows[met]] = MET
        return best, status

    def best_entries(self, need: Need, rows: Sequence[int], config: RankConfig) -> list[int]:
        """For each row, the pool entry that gives its best evidence toward ``need`` (-1: none).

        Among equal values the first column wins (highest credit, then skill id): the same
        choice :meth:`evaluate` makes, found for a few rows without scoring the whole pool.
        """
        import numpy as np

        pool = self.encoded
        wanted = np.asarray(rows, dtype=np.int32)
        found_idx: list[int] = []
        found_col: list[int] = []
        found_row: list[int] = []
        for position, column in enumerate(need.columns):
            start, stop = int(pool.indptr[column]), int(pool.indptr[column + 1])
            column_rows = pool.rows[start:stop]
            at = np.searchsorted(column_rows, wanted)
            hit = at < len(column_rows)
            hit[hit] = column_rows[at[hit]] == wanted[hit]
            for i in np.flatnonzero(hit):
                entry = start + int(at[i])
                if config.graph == "surface" and not pool.named[entry]:
                    continue
                found_idx.append(entry)
                found_col.append(position)
                found_row.append(int(wanted[i]))
        best: dict[int, tuple[float, int]] = {}
        if found_idx:
            values = self._values(need, np.asarray(found_idx), np.asarray(found_col), config)
            for row, entry, value in zip(found_row, found_idx, values.tolist(), strict=True):
                if row not in best or value > best[row][0]:
                    best[row] = (value, entry)
        return [best[int(r)][1] if int(r) in best else -1 for r in rows]

    def _tiers(
        self,
        requisition: Requisition,
        config: RankConfig,
        needs: Sequence[Need],
        status: Sequence[npt.NDArray[np.int8]],
        scores: npt.NDArray[np.float64],
    ) -> npt.NDArray[np.int8]:
        import numpy as np

        pool = self.encoded
        must = [s for need, s in zip(needs, status, strict=True) if need.kind == "must_have"]
        if not must:
            strong, good, near = _SCORE_TIERS
            return np.where(scores >= strong, 0, np.where(scores >= good, 1, np.where(scores >= near, 2, 3))).astype(
                np.int8
            )
        worst = np.min(np.vstack(must), axis=0)
        tiers = np.asarray([3, 2, 1, 0], dtype=np.int8)[worst]  # missing->no, related->near, short->good, met->strong
        below = np.zeros(len(pool), dtype=bool)
        if requisition.min_total_months:
            below |= pool.total_months < requisition.min_total_months
        if requisition.education_level in EDUCATION_LEVELS:
            level = EDUCATION_LEVELS.index(requisition.education_level)
            below |= (pool.education >= 0) & (pool.education < level)
        tiers = np.where(below & (tiers == 0), 1, tiers)
        tiers = np.where(scores < config.tier_floor, np.maximum(tiers, 2), tiers)
        return tiers.astype(np.int8)


def requisition_text(requisition: Requisition, graph: SkillsGraph) -> str:
    """The requisition as plain text: title, description and the names of the skills it asks for.

    This is what keyword and text-relevance systems see of a requisition.

    >>> from skills_graph import SkillsGraph
    >>> requisition_text(Requisition(title="Data Engineer", must_have=(SkillRequirement(skill_id="apache-spark"),)),
    ...                  SkillsGraph.load())
    'Data Engineer\\nApache Spark'
    """
    names = [graph.get(r.skill_id).name for r in (*requisition.must_have, *requisition.nice_to_have)]
    return "\n".join(part for part in (requisition.title, requisition.description, ", ".join(names)) if part)


def query_text(requisition: Requisition, graph: SkillsGraph) -> str:
    """:func:`requisition_text` as the words the text relevance index reads.

    >>> from skills_graph import SkillsGraph
    >>> query_text(Requisition(title="Data Engineer", must_have=(SkillRequirement(skill_id="apache-spark"),)),
    ...            SkillsGraph.load())
    'data engineer apache spark'
    """
    return " ".join(query_words(requisition_text(requisition, graph)))
