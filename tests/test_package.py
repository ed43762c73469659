from __future__ import annotations

import subprocess
import sys

import skillmatch
import skillmatch.parsing
import skills_graph


def test_import_is_light() -> None:
    code = (
        "import sys, skillmatch, skills_graph, skillmatch.errors, skillmatch.linkage, skillmatch.ranking, skillmatch.screening;"
        "heavy = [m for m in ('spacy', 'pdfminer', 'sklearn', 'networkx', 'numpy', 'scipy', 'thinc',"
        " 'rapidfuzz', 'jellyfish', 'nicknames') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_public_api_snapshot() -> None:
    assert skillmatch.__all__ == [
        "__version__",
        "parse",
        "parse_text",
        "parse_many",
        "dedupe",
        "rank",
        "parse_requisition",
        "screen",
        "ParseConfig",
        "DedupeConfig",
        "RankConfig",
        "ScreenConfig",
        "ScreenResult",
        "Profile",
        "ContactInfo",
        "Link",
        "Position",
        "Education",
        "SkillEvidence",
        "ParseWarning",
        "ParseFailure",
        "Document",
        "CandidateRecord",
        "Cluster",
        "PairScore",
        "LevelWeight",
        "Match",
        "Requisition",
        "SkillRequirement",
        "RankedCandidate",
        "Explanation",
        "Contribution",
        "SkillmatchError",
        "InvalidArgumentError",
        "DocumentError",
        "UnsupportedMediaTypeError",
        "CorruptDocumentError",
        "EncryptedDocumentError",
        "EmptyDocumentError",
        "DocumentTooLargeError",
        "ParseTimeoutError",
        "SkillsGraphError",
        "GraphLoadError",
        "GraphBuildError",
        "UnknownSkillError",
        "LinkageError",
        "InvalidRecordError",
        "IndexStoreError",
    ]
    assert skills_graph.__all__ == [
        "SkillsGraph",
        "Skill",
        "Relation",
        "SkillMatch",
        "SkillPath",
        "PathStep",
        "SKILL_TYPES",
        "TECHNOLOGY_TYPES",
        "SkillsGraphError",
        "GraphLoadError",
        "GraphBuildError",
        "UnknownSkillError",
    ]
    from skillmatch import linkage

    assert {"dedupe", "candidate_pairs", "compare", "score", "cluster", "merge", "unmerge", "DedupIndex"} <= set(
        linkage.__all__
    )
    from skillmatch import ranking

    assert {"CandidatePool", "rank", "parse_requisition", "RANKING_FIELDS", "requisition_from_profiles"} <= set(
        ranking.__all__
    )
    assert skillmatch.parsing.__all__ == ["Source", "parse", "parse_text", "parse_document", "parse_many", "make_nlp"]
    for name in skillmatch.__all__:
        assert hasattr(skillmatch, name)
    for name in skillmatch.parsing.__all__:
        assert hasattr(skillmatch.parsing, name)
    for name in skills_graph.__all__:
        assert hasattr(skills_graph, name)


def test_errors_are_picklable_and_coded() -> None:
    import pickle

    err = skillmatch.UnknownSkillError("kubernetees", suggestions=("kubernetes",))
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is type(err) and str(back) == str(err) and back.context == err.context
    assert back.code == "unknown_skill"


def test_build_logger_has_a_null_handler() -> None:
    import logging

    import skills_graph.build

    assert any(isinstance(h, logging.NullHandler) for h in logging.getLogger(skills_graph.build.__name__).handlers)
