"""Normal forms of the values candidates are matched on: names, e-mails, phones, profile links.

Every function here is pure and cheap; they are used by blocking, comparisons and the
incremental index alike, so a value is normalised the same way everywhere.

Examples
--------
>>> split_name("Dr. José A. García-López Jr.")
PersonName(given='jose', middle=('a',), family='garcia-lopez', suffix='jr')
>>> split_name("SMITH, John")
PersonName(given='john', middle=(), family='smith', suffix='')
>>> normalize_email("J.Smith+jobs@GoogleMail.com")
'jsmith@gmail.com'
>>> normalize_phone("(415) 555-0123", region="US")
'+14155550123'
>>> link_handle("https://www.linkedin.com/in/Ana-Ruiz/")
'linkedin:ana-ruiz'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import NamedTuple

__all__ = [
    "PersonName",
    "fold_text",
    "split_name",
    "family_parts",
    "normalize_email",
    "normalize_phone",
    "phone_digits",
    "phone_tail",
    "link_handle",
    "normalize_org",
    "NicknameIndex",
]

# Letters that NFKD does not decompose into a base letter and a mark.
_SPECIAL = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "þ": "th", "œ": "oe", "ı": "i", "ð": "d"})
_TITLES = frozenset(
    "mr mrs ms miss mx dr prof sir dame rev fr sr. jr. eng ing dipl mag phd md mba msc bsc rn cpa pe pmp".split()
)
_SUFFIXES = {"jr": "jr", "junior": "jr", "sr": "sr", "senior": "sr", "ii": "ii", "iii": "iii", "iv": "iv", "2nd": "ii"}
_PARTICLES = frozenset("van von der den de del della di da dos das du la le ter ten bin ibn al el st mac".split())
_GMAIL = frozenset({"gmail.com", "googlemail.com"})
_ORG_NOISE = frozenset(
    "inc incorporated llc ltd limited plc gmbh ag sa sas sarl bv nv co corp corporation company the group "
    "pty pvt oy ab as asa kk spa srl".split()
)


class PersonName(NamedTuple):
    """A name split into folded parts (lower case ASCII, diacritics removed)."""

    given: str
    middle: tuple[str, ...]
    family: str
    suffix: str

    @property
    def full(self) -> str:
        """Given and family name, the key a person is usually known by."""
        return f"{self.given} {self.family}".strip()


def fold_text(text: str) -> str:
    """Lower case ASCII with diacritics removed and spaces collapsed.

    >>> fold_text("  Müller-Lüdenscheidt  Ångström ")
    'muller-ludenscheidt angstrom'
    """
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold().translate(_SPECIAL))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.split())


def _tokens(name: str) -> list[str]:
    name = fold_text(name)
    name = re.sub(r"\([^)]*\)|\"[^\"]*\"", " ", name)  # nicknames written in brackets or quotes
    return [t.strip(".'") for t in re.split(r"[\s.]+", name) if t.strip(".'")]


def split_name(name: str | None) -> PersonName:
    """Split a personal name into given, middle, family and suffix (all folded).

    "Family, Given" order is read from the comma; titles and post-nominals are dropped;
    lowercase particles ("van der", "de la", "al") stay with the family name.

    >>> split_name("Anneke van der Berg")
    PersonName(given='anneke', middle=(), family='van der berg', suffix='')
    >>> split_name("Madonna")
    PersonName(given='madonna', middle=(), family='', suffix='')
    >>> split_name(None)
    PersonName(given='', middle=(), family='', suffix='')
    """
    if not name or not name.strip():
        return PersonName("", (), "", "")
    suffix = ""
    tokens = _tokens(name)
    if "," in name:
        head, _, tail = name.partition(",")
        tail_tokens = [t for t in _tokens(tail) if t not in _TITLES]
        tokens = _tokens(head)
        if tail_tokens and not all(t in _SUFFIXES for t in tail_tokens):  # "Smith, John A."
            given = [t for t in tail_tokens if t not in _SUFFIXES]
            suffix = next((_SUFFIXES[t] for t in tail_tokens if t in _SUFFIXES), "")
            family = " ".join(t for t in tokens if t not in _TITLES)
            return PersonName(given[0], tuple(given[1:]), family, suffix)
        suffix = next((_SUFFIXES[t] for t in tail_tokens if t in _SUFFIXES), "")  # "John Smith, Jr."
    parts = [t for t in tokens if t not in _TITLES]
    while parts and parts[-1] in _SUFFIXES:
        suffix = suffix or _SUFFIXES[parts.pop()]
    if not parts:
        return PersonName("", (), "", suffix)
    if len(parts) == 1:
        return PersonName(parts[0], (), "", suffix)
    # The family name starts at the first particle after the given name, else it is the last token.
    start = len(parts) - 1
    for i in range(1, len(parts) - 1):
        if parts[i] in _PARTICLES:
            start = i
            break
    return PersonName(parts[0], tuple(parts[1:start]), " ".join(parts[start:]), suffix)


def family_parts(family: str) -> list[str]:
    """The parts of a (folded) double or hyphenated family name, particles left out.

    >>> family_parts("garcia-lopez"), family_parts("van der berg")
    (['garcia', 'lopez'], ['berg'])
    """
    return [part for part in re.split(r"[\s-]+", family) if len(part) > 1 and part not in _PARTICLES]


def normalize_email(email: str | None) -> str:
    """The form under which two addresses reach the same mailbox ('' when not an address).

    Case is ignored; for Gmail, dots and ``+tags`` in the local part are too.

    >>> normalize_email(" Ana.Ruiz+cv@gmail.com "), normalize_email("ana.ruiz@example.com")
    ('anaruiz@gmail.com', 'ana.ruiz@example.com')
    >>> normalize_email("not an address")
    ''
    """
    if not email:
        return ""
    email = email.strip().casefold()
    local, at, domain = email.rpartition("@")
    if not at or not local or "." not in domain or " " in email:
        return ""
    if domain in _GMAIL:
        local = local.split("+", 1)[0].replace(".", "")
        domain = "gmail.com"
    return f"{local}@{domain}"


def normalize_phone(phone: str | None, *, region: str = "US") -> str:
    """A phone number in E.164, read with ``phonenumbers`` ('' when it is not a number).

    Numbers that phonenumbers cannot validate keep their digits with a ``+?`` prefix, so two
    records that wrote the same odd number the same way still agree.

    >>> normalize_phone("+44 7700 900123"), normalize_phone("07700 900123", region="GB")
    ('+447700900123', '+447700900123')
    """
    if not phone:
        return ""
    import phonenumbers

    digits = phone_digits(phone)
    if len(digits) < 6:
        return ""
    try:
        parsed = phonenumbers.parse(phone, region)
    except phonenumbers.NumberParseException:
        return "+?" + digits
    if not phonenumbers.is_possible_number(parsed):
        return "+?" + digits
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def phone_tail(phone: str | None) -> str:
    """The last 9 digits of a phone number ('' for fewer than 7 digits): the part that stays the
    same however the number is written (country code, trunk prefix, punctuation).

    >>> phone_tail("+44 (0)7700 900123") == phone_tail("07700 900123") == phone_tail("00447700900123")
    True
    """
    if not phone:
        return ""
    digits = phone_digits(phone)
    return digits[-9:] if len(digits) >= 7 else ""


def phone_digits(phone: str) -> str:
    """The digits of a phone number, extension dropped.

    >>> phone_digits("+1 (415) 555-0123 ext. 45")
    '14155550123'
    """
    phone = re.split(r"(?i)\s*(?:ext\.?|x|#)\s*\d+\s*$", phone.strip())[0]
    return re.sub(r"\D", "", phone)


_HANDLE = re.compile(
    r"(?i)(?:https?://)?(?:[a-z]{2,3}\.)?(?P<site>linkedin\.com/(?:in|pub)|github\.com|gitlab\.com|twitter\.com|x\.com)"
    r"/(?P<handle>[\w.-]+)"
)


def link_handle(url: str | None) -> str:
    """``site:handle`` for profile links (LinkedIn, GitHub, GitLab, X), else the bare host and path.

    >>> link_handle("github.com/AnaRuiz"), link_handle("https://ana.example.dev/")
    ('github:anaruiz', 'web:ana.example.dev')
    """
    if not url:
        return ""
    m = _HANDLE.search(url.strip())
    if m:
        site = m.group("site").split(".")[0].casefold()
        site = "x" if site == "twitter" else site
        return f"{site}:{m.group('handle').casefold().rstrip('.')}"
    bare = re.sub(r"(?i)^(?:https?://)?(?:www\.)?", "", url.strip()).rstrip("/").casefold()
    return f"web:{bare}" if bare else ""


def normalize_org(name: str | None) -> str:
    """An employer's or school's name without case, accents, punctuation and legal suffixes.

    >>> normalize_org("Acme Widgets, Inc."), normalize_org("ÉCOLE Polytechnique")
    ('acme widgets', 'ecole polytechnique')
    """
    if not name:
        return ""
    words = re.sub(r"[^\w\s]", " ", fold_text(name)).split()
    return " ".join(w for w in words if w not in _ORG_NOISE)


class NicknameIndex:
    """Given names to the groups of names they can stand for (Bob, Rob and Robert share one).

    Built from the ``nicknames`` package's hand-curated table (Apache-2.0). Build one and pass it
    around; it is read-only after construction.

    >>> nick = NicknameIndex.load()
    >>> nick.equivalent("bob", "robert"), nick.equivalent("kate", "katherine"), nick.equivalent("bob", "kate")
    (True, True, False)
    >>> nick.equivalent("robert", "william"), nick.equivalent("bill", "william")
    (False, True)
    """

    def __init__(self, groups: Mapping[str, frozenset[str]]) -> None:
        self._groups = dict(groups)

    @classmethod
    def load(cls) -> NicknameIndex:
        """Read the table shipped with the ``nicknames`` package (about 0.1 s)."""
        from nicknames import name_triplets

        groups: dict[str, set[str]] = {}
        # A name's keys: itself and the longer, formal names it is a nickname of, so "bob" and
        # "rob" meet at "robert". The table also lists formal names as nicknames of their short
        # forms ("robert" under "bill"); following those would make Robert and William one name.
        for triplet in name_triplets():
            formal, short = fold_text(triplet.name1), fold_text(triplet.name2)
            groups.setdefault(formal, {formal})
            keys = groups.setdefault(short, {short})
            if len(formal) >= len(short):
                keys.add(formal)
        return cls({name: frozenset(keys) for name, keys in groups.items()})

    def keys(self, given: str) -> frozenset[str]:
        """The canonical names ``given`` may stand for (itself included)."""
        return self._groups.get(given, frozenset((given,))) if given else frozenset()

    def equivalent(self, a: str, b: str) -> bool:
        """Can ``a`` and ``b`` be the same person's given name (equal, or nickname and full name)?"""
        if not a or not b:
            return False
        return a == b or not self.keys(a).isdisjoint(self.keys(b))
