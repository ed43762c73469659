"""Explanations: every contribution to a candidate's score, and a one-line summary.

The contributions of a candidate add up to its score. Skill requirements read the way a technical
recruiter writes them::

    Kubernetes: met, 48 months, last used 2025-12
    Kubernetes: no direct evidence; Docker 48 months, related (docker -[related 0.60]-> kubernetes), partial credit 0.60
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from skillmatch.config import RankConfig
from skillmatch.models import EDUCATION_LEVELS, TIERS, Contribution, Explanation, Requisition

if TYPE_CHECKING:
    from skillmatch.ranking.features import EncodedPool
    from skillmatch.ranking.scorer import CandidatePool, Evaluation, Need
    from skills_graph import SkillsGraph

__all__ = ["explain_rows"]

_STATUS = ("missing", "related", "short", "met")


def _month_text(number: float) -> str:
    value = int(number)
    return f"{value // 12:04d}-{value % 12 + 1:02d}"


def _months_phrase(months: int | None) -> str:
    if months is None:
        return "listed, no dated use"
    return f"{months} month" + ("" if months == 1 else "s")


def explain_rows(
    pool: CandidatePool,
    requisition: Requisition,
    evaluation: Evaluation,
    rows: Sequence[int],
    *,
    config: RankConfig,
    detail: bool = True,
) -> list[Explanation]:
    """One :class:`~skillmatch.models.Explanation` per row of ``rows`` (pool order)."""
    enc = pool.encoded
    graph = pool.graph
    skill_ids = [""] * len(enc.skill_columns)
    for sid, col in enc.skill_columns.items():
        skill_ids[col] = sid
    kind_weight = {
        kind: sum(n.requirement.weight for n in evaluation.needs if n.kind == kind)
        for kind in ("must_have", "nice_to_have")
    }
    entries = [pool.best_entries(need, rows, config) for need in evaluation.needs]
    out: list[Explanation] = []
    for position, row in enumerate(rows):
        score = round(float(evaluation.scores[row]), 2)
        tier = TIERS[int(evaluation.tiers[row])]
        contributions: list[Contribution] = []
        met_must = [0, 0]
        related_notes: list[str] = []
        nice_hits = [0, 0]
        for j, need in enumerate(evaluation.needs):
            share = evaluation.terms.get(need.kind, (0.0, None))[0] * need.requirement.weight / kind_weight[need.kind]
            value = float(evaluation.values[j][row])
            # Must-haves carry their status from the batch; a nice-to-have's comes from its best entry.
            known = evaluation.status[j]
            contribution = _skill_contribution(
                need,
                value=value,
                share=share,
                status=int(known[row]) if len(known) else None,
                near_credit=config.near_credit,
                entry=entries[j][position],
                enc=enc,
                skill_ids=skill_ids,
                graph=graph,
            )
            contributions.append(contribution)
            req_name = need.requirement.name or graph.get(need.requirement.skill_id).name
            if need.kind == "must_have":
                met_must[1] += 1
                met_must[0] += contribution.status in {"met", "short"}
                if contribution.matched_by == "related" and contribution.status == "related":
                    related_notes.append(f"{req_name} via {graph.get(contribution.matched_skill or '').name}")
            else:
                nice_hits[1] += 1
                nice_hits[0] += value > 0
        for name, (share, values) in evaluation.terms.items():
            if name in {"must_have", "nice_to_have"}:
                continue
            value = float(values[row])
            contributions.append(
                Contribution(
                    feature=name,  # type: ignore[arg-type]
                    requirement=_term_requirement(name, requisition, config),
                    value=round(min(max(value, 0.0), 1.0), 4),
                    weight=round(share, 4),
                    points=round(100 * share * value, 3),
                    evidence=_term_evidence(name, value, row, pool, requisition),
                )
            )
        parts = [tier]
        if met_must[1]:
            parts.append(f"has {met_must[0]}/{met_must[1]} must-haves")
        if related_notes:
            parts.append("related only: " + ", ".join(related_notes))
        if nice_hits[1]:
            parts.append(f"{nice_hits[0]}/{nice_hits[1]} nice-to-haves")
        parts.append(f"{int(enc.total_months[row]) // 12} years' experience")
        summary = f"{score:.1f} " + "; ".join(parts)
        out.append(Explanation(total=score, summary=summary, contributions=tuple(contributions) if detail else ()))
    return out


def _skill_contribution(
    need: Need,
    *,
    value: float,
    share: float,
    status: int | None,
    near_credit: float,
    entry: int,
    enc: EncodedPool,
    skill_ids: Sequence[str],
    graph: SkillsGraph,
) -> Contribution:
    import numpy

    req = need.requirement
    name = req.name or graph.get(req.skill_id).name
    common = {
        "feature": need.kind,
        "requirement": req.skill_id,
        "value": round(min(max(value, 0.0), 1.0), 4),
        "weight": round(share, 4),
        "points": round(100 * share * value, 3),
    }
    if entry < 0:
        return Contribution(**common, status="missing", matched_by="missing", evidence=f"{name}: no evidence")  # type: ignore[arg-type]
    column = int(numpy.searchsorted(enc.indptr, entry, side="right") - 1)
    sid = skill_ids[column]
    i = int(numpy.flatnonzero(need.columns == column)[0])
    credit = float(need.credits[i])
    months_raw = float(enc.months[entry])
    months = None if numpy.isnan(months_raw) else int(months_raw)
    if status is None:
        if need.exact[i] or need.implied[i]:
            status = 3 if not req.min_months or (months is not None and months >= req.min_months) else 2
        else:
            status = 1 if credit >= near_credit else 0
    common["status"] = _STATUS[status]
    last_raw = float(enc.last_used[entry])
    last_used = None if numpy.isnan(last_raw) else _month_text(last_raw)
    have = graph.get(sid).name
    used = _months_phrase(months) + (f", last used {last_used}" if last_used else "")
    minimum = f" (asks {req.min_months})" if req.min_months else ""
    if need.exact[i]:
        matched_by = "exact" if enc.named[entry] else "alias"
        how = "" if matched_by == "exact" else " (written under another name)"
        if sid != req.skill_id:
            how += f" (accepted alternative {have})"
        evidence = f"{name}: {_STATUS[status]}{how}, {used}{minimum}"
        path = None
    elif need.implied[i]:
        matched_by = "implied"
        path = str(need.paths[i]).rsplit(" (credit", 1)[0]
        evidence = f"{name}: {_STATUS[status]}, implied by {have} {used}{minimum} ({path}), credit {credit:.2f}"
    else:
        matched_by = "related"
        path = str(need.paths[i]).rsplit(" (credit", 1)[0]
        evidence = f"{name}: no direct evidence; {have} {used}, related ({path}), partial credit {credit:.2f}"
    return Contribution(
        **common,  # type: ignore[arg-type]
        matched_skill=sid,
        matched_by=matched_by,  # type: ignore[arg-type]
        path=path,
        credit=round(credit, 4),
        months=months,
        last_used=last_used,
        evidence=evidence,
    )


def _term_requirement(name: str, requisition: Requisition, config: RankConfig) -> str:
    if name == "experience":
        months = requisition.min_total_months
        return f"at least {months} months in total" if months else f"up to {config.full_experience_months} months"
    if name == "title":
        return requisition.title or " ".join(requisition.title_keywords)
    if name == "education":
        return f"{requisition.education_level} degree or higher"
    return "text relevance to the requisition"


def _term_evidence(name: str, value: float, row: int, pool: CandidatePool, requisition: Requisition) -> str:
    enc = pool.encoded
    if name == "experience":
        return f"{int(enc.total_months[row])} months of experience"
    if name == "education":
        level = int(enc.education[row])
        return f"highest level: {EDUCATION_LEVELS[level]}" if level >= 0 else "no degree found"
    if name == "title":
        return f"title words matched: {value:.0%}"
    return f"text relevance {value:.2f} (TF-IDF cosine, saturating)"
