from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import skillmatch
from skillmatch.screening import ScreenResult, write_outputs
from skills_graph import SkillsGraph

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
AS_OF = "2026-11-22"

HOSTILE = """Eve <script>alert('x')</script> Mallory
eve.mallory@example.com
SUMMARY
Backend engineer. <img src=x onerror=alert(1)> "quoted" & <b>bold</b> </td></table>
EXPERIENCE
Backend Engineer <script>document.title='pwned'</script>, Acme Corp, Jan 2020 - Present
Built services in Go and PostgreSQL on Kubernetes.
SKILLS
Go, Kubernetes, PostgreSQL, Terraform
"""


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A few example resumes (text, PDF, DOCX; one duplicate pair), a corrupt PDF, an image,
    and a resume with markup in it."""
    folder = tmp_path_factory.mktemp("corpus")
    for name in ("backend_engineer.txt", "priya_raman_2020.txt", "data_engineer_two_column.pdf", "nurse.docx"):
        shutil.copy(EXAMPLES / "resumes" / name, folder / name)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<>> garbage with no xref\n")
    (folder / "photo.doc").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def result(corpus: Path, graph: SkillsGraph) -> ScreenResult:
    return skillmatch.screen(
        EXAMPLES / "requisitions" / "backend_engineer.txt",
        [corpus],
        graph=graph,
        config=skillmatch.ScreenConfig(as_of=AS_OF),
    )


@pytest.fixture(scope="session")
def outputs(result: ScreenResult, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_outputs(result, tmp_path_factory.mktemp("out") / "nested" / "screen")
