"""Field-by-field scoring of parsed profiles against golden expectations.

Used by the golden-set tests and by ``benchmarks/bench_parse.py``. A golden expectation is the
JSON written beside each document in ``data/fixtures/resumes/`` (see its README).

Examples
--------
>>> s = FieldScore()
>>> s.add({"a", "b"}, {"a", "c"})
>>> s.tp, s.fp, s.fn, round(s.f1, 2)
(1, 1, 1, 0.5)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from skillmatch.models import Profile
from skills_graph.evaluation import Score

__all__ = ["FieldScore", "GoldenReport", "score_profile"]


@dataclass
class FieldScore:
    """Micro-averaged counts for one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: Iterable[Any], expected: Iterable[Any]) -> None:
        p, e = set(predicted), set(expected)
        self.tp += len(p & e)
        self.fp += len(p - e)
        self.fn += len(e - p)

    @property
    def score(self) -> Score:
        """The counts as an immutable :class:`skills_graph.evaluation.Score` (P, R and F1)."""
        return Score(self.tp, self.fp, self.fn)

    @property
    def precision(self) -> float:
        return self.score.precision

    @property
    def recall(self) -> float:
        return self.score.recall

    @property
    def f1(self) -> float:
        return self.score.f1


@dataclass
class GoldenReport:
    """Scores over a golden set."""

    documents: int = 0
    names_right: int = 0
    experience_within_3_months: int = 0
    education_levels_right: int = 0
    fields: dict[str, FieldScore] = field(
        default_factory=lambda: {
            k: FieldScore() for k in ("emails", "phones", "links", "positions", "education", "skills")
        }
    )
    misses: list[str] = field(default_factory=list)  # "<document>: <field>: <detail>" for reading

    @property
    def name_accuracy(self) -> float:
        return self.names_right / self.documents if self.documents else 1.0

    @property
    def experience_accuracy(self) -> float:
        return self.experience_within_3_months / self.documents if self.documents else 1.0

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "documents": self.documents,
            "name_accuracy": round(self.name_accuracy, 4),
            "experience_within_3_months": round(self.experience_accuracy, 4),
            "education_level_agreement": round(self.education_levels_right / max(1, self.fields["education"].tp), 4),
        }
        for name, s in self.fields.items():
            out[name] = {"precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4)}
        return out


def _norm(text: str | None) -> str:
    return " ".join((text or "").casefold().replace("’", "'").split())


def _url(url: str) -> str:
    """URLs compared without scheme, "www." or a trailing slash."""
    import re

    return re.sub(r"^(?:https?://)?(?:www\.)?", "", url.strip().lower()).rstrip("/")


def _close(a: str | None, b: str | None) -> bool:
    from rapidfuzz import fuzz

    a, b = _norm(a), _norm(b)
    return bool(a) and bool(b) and (a == b or fuzz.token_set_ratio(a, b) >= 85)


def score_profile(
    report: GoldenReport,
    profile: Profile,
    expected: Mapping[str, Any],
    *,
    skill_ids: Iterable[str],
    unresolved_skills: int = 0,
    label: str = "",
) -> None:
    """Add one document's comparison to ``report``.

    ``skill_ids`` are the canonical ids of the expected skills (the caller resolves the names
    through the graph, so that aliases count); ``unresolved_skills`` counts the expected skills
    the graph does not know, which the parser cannot report: they count as misses.
    """
    report.documents += 1
    if _norm(profile.name) == _norm(expected.get("name")):
        report.names_right += 1
    else:
        report.misses.append(f"{label}: name: got {profile.name!r}")
    f = report.fields
    f["emails"].add((e.lower() for e in profile.contact.emails), (e.lower() for e in expected.get("emails", ())))
    f["phones"].add(profile.contact.phones, expected.get("phones", ()))
    f["links"].add(
        ((link.kind, _url(link.url)) for link in profile.contact.links),
        ((link["kind"], _url(link["url"])) for link in expected.get("links", ())),
    )
    # Positions: title and employer (fuzzy) and both dates must agree.
    unmatched = list(profile.positions)
    for want in expected.get("positions", ()):
        hit = next(
            (
                p
                for p in unmatched
                if _close(p.title, want.get("title"))
                and _close(p.employer, want.get("employer"))
                and p.start == want.get("start")
                and (p.is_current if want.get("is_current") else p.end == want.get("end"))
            ),
            None,
        )
        if hit is None:
            f["positions"].fn += 1
            report.misses.append(f"{label}: position: missed {want.get('title')!r} at {want.get('employer')!r}")
        else:
            f["positions"].tp += 1
            unmatched.remove(hit)
    f["positions"].fp += len(unmatched)
    for p in unmatched:
        report.misses.append(f"{label}: position: extra {p.title!r} at {p.employer!r} {p.start}..{p.end}")
    # Education: the same institution (or, without one, degree or field) and the same end year.
    # The level is not part of the identity: whether a "Diploma" is a certificate or "other"
    # is a convention; report.level_right counts agreement on the matched entries.
    left = list(profile.education)
    for want in expected.get("education", ()):
        found = next(
            (
                e
                for e in left
                if (
                    _close(e.institution, want.get("institution"))
                    or (
                        not e.institution
                        and (_close(e.degree, want.get("degree")) or _close(e.field, want.get("field")))
                    )
                )
                and (not want.get("end") or (e.end or "")[:4] == str(want["end"])[:4])
            ),
            None,
        )
        if found is None:
            f["education"].fn += 1
            report.misses.append(f"{label}: education: missed {want.get('degree')!r} at {want.get('institution')!r}")
        else:
            f["education"].tp += 1
            report.education_levels_right += found.level == want.get("level")
            left.remove(found)
    f["education"].fp += len(left)
    f["skills"].add((s.skill_id for s in profile.skills), skill_ids)
    f["skills"].fn += unresolved_skills
    if abs(profile.total_experience_months - int(expected.get("total_experience_months", 0))) <= 3:
        report.experience_within_3_months += 1
    else:
        report.misses.append(
            f"{label}: experience: got {profile.total_experience_months}, want {expected.get('total_experience_months')}"
        )
