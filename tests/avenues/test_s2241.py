"""28 U.S.C. § 2241 (execution of the sentence). Expected values come from the texts: § 2241(a)
"within their respective jurisdictions" (district of confinement), § 3585(b) and Wilson (the BOP
computes credit), § 3621(e)(2)(B) "may" and the BOP rule in force on the date (28 C.F.R. § 550.58
until 2009-03-16, § 550.55 after, its 2016-05-26 version after that), § 3625 (no APA review),
§ 3632(d)(4)(E)(i) (final order of removal) from 2018-12-21, § 2255(e) and Jones v. Hendrix
(2023-06-22) -- not from the code."""

import pytest

from . import build, cited_ids, real_order_tests, run

# A habeas petition in the district of confinement, remedies exhausted.
PETITION = {
    "format": 1, "court": "njd", "as_of": "2020-06-01",
    "sentence": {"imposed_on": "2015-03-02", "imprisonment_months": 120},
    "custody": {"status": "imprisoned", "facility_district": "njd"},
    "administrative": {"fully_exhausted": True},
    "request": {"title": "Petition for writ of habeas corpus under 28 U.S.C. § 2241",
                "seeks": ["credit_for_time_served"], "invokes": ["28 U.S.C. § 2241"],
                "grounds": ["credit_for_prior_custody"]},
}
# A motion filed in the criminal case in the sentencing court.
MOTION = build(PETITION, request={"title": "Motion for credit for time served", "seeks": ["credit_for_time_served"],
                                  "invokes": [], "grounds": ["credit_for_prior_custody"]},
               custody={"status": "imprisoned"})


# ----- custody credit, forum and exhaustion -----------------------------------------------------
FORUM_ROWS = [
    # motion in the criminal case, confinement unknown: the sentencing court cannot award credit
    (MOTION, {}, "unavailable", "wrong_forum", "this_court"),
    # a petition filed where the person is confined, remedies exhausted: open, in this court
    (PETITION, {}, "available", "eligible", "this_court"),
    # a petition filed in a district other than the one of confinement
    (PETITION, {"custody__facility_district": "ksd"}, "unavailable", "wrong_forum", "this_court"),
    # a motion in the criminal case where the person is also confined: the court can treat it as § 2241
    (MOTION, {"custody__facility_district": "njd"}, "available", "eligible", "this_court"),
    # a petition, confinement not stated: ask
    (PETITION, {"custody__facility_district": None}, "undetermined", "eligible", "district_of_confinement"),
    # remedies not exhausted
    (PETITION, {"administrative__fully_exhausted": False}, "unavailable", "not_exhausted", "this_court"),
    # exhaustion not stated: ask
    (PETITION, {"administrative__fully_exhausted": None}, "undetermined", "eligible", "this_court"),
    # no longer in custody
    (PETITION, {"custody__status": "released"}, "unavailable", "not_in_custody", "district_of_confinement"),
]


@pytest.mark.parametrize("base, over, status, code, forum", FORUM_ROWS)
def test_credit_claim_forum_and_exhaustion(base, over, status, code, forum):
    res, _ = run("s2241", build(base, **over))
    assert (res.status, res.forum) == (status, forum)
    assert code in res.codes


def test_wrong_forum_cites_wilson_and_the_remedy_program():
    res, _ = run("s2241", MOTION)
    assert {"wilson_1992", "usc28_2241", "cfr28_542_10"} <= cited_ids(res)


def test_missing_facts_are_asked():
    res, _ = run("s2241", build(PETITION, custody__facility_district=None, administrative__fully_exhausted=None))
    assert [q.field for q in res.questions] == ["custody.facility_district", "administrative.fully_exhausted"]


def test_futility_plea_is_for_the_court():
    res, _ = run("s2241", build(PETITION, administrative__fully_exhausted=False,
                                request__grounds=["credit_for_prior_custody", "exhaustion_futile"]))
    assert res.status == "undetermined"
    assert {"not_exhausted", "discretion_remains"} <= set(res.codes)


@pytest.mark.parametrize("court, as_of, expected", [
    ("njd", "1996-10-21", set()),                 # Moscato (3d Cir.) decided 1996-10-22
    ("njd", "1996-10-22", {"moscato_1996"}),
    ("ksd", "2010-02-16", set()),                 # Garza (10th Cir.) decided 2010-02-17
    ("ksd", "2010-02-17", {"garza_2010"}),
])
def test_exhaustion_precedent_by_circuit_and_date(court, as_of, expected):
    res, _ = run("s2241", build(PETITION, court=court, as_of=as_of, custody__facility_district=court,
                                administrative__fully_exhausted=False, sentence__imposed_on="1995-03-02"))
    cases = {"moscato_1996", "garza_2010"}
    binding = {c.id for r in res.reasons for c in r.authorities if c.weight == "binding" and c.id in cases}
    assert binding == expected


# ----- RDAP: the BOP rule in force on as_of ------------------------------------------------------
RDAP = build(PETITION, request__grounds=["rdap_credit"], request__seeks=["sentence_reduction"])


@pytest.mark.parametrize("as_of, rule", [
    ("2006-03-24", "cfr28_550_58"),       # "INS detainees" (former rule)
    ("2009-03-15", "cfr28_550_58"),
    ("2009-03-16", "cfr28_550_55_2009"),  # § 550.55 from 2009-03-16
    ("2016-05-25", "cfr28_550_55_2009"),
    ("2016-05-26", "cfr28_550_55_2016"),  # ten-year look-back version
])
def test_rdap_detainee_exclusion_cites_rule_in_force(as_of, rule):
    res, _ = run("s2241", build(RDAP, as_of=as_of, sentence__imposed_on="2003-06-20",
                                custody__immigration={"detainer": True}))
    assert res.status == "unavailable" and "denied_in_discretion" in res.codes
    assert rule in cited_ids(res) and "lopez_v_davis_2001" in cited_ids(res)


def test_rdap_before_the_encoded_rule_is_not_guessed():
    res, analysis = run("s2241", build(RDAP, as_of="1995-06-25", sentence__imposed_on="1993-06-20"))
    assert res.status == "undetermined" and "law_outside_encoded_period" in analysis.warnings


def test_rdap_challenge_to_the_bureaus_judgment_is_not_reviewable():
    res, _ = run("s2241", build(RDAP, request__grounds=["rdap_completed", "bop_abuse_of_discretion"]))
    assert res.status == "unavailable" and res.codes == ("no_judicial_review",)
    assert "usc18_3625" in cited_ids(res)
    weights = {c.id: c.weight for r in res.reasons for c in r.authorities}
    assert weights["reeb_2011"] == "persuasive"  # a Ninth Circuit case, cited in the Third


def test_rdap_no_review_precedent_binds_in_the_ninth_circuit():
    res, _ = run("s2241", build(RDAP, court="ord", custody__facility_district="ord",
                                request__grounds=["bop_abuse_of_discretion", "rdap_completed"]))
    weights = {c.id: c.weight for r in res.reasons for c in r.authorities}
    assert weights["reeb_2011"] == "binding"


def test_rdap_eligibility_claim_is_open_with_limited_review():
    res, _ = run("s2241", RDAP)
    assert res.status == "available" and "eligible" in res.codes
    assert any("Constitution" in s for s in res.to_show)


# ----- First Step Act time credits ---------------------------------------------------------------
FSA = build(PETITION, request__grounds=["fsa_time_credits"], request__invokes=["28 U.S.C. § 2241", "First Step Act"])


@pytest.mark.parametrize("as_of, status, code", [
    ("2018-12-20", "unavailable", "no_statutory_authority"),  # before the First Step Act
    ("2018-12-21", "available", "eligible"),
])
def test_fsa_credits_only_from_enactment(as_of, status, code):
    res, _ = run("s2241", build(FSA, as_of=as_of))
    assert res.status == status and code in res.codes


@pytest.mark.parametrize("immigration, status, code", [
    ({"final_removal_order": True}, "unavailable", "final_order_of_removal"),
    ({"final_removal_order": False}, "available", "eligible"),
    ({"detainer": True}, "undetermined", "eligible"),  # a detainer, removal order not stated: ask
    (None, "available", "eligible"),
])
def test_fsa_final_order_of_removal(immigration, status, code):
    res, _ = run("s2241", build(FSA, custody__immigration=immigration))
    assert res.status == status and code in res.codes
    if status == "undetermined":
        assert [q.field for q in res.questions] == ["custody.immigration.final_removal_order"]


def test_bar_and_exhaustion_are_both_reported():
    res, _ = run("s2241", build(FSA, custody__immigration={"final_removal_order": True},
                                administrative__fully_exhausted=False))
    assert res.codes == ("final_order_of_removal", "not_exhausted")


# ----- the savings clause (a validity attack through § 2241) ----------------------------------------
VALIDITY = build(PETITION, court="ksd", custody__facility_district="ksd",
                 request__seeks=["vacate_sentence"], request__grounds=[])


@pytest.mark.parametrize("as_of, cites_jones", [("2023-06-21", False), ("2023-06-22", True)])
def test_savings_clause_jones_v_hendrix_from_its_date(as_of, cites_jones):
    res, _ = run("s2241", build(VALIDITY, as_of=as_of))
    assert res.status == "unavailable" and res.codes == ("remedy_adequate",)
    assert ("jones_v_hendrix_2023" in cited_ids(res)) is cites_jones
    assert "caravalho_1999" in cited_ids(res)


@pytest.mark.parametrize("as_of, has_prost", [("2011-02-21", False), ("2011-02-22", True)])
def test_tenth_circuit_savings_clause_cases_by_date(as_of, has_prost):
    res, _ = run("s2241", build(VALIDITY, as_of=as_of, sentence__imposed_on="2005-01-03"))
    assert ("prost_2011" in cited_ids(res)) is has_prost


@pytest.mark.parametrize("grounds, as_of, status", [
    # a circuit whose pre-2023 test is not encoded (8th): a statutory claim is not guessed
    (["new_rule"], "2020-06-01", "undetermined"),
    # after Jones v. Hendrix the answer is the same everywhere
    (["new_rule"], "2023-06-22", "unavailable"),
    # an ordinary claim § 2255 could test: the remedy is adequate
    (["ineffective_assistance"], "2020-06-01", "unavailable"),
])
def test_savings_clause_outside_the_encoded_circuit(grounds, as_of, status):
    res, analysis = run("s2241", build(VALIDITY, court="mnd", custody__facility_district="mnd",
                                       request__grounds=grounds, as_of=as_of))
    assert res.status == status
    if as_of < "2023-06-22":
        assert "circuit_position_not_encoded:savings_clause" in analysis.warnings


# ----- before Jones v. Hendrix: a first, timely § 2255 motion is still open ----------------------------
# A Rehaif claim in the Third Circuit (as in figueroa_2021): affirmed 2020-08-07, no certiorari petition,
# so final 2020-11-05 (Clay: 90 days) and the § 2255(f)(1) year ends 2021-11-05.
REHAIF = build(VALIDITY, court="njd", custody__facility_district="njd", as_of="2021-12-01",
               sentence={"imposed_on": "2018-02-15", "imprisonment_months": 72},
               appeal={"decided_on": "2020-08-07", "result": "affirmed"}, history=[],
               request__seeks=["vacate_conviction"], request__filed_on="2021-03-29",
               request__grounds=[{"new_rule": "Rehaif v. United States, 139 S. Ct. 2191 (2019)"}])
PRIOR_2255 = [{"avenue": "s2255", "filed_on": "2021-01-04", "decided_on": "2021-03-01", "result": "denied"}]


@pytest.mark.parametrize("court, filed_on, status, code", [
    ("njd", "2021-03-29", "unavailable", "remedy_adequate"),  # figueroa's dates
    ("njd", "2021-11-05", "unavailable", "remedy_adequate"),  # the last day of the year
    ("njd", "2021-11-06", "undetermined", "eligible"),        # a day late: the Third Circuit's test applies
    ("mnd", "2021-11-05", "unavailable", "remedy_adequate"),  # any circuit, encoded or not
    ("mnd", "2021-11-06", "undetermined", "missing_fact"),    # 8th Cir.: its test is not encoded
])
def test_first_2255_still_open_makes_the_remedy_adequate(court, filed_on, status, code):
    res, analysis = run("s2241", build(REHAIF, court=court, custody__facility_district=court,
                                       request__filed_on=filed_on))
    assert (res.status, res.codes) == (status, (code,))
    assert res.deadline is not None and str(res.deadline.ends_on) == "2021-11-05"
    open_ = status == "unavailable"
    assert ("mccarthan_2017" in cited_ids(res)) is open_      # the first-motion precedents
    assert ("circuit_position_not_encoded:savings_clause" in analysis.warnings) is (court == "mnd" and not open_)


def test_first_motion_reason_gives_the_deadline_and_the_circuit_test():
    res, _ = run("s2241", REHAIF)
    assert {"usc28_2255", "usc28_2255_f", "clay_2003", "dorsainvil_1997", "bruce_2017"} <= cited_ids(res)
    weights = {c.id: c.weight for r in res.reasons for c in r.authorities}
    assert weights["bruce_2017"] == "binding" and weights["mccarthan_2017"] == "persuasive"
    assert "until 2021-11-05" in res.reasons[0].text


@pytest.mark.parametrize("grounds, status, code", [
    ([{"new_rule": "Rehaif v. United States, 139 S. Ct. 2191 (2019)"}], "undetermined", "eligible"),
    (["ineffective_assistance"], "unavailable", "remedy_adequate"),
])
def test_an_earlier_2255_closes_the_first_motion_rule(grounds, status, code):
    res, _ = run("s2241", build(REHAIF, history=PRIOR_2255, request__grounds=grounds))
    assert (res.status, res.codes) == (status, (code,))
    assert res.deadline is None and "mccarthan_2017" not in cited_ids(res)
    assert "dorsainvil_1997" in cited_ids(res) and "cradle_2002" not in cited_ids(res)


@pytest.mark.parametrize("over, status, asked", [
    ({"appeal": None}, "undetermined", ["appeal"]),                                       # appeal not stated
    ({"appeal": {"result": "affirmed"}}, "undetermined", ["appeal.decided_on"]),          # no decision date
    ({"appeal": {"filed_on": "2018-03-01", "result": "pending"}}, "unavailable", []),     # not yet final: open
    ({"appeal": None, "court": "ksd", "custody__facility_district": "ksd"}, "unavailable", []),  # 10th: no need
])
def test_missing_finality_dates_are_asked_only_when_they_matter(over, status, asked):
    res, _ = run("s2241", build(REHAIF, **over))
    assert res.status == status and [q.field for q in res.questions] == asked


@pytest.mark.parametrize("as_of, filed_on, status", [
    ("1996-04-23", "1996-04-23", "unavailable"),   # before AEDPA: a first § 2255 motion had no time limit
    ("1997-07-23", "1997-04-24", "unavailable"),   # final before AEDPA: the grace year ends 1997-04-24
    ("1997-07-23", "1997-04-25", "undetermined"),  # after it, the Third Circuit's Dorsainvil test decides
])
def test_first_motion_before_and_after_aedpa(as_of, filed_on, status):
    res, _ = run("s2241", build(REHAIF, as_of=as_of, sentence={"imposed_on": "1992-03-02"}, appeal="none",
                                request__filed_on=filed_on, request__grounds=["statutory_interpretation"]))
    assert res.status == status


# ----- the circuits' own pre-Jones tests, from their dates ------------------------------------------
@pytest.mark.parametrize("court, before, on, case", [
    ("njd", "1997-07-22", "1997-07-23", "dorsainvil_1997"),    # 3d
    ("vaed", "2000-07-17", "2000-07-18", "in_re_jones_2000"),  # 4th
    ("txsd", "2001-02-27", "2001-02-28", "reyes_requena_2001"),  # 5th
])
def test_intervening_statutory_claim_test_by_circuit_and_date(court, before, on, case):
    base = build(REHAIF, court=court, custody__facility_district=court, sentence={"imposed_on": "1992-03-02"},
                 appeal="none", history=[{"avenue": "s2255", "filed_on": "1994-01-03", "result": "denied"}],
                 request__filed_on=None, request__grounds=["statutory_interpretation"])
    res, analysis = run("s2241", build(base, as_of=before))
    assert res.codes == ("missing_fact",) and case not in cited_ids(res)
    assert "circuit_position_not_encoded:savings_clause" in analysis.warnings
    res, analysis = run("s2241", build(base, as_of=on))
    assert (res.status, res.codes) == ("undetermined", ("eligible",)) and case in cited_ids(res)
    assert any("actual innocence" in s for s in res.to_show)
    assert "circuit_position_not_encoded:savings_clause" not in analysis.warnings


def test_in_re_jones_is_cited_with_its_pinpoint():
    res, _ = run("s2241", build(REHAIF, court="vaed", custody__facility_district="vaed", history=PRIOR_2255))
    cites = {c.id: c.citation for r in res.reasons for c in r.authorities}
    assert cites["in_re_jones_2000"] == "In re Jones, 226 F.3d 328, 333-34 (4th Cir. 2000)"


def test_third_circuit_lapsed_year_cites_cradle():
    res, _ = run("s2241", build(REHAIF, request__filed_on="2021-11-06"))
    assert "cradle_2002" in cited_ids(res)


@pytest.mark.parametrize("as_of, status, code", [
    ("2017-03-13", "undetermined", "missing_fact"),   # 11th before McCarthan (en banc, 2017-03-14): not encoded
    ("2017-03-14", "unavailable", "remedy_adequate"),
])
def test_eleventh_circuit_mccarthan_from_its_date(as_of, status, code):
    res, _ = run("s2241", build(REHAIF, court="flsd", custody__facility_district="flsd", as_of=as_of,
                                sentence={"imposed_on": "2010-06-01"}, appeal="none",
                                history=[{"avenue": "s2255", "filed_on": "2011-01-05", "result": "denied"}],
                                request__filed_on=None, request__grounds=["statutory_interpretation"]))
    assert (res.status, res.codes) == (status, (code,))
    assert ("mccarthan_2017" in cited_ids(res)) is (status == "unavailable")


# ----- the Jones v. Hendrix boundary ---------------------------------------------------------------------
@pytest.mark.parametrize("as_of, jones", [("2023-06-21", False), ("2023-06-22", True)])
def test_first_motion_rule_until_jones_v_hendrix(as_of, jones):
    res, _ = run("s2241", build(REHAIF, as_of=as_of, appeal={"decided_on": "2022-10-03", "result": "affirmed"},
                                request__filed_on="2023-05-01"))
    assert (res.status, res.codes) == ("unavailable", ("remedy_adequate",))
    assert ("jones_v_hendrix_2023" in cited_ids(res)) is jones
    assert (res.deadline is None) is jones
    assert ("dorsainvil_1997" in cited_ids(res)) is not jones


@pytest.mark.parametrize("ident, abrogated", [
    ("dorsainvil_1997", True), ("bruce_2017", True), ("in_re_jones_2000", True), ("reyes_requena_2001", True),
    ("cradle_2002", False), ("mccarthan_2017", False),
])
def test_jones_v_hendrix_ends_only_the_abrogated_tests(kb, ident, abrogated):
    from datetime import date
    a = kb.get(ident)
    assert a.in_force_on(date(2023, 6, 21))
    assert a.in_force_on(date(2023, 6, 22)) is not abrogated


# ----- nothing about the execution of the sentence -------------------------------------------------
def test_no_execution_claim():
    res, _ = run("s2241", build(PETITION, request={"seeks": ["sentence_reduction"], "invokes": [],
                                                   "grounds": ["post_sentencing_rehabilitation"]}))
    assert res.status == "unavailable" and res.codes == ("not_a_ground",)


def test_petition_with_no_claim_named_asks():
    res, _ = run("s2241", build(PETITION, request__seeks=[], request__grounds=[]))
    assert res.status == "undetermined" and [q.field for q in res.questions] == ["request.grounds"]


# ----- real orders (tests/cases/s2241) ---------------------------------------------------------
DISAGREE = {
    "wilson_kastner_2010": "the part of the order read is silent on exhaustion; fedrelief asks for "
                           "administrative.fully_exhausted (undetermined) where the court of appeals treated the "
                           "petition as properly before it",
}


test_real_order, test_known_disagreements_still_disagree = real_order_tests("s2241", DISAGREE)
