from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from skillmatch.errors import GraphBuildError
from skills_graph.build import _Builder, _esco_nominal_forms, _load_curated, build_graph, default_output, write_artefact

ROOT = Path(__file__).resolve().parents[2]


def test_committed_artefact_matches_a_rebuild(tmp_path: Path) -> None:
    out = tmp_path / "graph.json.gz"
    write_artefact(build_graph(ROOT / "data" / "skills"), out)
    committed = default_output().read_bytes()
    if out.read_bytes() != committed:  # say what differs before failing
        new = json.loads(gzip.decompress(out.read_bytes()))
        old = json.loads(gzip.decompress(committed))
        assert new["metadata"]["counts"] == old["metadata"]["counts"]
        assert new == old, "rebuild differs: run `make graph` and commit the artefact"


def test_esco_short_forms() -> None:
    assert _esco_nominal_forms("plan menus") == ["menu planning"]
    assert _esco_nominal_forms("develop curriculum") == ["curriculum development"]
    assert _esco_nominal_forms("manage staff") == []
    assert _esco_nominal_forms("provide patient care") == ["patient care"]


def _write(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "curated"
    folder.mkdir()
    (folder / "a.yaml").write_text(text, encoding="utf-8")
    return folder


def test_curated_layer_rejects_unknown_references(tmp_path: Path) -> None:
    folder = _write(tmp_path, "skills:\n  - {name: React, type: library, broader: [JavaScrip]}\n")
    problems = _load_curated(_Builder(lambda w: 0.0), folder)
    assert problems == ["a.yaml[0]: unknown broader reference 'JavaScrip'"]


def test_curated_layer_rejects_shared_aliases_and_bad_types(tmp_path: Path) -> None:
    folder = _write(
        tmp_path,
        "skills:\n"
        "  - {name: Go, type: language, aliases: [golang]}\n"
        "  - {name: Golang Tools, type: tool, aliases: [golang]}\n"
        "  - {name: Thing, type: gadget}\n",
    )
    problems = _load_curated(_Builder(lambda w: 0.0), folder)
    assert any("alias 'golang'" in p for p in problems)
    assert any("needs a name and a type" in p for p in problems)


def test_build_fails_loudly_on_a_bad_layer(tmp_path: Path) -> None:
    _write(tmp_path, "skills:\n  - {name: React, type: library, related: [Nothing]}\n")
    with pytest.raises(GraphBuildError, match="unknown related reference 'Nothing'"):
        build_graph(tmp_path)
