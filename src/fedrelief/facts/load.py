"""Reading a case file: YAML or JSON in, a `Case` (or every problem with it) out.

Every problem is one line naming its dotted path and what was expected; all problems are
reported at once. Contradictory facts are problems too (checked on the raw data, so they are
reported even when other fields fail validation).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .. import yamlio
from pydantic import ValidationError

from ..guidelines.table import chc_from_points
from .model import Case

#: keys a test case file may carry beside the facts (tests/cases, contracts.md § 3)
TEST_KEYS = ("name", "source", "expected")


@dataclass(frozen=True)
class Problem:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path or '(top)'}: {self.message}"


class CaseFileError(Exception):
    """The case file cannot be used; `problems` says why, one line each."""

    def __init__(self, source: str, problems: list[Problem]):
        self.source = source
        self.problems = problems
        super().__init__("\n".join(f"{source}: {p}" for p in problems))


@dataclass(frozen=True)
class CaseDocument:
    """A case plus the test-only keys set aside (name, source, expected)."""

    case: Case
    path: str
    extras: dict[str, Any] = field(default_factory=dict)


def _dotted(loc: tuple[Any, ...]) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item}]")
        elif item in ("function-before[_ground(), Ground]", "Ground"):
            continue
        elif isinstance(item, str) and ("[" in item and "(" in item or item in ("str", "int", "literal['none']", "Appeal", "constrained-str")):
            # pydantic's union-branch labels: not part of the user's path
            continue
        else:
            parts.append(("." if parts else "") + str(item))
    return "".join(parts)


def _pydantic_problems(exc: ValidationError) -> list[Problem]:
    seen: dict[str, list[str]] = {}
    for err in exc.errors(include_url=False):
        path = _dotted(err["loc"])
        msg = err["msg"]
        if msg.startswith("Value error, "):
            msg = msg[len("Value error, "):]
        if err["type"] == "extra_forbidden":
            msg = "unknown key (not in case file format 1; see SPEC.md)"
        elif err["type"] == "missing":
            msg = "required key is missing"
        seen.setdefault(path, [])
        if msg not in seen[path]:
            seen[path].append(msg)
    problems = []
    for path, msgs in seen.items():
        problems.append(Problem(path, msgs[0] if len(msgs) == 1 else "; or ".join(msgs)))
    return problems


def _get(raw: Any, path: str) -> Any:
    cur = raw
    for key in path.split("."):
        if not isinstance(cur, dict):
            return None
        cur = cur.get(key)
    return cur


def _date(raw: Any, path: str) -> date | None:
    value = _get(raw, path)
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def contradictions(raw: dict[str, Any]) -> list[Problem]:
    """Facts that cannot all be true. Checked leniently on raw data: a date that does not
    parse is the schema's problem, not this function's."""
    out: list[Problem] = []

    def before(later: str, earlier: str, what: str) -> None:
        a, b = _date(raw, later), _date(raw, earlier)
        if a and b and a < b:
            out.append(Problem(later, f"{a} is before {earlier} ({b}): {what}"))

    imposed = "sentence.imposed_on"
    convictions = raw.get("convictions") if isinstance(raw.get("convictions"), list) else []
    imposed_on = _date(raw, imposed)
    for i, conv in enumerate(convictions):
        od = _date(conv, "offense_date") if isinstance(conv, dict) else None
        if od and imposed_on and imposed_on < od:
            out.append(Problem(imposed, f"{imposed_on} is before convictions[{i}].offense_date ({od}): a sentence cannot precede the offense"))
    before("sentence.judgment_entered_on", imposed, "judgment cannot be entered before sentence is imposed")
    before("custody.release_date", imposed, "release cannot come before the sentence")
    before("custody.supervision_started_on", imposed, "supervision cannot start before the sentence")
    before("request.filed_on", imposed, "a post-judgment request cannot precede the sentence")
    before("as_of", "request.filed_on", "the analysis date cannot precede the request's filing")
    before("administrative.warden_response_on", "administrative.warden_request_on", "the warden cannot answer before the request")
    before("government.rule35b_motion_filed_on", imposed, "a Rule 35(b) motion follows sentencing")
    appeal = raw.get("appeal")
    if isinstance(appeal, dict):
        before("appeal.decided_on", "appeal.filed_on", "an appeal cannot be decided before it is filed")
        before("appeal.certiorari_denied_on", "appeal.decided_on", "certiorari cannot be denied before the appeal is decided")
        before("appeal.filed_on", imposed, "a defendant's appeal from the sentence follows its imposition")
        if appeal.get("result") == "pending" and appeal.get("decided_on"):
            out.append(Problem("appeal.result", "'pending' but appeal.decided_on is given"))
    history = raw.get("history") if isinstance(raw.get("history"), list) else []
    for i, h in enumerate(history):
        if not isinstance(h, dict):
            continue
        f, d = _date(h, "filed_on"), _date(h, "decided_on")
        if f and d and d < f:
            out.append(Problem(f"history[{i}].decided_on", f"{d} is before history[{i}].filed_on ({f}): a motion cannot be decided before it is filed"))
        if f and imposed_on and f < imposed_on:
            out.append(Problem(f"history[{i}].filed_on", f"{f} is before sentence.imposed_on ({imposed_on}): post-judgment filings follow the judgment"))
    sr = _get(raw, "sentence.supervised_release_months")
    if _get(raw, "custody.status") == "supervised_release" and sr == 0:
        out.append(Problem("custody.status", "'supervised_release' but sentence.supervised_release_months is 0"))
    rng = _get(raw, "sentence.guidelines.range_months")
    if isinstance(rng, list) and len(rng) == 2 and all(isinstance(x, int) and not isinstance(x, bool) for x in rng) and rng[0] > rng[1]:
        out.append(Problem("sentence.guidelines.range_months", f"low {rng[0]} is above high {rng[1]}"))
    pts, chc = _get(raw, "sentence.guidelines.criminal_history_points"), _get(raw, "sentence.guidelines.criminal_history_category")
    career = _get(raw, "sentence.guidelines.career_offender") or _get(raw, "sentence.guidelines.armed_career_criminal")
    if isinstance(pts, int) and not isinstance(pts, bool) and pts >= 0 and isinstance(chc, str) and not career:
        expected = chc_from_points(pts)
        if expected and chc != expected:
            out.append(Problem("sentence.guidelines.criminal_history_category", f"{chc} does not match {pts} criminal history points (category {expected}, U.S.S.G. ch. 5 pt. A)"))
    status = _get(raw, "custody.status")
    rel = _date(raw, "custody.release_date")
    as_of = _date(raw, "as_of")
    if status == "imprisoned" and rel and as_of and rel <= as_of:
        out.append(Problem("custody.status", f"'imprisoned' but custody.release_date ({rel}) is on or before as_of ({as_of})"))
    mm = _get(raw, "sentence.mandatory_minimum_months")
    maxes = [c.get("statutory_maximum_months") for c in convictions if isinstance(c, dict)]
    for i, m in enumerate(maxes):
        if isinstance(mm, int) and isinstance(m, int) and not isinstance(m, bool) and mm > m:
            out.append(Problem("sentence.mandatory_minimum_months", f"{mm} exceeds convictions[{i}].statutory_maximum_months ({m})"))
    return out


def parse_text(text: str, source: str = "<input>") -> Any:
    """YAML is a superset of JSON; parse errors become one `Problem` with line and column."""
    try:
        return yamlio.load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown position"
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise CaseFileError(source, [Problem("", f"not valid YAML/JSON at {where}: {problem}")]) from None


def case_from_data(raw: Any, source: str = "<input>") -> CaseDocument:
    if not isinstance(raw, dict):
        raise CaseFileError(source, [Problem("", f"expected a mapping of case-file keys, got {type(raw).__name__}")])
    raw = dict(raw)
    extras = {k: raw.pop(k) for k in TEST_KEYS if k in raw}
    problems: list[Problem] = []
    case = None
    try:
        case = Case.model_validate(raw)
    except ValidationError as exc:
        problems.extend(_pydantic_problems(exc))
    problems.extend(contradictions(raw))
    if problems:
        raise CaseFileError(source, problems)
    assert case is not None
    return CaseDocument(case=case, path=source, extras=extras)


def load_case_document(path: str | Path) -> CaseDocument:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CaseFileError(str(p), [Problem("", "no such file")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CaseFileError(str(p), [Problem("", f"cannot read: {exc}")]) from None
    if p.suffix.lower() == ".json":
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as exc:
            raise CaseFileError(str(p), [Problem("", f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")]) from None
    else:
        raw = parse_text(text, str(p))
    return case_from_data(raw, str(p))


def load_case(path: str | Path) -> Case:
    return load_case_document(path).case


def json_schema() -> dict[str, Any]:
    return Case.model_json_schema(by_alias=True)
