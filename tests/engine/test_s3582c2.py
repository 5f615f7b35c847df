"""§ 3582(c)(2): covered amendments by date, the amended range, the § 1B1.10(b)(2) floor, career
offenders, Koons, Rule 11(c)(1)(C). Ranges read by hand from the Sentencing Table (law-facts § 6)."""
import pytest

from fedrelief.engine import analyze
from fedrelief.facts import case_from_data


def c2(as_of="2016-01-04", ol=32, chc="II", months=135, amendment="782", **over):
    raw = {"format": 1, "court": "mnd", "as_of": as_of,
           "sentence": {"imposed_on": "2010-03-01", "imprisonment_months": months,
                        "guidelines": {"offense_level": ol, "criminal_history_category": chc,
                                       "guideline_sections": ["2D1.1"]}},
           "custody": {"status": "imprisoned"},
           "request": {"seeks": ["sentence_reduction"], "invokes": ["18 U.S.C. § 3582(c)(2)"],
                       "grounds": [{"guideline_amendment": amendment}]}}
    for key, value in over.items():
        target = raw
        *path, last = key.split("__")
        for p in path:
            target = target.setdefault(p, {})
        target[last] = value
    return analyze(case_from_data(raw).case).avenue("s3582c2")


def text(r):
    return " ".join(x.text for x in r.reasons)


def test_782_lowers_two_levels_and_sets_the_floor():
    # OL 32/II = 135-168; OL 30/II = 108-135; term 135 at the bottom -> may go to 108
    r = c2()
    assert r.status == "available" and "eligible" in r.codes
    assert "108" in text(r) and "no less than 108 months" in text(r)


def test_782_before_it_was_covered():
    r = c2(as_of="2014-10-31")
    assert r.codes == ("amendment_not_covered",)


def test_782_order_may_not_take_effect_before_2015_11_01():
    r = c2(as_of="2015-06-01")
    assert r.status == "available" and "2015-11-01" in text(r)


def test_782_does_not_reach_a_career_offender():
    r = c2(sentence__guidelines__career_offender=True)
    assert r.status == "unavailable" and "amendment_does_not_lower_range" in r.codes


def test_statutory_minimum_keeps_the_range():
    r = c2(months=120, sentence__mandatory_minimum_months=120, ol=30)
    assert "mandatory_minimum_floor" in r.codes and r.status == "unavailable"


def test_term_already_below_the_amended_minimum():
    # OL 30/II 108-135 -> OL 28/II 87-108; a variance to 80 months is already below 87
    r = c2(ol=30, months=80)
    assert r.codes == ("no_reduction_below_amended_minimum",)


def test_821_part_a_drops_status_points_below_seven():
    # 8 points incl. 2 status: 6 without them (<7) so no status point: 6 -> CHC III (was IV).
    # OL 20: IV = 51-63, III = 41-51; term 51 -> floor 41.
    r = c2(as_of="2024-03-01", ol=20, chc="IV", months=51, amendment="821",
           sentence__guidelines__criminal_history_points=8, sentence__guidelines__status_points=2,
           sentence__guidelines__guideline_sections=["2B1.1"])
    assert r.status == "available" and "no less than 41 months" in text(r)


def test_821_part_a_keeps_one_status_point_from_seven():
    # 9 points incl. 2 status: 7 without them (>=7) -> 1 status point -> 8 points: CHC IV as before
    r = c2(as_of="2024-03-01", ol=20, chc="IV", months=51, amendment="821",
           sentence__guidelines__criminal_history_points=9, sentence__guidelines__status_points=2)
    assert r.codes[0] == "amendment_does_not_lower_range"


def test_821_orders_not_before_2024_02_01():
    r = c2(as_of="2023-12-01", ol=20, chc="IV", months=51, amendment="821",
           sentence__guidelines__criminal_history_points=8, sentence__guidelines__status_points=2)
    assert "2024-02-01" in text(r)


def test_821_part_b_zero_point_but_aggravating_role():
    r = c2(as_of="2024-03-01", ol=35, chc="I", months=168, amendment="821",
           sentence__guidelines__criminal_history_points=0,
           sentence__guidelines__guideline_sections=["2D1.1", "3B1.1(a)"])
    assert r.status == "unavailable" and "aggravating-role" in text(r)


def test_821_part_b_zero_point_eligible_subject_to_criteria():
    # OL 35/I 168-210 -> 33/I 135-168; term 168 -> floor 135
    r = c2(as_of="2024-03-01", ol=35, chc="I", months=168, amendment="821",
           sentence__guidelines__criminal_history_points=0)
    assert r.status == "available" and "135" in text(r) and "4C1.1" in text(r)


def test_koons_substantial_assistance_below_minimum_not_based_on_range():
    r = c2(as_of="2019-01-07", months=100, sentence__mandatory_minimum_months=120,
           government={"substantial_assistance_at_sentencing": True})
    assert r.codes == ("not_based_on_guideline_range",)


@pytest.mark.parametrize("as_of,status", [("2015-01-05", "undetermined"), ("2019-01-07", "available")])
def test_rule_11c1c_before_and_after_hughes(as_of, status):
    r = c2(as_of=as_of, plea_agreement="11(c)(1)(C)")
    assert r.status == status


@pytest.mark.parametrize("amendment,limit", [("782", "2015-11-01"), ("821", "2024-02-01")])
def test_order_effective_date_limits_are_deadlines(amendment, limit):
    from datetime import date
    raw = {"format": 1, "court": "mnd", "as_of": "2015-06-01",
           "request": {"seeks": ["sentence_reduction"], "grounds": [{"guideline_amendment": amendment}]}}
    a = analyze(case_from_data(raw).case)
    dl = [d for d in a.deadlines if "1B1.10(e)" in d.what]
    assert dl and dl[0].ends_on == date.fromisoformat(limit) and dl[0].kind == "earliest"


def _crack(as_of, **over):
    return c2(as_of=as_of, request={"seeks": ["sentence_reduction"], "invokes": ["18 U.S.C. § 3582(c)(2)"],
                                    "grounds": ["crack_guideline_amendment"]}, **over)


@pytest.mark.parametrize("as_of,named", [
    ("2007-12-01", ()),                   # 706 effective 2007-11-01 but retroactive only from 2008-03-03
    ("2009-01-05", ("706",)),
    ("2012-01-03", ("706", "750")),       # 750 Part A covered from 2011-11-01
    ("2016-01-04", ("706", "750", "782")),
])
def test_unnamed_crack_amendments_are_each_covered_crack_amendment(as_of, named):
    r = _crack(as_of)
    assert "no_guideline_amendment" not in r.codes
    for number in named:
        assert f"Amendment {number}" in text(r)
    if not named:
        assert r.codes == ("amendment_not_covered",)


def test_statutory_maximum_caps_both_ranges_so_nothing_is_lowered():
    # Vogel (W.D. Mich. 2024): 29/VI = 151-188 and, after Amendment 821 Part A (13 -> 12 points), 29/V =
    # 140-175; a 120-month maximum caps both at 120 (§ 5G1.1(a)), so the applicable range does not fall.
    over = dict(as_of="2024-06-10", ol=29, chc="VI", months=93, amendment="821",
                convictions=[{"description": "felon in possession", "statutory_maximum_months": 120}],
                government={"substantial_assistance_at_sentencing": True})
    r = c2(**over, sentence__guidelines__criminal_history_points=13, sentence__guidelines__status_points=2)
    assert r.status == "unavailable" and "amendment_does_not_lower_range" in r.codes
    # Without the stated maximum the same facts look reducible: the cap is what decides.
    over["convictions"] = [{"description": "felon in possession"}]
    r = c2(**over, sentence__guidelines__criminal_history_points=13, sentence__guidelines__status_points=2)
    assert r.status == "available"
