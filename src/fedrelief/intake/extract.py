"""Stage 2, extract: a cleaned `Document` -> raw findings, each with its span in the cleaned text.

This module runs the stage (`extract`) and holds what its extractors share: the `Finding` and the
`Extraction` they fill, and the cue phrases of cues.yaml. The extractors live in its siblings:
caption.py (court, case number, defendant, the kind of document), request.py (the request's
title, what it seeks and on what grounds), dates_and_terms.py (dates, terms of imprisonment and
supervision, a mandatory minimum, the guideline range) and events.py (plea and convictions,
appeal, earlier § 2255 motions, custody, and for an order its disposition and the avenues it
discusses). The authorities cited are read by citations.py; the dates' roles are the resolve
stage's job.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .citations import Citation, find_citations
from .document import Document
from .scan import Cue


@dataclass(frozen=True)
class Finding:
    path: str          # dotted case-file path, or an intake-only path ('document.kind', 'dates.plea')
    value: Any
    start: int         # span of the evidence in the cleaned text
    end: int


@dataclass
class Extraction:
    doc: Document
    header_end: int
    kind: str                                   # order | motion | letter
    findings: list[Finding] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)          # in full_doc's text
    local_citations: list[Citation] = field(default_factory=list)    # in doc's text (the window)
    full_doc: Document | None = None
    dates: list[tuple[date, int, int]] = field(default_factory=list)
    request_spans: list[tuple[int, int]] = field(default_factory=list)   # sentences in the movant's words

    def first(self, path: str) -> Finding | None:
        return next((f for f in self.findings if f.path == path), None)


@lru_cache(maxsize=1)
def _raw_cues() -> dict[str, dict[str, list[str]]]:
    return yaml.safe_load((Path(__file__).parent / "cues.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    # Cues are matched against lowercased text (same length, same offsets), compiled without
    # IGNORECASE: a literal-led pattern is then found by a fast scan instead of a slow one. Each is
    # compiled once, with its needles (scan.py): a cue whose words are not in a text is not run.
    # A section is a table (key -> cues) or a plain list of cues; `rivals` names keys, not cues.
    out: dict[str, Any] = {}
    for section, table in _raw_cues().items():
        if section == "rivals":
            out[section] = table
        elif isinstance(table, list):
            out[section] = [Cue(p.lower()) for p in table]
        else:
            out[section] = {key: [Cue(p.lower()) for p in pats] for key, pats in table.items()}
    return out


def any_cue(cue_list: list[Cue], low: str) -> re.Match[str] | None:
    """The first of `cue_list` that matches the lowercased `low`, or None."""
    for c in cue_list:
        m = c.search(low)
        if m:
            return m
    return None


# A very long document (a 100-page opinion) is read for facts in a window: its first and last
# characters, where the caption, the request, the background and the decretal paragraph are.
# Citations are read in full. This keeps intake linear with a small constant (issue 5: 2 s/MB).
WINDOW_HEAD = 30_000
WINDOW_TAIL = 8_000


def extract(doc: Document) -> Extraction:
    """Run every extractor over `doc` (the dates' roles and the courts are resolved later)."""
    # imported here, not above: the extractors' modules import Finding and cues from this one
    from . import events
    from .caption import extract_case_number, extract_court, extract_defendant, extract_kind, find_header_end
    from .dates_and_terms import extract_dates, extract_terms
    from .request import extract_request, extract_title, request_spans

    full = doc
    doc = full.window(WINDOW_HEAD, WINDOW_TAIL)
    header_end = find_header_end(doc.text)
    kind = extract_kind(doc, header_end)
    ex = Extraction(doc=doc, header_end=header_end, kind=kind, full_doc=full)
    for fn in (extract_court, extract_case_number, extract_defendant):
        hit = fn(doc, header_end)
        if hit:
            ex.findings.append(hit)
    title = extract_title(doc, header_end, kind)
    if title:
        ex.findings.append(title)
    ex.request_spans = request_spans(doc, header_end, kind, title)
    ex.findings.extend(extract_request(doc, ex.request_spans, title))
    ex.citations = find_citations(full.text)
    ex.local_citations = ex.citations if doc is full else find_citations(doc.text)
    ex.dates = extract_dates(doc)
    ex.findings.extend(extract_terms(doc))
    body = header_end
    for hit in (events.extract_plea(doc, body), events.extract_appeal(doc, body), events.extract_pro_se(doc, kind)):
        if hit:
            ex.findings.append(hit)
    ex.findings.extend(events.extract_convictions(doc, ex.local_citations, body))
    ex.findings.extend(events.extract_history(doc, body))
    ex.findings.extend(events.extract_custody(doc, body))
    if kind == "order":
        hit = events.extract_disposition(doc, header_end)
        if hit:
            ex.findings.append(hit)
    return ex
