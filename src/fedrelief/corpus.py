"""Running a directory of real-order case files and measuring agreement (`fedrelief eval DIR`).

Per-file problems (a file that does not load, a court not known) are recorded as rows, never
abort the run. Agreement is counted three ways, as the issue asks: disposition; avenue status
(one count per avenue the court discussed with a status); reason codes.

Disposition: fedrelief answers `undetermined` where every legal precondition is met and only the
judge's discretion remains (it never guesses the § 3553(a) weighing). When the court then reached
the merits (granted, or denied in its discretion), that is counted as agreement *deferred to
discretion* and shown in its own column, so nobody mistakes it for a prediction.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .engine import analyze
from .evaluate import Comparison, compare
from .facts import CaseFileError, load_case_document
from .law.courts import UnknownCourt

MERITS_DISPOSITIONS = {"grant", "grant_in_part", "deny"}


@dataclass
class Row:
    path: str
    name: str = ""
    error: str | None = None
    expected_disposition: str | None = None
    disposition: str | None = None
    comparison: Comparison | None = None
    deferred: bool = False
    deferred_statuses: list[str] = field(default_factory=list)
    kind: str = ""  # for a disposition disagreement: see KINDS
    asked: tuple[str, ...] = ()  # the facts fedrelief asked for, on the court's vehicles

    @property
    def disposition_agrees(self) -> bool:
        return bool(self.comparison and (self.comparison.disposition_ok or self.deferred))


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)

    def _ratio(self, hits: int, total: int) -> float:
        return hits / total if total else 1.0

    @property
    def scored(self) -> list[Row]:
        return [r for r in self.rows if r.comparison is not None]

    @property
    def disposition(self) -> tuple[int, int]:
        s = [r for r in self.scored if r.expected_disposition]
        return sum(r.disposition_agrees for r in s), len(s)

    @property
    def exact_disposition(self) -> tuple[int, int]:
        s = [r for r in self.scored if r.expected_disposition]
        return sum(r.comparison.disposition_ok for r in s), len(s)

    def disagreements(self, kind: str) -> list[Row]:
        return [r for r in self.scored if r.expected_disposition and not r.disposition_agrees and r.kind == kind]

    @property
    def status(self) -> tuple[int, int]:
        vals = [v for r in self.scored for v in r.comparison.statuses.values()]
        return sum(vals), len(vals)

    @property
    def reasons(self) -> tuple[int, int]:
        vals = [v for r in self.scored for v in r.comparison.reasons.values()]
        return sum(vals), len(vals)

    @property
    def remaining(self) -> tuple[int, int]:
        vals = [v for r in self.scored for v in r.comparison.remaining.values()]
        return sum(vals), len(vals)


# How a disposition disagreement differs, from least to most serious. An `asked` row is an abstention:
# fedrelief did not answer because the case file lacks a fact (usually one the order does not state);
# a `label` row agrees that the court cannot act and differs only on deny vs dismiss; a `different`
# row is a different answer, and each one is explained in docs/dev/agreement.md.
KINDS = {
    "asked": "fedrelief asked for a fact the file does not give",
    "label": "both say the court cannot act; deny vs dismiss differs",
    "different": "a different answer",
}
CLOSED = {"deny", "dismiss"}


def _kind(expected: dict, analysis) -> tuple[str, tuple[str, ...]]:
    vehicles = [a for a in analysis.avenues if a.id in analysis.vehicles]
    asked = tuple(dict.fromkeys(q.field for a in vehicles for q in a.questions))
    if analysis.disposition == "undetermined" and asked:
        return "asked", asked
    if analysis.disposition in CLOSED and expected.get("disposition") in CLOSED:
        return "label", asked
    return "different", asked


def _deferred(expected: dict, analysis) -> bool:
    """fedrelief left the outcome to the judge's discretion and the court reached the merits."""
    if analysis.disposition != "undetermined" or expected.get("disposition") not in MERITS_DISPOSITIONS:
        return False
    vehicles = [a for a in analysis.avenues if a.id in analysis.vehicles]
    return bool(vehicles) and all(not a.questions for a in vehicles) and any(
        "discretion_remains" in a.codes for a in vehicles)


def _defer_statuses(row: Row, expected: dict, analysis) -> None:
    """In a case left to discretion, a vehicle fedrelief holds open for the judge (undetermined,
    discretion_remains) agrees with the court's discretionary grant or denial; counted, and listed
    under `deferred`, exactly like the disposition."""
    for ident, ok in list(row.comparison.statuses.items()):
        if ok or ident not in analysis.vehicles:
            continue
        got = analysis.avenue(ident)
        if got.status == "undetermined" and "discretion_remains" in got.codes and not got.questions:
            row.comparison.statuses[ident] = True
            row.deferred_statuses.append(ident)


def case_files(directory: str | Path) -> list[Path]:
    root = Path(directory)
    if root.is_file():
        return [root]
    return sorted(p for p in root.rglob("*.yaml") if not p.name.endswith(".expected.yaml"))


def run(paths: Iterable[Path]) -> Report:
    report = Report()
    for path in paths:
        row = Row(str(path))
        try:
            doc = load_case_document(path)
        except CaseFileError as exc:
            row.error = "; ".join(str(p) for p in exc.problems[:3]) + (" …" if len(exc.problems) > 3 else "")
            report.rows.append(row)
            continue
        expected = doc.extras.get("expected")
        row.name = str(doc.extras.get("name") or "")
        if not isinstance(expected, dict):
            continue  # a case file without a court's result is not part of the agreement
        try:
            analysis = analyze(doc.case)
        except UnknownCourt as exc:
            row.error = f"court: {exc}"
            report.rows.append(row)
            continue
        row.expected_disposition = expected.get("disposition")
        row.disposition = analysis.disposition
        row.comparison = compare(expected, analysis)
        row.deferred = _deferred(expected, analysis)
        if row.deferred:
            _defer_statuses(row, expected, analysis)
        if not row.disposition_agrees:
            row.kind, row.asked = _kind(expected, analysis)
        report.rows.append(row)
    return report
