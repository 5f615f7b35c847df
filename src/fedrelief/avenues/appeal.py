"""Direct appeal (18 U.S.C. § 3742) and resentencing on remand (§ 3742(g)).

A defendant appeals by a notice filed within the period of Fed. R. App. P. 4(b)(1)(A): 10 days
(counted under the old short-period rule) until 2009-12-01, 14 days since; the district court
may extend it by up to 30 days for excusable neglect or good cause (4(b)(4)). A district court
may resentence under § 3742(g) only when the court of appeals has set the sentence aside and
remanded; with no appeal there is no remand.
"""
import re

from ..calendar import count_days, notice_of_appeal_period
from ..engine.context import Ctx
from ..engine.result import AvenueResult

ID = "appeal"
TITLE = "Direct appeal (18 U.S.C. § 3742) and remand (§ 3742(g))"
FORUM = "court_of_appeals"
RELIEF = "review of the sentence, and resentencing on remand"
DELIVERS = frozenset({"sentence_reduction", "vacate_sentence", "correct_sentence"})
INVOKED_BY = (r"3742", r"appeal", r"App\.\s*P\.\s*4")
NEEDS = ("appeal", "sentence.judgment_entered_on")

REMAND_RESULTS = {"reversed", "vacated", "remanded"}


def _is_notice(ctx: Ctx) -> bool:
    """The request is a notice of appeal (or asks for more time to file one)."""
    r = ctx.case.request
    return bool(re.search(r"notice of appeal", r.title or "", re.I)) or any(
        re.search(r"App\.\s*P\.\s*4", t, re.I) for t in r.invokes)


def evaluate(ctx: Ctx) -> AvenueResult:
    appeal = ctx.case.appeal
    if appeal is None:
        return ctx.ask("appeal")
    if appeal == "none":
        judgment = ctx.case.sentence.judgment_date
        if judgment is None:
            return ctx.ask("sentence.judgment_entered_on")
        period = notice_of_appeal_period(judgment)
        rule = ctx.law("frap_4b", judgment)
        # before 4(b)(4) existed (1998) the extension sat in 4(b) itself
        ext_rule = "frap_4b4" if ctx.kb.get("frap_4b4").in_force_on(judgment) else rule.id
        dl = ctx.deadline("Notice of appeal (Fed. R. App. P. 4(b)(1)(A))", judgment, period.ends_on, rule.id, period.steps)
        # FRAP 4(b)(4): up to 30 days "from the expiration of the time otherwise prescribed", counted
        # under FRAP 26(a) like any period (its last-day rule included).
        ext_period = count_days(period.ends_on, 30, rules="frap")
        extended = ext_period.ends_on
        ext = ctx.deadline("Latest extension for excusable neglect or good cause (Fed. R. App. P. 4(b)(4))",
                           period.ends_on, extended, ext_rule, ext_period.steps)
        # When the request is itself the notice of appeal, it is measured on the day it was filed; an
        # extension may be granted "before or after the time has expired" (4(b)(4)), so a notice filed
        # inside the extension window waits on the district court's excusable-neglect finding.
        notice = ctx.case.request.filed_on if _is_notice(ctx) else None
        when = notice or ctx.as_of
        if when <= period.ends_on:
            text = (f"The notice of appeal was filed {notice}, within the period that ended {period.ends_on}."
                    if notice else f"A notice of appeal may still be filed until {period.ends_on}.")
            return ctx.available(ctx.reason("within_time_limit", text, rule.id), deadline=dl, extra_deadlines=[ext])
        if when <= extended:
            return ctx.undetermined(ctx.reason(
                "time_limit_expired",
                (f"The notice was filed {notice}, after the time to appeal ended {period.ends_on} but within the 30 days "
                 f"to {extended}; " if notice else f"The time to appeal ended {period.ends_on}; ")
                + f"the district court may extend the time to {extended} only on a finding of excusable neglect or "
                "good cause.", rule.id, ext_rule), deadline=dl, extra_deadlines=[ext],
                forum="this_court")  # the extension is the district court's to grant (4(b)(4))
        return ctx.unavailable(ctx.reason(
            "time_limit_expired",
            f"The time to file a notice of appeal ended {period.ends_on}, and the latest extension the district "
            f"court could have allowed ended {extended}.", rule.id, ext_rule), ctx.reason(
            "no_appeal_taken",
            f"No appeal was taken, and the time to file a notice of appeal ended {period.ends_on}; "
            "without an appeal there can be no remand for resentencing under 18 U.S.C. § 3742(g).",
            rule.id, "usc18_3742_g"), deadline=dl, forum="this_court")
    if appeal.result == "pending" or (appeal.filed_on and not appeal.decided_on):
        # The door is open, but in the court of appeals: it has the case while the appeal is pending.
        return ctx.available(ctx.reason(
            "appeal_pending", "The appeal is pending; the court of appeals, not this court, has the case.",
            "usc18_3742"), to_show=("the issues raised on the pending appeal",))
    if appeal.result in REMAND_RESULTS:
        return ctx.available(ctx.reason(
            "eligible", "The court of appeals set the sentence aside; resentencing on remand follows § 3742(g).",
            "usc18_3742_g"), forum="this_court")
    return ctx.unavailable(ctx.reason(
        "no_statutory_authority",
        "The appeal was decided without a remand for resentencing, so § 3742(g) gives this court nothing to do.",
        "usc18_3742_g"), forum="this_court")
