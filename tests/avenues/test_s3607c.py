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
    ("paed", "2006-06-08", "unavailable", "dunegan_2001"),    # 3d Cir.: Rowlands filed 2006-06-09
    ("paed", "2006-06-09", "unavailable", "rowlands_2006"),   # (a conviction case)
    ("vaed", "2010-01-22", "unavailable", "allen_1984"),      # 4th Cir.: Allen 1984-08-23 (narrow power)
    ("txsd", "2020-06-01", "undetermined", None),             # 5th Cir.: not encoded
    ("flsd", "2020-06-01", "undetermined", None),             # 11th Cir.: not encoded
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


def test_third_circuit_conviction_case_replaces_the_acquittal_wording():
    before, _ = run("s3607c", build(BASE, court="paed", as_of="2006-06-08"))
    after, _ = run("s3607c", build(BASE, court="paed", as_of="2006-06-09"))
    assert "acquittal or a dismissal" in before.reasons[1].text and "rowlands_2006" not in cited_ids(before)
    assert "acquittal or a dismissal" not in after.reasons[1].text
    assert "in this circuit a court has no equitable power" in after.reasons[1].text


def _fourth_circuit_equitable(as_of: str, **over):
    """s3607c's equitable-power reason alone, for the E.D. Va. on `as_of` (the statute itself is
    encoded only from 1987-11-01, so dates before Allen are read through the helper)."""
    from datetime import date

    from fedrelief.avenues import s3607c
    from fedrelief.engine.context import Ctx
    from fedrelief.facts import case_from_data
    from fedrelief.law.courts import resolve_court
    from fedrelief.law.kb import load_kb

    case = case_from_data(build(BASE, court="vaed", as_of=as_of, **over)).case
    ctx = Ctx(case=case, as_of=date.fromisoformat(as_of), court=resolve_court("vaed"), kb=load_kb(),
              avenue_id="s3607c")
    status, reason = s3607c._equitable_power(ctx)
    return status, reason, ctx


@pytest.mark.parametrize("as_of, status", [
    ("1984-08-22", "undetermined"),   # the day before Allen v. Webster: not encoded
    ("1984-08-23", "unavailable"),    # Allen decided
])
def test_fourth_circuit_position_starts_with_allen(as_of, status):
    got, reason, ctx = _fourth_circuit_equitable(as_of)
    assert got == status
    assert ("allen_1984" in {c.id for c in reason.authorities}) is (status == "unavailable")
    assert ("circuit_position_not_encoded:expungement" in ctx.warnings) is (status == "undetermined")


def test_fourth_circuit_says_the_request_shows_no_extreme_circumstance():
    res, analysis = run("s3607c", build(BASE, court="vaed", as_of="2010-01-22"))
    reason = res.reasons[1]
    assert res.status == "unavailable" and reason.code == "no_expungement_power"
    assert "extreme or exceptional circumstances" in reason.text and "asserts no such circumstance" in reason.text
    assert "came before Kokkonen" in reason.text            # Allen (1984) predates Kokkonen (1994)
    cites = {c.id: c for c in reason.authorities}
    assert cites["allen_1984"].citation == "Allen v. Webster, 742 F.2d 153, 155 (4th Cir. 1984)"
    assert cites["allen_1984"].weight == "binding"
    assert "circuit_position_not_encoded:expungement" not in analysis.warnings


@pytest.mark.parametrize("as_of, cited", [
    ("2017-12-03", False),   # Mettetal decided 2017-12-04 (unpublished: persuasive only)
    ("2017-12-04", True),
])
def test_fourth_circuit_unpublished_mettetal_is_persuasive_only(as_of, cited):
    res, _ = run("s3607c", build(BASE, court="vaed", as_of=as_of))
    cites = {c.id: c for c in res.reasons[1].authorities}
    assert ("mettetal_2017" in cites) is cited
    if cited:
        assert cites["mettetal_2017"].weight == "persuasive" and "unpublished decision" in res.reasons[1].text
    # never cited outside its circuit by this branch, and never decisive there
    other, _ = run("s3607c", build(BASE, court="nyed", as_of=as_of))
    assert "mettetal_2017" not in cited_ids(other)


@pytest.mark.parametrize("court", ["vaed", "ksd"])   # 4th (Allen) and 10th (Pinto): narrow power
def test_narrow_power_circuit_leaves_an_asserted_invalidity_to_the_judge(court):
    res, _ = run("s3607c", build(BASE, court=court, request={"seeks": ["expungement"],
                                                             "grounds": ["unconstitutional_conviction"]}))
    assert res.status == "undetermined" and res.codes[1] == "discretion_remains"
    assert "unconstitutional_conviction" in res.reasons[1].text


def test_strict_circuit_denies_even_when_invalidity_is_asserted():
    # 2d Cir. (Doe): no ancillary jurisdiction at all; an invalid conviction is attacked by other means.
    res, _ = run("s3607c", build(BASE, court="nyed", request={"seeks": ["expungement"],
                                                              "grounds": ["unconstitutional_conviction"]}))
    assert res.status == "unavailable" and res.codes[1] == "no_expungement_power"


def test_a_conviction_set_aside_is_not_decided():
    res, _ = run("s3607c", build(BASE, history=[{"avenue": "s2255", "result": "granted"}]))
    assert res.status == "undetermined" and "discretion_remains" in res.codes


def test_no_warning_when_expungement_is_not_asked():
    res, analysis = run("s3607c", build(BASE, court="flsd", request={"seeks": ["sentence_reduction"]}))
    assert not any(w.startswith("circuit_position_not_encoded:expungement") for w in analysis.warnings)


def test_statute_not_encoded_before_1987_11_01():
    res, analysis = run("s3607c", build(BASE, as_of="1987-10-31"))
    assert res.status == "undetermined" and "law_outside_encoded_period" in analysis.warnings


# ----- real orders (tests/cases/s3607c) --------------------------------------------------------
DISAGREE: dict[str, str] = {}


test_real_order, test_known_disagreements_still_disagree = real_order_tests("s3607c", DISAGREE)
