"""Blind screening: on every golden fixture, no name, e-mail or phone survives redaction, and a
redacted pool ranks in the same order as the original one."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import skillmatch
from skillmatch.models import Profile
from skillmatch.ranking import CandidatePool, parse_requisition
from skillmatch.redaction import MARK, redact_text
from skills_graph import SkillsGraph

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "data" / "fixtures" / "resumes"


@pytest.fixture(scope="module")
def golden(graph: SkillsGraph) -> list[tuple[dict[str, object], Profile]]:
    out = []
    for expected_path in sorted(GOLDEN.glob("*.expected.json")):
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        stem = expected_path.name.removesuffix(".expected.json")
        document = next(p for p in GOLDEN.iterdir() if p.name.startswith(stem + ".") and p != expected_path)
        try:
            profile = skillmatch.parse(document, graph=graph, as_of=str(expected.get("as_of", "2026-11-01")))
        except skillmatch.SkillmatchError:
            continue  # the no-text-layer PDF: nothing to redact
        out.append((expected, profile))
    assert len(out) >= 40
    return out


def _identity(expected: dict[str, object], profile: Profile) -> tuple[set[str], set[str], set[str]]:
    names = {str(expected.get("name") or ""), profile.name or ""}
    parts = {p.strip(",.()").lower() for n in names for p in n.split() if sum(c.isalpha() for c in p) > 2}
    emails = {e.lower() for e in [*expected.get("emails", []), *profile.contact.emails]}  # type: ignore[misc]
    phones = {re.sub(r"\D", "", p)[-7:] for p in [*expected.get("phones", []), *profile.contact.phones]}  # type: ignore[misc]
    return parts, emails, phones


def test_no_name_email_or_phone_survives_in_any_golden_profile(golden: list[tuple[dict[str, object], Profile]]) -> None:
    for expected, profile in golden:
        parts, emails, phones = _identity(expected, profile)
        redacted = profile.redacted()
        dumped = redacted.model_dump_json().lower()
        for part in parts:
            assert not re.search(rf"(?<!\w){re.escape(part)}(?!\w)", dumped), (profile.source, part)
        for email in emails:
            assert email not in dumped, profile.source
        digits = re.sub(r"\D", "", " ".join(t or "" for t in _texts(redacted)))
        for phone in phones:
            assert phone not in digits, profile.source
        assert redacted.skills == profile.skills
        assert [p.months for p in redacted.positions] == [p.months for p in profile.positions]
        assert redacted.total_experience_months == profile.total_experience_months
        assert all(e.end is None and e.start is None for e in redacted.education)
        assert Profile.model_validate_json(redacted.model_dump_json()) == redacted


def _texts(p: Profile) -> list[str | None]:
    return [p.summary, *(x.description for x in p.positions), *(x.title for x in p.positions), *p.certifications]


@pytest.mark.parametrize(
    "spec",
    [
        "examples/requisitions/backend_engineer.txt",
        {"title": "Registered Nurse", "must_have": ["patient care"], "nice_to_have": ["medication administration"]},
        {"title": "Accountant", "must_have": ["accounting"], "nice_to_have": ["Excel", "financial reporting"]},
    ],
    ids=["backend", "nurse", "accountant"],
)
def test_a_redacted_pool_ranks_in_the_same_order(
    graph: SkillsGraph, golden: list[tuple[dict[str, object], Profile]], spec: object
) -> None:
    text = (ROOT / spec).read_text(encoding="utf-8") if isinstance(spec, str) else spec
    requisition = parse_requisition(text, graph=graph)  # type: ignore[arg-type]
    profiles = [p for _, p in golden]
    before = CandidatePool.from_profiles(profiles, graph=graph).rank(requisition)
    after = CandidatePool.from_profiles([p.redacted() for p in profiles], graph=graph).rank(requisition)
    assert [c.profile_id for c in before] == [c.profile_id for c in after]
    assert [c.tier for c in before] == [c.tier for c in after]


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        (
            "Born 12 March 1985 in Lagos. Nigerian national, married with two children.",
            ["1985", "Nigerian", "married"],
            ["Lagos"],
        ),
        ("DOB: 03/04/1990. Nationality: French. Speaks French.", ["1990", "Nationality: French"], ["Speaks French"]),
        ("Mrs Okafor led her team; she was promoted.", ["Mrs", "her ", "she "], ["their team", "they were promoted"]),
        ("Call 07700 900123 or mail k@x.org, see https://x.org/k", ["07700", "k@x.org", "https"], ["Call"]),
        ("Aged 52, a father of three and chairman of the board.", ["52", "father", "chairman"], ["of the board"]),
    ],
)
def test_redact_text_masks_protected_attributes(text: str, gone: list[str], kept: list[str]) -> None:
    out = redact_text(text)
    for g in gone:
        assert g not in out, out
    for k in kept:
        assert k in out, out
    assert MARK in out or "they" in out
