"""`skillmatch dedupe` and `skillmatch search` through typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillmatch.cli import app
from skillmatch.models import Cluster, ContactInfo, ParseFailure, Profile

runner = CliRunner(env={"COLUMNS": "200"})


def write_input(folder: Path) -> Path:
    profile = Profile(
        profile_id="p_ana",
        source="ana.pdf",
        name="Ana Ruiz",
        contact=ContactInfo(emails=("ana.ruiz@gmail.com",), phones=("+34612345678",)),
        as_of="2026-01-01",
    )
    lines = [
        profile.model_dump_json(),
        json.dumps({"id": "ats-1", "name": "Ana Ruíz", "emails": ["AnaRuiz+cv@gmail.com"], "location": "Madrid"}),
        "{not json",
        json.dumps({"id": "ats-2", "name": "Robert Müller", "emails": ["r.mueller@example.com"]}),
        json.dumps({"name": "no id at all"}),
        "",
        json.dumps(
            {"id": "ats-3", "name": "Bob Mueller", "emails": ["R.Mueller@example.com"], "phones": "030 1234567"}
        ),
        json.dumps({"id": "ats-4", "name": "Wei Zhang", "phones": ["+86 138 0013 8000"]}),
        json.dumps({"id": "ats-2", "name": "repeated id"}),
        ParseFailure(source="scan.pdf", code="empty_document", message="no text layer").model_dump_json(),
    ]
    path = folder / "candidates.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def deduped(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path, str]:
    folder = tmp_path_factory.mktemp("dedupe")
    source = write_input(folder)
    out, index = folder / "clusters.jsonl", folder / "index.sqlite"
    result = runner.invoke(app, ["dedupe", str(source), "-o", str(out), "--index", str(index)])
    assert result.exit_code == 0, result.output
    return source, out, index, result.stderr


def test_dedupe_writes_clusters_and_reports_bad_lines(deduped: tuple[Path, Path, Path, str]) -> None:
    _, out, index, stderr = deduped
    clusters = [Cluster.model_validate_json(line) for line in out.read_text(encoding="utf-8").splitlines()]
    members = sorted(m for c in clusters for m in c.member_ids)
    assert members == ["ats-1", "ats-2", "ats-3", "ats-4", "p_ana"]  # every good record exactly once
    groups = {c.member_ids for c in clusters}
    assert ("ats-1", "p_ana") in groups and ("ats-2", "ats-3") in groups and ("ats-4",) in groups
    assert "line 3: skipped [invalid_json]" in stderr
    assert "line 5: skipped [invalid_record]" in stderr
    assert "line 9: skipped [invalid_record]" in stderr and "repeats line 4" in stderr
    assert "line 10: skipped [parse_failure]" in stderr
    assert "skipped lines" in stderr and "Duplicates found" in stderr and "p=" in stderr
    assert "Ana" not in stderr and "Mueller" not in stderr  # no resume contents in the summary
    assert index.is_file()


def test_dedupe_to_stdout_gives_the_same_clusters(deduped: tuple[Path, Path, Path, str]) -> None:
    source, out, _, _ = deduped
    result = runner.invoke(app, ["dedupe", str(source)])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == out.read_text(encoding="utf-8").splitlines()  # with or without --index


def test_dedupe_threshold(deduped: tuple[Path, Path, Path, str]) -> None:
    source = deduped[0]
    strict = runner.invoke(app, ["dedupe", str(source), "--threshold", "0.999999"])
    assert strict.exit_code == 0
    assert all(len(json.loads(line)["member_ids"]) <= 2 for line in strict.stdout.splitlines())
    for bad in ("1.5", "0", "-0.2"):
        assert runner.invoke(app, ["dedupe", str(source), "--threshold", bad]).exit_code == 2
    assert runner.invoke(app, ["dedupe", str(source), "--region", "usa"]).exit_code == 2
    assert runner.invoke(app, ["dedupe", str(source.parent / "missing.jsonl")]).exit_code == 2


def test_search_table_and_json(deduped: tuple[Path, Path, Path, str]) -> None:
    index = deduped[2]
    result = runner.invoke(app, ["search", str(index), "--name", "Bob Muller", "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["record_id"]: r["name"] for r in rows} == {"ats-2": "Robert Müller", "ats-3": "Bob Mueller"}
    assert all(r["reason"].startswith("p=") for r in rows)
    assert [r["probability"] for r in rows] == sorted((r["probability"] for r in rows), reverse=True)
    table = runner.invoke(app, ["search", str(index), "--phone", "+34 612 34 56 78"])
    assert table.exit_code == 0 and "p_ana" in table.stdout and "Ana Ruiz" in table.stdout
    by_email = runner.invoke(
        app, ["search", str(index), "--email", "ana.ruiz@googlemail.com", "--json", "--limit", "1"]
    )
    assert [json.loads(line)["record_id"] for line in by_email.stdout.splitlines()] == ["ats-1"]


def test_search_usage_errors(deduped: tuple[Path, Path, Path, str], tmp_path: Path) -> None:
    index = deduped[2]
    assert runner.invoke(app, ["search", str(index)]).exit_code == 2
    assert runner.invoke(app, ["search", str(tmp_path / "missing.sqlite"), "--name", "x"]).exit_code == 2
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_text("not an index", encoding="utf-8")
    result = runner.invoke(app, ["search", str(garbage), "--name", "Ana Ruiz"])
    assert result.exit_code == 2 and "index_store_error" in result.stderr
