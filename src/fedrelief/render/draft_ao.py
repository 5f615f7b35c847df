"""The AO 247 / AO 248 layout of an order: the national form orders (Administrative Office of the
U.S. Courts) for a motion under 18 U.S.C. § 3582(c)(2) (AO 247) or § 3582(c)(1)(A) (AO 248).

Kept apart from draft_model because the forms are a layout of their own: caption rows, a table of
the terms before and after, and checkboxes for the disposition, where the narrative order states
the reasons. draft_model.build_order chooses the layout (`ao_form`) and takes the details from
here (`ao_details`); the avenue views, the caption and the paragraphs that point to an open
avenue stay draft_model's. From the case file it reads, beyond the caption, the sentence facts the
forms print (the judgment date, the terms imposed, the guideline range).
"""
from __future__ import annotations

from ..engine.result import Analysis
from ..facts.model import Case
from .draft_model import Decree, DraftError, request_title
from .draft_text import BLANK, long_date, md, months

AO_FORMS = {"s3582c2": "ao247", "s3582c1a": "ao248"}


def ao_form(analysis: Analysis, form: str) -> str:
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


def ao_details(analysis: Analysis, case: Case, form: str, ref: str) -> tuple[dict, Decree, tuple[str, ...]]:
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
    filed = request_title(analysis, case) + (f", {md(docket)}" if docket else "")
    motion = (f"Upon motion of {who} under {statute} for {md(vehicle.relief)} ({filed}), "
              "the Court has considered the motion as follows.")
    return ({"rows": rows, "table": table, "columns": columns, "heading": heading, "title": title,
             "motion": motion, "items": items}, decree, signature)
