"""Record checks (issue 3, item 3): warnings, never corrections, from the table of statutory ranges
(law/offenses.yaml). Expected values come from the statutes' texts (U.S. Code, 2023 snapshot,
github.com/codexstanford/markdonw-chunck-of-the-usa-code, chuncks/title-t/chunck-n.md, cited [t/n]):
8 U.S.C. § 1326(a) 2 years, (b)(1) 10, (b)(2) 20 [8/497-498]; § 1324(a)(1)(B)(i) 10, (ii) 5, (iii) 20,
(iv) life [8/459]; 21 U.S.C. § 841(b)(1)(A) 10-life, (B) 5-40, (C) 0-20, (D) 0-5, with supervised
release of at least 5, 4, 3, 2 years [21/1934-1935]; § 844(a) 1 year [21/1952]; 18 U.S.C. § 924(a)(8)
15 years for § 922(g) [18/508] (10 years under § 924(a)(2) before 2022-06-25, secondary); § 924(c)
5/7/10/25-year minimums [18/509, 511]; § 924(e) 15-year minimum [18/512]; § 1028A 2 years [18/632];
§ 2113(a) 20 years [18/1101]; §§ 1341, 1343 20 years [18/755, 757]; § 1951 20 years [18/1045];
§ 111(a) 1 or 8 years, (b) 20 [18/80-81]; § 2252(b)(1) 5-20 [18/1166]; § 2252A(b)(1) 5-20 [18/1168];
§ 3559(a) classes [18/1897]; § 3583(b) 5/3/1 years [18/1946]; § 3583(k) 5 years to life [18/1954]."""
from __future__ import annotations

from datetime import date

import pytest

from fedrelief.facts import case_from_data, load_case_document
from fedrelief.facts.record_checks import RecordWarning, Warning, record_checks
from fedrelief.law.offenses import (
    LIFE, Provision, is_felony, offense_class, offense_class_from_max, offense_table, parse_statute, resolve)
from fedrelief.law.kb import load_kb

from ..conftest import EXAMPLES


def case(statute, term=None, offense_date=None, **sentence):
    raw = {"format": 1, "court": "txsd", "as_of": "2024-01-02",
           "convictions": [{"statute": statute} | ({"offense_date": offense_date} if offense_date else {})],
           "sentence": {"imposed_on": "2023-06-01", **({"imprisonment_months": term} if term is not None else {}), **sentence},
           "request": {"seeks": ["sentence_reduction"]}}
    return case_from_data(raw).case


def codes(c):
    return [w.code for w in record_checks(c)]


# ----- reading statute strings -------------------------------------------------------------------
@pytest.mark.parametrize("text, cites", [
    ("8 U.S.C. § 1326(a)", ["8 U.S.C. § 1326(a)"]),
    ("21 U.S.C. §§ 841(a)(1), 841(b)(1)(A), and 846",
     ["21 U.S.C. § 841(a)(1)", "21 U.S.C. § 841(b)(1)(A)", "21 U.S.C. § 846"]),
    ("21 U.S.C. § 841(a)(1), (b)(1)(C)", ["21 U.S.C. § 841(a)(1)", "21 U.S.C. § 841(b)(1)(C)"]),  # bare (b) joins 841
    ("8 U.S.C. § 1324(a)(1)(A)(v)(II)", ["8 U.S.C. § 1324(a)(1)(A)(v)(II)"]),
    ("18 U.S.C. §§ 922(g)(1) and 924(e)", ["18 U.S.C. § 922(g)(1)", "18 U.S.C. § 924(e)"]),
    ("18 U.S.C. § 2252A(a)(2)", ["18 U.S.C. § 2252A(a)(2)"]),
    ("21 U.S.C. 841(b)(1)(A)(iii)", ["21 U.S.C. § 841(b)(1)(A)(iii)"]),           # no § sign
    ("18 U.S.C. § 924(c); 21 U.S.C. § 846", ["18 U.S.C. § 924(c)", "21 U.S.C. § 846"]),
    ("illegal reentry", []),
])
def test_parse_statute(text, cites):
    assert [p.cite for p in parse_statute(text)] == cites


def test_the_penalty_provision_decides():
    # 841(a)(1) defines the crime, 846 takes its object's penalty: (b)(1)(A) decides
    assert resolve("21 U.S.C. §§ 841(a)(1), 841(b)(1)(A), and 846", date(2015, 1, 1)).penalty_cites == ("21 U.S.C. § 841(b)(1)(A)",)
    # 924(e) displaces 922(g)'s maximum; 1326(b)(2) displaces 1326(a)
    assert resolve("18 U.S.C. §§ 922(g)(1) and 924(e)").penalty_cites == ("18 U.S.C. § 924(e)",)
    assert resolve("8 U.S.C. § 1326(a) and (b)(2)").penalty_cites == ("8 U.S.C. § 1326(b)(2)",)
    # an elements clause points to its penalty: (v)(II) aiding and abetting -> (B)(ii), 5 years
    assert resolve("8 U.S.C. § 1324(a)(1)(A)(v)(II)").penalty_cites == ("8 U.S.C. § 1324(a)(1)(B)(ii)",)


# ----- § 3559(a) -------------------------------------------------------------------------------
@pytest.mark.parametrize("months, cls", [
    (LIFE, "Class A felony"), (300, "Class B felony"), (299, "Class C felony"), (120, "Class C felony"),
    (119, "Class D felony"), (60, "Class D felony"), (59, "Class E felony"), (13, "Class E felony"),
    (12, "Class A misdemeanor"), (7, "Class A misdemeanor"), (6, "Class B misdemeanor"),
    (1, "Class C misdemeanor"), (0, "infraction"),
])
def test_class_from_maximum(months, cls):
    assert offense_class_from_max(months) == cls


@pytest.mark.parametrize("statute, on, cls", [
    ("8 U.S.C. § 1326(a)", None, "Class E felony"),                 # 2 years
    ("8 U.S.C. § 1326(b)(1)", None, "Class C felony"),              # 10 years
    ("8 U.S.C. § 1326(b)(2)", None, "Class C felony"),              # 20 years
    ("8 U.S.C. § 1324(a)(1)(A)(v)(II)", None, "Class D felony"),    # 5 years (seed 000: no misdemeanor)
    ("8 U.S.C. § 1324(a)(1)(A)(v)(I)", None, "Class C felony"),     # 10 years
    ("21 U.S.C. § 841(b)(1)(A)", date(2019, 1, 1), "Class A felony"),
    ("21 U.S.C. § 841(b)(1)(C)", date(2019, 1, 1), None),           # 20 years (C), or 30 after a prior (B)
    ("21 U.S.C. § 841(b)(1)(C)", date(2009, 1, 1), None),           # pre-2010 text not checked
    ("21 U.S.C. § 844(a)", date(2015, 1, 1), None),                 # 1 year, or 2-3 after priors
    ("18 U.S.C. § 922(g)(1)", date(2022, 6, 24), "Class C felony"), # 10 years
    ("18 U.S.C. § 922(g)(1)", date(2022, 6, 25), "Class C felony"), # 15 years
    ("18 U.S.C. § 924(e)", None, "Class A felony"),                 # 15 years to life
    ("18 U.S.C. § 1028A(a)(1)", None, "Class E felony"),            # 2 years
    ("18 U.S.C. § 2113(a)", None, "Class C felony"),
    ("18 U.S.C. § 1951(a)", None, "Class C felony"),
    ("18 U.S.C. § 111(b)", None, "Class C felony"),
    ("18 U.S.C. § 1001(a)", None, "Class D felony"),
    ("18 U.S.C. § 371", None, None),                                # not in the table
])
def test_offense_class(statute, on, cls):
    assert offense_class(statute, on) == cls


@pytest.mark.parametrize("statute, felony", [
    ("8 U.S.C. § 1326(a)", True), ("21 U.S.C. § 841(b)(1)(C)", True),
    ("21 U.S.C. § 844(a)", None),       # a misdemeanor for a first offense, a felony after priors
    ("18 U.S.C. § 111(a)", None),       # simple assault 1 year; otherwise 8 years
])
def test_is_felony(statute, felony):
    assert is_felony(statute) is felony


# ----- the seed -------------------------------------------------------------------------------
def test_seed_001_warns_that_1326b_must_have_applied_and_changes_nothing():
    doc = load_case_document(EXAMPLES / "seed_001_palacios_becerril.yaml")
    before = doc.case.model_dump()
    warnings = record_checks(doc.case)
    assert [(w.code, w.field) for w in warnings] == [("term_above_statutory_maximum", "sentence.imprisonment_months")]
    text = warnings[0].text
    assert "24-month maximum" in text and "8 U.S.C. § 1326(b)(1)" in text and "8 U.S.C. § 1326(b)(2)" in text
    assert doc.case.model_dump() == before
    assert Warning is RecordWarning


@pytest.mark.parametrize("seed", ["seed_000_lugo_marin.yaml", "seed_002_alcaraz.yaml"])
def test_other_seeds_are_consistent(seed):
    assert record_checks(load_case_document(EXAMPLES / seed).case) == []


# ----- maximum ----------------------------------------------------------------------------------
@pytest.mark.parametrize("statute, term, offense_date, warned", [
    ("8 U.S.C. § 1326(a)", 24, "2015-01-01", False),
    ("8 U.S.C. § 1326(a)", 25, "2015-01-01", True),     # above 2 years: (b) must have applied
    ("8 U.S.C. § 1326(b)(2)", 240, "2015-01-01", False),
    ("8 U.S.C. § 1326(b)(2)", 241, "2015-01-01", True),
    ("8 U.S.C. § 1324(a)(1)(A)(v)(II)", 60, "2015-01-01", False),
    ("8 U.S.C. § 1324(a)(1)(A)(v)(II)", 61, "2015-01-01", True),
    ("18 U.S.C. § 922(g)(1)", 120, "2022-06-24", False),
    ("18 U.S.C. § 922(g)(1)", 150, "2022-06-24", True),   # before the Bipartisan Safer Communities Act
    ("18 U.S.C. § 922(g)(1)", 150, "2022-06-25", False),  # from 2022-06-25: 15 years
    ("18 U.S.C. § 922(g)(1)", 181, "2022-06-25", True),
    ("18 U.S.C. §§ 922(g)(1), 924(e)", LIFE, "2015-01-01", False),
    ("18 U.S.C. § 1343", 240, "2015-01-01", False),
    ("18 U.S.C. § 1343", 300, "2015-01-01", True),        # only with a financial institution (30 years)
    ("18 U.S.C. § 1343", 361, "2015-01-01", True),
    ("18 U.S.C. § 2113(a)", 241, "2015-01-01", True),
    ("21 U.S.C. § 841(b)(1)(C)", 240, "2019-01-01", False),
    ("21 U.S.C. § 841(b)(1)(C)", 300, "2019-01-01", True),   # 30 years only after a prior felony drug offense
    ("21 U.S.C. § 841(b)(1)(A)", LIFE, "2019-01-01", False),
])
def test_term_above_the_maximum(statute, term, offense_date, warned):
    assert ("term_above_statutory_maximum" in codes(case(statute, term, offense_date))) is warned


def test_every_maximum_exceeded_is_said_so():
    w = record_checks(case("18 U.S.C. § 1343", 361, "2015-01-01"))[0]
    assert "exceeds every maximum" in w.text
    w = record_checks(case("18 U.S.C. § 1343", 300, "2015-01-01"))[0]
    assert "financial institution" in w.text


def test_terms_of_several_convictions_may_run_consecutively():
    raw = {"format": 1, "court": "txsd", "as_of": "2024-01-02",
           "convictions": [{"statute": "8 U.S.C. § 1326(a)", "offense_date": "2015-01-01"},
                           {"statute": "8 U.S.C. § 1324(a)(1)(A)(v)(II)", "offense_date": "2015-01-01"}],
           "sentence": {"imposed_on": "2016-01-01", "imprisonment_months": 84},
           "request": {"seeks": ["sentence_reduction"]}}
    assert codes(case_from_data(raw).case) == []                      # 24 + 60
    raw["sentence"]["imprisonment_months"] = 85
    assert "term_above_statutory_maximum" in codes(case_from_data(raw).case)


def test_unchecked_values_never_warn():
    # mail fraud before the 2002 increase is held from memory (5 years): no warning either way
    assert codes(case("18 U.S.C. § 1341", 100, "2001-01-01")) == []
    assert "term_above_statutory_maximum" in codes(case("18 U.S.C. § 1341", 370, "2003-01-01"))


# ----- minimum ----------------------------------------------------------------------------------
@pytest.mark.parametrize("statute, minimum, warned", [
    ("21 U.S.C. § 841(b)(1)(A)", 120, False),
    ("21 U.S.C. § 841(b)(1)(A)", 180, False),   # after a prior serious drug felony (First Step Act wording)
    ("21 U.S.C. § 841(b)(1)(A)", 60, True),     # (A) has no 5-year reading
    ("8 U.S.C. § 1326(a)", 24, True),           # § 1326 has no minimum
    ("18 U.S.C. § 924(c)(1)(A)(i)", 60, False),
])
def test_minimum_carried_by_statute(statute, minimum, warned):
    c = case(statute, 240, "2019-01-01", mandatory_minimum_months=minimum)
    assert ("minimum_not_carried_by_statute" in codes(c)) is warned


@pytest.mark.parametrize("term, extra, warned", [
    (119, {}, True),                                   # below (A)'s 10-year minimum
    (120, {}, False),
    (100, {"government": {"safety_valve": True}}, False),
    (100, {"government": {"substantial_assistance_at_sentencing": True}}, False),
    (100, {"history": [{"avenue": "fsa404", "result": "granted"}]}, False),
])
def test_term_below_the_minimum(term, extra, warned):
    raw = {"format": 1, "court": "txsd", "as_of": "2024-01-02",
           "convictions": [{"statute": "21 U.S.C. § 841(b)(1)(A)", "offense_date": "2019-01-01"}],
           "sentence": {"imposed_on": "2020-01-01", "imprisonment_months": term},
           "request": {"seeks": ["sentence_reduction"]}, **extra}
    assert ("term_below_statutory_minimum" in codes(case_from_data(raw).case)) is warned


def test_consecutive_minimums_add_up():
    raw = {"format": 1, "court": "txsd", "as_of": "2024-01-02",
           "convictions": [{"statute": "21 U.S.C. § 841(b)(1)(C)", "offense_date": "2019-01-01"},
                           {"statute": "18 U.S.C. § 924(c)(1)(A)(i)", "offense_date": "2019-01-01"},
                           {"statute": "18 U.S.C. § 1028A(a)(1)", "offense_date": "2019-01-01"}],
           "sentence": {"imposed_on": "2020-01-01", "imprisonment_months": 83},
           "request": {"seeks": ["sentence_reduction"]}}
    assert "term_below_statutory_minimum" in codes(case_from_data(raw).case)   # 60 + 24, both consecutive
    raw["sentence"]["imprisonment_months"] = 84
    assert codes(case_from_data(raw).case) == []


# ----- supervised release -----------------------------------------------------------------------
@pytest.mark.parametrize("statute, offense_date, sr, code", [
    ("8 U.S.C. § 1326(b)(2)", "2015-01-01", 36, None),     # Class C: 3 years (§ 3583(b)(2))
    ("8 U.S.C. § 1326(b)(2)", "2015-01-01", 48, "supervised_release_above_3583b"),
    ("18 U.S.C. § 1028A(a)(1)", "2015-01-01", 13, "supervised_release_above_3583b"),   # Class E: 1 year
    ("18 U.S.C. § 2252A(a)(2)", "2015-01-01", 120, None),  # § 3583(k): 5 years to life
    ("18 U.S.C. § 2252A(a)(2)", "2015-01-01", LIFE, None),
    ("21 U.S.C. § 841(b)(1)(A)", "2019-01-01", 36, "supervised_release_below_statutory_minimum"),  # at least 5 years
    ("21 U.S.C. § 841(b)(1)(A)", "2019-01-01", 120, None),  # "notwithstanding section 3583": no cap
    ("21 U.S.C. § 841(b)(1)(A)", "2009-01-01", 36, None),   # pre-2010 minimum not checked
])
def test_supervised_release(statute, offense_date, sr, code):
    got = codes(case(statute, 120 if "841" in statute else 24, offense_date, supervised_release_months=sr))
    sr_codes = [c for c in got if c.startswith("supervised_release")]
    assert sr_codes == ([code] if code else [])


# ----- other facts ---------------------------------------------------------------------------------
def test_stated_maximum_and_class_must_match_the_statute():
    raw = {"format": 1, "court": "txsd", "as_of": "2024-01-02",
           "convictions": [{"statute": "8 U.S.C. § 1326(b)(2)", "offense_date": "2015-01-01",
                            "statutory_maximum_months": 24, "class": "E"}],
           "sentence": {"imposed_on": "2016-01-01", "imprisonment_months": 24},
           "request": {"seeks": ["sentence_reduction"]}}
    got = record_checks(case_from_data(raw).case)
    assert {(w.code, w.field) for w in got} == {
        ("maximum_not_carried_by_statute", "convictions[0].statutory_maximum_months"),
        ("class_not_carried_by_statute", "convictions[0].class")}


@pytest.mark.parametrize("offense_date, warned", [("2010-08-02", False), ("2010-08-03", True)])
def test_crack_quantity_below_the_threshold_of_the_day(offense_date, warned):
    # Fair Sentencing Act § 2: (b)(1)(A) needs 280 g of cocaine base from 2010-08-03 (50 g before)
    raw = {"format": 1, "court": "txsd", "as_of": "2024-01-02",
           "convictions": [{"statute": "21 U.S.C. § 841(b)(1)(A)", "offense_date": offense_date,
                            "description": "distribution of 50 grams or more of cocaine base"}],
           "sentence": {"imposed_on": "2011-01-01", "imprisonment_months": 120},
           "request": {"seeks": ["sentence_reduction"]}}
    assert ("quantity_below_subsection_threshold" in codes(case_from_data(raw).case)) is warned


def test_statute_not_in_table_and_neutral_provisions():
    assert codes(case("18 U.S.C. § 371", 60, "2015-01-01")) == ["statute_not_in_table"]
    assert codes(case("18 U.S.C. §§ 2, 2113(a)", 60, "2015-01-01")) == []   # § 2 (aiding and abetting) changes nothing


def test_offense_before_the_encoded_period_is_said_not_checked():
    assert codes(case("8 U.S.C. § 1326(a)", 60, "1995-01-01")) == ["penalty_not_encoded_for_date"]


# ----- the table itself -------------------------------------------------------------------------------
def test_the_table_holds_at_least_twenty_penalty_provisions_each_sourced():
    table = offense_table()
    penalties = [e for e in table.values() if e.role == "penalty"]
    assert len(penalties) >= 20
    kb = load_kb()
    for e in table.values():
        assert e.authority is None or e.authority in kb, e.cite
        for v in e.versions:
            assert v.get("checked") in {"verified", "secondary", "memory"}, e.cite
            if v["checked"] != "memory":
                assert str(v.get("source", "")).startswith(("http://", "https://")), e.cite
            assert v.get("readings"), e.cite


def test_versions_are_half_open_and_never_overlap():
    for e in offense_table().values():
        spans = sorted(((v.get("from") or date.min), (v.get("until") or date.max)) for v in e.versions)
        for (a_from, a_until), (b_from, b_until) in zip(spans, spans[1:]):
            assert a_until <= b_from, e.cite
        for start, until in spans:
            assert start < until, e.cite


@pytest.mark.parametrize("cite, on, maximum", [
    # a sweep over the change dates: the maximum of the base reading on each side
    ("18 U.S.C. § 922(g)", date(2022, 6, 24), 120), ("18 U.S.C. § 922(g)", date(2022, 6, 25), 180),
    ("21 U.S.C. § 841(b)(1)(A)", date(2010, 8, 2), LIFE), ("21 U.S.C. § 841(b)(1)(A)", date(2018, 12, 21), LIFE),
    ("8 U.S.C. § 1326(a)", date(1997, 4, 1), 24),
])
def test_one_version_in_force_each_side_of_a_change(cite, on, maximum):
    versions = offense_table()[cite].versions_on(on)
    assert len(versions) == 1
    assert versions[0]["readings"][0]["max"] == maximum


@pytest.mark.parametrize("on, grams", [(date(2010, 8, 2), 50), (date(2010, 8, 3), 280)])
def test_crack_threshold_changes_on_2010_08_03(on, grams):
    assert offense_table()["21 U.S.C. § 841(b)(1)(A)"].versions_on(on)[0]["crack_grams"] == grams


def test_provision_cite_round_trips():
    assert Provision("21", "841", ("b", "1", "A")).cite == "21 U.S.C. § 841(b)(1)(A)"
