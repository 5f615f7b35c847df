"""Fed. R. Crim. P. 36. Expected values come from the rule's text (a clerical error, or an error
from oversight or omission, "at any time"; nothing of substance) and from the dates of the rule and
the cases in the knowledge base -- not from the code."""

import pytest

from . import build, cited_ids, real_order_tests, run

BASE = {
    "format": 1, "court": "paed", "as_of": "2020-06-01",
    "sentence": {"imposed_on": "2015-03-02", "imprisonment_months": 120},
    "custody": {"status": "imprisoned"},
    "request": {"seeks": ["correct_sentence"], "invokes": ["Fed. R. Crim. P. 36"], "grounds": ["clerical_error"]},
}

GROUND_ROWS = [
    # a clerical error in recording the sentence: the door is open, at any time
    (["clerical_error"], ["Fed. R. Crim. P. 36"], "available", "eligible"),
    # a clerical error plus other complaints: still open for the clerical part
    (["clerical_error", "post_sentencing_rehabilitation"], [], "available", "eligible"),
    # asking when the sentence began / back-dating: substance, not a clerical slip
    (["release_date_miscalculated"], ["Fed. R. Crim. P. 36"], "unavailable", "substance_not_clerical"),
    # credit for time served is the BOP's computation, never a Rule 36 correction
    (["credit_for_prior_custody"], ["Rule 36"], "unavailable", "substance_not_clerical"),
    # a plea for a shorter sentence is substance
    (["post_sentencing_rehabilitation"], [], "unavailable", "substance_not_clerical"),
    # Rule 36 invoked but no error named: the file cannot tell which kind -> ask
    ([], ["Fed. R. Crim. P. 36"], "undetermined", "missing_fact"),
    # nothing claimed and Rule 36 not invoked: no clerical error is claimed
    ([], [], "unavailable", "substance_not_clerical"),
]


@pytest.mark.parametrize("grounds, invokes, status, code", GROUND_ROWS)
def test_only_a_clerical_error_opens_rule36(grounds, invokes, status, code):
    res, _ = run("rule36", build(BASE, request__grounds=grounds, request__invokes=invokes))
    assert res.status == status
    assert code in res.codes


def test_an_open_rule36_says_what_must_be_shown():
    res, _ = run("rule36", BASE)
    assert res.to_show and "pronounced" in res.to_show[0]


def test_a_request_without_grounds_asks_for_them():
    res, _ = run("rule36", build(BASE, request__grounds=[]))
    assert [q.field for q in res.questions] == ["request.grounds"]


# "at any time": no period runs. A clerical error found 25 years after judgment is as open as one
# found a week after it.
@pytest.mark.parametrize("as_of", ["2015-03-09", "2040-03-02"])
def test_no_time_limit(as_of):
    res, _ = run("rule36", build(BASE, as_of=as_of))
    assert res.status == "available" and res.deadline is None


# Rule 36 before the 2002 restyling (same substance) from 1984-08-06, the earliest decision read
# (Kaye, 9th Cir.); the restyled text from 2002-12-01. Before 1984-08-06 fedrelief does not guess.
@pytest.mark.parametrize("as_of, decided, version", [
    ("1984-08-05", False, None), ("1984-08-06", True, "frcrp_36_1984"),
    ("2002-11-30", True, "frcrp_36_1984"), ("2002-12-01", True, "frcrp_36")])
def test_rule_version_boundary(as_of, decided, version):
    res, analysis = run("rule36", build(BASE, as_of=as_of, sentence__imposed_on="1983-01-04"))
    if decided:
        assert res.status == "available"
        assert version in {c.id for r in res.reasons for c in r.authorities}
    else:
        assert res.status == "undetermined" and "law_outside_encoded_period" in analysis.warnings


# Circuit precedent: Robinson (6th Cir.) from 2004-05-21; Bennett (3d Cir.) from 2005-09-12;
# Larsen (10th Cir.) is unpublished: persuasive only, even in the Tenth Circuit.
@pytest.mark.parametrize("court, as_of, grounds, present, absent", [
    ("ohnd", "2004-05-20", ["release_date_miscalculated"], set(), {"robinson_2004"}),
    ("ohnd", "2004-05-21", ["release_date_miscalculated"], {"robinson_2004"}, set()),
    ("paed", "2005-09-11", ["clerical_error"], set(), {"bennett_2005"}),
    ("paed", "2005-09-12", ["clerical_error"], {"bennett_2005"}, set()),
    ("cand", "2020-01-01", ["release_date_miscalculated"], {"kaye_1984"}, set()),
])
def test_circuit_precedent_by_date(court, as_of, grounds, present, absent):
    res, _ = run("rule36", build(BASE, court=court, as_of=as_of, request__grounds=grounds))
    ids = cited_ids(res)
    assert present <= ids and not (absent & ids)
    assert "frcrp_36" in ids


def test_unpublished_tenth_circuit_case_is_persuasive_only():
    res, _ = run("rule36", build(BASE, court="utd", request__grounds=["release_date_miscalculated"]))
    weights = {c.id: c.weight for r in res.reasons for c in r.authorities}
    assert weights["larsen_2010"] == "persuasive"
    assert weights["frcrp_36"] == "binding"


# ----- real orders (tests/cases/rule36) ---------------------------------------------------------
DISAGREE = {
    "larsen_2010": "the case file records no grounds (the part of the order read does not say what the Rule 36 "
                   "motions asked), so fedrelief asks for them (undetermined) where the court, knowing the motions, "
                   "found they sought substantive modifications",
}


test_real_order, test_known_disagreements_still_disagree = real_order_tests("rule36", DISAGREE)
