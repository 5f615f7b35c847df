"""Values the engine passes around and the Analysis (format 1 of SPEC.md) it returns."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

STATUSES = ("available", "unavailable", "undetermined")
FORUMS = ("this_court", "court_of_appeals", "district_of_confinement", "bop", "sentencing_commission", "president")
DISPOSITIONS = ("grant", "grant_in_part", "deny", "dismiss", "transfer", "undetermined")


@dataclass(frozen=True)
class Cited:
    """An authority as cited in one reason: its id (in the knowledge base), the full citation
    with any pinpoint, and how it counts in this circuit."""

    id: str
    citation: str
    weight: str  # binding | persuasive


@dataclass(frozen=True)
class Reason:
    code: str
    text: str
    authorities: tuple[Cited, ...] = ()


@dataclass(frozen=True)
class Question:
    field: str
    why: str
    avenue: str | None = None


@dataclass(frozen=True)
class Deadline:
    what: str
    starts_on: date | None
    ends_on: date | None
    passed: bool | None
    authority: str  # citation text (from the knowledge base)
    avenue: str | None = None
    steps: tuple[str, ...] = ()
    kind: str = "limit"  # limit: act by ends_on; earliest: nothing may be done before ends_on (a waiting period)


@dataclass(frozen=True)
class AvenueResult:
    id: str
    title: str
    status: str
    forum: str
    relief: str
    reasons: tuple[Reason, ...]
    deadline: Deadline | None = None
    questions: tuple[Question, ...] = ()
    warnings: tuple[str, ...] = ()
    to_show: tuple[str, ...] = ()  # what the person would have to show, where the door is open
    extra_deadlines: tuple[Deadline, ...] = ()

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.reasons)


@dataclass(frozen=True)
class Analysis:
    format: int
    as_of: date
    court: str
    court_name: str
    circuit: str
    disposition: str
    summary: str
    vehicles: tuple[str, ...]
    avenues: tuple[AvenueResult, ...]
    alternatives: tuple[dict[str, Any], ...]
    deadlines: tuple[Deadline, ...]
    warnings: tuple[str, ...]
    questions: tuple[Question, ...]
    authorities: tuple[dict[str, Any], ...]
    case_number: str | None = None
    defendant: str | None = None
    request_title: str | None = None
    record_checks: tuple[dict[str, Any], ...] = ()  # facts that cannot all be true in law

    def avenue(self, ident: str) -> AvenueResult:
        return next(a for a in self.avenues if a.id == ident)

    def citations(self) -> list[str]:
        """Every citation string the analysis prints."""
        out = [c.citation for a in self.avenues for r in a.reasons for c in r.authorities]
        out += [d.authority for d in self.deadlines if d.authority]
        out += [a["citation"] for a in self.authorities]
        return out

    def to_json(self) -> dict[str, Any]:
        def conv(v: Any) -> Any:
            if isinstance(v, date):
                return v.isoformat()
            if isinstance(v, dict):
                return {k: conv(x) for k, x in v.items()}
            if isinstance(v, (list, tuple)):
                return [conv(x) for x in v]
            return v

        avenues = []
        for a in self.avenues:
            d = asdict(a)
            d["deadline"] = asdict(a.deadline) if a.deadline else None
            d.pop("extra_deadlines")
            avenues.append(d)
        return conv({
            "format": self.format, "as_of": self.as_of, "court": self.court, "circuit": self.circuit,
            "disposition": self.disposition, "summary": self.summary,
            "avenues": avenues,
            "alternatives": list(self.alternatives),
            "deadlines": [asdict(d) for d in self.deadlines],
            "warnings": list(self.warnings),
            "questions": [asdict(q) for q in self.questions],
            "authorities": list(self.authorities),
            "vehicles": list(self.vehicles),
            "court_name": self.court_name,
            "case_number": self.case_number, "defendant": self.defendant,
            "request_title": self.request_title,
            "record_checks": list(self.record_checks),
        })
