from __future__ import annotations

import json
from pathlib import Path

import pytest

from skillmatch.cli import main

ROOT = Path(__file__).resolve().parent.parent


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_graph_show(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "graph", "show", "k8s", "--json")
    assert code == 0
    record = json.loads(out)
    assert record["skill_id"] == "kubernetes" and record["relations"]
    code, out, _ = run(capsys, "graph", "show", "Kubernetes")
    assert code == 0 and "Kubernetes" in out and "Docker" in out


def test_graph_related_and_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "graph", "related", "Kubernetes", "--json", "--limit", "500")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert "docker" in {r["have"] for r in rows}
    code, out, _ = run(capsys, "graph", "explain", "Docker", "Kubernetes")
    assert code == 0 and "credit" in out and "Docker" in out
    code, out, _ = run(capsys, "graph", "explain", "React", "JavaScript", "--json")
    assert json.loads(out)["steps"][0]["direction"] == "up"


def test_skills_on_text_and_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "skills", "Python and Go services on K8s", "--json")
    assert code == 0
    assert [json.loads(line)["skill_id"] for line in out.splitlines()] == ["python", "go", "kubernetes"]
    code, out, _ = run(capsys, "skills", str(ROOT / "examples/resumes/backend_engineer.txt"))
    assert code == 0 and "PostgreSQL" in out


def test_unknown_skill_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "graph", "show", "kubernetess")
    assert code == 2 and "unknown_skill" in err and "kubernetes" in err


def test_bad_arguments_exit_non_zero(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(capsys, "graph", "related", "python", "--hops", "9")
    assert code == 2


def test_console_entry_points_run() -> None:
    import subprocess
    import sys

    from skillmatch import __version__

    out = subprocess.run([sys.executable, "-m", "skillmatch", "version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == __version__
    usage = subprocess.run(
        [sys.executable, "-m", "skillmatch", "graph", "nonsense"], capture_output=True, text=True, check=False
    )
    assert usage.returncode == 2


def test_skills_rejects_missing_and_binary_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, _ = run(capsys, "skills", str(tmp_path / "missing_resume.pdf"))
    assert code == 2
    binary = tmp_path / "resume.pdf"
    binary.write_bytes(b"%PDF-1.7\x00\x00binary")
    code, _, _ = run(capsys, "skills", str(binary))
    assert code == 2
    code, out, _ = run(capsys, "skills", "Node.js", "--json")
    assert code == 0 and json.loads(out)["skill_id"] == "node-js"


def test_parse_command_writes_profiles_and_summarises_failures(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4\n garbage that is not a pdf")
    out = tmp_path / "profiles.jsonl"
    code, _, err = run(
        capsys,
        "parse",
        str(ROOT / "examples/resumes/backend_engineer.txt"),
        str(bad),
        "-o",
        str(out),
        "--as-of",
        "2026-11-22",
    )
    assert code == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows[0]["name"] == "Priya Raman-Okafor" and rows[1]["code"] == "corrupt_document"
    assert "parsed 1 of 2" in err and "corrupt_document 1" in err
    code, _, _ = run(capsys, "parse", str(tmp_path / "missing.pdf"))
    assert code == 2


def test_schema_command_prints_the_profile_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    assert code == 0 and schema["title"] == "Profile" and "skills" in schema["properties"]


@pytest.mark.parametrize(
    ("name", "title"), [("cluster", "Cluster"), ("candidate-record", "CandidateRecord"), ("match", "Match")]
)
def test_schema_command_prints_the_linkage_schemas(capsys: pytest.CaptureFixture[str], name: str, title: str) -> None:
    code, out, _ = run(capsys, "schema", name)
    assert code == 0 and json.loads(out)["title"] == title
