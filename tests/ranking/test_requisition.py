"""parse_requisition: golden example ads, one test per rule, structured input, properties."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillmatch.errors import InvalidArgumentError, SkillmatchError, UnknownSkillError
from skillmatch.models import Requisition, SkillRequirement
from skillmatch.ranking.requisition import parse_requisition
from skills_graph import SkillsGraph

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "requisitions"

Row = tuple[str, tuple[str, ...], int | None, float]


def rows(reqs: tuple[SkillRequirement, ...]) -> list[Row]:
    return [(r.skill_id, r.alternatives, r.min_months, r.weight) for r in reqs]


def ids(reqs: tuple[SkillRequirement, ...]) -> list[str]:
    return [r.skill_id for r in reqs]


def parse(text: str | dict[str, Any] | Requisition, graph: SkillsGraph, **kwargs: Any) -> Requisition:
    return parse_requisition(text, graph=graph, **kwargs)


# -- golden example ads ------------------------------------------------------------------------
BACKEND_MUST: list[Row] = [
    ("back-end-development", (), 60, 1.0),
    ("go", ("java",), 60, 1.0),
    ("kubernetes", (), None, 1.0),
    ("helm", (), None, 1.0),
    ("infrastructure-as-code", (), None, 1.0),
    ("terraform", (), None, 1.0),
    ("postgresql", (), None, 1.0),
    ("message-queues", ("apache-kafka", "rabbitmq"), None, 1.0),
    ("ci-cd", (), None, 1.0),
    ("jenkins", ("gitlab-ci", "github-actions"), None, 1.0),
]
BACKEND_NICE: list[Row] = [
    ("amazon-eks", (), None, 0.5),  # "(we run Amazon EKS)": context, not a demand
    ("observability", (), None, 1.0),
    ("prometheus", (), None, 1.0),
    ("grafana", (), None, 1.0),
    ("opentelemetry", (), None, 1.0),
    ("agile", (), None, 1.0),
    ("spring-boot", (), None, 1.0),
    ("python", (), None, 1.0),
]
DATA_MUST: list[Row] = [
    ("data-engineering", (), 60, 1.0),
    ("python", (), 48, 1.0),
    ("sql", (), 48, 1.0),
    ("apache-spark", (), 36, 1.0),
    ("apache-airflow", (), 36, 1.0),
    ("data-warehousing", ("snowflake", "bigquery", "amazon-redshift"), None, 1.0),
    ("data-modeling", (), None, 1.0),
    ("etl", ("elt",), None, 1.0),
]
DATA_NICE: list[Row] = [
    ("streaming-pipelines", (), None, 0.5),  # responsibilities only
    ("bigquery", (), None, 0.5),
    ("dbt", (), None, 0.5),
    ("looker", (), None, 0.5),
    ("dashboards", (), None, 0.5),
    ("data-quality", (), None, 0.5),
    ("communication", (), None, 0.5),  # a soft skill is never a must-have
    ("apache-kafka", ("amazon-kinesis",), None, 1.0),
    ("terraform", (), None, 1.0),
    ("docker", (), None, 1.0),
    ("machine-learning", ("mlops",), None, 1.0),
]


def test_backend_engineer_ad(graph: SkillsGraph) -> None:
    text = (EXAMPLES / "backend_engineer.txt").read_text()
    req = parse(text, graph)
    assert req.title == "Senior Platform Engineer (Backend)"
    assert req.seniority == "senior"
    assert req.title_keywords == ("platform", "engineer", "backend")
    assert req.min_total_months == 60
    assert req.education_level is None
    assert rows(req.must_have) == BACKEND_MUST
    assert rows(req.nice_to_have) == BACKEND_NICE
    assert req.must_have[1].name == "Go or Java"
    assert req.must_have[-1].name == "Jenkins, GitLab CI or GitHub Actions"
    assert req.description == text
    assert req.requisition_id.startswith("req-") and len(req.requisition_id) == 16


def test_data_engineer_ad(graph: SkillsGraph) -> None:
    req = parse((EXAMPLES / "data_engineer.txt").read_text(), graph)
    assert req.title == "Senior Data Engineer"
    assert req.seniority == "senior"
    assert req.title_keywords == ("data", "engineer")
    assert req.min_total_months == 60
    assert req.education_level == "bachelor"  # "Master's degree preferred" does not raise it
    assert rows(req.must_have) == DATA_MUST
    assert rows(req.nice_to_have) == DATA_NICE
    # About us (Google Cloud) and Benefits (a Python training budget) are ignored.
    assert "google-cloud-platform" not in ids(req.must_have) + ids(req.nice_to_have)


@pytest.mark.parametrize("name", ["backend_engineer", "data_engineer"])
def test_yaml_example_equals_the_ad(graph: SkillsGraph, name: str) -> None:
    ad = parse((EXAMPLES / f"{name}.txt").read_text(), graph)
    yml = parse((EXAMPLES / f"{name}.yaml").read_text(), graph)
    for attr in ("title", "seniority", "title_keywords", "min_total_months", "education_level"):
        assert getattr(yml, attr) == getattr(ad, attr), attr
    assert rows(yml.must_have) == rows(ad.must_have)
    assert rows(yml.nice_to_have) == rows(ad.nice_to_have)


# -- one test per rule ------------------------------------------------------------------------------
def test_sections_responsibilities_are_context_and_about_us_is_ignored(graph: SkillsGraph) -> None:
    req = parse(
        "About us\nOur platform runs on Kubernetes and Scala.\n"
        "Responsibilities\n- Build Python services and machine learning features\n"
        "Requirements\n- Java\n- Machine learning\n"
        "Benefits\n- A Docker training budget",
        graph,
    )
    assert rows(req.must_have) == [("java", (), None, 1.0), ("machine-learning", (), None, 1.0)]
    assert rows(req.nice_to_have) == [("python", (), None, 0.5)]


def test_domain_named_in_passing_is_dropped(graph: SkillsGraph) -> None:
    req = parse("Responsibilities\n- Ship machine learning models with Python\nRequirements\n- SQL", graph)
    assert ids(req.must_have) == ["sql"]
    assert ids(req.nice_to_have) == ["python"]


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("What you'll need", "must"),
        ("Minimum qualifications", "must"),
        ("Who you are:", "must"),
        ("## Required skills", "must"),
        ("Preferred qualifications", "nice"),
        ("Bonus points", "nice"),
        ("It's a plus", "nice"),
        ("Pluses:", "nice"),
    ],
)
def test_heading_wordings(graph: SkillsGraph, heading: str, expected: str) -> None:
    req = parse(f"Responsibilities\n- Build things\n{heading}\n- Terraform", graph)
    found = ids(req.must_have) if expected == "must" else ids(req.nice_to_have)
    assert found == ["terraform"]


def test_inline_heading(graph: SkillsGraph) -> None:
    req = parse("Job title: Backend Engineer\nRequirements: Python, PostgreSQL\nNice to have: Redis", graph)
    assert ids(req.must_have) == ["python", "postgresql"]
    assert ids(req.nice_to_have) == ["redis"]
    assert req.title == "Backend Engineer"


def test_cue_words_override_the_section(graph: SkillsGraph) -> None:
    req = parse(
        "Requirements\n- Python\n- Kubernetes experience is a plus\n- Docker preferred\n"
        "Nice to have\n- Go is required\n- Terraform",
        graph,
    )
    assert ids(req.must_have) == ["python", "go"]
    assert ids(req.nice_to_have) == ["kubernetes", "docker", "terraform"]


def test_cues_are_read_per_clause(graph: SkillsGraph) -> None:
    req = parse("Requirements\n- Solid SQL skills; PostgreSQL preferred", graph)
    assert ids(req.must_have) == ["sql"]
    assert ids(req.nice_to_have) == ["postgresql"]


def test_no_headings_line_by_line(graph: SkillsGraph) -> None:
    req = parse(
        "Rust engineer\nYou know Rust and Linux.\nKubernetes would be nice.\nAWS is a plus\nMust know Git.",
        graph,
    )
    assert ids(req.must_have) == ["rust", "linux", "git"]
    assert ids(req.nice_to_have) == ["kubernetes", "aws"]
    assert req.title == "Rust engineer"


def test_years_clauses_set_min_months(graph: SkillsGraph) -> None:
    req = parse(
        "Requirements\n- 5+ years of Python\n- 3 years' experience with Java and Spring\n"
        "- at least 2 yrs Kubernetes\n- TypeScript (4+ years)\n- Strong Rust and C++ (6+ years)",
        graph,
    )
    assert rows(req.must_have) == [
        ("python", (), 60, 1.0),
        ("java", (), 36, 1.0),
        ("spring", (), 36, 1.0),
        ("kubernetes", (), 24, 1.0),
        ("typescript", (), 48, 1.0),
        ("rust", (), 72, 1.0),
        ("c-plus-plus", (), 72, 1.0),
    ]
    assert req.min_total_months is None  # every "years" here is of a specific skill


def test_years_of_one_skill_and_then_another(graph: SkillsGraph) -> None:
    req = parse("Requirements\n- Strong Python, 5+ years of Scala", graph)
    assert rows(req.must_have) == [("python", (), None, 1.0), ("scala", (), 60, 1.0)]


@pytest.mark.parametrize(
    ("line", "months"),
    [
        ("5+ years of experience", 60),
        ("7+ years in software engineering", 84),
        ("At least five years of professional experience", 60),
        ("2-4 years of experience building web applications", 24),
    ],
)
def test_total_years(graph: SkillsGraph, line: str, months: int) -> None:
    assert parse(f"Requirements\n- {line}\n- SQL", graph).min_total_months == months


def test_total_years_only_from_must_clauses(graph: SkillsGraph) -> None:
    assert parse("Requirements\n- SQL\nNice to have\n- 10+ years of experience", graph).min_total_months is None


def test_repeated_mentions_keep_the_larger_months(graph: SkillsGraph) -> None:
    req = parse("Requirements\n- 2+ years of Python\n- Python (4+ years)\n- Python", graph)
    assert rows(req.must_have) == [("python", (), 48, 1.0)]


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Requirements\n- Bachelor's degree in Computer Science", "bachelor"),
        ("Requirements\n- BS/MS in Computer Science", "bachelor"),
        ("Requirements\n- B.Sc. in Mathematics", "bachelor"),
        ("Requirements\n- PhD in Physics", "doctorate"),
        ("Requirements\n- Master's degree in Statistics required", "master"),
        ("Requirements\n- Bachelor's degree required, Master's preferred", "bachelor"),
        ("Requirements\n- Associate degree or high school diploma", "secondary"),
        ("Requirements\n- BSc in CS or equivalent experience", None),  # no hard level: experience can replace it
        ("Requirements\n- SQL\nNice to have\n- Master's degree", None),  # preferred only
        ("Requirements\n- PhD preferred", None),
        ("Requirements\n- A message broker such as Kafka", None),  # "as" is not an associate degree
        ("Requirements\n- MS Office", None),
    ],
)
def test_degree_levels(graph: SkillsGraph, text: str, level: str | None) -> None:
    assert parse(text, graph).education_level == level


def test_degree_subject_is_not_a_skill(graph: SkillsGraph) -> None:
    req = parse("Requirements\n- Bachelor's degree in Computer Science\n- Python", graph)
    assert ids(req.must_have) == ["python"]


def test_alternatives(graph: SkillsGraph) -> None:
    req = parse(
        "Requirements\n- Go or Java\n- Kafka or RabbitMQ\n- Jenkins, GitLab CI or GitHub Actions\n"
        "- React/Vue\n- Docker and Kubernetes\n- Python, SQL",
        graph,
    )
    assert rows(req.must_have) == [
        ("go", ("java",), None, 1.0),
        ("apache-kafka", ("rabbitmq",), None, 1.0),
        ("jenkins", ("gitlab-ci", "github-actions"), None, 1.0),
        ("react", ("vue-js",), None, 1.0),
        ("docker", (), None, 1.0),
        ("kubernetes", (), None, 1.0),
        ("python", (), None, 1.0),
        ("sql", (), None, 1.0),
    ]


def test_examples_of_a_general_skill_are_its_alternatives(graph: SkillsGraph) -> None:
    req = parse("Requirements\n- A message broker such as Kafka or RabbitMQ", graph)
    assert rows(req.must_have) == [("message-queues", ("apache-kafka", "rabbitmq"), None, 1.0)]
    assert req.must_have[0].name == "message broker such as Kafka or RabbitMQ"


def test_a_single_skill_is_stricter_than_alternatives(graph: SkillsGraph) -> None:
    req = parse("Requirements\n- Go or Java\n- Go", graph)
    assert rows(req.must_have) == [("go", (), None, 1.0)]


def test_soft_skills_are_demoted(graph: SkillsGraph) -> None:
    req = parse("Requirements\n- Teamwork and leadership\n- Python\n- Excellent communication skills", graph)
    assert rows(req.must_have) == [("python", (), None, 1.0)]
    assert rows(req.nice_to_have) == [
        ("teamwork", (), None, 0.5),
        ("leadership", (), None, 0.5),
        ("communication", (), None, 0.5),
    ]


def test_must_wins_over_nice(graph: SkillsGraph) -> None:
    req = parse("Nice to have\n- Docker\nRequirements\n- Docker\n- Python", graph)
    assert ids(req.must_have) == ["docker", "python"]
    assert req.nice_to_have == ()


@pytest.mark.parametrize(
    ("text", "title", "seniority", "keywords"),
    [
        (
            "Job title: Staff Software Engineer\nRequirements\n- Go",
            "Staff Software Engineer",
            "lead",
            ("software", "engineer"),
        ),
        ("Position: Sr. Data Analyst\n- SQL", "Sr. Data Analyst", "senior", ("data", "analyst")),
        (
            "Head of Data Engineering\nRequirements\n- SQL",
            "Head of Data Engineering",
            "executive",
            ("data", "engineering"),
        ),
        ("Principal ML Engineer\n- Python", "Principal ML Engineer", "principal", ("ml", "engineer")),
        ("Software Engineering Intern\n- Java", "Software Engineering Intern", "intern", ("software", "engineering")),
        ("Junior Frontend Developer\n- React", "Junior Frontend Developer", "junior", ("frontend", "developer")),
        ("Entry-level QA Analyst\n- Selenium", "Entry-level QA Analyst", "junior", ("qa", "analyst")),
        ("Mid-level iOS Developer\n- Swift", "Mid-level iOS Developer", "mid", ("ios", "developer")),
        ("Engineering Director\n- Leadership", "Engineering Director", "executive", ("engineering",)),
        (
            "We are hiring a senior backend engineer to build APIs in Go.",
            "senior backend engineer",
            "senior",
            ("backend", "engineer"),
        ),
        (
            "Backend Engineer\nWe are a senior-level team. Requirements: Go",
            "Backend Engineer",
            "senior",
            ("backend", "engineer"),
        ),
        ("- Go\n- Docker", "", None, ()),
    ],
)
def test_title_and_seniority(
    graph: SkillsGraph, text: str, title: str, seniority: str | None, keywords: tuple[str, ...]
) -> None:
    req = parse(text, graph)
    assert (req.title, req.seniority, req.title_keywords) == (title, seniority, keywords)


# -- structured requisitions ------------------------------------------------------------------------------
STRUCTURED: dict[str, Any] = {
    "title": "Senior Backend Engineer",
    "must_have": [
        "Python",
        "5+ years Kubernetes",
        "Go or Java",
        {"skill": "Postgres", "min_years": 2, "weight": 2},
        {"skill": "Kafka", "min_months": 18, "alternatives": ["RabbitMQ"]},
    ],
    "nice_to_have": ["k8s", "Terraform", "Docker (3 years)"],
    "min_total_years": 6,
    "education_level": "Bachelor's",
    "seniority": "Sr",
}


def test_mapping(graph: SkillsGraph) -> None:
    req = parse(STRUCTURED, graph)
    assert rows(req.must_have) == [
        ("python", (), None, 1.0),
        ("kubernetes", (), 60, 1.0),
        ("go", ("java",), None, 1.0),
        ("postgresql", (), 24, 2.0),
        ("apache-kafka", ("rabbitmq",), 18, 1.0),
    ]
    assert rows(req.nice_to_have) == [("terraform", (), None, 1.0), ("docker", (), 36, 1.0)]  # k8s is a must
    assert [r.name for r in req.must_have] == ["Python", "Kubernetes", "Go or Java", "Postgres", "Kafka"]
    assert (req.min_total_months, req.education_level, req.seniority) == (72, "bachelor", "senior")
    assert req.title_keywords == ("backend", "engineer")


def test_json_and_yaml_text_equal_the_mapping(graph: SkillsGraph) -> None:
    import yaml

    as_mapping = parse(STRUCTURED, graph, requisition_id="r1")
    assert parse(json.dumps(STRUCTURED), graph, requisition_id="r1") == as_mapping
    assert parse(yaml.safe_dump(STRUCTURED), graph, requisition_id="r1") == as_mapping


def test_requisition_id(graph: SkillsGraph) -> None:
    assert parse("- Python", graph, requisition_id="job-42").requisition_id == "job-42"
    assert parse({"requisition_id": "ats-7", "must_have": ["SQL"]}, graph).requisition_id == "ats-7"
    assert parse({"must_have": ["SQL"]}, graph).requisition_id == parse({"must_have": ["SQL"]}, graph).requisition_id
    assert parse("- Python", graph).requisition_id != parse("- Go", graph).requisition_id


def test_unknown_skill_is_an_error_naming_it(graph: SkillsGraph) -> None:
    with pytest.raises(UnknownSkillError) as info:
        parse({"must_have": ["Python", "Kubernetees"]}, graph)
    assert "Kubernetees" in str(info.value)
    assert "kubernetes" in info.value.context["suggestions"]
    with pytest.raises(UnknownSkillError, match="Quantum Basket Weaving"):
        parse("must_have:\n  - skill: Python\n    alternatives: [Quantum Basket Weaving]\n", graph)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"must_have": "Python"}, "must_have"),
        ({"must_have": [42]}, "must_have[0]"),
        ({"must_have": [{"skill": "Python", "min_months": -3}]}, "must_have[0].min_months"),
        ({"must_have": [{"skill": "Python", "min_years": "three"}]}, "must_have[0].min_years"),
        ({"must_have": [{"skill": "Python", "weight": 0}]}, "must_have[0].weight"),
        ({"must_have": [{"skill": "Python", "level": "expert"}]}, "must_have[0].level"),
        ({"must_have": [{"min_years": 2}]}, "must_have[0].skill"),
        ({"nice_to_have": [{"skill": "Go", "alternatives": "Java"}]}, "nice_to_have[0].alternatives"),
        ({"min_total_months": -1}, "min_total_months"),
        ({"min_total_years": True}, "min_total_years"),
        ({"title": 7}, "title"),
        ({"education_level": "wizard"}, "education_level"),
        ({"seniority": "galactic"}, "seniority"),
        ({"title_keywords": "backend"}, "title_keywords"),
        ({"title": "x", "salary": 100}, "salary"),
    ],
)
def test_bad_types_name_the_field(graph: SkillsGraph, data: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidArgumentError) as info:
        parse(data, graph)
    assert field in str(info.value)


def test_bad_source_and_arguments(graph: SkillsGraph) -> None:
    with pytest.raises(InvalidArgumentError, match="source"):
        parse_requisition(b"Python", graph=graph)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="graph"):
        parse_requisition("Python", graph="graph")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="requisition_id"):
        parse_requisition("Python", graph=graph, requisition_id="")


def test_requisition_passes_through(graph: SkillsGraph) -> None:
    req = Requisition(requisition_id="r1", title="T", must_have=(SkillRequirement(skill_id="not-even-in-graph"),))
    assert parse_requisition(req, graph=graph) is req
    assert parse_requisition(req, graph=graph, requisition_id="r2").requisition_id == "r2"


def test_free_text_with_colons_is_an_ad_not_yaml(graph: SkillsGraph) -> None:
    req = parse("Title: Data Analyst\nLocation: Remote\nRequirements\n- SQL", graph)
    assert (req.title, ids(req.must_have)) == ("Data Analyst", ["sql"])


# -- determinism, JSON, properties ---------------------------------------------------------------------
@pytest.mark.parametrize("name", ["backend_engineer.txt", "data_engineer.txt", "data_engineer.yaml"])
def test_deterministic_and_json_round_trip(graph: SkillsGraph, name: str) -> None:
    text = (EXAMPLES / name).read_text()
    first = parse(text, graph)
    assert parse(text, graph) == first
    assert Requisition.model_validate_json(first.model_dump_json()) == first
    assert parse(first, graph) is first


def test_nothing_is_kept_between_graphs(graph: SkillsGraph) -> None:
    text = (EXAMPLES / "backend_engineer.txt").read_text()
    assert parse(text, SkillsGraph.load()) == parse(text, graph)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.one_of(
        st.text(max_size=300),
        st.lists(
            st.sampled_from(
                [
                    "Requirements",
                    "Nice to have",
                    "About us",
                    "- 5+ years of Python",
                    "- Go or Java",
                    "Kafka is a plus",
                    "BS/MS",
                    "(3+ years)",
                    "title: x",
                    "must_have:",
                    "  - Python",
                    "{",
                    "Senior",
                    ":",
                    "or / ,",
                ]
            ),
            max_size=12,
        ).map("\n".join),
    )
)
def test_any_text_gives_a_requisition_or_a_skillmatch_error(graph: SkillsGraph, text: str) -> None:
    try:
        req = parse(text, graph)
    except SkillmatchError:
        return
    assert isinstance(req, Requisition)
    assert Requisition.model_validate_json(req.model_dump_json()) == req
    must = set(ids(req.must_have))
    assert not must & set(ids(req.nice_to_have))
    assert len(must) == len(req.must_have)
