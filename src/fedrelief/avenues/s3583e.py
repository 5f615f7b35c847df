"""18 U.S.C. § 3583(e): ending a term of supervised release early, or changing it.

The court may, after considering the factors in § 3553(a)(1), (a)(2)(B), (a)(2)(C), (a)(2)(D),
(a)(4), (a)(5), (a)(6) and (a)(7) -- not (a)(2)(A) or (a)(3) --
  (e)(1) terminate the term and discharge the defendant "at any time after the expiration of one
         year of supervised release", if the defendant's conduct and the interest of justice
         warrant it;
  (e)(2) extend a term shorter than the maximum, and modify, reduce or enlarge its conditions, "at
         any time prior to the expiration or termination of the term";
  (e)(3) revoke it, and (e)(4) order home confinement as an alternative to prison (the
         government's side; not relief a defendant asks for).
In force since supervised release began (1987-11-01, `usc18_3583_e`). The term begins on the day
the person is released from imprisonment (§ 3624(e)), so one year of it has expired on the first
anniversary of that day, counting the start day as the first day of supervision; a term begun on
February 29 completes its year at the end of February 28, and the first day after it is March 1.
Before that day early termination is closed (`supervision_under_one_year`, with the date as the
deadline); after it the decision is the judge's on the listed factors (`undetermined`,
`discretion_remains`): fedrelief never predicts it. Conditions may be changed at any time during
the term (by the statute's words, "prior to the expiration or termination"). Probation is a
different provision (§ 3564(c)), not encoded here.
"""
from datetime import date

from ..engine.context import Ctx
from ..engine.result import AvenueResult, Reason

ID = "s3583e"
TITLE = "18 U.S.C. § 3583(e): early termination or modification of supervised release"
FORUM = "this_court"
RELIEF = "early termination of supervised release, or a change in its term or conditions"
DELIVERS = frozenset({"early_termination", "modify_supervision"})
INVOKED_BY = (r"3583", r"early termination", r"supervised release")
NEEDS = ("custody.status", "custody.supervision_started_on", "custody.release_date",
         "sentence.supervised_release_months")


def one_year_of_supervision_expired_on(start: date) -> date:
    """The first day on which one full year of supervised release begun on `start` has expired."""
    try:
        return start.replace(year=start.year + 1)
    except ValueError:  # Feb 29: the year ends with Feb 28, so Mar 1 is the first day after it
        return date(start.year + 1, 3, 1)


def _discretion(ctx: Ctx, what: str) -> Reason:
    return ctx.reason(
        "discretion_remains",
        f"Whether to {what} is for the judge, after weighing § 3553(a)(1), (a)(2)(B)-(D) and (a)(4)-(7) (the "
        "statute leaves out retribution and the kinds of sentences available)"
        + (", and only if the defendant's conduct and the interest of justice warrant it." if what.startswith("end")
           else "."),
        "usc18_3583_e", "usc18_3553_a")


def _modification(ctx: Ctx) -> Reason:
    return ctx.reason(
        "eligible",
        "The court may extend a term shorter than the maximum, or modify, reduce or enlarge its conditions, at any "
        "time before the term expires or is terminated.", "usc18_3583_e")


def _not_on_supervision(ctx: Ctx, why: str) -> AvenueResult:
    return ctx.unavailable(ctx.reason("factual_premise_false", why, "usc18_3583_e"))


TO_SHOW_CHANGE = ("reasons, in light of the § 3553(a) factors the statute lists, for the change asked",)
TO_SHOW_END = ("the defendant's conduct on supervision and the interest of justice warrant ending it",)


def evaluate(ctx: Ctx) -> AvenueResult:
    ctx.law("usc18_3583_e")  # not in force before supervised release existed: reported by the engine
    status = ctx.case.custody.status
    wants_change = "modify_supervision" in ctx.case.request.seeks
    if status is None:
        return ctx.ask("custody.status")
    if ctx.case.sentence.supervised_release_months == 0:
        return _not_on_supervision(ctx, "No term of supervised release was imposed.")
    if status == "probation":
        return _not_on_supervision(ctx, "The person is on probation, not supervised release; early termination of "
                                        "probation is a different provision, not encoded here.")
    if status == "released" or (status == "immigration_detention" and ctx.case.custody.supervision_started_on is None):
        return _not_on_supervision(ctx, "The file does not show the person serving a term of supervised release, so "
                                        "there is no term to end or change.")
    if status == "imprisoned":
        release = ctx.case.custody.release_date
        dl = None
        if release is not None:
            start = one_year_of_supervision_expired_on(release)
            dl = ctx.deadline("§ 3583(e)(1): earliest day for early termination (one year after release)",
                              release, start, "usc18_3583_e", (f"term begins on release, {release} (§ 3624(e))",
                                                              f"one year of supervision has expired on {start}"))
        not_yet = ctx.reason(
            "supervision_under_one_year",
            "The person is still in prison; supervised release begins on release, and it can be ended early only "
            "after one year of it has been served.", "usc18_3583_e", "usc18_3624_e")
        if wants_change:
            return ctx.available(_modification(ctx), _discretion(ctx, "change the term or its conditions"), not_yet,
                                 deadline=dl, to_show=TO_SHOW_CHANGE)
        return ctx.unavailable(not_yet, deadline=dl)
    start = ctx.case.custody.supervision_started_on
    if start is None:
        if wants_change:
            return ctx.available(_modification(ctx), _discretion(ctx, "change the term or its conditions"),
                                 to_show=TO_SHOW_CHANGE)
        return ctx.ask("custody.supervision_started_on")
    eligible_on = one_year_of_supervision_expired_on(start)
    dl = ctx.deadline("§ 3583(e)(1): earliest day for early termination (one year of supervised release)",
                      start, eligible_on, "usc18_3583_e",
                      (f"supervision began {start}", f"one year of supervision has expired on {eligible_on}"))
    if ctx.as_of < eligible_on:
        ending = [ctx.reason(
            "supervision_under_one_year",
            f"Supervision began on {start}; the court may end it early only after one year of it has expired, "
            f"that is from {eligible_on}.", "usc18_3583_e")]
    else:
        ending = [ctx.reason(
            "eligible", f"One year of supervised release expired on {eligible_on} (supervision began {start}); the "
            "court may now end the term early.", "usc18_3583_e"),
            _discretion(ctx, "end supervision early")]
    if wants_change:
        return ctx.available(_modification(ctx), _discretion(ctx, "change the term or its conditions"), *ending,
                             deadline=dl, to_show=TO_SHOW_CHANGE
                             + (TO_SHOW_END if ctx.as_of >= eligible_on else ()))
    if ctx.as_of < eligible_on:
        return ctx.unavailable(*ending, deadline=dl)
    return ctx.undetermined(*ending, deadline=dl, to_show=TO_SHOW_END)
