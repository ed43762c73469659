"""Skill evidence: implied skills, industries, contact lines and summaries at the top."""

from __future__ import annotations

from skillmatch.models import Position
from skillmatch.parsing.skills import skill_evidence
from skills_graph import SkillsGraph

TEXT = (
    "Experience\n"
    "Ward Manager, St Mary's Hospital 2019-2023\n"
    "- Led a team of 14 nurses and mentored newly qualified staff.\n"
    "- Mentoring programme for 20 students.\n"
    "- Five years in healthcare, most recently for a SaaS company.\n"
    "Education\n"
    "BSc Nursing; led a team of 4 students in a research project\n"
    "Skills\n"
    "SaaS, wound care\n"
)


def _evidence(graph: SkillsGraph, text: str = TEXT) -> dict[str, object]:
    exp_start = text.index("Ward")
    edu = text.index("Education")
    skills = text.index("Skills")
    sections = [
        ("experience", (0, edu)),
        ("education", (edu, skills)),
        ("skills", (skills, len(text))),
    ]
    positions = [(Position(start="2019-01", end="2023-12"), (exp_start, edu))]
    return {e.skill_id: e for e in skill_evidence(text, sections, positions, graph=graph)}


def test_implied_skill_is_evidence_with_section_months_and_lower_confidence(graph: SkillsGraph) -> None:
    ev = _evidence(graph)
    lead = ev["leadership"]
    assert lead.sections == ("experience",)  # the education line names no work done
    assert lead.mentions == 1
    assert lead.months == 60 and lead.last_used == "2023-12"
    assert 0 < lead.confidence < 1
    assert lead.surfaces == ("Led a team of 14",)


def test_implied_phrase_over_a_named_skill_adds_nothing(graph: SkillsGraph) -> None:
    ev = _evidence(graph)
    mentoring = ev["mentoring"]
    # "mentored" is implied, "Mentoring" named: two mentions, the named one sets the confidence
    assert mentoring.mentions == 2
    assert mentoring.confidence >= 1.0


def test_industries_count_only_in_a_skills_section(graph: SkillsGraph) -> None:
    ev = _evidence(graph)
    assert "healthcare" not in ev
    assert ev["saas"].sections == ("skills",)
    assert ev["saas"].mentions == 1


def test_summary_sentence_at_the_top_counts_but_contact_lines_do_not(graph: SkillsGraph) -> None:
    text = (
        "Jane Doe\n"
        "Charge nurse delivering wound care and medication administration on a busy surgical ward.\n"
        "GitHub: github.com/jane | +44 7700 900123 | Python\n"
        "Experience\n"
        "Nurse, Acme 2020-2021\n"
    )
    top = text.index("Experience")
    sections = [("header", (0, top)), ("experience", (top, len(text)))]
    ev = {e.skill_id: e for e in skill_evidence(text, sections, [], graph=graph)}
    assert ev["wound-care"].sections == ("header",)
    assert "medication-administration" in ev
    assert "python" not in ev and "github" not in ev
