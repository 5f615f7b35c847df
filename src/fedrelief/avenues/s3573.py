"""18 U.S.C. § 3573: remitting or modifying a fine after sentencing.

Versions (family `usc18_3573`):
  1987-11-01 .. 1987-12-11  as enacted by the Sentencing Reform Act (`usc18_3573_1984`): the
                            DEFENDANT could petition at any time -- (1) after a good-faith effort
                            to comply, once the circumstances that warranted the fine or its
                            schedule no longer existed, for a longer installment schedule (up to
                            two years) or remission of the unpaid part; (2) after voluntary
                            restitution to the victim, for remission up to its amount.
  1987-12-11 .. 1996-04-24  Criminal Fines Improvements Act of 1987 (`usc18_3573_1987`): the
                            court may act only on the Government's petition (United States v.
                            Linker, 7th Cir. 1990); the exact 1987 wording was not read.
  1996-04-24 ..             current text (`usc18_3573`): on the Government's petition showing that
                            reasonable efforts to collect are not likely to be effective, the
                            court may, in the interest of justice, remit all or part of the unpaid
                            fine, defer payment, or extend the schedule.
The 1996 date is where the current entry's verified coverage begins, not a verified amendment
date; the text on either side of it says the same thing (Government petition only). Before
1987-11-01 nothing is encoded (reported as law_outside_encoded_period).
So a defendant's own request to waive or remit a fine is closed (`government_petition_only`),
save in the six weeks of the 1984 text. A fine can also be remitted by the President's pardon
power (clemency), which is not this avenue.
"""
from ..engine.context import Ctx
from ..engine.result import AvenueResult
from ..law.kb import Authority

ID = "s3573"
TITLE = "18 U.S.C. § 3573: remission or modification of a fine"
FORUM = "this_court"
RELIEF = "remission of the unpaid fine, or deferral or extension of its payment"
DELIVERS = frozenset({"remit_fine"})
INVOKED_BY = (r"3573", r"remi(t|ssion) .*fine", r"fine.*(waive|remi)")
NEEDS = ("sentence.fine_dollars", "government.petition_to_remit_fine")


def statute_in_force(ctx: Ctx) -> Authority:
    """The version of § 3573 in force on as_of (family usc18_3573)."""
    return ctx.law("usc18_3573")


def evaluate(ctx: Ctx) -> AvenueResult:
    statute = statute_in_force(ctx)
    if ctx.case.sentence.fine_dollars == 0:
        return ctx.unavailable(ctx.reason("factual_premise_false", "No fine was imposed.", statute.id))
    if statute.id == "usc18_3573_1984":
        return ctx.available(ctx.reason(
            "elements_to_show",
            "Under the section as first enacted (in force until 1987-12-11) a defendant may petition the sentencing "
            "court at any time to extend the installment schedule or remit the unpaid fine.", statute.id),
            ctx.reason("discretion_remains", "Whether the circumstances warrant relief is for the court.", statute.id),
            to_show=("a good-faith effort to comply, and that the circumstances that warranted the fine or its "
                     "schedule no longer exist; or voluntary restitution to the victim (remission up to its amount)",))
    if ctx.case.government.petition_to_remit_fine:
        to_show = (("that reasonable efforts to collect the fine are not likely to be effective",)
                   if statute.id == "usc18_3573" else ())
        return ctx.available(
            ctx.reason("eligible", "The Government has petitioned to remit or modify the fine.", statute.id),
            ctx.reason("discretion_remains", "Whether remission, deferral or a longer schedule is in the interest of "
                       "justice is for the court.", statute.id), to_show=to_show)
    return ctx.unavailable(ctx.reason(
        "government_petition_only",
        "A court may remit, defer or reschedule a fine only on the Government's petition; no Government petition is "
        "in the record, and a defendant's own request cannot start the process.",
        statute.id, ctx.precedent("fine_remission_government_only", limit=1)))
