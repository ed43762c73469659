"""Document -> Profile: sections, contact, dates, positions, education and skill evidence.

The public entry points are re-exported by :mod:`skillmatch`: ``parse``, ``parse_text`` and
``parse_many``. The steps stay public here for callers who want one of them alone, and
:func:`make_nlp` builds the optional spaCy pipeline (``nlp=``) once per process.
"""

from skillmatch.parsing._nlp import make_nlp
from skillmatch.parsing.pipeline import Source, parse, parse_document, parse_many, parse_text

__all__ = ["Source", "parse", "parse_text", "parse_document", "parse_many", "make_nlp"]
