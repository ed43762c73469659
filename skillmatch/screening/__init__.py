"""Screening: the main job, from a folder of resumes and a requisition to a ranked, explained shortlist.

``skillmatch.screen`` parses every document, finds the duplicate candidates, ranks each person
once and returns a :class:`ScreenResult`; :func:`write_outputs` writes it as JSON Lines and a
self-contained HTML report (:func:`render_report`). Importing this package is cheap: the parser,
the linkage and the ranking machinery load when ``screen`` is first called.

Examples
--------
>>> from skillmatch import screening
>>> screening.OUTPUT_FILES
('profiles.jsonl', 'clusters.jsonl', 'ranking.jsonl', 'requisition.json', 'report.html')
"""

from __future__ import annotations

from skillmatch.screening.pipeline import DOCUMENT_SUFFIXES, OUTPUT_FILES, collect_sources, screen, write_outputs
from skillmatch.screening.report import graph_svg, path_text, render_report
from skillmatch.screening.results import ScreenConfig, ScreenResult, SkillNeighbour, person_id_of

__all__ = [
    "screen",
    "write_outputs",
    "render_report",
    "collect_sources",
    "ScreenConfig",
    "ScreenResult",
    "SkillNeighbour",
    "person_id_of",
    "graph_svg",
    "path_text",
    "DOCUMENT_SUFFIXES",
    "OUTPUT_FILES",
]
