"""Fed. R. Crim. P. 35(b): reduction for substantial assistance, on the government's motion only.

(b)(1): the government's motion within one year of sentencing; (b)(2): later, only for
information not known, not useful, or not reasonably anticipated as useful within the year;
(b)(4): the court may then go below a statutory minimum. A defendant cannot make the motion,
and the court cannot compel it.

Versions (law/authorities/rules.yaml, family frcrp_35b) and the offense-date split:
  1985-08-01 .. 1987-11-01  former Rule 35(b): any motion to reduce (the defendant's too), or the
                            court on its own, within 120 days after sentence (or after the mandate
                            on appeal, or a Supreme Court denial of review)
  1987-11-01 .. 1991-12-01  Sentencing Reform Act text: the court, on the government's motion,
                            may within one year after sentence lower it for substantial assistance
  1991-12-01 ..             later versions (government's motion within the year; later-information
                            exceptions), chosen by `as_of`
The Sentencing Reform Act applies its Rule 35(b) only to offenses committed on or after 1987-11-01;
earlier offenses stay under the former rule whatever the date of the motion, so for them the
former rule is looked up on 1987-10-31. Which side an offense falls on comes from
`convictions[].offense_date`, or from a sentence imposed before 1987-11-01. When neither tells:
if the sentence (or, its date unknown, the analysis) is before 1991-12-01 -- years in which both
regimes were in daily use -- the avenue asks for the offense date; from 1991-12-01 it applies the
amended rule and says that the offense date was not stated (a presumption, not a finding).
"""
from datetime import date, timedelta

from ..calendar import count_days, one_year_after
from ..engine.context import Ctx
from ..engine.result import AvenueResult

ID = "rule35b"
TITLE = "Fed. R. Crim. P. 35(b): substantial assistance (government motion)"
FORUM = "this_court"
RELIEF = "a reduction for substantial assistance after sentencing"
DELIVERS = frozenset({"sentence_reduction"})
INVOKED_BY = (r"35\s*\(b\)", r"substantial assistance")
NEEDS = ("sentence.imposed_on", "government.rule35b_motion_filed_on")

FORMER = "frcrp_35b_1985"
SRA = "frcrp_35b_1987"
ASK_BEFORE = date(1991, 12, 1)  # unknown offense date: ask if the sentence/analysis is earlier


def _sra_start(ctx: Ctx) -> date:
    return ctx.kb.get(SRA).in_force_from


def _regime(ctx: Ctx) -> tuple[str | None, AvenueResult | None, str]:
    """("sra" | "former", None, note) or (None, the undetermined result, "")."""
    line = _sra_start(ctx)
    if ctx.as_of < line:
        return "former", None, ""
    imposed = ctx.case.sentence.imposed_on
    before_sentence = imposed is not None and imposed < line
    convictions = ctx.case.convictions or (None,)
    sides, unknown = set(), []
    for i, conv in enumerate(convictions):
        when = conv.offense_date if conv is not None else None
        if when is not None:
            sides.add("former" if when < line else "sra")
        elif before_sentence:
            sides.add("former")  # an offense precedes its sentence
        else:
            unknown.append(i)
    note = ""
    if unknown:
        if (imposed or ctx.as_of) < ASK_BEFORE or "former" in sides:  # never presume into a split
            path = f"convictions[{unknown[0]}].offense_date"
            return None, ctx.undetermined(
                ctx.reason("missing_fact",
                           "The offense date is not stated, and it decides which Rule 35(b) applies: for an "
                           "offense committed on or after 1987-11-01, only the government may move, within "
                           "one year after sentence; for an earlier offense the former rule let the defendant "
                           "move within 120 days after sentence (or after the appeal ended).", SRA, FORMER),
                questions=[ctx.question(path, "The Sentencing Reform Act's Rule 35(b) applies only to offenses "
                                              "committed on or after 1987-11-01; earlier offenses keep the "
                                              "former 120-day rule.")]), ""
        sides.add("sra")
        note = (" The offense date is not stated: fedrelief presumes an offense committed on or after 1987-11-01 "
                "(for an earlier one the former 120-day Rule 35(b) would apply instead).")
    if len(sides) > 1:
        return None, ctx.undetermined(ctx.reason(
            "missing_fact", "The counts were committed on both sides of 1987-11-01: the amended Rule 35(b) "
            "governs the later ones and the former 120-day rule the earlier ones; fedrelief does not split "
            "the analysis by count.", SRA, FORMER)), ""
    return sides.pop(), None, note


def evaluate(ctx: Ctx) -> AvenueResult:
    regime, done, note = _regime(ctx)
    if done is not None:
        return done
    if regime == "former":
        return _former(ctx)
    rule = ctx.law("frcrp_35b")
    imposed = ctx.case.sentence.imposed_on
    dl = None
    if imposed is not None:
        year = one_year_after(imposed)
        what = ("Rule 35(b): the court, on the government's motion, may lower the sentence within one year "
                "after its imposition" if rule.id == SRA else
                "Rule 35(b)(1): government's motion within one year of sentencing")
        dl = ctx.deadline(what, imposed, year.ends_on, rule.id, year.steps)
    filed = ctx.case.government.rule35b_motion_filed_on
    if filed is None:
        late = ""
        if dl and dl.passed:
            late = (" The one-year period has run, and the rule then in force allowed no later motion."
                    if rule.id == SRA else
                    " The one-year period has run, so only the Rule 35(b)(2) exceptions would remain to the government.")
        return ctx.unavailable(ctx.reason(
            "no_government_motion",
            "No government motion under Rule 35(b) is in the record; only the government may move for "
            "a substantial-assistance reduction, and a defendant's own motion cannot start it." + late + note,
            rule.id), deadline=dl)
    if rule.id == SRA and dl and dl.passed:
        return ctx.unavailable(ctx.reason(
            "time_limit_expired",
            f"The government moved on {filed}, but under the rule then in force the court itself could lower "
            f"the sentence only within one year after its imposition, which ended {dl.ends_on}." + note,
            rule.id), deadline=dl)
    return ctx.available(ctx.reason(
        "eligible", f"The government moved under Rule 35(b) on {filed}; the extent of any reduction is for the court."
        + note, rule.id), ctx.reason("discretion_remains", "Whether and how far to reduce is for the judge.", rule.id),
        deadline=dl)


def _former(ctx: Ctx) -> AvenueResult:
    """Former Rule 35(b), for an offense committed before 1987-11-01: a motion (anyone's) or the
    court's own act within 120 days after sentence, the mandate on appeal, or a denial of review."""
    rule = ctx.law("frcrp_35b", min(ctx.as_of, _sra_start(ctx) - timedelta(days=1)))
    imposed = ctx.case.sentence.imposed_on
    if imposed is None:
        return ctx.ask("sentence.imposed_on", reason_text=(
            "Former Rule 35(b) (offense before 1987-11-01): a motion to reduce must be made within 120 days "
            "after sentence is imposed; the sentencing date is not given."))
    if imposed < rule.in_force_from:
        ctx.warnings.append("law_outside_encoded_period")
        return ctx.undetermined(ctx.reason(
            "missing_fact", f"Sentence imposed {imposed}, before {rule.in_force_from}, the earliest encoded "
            "version of former Rule 35(b); fedrelief does not guess the older text or its counting.", rule.id))
    period = count_days(imposed, 120)
    dl = ctx.deadline("Former Rule 35(b): a motion to reduce within 120 days after sentence is imposed",
                      imposed, period.ends_on, rule.id, period.steps)
    made = min(d for d in (ctx.case.request.filed_on or ctx.as_of, ctx.case.government.rule35b_motion_filed_on) if d)
    if made <= period.ends_on:
        return ctx.available(ctx.reason(
            "within_time_limit",
            f"The offense predates 1987-11-01, so former Rule 35(b) governs: a motion to reduce, the defendant's "
            f"own included, made by {period.ends_on} (120 days after sentence) is timely; this one is of {made}.",
            rule.id), ctx.reason("discretion_remains", "Whether and how far to reduce is for the judge.", rule.id),
            deadline=dl)
    appeal = ctx.case.appeal
    if appeal == "none":
        return ctx.unavailable(ctx.reason(
            "time_limit_expired",
            f"The offense predates 1987-11-01, so former Rule 35(b) governs; with no appeal, its 120 days ran "
            f"from sentence and ended {period.ends_on}, before the motion of {made}. The limit cannot be extended.",
            rule.id), deadline=dl)
    if appeal is None:
        return ctx.ask("appeal", reason_text=(
            f"Former Rule 35(b)'s 120 days after sentence ended {period.ends_on}; whether there was an appeal "
            "decides whether a later 120 days (after the mandate, or a Supreme Court denial of review) ran."))
    denied = appeal.certiorari_denied_on
    if denied is not None and denied >= rule.in_force_from and made <= count_days(denied, 120).ends_on:
        return ctx.available(ctx.reason(
            "within_time_limit",
            f"Former Rule 35(b) governs (offense before 1987-11-01); the motion of {made} came within 120 days "
            f"after the Supreme Court denied review on {denied}.", rule.id),
            ctx.reason("discretion_remains", "Whether and how far to reduce is for the judge.", rule.id), deadline=dl)
    return ctx.undetermined(ctx.reason(
        "missing_fact",
        f"Former Rule 35(b) governs (offense before 1987-11-01). Its 120 days after sentence ended {period.ends_on}, "
        "but 120 days also run from the district court's receipt of the appellate mandate after affirmance or "
        "dismissal; that date is not in the file.", rule.id),
        questions=[ctx.question("appeal.decided_on", "The appellate mandate's receipt starts a further 120 days "
                                                     "under former Rule 35(b).")], deadline=dl)
