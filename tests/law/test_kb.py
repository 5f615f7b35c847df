"""The knowledge base: every entry complete and sourced, every case and U.S.C. citation parseable
by eyecite with a reporter reporters-db knows, every family of dated versions gap- and overlap-free."""
from datetime import date, timedelta

import pytest
import yaml

from fedrelief.law.kb import KnowledgeBaseError, load_kb, _authority
from fedrelief.law.courts import UnknownCourt, resolve_court


def test_loader_refuses_entry_without_citation():
    with pytest.raises(KnowledgeBaseError, match="citation"):
        _authority({"id": "x", "kind": "case", "holding": "h", "sources": ["http://a"]}, "t.yaml")


def test_loader_refuses_entry_without_source():
    with pytest.raises(KnowledgeBaseError, match="source"):
        _authority({"id": "x", "kind": "case", "citation": "A v. B, 1 F.3d 1 (1st Cir. 1993)", "holding": "h"}, "t.yaml")


def test_loader_refuses_unknown_kind():
    with pytest.raises(KnowledgeBaseError, match="kind"):
        _authority({"id": "x", "kind": "rumour", "citation": "c", "holding": "h", "sources": ["u"]}, "t.yaml")


def test_loader_refuses_backwards_period():
    with pytest.raises(KnowledgeBaseError, match="not after"):
        _authority({"id": "x", "kind": "rule", "citation": "c", "holding": "h", "sources": ["u"],
                    "in_force": {"from": "2009-12-01", "until": "2002-12-01"}}, "t.yaml")


def test_every_entry_has_citation_holding_and_source(kb):
    assert len(kb) >= 60
    for a in kb:
        assert a.citation and a.holding and a.sources, a.id
        assert all(s.url.startswith(("http://", "https://")) for s in a.sources), a.id


def test_case_citations_parse_with_eyecite_and_reporters_db(kb):
    from eyecite import get_citations
    from eyecite.models import FullCaseCitation, FullLawCitation
    from reporters_db import EDITIONS, VARIATIONS_ONLY

    checked = 0
    for a in kb:
        if a.kind != "case":
            continue
        found = [c for c in get_citations(a.citation) if isinstance(c, FullCaseCitation)]
        if "No." in a.citation and not found:
            continue  # docket-number citation (reporter cite unconfirmed): nothing to parse
        assert found, f"{a.id}: eyecite finds no case citation in {a.citation!r}"
        reporter = found[0].groups["reporter"]
        assert reporter in EDITIONS or reporter in VARIATIONS_ONLY, f"{a.id}: reporter {reporter!r} unknown to reporters-db"
        checked += 1
    assert checked >= 30


def test_usc_citations_parse_with_eyecite(kb):
    from eyecite import get_citations
    from eyecite.models import FullLawCitation

    checked = 0
    for a in kb:
        if "U.S.C. §" in a.citation:
            found = [c for c in get_citations(a.citation) if isinstance(c, FullLawCitation)]
            assert found and found[0].groups["reporter"] == "U.S.C.", a.citation
            checked += 1
    assert checked >= 15


def test_families_have_no_gap_and_no_overlap(kb):
    for name, versions in kb.families.items():
        for earlier, later in zip(versions, versions[1:]):
            assert earlier.in_force_until == later.in_force_from, f"{name}: {earlier.id} -> {later.id}"


def test_date_sweep_finds_exactly_one_version_each_day(kb):
    # Every family, every 7th day from its first version to 2026-12-31: exactly one version in force.
    for name, versions in kb.families.items():
        start, end = versions[0].in_force_from, versions[-1].in_force_until or date(2027, 1, 1)
        d = start
        while d < end:
            assert kb.in_force(name, d)  # raises on none or two
            d += timedelta(days=7)


def test_cases_are_not_in_force_before_decision(kb):
    blackwell = kb.get("blackwell_1996")
    assert not blackwell.in_force_on(date(1995, 1, 1))
    assert blackwell.in_force_on(date(2006, 1, 1))


def test_propositions_name_only_known_authorities(kb):
    for prop, ids in kb.propositions.items():
        assert ids, prop
        for i in ids:
            assert i in kb


@pytest.mark.parametrize("text,court_id,circuit", [
    ("mnd", "mnd", "8"), ("D. Minn.", "mnd", "8"), ("District of Minnesota", "mnd", "8"),
    ("D.N.M.", "nmd", "10"), ("District of New Mexico", "nmd", "10"), ("D. Idaho", "idd", "9"),
    ("S.D.N.Y.", "nysd", "2"), ("D.D.C.", "dcd", "dc"), ("E.D. Va.", "vaed", "4"), ("N.D. Tex.", "txnd", "5"),
])
def test_courts_resolve_to_their_circuit(text, court_id, circuit):
    c = resolve_court(text)
    assert (c.id, c.circuit) == (court_id, circuit)


def test_unknown_court_is_refused():
    with pytest.raises(UnknownCourt):
        resolve_court("Court of Narnia")


def test_every_district_of_28_usc_41_is_mapped():
    from fedrelief.law.courts import _districts

    assert len(_districts()) >= 94


def test_coram_nobis_elements_name_known_authorities(kb):
    from fedrelief.avenues.coram_nobis import circuit_elements

    for circuit, spec in circuit_elements().items():
        assert spec["elements"], circuit
        for ident in spec["authorities"]:
            assert ident in kb, (circuit, ident)
