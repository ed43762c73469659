from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from skills_graph.text import loose_key, slugify, surface_key, tokenize


def test_technology_names_stay_whole() -> None:
    text = "C++/C#, .NET (ASP.NET), Node.js; R&D and scikit-learn."
    assert [t.text for t in tokenize(text)] == [
        "C++",
        "/",
        "C#",
        ",",
        ".NET",
        "(",
        "ASP.NET",
        ")",
        ",",
        "Node.js",
        ";",
        "R&D",
        "and",
        "scikit",
        "-",
        "learn",
        ".",
    ]


def test_sentence_final_dot_is_split_from_a_name() -> None:
    assert [t.text for t in tokenize("I use Node.js.")] == ["I", "use", "Node.js", "."]


@given(st.text(max_size=200))
def test_tokens_are_ordered_substrings_without_whitespace(text: str) -> None:
    last_end = 0
    for tok in tokenize(text):
        assert text[tok.start : tok.end] == tok.text
        assert tok.start >= last_end
        assert tok.text and not any(ch.isspace() for ch in tok.text)
        last_end = tok.end


@given(st.text(max_size=80))
def test_keys_are_idempotent(text: str) -> None:
    assert surface_key(surface_key(text)) == surface_key(text)
    assert loose_key(loose_key(text)) == loose_key(text)


def test_slugs_keep_symbols_apart() -> None:
    assert len({slugify(n) for n in ["C", "C++", "C#", ".NET", "NET"]}) == 5
    assert slugify("Amazon EKS") == "amazon-eks"
