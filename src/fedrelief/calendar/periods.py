"""Counting periods of time: days (Rule 45(a) / FRAP 26(a) / S. Ct. R. 30.1), months and years.

Which counting rule applies
---------------------------
The regime is chosen by the date of the TRIGGERING EVENT (the day the period starts to run): a
period that began before 2009-12-01 is counted under the rules then in force, one that began on or
after it under the "days are days" rules. (The 2009 orders also allowed the new rules in pending
proceedings where "just and practicable"; that transitional discretion is not modelled.)

* 2009-12-01 package ("days are days"; Criminal, Appellate, Civil, Bankruptcy Rules amended
  together): exclude the trigger day, count every day, and if the last day is a Saturday, Sunday
  or legal holiday run to the next day that is none of these. Effective date verified:
  https://norrislglaw.com/legal-blog-time-computation-rules ; Rule 45 2009 note:
  http://www2.law.cornell.edu/rules/frcrmp/NRule45.htm
* Former Fed. R. Crim. P. 45(a) (as amended eff. 1985-08-01, until 2009-11-30): exclude the trigger
  day; if the period is LESS THAN 11 DAYS exclude intermediate Saturdays, Sundays and legal
  holidays; same last-day rule. Verified (former FRCP 6(a) text, which Rule 45(a) tracked):
  http://federalrulesofcivilprocedure.blogspot.com/2011/09/rule-6-of-frcp.html ; amendment dates
  of Rule 45 (incl. "Apr. 29, 1985, eff. Aug. 1, 1985"): uscode.house.gov 1999 edition, Rule 45.
  UNVERIFIED: that the 1985 amendment is the one that set the 11-day threshold; triggers before
  1985-08-01 are refused.
* Former FRAP 26(a):
  - from 2002-12-01 until 2009-11-30: same "less than 11 days" rule. Text verified:
    https://www.law.cornell.edu/uscode/html/uscode28a/usc_sec_28a_00000026----000-_combined.html
  - BEFORE 2002-12-01 weekends were excluded only for periods of LESS THAN 7 DAYS, so the
    defendant's 10-day notice-of-appeal period ran in calendar days. Evidence: the 2002 Committee
    Note to FRAP 26(a)(2) (Civil and Criminal Rules "compute time differently" from FRAP: yumpu
    FRAP 2014-2015 print, page 94); a 1997 N.D. court memo describing the federal rule's 7-day
    threshold (http://www.ndcourts.gov/court/JP/Agendas/Jan1997/MRULE26.htm); United States v.
    Batista, 22 F.3d 492 (2d Cir. 1994) (judgment Wed 1993-04-07, tenth day Sat 04-17, notice due
    Mon 04-19: https://app.midpage.ai/document/united-states-v-juan-batista-668552). PARTIAL: the
    exact effective date 2002-12-01 is inferred from the "2002 Amendment" note and the usual
    December 1 effective date. Periods under 7 days in this regime are refused (threshold history
    before 1989 not checked).
* Supreme Court Rule 30.1: exclude the trigger day, count every day; if the last day is a
  Saturday, Sunday, "federal legal holiday listed in 5 U.S.C. § 6103", or a day the Court building
  is closed by order, run to the next day that is none of these. Verified:
  http://supct.law.cornell.edu/rules/supct/30.html
"""

from __future__ import annotations

import calendar as stdlib_calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Callable

from fedrelief.law.kb import NoRuleInForce

from fedrelief.calendar.holidays import (
    PRESIDENTIAL_CLOSURE_DAYS,
    inauguration_day,
    is_weekend,
    statutory_holidays,
)

DAYS_ARE_DAYS_EFFECTIVE = date(2009, 12, 1)
FRAP_26A_2002_EFFECTIVE = date(2002, 12, 1)
FORMER_RULE_45A_EFFECTIVE = date(1985, 8, 1)

FLAG_PRESIDENTIAL_DAY = "presidential_closure_day_counted_as_holiday"
FLAG_FEB29 = "feb29_anniversary_unsettled"
FLAG_SUPCT_CLOSURE = "supct_closure_day_unsettled"


@dataclass(frozen=True)
class PeriodResult:
    """The last day of a period, the rule used, and the arithmetic in words.

    `alternatives` maps a flag to the date another reading of the law gives; `flags` lists why.
    """

    ends_on: date
    regime: str
    steps: list[str]
    flags: list[str] = field(default_factory=list)
    alternatives: dict[str, date] = field(default_factory=dict)

    @property
    def alternative_ends_on(self) -> date | None:
        """The alternative of the first flag that has one (None when every reading agrees)."""
        for flag in self.flags:
            if flag in self.alternatives:
                return self.alternatives[flag]
        return None


@dataclass(frozen=True)
class CountingRegime:
    id: str
    rules: str                  # "frcrp" (Fed. R. Crim. P. 45(a)) or "frap" (Fed. R. App. P. 26(a))
    starts: date                # half-open window [starts, ends)
    ends: date | None
    short_period_below: int | None  # exclude intermediate closed days if days < this; None = never


# Half-open windows; test_periods sweeps dates to prove there are no gaps or overlaps.
REGIMES: tuple[CountingRegime, ...] = (
    CountingRegime("frcrp_45a_pre2009", "frcrp", FORMER_RULE_45A_EFFECTIVE, DAYS_ARE_DAYS_EFFECTIVE, 11),
    CountingRegime("frcrp_45a_2009", "frcrp", DAYS_ARE_DAYS_EFFECTIVE, None, None),
    CountingRegime("frap_26a_pre2002", "frap", FORMER_RULE_45A_EFFECTIVE, FRAP_26A_2002_EFFECTIVE, 7),
    CountingRegime("frap_26a_2002", "frap", FRAP_26A_2002_EFFECTIVE, DAYS_ARE_DAYS_EFFECTIVE, 11),
    CountingRegime("frap_26a_2009", "frap", DAYS_ARE_DAYS_EFFECTIVE, None, None),
)


class NoRegimeEncoded(NoRuleInForce, ValueError):
    """No counting regime is encoded on the date: a ValueError to the calendar's callers, and a NoRuleInForce
    to the engine, which reports the law as outside the encoded period."""


def regime_for(trigger: date, rules: str = "frcrp") -> CountingRegime:
    """The one counting regime in force on `trigger`; none or two is a loud error."""
    found = [r for r in REGIMES
             if r.rules == rules and r.starts <= trigger and (r.ends is None or trigger < r.ends)]
    if not found:  # before the earliest encoded regime: the law is outside what is encoded, never guessed
        raise NoRegimeEncoded(f"no time-computation regime for {rules!r} is encoded on {trigger}")
    if len(found) != 1:
        raise ValueError(f"{len(found)} time-computation regimes for {rules!r} on {trigger}")
    return found[0]


# ----------------------------------------------------------------------------- closed days

def _fmt(d: date) -> str:
    return f"{d:%a} {d.isoformat()}"


def _court_closed_reason(d: date, with_presidential: bool = True) -> str | None:
    """Why a day is not a day a period may end on under Rule 45(a) / FRAP 26(a)."""
    if is_weekend(d):
        return f"{d:%A}"
    name = statutory_holidays(d.year).get(d)
    if name:
        return f"legal holiday ({name})"
    if with_presidential and d in PRESIDENTIAL_CLOSURE_DAYS:
        return f"legal holiday ({PRESIDENTIAL_CLOSURE_DAYS[d].name})"
    return None


def _supreme_court_closed_reason(d: date, generous: bool = False) -> str | None:
    """S. Ct. R. 30.1: weekend or § 6103 federal legal holiday. `generous` also treats presidential
    closure days and D.C.-only Inauguration Day (§ 6103(c)) as closed (not verified either way)."""
    if is_weekend(d):
        return f"{d:%A}"
    name = statutory_holidays(d.year).get(d)
    if name:
        return f"federal legal holiday ({name})"
    if generous and d in PRESIDENTIAL_CLOSURE_DAYS:
        return f"{PRESIDENTIAL_CLOSURE_DAYS[d].name} (Court closure not checked)"
    if generous and d == inauguration_day(d.year):
        return "Inauguration Day, 5 U.S.C. § 6103(c) (D.C. area only)"
    return None


Reason = Callable[[date], "str | None"]


def _roll_forward(day: date, reason: Reason, steps: list[str]) -> date:
    """Last-day rule: if the last day is closed, the period runs to the next day that is not."""
    while (why := reason(day)) is not None:
        steps.append(f"{_fmt(day)} is a {why}: the period runs to the next day")
        day += timedelta(days=1)
    return day


def _count(trigger: date, days: int, exclude_intermediate: bool, reason: Reason,
           steps: list[str]) -> date:
    if days < 1:
        raise ValueError("a period must be at least one day")
    steps.append(f"{_fmt(trigger)}: trigger day, not counted")
    if not exclude_intermediate:
        end = trigger + timedelta(days=days)
        steps.append(f"count every day: {_fmt(trigger)} + {days} days = {_fmt(end)}")
        return _roll_forward(end, reason, steps)
    day, counted = trigger, 0
    while counted < days:
        day += timedelta(days=1)
        why = reason(day)
        if why is not None:
            steps.append(f"{_fmt(day)} excluded ({why})")
            continue
        counted += 1
        steps.append(f"{_fmt(day)} = day {counted}")
    return _roll_forward(day, reason, steps)


def _with_presidential_alternative(result_for: Callable[[bool], tuple[date, list[str]]],
                                   regime: str) -> PeriodResult:
    """Compute with presidential closure days as holidays; if ignoring them changes the date,
    flag it and keep the other date (Latham v. Dominick's, 7th Cir. 1998: such an order may not
    declare a holiday)."""
    ends_on, steps = result_for(True)
    other, _ = result_for(False)
    if other == ends_on:
        return PeriodResult(ends_on, regime, steps)
    steps.append(f"if executive-order closure days are not legal holidays: {_fmt(other)}")
    return PeriodResult(ends_on, regime, steps, [FLAG_PRESIDENTIAL_DAY],
                        {FLAG_PRESIDENTIAL_DAY: other})


# ----------------------------------------------------------------------------- days

def count_days_old_rule(trigger: date, days: int, *, short_period_below: int = 11,
                        regime: str = "old_rule") -> PeriodResult:
    """Former Rule 45(a) / FRAP 26(a) counting, whatever the date (used directly for rule checks).

    Exclude the trigger day; if `days` < `short_period_below`, skip intermediate Saturdays,
    Sundays and legal holidays; then the last-day rule.
    """
    exclude = days < short_period_below

    def run(with_presidential: bool) -> tuple[date, list[str]]:
        steps = [f"{regime}: {days}-day period; "
                 + (f"less than {short_period_below} days, so intermediate Saturdays, Sundays "
                    "and legal holidays are excluded" if exclude
                    else f"{short_period_below} days or more, so every day counts")]
        end = _count(trigger, days, exclude,
                     lambda d: _court_closed_reason(d, with_presidential), steps)
        steps.append(f"last day: {_fmt(end)}")
        return end, steps

    return _with_presidential_alternative(run, regime)


def count_days_days_are_days(trigger: date, days: int, *,
                             regime: str = "days_are_days") -> PeriodResult:
    """2009 Rule 45(a)(1) / FRAP 26(a)(1): count every day, then the last-day rule."""

    def run(with_presidential: bool) -> tuple[date, list[str]]:
        steps = [f"{regime}: {days}-day period; every day counts (2009 'days are days' rules)"]
        end = _count(trigger, days, False,
                     lambda d: _court_closed_reason(d, with_presidential), steps)
        steps.append(f"last day: {_fmt(end)}")
        return end, steps

    return _with_presidential_alternative(run, regime)


def count_days(trigger: date, days: int, *, rules: str = "frcrp") -> PeriodResult:
    """A period stated in days, counted under the rules in force on the trigger date.

    `rules` is "frcrp" (Fed. R. Crim. P. 45(a), default) or "frap" (Fed. R. App. P. 26(a)).
    """
    regime = regime_for(trigger, rules)
    if regime.short_period_below is None:
        return count_days_days_are_days(trigger, days, regime=regime.id)
    if regime.id == "frap_26a_pre2002" and days < 7:
        raise ValueError("FRAP 26(a) before 2002-12-01: periods under 7 days are not encoded")
    return count_days_old_rule(trigger, days, short_period_below=regime.short_period_below,
                               regime=regime.id)


def count_days_supreme_court(trigger: date, days: int) -> PeriodResult:
    """S. Ct. R. 30.1 count (e.g. the 90 days of S. Ct. R. 13.1).

    If the answer depends on a presidential closure day or on D.C.-only Inauguration Day (the Court
    sits in D.C.), flag it and give the later date as the alternative.
    """
    regime = "supct_rule_30_1"
    steps = [f"{regime}: {days}-day period; every day counts (S. Ct. R. 30.1)"]
    end = _count(trigger, days, False, _supreme_court_closed_reason, steps)
    steps.append(f"last day: {_fmt(end)}")
    generous = _count(trigger, days, False,
                      lambda d: _supreme_court_closed_reason(d, generous=True), [])
    if generous == end:
        return PeriodResult(end, regime, steps)
    steps.append(f"if the Court building was closed that day: {_fmt(generous)}")
    return PeriodResult(end, regime, steps, [FLAG_SUPCT_CLOSURE], {FLAG_SUPCT_CLOSURE: generous})


# ----------------------------------------------------------------------------- months, years

def add_months(d: date, n: int) -> date:
    """Same day of the month `n` months later; a day the month lacks becomes its last day
    (Jan 31 + 1 month = Feb 28/29), the same choice as the Feb 29 rule of `add_years`."""
    months = d.year * 12 + (d.month - 1) + n
    year, month = divmod(months, 12)
    last = stdlib_calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(d.day, last))


def add_years(d: date, n: int) -> date:
    """Anniversary method: the same month and day `n` years later.

    Feb 29 in a year without one becomes Feb 28 (the earlier, safer date). No authority on a
    Feb 29 trigger was found; `one_year_after` flags it and gives Mar 1 as the alternative.
    """
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # Feb 29 -> a common year
        return date(d.year + n, 2, 28)


def one_year_after(trigger: date) -> PeriodResult:
    """A one-year period (e.g. 28 U.S.C. § 2255(f)) by the anniversary method, then the last-day
    rule of FRCP 6(a) (applied through Rule 12 of the Rules Governing § 2255 Proceedings).

    Checked: United States v. Hurst, 322 F.3d 1256 (10th Cir. 2003) (anniversary method via Rule
    6(a); https://case-law.vlex.com/vid/u-s-v-hurst-890890185); Clay v. United States, 537 U.S.
    522 (2003) (a motion filed 2000-02-22, one year after finality on 1999-02-22, was timely);
    Patterson v. Stewart, 251 F.3d 1243 (9th Cir. 2001) (Rule 6(a) governs the AEDPA year;
    secondary summary at https://capcentral.org/case_summaries/patterson-v-stewart/).
    UNVERIFIED: no case was read that moved a § 2255 deadline off a weekend/holiday; the roll-
    forward follows from Rule 6(a)'s last-day rule, which those courts apply.
    """
    regime = "anniversary_frcp_6a"
    anniversary = add_years(trigger, 1)

    def run(with_presidential: bool, first: date) -> tuple[date, list[str]]:
        steps = [f"{regime}: trigger {_fmt(trigger)} not counted; the year ends on its "
                 f"anniversary {_fmt(first)} (Hurst; Clay)"]
        end = _roll_forward(first, lambda d: _court_closed_reason(d, with_presidential), steps)
        steps.append(f"last day: {_fmt(end)}")
        return end, steps

    result = _with_presidential_alternative(lambda p: run(p, anniversary), regime)
    if (trigger.month, trigger.day) != (2, 29):
        return result
    march_first, _ = run(True, date(anniversary.year, 3, 1))
    if march_first == result.ends_on:
        return result  # both readings meet after the weekend roll-forward
    steps = result.steps + [f"trigger is Feb 29: anniversary taken as Feb 28 (earlier date); "
                            f"reading it as Mar 1 gives {_fmt(march_first)}"]
    return PeriodResult(result.ends_on, regime, steps, result.flags + [FLAG_FEB29],
                        {**result.alternatives, FLAG_FEB29: march_first})
