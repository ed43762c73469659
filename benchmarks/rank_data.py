"""Corpora, partitions and splits for the ranking benchmark (``bench_rank.py``, ``tune_rank.py``).

Corpora (benchmark use only; read from ``../shared``, never copied into the repository):

* ``kaggle``: ``../shared/data/corpora/kaggle-resumes-unique.csv`` (columns ``id``, ``category``,
  ``resume``; 166 resumes, 25 categories). Text from the CSV; profile from
  ``skillmatch.parse_text``.
* ``livecareer``: ``../shared/data/corpora/livecareer-dev/<CATEGORY>/<id>.pdf`` (597 PDFs, 24
  categories). Profiles from ``skillmatch.parse_many(workers=2)``; the raw text the baselines see
  from ``skillmatch.ingest.read_document(bytes).text``. A PDF that fails either is left out (and
  counted).

Loaded corpora are cached in ``benchmarks/.cache/<corpus>-<graph fingerprint[:12]>-<hash of the
parsing and ingest sources[:12]>.jsonl.gz`` (git-ignored), so a change to the parser or the graph
parses again.

Partitions: livecareer is cut, per category, by a stable hash of ``doc_id`` into TUNE (the 30%
with the lowest hashes; only ``tune_rank.py`` reads it) and EVAL (the rest); kaggle is EVAL only.

Splits (per seed, per category of one partition): the documents sorted by ``doc_id``, shuffled
with ``random.Random(f"{seed}:{category}")`` and cut into a training half (``n // 2``; builds the
category's requisition) and a test half (the rest; ranked). The ranked pool is the union of the
test halves, in a seeded shuffled order (ties in any system's scores keep that order).
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import random
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from skillmatch.models import Profile
    from skills_graph import SkillsGraph

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "data" / "corpora"
KAGGLE_CSV = CORPORA / "kaggle-resumes-unique.csv"
LIVECAREER_DIR = CORPORA / "livecareer-dev"
CACHE_DIR = ROOT / "benchmarks" / ".cache"
AS_OF = "2026-11-01"
TUNE_SHARE = 0.3
CORPUS_NAMES = ("kaggle", "livecareer")
# What the profiles depend on besides the graph: a change here parses the corpora again.
PARSER_SOURCES = ("skillmatch/parsing", "skillmatch/ingest", "skills_graph/matching.py", "skills_graph/text.py")


@dataclass(frozen=True)
class Doc:
    """One resume: its id (unique within the corpus), category label, raw text and parsed profile."""

    doc_id: str
    category: str
    text: str
    profile: Profile = field(compare=False, repr=False)


@dataclass(frozen=True)
class Corpus:
    name: str
    docs: tuple[Doc, ...]
    load_seconds: float = 0.0
    from_cache: bool = False
    cache_path: str = ""
    left_out: tuple[dict[str, str], ...] = ()

    def by_id(self) -> dict[str, Doc]:
        return {d.doc_id: d for d in self.docs}


@dataclass(frozen=True)
class Split:
    """One seed's cut of one partition: per category, the training and test doc ids."""

    seed: int
    train: dict[str, tuple[str, ...]]
    test: dict[str, tuple[str, ...]]
    pool: tuple[str, ...]  # the union of the test halves, in a seeded shuffled order


# -- partitions and splits (pure; no corpus files needed) ------------------------------------
def stable_hash(text: str) -> int:
    """A hash of ``text`` that is the same in every process and on every machine."""
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


def partition(docs: Iterable[tuple[str, str]], *, tune_share: float = TUNE_SHARE) -> dict[str, str]:
    """``doc_id -> "tune" | "eval"``: per category, the ``round(tune_share * n)`` lowest hashes are TUNE.

    ``docs`` are ``(doc_id, category)`` pairs.

    >>> p = partition([(f"d{i}", "A") for i in range(10)])
    >>> sorted(p.values()).count("tune")
    3
    """
    by_cat: dict[str, list[str]] = defaultdict(list)
    for doc_id, category in docs:
        by_cat[category].append(doc_id)
    out: dict[str, str] = {}
    for ids in by_cat.values():
        ranked = sorted(ids, key=lambda i: (stable_hash(i), i))
        n_tune = round(tune_share * len(ranked))
        for k, doc_id in enumerate(ranked):
            out[doc_id] = "tune" if k < n_tune else "eval"
    return out


def corpus_partition(corpus_name: str, docs: Sequence[Doc]) -> dict[str, str]:
    """The partition of a corpus: livecareer 30% TUNE / 70% EVAL per category; kaggle all EVAL."""
    if corpus_name == "livecareer":
        return partition((d.doc_id, d.category) for d in docs)
    return {d.doc_id: "eval" for d in docs}


def select(docs: Sequence[Doc], parts: dict[str, str], which: str) -> list[Doc]:
    """The documents of one partition (``"tune"`` or ``"eval"``)."""
    return [d for d in docs if parts[d.doc_id] == which]


def make_split(docs: Iterable[tuple[str, str]], seed: int) -> Split:
    """Cut each category in two with ``seed``: a training half (``n // 2``) and a test half (the rest)."""
    by_cat: dict[str, list[str]] = defaultdict(list)
    for doc_id, category in docs:
        by_cat[category].append(doc_id)
    train: dict[str, tuple[str, ...]] = {}
    test: dict[str, tuple[str, ...]] = {}
    for category in sorted(by_cat):
        ids = sorted(by_cat[category])
        random.Random(f"{seed}:{category}").shuffle(ids)
        half = len(ids) // 2
        train[category] = tuple(ids[:half])
        test[category] = tuple(ids[half:])
    pool = [i for category in sorted(test) for i in test[category]]
    random.Random(f"{seed}:pool").shuffle(pool)
    return Split(seed=seed, train=train, test=test, pool=tuple(pool))


# -- related categories (graded relevance) ----------------------------------------------------
def load_related(path: Path | None = None) -> dict[str, dict[str, frozenset[str]]]:
    """``corpus -> category -> related categories`` from ``rank_categories.yaml`` (made symmetric)."""
    import yaml

    path = path or ROOT / "benchmarks" / "rank_categories.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out: dict[str, dict[str, frozenset[str]]] = {}
    for corpus, mapping in raw.items():
        pairs: dict[str, set[str]] = defaultdict(set)
        for category, related in (mapping or {}).items():
            for other in related or ():
                if other != category:
                    pairs[category].add(other)
                    pairs[other].add(category)
        out[corpus] = {k: frozenset(v) for k, v in pairs.items()}
    return out


def gain(query_category: str, doc_category: str, related: dict[str, frozenset[str]]) -> float:
    """Graded gain: 1 for the same category, 0.5 for a related one, else 0."""
    if query_category == doc_category:
        return 1.0
    return 0.5 if doc_category in related.get(query_category, frozenset()) else 0.0


# -- loading ------------------------------------------------------------------------------------
def parser_source_hash() -> str:
    """SHA-256 over the parser's and ingest layer's source files (path and bytes)."""
    h = hashlib.sha256()
    for entry in PARSER_SOURCES:
        p = ROOT / entry
        files = sorted(p.rglob("*.py")) if p.is_dir() else [p]
        for f in files:
            h.update(str(f.relative_to(ROOT)).encode())
            h.update(f.read_bytes())
    return h.hexdigest()


def cache_path(corpus_name: str, graph: SkillsGraph) -> Path:
    return CACHE_DIR / f"{corpus_name}-{graph.fingerprint[:12]}-{parser_source_hash()[:12]}.jsonl.gz"


def _read_cache(path: Path) -> tuple[list[Doc], list[dict[str, str]]] | None:
    from pydantic import ValidationError

    from skillmatch.models import Profile

    try:
        docs: list[Doc] = []
        left_out: list[dict[str, str]] = []
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if "left_out" in row:
                    left_out.append(row["left_out"])
                    continue
                profile = Profile.model_validate_json(row["profile"])
                docs.append(Doc(row["doc_id"], row["category"], row["text"], profile))
        return docs, left_out
    except (OSError, ValueError, KeyError, ValidationError) as exc:  # stale models or a torn file
        print(f"  cache {path.name} unreadable ({type(exc).__name__}); parsing again", file=sys.stderr)
        return None


def _write_cache(path: Path, docs: Sequence[Doc], left_out: Sequence[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with gzip.open(tmp, "wt", encoding="utf-8") as fh:
        for d in docs:
            row = {"doc_id": d.doc_id, "category": d.category, "text": d.text, "profile": d.profile.model_dump_json()}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        for item in left_out:
            fh.write(json.dumps({"left_out": item}) + "\n")
    tmp.replace(path)


def _load_kaggle(graph: SkillsGraph) -> tuple[list[Doc], list[dict[str, str]]]:
    import skillmatch

    docs: list[Doc] = []
    left_out: list[dict[str, str]] = []
    with KAGGLE_CSV.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            doc_id, category, text = row["id"], row["category"].strip(), row["resume"]
            try:
                profile = skillmatch.parse_text(text, source=f"kaggle:{doc_id}", graph=graph, as_of=AS_OF)
            except skillmatch.SkillmatchError as exc:
                left_out.append({"doc_id": doc_id, "why": f"{exc.code}: {exc}"})
                continue
            docs.append(Doc(doc_id, category, text, profile))
    return docs, left_out


def _load_livecareer(graph: SkillsGraph, workers: int = 2) -> tuple[list[Doc], list[dict[str, str]]]:
    import logging

    import skillmatch
    from skillmatch.ingest import read_document

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    paths = sorted(LIVECAREER_DIR.glob("*/*.pdf"))
    docs: list[Doc] = []
    left_out: list[dict[str, str]] = []
    results = skillmatch.parse_many([str(p) for p in paths], workers=workers, graph=graph, as_of=AS_OF)
    for k, (path, result) in enumerate(zip(paths, results, strict=True)):
        doc_id = f"{path.parent.name}/{path.stem}"
        if isinstance(result, skillmatch.ParseFailure):
            left_out.append({"doc_id": doc_id, "why": f"parse: {result.code}: {result.message}"})
            continue
        try:  # the raw text the baselines see, read here while the workers parse ahead
            text = read_document(path.read_bytes(), source_id=doc_id).text
        except skillmatch.SkillmatchError as exc:
            left_out.append({"doc_id": doc_id, "why": f"read_document: {exc.code}"})
            continue
        docs.append(Doc(doc_id, path.parent.name, text, result))
        if (k + 1) % 100 == 0:
            print(f"  livecareer: {k + 1}/{len(paths)} parsed", file=sys.stderr)
    return docs, left_out


def load_corpus(name: str, graph: SkillsGraph, *, refresh: bool = False, workers: int = 2) -> Corpus:
    """Load a corpus with profiles, from the cache when the graph and parser are unchanged."""
    if name not in CORPUS_NAMES:
        raise ValueError(f"unknown corpus {name!r}; expected one of {CORPUS_NAMES}")
    path = cache_path(name, graph)
    t = time.perf_counter()
    cached = None if refresh or not path.exists() else _read_cache(path)
    if cached is not None:
        docs, left_out = cached
        return Corpus(name, tuple(docs), time.perf_counter() - t, True, str(path.relative_to(ROOT)), tuple(left_out))
    print(f"  parsing the {name} corpus (cached afterwards in {path.relative_to(ROOT)})", file=sys.stderr)
    docs, left_out = _load_kaggle(graph) if name == "kaggle" else _load_livecareer(graph, workers=workers)
    ids = [d.doc_id for d in docs]
    assert len(set(ids)) == len(ids), f"duplicate doc ids in {name}"
    _write_cache(path, docs, left_out)
    return Corpus(name, tuple(docs), time.perf_counter() - t, False, str(path.relative_to(ROOT)), tuple(left_out))


def describe(corpus: Corpus, parts: dict[str, str]) -> dict[str, Any]:
    """Counts for the report: documents per partition and category, what was left out."""
    per_cat: dict[str, dict[str, int]] = defaultdict(lambda: {"tune": 0, "eval": 0})
    for d in corpus.docs:
        per_cat[d.category][parts[d.doc_id]] += 1
    empty_profiles = sum(1 for d in corpus.docs if not d.profile.skills)
    return {
        "documents": len(corpus.docs),
        "categories": len(per_cat),
        "tune": sum(v["tune"] for v in per_cat.values()),
        "eval": sum(v["eval"] for v in per_cat.values()),
        "per_category": {k: dict(v) for k, v in sorted(per_cat.items())},
        "profiles_without_skills": empty_profiles,
        "left_out": list(corpus.left_out),
        "from_cache": corpus.from_cache,
        "cache": corpus.cache_path,
        "load_seconds": round(corpus.load_seconds, 2),
    }
