"""Choosing the disposition from the vehicles' results, and saying it in plain English."""
from __future__ import annotations

from ..law.courts import successive_practice
from .result import AvenueResult

PLAIN = {
    "inherent_power": "the court's own power", "rule35a": "Rule 35(a)", "rule35b": "Rule 35(b)",
    "appeal": "an appeal", "s2255": "a § 2255 motion", "coram_nobis": "a petition for a writ of coram nobis",
    "s3582c1a": "compassionate release", "s3582c2": "a reduction for a guideline amendment",
    "departure": "a departure", "reclassification": "reclassification", "clemency": "a pardon or commutation",
}


# Threshold bars on which courts dismiss (lack of jurisdiction, wrong court, unripe) rather than deny
# on the merits, by vehicle. Anything else that closes a vehicle is a denial.
DISMISS_CODES = {
    "s2255": {"not_in_custody", "time_limit_expired", "successive_without_authorization"},
    "s2241": {"not_in_custody", "wrong_forum", "not_exhausted", "remedy_adequate", "no_judicial_review",
              "final_order_of_removal"},
}


def choose_disposition(results: tuple[AvenueResult, ...], vehicles: tuple[str, ...], circuit: str | None = None) -> str:
    """grant when one vehicle gives the relief as of right; deny when every vehicle is closed in this court; transfer (or dismiss, where the circuit's
    practice is to dismiss) for an unauthorized successive § 2255; undetermined when a vehicle is
    open (the judge's discretion decides) or a fact is missing."""
    by_id = {r.id: r for r in results}
    chosen = [by_id[v] for v in vehicles if v in by_id]
    if not chosen:
        return "undetermined"
    if any("successive_without_authorization" in r.codes for r in chosen):
        return successive_practice().get(circuit or "", {}).get("practice", "transfer")
    court_open = [r for r in chosen if r.forum == "this_court" and r.status == "available"]
    if any("discretion_remains" not in r.codes and not r.to_show for r in court_open):
        # One vehicle gives the relief as of right, with nothing left to weigh or to show (§ 3607(c)'s
        # "shall"; a clerical error shown under Rule 36): the court grants through it, whatever the other
        # vehicles' status (a missing custody fact for § 2255 does not hold up a Rule 36 correction).
        return "grant"
    if court_open or any(r.status == "undetermined" and r.forum == "this_court" for r in chosen):
        return "undetermined"
    if all(set(r.codes) and set(r.codes) <= DISMISS_CODES.get(r.id, set()) for r in chosen):
        return "dismiss"
    return "deny"


def summarize(disposition: str, results, vehicles, alternatives) -> str:
    asked = ", ".join(PLAIN.get(v, v) for v in vehicles) or "no recognized avenue"
    alt = [PLAIN.get(a["avenue"], a["avenue"]) for a in alternatives]
    first = {
        "deny": f"The court has no power to grant this request through {asked}, so it should be denied.",
        "transfer": "This is a second or successive § 2255 motion; only the court of appeals can authorize it, "
                    "so it belongs there.",
        "dismiss": f"The court cannot reach the merits of this request through {asked}: a threshold bar "
                   "(custody, time, forum or exhaustion) stands in the way, so it should be dismissed.",
        "undetermined": f"The request through {asked} cannot be decided on these facts alone: either the court "
                        "has power and its discretion decides, or a fact is missing.",
    }.get(disposition, f"Disposition: {disposition}.")
    second = (" What remains open: " + ", ".join(alt) + ".") if alt else " No other avenue appears open on these facts."
    return first + second + " This is not legal advice."
