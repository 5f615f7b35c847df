"""What a draft says, built from the Analysis and the case's caption facts only (issue 6).

The templates in templates/ lay out what this module gathers; neither adds a legal proposition.
Every legal sentence is a `Reason.text` (through `prose`, which only writes dates out) and every
citation is a `Reason.authorities` entry (`Cited.citation`). The words this module does supply are
the forms a court uses to frame its own reasoning ("This matter is before the Court on ...",
"IT IS ORDERED that ... is DENIED.") and the names of the bodies an `AvenueResult.forum` names.

This module holds the view model both drafts share (the values the templates read, the ranking of
reasons, the reason and avenue views, the caption) and the order. The AO 247 / AO 248 layout of an
order is in draft_ao, the memo in draft_memo.

From the case file it reads the caption (court, parties, case number) and the request's title
and docket entry. It also reads `request.seeks` to choose which closed avenues an order walks
through: a court explains the powers that could have given what was asked, not every avenue
fedrelief knows.
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
def cited_case_ids(analysis: Analysis) -> frozenset[str]:
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


def defendant_name(analysis: Analysis, case: Case) -> str | None:
    return analysis.defendant or case.defendant


def caption(analysis: Analysis, case: Case, rows: tuple[str, ...] = ()) -> Caption:
    name = defendant_name(analysis, case)
    court = analysis.court_name or analysis.court
    return Caption(
        court_lines=("UNITED STATES DISTRICT COURT", md(("FOR THE " + court).upper())),
        plaintiff="UNITED STATES OF AMERICA",
        defendant=md(name.upper()) if name else md_blank("DEFENDANT"),
        case_number=md(analysis.case_number or case.case_number) if (analysis.case_number or case.case_number)
        else md_blank(),
        rows=rows,
    )


def request_title(analysis: Analysis, case: Case) -> str:
    title = analysis.request_title or case.request.title
    return md(title) if title else md_blank("title of the motion")


def motion_ref(analysis: Analysis, case: Case) -> str:
    """'Defendant Jose Angel Lugo-Marin's Letter Regarding Sentence Classification (Doc. 56)'."""
    name = defendant_name(analysis, case)
    who = md(possessive(f"Defendant {name}")) if name else "Defendant's"
    docket = case.request.docket_entry
    return f"{who} {request_title(analysis, case)}" + (f" ({md(docket)})" if docket else "")


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


def build_order(analysis: Analysis, case: Case, form: str = "auto") -> OrderView:
    from .draft_ao import ao_details, ao_form   # here, not above: draft_ao imports this module

    case_ids = cited_case_ids(analysis)
    ref = motion_ref(analysis, case)
    by_id = {a.id: a for a in analysis.avenues}
    vehicles = tuple(avenue_view(by_id[v], case_ids, rank=True, ask=by_id[v].forum == "this_court")
                     for v in analysis.vehicles if v in by_id)
    considered = tuple(avenue_view(a, case_ids, rank=True, ask=False) for a in _considered(analysis, case))
    open_avs = _open_avenues(analysis)
    opened = tuple(avenue_view(a, case_ids, rank=False, ask=False) for a in open_avs)
    kind = ao_form(analysis, form)
    if kind == "narrative":
        return OrderView(
            form=kind, caption=caption(analysis, case), title="ORDER", draft_note=_draft_note(analysis),
            motion=f"This matter is before the Court on {ref}.", vehicles_intro=_vehicles_intro(analysis),
            vehicles=vehicles, considered=considered, open=opened,
            decree=_decree(analysis, case, ref, open_avs), signature=_signature_standard(),
        )
    ao, decree, signature = ao_details(analysis, case, kind, ref)
    extra = tuple(p for p in (_may_file(av) for av in open_avs) if p)
    decree = Decree(decree.lead, ao["items"], extra + decree.closing)
    return OrderView(
        form=kind, caption=caption(analysis, case, ao["rows"]), title=ao["title"],
        draft_note=_draft_note(analysis), motion=ao["motion"], vehicles_intro="",
        vehicles=vehicles, considered=considered, open=opened, decree=decree, signature=signature, ao=ao,
    )
