"""What an avenue module sees: the facts, the date, the court, and the law in force then.

`Ctx` is also where an avenue builds its result, so every module reads the same way:

    if ctx.missing("sentence.imposed_on"):
        return ctx.undetermined(...)
    return ctx.unavailable(ctx.reason("time_limit_expired", "...", "frcrp_35a"))
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from .. import yamlio

from ..facts.model import Case
from ..law.courts import DistrictCourt
from ..law.kb import Authority, KnowledgeBase
from .result import AvenueResult, Cited, Deadline, Question, Reason


@cache
def question_wording() -> dict[str, str]:
    """Why each fact matters, in plain words: data, apart from the logic (docassemble's habit)."""
    path = Path(__file__).parent.parent / "facts" / "questions.yaml"
    return yamlio.load(path.read_text(encoding="utf-8")) or {}


@dataclass
class Ctx:
    case: Case
    as_of: date
    court: DistrictCourt
    kb: KnowledgeBase
    avenue_id: str = ""
    avenue_title: str = ""
    forum: str = "this_court"
    relief: str = ""
    warnings: list[str] = field(default_factory=list)

    # ----- facts ------------------------------------------------------------------------
    def fact(self, path: str) -> Any:
        cur: Any = self.case
        for part in path.split("."):
            if cur is None:
                return None
            cur = getattr(cur, part, None)
        return cur

    def missing(self, *paths: str) -> list[str]:
        return [p for p in paths if self.fact(p) in (None, ())]

    def question(self, path: str, why: str | None = None) -> Question:
        words = question_wording()
        text = why or words.get(f"{self.avenue_id}:{path}") or words.get(path) or f"needed to decide {self.avenue_id}"
        return Question(path, text, self.avenue_id)

    def sentenced_no_later_than(self) -> tuple[date, str]:
        """When the sentencing date is unknown, the latest date it can have been: every post-judgment
        event in the file (and the analysis date itself) follows it. Lets a short window be shown
        closed without guessing the date; never used to show a window open."""
        c = self.case
        events: list[tuple[date | None, str]] = [
            (c.sentence.judgment_entered_on, "sentence.judgment_entered_on"),
            (c.request.filed_on, "request.filed_on"),
            (c.government.rule35b_motion_filed_on, "government.rule35b_motion_filed_on"),
            (c.custody.supervision_started_on, "custody.supervision_started_on"),
            (c.custody.release_date, "custody.release_date"),
            (c.administrative.warden_request_on, "administrative.warden_request_on"),
            (self.as_of, "as_of"),
        ]
        if c.appeal not in (None, "none"):
            events.append((c.appeal.filed_on, "appeal.filed_on"))
        events += [(h.filed_on, f"history[{i}].filed_on") for i, h in enumerate(c.history)]
        return min(((d, why) for d, why in events if d), key=lambda e: e[0])

    @property
    def circuit(self) -> str:
        return self.court.circuit

    # ----- law ----------------------------------------------------------------------------
    def law(self, family: str, on: date | None = None) -> Authority:
        return self.kb.in_force(family, on or self.as_of)

    def cited(self, ident: str, proposition: str | None = None) -> Cited:
        a = self.kb.get(ident)
        return Cited(a.id, a.cite(proposition), a.weight_in(self.circuit))

    def precedent(self, proposition: str, on: date | None = None, limit: int = 2,
                  persuasive: bool = True) -> tuple[Cited, ...]:
        """Authorities for `proposition` in this circuit: binding first; out-of-circuit ones only
        if `persuasive` (and then labelled persuasive)."""
        found = self.kb.supporting(proposition, self.circuit, on or self.as_of)
        binding = [(a, w) for a, w in found if w == "binding"]
        chosen = binding[:limit]
        if persuasive and len(chosen) < limit:
            chosen += [(a, w) for a, w in found if w != "binding"][: limit - len(chosen)]
        return tuple(Cited(a.id, a.cite(proposition), w) for a, w in chosen)

    def has_binding(self, proposition: str) -> bool:
        return any(w == "binding" for _, w in self.kb.supporting(proposition, self.circuit, self.as_of))

    # ----- building results ----------------------------------------------------------------
    def reason(self, code: str, text: str, *authorities: str | Cited | tuple[Cited, ...],
               proposition: str | None = None) -> Reason:
        cites: list[Cited] = []
        for a in authorities:
            if isinstance(a, Cited):
                cites.append(a)
            elif isinstance(a, tuple):
                cites.extend(a)
            else:
                cites.append(self.cited(a, proposition))
        unique = {c.id: c for c in reversed(cites)}  # one citation per authority, first wins
        return Reason(code, text, tuple(c for c in cites if unique[c.id] is c))

    def deadline(self, what: str, starts_on: date | None, ends_on: date | None, authority: str,
                 steps: tuple[str, ...] | list[str] = (), kind: str = "limit") -> Deadline:
        """`passed`: ends_on is before as_of. For kind 'earliest' (a waiting period) that means the
        wait is over, not that a door has shut."""
        passed = None if ends_on is None else ends_on < self.as_of
        return Deadline(what, starts_on, ends_on, passed, self.kb.get(authority).citation,
                        self.avenue_id, tuple(steps), kind)

    def result(self, status: str, *reasons: Reason, questions: tuple[Question, ...] | list[Question] = (),
               deadline: Deadline | None = None, to_show: tuple[str, ...] | list[str] = (),
               forum: str | None = None, extra_deadlines: tuple[Deadline, ...] | list[Deadline] = ()) -> AvenueResult:
        return AvenueResult(
            id=self.avenue_id, title=self.avenue_title, status=status, forum=forum or self.forum,
            relief=self.relief, reasons=tuple(reasons), deadline=deadline, questions=tuple(questions),
            warnings=tuple(self.warnings), to_show=tuple(to_show), extra_deadlines=tuple(extra_deadlines),
        )

    def available(self, *reasons: Reason, **kw: Any) -> AvenueResult:
        return self.result("available", *reasons, **kw)

    def unavailable(self, *reasons: Reason, **kw: Any) -> AvenueResult:
        return self.result("unavailable", *reasons, **kw)

    def undetermined(self, *reasons: Reason, **kw: Any) -> AvenueResult:
        return self.result("undetermined", *reasons, **kw)

    def ask(self, *paths: str, reason_text: str | None = None) -> AvenueResult:
        """`undetermined`, asking for each missing fact by its dotted path."""
        qs = [self.question(p) for p in paths]
        text = reason_text or "Needs " + ", ".join(paths) + " to decide."
        return self.undetermined(Reason("missing_fact", text), questions=qs)
