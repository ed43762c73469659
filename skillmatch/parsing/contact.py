"""Contact details and the candidate's name.

:func:`extract_contact` finds emails, phone numbers (E.164, through ``phonenumbers``), typed profile
links and a "City, Region" location; :func:`find_name` picks the name line from layout cues (font
size, boldness, position, centring) and the shape of a personal name, never a job title, heading,
address, email or URL.

Examples
--------
>>> c = extract_contact("Jane Doe\\nAustin, TX\\njane.doe@example.com | (512) 555-0123 | github.com/janedoe")
>>> c.emails, c.phones, [link.url for link in c.links], c.location
(('jane.doe@example.com',), ('+15125550123',), ['https://github.com/janedoe'], 'Austin, TX')
"""

from __future__ import annotations

import itertools
import re
import statistics
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from datetime import date

from skillmatch.models import ContactInfo, DocumentLine, Link
from skillmatch.parsing.dates import find_date_ranges

__all__ = ["EntityTagger", "extract_contact", "find_name"]

# ---------------------------------------------------------------------------------------------
# Emails

_EMAIL_RE = re.compile(r"(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,24}(?![\w-])")
_OBFUSCATED_EMAIL_RE = re.compile(
    r"(?<![\w.])([A-Za-z0-9][A-Za-z0-9._%+-]*)\s*[\[(<{]\s*at\s*[\])>}]\s*"
    r"((?:[A-Za-z0-9-]+\s*[\[(<{]\s*dot\s*[\])>}]\s*)+[A-Za-z]{2,24})\b",
    re.IGNORECASE,
)
_DOT_RE = re.compile(r"\s*[\[(<{]\s*dot\s*[\])>}]\s*", re.IGNORECASE)

# ---------------------------------------------------------------------------------------------
# Links

_TLDS = (
    "com|net|org|io|dev|me|co|ai|app|tech|info|xyz|site|page|online|design|studio|codes|blog|"
    "portfolio|website|space|cloud|edu|uk|de|fr|in|ca|au|nl|es|it|ch|se|no|dk|fi|pl|br|jp|eu|us|to|ly|sh|gg|so"
)
_URL_RE = re.compile(
    r"(?:(?:https?://|www\.)[^\s<>\"'()\[\]{},;|]+)"
    rf"|(?<![@\w.\-/])(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+(?:{_TLDS})\b(?!@|\.\w)(?:/[^\s<>\"'()\[\]{{}},;|]*)?",
    re.IGNORECASE,
)
_TECH_DOMAINS = frozenset(
    {"socket.io", "asp.net", "ado.net", "vb.net", "dot.net", "node.js", "chart.js", "d3.js", "vue.js", "next.js"}
)
_WEBMAIL = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "yahoo.com",
        "yahoo.co.uk",
        "yahoo.co.in",
        "outlook.com",
        "hotmail.com",
        "hotmail.co.uk",
        "live.com",
        "msn.com",
        "icloud.com",
        "me.com",
        "aol.com",
        "proton.me",
        "protonmail.com",
        "gmx.de",
        "gmx.net",
        "web.de",
        "mail.com",
        "zoho.com",
        "yandex.com",
        "rediffmail.com",
    }
)
_OTHER_HOSTS = frozenset(
    {
        "twitter.com",
        "x.com",
        "stackoverflow.com",
        "stackexchange.com",
        "behance.net",
        "dribbble.com",
        "medium.com",
        "kaggle.com",
        "gitlab.com",
        "bitbucket.org",
        "facebook.com",
        "instagram.com",
        "youtube.com",
        "angel.co",
        "wellfound.com",
        "scholar.google.com",
        "researchgate.net",
        "orcid.org",
        "leetcode.com",
        "hackerrank.com",
        "codepen.io",
        "dev.to",
        "npmjs.com",
        "pypi.org",
        "substack.com",
        "tiktok.com",
        "xing.com",
        "linktr.ee",
        "about.me",
        "vimeo.com",
        "artstation.com",
        "hashnode.com",
    }
)
_GITHUB_RESERVED = frozenset(
    {"about", "features", "orgs", "topics", "explore", "marketplace", "pricing", "settings", "sponsors", "login"}
)
_LINK_LABEL_RE = re.compile(r"\b(?:portfolio|website|web|site|blog|homepage|home page|personal)\b\W*$", re.IGNORECASE)
_PORTFOLIO_LABEL_RE = re.compile(r"\bportfolio\b\W*$", re.IGNORECASE)
# second-level labels under a country code ("jane.co.uk", "jane.com.au"): the site is one label more
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ltd", "plc", "me"})

# ---------------------------------------------------------------------------------------------
# Locations

_US_STATES = frozenset(
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND "
    "OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR".split()
)
_CA_PROVINCES = frozenset("AB BC MB NB NL NS NT NU ON PE QC SK YT".split())
_REGION_NAMES = frozenset(
    {
        # countries
        "usa",
        "us",
        "u.s.",
        "u.s.a.",
        "united states",
        "uk",
        "u.k.",
        "united kingdom",
        "england",
        "scotland",
        "wales",
        "ireland",
        "northern ireland",
        "canada",
        "australia",
        "new zealand",
        "india",
        "pakistan",
        "bangladesh",
        "sri lanka",
        "nepal",
        "germany",
        "france",
        "spain",
        "portugal",
        "italy",
        "netherlands",
        "the netherlands",
        "belgium",
        "switzerland",
        "austria",
        "sweden",
        "norway",
        "denmark",
        "finland",
        "poland",
        "czech republic",
        "czechia",
        "hungary",
        "romania",
        "greece",
        "turkey",
        "israel",
        "egypt",
        "nigeria",
        "kenya",
        "south africa",
        "ghana",
        "morocco",
        "uae",
        "united arab emirates",
        "saudi arabia",
        "qatar",
        "china",
        "japan",
        "south korea",
        "korea",
        "singapore",
        "malaysia",
        "indonesia",
        "philippines",
        "vietnam",
        "thailand",
        "taiwan",
        "hong kong",
        "brazil",
        "mexico",
        "argentina",
        "chile",
        "colombia",
        "peru",
        "ukraine",
        "russia",
        "estonia",
        "lithuania",
        "latvia",
        "luxembourg",
        # US states, Canadian provinces and Indian states written out
        "alabama",
        "alaska",
        "arizona",
        "arkansas",
        "california",
        "colorado",
        "connecticut",
        "delaware",
        "florida",
        "georgia",
        "hawaii",
        "idaho",
        "illinois",
        "indiana",
        "iowa",
        "kansas",
        "kentucky",
        "louisiana",
        "maine",
        "maryland",
        "massachusetts",
        "michigan",
        "minnesota",
        "mississippi",
        "missouri",
        "montana",
        "nebraska",
        "nevada",
        "new hampshire",
        "new jersey",
        "new mexico",
        "new york",
        "north carolina",
        "north dakota",
        "ohio",
        "oklahoma",
        "oregon",
        "pennsylvania",
        "rhode island",
        "south carolina",
        "south dakota",
        "tennessee",
        "texas",
        "utah",
        "vermont",
        "virginia",
        "washington",
        "west virginia",
        "wisconsin",
        "wyoming",
        "ontario",
        "quebec",
        "british columbia",
        "alberta",
        "manitoba",
        "nova scotia",
        "karnataka",
        "maharashtra",
        "tamil nadu",
        "telangana",
        "kerala",
        "delhi",
        "gujarat",
        "west bengal",
        "uttar pradesh",
        "haryana",
        "punjab",
        "bavaria",
        "bayern",
    }
)
_WORD = r"[^\W\d_][\w'’.-]*"
_LOCATION_RE = re.compile(
    rf"(?<![\w-])(?P<city>[^\W\d_a-z][\w'’.-]*(?:\s+(?:[^\W\d_a-z][\w'’.-]*|de|del|la|le|upon|on|am|an|der)){{0,3}})"
    rf",\s*(?P<region>{_WORD}(?:\s+{_WORD}){{0,2}}?)(?:\s+(?P<zip>\d{{5}}(?:-\d{{4}})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d))?"
    rf"(?:,\s*(?P<country>{_WORD}(?:\s+{_WORD}){{0,2}}?))?(?=\s*(?:$|[|•·,;()\[\]]|\s[-–—]\s|\s{{2,}}|\t|\d))",
    re.MULTILINE,
)

# ---------------------------------------------------------------------------------------------
# Names

_TITLE_WORDS = frozenset(
    """engineer engineering developer development manager management nurse chef analyst designer director
    consultant accountant teacher specialist assistant technician officer representative intern internship
    associate administrator scientist architect coordinator lead president vice vp ceo cto cfo coo cio cmo
    programmer executive supervisor clerk agent advisor adviser attorney lawyer paralegal physician therapist
    pharmacist electrician mechanic driver operator cashier sales salesperson marketer marketing writer editor
    producer researcher professor lecturer instructor tutor student graduate founder cofounder co-founder owner
    partner principal senior junior staff chief recruiter strategist planner auditor banker bartender server
    waiter waitress receptionist secretary photographer artist plumber welder pilot dentist hygienist
    veterinarian counselor counsellor worker volunteer trainee apprentice inspector estimator surveyor buyer
    merchandiser stylist barista housekeeper nanny caregiver aide paramedic tester devops sre scrum product
    project program software hardware data web full-stack fullstack frontend backend front-end back-end
    registered licensed certified practitioner investigator economist statistician mathematician physicist
    chemist biologist psychologist pharmacologist radiologist surgeon doctor medical clinical nursing
    administrative customer support service services operations finance financial accounting technical
    technologist machinist cook sous pastry line kitchen restaurant retail store warehouse logistics
    superintendent foreman handler expert guru ninja evangelist advocate specialist head singer musician
    actor actress dancer performer composer translator interpreter journalist reporter""".split()
)
# Surnames that are also occupations ("Baker", "Cook", "Carpenter") are deliberately left out above,
# except "cook", whose title use is far commoner than the surname in the name slot of a resume.
_TITLE_WORDS_SAFE = _TITLE_WORDS - {"cook", "head"}
_HEADING_WORDS = frozenset(
    """resume résumé cv curriculum vitae vita profile contact contacts summary objective experience education
    skills references about personal information info details portfolio projects history employment
    professional qualifications certifications awards languages interests hobbies publications career
    overview page confidential address phone email mobile tel telephone linkedin github website name
    declaration achievements accomplishments competencies expertise highlights training courses activities""".split()
)
_ORG_WORDS = frozenset(
    """inc inc. llc ltd ltd. corp corp. corporation company group university college school institute academy
    hospital clinic bank technologies technology solutions systems labs laboratory consulting partners gmbh
    ag plc foundation association agency department ministry council""".split()
)
_ADDRESS_WORDS = frozenset(
    """street st st. avenue ave ave. road rd rd. boulevard blvd blvd. lane ln ln. drive suite apt apt. apartment
    floor box highway hwy way court ct plaza square""".split()
)
_SURNAME_PLACES = frozenset({"england", "wales", "ireland", "washington", "georgia", "virginia", "france", "jordan"})
_PARTICLES = frozenset(
    "de da del della der den di du la le van von bin binti bint al el ter ten dos das do y e zu af av".split()
)
_HONORIFICS_RE = re.compile(r"^(?:(?:dr|mr|mrs|ms|miss|mx|prof|sir|dame)\.?\s+)+", re.IGNORECASE)
_CREDENTIALS = frozenset(
    """mba phd ph.d ph.d. md m.d. rn bsn msn np cpa cfa pmp pe p.e. esq esq. jr jr. sr sr. ii iii iv mph msc
    m.sc bsc b.sc ma m.a ba b.a ms m.s bs b.s cissp ccna aws cma shrm-cp shrm-scp phr sphr lpn cna dds dmd
    pharmd od do dpt ot pt lcsw lmft psyd edd ed.d mfa llm jd j.d acca ca cs fca frcs mrcp mbbs""".split()
)
_NAME_TOKEN_RE = re.compile(r"^[^\W\d_]+(?:['’\-][^\W\d_]+)*\.?$")
_SEGMENT_SPLIT_RE = re.compile(r"\s*[|•·●▪◆/]\s*|\s+[–—-]\s+|\t|\s{3,}")
_LABEL_RE = re.compile(r"^(?:full\s+)?name\s*[:\-]\s*", re.IGNORECASE)
_PARENS_RE = re.compile(r"\s*\([^)]*\)\s*$")
_URLISH_RE = re.compile(r"https?:|www\.|\w\.(?:com|net|org|io|dev|me|co)\b|@", re.IGNORECASE)
# Headings of list-like sections whose lines are never the name (skills, languages, experience, ...).
# Headings that can sit above the name ("Curriculum Vitae", "Contact", "Profile") are not among them.
_CONTENT_HEADING_WORDS = frozenset(
    """skills skill languages language certifications certificates certification licenses competencies
    expertise interests hobbies experience education employment history projects awards
    training courses references publications achievements accomplishments qualifications tools technologies
    strengths toolbox tongues activities highlights volunteering memberships affiliations""".split()
)
_HEADING_FILLER = frozenset(
    """and of & my key core technical work other additional professional personal academic career relevant
    selected soft hard it things i know where i've worked studied background""".split()
)
_HANDLE_RE = re.compile(r"(?:linkedin\.com/(?:in|pub)|github\.com)/([\w.-]+)", re.IGNORECASE)
_FOLD_SPECIAL = {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}


def _dedupe(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _emails(text: str) -> list[str]:
    found: list[tuple[int, str]] = []
    for m in _EMAIL_RE.finditer(text):
        found.append((m.start(), m.group(0).rstrip(".").lower()))
    for m in _OBFUSCATED_EMAIL_RE.finditer(text):
        domain = _DOT_RE.sub(".", m.group(2))
        found.append((m.start(), f"{m.group(1)}@{domain}".lower()))
    return [e for _, e in sorted(found)]


def _phones(text: str, region: str) -> list[str]:
    import phonenumbers

    date_spans = [r.span for r in find_date_ranges(text, as_of=date(2099, 12, 31))]
    out: list[str] = []
    try:
        matches = list(phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID))
        # A number written in international form ("+44 7700 900123") is a phone even where the
        # metadata does not list its range as assigned (reserved and newly opened ranges).
        spans = {(m.start, m.end) for m in matches}
        matches += [
            m
            for m in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.POSSIBLE)
            if m.raw_string.lstrip("(").startswith("+") and not any(a < m.end and m.start < b for a, b in spans)
        ]
        matches.sort(key=lambda m: m.start)
    except Exception:  # phonenumbers rejects unknown regions; a bad region finds no phones
        return out
    for m in matches:
        s, e = m.start, m.end
        before, after = text[max(0, s - 2) : s], text[e : e + 2]
        if re.search(r"\d[-./]?\Z", before) or re.match(r"[-./]?\d", after):
            continue  # part of a longer digit run
        if sum(ch.isdigit() for ch in m.raw_string) > 15:
            continue
        if any(a < e and s < b for a, b in date_spans):
            continue
        number = phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164)
        if number.startswith("+"):
            out.append(number)
    return out


def _own_site(host: str) -> bool:
    """True for a registrable domain without a subdomain ("jane.dev", "example.co.uk")."""
    labels = host.split(".")
    size = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return len(labels) <= size


def _link(
    raw: str, email_domains: set[str], near_top: bool, labelled: bool, *, portfolio_label: bool = False
) -> Link | None:
    url = raw.rstrip(".,;:!?)]}'\"")
    url = re.sub(r"^(?:https?://)", "", url, flags=re.IGNORECASE)
    host, _, path = url.partition("/")
    host = host.lower().split(":")[0]
    if host.startswith("www."):
        host = host[4:]
    path = path.split("?")[0].split("#")[0].rstrip("/")
    has_scheme = bool(re.match(r"^(?:https?://|www\.)", raw, re.IGNORECASE))
    if not host or "." not in host or host in _TECH_DOMAINS:
        return None
    parts = [p for p in path.split("/") if p]
    base = ".".join(host.split(".")[-2:])
    if base == "linkedin.com":
        if len(parts) >= 2 and parts[0].lower() in {"in", "pub"}:
            return Link(kind="linkedin", url=f"https://linkedin.com/{parts[0].lower()}/{parts[1].lower()}")
        return Link(kind="other", url=f"https://linkedin.com/{'/'.join(parts)}".rstrip("/")) if parts else None
    if host == "github.com":
        if parts and parts[0].lower() not in _GITHUB_RESERVED:
            return Link(kind="github", url=f"https://github.com/{parts[0].lower()}")
        return None
    if host in _OTHER_HOSTS or base in _OTHER_HOSTS or host.endswith(".medium.com") or host.endswith(".substack.com"):
        return Link(kind="other", url="https://" + "/".join([host, *parts]))
    if host in _WEBMAIL or base in _WEBMAIL:
        return None
    if not has_scheme and host in email_domains and not parts:
        return None
    if not (near_top or labelled):
        return None
    if not has_scheme and not parts and raw != raw.lower():
        return None  # "ASP.NET", "Node.JS": technology names, not sites
    url = "https://" + "/".join([host, *parts])
    if len(parts) >= 2 and _own_site(host) and not portfolio_label:
        # "example.org/chefs/jane-doe": a page about the person deep in someone else's site
        # (a directory, a team page, a blog platform), not the person's own portfolio
        return Link(kind="other", url=url)
    return Link(kind="portfolio", url=url)


def _overlapping(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    out: list[re.Match[str]] = []
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        out.append(m)
        pos = m.start() + 1
    return out


def _location(text: str) -> str | None:
    lines = [ln for ln in text.splitlines() if ln.strip()][:10]
    for index, line in enumerate(lines):
        for m in _overlapping(_LOCATION_RE, line):
            region = m.group("region").strip()
            city = m.group("city").strip()
            known = region in _US_STATES or region in _CA_PROVINCES or region.lower() in _REGION_NAMES
            if not known:
                continue
            if index == 0 and region in {"MD", "PA", "DO", "NP"}:
                continue  # "Jane Doe, MD" on the name line is a credential
            if city.split()[0].lower() in _HEADING_WORDS:
                city = " ".join(city.split()[1:])
                if not city:
                    continue
            if any(w.lower().strip(".") in _ADDRESS_WORDS for w in city.split()):
                continue
            out = f"{city}, {region}"
            country = m.group("country")
            if country and country.strip().lower() in _REGION_NAMES:
                out += f", {country.strip()}"
            return out
    return None


def extract_contact(text: str, *, default_region: str = "US") -> ContactInfo:
    """Emails, phone numbers, typed profile links and a location found in ``text``.

    Emails are lower-cased and de-duplicated in order ("jane [at] example [dot] com" is read
    too). Phones are matched with ``phonenumbers`` at VALID leniency (numbers written with a
    leading "+" at POSSIBLE leniency) and returned in E.164; numbers that sit inside dates or
    longer digit runs are skipped. Links are typed: ``linkedin``
    (``linkedin.com/in/...``), ``github`` (the profile ``github.com/user``, also for repository
    links), ``other`` (Twitter/X, Stack Overflow, Behance, Dribbble, Medium, GitLab, ...) and
    ``portfolio`` (any other site near the top of the text or labelled "Portfolio"/"Website",
    never a webmail provider; a page two or more folders deep on a domain without a subdomain,
    such as ``example.org/chefs/jane-doe``, is someone else's site and typed ``other`` unless
    labelled "Portfolio"); they are written ``https://host/path`` without ``www.`` or a
    trailing slash, LinkedIn and GitHub ids lower-cased. The location is the first "City, ST",
    "City, ST 12345" or "City, Country" in the first ten non-empty lines (without the zip code).

    Parameters
    ----------
    text : str
        Any text; never raises.
    default_region : str
        ISO 3166 region for numbers written without a country code.

    Returns
    -------
    ContactInfo

    Examples
    --------
    >>> c = extract_contact("Ravi Kumar, Bengaluru, India\\n+91 98450 12345\\nravi [at] mail [dot] com")
    >>> c.emails, c.phones, c.location
    (('ravi@mail.com',), ('+919845012345',), 'Bengaluru, India')
    """
    emails = _dedupe(_emails(text))
    phones = _dedupe(_phones(text, default_region))
    email_domains = {e.rsplit("@", 1)[1] for e in emails}
    top_limit = 0
    count = 0
    for m in re.finditer(r"[^\n]*\n?", text):
        if m.group(0).strip():
            count += 1
        top_limit = m.end()
        if count >= 15 or not m.group(0):
            break
    links: list[Link] = []
    for m in _URL_RE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        prefix = text[line_start : m.start()]
        labelled = _LINK_LABEL_RE.search(prefix) is not None
        portfolio_label = _PORTFOLIO_LABEL_RE.search(prefix) is not None
        link = _link(m.group(0), email_domains, m.start() < top_limit, labelled, portfolio_label=portfolio_label)
        if link is not None and link not in links:
            links.append(link)
    return ContactInfo(emails=emails, phones=phones, links=tuple(links), location=_location(text))


# ---------------------------------------------------------------------------------------------
# Names


def _fold(ch: str) -> str:
    """One character lower-cased without its accents ("Å" -> "a", "Ø" -> "o", "ß" -> "ss")."""
    low = ch.lower()
    if low in _FOLD_SPECIAL:
        return _FOLD_SPECIAL[low]
    return "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))


def _name_hints(text: str) -> frozenset[str]:
    """Words of the e-mail local parts and LinkedIn/GitHub handles in ``text``, folded."""
    sources = [m.group(0).split("@")[0] for m in _EMAIL_RE.finditer(text)]
    sources += [m.group(1) for m in _HANDLE_RE.finditer(text)]
    words = {w for src in sources for w in re.split(r"[\W_\d]+", src) if len(w) >= 2}
    return frozenset("".join(_fold(ch) for ch in w) for w in words)


def _split_joined(word: str, hints: frozenset[str]) -> list[str]:
    """Split a name run together ("CHUKWUEMEKAOKAFOR") where words of ``hints`` spell it out.

    The whole word is split into hint words when it can be (fewest pieces); otherwise a hint word
    of three or more letters at its start or end is split off. Without a fit the word is kept.
    """
    if not hints or len(word) < 4:
        return [word]
    bounds = [0]  # bounds[i]: length of the folded prefix word[:i]
    for ch in word:
        bounds.append(bounds[-1] + len(_fold(ch)))
    folded = "".join(_fold(ch) for ch in word)
    n = len(word)
    best: dict[int, list[int]] = {0: [0]}  # cut positions reaching i, fewest pieces first
    for i in range(n):
        if i not in best:
            continue
        for j in range(i + 2, n + 1):
            if folded[bounds[i] : bounds[j]] in hints and (j not in best or len(best[i]) + 1 < len(best[j])):
                best[j] = [*best[i], j]
    full = best.get(n, [])
    if len(full) >= 3:
        return [word[a:b] for a, b in itertools.pairwise(full)]
    fits = [
        (max(len(head) if head in hints else 0, len(tail) if tail in hints else 0), cut)
        for cut in range(2, n - 1)
        for head, tail in [(folded[: bounds[cut]], folded[bounds[cut] :])]
    ]
    size, cut = max(fits, default=(0, 0))
    if size >= 3:
        return [word[:cut], word[cut:]]
    return [word]


def _unspace(text: str, hints: frozenset[str] = frozenset()) -> str:
    """ "J O H N   S M I T H" -> "JOHN SMITH".

    Words are told apart by wider gaps (two or more spaces); where the gaps were lost
    ("J O H N S M I T H"), the e-mail and profile-handle words in ``hints`` split the run.
    """
    groups = re.split(r"\s{2,}", text.strip())
    letters = sum(len(g.replace(" ", "")) for g in groups)
    if letters >= 4 and all(re.fullmatch(r"[^\W\d_'’-](?: [^\W\d_'’-])+", g) for g in groups):
        return " ".join(w for g in groups for w in _split_joined(g.replace(" ", ""), hints))
    return text


def _is_content_heading(text: str) -> bool:
    """ "SKILLS", "Languages", "Work Experience", "Key Competencies": a section whose lines are no name."""
    words = [w.strip(".:;,-–—*_•").lower() for w in text.split()]
    words = [w for w in words if w]
    if not 1 <= len(words) <= 5 or any(ch.isdigit() or ch == "@" for ch in text):
        return False
    if not all(w in _CONTENT_HEADING_WORDS or w in _HEADING_WORDS or w in _HEADING_FILLER for w in words):
        return False
    return any(w in _CONTENT_HEADING_WORDS for w in words)


def _under_content_heading(lines: Sequence[DocumentLine]) -> set[int]:
    """Indexes of the lines that sit below a content heading in the same column.

    With positions (``y0``), "below" means lower on the page in the same ``column``; without,
    later in reading order. A sidebar's skills and languages never become the name this way.
    """
    has_y = any(ln.y0 for ln in lines)
    headings = [i for i, ln in enumerate(lines) if _is_content_heading(ln.text)]
    out: set[int] = set()
    for i, ln in enumerate(lines):
        for h in headings:
            head = lines[h]
            if h == i or head.page != ln.page or head.column != ln.column:
                continue
            if (ln.y0 > head.y0) if has_y else (i > h):
                out.add(i)
                break
    return out


def _recase(token: str, first: bool) -> str:
    if not first and token.lower() in _PARTICLES:
        return token.lower()
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0)[:1].upper() + m.group(0)[1:].lower(), token)


def _clean_name(segment: str) -> str | None:
    """The name in ``segment`` with credentials, honorifics and pronouns removed, or None."""
    s = _LABEL_RE.sub("", segment.strip())
    s = _PARENS_RE.sub("", s)
    if "," in s:
        head, *rest = s.split(",")
        tail_tokens = [t.strip().lower() for part in rest for t in part.split()]
        if tail_tokens and all(t in _CREDENTIALS or t.rstrip(".") in _CREDENTIALS for t in tail_tokens):
            s = head
        else:
            return None
    s = _HONORIFICS_RE.sub("", s.strip())
    s = s.strip(" \t\"'“”‘’:;.-–—*_~")
    # a trailing initial keeps its period ("John Q.") only if the name had one; strip() removed it
    if not s or _URLISH_RE.search(s) or any(ch.isdigit() for ch in s):
        return None
    tokens = s.split()
    core = [t for t in tokens if t.lower() not in _PARTICLES]
    if not 1 <= len(core) <= 4 or len(tokens) > 6:
        return None
    for i, t in enumerate(tokens):
        if not _NAME_TOKEN_RE.match(t):
            return None
        low = t.lower().rstrip(".")
        if low in _PARTICLES and 0 < i < len(tokens) - 1:
            continue
        if not t[0].isupper():
            return None
        words = {low, *low.split("-")}
        if (
            words & _TITLE_WORDS_SAFE
            or (low.endswith("s") and low[:-1] in _TITLE_WORDS_SAFE)
            or words & _HEADING_WORDS
            or words & _ORG_WORDS
            or low in _ADDRESS_WORDS
        ):
            return None
    if s.lower() in _REGION_NAMES or (
        len(tokens) > 1 and tokens[-1].lower() in _REGION_NAMES - _SURNAME_PLACES and len(tokens[-1]) > 2
    ):
        return None  # "Berlin Germany": a place
    letters = [ch for ch in s if ch.isalpha()]
    if len(letters) < 2:
        return None
    if all(ch.isupper() for ch in letters) and len(letters) > 2:
        s = " ".join(_recase(t, i == 0) for i, t in enumerate(tokens))
    else:
        s = " ".join(tokens)
    return s


def _segments(text: str, hints: frozenset[str] = frozenset()) -> list[str]:
    unspaced = _unspace(text, hints)
    return [p for p in _SEGMENT_SPLIT_RE.split(_PARENS_RE.sub("", unspaced)) if p.strip()]


_PAGE1_LINES = 80  # lines of page 1 looked at (layout: the 15 topmost of them are candidates)

#: Named entities of some lines: called with the texts of the lines that hold a name candidate,
#: returns for each of them its entities as ``(text, label)`` pairs (spaCy's labels: ``PERSON``,
#: ``ORG``, ``GPE``...). :func:`skillmatch.parsing._nlp.entity_tagger` builds one from a spaCy
#: pipeline with a trained NER.
EntityTagger = Callable[[Sequence[str]], Sequence[Sequence[tuple[str, str]]]]

_PERSON_LABELS = frozenset({"PERSON", "PER"})  # PER: the WikiNER label of spaCy's multilingual pipelines
_NOT_PERSON_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})
_ENTITY_POINTS = 2.0  # layout score added for a PERSON entity, taken off for an ORG/GPE/LOC/FAC/NORP one


def find_name(
    lines: Sequence[DocumentLine], *, text: str | None = None, entities: EntityTagger | None = None
) -> str | None:
    """The candidate's name, chosen among the first lines of the document.

    With layout (``font_size`` set), each of the 15 topmost lines of the first page (by ``y0``
    where lines have positions, so a two-column page's sidebar does not crowd out the main
    column) is scored:
    largest font, bold, near the top, centred and alone on its line all count, and only lines
    shaped like a personal name (1-4 capitalised words of letters, hyphens, apostrophes and
    name particles; no digits, ``@`` or URL) qualify. Job titles, section headings ("Resume",
    "Curriculum Vitae", "Profile", ...), organisations, addresses and places never do. A single
    word qualifies only in the largest font and alone on its line. Without layout, the first
    qualifying line of two or more words among the first 8 non-empty lines is the name.
    Trailing credentials ("Jane Doe, MBA"), honorifics and pronouns are removed, ALL-CAPS names
    are title-cased ("JOHN SMITH" -> "John Smith") and letter-spaced names joined; where the
    wider gap between the words was lost ("J O H N S M I T H"), the words of the e-mail local
    parts and LinkedIn/GitHub handles (accents folded) split the run. Lines below a list-like
    section heading in the same column ("Skills", "Languages", "Certifications", "Experience",
    ...) are section content, never the name.

    With ``entities`` (a trained NER's view of the candidate lines), a candidate that is a
    ``PERSON`` (or ``PER``) entity on its line scores 2 points more, and one that is an ``ORG``,
    ``GPE``, ``LOC``, ``FAC`` or ``NORP`` entity 2 points less; without layout, a ``PERSON``
    candidate is preferred to the first one, and an organisation or place comes last. An
    entity counts when its text, cleaned like a name, is the candidate (case and spacing
    aside). Lines are passed to ``entities`` title-cased when written in capitals, since NER
    models read "JOHN SMITH" poorly. Without ``entities`` nothing changes.

    Parameters
    ----------
    lines : sequence of DocumentLine
        The document's lines in reading order (may be empty).
    text : str, optional
        The document's text, used when ``lines`` give no name.
    entities : callable, optional
        An :data:`EntityTagger`: line texts -> ``(entity text, label)`` pairs per line.

    Returns
    -------
    str or None
        None when no line qualifies.

    Examples
    --------
    >>> from skillmatch.models import DocumentLine
    >>> find_name([DocumentLine(text="Senior Software Engineer", font_size=11),
    ...            DocumentLine(text="JOSÉ ÁLVAREZ-NÚÑEZ", font_size=20, bold=True, y0=40)])
    'José Álvarez-Núñez'
    >>> find_name([], text="Curriculum Vitae\\nJane Doe, MBA\\njane@example.com")
    'Jane Doe'
    >>> ner = lambda texts: [[("Morgan Stanley", "ORG")] if t == "Morgan Stanley" else [] for t in texts]
    >>> find_name([], text="Morgan Stanley\\nJordan Lee"), find_name([], text="Morgan Stanley\\nJordan Lee", entities=ner)
    ('Morgan Stanley', 'Jordan Lee')
    """
    hints = _name_hints(text if text is not None else "\n".join(ln.text for ln in lines))
    page1 = [ln for ln in lines if ln.page == 1 and ln.text.strip()][:_PAGE1_LINES]
    if page1 and any(ln.font_size is not None for ln in page1):
        found = _from_layout(page1, hints, entities)
        if found is not None:
            return found
    elif page1:
        found = _from_plain(page1[:15], hints, entities)
        if found is not None:
            return found
    if text:
        return _from_plain([DocumentLine(text=t) for t in text.splitlines()], hints, entities)
    return None


def _entity_key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _tagging_text(text: str, hints: frozenset[str]) -> str:
    """A line as the NER reads it: letter-spacing joined, capitals title-cased."""
    joined = _unspace(text, hints)
    letters = [ch for ch in joined if ch.isalpha()]
    if len(letters) > 2 and all(ch.isupper() for ch in letters):
        return " ".join(_recase(t, i == 0) for i, t in enumerate(joined.split()))
    return joined


def _entity_labels(
    entities: EntityTagger, texts: Mapping[int, str], hints: frozenset[str]
) -> dict[int, dict[str, str]]:
    """For each line index, its entities keyed as candidate names are (first label wins)."""
    indexes = list(texts)
    found = entities([_tagging_text(texts[i], hints) for i in indexes])
    out: dict[int, dict[str, str]] = {}
    for i, pairs in zip(indexes, found, strict=True):
        labels = out.setdefault(i, {})
        for ent_text, label in pairs:
            key = _entity_key(_clean_name(ent_text) or ent_text)
            labels.setdefault(key, label)
    return out


def _entity_rank(label: str | None) -> int:
    """+1 a person, -1 an organisation or place, 0 anything else (or no entity)."""
    if label in _PERSON_LABELS:
        return 1
    if label in _NOT_PERSON_LABELS:
        return -1
    return 0


def _from_plain(
    lines: Sequence[DocumentLine], hints: frozenset[str], entities: EntityTagger | None = None
) -> str | None:
    nonempty = [ln for ln in lines if ln.text.strip()][:8]
    below = _under_content_heading(nonempty)
    found: list[tuple[int, str]] = []  # (line index, name): one candidate per line
    for i, line in enumerate(nonempty):
        if i in below:
            continue
        for segment in _segments(line.text, hints)[:1]:
            name = _clean_name(segment)
            if name is not None and len(name.split()) >= 2:
                if entities is None:
                    return name
                found.append((i, name))
    if not found:
        return None
    labels = _entity_labels(entities, {i: nonempty[i].text for i, _ in found}, hints) if entities else {}
    _, _, name = max((_entity_rank(labels.get(i, {}).get(_entity_key(n))), -i, n) for i, n in found)
    return name


def _from_layout(
    page1: Sequence[DocumentLine], hints: frozenset[str], entities: EntityTagger | None = None
) -> str | None:
    has_y = any(ln.y0 for ln in page1)
    below = _under_content_heading(page1)
    # the 15 topmost lines: in a two-column page, reading order puts the whole sidebar first
    order = sorted(range(len(page1)), key=lambda i: (page1[i].y0 if has_y else 0.0, i))[:15]
    rank = {i: r for r, i in enumerate(order)}
    lines = [page1[i] for i in order]
    sizes = [ln.font_size for ln in lines if ln.font_size is not None]
    if not sizes:
        return None
    biggest = max(sizes)
    median = statistics.median(sizes)
    right = max((ln.x1 for ln in lines), default=0.0)
    candidates: list[tuple[float, int, str]] = []  # (score, line index, name), in line then segment order
    for i in sorted(order):
        ln = page1[i]
        if i in below:
            continue
        segments = _segments(ln.text, hints)
        alone = len(segments) == 1
        for j, segment in enumerate(segments):
            name = _clean_name(segment)
            if name is None:
                continue
            size = ln.font_size
            largest = size is not None and size >= biggest > median
            if len(name.split()) == 1 and not (largest and alone):
                continue
            score = 0.0
            if size is not None:
                score += 4.0 if largest else (1.5 if size > median else 0.0)
            score += 1.0 if ln.bold else 0.0
            score += max(0.0, 2.0 - 0.3 * rank[i])
            if right > 0 and ln.x1 > ln.x0 and abs((ln.x0 + ln.x1) / 2 - right / 2) < 0.08 * right:
                score += 1.0
            score += 0.5 if alone else -0.25 * j
            score += 0.5 if 2 <= len(name.split()) <= 3 else 0.0
            candidates.append((score, i, name))
    if entities is not None and candidates:
        labels = _entity_labels(entities, {i: page1[i].text for _, i, _ in candidates}, hints)
        candidates = [
            (score + _ENTITY_POINTS * _entity_rank(labels.get(i, {}).get(_entity_key(name))), i, name)
            for score, i, name in candidates
        ]
    best: tuple[float, int, str] | None = None
    for score, i, name in candidates:  # the first of the best scores wins
        if best is None or (score, -i) > (best[0], -best[1]):
            best = (score, i, name)
    return best[2] if best is not None else None
