"""Fed. R. Crim. P. 35(a): correcting arithmetical, technical or other clear error.

Versions (law/authorities/rules.yaml, family frcrp_35a):
  1991-12-01 .. 2002-12-01  Rule 35(c): 7 days after "imposition of sentence"
  2002-12-01 .. 2009-12-01  Rule 35(a): 7 days after sentencing
  2009-12-01 ..             Rule 35(a): 14 days after sentencing
The court itself must act within the period, which courts treat as jurisdictional. Before
2009-12-01 a 7-day period excluded intermediate weekends and legal holidays (old Rule 45(a));
`calendar.count_days` applies the counting rule in force on the trigger date. Since 2004-12-01
Rule 35(c) defines "sentencing" as the oral announcement; before that the circuits split.
"""
from ..calendar import count_days
from ..engine.context import Ctx
from ..engine.result import AvenueResult
from ..law.kb import NoRuleInForce

ID = "rule35a"
TITLE = "Fed. R. Crim. P. 35(a): correction of clear error"
FORUM = "this_court"
RELIEF = "correction of an arithmetical, technical or other clear error in the sentence"
DELIVERS = frozenset({"correct_sentence", "sentence_reduction"})
INVOKED_BY = (r"35\s*\(a\)", r"rule 35(?!\s*\(b\))",)
NEEDS = ("sentence.imposed_on",)

DAYS = {"frcrp_35c_1991": 7, "frcrp_35a_2002": 7, "frcrp_35a_2009": 14}
CLEAR_ERROR_GROUNDS = {"clear_error", "arithmetical_error", "technical_error"}


def _not_clear_error(ctx: Ctx, rule_id: str | None = None, deadline=None) -> AvenueResult | None:
    """The rule corrects only arithmetical, technical or other clear error; grounds that claim none
    close it whatever the timing."""
    grounds = {g.tag for g in ctx.case.request.grounds}
    if grounds and not grounds & CLEAR_ERROR_GROUNDS:
        return ctx.unavailable(ctx.reason(
            "not_clear_error",
            "The rule reaches only obvious arithmetical, technical or other clear error, not a "
            "reconsideration of the sentence on the grounds given.", rule_id or ctx.law("frcrp_35a").id),
            deadline=deadline)
    return None


def _closed_whatever_the_date(ctx: Ctx) -> AvenueResult | None:
    """Sentencing date unknown: the period ended, at the latest, N days after the latest date the
    sentence can have been imposed (see Ctx.sentenced_no_later_than)."""
    bound, why = ctx.sentenced_no_later_than()
    try:
        rule = ctx.law("frcrp_35a", bound)
    except NoRuleInForce:
        return None
    latest_end = count_days(bound, DAYS[rule.id]).ends_on
    if ctx.as_of <= latest_end:
        return None
    return ctx.unavailable(ctx.reason(
        "time_limit_expired",
        f"The sentencing date is not given, but sentence was imposed no later than {bound} ({why}); the "
        f"{DAYS[rule.id]}-day period therefore ended no later than {latest_end}.", rule.id))


def evaluate(ctx: Ctx) -> AvenueResult:
    imposed = ctx.case.sentence.imposed_on
    if imposed is None:
        return _closed_whatever_the_date(ctx) or _not_clear_error(ctx) or ctx.ask("sentence.imposed_on")
    try:
        rule = ctx.law("frcrp_35a", imposed)
    except NoRuleInForce:
        ctx.warnings.append("law_outside_encoded_period")
        return ctx.ask("sentence.imposed_on", reason_text=(
            f"Sentence imposed {imposed}, before the earliest encoded version of the clear-error rule; "
            "fedrelief does not guess the older Rule 35."))
    days = DAYS[rule.id]
    period = count_days(imposed, days)
    dl = ctx.deadline(f"Rule 35(a): the court may correct clear error within {days} days of sentencing",
                      imposed, period.ends_on, rule.id, period.steps)
    judgment = ctx.case.sentence.judgment_date
    if rule.id != "frcrp_35a_2009" and judgment and judgment != imposed and imposed.isoformat() < "2004-12-01":
        ctx.warnings.append("rule35_trigger_circuit_split")
    if ctx.as_of > period.ends_on:
        return ctx.unavailable(ctx.reason(
            "time_limit_expired",
            f"More than {days} days have passed since sentence was imposed on {imposed} "
            f"(the period ended {period.ends_on}); the court may act under this rule only within it.",
            rule.id, ctx.precedent("rule35a_time_jurisdictional", limit=1, persuasive=False)), deadline=dl)
    closed = _not_clear_error(ctx, rule.id, dl)
    if closed:
        return closed
    return ctx.available(ctx.reason(
        "within_time_limit", f"The court may still act until {period.ends_on}.", rule.id), deadline=dl,
        to_show=("an arithmetical, technical or other clear error in the sentence",))
