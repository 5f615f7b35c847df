"""18 U.S.C. § 3607(c), and the circuits' positions on equitable expungement. Expected values come
from § 3607's text ((a): 21 U.S.C. § 844 simple possession, probation of up to one year, no
judgment of conviction; (c): an (a) disposition AND under 21) and from each circuit case's
decision date -- not from the code."""

import pytest

from . import build, cited_ids, real_order_tests, run

BASE = {
    "format": 1, "court": "nyed", "as_of": "2020-06-01",
    "convictions": [{"statute": "18 U.S.C. § 1347", "description": "health care fraud"}],
    "sentence": {"probation_months": 60},
    "custody": {"status": "released"},
    "request": {"seeks": ["expungement"], "grounds": ["collateral_consequences"]},
}
POSSESSION = build(BASE, convictions=[{"statute": "21 U.S.C. § 844(a)", "description": "simple possession"}],
                   sentence={"probation_months": 12})


# § 3607(a) disposition: ruled out by the file, or not -- then asked.
@pytest.mark.parametrize("convictions, sentence, known", [
    ([{"statute": "21 U.S.C. § 844(a)"}], {"probation_months": 12}, False),   # could be (a): ask
    ([{"statute": "21 U.S.C. § 844"}], {}, False),
    ([{"statute": "21 U.S.C. § 844(a)"}], {"probation_months": 13}, True),    # more than one year of probation
    ([{"statute": "21 U.S.C. § 844(a)"}], {"imprisonment_months": 6}, True),  # a prison term
    ([{"statute": "21 U.S.C. § 844(a)"}], {"supervised_release_months": 12, "imprisonment_months": 0}, True),
    ([{"statute": "21 U.S.C. § 844(a)"}], {"judgment_entered_on": "2019-01-07"}, True),  # a judgment entered
    ([{"statute": "21 U.S.C. § 841(a)(1)"}], {}, True),   # not simple possession
    ([{"statute": "18 U.S.C. § 844(i)"}], {}, True),      # arson/explosives, not the drug offense
    ([{"description": "possession"}], {}, False),         # statute unknown
])
def test_section_3607a_disposition(convictions, sentence, known):
    res, _ = run("s3607c", build(BASE, convictions=convictions, sentence=sentence, court="cand"))
    if known:
        assert res.codes[0] == "no_3607_disposition"
    else:
        assert res.status == "undetermined" and res.codes[0] == "missing_fact"
        assert [q.field for q in res.questions] == ["sentence", "convictions"]
        assert any("under 21" in q.why for q in res.questions)


# The circuit's position on expunging a valid conviction, each side of the deciding case's date.
@pytest.mark.parametrize("court, as_of, status, authority", [
    ("nyed", "2016-08-10", "undetermined", None),            # 2d Cir.: Doe decided 2016-08-11
    ("nyed", "2016-08-11", "unavailable", "doe_2016"),
    ("ared", "2006-03-06", "undetermined", None),            # 8th Cir.: Meyer filed 2006-03-07
    ("ared", "2006-03-07", "unavailable", "meyer_2006"),
    ("cand", "2000-09-12", "unavailable", "sumner_2000"),    # 9th Cir.
    ("ksd", "1993-07-26", "undetermined", None),             # 10th Cir.: Pinto 1993-07-27
    ("ksd", "1993-07-27", "unavailable", "pinto_1993"),
    ("ilnd", "2017-03-01", "undetermined", None),            # 7th Cir.: Wahi 2017-03-02 (a dismissal case)
    ("ilnd", "2017-03-02", "unavailable", "wahi_2017"),
    ("mad", "2007-03-20", "unavailable", "coloian_2007"),     # 1st Cir. (an acquittal case)
    ("paed", "2001-05-25", "unavailable", "dunegan_2001"),    # 3d Cir. (an acquittal case)
    ("ohnd", "2014-06-27", "unavailable", "field_2014"),      # 6th Cir. (a dismissal case)
    ("vaed", "2020-06-01", "undetermined", None),             # 4th Cir.: not encoded
    ("dcd", "2020-06-01", "undetermined", None),              # D.C. Cir.: not encoded
])
def test_equitable_expungement_by_circuit_and_date(court, as_of, status, authority):
    res, analysis = run("s3607c", build(BASE, court=court, as_of=as_of))
    assert res.status == status
    assert res.codes[0] == "no_3607_disposition"
    if authority:
        assert res.codes[1] == "no_expungement_power" and authority in cited_ids(res)
        assert "circuit_position_not_encoded:expungement" not in analysis.warnings
    else:
        assert res.codes[1] == "no_statutory_authority"
        assert ("kokkonen_1994" in cited_ids(res)) is (as_of >= "1994-05-16")  # Kokkonen's decision date
        assert "circuit_position_not_encoded:expungement" in analysis.warnings
        cases = [c for r in res.reasons[1:] for c in r.authorities if c.id not in ("kokkonen_1994", "usc18_3607")]
        assert all(c.weight == "persuasive" for c in cases)


def test_acquittal_cases_are_labelled_as_such():
    res, _ = run("s3607c", build(BASE, court="mad"))
    assert "acquittal or a dismissal" in res.reasons[1].text


def test_pinto_carries_its_pinpoint_and_its_exception():
    res, _ = run("s3607c", build(BASE, court="ksd"))
    cites = {c.id: c.citation for r in res.reasons for c in r.authorities}
    assert cites["pinto_1993"] == "United States v. Pinto, 1 F.3d 1069, 1070 (10th Cir. 1993)"
    assert "extreme circumstances" in res.reasons[1].text


def test_a_conviction_set_aside_is_not_decided():
    res, _ = run("s3607c", build(BASE, history=[{"avenue": "s2255", "result": "granted"}]))
    assert res.status == "undetermined" and "discretion_remains" in res.codes


def test_no_warning_when_expungement_is_not_asked():
    res, analysis = run("s3607c", build(BASE, court="vaed", request={"seeks": ["sentence_reduction"]}))
    assert not any(w.startswith("circuit_position_not_encoded:expungement") for w in analysis.warnings)


def test_statute_not_encoded_before_1987_11_01():
    res, analysis = run("s3607c", build(BASE, as_of="1987-10-31"))
    assert res.status == "undetermined" and "law_outside_encoded_period" in analysis.warnings


# ----- real orders (tests/cases/s3607c) --------------------------------------------------------
DISAGREE = {
    "mitchell_2010": "no Fourth Circuit holding on equitable expungement of a valid conviction is encoded, so "
                     "fedrelief reports the circuit's position as not encoded (undetermined, no_statutory_authority, "
                     "Kokkonen and other circuits as persuasive) where the district court held it had no power",
}


test_real_order, test_known_disagreements_still_disagree = real_order_tests("s3607c", DISAGREE)
