"""Record checks: warnings -- never silent corrections -- for facts that cannot all be true in law.

Issue 3, item 3. A case file says what the court's papers say; some of it is impossible under the
statute cited (seed 001: a 60-month term "for 8 U.S.C. § 1326(a)", whose maximum is two years). The
checks compare the facts with law/offenses.yaml, a table of the statutory ranges of the federal
offenses most often seen in post-judgment motions, and say what cannot be right. They change
nothing: the facts stay as given, and the warning names the field (dotted path) to look at.

How a statute string is read. Convictions are cited as courts write them ("21 U.S.C. §§ 841(a)(1),
841(b)(1)(A), and 846"). Each section and subsection path is parsed; a bare "(b)(1)(C)" belongs to
the section before it. The PENALTY provision decides: a provision that only defines the crime
(841(a), 1324(a)(1)(A)(ii)) points to its penalty provisions; § 846 takes its object's penalty; a
provision that displaces another (924(e) over 922(g), 1326(b)(2) over 1326(a)) wins when both are
cited. A provision can be read several ways (a prior conviction, death, a financial institution):
every reading counts, so a warning is given only when the facts fail under every reading -- and,
for a term above the base maximum but within an enhanced reading, the warning names the
enhancement the record must show.

Dates. Versions are by offense date. When `offense_date` is missing, every version in force at
some time up to sentencing (or `as_of`) is a candidate and the most lenient bound is used; the
warning says the offense date was not stated. Values marked `memory` in the table may widen what
is accepted but never produce a warning on their own.

Also `offense_class(statute, on)`: the 18 U.S.C. § 3559(a) class of a cited offense, for avenues
that must tell a felony from a misdemeanor; None when the citation allows more than one class.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Case
from ..law.offenses import LIFE, Months, Resolution, crack_grams, offense_class, resolve

# What a sentence could have been reduced by, so that a term below the statutory minimum is lawful.
REDUCING_AVENUES = {"fsa404", "s3582c2", "rule35b", "s3582c1a", "s2255", "appeal"}


# ------------------------------------------------------------------------------ warnings
@dataclass(frozen=True)
class RecordWarning:
    code: str   # term_above_statutory_maximum, minimum_not_carried_by_statute, ...
    field: str  # dotted path of the fact to look at
    text: str


Warning = RecordWarning  # the name the engine contract uses (issue 3)


def _gt(a: Months, b: Months) -> bool:
    if a == LIFE:
        return b != LIFE
    return b != LIFE and a > b


def _fmt(m: Months) -> str:
    return "life" if m == LIFE else f"{m} months"


def _adj(m: Months) -> str:
    return "life" if m == LIFE else f"{m}-month"


def _highest(values) -> Months:
    values = list(values)
    return LIFE if LIFE in values else max(values)


def _sum(values) -> Months:
    values = list(values)
    return LIFE if LIFE in values else sum(values)


@dataclass
class _Conv:
    index: int
    statute: str
    res: Resolution
    dated: bool  # offense date known

    @property
    def field(self) -> str:
        return f"convictions[{self.index}].statute"
def record_checks(case: Case) -> list[RecordWarning]:
    """Warnings for facts that cannot all be true under the statutes cited. Never changes `case`."""
    out: list[RecordWarning] = []
    s = case.sentence
    up_to = s.imposed_on or case.as_of
    convs: list[_Conv] = []
    for i, conv in enumerate(case.convictions):
        res = resolve(conv.statute, conv.offense_date, None if conv.offense_date else up_to)
        c = _Conv(i, conv.statute, res, conv.offense_date is not None)
        convs.append(c)
        if res.unknown:
            out.append(RecordWarning("statute_not_in_table", c.field,
                f"{', '.join(res.unknown)} (in {conv.statute!r}) is not in the table of statutory ranges, "
                "so the term imposed was not checked against it."))
        if res.unencoded and not res.unknown:
            when = f"an offense committed on {conv.offense_date}" if conv.offense_date else "the dates involved"
            out.append(RecordWarning("penalty_not_encoded_for_date", c.field,
                f"The table holds no version of {', '.join(res.unencoded)} for {when}; the term was not checked."))
        if not (res.resolved and res.trusted):
            continue
        out += _conviction_checks(case, c, conv)
    usable = [c for c in convs if c.res.resolved and c.res.trusted]
    if convs and len(usable) == len(convs):
        out += _sentence_checks(case, usable)
    return out


def _same_class(stated: str, derived: str) -> bool:
    """'E', 'Class E felony', 'e felony' all match 'Class E felony'; 'A misdemeanor' is not 'Class A felony'."""
    def key(text: str) -> tuple[str | None, str | None]:
        t = text.lower().replace("class", " ").strip()
        if "infraction" in t:
            return None, "infraction"
        m = re.match(r"([a-e])\b\s*(felony|misdemeanor)?", t)
        return (m.group(1), m.group(2)) if m else (None, t)
    (sl, sk), (dl, dk) = key(stated), key(derived)
    return sl == dl and (sk is None or sk == dk)


def _undated(c: _Conv) -> str:
    return "" if c.dated else " (the offense date is not stated; every version in force up to sentencing was allowed)"


def _conviction_checks(case: Case, c: _Conv, conv) -> list[RecordWarning]:
    out = []
    readings = c.res.readings
    stated = conv.statutory_maximum_months
    if stated is not None and stated not in {r.max for r in readings}:
        out.append(RecordWarning("maximum_not_carried_by_statute", f"convictions[{c.index}].statutory_maximum_months",
            f"{_fmt(stated)} is not a maximum that {conv.statute} authorizes (its readings allow "
            f"{', '.join(sorted({_fmt(r.max) for r in readings}))}){_undated(c)}."))
    if conv.offense_class:
        derived = offense_class(conv.statute, conv.offense_date)
        if derived and not _same_class(conv.offense_class, derived):
            out.append(RecordWarning("class_not_carried_by_statute", f"convictions[{c.index}].class",
                f"{conv.offense_class!r} does not match the class that {conv.statute} carries under 18 U.S.C. § 3559(a): {derived}."))
    qty = crack_grams(conv.description)
    if qty is not None and c.dated:
        for r in readings:
            if r.crack_grams and not r.enhanced and qty < r.crack_grams and r.cite in c.res.penalty_cites:
                out.append(RecordWarning("quantity_below_subsection_threshold", f"convictions[{c.index}].description",
                    f"{qty:g} g of cocaine base is below the {r.crack_grams} g that {r.cite} required for an offense "
                    f"committed on {conv.offense_date} (Fair Sentencing Act of 2010 thresholds)."))
                break
    return out


def _sentence_checks(case: Case, convs: list[_Conv]) -> list[RecordWarning]:
    out = []
    s, gov = case.sentence, case.government
    term = s.imprisonment_months
    single = convs[0] if len(convs) == 1 else None
    what = f"{single.statute}" if single else "the convictions together (terms may run consecutively)"
    undated = _undated(single) if single else ("" if all(c.dated for c in convs) else _undated(convs[0]))
    # maximum: the sum of each conviction's highest reading; the base readings say what a bare
    # citation allows, the enhanced ones what it would take
    ceiling = _sum(_highest(r.max for r in c.res.readings) for c in convs)
    base_ceiling = _sum(_highest([r.max for r in c.res.readings if not r.enhanced]
                                 or [r.max for r in c.res.readings]) for c in convs)
    if term is not None and _gt(term, ceiling):
        out.append(RecordWarning("term_above_statutory_maximum", "sentence.imprisonment_months",
            f"{_fmt(term)} exceeds every maximum that {what} authorizes ({_fmt(ceiling)}){undated}. "
            "The facts are left as given; the judgment should be checked."))
    elif term is not None and _gt(term, base_ceiling):
        needed = sorted({f"{r.cite} ({r.when}: {_fmt(r.max)})" for c in convs for r in c.res.readings
                         if r.enhanced and not _gt(term, _sum([r.max] + [
                             _highest(x.max for x in o.res.readings) for o in convs if o is not c]))})
        out.append(RecordWarning("term_above_statutory_maximum", "sentence.imprisonment_months",
            f"{_fmt(term)} exceeds the {_adj(base_ceiling)} maximum of {what} as cited{undated}; it is lawful "
            f"only if an enhancement the citation does not show applied: {'; '.join(needed)}. "
            "The record should say which. The facts are left as given."))
    # the statutory minimum stated
    floor_ok = not (gov.substantial_assistance_at_sentencing or gov.safety_valve or gov.rule35b_motion_filed_on
                    or any(h.avenue in REDUCING_AVENUES and h.result == "granted" for h in case.history))
    stated_min = s.mandatory_minimum_months
    if stated_min is not None and all(c.dated for c in convs):
        if single:
            mins = {r.min for r in single.res.readings}
            if stated_min not in mins and not (stated_min == 0 and 0 in mins):
                out.append(RecordWarning("minimum_not_carried_by_statute", "sentence.mandatory_minimum_months",
                    f"{stated_min} months is not a minimum that {single.statute} carries (its readings give "
                    f"{', '.join(_fmt(m) for m in sorted(mins, key=lambda m: (m == LIFE, m if m != LIFE else 0)))})."))
        else:
            top = _sum(_highest(r.min for r in c.res.readings) for c in convs)
            if _gt(stated_min, top):
                out.append(RecordWarning("minimum_not_carried_by_statute", "sentence.mandatory_minimum_months",
                    f"{stated_min} months is more than the highest minimum the convictions can carry together ({_fmt(top)})."))
    # a term below every minimum, with nothing that allows going below one
    if term is not None and term != LIFE and floor_ok and all(c.dated for c in convs):
        lows = [min((r.min for r in c.res.readings), key=lambda m: 10**9 if m == LIFE else m) for c in convs]
        consec = sum(m for c, m in zip(convs, lows) if c.res.consecutive and m != LIFE)
        other = max([m for c, m in zip(convs, lows) if not c.res.consecutive and m != LIFE] or [0])
        if any(m == LIFE for m in lows):
            floor: Months = LIFE
        else:
            floor = consec + other
        if _gt(floor, term):
            out.append(RecordWarning("term_below_statutory_minimum", "sentence.imprisonment_months",
                f"{_fmt(term)} is below the lowest minimum {what} carries ({_fmt(floor)}), and the record shows no "
                "substantial-assistance motion, safety valve or later reduction that would allow it."))
    # supervised release
    sr = s.supervised_release_months
    if sr is not None:
        caps = [_highest([r.sr_max for r in c.res.readings]) if all(r.sr_max is not None for r in c.res.readings)
                else None for c in convs]
        if None not in caps and caps:
            cap = _highest(caps)
            if _gt(sr, cap):
                out.append(RecordWarning("supervised_release_above_3583b", "sentence.supervised_release_months",
                    f"{_fmt(sr)} of supervised release exceeds the {_fmt(cap)} that 18 U.S.C. § 3583(b) allows for "
                    f"the class of {what}{undated}."))
        need = max((min((r.sr_min or 0) for r in c.res.readings) for c in convs), default=0)
        if all(c.dated for c in convs) and sr != LIFE and need and sr < need:
            out.append(RecordWarning("supervised_release_below_statutory_minimum", "sentence.supervised_release_months",
                f"{_fmt(sr)} of supervised release is below the {_adj(need)} minimum that {what} requires."))
    return out
