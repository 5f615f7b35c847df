"""Time computation: legal holidays, Rule 45(a) / FRAP 26(a) periods, finality, § 2255(f)(1).

Pure functions: no I/O and no hidden clock; every date is an argument.
"""

from fedrelief.calendar.finality import (
    Finality,
    judgment_final_on,
    limitation_2255_f1,
    notice_of_appeal_period,
)
from fedrelief.calendar.holidays import (
    PRESIDENTIAL_CLOSURE_DAYS,
    is_court_closed_day,
    is_legal_holiday,
    legal_holidays,
    presidential_closure_days,
    statutory_holidays,
)
from fedrelief.calendar.periods import (
    DAYS_ARE_DAYS_EFFECTIVE,
    PeriodResult,
    add_months,
    add_years,
    count_days,
    count_days_days_are_days,
    count_days_old_rule,
    count_days_supreme_court,
    one_year_after,
)

__all__ = [
    "DAYS_ARE_DAYS_EFFECTIVE",
    "Finality",
    "PRESIDENTIAL_CLOSURE_DAYS",
    "PeriodResult",
    "add_months",
    "add_years",
    "count_days",
    "count_days_days_are_days",
    "count_days_old_rule",
    "count_days_supreme_court",
    "is_court_closed_day",
    "is_legal_holiday",
    "judgment_final_on",
    "legal_holidays",
    "limitation_2255_f1",
    "notice_of_appeal_period",
    "one_year_after",
    "presidential_closure_days",
    "statutory_holidays",
]
