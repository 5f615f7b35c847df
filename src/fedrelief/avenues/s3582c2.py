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
from datetime import date

from ..engine.context import Ctx
from ..engine.result import AvenueResult, Reason
import re

from ..guidelines import amendment, apply_5g1_1, coverage, table_range

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


def _lowered(ctx: Ctx, cells, delta: int) -> tuple[bool, list[str]]:
    """Would lowering the offense level by `delta` lower the applicable range? Returns (lowers, steps)."""
    minimum = ctx.case.sentence.mandatory_minimum_months
    steps, lowers = [], []
    for lvl, chc in cells:
        before = apply_5g1_1(table_range(lvl, chc), minimum, None)
        after = apply_5g1_1(table_range(max(1, lvl + delta), chc), minimum, None)
        steps.append(f"OL {lvl}/{chc}: {before.table} -> {before.final} ({before.rule}); "
                     f"OL {max(1, lvl + delta)}/{chc}: {after.table} -> {after.final} ({after.rule})")
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


def _not_lowered(ctx: Ctx, text: str) -> Reason:
    return ctx.reason("amendment_does_not_lower_range", text, "usc18_3582_c2", "ussg_1b1_10",
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
                reasons.append(_not_lowered(ctx,
                    f"Even a {FAST_TRACK_LEVELS}-level reduction would leave the bottom of the applicable range at {fin.low} months "
                    "because of the statutory minimum: " + " | ".join(steps[:3])))
        floor = _floor_reason(ctx)
        if floor:
            reasons.append(floor)
    return reasons


def _amendment(ctx: Ctx, label: str) -> tuple[str, list[Reason], list]:
    m = re.match(r"\s*(\d+)\s*(?:part\s*)?(.*)$", label, re.I)
    if not m:
        return "undetermined", [ctx.reason("missing_fact", f"{label!r} does not name an amendment by number.")], ["request.grounds"]
    number, part = m.group(1), (m.group(2).strip() or None)
    cov = coverage(int(number), ctx.as_of, part)
    if cov.covered is None:
        return "undetermined", [ctx.reason("missing_fact", cov.explanation, "ussg_1b1_10")], ["request.grounds"]
    if not cov.covered:
        return "unavailable", [ctx.reason(
            "amendment_not_covered",
            f"Amendment {number} is not listed in § 1B1.10(d) as of {ctx.as_of}, so it cannot support a reduction. "
            + cov.explanation, "usc18_3582_c2", "ussg_1b1_10")], []
    amend = amendment(int(number))
    g = ctx.case.sentence.guidelines
    if number in DRUG_TABLE_AMENDMENTS and g and (g.career_offender or g.armed_career_criminal):
        return "unavailable", [_not_lowered(ctx,
            f"The range was set by the career-offender (or armed-career-criminal) guideline, which Amendment "
            f"{number} does not change.")], []
    floor = _floor_reason(ctx)
    if floor:
        return "unavailable", [floor, _not_lowered(ctx, "The statutory minimum, not the amended guideline, fixes the applicable range.")], []
    crack = any(k in (c.description or "").lower() for c in ctx.case.convictions for k in ("crack", "cocaine base"))
    if number in {"706", "782"} and (number == "782" or crack):
        cells = _cells(ctx)
        if not cells:
            return "undetermined", [ctx.reason("missing_fact", "The offense level and criminal history category found at sentencing are needed.")], \
                ["sentence.guidelines.offense_level", "sentence.guidelines.criminal_history_category"]
        if g and g.guideline_sections and not any(s.startswith("2D1.1") for s in g.guideline_sections):
            return "unavailable", [_not_lowered(ctx, f"Amendment {number} changes § 2D1.1, which did not set this range.")], []
        lowers, steps = _lowered(ctx, cells, -2)
        if not lowers:
            return "unavailable", [_not_lowered(ctx, "Two levels lower, the applicable range is unchanged: " + " | ".join(steps))], []
        reasons = [ctx.reason("eligible", f"Amendment {number} lowers the applicable range: " + " | ".join(steps),
                              "usc18_3582_c2", "ussg_1b1_10", f"ussg_amend_{number}")]
        if cov.orders_not_before and ctx.as_of < cov.orders_not_before:
            reasons.append(ctx.reason("discretion_remains", f"No reduction order may take effect before {cov.orders_not_before}.", "ussg_1b1_10"))
        reasons.append(ctx.reason("discretion_remains", "Whether to reduce, and by how much down to the amended range's minimum, is for the judge after the § 3553(a) factors.", "ussg_1b1_10", "usc18_3553_a"))
        return "available", reasons, []
    return "undetermined", [ctx.reason(
        "missing_fact", f"Amendment {number} is covered; its effect on this range needs the amended finding "
        "(offense level or criminal history points) the file does not give.", "ussg_1b1_10")], \
        ["sentence.guidelines.offense_level", "sentence.guidelines.criminal_history_points"]


def evaluate(ctx: Ctx) -> AvenueResult:
    grounds = ctx.case.request.grounds
    if not grounds:
        return ctx.ask("request.grounds", reason_text="The amendment relied on is not stated.")
    reasons: list[Reason] = []
    statuses: list[str] = []
    questions: list[str] = []
    for g in grounds:
        if g.tag == "guideline_amendment":
            for number in g.details or ("?",):
                status, rs, qs = _amendment(ctx, str(number).strip())
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
    return ctx.result(status, *reasons, questions=[ctx.question(q) for q in dict.fromkeys(questions)])
