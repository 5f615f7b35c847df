"""Fed. R. Crim. P. 35(b). Expected values come from the rules' texts and dates in the knowledge
base, not from the code: former Rule 35(b) (a motion to reduce, the defendant's included, within
120 days after sentence; offenses before 1987-11-01), the Sentencing Reform Act's text ("The court,
on motion of the Government, may within one year after the imposition of a sentence, lower a
sentence ..."; offenses on or after 1987-11-01), and the version in force from 1991-12-01 (the
government's motion made within one year)."""
from datetime import date

import pytest

from . import build, cited_ids, real_order_tests, run

BASE = {
    "format": 1, "court": "ilnd", "as_of": "1988-05-16", "appeal": "none",
    "convictions": [{"statute": "21 U.S.C. § 841(a)(1)", "offense_date": "1988-01-04"}],
    "sentence": {"imposed_on": "1988-03-01", "imprisonment_months": 120},
    "custody": {"status": "imprisoned"},
    "request": {"filed_on": "1988-05-02", "seeks": ["sentence_reduction"], "invokes": ["Fed. R. Crim. P. 35(b)"],
                "grounds": ["substantial_assistance"]},
}


def offense(day: str) -> list[dict]:
    return [{"statute": "21 U.S.C. § 841(a)(1)", "offense_date": day}]


# ----- the offense-date split at 1987-11-01 ------------------------------------------------------
# Sentence Tue 1988-03-01; the defendant's own motion 1988-05-02, within 120 days (to Wed 1988-06-29).
@pytest.mark.parametrize("committed, status, code, version", [
    ("1987-10-31", "available", "within_time_limit", "frcrp_35b_1985"),      # former rule: his motion suffices
    ("1987-11-01", "unavailable", "no_government_motion", "frcrp_35b_1987"),  # SRA rule: only the government
])
def test_the_offense_date_picks_the_rule(committed, status, code, version):
    res, _ = run("rule35b", build(BASE, convictions=offense(committed)))
    assert (res.status, code in res.codes) == (status, True)
    assert version in cited_ids(res)


def test_former_rule_period_is_120_days_from_sentence():
    res, _ = run("rule35b", build(BASE, convictions=offense("1987-06-15")))
    assert res.deadline.ends_on == date(1988, 6, 29)


@pytest.mark.parametrize("filed, status", [("1988-06-29", "available"), ("1988-06-30", "unavailable")])
def test_former_rule_motion_after_120_days_is_too_late(filed, status):
    res, _ = run("rule35b", build(BASE, as_of="1988-08-01", convictions=offense("1987-06-15"),
                                  request__filed_on=filed))
    assert res.status == status
    if status == "unavailable":
        assert res.codes == ("time_limit_expired",)


def test_former_rule_after_an_appeal_needs_the_mandate_date():
    late = build(BASE, as_of="1988-08-01", convictions=offense("1987-06-15"), request__filed_on="1988-07-15")
    unknown, _ = run("rule35b", {**late, "appeal": None})
    assert unknown.status == "undetermined" and [q.field for q in unknown.questions] == ["appeal"]
    appealed, _ = run("rule35b", {**late, "appeal": {"filed_on": "1988-03-10", "decided_on": "1988-07-01",
                                                     "result": "affirmed"}})
    assert appealed.status == "undetermined" and [q.field for q in appealed.questions] == ["appeal.decided_on"]


# ----- the offense date is not stated ---------------------------------------------------------------
def no_offense_date(**over):
    return build(BASE, convictions=[{"statute": "21 U.S.C. § 841(a)(1)"}], **over)


def test_unknown_offense_date_is_asked_when_it_decides_the_rule():
    res, analysis = run("rule35b", no_offense_date())
    assert res.status == "undetermined" and res.codes == ("missing_fact",)
    assert [q.field for q in res.questions] == ["convictions[0].offense_date"]
    assert "convictions[0].offense_date" in {q.field for q in analysis.questions}


def test_the_question_names_the_conviction_whose_date_is_missing():
    raw = build(BASE, convictions=[offense("1988-01-04")[0], {"statute": "21 U.S.C. § 846"}])
    res, _ = run("rule35b", raw)
    assert [q.field for q in res.questions] == ["convictions[1].offense_date"]


def test_a_sentence_before_1987_11_01_answers_the_question():
    # an offense precedes its sentence: Tue 1987-09-01 + 120 days = Wed 1987-12-30
    res, _ = run("rule35b", no_offense_date(as_of="1987-12-15", sentence__imposed_on="1987-09-01",
                                             request__filed_on="1987-12-01"))
    assert res.status == "available" and "frcrp_35b_1985" in cited_ids(res)
    assert res.deadline.ends_on == date(1987, 12, 30)


# Sentence date unknown: the analysis date decides whether fedrelief asks (before 1991-12-01) or
# presumes an offense on or after 1987-11-01 and says so (from 1991-12-01).
@pytest.mark.parametrize("as_of, status", [("1991-11-29", "undetermined"), ("1991-12-02", "unavailable")])
def test_unknown_offense_date_on_both_sides_of_1991_12_01(as_of, status):
    raw = no_offense_date(as_of=as_of, request__filed_on=None)
    raw["sentence"] = {}
    res, _ = run("rule35b", raw)
    assert res.status == status
    if status == "unavailable":
        assert res.codes == ("no_government_motion",) and "frcrp_35b_1991" in cited_ids(res)
        assert "offense date is not stated" in res.reasons[0].text


def test_no_presumption_next_to_a_count_known_to_predate_1987_11_01():
    raw = build(BASE, as_of="1995-06-01", sentence__imposed_on="1995-01-09", request__filed_on="1995-05-01",
                convictions=[offense("1987-06-01")[0], {"statute": "21 U.S.C. § 846"}])
    res, _ = run("rule35b", raw)
    assert [q.field for q in res.questions] == ["convictions[1].offense_date"]


def test_counts_on_both_sides_of_1987_11_01_are_not_merged():
    raw = build(BASE, convictions=[offense("1987-10-01")[0], offense("1987-12-01")[0]])
    res, _ = run("rule35b", raw)
    assert res.status == "undetermined" and not res.questions


# ----- before 1987-11-01 every offense is under the former rule -----------------------------------
def test_before_1987_11_01_the_former_rule_applies_without_an_offense_date():
    res, _ = run("rule35b", no_offense_date(as_of="1987-10-30", sentence__imposed_on="1987-08-03",
                                             request__filed_on="1987-10-01"))
    assert res.status == "available" and "frcrp_35b_1985" in cited_ids(res)


def test_before_the_encoded_former_rule_fedrelief_does_not_guess():
    # appeal unknown: with appeal "none" the appeal avenue cannot count a pre-1985-08-01 judgment
    raw = {**no_offense_date(as_of="1985-07-31", sentence__imposed_on="1985-06-03", request__filed_on="1985-07-01"),
           "appeal": None}
    res, analysis = run("rule35b", raw)
    assert res.status == "undetermined" and "law_outside_encoded_period" in analysis.warnings


def test_a_sentence_before_the_encoded_former_rule_is_not_counted():
    raw = {**no_offense_date(as_of="1985-09-03", sentence__imposed_on="1985-07-01", request__filed_on="1985-08-15"),
           "appeal": None}
    res, analysis = run("rule35b", raw)
    assert res.status == "undetermined" and "law_outside_encoded_period" in analysis.warnings


def test_former_rule_runs_again_from_a_supreme_court_denial_of_review():
    # sentence Tue 1988-03-01 (120 days -> 1988-06-29); certiorari denied Mon 1989-01-09 -> 120 days
    # -> Tue 1989-05-09; a motion of 1989-04-03 is within it
    raw = build(BASE, as_of="1989-04-17", convictions=offense("1987-06-15"), request__filed_on="1989-04-03")
    raw["appeal"] = {"filed_on": "1988-03-10", "decided_on": "1988-09-01", "result": "affirmed",
                     "certiorari_denied_on": "1989-01-09"}
    res, _ = run("rule35b", raw)
    assert res.status == "available" and "within_time_limit" in res.codes


# ----- the SRA text (1987-11-01 .. 1991-12-01) and the 1991 version --------------------------------
def test_sra_rule_government_motion_within_the_year():
    res, _ = run("rule35b", build(BASE, as_of="1988-10-03", government={"rule35b_motion_filed_on": "1988-09-01"}))
    assert res.status == "available" and "frcrp_35b_1987" in cited_ids(res)
    assert res.deadline.ends_on == date(1989, 3, 1)


# Sentence Thu 1990-11-01; the government moved 1991-10-01, within the year. Under the SRA text the
# court itself had to act within the year (ended Fri 1991-11-01); from 1991-12-01 the government's motion
# "made within one year" is what counts.
@pytest.mark.parametrize("as_of, status, version", [
    ("1991-11-15", "unavailable", "frcrp_35b_1987"),
    ("1991-12-02", "available", "frcrp_35b_1991"),
])
def test_rule_version_boundary_1991_12_01(as_of, status, version):
    raw = build(BASE, as_of=as_of, convictions=offense("1990-05-01"), sentence__imposed_on="1990-11-01",
                request__filed_on="1991-10-15", government={"rule35b_motion_filed_on": "1991-10-01"})
    res, _ = run("rule35b", raw)
    assert res.status == status and version in cited_ids(res)
    if status == "unavailable":
        assert res.codes == ("time_limit_expired",)


def test_sra_rule_no_motion_after_the_year_says_no_exception():
    res, _ = run("rule35b", build(BASE, as_of="1989-09-01"))
    assert res.codes == ("no_government_motion",) and "no later motion" in res.reasons[0].text


# ----- real orders (tests/cases/rule35b) ---------------------------------------------------------
DISAGREE = {
    "doe_1991": "the part of the opinion read does not state when the offenses were committed (convicted May "
                "1988), so fedrelief cannot tell the Sentencing Reform Act's Rule 35(b) from the former 120-day "
                "rule and asks for convictions[0].offense_date",
}

test_real_order, test_known_disagreements_still_disagree = real_order_tests("rule35b", DISAGREE)
