"""Amended ranges and § 1B1.10(b)(2) / (c) limits, by the version of § 1B1.10 in force."""
from datetime import date
from fractions import Fraction

import pytest

from fedrelief.guidelines import (
    PolicyStatementNotEncoded,
    Range,
    amended_range,
    comparable_reduction,
    percent_below_minimum,
    reduction_floor,
)

D = date
NOW = D(2016, 11, 1)        # 2016 text (read in the Manual)
BEFORE_780 = D(2014, 10, 31)
BEFORE_759 = D(2010, 6, 1)  # Amendment 712 text (2008-03-03 .. 2011-10-31)
SA = "substantial_assistance"


# --- seed 002: 120-135 with a 120-month minimum, then 4 levels lower ---------------------------

@pytest.mark.parametrize("level, chc", [(29, "III"), (30, "II"), (31, "I")])
def test_seed_002(level, chc):
    original = amended_range(level, chc, level_delta=0, minimum=120)
    # table 108-135; 120 minimum inside it -> § 5G1.1(c)(2) -> 120-135
    assert (original.table, original.final, original.rule) == (Range(108, 135), Range(120, 135), "5G1.1(c)(2)")
    lower = amended_range(level, chc, level_delta=-4, minimum=120)
    # 29-4=25/III, 30-4=26/II, 31-4=27/I are all 70-87; 87 < 120 -> § 5G1.1(b): 120 is the guideline sentence
    assert lower.table == Range(70, 87)
    assert (lower.final, lower.rule, lower.is_guideline_sentence) == (Range(120, 120), "5G1.1(b)", True)
    assert lower.level == level - 4 and lower.chc == chc


# --- § 1B1.10 Note 3: 56 of 70-87 -> 41 of 51-63 ----------------------------------------------

def test_note_3_arithmetic():
    assert percent_below_minimum(56, 70) == Fraction(1, 5)   # 14/70 = 20% below
    assert comparable_reduction(56, 70, 51) == 41            # 51 x 56/70 = 40.8 -> 41


@pytest.mark.parametrize(
    "sentence, basis, day, floor, rule",
    [
        (70, None, NOW, 51, "1B1.10(b)(2)(A)"),            # within range: amended minimum 51
        (56, "departure", NOW, 51, "1B1.10(b)(2)(A)"),     # departure: still 51 (Note 3, 2nd paragraph)
        (56, "variance", NOW, 51, "1B1.10(b)(2)(A)"),      # variance: still 51
        (56, SA, NOW, 41, "1B1.10(b)(2)(B)"),              # substantial assistance: 51 x 56/70 = 40.8 -> 41
        (56, "departure", BEFORE_759, 41, "1B1.10(b)(2)(B)"),  # 2008 text: any downward departure
        (56, "variance", BEFORE_759, 51, "1B1.10(b)(2)(A)"),   # 2008 text: Booker variance, generally not
    ],
)
def test_note_3_example(sentence, basis, day, floor, rule):
    # OL 25 / III = 70-87; 3 levels lower, OL 22 / III = 51-63
    result = reduction_floor(25, "III", level_delta=-3, sentence_imposed=sentence, as_of=day,
                             below_range_basis=basis)
    assert result.original.final == Range(70, 87) and result.amended.final == Range(51, 63)
    assert (result.floor, result.rule) == (floor, rule)
    assert result.reduction_possible is (floor < sentence)
    assert result.range_lowered


def test_comparable_floor_is_flagged_approximate():
    r = reduction_floor(25, "III", level_delta=-3, sentence_imposed=56, as_of=NOW, below_range_basis=SA)
    assert r.comparable and r.floor_is_approximate and r.percent_below == Fraction(1, 5)
    assert "ussg_amend_759" in r.authorities


# --- § 1B1.10(c) (Amendment 780, from 2014-11-01): Note 4 examples ----------------------------

@pytest.mark.parametrize("level, chc", [(31, "III"), (32, "II"), (33, "I")])
def test_note_4a(level, chc):
    # 135-168 entirely above the 120 minimum; 2 levels lower = 108-135, which (c) keeps whole
    r = reduction_floor(level, chc, level_delta=-2, sentence_imposed=101, as_of=NOW, minimum=120,
                        below_range_basis=SA, below_minimum_authority=True)
    assert r.original.final == Range(135, 168)
    assert r.amended.final == Range(108, 135) and r.subsection_c_applied
    assert r.floor == 81           # 108 x 101/135 = 80.8 -> 81 ("approximately 25 percent" below 108)
    assert "ussg_amend_780" in r.authorities


def test_note_4a_before_subsection_c():
    # 2014-10-31: § 5G1.1 still applies -> amended 120-135; 120 x 101/135 = 89.8 -> 90
    r = reduction_floor(31, "III", level_delta=-2, sentence_imposed=101, as_of=BEFORE_780, minimum=120,
                        below_range_basis=SA, below_minimum_authority=True)
    assert r.amended.final == Range(120, 135) and r.amended.rule == "5G1.1(c)(2)"
    assert not r.subsection_c_applied and r.floor == 90
    assert "ussg_amend_780" not in r.authorities


@pytest.mark.parametrize("level, chc", [(29, "III"), (30, "II"), (31, "I")])
def test_note_4b(level, chc):
    # 108-135 restricted to 120-135; 2 levels lower = 87-108 (27/III, 28/II, 29/I), kept unrestricted
    r = reduction_floor(level, chc, level_delta=-2, sentence_imposed=90, as_of=NOW, minimum=120,
                        below_range_basis=SA, below_minimum_authority=True)
    assert r.original.final == Range(120, 135)
    assert r.amended.final == Range(87, 108) and r.amended.rule == "none"
    assert r.percent_below == Fraction(1, 4)   # 90 of 120 (the restricted range, as Note 4(B) uses)
    assert r.floor == 65                       # 87 x 90/120 = 65.25 -> 65
    assert r.reduction_possible


def test_note_4b_before_subsection_c_gives_no_reduction():
    # 2013-06-28 (seed 002's date): 87-108 -> § 5G1.1(b) -> 120; 120 x 90/120 = 90 = the term imposed
    r = reduction_floor(30, "II", level_delta=-2, sentence_imposed=90, as_of=D(2013, 6, 28), minimum=120,
                        below_range_basis=SA, below_minimum_authority=True)
    assert r.amended.final == Range(120, 120) and r.amended.rule == "5G1.1(b)"
    assert r.floor == 90 and not r.reduction_possible


def test_subsection_c_needs_substantial_assistance_authority():
    # same case without authority to go below the minimum: § 5G1.1(b) keeps 120; floor 120
    r = reduction_floor(30, "II", level_delta=-2, sentence_imposed=120, as_of=NOW, minimum=120)
    assert not r.subsection_c_applied
    assert r.amended.final == Range(120, 120) and r.floor == 120 and not r.reduction_possible


@pytest.mark.parametrize(
    "sentence, original_min, amended_min, expected",
    [(56, 70, 51, 41),     # Note 3: 40.8 -> 41
     (101, 135, 108, 81),  # Note 4(A): 80.8 -> 81
     (90, 120, 87, 65),    # Note 4(B): 65.25 -> 65
     (35, 70, 51, 26),     # 51 x 1/2 = 25.5 -> 26 (halves round up)
     (70, 70, 51, 51)],    # not below the range: the amended minimum itself
)
def test_comparable_rounding(sentence, original_min, amended_min, expected):
    assert comparable_reduction(sentence, original_min, amended_min) == expected


# --- other limits ----------------------------------------------------------------------------

def test_time_served_is_the_last_floor():
    # (b)(2)(C): 51 would be the floor, but 60 months are already served
    r = reduction_floor(25, "III", level_delta=-3, sentence_imposed=70, as_of=NOW, time_served=60)
    assert (r.floor, r.rule) == (60, "1B1.10(b)(2)(C)")


def test_below_range_term_needs_a_reason():
    with pytest.raises(ValueError):
        reduction_floor(25, "III", level_delta=-3, sentence_imposed=56, as_of=NOW)


def test_policy_statement_before_2008_is_not_encoded():
    with pytest.raises(PolicyStatementNotEncoded):
        reduction_floor(25, "III", level_delta=-3, sentence_imposed=70, as_of=D(2008, 3, 2))


def test_category_override_for_amendment_821_part_a():
    # OL 20 / IV = 51-63; one category lower (III) = 41-51, same level
    r = amended_range(20, "IV", level_delta=0, chc_override="III")
    assert r.table == Range(41, 51) and r.chc == "III"


# --- clamping and life -----------------------------------------------------------------------

@pytest.mark.parametrize(
    "level, delta, read_at, expected",
    [(45, -2, 43, Range.life()),       # 45-2 = 43: life
     (46, -2, 43, Range.life()),       # 46-2 = 44: read as 43, still life
     (44, -2, 42, Range(360, None)),   # 44-2 = 42 / I: 360-life (delta applies before clamping)
     (2, -4, 1, Range(0, 6)),          # 2-4 = -2: read as 1
     (43, -1, 42, Range(360, None))],
)
def test_amended_range_clamps_after_the_delta(level, delta, read_at, expected):
    r = amended_range(level, "I", level_delta=delta)
    assert r.level == read_at and r.final == expected


def test_life_amended_range_allows_no_reduction():
    # OL 46 / I is read as 43 (life); 46-1 = 45 is still read as 43 (life): the floor is life itself
    r = reduction_floor(46, "I", level_delta=-1, sentence_imposed=360, as_of=NOW, below_range_basis="departure")
    assert r.amended.final.is_life and r.floor is None and not r.reduction_possible
    # with a 480-month statutory maximum, § 5G1.1(a) makes 480 the guideline sentence before and after
    r2 = reduction_floor(44, "I", level_delta=-1, sentence_imposed=480, as_of=NOW, maximum=480)
    assert r2.original.final == Range(480, 480) and r2.floor == 480 and not r2.reduction_possible


def test_comparable_reduction_from_a_life_range_is_not_encoded():
    with pytest.raises(PolicyStatementNotEncoded):
        reduction_floor(45, "I", level_delta=-4, sentence_imposed=360, as_of=NOW, below_range_basis=SA)


def test_360_to_life_floor_is_360():
    # OL 42 / III (360-life) two levels lower is OL 40 / III, still 360-life: floor 360, nothing lowered
    r = reduction_floor(42, "III", level_delta=-2, sentence_imposed=400, as_of=NOW)
    assert r.amended.final == Range(360, None) and r.floor == 360 and not r.range_lowered


def test_authorities_in_results():
    r = reduction_floor(30, "II", level_delta=-2, sentence_imposed=90, as_of=NOW, minimum=120,
                        below_range_basis=SA, below_minimum_authority=True)
    assert set(r.authorities) == {"ussg_1b1_10", "ussg_ch5_pt_a", "ussg_5g1_1", "ussg_amend_780", "ussg_amend_759"}
