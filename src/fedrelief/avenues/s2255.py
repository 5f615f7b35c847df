"""28 U.S.C. § 2255: motion to vacate, set aside or correct a sentence.

Elements, in the order a court checks them:
  custody   § 2255(a): a prisoner "in custody" under the sentence when the motion is filed;
            supervised release and probation count; release from the whole sentence ends it,
            and collateral consequences are not custody (Maleng v. Cook).
  successive § 2255(h): a second motion needs the court of appeals' authorization first.
  time      § 2255(f) (since AEDPA, 1996-04-24): one year from the latest of (1) finality,
            (2) removal of a governmental impediment, (3) a newly recognized right made
            retroactive, (4) discovery of new facts. Convictions final before AEDPA had until
            1997-04-24. Finality: see calendar.finality (no appeal; Clay; certiorari denied).
Where the grounds might bring (f)(2)-(f)(4) into play and the file is silent, the answer is
`undetermined`, never a guess.
"""
import re
from datetime import date

from functools import cache
from pathlib import Path

from .. import yamlio
from ..calendar import judgment_final_on, limitation_2255_f1, one_year_after
from ..engine.context import Ctx
from ..engine.result import AvenueResult, Deadline
from ..law.courts import successive_practice

ID = "s2255"
TITLE = "28 U.S.C. § 2255: motion to vacate, set aside or correct"
FORUM = "this_court"
RELIEF = "vacating or correcting the conviction or sentence"
DELIVERS = frozenset({"vacate_sentence", "vacate_conviction", "correct_sentence"})
INVOKED_BY = (r"2255", r"habeas")
NEEDS = ("custody.status", "appeal", "sentence.judgment_entered_on", "request.grounds", "history")

IN_CUSTODY = {"imprisoned", "supervised_release", "probation"}
AEDPA = date(1996, 4, 24)
AEDPA_GRACE_END = date(1997, 4, 24)
LATER_TRIGGERS = {
    "government_impediment": "(f)(2): removal of an unlawful governmental impediment",
    "new_rule": "(f)(3): a right newly recognized by the Supreme Court and made retroactive",
    "newly_discovered_facts": "(f)(4): facts that could not have been discovered earlier with due diligence",
    "actual_innocence": "(f)(4) or equitable tolling on a claim of actual innocence",
    "vacated_prior_conviction": "(f)(4): vacatur of a prior conviction that enhanced the sentence",
}


def _custody(ctx: Ctx) -> AvenueResult | None:
    status = ctx.case.custody.status
    if status is None:
        return ctx.ask("custody.status")
    if status not in IN_CUSTODY:
        where = ("Immigration detention is not custody under the criminal sentence. "
                 if status == "immigration_detention" else "")
        return ctx.unavailable(ctx.reason(
            "not_in_custody",
            f"{where}The person is no longer in custody under this sentence, and § 2255 is open only to a "
            "prisoner in custody (supervised release counts; collateral consequences do not).",
            "usc28_2255", ctx.precedent("custody_2255", limit=2)))
    return None


def _successive(ctx: Ctx) -> AvenueResult | None:
    prior = [h for h in ctx.case.history if h.avenue == "s2255" and h.result in ("denied", "dismissed", "granted")
             and h.merits is not False]
    if not prior or any(h.authorized_by_court_of_appeals for h in ctx.case.history if h.avenue == "s2255"):
        return None
    ctx.warnings.append("successive_motion")
    practice = successive_practice().get(ctx.circuit)
    if practice is None:
        ctx.warnings.append("circuit_position_not_encoded:successive_2255")
        how = ("This court lacks jurisdiction; it may transfer the motion to the court of appeals under 28 U.S.C. "
               "§ 1631 (this circuit's practice between transfer and dismissal is not encoded).")
        cites: tuple = ("usc28_1631",)
    else:
        how = f"This court lacks jurisdiction and, in this circuit, dismisses the motion: {practice['why']}"
        cites = tuple(practice["authorities"])
    return ctx.unavailable(ctx.reason(
        "successive_without_authorization",
        f"An earlier § 2255 motion was decided on {prior[0].decided_on or 'an earlier date'}; a second or "
        f"successive motion needs authorization from the court of appeals before this court may hear it. {how}",
        "usc28_2255_h", "usc28_2244_b3", *cites), forum="court_of_appeals")


VALIDITY_GROUNDS = {"ineffective_assistance", "new_rule", "actual_innocence", "newly_discovered_facts",
                    "vacated_prior_conviction", "unconstitutional_conviction", "sentence_above_maximum"}


@cache
def _new_rules() -> list[dict]:
    return yamlio.load((Path(__file__).parent.parent / "law" / "new_rules.yaml").read_text(encoding="utf-8")) or []


def _known_new_rule(ctx: Ctx) -> dict | None:
    """A `new_rule` ground that names a right listed in law/new_rules.yaml (recognized by `as_of`)."""
    g = ctx.case.request.ground("new_rule")
    if g is None:
        return None
    text = " ".join(g.details)
    for rule in _new_rules():
        if rule["recognized_on"] <= ctx.as_of and any(re.search(p, text, re.I) for p in rule["patterns"]):
            first = rule.get("first_recognized_in")
            if first:  # only applied an earlier rule: the year runs from that rule (with who says so)
                base = next(r for r in _new_rules() if r["id"] == first["rule"])
                return {**base, "applied_by": rule["case"], "applied_authority": first["authority"]}
            return rule
    return None


def _f3(ctx: Ctx, rule: dict, f1_ends: date, f1_deadline) -> AvenueResult:
    """§ 2255(f)(3): one year from the date the Supreme Court recognized the right (Dodd), if it has
    been made retroactive to cases on collateral review."""
    start = rule["recognized_on"]
    period = one_year_after(start)
    dl = ctx.deadline(f"§ 2255(f)(3): one year from {start}, when the Supreme Court recognized the right",
                      start, period.ends_on, "usc28_2255_f", period.steps)
    filed = ctx.case.request.filed_on or ctx.as_of
    retro = rule.get("retroactive") or {}
    cites = ("usc28_2255_f", rule["case"], "dodd_2005")
    applied = ""
    if rule.get("applied_by"):
        cites += (rule["applied_by"], rule["applied_authority"])
        applied = (f"The decision relied on applied a right the Supreme Court first recognized on {start}, "
                   "so the year under § 2255(f)(3) runs from that date. ")
    if filed > period.ends_on:
        return ctx.unavailable(ctx.reason(
            "time_limit_expired",
            f"{applied}The one year from finality ended {f1_ends}, and the one year under § 2255(f)(3) from the "
            f"right's recognition on {start} ended {period.ends_on}.", *cites), deadline=dl,
            extra_deadlines=[f1_deadline])
    held = [n for n in rule.get("not_retroactive", ())
            if n["decided_on"] <= ctx.as_of and ctx.kb.get(n["case"]).weight_in(ctx.circuit) == "binding"]
    if held and (not retro or retro["decided_on"] > ctx.as_of):
        return ctx.unavailable(ctx.reason(
            "time_limit_expired",
            f"{applied}The court of appeals for this circuit has held the right not retroactive on collateral "
            f"review, so § 2255(f)(3) gives no later start; the one year from finality ended {f1_ends}.",
            *cites, held[0]["case"]), deadline=dl, extra_deadlines=[f1_deadline])
    if not retro or retro["decided_on"] > ctx.as_of:
        return ctx.undetermined(ctx.reason(
            "within_time_limit",
            f"Filed within a year of {start}, when the right was recognized; whether it applies on collateral "
            "review had not been decided by the Supreme Court on this date.", *cites), deadline=dl,
            extra_deadlines=[f1_deadline])
    return ctx.available(ctx.reason(
        "within_time_limit",
        f"Timely under § 2255(f)(3): filed within a year of {start}, when the Supreme Court recognized the right, "
        f"which it made retroactive on collateral review on {retro['decided_on']}.", *cites, retro["case"]),
        deadline=dl, extra_deadlines=[f1_deadline], to_show=(rule["reaches"],))


def _castro(ctx: Ctx) -> None:
    """Castro v. United States: before recharacterizing a pro se filing as a FIRST § 2255 motion the
    court must warn the movant and let him withdraw or amend; otherwise it does not count as one."""
    r = ctx.case.request
    named = any(re.search(p, t, re.I) for t in r.invokes for p in INVOKED_BY)
    attacks_validity = bool({g.tag for g in r.grounds} & VALIDITY_GROUNDS) or bool(set(r.seeks) & DELIVERS)
    first = not any(h.avenue == "s2255" for h in ctx.case.history)
    if r.pro_se and not named and attacks_validity and first:
        ctx.warnings.append("castro_warning")


def evaluate(ctx: Ctx) -> AvenueResult:
    """Any element that fails closes the door; an unknown element matters only if all the others pass."""
    _castro(ctx)
    custody = _custody(ctx)
    if custody is not None and custody.status == "unavailable":
        return custody
    closed = _successive(ctx)
    if closed:
        return closed
    timing = _timeliness(ctx)
    if timing.status == "unavailable" or custody is None:
        return timing
    return custody  # custody unknown, and nothing else closes the door: ask


def f1_year(ctx: Ctx, fin) -> tuple[date, Deadline, tuple[str, ...]]:
    """The § 2255(f)(1) year from the finality `fin` (calendar.judgment_final_on, with a final_on): its
    last day (for a conviction final before AEDPA, the grace year to 1997-04-24), the deadline, and
    the finality authorities the KB holds. Finality flags become warnings. Shared with s2241, whose
    savings clause asks whether a first § 2255 motion was still open."""
    if fin.final_on < AEDPA:
        ends, steps = AEDPA_GRACE_END, ("conviction final before AEDPA: one-year grace period to 1997-04-24",)
    else:
        period = limitation_2255_f1(fin.final_on)
        ends, steps = period.ends_on, tuple(fin.steps) + tuple(period.steps)
    ctx.warnings.extend(f for f in fin.flags if f not in ctx.warnings)
    dl = ctx.deadline("§ 2255(f)(1): one year from the date the conviction became final",
                      fin.final_on, ends, "usc28_2255_f", steps)
    return ends, dl, tuple(a for a in fin.authorities if a in ctx.kb)


def _timeliness(ctx: Ctx) -> AvenueResult:
    if ctx.as_of < AEDPA:
        return ctx.available(ctx.reason(
            "within_time_limit", "Before AEDPA (1996-04-24) a § 2255 motion could be made at any time.", "usc28_2255"))
    judgment = ctx.case.sentence.judgment_date
    appeal = None if ctx.case.appeal in (None, "none") else ctx.case.appeal
    # After an appeal is decided, finality runs from the appellate dates (Clay); the judgment's
    # own date is needed only when there was no appeal or the appeal has no decision date.
    appellate_dates = appeal is not None and (appeal.decided_on or appeal.certiorari_denied_on)
    if ctx.case.appeal is None or (judgment is None and not appellate_dates):
        return ctx.ask(*ctx.missing("appeal", "sentence.imposed_on"))
    fin = judgment_final_on(judgment, appeal)
    if fin.final_on is None:
        return ctx.unavailable(ctx.reason(
            "appeal_pending", "The direct appeal is pending; the conviction is not yet final.", "usc28_2255_f"))
    ends, dl, authorities = f1_year(ctx, fin)
    # Timeliness is measured when the motion is filed (the file's request.filed_on), else today.
    filed = ctx.case.request.filed_on or ctx.as_of
    if filed <= ends:
        return ctx.available(ctx.reason(
            "within_time_limit", f"The conviction became final on {fin.final_on}; a motion may be filed until {ends}"
            + (f" (this one was filed {filed})." if ctx.case.request.filed_on else "."),
            "usc28_2255_f", *authorities), deadline=dl,
            to_show=("a constitutional or jurisdictional error, a sentence above the statutory maximum, or an error otherwise open to collateral attack",))
    grounds = {g.tag for g in ctx.case.request.grounds}
    if not grounds:
        return ctx.undetermined(ctx.reason(
            "time_limit_expired",
            f"The one year from finality ({fin.final_on}) ended {ends}. Whether a later start under "
            "§ 2255(f)(2)-(4) applies depends on grounds the file does not give.", "usc28_2255_f"),
            deadline=dl, questions=[ctx.question("request.grounds")])
    known = _known_new_rule(ctx)
    if known:
        need = known.get("requires")
        if need and ctx.fact(need["fact"]) not in (None, need["equals"]):
            return ctx.unavailable(ctx.reason(
                "time_limit_expired",
                f"The conviction became final on {fin.final_on} and the one-year limitation ended {ends}. The decision "
                f"relied on recognized a right only for {need['wording']}, which this sentence is not, so § 2255(f)(3) "
                "gives no later start.", "usc28_2255_f", known["case"], *authorities), deadline=dl)
        return _f3(ctx, known, ends, dl)
    later = [LATER_TRIGGERS[g] for g in sorted(grounds & LATER_TRIGGERS.keys())]
    if later:
        return ctx.undetermined(ctx.reason(
            "time_limit_expired",
            f"The one year from finality ended {ends}, but the grounds could start a later period under "
            + "; ".join(later) + ". The date of that event decides.", "usc28_2255_f"),
            deadline=dl, questions=[ctx.question("request.grounds", "The date of the event that starts § 2255(f)(2)-(4) decides timeliness.")])
    return ctx.unavailable(ctx.reason(
        "time_limit_expired",
        f"The conviction became final on {fin.final_on} and the one-year limitation ended {ends}; none of "
        "the grounds given starts a later period under § 2255(f)(2)-(4).", "usc28_2255_f", *authorities),
        deadline=dl)
