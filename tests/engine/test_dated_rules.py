"""Dated rules: a case on each side of every effective date the issue-2 avenues depend on, and
precedent chosen by circuit. Expected values come from the rules' texts (law-facts.md), not from
the code under test."""
from datetime import date

import pytest

from fedrelief.engine import analyze
from fedrelief.facts import case_from_data


def case(**over):
    raw = {
        "format": 1, "court": "mnd", "as_of": "2020-01-01",
        "sentence": {"imposed_on": "2015-03-02", "imprisonment_months": 120},
        "appeal": "none", "custody": {"status": "imprisoned"},
        "request": {"seeks": ["sentence_reduction"], "grounds": ["post_sentencing_rehabilitation"]},
    }
    for key, value in over.items():
        target = raw
        *path, last = key.split("__")
        for p in path:
            target = target.setdefault(p, {})
        target[last] = value
    return case_from_data(raw).case


# Rule 35(a): 7 days (old counting: business days) for a sentence before 2009-12-01, 14 calendar
# days after. Trigger Mon 2009-11-30: old rule, 7 business days -> Tue 12/1 (1) ... Wed 12/9 (7).
# Trigger Tue 2009-12-01: new rule, 14 days -> Tue 12/15.
@pytest.mark.parametrize("imposed,ends", [
    ("2009-11-30", date(2009, 12, 9)),
    ("2009-12-01", date(2009, 12, 15)),
    # Fri 2003-06-20 (seed 001): Mon 6/23..Tue 7/1 -> 2003-07-01
    ("2003-06-20", date(2003, 7, 1)),
    # Fri 2012-10-19: 14 days -> Fri 11/2
    ("2012-10-19", date(2012, 11, 2)),
])
def test_rule35a_period_by_the_rules_then_in_force(imposed, ends):
    a = analyze(case(sentence__imposed_on=imposed, as_of="2020-01-01"))
    assert a.avenue("rule35a").deadline.ends_on == ends


def test_rule35a_open_within_the_period_for_clear_error():
    a = analyze(case(sentence__imposed_on="2019-12-20", as_of="2019-12-27",
                     request={"seeks": ["correct_sentence"], "grounds": ["arithmetical_error"]}))
    assert a.avenue("rule35a").status == "available"


def test_rule35a_before_the_encoded_period_warns_and_does_not_guess():
    a = analyze(case(sentence__imposed_on="1990-05-01", as_of="1990-06-01"))
    assert a.avenue("rule35a").status == "undetermined"
    assert "law_outside_encoded_period" in a.warnings


@pytest.mark.parametrize("as_of,status,code", [
    ("2018-12-20", "unavailable", "only_bop_may_move"),
    ("2018-12-21", "undetermined", "eligible"),
])
def test_compassionate_release_who_may_move(as_of, status, code):
    c = case(as_of=as_of, request={"filed_on": as_of, "seeks": ["compassionate_release"]},
             administrative={"warden_request_on": "2018-10-01"})
    r = analyze(c).avenue("s3582c1a")
    assert (r.status, code in r.codes) == (status, True)


def test_compassionate_release_before_thirty_days_lapse_is_unexhausted():
    c = case(as_of="2020-05-01", request={"filed_on": "2020-04-20", "seeks": ["compassionate_release"]},
             administrative={"warden_request_on": "2020-04-01"})
    r = analyze(c).avenue("s3582c1a")
    assert r.status == "unavailable" and "not_exhausted" in r.codes


@pytest.mark.parametrize("as_of,cites_5k2_19", [("2012-10-31", True), ("2012-11-01", False)])
def test_5k2_19_only_while_in_force(as_of, cites_5k2_19):
    a = analyze(case(as_of=as_of))
    ids = {c.id for r in a.avenue("departure").reasons for c in r.authorities}
    assert ("ussg_5k2_19" in ids) is cites_5k2_19


@pytest.mark.parametrize("as_of,status", [("2012-10-31", "unavailable"), ("2012-11-01", "undetermined")])
def test_a_ground_excluded_even_at_resentencing_closes_the_departure_without_the_appeal(as_of, status):
    # appeal not given: while § 5K2.19 was in force, rehabilitation was no ground at any resentencing,
    # so whether the sentence was set aside on appeal does not matter; after its deletion it does.
    a = analyze(case(as_of=as_of, appeal=None))
    r = a.avenue("departure")
    assert r.status == status
    assert (r.codes == ("not_a_ground",)) is (status == "unavailable")
    assert [q.field for q in r.questions] == ([] if status == "unavailable" else ["appeal"])


def test_precedent_is_chosen_by_circuit():
    # D. Minn. (8th Cir.): the 8th Circuit's case binds; the 10th Circuit's Blackwell is never binding.
    a = analyze(case(court="D. Minn."))
    cites = [c for r in a.avenue("inherent_power").reasons for c in r.authorities]
    assert any(c.id == "no_inherent_power_ca8_auman_1993" and c.weight == "binding" for c in cites)
    assert all(c.weight == "persuasive" for c in cites if c.id == "blackwell_1996")
    a10 = analyze(case(court="nmd"))
    cites10 = [c for r in a10.avenue("inherent_power").reasons for c in r.authorities]
    assert cites10[0].id == "blackwell_1996" and cites10[0].weight == "binding"


def test_a_case_decided_after_as_of_is_never_cited():
    a = analyze(case(court="nmd", as_of="1995-06-01", sentence__imposed_on="1994-01-03"))
    ids = {c.id for av in a.avenues for r in av.reasons for c in r.authorities}
    assert "blackwell_1996" not in ids


def test_2255_supervised_release_is_custody_and_release_is_not():
    on_sr = analyze(case(custody={"status": "supervised_release"}, sentence__supervised_release_months=36))
    assert "not_in_custody" not in on_sr.avenue("s2255").codes
    free = analyze(case(custody={"status": "released"}))
    assert free.avenue("s2255").codes == ("not_in_custody",)
    assert free.avenue("coram_nobis").status == "available"
    assert on_sr.avenue("coram_nobis").codes == ("in_custody",)


def test_2255_expired_but_silent_grounds_is_undetermined_with_a_question():
    a = analyze(case(request={"seeks": ["vacate_sentence"]}))
    s = a.avenue("s2255")
    assert s.status == "undetermined"
    assert any(q.field == "request.grounds" for q in a.questions)


def test_2255_new_rule_ground_leaves_f3_open():
    a = analyze(case(request={"seeks": ["vacate_sentence"], "grounds": [{"new_rule": "Johnson"}]}))
    assert a.avenue("s2255").status == "undetermined"


def test_2255_timely_within_the_year():
    # judgment Mon 2015-03-02, no appeal: 14 days -> Mon 3/16 final; one year -> 2016-03-16
    a = analyze(case(as_of="2016-03-01", request={"seeks": ["vacate_sentence"], "grounds": ["ineffective_assistance"]}))
    s = a.avenue("s2255")
    assert s.status == "available"
    assert s.deadline.starts_on == date(2015, 3, 16) and s.deadline.ends_on == date(2016, 3, 16)


def test_2255_unknown_appeal_asks():
    raw_case = case()
    a = analyze(raw_case.model_copy(update={"appeal": None}))
    assert a.avenue("s2255").status == "undetermined"
    assert any(q.field == "appeal" for q in a.questions)


def test_successive_2255_goes_to_court_of_appeals():
    a = analyze(case(request={"seeks": ["vacate_sentence"], "invokes": ["28 U.S.C. § 2255"], "grounds": ["ineffective_assistance"]},
                     history=[{"avenue": "s2255", "filed_on": "2016-01-04", "decided_on": "2016-06-01", "result": "denied", "merits": True}]))
    s = a.avenue("s2255")
    assert s.codes == ("successive_without_authorization",) and s.forum == "court_of_appeals"
    assert a.disposition == "transfer"
    assert "circuit_position_not_encoded:successive_2255" in s.warnings  # D. Minn.: 8th Cir. not encoded


def test_successive_2255_is_dismissed_in_the_eleventh_circuit():
    # Griham (N.D. Ala. 2019), Biggins (N.D. Fla. 2014): no § 1631 transfer; dismissed for want of jurisdiction.
    a = analyze(case(court="alnd", request={"seeks": ["vacate_sentence"], "grounds": ["ineffective_assistance"]},
                     history=[{"avenue": "s2255", "decided_on": "2016-06-01", "result": "denied", "merits": True}]))
    s = a.avenue("s2255")
    assert a.disposition == "dismiss" and s.forum == "court_of_appeals"
    assert {"griham_ndala_2019", "mitchell_ca11_2016"} <= {c.id for r in s.reasons for c in r.authorities}


def test_clemency_is_the_presidents_and_waits_five_years_after_release():
    early = analyze(case(as_of="2020-01-01", custody={"status": "released", "release_date": "2016-01-04"},
                         request={"seeks": ["clemency"]}))
    cl = early.avenue("clemency")
    assert cl.forum == "president" and cl.status == "unavailable"
    assert cl.deadline.ends_on == date(2021, 1, 4)
    later = analyze(case(as_of="2021-01-04", custody={"status": "released", "release_date": "2016-01-04"},
                         request={"seeks": ["clemency"]}))
    assert later.avenue("clemency").status == "available"


def test_rule35b_needs_the_governments_motion():
    a = analyze(case())
    assert a.avenue("rule35b").codes == ("no_government_motion",)
    b = analyze(case(government={"rule35b_motion_filed_on": "2015-10-01"}))
    assert b.avenue("rule35b").status == "available"


def test_appeal_window_open_then_closed():
    # judgment Mon 2015-03-02, 14 days -> 2015-03-16
    open_ = analyze(case(as_of="2015-03-10"))
    assert open_.avenue("appeal").status == "available"
    closed = analyze(case(as_of="2015-05-01"))
    assert "no_appeal_taken" in closed.avenue("appeal").codes


def _cr(court, as_of, grounds=("medical",)):
    return analyze(case(court=court, as_of=as_of,
                        request={"filed_on": as_of, "seeks": ["compassionate_release"],
                                 "grounds": [{"extraordinary_and_compelling": list(grounds)}]},
                        administrative={"warden_request_on": "2020-01-02"})).avenue("s3582c1a")


def test_old_1b1_13_binds_defendant_motions_in_the_eleventh_circuit_only_after_bryant():
    # Bryant (11th Cir.) decided 2021-05-07; before it, no binding decision is encoded.
    after = _cr("flsd", "2021-06-01")
    assert any(c.id == "bryant_2021" for r in after.reasons for c in r.authorities)
    before = _cr("flsd", "2021-05-06")
    assert not any(c.id == "bryant_2021" for r in before.reasons for c in r.authorities)
    assert after.status == "undetermined"


def test_dc_circuit_old_policy_statement_not_binding_after_long():
    r = _cr("dcd", "2021-06-01")
    assert any(c.id == "long_2021" for rs in r.reasons for c in rs.authorities)


def test_2023_policy_statement_lists_the_claimed_category():
    r = _cr("mnd", "2024-01-08", grounds=("unusually_long_sentence",))
    assert r.to_show and "(b)(6)" in r.to_show[0]
    assert any(c.id == "ussg_1b1_13_2023" for rs in r.reasons for c in rs.authorities)


def test_rehabilitation_alone_is_not_extraordinary_and_compelling():
    r = analyze(case(as_of="2024-01-08", request={"filed_on": "2024-01-08", "seeks": ["compassionate_release"],
                                                  "grounds": ["post_sentencing_rehabilitation"]},
                     administrative={"warden_request_on": "2023-10-02"})).avenue("s3582c1a")
    assert r.status == "unavailable" and "no_extraordinary_and_compelling_reason" in r.codes


# § 2255(f)(3) for Johnson (2015-06-26), made retroactive by Welch (2016-04-18): one year from
# 2015-06-26 -> 2016-06-26 is a Sunday -> Monday 2016-06-27.
@pytest.mark.parametrize("as_of,filed,status", [
    ("2016-05-02", "2016-02-09", "available"),      # filed in time, Welch already decided
    ("2016-03-01", "2016-02-09", "undetermined"),   # filed in time, retroactivity not yet decided
    ("2016-09-01", "2016-08-01", "unavailable"),    # filed after 2016-06-27
])
def test_2255_f3_johnson_claim(as_of, filed, status):
    a = analyze(case(as_of=as_of, sentence__imposed_on="2008-10-20",
                     request={"filed_on": filed, "seeks": ["vacate_sentence"], "invokes": ["28 U.S.C. § 2255"],
                              "grounds": [{"new_rule": "Johnson v. United States, 135 S. Ct. 2551 (2015)"}]}))
    s = a.avenue("s2255")
    assert s.status == status
    assert s.deadline.ends_on == date(2016, 6, 27)


def test_2255_f3_does_not_confuse_johnson_2010():
    a = analyze(case(as_of="2016-05-02", sentence__imposed_on="2008-10-20",
                     request={"filed_on": "2016-02-09", "seeks": ["vacate_sentence"],
                              "grounds": [{"new_rule": "Johnson v. United States, 559 U.S. 133 (2010)"}]}))
    assert a.avenue("s2255").status == "undetermined"  # an unknown new rule: the date of recognition decides


# A Ring (2002-06-24) claim asserts the right Apprendi recognized on 2000-06-26 (Gay, S.D.N.Y. 2003):
# the (f)(3) year ran to Tue 2001-06-26, so a motion filed within a year of Ring is still late.
def test_2255_ring_claim_runs_from_apprendi():
    a = analyze(case(as_of="2003-01-23", court="nysd", sentence__imposed_on="1999-03-01",
                     request={"filed_on": "2002-12-02", "seeks": ["vacate_sentence"],
                              "grounds": [{"new_rule": "Ring v. Arizona, 122 S. Ct. 2428 (2002)"}]}))
    s = a.avenue("s2255")
    assert s.status == "unavailable"
    assert s.deadline.ends_on == date(2001, 6, 26)
    cited = {c.id for r in s.reasons for c in r.authorities}
    assert {"apprendi_2000", "ring_2002", "gay_sdny_2003"} <= cited


# An Apprendi claim filed within a year of Apprendi: closed in the Fourth Circuit once Sanders
# (2001-04-13) held the rule not retroactive; before Sanders, and in a circuit with no encoded
# holding, retroactivity stays open.
@pytest.mark.parametrize("court,as_of,status", [
    ("ncmd", "2001-05-01", "unavailable"),
    ("ncmd", "2001-04-12", "undetermined"),
    ("nysd", "2001-05-01", "undetermined"),
])
def test_2255_apprendi_claim_by_circuit_holding(court, as_of, status):
    a = analyze(case(as_of=as_of, court=court, sentence__imposed_on="1998-03-02",
                     request={"filed_on": "2001-01-10", "seeks": ["vacate_sentence"],
                              "grounds": [{"new_rule": "Apprendi v. New Jersey, 530 U.S. 466 (2000)"}]}))
    assert a.avenue("s2255").status == status


def test_2255_johnson_gives_no_new_year_to_a_sentence_not_under_the_acca():
    # Young (E.D. Va. 2017): not an armed career criminal, so naming Johnson does not start (f)(3).
    base = dict(as_of="2016-09-01", sentence__imposed_on="2009-06-22",
                request={"filed_on": "2016-06-24", "seeks": ["vacate_sentence"],
                         "grounds": [{"new_rule": "Johnson v. United States, 135 S. Ct. 2551 (2015)"}]})
    not_acca = analyze(case(**base, sentence__guidelines={"armed_career_criminal": False})).avenue("s2255")
    assert not_acca.status == "unavailable" and not_acca.codes == ("time_limit_expired",)
    acca = analyze(case(**base, sentence__guidelines={"armed_career_criminal": True})).avenue("s2255")
    assert acca.status == "available"  # filed by 2016-06-27, Welch decided
    unknown = analyze(case(**base)).avenue("s2255")
    assert unknown.status == "available"  # not said either way: the claim as pleaded is read


# A late notice of appeal is measured on the day it was filed, not on as_of: judgment Mon 2015-03-02,
# 14 days -> 2015-03-16, 30 more -> Wed 2015-04-15 (Nix, 4th Cir. 2002: remand for an excusable-neglect
# finding when the notice falls in that window).
@pytest.mark.parametrize("filed,status", [("2015-03-13", "available"), ("2015-04-01", "undetermined"),
                                          ("2015-04-16", "unavailable")])
def test_late_notice_of_appeal_measured_when_filed(filed, status):
    a = analyze(case(as_of="2015-09-01", sentence__imposed_on="2015-03-02",
                     request={"filed_on": filed, "title": "Notice of appeal", "seeks": [],
                              "invokes": ["Fed. R. App. P. 4(b)"]}))
    ap = a.avenue("appeal")
    assert ap.status == status
    if status == "undetermined":
        assert ap.forum == "this_court"  # the district court grants the extension


@pytest.mark.parametrize("judgment,version", [("1987-11-18", None), ("1989-09-07", "frap_4b_1987"),
                                              ("1998-12-01", "frap_4b_1998")])
def test_notice_of_appeal_rule_before_1998(judgment, version):
    a = analyze(case(as_of="2000-01-03", sentence__imposed_on=judgment))
    ap = a.avenue("appeal")
    if version is None:
        assert ap.status == "undetermined" and "law_outside_encoded_period" in a.warnings
    else:
        assert version in {c.id for r in ap.reasons for c in r.authorities}
