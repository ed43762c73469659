"""Normal forms: names, e-mails, phones, handles, organisations, nicknames."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skillmatch.linkage.normalize import (
    NicknameIndex,
    fold_text,
    link_handle,
    normalize_email,
    normalize_org,
    normalize_phone,
    split_name,
)


@pytest.fixture(scope="module")
def nick() -> NicknameIndex:
    return NicknameIndex.load()


@pytest.mark.parametrize(
    ("raw", "given", "middle", "family", "suffix"),
    [
        ("John Smith", "john", (), "smith", ""),
        ("SMITH, John A.", "john", ("a",), "smith", ""),
        ("John Smith, Jr.", "john", (), "smith", "jr"),
        ("John Smith Sr", "john", (), "smith", "sr"),
        ("Dr. María José García-López", "maria", ("jose",), "garcia-lopez", ""),
        ("Anneke van der Berg", "anneke", (), "van der berg", ""),
        ("Björn Åkesson", "bjorn", (), "akesson", ""),
        ("Robert (Bob) Müller", "robert", (), "muller", ""),
        ("Madonna", "madonna", (), "", ""),
        ("", "", (), "", ""),
    ],
)
def test_split_name(raw: str, given: str, middle: tuple[str, ...], family: str, suffix: str) -> None:
    got = split_name(raw)
    assert (got.given, got.middle, got.family, got.suffix) == (given, middle, family, suffix)


def test_fold_text_removes_diacritics_and_special_letters() -> None:
    assert fold_text("Łukasz Øster-Straße") == "lukasz oster-strasse"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("J.Smith+jobs@gmail.com", "jsmith@googlemail.com", True),
        ("Ana.Ruiz@Example.com", "ana.ruiz@example.com", True),
        ("ana.ruiz@example.com", "anaruiz@example.com", False),  # dots matter outside Gmail
        ("ana@example.com", "ana@example.org", False),
    ],
)
def test_normalize_email(a: str, b: str, same: bool) -> None:
    assert (normalize_email(a) == normalize_email(b)) is same


def test_normalize_email_rejects_non_addresses() -> None:
    assert normalize_email("call me") == normalize_email("@example.com") == normalize_email(None) == ""


@pytest.mark.parametrize(
    ("raw", "region", "e164"),
    [
        ("(415) 555-0123", "US", "+14155550123"),
        ("+1 415.555.0123 ext 9", "US", "+14155550123"),
        ("07700 900123", "GB", "+447700900123"),
        ("+44 (0)7700 900123", "US", "+447700900123"),
        ("0049 30 1234567", "DE", "+49301234567"),
    ],
)
def test_normalize_phone(raw: str, region: str, e164: str) -> None:
    assert normalize_phone(raw, region=region) == e164


def test_normalize_phone_keeps_digits_of_unreadable_numbers() -> None:
    assert normalize_phone("12") == ""
    assert normalize_phone("000 000 000 000 000 000").startswith("+?")


@pytest.mark.parametrize(
    ("url", "handle"),
    [
        ("https://www.linkedin.com/in/Ana-Ruiz/", "linkedin:ana-ruiz"),
        ("uk.linkedin.com/in/ana-ruiz", "linkedin:ana-ruiz"),
        ("http://github.com/AnaR", "github:anar"),
        ("https://twitter.com/anar", "x:anar"),
        ("https://ana.example.dev/", "web:ana.example.dev"),
    ],
)
def test_link_handle(url: str, handle: str) -> None:
    assert link_handle(url) == handle


def test_normalize_org_drops_legal_suffixes() -> None:
    assert normalize_org("Acme GmbH") == normalize_org("ACME") == "acme"
    assert normalize_org("The Globex Corporation, Inc.") == "globex"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("bob", "robert", True),
        ("rob", "bob", True),
        ("kate", "katherine", True),
        ("bill", "william", True),
        ("jon", "john", True),
        ("bob", "kate", False),
        ("wei", "wei", True),
        ("", "bob", False),
    ],
)
def test_nickname_equivalence(nick: NicknameIndex, a: str, b: str, same: bool) -> None:
    assert nick.equivalent(a, b) is same
    assert nick.equivalent(b, a) is same


@given(st.text(max_size=40))
def test_split_name_never_raises_and_is_folded(name: str) -> None:
    got = split_name(name)
    for part in (got.given, got.family, *got.middle):
        assert part == fold_text(part)


@given(st.text(max_size=60))
def test_normalize_email_is_idempotent(raw: str) -> None:
    once = normalize_email(raw)
    assert normalize_email(once) == once
