"""18 U.S.C. § 3607(c) expungement, and whether a court has any other power to expunge.

§ 3607 (in force since 1987-11-01, `usc18_3607`):
  (a) a person found guilty of simple possession under 21 U.S.C. § 844, with no earlier drug
      conviction and no earlier (a) disposition, may with consent be placed on probation for up to
      one year WITHOUT entry of a judgment of conviction; at its end the proceedings are dismissed;
  (b) the disposition is not a conviction for any disqualification;
  (c) if the case was the subject of an (a) disposition AND the person was under 21 at the time
      of the offense, the court "shall enter an expungement order" on application.
So (c) needs both an (a) disposition and age under 21. The case file has no field for either (a
gap reported to the model's owner): this module reads what it can -- a conviction under any
statute other than § 844, a judgment entered, a prison or supervised-release term, or probation
longer than twelve months each rule out an (a) disposition -- and asks otherwise.

No statute lets a court expunge a valid conviction because of its consequences. Whether a court
has an equitable (ancillary) power to do it is circuit law, read against Kokkonen v. Guardian Life
(1994) (law/propositions_execution_supervision.yaml), in this order:
  on convictions                    2d Doe (2016); 3d Rowlands (2006); 8th Meyer (2006); 9th Sumner
                                    (2000), Crowell (2004); 10th Pinto (1993)
  on acquittals or dismissals       1st Coloian (2007); 3d Dunegan (2001, until Rowlands); 6th Field
  (reasoning reaches any purely     (2014), Lucido (2010); 7th Wahi (2017, overruling that circuit's
  equitable request)                balancing test)
  at most a narrow power, for       10th Pinto (1993); 4th Allen v. Webster (1984, an acquittal case
  extreme circumstances only        before Kokkonen; the 4th Circuit's unpublished Mettetal (2017)
                                    is cited beside it as persuasive)
In a narrow-power circuit the judge, not fedrelief, weighs a circumstance the request asserts: a
request on an invalidity ground (`unconstitutional_conviction`, `actual_innocence`) is left
`undetermined`; one resting on a valid conviction's consequences is `unavailable`, saying so.
A circuit with none of these in force on as_of (5th, 11th, D.C.; 7th before Wahi): its position is
not encoded -- a warning, `undetermined`, Kokkonen and the other circuits' cases cited as
persuasive only, no holding claimed. A conviction already set aside raises a different question
(Pinto's exception): `undetermined`.
"""
import re

from ..engine.context import Ctx
from ..engine.result import AvenueResult, Question, Reason

ID = "s3607c"
TITLE = "18 U.S.C. § 3607(c) expungement, and any other power to expunge"
FORUM = "this_court"
RELIEF = "an order expunging the records of the case"
DELIVERS = frozenset({"expungement"})
INVOKED_BY = (r"3607", r"expunge")
NEEDS = ("convictions", "sentence", "history")

# Grounds that assert the kind of circumstance a narrow-power circuit keeps expungement for.
INVALIDITY_GROUNDS = ("unconstitutional_conviction", "actual_innocence")

SIMPLE_POSSESSION = re.compile(r"21\s*U\.?\s*S\.?\s*C\.?\s*§*\s*844(?!\d)", re.I)
MAX_3607A_PROBATION_MONTHS = 12


def _section_3607a_disposition(ctx: Ctx) -> tuple[bool | None, str]:
    """(False, why) when the file rules out a § 3607(a) disposition; (None, '') when it cannot tell."""
    if any(c.statute and not SIMPLE_POSSESSION.search(c.statute) for c in ctx.case.convictions):
        # (the statute is not echoed: the report prints only citations that are in the knowledge base)
        return False, "The conviction is not for simple possession under § 844 of the Controlled Substances Act."
    s = ctx.case.sentence
    if s.judgment_entered_on is not None:
        return False, f"A judgment was entered on {s.judgment_entered_on}; an (a) disposition is made without one."
    for months, what in ((s.imprisonment_months, "a prison term"), (s.supervised_release_months, "supervised release")):
        if months == "life" or (isinstance(months, int) and months > 0):
            return False, f"The sentence includes {what}; an (a) disposition is probation only."
    if isinstance(s.probation_months, int) and s.probation_months > MAX_3607A_PROBATION_MONTHS:
        return False, (f"Probation of {s.probation_months} months exceeds the one year an (a) disposition allows, so "
                       "this was a sentence on a judgment of conviction.")
    return None, ""


def _questions(ctx: Ctx) -> list[Question]:
    # The case file has no field for either fact (reported); the questions name the nearest paths.
    return [ctx.question("sentence", "Whether the case ended in pre-judgment probation under 18 U.S.C. § 3607(a) "
                                     "(a § 844 simple-possession case, no judgment of conviction entered)."),
            ctx.question("convictions", "The person's age at the time of the offense: § 3607(c) expungement requires "
                                        "that the person was under 21.")]


def _sought(ctx: Ctx) -> bool:
    return "expungement" in ctx.case.request.seeks or any(
        re.search(p, text, re.I) for text in ctx.case.request.invokes for p in INVOKED_BY)


def _set_aside(ctx: Ctx) -> bool:
    return ctx.case.request.has_ground("conviction_vacated") or any(
        h.avenue in ("s2255", "coram_nobis") and h.result == "granted" for h in ctx.case.history)


def _this_circuit_unpublished(ctx: Ctx, proposition: str) -> tuple:
    """This circuit's own non-binding (unpublished) decisions for `proposition`, labelled persuasive."""
    return tuple(c for c in ctx.precedent(proposition, limit=99)
                 if c.weight != "binding" and ctx.kb.get(c.id).circuit == ctx.circuit)


def _equitable_power(ctx: Ctx) -> tuple[str, Reason]:
    """(status, reason) for expunging the conviction on equitable grounds, by the circuit's law."""
    kokkonen = ctx.precedent("ancillary_jurisdiction_limits", limit=1)
    if _set_aside(ctx):
        if _sought(ctx):
            ctx.warnings.append("circuit_position_not_encoded:expungement_after_vacatur")
        return "undetermined", ctx.reason(
            "discretion_remains",
            "The conviction appears to have been set aside. Whether a court may then expunge the records on "
            "equitable grounds depends on circuit law that is not encoded for that situation.", kokkonen)
    convictions = ctx.precedent("no_expungement_power_conviction", persuasive=False)
    narrow = ctx.precedent("expungement_extreme_circumstances_only", persuasive=False)
    asserted = [g for g in INVALIDITY_GROUNDS if ctx.case.request.has_ground(g)]
    if narrow and asserted:  # the circumstance is asserted: whether it is shown is the judge's call
        return "undetermined", ctx.reason(
            "discretion_remains",
            "In this circuit a court may expunge, if at all, only in extreme circumstances, such as a conviction "
            "found unconstitutional or illegal. The request asserts such a ground (" + ", ".join(asserted) + ") "
            "against a conviction that has not been set aside; whether it is shown is for the court.",
            convictions, narrow, kokkonen)
    if convictions:
        extreme = (" Only extreme circumstances, such as a conviction found unconstitutional or illegal or obtained "
                   "through government misconduct, could justify it; the request asserts none." if narrow else "")
        return "unavailable", ctx.reason(
            "no_expungement_power",
            "No statute lets a court expunge a valid conviction because of its consequences, and in this circuit a "
            "court has no equitable power to do so." + extreme,
            convictions, kokkonen)
    others = ctx.precedent("no_expungement_power_equitable", persuasive=False)
    if others:
        return "unavailable", ctx.reason(
            "no_expungement_power",
            "No statute lets a court expunge a valid conviction because of its consequences, and this circuit has "
            "held that a court has no ancillary jurisdiction to expunge criminal records on purely equitable "
            "grounds. Its cases involved an acquittal or a dismissal, not a conviction; their reasoning reaches any "
            "request that rests only on equity.", others, kokkonen)
    if narrow:
        unpublished = _this_circuit_unpublished(ctx, "no_expungement_power_equitable")
        text = ("No statute lets a court expunge a valid conviction because of its consequences. This circuit has "
                "recognized at most a narrow power to expunge, kept for extreme or exceptional circumstances such as "
                "an unconstitutional statute or irregular proceedings, and has held that the harm a record does to a "
                "person's search for work is not such a circumstance. The request asserts no such circumstance against "
                "a conviction that has not been set aside.")
        if kokkonen and all(ctx.kb.get(c.id).in_force_from < ctx.kb.get(kokkonen[0].id).in_force_from
                            for c in narrow):
            text += (" That holding came before Kokkonen, and no published decision of this circuit says whether any "
                     "such power survives it; on either view the request fails.")
        if unpublished:
            text += (" An unpublished decision of this circuit (not binding) has since held that Kokkonen leaves no "
                     "ancillary jurisdiction over a petition for equitable expungement.")
        return "unavailable", ctx.reason("no_expungement_power", text, narrow, kokkonen, unpublished)
    if _sought(ctx):  # the warning matters only where expungement is asked for
        ctx.warnings.append("circuit_position_not_encoded:expungement")
    elsewhere = ctx.precedent("no_expungement_power_conviction", limit=2)
    text = ("No statute lets a court expunge a valid conviction because of its consequences (§ 3607(c) reaches only "
            "its own cases). Whether a court in this circuit has any equitable (ancillary) power to do so is not "
            "encoded.")
    if kokkonen:
        text += (" Ancillary jurisdiction reaches only matters interdependent with the case and what a court needs "
                 "to manage its proceedings and carry out its decrees.")
    if elsewhere:
        text += (" Courts of appeals elsewhere have held that a request resting only on equity is beyond a "
                 "court's power (persuasive here).")
    return "undetermined", ctx.reason("no_statutory_authority", text, "usc18_3607", kokkonen, elsewhere)


def evaluate(ctx: Ctx) -> AvenueResult:
    statute = ctx.law("usc18_3607")
    disposition, why = _section_3607a_disposition(ctx)
    status, equitable = _equitable_power(ctx)
    if disposition is None:
        return ctx.undetermined(ctx.reason(
            "missing_fact",
            "§ 3607(c) requires that the case ended in pre-judgment probation under § 3607(a) (simple possession, no "
            "judgment of conviction) and that the person was under 21 at the offense; the file does not say.",
            statute.id), equitable, questions=_questions(ctx),
            to_show=("a § 3607(a) disposition", "age under 21 at the time of the offense"))
    not_3607 = ctx.reason(
        "no_3607_disposition",
        "§ 3607(c) expunges only a case that ended in pre-judgment probation under § 3607(a), for a person under 21 "
        "at the offense; it does not reach an ordinary conviction. " + why, statute.id)
    if status == "unavailable":
        return ctx.unavailable(not_3607, equitable)
    return ctx.undetermined(not_3607, equitable)
