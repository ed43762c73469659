"""Requisitions from what recruiters write: a YAML or JSON requisition, a mapping, or a job ad.

:func:`parse_requisition` turns any of them into a :class:`~skillmatch.models.Requisition` whose
requirements are skills-graph ids, so that ranking compares like with like.

Structured input (a mapping, a JSON object, a YAML mapping) is validated strictly: every skill
must resolve in the graph (an unknown one raises :class:`~skillmatch.errors.UnknownSkillError`
with near names; a requisition never drops a requirement silently) and a field of the wrong type
raises :class:`~skillmatch.errors.InvalidArgumentError` naming the field.

A job ad is read section by section and clause by clause:

* **Sections.** "Requirements", "What you'll need", "Qualifications", "You have"... hold
  must-haves; "Nice to have", "Preferred", "Bonus points", "Pluses"... nice-to-haves. Skills
  named only under "Responsibilities", "The role" or in the opening paragraph are context and
  become nice-to-haves of weight 0.5; "About us", "Benefits", "How to apply" are ignored. An ad
  without any heading is read line by line, each line a must-have unless a cue says otherwise.
* **Cues.** Within a clause (a line, cut at ``;`` and at sentence ends), "is a plus",
  "preferred", "bonus", "nice to have", "ideally"... make its skills nice-to-haves, and
  "required", "must", "mandatory", "essential" make them must-haves, whatever the section.
* **Skills** come from :meth:`skills_graph.SkillsGraph.match_text`. Soft skills never are
  must-haves (they become nice-to-haves of weight 0.5); a field or industry (``domain``) counts
  only in a requirements or preferred section, or with a cue or a number of years, not when named
  in passing; the subject of a degree ("BSc in Statistics") is the degree's, not a skill.
* **Alternatives.** Skills joined by "or" or "/" ("Go or Java", "Jenkins, GitLab CI or GitHub
  Actions", "ETL/ELT") are one requirement; so is a general skill followed by examples ("a
  message broker such as Kafka or RabbitMQ", "a cloud data warehouse: Snowflake or BigQuery"),
  with the general skill first.
* **Years.** "5+ years of Python", "3 years' experience with Java and Spring", "at least 2 yrs
  Kubernetes" set ``min_months`` (years x 12) on the skills that follow in the clause; "Python
  and SQL (4+ years)" on the skills before. When the years are not directly "of" a specific
  skill ("5+ years of experience", "7+ years in software engineering", "5+ years of backend
  development in Go") they also set ``min_total_months``.
* **Education.** The lowest degree level that a must-have clause names ("BS/MS" is a bachelor's).
  A degree that "or equivalent experience" can replace is not a hard requirement and sets no
  level; neither does a degree in a preferred clause.
* **Seniority** comes from the title (the highest level it names), else from phrases of the text
  ("hiring a senior engineer", "entry-level").

Requirements are deduplicated (a skill that is both must and nice stays must; repeated mentions
keep the larger ``min_months``) and ordered by first appearance. The same input always gives
the same requisition, down to its id ("req-" and 12 hex digits of the input's SHA-256).

Examples
--------
>>> from skills_graph import SkillsGraph
>>> graph = SkillsGraph.load()
>>> ad = '''Senior Backend Engineer
... Requirements
... - 5+ years of Python
... - Go or Java
... - Excellent communication skills
... Nice to have
... - Kubernetes'''
>>> req = parse_requisition(ad, graph=graph)
>>> req.title, req.seniority, req.title_keywords
('Senior Backend Engineer', 'senior', ('backend', 'engineer'))
>>> [(r.skill_id, r.alternatives, r.min_months) for r in req.must_have]
[('python', (), 60), ('go', ('java',), None)]
>>> [(r.skill_id, r.weight) for r in req.nice_to_have]
[('communication', 0.5), ('kubernetes', 1.0)]
>>> parse_requisition({"title": "Data Engineer", "must_have": ["SQL", {"skill": "PySpark", "min_years": 2}]},
...                   graph=graph).must_have[1].skill_id
'pyspark'
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from pydantic import ValidationError

from skillmatch.errors import InvalidArgumentError
from skillmatch.models import EDUCATION_LEVELS, Requisition, SkillRequirement
from skillmatch.parsing.education import DEGREE_RE, degree_level
from skillmatch.parsing.sections import heading_kind
from skillmatch.ranking.features import title_tokens

if TYPE_CHECKING:
    from skills_graph import SkillsGraph
    from skills_graph.models import SkillMatch

__all__ = ["parse_requisition"]

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

Seniority = Literal["intern", "junior", "mid", "senior", "lead", "principal", "executive"]
_SENIORITY_ORDER: tuple[Seniority, ...] = ("intern", "junior", "mid", "senior", "lead", "principal", "executive")
Category = Literal["must", "nice", "context", "ignore"]

#: Weight of a nice-to-have that the ad only names in passing (responsibilities, the opening
#: paragraph) and of a soft skill.
CONTEXT_WEIGHT = 0.5
_MAX_TITLE_WORDS = 10

# -- structured requisitions --------------------------------------------------------------------
_FIELDS = frozenset(
    {
        "schema_version",
        "requisition_id",
        "title",
        "must_have",
        "nice_to_have",
        "min_total_months",
        "min_total_years",
        "education_level",
        "title_keywords",
        "seniority",
        "description",
    }
)
_REQUIREMENT_FIELDS = frozenset({"skill", "skill_id", "name", "min_months", "min_years", "weight", "alternatives"})
_YAML_HINT = re.compile(r"^(?:" + "|".join(sorted(_FIELDS)) + r")\s*:", re.M)

# -- job ads: section headings ------------------------------------------------------------------
_HEADINGS: dict[Category, tuple[str, ...]] = {
    "must": (
        "requirements",
        "requirement",
        "job requirements",
        "key requirements",
        "minimum requirements",
        "basic requirements",
        "role requirements",
        "position requirements",
        "the requirements",
        "what you ll need",
        "what you will need",
        "what you need",
        "what we need",
        "what you bring",
        "what you ll bring",
        "what you will bring",
        "what we re looking for",
        "what we are looking for",
        "who we re looking for",
        "who we are looking for",
        "we re looking for",
        "we are looking for",
        "must have",
        "must haves",
        "must have skills",
        "must have qualifications",
        "qualifications",
        "minimum qualifications",
        "basic qualifications",
        "required qualifications",
        "key qualifications",
        "your qualifications",
        "requirements and qualifications",
        "qualifications and requirements",
        "skills and qualifications",
        "qualifications and skills",
        "skills and experience",
        "experience and skills",
        "required skills",
        "required experience",
        "required skills and experience",
        "skills required",
        "experience required",
        "essential skills",
        "essential criteria",
        "essential requirements",
        "essentials",
        "you have",
        "you ll have",
        "you will have",
        "you should have",
        "you bring",
        "you are",
        "you",
        "about you",
        "who you are",
        "your profile",
        "your background",
        "your skills",
        "your experience",
        "ideal candidate",
        "the ideal candidate",
        "candidate profile",
        "skills",
        "technical skills",
        "key skills",
        "core skills",
        "experience",
        "education",
        "to succeed in this role",
        "what it takes",
    ),
    "nice": (
        "nice to have",
        "nice to haves",
        "nice to have skills",
        "preferred",
        "preferred qualifications",
        "preferred skills",
        "preferred experience",
        "preferred requirements",
        "bonus",
        "bonus points",
        "bonus points if",
        "bonus points if you have",
        "bonus skills",
        "pluses",
        "plus",
        "plusses",
        "it s a plus",
        "its a plus",
        "a plus",
        "extra credit",
        "desirable",
        "desirable skills",
        "desirable criteria",
        "desired",
        "desired skills",
        "desired qualifications",
        "desired experience",
        "good to have",
        "great to have",
        "additional qualifications",
        "ideally",
        "ideally you have",
        "ideally you ll have",
        "even better",
        "even better if",
        "stand out",
        "what makes you stand out",
        "what would make you stand out",
        "it would be great if",
        "it would be nice if",
        "optional",
    ),
    "context": (
        "responsibilities",
        "key responsibilities",
        "your responsibilities",
        "main responsibilities",
        "job responsibilities",
        "duties",
        "key duties",
        "duties and responsibilities",
        "responsibilities and duties",
        "what you ll do",
        "what you will do",
        "what you ll be doing",
        "what you will be doing",
        "what you ll work on",
        "what you will work on",
        "the role",
        "about the role",
        "role",
        "your role",
        "role overview",
        "role description",
        "the job",
        "about the job",
        "job description",
        "position summary",
        "position overview",
        "the position",
        "about the position",
        "overview",
        "summary",
        "the opportunity",
        "the team",
        "about the team",
        "day to day",
        "a day in the life",
        "in this role",
        "in this role you will",
        "your mission",
        "the mission",
        "mission",
        "tech stack",
        "our stack",
        "our tech stack",
        "the stack",
        "technologies",
        "technologies we use",
        "tools we use",
    ),
    "ignore": (
        "about us",
        "about the company",
        "about our company",
        "who we are",
        "our company",
        "company",
        "company overview",
        "the company",
        "benefits",
        "perks",
        "perks and benefits",
        "benefits and perks",
        "what we offer",
        "we offer",
        "what s in it for you",
        "compensation",
        "salary",
        "salary and benefits",
        "compensation and benefits",
        "why join us",
        "why us",
        "why work with us",
        "our values",
        "values",
        "culture",
        "our culture",
        "equal opportunity",
        "equal opportunity employer",
        "diversity",
        "diversity and inclusion",
        "how to apply",
        "to apply",
        "application process",
        "hiring process",
        "interview process",
        "our process",
        "next steps",
        "location",
        "logistics",
    ),
}
_HEADING_OF: dict[str, Category] = {p: cat for cat, phrases in _HEADINGS.items() for p in phrases}
_HEADING_FILLER = frozenset(
    "for this the role position job we re are you your our and a an to of if in have will ll need "
    "looking skills requirements qualifications experience bonus points plus nice must".split()
)
_RESUME_KIND_CATEGORY: dict[str, Category] = {
    "skills": "must",
    "education": "must",
    "experience": "must",
    "certifications": "must",
    "languages": "must",
    "summary": "context",
}
_BULLET = re.compile(r"^\s*(?:[-*•●◦▪‣–—+>]|\d{1,2}[.)]|[a-z][.)])\s+")
_DECORATION = re.compile(r"^[\s#*_=>|]+|[\s#*_=|]+$")
_KEY_VALUE_TITLE = re.compile(
    r"^\s*(?:job\s+title|title|position|role|job|vacancy|opening)\s*[:：]\s*(\S.{0,118})$", re.I
)
_INLINE_HEADING = re.compile(r"^\s*([A-Za-z][A-Za-z '’&/-]{1,50}?)\s*[:：]\s*(\S.*)$")

# -- job ads: cues, clauses, years, degrees, seniority --------------------------------------------
_NICE_CUE = re.compile(
    r"\b(?:(?:is|are|would\s+be|will\s+be|'s|’s)\s+(?:an?\s+)?(?:big\s+|huge\s+|strong\s+|definite\s+|real\s+)?"
    r"(?:plus|bonus|advantage)|a\s+plus|nice[\s-]+to[\s-]+haves?|preferred|preferably|prefer|bonus|desirable|"
    r"desired|ideally|advantageous|an\s+advantage|good\s+to\s+have|great\s+to\s+have|not\s+required|optional|"
    r"would\s+be\s+(?:nice|great)|(?:is|are)\s+welcome|appreciated|beneficial)\b",
    re.I,
)
_MUST_CUE = re.compile(r"\b(?:required|must|mandatory|essential)\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]])[.!?](?=\s+[A-Z(])|;|[!?](?=\s|$)")
_ABBREVIATIONS = frozenset({"e.g", "i.e", "etc", "incl", "approx", "min", "max", "yrs", "exp", "vs", "sr", "jr", "no"})
_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "fifteen": 15,
}
_YEARS = re.compile(
    r"(?P<n>\d{1,2}(?:\.\d)?|" + "|".join(_NUMBER_WORDS) + r")\s*(?:\+|plus)?\s*"
    r"(?:(?:-|–|to)\s*(?:\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")\s*\+?\s*)?"
    r"(?P<unit>years?|yrs?|months?)\b(?:['’]s?)?(?!\s+(?:old|ago|of\s+age)\b)",
    re.I,
)
# What may stand between "5+ years" and the thing they are "of".
_YEARS_FILLER = re.compile(
    r"(?:[\s'’,:-]|\b(?:of|in|with|using|on|as|a|an|the|professional|relevant|hands-on|hands|practical|"
    r"commercial|industry|production|proven|solid|strong|working|work|full-time|experience|exp|experienced|"
    r"programming|development|developing|coding|at|least|minimum)\b)*",
    re.I,
)
# Between two skills of one list: "or", "/", commas ("Jenkins, GitLab CI or GitHub Actions").
_CONNECTOR = re.compile(r"^(?:\s*(?:,|/|\bor\b|\band/or\b|\bas\s+well\s+as\b|\band\b|&|\beither\b)\s*)+$", re.I)
_OR_WORD = re.compile(r"/|\bor\b", re.I)
_AND_WORD = re.compile(r"\band\b(?!/)|&|\bas\s+well\s+as\b", re.I)
# Between a general skill and its examples: "a message broker such as Kafka", "a warehouse: Snowflake".
_EXAMPLES = re.compile(
    r"^\s*(?:\(\s*)?(?:,\s*)?(?:such\s+as|e\.\s?g\.?,?|for\s+example|for\s+instance|like|including|incl\.?|:|–|-)\s*$",
    re.I,
)
_CONTEXT_PAREN = re.compile(r"\(\s*(?:we|our|at\s+\w+\s+we)\b[^)]*\)", re.I)
_EQUIVALENT = re.compile(
    r"\bor\s+(?:an?\s+)?equivalent\b|\bequivalent\s+(?:practical\s+|professional\s+|work\s+)?experience\b", re.I
)
_BARE_DEGREE = re.compile(
    r"\b(?:(?P<grad>graduate|post-?graduate|advanced)|university|college|academic|undergraduate|bachelor)?\s*degree\b",
    re.I,
)
_SENIORITY_WORDS: dict[str, Seniority] = {
    "intern": "intern",
    "internship": "intern",
    "trainee": "intern",
    "apprentice": "intern",
    "junior": "junior",
    "jr": "junior",
    "graduate": "junior",
    "entry": "junior",
    "associate": "junior",
    "mid": "mid",
    "intermediate": "mid",
    "ii": "mid",
    "senior": "senior",
    "sr": "senior",
    "iii": "senior",
    "lead": "lead",
    "staff": "lead",
    "principal": "principal",
    "distinguished": "principal",
    "director": "executive",
    "head": "executive",
    "vp": "executive",
    "vice": "executive",
    "chief": "executive",
    "cto": "executive",
    "cio": "executive",
    "cdo": "executive",
}
# Words of a title that say how senior, not what: left out of ``title_keywords``.
_TITLE_NOISE = frozenset(
    {
        *_SENIORITY_WORDS,
        "level",
        "president",
        "new",
        "grad",
        "remote",
        "hybrid",
        "onsite",
        "on-site",
        "m/f/d",
        "wanted",
        "needed",
        "hiring",
    }
    | {"full-time", "part-time", "contract", "temporary", "permanent", "f", "m", "d", "w", "x", "all", "genders"}
)
_TEXT_SENIORITY: tuple[tuple[re.Pattern[str], Seniority], ...] = (
    (re.compile(r"\binternships?\b", re.I), "intern"),
    (re.compile(r"\bentry[\s-]level\b|\bnew[\s-]grad(?:uate)?s?\b", re.I), "junior"),
    (re.compile(r"\bmid[\s-]level\b", re.I), "mid"),
    (re.compile(r"\bsenior[\s-]level\b", re.I), "senior"),
)
_HIRING = re.compile(
    r"\b(?:hiring|looking\s+for|seeking|recruiting|searching\s+for)\s+(?:an?\s+|our\s+(?:next|first|new)\s+)"
    r"(?P<title>[A-Za-z][\w/+#&.()-]*(?:[ \t]+[\w/+#&.()-]+){0,6}?)"
    r"(?=\s*(?:[.,;:!?\n]|$|\s(?:to|who|with|in|at|for|that|and|on|based|join|you|ready)\b))",
    re.I,
)
_NOT_TITLE_START = re.compile(
    r"^(?:we|we're|our|you|your|are|is|do|join|i|at|this|the|if|about|apply|location)\b", re.I
)


# ------------------------------------------------------------------------------------------------
def parse_requisition(
    source: str | Mapping[str, Any] | Requisition,
    *,
    graph: SkillsGraph | None = None,
    requisition_id: str | None = None,
) -> Requisition:
    """Read a requisition from a job ad, a YAML or JSON requisition, or a mapping.

    Parameters
    ----------
    source : str, mapping or Requisition
        A job ad as plain text; the text of a JSON object or YAML mapping with requisition keys
        (``title``, ``must_have``, ``nice_to_have``, ``min_total_months`` or ``min_total_years``,
        ``education_level``, ``title_keywords``, ``seniority``, ``description``); the same as a
        mapping; or a :class:`~skillmatch.models.Requisition`, returned as it is (with
        ``requisition_id`` replaced when that argument is given).
        A requirement is a string ("Python", "5+ years Kubernetes", "Go or Java") or a mapping
        ``{skill, min_months | min_years, weight, alternatives}``.
    graph : SkillsGraph, optional
        Resolves skill names and aliases to ids; loaded when not given (pass it when parsing
        many requisitions).
    requisition_id : str, optional
        The id to give the requisition. By default the mapping's ``requisition_id``, else
        ``"req-"`` and the first 12 hex digits of the SHA-256 of the input (its text, or the
        mapping's canonical JSON).

    Returns
    -------
    Requisition

    Raises
    ------
    UnknownSkillError
        A structured requisition names a skill the graph does not know (with near names).
    InvalidArgumentError
        The source is of another type, or a field has the wrong type or range (it is named).

    Examples
    --------
    >>> from skills_graph import SkillsGraph
    >>> req = parse_requisition("Python developer\\n- 3+ years of Python\\n- Django is a plus",
    ...                         graph=SkillsGraph.load(), requisition_id="r-7")
    >>> req.requisition_id, [r.skill_id for r in req.must_have], [r.skill_id for r in req.nice_to_have]
    ('r-7', ['python'], ['django'])
    """
    if requisition_id is not None and (not isinstance(requisition_id, str) or not requisition_id.strip()):
        raise InvalidArgumentError("requisition_id", expected="a non-empty str or None", got=requisition_id)
    if graph is not None and not _is_graph(graph):
        raise InvalidArgumentError("graph", expected="a SkillsGraph (SkillsGraph.load()) or None", got=graph)
    if isinstance(source, Requisition):
        return source if requisition_id is None else source.model_copy(update={"requisition_id": requisition_id})
    if isinstance(source, Mapping):
        return _from_mapping(source, graph=graph, requisition_id=requisition_id, digest_of=_canonical_json(source))
    if isinstance(source, str):
        structured = _structured(source)
        if structured is not None:
            return _from_mapping(structured, graph=graph, requisition_id=requisition_id, digest_of=source)
        return _from_ad(source, graph=_graph(graph), requisition_id=requisition_id or _digest_id(source))
    raise InvalidArgumentError(
        "source",
        expected="a job ad (str), a YAML or JSON requisition (str), a mapping or a Requisition "
        "(decode bytes first, e.g. data.decode('utf-8'))",
        got=source,
    )


# -- shared helpers -------------------------------------------------------------------------------
def _is_graph(graph: object) -> bool:
    from skills_graph import SkillsGraph

    return isinstance(graph, SkillsGraph)


def _graph(graph: SkillsGraph | None) -> SkillsGraph:
    if graph is not None:
        return graph
    from skills_graph import SkillsGraph

    return SkillsGraph.load()


def _digest_id(text: str) -> str:
    return "req-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def _canonical_json(mapping: Mapping[str, Any]) -> str:
    def plain(value: Any) -> Any:
        if isinstance(value, Mapping):
            return {str(k): plain(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [plain(v) for v in value]
        if value is None or isinstance(value, (str, int, float, bool)):
            return value
        return repr(value)

    return json.dumps(plain(mapping), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _title_keywords(title: str) -> tuple[str, ...]:
    return tuple(w for w in title_tokens(title) if w not in _TITLE_NOISE and not w.isdigit())


def _seniority_of_title(title: str) -> Seniority | None:
    words = [w.rstrip(".") for w in re.findall(r"[a-z]+\.?", title.lower())]
    found = [_SENIORITY_WORDS[w] for w in words if w in _SENIORITY_WORDS]
    if re.search(r"\bentry[\s-]level\b|\bnew[\s-]grad", title, re.I):
        found.append("junior")
    if not found:
        return None
    return max(found, key=_SENIORITY_ORDER.index)


def _seniority_of_text(text: str) -> Seniority | None:
    """Seniority from "we are hiring a senior engineer", else "entry-level", "internship"..."""
    hiring = _HIRING.search(text)
    if hiring:
        level = _seniority_of_title(hiring.group("title"))
        if level is not None:
            return level
    best: tuple[int, Seniority] | None = None
    for pattern, level in _TEXT_SENIORITY:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), level)
    return best[1] if best else None


@dataclass
class _Req:
    """A requirement while the requisition is built (merged by skill id at the end)."""

    skill_id: str
    name: str
    alternatives: tuple[str, ...] = ()
    min_months: int | None = None
    weight: float = 1.0
    position: int = 0
    soft: bool = False


def _merge(reqs: Iterable[_Req], exclude: Iterable[str] = ()) -> list[_Req]:
    """Merge requirements on the same skill: alternatives that all mentions allow, the larger
    months and weight, the first name and position; order by first appearance."""
    skip = set(exclude)
    merged: dict[str, _Req] = {}
    for r in reqs:
        if r.skill_id in skip:
            continue
        seen = merged.get(r.skill_id)
        if seen is None:
            merged[r.skill_id] = _Req(r.skill_id, r.name, r.alternatives, r.min_months, r.weight, r.position, r.soft)
            continue
        # "Python" and "Python or Go": the stricter one holds (Python itself).
        seen.alternatives = tuple(a for a in seen.alternatives if a in r.alternatives)
        if r.min_months is not None and (seen.min_months is None or r.min_months > seen.min_months):
            seen.min_months = r.min_months
        seen.weight = max(seen.weight, r.weight)
        if r.position < seen.position:
            seen.position, seen.name = r.position, r.name
    return sorted(merged.values(), key=lambda r: (r.position, r.skill_id))


def _to_models(reqs: Sequence[_Req]) -> tuple[SkillRequirement, ...]:
    return tuple(
        SkillRequirement(
            skill_id=r.skill_id, name=r.name, alternatives=r.alternatives, min_months=r.min_months, weight=r.weight
        )
        for r in reqs
    )


# -- structured requisitions ------------------------------------------------------------------------
def _structured(text: str) -> Mapping[str, Any] | None:
    """The mapping a JSON object or a YAML requisition holds, or ``None`` for a job ad."""
    stripped = text.strip()
    if stripped.startswith("{"):
        try:
            value = json.loads(stripped)
        except (ValueError, RecursionError):
            value = None
        if isinstance(value, dict):
            return value
    if not _YAML_HINT.search(text):
        return None
    import yaml

    try:
        value = yaml.safe_load(text)
    except Exception:  # any YAML failure means: read it as a job ad
        return None
    if not isinstance(value, dict) or not value or not all(isinstance(k, str) for k in value):
        return None
    keys = set(value)
    # A YAML mapping is a requisition when its keys are requisition keys; one with a typo is still
    # a requisition (and its unknown key an error) when it lists requirements.
    if keys <= _FIELDS or keys & {"must_have", "nice_to_have"}:
        return value
    return None


def _from_mapping(
    data: Mapping[str, Any], *, graph: SkillsGraph | None, requisition_id: str | None, digest_of: str
) -> Requisition:
    unknown = sorted(str(k) for k in data if k not in _FIELDS)
    if unknown:
        raise InvalidArgumentError(
            f"requisition field {unknown[0]!r}", expected=f"one of {', '.join(sorted(_FIELDS))}", got=unknown[0]
        )
    if "min_total_months" in data and "min_total_years" in data:
        raise InvalidArgumentError(
            "min_total_years", expected="either min_total_months or min_total_years, not both", got="both"
        )
    title = _optional_str(data, "title") or ""
    description = _optional_str(data, "description") or ""
    rid = requisition_id or _optional_str(data, "requisition_id") or _digest_id(digest_of)
    if not rid.strip():
        raise InvalidArgumentError("requisition_id", expected="a non-empty str", got=rid)
    version = data.get("schema_version", 1)
    if version != 1 or isinstance(version, bool):
        raise InvalidArgumentError("schema_version", expected="1 (or absent)", got=version)

    must: list[_Req] = []
    nice: list[_Req] = []
    position = 0
    graph_ref = _GraphRef(graph)
    for key, out in (("must_have", must), ("nice_to_have", nice)):
        items = data.get(key)
        if items is None:
            continue
        if isinstance(items, (str, bytes, Mapping)) or not isinstance(items, Sequence):
            raise InvalidArgumentError(key, expected="a list of skills (strings or mappings)", got=items)
        for i, item in enumerate(items):
            out.append(_requirement(item, f"{key}[{i}]", graph_ref, position))
            position += 1
    must_reqs = _merge(must)
    nice_reqs = _merge(nice, exclude=(r.skill_id for r in must_reqs))

    total = _months(data, "min_total_months", "min_total_years")
    level = data.get("education_level")
    if level is not None:
        level = _education_level(level)
    seniority = data.get("seniority")
    if seniority is not None:
        seniority = _seniority_value(seniority)
    keywords_raw = data.get("title_keywords")
    if keywords_raw is None:
        keywords = _title_keywords(title)
    else:
        if isinstance(keywords_raw, str) or not isinstance(keywords_raw, Sequence):
            raise InvalidArgumentError("title_keywords", expected="a list of str", got=keywords_raw)
        if not all(isinstance(k, str) for k in keywords_raw):
            raise InvalidArgumentError("title_keywords", expected="a list of str", got=keywords_raw)
        keywords = tuple(dict.fromkeys(k.strip().lower() for k in keywords_raw if k.strip()))
    return _build(
        requisition_id=rid,
        title=title,
        must_have=_to_models(must_reqs),
        nice_to_have=_to_models(nice_reqs),
        min_total_months=total,
        education_level=level,
        title_keywords=keywords,
        seniority=seniority,
        description=description,
    )


class _GraphRef:
    """Loads the graph on the first skill that needs it, once per call."""

    def __init__(self, graph: SkillsGraph | None) -> None:
        self.graph = graph

    def get(self) -> SkillsGraph:
        if self.graph is None:
            self.graph = _graph(None)
        return self.graph


def _build(**fields: Any) -> Requisition:
    try:
        return Requisition(**fields)
    except ValidationError as exc:  # a range the checks above did not cover
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error.get("loc", ())) or "requisition"
        raise InvalidArgumentError(
            where, expected=str(error.get("msg", "a valid value")), got=error.get("input")
        ) from exc


def _optional_str(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidArgumentError(key, expected="a str", got=value)
    return value.strip()


def _number(value: Any, name: str, *, expected: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise InvalidArgumentError(name, expected=expected, got=value)
    return float(value)


def _months(data: Mapping[str, Any], months_key: str, years_key: str, prefix: str = "") -> int | None:
    if data.get(months_key) is not None:
        value = _number(data[months_key], prefix + months_key, expected="a whole number of months >= 0")
        if value < 0 or value != int(value):
            raise InvalidArgumentError(
                prefix + months_key, expected="a whole number of months >= 0", got=data[months_key]
            )
        return int(value)
    if data.get(years_key) is not None:
        value = _number(data[years_key], prefix + years_key, expected="a number of years >= 0")
        if value < 0:
            raise InvalidArgumentError(prefix + years_key, expected="a number of years >= 0", got=data[years_key])
        return round(value * 12)
    return None


def _education_level(value: Any) -> str:
    if isinstance(value, str):
        key = value.strip().lower()
        if key in EDUCATION_LEVELS or key == "other":
            return key
        level = degree_level(value.strip())
        if level is not None:
            return level
        aliases = {"bachelors": "bachelor", "masters": "master", "phd": "doctorate", "high school": "secondary"}
        if key.replace("'", "") in aliases:
            return aliases[key.replace("'", "")]
    raise InvalidArgumentError(
        "education_level", expected=f"one of {', '.join((*EDUCATION_LEVELS, 'other'))} or a degree name", got=value
    )


def _seniority_value(value: Any) -> Seniority:
    if isinstance(value, str):
        key = value.strip().lower().rstrip(".")
        if key in _SENIORITY_ORDER:
            return key
        if key in _SENIORITY_WORDS:
            return _SENIORITY_WORDS[key]
        if key in {"entry", "entry-level", "entry level", "graduate", "new grad"}:
            return "junior"
    raise InvalidArgumentError("seniority", expected=f"one of {', '.join(_SENIORITY_ORDER)}", got=value)


_REQ_TEXT_YEARS = re.compile(
    r"\(?\s*(?:at\s+least\s+|min(?:imum)?\.?\s+(?:of\s+)?)?(?P<n>\d{1,2}(?:\.\d+)?)\s*\+?\s*(?P<unit>years?|yrs?|months?|mos?)\b['’]?s?\s*\)?"
    r"(?:\s+(?:of\s+)?(?:experience\s+)?(?:with|in|of|using)?)?",
    re.I,
)
_REQ_SPLIT = re.compile(r"\s*(?:,|\bor\b|\band/or\b|\|)\s*", re.I)
_REQ_FILLER = re.compile(
    r"^(?:(?:experience|exp|skills?|knowledge|proficiency)\s+(?:with|in|of|using)\s+)+|^(?:of|with|in)\s+", re.I
)


def _requirement(item: Any, where: str, graph: _GraphRef, position: int) -> _Req:
    """One requirement of a structured requisition (a string or a mapping)."""
    if isinstance(item, str):
        text = item.strip()
        months = None
        found = _REQ_TEXT_YEARS.search(text)
        if found:
            n = float(found.group("n"))
            months = round(n * (1 if found.group("unit").lower().startswith("m") else 12))
            text = (text[: found.start()] + " " + text[found.end() :]).strip(" ,:-")
        text = _REQ_FILLER.sub("", text).strip()
        ids = _resolve_list(text, where, graph)
        return _Req(ids[0], text, tuple(ids[1:]), months, 1.0, position)
    if not isinstance(item, Mapping):
        raise InvalidArgumentError(where, expected="a skill name (str) or a mapping with 'skill'", got=item)
    unknown = sorted(str(k) for k in item if k not in _REQUIREMENT_FIELDS)
    if unknown:
        raise InvalidArgumentError(
            f"{where}.{unknown[0]}", expected=f"one of {', '.join(sorted(_REQUIREMENT_FIELDS))}", got=unknown[0]
        )
    skill = item.get("skill", item.get("skill_id"))
    if not isinstance(skill, str) or not skill.strip():
        raise InvalidArgumentError(f"{where}.skill", expected="a skill name (non-empty str)", got=skill)
    if "min_months" in item and "min_years" in item:
        raise InvalidArgumentError(
            f"{where}.min_years", expected="either min_months or min_years, not both", got="both"
        )
    months = _months(item, "min_months", "min_years", prefix=where + ".")
    weight = 1.0
    if item.get("weight") is not None:
        weight = _number(item["weight"], f"{where}.weight", expected="a number > 0 and <= 100")
        if not 0 < weight <= 100:
            raise InvalidArgumentError(f"{where}.weight", expected="a number > 0 and <= 100", got=item["weight"])
    alternatives = item.get("alternatives") or ()
    if isinstance(alternatives, str) or not isinstance(alternatives, Sequence):
        raise InvalidArgumentError(f"{where}.alternatives", expected="a list of skill names", got=alternatives)
    name = item.get("name", skill)
    if not isinstance(name, str):
        raise InvalidArgumentError(f"{where}.name", expected="a str", got=name)
    head = _resolve(skill.strip(), graph)
    alts: list[str] = []
    for j, alt in enumerate(alternatives):
        if not isinstance(alt, str) or not alt.strip():
            raise InvalidArgumentError(f"{where}.alternatives[{j}]", expected="a skill name (non-empty str)", got=alt)
        sid = _resolve(alt.strip(), graph)
        if sid != head and sid not in alts:
            alts.append(sid)
    return _Req(head, name.strip(), tuple(alts), months, weight, position)


def _resolve(name: str, graph: _GraphRef) -> str:
    """A skill id for a name or alias; raises UnknownSkillError (with near names) otherwise."""
    g = graph.get()
    sid = g.canonical(name)
    return sid if sid is not None else g.get(name).skill_id  # .get raises with suggestions


def _resolve_list(text: str, where: str, graph: _GraphRef) -> list[str]:
    """Ids of "Go or Java", "Jenkins, GitLab CI or GitHub Actions", "CI/CD", "ETL/ELT"."""
    if not text:
        raise InvalidArgumentError(where, expected="a skill name", got=text)
    g = graph.get()
    whole = g.canonical(text)
    if whole is not None:
        return [whole]
    ids: list[str] = []
    for piece in (p for p in _REQ_SPLIT.split(text) if p):
        sid = g.canonical(piece)
        parts = [sid] if sid is not None else [_resolve(p.strip(), graph) for p in piece.split("/") if p.strip()]
        if sid is None and "/" not in piece:
            parts = [_resolve(piece, graph)]
        for part in parts:
            if part is not None and part not in ids:
                ids.append(part)
    if not ids:
        raise InvalidArgumentError(where, expected="a skill name", got=text)
    return ids


# -- job ads ----------------------------------------------------------------------------------------
@dataclass
class _Clause:
    start: int
    end: int
    category: Category
    section: Category | Literal["none"]
    bullet: bool
    title_line: bool = False


@dataclass
class _AdState:
    must: list[_Req] = field(default_factory=list)
    nice: list[_Req] = field(default_factory=list)
    total: list[int] = field(default_factory=list)
    levels: list[str] = field(default_factory=list)


def _heading_key(line: str) -> str:
    text = _DECORATION.sub("", line).replace("’", "'").casefold().rstrip(":：").strip()
    text = re.sub(r"[^a-z0-9 ]+", " ", text)
    return " ".join(text.split())


def _heading_category(line: str) -> Category | None:
    """The category a heading line opens, or ``None`` for a content line."""
    raw = line.strip()
    if not raw or len(raw) > 70 or _BULLET.match(raw) or re.search(r"[:：]\s*\S", raw):
        return None
    if raw.rstrip("*_ ").endswith((".", "!", "?", ",", ";")):
        return None
    key = _heading_key(raw)
    words = key.split()
    if not words or len(words) > 8:
        return None
    if key in _HEADING_OF:
        return _HEADING_OF[key]
    for n in range(len(words) - 1, 0, -1):
        head = " ".join(words[:n])
        if head in _HEADING_OF and all(w in _HEADING_FILLER for w in words[n:]):
            return _HEADING_OF[head]
    if words[0] == "about" and len(words) <= 4:
        return "context" if set(words[1:]) & {"role", "job", "position", "you", "team", "opportunity"} else "ignore"
    kind = heading_kind(raw)
    if kind is not None:
        return _RESUME_KIND_CATEGORY.get(kind, "context")
    if raw.endswith((":", "：")) and len(words) <= 6 and raw[:1].isupper():
        if re.search(r"requir|need|must|qualif|essential", key):
            return "must"
        if re.search(r"nice|prefer|bonus|plus|desir|ideal", key):
            return "nice"
        if re.search(r"offer|benefit|perk|about|compensation|salary|apply", key):
            return "ignore"
        return "context"
    return None


def _lines(text: str) -> list[tuple[int, str]]:
    """(start offset, line without its end) for every line of ``text``."""
    out: list[tuple[int, str]] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        out.append((pos, raw.rstrip("\r\n")))
        pos += len(raw)
    return out


def _headings(lines: Sequence[tuple[int, str]]) -> list[tuple[int, Category | None]]:
    """For each line: where its content starts and the category it opens (``None``: no heading)."""
    marks: list[tuple[int, Category | None]] = []
    for _, line in lines:
        category = _heading_category(line)
        if category is not None:
            marks.append((len(line), category))
            continue
        inline = _INLINE_HEADING.match(line)
        if inline and not _BULLET.match(line) and _heading_key(inline.group(1)) in _HEADING_OF:
            marks.append((inline.start(2), _HEADING_OF[_heading_key(inline.group(1))]))  # "Requirements: Go, SQL"
            continue
        marks.append((0, None))
    return marks


def _clauses(
    lines: Sequence[tuple[int, str]], marks: Sequence[tuple[int, Category | None]], title_line: int
) -> list[_Clause]:
    """Cut the ad into clauses, each with the category its section and its cues give it."""
    has_headings = any(c is not None for _, c in marks)
    section: Category | Literal["none"] = "context" if has_headings else "none"
    out: list[_Clause] = []
    for (start, line), (offset, category) in zip(lines, marks, strict=True):
        if category is not None:
            section = category
        if offset >= len(line) or not line[offset:].strip():
            continue
        bullet = bool(_BULLET.match(line[offset:]))
        for a, b in _split_clauses(line, offset):
            category_here = _clause_category(line[a:b], section)
            out.append(_Clause(start + a, start + b, category_here, section, bullet, start == title_line))
    return out


def _split_clauses(line: str, offset: int) -> list[tuple[int, int]]:
    """Spans of a line's clauses (cut at ``;`` and sentence ends; at commas too when one clause
    carries both a must and a nice cue: "a BSc is required, an MSc preferred")."""
    cuts = [offset]
    for m in _SENTENCE_END.finditer(line, offset):
        before = re.search(r"([\w.]+)$", line[: m.start()])
        if m.group(0) == "." and before and before.group(1).lower().rstrip(".") in _ABBREVIATIONS:
            continue
        cuts.append(m.end())
    cuts.append(len(line))
    spans = [(a, b) for a, b in itertools.pairwise(cuts) if line[a:b].strip()]
    out: list[tuple[int, int]] = []
    for a, b in spans:
        part = line[a:b]
        if _NICE_CUE.search(part) and _MUST_CUE.search(part):
            inner = [a, *(a + m.end() for m in re.finditer(r",\s*|\s+but\s+|\s+while\s+", part)), b]
            out.extend((x, y) for x, y in itertools.pairwise(inner) if line[x:y].strip())
        else:
            out.append((a, b))
    return out


def _clause_category(clause: str, section: Category | Literal["none"]) -> Category:
    """A clause's own cue ("is a plus", "required"), else its section's (must-have without headings)."""
    if section == "ignore":
        return "ignore"
    nice, must = _NICE_CUE.search(clause), _MUST_CUE.search(clause)
    if nice:
        return "nice"
    if must:
        return "must"
    return "must" if section == "none" else section


def _looks_like_title(line: str) -> bool:
    raw = _DECORATION.sub("", line).strip()
    if not raw or len(raw) > 100 or _BULLET.match(raw) or _NOT_TITLE_START.match(raw):
        return False
    if raw.endswith((".", "!", "?", ",", ";", ":")) or re.search(r"[:：]\s*\S", raw) or "@" in raw or "://" in raw:
        return False
    return len(raw.split()) <= _MAX_TITLE_WORDS and (raw[:1].isupper() or raw[:1].isdigit())


def _find_title(
    text: str, lines: Sequence[tuple[int, str]], marks: Sequence[tuple[int, Category | None]]
) -> tuple[str, int]:
    """The title and the offset of the line it stands on (-1 when it comes from a sentence)."""
    for start, line in lines:
        m = _KEY_VALUE_TITLE.match(line)
        if m:
            return m.group(1).strip(), start
    for (start, line), (_, category) in zip(lines[:12], marks[:12], strict=False):
        if category is not None:
            break
        if _looks_like_title(line):
            return _DECORATION.sub("", line).strip(), start
    hiring = _HIRING.search(text)
    if hiring:
        return hiring.group("title").strip(), -1
    return "", -1


def _type(graph: SkillsGraph, skill_id: str, cache: dict[str, str]) -> str:
    kind = cache.get(skill_id)
    if kind is None:
        kind = cache[skill_id] = graph.get(skill_id).type
    return kind


def _groups(
    text: str, matches: Sequence[SkillMatch], graph: SkillsGraph, types: dict[str, str]
) -> list[list[SkillMatch]]:
    """Matches of one clause grouped into requirements: "or" lists and examples join."""
    from skills_graph.models import TECHNOLOGY_TYPES

    groups: list[list[SkillMatch]] = []
    current: list[SkillMatch] = []
    has_or = False
    examples = False

    def flush() -> None:
        if current and (has_or or examples):
            groups.append(list(current))
        else:
            groups.extend([m] for m in current)

    for m in matches:
        if current:
            prev = current[-1]
            between = text[prev.end : m.start]
            if (
                len(current) == 1
                and _type(graph, prev.skill_id, types) not in TECHNOLOGY_TYPES
                and _EXAMPLES.match(between)
            ):
                examples = True  # "a message broker such as Kafka or RabbitMQ"
                current.append(m)
                continue
            if _CONNECTOR.match(between) and (examples or not _AND_WORD.search(between)):
                has_or = has_or or bool(_OR_WORD.search(between))
                current.append(m)
                continue
            flush()
        current, has_or, examples = [m], False, False
    flush()
    return groups


@dataclass(frozen=True)
class _Years:
    """A "5+ years" in a clause, and the mentions it measures."""

    start: int
    end: int
    months: int
    postfix: bool  # "Python (4+ years)", "Java for 3 years": it measures what comes before
    scope: tuple[SkillMatch, ...]


def _years_in(text: str, start: int, end: int, matches: Sequence[SkillMatch]) -> list[_Years]:
    found: list[tuple[int, int, int]] = []
    for y in _YEARS.finditer(text, start, end):
        raw_n = y.group("n").lower()
        n = float(_NUMBER_WORDS[raw_n]) if raw_n in _NUMBER_WORDS else float(raw_n)
        months = round(n * (1 if y.group("unit").lower().startswith("m") else 12))
        if 0 < months <= 50 * 12:
            found.append((y.start(), y.end(), months))
    out: list[_Years] = []
    for i, (a, b, months) in enumerate(found):
        lo = found[i - 1][1] if i else start
        hi = found[i + 1][0] if i + 1 < len(found) else end
        before = tuple(m for m in matches if lo <= m.start and m.end <= a)
        after = tuple(m for m in matches if b <= m.start and m.end <= hi)
        in_parens = bool(re.search(r"\(\s*(?:at\s+least\s+|min(?:imum)?\.?\s+)?$", text[lo:a], re.I))
        filler = _YEARS_FILLER.match(text, b, hi)
        rest = text[filler.end() if filler else b : hi]
        if in_parens and not before:
            continue  # "(3+ years)" after a skill the graph did not find: nothing to attach to
        postfix = bool(before) and (in_parens or not after or bool(re.match(r"\s*(?:[),.;]|$)", rest)))
        out.append(_Years(a, b, months, postfix, before if postfix else after))
    return out


def _is_total(text: str, years: _Years, graph: SkillsGraph, types: dict[str, str]) -> bool:
    """Do these years measure experience in general ("5+ years of experience", "7+ years in
    software engineering", "5+ years of backend development in Go") rather than of one skill?"""
    if years.postfix:
        return False
    filler = _YEARS_FILLER.match(text, years.end)
    skip = filler.end() if filler else years.end
    first = years.scope[0] if years.scope else None
    if first is None or first.start > skip:
        return True  # no skill right after: "of experience", "in software engineering", "building ..."
    return _type(graph, first.skill_id, types) == "domain"


def _from_ad(text: str, *, graph: SkillsGraph, requisition_id: str) -> Requisition:
    from skills_graph.models import TECHNOLOGY_TYPES

    lines = _lines(text)
    marks = _headings(lines)
    title, title_line = _find_title(text, lines, marks)
    heading_lines = {
        start for (start, line), (offset, c) in zip(lines, marks, strict=True) if c and offset >= len(line)
    }
    hidden = [m.span() for m in _URL_OR_EMAIL.finditer(text)]
    all_matches = [
        m
        for m in graph.match_text(text)
        if text.rfind("\n", 0, m.start) + 1 not in heading_lines
        and not any(a < m.end and m.start < b for a, b in hidden)
    ]
    types: dict[str, str] = {}
    state = _AdState()
    for clause in _clauses(lines, marks, title_line):
        if clause.category == "ignore":
            continue
        clause_text = text[clause.start : clause.end]
        matches = [m for m in all_matches if clause.start <= m.start and m.end <= clause.end]
        degrees = _degree_levels(clause_text)
        if clause.category == "must" and degrees and not _EQUIVALENT.search(clause_text):
            state.levels.append(min(degrees, key=EDUCATION_LEVELS.index))
        if degrees:  # "BSc in Statistics": the subject belongs to the degree
            matches = [m for m in matches if _type(graph, m.skill_id, types) in TECHNOLOGY_TYPES]
        asides = [(clause.start + p.start(), clause.start + p.end()) for p in _CONTEXT_PAREN.finditer(clause_text)]
        years = _years_in(text, clause.start, clause.end, matches)
        months_of: dict[int, int] = {}  # mention start -> months asked
        for y in years:
            for m in y.scope:
                months_of[m.start] = max(months_of.get(m.start, 0), y.months)
            if clause.category == "must" and _is_total(text, y, graph, types):
                state.total.append(y.months)
        cued = bool(years) or bool(_NICE_CUE.search(clause_text) or _MUST_CUE.search(clause_text))
        for group in _groups(text, matches, graph, types):
            _add_group(
                text,
                group=group,
                clause=clause,
                state=state,
                graph=graph,
                types=types,
                months_of=months_of,
                asides=asides,
                cued=cued,
            )
    must = _merge(state.must)
    nice = _merge(state.nice, exclude=(r.skill_id for r in must))
    seniority = _seniority_of_title(title) if title else None
    return _build(
        requisition_id=requisition_id,
        title=title,
        must_have=_to_models(must),
        nice_to_have=_to_models(nice),
        min_total_months=max(state.total) if state.total else None,
        education_level=min(state.levels, key=EDUCATION_LEVELS.index) if state.levels else None,
        title_keywords=_title_keywords(title),
        seniority=seniority or _seniority_of_text(text),
        description=text,
    )


_URL_OR_EMAIL = re.compile(r"\S+@\S+\.\w+|(?:https?://|www\.)\S+", re.I)


def _degree_levels(clause: str) -> list[str]:
    """Education levels a clause names ("BS/MS in CS" -> bachelor and master).

    >>> _degree_levels("BS/MS in Computer Science"), _degree_levels("a broker such as Kafka")
    (['bachelor', 'master'], [])
    """
    spaced = clause.replace("/", " / ")
    levels: list[str] = []
    for m in DEGREE_RE.finditer(spaced):
        word = m.group(0)
        letters = re.sub(r"[^A-Za-z]", "", word)
        if len(letters) <= 3 and word.islower():
            continue  # "as", "ma": an English word, not a degree
        if re.match(r"\s*(?:Office|Excel|Word|Teams|Access|SQL|Azure|Project|Visio|Dynamics)\b", spaced[m.end() :]):
            continue  # "MS Office"
        level = degree_level(word)
        if level == "certificate" and "diploma" not in word.lower():
            continue  # "AWS certificate" is a credential, not schooling
        if level is not None:
            levels.append(level)
    if not levels:
        levels.extend("master" if m.group("grad") else "bachelor" for m in _BARE_DEGREE.finditer(clause))
    return levels


def _add_group(
    text: str,
    *,
    group: Sequence[SkillMatch],
    clause: _Clause,
    state: _AdState,
    graph: SkillsGraph,
    types: dict[str, str],
    months_of: Mapping[int, int],
    asides: Sequence[tuple[int, int]],
    cued: bool,
) -> None:
    """Add one requirement (a skill, or skills that are alternatives) to the must or nice list."""
    kinds = [_type(graph, m.skill_id, types) for m in group]
    aside = clause.title_line or any(a <= group[0].start < b for a, b in asides)
    category: Category = "context" if aside else clause.category
    listed = clause.section in {"must", "nice"} or cued or (clause.section == "none" and clause.bullet)
    ids: list[str] = []
    for m, kind in zip(group, kinds, strict=True):
        if kind == "domain" and (category == "context" or not listed):
            continue  # "our fintech platform": an industry named in passing
        if m.skill_id not in ids:
            ids.append(m.skill_id)
    if not ids:
        return
    name = group[0].surface if len(group) == 1 else text[group[0].start : group[-1].end]
    asked = [months_of[m.start] for m in group if m.start in months_of]
    soft = all(k == "soft" for k in kinds)
    weight = CONTEXT_WEIGHT if category == "context" or soft else 1.0
    req = _Req(ids[0], name, tuple(ids[1:]), max(asked) if asked else None, weight, group[0].start, soft)
    (state.must if category == "must" and not soft else state.nice).append(req)
