from __future__ import annotations

import io
from pathlib import Path

import pytest

import skillmatch
from skillmatch.models import ParseFailure, Profile
from skills_graph import SkillsGraph

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "resumes" / "backend_engineer.txt"
AS_OF = "2026-11-22"


@pytest.fixture(scope="module")
def profile(graph: SkillsGraph) -> Profile:
    return skillmatch.parse(EXAMPLE, graph=graph, as_of=AS_OF)


def test_contact_and_name(profile: Profile) -> None:
    assert profile.name == "Priya Raman-Okafor"
    assert profile.contact.emails == ("priya.example@example.com",)
    assert profile.contact.phones == ("+447700900123",)
    assert [link.kind for link in profile.contact.links] == ["github"]


def test_positions_dates_and_total(profile: Profile) -> None:
    assert [(p.title, p.employer, p.start, p.end, p.is_current) for p in profile.positions] == [
        ("Senior Backend Engineer", "Parcelworks Ltd", "2021-03", "2026-11", True),
        ("Software Engineer", "Ledgerline", "2018-06", "2021-02", False),
    ]
    assert profile.total_experience_months == 69 + 33  # 2018-06..2021-02 and 2021-03..2026-11, no overlap
    assert "kubernetes" not in profile.positions[0].skills and "go" in profile.positions[0].skills


def test_education(profile: Profile) -> None:
    assert [(e.degree, e.level, e.field, e.institution, e.end) for e in profile.education] == [
        ("BSc", "bachelor", "Computer Science", "University of Leeds", "2018-12")
    ]


def test_skill_evidence(profile: Profile) -> None:
    ev = {s.skill_id: s for s in profile.skills}
    assert ev["go"].months == 69 and ev["go"].last_used == "2026-11"
    assert ev["django"].months == 33 and ev["django"].last_used == "2021-02"
    assert ev["bash"].months is None and ev["bash"].sections == ("skills",)  # listed only
    assert "experience" in ev["postgresql"].sections and "Postgres" in ev["postgresql"].surfaces
    assert ev["go"].mentions >= 3


def test_sources_give_the_same_profile(graph: SkillsGraph, profile: Profile) -> None:
    data = EXAMPLE.read_bytes()
    from_bytes = skillmatch.parse(data, graph=graph, as_of=AS_OF)
    from_file = skillmatch.parse(io.BytesIO(data), graph=graph, as_of=AS_OF)
    assert from_bytes.model_dump(exclude={"source"}) == profile.model_dump(exclude={"source"})
    assert from_file.positions == profile.positions


def test_round_trip_and_json_resume(profile: Profile) -> None:
    assert Profile.model_validate_json(profile.model_dump_json()) == profile
    resume = profile.to_json_resume()
    assert resume["basics"]["name"] == profile.name
    assert resume["work"][0]["name"] == "Parcelworks Ltd" and "endDate" not in resume["work"][0]


def test_not_a_resume_is_flagged(graph: SkillsGraph) -> None:
    recipe = (
        "Lemon drizzle cake\n\nIngredients\n200 g flour\n2 eggs\n\nMethod\nBeat the eggs, fold in the flour and bake."
    )
    profile = skillmatch.parse_text(recipe, graph=graph, as_of=AS_OF)
    assert profile.is_resume < 0.5
    assert "not_a_resume" in {w.code for w in profile.warnings}


def test_parse_many_keeps_order_and_reports_failures(graph: SkillsGraph) -> None:
    sources = [EXAMPLE, b"\x89PNG\r\n\x1a\n" + b"0" * 20, b"Ana Ruiz\nSkills: Excel, payroll", b""]
    results = list(skillmatch.parse_many(sources, graph=graph, as_of=AS_OF))
    assert [type(r).__name__ for r in results] == ["Profile", "ParseFailure", "Profile", "ParseFailure"]
    failures = [r for r in results if isinstance(r, ParseFailure)]
    assert [f.code for f in failures] == ["unsupported_media_type", "empty_document"]


def test_parse_many_with_two_workers_matches_one(graph: SkillsGraph) -> None:
    sources = [EXAMPLE, b"Ana Ruiz\nSkills: Excel, payroll", b"\x00\x01garbage"]
    one = list(skillmatch.parse_many(sources, graph=graph, as_of=AS_OF))
    two = list(skillmatch.parse_many(sources, workers=2, as_of=AS_OF))
    assert [r.model_dump(exclude={"source"}) for r in one] == [r.model_dump(exclude={"source"}) for r in two]


def test_parse_many_reports_a_document_over_the_time_limit(graph: SkillsGraph) -> None:
    from skillmatch.config import ParseConfig

    # First use imports phonenumbers and compiles patterns; keep that out of the 0.05 s budget.
    skillmatch.parse_text("Ana Ruiz\nana@example.com", graph=graph, as_of=AS_OF)
    long_text = ("Engineer, Acme Ltd 2019 - 2021\n- Python, Go and Kubernetes\n" * 3000).encode()
    results = list(
        skillmatch.parse_many(
            [long_text, b"Ana Ruiz"], graph=graph, config=ParseConfig(timeout_seconds=0.05), as_of=AS_OF
        )
    )
    assert isinstance(results[0], ParseFailure) and results[0].code == "parse_timeout"
    assert isinstance(results[1], Profile)  # the run goes on
