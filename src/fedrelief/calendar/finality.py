"""When a federal criminal judgment becomes final (28 U.S.C. § 2255(f)(1)), and the defendant's
notice-of-appeal period (Fed. R. App. P. 4(b)(1)(A)).

Authorities (ids as in law/): `frap_4b_1998` (10 days), `frap_4b_2009` (14 days), `clay_2003`,
`sanchez_castellano_2004`, `supct_rule_13`. S. Ct. R. 30.1 (last-day rule for the 90 days) is cited
in the steps; it has no authority id yet.

* No appeal: final when the time to file a notice of appeal runs out; the 30-day extension a
  district court may grant under FRAP 4(b)(4) does not postpone it. Sanchez-Castellano v. United
  States, 358 F.3d 424 (6th Cir. 2004) (https://print.casetext.com/case/sanchez-castellano-v-us);
  Moshier v. United States (2d Cir. 2005) (judgment 2002-04-29 -> final 2002-05-09, a calendar-day
  count, which is what FRAP 26(a) then required: see periods.py).
* Appeal decided, no certiorari petition: final when the 90 days to petition (S. Ct. R. 13.1) run
  from the court of appeals' judgment - not from its mandate. Clay v. United States, 537 U.S. 522
  (2003) (http://law.onecle.com/ussc/537/537us522.html). Clay's own dates: affirmed Mon 1998-11-23;
  the 90th day was Sun 1999-02-21, so under S. Ct. R. 30.1 the time expired Mon 1999-02-22, the
  date the Court gives. If a timely petition for rehearing was filed, pass the date rehearing was
  denied as `decided_on` (S. Ct. R. 13.3; memory, unverified).
* Certiorari denied: final on the date of denial (Clay, syllabus).
* Appeal filed, not yet decided: no finality date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from fedrelief.calendar.periods import (
    DAYS_ARE_DAYS_EFFECTIVE,
    PeriodResult,
    count_days,
    count_days_days_are_days,
    count_days_old_rule,
    count_days_supreme_court,
    one_year_after,
)

FLAG_CALENDAR_DAY_SPLIT = "old_rule_calendar_day_counting_split"
FLAG_PRE2002_BUSINESS_DAY_READING = "frap_26a_pre2002_business_day_reading"
FLAG_APPEAL_DISMISSED = "appeal_dismissed_finality_unsettled"
FLAG_APPEAL_RESULT_UNRECOGNISED = "appeal_result_unrecognised"
FLAG_MISSING_FACT = "missing_fact"

_REMAND_RESULTS = {"reversed", "vacated", "remanded"}
_AFFIRMANCE_RESULTS = {"", "affirmed"}


@dataclass(frozen=True)
class Finality:
    """Date the judgment became final, why, and how it was computed.

    `alternative_final_on` is the date another reading gives (first flag that has one);
    `alternatives` holds every such date by flag.
    """

    final_on: date | None
    basis: str
    steps: list[str]
    authorities: list[str]
    flags: list[str] = field(default_factory=list)
    alternative_final_on: date | None = None
    alternatives: dict[str, date] = field(default_factory=dict)


def notice_of_appeal_period(judgment_entered_on: date) -> PeriodResult:
    """Defendant's FRAP 4(b)(1)(A) period: 10 days before 2009-12-01, 14 days from then.

    The later trigger of 4(b)(1)(A)(ii) (a government notice of appeal) is not modelled.
    """
    if judgment_entered_on >= DAYS_ARE_DAYS_EFFECTIVE:
        base = count_days(judgment_entered_on, 14, rules="frap")
        head = "FRAP 4(b)(1)(A) (2009): notice of appeal within 14 days after entry of judgment"
        return PeriodResult(base.ends_on, base.regime, [head] + base.steps, base.flags,
                            base.alternatives)

    base = count_days(judgment_entered_on, 10, rules="frap")
    head = "FRAP 4(b)(1)(A) (before 2009-12-01): notice of appeal within 10 days after entry"
    flags, alternatives, steps = list(base.flags), dict(base.alternatives), [head] + base.steps
    if base.regime == "frap_26a_2002":
        # Business days are the rule; some courts counted 10 calendar days (Moshier summary).
        other = count_days_days_are_days(judgment_entered_on, 10, regime="calendar_day_reading")
        flag = FLAG_CALENDAR_DAY_SPLIT
    else:
        # frap_26a_pre2002: calendar days are the rule; a court applying the Criminal Rules'
        # "less than 11 days" exclusion would count business days.
        other = count_days_old_rule(judgment_entered_on, 10, regime="business_day_reading")
        flag = FLAG_PRE2002_BUSINESS_DAY_READING
    if other.ends_on != base.ends_on:
        flags.insert(0, flag)
        alternatives[flag] = other.ends_on
        steps.append(f"alternative reading ({flag}): {other.ends_on.isoformat()}")
    return PeriodResult(base.ends_on, base.regime, steps, flags, alternatives)


def _finality(final_on: date | None, basis: str, steps: list[str], authorities: list[str],
              flags: list[str] | None = None,
              alternatives: dict[str, date] | None = None) -> Finality:
    flags = list(flags or [])
    alternatives = dict(alternatives or {})
    alternative = next((alternatives[f] for f in flags if f in alternatives), None)
    return Finality(final_on, basis, steps, authorities, flags, alternative, alternatives)


def _no_appeal(judgment_entered_on: date) -> Finality:
    period = notice_of_appeal_period(judgment_entered_on)
    rule_id = "frap_4b_2009" if judgment_entered_on >= DAYS_ARE_DAYS_EFFECTIVE else "frap_4b_1998"
    steps = [f"judgment entered {judgment_entered_on.isoformat()}; no notice of appeal"]
    steps += period.steps
    steps.append("final when the time to appeal expired; the FRAP 4(b)(4) 30-day extension "
                 "window does not postpone finality (Sanchez-Castellano)")
    return _finality(period.ends_on, "no_appeal", steps, [rule_id, "sanchez_castellano_2004"],
                     period.flags, period.alternatives)


def judgment_final_on(judgment_entered_on: date | None, appeal: Any | None) -> Finality:
    """Finality for § 2255(f)(1).

    `appeal` is None (no appeal) or has `filed_on`, `decided_on`, `certiorari_denied_on`,
    `result` (any may be None). `result` is read case-insensitively: None/"affirmed" is the Clay
    case; "reversed"/"vacated"/"remanded" means no final judgment yet; "dismissed" and other
    values are computed like an affirmance but flagged.
    """
    if appeal is None:
        if judgment_entered_on is None:
            raise ValueError("with no appeal, finality runs from the entry of judgment, which is not given")
        return _no_appeal(judgment_entered_on)

    filed_on = getattr(appeal, "filed_on", None)
    decided_on = getattr(appeal, "decided_on", None)
    denied_on = getattr(appeal, "certiorari_denied_on", None)
    result = (getattr(appeal, "result", None) or "").strip().lower()

    for label, day in (("filed_on", filed_on), ("decided_on", decided_on),
                       ("certiorari_denied_on", denied_on)):
        if day is not None and judgment_entered_on is not None and day < judgment_entered_on:
            raise ValueError(f"appeal {label} {day} is before the judgment {judgment_entered_on}")
    if decided_on is not None and denied_on is not None and denied_on < decided_on:
        raise ValueError("certiorari denied before the court of appeals decided")

    if denied_on is not None:
        steps = [f"certiorari denied {denied_on.isoformat()}: the judgment is final that day"]
        return _finality(denied_on, "certiorari_denied", steps, ["clay_2003"])

    if decided_on is not None:
        if result in _REMAND_RESULTS:
            steps = [f"court of appeals {result} on {decided_on.isoformat()}: finality runs "
                     "from the judgment entered after remand, not from this one"]
            return _finality(None, "remanded", steps, ["clay_2003"])
        flags: list[str] = []
        if result == "dismissed":
            flags.append(FLAG_APPEAL_DISMISSED)
        elif result not in _AFFIRMANCE_RESULTS:
            flags.append(FLAG_APPEAL_RESULT_UNRECOGNISED)
        period = count_days_supreme_court(decided_on, 90)
        steps = [f"court of appeals judgment {decided_on.isoformat()}; no certiorari petition",
                 "S. Ct. R. 13.1: 90 days from the court of appeals' judgment (not the mandate); "
                 "last day under S. Ct. R. 30.1 (Clay)"] + period.steps
        return _finality(period.ends_on, "appeal_no_certiorari", steps,
                         ["clay_2003", "supct_rule_13"], flags + period.flags, period.alternatives)

    if filed_on is not None:
        steps = [f"notice of appeal filed {filed_on.isoformat()}; no decision recorded: "
                 "the judgment is not final while the appeal is pending"]
        return _finality(None, "appeal_pending", steps, ["clay_2003"])

    steps = ["an appeal is recorded but none of its dates is known"]
    return _finality(None, "appeal_dates_unknown", steps, [], [FLAG_MISSING_FACT])


def limitation_2255_f1(final_on: date) -> PeriodResult:
    """28 U.S.C. § 2255(f)(1): one year from the date the judgment of conviction became final."""
    period = one_year_after(final_on)
    head = (f"28 U.S.C. § 2255(f)(1): one year from finality ({final_on.isoformat()}), "
            "anniversary method")
    return PeriodResult(period.ends_on, period.regime, [head] + period.steps, period.flags,
                        period.alternatives)
