"""The report in a real browser: headless Chromium loads it without console errors, the rendered
page has the shortlist, and a screenshot is kept.

Skipped where Chromium is not installed (``apt-get install -y chromium``; ``.ci/run`` does it).
With ``SKILLMATCH_SAVE_SCREENSHOT=1`` the demo's report (every example resume, the backend
requisition) is rendered too and its screenshot saved as docs/report_screenshot.png for the README.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

import skillmatch
from skillmatch.screening import ScreenResult, write_outputs
from skills_graph import SkillsGraph

from .conftest import AS_OF, EXAMPLES, ROOT

_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--hide-scrollbars",
)


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("Chromium not installed: apt-get install -y chromium to run the browser test")


def _run(args: list[str], tmp_path: Path, name: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / f"profile-{name}"  # a fresh user data dir per run
    return subprocess.run(
        [_chromium(), *_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "HOME": str(tmp_path)},
    )


def test_report_renders_in_chromium(result: ScreenResult, outputs: dict[str, Path], tmp_path: Path) -> None:
    url = outputs["report.html"].resolve().as_uri()
    dom = _run(["--enable-logging=stderr", "--v=0", "--dump-dom", url], tmp_path, "dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    console = [
        line for line in dom.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line or "net::ERR" in line
    ]
    assert console == [], console
    rendered = dom.stdout
    assert 'id="shortlist"' in rendered and "<svg" in rendered
    for candidate in result.ranking:
        assert f'id="cand-{candidate.profile_id}"' in rendered

    shot = tmp_path / "report.png"
    run = _run(["--window-size=1280,2000", f"--screenshot={shot}", url], tmp_path, "shot")
    assert run.returncode == 0, run.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000  # not a blank page
    print(f"screenshot kept at {shot}")  # pytest keeps the last runs' temporary folders


def test_readme_screenshot_is_current_when_asked(graph: SkillsGraph, tmp_path: Path) -> None:
    """With SKILLMATCH_SAVE_SCREENSHOT=1, refresh the README's screenshot from the demo's backend
    report (every example resume); otherwise check that the committed one is a real PNG."""
    committed = ROOT / "docs" / "report_screenshot.png"
    if os.environ.get("SKILLMATCH_SAVE_SCREENSHOT") != "1":
        assert committed.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and committed.stat().st_size > 20_000
        return
    result = skillmatch.screen(
        EXAMPLES / "requisitions" / "backend_engineer.txt",
        [EXAMPLES / "resumes"],
        graph=graph,
        config=skillmatch.ScreenConfig(as_of=AS_OF),
    )
    report = write_outputs(result, tmp_path / "demo")["report.html"]
    shot = tmp_path / "report.png"
    run = _run(["--window-size=1280,1800", f"--screenshot={shot}", report.resolve().as_uri()], tmp_path, "readme")
    assert run.returncode == 0 and shot.is_file(), run.stderr[-2000:]
    (ROOT / "docs").mkdir(exist_ok=True)
    shutil.copy(shot, ROOT / "docs" / "report_screenshot.png")
