from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from pydantic import ValidationError

from skillmatch.errors import GraphLoadError, SkillmatchError, UnknownSkillError
from skills_graph import TECHNOLOGY_TYPES, SkillsGraph


def test_packaged_graph_meets_the_size_targets(graph: SkillsGraph) -> None:
    counts = graph.metadata["counts"]
    assert counts["skills"] == len(graph) >= 10_000
    assert counts["aliases"] >= 25_000
    assert counts["technology_skills"] >= 3_000
    assert counts["edges"] >= 20_000
    typed = sum(1 for sid in graph if graph.get(sid).type in TECHNOLOGY_TYPES)
    assert typed == counts["technology_skills"]


def test_metadata_names_every_source_and_licence(graph: SkillsGraph) -> None:
    text = str(graph.metadata["sources"])
    for needle in ["ESCO", "European Commission", "O*NET", "CC BY 4.0", "Stack Overflow", "CC BY-SA"]:
        assert needle in text


@pytest.mark.parametrize(
    ("alias", "skill_id"),
    [
        ("k8s", "kubernetes"),
        ("K8s", "kubernetes"),
        ("kube", "kubernetes"),
        ("JS", "javascript"),
        ("ECMAScript", "javascript"),
        ("Postgres", "postgresql"),
        ("psql", "postgresql"),
        ("sklearn", "scikit-learn"),
        ("golang", "go"),
        ("ReactJS", "react"),
        ("React.js", "react"),
        ("react js", "react"),
        ("C#", "c-sharp"),
        ("C++", "c-plus-plus"),
        (".NET", "dot-net"),
        ("Node.js", "node-js"),
        ("Objective-C", "objective-c"),
        ("CI/CD", "ci-cd"),
        ("MS Excel", "microsoft-excel"),
        ("QuickBooks", "quickbooks"),
        ("AutoCAD", "autocad"),
    ],
)
def test_aliases_resolve_to_one_canonical_skill(graph: SkillsGraph, alias: str, skill_id: str) -> None:
    assert graph.canonical(alias) == skill_id
    assert graph.get(alias).skill_id == skill_id


def test_aliases_are_not_edges(graph: SkillsGraph) -> None:
    k8s = graph.get("kubernetes")
    assert "k8s" in {a.lower() for a in k8s.aliases}
    assert all(r.source != r.target for r in graph.relations("kubernetes"))


def test_types_of_core_technologies(graph: SkillsGraph) -> None:
    assert graph.get("Python").type == "language"
    assert graph.get("React").type in {"framework", "library"}
    assert graph.get("PostgreSQL").type == "database"
    assert graph.get("AWS").type == "cloud"


@pytest.mark.parametrize(
    ("child", "parent"),
    [
        ("react", "javascript"),
        ("django", "python"),
        ("postgresql", "sql"),
        ("amazon-eks", "kubernetes"),
        ("amazon-eks", "aws"),
        ("pandas", "python"),
    ],
)
def test_broader_edges(graph: SkillsGraph, child: str, parent: str) -> None:
    assert parent in graph.broader(child)
    assert child in graph.narrower(parent)
    assert any(r.provenance for r in graph.relations(child))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("docker", "kubernetes"),
        ("mysql", "postgresql"),
        ("aws", "google-cloud-platform"),
        ("react", "vue-js"),
        ("react", "angular"),
        ("jenkins", "gitlab-ci"),
        ("jenkins", "github-actions"),
    ],
)
def test_related_pairs_are_symmetric(graph: SkillsGraph, a: str, b: str) -> None:
    assert 0.3 <= graph.similarity(a, b) < 1
    assert graph.similarity(a, b) == graph.similarity(b, a)


def test_similarity_is_asymmetric_along_broader_edges(graph: SkillsGraph) -> None:
    down = graph.similarity("javascript", "react")
    up = graph.similarity("react", "javascript")
    assert up >= 0.8
    assert 0 < down <= up / 2


def test_exact_and_unrelated(graph: SkillsGraph) -> None:
    assert graph.similarity("python", "Python") == 1.0
    assert graph.similarity("kubernetes", "payroll") == 0.0
    assert graph.explain("kubernetes", "quickbooks") is None


def test_siblings_get_partial_credit_and_credit_decays(graph: SkillsGraph) -> None:
    sibling = graph.similarity("django", "flask")
    assert 0 < sibling < graph.similarity("django", "python")
    for path in graph.evidence_for("kubernetes").values():
        assert path.hops <= 3
        assert 0 < path.credit <= 1


def test_explain_returns_typed_steps(graph: SkillsGraph) -> None:
    path = graph.explain("Docker", "Kubernetes")
    assert path is not None and path.have == "docker" and path.need == "kubernetes"
    assert [s.type for s in path.steps] == ["related"]
    assert "docker" in str(path) and "kubernetes" in str(path)
    up = graph.explain("Amazon EKS", "Kubernetes")
    assert up is not None and up.steps[0].direction == "up" and up.steps[0].type == "broader"
    chain = graph.explain("Next.js", "JavaScript")
    assert chain is not None and chain.hops == 2
    assert chain.steps[0].target == chain.steps[1].source


def test_related_lists_best_first(graph: SkillsGraph) -> None:
    paths = graph.related("kubernetes")
    ids = [p.have for p in paths]
    assert "docker" in ids and "amazon-eks" in ids
    credits = [p.credit for p in paths]
    assert credits == sorted(credits, reverse=True)
    assert all(p.hops == 1 for p in paths)


def test_unknown_skill_error_suggests(graph: SkillsGraph) -> None:
    with pytest.raises(UnknownSkillError) as info:
        graph.get("kubernetess")
    assert "kubernetes" in info.value.context["suggestions"]
    assert isinstance(info.value, SkillmatchError) and info.value.code == "unknown_skill"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "Cannot read"),
        (b"not gzip", "not gzip-compressed JSON"),
        (gzip.compress(b'{"format": 99, "nodes": [], "edges": "", "index": {}}'), "Unsupported skills graph format"),
        (gzip.compress(b'{"format": 2, "nodes": []}'), "lacks 'nodes', 'edges' or 'index'"),
        (gzip.compress(b"[1, 2]"), "not a JSON object"),
    ],
)
def test_load_errors_are_specific(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "graph.json.gz"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(GraphLoadError, match=message):
        SkillsGraph.load(path)


def test_fingerprint_is_stable_and_content_based(graph: SkillsGraph) -> None:
    assert SkillsGraph.load().fingerprint == graph.fingerprint
    assert len(graph.fingerprint) == 64


def test_models_round_trip_as_json(graph: SkillsGraph) -> None:
    skill = graph.get("kubernetes")
    assert type(skill).model_validate_json(skill.model_dump_json()) == skill
    path = graph.explain("docker", "kubernetes")
    assert path is not None and type(path).model_validate_json(path.model_dump_json()) == path
    with pytest.raises(ValidationError):  # frozen
        skill.name = "x"  # type: ignore[misc]


def test_returned_values_are_immutable(graph: SkillsGraph) -> None:
    paths = graph.evidence_for("kubernetes")
    with pytest.raises(TypeError):
        paths["docker"] = paths["kubernetes"]  # type: ignore[index]
    skill = graph.get("python")
    assert hash(skill) == hash(graph.get("Python"))
    assert isinstance(skill.sources, tuple) and skill.source_ids("curated")


def test_constructor_and_load_agree_on_the_fingerprint(graph: SkillsGraph) -> None:
    import gzip
    import json

    from skills_graph.graph import ARTEFACT

    path = Path(__file__).resolve().parents[2] / "skills_graph" / ARTEFACT
    document = json.loads(gzip.decompress(path.read_bytes()))
    assert SkillsGraph(document).fingerprint == graph.fingerprint


def test_concurrent_first_use_builds_one_matcher(graph: SkillsGraph) -> None:
    from concurrent.futures import ThreadPoolExecutor

    fresh = SkillsGraph.load()
    with ThreadPoolExecutor(4) as pool:
        matchers = list(pool.map(lambda _: fresh.matcher, range(4)))
    assert all(m is matchers[0] for m in matchers)
