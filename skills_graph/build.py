"""Build the packaged skills graph from the editable sources in ``data/skills/``.

Run ``python -m skills_graph.build`` from a checkout to rewrite
``skills_graph/data/skills_graph.json.gz``. The build reads nothing but ``data/skills/`` and is
deterministic: the same sources give the same bytes (a test rebuilds and compares).

Sources, in order of authority:

1. the curated technology layer (``data/skills/curated/*.yaml``, written by the team);
2. ESCO v1.2.0 skills, skill groups, hierarchy and skill-skill relations;
3. O*NET 29.2 Technology Skills (technology names, UNSPSC commodity classes, hot/in-demand flags);
4. Stack Overflow tag synonyms (aliases only), tag counts (popularity) and tag co-occurrence.

Every surface form (name or alias) resolves to exactly one skill: when two sources claim the
same surface, the more authoritative one keeps it.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import logging
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from skillmatch.errors import GraphBuildError
from skills_graph.graph import artefact_bytes
from skills_graph.matching import implied_regex
from skills_graph.models import SKILL_TYPES, TECHNOLOGY_TYPES
from skills_graph.text import loose_key, slugify, surface_key, tokenize

__all__ = ["build_graph", "write_artefact", "main", "FORMAT_VERSION"]

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

FORMAT_VERSION = 2

# Surface priorities: lower wins when two skills claim the same surface.
P_CURATED_NAME, P_CURATED_ALIAS = 0, 1
P_ESCO_LABEL, P_ONET_NAME, P_ESCO_APPROX = 2, 3, 4
P_ESCO_ALT, P_DERIVED, P_SO_SYNONYM = 5, 6, 7

# Default edge weights by provenance (a curated weight always wins).
W_CURATED_BROADER = 0.9
W_CURATED_RELATED = 0.5
W_ESCO_SKILL_BROADER = 0.7
W_ESCO_GROUP_BROADER = 0.5
W_ESCO_ESSENTIAL = 0.35
W_ESCO_OPTIONAL = 0.2
W_ONET_CLASS = 0.5
W_SO_COOCCURRENCE_MAX = 0.5

# Single-token surfaces that are everyday English words (Zipf scale, by how they are written)
# are matched only in a skill context, whatever their source: "Construction", "turning", "FAR".
COMMON_WORD_ZIPF = 4.3  # Title-case surfaces ("Construction", "Statistics")
COMMON_LOWER_ZIPF = 3.5  # lower-case surfaces ("turning", "pizza")
# All-caps and mixed-case surfaces that spell an everyday word in lower case ("FAR", "SNAP",
# "VisIt") are safe in their own case: they are matched case-sensitively instead.
CASED_ZIPF = 3.8
# Below this a declared ambiguous surface is treated as case-sensitive rather than contextual.
RARE_WORD_ZIPF = 2.5
# Skill types that name a practice or a field rather than a product.
_PRACTICE_TYPES = frozenset({"concept", "domain"})


def _practice_word(surface: str) -> bool:
    """A capitalised singular word ("Payroll", "Logistics"), not a plural ("Databases") or an acronym.

    >>> [_practice_word(s) for s in ("Payroll", "Logistics", "Databases", "SEO")]
    [True, True, False, False]
    """
    return surface.istitle() and (not surface.endswith("s") or surface.endswith(("ics", "ss")))


# Stack Overflow synonyms: drop short, versioned or everyday-word aliases.
SO_MIN_ALIAS_LEN = 4
SO_MAX_ZIPF = 3.0
# O*NET product names without their vendor ("Atlassian JIRA" -> "JIRA"), when distinctive.
ONET_STRIPPED_MAX_ZIPF = 2.5
ONET_PLAIN_WORD_MAX_ZIPF = 1.5
_COMPANY_ENDINGS = ("tech", "soft", "ware", "systems", "works", "labs", "logic", "logix", "integrators", "solutions")
# Longest surface (in tokens) that the matcher indexes.
MAX_MATCH_TOKENS = 6

ONET_TYPES: dict[str, str] = {
    "Data base management system software": "database",
    "Object oriented data base management software": "database",
    "Operating system software": "platform",
    "Application server software": "platform",
    "Transaction server software": "platform",
    "Portal server software": "platform",
    "Communications server software": "platform",
    "Cloud-based management software": "cloud",
    "Cloud-based data access and sharing software": "cloud",
    "Cloud-based protection or security software": "cloud",
}

# ESCO competences are verb phrases ("manage payroll", "plan menus"). Job ads write the noun
# phrase ("payroll", "menu planning"). These tables derive such short forms.
_GENERIC_VERBS = frozenset(
    [
        "use",
        "apply",
        "perform",
        "conduct",
        "carry",
        "provide",
        "ensure",
        "undertake",
        "execute",
        "practise",
        "practice",
        "operate",
        "handle",
        "utilise",
        "utilize",
        "employ",
    ]
)
_NOMINAL: dict[str, str] = {
    "manage": "management",
    "plan": "planning",
    "develop": "development",
    "design": "design",
    "analyse": "analysis",
    "analyze": "analysis",
    "prepare": "preparation",
    "control": "control",
    "administer": "administration",
    "maintain": "maintenance",
    "assess": "assessment",
    "coordinate": "coordination",
    "monitor": "monitoring",
    "process": "processing",
    "evaluate": "evaluation",
    "implement": "implementation",
    "negotiate": "negotiation",
    "install": "installation",
    "inspect": "inspection",
    "repair": "repair",
    "supervise": "supervision",
    "train": "training",
    "teach": "teaching",
    "test": "testing",
    "audit": "auditing",
    "budget": "budgeting",
    "forecast": "forecasting",
    "market": "marketing",
    "schedule": "scheduling",
    "recruit": "recruitment",
    "write": "writing",
    "edit": "editing",
    "cook": "cooking",
    "bake": "baking",
    "sew": "sewing",
    "draft": "drafting",
    "calculate": "calculation",
    "estimate": "estimating",
    "diagnose": "diagnosis",
    "treat": "treatment",
    "measure": "measurement",
    "reconcile": "reconciliation",
    "organise": "organisation",
    "organize": "organization",
    "operate": "operation",
    "create": "creation",
    "conduct": "conduct",
    "sell": "selling",
    "serve": "service",
    "clean": "cleaning",
    "paint": "painting",
    "weld": "welding",
    "program": "programming",
    "model": "modelling",
    "report": "reporting",
}
# Objects too generic to stand alone as a skill ("manage staff" -> not "staff").
_GENERIC_OBJECTS = frozenset(
    [
        "staff",
        "people",
        "team",
        "teams",
        "data",
        "information",
        "work",
        "tasks",
        "activities",
        "operations",
        "resources",
        "equipment",
        "materials",
        "procedures",
        "processes",
        "documents",
        "records",
        "systems",
        "tools",
        "services",
        "products",
        "quality",
        "safety",
        "time",
        "money",
        "clients",
        "customers",
        "patients",
        "animals",
        "others",
        "it",
        "them",
        "results",
        "issues",
        "problems",
        "standards",
        "policies",
        "requirements",
        "instructions",
        "meetings",
        "tests",
        "samples",
        "reports",
        "machinery",
        "machines",
        "vehicles",
        "instruments",
        "plans",
        "projects",
        "budget",
        "budgets",
        "relationships",
        "contacts",
    ]
)


_FUNCTION_WORDS = frozenset(
    ["and", "or", "of", "the", "a", "an", "to", "in", "on", "for", "with", "by", "from", "as", "at"]
)


@dataclass
class _Node:
    skill_id: str
    name: str
    type: str
    aliases: dict[str, str] = field(default_factory=dict)  # surface -> provenance
    sources: dict[str, set[str]] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    ambiguous: set[str] = field(default_factory=set)  # declared by the curated layer
    everyday: set[str] = field(default_factory=set)  # everyday words: need a skill context
    cased: set[str] = field(default_factory=set)  # acronyms spelling a word: need their own case
    popularity: int = 0

    def add_source(self, kind: str, value: str) -> None:
        self.sources.setdefault(kind, set()).add(value)


@dataclass(frozen=True)
class _Claim:
    priority: int
    skill_id: str
    surface: str
    provenance: str


class _Builder:
    """Accumulates nodes, surfaces and edges; resolves conflicts deterministically."""

    def __init__(self, common_zipf: Any) -> None:
        self.nodes: dict[str, _Node] = {}
        self.claims: dict[str, _Claim] = {}  # surface_key -> winning claim
        self.edges: dict[tuple[str, str, str], tuple[float, str]] = {}
        self.zipf = common_zipf
        self.dropped_surfaces = 0

    # -- nodes and surfaces -------------------------------------------------------------
    def new_id(self, name: str, prefix: str = "") -> str:
        base = (prefix + slugify(name)) if prefix else slugify(name)
        candidate, n = base, 2
        while candidate in self.nodes:
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    def add_node(self, node: _Node, name_priority: int, provenance: str) -> None:
        if node.skill_id in self.nodes:
            raise GraphBuildError(f"Duplicate skill id {node.skill_id!r}.")
        self.nodes[node.skill_id] = node
        self.claim(node.skill_id, node.name, name_priority, provenance, is_name=True)

    def owner(self, surface: str) -> str | None:
        claim = self.claims.get(surface_key(surface))
        return claim.skill_id if claim else None

    def claim(self, skill_id: str, surface: str, priority: int, provenance: str, *, is_name: bool = False) -> bool:
        surface = " ".join(surface.split())
        key = surface_key(surface)
        if not key or len(key) > 120:
            return False
        current = self.claims.get(key)
        if current is not None:
            if current.skill_id == skill_id:
                return False
            if current.priority <= priority:
                self.dropped_surfaces += 1
                return False
            # The new claim wins: the old owner loses this alias.
            loser = self.nodes[current.skill_id]
            loser.aliases.pop(current.surface, None)
            self.dropped_surfaces += 1
        self.claims[key] = _Claim(priority, skill_id, surface, provenance)
        if not is_name:
            self.nodes[skill_id].aliases[surface] = provenance
        return True

    def add_edge(self, source: str, target: str, kind: str, weight: float, provenance: str) -> None:
        if source == target:
            return
        if kind == "related" and source > target:
            source, target = target, source
        key = (source, target, kind)
        current = self.edges.get(key)
        # Curated edges win; otherwise keep the strongest.
        if (
            current is None
            or (provenance.startswith("curated") and not current[1].startswith("curated"))
            or (not current[1].startswith("curated") and weight > current[0])
        ):
            self.edges[key] = (weight, provenance)

    def word_risk(self, surface: str, *, curated: bool = False) -> str | None:
        """How a one-token surface that is also an everyday word must be matched.

        ``"context"``: only in a skill context; ``"case"``: only in its own case; ``None``: freely.

        >>> b = _Builder(lambda w: {"turning": 4.7, "far": 5.5, "construction": 5.0, "react": 4.2}.get(w, 0.0))
        >>> [b.word_risk(s, curated=True) for s in ("turning", "FAR", "Construction", "React", "AWS")]
        ['context', 'case', 'context', 'case', None]
        >>> b.word_risk("AWS"), b.word_risk("Machine learning"), b.word_risk("C++", curated=True)
        ('context', None, None)
        """
        if len(tokenize(surface)) != 1:
            return None
        if not surface.isalpha():
            # "C++", "C#", "M&A", "I2C": word frequency lists split these into their letters.
            return "context" if not curated and len(surface) <= 3 else None
        zipf = self.zipf(surface.lower())
        if not surface.islower() and not surface.istitle() and zipf >= CASED_ZIPF:
            return "case"  # "FAR", "SNAP", "VisIt"
        if not curated:  # third-party names: short or everyday in any case ("Analyze")
            return "context" if len(surface) <= 3 or zipf >= COMMON_LOWER_ZIPF else None
        if surface.islower():
            return "context" if zipf >= COMMON_LOWER_ZIPF else None
        if surface.istitle():  # "Construction" needs context; "Stripe" its capital letter
            return "context" if zipf >= COMMON_WORD_ZIPF else ("case" if zipf >= COMMON_LOWER_ZIPF else None)
        return None

    def is_common_word(self, surface: str) -> bool:
        """A one-token surface that needs context outside the curated layer."""
        return self.word_risk(surface) == "context"


# ----------------------------------------------------------------------------- sources
def _read_csv(path: Path, delimiter: str = ",") -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh, delimiter=delimiter)


def _split_labels(raw: str) -> list[str]:
    parts = re.split(r"\s*\|\s*|\n", raw or "")
    return [p.strip() for p in parts if p.strip()]


def _as_weights(value: Any, default: float, where: str) -> list[tuple[str, float]]:
    if value is None:
        return []
    if isinstance(value, dict):
        return [(str(k), float(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [(str(v), default) for v in value]
    raise GraphBuildError(f"{where}: expected a list or a mapping, got {type(value).__name__}.")


def _load_curated(b: _Builder, curated_dir: Path) -> list[str]:
    import yaml

    problems: list[str] = []
    pending: list[tuple[str, str, str, str, float]] = []
    for path in sorted(curated_dir.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for i, entry in enumerate(doc.get("skills") or []):
            where = f"{path.name}[{i}]"
            name = str(entry.get("name", "")).strip()
            kind = entry.get("type")
            if not name or kind not in SKILL_TYPES:
                problems.append(f"{where}: needs a name and a type in {SKILL_TYPES}, got {name!r}/{kind!r}")
                continue
            if b.owner(name) is not None and b.claims[surface_key(name)].priority <= P_CURATED_ALIAS:
                problems.append(f"{where}: {name!r} is already defined")
                continue
            node = _Node(slugify(str(entry.get("id") or name)), name, kind)
            if node.skill_id in b.nodes:
                node.skill_id = b.new_id(name)
            node.add_source("curated", path.name)
            b.add_node(node, P_CURATED_NAME, "curated")
            for raw_alias in entry.get("aliases") or []:
                alias = str(raw_alias).strip()
                owner = b.owner(alias)
                if owner is not None and owner != node.skill_id:
                    problems.append(f"{where}: alias {alias!r} of {name!r} already names {owner!r}")
                    continue
                b.claim(node.skill_id, alias, P_CURATED_ALIAS, "curated")
            for surface in entry.get("ambiguous") or []:
                node.ambiguous.add(str(surface))
            for kind, default in (("broader", W_CURATED_BROADER), ("related", W_CURATED_RELATED)):
                for ref, weight in _as_weights(entry.get(kind), default, f"{where}.{kind}"):
                    pending.append((where, node.skill_id, kind, ref, weight))
    # `extend:` entries add aliases (and ambiguous forms) to a skill defined in another file.
    for path in sorted(curated_dir.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for i, entry in enumerate(doc.get("extend") or []):
            where = f"{path.name}: extend[{i}]"
            sid = b.owner(str(entry.get("name", "")))
            if sid is None:
                problems.append(f"{where}: unknown skill {entry.get('name')!r}")
                continue
            for raw_alias in entry.get("aliases") or []:
                alias = str(raw_alias).strip()
                owner = b.owner(alias)
                if owner is not None and owner != sid:
                    problems.append(f"{where}: alias {alias!r} already names {owner!r}")
                    continue
                b.claim(sid, alias, P_CURATED_ALIAS, "curated")
            for surface in entry.get("ambiguous") or []:
                b.nodes[sid].ambiguous.add(str(surface))
    # References resolve once every curated name and alias is known (any file, any order).
    for where, sid, kind, ref, weight in pending:
        target = _resolve_curated(b, ref)
        if target is None:
            problems.append(f"{where}: unknown {kind} reference {ref!r}")
        else:
            b.add_edge(sid, target, kind, weight, "curated")
    return problems


def _resolve_curated(b: _Builder, ref: str) -> str | None:
    claim = b.claims.get(surface_key(ref))
    if claim is not None:
        return claim.skill_id
    key = loose_key(ref)
    hits = {c.skill_id for k, c in b.claims.items() if c.priority <= P_CURATED_ALIAS and loose_key(k) == key}
    return hits.pop() if len(hits) == 1 else None


def _esco_nominal_forms(label: str) -> list[str]:
    """Short noun-phrase forms of an ESCO verb-phrase label.

    >>> _esco_nominal_forms("plan menus"), _esco_nominal_forms("manage payroll")
    (['menu planning'], ['payroll management', 'payroll'])
    >>> _esco_nominal_forms("provide patient care"), _esco_nominal_forms("manage staff")
    (['patient care'], [])
    """
    words = label.split()
    if len(words) < 2 or len(words) > 4 or not words[0].isalpha():
        return []
    verb, obj = words[0].lower(), words[1:]
    if any(w in {"and", "or", "to", "of", "for", "with", "in", "on", "the", "a", "an"} for w in obj):
        return []
    obj_text = " ".join(obj)
    if obj[-1].lower() in _GENERIC_OBJECTS and len(obj) == 1:
        return []
    forms: list[str] = []
    if verb in _NOMINAL:
        forms.append(f"{' '.join([*obj[:-1], _singular(obj[-1])])} {_NOMINAL[verb]}".strip())
    if verb in _GENERIC_VERBS or (verb == "manage" and len(obj) == 1):
        forms.append(obj_text)
    return forms


_IRREGULAR_SINGULAR = {"menus": "menu", "children": "child", "people": "person", "analyses": "analysis"}


def _singular(word: str) -> str:
    lower = word.lower()
    if lower in _IRREGULAR_SINGULAR:
        return _IRREGULAR_SINGULAR[lower]
    if lower.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if lower.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _load_esco(b: _Builder, esco: Path) -> int:
    """ESCO skills, groups, labels and relations. Returns the number of ESCO skills added."""
    skill_type: dict[str, str] = {}
    labels: dict[str, tuple[str, list[str], bool]] = {}  # uri -> (label, alts, authoritative)
    for name in (
        "digitalSkillsCollection_en.csv",
        "transversalSkillsCollection_en.csv",
        "languageSkillsCollection_en.csv",
    ):
        for row in _read_csv(esco / name):
            uri = row["conceptUri"]
            transversal = row.get("reuseLevel") == "transversal" and "language" not in name
            skill_type[uri] = "soft" if transversal else ("concept" if row["skillType"] == "knowledge" else "domain")
            labels[uri] = (row["preferredLabel"], _split_labels(row["altLabels"]), True)
    for row in _read_csv(esco / "skillSkillRelations_en.csv"):
        for uri, kind in (
            (row["originalSkillUri"], row["originalSkillType"]),
            (row["relatedSkillUri"], row["relatedSkillType"]),
        ):
            skill_type.setdefault(uri, "concept" if kind == "knowledge" else "domain")
    for row in _read_csv(esco / "derived_skill_labels.csv"):
        uri, label = row["conceptUri"], row["preferredLabel"].strip()
        if not label or uri in labels:
            continue
        authoritative = row["label_source"].startswith("esco_")
        labels[uri] = (label, _split_labels(row["altLabels"]), authoritative)

    uri_to_id: dict[str, str] = {}
    added = 0
    for uri in sorted(labels, key=lambda u: (labels[u][0].lower(), u)):
        label, alts, authoritative = labels[uri]
        existing = b.owner(label)
        if existing is not None and b.claims[surface_key(label)].priority <= P_CURATED_ALIAS:
            node = b.nodes[existing]  # ESCO confirms a curated skill: merge.
        else:
            node = _Node(b.new_id(label), label, skill_type.get(uri, "domain"))
            if not authoritative:
                node.flags.add("approximate_label")
            b.add_node(node, P_ESCO_LABEL if authoritative else P_ESCO_APPROX, "esco")
            added += 1
        node.add_source("esco", uri)
        uri_to_id[uri] = node.skill_id
        for alt in alts:
            # Longer paraphrases are never written verbatim in a resume: keep the index small.
            # Fragments such as "and procedures" are label-splitting accidents.
            if (
                alt.lower() != label.lower()
                and len(tokenize(alt)) <= MAX_MATCH_TOKENS
                and alt.split()[0].lower() not in _FUNCTION_WORDS
            ):
                b.claim(node.skill_id, alt, P_ESCO_ALT, "esco")
        if node.type != "soft":
            for form in _esco_nominal_forms(label):
                b.claim(node.skill_id, form, P_DERIVED, "esco-derived")

    for row in _read_csv(esco / "skillGroups_en.csv"):
        uri, label = row["conceptUri"], row["preferredLabel"].strip()
        if not label:
            continue
        existing = b.owner(label)
        if existing is not None and b.claims[surface_key(label)].priority <= P_ESCO_LABEL:
            node = b.nodes[existing]
        else:
            node = _Node(b.new_id(label), label, "domain")
            node.flags.add("esco_group")
            b.add_node(node, P_ESCO_LABEL, "esco")
        node.add_source("esco", uri)
        uri_to_id[uri] = node.skill_id
        for alt in _split_labels(row["altLabels"]):
            b.claim(node.skill_id, alt, P_ESCO_ALT, "esco")

    for row in _read_csv(esco / "broaderRelationsSkillPillar_en.csv"):
        src, dst = uri_to_id.get(row["conceptUri"]), uri_to_id.get(row["broaderUri"])
        if src and dst:
            weight = W_ESCO_SKILL_BROADER if row["broaderType"] != "SkillGroup" else W_ESCO_GROUP_BROADER
            b.add_edge(src, dst, "broader", weight, "esco")
    for row in _read_csv(esco / "skillSkillRelations_en.csv"):
        src, dst = uri_to_id.get(row["originalSkillUri"]), uri_to_id.get(row["relatedSkillUri"])
        if src and dst:
            essential = row["relationType"] == "essential"
            b.add_edge(
                src, dst, "related", W_ESCO_ESSENTIAL if essential else W_ESCO_OPTIONAL, "esco:" + row["relationType"]
            )
    return added


def _load_onet(b: _Builder, onet: Path) -> int:
    """O*NET technologies, merged into known skills where the name resolves."""
    techs: dict[str, dict[str, Any]] = {}
    for row in _read_csv(onet / "technology_skills_29.2.tsv", delimiter="\t"):
        name = " ".join(row["Example"].split())
        t = techs.setdefault(name, {"codes": {}, "hot": False, "demand": False, "occupations": set()})
        t["codes"][row["Commodity Code"]] = row["Commodity Title"]
        t["hot"] |= row["Hot Technology"] == "Y"
        t["demand"] |= row["In Demand"] == "Y"
        t["occupations"].add(row["O*NET-SOC Code"])
    classes: dict[str, str] = {}
    for t in techs.values():
        classes.update(t["codes"])
    class_ids: dict[str, str] = {}
    for code in sorted(classes):
        title = classes[code]
        node = _Node(b.new_id(title, "onet-"), title, "concept")
        node.add_source("onet", code)
        node.flags.add("onet_class")
        b.add_node(node, P_ONET_NAME, "onet")
        class_ids[code] = node.skill_id

    vendors = _onet_vendors(techs)
    product_words = _onet_product_words(techs, vendors, b)
    added = 0
    for name in sorted(techs):
        t = techs[name]
        target = _onet_target(b, name, vendors)
        if target is not None:
            node = b.nodes[target]
            b.claim(node.skill_id, name, P_ONET_NAME, "onet")
        else:
            code = min(t["codes"])
            node = _Node(b.new_id(name), name, ONET_TYPES.get(t["codes"][code], "tool"))
            b.add_node(node, P_ONET_NAME, "onet")
            added += 1
            stripped = _strip_vendor(name, vendors)
            if stripped and _distinctive_product_name(stripped, b):
                b.claim(node.skill_id, stripped, P_ONET_NAME + 1, "onet-stripped")
            for word in product_words.get(name, ()):
                b.claim(node.skill_id, word, P_ONET_NAME + 1, "onet-product-word")
        for code in sorted(t["codes"]):
            node.add_source("onet", code)
            b.add_edge(node.skill_id, class_ids[code], "broader", W_ONET_CLASS, "onet")
        if t["hot"]:
            node.flags.add("hot_technology")
        if t["demand"]:
            node.flags.add("in_demand")
        node.flags.add("onet_technology")
    return added


def _onet_product_words(techs: dict[str, Any], vendors: frozenset[str], b: _Builder) -> dict[str, list[str]]:
    """Distinctive words that name exactly one O*NET technology, as resumes write it.

    "Avid Technology Sibelius" is written "Sibelius", "Guidance Software EnCase Forensic"
    "EnCase"... A word qualifies when it is capitalised, not in first place (where vendors
    stand), not shaped like a company name ("Infotech"), rare in English (plain words rarer
    still than CamelCase ones: "Timesheet" is a word), and found in one technology name only.
    """
    holders: dict[str, set[str]] = {}
    for name in techs:
        for word in set(name.split()[1:]):
            holders.setdefault(word, set()).add(name)
    out: dict[str, list[str]] = {}
    for word, names in sorted(holders.items()):
        if (
            len(names) == 1
            and len(word) >= 4
            and word[:1].isupper()
            and word.replace("-", "").isalnum()
            and not word.isdigit()
            and word not in vendors
            and not word.lower().endswith(_COMPANY_ENDINGS)
            and b.zipf(word.lower()) < (ONET_PLAIN_WORD_MAX_ZIPF if word.istitle() else ONET_STRIPPED_MAX_ZIPF)
        ):
            out.setdefault(next(iter(names)), []).append(word)
    return out


def _onet_vendors(techs: dict[str, Any]) -> frozenset[str]:
    counts: dict[str, int] = {}
    for name in techs:
        first = name.split()[0]
        if first[:1].isupper() and len(name.split()) > 1:
            counts[first] = counts.get(first, 0) + 1
    return frozenset(v for v, n in counts.items() if n >= 3)


_VENDOR_SUFFIXES = frozenset({"Systems", "Corporation", "Corp", "Inc", "Software", "Technologies", "LLC"})


def _strip_vendor(name: str, vendors: frozenset[str]) -> str | None:
    """The product name without its vendor: "Atlassian JIRA" -> "JIRA"."""
    words = name.split()
    if len(words) < 2 or words[0] not in vendors:
        return None
    k = 2 if len(words) > 2 and words[1] in _VENDOR_SUFFIXES else 1
    return " ".join(words[k:])


def _distinctive_product_name(name: str, b: _Builder) -> bool:
    """Can a vendor-less product name stand alone ("JIRA" yes, "Analytics", "Foundations" no)?"""
    words = name.split()
    if not words or not (words[0][:1].isupper() or words[0][:1].isdigit()):
        return False
    if len(tokenize(name)) == 1:
        return len(name) > 3 and b.zipf(name.lower()) < ONET_STRIPPED_MAX_ZIPF
    return all(b.zipf(w.lower()) < COMMON_WORD_ZIPF for w in words[:1])


def _onet_target(b: _Builder, name: str, vendors: frozenset[str]) -> str | None:
    """The curated skill an O*NET technology name denotes, if any."""
    for surface in (name, _strip_vendor(name, vendors)):
        claim = b.claims.get(surface_key(surface)) if surface else None
        if claim is not None and claim.priority <= P_CURATED_ALIAS:
            return claim.skill_id
    return None


def _tag_surface(tag: str) -> str:
    return tag.replace("-", " ")


def _load_stackoverflow(b: _Builder, so: Path) -> int:
    """Aliases from approved tag synonyms, popularity from tag counts, co-occurrence edges."""

    def resolve(tag: str) -> str | None:
        for surface in (tag, _tag_surface(tag)):
            claim = b.claims.get(surface_key(surface))
            if claim is not None and claim.priority <= P_ONET_NAME:
                return claim.skill_id
        return None

    added = 0
    for row in _read_csv(so / "tag_synonyms.csv"):
        target = resolve(row["TargetTagName"])
        alias = _tag_surface(row["SourceTagName"])
        if target is None or len(alias) < SO_MIN_ALIAS_LEN or re.search(r"\d", alias):
            continue
        if len(tokenize(alias)) == 1 and b.zipf(alias) >= SO_MAX_ZIPF:
            continue
        if b.claim(target, alias, P_SO_SYNONYM, "stackoverflow"):
            added += 1
    counts: dict[str, int] = {}
    for row in _read_csv(so / "tags.csv"):
        sid = resolve(row["TagName"])
        if sid is not None:
            counts[sid] = max(counts.get(sid, 0), int(row["Count"] or 0))
    for sid, n in counts.items():
        b.nodes[sid].popularity = n
    for row in _read_csv(so / "stack_network_links.csv"):
        src, dst = resolve(row["source"]), resolve(row["target"])
        if src and dst:
            weight = round(min(W_SO_COOCCURRENCE_MAX, float(row["value"]) / 200.0), 3)
            b.add_edge(src, dst, "related", weight, "stackoverflow:cooccurrence")
    return added


def _plural(word: str) -> str:
    lower = word.lower()
    if lower.endswith("y") and lower[-2:-1] not in set("aeiou"):
        return word[:-1] + "ies"
    if lower.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def _variants(surface: str) -> list[str]:
    """Spelling variants of a multi-word surface that job ads use interchangeably.

    >>> _variants("comparable company analysis"), _variants("Unit tests")
    (['comparable company analyses'], ['Unit test'])
    >>> _variants("inquiry-based learning")
    ['inquiry based learning']
    """
    words = surface.split()
    if len(words) < 2 or len(words) > 4:
        return []
    out: list[str] = []
    last = words[-1]
    if last.isalpha() and last.islower() and len(last) > 3 and not last.endswith("ing"):
        irregular = {v: k for k, v in _IRREGULAR_SINGULAR.items()}
        if last in irregular:
            other = irregular[last]
        elif last.endswith("s") and not last.endswith(("ss", "us", "is")):
            other = _singular(last)
        else:
            other = _plural(last)
        out.append(" ".join([*words[:-1], other]))
    if re.search(r"[^\W\d_]-[^\W\d_]", surface):
        out.append(re.sub(r"(?<=[^\W\d_])-(?=[^\W\d_])", " ", surface))
    return out


def _add_variants(b: _Builder) -> None:
    """Plural/singular and hyphen variants of curated surfaces and ESCO preferred labels."""
    for claim in sorted(b.claims.values(), key=lambda c: (c.priority, c.surface)):
        if claim.priority > P_ESCO_APPROX or "onet" in claim.provenance:
            continue
        for variant in _variants(claim.surface):
            b.claim(claim.skill_id, variant, P_DERIVED, claim.provenance.split("-")[0] + "-variant")


# ----------------------------------------------------------------------------- assembly
SOURCES_METADATA: list[dict[str, str]] = [
    {
        "name": "skillmatch curated technology layer",
        "files": "data/skills/curated/*.yaml",
        "licence": "Apache-2.0 (the skillmatch project)",
        "attribution": "Written by the skillmatch team.",
    },
    {
        "name": "ESCO v1.2.0",
        "files": "data/skills/sources/esco-1.2.0/",
        "licence": "Reuse authorised with acknowledgement of the source (Commission Decision 2011/833/EU)",
        "attribution": "This product uses the ESCO classification of the European Commission.",
    },
    {
        "name": "O*NET 29.2 Technology Skills",
        "files": "data/skills/sources/onet-29.2/",
        "licence": "CC BY 4.0",
        "attribution": "O*NET 29.2 Database by the U.S. Department of Labor, Employment and Training "
        "Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET is a trademark of USDOL/ETA. "
        "skillmatch has modified all or some of this information; USDOL/ETA has not approved, endorsed, "
        "or tested these modifications.",
    },
    {
        "name": "Stack Overflow tags and tag synonyms",
        "files": "data/skills/sources/stackoverflow/",
        "licence": "CC BY-SA 4.0",
        "attribution": "Stack Overflow tag data (Stack Exchange, Inc.), licensed CC BY-SA. This graph "
        "file, which contains aliases derived from it, is distributed under CC BY-SA 4.0.",
    },
]


def _sources_digest(root: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in {".yaml", ".csv", ".tsv"}):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def _zipf_function() -> Any:
    try:
        from wordfreq import zipf_frequency
    except ImportError as exc:  # pragma: no cover - dev extra
        raise GraphBuildError(
            "Building the graph needs the 'wordfreq' package. Install the dev extras: pip install -e '.[dev]'."
        ) from exc

    def zipf(word: str) -> float:
        return float(zipf_frequency(word, "en"))

    return zipf


def build_graph(data_dir: Path) -> dict[str, Any]:
    """Build the graph document from ``data_dir`` (the repository's ``data/skills``).

    Returns
    -------
    dict
        The JSON-serialisable artefact: ``format``, ``metadata``, ``nodes``, ``edges``, ``context``.

    Raises
    ------
    GraphBuildError
        When the curated layer has unknown references, duplicates or bad types.
    """
    import yaml

    b = _Builder(_zipf_function())
    problems = _load_curated(b, data_dir / "curated")
    if problems:
        raise GraphBuildError(f"The curated layer has {len(problems)} problem(s):", problems=problems)
    curated_count = len(b.nodes)
    esco_added = _load_esco(b, data_dir / "sources" / "esco-1.2.0")
    onet_added = _load_onet(b, data_dir / "sources" / "onet-29.2")
    so_aliases = _load_stackoverflow(b, data_dir / "sources" / "stackoverflow")

    _add_variants(b)

    # Everyday words need a skill context, whatever their source; as aliases from the
    # third-party sources they are too often another sense, and are dropped.
    unsafe: list[_Claim] = []
    for claim in b.claims.values():
        node = b.nodes[claim.skill_id]
        declared = {surface_key(s) for s in node.ambiguous}
        if surface_key(claim.surface) in declared:
            # Declared ambiguous but hardly ever an English word ("Svelte", "Hardhat"): its own
            # case is enough.
            if all(
                b.zipf(s.lower()) < RARE_WORD_ZIPF
                for s in node.ambiguous
                if surface_key(s) == surface_key(claim.surface)
            ):
                node.cased.add(claim.surface)
            continue
        risk = b.word_risk(claim.surface, curated=claim.priority <= P_CURATED_ALIAS)
        if risk == "context" and claim.priority > P_CURATED_ALIAS and claim.surface != node.name:
            unsafe.append(claim)  # an everyday word as a third-party alias: "design", "report", "board"
        elif risk == "context":
            node.everyday.add(claim.surface)
        elif risk == "case" and node.type in _PRACTICE_TYPES and _practice_word(claim.surface):
            # A practice or field ("Payroll", "Arbitration", "Welding") is not a brand: written
            # in lower case in a sentence it is the same skill.
            continue
        elif risk == "case":
            node.cased.add(claim.surface)
    for claim in unsafe:
        del b.claims[surface_key(claim.surface)]
        b.nodes[claim.skill_id].aliases.pop(claim.surface, None)
        b.dropped_surfaces += 1

    context = yaml.safe_load((data_dir / "context.yaml").read_text(encoding="utf-8"))
    context, problems = _compile_context(b, context, data_dir / "curated")
    if problems:
        raise GraphBuildError(f"The context rules have {len(problems)} problem(s):", problems=problems)
    nodes = []
    for sid in sorted(b.nodes):
        n = b.nodes[sid]
        record: dict[str, Any] = {"id": sid, "name": n.name, "type": n.type}
        if n.aliases:
            record["aliases"] = sorted(n.aliases, key=lambda s: (s.lower(), s))
        if n.sources:
            record["sources"] = {k: sorted(v) for k, v in sorted(n.sources.items())}
        if n.flags:
            record["flags"] = sorted(n.flags)
        keys = {surface_key(s) for s in (n.name, *n.aliases)}
        cased_keys = {surface_key(s) for s in n.cased}
        ambiguous = sorted(s for s in n.ambiguous if surface_key(s) in keys and surface_key(s) not in cased_keys)
        if ambiguous:
            record["ambiguous"] = ambiguous
        if n.everyday:
            record["everyday"] = sorted(n.everyday)
        if n.cased:
            record["cased"] = sorted(n.cased)
        if n.popularity:
            record["popularity"] = n.popularity
        nodes.append(record)
    # Edges as tab-separated lines: one JSON string parses far faster than 40,000 small lists,
    # and the graph splits it only when a relation is first asked for.
    edges = "\n".join(f"{s}\t{t}\t{k}\t{round(w, 3)}\t{p}" for (s, t, k), (w, p) in sorted(b.edges.items()))
    # Surface key -> skill id, so that loading needs no tokenising.
    index = {key: claim.skill_id for key, claim in sorted(b.claims.items())}
    counts = {
        "skills": len(nodes),
        "aliases": sum(len(r.get("aliases", ())) for r in nodes),
        "technology_skills": sum(1 for r in nodes if r["type"] in TECHNOLOGY_TYPES),
        "edges": len(b.edges),
        "curated_skills": curated_count,
        "esco_skills_added": esco_added,
        "onet_technologies_added": onet_added,
        "stackoverflow_aliases": so_aliases,
        "surfaces_dropped_as_conflicts": b.dropped_surfaces,
    }
    return {
        "format": FORMAT_VERSION,
        "metadata": {
            "name": "skillmatch skills graph",
            "sources": SOURCES_METADATA,
            "licence": "CC BY-SA 4.0 (contains data derived from Stack Overflow); see sources",
            "sources_sha256": _sources_digest(data_dir),
            "counts": counts,
            "max_match_tokens": MAX_MATCH_TOKENS,
        },
        "nodes": nodes,
        "edges": edges,
        "index": index,
        "context": context,
    }


def _merge_context(base: dict[str, Any], overlay: dict[str, Any]) -> None:
    """Merge a curated file's ``context:`` into ``base``: lists are extended (no repeats),
    mappings are merged key by key, other values replaced."""
    for key, value in overlay.items():
        current = base.get(key)
        if isinstance(current, list) and isinstance(value, list):
            current.extend(v for v in value if v not in current)
        elif isinstance(current, dict) and isinstance(value, dict):
            for k, v in value.items():
                if isinstance(current.get(k), dict) and isinstance(v, dict):
                    _merge_context(current[k], v)
                else:
                    current[k] = v
        else:
            base[key] = value


def _compile_context(b: _Builder, context: dict[str, Any], curated_dir: Path) -> tuple[dict[str, Any], list[str]]:
    """``context.yaml`` with the curated files' ``context:`` and ``implied:`` sections, skill
    names resolved to ids (see ``data/skills/curated/SCHEMA.md``).

    * ``context.industries``: names of skills that are industries ("Banking", "E-commerce"),
      compiled to ``industry_ids``;
    * ``context.senses``: short surfaces with several meanings ("ABS", "CDK"), each sense a
      skill name (or null: an ordinary word) with the cue words that pick it;
    * ``implied``: skills a recruiter infers from phrasing ("led a team of 8"), each a skill
      name, a confidence below 1 and regular expressions.
    """
    import yaml

    problems: list[str] = []
    implied: list[dict[str, Any]] = []
    for path in sorted(curated_dir.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if isinstance(doc.get("context"), dict):
            _merge_context(context, doc["context"])
        for i, rule in enumerate(doc.get("implied") or []):
            where = f"{path.name}: implied[{i}]"
            sid = _resolve_curated(b, str(rule.get("skill", "")))
            if sid is None:
                problems.append(f"{where}: unknown skill {rule.get('skill')!r}")
                continue
            patterns = [str(x) for x in rule.get("patterns") or []]
            confidence = float(rule.get("confidence", 0.7))
            if not patterns or not 0 < confidence < 1:
                problems.append(f"{where}: needs patterns and a confidence in (0, 1)")
                continue
            for pattern in patterns:
                try:
                    re.compile(implied_regex(pattern))
                except re.error as exc:
                    problems.append(f"{where}: bad pattern {pattern!r}: {exc}")
            implied.append({"skill_id": sid, "name": b.nodes[sid].name, "confidence": confidence, "patterns": patterns})
    industry_ids = []
    for name in context.pop("industries", None) or []:
        sid = _resolve_curated(b, str(name))
        if sid is None:
            problems.append(f"context.industries: unknown skill {name!r}")
        elif sid not in industry_ids:
            industry_ids.append(sid)
    context["industry_ids"] = sorted(industry_ids)
    senses: dict[str, list[dict[str, Any]]] = {}
    for surface, options in (context.pop("senses", None) or {}).items():
        compiled = []
        for option in options:
            name = option.get("skill")
            sid = None if name is None else _resolve_curated(b, str(name))
            if name is not None and sid is None:
                problems.append(f"context.senses.{surface}: unknown skill {name!r}")
                continue
            compiled.append(
                {
                    "skill_id": sid,
                    "name": b.nodes[sid].name if sid else None,
                    "technology": sid is not None and b.nodes[sid].type in (*TECHNOLOGY_TYPES, "methodology"),
                    "cues": sorted({str(c).lower() for c in option.get("cues") or []}),
                    "default": bool(option.get("default", False)),
                }
            )
        senses[surface_key(str(surface))] = compiled
    context["senses"] = dict(sorted(senses.items()))
    context["implied"] = implied
    return context, problems


def write_artefact(document: dict[str, Any], path: Path) -> None:
    """Write ``document`` as deterministic gzip-compressed JSON."""
    payload = artefact_bytes(document)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(payload)


def default_data_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "data" / "skills"


def default_output() -> Path:
    return Path(__file__).resolve().parent / "data" / "skills_graph.json.gz"


def main(argv: Iterable[str] | None = None) -> int:
    """Command-line entry point: ``python -m skills_graph.build [--data DIR] [--out FILE]``."""
    parser = argparse.ArgumentParser(prog="python -m skills_graph.build", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data_dir(), help="the data/skills folder")
    parser.add_argument("--out", type=Path, default=default_output(), help="where to write the artefact")
    args = parser.parse_args(list(argv) if argv is not None else None)
    try:
        document = build_graph(args.data)
    except GraphBuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    write_artefact(document, args.out)
    counts = document["metadata"]["counts"]
    print(f"wrote {args.out}: " + ", ".join(f"{k}={v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
