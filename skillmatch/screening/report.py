"""The recruiter's report: one self-contained HTML file (inline CSS and SVG, no script, no network).

The shortlist is grouped by tier; each candidate has a requirement-by-requirement match matrix
(exact, implied, via a related skill with the path, missing), months and last use per skill,
the duplicate documents merged into the record, and the parse warnings. A graph view shows the
requisition's skills and their nearest neighbours; the documents that could not be read are
listed at the end. Every piece of text from a document is escaped.

Examples
--------
>>> from skillmatch.screening.results import ScreenResult
>>> html = render_report(ScreenResult(requisition={"title": "Data <Engineer>"}, as_of="2026-11-22"))
>>> html.startswith("<!DOCTYPE html>"), "Data &lt;Engineer&gt;" in html, "<script" in html
(True, True, False)
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from pathlib import PurePath

from skillmatch.models import TIERS, Cluster, Contribution, Profile, RankedCandidate, Requisition, SkillRequirement
from skillmatch.screening.results import ScreenResult, SkillNeighbour, person_id_of

__all__ = ["render_report", "graph_svg", "path_text"]

TIER_TITLES: Mapping[str, tuple[str, str]] = {
    "strong": ("Strong match", "Every must-have met, with the years asked."),
    "good": (
        "Good match",
        "Every must-have met; some short of the years asked, or below the experience or degree asked.",
    ),
    "near": ("Near match", "Some must-haves met only through a related skill: could ramp up."),
    "no": ("No match", "At least one must-have with no evidence."),
}
MATCH_LABELS: Mapping[str, str] = {
    "exact": "exact",
    "alias": "exact (other name)",
    "implied": "implied",
    "related": "via related skill",
    "missing": "missing",
}
_STEP = re.compile(r"\s*-\[(\w+) ([0-9.]+)\]->\s*")

CSS = """
:root{--ink:#1f2933;--muted:#616e7c;--line:#d9e2ec;--bg:#f5f7fa;--card:#fff;
--strong:#1e7b4c;--good:#2b8a8a;--near:#b7791f;--no:#7b8794;
--exact:#d3f4df;--implied:#e6f6d9;--related:#fdefc8;--missing:#f3f4f6;--short:#e9f5e1}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
color:var(--ink);background:var(--bg)}
header.page{background:#102a43;color:#fff;padding:20px 32px}
header.page h1{margin:0 0 4px;font-size:24px}
header.page .meta{margin:0;color:#bcccdc}
main{max-width:1240px;margin:0 auto;padding:16px 32px 48px}
h2{font-size:19px;margin:28px 0 8px;border-bottom:2px solid var(--line);padding-bottom:4px}
h2 .count{color:var(--muted);font-weight:normal}
.req{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px;margin:12px 0 0;color:#d9e2ec}
.req dt{font-weight:600;color:#fff}.req dd{margin:0}
.chip{display:inline-block;border-radius:10px;padding:1px 8px;margin:1px 2px;font-size:12px;
background:#243b53;color:#fff;white-space:nowrap}
nav.tiers{margin:14px 0 0;display:flex;gap:8px;flex-wrap:wrap}
nav.tiers a{color:#fff;text-decoration:none;border-radius:4px;padding:4px 12px;font-weight:600}
.bg-strong{background:var(--strong)}.bg-good{background:var(--good)}.bg-near{background:var(--near)}
.bg-no{background:var(--no)}
table{border-collapse:collapse;width:100%;background:var(--card)}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:#f0f4f8;font-size:12px;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.tier-help{color:var(--muted);margin:0 0 10px}
.candidate{background:var(--card);border:1px solid var(--line);border-left:6px solid var(--no);
border-radius:6px;margin:0 0 14px;padding:0}
.candidate.strong{border-left-color:var(--strong)}.candidate.good{border-left-color:var(--good)}
.candidate.near{border-left-color:var(--near)}
.candidate>summary{list-style:none;cursor:pointer;padding:10px 14px;display:flex;gap:12px;align-items:baseline;
flex-wrap:wrap}
.candidate>summary::-webkit-details-marker{display:none}
.candidate .rank{font-weight:700;color:var(--muted);min-width:2.2em}
.candidate h3{margin:0;font-size:17px}
.badge{border-radius:4px;padding:1px 8px;color:#fff;font-size:12px;font-weight:600;text-transform:uppercase}
.score{font-size:17px;font-weight:700;font-variant-numeric:tabular-nums}
.bar{display:inline-block;width:120px;height:8px;background:#e4e7eb;border-radius:4px;overflow:hidden;
vertical-align:middle}
.bar span{display:block;height:100%}
.body{padding:0 14px 12px}
.line{margin:2px 0;color:var(--muted)}
.line b{color:var(--ink);font-weight:600}
.summary-line{margin:0 0 8px;font-style:italic}
table.matrix,table.skills{margin:8px 0;font-size:13px}
table.matrix{table-layout:fixed}
table.matrix col.c-req{width:29%}table.matrix col.c-match{width:15%}table.matrix col.c-ev{width:34%}
table.matrix col.c-num{width:7.3%}
table.matrix td.req-name{font-weight:600}
.kind{font-size:11px;color:var(--muted);font-weight:normal;text-transform:uppercase;margin-left:4px}
tr.m-exact td.match,tr.m-alias td.match{background:var(--exact)}
tr.m-implied td.match{background:var(--implied)}
tr.m-short td.match{background:var(--short)}
tr.m-related td.match{background:var(--related)}
tr.m-missing td.match{background:var(--missing);color:#a61b1b}
td.match{font-weight:600}
.path{color:var(--muted);font-size:12px}
.box{margin:8px 0 0;padding:8px 10px;border-radius:4px;font-size:13px}
.dups{background:#eef2ff;border:1px solid #c7d2fe}
.warns{background:#fffbea;border:1px solid #f0d78c}
.box ul{margin:4px 0 0;padding-left:18px}
details.more>summary{cursor:pointer;color:#334e68;margin-top:8px}
table.shortlist td.name{font-weight:600}
table.shortlist a{color:inherit}
.legend{display:flex;gap:16px;flex-wrap:wrap;color:var(--muted);font-size:12px;margin:6px 0}
.swatch{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:middle;margin-right:4px;
border:1px solid #9aa5b1}
.graph{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:8px}
.graph svg{width:100%;height:auto;display:block}
footer{color:var(--muted);font-size:12px;margin-top:32px}
.empty{color:var(--muted);font-style:italic}
@media print{body{background:#fff}.candidate{break-inside:avoid}header.page{color:#000;background:#fff}}
"""


def render_report(result: ScreenResult) -> str:
    """The report of a screening run as one HTML document (a str).

    Parameters
    ----------
    result : ScreenResult
        What :func:`skillmatch.screen` returned.
    """
    names = result.skill_names
    req = result.requisition
    profiles = {p.profile_id: p for p in result.profiles}
    clusters = {person_id_of(c): c for c in result.clusters}
    title = req.title or req.requisition_id
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Shortlist: {_e(title)}</title>",
        f"<style>{CSS}</style></head><body>",
        _header(result, title),
        "<main>",
        _overview(result, clusters, profiles),
    ]
    by_tier: dict[str, list[RankedCandidate]] = {t: [] for t in TIERS}
    for candidate in result.ranking:
        by_tier[candidate.tier].append(candidate)
    for tier in TIERS:
        heading, helptext = TIER_TITLES[tier]
        people = by_tier[tier]
        parts.append(f'<section class="tier-section" id="tier-{tier}">')
        parts.append(f'<h2>{heading} <span class="count">({len(people)})</span></h2>')
        parts.append(f'<p class="tier-help">{_e(helptext)}</p>')
        if not people:
            parts.append('<p class="empty">Nobody in this tier.</p>')
        for candidate in people:
            parts.append(
                _card(
                    candidate,
                    req,
                    names,
                    clusters.get(candidate.profile_id),
                    profiles,
                    opened=tier != "no" or candidate.rank <= 3,
                )
            )
        parts.append("</section>")
    parts.append(_graph_section(req, result.neighbours, names))
    parts.append(_failures(result))
    parts.append(
        f"<footer>skillmatch report; profiles as of {_e(result.as_of)}; skills graph "
        f"{_e(result.graph_fingerprint[:12])}. Scores are 0-100; each row's points add up to the score. "
        "Names and contact details are shown for the recruiter; they never enter the score.</footer>"
    )
    parts.append("</main></body></html>\n")
    return "\n".join(parts)


# -- pieces -------------------------------------------------------------------------------------
def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _file(source: str) -> str:
    return PurePath(source).name if "/" in source or "\\" in source else source


def _req_label(r: SkillRequirement, names: Mapping[str, str]) -> str:
    label = r.name or names.get(r.skill_id, r.skill_id)
    if r.min_months:
        years = r.min_months / 12
        label += f" ({years:g}+ yrs)"
    return label


def _header(result: ScreenResult, title: str) -> str:
    req = result.requisition
    names = result.skill_names
    n_docs = len(result.documents)
    n_fail = len(result.failures)
    n_people = len(result.clusters)
    merged = sum(len(c.member_ids) for c in result.clusters if len(c.member_ids) > 1)
    meta = (
        f"{n_docs} documents: {n_docs - n_fail} parsed, {n_fail} could not be read; "
        f"{n_people} people ({merged} documents merged as duplicates); as of {result.as_of}"
    )
    rows = []
    if req.must_have:
        rows.append(
            ("Must have", "".join(f'<span class="chip">{_e(_req_label(r, names))}</span>' for r in req.must_have))
        )
    if req.nice_to_have:
        rows.append(
            ("Nice to have", "".join(f'<span class="chip">{_e(_req_label(r, names))}</span>' for r in req.nice_to_have))
        )
    if req.min_total_months:
        rows.append(("Experience", _e(f"{req.min_total_months / 12:g}+ years in total")))
    if req.education_level:
        rows.append(("Education", _e(req.education_level)))
    counts = result.tier_counts()
    nav = (
        "".join(f'<a class="bg-{t}" href="#tier-{t}">{TIER_TITLES[t][0]} ({counts[t]})</a>' for t in TIERS)
        + '<a class="bg-no" href="#graph">Skills graph</a>'
        + (f'<a class="bg-no" href="#failures">Unreadable ({n_fail})</a>' if n_fail else "")
    )
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    return (
        f'<header class="page"><h1>{_e(title)}</h1><p class="meta">{_e(meta)}</p>'
        f'<dl class="req">{dl}</dl><nav class="tiers">{nav}</nav></header>'
    )


def _person_name(person: Profile | None, fallback: str) -> str:
    return (person.name if person is not None and person.name else None) or f"(no name found: {fallback})"


def _sources(cluster: Cluster | None, profiles: Mapping[str, Profile]) -> list[str]:
    if cluster is None:
        return []
    return [_file(profiles[m].source) if m in profiles else m for m in cluster.member_ids]


def _overview(result: ScreenResult, clusters: Mapping[str, Cluster], profiles: Mapping[str, Profile]) -> str:
    rows = []
    n_must = len(result.requisition.must_have)
    for c in result.ranking:
        cluster = clusters.get(c.profile_id)
        person = cluster.merged if cluster is not None else None
        met = sum(1 for x in c.explanation.contributions if x.feature == "must_have" and x.status in {"met", "short"})
        rows.append(
            f'<tr><td class="num">{c.rank}</td>'
            f'<td class="name"><a href="#cand-{_e(c.profile_id)}">{_e(_person_name(person, c.profile_id))}</a></td>'
            f'<td class="num">{c.score:.1f}</td><td><span class="badge bg-{c.tier}">{c.tier}</span></td>'
            f'<td class="num">{met}/{n_must}</td><td>{_e(" + ".join(_sources(cluster, profiles)))}</td></tr>'
        )
    body = "".join(rows) or '<tr><td colspan="6" class="empty">No candidates.</td></tr>'
    return (
        '<section id="shortlist"><h2>Shortlist <span class="count">'
        f"({len(result.ranking)} people, best first)</span></h2>"
        '<table class="shortlist"><thead><tr><th class="num">#</th><th>Candidate</th><th class="num">Score</th>'
        f'<th>Tier</th><th class="num">Must-haves met</th><th>Documents</th></tr></thead><tbody>{body}</tbody>'
        "</table></section>"
    )


def path_text(path: str | None, names: Mapping[str, str]) -> str:
    """A contribution's path with skill names: ``Docker → Kubernetes (related 0.60)``.

    >>> path_text("docker -[related 0.60]-> kubernetes", {"docker": "Docker", "kubernetes": "Kubernetes"})
    'Docker → Kubernetes (related 0.60)'
    """
    if not path:
        return ""
    bits = _STEP.split(path.strip())
    out = [names.get(bits[0], bits[0])]
    for i in range(1, len(bits) - 2, 3):
        relation, weight, target = bits[i], bits[i + 1], bits[i + 2]
        out.append(f"→ {names.get(target, target)} ({relation} {weight})")
    return " ".join(out)


def _match_cell(x: Contribution, names: Mapping[str, str]) -> tuple[str, str, str]:
    """(row class, match label, evidence html) for one requirement."""
    by = x.matched_by or "missing"
    skill = names.get(x.matched_skill or "", x.matched_skill or "")
    if by == "missing":
        return "m-missing", "✗ missing", '<span class="path">no evidence</span>'
    css = "m-short" if x.status == "short" and by in {"exact", "alias", "implied"} else f"m-{by}"
    label = {"exact": "✓ ", "alias": "✓ ", "implied": "✓ ", "related": "≈ "}.get(by, "") + MATCH_LABELS.get(by, by)
    if x.status == "short":
        label += ", short"
    evidence = _e(skill)
    if by in {"implied", "related"} and x.path:
        evidence += f'<br><span class="path">{_e(path_text(x.path, names))}; credit {x.credit or 0:.2f}</span>'
    elif by == "alias" and x.matched_skill and x.matched_skill != x.requirement:
        evidence += '<br><span class="path">accepted alternative</span>'
    return css, label, evidence


def _months(x: Contribution) -> str:
    if x.matched_by in {None, "missing"}:
        return "—"
    return f"{x.months}" if x.months is not None else "listed"


def _matrix(candidate: RankedCandidate, req: Requisition, names: Mapping[str, str]) -> str:
    asked = {("must_have", r.skill_id): r for r in req.must_have} | {
        ("nice_to_have", r.skill_id): r for r in req.nice_to_have
    }
    rows = []
    for x in candidate.explanation.contributions:
        if x.feature not in {"must_have", "nice_to_have"}:
            continue
        r = asked.get((x.feature, x.requirement))
        label = _req_label(r, names) if r is not None else names.get(x.requirement, x.requirement)
        kind = "must" if x.feature == "must_have" else "nice"
        css, match, evidence = _match_cell(x, names)
        rows.append(
            f'<tr class="{css}"><td class="req-name">{_e(label)}<span class="kind">{kind}</span></td>'
            f'<td class="match">{_e(match)}</td><td>{evidence}</td><td class="num">{_e(_months(x))}</td>'
            f'<td class="num">{_e(x.last_used or "—")}</td><td class="num">{x.points:.2f}</td></tr>'
        )
    if not rows:
        return '<p class="empty">The requisition names no skills.</p>'
    return (
        '<table class="matrix"><colgroup><col class="c-req"><col class="c-match"><col class="c-ev">'
        '<col class="c-num"><col class="c-num"><col class="c-num"></colgroup>'
        "<thead><tr><th>Requirement</th><th>Match</th><th>Evidence</th>"
        '<th class="num">Months</th><th class="num">Last used</th><th class="num">Points</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _other_factors(candidate: RankedCandidate) -> str:
    labels = {"experience": "Experience", "title": "Title", "education": "Education", "text": "Text relevance"}
    bits = [
        f"<b>{labels[x.feature]}</b> {_e(x.evidence)} ({x.points:.1f} pts)"
        for x in candidate.explanation.contributions
        if x.feature in labels
    ]
    return f'<p class="line">{" · ".join(bits)}</p>' if bits else ""


def _skills_table(person: Profile | None) -> str:
    if person is None or not person.skills:
        return ""
    rows = "".join(
        f'<tr><td>{_e(s.name)}</td><td class="num">{_e(s.months if s.months is not None else "listed")}</td>'
        f'<td class="num">{_e(s.last_used or "—")}</td><td>{_e(", ".join(s.sections))}</td></tr>'
        for s in person.skills
    )
    return (
        f'<details class="more"><summary>All skills on record ({len(person.skills)})</summary>'
        '<table class="skills"><thead><tr><th>Skill</th><th class="num">Months</th><th class="num">Last used</th>'
        f"<th>Sections</th></tr></thead><tbody>{rows}</tbody></table></details>"
    )


def _duplicates(cluster: Cluster | None, profiles: Mapping[str, Profile]) -> str:
    if cluster is None or len(cluster.member_ids) < 2:
        return ""
    files = {m: (_file(profiles[m].source) if m in profiles else m) for m in cluster.member_ids}
    items = "".join(
        f"<li>{_e(files.get(p.left_id, p.left_id))} + {_e(files.get(p.right_id, p.right_id))}: "
        f"{_e(p.summary(top=4))}</li>"
        for p in cluster.pairs
    )
    return (
        f'<div class="box dups"><b>Merged from {_e(" + ".join(files.values()))}</b> '
        f"(confidence {cluster.confidence:.3f}): the same person in {len(files)} documents; "
        f"scored once on the merged record.<ul>{items}</ul></div>"
    )


def _warnings(cluster: Cluster | None, profiles: Mapping[str, Profile]) -> str:
    items: list[str] = []
    members = cluster.member_ids if cluster is not None else ()
    for m in members:
        p = profiles.get(m)
        if p is None:
            continue
        items += [f"{_e(_file(p.source))}: {_e(w.code)}: {_e(w.message)}" for w in p.warnings]
    if cluster is not None:
        items += [f"merge: {_e(w.code)}: {_e(w.message)}" for w in cluster.warnings]
    if not items:
        return ""
    return '<div class="box warns"><b>Parse warnings</b><ul>' + "".join(f"<li>{i}</li>" for i in items) + "</ul></div>"


def _contact(person: Profile | None) -> str:
    if person is None:
        return ""
    c = person.contact
    bits = [*c.emails, *c.phones, *([c.location] if c.location else []), *(link.url for link in c.links)]
    if person.total_experience_months:
        bits.append(f"{person.total_experience_months / 12:.1f} years' experience")
    return f'<p class="line">{_e(" · ".join(bits))}</p>' if bits else ""


def _roles(person: Profile | None, limit: int = 3) -> str:
    if person is None or not person.positions:
        return ""
    bits = []
    for p in person.positions[:limit]:
        what = " at ".join(x for x in (p.title, p.employer) if x) or "position"
        when = f"{p.start or '?'} to {'present' if p.is_current else p.end or '?'}"
        bits.append(f"{what} ({when})")
    more = f" and {len(person.positions) - limit} more" if len(person.positions) > limit else ""
    return f'<p class="line"><b>Roles</b> {_e("; ".join(bits) + more)}</p>'


def _card(
    candidate: RankedCandidate,
    req: Requisition,
    names: Mapping[str, str],
    cluster: Cluster | None,
    profiles: Mapping[str, Profile],
    *,
    opened: bool,
) -> str:
    person = cluster.merged if cluster is not None and cluster.merged is not None else None
    if person is None and cluster is not None:
        person = profiles.get(cluster.canonical_id)
    tier = candidate.tier
    pid = _e(candidate.profile_id)
    sources = _sources(cluster, profiles)
    width = max(0.0, min(100.0, candidate.score))
    return (
        f'<details class="candidate {tier}" id="cand-{pid}"{" open" if opened else ""}>'
        f'<summary><span class="rank">#{candidate.rank}</span><h3>{_e(_person_name(person, candidate.profile_id))}</h3>'
        f'<span class="badge bg-{tier}">{tier}</span><span class="score">{candidate.score:.1f}</span>'
        f'<span class="bar" title="score {candidate.score:.1f} of 100"><span class="bg-{tier}" '
        f'style="width:{width:.0f}%"></span></span></summary>'
        f'<div class="body"><p class="summary-line">{_e(candidate.explanation.summary)}</p>'
        f"{_contact(person)}{_roles(person)}"
        f'<p class="line"><b>Documents</b> {_e(" + ".join(sources) or "—")}</p>'
        f"{_matrix(candidate, req, names)}{_other_factors(candidate)}"
        f"{_duplicates(cluster, profiles)}{_warnings(cluster, profiles)}{_skills_table(person)}"
        "</div></details>"
    )


def _failures(result: ScreenResult) -> str:
    failures = result.failures
    if not failures:
        return '<section id="failures"><h2>Documents that could not be read (0)</h2><p class="empty">Every document was read.</p></section>'
    rows = "".join(
        f"<tr><td>{_e(_file(f.source))}</td><td>{_e(f.code)}</td><td>{_e(f.message)}</td></tr>" for f in failures
    )
    return (
        f'<section id="failures"><h2>Documents that could not be read ({len(failures)})</h2>'
        "<table><thead><tr><th>Document</th><th>Code</th><th>Why</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></section>"
    )


# -- graph view ---------------------------------------------------------------------------------
_REL_COLOURS = {"broader": "#2f855a", "narrower": "#2b6cb0", "related": "#c05621"}
_CELL_W, _CELL_H, _COLS = 420, 190, 3


def _label(text: str, limit: int = 22) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _node(x: float, y: float, text: str, full: str, *, fill: str, stroke: str, ink: str, bold: bool) -> str:
    shown = _label(text)
    w = len(shown) * 6.6 + 16
    weight = ' font-weight="700"' if bold else ""
    return (
        f"<g><title>{_e(full)}</title>"
        f'<rect x="{x - w / 2:.1f}" y="{y - 12:.1f}" width="{w:.1f}" height="24" rx="12" '
        f'fill="{fill}" stroke="{stroke}"/>'
        f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle" font-size="11" fill="{ink}"{weight}>'
        f"{_e(shown)}</text></g>"
    )


def graph_svg(req: Requisition, neighbours: Iterable[SkillNeighbour], names: Mapping[str, str]) -> str:
    """An inline SVG: each requisition skill with its nearest related skills (a deterministic grid
    of small stars; edge labels are the credit the neighbour's evidence earns)."""
    kinds: dict[str, str] = {}
    for r in req.must_have:
        kinds.setdefault(r.skill_id, "must")
    for r in req.nice_to_have:
        kinds.setdefault(r.skill_id, "nice")
    around: dict[str, list[SkillNeighbour]] = {sid: [] for sid in kinds}
    for n in neighbours:
        around.setdefault(n.need, []).append(n)
    needs = list(kinds)
    rows = max(1, math.ceil(len(needs) / _COLS))
    width, height = _CELL_W * _COLS, _CELL_H * rows
    out = [
        f'<svg viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Requisition skills and their related skills" font-family="system-ui, sans-serif">'
    ]
    for i, need in enumerate(needs):
        cx = _CELL_W * (i % _COLS) + _CELL_W / 2
        cy = _CELL_H * (i // _COLS) + _CELL_H / 2
        ring = around.get(need, [])
        k = len(ring)
        for j, n in enumerate(ring):
            angle = math.radians(180 + (j + 0.5) * 360 / k)
            x, y = cx + 138 * math.cos(angle), cy + 62 * math.sin(angle)
            colour = _REL_COLOURS[n.relation]
            out.append(
                f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{cx:.1f}" y2="{cy:.1f}" stroke="{colour}" stroke-width="1.6"/>'
            )
            mx, my = (x + cx) / 2, (y + cy) / 2
            out.append(
                f'<text x="{mx:.1f}" y="{my - 3:.1f}" text-anchor="middle" font-size="10" fill="{colour}" '
                f'stroke="#fff" stroke-width="3" paint-order="stroke">{n.credit:.2f}</text>'
            )
        for j, n in enumerate(ring):
            angle = math.radians(180 + (j + 0.5) * 360 / k)
            x, y = cx + 138 * math.cos(angle), cy + 62 * math.sin(angle)
            name = names.get(n.have, n.have)
            held = "a candidate has it" if n.in_pool else "no candidate has it"
            out.append(
                _node(
                    x,
                    y,
                    name,
                    f"{name}: {n.relation} of {names.get(need, need)}, credit {n.credit:.2f}; {held}",
                    fill="#d3f4df" if n.in_pool else "#ffffff",
                    stroke="#9aa5b1",
                    ink="#1f2933",
                    bold=False,
                )
            )
        must = kinds[need] == "must"
        out.append(
            _node(
                cx,
                cy,
                names.get(need, need),
                f"{names.get(need, need)} ({'must have' if must else 'nice to have'})",
                fill="#102a43" if must else "#9fb3c8",
                stroke="#102a43",
                ink="#ffffff" if must else "#102a43",
                bold=True,
            )
        )
    out.append("</svg>")
    return "".join(out)


def _graph_section(req: Requisition, neighbours: Sequence[SkillNeighbour], names: Mapping[str, str]) -> str:
    if not (req.must_have or req.nice_to_have):
        return (
            '<section id="graph"><h2>Skills graph</h2><p class="empty">The requisition names no skills.</p></section>'
        )
    legend = (
        '<div class="legend"><span><span class="swatch" style="background:#102a43"></span>must have</span>'
        '<span><span class="swatch" style="background:#9fb3c8"></span>nice to have</span>'
        '<span><span class="swatch" style="background:#d3f4df"></span>related skill a candidate has</span>'
        '<span><span class="swatch" style="background:#fff"></span>related skill nobody has</span>'
        f'<span style="color:{_REL_COLOURS["broader"]}">— broader (a kind of it)</span>'
        f'<span style="color:{_REL_COLOURS["narrower"]}">— narrower</span>'
        f'<span style="color:{_REL_COLOURS["related"]}">— related</span>'
        "<span>numbers: the credit its evidence earns</span></div>"
    )
    return (
        '<section id="graph"><h2>Skills graph: the requisition\'s skills and their neighbours</h2>'
        f'{legend}<div class="graph">{graph_svg(req, neighbours, names)}</div></section>'
    )
