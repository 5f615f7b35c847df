"""No citation is printed that is not in the knowledge base: checked on the JSON and on the text
report of every example, by extracting citations from the output with eyecite."""
import json

import pytest
from eyecite import get_citations
from eyecite.models import FullCaseCitation, FullLawCitation

from fedrelief.law.kb import load_kb

from ..conftest import EXAMPLES, run_cli

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


def _kb_texts():
    return [a.citation for a in load_kb()]


def _kb_keys():
    """(volume, reporter, page) of every case and (title, section) of every statute in the KB,
    each citation parsed on its own."""
    cases, laws = set(), set()
    for text in _kb_texts():
        for c in get_citations(text):
            if isinstance(c, FullCaseCitation):
                cases.add((c.groups.get("volume"), c.groups.get("reporter"), c.groups.get("page")))
            elif isinstance(c, FullLawCitation):
                laws.add((c.groups.get("title"), c.groups.get("section")))
    return cases, laws


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_every_cited_authority_is_in_the_kb(path):
    code, stdout, _ = run_cli("analyze", str(path), "--json")
    assert code == 0
    data = json.loads(stdout)
    kb = load_kb()
    ids = set()
    for av in data["avenues"]:
        for r in av["reasons"]:
            for c in r["authorities"]:
                assert c["id"] in kb, c
                assert c["citation"].startswith(kb.get(c["id"]).citation.rsplit(" (", 1)[0].split(",")[0])
                ids.add(c["id"])
    assert ids, "the analysis cites something"
    for a in data["authorities"]:
        assert kb.get(a["id"]).citation == a["citation"]


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_every_citation_in_the_printed_report_is_in_the_kb(path):
    code, stdout, _ = run_cli("analyze", str(path))
    assert code == 0
    kb_cites, kb_laws = _kb_keys()
    flat = " ".join(stdout.split())
    found = get_citations(flat)
    assert found
    for c in found:
        if isinstance(c, FullCaseCitation):
            assert (c.groups.get("volume"), c.groups.get("reporter"), c.groups.get("page")) in kb_cites, c.matched_text()
        elif isinstance(c, FullLawCitation):
            assert (c.groups.get("title"), c.groups.get("section")) in kb_laws, c.matched_text()


def test_the_check_can_fail():
    # a citation absent from the knowledge base is detected by the same extraction
    kb_cites, _ = _kb_keys()
    bogus = get_citations("United States v. Gay, 771 F.3d 681, 686 (10th Cir. 2014)")[0]
    assert (bogus.groups["volume"], bogus.groups["reporter"], bogus.groups["page"]) not in kb_cites
