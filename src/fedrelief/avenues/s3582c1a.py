"""18 U.S.C. § 3582(c)(1)(A): reduction for extraordinary and compelling reasons.

Who may move (family usc18_3582_c1a):
  1987-11-01 .. 2018-12-21  only the Director of the Bureau of Prisons;
  2018-12-21 ..             also the defendant, after fully exhausting administrative appeals of
                            the BOP's failure to move, or 30 days after the warden received the
                            request, whichever is earlier (First Step Act of 2018).
Exhaustion is a claim-processing rule, not a limit on the court's power (Saladino, 2d Cir. 2021;
Muhammad, 4th Cir. 2021; Alam, 6th Cir. 2020: proposition `c1a_exhaustion_waivable`): where the
government does not oppose the motion (`government.opposes_motion: false`) it has not invoked the
requirement, and in those circuits the court goes on to the merits whatever the exhaustion record.
Elsewhere that case is warned about (`circuit_position_not_encoded:c1a_exhaustion_waiver`).
The merits (the § 1B1.13 categories in force, the § 3553(a) weighing) are left to the judge and
stated as open questions, never guessed.
"""
from datetime import timedelta

from ..engine.context import Ctx
from ..engine.result import AvenueResult

ID = "s3582c1a"
TITLE = "18 U.S.C. § 3582(c)(1)(A): compassionate release"
FORUM = "this_court"
RELIEF = "a reduced term of imprisonment"
DELIVERS = frozenset({"compassionate_release", "sentence_reduction"})
INVOKED_BY = (r"3582\s*\(c\)\s*\(1\)\s*\(A\)", r"3582\s*\(c\)\s*\(1\)(?!\s*\()", r"compassionate")
NEEDS = ("custody.status", "administrative.warden_request_on", "administrative.fully_exhausted")


def evaluate(ctx: Ctx) -> AvenueResult:
    statute = ctx.law("usc18_3582_c1a")
    if statute.id == "usc18_3582_c1a_1987":
        return ctx.unavailable(ctx.reason(
            "only_bop_may_move",
            "Before the First Step Act (2018-12-21) only the Director of the Bureau of Prisons could move "
            "for a reduction under § 3582(c)(1)(A); the court cannot act on a defendant's own motion.",
            statute.id), forum="bop",
            to_show=("a request to the warden asking the Bureau of Prisons to move for a reduction",))
    if ctx.case.custody.status not in (None, "imprisoned"):
        return ctx.unavailable(ctx.reason(
            "not_in_custody", "The provision reduces a term of imprisonment; the person is not serving one.", statute.id))
    adm = ctx.case.administrative
    filed = ctx.case.request.filed_on or ctx.as_of
    waived = _exhaustion_not_invoked(ctx, statute.id)
    if waived is not None and not adm.fully_exhausted:
        return _merits(ctx, statute.id, waived, None)
    if adm.fully_exhausted:
        exhausted = ctx.reason("eligible", "Administrative remedies were fully exhausted.", statute.id)
        dl = None
    elif adm.warden_request_on is None and adm.fully_exhausted is None and {g.tag for g in ctx.case.request.grounds} == {"post_sentencing_rehabilitation"}:
        return ctx.unavailable(ctx.reason(
            "no_extraordinary_and_compelling_reason",
            "Rehabilitation alone is not an extraordinary and compelling reason, whatever the state of exhaustion.",
            ctx.law("ussg_1b1_13").id))
    elif adm.warden_request_on is None:
        if adm.fully_exhausted is False:
            return ctx.unavailable(ctx.reason(
                "not_exhausted", "No request to the warden is in the record and administrative remedies were not "
                "exhausted.", statute.id), forum="bop")
        return ctx.ask("administrative.warden_request_on")
    else:
        lapse = adm.warden_request_on + timedelta(days=30)
        dl = ctx.deadline("§ 3582(c)(1)(A): 30 days after the warden received the request", adm.warden_request_on,
                          lapse, statute.id, (f"{adm.warden_request_on} + 30 days = {lapse}",), kind="earliest")
        if filed < lapse:
            return ctx.unavailable(ctx.reason(
                "not_exhausted", f"The motion was filed {filed}, before 30 days had lapsed from the warden's receipt "
                f"of the request ({lapse}), and full exhaustion is not shown.", statute.id), deadline=dl)
        exhausted = ctx.reason("eligible", f"30 days lapsed from the warden's receipt of the request on {lapse}.", statute.id)
    return _merits(ctx, statute.id, exhausted, dl)


def _exhaustion_not_invoked(ctx: Ctx, statute_id: str):
    """The government does not oppose the motion, so it does not invoke exhaustion; in a circuit that holds
    the requirement a waivable claim-processing rule, the court proceeds to the merits."""
    if ctx.case.government.opposes_motion is not False:
        return None
    binding = ctx.precedent("c1a_exhaustion_waivable", persuasive=False)
    if not binding:
        ctx.warnings.append("circuit_position_not_encoded:c1a_exhaustion_waiver")
        return None
    return ctx.reason(
        "eligible",
        "The government does not oppose the motion and so does not invoke the exhaustion requirement; in this "
        "circuit that requirement is a claim-processing rule the government may waive or forfeit, not a limit on "
        "the court's power, so the court may reach the merits.", statute_id, binding)


CATEGORIES_2023 = {  # § 1B1.13(b) as amended 2023-11-01, in our words
    "medical": "(b)(1) a terminal illness, or a serious condition that substantially diminishes self-care, or care not being provided, or a public-health emergency risk",
    "age": "(b)(2) at least 65, serious deterioration from aging, and at least 10 years or 75 percent of the term served",
    "family": "(b)(3) death or incapacitation of the caregiver of a minor or incapacitated child, or of a spouse or partner for whom the defendant is the only caregiver",
    "abuse": "(b)(4) sexual or serious physical abuse in custody by someone with custody or control",
    "other": "(b)(5) other circumstances of similar gravity",
    "unusually_long_sentence": "(b)(6) an unusually long sentence, at least 10 years served, and a change in the law producing a gross disparity",
}


def _merits(ctx: Ctx, statute_id: str, exhausted, dl) -> AvenueResult:
    """Exhausted: what remains is extraordinary and compelling reasons under the policy statement in
    force (or, 2018-2023, the circuit's view of it) and the § 3553(a) factors: the judge's call."""
    g = ctx.case.request.ground("extraordinary_and_compelling")
    claimed = set(g.details) if g else set()
    tags = {x.tag for x in ctx.case.request.grounds}
    if tags == {"post_sentencing_rehabilitation"}:
        return ctx.unavailable(exhausted, ctx.reason(
            "no_extraordinary_and_compelling_reason",
            "Rehabilitation alone is not an extraordinary and compelling reason.", ctx.law("ussg_1b1_13").id))
    policy = ctx.law("ussg_1b1_13")
    reasons = [exhausted]
    to_show: list[str] = []
    if policy.id == "ussg_1b1_13_2023":
        to_show = [CATEGORIES_2023[c] for c in sorted(claimed) if c in CATEGORIES_2023] or list(CATEGORIES_2023.values())
        reasons.append(ctx.reason(
            "discretion_remains",
            "Since 2023-11-01 the policy statement governs defendants' motions too; the reasons must fit one of its "
            "categories, and rehabilitation or a non-retroactive change in law alone does not suffice (except as "
            "(b)(6) allows).", policy.id))
    else:
        if ctx.has_binding("old_1b1_13_binding_on_all_motions"):
            reasons.append(ctx.reason(
                "discretion_remains", "In this circuit the pre-2023 policy statement bound defendant-filed motions: "
                "the reasons must fit its categories (terminal or serious medical condition, age, family).",
                policy.id, ctx.precedent("old_1b1_13_binding_on_all_motions", persuasive=False)))
        elif ctx.has_binding("old_1b1_13_not_binding_on_defendant_motions"):
            reasons.append(ctx.reason(
                "discretion_remains", "In this circuit the pre-2023 policy statement did not bind a defendant's own "
                "motion; the court was not confined to its categories, though the circuit's own cases on which "
                "reasons may count (for example a long sentence or a change in the law that is not retroactive) "
                "still govern.",
                ctx.precedent("old_1b1_13_not_binding_on_defendant_motions", persuasive=False)))
        else:
            ctx.warnings.append("circuit_position_not_encoded:old_1b1_13")
    reasons.append(ctx.reason(
        "discretion_remains",
        "Whether the reasons are extraordinary and compelling, whether the defendant is a danger, and whether the "
        "§ 3553(a) factors support a reduction are for the judge.", statute_id, "usc18_3553_a"))
    return ctx.undetermined(*reasons, deadline=dl, to_show=to_show)
