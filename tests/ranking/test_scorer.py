"""Ranking: the graded synthetic suite, tiers, explanations, determinism and monotonicity."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillmatch.config import RankConfig
from skillmatch.errors import InvalidArgumentError, UnknownSkillError
from skillmatch.models import (
    Education,
    Position,
    Profile,
    RankedCandidate,
    Requisition,
    SkillEvidence,
    SkillRequirement,
)
from skillmatch.ranking import CandidatePool
from skills_graph import SkillsGraph

# A skills-first weighting (the defaults, tuned on a benchmark, give title and text most weight):
# the graded suite checks the skills terms, so it gives them the weight.
NO_TEXT = RankConfig(
    must_have_weight=0.5,
    nice_to_have_weight=0.15,
    experience_weight=0.05,
    title_weight=0.1,
    education_weight=0.05,
    text_weight=0.0,
    max_hops=2,
)
ALL_TERMS = NO_TEXT.model_copy(update={"text_weight": 0.15})


def skill(sid: str, months: int | None = 36, last: str | None = "2025-12", surface: str | None = None) -> SkillEvidence:
    return SkillEvidence(
        skill_id=sid, name=sid, surfaces=(surface,) if surface else (), months=months, last_used=last, mentions=1
    )


def person(pid: str, *skills: SkillEvidence, **fields: object) -> Profile:
    return Profile(profile_id=pid, source=pid, as_of="2026-01-01", skills=skills, **fields)  # type: ignore[arg-type]


def req(*must: str | SkillRequirement, nice: Sequence[str] = (), **fields: object) -> Requisition:
    def as_req(r: str | SkillRequirement) -> SkillRequirement:
        return r if isinstance(r, SkillRequirement) else SkillRequirement(skill_id=r)

    return Requisition(
        must_have=tuple(as_req(r) for r in must),
        nice_to_have=tuple(as_req(r) for r in nice),
        **fields,  # type: ignore[arg-type]
    )


def ranked(
    graph: SkillsGraph, requisition: Requisition, profiles: Sequence[Profile], config: RankConfig = NO_TEXT
) -> dict[str, RankedCandidate]:
    pool = CandidatePool.from_profiles(profiles, graph=graph)
    return {c.profile_id: c for c in pool.rank(requisition, config=config)}


def must_contribution(c: RankedCandidate, skill_id: str) -> object:
    return next(x for x in c.explanation.contributions if x.feature == "must_have" and x.requirement == skill_id)


# -- the graded suite ------------------------------------------------------------------------------
def test_exact_beats_related_beats_unrelated(graph: SkillsGraph) -> None:
    out = ranked(
        graph,
        req("kubernetes"),
        [
            person("exact", skill("kubernetes")),
            person("rel", skill("docker")),
            person("none", skill("microsoft-excel")),
        ],
    )
    assert out["exact"].score > out["rel"].score > out["none"].score
    assert out["none"].score == 0
    assert [out[p].tier for p in ("exact", "rel", "none")] == ["strong", "near", "no"]


def test_alias_counts_as_exact(graph: SkillsGraph) -> None:
    out = ranked(
        graph,
        req("kubernetes"),
        [
            person("name", skill("kubernetes", surface="Kubernetes")),
            person("alias", skill("kubernetes", surface="k8s")),
        ],
    )
    assert out["name"].score == out["alias"].score
    assert must_contribution(out["name"], "kubernetes").matched_by == "exact"  # type: ignore[attr-defined]
    assert must_contribution(out["alias"], "kubernetes").matched_by == "alias"  # type: ignore[attr-defined]


def test_docker_partly_matches_kubernetes_with_a_readable_path(graph: SkillsGraph) -> None:
    out = ranked(graph, req("kubernetes"), [person("k", skill("kubernetes")), person("d", skill("docker", 48))])
    assert 0 < out["d"].score < out["k"].score
    c = must_contribution(out["d"], "kubernetes")
    assert c.matched_by == "related" and c.matched_skill == "docker"  # type: ignore[attr-defined]
    assert 0 < c.credit < 1  # type: ignore[attr-defined]
    assert c.evidence.startswith("Kubernetes: no direct evidence; Docker 48 months")  # type: ignore[attr-defined]
    assert "docker -[related" in c.path  # type: ignore[attr-defined]


def test_react_implies_javascript(graph: SkillsGraph) -> None:
    out = ranked(
        graph,
        req("javascript"),
        [person("js", skill("javascript")), person("react", skill("react")), person("docker", skill("docker"))],
    )
    c = must_contribution(out["react"], "javascript")
    assert c.matched_by == "implied"  # type: ignore[attr-defined]
    assert out["react"].tier == "strong"
    assert out["js"].score >= out["react"].score > out["docker"].score


def test_broader_skill_counts_less_than_the_narrower_one_asked_for(graph: SkillsGraph) -> None:
    out = ranked(graph, req("react"), [person("react", skill("react")), person("js", skill("javascript"))])
    assert out["react"].score > out["js"].score > 0
    assert out["js"].tier in {"near", "no"}


def test_months_and_minimum(graph: SkillsGraph) -> None:
    r = req(SkillRequirement(skill_id="python", min_months=48))
    out = ranked(
        graph,
        r,
        [
            person("long", skill("python", 60)),
            person("enough", skill("python", 48)),
            person("short", skill("python", 12)),
            person("listed", skill("python", None, None)),
        ],
    )
    assert out["long"].score == out["enough"].score > out["short"].score
    assert out["enough"].tier == "strong"
    assert out["short"].tier == "good" and out["listed"].tier == "good"
    assert must_contribution(out["short"], "python").status == "short"  # type: ignore[attr-defined]


def test_recency_decays_old_use(graph: SkillsGraph) -> None:
    out = ranked(
        graph,
        req("python"),
        [person("now", skill("python", 36, "2025-12")), person("old", skill("python", 36, "2012-01"))],
    )
    assert out["now"].score > out["old"].score > 0


def test_nice_to_haves_add(graph: SkillsGraph) -> None:
    out = ranked(
        graph,
        req("python", nice=("postgresql",)),
        [person("both", skill("python"), skill("postgresql")), person("must", skill("python"))],
    )
    assert out["both"].score > out["must"].score
    assert out["both"].tier == out["must"].tier == "strong"


def test_tiers_follow_the_must_haves(graph: SkillsGraph) -> None:
    r = req("kubernetes", SkillRequirement(skill_id="python", min_months=36))
    out = ranked(
        graph,
        r,
        [
            person("strong", skill("kubernetes"), skill("python", 40)),
            person("good", skill("kubernetes"), skill("python", 6)),
            person("near", skill("docker"), skill("python", 40)),
            person("no", skill("python", 40)),
        ],
    )
    assert {p: c.tier for p, c in out.items()} == {"strong": "strong", "good": "good", "near": "near", "no": "no"}
    assert "related only: Kubernetes via Docker" in out["near"].explanation.summary


def test_experience_and_education_lower_strong_to_good(graph: SkillsGraph) -> None:
    r = req("python", min_total_months=60, education_level="bachelor")
    out = ranked(
        graph,
        r,
        [
            person("ok", skill("python"), total_experience_months=72, education=(Education(level="master"),)),
            person("junior", skill("python"), total_experience_months=12, education=(Education(level="master"),)),
            person("school", skill("python"), total_experience_months=72, education=(Education(level="secondary"),)),
            person("unknown", skill("python"), total_experience_months=72),
        ],
    )
    assert out["ok"].tier == "strong" and out["unknown"].tier == "strong"
    assert out["junior"].tier == "good" and out["school"].tier == "good"
    assert out["ok"].score > out["junior"].score and out["ok"].score > out["school"].score


def test_alternatives_meet_the_requirement(graph: SkillsGraph) -> None:
    r = req(SkillRequirement(skill_id="go", name="Go or Java", alternatives=("java",)))
    out = ranked(graph, r, [person("java", skill("java")), person("go", skill("go")), person("c", skill("c"))])
    assert out["java"].tier == out["go"].tier == "strong"
    assert out["java"].score == out["go"].score
    assert out["c"].tier != "strong"


def test_title_similarity_counts(graph: SkillsGraph) -> None:
    r = req("python", title="Backend Engineer")
    out = ranked(
        graph,
        r,
        [
            person("be", skill("python"), positions=(Position(title="Senior Backend Engineer"),)),
            person("nurse", skill("python"), positions=(Position(title="Nurse"),)),
        ],
    )
    assert out["be"].score > out["nurse"].score


@pytest.mark.parametrize(
    ("mode", "alias", "docker", "react_for_js"),
    [
        ("surface", False, False, False),
        ("aliases", True, False, False),
        ("broader", True, False, True),
        ("full", True, True, True),
    ],
)
def test_graph_modes_are_an_ablation_ladder(
    graph: SkillsGraph, mode: str, alias: bool, docker: bool, react_for_js: bool
) -> None:
    config = NO_TEXT.model_copy(update={"graph": mode})
    people = [person("alias", skill("kubernetes", surface="k8s")), person("docker", skill("docker"))]
    out = ranked(graph, req("kubernetes"), people, config)
    assert (out["alias"].score > 0) is alias
    assert (out["docker"].score > 0) is docker
    js = ranked(graph, req("javascript"), [person("react", skill("react"))], config)
    assert (js["react"].score > 0) is react_for_js


# -- explanations ---------------------------------------------------------------------------------
def test_contributions_add_up_to_the_score(graph: SkillsGraph) -> None:
    r = req("python", "kubernetes", nice=("postgresql", "terraform"), title="Platform Engineer", min_total_months=48)
    people = [
        person("a", skill("python", 60), skill("docker"), skill("postgresql", None, None), total_experience_months=70),
        person("b", skill("kubernetes"), skill("terraform"), positions=(Position(title="Platform Engineer"),)),
        person("c", summary="Platform engineer who runs Kubernetes clusters"),
    ]
    pool = CandidatePool.from_profiles(people, graph=graph)
    for c in pool.rank(r, config=ALL_TERMS):
        total = sum(x.points for x in c.explanation.contributions)
        assert total == pytest.approx(c.score, abs=0.02)
        assert sum(x.weight for x in c.explanation.contributions) == pytest.approx(1.0, abs=1e-3)
        features = {x.feature for x in c.explanation.contributions}
        assert features == {"must_have", "nice_to_have", "experience", "title", "text"}
        assert c.explanation.summary.startswith(f"{c.score:.1f} {c.tier}")


def test_ranked_candidates_round_trip_as_json(graph: SkillsGraph) -> None:
    out = ranked(graph, req("kubernetes"), [person("d", skill("docker"))])
    c = out["d"]
    assert RankedCandidate.model_validate_json(c.model_dump_json()) == c


# -- pool behaviour -------------------------------------------------------------------------------
def test_scores_match_rank_and_top_k_is_a_prefix(graph: SkillsGraph) -> None:
    ids = ["python", "docker", "kubernetes", "react", "java", "postgresql"]
    people = [person(f"p{i:02d}", *(skill(s) for s in ids[i % 3 : i % 3 + 1 + i % 4])) for i in range(30)]
    pool = CandidatePool.from_profiles(people, graph=graph)
    r = req("kubernetes", nice=("python", "postgresql"))
    full = pool.rank(r, config=NO_TEXT)
    assert [c.rank for c in full] == list(range(1, 31))
    scores = pool.scores(r, config=NO_TEXT)
    assert {c.profile_id: c.score for c in full} == {
        p.profile_id: round(float(s), 2) for p, s in zip(people, scores, strict=True)
    }
    for k in (1, 5, 12):
        assert [c.profile_id for c in pool.rank(r, top_k=k, config=NO_TEXT)] == [c.profile_id for c in full[:k]]
    # ties are broken by profile id
    for a, b in itertools.pairwise(full):
        assert (a.score, b.profile_id) >= (b.score, a.profile_id)


def test_bad_input_gets_clear_errors(graph: SkillsGraph) -> None:
    with pytest.raises(InvalidArgumentError):
        CandidatePool.from_profiles([person("a"), person("a")], graph=graph)
    with pytest.raises(InvalidArgumentError):
        CandidatePool.from_profiles([{"profile_id": "a"}], graph=graph)  # type: ignore[list-item]
    pool = CandidatePool.from_profiles([person("a", skill("python"))], graph=graph)
    with pytest.raises(UnknownSkillError):
        pool.rank(req("no-such-skill-xyz"))
    with pytest.raises(InvalidArgumentError):
        pool.rank(req("python"), top_k=0)
    with pytest.raises(InvalidArgumentError):
        pool.rank("python")  # type: ignore[arg-type]


def test_empty_pool_and_empty_requisition(graph: SkillsGraph) -> None:
    assert CandidatePool.from_profiles([], graph=graph).rank(req("python")) == ()
    out = ranked(graph, Requisition(title="Anything"), [person("a", skill("python"))])
    assert out["a"].tier in {"strong", "good", "near", "no"}
    assert 0 <= out["a"].score <= 100


# -- properties ------------------------------------------------------------------------------------
SKILLS = ("python", "docker", "kubernetes", "react", "javascript", "java", "postgresql", "terraform", "go", "aws")


@st.composite
def profiles(draw: st.DrawFn) -> list[Profile]:
    n = draw(st.integers(1, 8))
    out = []
    for i in range(n):
        chosen = draw(st.lists(st.sampled_from(SKILLS), unique=True, max_size=5))
        out.append(
            person(
                f"p{i}",
                *(
                    skill(
                        s,
                        draw(st.one_of(st.none(), st.integers(0, 120))),
                        draw(st.sampled_from([None, "2015-06", "2025-10"])),
                    )
                    for s in chosen
                ),
                total_experience_months=draw(st.integers(0, 200)),
                positions=(Position(title=draw(st.sampled_from(["Engineer", "Backend Developer", "Chef"]))),),
            )
        )
    return out


@st.composite
def requisitions(draw: st.DrawFn) -> Requisition:
    must = draw(st.lists(st.sampled_from(SKILLS), unique=True, min_size=1, max_size=3))
    nice = draw(st.lists(st.sampled_from([s for s in SKILLS if s not in must]), unique=True, max_size=3))
    months = draw(st.sampled_from([None, 24, 60]))
    return req(*(SkillRequirement(skill_id=s, min_months=months) for s in must), nice=nice, title="Backend Engineer")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=profiles(), requisition=requisitions(), data=st.data())
def test_rank_does_not_depend_on_input_order(
    graph: SkillsGraph, people: list[Profile], requisition: Requisition, data: st.DataObject
) -> None:
    shuffled = data.draw(st.permutations(people))
    a = CandidatePool.from_profiles(people, graph=graph).rank(requisition, config=NO_TEXT)
    b = CandidatePool.from_profiles(shuffled, graph=graph).rank(requisition, config=NO_TEXT)
    assert a == b


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=profiles(), requisition=requisitions(), data=st.data())
def test_adding_a_relevant_skill_never_lowers_a_score(
    graph: SkillsGraph, people: list[Profile], requisition: Requisition, data: st.DataObject
) -> None:
    target = data.draw(st.sampled_from(people))
    wanted = [r.skill_id for r in (*requisition.must_have, *requisition.nice_to_have)]
    have = {s.skill_id for s in target.skills}
    missing = [s for s in wanted if s not in have]
    if not missing:
        return
    added = skill(data.draw(st.sampled_from(missing)), data.draw(st.one_of(st.none(), st.integers(0, 120))))
    richer = target.model_copy(update={"skills": (*target.skills, added)})
    others = [p for p in people if p.profile_id != target.profile_id]
    config = ALL_TERMS  # text relevance included: the skills list is not part of the text
    before = CandidatePool.from_profiles([target, *others], graph=graph).scores(requisition, config=config)[0]
    after = CandidatePool.from_profiles([richer, *others], graph=graph).scores(requisition, config=config)[0]
    assert after >= before - 1e-9
    assert np.isfinite(after)
