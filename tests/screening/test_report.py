"""The report is one self-contained, escaped HTML file with the whole shortlist in it."""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser
from pathlib import Path

from skillmatch.models import TIERS
from skillmatch.screening import ScreenResult, person_id_of, render_report
from skillmatch.screening.report import TIER_TITLES


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Collect:
    parser = _Collect()
    parser.feed(html)
    parser.close()
    return parser


def test_report_is_self_contained(outputs: dict[str, Path]) -> None:
    html = outputs["report.html"].read_text(encoding="utf-8")
    parsed = _parse(html)
    assert not [t for t, _ in parsed.tags if t in {"script", "link", "iframe", "object", "embed", "img"}]
    for _, attrs in parsed.tags:
        for key in ("src", "href", "srcset", "action", "xlink:href"):
            value = attrs.get(key) or ""
            assert not re.match(r"\s*(https?:)?//", value), (key, value)
    assert "@import" not in html and not re.search(r"url\(", html)
    assert not re.search(r"https?://", "".join(a.get("style") or "" for _, a in parsed.tags))


def test_report_has_every_candidate_and_tier(result: ScreenResult, outputs: dict[str, Path]) -> None:
    html = outputs["report.html"].read_text(encoding="utf-8")
    for tier in TIERS:
        assert f'id="tier-{tier}"' in html and TIER_TITLES[tier][0] in html
    for candidate in result.ranking:
        assert f'id="cand-{candidate.profile_id}"' in html
        cluster = result.cluster_of(candidate.profile_id)
        assert cluster is not None and cluster.merged is not None
        if cluster.merged.name:
            assert escape(cluster.merged.name) in html
    assert html.count('class="candidate ') == len(result.ranking)


def test_report_shows_matrix_duplicates_failures_and_graph(result: ScreenResult, outputs: dict[str, Path]) -> None:
    html = outputs["report.html"].read_text(encoding="utf-8")
    assert "Merged from backend_engineer.txt + priya_raman_2020.txt" in html or (
        "Merged from priya_raman_2020.txt + backend_engineer.txt" in html
    )
    assert "p=" in html  # the pair's reason
    for f in result.failures:
        assert Path(f.source).name in html and f.code in html
    assert "<svg" in html and "Skills graph" in html
    for css in ("m-exact", "m-missing"):
        assert f'class="{css}"' in html
    if any(x.matched_by == "related" for c in result.ranking for x in c.explanation.contributions):
        assert 'class="m-related"' in html and "→" in html
    assert "Last used" in html and "Months" in html


def test_hostile_text_is_escaped(result: ScreenResult, outputs: dict[str, Path]) -> None:
    html = outputs["report.html"].read_text(encoding="utf-8")
    hostile = [p for p in result.profiles if p.source.endswith("hostile.txt")]
    assert hostile, "the hostile resume parsed"
    parsed = _parse(html)
    assert not [t for t, _ in parsed.tags if t in {"script", "img"}]
    assert not [a for _, a in parsed.tags if any(k.startswith("on") for k in a)]
    assert "<script>" not in html and "onerror=" not in html.replace("onerror=alert", "")  # only escaped forms
    assert "&lt;script&gt;document.title" in html  # the job title, shown escaped
    assert person_id_of(result.clusters[0]) in html


def test_every_field_from_a_document_is_escaped(result: ScreenResult) -> None:
    evil = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    cluster = result.clusters[0]
    assert cluster.merged is not None
    merged = cluster.merged.model_copy(
        update={
            "name": evil,
            "contact": cluster.merged.contact.model_copy(update={"emails": (evil,), "location": evil}),
            "skills": tuple(s.model_copy(update={"name": evil}) for s in cluster.merged.skills),
        }
    )
    failures = tuple(f.model_copy(update={"source": f"/x/{evil}.pdf", "message": evil}) for f in result.failures)
    poisoned = result.model_copy(
        update={
            "clusters": (cluster.model_copy(update={"merged": merged}), *result.clusters[1:]),
            "documents": (*result.profiles, *failures),
            "requisition": result.requisition.model_copy(update={"title": evil}),
            "skill_names": {k: evil for k in result.skill_names},
        }
    )
    html = render_report(poisoned)
    parsed = _parse(html)
    assert not [t for t, _ in parsed.tags if t in {"script", "img"}]
    assert not [a for _, a in parsed.tags if any(k.startswith("on") for k in a)]
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") > 5


def test_render_is_deterministic(result: ScreenResult) -> None:
    assert render_report(result) == render_report(result)
