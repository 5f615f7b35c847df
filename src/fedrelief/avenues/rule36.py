"""Fed. R. Crim. P. 36: correcting a clerical error.

The rule (family `frcrp_36`: the pre-2002 text from 1984-08-06, the earliest we verified, and the
restyled text since 2002-12-01, same substance): after any notice it considers
appropriate, the court may AT ANY TIME
  (1) correct a clerical error in a judgment, order, or other part of the record; or
  (2) correct an error in the record arising from oversight or omission.
There is no time limit, and no motion by a party is needed. What it reaches is narrow: a mistake
of recitation, where the written judgment or record does not say what the court actually decided
(typically what it pronounced at sentencing). It never changes the substance of a sentence: not
its length, not when it begins (no back-dating), not custody credit, not a term the judge meant to
impose but did not pronounce (Kaye, 9th Cir. 1984; Robinson, 6th Cir. 2004; Larsen, 10th Cir.
2010, unpublished). A substantive change needs another vehicle (Rule 35(a) within its days, an
appeal, § 2255, § 3582(c)); credit disputes go to the BOP and § 2241.

Grounds: `clerical_error` opens the door (what remains to show: the record of what the court
actually decided differs from the written judgment); any other ground is a request for a change
of substance. A request that invokes Rule 36 but names no error cannot be sorted: we ask.
"""
import re

from ..engine.context import Ctx
from ..engine.result import AvenueResult

ID = "rule36"
TITLE = "Fed. R. Crim. P. 36: correction of a clerical error"
FORUM = "this_court"
RELIEF = "correction of a clerical error in the judgment or record"
DELIVERS = frozenset({"correct_sentence"})
INVOKED_BY = (r"rule 36\b", r"P\.\s*36\b", r"clerical")
NEEDS = ("request.grounds",)

CLERICAL_GROUNDS = {"clerical_error"}


def _invoked(ctx: Ctx) -> bool:
    return any(re.search(p, text, re.I) for text in ctx.case.request.invokes for p in INVOKED_BY)


CREDIT_GROUNDS = {"presentence_custody_credit", "credit_for_prior_custody"}


def evaluate(ctx: Ctx) -> AvenueResult:
    rule = ctx.law("frcrp_36")
    tags = {g.tag for g in ctx.case.request.grounds}
    if tags & CREDIT_GROUNDS or "credit_for_time_served" in ctx.case.request.seeks:
        # Credit for time in custody is computed by the Attorney General (BOP) under § 3585(b) after
        # the sentence begins (United States v. Wilson), so a judgment's silence about credit is not a
        # clerical error the court can fix, even when the motion calls it one.
        return ctx.unavailable(ctx.reason(
            "substance_not_clerical",
            "Credit for time in custody is not something the judgment awards: the Bureau of Prisons computes it "
            "under 18 U.S.C. § 3585(b) once the sentence begins, so its absence from the judgment is not a "
            "clerical error Rule 36 can correct.", rule.id, "wilson_1992", "usc18_3585_b"))
    if tags & CLERICAL_GROUNDS:
        return ctx.available(
            ctx.reason(
                "eligible",
                "A clerical error in a judgment, order or other part of the record, or an error in the record "
                "arising from oversight or omission, may be corrected at any time; no time limit runs. The "
                "correction can only make the record say what the court actually decided: it cannot change the "
                "length or start of the sentence, award credit, or add what was never pronounced.",
                rule.id, ctx.precedent("rule36_clerical_correctable", limit=1),
                ctx.precedent("rule36_clerical_only", limit=1)),
            to_show=("the record shows what the court actually pronounced, and the written judgment or record "
                     "differs from it by a clerical mistake or an oversight or omission in recording it",))
    if not tags:
        if _invoked(ctx):
            return ctx.undetermined(ctx.reason(
                "missing_fact",
                "The request invokes Rule 36 but does not say what error it wants corrected; only a clerical "
                "mistake in recording what the court decided can be corrected under the rule.", rule.id),
                questions=[ctx.question("request.grounds",
                                        "Which entry in the judgment or record is wrong, and whether the record of "
                                        "what the court pronounced shows it differs (Rule 36 reaches only clerical "
                                        "errors).")])
        return ctx.unavailable(ctx.reason(
            "substance_not_clerical",
            "No clerical error in the judgment or record is claimed; Rule 36 corrects only such errors.",
            rule.id))
    return ctx.unavailable(ctx.reason(
        "substance_not_clerical",
        "What is asked is a change to the substance of the sentence (its length, timing, credit or terms), not "
        "the correction of a clerical mistake in recording it; Rule 36 gives the court no power to make it.",
        rule.id, ctx.precedent("rule36_clerical_only", limit=3)))
