"""The plain-English memo for the person or their lawyer, built from the Analysis (issue 6).

Kept apart from draft_model, which holds the view model both drafts share and the order: the memo
speaks to a person, not to a court. It says each avenue's status and who holds it in everyday
words, turns missing facts into questions, lists the next steps and ends with the statement that
it is not legal advice. Like the order, it adds no legal proposition of its own: every legal
sentence is a `Reason.text` and every citation a `Reason.authorities` entry.
"""
from __future__ import annotations

from ..engine.result import Analysis, AvenueResult
from ..facts.model import Case
from .draft_model import AvenueView, MemoView, caption, cited_case_ids, defendant_name, reason_view
from .draft_text import BLANK, court_of_appeals, long_date, md, md_blank, prose

# An avenue's status in everyday words (status_plain, a global of the memo template).
STATUS_PLAIN = {"available": "open", "unavailable": "closed", "undetermined": "not yet decided"}

# Who holds each door (AvenueResult.forum), named for a person who must go there.
FORUM_PLAIN = {
    "this_court": "this court: the United States District Court for the {court_name}",
    "court_of_appeals": "the {court_of_appeals}",
    "district_of_confinement": "the federal district court for the district where the person is held",
    "bop": "the Bureau of Prisons: the warden of the prison where the person is held",
    "sentencing_commission": "the United States Sentencing Commission",
    "president": "the President, through the Office of the Pardon Attorney (U.S. Department of Justice)",
}

# The same, in a few words, beside each avenue in the memo.
FORUM_SHORT = {
    "this_court": "this court", "court_of_appeals": "the court of appeals",
    "district_of_confinement": "the court where the person is held", "bop": "the Bureau of Prisons",
    "sentencing_commission": "the Sentencing Commission", "president": "the President",
}


def forum_plain(forum: str, analysis: Analysis) -> str:
    return FORUM_PLAIN.get(forum, forum).format(court_name=analysis.court_name,
                                               court_of_appeals=court_of_appeals(analysis.circuit))


def _memo_avenue(av: AvenueResult, analysis: Analysis, case_ids) -> AvenueView:
    """One paragraph per avenue: its status and who holds it, then the reasons in the analysis's
    words; a missing fact is said as the question that would decide it."""
    reasons = tuple(reason_view(r, case_ids) for r in av.reasons if r.code != "missing_fact")
    asks: tuple[str, ...] = ()
    if av.status == "undetermined":
        asks = tuple(md(f"What would decide it: {prose(q.why)}") for q in av.questions)
    if av.status == "undetermined" and not asks:
        asks = tuple(md(prose(r.text)) for r in av.reasons if r.code == "missing_fact")
    return AvenueView(av.id, md(av.title), av.status, md(FORUM_SHORT.get(av.forum, av.forum)), reasons, asks,
                      tuple(md(prose(s)) for s in av.to_show))


def _next_steps(analysis: Analysis) -> tuple[str, ...]:
    by_id = {a.id: a for a in analysis.avenues}
    steps: list[str] = []
    for alt in analysis.alternatives:
        av = by_id.get(alt["avenue"])
        title = av.title if av else alt["avenue"]
        show = "; ".join(prose(s) for s in alt.get("what_to_show") or ())
        steps.append(md(f"Go to {forum_plain(alt['forum'], analysis)}: {title}.")
                     + (" " + md(f"What would have to be shown or filed: {show}.") if show else ""))
    for v in analysis.vehicles:
        av = by_id.get(v)
        if av and av.forum != "this_court" and av.status != "unavailable":
            show = "; ".join(prose(s) for s in av.to_show)
            steps.append(md(f"Go to {forum_plain(av.forum, analysis)}: {av.title}.")
                         + (" " + md(f"What would have to be shown or filed: {show}.") if show else ""))
    for d in analysis.deadlines:
        if d.passed is False and d.ends_on:
            steps.append(md(f"Before the end of {long_date(d.ends_on)}: {prose(d.what)} ({d.authority})."))
    for q in analysis.questions:
        steps.append(md(f"Find out the missing fact: {prose(q.why)} (case-file field: {q.field})"))
    if not steps:
        steps.append(md("The analysis finds no other avenue open on these facts."))
    return tuple(steps)


NOT_ADVICE = ("This memo was produced by fedrelief, a computer program, from the facts in the case file "
              "and the law as of the date above. It is not legal advice, it is not a court's decision, "
              "and it does not create a lawyer-client relationship. Laws, deadlines and facts change; "
              "before acting, check with a lawyer, such as the Federal Public Defender for the district.")


def build_memo(analysis: Analysis, case: Case) -> MemoView:
    case_ids = cited_case_ids(analysis)
    name = defendant_name(analysis, case)
    by_id = {a.id: a for a in analysis.avenues}
    first = [v for v in analysis.vehicles if v in by_id]
    alts = [a["avenue"] for a in analysis.alternatives if a["avenue"] in by_id and a["avenue"] not in first]
    order = first + alts + [a.id for a in analysis.avenues if a.id not in first and a.id not in alts]
    number = analysis.case_number or case.case_number
    request = analysis.request_title or case.request.title
    re_line = (f"United States v. {name or BLANK}" + (f", No. {number}" if number else "")
               + f" ({analysis.court_name})" + (f": {request}" if request else "")
               + (f" ({case.request.docket_entry})" if case.request.docket_entry else ""))
    header = (
        f"**To:** {md(name) + ', or counsel' if name else md_blank('the person or counsel')}",
        f"**Re:** {md(re_line)}",
        f"**Law applied as of:** {md(long_date(analysis.as_of))}",
    )
    deadlines = tuple(
        (md(prose(d.what)), md(long_date(d.starts_on, "unknown")), md(long_date(d.ends_on, "unknown")),
         "unknown" if d.passed is None else ("passed" if d.passed else "open"), md(d.authority))
        for d in analysis.deadlines
    )
    return MemoView(
        caption=caption(analysis, case), header=header, summary=md(prose(analysis.summary)),
        avenues=tuple(_memo_avenue(by_id[i], analysis, case_ids) for i in order),
        deadlines=deadlines,
        questions=tuple(md(f"{q.field}: {prose(q.why)}") for q in analysis.questions),
        next_steps=_next_steps(analysis),
        warnings=tuple(md(w.replace("_", " ")) for w in analysis.warnings),
        not_advice=md(NOT_ADVICE),
    )


def status_plain(status: str) -> str:
    return STATUS_PLAIN.get(status, status)
