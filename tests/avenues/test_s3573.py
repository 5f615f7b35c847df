"""18 U.S.C. § 3573 (remission of a fine). Expected values come from the versions' texts and dates:
the 1984 text (in force 1987-11-01 .. 1987-12-11) let the defendant petition; from the Criminal
Fines Improvements Act of 1987 (1987-12-11) only the Government may (United States v. Linker, 7th
Cir. 1990); the current entry's coverage begins 1996-04-24 -- not from the code."""
from datetime import date, timedelta

import pytest

from fedrelief.avenues.s3573 import statute_in_force
from fedrelief.engine.context import Ctx
from fedrelief.facts import case_from_data
from fedrelief.law.courts import resolve_court
from fedrelief.law.kb import load_kb

from . import build, cited_ids, run

BASE = {
    "format": 1, "court": "ilcd", "as_of": "2020-06-01",
    "sentence": {"imposed_on": "2015-03-02", "imprisonment_months": 60, "fine_dollars": 50000},
    "custody": {"status": "imprisoned"},
    "request": {"title": "Motion to waive fine", "seeks": ["remit_fine"], "invokes": [], "grounds": ["hardship"]},
}


@pytest.mark.parametrize("as_of, version", [
    ("1987-11-01", "usc18_3573_1984"),
    ("1987-12-10", "usc18_3573_1984"),
    ("1987-12-11", "usc18_3573_1987"),
    ("1996-04-23", "usc18_3573_1987"),
    ("1996-04-24", "usc18_3573"),
    ("2020-06-01", "usc18_3573"),
])
def test_version_in_force(as_of, version):
    res, _ = run("s3573", build(BASE, as_of=as_of, sentence={"imposed_on": "1987-11-01", "fine_dollars": 1000}))
    assert version in cited_ids(res)


@pytest.mark.parametrize("as_of, status, code", [
    # the six weeks of the 1984 text: the defendant's own petition is a vehicle
    ("1987-12-10", "available", "elements_to_show"),
    # from the 1987 amendment: the Government's petition only
    ("1987-12-11", "unavailable", "government_petition_only"),
    ("2020-06-01", "unavailable", "government_petition_only"),
])
def test_defendants_own_request(as_of, status, code):
    res, _ = run("s3573", build(BASE, as_of=as_of, sentence={"imposed_on": "1987-11-01", "fine_dollars": 1000}))
    assert res.status == status and code in res.codes


def test_before_the_sentencing_reform_act_nothing_is_guessed():
    raw = build(BASE, as_of="1987-10-31", sentence={"imposed_on": "1986-01-06", "fine_dollars": 1000})
    res, analysis = run("s3573", raw)
    assert res.status == "undetermined" and "law_outside_encoded_period" in analysis.warnings


@pytest.mark.parametrize("petition, status", [(True, "available"), (False, "unavailable"), (None, "unavailable")])
def test_government_petition(petition, status):
    res, _ = run("s3573", build(BASE, government={"petition_to_remit_fine": petition}))
    assert res.status == status
    if petition:
        assert res.codes == ("eligible", "discretion_remains")
        assert res.to_show == ("that reasonable efforts to collect the fine are not likely to be effective",)


def test_no_fine_imposed():
    res, _ = run("s3573", build(BASE, sentence__fine_dollars=0))
    assert res.status == "unavailable" and res.codes == ("factual_premise_false",)


@pytest.mark.parametrize("court, weight", [("ilcd", "binding"), ("nmd", "persuasive")])
def test_linker_binds_in_the_seventh_circuit_only(court, weight):
    res, _ = run("s3573", build(BASE, court=court))
    weights = {c.id: c.weight for r in res.reasons for c in r.authorities}
    assert weights["linker_1990"] == weight


def test_a_defendants_request_names_the_avenue():
    _, analysis = run("s3573", BASE)
    assert analysis.vehicles == ("s3573",)
    assert analysis.disposition == "deny"


def test_version_sweep_has_no_gap_or_overlap():
    # every 7th day from 1987-11-01 to 2026-12-31: exactly one version (the two families joined)
    kb = load_kb()
    case = case_from_data(BASE).case
    d = date(1987, 11, 1)
    while d < date(2027, 1, 1):
        ctx = Ctx(case=case, as_of=d, court=resolve_court("ilcd"), kb=kb)
        found = statute_in_force(ctx)
        assert found.in_force_on(d)
        d += timedelta(days=7)
