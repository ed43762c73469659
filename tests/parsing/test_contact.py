from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillmatch.models import ContactInfo, DocumentLine, Link
from skillmatch.parsing.contact import EntityTagger, extract_contact, find_name

# --------------------------------------------------------------------------- names, plain text

PLAIN_NAMES: list[tuple[str, str | None]] = [
    ("Jane Doe\nSoftware Engineer", "Jane Doe"),
    ("RESUME\nJOHN SMITH\njohn@x.com", "John Smith"),
    ("Senior Software Engineer\nJane O'Connor", "Jane O'Connor"),
    ("Curriculum Vitae\nJosé Álvarez-Núñez", "José Álvarez-Núñez"),
    ("J O H N   S M I T H\nDeveloper", "John Smith"),
    ("Jane Doe, MBA\nAustin, TX", "Jane Doe"),
    ("Jane Doe, RN, BSN", "Jane Doe"),
    ("Maria de la Cruz | Data Analyst", "Maria de la Cruz"),
    ("Dr. Ahmed Khan\nkhan@example.org", "Ahmed Khan"),
    ("Ronald McDonald", "Ronald McDonald"),
    ("Jane Doe (she/her)", "Jane Doe"),
    ("Name: Wei Zhang", "Wei Zhang"),
    ("Résumé\nMARY-KATE O'BRIEN", "Mary-Kate O'Brien"),
    ("Jane Baker\nPastry Chef", "Jane Baker"),
    ("Acme Corporation\nJane Doe", "Jane Doe"),
    ("Berlin Germany\nPeter Pan", "Peter Pan"),
    ("jane@x.com\nhttps://jane.dev\nJane Q. Public", "Jane Q. Public"),
    ("CV\nLUDWIG VAN BEETHOVEN", "Ludwig van Beethoven"),
    ("Registered Nurse\nExecutive Chef", None),
    ("Profile\nContact\njane@x.com\nhttps://x.com", None),
    ("Madonna", None),  # a single word needs layout to be trusted
    ("123 Main St\nAustin, TX 78701", None),
    ("Summary\nResults-driven engineer with 10 years of experience", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "name"), PLAIN_NAMES)
def test_name_from_plain_text(text: str, name: str | None) -> None:
    assert find_name([], text=text) == name


def test_plain_lines_without_layout_use_first_eight_lines() -> None:
    lines = [DocumentLine(text=t) for t in ["x"] * 8 + ["Jane Doe"]]
    assert find_name(lines) is None
    lines = [DocumentLine(text=t) for t in ["Profile", "Software Engineer", "Jane Doe"]]
    assert find_name(lines) == "Jane Doe"


# --------------------------------------------------------------------------- names, layout


def ln(
    text: str,
    size: float = 11.0,
    y: float = 0.0,
    *,
    bold: bool = False,
    x0: float = 0.0,
    x1: float = 0.0,
    page: int = 1,
) -> DocumentLine:
    return DocumentLine(text=text, font_size=size, y0=y, y1=y + size, bold=bold, x0=x0, x1=x1, page=page)


LAYOUT_NAMES: list[tuple[list[DocumentLine], str | None]] = [
    ([ln("Senior Software Engineer", 11, 60), ln("JOSÉ ÁLVAREZ-NÚÑEZ", 20, 40, bold=True)], "José Álvarez-Núñez"),
    ([ln("Resume", 12, 10), ln("Madonna", 24, 30), ln("Singer", 12, 60)], "Madonna"),
    ([ln("jane@x.com", 9, 5), ln("Executive Chef", 22, 10, bold=True), ln("Jane Smith", 18, 40)], "Jane Smith"),
    ([ln("Executive Chef", 22, 10, bold=True), ln("Registered Nurse", 12, 30)], None),
    (
        [
            ln("Professional Summary", 14, 300),
            ln("Alex Morgan", 11, 20, x0=250, x1=350),
            ln("Lead Developer", 11, 40, x1=600),
        ],
        "Alex Morgan",
    ),
    (
        [ln("Acme Inc", 9, 5), ln("Priya Raghunathan", 16, 30, bold=True), ln("Bengaluru, India", 10, 50)],
        "Priya Raghunathan",
    ),
    ([ln("Sam Lee | Data Scientist | sam@lee.io", 14, 10)], "Sam Lee"),
    ([ln("E X P E R I E N C E", 14, 200), ln("K A T E   B U S H", 20, 10)], "Kate Bush"),
    ([ln("Contact", 10, 10), ln("Cher", 11, 30), ln("Pop Singer", 11, 40)], None),  # mononym in body font
    ([ln("Sean O'Connor", 12, 10, page=2), ln("Education", 14, 10)], None),  # only the first page counts
    ([ln("Jane Doe, PhD", 18, 10), ln("Data Scientist", 12, 30)], "Jane Doe"),
    ([ln("Curriculum Vitae", 20, 10), ln("Aoife Ní Bhriain", 16, 30, bold=True)], "Aoife Ní Bhriain"),
    ([ln("Chris Evans", 11, 200), ln("Tom Hardy", 11, 10)], "Tom Hardy"),  # the top line wins a tie
]


@pytest.mark.parametrize(("lines", "name"), LAYOUT_NAMES)
def test_name_from_layout(lines: list[DocumentLine], name: str | None) -> None:
    assert find_name(lines) == name


# --------------------------------------------------------------------------- names, with a NER's entities


def tagger(labels: dict[str, str], seen: list[str] | None = None) -> EntityTagger:
    """A stand-in for a trained NER: every ``labels`` key found in a line is an entity."""

    def tag(texts: Sequence[str]) -> list[list[tuple[str, str]]]:
        if seen is not None:
            seen.extend(texts)
        return [[(k, v) for k, v in labels.items() if k in t] for t in texts]

    return tag


def test_person_entity_wins_a_layout_tie() -> None:
    lines = [ln("Chris Evans", 11, 10), ln("Tom Hardy", 11, 30)]
    assert find_name(lines) == "Chris Evans"
    assert find_name(lines, entities=tagger({"Tom Hardy": "PERSON"})) == "Tom Hardy"
    assert find_name(lines, entities=tagger({"Chris Evans": "ORG"})) == "Tom Hardy"
    assert find_name(lines, entities=tagger({"Tom Hardy": "PER"})) == "Tom Hardy"  # multilingual label


def test_entities_do_not_outweigh_a_clear_layout() -> None:
    lines = [ln("Priya Raghunathan", 20, 10, bold=True), ln("Jordan Lee", 10, 200)]
    assert find_name(lines, entities=tagger({"Jordan Lee": "PERSON"})) == "Priya Raghunathan"


def test_entities_in_plain_text() -> None:
    text = "Morgan Stanley\nJordan Lee\njordan@example.com"
    assert find_name([], text=text) == "Morgan Stanley"
    assert find_name([], text=text, entities=tagger({"Morgan Stanley": "ORG"})) == "Jordan Lee"
    assert find_name([], text=text, entities=tagger({"Jordan Lee": "PERSON"})) == "Jordan Lee"
    assert find_name([], text=text, entities=tagger({"Jordan": "PERSON"})) == "Morgan Stanley"  # not the whole name


def test_the_ner_reads_capitals_title_cased() -> None:
    seen: list[str] = []
    assert (
        find_name([], text="ACME WIDGETS\nJOHN SMITH", entities=tagger({"John Smith": "PERSON"}, seen)) == "John Smith"
    )
    assert seen == ["Acme Widgets", "John Smith"]


@pytest.mark.parametrize(("text", "name"), PLAIN_NAMES)
def test_no_entities_change_nothing(text: str, name: str | None) -> None:
    assert find_name([], text=text, entities=tagger({})) == name


@pytest.mark.parametrize(("lines", "name"), LAYOUT_NAMES)
def test_no_entities_change_nothing_with_layout(lines: list[DocumentLine], name: str | None) -> None:
    assert find_name(lines, entities=tagger({})) == name


def test_at_least_thirty_name_cases() -> None:
    assert len(PLAIN_NAMES) + len(LAYOUT_NAMES) >= 30


@pytest.mark.parametrize(
    "title",
    [
        "Senior Software Engineer",
        "Registered Nurse",
        "Executive Chef",
        "Marketing Manager",
        "Data Analyst",
        "Graphic Designer",
        "Financial Accountant",
        "Project Coordinator",
        "Vice President",
        "Solutions Architect",
        "Sales Representative",
        "Research Scientist",
        "Software Developers",
    ],
)
def test_titles_never_returned(title: str) -> None:
    assert find_name([ln(title, 24, 5, bold=True)]) is None
    assert find_name([], text=title) is None


@pytest.mark.parametrize(
    "heading", ["Curriculum Vitae", "Resume", "Résumé", "CV", "Profile", "Contact", "Contact Information"]
)
def test_headings_never_returned(heading: str) -> None:
    assert find_name([ln(heading, 24, 5, bold=True)]) is None


# --------------------------------------------------------------------------- names, sidebars and section content


def sidebar(*texts: str, y: float = 63.0) -> list[DocumentLine]:
    """A narrow left sidebar in small print, one line every 11 points, headings in bold capitals."""
    return [
        DocumentLine(
            text=t,
            font_size=9.5 if t.isupper() else 8.5,
            bold=t.isupper(),
            x0=22,
            x1=120,
            y0=y + 11 * k,
            y1=y + 11 * k + 9,
            column=0,
        )
        for k, t in enumerate(texts)
    ]


def main_column(*texts: str, y: float = 59.0) -> list[DocumentLine]:
    lines = [DocumentLine(text=texts[0], font_size=22, bold=True, x0=224, x1=400, y0=y, y1=y + 22, column=1)]
    lines += [
        DocumentLine(text=t, font_size=10, x0=224, x1=560, y0=y + 30 + 13 * k, y1=y + 40 + 13 * k, column=1)
        for k, t in enumerate(texts[1:])
    ]
    return lines


def test_two_column_name_after_a_long_sidebar_in_reading_order() -> None:
    # reading order puts the whole sidebar first: the name is the 19th line, but the topmost one
    side = sidebar(
        "CONTACT", "London, UK", "zoe@example.org", "+44 7700 900123", "SKILLS", "User Research", "Figma",
        "Prototyping", "Design Systems", "Accessibility", "Adobe Illustrator", "LANGUAGES", "English", "French",
        "CERTIFICATIONS", "Nielsen Norman Group UX Certificate", "Month-End Close", "Engine Run-up",
    )  # fmt: skip
    lines = side + main_column("Zoë Brontë-Smith", "Senior UX Designer", "Profile")
    assert find_name(lines) == "Zoë Brontë-Smith"


def test_sidebar_skills_are_not_names_even_without_the_main_column() -> None:
    lines = sidebar("CONTACT", "Miami, FL", "SKILLS", "Line Maintenance", "Engine Run-up", "LANGUAGES", "Spanish")
    assert find_name(lines) is None


@pytest.mark.parametrize(
    "heading", ["SKILLS", "Languages", "Key Competencies", "Work Experience", "Technical Toolbox", "Certifications:"]
)
def test_lines_under_a_content_heading_are_not_names(heading: str) -> None:
    lines = [ln(heading, 12, 10, bold=True), ln("User Research", 14, 30), ln("Month-End Close", 11, 45)]
    assert find_name(lines) is None
    assert find_name([], text=f"{heading}\nUser Research\nMonth-End Close") is None


def test_content_heading_only_covers_its_own_column_and_what_is_below() -> None:
    side = sidebar("SKILLS", "User Research", y=40)
    name = DocumentLine(text="Ingrid Bergström", font_size=12, x0=224, x1=400, y0=42, y1=54, column=1)
    assert find_name([*side, name]) == "Ingrid Bergström"
    above = [ln("Ingrid Bergström", 12, 10), ln("Skills", 12, 30, bold=True), ln("Tax Compliance", 12, 50)]
    assert find_name(above) == "Ingrid Bergström"


@pytest.mark.parametrize("heading", ["Contact", "Personal Details", "Profile", "Curriculum Vitae"])
def test_headings_that_may_sit_above_the_name_do_not_hide_it(heading: str) -> None:
    assert find_name([], text=f"{heading}\nJane Doe\njane@example.com") == "Jane Doe"


# --------------------------------------------------------------------------- names, letter-spacing without word gaps


def test_letter_spaced_name_split_by_email_words() -> None:
    lines = [
        ln("Curriculum Vitae", 11, 56),
        ln("C H U K W U E M E K A O K A F O R", 17, 79, bold=True),
        ln("DevOps Engineer", 11, 98),
        ln("Email: chukwuemeka.okafor@example.com", 10, 154),
    ]
    assert find_name(lines) == "Chukwuemeka Okafor"  # hints taken from the lines
    assert find_name(lines, text="Email: chukwuemeka.okafor@example.com") == "Chukwuemeka Okafor"


def test_letter_spaced_name_split_by_profile_handle_with_accents_folded() -> None:
    lines = [DocumentLine(text="Curriculum Vitae", font_size=10.5), DocumentLine(text="B J Ö R N Å K E S S O N", font_size=20, bold=True)]  # fmt: skip
    text = "B J Ö R N Å K E S S O N\nLinkedIn: https://www.linkedin.com/in/bjorn-akesson-demo"
    assert find_name(lines, text=text) == "Björn Åkesson"


def test_letter_spaced_plain_text_split_by_email() -> None:
    text = "CURRICULUM VITAE\n\nN O M V U L A D L A M I N I\nPharmaceutical Sales Representative\nnomvula.dlamini@example.com"
    assert find_name([DocumentLine(text=t) for t in text.splitlines() if t.strip()], text=text) == "Nomvula Dlamini"
    assert find_name([], text=text) == "Nomvula Dlamini"


def test_letter_spaced_name_split_by_one_known_word() -> None:
    assert find_name([], text="N O M V U L A D L A M I N I\nnomvula@example.com") == "Nomvula Dlamini"
    assert find_name([], text="N O M V U L A D L A M I N I\ngithub.com/dlamini-demo") == "Nomvula Dlamini"


def test_letter_spaced_name_without_hints_or_gaps() -> None:
    assert find_name([], text="N O M V U L A D L A M I N I\nzulu@example.com") is None  # one word: not trusted
    assert find_name([ln("J O H N S M I T H", 20, 10), ln("Developer", 11, 30)]) == "Johnsmith"
    # wider gaps still win over hints
    assert find_name([], text="K A T E   B U S H\nkatebush@example.com") == "Kate Bush"


# --------------------------------------------------------------------------- contact


def test_us_contact() -> None:
    c = extract_contact(
        "Jane Doe\nAustin, TX 78701\njane.doe@example.com | (512) 555-0123 | github.com/janedoe/repo | linkedin.com/in/JaneDoe/"
    )
    assert c == ContactInfo(
        emails=("jane.doe@example.com",),
        phones=("+15125550123",),
        links=(
            Link(kind="github", url="https://github.com/janedoe"),
            Link(kind="linkedin", url="https://linkedin.com/in/janedoe"),
        ),
        location="Austin, TX",
    )


def test_uk_numbers() -> None:
    c = extract_contact("Tom Smith\n+44 7911 123456\n020 7946 0958\nLondon, UK", default_region="GB")
    assert c.phones == ("+447911123456", "+442079460958")
    assert c.location == "London, UK"


def test_german_numbers() -> None:
    c = extract_contact(
        "Hans Müller\nTel. +49 30 123456789\nMobil: 0151 23456789\nBerlin, Germany", default_region="DE"
    )
    assert c.phones == ("+4930123456789", "+4915123456789")
    assert c.location == "Berlin, Germany"


def test_indian_numbers_deduplicated() -> None:
    c = extract_contact("Ravi\n+91 98450 12345\n098450 12345\nBangalore, Karnataka", default_region="IN")
    assert c.phones == ("+919845012345",)
    assert c.location == "Bangalore, Karnataka"


def test_international_number_with_us_default() -> None:
    assert extract_contact("Phone: +44 7911 123456").phones == ("+447911123456",)


def test_phones_not_taken_from_dates_or_long_digit_runs() -> None:
    c = extract_contact("Acme 2019-2021, 01/2019 - 03/2021\nAccount 12345678901234567890\nID 5125550123999")
    assert c.phones == ()


def test_emails_in_odd_places() -> None:
    c = extract_contact(
        "mailto:JANE@X.COM, <bob@y.org>, Email:carol@z.co.uk. (dan@w.io) jane@x.com\n"
        "eve [at] example [dot] com\nfrank.o'neil@never"
    )
    assert c.emails == ("jane@x.com", "bob@y.org", "carol@z.co.uk", "dan@w.io", "eve@example.com")


def test_links_of_each_kind() -> None:
    text = (
        "Dan Smith\n"
        "https://www.linkedin.com/in/dan-smith-123/ | https://github.com/DanSmith | www.dansmith.dev/\n"
        "twitter.com/dan | stackoverflow.com/users/123/dan | https://medium.com/@dan | behance.net/dan | dribbble.com/dan\n"
        "Skills: Node.js, ASP.NET, socket.io\ndan@gmail.com gmail.com"
    )
    c = extract_contact(text)
    assert c.links == (
        Link(kind="linkedin", url="https://linkedin.com/in/dan-smith-123"),
        Link(kind="github", url="https://github.com/dansmith"),
        Link(kind="portfolio", url="https://dansmith.dev"),
        Link(kind="other", url="https://twitter.com/dan"),
        Link(kind="other", url="https://stackoverflow.com/users/123/dan"),
        Link(kind="other", url="https://medium.com/@dan"),
        Link(kind="other", url="https://behance.net/dan"),
        Link(kind="other", url="https://dribbble.com/dan"),
    )


def test_portfolio_far_down_needs_a_label() -> None:
    body = "\n".join(f"line {i}" for i in range(30))
    assert extract_contact(f"{body}\nWorked at acme.com").links == ()
    assert extract_contact(f"{body}\nPortfolio: https://jane.design/work").links == (
        Link(kind="portfolio", url="https://jane.design/work"),
    )


def test_deep_page_on_a_shared_domain_is_other() -> None:
    text = "Lars Øygarden\nOslo, Norway\nhttps://example.org/chefs/lars-oygarden\nexample.com/blog/lars\nlars.co.uk/a/b"
    assert extract_contact(text).links == (
        Link(kind="other", url="https://example.org/chefs/lars-oygarden"),
        Link(kind="other", url="https://example.com/blog/lars"),
        Link(kind="other", url="https://lars.co.uk/a/b"),
    )


def test_own_sites_stay_portfolio() -> None:
    text = "Jane Doe\njane.example.com/work/case-studies | jane.design/work | jane.co.uk\nPortfolio: example.org/people/jane"
    assert extract_contact(text).links == (
        Link(kind="portfolio", url="https://jane.example.com/work/case-studies"),
        Link(kind="portfolio", url="https://jane.design/work"),
        Link(kind="portfolio", url="https://jane.co.uk"),
        Link(kind="portfolio", url="https://example.org/people/jane"),
    )


def test_location_only_near_top() -> None:
    body = "\n".join(f"line {i}" for i in range(12))
    assert extract_contact(f"{body}\nSeattle, WA").location is None
    assert extract_contact("Jane Doe, MD\nBoston, MA 02115").location == "Boston, MA"
    assert extract_contact("Jane Doe\n123 Main St, San Francisco, CA 94105").location == "San Francisco, CA"
    assert extract_contact("Jane Doe\nToronto, ON | jane@x.com").location == "Toronto, ON"
    assert extract_contact("Jane Doe\nPython, Java, SQL").location is None


@settings(max_examples=200)
@given(st.text(max_size=120) | st.text(alphabet=st.sampled_from(list("0123456789 +()-./@:abcwom\n")), max_size=80))
def test_extract_contact_never_raises(text: str) -> None:
    c = extract_contact(text)
    assert all(p.startswith("+") for p in c.phones)
    assert all(e == e.lower() and "@" in e for e in c.emails)
    assert all(link.url.startswith("https://") and not link.url.endswith("/") for link in c.links)


@settings(max_examples=100)
@given(st.lists(st.text(max_size=30), max_size=6), st.lists(st.one_of(st.none(), st.floats(1, 40)), max_size=6))
def test_find_name_never_raises(texts: list[str], sizes: list[float | None]) -> None:
    lines = [DocumentLine(text=t, font_size=s) for t, s in zip(texts, sizes + [None] * len(texts), strict=False)]
    name = find_name(lines, text="\n".join(texts))
    assert name is None or (name.strip() == name and "@" not in name and not any(ch.isdigit() for ch in name))
