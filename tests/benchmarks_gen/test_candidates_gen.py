"""The candidate-like benchmark generator (benchmarks/candidates_gen.py) and its committed fixtures."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest
from nicknames import NickNamer

from benchmarks.candidates_gen import (
    DUPLICATE_KINDS,
    HARD_NEGATIVE_KINDS,
    KINDS,
    fold_diacritics,
    generate,
    gmail_mailbox,
    main,
    summary,
)

ROOT = Path(__file__).resolve().parents[2]
LINKAGE = ROOT / "data" / "fixtures" / "linkage"
LIST_FIELDS = ("emails", "phones", "links", "employers", "titles", "schools", "skills")
ALL_FIELDS = {"id", "name", "location", "updated", *LIST_FIELDS}
SUFFIXES = {"jr.", "jr", "sr.", "sr", "júnior", "junior", "filho"}
# Ofcom's drama ranges (national significant numbers) and the generator's spill block 07700 9xxxxx.
UK_FICTIONAL = (
    "7700900",
    "1632960",
    "207946",
    "161496",
    "121496",
    "113496",
    "141496",
    "131496",
    "117496",
    "151496",
    "292018",
    "289649",
    "114496",
    "115496",
    "77009",
)

Sample = tuple[list[dict[str, Any]], dict[str, str], dict[str, tuple[str, ...]]]


@pytest.fixture(scope="module")
def sample() -> Sample:
    return generate(2000, seed=11, return_kinds=True)


@pytest.fixture(scope="module")
def by_entity(sample: Sample) -> dict[str, list[dict[str, Any]]]:
    records, truth, _ = sample
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rec in records:
        groups[truth[rec["id"]]].append(rec)
    for recs in groups.values():
        recs.sort(key=lambda r: r["updated"])  # the first record of an entity is its oldest
    return groups


def _base(by_entity: dict[str, list[dict[str, Any]]], truth: dict[str, str], rec: dict[str, Any]) -> dict[str, Any]:
    return by_entity[truth[rec["id"]]][0]


def _digits(phone: str) -> str:
    return re.sub(r"\D", "", re.split(r"(?i)\s*,?\s*(?:ext\.?|x)\s*\d+$", phone)[0])


COUNTRY_CODES = "1 44 61 49 33 353 34 52 54 55 351 39 46 47 45 358 48 380 90 971 20 966 962 91 234 86 82 81 84".split()


def _nsn(phone: str) -> str:
    """The national significant number however the phone is written (country codes are prefix-free)."""
    digits = _digits(phone)
    stripped = phone.lstrip()
    if stripped.startswith(("+", "00")):
        digits = digits.removeprefix("00") if stripped.startswith("00") else digits
        digits = digits[len(next(cc for cc in COUNTRY_CODES if digits.startswith(cc))) :]
        return digits.removeprefix("0") if "(0)" in phone else digits
    if stripped.startswith("1 ("):
        return digits[1:]
    return digits.removeprefix("0")


def _handle(link: str) -> str:
    return link.split("?", maxsplit=1)[0].rstrip("/").rsplit("/", 1)[-1].lower().removeprefix("www.")


def _tokens(name: str | None) -> list[str]:
    return (name or "").replace(",", " ").split()


def _tagged(sample: Sample, kind: str) -> list[dict[str, Any]]:
    records, _, kinds = sample
    return [r for r in records if kind in kinds[r["id"]]]


# ---- the contract ---------------------------------------------------------------------------------------------


def test_deterministic_for_a_seed() -> None:
    assert generate(400, seed=3, return_kinds=True) == generate(400, seed=3, return_kinds=True)
    assert generate(400, seed=3)[0] != generate(400, seed=4)[0]
    records, truth = generate(0)
    assert records == [] and truth == {}


def test_ids_unique_and_truth_covers_every_record(sample: Sample) -> None:
    records, truth, kinds = sample
    ids = [r["id"] for r in records]
    assert len(records) == 2000
    assert len(set(ids)) == len(ids)
    assert set(truth) == set(ids) == set(kinds)
    assert all(re.fullmatch(r"E\d{6}", e) for e in truth.values())


def test_field_types(sample: Sample) -> None:
    records, _, kinds = sample
    for rec in records:
        assert set(rec) <= ALL_FIELDS, rec
        assert isinstance(rec["id"], str)
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", rec["updated"])
        assert rec.get("name") is None or (isinstance(rec["name"], str) and rec["name"].strip() == rec["name"] != "")
        assert "location" not in rec or isinstance(rec["location"], str)
        for field in LIST_FIELDS:
            if field in rec:
                assert isinstance(rec[field], list) and all(isinstance(v, str) and v for v in rec[field]), rec
        assert rec.get("name") or rec.get("emails") or rec.get("phones") or rec.get("links"), rec
    assert set().union(*kinds.values()) == set(KINDS)
    # ATS-like: the name is sometimes missing, and every field is sometimes absent
    assert sum(1 for r in records if r.get("name") is None) >= 5
    for field in ALL_FIELDS - {"id", "updated"}:
        assert sum(1 for r in records if field not in r) >= 10, field


def test_duplicate_rate(sample: Sample) -> None:
    records, truth, _ = sample
    sizes = Counter(truth[r["id"]] for r in records)
    share = sum(1 for c in sizes.values() if c > 1) / len(sizes)
    assert 0.30 <= share <= 0.40
    assert max(sizes.values()) <= 5
    stats = summary(records, truth)
    assert stats["records"] == 2000 and stats["entities"] == len(sizes)
    assert stats["true_duplicate_pairs"] == sum(c * (c - 1) // 2 for c in sizes.values())


def test_every_kind_occurs(sample: Sample) -> None:
    records, truth, kinds = sample
    counts = summary(records, truth, kinds)["records_per_kind"]
    assert set(counts) == set(KINDS)
    for kind in DUPLICATE_KINDS:
        assert counts[kind] >= 3, kind
    for kind in HARD_NEGATIVE_KINDS:
        assert counts[kind] >= 10, kind
    # duplicate kinds only on records after their entity's first
    firsts = {
        min((r for r in records if truth[r["id"]] == e), key=lambda r: r["updated"])["id"] for e in truth.values()
    }
    for rid in firsts:
        assert set(kinds[rid]) <= {"partial", *HARD_NEGATIVE_KINDS}, kinds[rid]


# ---- the kinds say what the records show -------------------------------------------------------------------------


def test_contact_kinds_are_what_they_say(sample: Sample, by_entity: dict[str, list[dict[str, Any]]]) -> None:
    _, truth, _ = sample
    for rec in _tagged(sample, "gmail_variant"):
        base = _base(by_entity, truth, rec)
        written = {gmail_mailbox(e): e for e in base["emails"]}
        assert any(gmail_mailbox(e) in written and written[gmail_mailbox(e)] != e for e in rec["emails"]), rec
        assert any(e.lower().endswith("@gmail.com") for e in rec["emails"])
    for rec in _tagged(sample, "work_email"):
        base_boxes = {gmail_mailbox(e) for e in _base(by_entity, truth, rec)["emails"]}
        assert any(e.endswith(".example.com") and gmail_mailbox(e) not in base_boxes for e in rec["emails"]), rec
    for rec in _tagged(sample, "new_email"):
        base_boxes = {gmail_mailbox(e) for e in _base(by_entity, truth, rec)["emails"]}
        assert any(not e.endswith(".example.com") and gmail_mailbox(e) not in base_boxes for e in rec["emails"])
    for rec in _tagged(sample, "phone_format"):
        base = {_nsn(p): p for p in _base(by_entity, truth, rec)["phones"]}
        assert any(_nsn(p) in base and base[_nsn(p)] != p for p in rec["phones"]), (rec, base)
    for rec in _tagged(sample, "new_phone"):
        base = {_nsn(p) for p in _base(by_entity, truth, rec)["phones"]}
        assert any(_nsn(p) not in base for p in rec["phones"]), rec
    for rec in _tagged(sample, "link_format"):
        base = _base(by_entity, truth, rec)["links"]
        assert any(link not in base and _handle(link) in {_handle(b) for b in base} for link in rec["links"]), rec


def test_other_field_kinds_are_what_they_say(sample: Sample, by_entity: dict[str, list[dict[str, Any]]]) -> None:
    _, truth, kinds = sample
    for kind in ("moved_city", "location_format"):
        for rec in _tagged(sample, kind):
            assert rec["location"] != _base(by_entity, truth, rec)["location"], rec
    for rec in _tagged(sample, "new_job"):
        base = _base(by_entity, truth, rec)
        assert any(rec.get(f) and base.get(f) and rec[f] != base[f] for f in ("employers", "titles")), rec
    for rec in _tagged(sample, "employer_format"):
        base = _base(by_entity, truth, rec)["employers"]
        changed = [e for e in rec["employers"] if e not in base]
        assert any(e.lower().split()[0] in {b.lower().split()[0] for b in base} for e in changed), rec
    for rec in _tagged(sample, "school_format"):
        assert any(s not in _base(by_entity, truth, rec)["schools"] for s in rec["schools"]), rec
    for rec in _tagged(sample, "partial"):
        assert sum(1 for f in ALL_FIELDS - {"id", "updated"} if rec.get(f)) <= 5, rec
    # every record of an entity with several is tagged with what distinguishes it from the first, or is a copy
    for recs in by_entity.values():
        for rec in recs[1:]:
            if not (set(kinds[rec["id"]]) & set(DUPLICATE_KINDS)):
                assert rec.get("name") == recs[0].get("name") or not rec.get("name") or not recs[0].get("name")


def test_name_kinds_are_what_they_say(sample: Sample, by_entity: dict[str, list[dict[str, Any]]]) -> None:
    _, truth, _ = sample
    namer = NickNamer()
    name_kinds = (
        "nickname",
        "typo",
        "middle_name",
        "swapped_order",
        "diacritics_dropped",
        "transliteration",
        "second_surname",
        "married_name",
        "suffix",
    )
    for kind in name_kinds:
        for rec in _tagged(sample, kind):
            assert rec["name"] != _base(by_entity, truth, rec)["name"], (kind, rec)
    confirmed = 0
    for rec in _tagged(sample, "nickname"):
        base = _tokens(_base(by_entity, truth, rec)["name"])
        if any(
            a.lower() in namer.nicknames_of(b) or b.lower() in namer.nicknames_of(a)
            for a in _tokens(rec["name"])
            for b in base
        ):
            confirmed += 1
    assert confirmed >= 3  # English pairs come from the nicknames package (others from a curated list)
    for rec in _tagged(sample, "diacritics_dropped"):
        base = _base(by_entity, truth, rec)["name"]
        assert not (rec["name"].isascii() and base.isascii()), rec
    for rec in _tagged(sample, "suffix"):
        shown = [
            bool(SUFFIXES & {t.lower() for t in _tokens(r)})
            for r in (rec["name"], _base(by_entity, truth, rec)["name"])
        ]
        assert shown[0] != shown[1], rec
    for rec in _tagged(sample, "swapped_order"):
        base = _base(by_entity, truth, rec)["name"]
        assert "," in rec["name"] or "," in base or _tokens(rec["name"])[0] != _tokens(base)[0], rec


# ---- hard negatives ----------------------------------------------------------------------------------------------


def _entities_with(sample: Sample, kind: str) -> dict[str, list[dict[str, Any]]]:
    records, truth, kinds = sample
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rec in records:
        if kind in kinds[rec["id"]]:
            out[truth[rec["id"]]].append(rec)
    return out


def test_hard_negatives_present(sample: Sample) -> None:
    records, truth, _ = sample
    # many distinct people share the commonest names
    people: dict[str, set[str]] = defaultdict(set)
    named: list[tuple[set[str], str]] = []
    for rec in records:
        if rec.get("name"):
            people[" ".join(fold_diacritics(rec["name"]).lower().split())].add(truth[rec["id"]])
            named.append(({t.lower() for t in _tokens(fold_diacritics(rec["name"]))}, truth[rec["id"]]))
    for givens, family in (
        ({"john"}, "smith"),
        ({"wei"}, "zhang"),
        ({"maria"}, "garcia"),
        ({"mohammed", "muhammad", "mohamed", "mohammad", "mohamad", "muhammed"}, "ali"),
    ):
        entities = {e for tokens, e in named if family in tokens and tokens & givens}
        assert len(entities) >= 2, (givens, family)
    assert any(len(ents) >= 3 for ents in people.values())
    assert summary(records, truth)["same_name_non_duplicate_pairs"] >= 30

    def pairs(kind: str) -> list[tuple[list[dict[str, Any]], list[dict[str, Any]]]]:
        ents = list(_entities_with(sample, kind).values())
        return [(a, b) for i, a in enumerate(ents) for b in ents[i + 1 :]]

    # spouses: another entity, the same landline and location, the same surname, different given names
    spouses = 0
    for a, b in pairs("spouse"):
        phones_a = {_nsn(p) for r in a for p in r.get("phones", [])}
        if phones_a & {_nsn(p) for r in b for p in r.get("phones", [])}:
            cities_a = {r["location"].split(",")[0] for r in a if r.get("location")}
            cities_b = {r["location"].split(",")[0] for r in b if r.get("location")}
            assert not (cities_a and cities_b) or cities_a & cities_b, (a, b)
            spouses += 1
    assert spouses >= 5
    # father and son: the same name with Jr. / Sr., the same city, different e-mail addresses
    sons = 0
    for a, b in pairs("jr_sr"):
        names_a = {" ".join(t for t in _tokens(r.get("name")) if t.lower() not in SUFFIXES) for r in a}
        names_b = {" ".join(t for t in _tokens(r.get("name")) if t.lower() not in SUFFIXES) for r in b}
        if names_a & names_b - {""}:
            assert not {gmail_mailbox(e) for r in a for e in r.get("emails", [])} & {
                gmail_mailbox(e) for r in b for e in r.get("emails", [])
            }
            sons += 1
    assert sons >= 3
    assert any(t.lower() in {"jr.", "jr"} for r in _tagged(sample, "jr_sr") for t in _tokens(r.get("name")))
    # twins: the same surname and school, different given names
    twins = 0
    for a, b in pairs("twin"):
        schools = {s for r in a for s in r.get("schools", [])} & {s for r in b for s in r.get("schools", [])}
        given = {_tokens(r.get("name"))[0] for r in a if r.get("name")} & {
            _tokens(r.get("name"))[0] for r in b if r.get("name")
        }
        if schools and not given:
            twins += 1
    assert twins >= 3


# ---- fictional contact data ---------------------------------------------------------------------------------------


def _fictional_domain(domain: str) -> bool:
    domain = domain.lower()
    return domain in {"gmail.com", "example.com", "example.org", "example.net", "mail.example"} or domain.endswith(
        (".example.com", ".example.org", ".example.net", ".example")
    )


def test_only_fictional_email_domains_and_phone_ranges(sample: Sample) -> None:
    records, _, _ = sample
    nanp = uk = 0
    for rec in records:
        for email in rec.get("emails", []):
            local, _, domain = email.rpartition("@")
            assert local and _fictional_domain(domain), email
        for phone in rec.get("phones", []):
            digits = _digits(phone)
            if re.match(r"^(\+1[ (-]|\+1\d{10}\b|1 \(|\(\d{3}\) \d{3}-\d{4})", phone):
                assert digits[-7:-4] == "555", phone  # NANP 555 exchange (555-0100..0199 first)
                nanp += 1
            if phone.startswith(("+44", "0044", "07700", "020 7946")):
                nsn = digits.removeprefix("0044").removeprefix("44").removeprefix("0")
                assert nsn.startswith(UK_FICTIONAL), phone
                uk += 1
    assert nanp > 100 and uk > 10


# ---- CLI and committed fixtures ------------------------------------------------------------------------------------


def test_cli_writes_records_and_truth(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--n", "150", "--seed", "2", "--out", str(tmp_path)]) == 0
    lines = (tmp_path / "records.jsonl").read_text(encoding="utf-8").splitlines()
    with (tmp_path / "truth.csv").open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    records, truth = generate(150, seed=2)
    assert [json.loads(line) for line in lines] == records
    assert rows[0] == ["record_id", "entity_id"] and dict(rows[1:]) == truth
    assert json.loads(capsys.readouterr().out)["records"] == 150


def test_candidates_300_fixture_is_the_generator_output() -> None:
    records, truth, kinds = generate(300, seed=5, return_kinds=True)
    lines = (LINKAGE / "candidates_300.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == records, "regenerate: see data/fixtures/linkage/README.md"
    with (LINKAGE / "candidates_300_truth.csv").open(encoding="utf-8") as fh:
        assert dict(list(csv.reader(fh))[1:]) == truth
    with (LINKAGE / "candidates_300_kinds.csv").open(encoding="utf-8") as fh:
        assert {rid: tuple(k.split(";")) if k else () for rid, k in list(csv.reader(fh))[1:]} == kinds


def test_hard_cases_fixture() -> None:
    records = [json.loads(line) for line in (LINKAGE / "hard_cases.jsonl").read_text(encoding="utf-8").splitlines()]
    with (LINKAGE / "hard_cases_truth.csv").open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["record_id", "entity_id"]
    truth = dict(rows[1:])
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)) >= 30 and set(truth) == set(ids)
    readme = (LINKAGE / "README.md").read_text(encoding="utf-8")
    for rec in records:
        assert set(rec) <= ALL_FIELDS and "note" not in rec
        assert f"| `{rec['id']}` |" in readme, f"{rec['id']} has no note in the README table"
        for email in rec.get("emails", []):
            assert _fictional_domain(email.rpartition("@")[2]), email
    # it covers every duplicate kind and every hard negative the README names
    for kind in KINDS:
        assert f"`{kind}`" in readme, kind
