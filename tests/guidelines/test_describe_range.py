"""describe_range: the text the CLI prints."""
import pytest

from fedrelief.guidelines import describe_range


@pytest.mark.parametrize(
    "args, text",
    [
        ((30, "II", 120), "Offense level 30, CHC II: 108–135 months (Sentencing Table)\n"
                          "After § 5G1.1(c)(2) with a 120-month minimum: 120–135 months"),
        ((26, 2, 120), "Offense level 26, CHC II: 70–87 months (Sentencing Table)\n"
                       "After § 5G1.1(b) with a 120-month minimum: 120 months (the guideline sentence)"),
        ((30, "II"), "Offense level 30, CHC II: 108–135 months (Sentencing Table)"),
        ((30, "II", 60), "Offense level 30, CHC II: 108–135 months (Sentencing Table)\n"
                         "§ 5G1.1(c): a 60-month minimum leaves the range unchanged: 108–135 months"),
        ((45, "I", None, 240), "Offense level 45 (read as 43, Ch. 5 Pt. A, App. Note 2), CHC I: life (Sentencing Table)\n"
                               "After § 5G1.1(a) with a 240-month maximum: 240 months (the guideline sentence)"),
        ((37, "VI", None, 480), "Offense level 37, CHC VI: 360 months–life (Sentencing Table)\n"
                                "After § 5G1.1(c)(1) with a 480-month maximum: 360–480 months"),
    ],
)
def test_describe_range(args, text):
    assert describe_range(*args) == text
