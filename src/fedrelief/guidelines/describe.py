"""One-paragraph, CLI-facing description of a guideline range (library function; no printing)."""
from __future__ import annotations

from .statutory import Limit, apply_5g1_1
from .table import normalize_chc, table_range, treated_level


def _limit_phrase(minimum: Limit, maximum: Limit, rules: tuple[str, ...]) -> str:
    parts = []
    uses_min = any(r in ("5G1.1(b)", "5G1.1(c)(2)") for r in rules) or (not rules and minimum is not None)
    uses_max = any(r in ("5G1.1(a)", "5G1.1(c)(1)") for r in rules) or (not rules and maximum is not None)
    if uses_min and minimum is not None:
        parts.append("a life minimum" if minimum == "life" else f"a {minimum}-month minimum")
    if uses_max and maximum is not None:
        parts.append("a life maximum" if maximum == "life" else f"a {maximum}-month maximum")
    return " and ".join(parts)


def describe_range(level: int, chc: str | int, minimum: Limit = None, maximum: Limit = None) -> str:
    """E.g. 'Offense level 30, CHC II: 108–135 months (Sentencing Table)' and, when a statutory
    limit changes the range, a second line such as
    'After § 5G1.1(c)(2) with a 120-month minimum: 120–135 months'."""
    read_at = treated_level(level)
    category = normalize_chc(chc)
    table = table_range(read_at, category)
    shown_level = f"{level}" if read_at == level else f"{level} (read as {read_at}, Ch. 5 Pt. A, App. Note 2)"
    lines = [f"Offense level {shown_level}, CHC {category}: {table} (Sentencing Table)"]
    if minimum is None and maximum is None:
        return lines[0]
    result = apply_5g1_1(table, minimum, maximum)
    limits = _limit_phrase(minimum, maximum, result.rules)
    if result.rule == "none":
        lines.append(f"§ 5G1.1(c): {limits} leaves the range unchanged: {result.final}")
    else:
        provisions = " and ".join(f"§ {r}" for r in result.rules)
        tail = " (the guideline sentence)" if result.is_guideline_sentence else ""
        lines.append(f"After {provisions} with {limits}: {result.final}{tail}")
    return "\n".join(lines)
