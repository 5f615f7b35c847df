"""Fed. R. Crim. P. 35(b): reduction for substantial assistance, on the government's motion only.

(b)(1): the government's motion within one year of sentencing; (b)(2): later, only for
information not known, not useful, or not reasonably anticipated as useful within the year;
(b)(4): the court may then go below a statutory minimum. A defendant cannot make the motion,
and the court cannot compel it.
"""
from ..calendar import one_year_after
from ..engine.context import Ctx
from ..engine.result import AvenueResult

ID = "rule35b"
TITLE = "Fed. R. Crim. P. 35(b): substantial assistance (government motion)"
FORUM = "this_court"
RELIEF = "a reduction for substantial assistance after sentencing"
DELIVERS = frozenset({"sentence_reduction"})
INVOKED_BY = (r"35\s*\(b\)", r"substantial assistance")
NEEDS = ("sentence.imposed_on", "government.rule35b_motion_filed_on")


def evaluate(ctx: Ctx) -> AvenueResult:
    rule = ctx.law("frcrp_35b")
    imposed = ctx.case.sentence.imposed_on
    dl = None
    if imposed is not None:
        year = one_year_after(imposed)
        dl = ctx.deadline("Rule 35(b)(1): government's motion within one year of sentencing",
                          imposed, year.ends_on, rule.id, year.steps)
    filed = ctx.case.government.rule35b_motion_filed_on
    if filed is None:
        late = " The one-year period has run, so only the Rule 35(b)(2) exceptions would remain to the government." \
            if dl and dl.passed else ""
        return ctx.unavailable(ctx.reason(
            "no_government_motion",
            "No government motion under Rule 35(b) is in the record; only the government may move for "
            "a substantial-assistance reduction, and a defendant's own motion cannot start it." + late,
            rule.id), deadline=dl)
    return ctx.available(ctx.reason(
        "eligible", f"The government moved under Rule 35(b) on {filed}; the extent of any reduction is for the court.",
        rule.id), ctx.reason("discretion_remains", "Whether and how far to reduce is for the judge.", rule.id),
        deadline=dl)
