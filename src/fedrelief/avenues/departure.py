"""A departure (or variance) asked for after sentencing.

U.S.S.G. § 5K2.0 and the other Chapter 5 departure provisions are applied when a sentence is
imposed: at sentencing, or at a resentencing after the court of appeals sets the sentence aside
(§ 3742(g)). After that the court has no departure power at all (see inherent_power). Grounds:
  post-sentencing rehabilitation  § 5K2.19 (2000-11-01 .. 2012-11-01) barred it as a ground even at
                                  resentencing; after Pepper v. United States (2011) and the
                                  deletion of § 5K2.19 it may be weighed at a resentencing, which
                                  still requires a remand.
  deportable-alien status         per the circuit (law/propositions.yaml
                                  `deportable_status_not_departure_ground`).
"""
from ..engine.context import Ctx
from ..engine.result import AvenueResult, Reason

ID = "departure"
TITLE = "Departure or variance after sentencing (U.S.S.G. § 5K2.0)"
FORUM = "this_court"
RELIEF = "a sentence below the guideline range"
DELIVERS = frozenset({"departure", "sentence_reduction"})
INVOKED_BY = (r"5K\d", r"departure", r"variance")
NEEDS = ("appeal", "request.grounds")

REMAND_RESULTS = {"reversed", "vacated", "remanded"}


def _ground_reasons(ctx: Ctx) -> list[Reason]:
    out = []
    tags = {g.tag for g in ctx.case.request.grounds}
    if "post_sentencing_rehabilitation" in tags:
        try:
            rule = ctx.law("ussg_5k2_19")
        except Exception:  # not in force on as_of: Pepper governs a resentencing
            rule = None
        if rule is not None:
            out.append(ctx.reason(
                "not_a_ground",
                "Post-sentencing rehabilitation, even if exceptional, is not a ground for a downward departure "
                "(U.S.S.G. § 5K2.19, in force from 2000-11-01 to 2012-11-01).", rule.id))
        elif "pepper_2011" in ctx.kb:
            out.append(ctx.reason(
                "only_at_sentencing",
                "Rehabilitation after sentencing may be weighed at a resentencing after the sentence is set aside "
                "on appeal, but it does not itself open a resentencing.", "pepper_2011"))
    if "deportable_alien_status" in tags:
        binding = ctx.precedent("deportable_status_not_departure_ground", persuasive=False)
        if binding:
            out.append(ctx.reason(
                "not_a_ground",
                "In this circuit a defendant's status as a deportable alien is not a basis for a downward departure "
                "in an illegal-reentry case, where that status is part of the offense itself.", binding,
                proposition="deportable_status_not_departure_ground"))
        else:
            ctx.warnings.append("circuit_position_not_encoded:deportable_alien_status")
    return out


def evaluate(ctx: Ctx) -> AvenueResult:
    appeal = ctx.case.appeal
    if appeal is None:
        # A ground the law excludes even at a resentencing closes the door whatever happened on appeal.
        barred = [r for r in _ground_reasons(ctx) if r.code == "not_a_ground"]
        if barred:
            return ctx.unavailable(*barred)
        return ctx.ask("appeal", reason_text="A departure is possible only at a resentencing after an appeal; "
                       "whether there was an appeal, and its result, decides.")
    remanded = appeal not in (None, "none") and appeal.result in REMAND_RESULTS
    if remanded:
        return ctx.available(ctx.reason(
            "eligible", "The sentence was set aside on appeal; departures may be considered at the resentencing, "
            "within the limits of 18 U.S.C. § 3742(g).", "ussg_5k2_0", "usc18_3742_g"), *_ground_reasons(ctx))
    return ctx.unavailable(ctx.reason(
        "only_at_sentencing",
        "Departures under U.S.S.G. § 5K2.0 are applied only when sentence is imposed, at sentencing or at a "
        "resentencing on remand; after judgment the court has no power to depart.",
        ctx.law("ussg_5k2_0").id, "usc18_3742_g"), _no_statute(ctx), *_ground_reasons(ctx))


def _no_statute(ctx: Ctx) -> Reason:
    return ctx.reason(
        "no_statutory_authority",
        "After judgment a court may change a sentence only as a statute or rule expressly permits (Rule 35, "
        "§ 3582(c), § 2255, or resentencing on remand under § 3742(g)); none of them is a vehicle for a departure.",
        "usc18_3582_c1b", ctx.precedent("no_inherent_power", limit=1))
