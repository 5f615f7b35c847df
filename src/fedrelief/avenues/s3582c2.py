"""18 U.S.C. § 3582(c)(2): reduction after a retroactive Sentencing Commission amendment.

The court may reduce a term only for a defendant "sentenced ... based on a sentencing range that
has subsequently been lowered by the Sentencing Commission", and only consistently with
U.S.S.G. § 1B1.10, which binds (Dillon v. United States):
  (a)  only an amendment listed in § 1B1.10(d) on the date of the reduction, and only if it
       lowers the defendant's applicable guideline range (the range before any departure);
  (b)  substitute only the amendment, leave every other finding alone; no reduction below the
       amended range's minimum, except a comparable one after a substantial-assistance motion;
  (e)  no order under 782 before 2015-11-01, nor under 821 before 2024-02-01.
A ground that is not a Commission amendment (a fast-track program, a departure, rehabilitation)
is no basis at all. A statutory minimum above the amended range keeps the range where it was
(§ 5G1.1(b)), so the amendment does not lower it.
"""
import re
from datetime import date

from ..engine.context import Ctx
from ..engine.result import AvenueResult, Reason
from ..guidelines import PolicyStatementNotEncoded, amendment, apply_5g1_1, coverage, reduction_floor, table_range
from ..law.offenses import involves_crack

ID = "s3582c2"
TITLE = "18 U.S.C. § 3582(c)(2): retroactive guideline amendment"
FORUM = "this_court"
RELIEF = "a reduced term under an amended guideline range"
DELIVERS = frozenset({"sentence_reduction"})
INVOKED_BY = (r"3582\s*\(c\)\s*\(2\)", r"amendment\s+\d{3}", r"retroactive")
NEEDS = ("request.grounds", "sentence.guidelines.offense_level", "sentence.guidelines.criminal_history_category",
         "sentence.mandatory_minimum_months", "sentence.imprisonment_months")

FAST_TRACK_NATIONWIDE = date(2012, 3, 1)  # DOJ fast-track policy for all districts (see KB alvarez_quiroz_2012)
FAST_TRACK_LEVELS = 4                      # U.S.S.G. § 5K3.1: "not more than 4 levels"
DRUG_TABLE_AMENDMENTS = {"706", "750", "782"}
NOT_AMENDMENTS = {
    "fast_track_disparity": "a fast-track (early disposition) program is a prosecutorial policy and a § 5K3.1 departure, not an amendment lowering a guideline range",
    "post_sentencing_rehabilitation": "rehabilitation after sentencing is not an amendment to the Guidelines",
    "deportable_alien_status": "a defendant's immigration status is not an amendment to the Guidelines",
    "departure": "a departure is not an amendment to the Guidelines",
    "booker": "a Supreme Court decision is not a Sentencing Commission amendment",
}


def _cells(ctx: Ctx) -> list[tuple[int, str]]:
    """(offense level, CHC) cells consistent with the facts: the stated ones, or every table cell
    whose range, after § 5G1.1, equals the stated range (so no single cell is guessed)."""
    g = ctx.case.sentence.guidelines
    if g and g.offense_level and g.criminal_history_category:
        return [(g.offense_level, g.criminal_history_category)]
    if not (g and g.range_months) or "life" in g.range_months:
        return []
    low, high = g.range_months
    minimum = ctx.case.sentence.mandatory_minimum_months
    out = []
    for lvl in range(1, 44):
        for chc in ("I", "II", "III", "IV", "V", "VI"):
            t = table_range(lvl, chc)
            fin = apply_5g1_1(t, minimum, None).final
            if (fin.low, fin.high if fin.high is not None else fin.low) == (low, high):
                out.append((lvl, chc))
    return out


def _cell_sentence(level: int, chc: str, gr, minimum) -> str:
    """'at offense level 29 and category III the table gives 108–135 months, which the 120-month
    minimum makes 120–135 months' -- the arithmetic in words a court could sign."""
    text = f"at offense level {level} and category {chc} the table gives {gr.table}"
    if gr.rule in ("5G1.1(b)",):
        text += f", and the {minimum}-month minimum becomes the guideline sentence (§ 5G1.1(b))"
    elif gr.rule.startswith("5G1.1(c)"):
        text += f", which the {minimum}-month minimum makes {gr.final} (§ 5G1.1(c))"
    return text


def _lowered(ctx: Ctx, cells, delta: int) -> tuple[bool, list[str]]:
    """Would lowering the offense level by `delta` lower the applicable range? Returns (lowers, steps)."""
    minimum = ctx.case.sentence.mandatory_minimum_months
    steps, lowers = [], []
    for lvl, chc in cells:
        before = apply_5g1_1(table_range(lvl, chc), minimum, None)
        after = apply_5g1_1(table_range(max(1, lvl + delta), chc), minimum, None)
        steps.append(_cell_sentence(lvl, chc, before, minimum) + "; " + f"{abs(delta)} levels lower, "
                     + _cell_sentence(max(1, lvl + delta), chc, after, minimum))
        # What matters is the bottom of the applicable range: § 1B1.10(b)(2)(A) bars any reduction
        # below the amended minimum, so a range whose minimum stays put (120-135 -> 120 under a
        # 120-month minimum) has not been lowered in the sense that permits a reduction.
        lowers.append(after.final.low is not None and before.final.low is not None and after.final.low < before.final.low)
    return any(lowers), steps


def _floor_reason(ctx: Ctx) -> Reason | None:
    s, gov = ctx.case.sentence, ctx.case.government
    if (s.mandatory_minimum_months and s.imprisonment_months == s.mandatory_minimum_months
            and not gov.substantial_assistance_at_sentencing and not gov.safety_valve):
        return ctx.reason(
            "mandatory_minimum_floor",
            f"The sentence is the {s.mandatory_minimum_months}-month statutory minimum; where that minimum is above "
            "the top of a lowered range it becomes the guideline sentence (U.S.S.G. § 5G1.1(b)), so the "
            "applicable range cannot fall below it.", "ussg_5g1_1", "ussg_1b1_10")
    return None


def _not_lowered(ctx: Ctx, text: str, *more: str) -> Reason:
    return ctx.reason("amendment_does_not_lower_range", text, "usc18_3582_c2", "ussg_1b1_10", *more,
                      ctx.precedent("amendment_must_lower_range"))


def _non_amendment(ctx: Ctx, tag: str) -> list[Reason]:
    reasons = []
    imposed = ctx.case.sentence.imposed_on
    if tag == "fast_track_disparity" and imposed and imposed >= FAST_TRACK_NATIONWIDE:
        reasons.append(ctx.reason(
            "factual_premise_false",
            f"The fast-track policy took effect {FAST_TRACK_NATIONWIDE}, before the sentence was imposed on "
            f"{imposed}; the program the motion relies on was already in place at sentencing.",
            ctx.precedent("fast_track_2012", persuasive=True, limit=1)))
    reasons.append(ctx.reason(
        "not_a_ground", f"Section 3582(c)(2) reaches only a range lowered by a Commission amendment made "
        f"retroactive in § 1B1.10(d); {NOT_AMENDMENTS.get(tag, tag.replace('_', ' ') + ' is not such an amendment')}.",
        "usc18_3582_c2", "ussg_1b1_10", *(("ussg_5k3_1",) if tag == "fast_track_disparity" else ())))
    if tag == "fast_track_disparity":
        cells = _cells(ctx)
        if cells:
            lowers, steps = _lowered(ctx, cells, -FAST_TRACK_LEVELS)
            if not lowers:
                fin = apply_5g1_1(table_range(*cells[0]), ctx.case.sentence.mandatory_minimum_months, None).final
                cells_txt = ", ".join(f"{l}/{c}" for l, c in cells)
                reasons.append(_not_lowered(ctx,
                    f"Even a {FAST_TRACK_LEVELS}-level reduction would leave the applicable range at {fin.low} months "
                    f"because of the statutory minimum. For example, {steps[0]}."
                    + (f" The same holds for every offense level and category consistent with the range found "
                       f"({cells_txt})." if len(cells) > 1 else "")))
        floor = _floor_reason(ctx)
        if floor:
            reasons.append(floor)
    return reasons


KOONS = date(2018, 6, 4)     # Koons v. United States; Hughes v. United States (same day)
FREEMAN = date(2011, 6, 23)  # Freeman v. United States
ZERO_POINT_DISQUALIFIERS = {  # § 4C1.1(a) criteria visible in the guideline sections applied
    "3B1.1": "an aggravating-role adjustment (§ 3B1.1)", "3A1.4": "the terrorism adjustment (§ 3A1.4)",
    "3A1.1": "a hate-crime or vulnerable-victim adjustment (§ 3A1.1)", "3A1.5": "a serious human-rights offense adjustment (§ 3A1.5)",
    "2D1.1(b)(1)": "a dangerous weapon (§ 2D1.1(b)(1))", "2H1.1": "an offense under § 2H1.1",
}


def _effect(ctx: Ctx, number: str, part: str | None):
    """What the amendment changes in this case: (level_delta, chc_override, text, part) or a
    (status, reasons, questions) triple when it cannot be applied."""
    g = ctx.case.sentence.guidelines
    sections = tuple(g.guideline_sections) if g else ()
    if number in DRUG_TABLE_AMENDMENTS and g and (g.career_offender or g.armed_career_criminal):
        return "unavailable", [_not_lowered(ctx,
            f"The range was set by the career-offender (or armed-career-criminal) guideline, which Amendment "
            f"{number} does not change.", "ussg_4b1_1")], []
    if number == "782" or (number == "706" and _crack(ctx)):
        if sections and not any(sec.startswith("2D1.1") for sec in sections):
            return "unavailable", [_not_lowered(ctx, f"Amendment {number} changes § 2D1.1, which did not set this range.")], []
        return -2, None, f"Amendment {number} lowers the § 2D1.1 offense level by two", part
    if number == "821":
        pts = g.criminal_history_points if g else None
        status = g.status_points if g else None
        if part is None:
            part = "A" if status else ("B1" if pts == 0 else None)
        if part is None:
            return "undetermined", [ctx.reason("missing_fact", "Amendment 821 is covered only in Part A (status points) "
                "and Part B, subpart 1 (zero-point offenders); which applies depends on the criminal history "
                "points and status points found at sentencing.", "ussg_1b1_10")], \
                ["sentence.guidelines.criminal_history_points", "sentence.guidelines.status_points"]
        if part.upper().startswith("A"):
            if pts is None or status is None:
                return "undetermined", [ctx.reason("missing_fact", "Part A recomputes status points: the criminal history "
                    "points and status points found at sentencing are needed.", "ussg_amend_821")], \
                    ["sentence.guidelines.criminal_history_points", "sentence.guidelines.status_points"]
            base = pts - status
            new_status = 1 if base >= 7 else 0
            new_pts = base + new_status
            from ..guidelines import chc_from_points
            return 0, chc_from_points(new_pts), (f"Amendment 821 Part A: {pts} points less {status} status points "
                f"plus {new_status} = {new_pts} points, category {chc_from_points(new_pts)}"), "A"
        if pts is None:
            return "undetermined", [ctx.reason("missing_fact", "Part B, subpart 1 applies only to a defendant with no "
                "criminal history points.", "ussg_4c1_1")], ["sentence.guidelines.criminal_history_points"]
        if pts != 0:
            return "unavailable", [_not_lowered(ctx, f"Part B, subpart 1 (§ 4C1.1) applies only with zero criminal "
                f"history points; {pts} were found.", "ussg_4c1_1")], []
        hits = [why for sec, why in ZERO_POINT_DISQUALIFIERS.items() for s_ in sections if s_.startswith(sec)]
        if hits:
            return "unavailable", [_not_lowered(ctx, "The § 4C1.1 zero-point adjustment is unavailable because the "
                "sentence applied " + "; ".join(dict.fromkeys(hits)) + ".", "ussg_4c1_1")], []
        return -2, None, ("Amendment 821 Part B, subpart 1: two levels off for a zero-point offender, if the court "
                          "finds every § 4C1.1 criterion met"), "B1"
    return "undetermined", [ctx.reason(
        "missing_fact", f"Amendment {number} is covered; its effect on this range needs the amended finding "
        "(offense level or criminal history points) the file does not give.", "ussg_1b1_10")], \
        ["sentence.guidelines.offense_level", "sentence.guidelines.criminal_history_points"]


def _crack(ctx: Ctx) -> bool:
    return any(involves_crack(c.description) for c in ctx.case.convictions)


def _based_on_range(ctx: Ctx) -> tuple[str, list[Reason], list] | None:
    """Was the sentence 'based on' a guideline range? Koons (mandatory minimum + § 3553(e)) and
    Rule 11(c)(1)(C) agreements (Freeman, then Hughes)."""
    s, gov = ctx.case.sentence, ctx.case.government
    below_min = (s.mandatory_minimum_months and isinstance(s.imprisonment_months, int)
                 and s.imprisonment_months < s.mandatory_minimum_months and gov.substantial_assistance_at_sentencing)
    if below_min and ctx.as_of >= KOONS:
        return "unavailable", [ctx.reason(
            "not_based_on_guideline_range",
            "The sentence was set from the statutory minimum and then reduced for substantial assistance; such a "
            "sentence is not 'based on' a later-lowered guideline range.", "koons_2018", "usc18_3582_c2")], []
    if below_min:
        ctx.warnings.append("circuit_split_before_koons")
    if ctx.case.plea_agreement == "11(c)(1)(C)":
        if ctx.as_of >= KOONS:
            return None  # Hughes: generally based on the range the court relied on
        if ctx.as_of >= FREEMAN:
            return "undetermined", [ctx.reason(
                "missing_fact", "For a Rule 11(c)(1)(C) agreement, eligibility then turned on whether the agreement "
                "itself used or relied on a guideline range (Freeman).", "freeman_2011")], ["plea_agreement"]
        ctx.warnings.append("circuit_split_before_freeman")
        return "undetermined", [ctx.reason(
            "missing_fact", "Before Freeman the circuits divided on Rule 11(c)(1)(C) sentences; not encoded.", "usc18_3582_c2")], []
    return None


# Amendments that lowered crack-cocaine offense levels and were made retroactive: 706 (with 711),
# 750, and 782 (all drug quantities). A request for "the crack amendments" is read as each of them
# that § 1B1.10(d) lists on as_of.
CRACK_AMENDMENTS = ((706, None), (750, "A"), (782, None))  # (number, the part that concerns crack)


def _amendment(ctx: Ctx, label: str) -> tuple[str, list[Reason], list]:
    m = re.match(r"\s*(\d+)\s*(?:,?\s*part\s*)?(.*)$", label, re.I)
    if not m:
        return "undetermined", [ctx.reason("missing_fact", f"{label!r} does not name an amendment by number.")], ["request.grounds"]
    number, part = m.group(1), (m.group(2).strip() or None)
    if number == "821" and part is None:
        eff = _effect(ctx, number, None)
        if len(eff) == 4:
            part = eff[3]
        else:
            return eff
    cov = coverage(int(number), ctx.as_of, {"B1": "Part B, Subpart 1"}.get(part, part))
    if cov.covered is None:
        return "undetermined", [ctx.reason("missing_fact", cov.explanation, "ussg_1b1_10")], ["request.grounds"]
    if not cov.covered:
        return "unavailable", [ctx.reason(
            "amendment_not_covered",
            f"Amendment {number} is not listed in § 1B1.10(d) as of {ctx.as_of}, so it cannot support a reduction. "
            + cov.explanation, "usc18_3582_c2", "ussg_1b1_10")], []
    based = _based_on_range(ctx)
    if based:
        return based
    floor = _floor_reason(ctx)
    if floor:
        return "unavailable", [floor, _not_lowered(ctx, "The statutory minimum, not the amended guideline, fixes the applicable range.")], []
    eff = _effect(ctx, number, part)
    if len(eff) == 3:
        return eff
    delta, chc_override, what, part = eff
    g = ctx.case.sentence.guidelines
    if not (g and g.offense_level and g.criminal_history_category):
        return "undetermined", [ctx.reason("missing_fact", f"{what}; the offense level and criminal history category "
            "found at sentencing are needed to recompute the range.", "ussg_1b1_10")], \
            ["sentence.guidelines.offense_level", "sentence.guidelines.criminal_history_category"]
    s, gov = ctx.case.sentence, ctx.case.government
    if not isinstance(s.imprisonment_months, int):
        return "undetermined", [ctx.reason("missing_fact", "The term imposed (in months) is needed.")], ["sentence.imprisonment_months"]
    basis = "substantial_assistance" if gov.substantial_assistance_at_sentencing else None
    cap = _statutory_cap(ctx)
    original = apply_5g1_1(table_range(g.offense_level, g.criminal_history_category), s.mandatory_minimum_months, cap).final
    if basis is None and original.low is not None and s.imprisonment_months < original.low:
        # Below the range without a substantial-assistance motion. From 2011-11-01 (Amendment 759) a
        # departure and a variance are treated alike (floor = amended minimum); before, they differed.
        if ctx.as_of < date(2011, 11, 1) and not (g.departures):
            return "undetermined", [ctx.reason("missing_fact", "The term is below the range; whether by departure or "
                "variance decided the floor under § 1B1.10 as then in force.", "ussg_1b1_10")], ["sentence.guidelines.departures"]
        basis = "departure" if g.departures else "variance"
    try:
        fl = reduction_floor(g.offense_level, g.criminal_history_category, level_delta=delta, chc_override=chc_override,
                             sentence_imposed=s.imprisonment_months, as_of=ctx.as_of,
                             minimum=s.mandatory_minimum_months, maximum=cap, below_range_basis=basis,
                             below_minimum_authority=bool(gov.substantial_assistance_at_sentencing))
    except PolicyStatementNotEncoded as exc:
        ctx.warnings.append("law_outside_encoded_period")
        return "undetermined", [ctx.reason("missing_fact", str(exc), "ussg_1b1_10")], []
    if not fl.range_lowered or fl.floor is None:
        return "unavailable", [_not_lowered(ctx, f"{what}; the applicable range does not fall. {fl.explanation}")], []
    if not fl.reduction_possible:
        return "unavailable", [ctx.reason(
            "no_reduction_below_amended_minimum",
            f"{what}, but the {s.imprisonment_months}-month term is already at or below the lowest term § 1B1.10(b)(2) "
            f"allows ({fl.floor} months). {fl.explanation}", "ussg_1b1_10")], []
    reasons = [ctx.reason("eligible", f"{what}. {fl.explanation} The term may be reduced to no less than {fl.floor} months.",
                          "usc18_3582_c2", "ussg_1b1_10", f"ussg_amend_{number}" if f"ussg_amend_{number}" in ctx.kb else "ussg_1b1_10")]
    if cov.orders_not_before:
        if ctx.as_of < cov.orders_not_before:
            reasons.append(ctx.reason("discretion_remains", f"No reduction order under Amendment {number} may take effect before {cov.orders_not_before}.", "ussg_1b1_10"))
    if part == "B1":
        reasons.append(ctx.reason("discretion_remains", "The court must find each § 4C1.1 criterion met (no violence or threats, no death or serious bodily injury, not a sex offense, no substantial financial hardship, no firearm, no aggravating role, ...).", "ussg_4c1_1"))
    reasons.append(ctx.reason("discretion_remains", "Whether to reduce, and by how much within that limit, is for the judge after the § 3553(a) factors and public safety.", "ussg_1b1_10", "usc18_3553_a", "dillon_2010"))
    return "available", reasons, []


def _statutory_cap(ctx: Ctx):
    """The statutory maximum that caps the range under § 5G1.1(a): the stated maximum of a single
    count, or the sum of every count's stated maximum (the most § 5G1.2(d) could stack); None when
    any count's maximum is not stated (never derived from the offense table, which cannot see
    enhancements such as § 924(e) or § 851)."""
    maxima = [c.statutory_maximum_months for c in ctx.case.convictions]
    if not maxima or any(m is None for m in maxima):
        return None
    return "life" if "life" in maxima else sum(maxima)


def _order_limits(ctx: Ctx, grounds):
    """§ 1B1.10(e): the dates before which no reduction order under 782 or 821 may take effect."""
    for g in grounds:
        if g.tag != "guideline_amendment":
            continue
        for label in g.details:
            m = re.match(r"\s*(\d+)", str(label))
            amend = amendment(int(m.group(1))) if m else None
            if amend and amend.orders_not_before:
                yield ctx.deadline(
                    f"No order reducing a term under Amendment {amend.number} may take effect before this date "
                    "(§ 1B1.10(e))", None, amend.orders_not_before, "ussg_1b1_10", kind="earliest")


def evaluate(ctx: Ctx) -> AvenueResult:
    grounds = ctx.case.request.grounds
    if not grounds:
        return ctx.ask("request.grounds", reason_text="The amendment relied on is not stated.")
    reasons: list[Reason] = []
    statuses: list[str] = []
    questions: list[str] = []
    for g in grounds:
        if g.tag in ("guideline_amendment", "crack_guideline_amendment"):
            if g.tag == "guideline_amendment":
                labels = [str(number).strip() for number in g.details or ("?",)]
            else:  # "the crack amendments", unnamed: each crack-cocaine amendment § 1B1.10(d) lists on as_of
                labels = [f"{n} {part or ''}".strip() for n, part in CRACK_AMENDMENTS
                          if coverage(n, ctx.as_of, part).covered]
                if not labels:
                    statuses.append("unavailable")
                    reasons.append(ctx.reason(
                        "amendment_not_covered", f"No amendment lowering crack-cocaine ranges was retroactive on {ctx.as_of}.",
                        "usc18_3582_c2", "ussg_1b1_10"))
            for label in labels:
                status, rs, qs = _amendment(ctx, label)
                statuses.append(status)
                reasons += rs
                questions += qs
        elif g.tag in NOT_AMENDMENTS:
            statuses.append("unavailable")
            reasons += _non_amendment(ctx, g.tag)
    if not statuses:
        statuses.append("unavailable")
        reasons.append(ctx.reason(
            "no_guideline_amendment", "The request relies on no amendment of the Sentencing Commission, which is "
            "the only basis § 3582(c)(2) allows.", "usc18_3582_c2", "ussg_1b1_10"))
    status = "available" if "available" in statuses else "undetermined" if "undetermined" in statuses else "unavailable"
    limits = tuple(_order_limits(ctx, grounds))
    return ctx.result(status, *reasons, questions=[ctx.question(q) for q in dict.fromkeys(questions)],
                      extra_deadlines=limits)
