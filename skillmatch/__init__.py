"""skillmatch: evidence-backed candidate profiles, duplicate detection and explained ranking.

``import skillmatch`` is cheap: spaCy, pdfminer, scikit-learn and networkx load only inside the
functions that need them.

Examples
--------
>>> import skillmatch
>>> skillmatch.__version__
'0.1.0'
>>> profile = skillmatch.parse_text("Ana Ruiz\\nSkills: Python", as_of="2026-01-01")
>>> profile.name, [s.name for s in profile.skills]
('Ana Ruiz', ['Python'])
"""

from skillmatch.config import DedupeConfig, ParseConfig, RankConfig
from skillmatch.errors import (
    CorruptDocumentError,
    DocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    GraphBuildError,
    GraphLoadError,
    IndexStoreError,
    InvalidArgumentError,
    InvalidRecordError,
    LinkageError,
    ParseTimeoutError,
    SkillmatchError,
    SkillsGraphError,
    UnknownSkillError,
    UnsupportedMediaTypeError,
)
from skillmatch.linkage.api import dedupe
from skillmatch.models import (
    CandidateRecord,
    Cluster,
    ContactInfo,
    Contribution,
    Document,
    Education,
    Explanation,
    LevelWeight,
    Link,
    Match,
    PairScore,
    ParseFailure,
    ParseWarning,
    Position,
    Profile,
    RankedCandidate,
    Requisition,
    SkillEvidence,
    SkillRequirement,
)
from skillmatch.parsing.pipeline import parse, parse_many, parse_text
from skillmatch.ranking.api import parse_requisition, rank
from skillmatch.screening import ScreenConfig, ScreenResult, screen

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "parse",
    "parse_text",
    "parse_many",
    "dedupe",
    "rank",
    "parse_requisition",
    "screen",
    "ParseConfig",
    "DedupeConfig",
    "RankConfig",
    "ScreenConfig",
    "ScreenResult",
    "Profile",
    "ContactInfo",
    "Link",
    "Position",
    "Education",
    "SkillEvidence",
    "ParseWarning",
    "ParseFailure",
    "Document",
    "CandidateRecord",
    "Cluster",
    "PairScore",
    "LevelWeight",
    "Match",
    "Requisition",
    "SkillRequirement",
    "RankedCandidate",
    "Explanation",
    "Contribution",
    "SkillmatchError",
    "InvalidArgumentError",
    "DocumentError",
    "UnsupportedMediaTypeError",
    "CorruptDocumentError",
    "EncryptedDocumentError",
    "EmptyDocumentError",
    "DocumentTooLargeError",
    "ParseTimeoutError",
    "SkillsGraphError",
    "GraphLoadError",
    "GraphBuildError",
    "UnknownSkillError",
    "LinkageError",
    "InvalidRecordError",
    "IndexStoreError",
]
