"""First Step Act of 2018 § 404: a reduced sentence for a "covered" crack-cocaine offense.

§ 404(a)  A "covered offense" is a violation of a federal criminal statute whose statutory
          penalties were modified by section 2 or 3 of the Fair Sentencing Act of 2010, committed
          before August 3, 2010. Section 2 raised the crack (cocaine base) quantities of 21 U.S.C.
          § 841(b)(1)(A) (50 g -> 280 g) and (B) (5 g -> 28 g), and of § 960(b); section 3 removed
          the mandatory minimum for simple possession of crack (§ 844(a)).
§ 404(b)  The court that imposed the sentence may, on motion of the defendant, the government or
          the court, impose a reduced sentence as if sections 2 and 3 had been in force when the
          covered offense was committed.
§ 404(c)  No court may entertain the motion if the sentence was already imposed or reduced under
          sections 2 and 3, or if an earlier § 404 motion was denied after a complete review on the
          merits; and nothing requires a court to reduce any sentence.

Dates (the code compares with the dates the knowledge base holds for each authority):
  before 2018-12-21  § 404 did not exist; the 2010 Act reached only sentences imposed after it.
  2018-12-21 ..      § 404 in force.
  2012-06-21         Dorsey: the 2010 Act governs every sentence imposed after 2010-08-03, so a
                     sentence imposed after Dorsey was imposed under it (§ 404(c)); one imposed
                     between 2010-08-03 and Dorsey may or may not have been (asked, not guessed).
  2021-06-14 ..      Terry: only crack offenses that triggered a mandatory minimum under
                     § 841(b)(1)(A) or (B) are covered; a (b)(1)(C) offense is not. Before Terry the
                     circuits divided on (b)(1)(C); only positions read in a source are encoded
                     (law/propositions_fsa.yaml), elsewhere the answer is undetermined.
  2022-06-27 ..      Concepcion: in deciding the motion the court may consider intervening changes of
                     law and fact; it still need not reduce.
A motion to reduce a sentence already fully served is moot (Payne, 4th Cir. 2022; Martin, 2d Cir.
2020): there is nothing left to reduce.

Which penalty subparagraph a conviction carried is read from the statute as cited ("21 U.S.C.
§§ 841(a)(1), 841(b)(1)(A), and 846"); where the citation stops at § 841(a), from the crack
quantity the conviction's description states, measured against the thresholds in force on the
offense date (law/offenses.py); otherwise it is asked.
"""
from __future__ import annotations

import re
from datetime import date

from ..engine.context import Ctx, question_wording
from ..engine.result import AvenueResult, Question, Reason
from ..facts.model import Conviction
from ..law.offenses import Provision, crack_grams, involves_crack, parse_statute

ID = "fsa404"
TITLE = "First Step Act of 2018 § 404: covered crack-cocaine offenses"
FORUM = "this_court"
RELIEF = "a reduced sentence as if the Fair Sentencing Act of 2010 had been in force"
DELIVERS = frozenset({"sentence_reduction"})
INVOKED_BY = (r"first step act[^;]*\b404\b", r"\b404\b[^;]*first step act", r"fair sentencing act",
              r"§\s*404\s*\(?[abc]?\)?\s*(?:of the )?(?:first step|fsa)")
NEEDS = ("convictions", "sentence.imposed_on", "custody.status", "history")

DRUG_SECTIONS = {("21", "841"), ("21", "846"), ("21", "844"), ("21", "960"), ("21", "963")}
OTHER_DRUG = re.compile(r"methamphetamine|heroin|marihuana|marijuana|fentanyl|oxycodone|hydrocodone|"
                        r"\bpcp\b|phencyclidine|\blsd\b|mdma|ecstasy|\bcocaine\b(?!\s+base)", re.I)
# 21 U.S.C. § 960(b)(1)-(3) carry the import offenses' counterparts of § 841(b)(1)(A)-(C).
SUBPARAGRAPH = {("841", ("b", "1", "A")): "A", ("841", ("b", "1", "B")): "B", ("841", ("b", "1", "C")): "C",
                ("960", ("b", "1")): "A", ("960", ("b", "2")): "B", ("960", ("b", "3")): "C"}
# Fair Sentencing Act § 2 raised these to 280 g and 28 g (KB fair_sentencing_act_2010; law/offenses.yaml crack_grams)
PRE_2010_CRACK_GRAMS = {"A": 50, "B": 5}


def _on(ctx: Ctx, ident: str) -> date:
    """The date an authority took effect (decision date for a case): the KB is the one source."""
    return ctx.kb.get(ident).in_force_from


def _ask(ctx: Ctx, path: str, generic: str, why: str | None = None) -> Question:
    return ctx.question(path, why or question_wording().get(generic))


# ------------------------------------------------------------------ one conviction
class _Finding:
    """What one conviction shows: covered / not_covered / unknown / unsettled (circuit split)."""

    def __init__(self, state: str, reason: Reason | None = None, questions: tuple[Question, ...] = ()):
        self.state, self.reason, self.questions = state, reason, questions


def _subparagraph(provisions: tuple[Provision, ...]) -> str | None:
    for p in provisions:
        for (section, prefix), letter in SUBPARAGRAPH.items():
            if p.section == section and p.path[: len(prefix)] == prefix:
                return letter
    return None


def _from_quantity(grams: float | None) -> str | None:
    """The pre-2010 subparagraph a stated crack quantity fell in (a covered offense is pre-2010)."""
    if grams is None:
        return None
    if grams >= PRE_2010_CRACK_GRAMS["A"]:
        return "A"
    return "B" if grams >= PRE_2010_CRACK_GRAMS["B"] else "C"


def _committed(ctx: Ctx, conv: Conviction) -> tuple[bool | None, str]:
    """Was the offense committed before 2010-08-03? (answer, how we know). An offense cannot be
    later than the sentence for it, so a sentence imposed before that date answers the question
    when the offense date is not stated."""
    line = _on(ctx, "fair_sentencing_act_2010")
    if conv.offense_date is not None:
        before = conv.offense_date < line
        return before, f"committed on {conv.offense_date}, " + ("before 2010-08-03" if before else "on or after 2010-08-03")
    imposed = ctx.case.sentence.imposed_on
    if imposed is not None and imposed < line:
        return True, f"committed before the sentence imposed on {imposed}, and so before 2010-08-03"
    return None, ""


def _label(conv: Conviction) -> str:
    return conv.statute or f"the conviction for {conv.description}"


def _conviction(ctx: Ctx, i: int, conv: Conviction) -> _Finding:
    where = f"convictions[{i}]"
    text = conv.description or ""
    provisions = parse_statute(conv.statute or "")
    sections = {(p.title, p.section) for p in provisions}
    if provisions and not sections & DRUG_SECTIONS:
        return _Finding("not_covered", ctx.reason(
            "not_covered_offense", f"{conv.statute} is not a drug statute whose penalties the Fair Sentencing "
            "Act of 2010 changed (it changed only the crack-cocaine penalties of 21 U.S.C. § 841(b)(1), their "
            "import counterparts, and simple possession).",
            "fsa_2018_s404", "fair_sentencing_act_2010"))
    crack_clause = any(p.section == "841" and p.path[:3] in (("b", "1", "A"), ("b", "1", "B")) and p.path[3:4] == ("iii",)
                       for p in provisions)
    if not (involves_crack(text) or crack_clause):
        if OTHER_DRUG.search(text):
            return _Finding("not_covered", ctx.reason(
                "not_covered_offense", f"The offense ({text}) did not involve cocaine base; the Fair Sentencing "
                "Act of 2010 changed only the crack-cocaine penalties.", "fsa_2018_s404", "fair_sentencing_act_2010"))
        if not provisions:
            return _Finding("unknown", None, (_ask(ctx, f"{where}.statute", "convictions[].statute"),))
        return _Finding("unknown", None, (_ask(ctx, f"{where}.description", "convictions[].description"),))
    if ("21", "844") in sections and not sections & {("21", "841"), ("21", "960")}:
        return _possession(ctx, i, conv)
    letter = _subparagraph(provisions)
    inferred = ""
    if letter is None:
        letter = _from_quantity(crack_grams(text))
        if letter:
            inferred = (f" (read from the {crack_grams(text):g} g of cocaine base the description states, "
                        "measured against the thresholds before 2010-08-03)")
    if letter is None:
        return _Finding("unknown", None, (_ask(ctx, f"{where}.statute", "convictions[].statute",
            "The penalty subparagraph (21 U.S.C. § 841(b)(1)(A), (B) or (C)) decides whether a crack offense is covered."),))
    if letter == "C":
        found = _b1c(ctx, conv)
        if found.state != "covered":
            return found
    before, when = _committed(ctx, conv)
    if before is None:
        return _Finding("unknown", None, (_ask(ctx, f"{where}.offense_date", "convictions[].offense_date"),))
    if not before:
        return _Finding("not_covered", ctx.reason(
            "not_covered_offense", f"The offense was {when}, when the Fair Sentencing Act already applied; only "
            "earlier offenses are covered.", "fsa_2018_s404", "fair_sentencing_act_2010"))
    if letter == "C":
        return _Finding("covered", ctx.reason(
            "eligible", f"{_label(conv)}: a crack offense under § 841(b)(1)(C), {when}; in this circuit such an "
            "offense is covered (before Terry v. United States).",
            "fsa_2018_s404", *_in_circuit(ctx, "fsa404_b1c_covered_before_terry")))
    terry = ("terry_2021",) if ctx.as_of >= _on(ctx, "terry_2021") else ()
    return _Finding("covered", ctx.reason(
        "eligible", f"{_label(conv)}: a crack offense under § 841(b)(1)({letter}){inferred}, {when}; section 2 "
        "of the Fair Sentencing Act changed its statutory penalties, so it is a covered offense.", "fsa_2018_s404", "fair_sentencing_act_2010", *terry))


def _in_circuit(ctx: Ctx, proposition: str):
    """Authorities for `proposition` decided by this circuit's court of appeals (published or not)."""
    found = ctx.kb.supporting(proposition, ctx.circuit, ctx.as_of)
    return tuple(ctx.cited(a.id) for a, _ in found if a.circuit == ctx.circuit)


def _b1c(ctx: Ctx, conv: Conviction) -> _Finding:
    if ctx.as_of >= _on(ctx, "terry_2021"):
        return _Finding("not_covered", ctx.reason(
            "not_covered_offense", f"{_label(conv)}: a crack offense under § 841(b)(1)(C) triggered no mandatory "
            "minimum, so it is not a covered offense.", "terry_2021", "fsa_2018_s404"))
    no, yes = _in_circuit(ctx, "fsa404_b1c_not_covered_before_terry"), _in_circuit(ctx, "fsa404_b1c_covered_before_terry")
    if no and not yes:
        return _Finding("not_covered", ctx.reason(
            "not_covered_offense", f"{_label(conv)}: in this circuit a crack offense under § 841(b)(1)(C) is not a "
            "covered offense (the circuits were divided before Terry v. United States, 2021).", "fsa_2018_s404", no))
    if yes and not no:
        return _Finding("covered")
    ctx.warnings.append("law_outside_encoded_period")
    return _Finding("unsettled", ctx.reason(
        "missing_fact", f"{_label(conv)}: whether a § 841(b)(1)(C) crack offense was covered divided the circuits "
        f"before Terry v. United States (2021-06-14); this circuit's position on {ctx.as_of} is not encoded.",
        "fsa_2018_s404"))


def _possession(ctx: Ctx, i: int, conv: Conviction) -> _Finding:
    """§ 844(a) crack possession: section 3 of the 2010 Act removed its mandatory minimum, so the
    offense is covered if that minimum applied."""
    minimum = ctx.case.sentence.mandatory_minimum_months
    if minimum is None:
        return _Finding("unknown", None, (_ask(ctx, "sentence.mandatory_minimum_months", "sentence.mandatory_minimum_months",
            "Crack possession is a covered offense only if the mandatory minimum the 2010 Act removed applied."),))
    if minimum == 0:
        if ctx.as_of >= _on(ctx, "terry_2021"):
            return _Finding("not_covered", ctx.reason(
                "not_covered_offense", f"{conv.statute}: no mandatory minimum applied to this possession offense, so the "
                "2010 Act did not change its penalty.", "terry_2021", "fsa_2018_s404"))
        ctx.warnings.append("law_outside_encoded_period")
        return _Finding("unsettled", ctx.reason(
            "missing_fact", "Whether crack possession without a mandatory minimum was covered is not encoded for dates before "
            "Terry v. United States.", "fsa_2018_s404"))
    before, when = _committed(ctx, conv)
    if before is None:
        return _Finding("unknown", None, (_ask(ctx, f"convictions[{i}].offense_date", "convictions[].offense_date"),))
    if not before:
        return _Finding("not_covered", ctx.reason(
            "not_covered_offense", f"The possession offense was {when}, when the 2010 Act already applied.",
            "fsa_2018_s404", "fair_sentencing_act_2010"))
    return _Finding("covered", ctx.reason(
        "eligible", f"{conv.statute}: crack possession {when}, carrying a {minimum}-month mandatory minimum, "
        "which section 3 of the Fair Sentencing Act removed: a covered offense.", "fsa_2018_s404", "fair_sentencing_act_2010"))


# ------------------------------------------------------------------ the bars of § 404(c)
def _earlier_motion(ctx: Ctx) -> tuple[Reason | None, list[Question]]:
    for i, h in enumerate(ctx.case.history):
        if h.avenue != ID:
            continue
        if h.result == "granted":
            return ctx.reason(
                "prior_motion_bar", "The sentence was already reduced on an earlier § 404 motion, that is, under "
                "sections 2 and 3 of the Fair Sentencing Act; § 404(c) bars another.", "fsa_2018_s404_c"), []
        if h.result == "denied" and h.merits:
            return ctx.reason(
                "prior_motion_bar", "An earlier § 404 motion was denied after a complete review on the merits; § 404(c) "
                "bars the court from entertaining another (a claim-processing rule the government may waive).",
                "fsa_2018_s404_c", ctx.precedent("fsa404_prior_motion_bar")), []
        if h.result == "denied" and h.merits is None:
            return None, [_ask(ctx, f"history[{i}].merits", "history[].merits")]
    return None, []


def _imposed_under_2010_act(ctx: Ctx) -> tuple[Reason | None, list[Question]]:
    imposed = ctx.case.sentence.imposed_on
    if imposed is None:
        return None, [_ask(ctx, "sentence.imposed_on", "sentence.imposed_on",
                           "A sentence imposed after 2010-08-03 may already have applied the Fair Sentencing Act, which bars § 404 relief.")]
    if imposed < _on(ctx, "fair_sentencing_act_2010"):
        return None, []
    if imposed >= _on(ctx, "dorsey_2012"):
        return ctx.reason(
            "prior_motion_bar", f"The sentence was imposed on {imposed}, after Dorsey v. United States held that the "
            "Fair Sentencing Act governs every sentence imposed after 2010-08-03: it was imposed under sections 2 and 3, "
            "and § 404(c) bars a motion to reduce it.", "fsa_2018_s404_c", "dorsey_2012"), []
    return ctx.reason(
        "missing_fact", f"The sentence was imposed on {imposed}, after the Fair Sentencing Act but before Dorsey v. United "
        "States (2012-06-21); whether the court applied the Act's new thresholds decides the § 404(c) bar.",
        "fsa_2018_s404_c", "dorsey_2012"), [_ask(ctx, "sentence.mandatory_minimum_months", "sentence.mandatory_minimum_months",
            "Which statutory minimum the court applied shows whether the sentence was imposed under the Fair Sentencing Act.")]


# ------------------------------------------------------------------ the avenue
def evaluate(ctx: Ctx) -> AvenueResult:
    if ctx.as_of < _on(ctx, "fsa_2018_s404"):
        before = ("fair_sentencing_act_2010",) if ctx.as_of >= _on(ctx, "fair_sentencing_act_2010") else ()
        return ctx.unavailable(ctx.reason(
            "no_statutory_authority", f"On {ctx.as_of} no statute allowed a court to reduce a sentence already imposed "
            f"by applying the Fair Sentencing Act; § 404 of the First Step Act took effect on {_on(ctx, 'fsa_2018_s404')}.",
            *before))
    if ctx.case.custody.status == "released":
        return ctx.unavailable(ctx.reason(
            "moot", "The sentence has been fully served; there is no term left to reduce, so a § 404 motion is moot.",
            "fsa_2018_s404", ctx.precedent("fsa404_completed_sentence_moot")))
    barred, questions = _earlier_motion(ctx)
    if barred:
        return ctx.unavailable(barred)
    if not ctx.case.convictions:
        return ctx.ask("convictions", reason_text="The offenses of conviction are not stated.")
    findings = [_conviction(ctx, i, c) for i, c in enumerate(ctx.case.convictions)]
    covered = [f for f in findings if f.state == "covered"]
    if not covered:
        open_ = [f for f in findings if f.state in ("unknown", "unsettled")]
        if not open_:
            return ctx.unavailable(*[f.reason for f in findings if f.reason])
        # the facts still open, and those a covered offense would need next (docassemble's habit:
        # ask once for everything the goal still needs)
        later = _imposed_under_2010_act(ctx)[1] if all(f.state == "unknown" for f in open_) else []
        qs = [q for f in open_ for q in f.questions] + questions + later
        reasons = [f.reason for f in open_ if f.reason] or [Reason(
            "missing_fact", "Needs " + ", ".join(q.field for q in qs) + " to decide whether a conviction is a covered offense.")]
        return ctx.undetermined(*reasons, questions=qs)
    reasons = list(dict.fromkeys(f.reason for f in covered if f.reason))  # identical counts say it once
    imposed_bar, imposed_qs = _imposed_under_2010_act(ctx)
    if imposed_bar and imposed_bar.code == "prior_motion_bar":
        return ctx.unavailable(*reasons, imposed_bar)
    questions += imposed_qs
    if imposed_bar or questions:
        missing = imposed_bar or Reason("missing_fact", "Needs " + ", ".join(q.field for q in questions) + " to decide.")
        return ctx.undetermined(*reasons, missing, questions=questions)
    discretion = ["fsa_2018_s404_c"]
    text = ("Eligibility does not entitle the defendant to a reduction: whether and how far to reduce, as if the "
            "2010 Act had applied, is for the judge, weighing the § 3553(a) factors.")
    if ctx.as_of >= _on(ctx, "concepcion_2022"):
        text += " The court may consider intervening changes of law and fact, such as later Guidelines changes and conduct in prison."
        discretion.append("concepcion_2022")
    if ctx.case.custody.status is None:
        # Custody is not stated. Movants are almost always still serving; only a sentence fully served
        # makes the motion moot, so the condition is said rather than asked (s3582c1a does the same).
        text += " Custody is not stated: if the whole sentence has already been served, the motion is moot."
    return ctx.available(*reasons, ctx.reason("discretion_remains", text, *discretion),
                         to_show=("a covered offense committed before 2010-08-03",
                                  "why a reduced sentence is warranted under the § 3553(a) factors"))
