"""The three seed orders, reproduced: same disposition, same avenues closed for the same
reasons, same remaining avenue. Expected results are the courts' (examples/*.yaml `expected`)."""
from datetime import date

import pytest

from fedrelief.engine import analyze
from fedrelief.evaluate import compare
from fedrelief.facts import load_case_document

from .conftest import EXAMPLES

SEEDS = sorted(EXAMPLES.glob("seed_*.yaml"))


def _analysis(name):
    doc = load_case_document(EXAMPLES / name)
    return doc, analyze(doc.case)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_reproduces_the_order(path):
    doc = load_case_document(path)
    analysis = analyze(doc.case)
    result = compare(doc.extras["expected"], analysis)
    assert not result.disagreements, "\n".join(map(str, result.disagreements))


def test_there_are_three_seeds():
    assert [p.stem[:8] for p in SEEDS] == ["seed_000", "seed_001", "seed_002"]


def test_seed_000_points_to_coram_nobis_only_as_remaining_court_avenue():
    _, a = _analysis("seed_000_lugo_marin.yaml")
    assert a.disposition == "deny"
    court_alternatives = [x["avenue"] for x in a.alternatives if x["forum"] == "this_court"]
    assert court_alternatives == ["coram_nobis"]
    coram = a.avenue("coram_nobis")
    assert "rarely" in " ".join(r.text for r in coram.reasons)
    # the 10th Circuit's own elements are stated
    assert any("miscarriage of justice" in s for s in coram.to_show)


def test_seed_000_reclassification_cites_payne_as_persuasive_only_in_the_tenth_circuit():
    _, a = _analysis("seed_000_lugo_marin.yaml")
    cites = [c for r in a.avenue("reclassification").reasons for c in r.authorities]
    payne = [c for c in cites if c.id == "payne_2022"]
    assert payne and payne[0].weight == "persuasive"


def test_seed_001_rule35a_gave_seven_days_counted_without_weekends():
    # Sentence imposed Fri 2003-06-20. Old Rule 45(a): exclude the trigger day and, for a period
    # under 11 days, intermediate Saturdays and Sundays: Mon 6/23 (1), Tue (2), Wed (3), Thu (4),
    # Fri 6/27 (5), Mon 6/30 (6), Tue 7/1 (7). Last day Tue 2003-07-01.
    _, a = _analysis("seed_001_palacios_becerril.yaml")
    r35 = a.avenue("rule35a")
    assert r35.deadline.ends_on == date(2003, 7, 1)
    assert "7 days" in r35.deadline.what and "35" in r35.deadline.authority
    assert r35.status == "unavailable" and "time_limit_expired" in r35.codes


def test_seed_001_s2255_year_ran_out_in_2004():
    # No appeal: final when the 10-day notice-of-appeal period (old counting, business days) ran
    # out: Mon 6/23 .. Fri 7/3 is 9 business days (Fri 7/4 holiday skipped) -> Mon 7/7 is day 10.
    # One year later: 2004-07-07.
    _, a = _analysis("seed_001_palacios_becerril.yaml")
    s = a.avenue("s2255")
    assert s.deadline.starts_on == date(2003, 7, 7)
    assert s.deadline.ends_on == date(2004, 7, 7)
    assert s.status == "unavailable"


def test_seed_001_deportable_status_cites_martinez_ramos_as_binding_in_the_ninth_circuit():
    _, a = _analysis("seed_001_palacios_becerril.yaml")
    cites = {c.id: c for r in a.avenue("departure").reasons for c in r.authorities}
    assert cites["martinez_ramos_1999"].weight == "binding"
    assert "ussg_5k2_19" in cites


def test_seed_002_range_stays_at_the_minimum_after_four_levels():
    _, a = _analysis("seed_002_alcaraz.yaml")
    texts = " ".join(r.text for r in a.avenue("s3582c2").reasons)
    # every cell consistent with 120-135 (108-135 truncated at 120) falls to 70-87, below 120
    assert "120" in texts and "70–87" in texts
    assert a.avenue("s3582c2").status == "unavailable"


def test_seed_002_is_the_eighth_circuit_and_cites_baylor():
    _, a = _analysis("seed_002_alcaraz.yaml")
    assert a.circuit == "8"
    ids = {c.id for r in a.avenue("s3582c2").reasons for c in r.authorities}
    assert "baylor_2009" in ids


def test_seed_copies_match_shared():
    # the repository's copies of the seed orders are the orders themselves
    from .conftest import SEED_TEXT, SHARED

    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    for name, copy in SEED_TEXT.items():
        assert (SHARED / "seeds" / name).read_bytes() == copy.read_bytes(), name
