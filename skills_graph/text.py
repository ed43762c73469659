"""Tokenisation and surface normalisation shared by the graph build and the matcher.

Technology names carry punctuation that general-purpose tokenizers split apart (``C++``,
``C#``, ``.NET``, ``Node.js``, ``R&D``). One tokenizer is used for aliases at build time and for
text at match time, so a surface matches exactly when its tokens do.

Examples
--------
>>> [t.text for t in tokenize("C++, C#, .NET and Node.js; CI/CD")]
['C++', ',', 'C#', ',', '.NET', 'and', 'Node.js', ';', 'CI', '/', 'CD']
>>> surface_key("  Scikit-Learn ")
'scikit - learn'
>>> loose_key("Node JS") == loose_key("node.js")
True
>>> slugify("C++"), slugify("C#"), slugify(".NET"), slugify("Node.js")
('c-plus-plus', 'c-sharp', 'dot-net', 'node-js')
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

__all__ = ["Token", "tokenize", "fold", "surface_key", "loose_key", "slugify"]

# A word: letters/digits, optionally led by a dot when it starts a name (".NET"), joined by
# internal dots or ampersands (Node.js, ASP.NET, R&D, 3.5) or thousands commas (2,000),
# optionally closed by ++, + or #.
# Every other non-space character is a token of its own; hyphens and slashes split.
_TOKEN_RE = re.compile(
    r"(?:(?<![^\W_])\.(?=[^\W\d_]))?[^\W_]+(?:[.&][^\W_]+|(?<=\d),\d{3}(?!\d))*(?:\+\+|\+|#)?"
    r"|[^\s]"
)


class Token(NamedTuple):
    """A token with its character span in the original text."""

    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens that keep technology names whole.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    list of Token
        Tokens in order; whitespace is not a token.

    Examples
    --------
    >>> [t.text for t in tokenize("Objective-C (iOS)")]
    ['Objective', '-', 'C', '(', 'iOS', ')']
    """
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def fold(text: str) -> str:
    """Case-folded NFKC form: full-width letters, ligatures and case no longer matter.

    >>> fold("Ｐｙｔｈｏｎ"), fold("ﬁnance")
    ('python', 'finance')
    """
    return unicodedata.normalize("NFKC", text).casefold()


def surface_key(surface: str) -> str:
    """Case-folded tokens joined by single spaces: the key under which a surface is matched.

    Examples
    --------
    >>> surface_key("Ruby  on Rails")
    'ruby on rails'
    """
    return " ".join(t.text for t in tokenize(fold(surface)))


_LOOSE_DROP = re.compile(r"[\s\-_./,:;'\"()\[\]]+")


def loose_key(surface: str) -> str:
    """A forgiving key for look-ups: case, spaces, hyphens, dots and slashes ignored.

    ``+`` and ``#`` are kept, so ``C++`` and ``C#`` stay apart from ``C``.

    Examples
    --------
    >>> loose_key("React.js"), loose_key("Scikit Learn"), loose_key("C++")
    ('reactjs', 'scikitlearn', 'c++')
    """
    # NFKC again: dropping a space can leave a combining mark next to a letter it now composes with.
    return unicodedata.normalize("NFKC", _LOOSE_DROP.sub("", fold(surface)))


_SLUG_REPLACEMENTS = (("++", "-plus-plus"), ("+", "-plus"), ("#", "-sharp"), ("&", "-and-"))


def slugify(name: str) -> str:
    """A stable, readable identifier for a display name.

    Examples
    --------
    >>> slugify("Amazon EKS"), slugify("CI/CD"), slugify("Müller Étoile")
    ('amazon-eks', 'ci-cd', 'muller-etoile')
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower().strip()
    if text.startswith("."):
        text = "dot-" + text[1:]
    for old, new in _SLUG_REPLACEMENTS:
        text = text.replace(old, new)
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text or "x"
