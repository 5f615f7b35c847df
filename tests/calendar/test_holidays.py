"""Legal holidays: hand tables from 5 U.S.C. § 6103(a) (weekdays worked out from Jan 1 of each
year), single days, and a sweep against a second, independent reading of the statute."""

from datetime import date, timedelta

import pytest

from fedrelief.calendar.holidays import (
    PRESIDENTIAL_CLOSURE_DAYS,
    inauguration_day,
    is_court_closed_day,
    is_legal_holiday,
    legal_holidays,
    statutory_holidays,
)

D = date.fromisoformat

HAND_TABLES = {
    # 1985 (Jan 1 Tue): no MLK Day yet. Feb 1 Fri -> Mondays 4, 11, 18; May 1 Wed -> last Monday
    # 27; Sep 1 Sun -> Mon 2; Oct 1 Tue -> Mondays 7, 14; Nov 11 Mon; Nov 1 Fri -> Thursdays
    # 7, 14, 21, 28; Jul 4 Thu; Dec 25 Wed.
    1985: ["1985-01-01", "1985-02-18", "1985-05-27", "1985-07-04", "1985-09-02", "1985-10-14",
           "1985-11-11", "1985-11-28", "1985-12-25"],
    # 2003 (Jan 1 Wed): MLK Mondays 6, 13, 20; Feb 1 Sat -> 3, 10, 17; May 1 Thu -> 26;
    # Jul 4 Fri; Sep 1 Mon; Oct 1 Wed -> 6, 13; Nov 11 Tue; Nov 1 Sat -> Thu 27; Dec 25 Thu;
    # plus the E.O. closure Fri Dec 26.
    2003: ["2003-01-01", "2003-01-20", "2003-02-17", "2003-05-26", "2003-07-04", "2003-09-01",
           "2003-10-13", "2003-11-11", "2003-11-27", "2003-12-25", "2003-12-26"],
    # 2021 (Jan 1 Fri): MLK 4, 11, 18; Feb 1 Mon -> 15; May 1 Sat -> 31; Juneteenth Sat 19
    # observed Fri 18; Jul 4 Sun observed Mon 5; Sep 1 Wed -> Mon 6; Oct 1 Fri -> 4, 11;
    # Nov 11 Thu; Nov 1 Mon -> Thu 25; Dec 25 Sat observed Fri 24; Jan 1, 2022 Sat observed
    # Fri Dec 31, 2021.
    2021: ["2021-01-01", "2021-01-18", "2021-02-15", "2021-05-31", "2021-06-18", "2021-06-19",
           "2021-07-04", "2021-07-05", "2021-09-06", "2021-10-11", "2021-11-11", "2021-11-25",
           "2021-12-24", "2021-12-25", "2021-12-31"],
}


@pytest.mark.parametrize("year", sorted(HAND_TABLES))
def test_legal_holidays_match_hand_tables(year):
    assert sorted(legal_holidays(year)) == [D(s) for s in HAND_TABLES[year]]


LEGAL_HOLIDAY_ROWS = [
    ("2021-06-18", True),   # Juneteenth 2021 (Sat) observed Fri, law effective 2021-06-17
    ("2020-06-19", False),  # no Juneteenth holiday before 2021
    ("2022-06-20", True),   # Juneteenth 2022 (Sun) observed Mon
    ("2023-06-19", True),   # Juneteenth 2023 on a Monday
    ("1985-01-21", False),  # 3rd Monday of Jan 1985: MLK Day not yet a holiday
    ("1986-01-20", True),   # first MLK Day (Jan 1, 1986 Wed -> Mondays 6, 13, 20)
    ("2005-01-20", False),  # Inauguration Day (Thu): D.C. area only, not national
    ("2009-01-20", False),  # Inauguration Day (Tue)
    ("2025-01-20", True),   # Inauguration Day that is also MLK Day (Mondays 6, 13, 20)
    ("2004-12-31", True),   # New Year's Day 2005 (Sat) observed Fri Dec 31, 2004
    ("2004-12-24", True),   # Christmas 2004 (Sat) observed Fri
    ("2017-11-10", True),   # Veterans Day 2017 (Sat) observed Fri
    ("2007-11-12", True),   # Veterans Day 2007 (Sun) observed Mon
    ("2004-06-11", True),   # Reagan day of mourning (E.O. 13343)
    ("2007-01-02", True),   # Ford day of mourning (E.O. 13421)
    ("2018-12-05", True),   # G.H.W. Bush day of mourning (E.O. 13852)
    ("2025-01-09", True),   # Carter day of mourning (E.O. 14133)
    ("1997-12-26", True),   # Clinton closure (the one Latham discusses)
    ("2025-12-26", True),   # 2025 closure of Dec 24 and 26
    ("2002-12-24", False),  # half-day closing only
    ("2009-12-24", False),  # half-day closing only
    ("2015-12-24", False),  # half-day closing only
    ("2006-12-26", False),  # ordinary Tuesday
]


@pytest.mark.parametrize("day, expected", LEGAL_HOLIDAY_ROWS)
def test_is_legal_holiday(day, expected):
    assert is_legal_holiday(D(day)) is expected


@pytest.mark.parametrize("day, expected", [
    ("2003-06-21", True),   # Saturday
    ("2003-06-22", True),   # Sunday
    ("2003-07-04", True),   # Independence Day (Fri)
    ("2003-07-03", False),  # Thursday
    ("2020-06-19", False),  # Friday, no Juneteenth yet
])
def test_is_court_closed_day(day, expected):
    assert is_court_closed_day(D(day)) is expected


def _statute_reading(year: int) -> set[date]:
    """A second reading of § 6103(a)/(b) written from the statute's words, for the sweep."""

    def nth(month: int, weekday: int, n: int) -> date:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))

    def last_monday_of_may() -> date:
        day = date(year, 5, 31)
        return day - timedelta(days=day.weekday())

    days = {nth(2, 0, 3), last_monday_of_may(), nth(9, 0, 1), nth(10, 0, 2), nth(11, 3, 4)}
    if year >= 1986:
        days.add(nth(1, 0, 3))
    fixed = [date(year, 1, 1), date(year, 7, 4), date(year, 11, 11), date(year, 12, 25)]
    if year >= 2021:
        fixed.append(date(year, 6, 19))
    for day in fixed + [date(year + 1, 1, 1)]:
        observed = day - timedelta(days=1) if day.weekday() == 5 else (
            day + timedelta(days=1) if day.weekday() == 6 else day)
        days.update({day, observed})
    return {d for d in days if d.year == year}


@pytest.mark.parametrize("year", range(1986, 2031))
def test_statutory_holidays_match_the_statute(year):
    assert set(statutory_holidays(year)) == _statute_reading(year)


def test_presidential_closure_days_are_sourced_weekdays():
    for day, closure in PRESIDENTIAL_CLOSURE_DAYS.items():
        assert day.weekday() < 5, day
        assert closure.source_url.startswith("http"), day
        assert day not in statutory_holidays(day.year), day


def test_inauguration_day_is_dc_only():
    # 2017-01-20 Fri and 2021-01-20 Wed: ordinary working days for the Rules
    assert inauguration_day(2017) == D("2017-01-20") and not is_legal_holiday(D("2017-01-20"))
    assert inauguration_day(2021) == D("2021-01-20") and not is_legal_holiday(D("2021-01-20"))
    assert inauguration_day(2013) == D("2013-01-21")  # Jan 20, 2013 was a Sunday
    assert inauguration_day(2014) is None


def test_years_before_the_table_are_refused():
    with pytest.raises(ValueError):
        legal_holidays(1970)
