"""Implied skills, industries and job titles in passing, senses of short surfaces, practice words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from skills_graph import SkillsGraph
from skills_graph.build import _Builder, _compile_context, _load_curated, _merge_context, _practice_word
from skills_graph.matching import implied_regex


def ids(graph: SkillsGraph, text: str) -> list[str]:
    return [m.skill_id for m in graph.match_text(text)]


def implied(graph: SkillsGraph, text: str) -> dict[str, str]:
    return {m.skill_id: m.surface for m in graph.matcher.implied(text)}


# -- implied skills --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "skill", "phrase"),
    [
        ("Led a team of 8 nurses on a surgical ward.", "leadership", "Led a team of 8"),
        ("Mentored junior staff and new graduates.", "mentoring", "Mentored"),
        ("Trained new staff on the till and food safety.", "training-and-development", "Trained new staff"),
        ("Managed a budget of $2.4M for the department.", "budgeting", "Managed a budget"),
        ("Negotiated supplier contracts worth $3M a year.", "contract-negotiation", "Negotiated supplier contracts"),
        ("Supervised 12 care assistants across two shifts.", "people-management", "Supervised 12 care assistants"),
        ("Drew blood from 60 patients a shift.", "phlebotomy", "Drew blood"),
        ("Planned and delivered lessons for Year 9.", "lesson-planning", "Planned and delivered lessons"),
        ("Reconciled bank statements every month.", "bank-reconciliation", "Reconciled bank statements"),
        ("Scheduled staff for a 40-seat restaurant.", "scheduling", "Scheduled staff"),
    ],
)
def test_implied_skills_from_phrasing(graph: SkillsGraph, text: str, skill: str, phrase: str) -> None:
    found = implied(graph, text)
    assert found.get(skill) == phrase
    assert all(m.confidence < 1 for m in graph.matcher.implied(text))


@pytest.mark.parametrize(
    "text",
    [
        "Misled nobody: the team page was built in React.",  # "led" inside a word, no team "of N"
        "Joined a team of 8 engineers.",
        "Ran scheduled jobs with cron.",  # batch jobs are not staff scheduling
        "Drafted memos and letterheads.",  # office writing, not legal drafting
    ],
)
def test_no_implied_skill_without_the_phrase(graph: SkillsGraph, text: str) -> None:
    found = implied(graph, text)
    assert not {"leadership", "scheduling", "legal-drafting", "people-management"} & set(found), found


def test_implied_rule_spaces_cross_one_line_break_not_two() -> None:
    regex = re.compile(implied_regex("led a team of (?:\\d+)"), re.I)
    assert regex.search("Led a team\n of 8")
    assert not regex.search("Led a team\n\nof 8")
    assert not re.search(implied_regex("led"), "misled")
    assert re.search(implied_regex("line[- ]managed"), "line managed")  # a space inside a class stays literal


def test_implied_matches_are_ordered_and_unique(graph: SkillsGraph) -> None:
    matches = graph.matcher.implied("Mentored two analysts. Led a team of 5 and mentored interns.")
    assert [m.start for m in matches] == sorted(m.start for m in matches)
    assert len({(m.start, m.skill_id) for m in matches}) == len(matches)


# -- industries and job titles named in passing ----------------------------------------------
@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Five years in banking and insurance before moving into audit.", {"banking", "insurance"}),
        ("Prepared statutory accounts for a group of SaaS companies.", {"saas"}),
        ("Ran email marketing and SEO for an e-commerce fashion brand.", {"e-commerce"}),
        ("Spent six years selling into the banking and insurance sectors.", {"banking", "insurance"}),
        ("Paralegal at a mid-size firm supporting the litigation partners.", {"paralegal-services"}),
        ("HR advisor with absence management experience.", {"human-resources"}),
    ],
)
def test_industries_and_titles_in_passing_are_not_skills(graph: SkillsGraph, text: str, absent: set[str]) -> None:
    assert not absent & set(ids(graph, text))


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Built SaaS billing with Stripe.", "saas"),
        ("Ran email marketing and SEO for an e-commerce fashion brand.", "search-engine-optimization"),
        ("Provided paralegal support to three partners.", "paralegal-services"),
        ("Handled arbitration and mediation for construction clients.", "arbitration"),
        ("Administered payroll for 600 employees.", "payroll"),
    ],
)
def test_skills_next_to_industry_words_survive(graph: SkillsGraph, text: str, skill: str) -> None:
    assert skill in ids(graph, text)


# -- senses of short surfaces ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Diagnosed ABS faults and repaired brakes on vans.", "anti-lock-braking-systems"),
        ("Ran ABS campaigns into the enterprise sales pipeline.", "account-based-selling"),
        ("Moulded housings from ABS plastic on injection moulding machines.", None),
        ("Wrote repair orders in CDK at a Ford dealership.", "cdk-global"),
        ("Deployed Lambda stacks with CDK and TypeScript.", "aws-cdk"),
        ("Taught English to adult learners using CLT.", "english-language-teaching-methods"),
        ("Built mid-rise blocks in CLT panels and glulam timber.", "timber-frame-construction"),
    ],
)
def test_short_surfaces_take_the_sense_of_their_context(graph: SkillsGraph, text: str, expected: str | None) -> None:
    word = next(w for w in ("ABS", "CDK", "CLT") if w in text)
    start = text.index(word)
    at = [m.skill_id for m in graph.match_text(text) if m.start <= start < m.end]
    assert at == ([expected] if expected else [])


# -- build ----------------------------------------------------------------------------------
def test_practice_words_match_in_lower_case() -> None:
    assert [_practice_word(s) for s in ("Payroll", "Logistics", "Databases", "SEO", "Stripe")] == [
        True,
        True,
        False,
        False,
        True,
    ]


def test_merge_context_extends_lists_and_merges_mappings() -> None:
    base = {"role_nouns": ["team"], "surfaces": {"go": {"negative_prev": ["to"]}}, "window": 3}
    _merge_context(base, {"role_nouns": ["team", "advisor"], "surfaces": {"go": {"min_score": 2}}, "window": 4})
    assert base == {
        "role_nouns": ["team", "advisor"],
        "surfaces": {"go": {"negative_prev": ["to"], "min_score": 2}},
        "window": 4,
    }


def _curated(tmp_path: Path, text: str) -> tuple[_Builder, Path]:
    folder = tmp_path / "curated"
    folder.mkdir()
    (folder / "a.yaml").write_text(
        "skills:\n  - {name: Mentoring, type: soft}\n  - {name: Banking, type: domain}\n"
        "extend:\n  - {name: Mentoring, aliases: [mentorship], ambiguous: [mentorship]}\n",
        encoding="utf-8",
    )
    (folder / "b.yaml").write_text(text, encoding="utf-8")
    b = _Builder(lambda w: 0.0)
    assert _load_curated(b, folder) == []
    return b, folder


def test_compile_context_resolves_names_and_reports_problems(tmp_path: Path) -> None:
    b, folder = _curated(
        tmp_path,
        "implied:\n"
        "  - {skill: mentorship, confidence: 0.7, patterns: ['mentored (?:\\w+ )?staff']}\n"
        "  - {skill: Coaching, patterns: [coached]}\n"
        "  - {skill: Mentoring, confidence: 1.0, patterns: [mentor]}\n"
        "context:\n  industries: [Banking, Retail]\n  senses: {ABS: [{skill: Mentoring, cues: [Brakes]}, {skill: null}]}\n",
    )
    assert b.owner("mentorship") == "mentoring"  # `extend:` added the alias
    context, problems = _compile_context(b, {"role_nouns": ["team"]}, folder)
    assert context["implied"] == [
        {"skill_id": "mentoring", "name": "Mentoring", "confidence": 0.7, "patterns": ["mentored (?:\\w+ )?staff"]}
    ]
    assert context["industry_ids"] == ["banking"]
    assert context["senses"]["abs"][0]["cues"] == ["brakes"] and context["senses"]["abs"][1]["skill_id"] is None
    assert sorted(problems) == [
        "b.yaml: implied[1]: unknown skill 'Coaching'",
        "b.yaml: implied[2]: needs patterns and a confidence in (0, 1)",
        "context.industries: unknown skill 'Retail'",
    ]


def test_extend_of_an_unknown_skill_is_a_problem(tmp_path: Path) -> None:
    folder = tmp_path / "curated"
    folder.mkdir()
    (folder / "a.yaml").write_text("extend:\n  - {name: Nothing, aliases: [x]}\n", encoding="utf-8")
    assert _load_curated(_Builder(lambda w: 0.0), folder) == ["a.yaml: extend[0]: unknown skill 'Nothing'"]
