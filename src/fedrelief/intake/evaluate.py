"""Precision and recall of intake against hand-labelled documents (tests/intake_docs).

A labelled document is NAME.<txt|md|html|pdf|docx> beside NAME.expected.yaml:

    source: {url: ..., synthetic: false, notes: ...}
    fields:                      # every field below is scored on every document; a field left out
      document.kind: order       # means "the document does not say", so extracting it is a false positive
      court: mnd
      ...

Scalars score one true positive when equal, a false positive and a false negative when they
differ; sets (citations, seeks, dates with roles, ...) score per element.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import intake_file
from .read import IntakeError

SCALARS = ("document.kind", "court", "case_number", "defendant", "request.title", "request.pro_se", "plea",
           "sentence.imprisonment_months", "sentence.supervised_release_months", "sentence.mandatory_minimum_months",
           "sentence.guidelines.range_months", "appeal", "history.s2255", "custody.status", "expected.disposition")
SETS = ("request.seeks", "request.grounds", "citations.case", "citations.usc", "citations.ussg", "citations.rule",
        "citations.cfr", "convictions.statute", "dates", "expected.avenues", "expected.reasons")
FIELDS = SCALARS + SETS
DOC_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class Report:
    fields: dict[str, Score] = field(default_factory=lambda: {f: Score() for f in FIELDS})
    documents: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)   # "doc: field: expected X, got Y"

    @property
    def total(self) -> Score:
        t = Score()
        for s in self.fields.values():
            t.add(s)
        return t


def _norm_text(v: Any) -> str:
    return re.sub(r"[^a-z0-9]+", " ", str(v).lower()).strip()


def _norm_scalar(path: str, v: Any) -> Any:
    if v is None:
        return None
    if path in ("defendant", "request.title", "case_number"):
        return _norm_text(v).replace("jr", "").strip() if path == "defendant" else _norm_text(v)
    if path == "appeal":
        return "none" if v == "none" else "filed"
    if isinstance(v, list):
        return tuple(v)
    return v


def predicted(draft) -> dict[str, Any]:
    """The draft, flattened into the scored fields."""
    d = draft.data
    req = d.get("request", {})
    out: dict[str, Any] = {
        "document.kind": draft.kind,
        "court": d.get("court"),
        "case_number": d.get("case_number"),
        "defendant": d.get("defendant"),
        "request.title": req.get("title"),
        "request.pro_se": req.get("pro_se"),
        "plea": d.get("plea"),
        "sentence.imprisonment_months": d.get("sentence", {}).get("imprisonment_months"),
        "sentence.supervised_release_months": d.get("sentence", {}).get("supervised_release_months"),
        "sentence.mandatory_minimum_months": d.get("sentence", {}).get("mandatory_minimum_months"),
        "sentence.guidelines.range_months": d.get("sentence", {}).get("guidelines", {}).get("range_months"),
        "appeal": d.get("appeal"),
        "history.s2255": True if any(h.get("avenue") == "s2255" for h in d.get("history", [])) else None,
        "custody.status": d.get("custody", {}).get("status"),
        "expected.disposition": d.get("expected", {}).get("disposition"),
        "request.seeks": set(req.get("seeks", [])),
        "request.grounds": {_ground_key(g) for g in req.get("grounds", [])},
        "convictions.statute": {c.key for c in _usc_in([x.get("statute", "") for x in d.get("convictions", [])])},
        "dates": {f"{f.path}={f.value.isoformat()}" for f in draft.findings if hasattr(f.value, "isoformat")},
        "expected.avenues": {f"{k}:{v.get('status')}" for k, v in d.get("expected", {}).get("avenues", {}).items()},
        "expected.reasons": {f"{k}:{r}" for k, v in d.get("expected", {}).get("avenues", {}).items() for r in v.get("reasons", [])},
    }
    for kind in ("case", "usc", "ussg", "rule", "cfr"):
        out[f"citations.{kind}"] = {c.key for c in draft.citations if c.kind == kind}
    return out


def _ground_key(g: Any) -> str:
    if isinstance(g, str):
        return g
    (tag, detail), = g.items()
    if tag == "guideline_amendment":
        return f"{tag}:{detail}"
    return tag


def _usc_in(statutes: list[str]):
    from .citations import find_citations

    return [c for s in statutes for c in find_citations(s) if c.kind == "usc"]


def score_document(labels: dict[str, Any], pred: dict[str, Any], report: Report, name: str) -> None:
    for path in FIELDS:
        gold = labels.get(path)
        got = pred.get(path)
        s = report.fields[path]
        if path in SETS:
            g = {str(x) for x in (gold or [])}
            if path == "dates" and isinstance(gold, dict):
                g = {f"{k}={v}" for k, v in gold.items()}
            p = {str(x) for x in (got or set())}
            s.tp += len(g & p)
            s.fp += len(p - g)
            s.fn += len(g - p)
            if g != p:
                report.misses.append(f"{name}: {path}: missing {sorted(g - p)}, extra {sorted(p - g)}")
        else:
            g, p = _norm_scalar(path, gold), _norm_scalar(path, got)
            if g is not None and p is not None and g == p:
                s.tp += 1
            else:
                if p is not None:
                    s.fp += 1
                if g is not None:
                    s.fn += 1
                if g != p:
                    report.misses.append(f"{name}: {path}: expected {gold!r}, got {got!r}")


def labelled_documents(directory: Path) -> list[tuple[Path, Path]]:
    out = []
    for label in sorted(directory.glob("*.expected.yaml")):
        stem = label.name[: -len(".expected.yaml")]
        doc = next((directory / (stem + s) for s in DOC_SUFFIXES if (directory / (stem + s)).exists()), None)
        if doc:
            out.append((doc, label))
    return out


def evaluate_dir(directory: Path) -> Report:
    report = Report()
    for doc, label in labelled_documents(directory):
        labels = (yaml.safe_load(label.read_text(encoding="utf-8")) or {}).get("fields", {})
        labels = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in labels.items()}
        if isinstance(labels.get("dates"), dict):
            labels["dates"] = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in labels["dates"].items()}
        try:
            draft = intake_file(doc)
            pred = predicted(draft)
        except IntakeError as exc:
            pred = {}
            report.misses.append(f"{doc.name}: {exc}")
        score_document(labels, pred, report, doc.name)
        report.documents.append(doc.name)
    return report


def format_report(report: Report) -> str:
    lines = [f"intake against {len(report.documents)} labelled documents", "",
             f"{'field':38} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}"]
    for path, s in report.fields.items():
        lines.append(f"{path:38} {s.tp:4} {s.fp:4} {s.fn:4} {s.precision:10.1%} {s.recall:8.1%}")
    t = report.total
    lines += ["", f"{'all fields':38} {t.tp:4} {t.fp:4} {t.fn:4} {t.precision:10.1%} {t.recall:8.1%}", ""]
    if report.misses:
        lines.append("disagreements:")
        lines += [f"  {m}" for m in report.misses]
    return "\n".join(lines) + "\n"
