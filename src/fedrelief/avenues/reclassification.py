"""Re-labelling a felony conviction as a misdemeanor after judgment.

No statute gives a district court that power. An offense's class follows from the maximum term
its statute authorizes (18 U.S.C. § 3559(a)); a court cannot change it after the fact to relieve
collateral consequences.
"""
from ..engine.context import Ctx
from ..engine.result import AvenueResult

ID = "reclassification"
TITLE = "Reclassification of a felony as a misdemeanor"
FORUM = "this_court"
RELIEF = "a declaration that the conviction is a misdemeanor"
DELIVERS = frozenset({"reclassify_offense"})
INVOKED_BY = (r"reclassif", r"misdemeanor")
NEEDS = ("convictions",)


def _felony_note(ctx: Ctx) -> str:
    notes = []
    for conv in ctx.case.convictions:
        m = conv.statutory_maximum_months
        if m == "life" or (isinstance(m, int) and m > 12):
            notes.append(f"{conv.statute} carries a maximum above one year, so it is a felony by statute")
    return ("; ".join(notes) + ".") if notes else ""


def evaluate(ctx: Ctx) -> AvenueResult:
    text = ("No statute authorizes a court to reclassify a felony conviction as a misdemeanor after "
            "judgment, whatever its collateral consequences.")
    note = _felony_note(ctx)
    reasons = [ctx.reason("no_statutory_authority", text + (" " + note if note else ""),
                          ctx.precedent("no_reclassification_power"), "usc18_3559_a")]
    return ctx.unavailable(*reasons)
