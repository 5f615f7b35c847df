"""U.S.S.G. § 5G1.1 (Sentencing on a Single Count of Conviction): statutory limits and the range.

Law encoded here (own words; the text was read in the 2016 Manual, law-facts.md § 5c):
- (a) If the statutory maximum is below the bottom of the table range, the statutory maximum is
  the guideline sentence.
- (b) If a statutorily required minimum is above the top of the table range, that minimum is the
  guideline sentence.
- (c) Otherwise the sentence may be anywhere in the range, but (1) not above the statutory maximum
  and (2) not below any statutory minimum -- so a range that straddles a limit is cut at it
  (108-135 with a 120-month minimum becomes 120-135).

§ 5G1.2 (multiple counts) is not modelled here.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Union

from .table import AUTHORITY as TABLE_AUTHORITY
from .table import Range

AUTHORITY = "ussg_5g1_1"
RULES = ("5G1.1(a)", "5G1.1(b)", "5G1.1(c)(1)", "5G1.1(c)(2)", "none")

Limit = Union[int, Literal["life"], None]


@dataclass(frozen=True)
class GuidelineRange:
    """A Sentencing Table range and what § 5G1.1 made of it.

    ``rule`` is the main § 5G1.1 provision that changed the range ('none' if nothing did);
    ``rules`` lists every provision applied (a range can be cut at both ends, (c)(1) and (c)(2)).
    """

    table: Range
    final: Range
    rule: str
    explanation: str
    rules: tuple[str, ...] = ()
    minimum: Limit = None
    maximum: Limit = None
    authorities: tuple[str, ...] = (TABLE_AUTHORITY,)
    level: int | None = None  # the offense level the table was read at, when known
    chc: str | None = None

    @property
    def is_guideline_sentence(self) -> bool:
        """True when § 5G1.1(a) or (b) replaced the range by a single guideline sentence."""
        return self.rule in ("5G1.1(a)", "5G1.1(b)")


def _check_limit(name: str, value: Limit) -> None:
    if value is None or value == "life":
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"statutory {name} must be whole months, 'life' or None, got {value!r}")


def _months(value: Limit) -> str:
    return "life" if value == "life" else f"{value} months"


def _limit_adjective(value: Limit) -> str:
    return "life" if value == "life" else f"{value}-month"


def apply_5g1_1(table: Range, minimum: Limit = None, maximum: Limit = None) -> GuidelineRange:
    """Apply § 5G1.1 to a Sentencing Table range, given the statutory minimum and maximum (months)."""
    _check_limit("minimum", minimum)
    _check_limit("maximum", maximum)
    if maximum == "life":
        cap = None  # life is no cap on a range of months
    else:
        cap = maximum
    if minimum is not None and cap is not None and (minimum == "life" or minimum > cap):
        raise ValueError(f"statutory minimum ({_months(minimum)}) exceeds statutory maximum ({_months(maximum)})")

    authorities: tuple[str, ...] = (TABLE_AUTHORITY,)
    if minimum is not None or maximum is not None:
        authorities = (TABLE_AUTHORITY, AUTHORITY)

    def result(final: Range, rules: tuple[str, ...], explanation: str) -> GuidelineRange:
        return GuidelineRange(
            table=table,
            final=final,
            rule=rules[0] if rules else "none",
            explanation=explanation,
            rules=rules,
            minimum=minimum,
            maximum=maximum,
            authorities=authorities,
        )

    # (a) statutory maximum below the bottom of the range.  A life-only range has no numeric
    # bottom, so any numeric maximum is below it.
    if cap is not None and (table.low is None or cap < table.low):
        return result(
            Range(cap, cap),
            ("5G1.1(a)",),
            f"The statutory maximum ({cap} months) is below the bottom of the table range ({table}), "
            f"so the statutory maximum is the guideline sentence (§ 5G1.1(a)): {cap} months.",
        )

    # (b) statutory minimum above the top of the range.  Nothing is above a range that reaches life.
    if minimum is not None and table.high is not None:
        if minimum == "life":
            return result(
                Range.life(),
                ("5G1.1(b)",),
                f"The statutory minimum (life) is above the top of the table range ({table}), "
                "so life is the guideline sentence (§ 5G1.1(b)).",
            )
        if minimum > table.high:
            return result(
                Range(minimum, minimum),
                ("5G1.1(b)",),
                f"The statutory minimum ({minimum} months) is above the top of the table range ({table}), "
                f"so the statutory minimum is the guideline sentence (§ 5G1.1(b)): {minimum} months.",
            )

    # (c) the range stands, cut at any limit it straddles.
    low, high = table.low, table.high
    rules: list[str] = []
    if minimum == "life" and table.low is not None:  # table reaches life; only life is left
        low, high = None, None
        rules.append("5G1.1(c)(2)")
    elif isinstance(minimum, int) and low is not None and minimum > low:
        low = minimum
        rules.append("5G1.1(c)(2)")
    if cap is not None and (high is None or cap < high) and low is not None:
        high = cap
        rules.append("5G1.1(c)(1)")
    if not rules:
        if minimum is None and maximum is None:
            text = f"No statutory minimum or maximum was given; the table range stands: {table}."
        else:
            limits = ", ".join(
                part
                for part in (
                    f"minimum {_months(minimum)}" if minimum is not None else "",
                    f"maximum {_months(maximum)}" if maximum is not None else "",
                )
                if part
            )
            text = f"The statutory limits ({limits}) do not restrict the table range ({table}) (§ 5G1.1(c))."
        return result(table, (), text)
    final = Range(low, high)
    # (c)(2) is listed first: it is the provision that matters for mandatory-minimum cases.
    ordered = tuple(r for r in ("5G1.1(c)(2)", "5G1.1(c)(1)") if r in rules)
    parts = []
    if "5G1.1(c)(2)" in ordered:
        parts.append(f"not below the {_limit_adjective(minimum)} statutory minimum (§ 5G1.1(c)(2))")
    if "5G1.1(c)(1)" in ordered:
        parts.append(f"not above the {_limit_adjective(maximum)} statutory maximum (§ 5G1.1(c)(1))")
    return result(
        final,
        ordered,
        f"The table range ({table}) straddles a statutory limit; the sentence may be "
        f"{' and '.join(parts)}, so the guideline range is {final}.",
    )
