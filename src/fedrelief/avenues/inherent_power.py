"""The baseline: a court has no inherent power to modify a final criminal judgment.

A judgment of conviction that includes imprisonment is final and may be changed only where
Congress (a statute) or a rule expressly allows it: 18 U.S.C. § 3582(b)-(c), Rule 35, § 2255,
§ 3742. Every other avenue in this package is one of those exceptions.
"""
from ..engine.context import Ctx
from ..engine.result import AvenueResult

ID = "inherent_power"
TITLE = "The court's inherent power"
FORUM = "this_court"
RELIEF = "any change to the judgment"
DELIVERS = frozenset({"sentence_reduction", "correct_sentence", "departure", "reclassify_offense"})
INVOKED_BY = (r"inherent (power|authority)", r"equit",)
NEEDS = ()


def evaluate(ctx: Ctx) -> AvenueResult:
    return ctx.unavailable(ctx.reason(
        "no_inherent_power",
        "A district court has no inherent power to resentence a defendant or otherwise modify a "
        "final criminal judgment; it may do so only where a statute or rule expressly authorizes it.",
        ctx.precedent("no_inherent_power", limit=3),
    ), ctx.reason(
        "no_statutory_authority",
        "A term of imprisonment may be modified only as 18 U.S.C. § 3582(c) allows, or as otherwise expressly "
        "permitted by statute or by Rule 35; a request that fits none of those has no legal basis.",
        "usc18_3582_c1b"))
