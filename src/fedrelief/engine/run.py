"""`analyze(case, as_of)`: run every avenue as of a date, then choose the disposition.

The request's *vehicles* are the avenues it invokes by name (Rule 35, § 3582(c)(2), ...), or, for
a letter that names none, the avenues of this court that can give what it seeks. The court rules
on the vehicles; every other open avenue is reported as an alternative, as the seed orders do
(seed 000 denies the letter and points to coram nobis).
"""
from __future__ import annotations

import re
from datetime import date

from ..avenues import MODULES, ORDER
from ..facts.model import Case
from ..facts.record_checks import record_checks
from ..law.courts import resolve_court
from ..law.kb import KnowledgeBase, NoRuleInForce, load_kb
from .context import Ctx
from .disposition import choose_disposition, summarize
from .result import Analysis, AvenueResult, Question, Reason

COVERAGE_FLOOR = date(1991, 12, 1)  # earliest date from which every encoded rule family has a version
KNOWN_GROUNDS = {
    "guideline_amendment", "fast_track_disparity", "post_sentencing_rehabilitation", "deportable_alien_status",
    "collateral_consequences", "extraordinary_and_compelling", "new_rule", "actual_innocence",
    "ineffective_assistance", "newly_discovered_facts", "government_impediment", "vacated_prior_conviction",
    "clear_error", "arithmetical_error", "technical_error", "clerical_error", "departure", "booker",
    "sentencing_disparity", "rdap_credit", "credit_for_prior_custody", "first_step_act_credits",
    "hardship", "family_circumstances", "medical", "age",
    "presentence_custody_credit", "fsa_time_credits", "rdap_completed", "rdap_eligibility",
    "bop_abuse_of_discretion", "exhaustion_futile", "home_confinement", "substantial_assistance",
    "crack_guideline_amendment", "unconstitutional_conviction", "sentence_above_maximum",
    "fair_sentencing_act_covered_offense",
}


def _run_avenue(case: Case, as_of: date, court, kb: KnowledgeBase, ident: str) -> AvenueResult:
    mod = MODULES[ident]
    ctx = Ctx(case=case, as_of=as_of, court=court, kb=kb, avenue_id=ident, avenue_title=mod.TITLE,
              forum=mod.FORUM, relief=mod.RELIEF)
    try:
        return mod.evaluate(ctx)
    except NoRuleInForce as exc:
        # A date outside what the knowledge base encodes: say so, never fall back on another version.
        ctx.warnings.append("law_outside_encoded_period")
        return ctx.undetermined(Reason("missing_fact", f"The law this avenue needs is not encoded for the dates involved ({exc})."))


# A motion citing only "the First Step Act" names no provision: the Act both created the § 404 reduction and
# let defendants move for compassionate release (§ 603), and it created earned time credits (§ 3632(d)(4)).
# Courts read such a pro se motion by its substance (nunez_2021: a "Motion for Reduction of Sentence Pursuant to
# the First Step Act" decided as a § 404 motion), so the grounds decide; with none that point anywhere, both
# sentence-reduction provisions are the vehicles.
FIRST_STEP_ACT = re.compile(r"first step act", re.I)
FSA_BY_GROUND = {
    "fair_sentencing_act_covered_offense": "fsa404", "crack_guideline_amendment": "fsa404",
    "extraordinary_and_compelling": "s3582c1a", "medical": "s3582c1a", "age": "s3582c1a",
    "family_circumstances": "s3582c1a",
    "fsa_time_credits": "s2241", "first_step_act_credits": "s2241",
}


def _first_step_act(case: Case) -> list[str]:
    found = [FSA_BY_GROUND[g.tag] for g in case.request.grounds if g.tag in FSA_BY_GROUND]
    return list(dict.fromkeys(found)) or ["fsa404", "s3582c1a"]


def vehicles(case: Case) -> tuple[str, ...]:
    invoked = []
    for text in case.request.invokes:
        for ident in ORDER:
            if any(re.search(p, text, re.I) for p in MODULES[ident].INVOKED_BY):
                invoked.append(ident)
                break
        else:
            if FIRST_STEP_ACT.search(text):
                invoked.extend(_first_step_act(case))
    if invoked:
        return tuple(dict.fromkeys(invoked))
    seeks = set(case.request.seeks)
    # Every court avenue (this court, or the district of confinement for § 2241) that can give
    # what is sought, and clemency; never an appeal (a late letter is not a notice of appeal).
    by_substance = [i for i in ORDER if MODULES[i].DELIVERS & seeks and
                    (MODULES[i].FORUM in ("this_court", "district_of_confinement") or i == "clemency")]
    return tuple(i for i in by_substance if i != "inherent_power") or ()


def analyze(case: Case, as_of: date | None = None, kb: KnowledgeBase | None = None) -> Analysis:
    """Analyse `case` under the law in force on `as_of` (default: the case's own `as_of`)."""
    as_of = as_of or case.as_of
    if as_of is None:
        raise ValueError("as_of is required below the CLI (the CLI defaults it to today)")
    kb = kb or load_kb()
    court = resolve_court(case.court)
    results = tuple(_run_avenue(case, as_of, court, kb, i) for i in ORDER)
    warnings: list[str] = []
    if as_of < COVERAGE_FLOOR:
        warnings.append("law_outside_encoded_period")
    for g in case.request.grounds:
        if g.tag not in KNOWN_GROUNDS:
            warnings.append(f"unknown_ground:{g.tag}")
    for r in results:
        warnings.extend(w for w in r.warnings if w not in warnings)
    # Facts that cannot all be true in law: warned about, never corrected (issue 3, record checks).
    checks = tuple(record_checks(case))
    warnings.extend(f"{c.code}:{c.field}" for c in checks)
    chosen = vehicles(case)
    disposition = choose_disposition(results, chosen, court.circuit)
    alternatives = tuple(
        {"avenue": r.id, "forum": r.forum, "what_to_show": list(r.to_show) or [r.relief]}
        for r in results if r.status == "available" and r.id not in chosen
    )
    deadlines = tuple(d for r in results for d in ((r.deadline,) if r.deadline else ()) + r.extra_deadlines)
    questions: dict[str, Question] = {}
    for r in results:
        if r.status == "undetermined":
            for q in r.questions:
                questions.setdefault(q.field, q)
    cited = {}
    for r in results:
        for reason in r.reasons:
            for c in reason.authorities:
                cited.setdefault(c.id, c)
    authorities = tuple(
        {"id": a.id, "citation": kb.get(a.id).citation, "kind": kb.get(a.id).kind, "weight": a.weight,
         "holding": kb.get(a.id).holding, "source": kb.get(a.id).sources[0].url}
        for a in cited.values()
    )
    return Analysis(
        format=1, as_of=as_of, court=court.id, court_name=court.name, circuit=court.circuit,
        disposition=disposition, summary=summarize(disposition, results, chosen, alternatives),
        vehicles=chosen, avenues=results, alternatives=alternatives, deadlines=deadlines,
        warnings=tuple(warnings), questions=tuple(questions.values()), authorities=authorities,
        case_number=case.case_number, defendant=case.defendant, request_title=case.request.title,
        record_checks=tuple({"code": c.code, "field": c.field, "text": c.text} for c in checks),
    )
