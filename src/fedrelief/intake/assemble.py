"""Stage 4, assemble: resolved findings -> a case-file dict, its provenance and its questions,
validated through `case_from_data`.

The case file keeps only facts (SPEC.md format 1; from an order also `source` and `expected`,
which the loader sets aside). Provenance — for each dotted path, the span of the original text
and the sentence the fact came from — and the questions (facts not found, and why they matter)
travel beside it, in `Draft.provenance` / `Draft.questions`; the CLI writes them to
`OUT.provenance.yaml` and repeats the questions as comments at the top of `OUT.yaml`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..facts import CaseFileError, case_from_data
from .citations import Citation
from .extract import Extraction, Finding
from .resolve import Resolved

# facts every draft should settle; the why comes from facts/questions.yaml where it has one
WANTED = ("court", "as_of", "case_number", "defendant", "convictions", "sentence.imposed_on",
          "sentence.imprisonment_months", "appeal", "custody.status", "request.seeks", "request.filed_on")
WHY = {
    "court": "The district court decides the circuit whose precedent binds (give --court).",
    "case_number": "The docket number identifies the judgment.",
    "defendant": "The defendant's name identifies the judgment.",
    "convictions": "The statute of conviction decides the offense class and which amendments or avenues reach it.",
    "request.seeks": "What the request asks for decides which avenues answer it.",
}


@lru_cache(maxsize=1)
def _why_table() -> dict[str, str]:
    path = Path(__file__).resolve().parent.parent / "facts" / "questions.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError:
        data = {}
    return {**{k: v for k, v in data.items() if isinstance(v, str)}, **WHY}


@dataclass
class Draft:
    source: str
    kind: str
    data: dict[str, Any]                        # the case file (validated when `problems` is empty)
    provenance: dict[str, dict[str, Any]]
    questions: list[dict[str, str]]
    citations: list[Citation]
    extraction: Extraction = field(repr=False)
    findings: list[Finding] = field(default_factory=list, repr=False)
    problems: list[str] = field(default_factory=list)
    case: Any = None                            # a CaseDocument when the draft validated

    @property
    def ok(self) -> bool:
        return self.case is not None


def _set(data: dict, path: str, value: Any) -> None:
    keys = path.split(".")
    cur = data
    for k in keys[:-1]:
        cur = cur.setdefault(k, {})
    cur[keys[-1]] = value


def _get(data: dict, path: str) -> Any:
    cur: Any = data
    for k in path.split("."):
        if not isinstance(cur, dict) or k not in cur:
            return None
        cur = cur[k]
    return cur


def _drop(data: dict, path: str) -> None:
    keys = path.split("[")[0].split(".")
    cur = data
    for k in keys[:-1]:
        if not isinstance(cur, dict) or k not in cur:
            return
        cur = cur[k]
    if isinstance(cur, dict):
        cur.pop(keys[-1], None)


def assemble(ex: Extraction, res: Resolved, source: str = "<text>", court: str | None = None,
             as_of: date | None = None) -> Draft:
    doc = ex.doc
    data: dict[str, Any] = {"format": 1}
    prov: dict[str, dict[str, Any]] = {}

    def note(path: str, f: Finding) -> None:
        s, e = doc.original_span(f.start, f.end)
        prov[path] = {"start": s, "end": e, "text": doc.sentence(f.start), "quote": doc.original[s:e]}

    lists = {"request.seeks": [], "request.grounds": [], "request.invokes": [], "convictions": [], "history": []}
    for f in res.findings:
        if f.path.startswith("dates.") or f.path == "custody.release_date@":
            continue
        if f.path in lists:
            items = lists[f.path]
            value = f.value
            if f.path == "request.grounds":
                tag, detail = value
                existing = next((g for g in items if (g if isinstance(g, str) else next(iter(g))) == tag), None)
                if existing is not None and tag == "guideline_amendment" and detail is not None \
                        and isinstance(existing, dict) and detail not in [g[tag] for g in items if isinstance(g, dict) and tag in g]:
                    existing = None   # each amendment invoked is its own ground ('Amendment 782 and Amendment 788')
                if existing is not None:
                    if detail is not None and isinstance(existing, dict):
                        cur = existing[tag]
                        if isinstance(cur, list) and detail not in cur:
                            cur.append(detail)
                    continue
                value = tag if detail is None else {tag: [detail] if tag == "extraordinary_and_compelling" else detail}
            elif value in items:
                continue
            note(f"{f.path}[{len(items)}]", f)
            items.append(value)
            continue
        if f.path.startswith("expected.avenues."):
            ident = f.path.rsplit(".", 1)[1]
            entry = {"status": f.value["status"]}
            if f.value["reasons"]:
                entry["reasons"] = list(f.value["reasons"])
            data.setdefault("expected", {}).setdefault("avenues", {})[ident] = entry
            if f.end > f.start:
                note(f.path, f)
            continue
        if _get(data, f.path) is not None:
            continue  # the first finding of a path wins
        value = f.value.isoformat() if isinstance(f.value, date) else f.value
        if f.path == "appeal" and isinstance(value, dict) and _get(data, "appeal") is None:
            value = dict(value)
        _set(data, f.path, value)
        note(f.path, f)
    for path, items in lists.items():
        if items:
            _set(data, path, items)
    # dated events that belong inside objects the case file keeps elsewhere
    for f in res.findings:
        if f.path == "appeal.filed_on" or f.path == "appeal.decided_on":
            if data.get("appeal") in (None, {}) or isinstance(data.get("appeal"), dict):
                data.setdefault("appeal", {})
    if court:
        from .resolve import resolve_court_text

        found = resolve_court_text(court)
        data["court"] = found.id if found else court
        prov["court"] = {"start": None, "end": None, "text": "given on the command line", "quote": court}
    if as_of:
        data["as_of"] = as_of.isoformat()
        prov["as_of"] = {"start": None, "end": None, "text": "given on the command line", "quote": as_of.isoformat()}
    hist_filed = next((f for f in res.findings if f.path == "history.filed_on"), None)
    if hist_filed and isinstance(data.get("history"), list) and data["history"]:
        data["history"][0]["filed_on"] = hist_filed.value.isoformat()
        data.pop("history.filed_on", None)
    if isinstance(data.get("history"), dict):  # 'history.filed_on' without an entry: not a fact we can place
        data.pop("history")
    request = data.setdefault("request", {})
    if ex.kind == "order" or request:
        request.setdefault("seeks", [])
    if request.get("seeks") == []:
        request.pop("seeks")
    if ex.kind == "order":
        data["source"] = {"url": source, "document": ex.kind}
    else:
        data["source"] = {"url": source, "document": ex.kind}
    if "expected" in data or any(f.path == "expected.disposition" for f in res.findings):
        exp = data.setdefault("expected", {})
        order = ["disposition", "avenues"]
        data["expected"] = {k: exp[k] for k in order if k in exp}
    data = _ordered(data)
    questions = [{"field": p, "why": _why_table().get(p, "not found in the document")}
                 for p in WANTED if _get(data, p) in (None, [], {})]
    draft = Draft(source=source, kind=ex.kind, data=data, provenance=prov, questions=questions,
                  citations=ex.citations, extraction=ex, findings=res.findings)
    _validate(draft)
    return draft


_ORDER = ("name", "source", "expected", "format", "as_of", "court", "case_number", "defendant", "convictions",
          "plea", "plea_agreement", "sentence", "appeal", "custody", "history", "government", "administrative", "request")


def _ordered(data: dict) -> dict:
    return {k: data[k] for k in _ORDER if k in data} | {k: v for k, v in data.items() if k not in _ORDER}


def _validate(draft: Draft) -> None:
    """Validate; a fact the model refuses is dropped and becomes a question (never a wrong fact)."""
    for _ in range(6):
        try:
            draft.case = case_from_data(draft.data, draft.source)
            return
        except CaseFileError as exc:
            droppable = [p for p in exc.problems if p.path and p.path not in ("court", "format", "request")]
            if not droppable:
                draft.problems = [str(p) for p in exc.problems]
                return
            for p in droppable:
                path = p.path.split("[")[0]
                _drop(draft.data, path)
                for key in [k for k in draft.provenance if k == path or k.startswith(path + ".") or k.startswith(path + "[")]:
                    draft.provenance.pop(key)
                draft.questions.append({"field": path, "why": f"found in the document but not usable: {p.message}"})
    draft.problems = ["the draft did not validate"]
