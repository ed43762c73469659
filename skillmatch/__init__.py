"""skillmatch: evidence-backed candidate profiles, duplicate detection and explained ranking.

``import skillmatch`` is cheap: spaCy, pdfminer, scikit-learn and networkx load only inside the
functions that need them.

Examples
--------
>>> import skillmatch
>>> skillmatch.__version__
'0.1.0'
"""

from skillmatch.errors import (
    GraphBuildError,
    GraphLoadError,
    SkillmatchError,
    SkillsGraphError,
    UnknownSkillError,
)

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "SkillmatchError",
    "SkillsGraphError",
    "GraphLoadError",
    "GraphBuildError",
    "UnknownSkillError",
]
