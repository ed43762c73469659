"""The optional spaCy pipeline: make_nlp, the skills component, and parse(nlp=...)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import skillmatch
from skillmatch.errors import InvalidArgumentError
from skillmatch.parsing import make_nlp
from skillmatch.parsing._nlp import SKILLS_COMPONENT, SkillSpans, entity_tagger, sets_entities
from skills_graph import SkillsGraph
from skills_graph.matching import make_tokenizer

if TYPE_CHECKING:
    from spacy.language import Language

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "data" / "fixtures" / "resumes"
AS_OF = "2026-11-22"
# A company name shaped like a personal name above the candidate's: the rules take the first.
AMBIGUOUS = (
    "Morgan Stanley\nJordan Lee\njordan.lee@example.com | +1 212 555 0100\n\n"
    "EXPERIENCE\nAnalyst, Morgan Stanley 2019 - 2022\n- Risk models in Python and SQL\n\nSKILLS\nPython, SQL"
)


@pytest.fixture(scope="module")
def nlp(graph: SkillsGraph) -> Language:
    return make_nlp(graph)


@pytest.fixture(scope="module")
def ner() -> Language:
    """A pipeline that recognises entities without a downloaded model: an entity ruler."""
    import spacy

    pipeline = spacy.blank("en")
    make_tokenizer(pipeline)
    ruler = pipeline.add_pipe("entity_ruler")
    ruler.add_patterns(  # type: ignore[attr-defined]
        [{"label": "ORG", "pattern": "Morgan Stanley"}, {"label": "PERSON", "pattern": "Jordan Lee"}]
    )
    return pipeline


def test_make_nlp_has_the_tokenizer_and_the_component(nlp: Language, graph: SkillsGraph) -> None:
    from spacy.language import Language

    assert isinstance(nlp, Language)
    assert nlp.pipe_names == [SKILLS_COMPONENT]
    component = nlp.get_pipe(SKILLS_COMPONENT)
    assert isinstance(component, SkillSpans) and component.graph is graph
    tokens = [t.text for t in nlp.make_doc("C++, C# and .NET on Node.js")]
    assert tokens == "C++ , C# and .NET on Node.js".split()
    assert not sets_entities(nlp) and entity_tagger(nlp) is None


def test_skill_spans(nlp: Language, graph: SkillsGraph) -> None:
    doc = nlp("Built APIs in Python and Django on AWS")
    spans = doc.spans["skills"]
    assert [(s.text, s.label_) for s in spans] == [("Python", "python"), ("Django", "django"), ("AWS", "aws")]
    assert [s.start_char for s in spans] == [m.start for m in graph.match_text(doc.text)]


def test_skill_spans_follow_the_graph(nlp: Language, graph: SkillsGraph) -> None:
    text = "Deployed Node.js services to K8s with Terraform; wrote C# and R&D reports."
    doc = nlp(text)
    assert [s.label_ for s in doc.spans["skills"]] == [m.skill_id for m in graph.match_text(text)]
    assert all(s.text == text[s.start_char : s.end_char] for s in doc.spans["skills"])


def test_the_component_can_be_added_by_name(graph: SkillsGraph) -> None:
    import spacy

    make_nlp(graph)  # registers the factory
    pipeline = spacy.blank("en")
    component = pipeline.add_pipe(SKILLS_COMPONENT, config={"spans_key": "tech"})
    assert isinstance(component, SkillSpans) and component.spans_key == "tech"
    component._graph = graph  # a pipeline built this way loads the packaged graph on first use
    doc = pipeline("Python and SQL")
    assert [s.label_ for s in doc.spans["tech"]] == ["python", "sql"]


def test_entity_detection_rule(ner: Language) -> None:
    import spacy

    assert sets_entities(ner)  # any enabled component that assigns doc.ents
    assert not sets_entities(spacy.blank("en"))
    tag = entity_tagger(ner)
    assert tag is not None
    assert tag(["Morgan Stanley", "Jordan Lee, MBA", "Skills"]) == [
        [("Morgan Stanley", "ORG")],
        [("Jordan Lee", "PERSON")],
        [],
    ]


@pytest.mark.parametrize(
    "document",
    [
        GOLDEN / "01-jose-alvarez-nunez.pdf",
        GOLDEN / "03-siobhan-oconnor.docx",
        GOLDEN / "07-lars-oygarden.txt",
        GOLDEN / "10-fatima-al-sayed.pdf",
        ROOT / "examples" / "resumes" / "backend_engineer.txt",
    ],
    ids=lambda p: p.name,
)
def test_a_blank_pipeline_changes_nothing(document: Path, graph: SkillsGraph, nlp: Language) -> None:
    without = skillmatch.parse(document, graph=graph, as_of=AS_OF)
    assert skillmatch.parse(document, graph=graph, nlp=nlp, as_of=AS_OF) == without


def test_the_pipeline_graph_is_used_when_none_is_passed(nlp: Language, graph: SkillsGraph) -> None:
    profile = skillmatch.parse_text("Ana Ruiz\nSkills: Python, Kubernetes", nlp=nlp, as_of=AS_OF)
    assert profile == skillmatch.parse_text("Ana Ruiz\nSkills: Python, Kubernetes", graph=graph, as_of=AS_OF)


def test_entities_choose_the_name(graph: SkillsGraph, ner: Language) -> None:
    assert skillmatch.parse_text(AMBIGUOUS, graph=graph, as_of=AS_OF).name == "Morgan Stanley"
    with_ner = skillmatch.parse_text(AMBIGUOUS, graph=graph, nlp=ner, as_of=AS_OF)
    assert with_ner.name == "Jordan Lee"
    assert skillmatch.parse(AMBIGUOUS.encode(), graph=graph, nlp=ner, as_of=AS_OF).name == "Jordan Lee"
    without = skillmatch.parse_text(AMBIGUOUS, graph=graph, as_of=AS_OF)
    assert with_ner.model_dump(exclude={"name"}) == without.model_dump(exclude={"name"})  # only the name


def test_parse_many_passes_the_pipeline_on(graph: SkillsGraph, ner: Language) -> None:
    sources = [AMBIGUOUS.encode(), b"Ana Ruiz\nSkills: Excel"]
    one = list(skillmatch.parse_many(sources, graph=graph, nlp=ner, as_of=AS_OF))
    two = list(skillmatch.parse_many(sources, workers=2, nlp=ner, as_of=AS_OF))
    assert [getattr(r, "name", None) for r in one] == ["Jordan Lee", "Ana Ruiz"]
    assert [r.model_dump(exclude={"source"}) for r in one] == [r.model_dump(exclude={"source"}) for r in two]


def test_the_skills_component_pickles_without_its_graph(nlp: Language) -> None:
    import pickle

    copy = pickle.loads(pickle.dumps(nlp))
    component = copy.get_pipe(SKILLS_COMPONENT)
    assert isinstance(component, SkillSpans) and component._graph is None and component.spans_key == "skills"


@pytest.mark.parametrize("bad", ["en_core_web_sm", 3, object(), SkillsGraph])
def test_invalid_nlp_is_refused(bad: object, graph: SkillsGraph) -> None:
    with pytest.raises(InvalidArgumentError, match="spaCy pipeline") as info:
        skillmatch.parse(b"Ana Ruiz", graph=graph, nlp=bad, as_of=AS_OF)  # type: ignore[arg-type]
    assert info.value.code == "invalid_argument" and "make_nlp" in str(info.value)
    with pytest.raises(InvalidArgumentError):
        skillmatch.parse_text("Ana Ruiz", graph=graph, nlp=bad, as_of=AS_OF)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError):
        list(skillmatch.parse_many([b"Ana Ruiz"], graph=graph, nlp=bad, as_of=AS_OF))  # type: ignore[arg-type]


def test_invalid_make_nlp_arguments(graph: SkillsGraph) -> None:
    with pytest.raises(InvalidArgumentError, match="never downloads"):
        make_nlp(graph, model="no_such_spacy_pipeline_xyz")  # spacy.load raises; nothing is fetched
    with pytest.raises(InvalidArgumentError, match="SkillsGraph"):
        make_nlp("graph")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="model"):
        make_nlp(graph, model=3)  # type: ignore[arg-type]
