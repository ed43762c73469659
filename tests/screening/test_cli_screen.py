"""``skillmatch screen``: files and folders in, the four outputs written, the top printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillmatch.cli import main
from skillmatch.models import RankedCandidate

from .conftest import AS_OF, EXAMPLES


def test_screen_command(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report"
    req = EXAMPLES / "requisitions" / "backend_engineer.txt"
    code = main(["screen", str(req), str(corpus), "-o", str(out), "--as-of", AS_OF, "--top", "3"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    for name in ("profiles.jsonl", "clusters.jsonl", "ranking.jsonl", "report.html"):
        assert (out / name).is_file()
    assert f"report: {out / 'report.html'}" in captured.out.replace("\n", "")
    assert "could not read" in captured.err and "broken.pdf" in captured.err and "corrupt_document" in captured.err
    ranking = [RankedCandidate.model_validate_json(x) for x in (out / "ranking.jsonl").read_text("utf-8").splitlines()]
    assert "Priya" in captured.out and ranking[0].rank == 1


def test_screen_command_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    req = EXAMPLES / "requisitions" / "backend_engineer.txt"
    assert main(["screen", str(req), str(tmp_path / "missing")]) == 2
    assert main(["screen", str(req), str(EXAMPLES / "resumes"), "--as-of", "yesterday"]) == 2
    bad = tmp_path / "bad.yaml"
    bad.write_text("must_have: [Kubernetees]\n", encoding="utf-8")
    assert main(["screen", str(bad), str(EXAMPLES / "resumes"), "-o", str(tmp_path / "o")]) == 2
    assert "unknown_skill" in capsys.readouterr().err
