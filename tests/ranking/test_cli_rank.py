"""``skillmatch rank``: JSON Lines and table output, bad lines skipped, clusters ranked once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skillmatch.cli import main
from skillmatch.models import Cluster, Profile, RankedCandidate, SkillEvidence


def _profile(pid: str, *skills: str) -> Profile:
    return Profile(
        profile_id=pid,
        source=f"{pid}.txt",
        as_of="2026-01-01",
        skills=tuple(SkillEvidence(skill_id=s, name=s, months=36, last_used="2025-12") for s in skills),
        total_experience_months=48,
    )


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    requisition = tmp_path / "platform.yaml"
    requisition.write_text(
        "title: Platform Engineer\nmust_have:\n  - Kubernetes\n  - skill: Python\n    min_years: 2\n"
        "nice_to_have: [Terraform]\n",
        encoding="utf-8",
    )
    merged = _profile("m1", "kubernetes", "python", "terraform")
    cluster = Cluster(cluster_id="c1", member_ids=("m1a", "m1b"), canonical_id="m1a", merged=merged)
    lines = [
        _profile("a", "docker", "python").model_dump_json(),
        _profile("b", "kubernetes", "python").model_dump_json(),
        "not json",
        json.dumps({"source": "x.pdf", "code": "encrypted_document", "message": "..."}),
        cluster.model_dump_json(),
        _profile("b", "go").model_dump_json(),  # repeated id: skipped
        "",
    ]
    profiles = tmp_path / "profiles.jsonl"
    profiles.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return requisition, profiles


def test_rank_prints_ranked_candidates_as_json_lines(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    requisition, profiles = files
    assert main(["rank", str(requisition), str(profiles), "--json", "--top-k", "5"]) == 0
    out, err = capsys.readouterr()
    ranked = [RankedCandidate.model_validate_json(line) for line in out.splitlines()]
    assert [c.profile_id for c in ranked] == ["m1", "b", "a"]
    assert [c.tier for c in ranked] == ["strong", "strong", "near"]
    assert "line 3: skipped [invalid_json]" in err
    assert "line 4: skipped [parse_failure]" in err
    assert "line 6: skipped [invalid_record]" in err


def test_rank_table_shows_tiers_and_evidence(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    requisition, profiles = files
    assert main(["rank", str(requisition), str(profiles), "--explain"]) == 0
    out = capsys.readouterr().out
    assert "Platform Engineer" in out and "strong" in out and "near" in out
    assert "via Docker" in out
    assert "Kubernetes: no direct evidence; Docker 36 months" in out


def test_rank_reports_an_unknown_skill(
    tmp_path: Path, files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, profiles = files
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: X\nmust_have: [Kubernetsez Quantum Flux]\n", encoding="utf-8")
    assert main(["rank", str(bad), str(profiles)]) == 2
    assert "unknown_skill" in capsys.readouterr().err


def test_schema_prints_requisition_and_ranked_candidate(capsys: pytest.CaptureFixture[str]) -> None:
    for record in ("requisition", "ranked-candidate"):
        assert main(["schema", record]) == 0
        schema = json.loads(capsys.readouterr().out)
        assert schema["type"] == "object" and schema["properties"]
