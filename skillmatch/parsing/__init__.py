"""Document -> Profile: sections, contact, dates, positions, education and skill evidence.

The public entry points are re-exported by :mod:`skillmatch`: ``parse``, ``parse_text`` and
``parse_many``. The steps stay public here for callers who want one of them alone.
"""

from skillmatch.parsing.pipeline import Source, parse, parse_document, parse_many, parse_text

__all__ = ["Source", "parse", "parse_text", "parse_document", "parse_many"]
