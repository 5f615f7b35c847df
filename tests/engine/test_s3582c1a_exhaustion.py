"""§ 3582(c)(1)(A) exhaustion as a claim-processing rule (Saladino, 2d Cir. 2021-08-04; Muhammad, 4th Cir.
2021-10-20; Alam, 6th Cir. 2020-06-02): when the government does not oppose the motion it has not invoked
the requirement, and in those circuits the court reaches the merits. Real order: sniffen_2023 (W.D.N.C.,
unopposed, warden request pending, no date given)."""
import pytest

from fedrelief.engine import analyze
from fedrelief.facts import load_case_document

from ..avenues import CASES, build, cited_ids, run

BASE = {
    "format": 1, "court": "ncwd", "as_of": "2022-03-01",
    "sentence": {"imposed_on": "2018-01-10", "imprisonment_months": 120},
    "custody": {"status": "imprisoned"},
    "government": {"opposes_motion": False},
    "request": {"filed_on": "2022-01-15", "seeks": ["compassionate_release"],
                "invokes": ["18 U.S.C. § 3582(c)(1)(A)"], "grounds": [{"extraordinary_and_compelling": ["medical"]}]},
}


def c1a(raw):
    return run("s3582c1a", raw)


def test_unopposed_motion_reaches_the_merits_in_the_fourth_circuit():
    r, a = c1a(BASE)
    assert r.status == "undetermined" and "discretion_remains" in r.codes and not r.questions
    assert "muhammad_2021" in cited_ids(r)
    assert "circuit_position_not_encoded:c1a_exhaustion_waiver" not in a.warnings


def test_before_muhammad_the_warden_date_is_still_asked():
    r, a = c1a(build(BASE, as_of="2021-10-19", request__filed_on="2021-10-01"))
    assert r.status == "undetermined" and [q.field for q in r.questions] == ["administrative.warden_request_on"]
    assert "circuit_position_not_encoded:c1a_exhaustion_waiver" in a.warnings


@pytest.mark.parametrize("opposes", [True, None])
def test_a_government_that_opposes_or_is_silent_keeps_the_requirement(opposes):
    r, _ = c1a(build(BASE, government__opposes_motion=opposes))
    assert [q.field for q in r.questions] == ["administrative.warden_request_on"]


def test_early_filing_is_not_held_against_a_motion_the_government_does_not_oppose():
    raw = build(BASE, administrative={"warden_request_on": "2022-01-01"})  # filed 14 days after the request
    assert c1a(raw)[0].status == "undetermined" and "not_exhausted" not in c1a(raw)[0].codes
    opposed = build(raw, government__opposes_motion=True)
    assert c1a(opposed)[0].status == "unavailable" and c1a(opposed)[0].codes == ("not_exhausted",)


@pytest.mark.parametrize("court, as_of, authority", [
    ("nyed", "2021-08-04", "saladino_2021"), ("mied", "2020-06-02", "alam_2020")])
def test_other_circuits_with_a_holding(court, as_of, authority):
    r, _ = c1a(build(BASE, court=court, as_of=as_of, request__filed_on=as_of))
    assert authority in cited_ids(r)


def test_a_circuit_without_an_encoded_holding_asks_and_warns():
    r, a = c1a(build(BASE, court="ilnd"))
    assert [q.field for q in r.questions] == ["administrative.warden_request_on"]
    assert "circuit_position_not_encoded:c1a_exhaustion_waiver" in a.warnings


def test_sniffen_2023_unopposed_motion_is_left_to_the_judge_as_the_court_did():
    """The court granted an unopposed motion while the request was still pending at the BOP; fedrelief
    no longer stops at the warden's date and leaves the merits to the judge."""
    doc = load_case_document(CASES / "s3582c1a" / "sniffen_2023.yaml")
    a = analyze(doc.case)
    r = a.avenue("s3582c1a")
    assert doc.extras["expected"]["disposition"] == "grant"
    assert a.disposition == "undetermined" and "discretion_remains" in r.codes and not r.questions
