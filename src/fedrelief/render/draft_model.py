"""What a draft says, built from the Analysis and the case's caption facts only (issue 6).

The templates in templates/ lay out what this module gathers; neither adds a legal proposition.
Every legal sentence is a `Reason.text` (through `prose`, which only writes dates out) and every
citation is a `Reason.authorities` entry (`Cited.citation`). The words this module does supply are
the forms a court uses to frame its own reasoning ("This matter is before the Court on ...",
"IT IS ORDERED that ... is DENIED.") and the names of the bodies an `AvenueResult.forum` names.

From the case file it reads the caption (court, parties, case number), the request's title and
docket entry, and, for the AO 247 / AO 248 variants, the sentence facts those forms print.
It also reads `request.seeks` to choose which closed avenues an order walks through: a court
explains the powers that could have given what was asked, not every avenue fedrelief knows.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..engine.disposition import PLAIN
from ..engine.result import Analysis, AvenueResult, Reason
from ..facts.model import Case
from ..law.kb import load_kb
from .draft_text import (
    BLANK,
    court_of_appeals,
    long_date,
    md,
    md_blank,
    md_citation_sentence,
    months,
    possessive,
    prose,
    sentence,
    title_in_sentence,
)

# The statutory exceptions to the finality of a sentence that an order walks through whenever they
# are closed, as the seed orders do (seed 001: "It may only do so pursuant to Fed. R. Crim. P. 35,
# ... § 3742(g) ..., or upon granting a motion pursuant to 28 U.S.C. § 2255"; seed 000: the
# baseline of no inherent power, then § 2255 as "the proper vehicle").
BASELINE_AVENUES = ("inherent_power", "rule35a", "rule35b", "appeal", "s2255")

# Which reason of a closed avenue leads: a bar on the court's power before a failure of the
# movant's argument, and that before a mistaken premise (seed 002 calls the range reason "most
# important" although it is third in its text). Unknown codes sit in the middle; ties keep the
# engine's order.
REASON_RANK = {
    "no_inherent_power": 0, "no_statutory_authority": 0, "not_in_custody": 0, "time_limit_expired": 0,
    "no_government_motion": 0, "no_appeal_taken": 0, "amendment_not_covered": 0,
    "amendment_does_not_lower_range": 0, "no_guideline_amendment": 0, "not_exhausted": 0,
    "successive_without_authorization": 0, "executive_power_only": 0, "only_at_sentencing": 0,
    "only_bop_may_move": 0, "wrong_forum": 0, "prior_motion_bar": 0, "government_petition_only": 0,
    "no_expungement_power": 0, "not_covered_offense": 0, "in_custody": 0,
    "mandatory_minimum_floor": 1,
    "not_a_ground": 2, "not_clear_error": 2, "substance_not_clerical": 2, "remedy_adequate": 2,
    "appeal_pending": 2, "waiting_period_not_met": 2, "supervision_under_one_year": 2,
    "factual_premise_false": 3,
    "missing_fact": 4,
}
DEFAULT_RANK = 2

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

AO_FORMS = {"s3582c2": "ao247", "s3582c1a": "ao248"}


class DraftError(ValueError):
    """A draft was asked for in a kind, format or form that does not exist or does not fit."""


# ----- values the templates read ----------------------------------------------------------------
@dataclass(frozen=True)
class ReasonView:
    code: str
    text: str        # Markdown: prose(reason.text), escaped
    citations: str   # Markdown citation sentence, or ""

    @property
    def markdown(self) -> str:
        return " ".join(p for p in (sentence(self.text), self.citations) if p)


@dataclass(frozen=True)
class AvenueView:
    id: str
    title: str       # Markdown
    status: str
    forum: str
    reasons: tuple[ReasonView, ...]
    questions: tuple[str, ...] = ()   # Markdown, bracketed notes for chambers
    to_show: tuple[str, ...] = ()

    @property
    def paragraph(self) -> str:
        return " ".join([r.markdown for r in self.reasons] + list(self.questions))

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """One paragraph per reason (how an order sets out the reasons on the motion itself)."""
        return tuple(r.markdown for r in self.reasons) + ((" ".join(self.questions),) if self.questions else ())


@dataclass(frozen=True)
class Caption:
    court_lines: tuple[str, ...]
    plaintiff: str
    defendant: str
    case_number: str
    rows: tuple[str, ...] = ()      # extra lines under the case number (the AO forms' USM No. ...)


@dataclass(frozen=True)
class Decree:
    lead: str                        # "IT IS ORDERED that ..." (single) or "IT IS ORDERED:" (list)
    items: tuple[str, ...] = ()      # numbered ordering paragraphs, when more than one
    closing: tuple[str, ...] = ()    # unnumbered paragraphs after the decree


@dataclass(frozen=True)
class OrderView:
    form: str                        # narrative | ao247 | ao248
    caption: Caption
    title: str
    draft_note: tuple[str, ...]      # non-empty only when the disposition is undetermined
    motion: str
    vehicles_intro: str
    vehicles: tuple[AvenueView, ...]
    considered: tuple[AvenueView, ...]
    open: tuple[AvenueView, ...]
    decree: Decree
    signature: tuple[str, ...]
    ao: dict = field(default_factory=dict)

    @property
    def note_markdown(self) -> str:
        """The draft notice as one Markdown block quote, its first line in bold."""
        lines = [f"**{line}**" if i == 0 else line for i, line in enumerate(self.draft_note)]
        return "\n>\n".join(f"> {line}" for line in lines)


@dataclass(frozen=True)
class MemoView:
    caption: Caption
    header: tuple[str, ...]
    summary: str
    avenues: tuple[AvenueView, ...]
    deadlines: tuple[tuple[str, ...], ...]
    questions: tuple[str, ...]
    next_steps: tuple[str, ...]
    warnings: tuple[str, ...]
    not_advice: str


# ----- shared pieces ---------------------------------------------------------------------------
def _case_ids(analysis: Analysis) -> frozenset[str]:
    return frozenset(a["id"] for a in analysis.authorities if a.get("kind") == "case")


def _ranked(reasons: tuple[Reason, ...]) -> tuple[Reason, ...]:
    return tuple(sorted(reasons, key=lambda r: REASON_RANK.get(r.code, DEFAULT_RANK)))


def reason_view(r: Reason, case_ids) -> ReasonView:
    return ReasonView(r.code, md(prose(r.text)), md_citation_sentence(r.authorities, case_ids))


def avenue_view(av: AvenueResult, case_ids, *, rank: bool, ask: bool) -> AvenueView:
    """An avenue as the order states it. Reasons that only say a fact is missing are replaced by
    bracketed notes for chambers (`ask`), naming the fact and why it matters."""
    reasons = _ranked(av.reasons) if rank else av.reasons
    shown = tuple(reason_view(r, case_ids) for r in reasons if r.code != "missing_fact")
    notes: tuple[str, ...] = ()
    if ask and (av.status == "undetermined" or len(shown) < len(reasons)):
        notes = tuple(md(f"[To be found: {prose(q.why)} ({q.field})]") for q in av.questions)
        if not notes:
            notes = tuple(md(f"[{prose(r.text)}]") for r in reasons if r.code == "missing_fact")
    return AvenueView(av.id, md(av.title), av.status, av.forum, shown, notes,
                      tuple(md(prose(s)) for s in av.to_show))


def _name(analysis: Analysis, case: Case) -> str | None:
    return analysis.defendant or case.defendant


def caption(analysis: Analysis, case: Case, rows: tuple[str, ...] = ()) -> Caption:
    name = _name(analysis, case)
    court = analysis.court_name or analysis.court
    return Caption(
        court_lines=("UNITED STATES DISTRICT COURT", md(("FOR THE " + court).upper())),
        plaintiff="UNITED STATES OF AMERICA",
        defendant=md(name.upper()) if name else md_blank("DEFENDANT"),
        case_number=md(analysis.case_number or case.case_number) if (analysis.case_number or case.case_number)
        else md_blank(),
        rows=rows,
    )


def _request_title(analysis: Analysis, case: Case) -> str:
    title = analysis.request_title or case.request.title
    return md(title) if title else md_blank("title of the motion")


def motion_ref(analysis: Analysis, case: Case) -> str:
    """'Defendant Jose Angel Lugo-Marin's Letter Regarding Sentence Classification (Doc. 56)'."""
    name = _name(analysis, case)
    who = md(possessive(f"Defendant {name}")) if name else "Defendant's"
    docket = case.request.docket_entry
    return f"{who} {_request_title(analysis, case)}" + (f" ({md(docket)})" if docket else "")


def _kb_citation(ident: str) -> str:
    return md(load_kb().get(ident).cite())


def _signature_standard() -> tuple[str, ...]:
    line = md("_" * 32)
    return (f"Dated: {md_blank()}", f"{line}\\\n{md_blank('NAME OF JUDGE')}\\\nUnited States District Judge")


# ----- the order --------------------------------------------------------------------------------
def _considered(analysis: Analysis, case: Case) -> list[AvenueResult]:
    """Closed avenues, other than the vehicles, that the order walks through (see BASELINE_AVENUES)."""
    from ..avenues import MODULES

    seeks = set(case.request.seeks)
    out = []
    for av in analysis.avenues:
        if av.id in analysis.vehicles or av.status != "unavailable":
            continue
        delivers = getattr(MODULES.get(av.id), "DELIVERS", frozenset())
        if av.id in BASELINE_AVENUES or delivers & seeks:
            out.append(av)
    # the baseline (no inherent power) first, as courts begin; then the engine's order
    out.sort(key=lambda a: a.id != "inherent_power")
    return out


def _open_avenues(analysis: Analysis) -> list[AvenueResult]:
    by_id = {a.id: a for a in analysis.avenues}
    return [by_id[alt["avenue"]] for alt in analysis.alternatives if alt["avenue"] in by_id]


def _may_file(av: AvenueResult) -> str | None:
    """The ordering paragraph that points to an avenue still open in this court."""
    if av.forum != "this_court":
        return None
    plain = PLAIN.get(av.id)
    if plain and plain.startswith(("a ", "an ")):
        return f"Defendant may file {md(plain)} in this Court."
    return f"Defendant may seek {md(av.relief)} under {md(plain or av.title)}."


def _decree(analysis: Analysis, case: Case, ref: str, open_avs: list[AvenueResult]) -> Decree:
    d = analysis.disposition
    term = months(case.sentence.imprisonment_months)
    judgment = long_date(case.sentence.judgment_date)
    keep = md(f"Except as provided in this Order, all provisions of the judgment dated {judgment} remain in effect.")
    closing: tuple[str, ...] = ()
    if d == "deny":
        main = f"{ref} is DENIED."
    elif d == "dismiss":
        main = f"{ref} is DISMISSED for lack of jurisdiction."
    elif d == "transfer":
        main = (f"{ref} is TRANSFERRED to the {md(court_of_appeals(analysis.circuit))} under "
                f"{_kb_citation('usc28_1631')}.")
    elif d == "grant":
        main = (f"{ref} is GRANTED. Defendant's term of imprisonment of {md(term)} is reduced to "
                f"{md_blank('NEW TERM')} months.")
        closing = (keep,)
    elif d == "grant_in_part":
        main = f"{ref} is GRANTED IN PART and DENIED IN PART, as follows: {md_blank('terms of the relief granted')}."
        closing = (keep,)
    else:  # undetermined: the judge decides; the draft offers both outcomes in brackets
        main = (f"{ref} is {md('[GRANTED / DENIED]')}. "
                + md(f"[If granted: Defendant's term of imprisonment of {term} is reduced to "
                     f"{BLANK} months. {keep}]"))
    extra = [p for p in (_may_file(av) for av in open_avs) if p]
    if extra:
        return Decree("IT IS ORDERED:", (main, *extra), closing)
    return Decree(f"IT IS ORDERED that {main}", (), closing)


def _draft_note(analysis: Analysis) -> tuple[str, ...]:
    """The boxed notice on an order the analysis does not decide, with the facts it still needs."""
    if analysis.disposition != "undetermined":
        return ()
    note = [md("DRAFT FOR THE JUDGE'S DECISION. The analysis does not decide this motion: either the "
               "Court has the power and its discretion decides, or a fact it needs is not in the record. "
               "Bracketed passages [ ] are for the Court to complete or choose before filing.")]
    asked = [q for q in analysis.questions if q.avenue in analysis.vehicles] or list(analysis.questions)
    note += [md(f"Fact to be found: {prose(q.why)} ({q.field})") for q in asked]
    return tuple(note)


def _vehicles_intro(analysis: Analysis) -> str:
    by_id = {a.id: a for a in analysis.avenues}
    titles = [md(title_in_sentence(by_id[v].title)) for v in analysis.vehicles if v in by_id]
    if not titles:
        return "The request names no avenue of relief, so the Court considers each power it has to grant it."
    if len(titles) == 1:
        return f"The Court considers the request as one for {titles[0]}."
    return ("The Court considers the request as one for " + ", for ".join(titles[:-1])
            + f", and for {titles[-1]}.")


def _ao_form(analysis: Analysis, form: str) -> str:
    """'ao247' / 'ao248' when the one vehicle has a form order and `form` allows it; `form='ao'`
    for a request that has none is an error, not a quiet fall-back."""
    if form == "narrative":
        return "narrative"
    chosen = AO_FORMS.get(analysis.vehicles[0]) if len(analysis.vehicles) == 1 else None
    if form == "ao" and not chosen:
        raise DraftError("form: the AO 247 / AO 248 layout fits only a request whose one avenue is "
                         f"s3582c2 or s3582c1a; this one is {', '.join(analysis.vehicles) or 'none'}")
    return chosen or "narrative"


def _box(checked: bool) -> str:
    return "☒" if checked else "☐"


def _ao_details(analysis: Analysis, case: Case, form: str, ref: str) -> tuple[dict, Decree, tuple[str, ...]]:
    """The AO 247 / AO 248 layout: caption rows, the table of terms, the checked disposition."""
    s = case.sentence
    g = s.guidelines
    vehicle = analysis.avenue(analysis.vehicles[0])
    statute = md(vehicle.title.split(":")[0])
    d = analysis.disposition
    undecided = d not in ("deny", "grant", "grant_in_part")
    pick = "" if not undecided else " " + md("[The Court to check one.]")
    term = months(s.imprisonment_months)
    judgment = long_date(s.judgment_date)
    if form == "ao247":
        rng = (f"{g.range_months[0]} to {g.range_months[1]} months" if g and g.range_months else BLANK)
        table = (
            ("Total offense level", md(str(g.offense_level)) if g and g.offense_level else md(BLANK), md(BLANK)),
            ("Criminal history category", md(g.criminal_history_category) if g and g.criminal_history_category
             else md(BLANK), md(BLANK)),
            ("Guideline range", md(rng), md(BLANK)),
        )
        items = (
            f"{_box(d == 'deny')} DENIED.",
            f"{_box(d in ('grant', 'grant_in_part'))} GRANTED, and Defendant's previously imposed sentence of "
            f"imprisonment (as reflected in the last judgment issued) of {md(term)} is reduced to {md(BLANK)} months.",
        )
        columns = ("", "Previous", "Amended")
        heading = "COURT DETERMINATION OF GUIDELINE RANGE (Prior to Any Departures)"
        title = f"ORDER REGARDING MOTION FOR SENTENCE REDUCTION PURSUANT TO {statute}"
    else:
        not_exhausted = any("not_exhausted" in analysis.avenue(v).codes for v in analysis.vehicles)
        table = (
            ("Term of imprisonment", md(term), md(BLANK)),
            ("Term of supervised release", md(months(s.supervised_release_months)), md(BLANK)),
        )
        items = (
            f"{_box(d in ('grant', 'grant_in_part'))} GRANTED, and Defendant's previously imposed sentence of "
            f"imprisonment of {md(term)} is reduced to {md(BLANK)}.",
            f"{_box(d == 'deny' and not not_exhausted)} DENIED after complete review of the motion on the merits.",
            f"{_box(d == 'deny' and not_exhausted)} DENIED WITHOUT PREJUDICE, for the reason stated in Part II.",
        )
        columns = ("", "Imposed", "Reduced to")
        heading = "SENTENCE"
        title = f"ORDER ON MOTION FOR SENTENCE REDUCTION UNDER {statute} (COMPASSIONATE RELEASE)"
    rows = (
        f"USM No. {md(BLANK)}",
        f"Date of Original Judgment: {md(judgment)}",
        *((f"Date of Previous Amended Judgment: {md(BLANK)}",) if form == "ao247" else ()),
        f"Defendant's Attorney: {md(BLANK)}",
    )
    decree = Decree(f"IT IS ORDERED that the motion is:{pick}", (),
                    (md(f"Except as otherwise provided, all provisions of the judgment dated {judgment} "
                        "shall remain in effect."), "IT IS SO ORDERED."))
    signature = (f"Order Date: {md(BLANK)}",
                 f"{md('_' * 32)}\\\nJudge's signature",
                 f"Effective Date: {md(BLANK)} (if different from order date)",
                 f"{md('[Printed name and title]')}")
    who = f"{_box(True)} the defendant {_box(False)} the Director of the Bureau of Prisons"
    if form == "ao247":
        who += f" {_box(False)} the court"
    docket = case.request.docket_entry
    filed = _request_title(analysis, case) + (f", {md(docket)}" if docket else "")
    motion = (f"Upon motion of {who} under {statute} for {md(vehicle.relief)} ({filed}), "
              "the Court has considered the motion as follows.")
    return ({"rows": rows, "table": table, "columns": columns, "heading": heading, "title": title,
             "motion": motion, "items": items}, decree, signature)


def build_order(analysis: Analysis, case: Case, form: str = "auto") -> OrderView:
    case_ids = _case_ids(analysis)
    ref = motion_ref(analysis, case)
    by_id = {a.id: a for a in analysis.avenues}
    vehicles = tuple(avenue_view(by_id[v], case_ids, rank=True, ask=by_id[v].forum == "this_court")
                     for v in analysis.vehicles if v in by_id)
    considered = tuple(avenue_view(a, case_ids, rank=True, ask=False) for a in _considered(analysis, case))
    open_avs = _open_avenues(analysis)
    opened = tuple(avenue_view(a, case_ids, rank=False, ask=False) for a in open_avs)
    kind = _ao_form(analysis, form)
    if kind == "narrative":
        return OrderView(
            form=kind, caption=caption(analysis, case), title="ORDER", draft_note=_draft_note(analysis),
            motion=f"This matter is before the Court on {ref}.", vehicles_intro=_vehicles_intro(analysis),
            vehicles=vehicles, considered=considered, open=opened,
            decree=_decree(analysis, case, ref, open_avs), signature=_signature_standard(),
        )
    ao, decree, signature = _ao_details(analysis, case, kind, ref)
    extra = tuple(p for p in (_may_file(av) for av in open_avs) if p)
    decree = Decree(decree.lead, ao["items"], extra + decree.closing)
    return OrderView(
        form=kind, caption=caption(analysis, case, ao["rows"]), title=ao["title"],
        draft_note=_draft_note(analysis), motion=ao["motion"], vehicles_intro="",
        vehicles=vehicles, considered=considered, open=opened, decree=decree, signature=signature, ao=ao,
    )


# ----- the memo ---------------------------------------------------------------------------------
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
    case_ids = _case_ids(analysis)
    name = _name(analysis, case)
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
