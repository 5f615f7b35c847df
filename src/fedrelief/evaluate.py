"""Agreement between an analysis and what a real court decided (`expected` in a test case file).

Compared: the disposition; for each avenue the court discussed, its status (when given) and its
reason codes (every code the court relied on must be among ours: ours may say more); and the
avenues the court pointed to as remaining (each must be among our alternatives or open avenues).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .engine.result import Analysis


@dataclass(frozen=True)
class Disagreement:
    what: str       # disposition | status:<avenue> | reasons:<avenue> | remaining:<avenue>
    expected: Any
    got: Any

    def __str__(self) -> str:
        return f"{self.what}: court {self.expected!r}, fedrelief {self.got!r}"


@dataclass(frozen=True)
class Comparison:
    disposition_ok: bool
    statuses: dict[str, bool]
    reasons: dict[str, bool]
    remaining: dict[str, bool]
    disagreements: tuple[Disagreement, ...]


def compare(expected: dict[str, Any], analysis: Analysis) -> Comparison:
    out: list[Disagreement] = []
    want = expected.get("disposition")
    disposition_ok = want is None or want == analysis.disposition
    if not disposition_ok:
        out.append(Disagreement("disposition", want, analysis.disposition))
    statuses, reasons, remaining = {}, {}, {}
    for ident, spec in (expected.get("avenues") or {}).items():
        spec = spec or {}
        try:
            got = analysis.avenue(ident)
        except StopIteration:
            statuses[ident] = False
            out.append(Disagreement(f"status:{ident}", spec.get("status"), "avenue not evaluated"))
            continue
        if "status" in spec:
            statuses[ident] = spec["status"] == got.status
            if not statuses[ident]:
                out.append(Disagreement(f"status:{ident}", spec["status"], got.status))
        if spec.get("reasons"):
            missing = [c for c in spec["reasons"] if c not in got.codes]
            reasons[ident] = not missing
            if missing:
                out.append(Disagreement(f"reasons:{ident}", list(spec["reasons"]), list(got.codes)))
    for w in expected.get("warnings") or ():
        if w not in analysis.warnings:
            out.append(Disagreement(f"warning:{w}", "raised", "not raised"))
    open_ids = {a["avenue"] for a in analysis.alternatives} | {a.id for a in analysis.avenues if a.status == "available"}
    for ident in expected.get("remaining") or ():
        remaining[ident] = ident in open_ids
        if not remaining[ident]:
            out.append(Disagreement(f"remaining:{ident}", "open", "not open"))
    return Comparison(disposition_ok, statuses, reasons, remaining, tuple(out))
