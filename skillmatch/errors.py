"""The error tree. Every error skillmatch raises is a :class:`SkillmatchError`.

Each error carries a stable ``code`` (for ATS logs and batch failure reports) and a ``context``
mapping (source, stage, expected, got) so a caller can act on it without parsing the message.
Messages never contain resume contents.

Examples
--------
>>> err = UnknownSkillError("kubernetees", suggestions=("kubernetes",))
>>> err.code, isinstance(err, SkillmatchError), isinstance(err, KeyError)
('unknown_skill', True, True)
>>> print(err)
Unknown skill 'kubernetees'. Expected a skill id, name or alias of the skills graph. Did you mean: kubernetes?
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

__all__ = [
    "SkillmatchError",
    "SkillsGraphError",
    "GraphLoadError",
    "GraphBuildError",
    "UnknownSkillError",
    "InvalidArgumentError",
    "DocumentError",
    "UnsupportedMediaTypeError",
    "CorruptDocumentError",
    "EncryptedDocumentError",
    "EmptyDocumentError",
    "DocumentTooLargeError",
    "ParseTimeoutError",
    "LinkageError",
    "InvalidRecordError",
    "IndexStoreError",
]


class SkillmatchError(Exception):
    """Base class of every error raised by skillmatch.

    Parameters
    ----------
    message : str
        What was expected, what was got, and what to do.
    context : mapping, optional
        Machine-readable details (``source``, ``stage``, ``expected``, ``got``...).
    """

    code: str = "skillmatch_error"

    def __init__(self, message: str, *, context: Mapping[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.context: dict[str, Any] = dict(context or {})

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[Any, ...]:  # picklable across worker processes
        return (_rebuild, (type(self), self.message, self.context))


def _rebuild(cls: type[SkillmatchError], message: str, context: dict[str, Any]) -> SkillmatchError:
    err = cls.__new__(cls)
    SkillmatchError.__init__(err, message, context=context)
    return err


class InvalidArgumentError(SkillmatchError, TypeError, ValueError):
    """An argument of the wrong type or out of range (a usage error, not a data problem)."""

    code = "invalid_argument"

    def __init__(self, name: str, *, expected: str, got: object) -> None:
        shown = type(got).__name__ if not isinstance(got, (int, float, str)) else repr(got)[:80]
        super().__init__(
            f"Invalid {name}: expected {expected}, got {shown}.",
            context={"argument": name, "expected": expected, "got": shown},
        )


class SkillsGraphError(SkillmatchError):
    """A problem with the skills graph or its data."""

    code = "skills_graph_error"


class GraphLoadError(SkillsGraphError):
    """The graph artefact is missing, corrupt or of an unknown format."""

    code = "graph_load_error"


class GraphBuildError(SkillsGraphError):
    """The graph sources are inconsistent (unknown references, duplicate names...)."""

    code = "graph_build_error"

    def __init__(self, message: str, *, problems: Sequence[str] = ()) -> None:
        detail = "".join(f"\n  - {p}" for p in problems[:50])
        more = f"\n  ... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(message + detail + more, context={"problems": list(problems)})


class UnknownSkillError(SkillsGraphError, KeyError):
    """A skill id, name or alias that the graph does not know."""

    code = "unknown_skill"

    def __init__(self, name: str, *, suggestions: Sequence[str] = ()) -> None:
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        shown = name if len(name) <= 80 else name[:77] + "..."
        super().__init__(
            f"Unknown skill {shown!r}. Expected a skill id, name or alias of the skills graph.{hint}",
            context={"got": shown, "suggestions": list(suggestions)},
        )


class DocumentError(SkillmatchError):
    """A document that cannot be read. ``context["source"]`` names it (never its contents)."""

    code = "document_error"

    def __init__(self, message: str, *, source: str = "", **context: Any) -> None:
        super().__init__(message, context={"source": source, **context})


class UnsupportedMediaTypeError(DocumentError):
    """A format skillmatch does not read (a legacy .doc, an image, an archive...)."""

    code = "unsupported_media_type"


class CorruptDocumentError(DocumentError):
    """A file that claims a format but is broken or truncated."""

    code = "corrupt_document"


class EncryptedDocumentError(DocumentError):
    """A password-protected document."""

    code = "encrypted_document"


class EmptyDocumentError(DocumentError):
    """A document with no text (for a PDF: no text layer, it needs OCR)."""

    code = "empty_document"


class DocumentTooLargeError(DocumentError):
    """A document over the size, page or text limits of ``ParseConfig``."""

    code = "document_too_large"


class ParseTimeoutError(DocumentError):
    """A document that took longer than the per-document time limit."""

    code = "parse_timeout"


# -- deduplication ------------------------------------------------------------------------------
class LinkageError(SkillmatchError):
    """A problem while finding or merging duplicate candidates."""

    code = "linkage_error"


class InvalidRecordError(LinkageError, ValueError):
    """A candidate record that cannot be read (no id, a field of the wrong type, a repeated id).

    The message names the field; it never repeats the record's personal data.
    """

    code = "invalid_record"


class IndexStoreError(LinkageError):
    """A deduplication index file that cannot be read or written (missing, corrupt, other version)."""

    code = "index_store_error"
