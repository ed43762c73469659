from __future__ import annotations

from pathlib import Path

import pytest

from skills_graph import SkillsGraph

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "data" / "fixtures"


@pytest.fixture(scope="session")
def graph() -> SkillsGraph:
    return SkillsGraph.load()
