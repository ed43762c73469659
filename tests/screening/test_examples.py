"""The shipped examples: enough resumes in every format, reproducible, and the ATS example runs."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import skillmatch
from skills_graph import SkillsGraph

from .conftest import AS_OF, EXAMPLES, ROOT


def test_example_resumes_cover_formats_and_duplicates(graph: SkillsGraph) -> None:
    files = sorted(p for p in (EXAMPLES / "resumes").iterdir() if p.is_file())
    assert len(files) >= 20
    formats = Counter(p.suffix for p in files)
    assert formats[".pdf"] >= 3 and formats[".docx"] >= 3 and formats[".txt"] >= 3
    result = skillmatch.screen(
        EXAMPLES / "requisitions" / "data_engineer.txt",
        [EXAMPLES / "resumes"],
        graph=graph,
        config=skillmatch.ScreenConfig(as_of=AS_OF),
    )
    assert result.failures == ()
    merged = sorted(
        sorted(Path(p.source).name for p in result.members_of(c.profile_id))
        for c in result.ranking
        if len(result.members_of(c.profile_id)) > 1
    )
    assert merged == [
        ["aisha_bello_data_engineer.pdf", "bello_aisha_resume.txt"],
        ["backend_engineer.txt", "priya_raman_2020.txt"],
        ["m_okonkwo_cv_2022.docx", "marcus_okonkwo.pdf"],
    ]


def test_make_examples_reproduces_the_committed_files(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(EXAMPLES / "make_examples.py"), str(tmp_path)], check=True, capture_output=True)
    made = sorted(tmp_path.iterdir())
    assert len(made) >= 15
    for path in made:
        assert path.read_bytes() == (EXAMPLES / "resumes" / path.name).read_bytes(), path.name


def test_embed_in_ats_runs(tmp_path: Path) -> None:
    for _ in range(2):  # the second run loads the saved index and finds the duplicates on upload
        run = subprocess.run(
            [sys.executable, str(EXAMPLES / "embed_in_ats.py"), "--store", str(tmp_path)],
            capture_output=True,
            text=True,
            timeout=300,
            cwd=ROOT,
            check=False,
        )
        assert run.returncode == 0, run.stderr[-3000:]
    assert "possible duplicate of" in run.stdout and "audit of #1" in run.stdout
    assert (tmp_path / "ats.sqlite").is_file() and (tmp_path / "candidates.dedup").is_file()
