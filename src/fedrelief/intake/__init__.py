"""Intake: a document (an order, a motion, a letter) -> a draft case file, with provenance.

Stages, one module each (STYLE.md): clean -> extract -> resolve -> assemble.

    from fedrelief.intake import intake_text, intake_file
    draft = intake_file("order.pdf")          # or intake_text(text, markup="html")
    draft.data          # the case file (format 1) as a dict; draft.case is the validated CaseDocument
    draft.provenance    # dotted path -> {start, end, text (the sentence), quote} in the original text
    draft.questions     # [{field, why}] for what the document did not say
    draft.citations     # every case, U.S.C., U.S.S.G., rule and C.F.R. citation found
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from .assemble import Draft, assemble
from .clean import clean
from .extract import extract
from .read import IntakeError, read_document
from .resolve import resolve

__all__ = ["Draft", "IntakeError", "intake_file", "intake_text"]


def intake_text(text: str, markup: str = "text", source: str = "<text>", court: str | None = None,
                as_of: date | None = None) -> Draft:
    """Draft a case file from `text` (markup: 'text', 'markdown' or 'html'). Never raises on
    content: what cannot be found becomes a question; `Draft.problems` says why a draft did not
    validate (e.g. no court found and none given)."""
    doc = clean(text, markup, source)
    ex = extract(doc)
    res = resolve(ex)
    return assemble(ex, res, source=source, court=court, as_of=as_of)


def intake_file(path: str | Path, court: str | None = None, as_of: date | None = None) -> Draft:
    text, markup = read_document(path)
    return intake_text(text, markup=markup, source=str(path), court=court, as_of=as_of)
