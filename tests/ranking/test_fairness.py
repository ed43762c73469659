"""Fairness: protected attributes never reach a score.

Names, e-mails, phones, links, locations, gendered words and pronouns, graduation years and the
document source are changed on every profile of a pool; every score, tier, rank and explanation
must stay exactly as it was. (Profiles carry no photo: ingest keeps text only, so there is no
photo field to change.)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import skillmatch
from skillmatch.models import ContactInfo, Education, Link, Position, Profile, Requisition, SkillEvidence
from skillmatch.ranking import RANKING_FIELDS, CandidatePool, parse_requisition, profile_text
from skills_graph import SkillsGraph

ROOT = Path(__file__).resolve().parents[2]
SWAPS = {"he": "she", "his": "her", "him": "her", "mr": "ms", "chairman": "chairwoman", "husband": "wife"}


def _swap_gender(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        word = m.group(0)
        new = SWAPS.get(word.lower(), word)
        return new.capitalize() if word[0].isupper() else new

    return re.sub(r"[A-Za-z]+", repl, text)


def disguise(profile: Profile, name: str) -> Profile:
    """The same candidate with every protected attribute changed."""
    old = profile.name or ""

    def text(value: str | None) -> str | None:
        if value is None:
            return None
        for part in sorted(old.split(), key=len, reverse=True):
            value = value.replace(part, name.split(maxsplit=1)[0])
        return _swap_gender(value)

    return profile.model_copy(
        update={
            "name": name,
            "source": f"renamed-{profile.source}",
            "contact": ContactInfo(
                emails=(f"{name.split(maxsplit=1)[0].lower()}@example.org",),
                phones=("+442079460000",),
                links=(Link(kind="linkedin", url=f"https://www.linkedin.com/in/{name.split(maxsplit=1)[0].lower()}"),),
                location="Somewhere Else",
            ),
            "summary": text(profile.summary),
            "positions": tuple(
                p.model_copy(update={"description": text(p.description), "title": text(p.title)})
                for p in profile.positions
            ),
            "education": tuple(
                e.model_copy(
                    update={
                        "start": None if e.start is None else f"{int(e.start[:4]) - 9}{e.start[4:]}",
                        "end": None if e.end is None else f"{int(e.end[:4]) - 9}{e.end[4:]}",
                        "institution": "Another University",
                    }
                )
                for e in profile.education
            ),
            "warnings": (),
        }
    )


@pytest.fixture(scope="module")
def pool_profiles(graph: SkillsGraph) -> list[Profile]:
    parsed = [
        skillmatch.parse(path, graph=graph, as_of="2026-11-01")
        for path in sorted((ROOT / "examples" / "resumes").iterdir())
        if path.suffix in {".txt", ".pdf", ".docx"}
    ]
    written = Profile(
        profile_id="synthetic-1",
        source="cv.txt",
        as_of="2026-11-01",
        name="Margaret Okafor",
        contact=ContactInfo(emails=("maggie@example.com",), phones=("+15555550100",), location="Lagos"),
        summary="Margaret Okafor is a backend engineer. She led her team's move to Kubernetes; Mr Okafor's "
        "husband is not relevant. Born 1985, 40 years old, married.",
        positions=(
            Position(
                title="Senior Backend Engineer",
                description="She built Python services on PostgreSQL and Docker.",
                start="2018-01",
                is_current=True,
                months=94,
            ),
        ),
        education=(
            Education(institution="University of Lagos", level="bachelor", field="Computer Science", end="2007-06"),
        ),
        skills=(
            SkillEvidence(skill_id="python", name="Python", surfaces=("Python",), months=94, last_used="2026-11"),
            SkillEvidence(skill_id="docker", name="Docker", surfaces=("Docker",), months=94, last_used="2026-11"),
        ),
        total_experience_months=94,
    )
    return [*parsed, written]


REQUISITIONS = [
    "examples/requisitions/backend_engineer.txt",
    {
        "title": "Registered Nurse",
        "must_have": ["patient care"],
        "nice_to_have": ["Python"],
        "education_level": "bachelor",
    },
    {"title": "Data Engineer", "must_have": ["Python", "SQL"], "nice_to_have": ["Apache Spark"], "min_total_years": 3},
]


def _requisition(spec: object, graph: SkillsGraph) -> Requisition:
    if isinstance(spec, str):
        return parse_requisition((ROOT / spec).read_text(encoding="utf-8"), graph=graph)
    return parse_requisition(spec, graph=graph)  # type: ignore[arg-type]


@pytest.mark.parametrize("spec", REQUISITIONS, ids=["backend-ad", "nurse", "data"])
def test_changing_protected_attributes_changes_no_score(
    graph: SkillsGraph, pool_profiles: list[Profile], spec: object
) -> None:
    requisition = _requisition(spec, graph)
    names = ["Zhang Wei", "Aisha Bello", "John Smith", "María José García", "Ola Nordmann", "Kim Lee", "Anu Rao"]
    disguised = [disguise(p, names[i % len(names)]) for i, p in enumerate(pool_profiles)]
    for a, b in zip(pool_profiles, disguised, strict=True):
        assert profile_text(a) == profile_text(b)
    before = CandidatePool.from_profiles(pool_profiles, graph=graph).rank(requisition)
    after = CandidatePool.from_profiles(disguised, graph=graph).rank(requisition)
    assert before == after
    assert any(c.score > 0 for c in before)


def test_protected_fields_are_not_in_the_whitelist() -> None:
    for field in ("name", "contact", "source", "education.institution", "education.end", "education.start", "warnings"):
        assert field not in RANKING_FIELDS


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.from_regex(r"[A-Z][a-z]{1,10} [A-Z][a-z]{1,12}", fullmatch=True))
def test_any_name_gives_the_same_scores(graph: SkillsGraph, pool_profiles: list[Profile], name: str) -> None:
    # A name that is also a word of someone's text (a "Go Java") would remove that word too.
    words = {w for p in pool_profiles for w in profile_text(p).split()}
    assume(not {w.lower() for w in name.split()} & words)
    requisition = _requisition(REQUISITIONS[2], graph)
    base = CandidatePool.from_profiles(pool_profiles, graph=graph).scores(requisition)
    renamed = [disguise(p, name) for p in pool_profiles]
    assert (CandidatePool.from_profiles(renamed, graph=graph).scores(requisition) == base).all()


def test_whole_resume_text_is_read_without_protected_attributes(graph: SkillsGraph) -> None:
    """Text relevance over the whole document: names, e-mails, phones, years and gendered words
    changed in the text itself leave every score unchanged."""
    paths = sorted((ROOT / "examples" / "resumes").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    profiles = [
        skillmatch.parse_text(t, source=p.name, graph=graph, as_of="2026-11-01")
        for p, t in zip(paths, texts, strict=True)
    ]
    names = ["Zhang Wei", "Aisha Bello", "Kim Lee", "Anu Rao"]
    changed_texts = []
    for i, (profile, original) in enumerate(zip(profiles, texts, strict=True)):
        new = names[i % len(names)]
        changed = original
        for part in sorted((profile.name or "").split(), key=len, reverse=True):
            changed = re.sub(rf"\b{re.escape(part)}\b", new.split()[0], changed, flags=re.IGNORECASE)
        changed = re.sub(r"[\w.+-]+@[\w-]+\.[\w.]+", "someone@example.net", changed)
        changed = re.sub(r"(?<![A-Za-z])\d", "7", changed)  # phones, graduation and birth years (not "S3")
        changed_texts.append(_swap_gender(changed))
    disguised = [disguise(p, names[i % len(names)]) for i, p in enumerate(profiles)]
    requisition = _requisition(REQUISITIONS[0], graph)
    before = CandidatePool.from_profiles(profiles, graph=graph, texts=texts).rank(requisition)
    after = CandidatePool.from_profiles(disguised, graph=graph, texts=changed_texts).rank(requisition)
    assert before == after
    text_points = [x.points for c in before for x in c.explanation.contributions if x.feature == "text"]
    assert any(p > 0 for p in text_points)
