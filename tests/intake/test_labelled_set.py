"""The labelled set (tests/intake_docs) stays labelled, and intake keeps its floor on it."""
import yaml

from fedrelief.intake.evaluate import FIELDS, evaluate_dir, labelled_documents

from ..conftest import ROOT

DOCS = ROOT / "tests" / "intake_docs"


def test_the_set_has_the_seeds_25_real_documents_and_labelled_synthetic_ones():
    pairs = labelled_documents(DOCS)
    sources = [yaml.safe_load(label.read_text(encoding="utf-8"))["source"] for _, label in pairs]
    real = [s for s in sources if not s["synthetic"]]
    assert len(real) >= 28 and sum(1 for s in sources if s["synthetic"]) >= 3
    assert all(s["url"] for s in real)
    for _, label in pairs:
        fields = yaml.safe_load(label.read_text(encoding="utf-8"))["fields"]
        assert set(fields) <= set(FIELDS), label.name


def test_overall_precision_and_recall_floor():
    report = evaluate_dir(DOCS)
    assert report.total.precision >= 0.95 and report.total.recall >= 0.90, "\n".join(report.misses)
    assert report.fields["citations.case"].recall == 1.0
