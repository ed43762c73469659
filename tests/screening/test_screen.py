"""``skillmatch.screen`` end to end: every document accounted for, each person ranked once, the
files written and readable back into the models."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

import skillmatch
from skillmatch.models import Cluster, ParseFailure, Profile, RankedCandidate, Requisition
from skillmatch.screening import OUTPUT_FILES, ScreenResult, collect_sources, person_id_of
from skills_graph import SkillsGraph

from .conftest import AS_OF, EXAMPLES


def test_every_document_is_accounted_for(result: ScreenResult, corpus: Path) -> None:
    files = sorted(p for p in corpus.iterdir())
    assert [d.source for d in result.documents] == [str(p) for p in files]  # input order, folder sorted
    failed = {Path(f.source).name: f.code for f in result.failures}
    assert failed == {"broken.pdf": "corrupt_document", "photo.doc": "unsupported_media_type"}
    assert len(result.profiles) == len(files) - 2


def test_each_profile_in_one_cluster_and_each_cluster_ranked_once(result: ScreenResult) -> None:
    members = Counter(m for c in result.clusters for m in c.member_ids)
    assert set(members) == {p.profile_id for p in result.profiles}
    assert set(members.values()) == {1}
    ranked = [c.profile_id for c in result.ranking]
    assert sorted(ranked) == sorted(person_id_of(c) for c in result.clusters)
    assert len(ranked) == len(set(ranked))
    assert [c.rank for c in result.ranking] == list(range(1, len(ranked) + 1))
    assert all(a.score >= b.score for a, b in zip(result.ranking, result.ranking[1:], strict=False))


def test_duplicates_are_merged_and_ranked_as_one_person(result: ScreenResult) -> None:
    priya = [c for c in result.clusters if len(c.member_ids) > 1]
    assert len(priya) == 1
    files = sorted(Path(p.source).name for p in result.members_of(person_id_of(priya[0])))
    assert files == ["backend_engineer.txt", "priya_raman_2020.txt"]
    assert result.cluster_of(result.ranking[0].profile_id) is priya[0]  # the backend engineer ranks first


def test_the_result_round_trips_json(result: ScreenResult) -> None:
    assert ScreenResult.model_validate_json(result.model_dump_json()) == result


def test_outputs_are_valid_jsonl(outputs: dict[str, Path], result: ScreenResult) -> None:
    assert tuple(outputs) == OUTPUT_FILES
    lines = outputs["profiles.jsonl"].read_text(encoding="utf-8").splitlines()
    back = [
        ParseFailure.model_validate_json(x) if '"code"' in x[:200] else Profile.model_validate_json(x) for x in lines
    ]
    assert tuple(back) == result.documents
    clusters = [Cluster.model_validate_json(x) for x in outputs["clusters.jsonl"].read_text("utf-8").splitlines()]
    assert tuple(clusters) == result.clusters
    ranking = [RankedCandidate.model_validate_json(x) for x in outputs["ranking.jsonl"].read_text("utf-8").splitlines()]
    assert tuple(ranking) == result.ranking
    assert Requisition.model_validate_json(outputs["requisition.json"].read_text("utf-8")) == result.requisition
    assert not list(outputs["report.html"].parent.glob(".*.tmp"))


def test_profiles_jsonl_is_what_skillmatch_rank_reads(outputs: dict[str, Path]) -> None:
    for line in outputs["clusters.jsonl"].read_text("utf-8").splitlines():
        assert "merged" in json.loads(line)


def test_requisition_forms(graph: SkillsGraph) -> None:
    text = (EXAMPLES / "requisitions" / "data_engineer.txt").read_text(encoding="utf-8")
    sources = [b"Ana Ruiz\nana@example.com\nSkills: SQL, Apache Spark, Python"]
    config = skillmatch.ScreenConfig(as_of=AS_OF)
    from_path = skillmatch.screen(EXAMPLES / "requisitions" / "data_engineer.txt", sources, graph=graph, config=config)
    from_text = skillmatch.screen(text, sources, graph=graph, config=config)
    assert from_path.requisition.requisition_id == "data_engineer"
    assert from_path.requisition.must_have == from_text.requisition.must_have
    with pytest.raises(skillmatch.InvalidArgumentError):
        skillmatch.screen(42, sources, graph=graph)  # type: ignore[arg-type]
    with pytest.raises(skillmatch.UnknownSkillError):
        skillmatch.screen({"must_have": ["Kubernetees"]}, sources, graph=graph)


def test_progress_and_empty_input(graph: SkillsGraph) -> None:
    seen: list[tuple[int, int]] = []
    result = skillmatch.screen(
        {"title": "Cook", "must_have": ["cooking"]},
        [b"Lars Berg\nSkills: cooking", Path("/no/such/file.pdf")],
        graph=graph,
        config=skillmatch.ScreenConfig(as_of=AS_OF),
        progress=lambda done, total, source: seen.append((done, total)),
    )
    assert seen == [(1, 2), (2, 2)]
    assert [f.code for f in result.failures] == ["invalid_argument"]
    empty = skillmatch.screen({"must_have": ["SQL"]}, [], graph=graph, config=skillmatch.ScreenConfig(as_of=AS_OF))
    assert empty.ranking == () and empty.clusters == ()
    assert "Nobody in this tier" in skillmatch.screening.render_report(empty)


def test_the_same_document_twice_is_one_record(graph: SkillsGraph) -> None:
    doc = b"Ana Ruiz\nana@example.com\nSkills: SQL"
    result = skillmatch.screen(
        {"must_have": ["SQL"]}, [doc, doc], graph=graph, config=skillmatch.ScreenConfig(as_of=AS_OF)
    )
    assert len(result.documents) == 2 and len(result.clusters) == 1 and len(result.ranking) == 1


def test_full_text_reads_the_documents(corpus: Path, graph: SkillsGraph) -> None:
    config = skillmatch.ScreenConfig(as_of=AS_OF, full_text=True)
    result = skillmatch.screen(EXAMPLES / "requisitions" / "backend_engineer.txt", [corpus], graph=graph, config=config)
    assert len(result.ranking) == len(result.clusters)


def test_collect_sources_expands_folders(corpus: Path) -> None:
    got = collect_sources([corpus, b"x"])
    assert got[-1] == b"x" and all(isinstance(p, Path) for p in got[:-1])
    assert [p.name for p in got[:-1]] == sorted(p.name for p in corpus.iterdir())  # type: ignore[union-attr]


def test_graph_view_neighbours(result: ScreenResult) -> None:
    needs = {r.skill_id for r in (*result.requisition.must_have, *result.requisition.nice_to_have)}
    assert {n.need for n in result.neighbours} <= needs
    per_need = Counter(n.need for n in result.neighbours)
    assert max(per_need.values()) <= 4
    assert all(n.have in result.skill_names for n in result.neighbours)
