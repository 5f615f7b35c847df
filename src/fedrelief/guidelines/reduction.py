"""Amended guideline ranges and the limits § 1B1.10(b)-(c) put on a § 3582(c)(2) reduction.

Law encoded here (own words), by the version of § 1B1.10 in force on the date of the reduction
(§ 1B1.10 App. Note 8 of the 2016 text, added by Amendment 759: use the version in effect when the
court reduces the term):

[2008-03-03, 2011-11-01) -- § 1B1.10(b)(2) as rewritten by Amendment 712 (read in Appendix C):
  (A) no reduction below the minimum of the amended range, except (B): if the term imposed was
  below the range then applicable, a reduction "comparably less" than the amended range may be
  appropriate -- but generally not where the term was a non-guideline (Booker) variance;
  (C) never below time already served.

[2011-11-01, ...) -- Amendment 759 (read in Appendix C) limits the (B) exception to terms that were
  below the range because of a government motion reflecting substantial assistance (§ 5K1.1,
  18 U.S.C. § 3553(e), Fed. R. Crim. P. 35(b)). Any other departure or variance: floor = amended
  minimum (App. Note 3: 56 months of 70-87 -> no lower than 51 of 51-63).

[2014-11-01, ...) -- § 1B1.10(c), added by Amendment 780: where the case involves a statutory minimum
  and the court had authority to go below it on a government substantial-assistance motion, the
  amended range is found without § 5G1.1 or § 5G1.2 (App. Note 4: 135-168 -> 108-135 stays 108-135;
  108-135 restricted to 120-135 -> 87-108, not 120).

Before 2008-03-03 the policy statement read differently (Note 3 then allowed a comparable reduction
for any downward departure); that version is not encoded and asking about it raises.

How "comparably less" is computed (our choice, documented): the amended minimum is scaled by the
same proportion the term imposed bore to the minimum of the range applicable at sentencing (that
range *after* § 5G1.1, as App. Note 4(B) uses 120 months, not 108), i.e.
    comparable = amended_min * sentence_imposed / original_min,
rounded to the nearest whole month, halves rounded up (towards the longer term). This reproduces
every example the Commission gives: 51 x 56/70 = 40.8 -> 41; 108 x 101/135 = 80.8 -> 81;
87 x 90/120 = 65.25 -> 65. The Commission calls these reductions "approximately" equal, so the
figure is flagged approximate; it is what "may be appropriate", and the court has discretion.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from fractions import Fraction

from .amendments import AMENDMENT_759, AUTHORITY as POLICY_AUTHORITY
from .statutory import AUTHORITY as STATUTORY_AUTHORITY
from .statutory import GuidelineRange, Limit, apply_5g1_1
from .table import AUTHORITY as TABLE_AUTHORITY
from .table import normalize_chc, table_range, treated_level

AMENDMENT_780 = "ussg_amend_780"
POLICY_712_FROM = date(2008, 3, 3)  # Amendment 712 rewrote § 1B1.10
AMENDMENT_759_FROM = date(2011, 11, 1)  # (b)(2)(B) limited to substantial assistance
AMENDMENT_780_FROM = date(2014, 11, 1)  # § 1B1.10(c) added

BELOW_RANGE_BASES = ("substantial_assistance", "departure", "variance")


class PolicyStatementNotEncoded(LookupError):
    """The version of § 1B1.10 in force on the date asked about is not encoded."""


def _read_table(level: int, chc: str | int, level_delta: int, chc_override: str | int | None):
    """Offense level plus delta, read at 1..43; returns (table range, level read, category, sentence)."""
    if isinstance(level_delta, bool) or not isinstance(level_delta, int):
        raise TypeError(f"level_delta must be a whole number of levels, got {level_delta!r}")
    treated_level(level)  # type check only: the delta applies to the level as computed
    new_raw = level + level_delta
    read_at = treated_level(new_raw)
    category = normalize_chc(chc if chc_override is None else chc_override)
    table = table_range(read_at, category)
    where = f"offense level {level}{level_delta:+d} = {new_raw}"
    if read_at != new_raw:
        where += f" (read as {read_at}, Ch. 5 Pt. A, App. Note 2)"
    return table, read_at, category, f"At {where}, criminal history category {category}, the table gives {table}."


def amended_range(
    level: int,
    chc: str | int,
    *,
    level_delta: int,
    chc_override: str | int | None = None,
    minimum: Limit = None,
    maximum: Limit = None,
) -> GuidelineRange:
    """The range after changing the total offense level by level_delta (and, for e.g. Amendment 821
    Part A, the criminal history category), with § 5G1.1 applied to any statutory limits.

    Pass the total offense level as computed (even if above 43 or below 1): the delta is applied
    first and the result is then read at 1..43 (Ch. 5 Pt. A, App. Note 2).
    """
    table, read_at, category, lead = _read_table(level, chc, level_delta, chc_override)
    result = apply_5g1_1(table, minimum, maximum)
    return replace(result, level=read_at, chc=category, explanation=f"{lead} {result.explanation}")


def _without_5g1_1(level: int, chc: str | int, *, level_delta: int, chc_override: str | int | None) -> GuidelineRange:
    """§ 1B1.10(c): the amended range read from the table with no § 5G1.1 restriction."""
    table, read_at, category, lead = _read_table(level, chc, level_delta, chc_override)
    return GuidelineRange(
        table=table,
        final=table,
        rule="none",
        explanation=(f"{lead} Under § 1B1.10(c) (Amendment 780; statutory minimum and substantial-assistance "
                     "authority) that range is used without regard to § 5G1.1 and § 5G1.2."),
        level=read_at,
        chc=category,
    )


def percent_below_minimum(sentence_imposed: int, range_minimum: int) -> Fraction:
    """How far below the range minimum a term was, as a fraction of that minimum (56 of 70 -> 1/5)."""
    if range_minimum <= 0:
        raise ValueError("a range with a minimum of 0 months has nothing below it")
    return Fraction(range_minimum - sentence_imposed, range_minimum)


def comparable_reduction(sentence_imposed: int, original_minimum: int, amended_minimum: int) -> int:
    """A term "comparably less" than the amended range (§ 1B1.10(b)(2)(B)), in whole months.

    amended_minimum x sentence_imposed / original_minimum, rounded to the nearest month, halves up.
    """
    for name, value in (("sentence_imposed", sentence_imposed), ("original_minimum", original_minimum),
                        ("amended_minimum", amended_minimum)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"{name} must be whole months, got {value!r}")
    if original_minimum == 0:
        raise ValueError("a range with a minimum of 0 months has nothing below it")
    exact = Fraction(amended_minimum * sentence_imposed, original_minimum)
    return (2 * exact.numerator + exact.denominator) // (2 * exact.denominator)


@dataclass(frozen=True)
class ReductionFloor:
    """The lowest term § 1B1.10(b)(2) lets a § 3582(c)(2) reduction reach, and how it was found.

    ``floor is None`` means the floor is life imprisonment (no reduction is possible).
    ``range_lowered`` compares the original and amended ranges mechanically (either end lower);
    whether that is a lowered "applicable guideline range" (§ 1B1.10 App. Note 1(A)) is for the
    avenue to decide.
    """

    original: GuidelineRange
    amended: GuidelineRange
    sentence_imposed: int
    floor: int | None
    rule: str  # '1B1.10(b)(2)(A)' | '1B1.10(b)(2)(B)' | '1B1.10(b)(2)(C)'
    comparable: bool
    floor_is_approximate: bool
    percent_below: Fraction | None
    subsection_c_applied: bool
    reduction_possible: bool
    range_lowered: bool
    explanation: str
    authorities: tuple[str, ...]


def _lower(a: int | None, b: int | None) -> bool:
    """a < b where None is life (above every number)."""
    if a is None:
        return False
    return b is None or a < b


def reduction_floor(
    level: int,
    chc: str | int,
    *,
    level_delta: int,
    sentence_imposed: int,
    as_of: date,
    chc_override: str | int | None = None,
    minimum: Limit = None,
    maximum: Limit = None,
    below_range_basis: str | None = None,
    below_minimum_authority: bool = False,
    time_served: int | None = None,
) -> ReductionFloor:
    """Apply § 1B1.10(b)(2) and (c), in the version in force on as_of (the date of reduction).

    level, chc: the offense level and category found at sentencing; level_delta / chc_override: what
    the covered amendment changes. minimum/maximum: statutory limits in months ('life' allowed).
    below_range_basis: why the term imposed was below the original range, if it was --
    'substantial_assistance' (government motion: § 5K1.1, § 3553(e) or Rule 35(b)), 'departure'
    or 'variance'. below_minimum_authority: the court could go below the statutory minimum on a
    government substantial-assistance motion (needed for § 1B1.10(c)). time_served: months already
    served, if known ((b)(2)(C)).
    """
    if isinstance(sentence_imposed, bool) or not isinstance(sentence_imposed, int) or sentence_imposed < 0:
        raise ValueError(f"sentence_imposed must be whole months, got {sentence_imposed!r}")
    if below_range_basis is not None and below_range_basis not in BELOW_RANGE_BASES:
        raise ValueError(f"below_range_basis must be one of {BELOW_RANGE_BASES} or None")
    if as_of < POLICY_712_FROM:
        raise PolicyStatementNotEncoded(
            f"§ 1B1.10 as in force on {as_of.isoformat()} (before Amendment 712, 2008-03-03) is not encoded"
        )

    authorities: list[str] = [POLICY_AUTHORITY, TABLE_AUTHORITY]
    if minimum is not None or maximum is not None:
        authorities.append(STATUTORY_AUTHORITY)

    original = amended_range(level, chc, level_delta=0, minimum=minimum, maximum=maximum)
    c_applies = as_of >= AMENDMENT_780_FROM and minimum is not None and below_minimum_authority
    notes: list[str] = []
    if c_applies:
        amended = _without_5g1_1(level, chc, level_delta=level_delta, chc_override=chc_override)
        authorities.append(AMENDMENT_780)
    else:
        amended = amended_range(level, chc, level_delta=level_delta, chc_override=chc_override,
                                minimum=minimum, maximum=maximum)
        if minimum is not None and below_minimum_authority and as_of < AMENDMENT_780_FROM:
            notes.append(f"§ 1B1.10(c) was not yet in force on {as_of.isoformat()} (from "
                         f"{AMENDMENT_780_FROM.isoformat()}, Amendment 780); § 5G1.1 applies to the amended range.")

    original_min = original.final.low  # None: life
    amended_min = amended.final.low
    below_range = original_min is None or sentence_imposed < original_min
    if below_range and below_range_basis is None:
        raise ValueError(
            f"the term imposed ({sentence_imposed} months) is below the original range ({original.final}); "
            "say why (below_range_basis)"
        )

    comparable = False
    approximate = False
    percent: Fraction | None = None
    if below_range:
        if as_of >= AMENDMENT_759_FROM:
            authorities.append(AMENDMENT_759)
            comparable = below_range_basis == "substantial_assistance"
            if not comparable:
                notes.append("Since Amendment 759 (2011-11-01) only a term below the range on a government "
                             "substantial-assistance motion may be reduced comparably below the amended range.")
        else:
            comparable = below_range_basis in ("substantial_assistance", "departure")
            if below_range_basis == "variance":
                notes.append("The 2008 text (Amendment 712) said a further reduction generally would not be "
                             "appropriate for a non-guideline (Booker) sentence.")

    if comparable and (original_min is None or amended_min is None):
        raise PolicyStatementNotEncoded("a comparable reduction measured from a life range is not encoded")

    if amended_min is None:
        floor: int | None = None
        rule = "1B1.10(b)(2)(A)"
        reason = f"The amended range ({amended.final}) is life; no reduction below it is allowed (§ 1B1.10(b)(2)(A))."
    elif comparable:
        percent = percent_below_minimum(sentence_imposed, original_min)
        floor = comparable_reduction(sentence_imposed, original_min, amended_min)
        approximate = True
        rule = "1B1.10(b)(2)(B)"
        reason = (f"The term imposed ({sentence_imposed} months) was {float(percent) * 100:.1f}% below the "
                  f"original minimum ({original_min} months); a comparable reduction below the amended "
                  f"minimum ({amended_min} months) is about {floor} months "
                  f"({amended_min} x {sentence_imposed}/{original_min}, rounded) (§ 1B1.10(b)(2)(B)).")
    else:
        floor = amended_min
        rule = "1B1.10(b)(2)(A)"
        reason = f"No reduction below the minimum of the amended range: {amended_min} months (§ 1B1.10(b)(2)(A))."

    if time_served is not None:
        if isinstance(time_served, bool) or not isinstance(time_served, int) or time_served < 0:
            raise ValueError(f"time_served must be whole months, got {time_served!r}")
        if floor is not None and time_served > floor:
            floor = time_served
            rule = "1B1.10(b)(2)(C)"
            approximate = False
            reason += f" But the term may not go below time already served: {time_served} months (§ 1B1.10(b)(2)(C))."

    possible = floor is not None and floor < sentence_imposed
    lowered = _lower(amended.final.low, original.final.low) or _lower(amended.final.high, original.final.high)
    explanation = " ".join(
        [f"Original: {original.explanation}", f"Amended: {amended.explanation}", *notes, reason]
        + ([] if possible else [f"The floor is not below the term imposed ({sentence_imposed} months), "
                                "so no reduction is possible."])
    )
    return ReductionFloor(
        original=original,
        amended=amended,
        sentence_imposed=sentence_imposed,
        floor=floor,
        rule=rule,
        comparable=comparable,
        floor_is_approximate=approximate,
        percent_below=percent,
        subsection_c_applied=c_applies,
        reduction_possible=possible,
        range_lowered=lowered,
        explanation=explanation,
        authorities=tuple(dict.fromkeys(authorities)),
    )
