"""U.S.S.G. § 5G1.1: statutory minimum and maximum against the table range."""
import pytest

from fedrelief.guidelines import Range, apply_5g1_1, table_range

L = None  # life at the top of a range


@pytest.mark.parametrize(
    "table, minimum, maximum, final, rule",
    [
        # no limits: the range stands
        (Range(108, 135), None, None, Range(108, 135), "none"),
        # (c)(2): 108-135 straddles a 120 minimum -> 120-135 (law-facts § 5c example)
        (Range(108, 135), 120, None, Range(120, 135), "5G1.1(c)(2)"),
        # (b): 70-87 tops out below 120 -> 120 is the guideline sentence
        (Range(70, 87), 120, None, Range(120, 120), "5G1.1(b)"),
        # (b): 87-108 below 120 -> 120 (§ 1B1.10 Note 4(B): "restrict ... to precisely 120 months")
        (Range(87, 108), 120, None, Range(120, 120), "5G1.1(b)"),
        # minimum equal to the range minimum restricts nothing
        (Range(120, 150), 120, None, Range(120, 150), "none"),
        # minimum equal to the range maximum: 135 is inside 108-135, so (c)(2) -> 135-135
        (Range(108, 135), 135, None, Range(135, 135), "5G1.1(c)(2)"),
        # minimum below the range: no effect (60 < 108)
        (Range(108, 135), 60, None, Range(108, 135), "none"),
        # (a): maximum 60 below the range minimum 108 -> 60 is the guideline sentence
        (Range(108, 135), None, 60, Range(60, 60), "5G1.1(a)"),
        # (c)(1): 108-135 with a 120 maximum -> 108-120
        (Range(108, 135), None, 120, Range(108, 120), "5G1.1(c)(1)"),
        # maximum equal to the range minimum is inside the range: (c)(1) -> 108-108
        (Range(108, 135), None, 108, Range(108, 108), "5G1.1(c)(1)"),
        # both ends cut: 108-135 with 120 min and 130 max -> 120-130
        (Range(108, 135), 120, 130, Range(120, 130), "5G1.1(c)(2)"),
        # 360-life with a 480 maximum -> 360-480 ((c)(1))
        (Range(360, L), None, 480, Range(360, 480), "5G1.1(c)(1)"),
        # 360-life with a 300 maximum -> 300 ((a))
        (Range(360, L), None, 300, Range(300, 300), "5G1.1(a)"),
        # 360-life with a 480 minimum -> 480-life ((c)(2)); nothing is above a range reaching life
        (Range(360, L), 480, None, Range(480, L), "5G1.1(c)(2)"),
        # life (OL 43) with a 240 maximum -> 240 ((a))
        (Range.life(), None, 240, Range(240, 240), "5G1.1(a)"),
        # life with a 120 minimum: untouched
        (Range.life(), 120, None, Range.life(), "none"),
        # life maximum never cuts
        (Range(360, L), None, "life", Range(360, L), "none"),
        # mandatory life with a 70-87 range: life is above 87 -> life ((b))
        (Range(70, 87), "life", None, Range.life(), "5G1.1(b)"),
        # 360-life with a life minimum -> life ((c)(2))
        (Range(360, L), "life", "life", Range.life(), "5G1.1(c)(2)"),
    ],
)
def test_5g1_1(table, minimum, maximum, final, rule):
    result = apply_5g1_1(table, minimum, maximum)
    assert result.table == table
    assert result.final == final
    assert result.rule == rule


@pytest.mark.parametrize("level, chc", [(29, "III"), (30, "II"), (31, "I")])
def test_seed_002_cells_give_120_to_135_with_a_120_month_minimum(level, chc):
    # table 108-135; 120 minimum inside it -> § 5G1.1(c)(2) -> 120-135
    result = apply_5g1_1(table_range(level, chc), 120, None)
    assert result.table == Range(108, 135)
    assert result.final == Range(120, 135)
    assert result.rule == "5G1.1(c)(2)"
    assert str(result.final) == "120–135 months"


def test_both_ends_cut_lists_both_rules():
    result = apply_5g1_1(Range(108, 135), 120, 130)
    assert result.rules == ("5G1.1(c)(2)", "5G1.1(c)(1)")


def test_authorities():
    assert apply_5g1_1(Range(108, 135)).authorities == ("ussg_ch5_pt_a",)
    assert apply_5g1_1(Range(108, 135), 120).authorities == ("ussg_ch5_pt_a", "ussg_5g1_1")


def test_guideline_sentence_flag():
    assert apply_5g1_1(Range(70, 87), 120).is_guideline_sentence       # (b)
    assert apply_5g1_1(Range(108, 135), None, 60).is_guideline_sentence  # (a)
    assert not apply_5g1_1(Range(108, 135), 120).is_guideline_sentence  # (c)(2) is still a range


def test_explanations_cite_the_provision():
    assert "§ 5G1.1(b)" in apply_5g1_1(Range(70, 87), 120).explanation
    assert "§ 5G1.1(c)(2)" in apply_5g1_1(Range(108, 135), 120).explanation
    assert "§ 5G1.1(a)" in apply_5g1_1(Range(108, 135), None, 60).explanation


@pytest.mark.parametrize("minimum, maximum", [(130, 120), ("life", 240), (-1, None), (None, 2.5), (True, None)])
def test_impossible_limits_refused(minimum, maximum):
    with pytest.raises(ValueError):
        apply_5g1_1(Range(108, 135), minimum, maximum)
