"""28 U.S.C. § 2241: habeas corpus for a federal prisoner challenging how the sentence is carried out.

The statute (`usc28_2241`): (a) courts grant the writ "within their respective jurisdictions";
(c)(3) to a prisoner in custody in violation of the Constitution or laws of the United States. A
federal prisoner uses it against the EXECUTION of the sentence -- credit, drug-treatment
reductions, time credits -- filing in the district of confinement (Rumsfeld v. Padilla, 2004). The
VALIDITY of the conviction or sentence belongs to § 2255 in the sentencing court.

Claims, from `request.grounds` (or what is sought / the statute invoked):
  credit_for_prior_custody  18 U.S.C. § 3585(b): credit for official detention before the sentence
                            began, not credited against another sentence. The Bureau of Prisons
                            computes it once the sentence starts (United States v. Wilson, 1992);
                            the sentencing court has no power to award it on a motion in the
                            criminal case (`wrong_forum`). Route: the Bureau's administrative remedy
                            program (28 C.F.R. § 542.10 et seq.), then § 2241 where confined.
  rdap_credit               § 3621(e)(2)(B): the Bureau "may" cut up to a year for a nonviolent
                            offender who completes residential drug treatment -- its discretion,
                            and categorical exclusions by rule are lawful (Lopez v. Davis, 2001).
                            The rule in force on as_of (family cfr28_550_55): former § 550.58
                            (1995-06-26 .. 2009-03-16, "INS detainees" excluded), § 550.55 (from
                            2009-03-16, immigration detainees excluded; ten-year look-back on
                            priors from 2016-05-26). § 3625 takes the APA's review away from the
                            Bureau's individual decisions (Reeb v. Thomas, 9th Cir. 2011): a plea
                            that the Bureau misjudged the case is `no_judicial_review`; custody in
                            violation of the Constitution or a statute still is reviewable.
  first_step_act_credits    § 3632(d)(4), from 2018-12-21: earned time credits toward prerelease
                            custody or supervised release; (E)(i): a prisoner subject to a final
                            order of removal cannot apply them (`final_order_of_removal`).
Exhaustion: judge-made but ordinarily required before § 2241 (Moscato, 3d Cir. 1996; Garza, 10th
Cir. 2010): `not_exhausted` when the file says so; asked (administrative.fully_exhausted) when it
is silent and a claim is otherwise open; a plea of futility is for the court.
Savings clause, § 2255(e): a validity attack through § 2241 is barred unless § 2255 is
"inadequate or ineffective" (`remedy_adequate`). Before Jones v. Hendrix (2023-06-22):
  first motion open   in every circuit: no § 2255 motion in `history` and the § 2255(f)(1) year
                      from finality (computed as for s2255; before AEDPA, no limit) not run at
                      `request.filed_on` -> § 2255 is adequate, with its deadline; a missing date
                      is asked when the circuit's test turns on it.
  circuit tests       closed to change-in-law claims: 10th (Caravalho 1999, Prost 2011), 11th
                      (McCarthan 2017). Open to a claim that an intervening Supreme Court statutory
                      decision shows the conduct was not criminal, when § 2255 cannot raise it: 3d
                      (Dorsainvil 1997, Bruce 2017; a lapsed § 2255 year is not inadequacy, Cradle
                      2002), 4th (In re Jones 2000), 5th (Reyes-Requena 2001) -> `undetermined`
                      with what to show. Other circuits: not encoded.
Since Jones, a statutory-interpretation claim barred by § 2255(h) cannot come through § 2241 at all.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..calendar import judgment_final_on
from ..engine.context import Ctx
from ..engine.result import AvenueResult, Deadline, Question, Reason
from ..law.courts import DistrictCourt, UnknownCourt, resolve_court
from .s2255 import AEDPA, f1_year

ID = "s2241"
TITLE = "28 U.S.C. § 2241: habeas corpus (execution of the sentence)"
FORUM = "district_of_confinement"
RELIEF = "an order that the sentence be carried out lawfully (custody credit, drug-treatment reduction, time credits)"
DELIVERS = frozenset({"credit_for_time_served"})
INVOKED_BY = (r"2241", r"3585", r"3621", r"3632", r"time credits?", r"\bRDAP\b")
NEEDS = ("custody.status", "custody.facility_district", "administrative.fully_exhausted",
         "custody.immigration", "request.grounds")

CREDIT_GROUNDS = {"credit_for_prior_custody", "presentence_custody_credit"}
RDAP_GROUNDS = {"rdap_credit", "rdap_completed", "rdap_eligibility"}
FSA_GROUNDS = {"first_step_act_credits", "fsa_time_credits"}
DISCRETION_CHALLENGE = {"bop_abuse_of_discretion"}  # attacks the Bureau's judgment in the individual case
VALIDITY_SEEKS = {"vacate_sentence", "vacate_conviction"}
VALIDITY_GROUNDS = {"new_rule", "actual_innocence", "ineffective_assistance", "statutory_interpretation",
                    "vacated_prior_conviction"}
STATUTORY_GROUNDS = {"new_rule", "statutory_interpretation", "actual_innocence"}
HABEAS = (r"2241", r"habeas")
JONES_V_HENDRIX = date(2023, 6, 22)


@dataclass
class Claim:
    """One execution claim: either a bar that closes it, or an open reason and what to show."""

    name: str
    bars: list[Reason] = field(default_factory=list)
    open: Reason | None = None
    to_show: tuple[str, ...] = ()
    questions: list[Question] = field(default_factory=list)


def _tags(ctx: Ctx) -> set[str]:
    return {g.tag for g in ctx.case.request.grounds}


def _invokes(ctx: Ctx, *patterns: str) -> bool:
    return any(re.search(p, text, re.I) for text in ctx.case.request.invokes for p in patterns)


def _habeas(ctx: Ctx) -> bool:
    """A habeas petition (not a motion in the criminal case): § 2241 or habeas invoked or in the title."""
    title = ctx.case.request.title or ""
    return _invokes(ctx, *HABEAS) or any(re.search(p, title, re.I) for p in HABEAS)


def _facility(ctx: Ctx) -> DistrictCourt | None:
    text = ctx.case.custody.facility_district
    if not text:
        return None
    try:
        return resolve_court(text)
    except UnknownCourt:
        return None


def _claims(ctx: Ctx) -> list[str]:
    tags = _tags(ctx)
    out = []
    if tags & RDAP_GROUNDS or _invokes(ctx, r"3621", r"\bRDAP\b"):
        out.append("rdap")
    if tags & FSA_GROUNDS or _invokes(ctx, r"3632", r"time credits?"):
        out.append("fsa")
    seeks_credit = "credit_for_time_served" in ctx.case.request.seeks
    if tags & CREDIT_GROUNDS or _invokes(ctx, r"3585") or (seeks_credit and not out):
        out.append("credit")
    return out


# ----- the claims --------------------------------------------------------------------------------
def _credit(ctx: Ctx) -> Claim:
    return Claim("credit", open=ctx.reason(
        "eligible",
        "Credit for official detention before the sentence began is computed by the Bureau of Prisons after the "
        "sentence starts; a § 2241 petition in the district of confinement can test its computation.",
        "usc18_3585_b", ctx.precedent("bop_computes_credit", limit=1), "usc28_2241"),
        to_show=("official detention before the federal sentence began, resulting from the offense or from a "
                 "charge for which the person was arrested after it",
                 "that the time has not been credited against another sentence"))


def _rdap(ctx: Ctx) -> Claim:
    rule = ctx.law("cfr28_550_55")
    claim = Claim("rdap")
    immigration = ctx.case.custody.immigration
    if immigration is not None and immigration.detainer:
        claim.bars.append(ctx.reason(
            "denied_in_discretion",
            f"The Bureau's early-release rule in force ({rule.citation}) excludes immigration detainees, as an "
            "exercise of the Director's discretion, and the record shows an immigration detainer; the statute lets "
            "the Bureau grant or refuse the reduction, and it may exclude whole categories by rule.",
            rule.id, "usc18_3621_e", ctx.precedent("rdap_bop_discretion", limit=1)))
    if _tags(ctx) & DISCRETION_CHALLENGE:
        claim.bars.append(ctx.reason(
            "no_judicial_review",
            "The Bureau's individual decisions about the drug-treatment reduction are outside the Administrative "
            "Procedure Act's review (§ 3625); a claim that the Bureau misjudged this case is not one a court can "
            "review. Only custody in violation of the Constitution or a federal statute is (§ 2241(c)(3)).",
            "usc18_3625", ctx.precedent("rdap_no_judicial_review", limit=1), "usc28_2241"))
    if not claim.bars:
        claim.open = ctx.reason(
            "eligible",
            "Whether to reduce the term (by up to one year) is for the Bureau; a § 2241 petition can test only "
            "whether the way it applied its rule leaves the person in custody in violation of the Constitution or "
            "a federal statute.", "usc18_3621_e", rule.id, "usc18_3625", "usc28_2241")
        claim.to_show = ("custody in violation of the Constitution or a federal statute, not disagreement with the "
                         "Bureau's judgment in the individual case",
                         "a conviction for a nonviolent offense and completion of residential drug treatment",
                         f"that no exclusion in {rule.citation} applies")
    return claim


def _fsa(ctx: Ctx) -> Claim:
    statute = ctx.kb.get("usc18_3632_d4")
    claim = Claim("fsa")
    if not statute.in_force_on(ctx.as_of):
        claim.bars.append(ctx.reason(
            "no_statutory_authority",
            f"Earned time credits exist only under the First Step Act, in force from {statute.in_force_from}.",
            statute.id))
        return claim
    immigration = ctx.case.custody.immigration
    removal = immigration.final_removal_order if immigration is not None else None
    if removal:
        claim.bars.append(ctx.reason(
            "final_order_of_removal",
            "A prisoner who is the subject of a final order of removal cannot apply First Step Act time credits "
            "toward prerelease custody or supervised release (§ 3632(d)(4)(E)(i)).", statute.id))
        return claim
    if removal is None and immigration is not None and immigration.detainer:
        claim.questions.append(ctx.question("custody.immigration.final_removal_order"))
    claim.open = ctx.reason(
        "eligible",
        "Time credits earned in recidivism-reduction programs or productive activities are applied toward "
        "prerelease custody or supervised release; the Bureau's refusal to apply them can be tested by § 2241.",
        statute.id, "usc28_2241")
    claim.to_show = ("successful participation in evidence-based recidivism-reduction programs or productive "
                     "activities after the subchapter's enactment, and not during pre-sentence detention",
                     "no conviction for an offense listed in § 3632(d)(4)(D)",
                     "not the subject of a final order of removal")
    return claim


CLAIMS = {"credit": _credit, "rdap": _rdap, "fsa": _fsa}


# ----- forum, exhaustion, savings clause ----------------------------------------------------------
def _wrong_forum(ctx: Ctx, facility: DistrictCourt | None) -> Reason | None:
    if facility is not None and facility.id != ctx.court.id:
        return ctx.reason(
            "wrong_forum",
            f"The person is confined in the {facility.name}; a § 2241 petition about the execution of the sentence "
            f"is heard only there, not in the {ctx.court.name}.",
            "usc28_2241", ctx.precedent("s2241_district_of_confinement", limit=1))
    if facility is None and not _habeas(ctx):
        return ctx.reason(
            "wrong_forum",
            "This is a motion in the criminal case asking the sentencing court to change how the Bureau of Prisons "
            "carries out the sentence. The court has no power to do that on such a motion: the Bureau computes "
            "credit and decides program reductions, and its decisions are reviewed, after the Bureau's "
            "administrative remedy process, by a § 2241 petition in the district where the person is confined.",
            ctx.precedent("bop_computes_credit", limit=1), "usc28_2241", "cfr28_542_10",
            ctx.precedent("s2241_district_of_confinement", limit=1))
    return None


def _not_exhausted(ctx: Ctx) -> Reason | None:
    if ctx.case.administrative.fully_exhausted is not False:
        return None
    futile = " The petition says exhaustion would be futile; whether that excuses it is for the court." \
        if ctx.case.request.has_ground("exhaustion_futile") else ""
    return ctx.reason(
        "not_exhausted",
        "The Bureau's administrative remedy process was not completed before filing; a federal prisoner must "
        "ordinarily exhaust it before seeking relief under § 2241." + futile,
        "cfr28_542_10", ctx.precedent("s2241_exhaustion", limit=2))


@dataclass
class FirstMotion:
    """Whether a first, timely § 2255 motion was still open when the petition was filed."""

    open: bool | None                # None: the file does not say enough
    text: str = ""
    authorities: tuple[str, ...] = ()
    deadline: Deadline | None = None
    missing: tuple[tuple[str, str], ...] = ()  # (fact path, why it matters)


def _first_motion(ctx: Ctx) -> FirstMotion:
    """No § 2255 motion in `history`, and the § 2255(f)(1) year from finality not run at
    `request.filed_on` (finality and the year computed as the s2255 avenue computes them)."""
    if any(h.avenue == "s2255" for h in ctx.case.history):
        return FirstMotion(False, "A § 2255 motion has already been made.")
    if ctx.as_of < AEDPA:
        return FirstMotion(True, "No § 2255 motion has been made, and before AEDPA (1996-04-24) one could be made "
                                 "at any time.", ("usc28_2255",))
    why = "Whether the one year for a first § 2255 motion had run when the petition was filed decides whether " \
          "§ 2255 was still open."
    judgment = ctx.case.sentence.judgment_date
    appeal = None if ctx.case.appeal in (None, "none") else ctx.case.appeal
    appellate_dates = appeal is not None and (appeal.decided_on or appeal.certiorari_denied_on)
    pending = FirstMotion(True, "No § 2255 motion has been made, and the direct appeal is pending, so the "
                                "conviction is not final and the year for a first motion has not begun.",
                          ("usc28_2255_f",))
    if ctx.case.appeal is None:
        return FirstMotion(None, missing=(("appeal", why),))
    if appeal is not None and appeal.result == "pending" and not appellate_dates:
        return pending
    if judgment is None and not appellate_dates and not (appeal is not None and appeal.filed_on):
        path = "appeal.decided_on" if appeal is not None else "sentence.judgment_entered_on"
        return FirstMotion(None, missing=((path, why),))
    fin = judgment_final_on(judgment, appeal)
    if fin.final_on is None:
        if fin.basis == "appeal_pending":
            return pending
        # appeal dates unknown, or a remand: finality runs from a date the file does not give
        path = "appeal.decided_on" if fin.basis == "appeal_dates_unknown" else "sentence.judgment_entered_on"
        return FirstMotion(None, missing=((path, why),))
    ends, dl, finality = f1_year(ctx, fin)
    filed = ctx.case.request.filed_on or ctx.as_of
    authorities = ("usc28_2255_f",) + finality
    if filed <= ends:
        return FirstMotion(True, f"No § 2255 motion has been made; the conviction became final on {fin.final_on}, "
                                 f"and a first motion may be filed in the sentencing court until {ends} (this "
                                 f"petition was filed {filed}).", authorities, dl)
    return FirstMotion(False, f"The one year for a first § 2255 motion ran from {fin.final_on} to {ends}, before "
                              f"this petition was filed ({filed}).", authorities, dl)


def _savings_clause(ctx: Ctx, forum: str) -> AvenueResult:
    base = ("A prisoner who can move under § 2255 may not use § 2241 to attack the validity of the conviction or "
            "sentence unless the § 2255 remedy is \"inadequate or ineffective\" to test it (§ 2255(e)); that a "
            "§ 2255 motion was denied before, or a new one is barred, does not make it so.")
    if any(h.avenue == "s2255" for h in ctx.case.history):
        base += " A further § 2255 motion needs the court of appeals' authorization first."
    statutory = _tags(ctx) & STATUTORY_GROUNDS
    circuit = (ctx.precedent("savings_clause_narrow", persuasive=False)
               or ctx.precedent("savings_clause_change_in_law_not_inadequate", persuasive=False))
    if ctx.as_of >= JONES_V_HENDRIX:
        return ctx.unavailable(ctx.reason(
            "remedy_adequate",
            base + " Since Jones v. Hendrix (2023-06-22) an intervening statutory-interpretation claim barred by "
            "§ 2255(h) cannot be brought through § 2241 at all.",
            "usc28_2255", ctx.precedent("savings_clause_statutory_claims", limit=1), circuit), forum=forum)
    first = _first_motion(ctx)
    if first.open:
        return ctx.unavailable(ctx.reason(
            "remedy_adequate",
            f"{base} {first.text} A first, timely § 2255 motion in the sentencing court can test the claim, so the "
            "remedy is not inadequate or ineffective: before Jones v. Hendrix the circuits' tests opened § 2241 only "
            "where § 2255 could not be used to raise the claim.",
            "usc28_2255", *first.authorities,
            ctx.precedent("savings_clause_intervening_statutory_claim", persuasive=False),
            ctx.precedent("savings_clause_first_motion_open")),
            deadline=first.deadline, forum=forum)
    questions = [ctx.question(path, why) for path, why in first.missing]
    if circuit:
        return ctx.unavailable(ctx.reason("remedy_adequate", base, "usc28_2255", circuit), forum=forum)
    test = ctx.precedent("savings_clause_intervening_statutory_claim", persuasive=False)
    if test:
        return _intervening_statutory_test(ctx, forum, base, statutory, first, questions, test)
    ctx.warnings.append("circuit_position_not_encoded:savings_clause")
    if statutory:
        return ctx.undetermined(ctx.reason(
            "missing_fact",
            base + " Before Jones v. Hendrix (2023-06-22) the circuits differed on whether an intervening "
            "statutory-interpretation claim could use the savings clause; this circuit's test is not encoded.",
            "usc28_2255"), questions=questions, deadline=first.deadline, forum=forum)
    return ctx.unavailable(ctx.reason(
        "remedy_adequate", base + " This circuit's own savings-clause test is not encoded.",
        "usc28_2255", ctx.precedent("savings_clause_narrow", limit=1)), forum=forum)


def _intervening_statutory_test(ctx: Ctx, forum: str, base: str, statutory: set[str], first: FirstMotion,
                                questions: list[Question], test: tuple) -> AvenueResult:
    """Third (Dorsainvil, Bruce), Fourth (In re Jones) and Fifth (Reyes-Requena) Circuits before
    Jones v. Hendrix: § 2241 is open only to a claim that an intervening Supreme Court decision
    interpreting the criminal statute shows the conduct was not criminal, which § 2255 cannot raise."""
    rule = ("In this circuit, before Jones v. Hendrix, § 2241 was open only to a claim that an intervening Supreme "
            "Court decision interpreting the criminal statute shows the prisoner's conduct was not criminal, where "
            "§ 2255 cannot be used to raise it.")
    if not statutory:
        return ctx.unavailable(ctx.reason(
            "remedy_adequate", f"{base} {rule} This claim is not of that kind; § 2255 can test it.",
            "usc28_2255", test), forum=forum)
    if first.open is None:
        return ctx.undetermined(ctx.reason(
            "missing_fact", f"{base} {rule} Whether a first, timely § 2255 motion was still open when the petition "
            "was filed decides the point first: if it was, § 2255 is adequate.",
            "usc28_2255", "usc28_2255_f", test), questions=questions, forum=forum)
    lapsed, lapsed_text = (), ""
    if first.deadline is not None:  # no § 2255 motion, and its year ran before the petition
        lapsed = ctx.precedent("savings_clause_time_bar_not_inadequate", limit=1)
        lapsed_text = " That the time for a first § 2255 motion was allowed to lapse does not by itself make § 2255 " \
                      "inadequate."
    return ctx.undetermined(ctx.reason(
        "eligible", f"{base} {first.text} {rule} Whether this claim meets that test is for the court on what the "
        f"petition shows.{lapsed_text}", "usc28_2255", *first.authorities, test, lapsed), deadline=first.deadline, forum=forum,
        to_show=("an intervening Supreme Court decision interpreting the criminal statute (not a new rule of "
                 "constitutional law, which § 2255(h)(2) covers), applying on collateral review, under which the "
                 "conduct of conviction is not criminal",
                 "actual innocence under that interpretation",
                 "that § 2255 could not be used to raise the claim: a second motion is barred by § 2255(h), and the "
                 "claim was not available when a first motion could have been made"))


def evaluate(ctx: Ctx) -> AvenueResult:
    facility = _facility(ctx)
    here = "this_court" if facility is not None and facility.id == ctx.court.id else FORUM
    names = _claims(ctx)
    if not names:
        tags, seeks = _tags(ctx), set(ctx.case.request.seeks)
        if _habeas(ctx) and (seeks & VALIDITY_SEEKS or tags & VALIDITY_GROUNDS):
            return _savings_clause(ctx, here)
        if _habeas(ctx):
            return ctx.ask("request.grounds", reason_text="The petition invokes § 2241 but does not say what part of "
                           "the sentence's execution it challenges.")
        return ctx.unavailable(ctx.reason(
            "not_a_ground",
            "No claim about how the sentence is being carried out (custody credit, drug-treatment reduction, time "
            "credits) is made; § 2241 is the vehicle for those, not for changing the sentence itself.",
            "usc28_2241"))
    if ctx.case.custody.status == "released":
        return ctx.unavailable(ctx.reason(
            "not_in_custody",
            "The person is no longer in custody, and the writ issues only to a prisoner in custody.", "usc28_2241"))
    claims = [CLAIMS[n](ctx) for n in names]
    bars = [b for c in claims for b in c.bars]
    wrong_forum = _wrong_forum(ctx, facility)
    not_exhausted = _not_exhausted(ctx)
    closing = ([wrong_forum] if wrong_forum else []) + bars + ([not_exhausted] if not_exhausted else [])
    open_claims = [c for c in claims if c.open is not None]
    if wrong_forum:
        return ctx.unavailable(*closing, forum="this_court")
    if not open_claims:
        return ctx.unavailable(*closing, forum=here)
    opens = [c.open for c in open_claims if c.open is not None]
    to_show = tuple(s for c in open_claims for s in c.to_show)
    if not_exhausted:
        if ctx.case.request.has_ground("exhaustion_futile"):
            return ctx.undetermined(*closing, ctx.reason(
                "discretion_remains", "Whether futility excuses the failure to exhaust is for the court.",
                ctx.precedent("s2241_exhaustion", limit=1)), forum=here)
        return ctx.unavailable(*closing, forum=here)
    questions = [q for c in open_claims for q in c.questions]
    if facility is None:
        questions.append(ctx.question("custody.facility_district"))
    if ctx.case.administrative.fully_exhausted is None:
        questions.append(ctx.question("administrative.fully_exhausted"))
    if questions:
        return ctx.undetermined(*opens, *bars, questions=questions, to_show=to_show, forum=here)
    return ctx.available(*opens, *bars, to_show=to_show, forum=here)
