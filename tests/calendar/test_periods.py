"""Periods in days, months and years. Every expected date below was counted by hand from the rule
(weekdays read off a printed calendar); the arithmetic is in the comment on each row."""

from datetime import date, timedelta

import pytest

from fedrelief.calendar.periods import (
    REGIMES,
    add_months,
    add_years,
    count_days,
    count_days_days_are_days,
    count_days_old_rule,
    count_days_supreme_court,
    one_year_after,
    regime_for,
)

D = date.fromisoformat

COUNT_DAYS_ROWS = [
    # Seed 001 Rule 35(a) (7 days, old rule): trigger Fri 2003-06-20; skip Sat 21/Sun 22;
    # Mon 23=1 Tue 24=2 Wed 25=3 Thu 26=4 Fri 27=5; skip Sat 28/Sun 29; Mon 30=6 Tue Jul 1=7
    pytest.param("frcrp", "2003-06-20", 7, "2003-07-01", "frcrp_45a_pre2009", id="seed001-rule35a-7d"),
    # Seed 001 notice of appeal (10 days, FRAP 26(a) 2002 text): as above to Tue Jul 1=7,
    # Wed 2=8 Thu 3=9, Fri Jul 4 holiday skipped, Sat 5/Sun 6 skipped, Mon Jul 7=10
    pytest.param("frap", "2003-06-20", 10, "2003-07-07", "frap_26a_2002", id="seed001-noa-10d"),
    # Same 10 days under Crim. Rule 45(a): identical exclusions => Mon 2003-07-07
    pytest.param("frcrp", "2003-06-20", 10, "2003-07-07", "frcrp_45a_pre2009", id="seed001-10d-frcrp"),
    # Thanksgiving: trigger Mon 2005-11-21; Tue 22=1 Wed 23=2, Thu 24 Thanksgiving skipped,
    # Fri 25=3, skip Sat 26/Sun 27, Mon 28=4 Tue 29=5 Wed 30=6 Thu Dec 1=7 Fri 2=8,
    # skip Sat 3/Sun 4, Mon 5=9 Tue 6=10
    pytest.param("frcrp", "2005-11-21", 10, "2005-12-06", "frcrp_45a_pre2009", id="old-thanksgiving"),
    # Christmas observed: trigger Mon 2004-12-20; Tue 21=1 Wed 22=2 Thu 23=3, Fri 24 (Christmas
    # on Sat, observed Fri) skipped, Sat 25/Sun 26 skipped, Mon 27=4 Tue 28=5 Wed 29=6 Thu 30=7
    pytest.param("frcrp", "2004-12-20", 7, "2004-12-30", "frcrp_45a_pre2009", id="old-christmas-observed"),
    # ...10 days: continue Fri Dec 31 (New Year's Day 2005 on Sat, observed Fri) skipped,
    # Sat Jan 1/Sun 2 skipped, Mon Jan 3=8 Tue 4=9 Wed 5=10
    pytest.param("frcrp", "2004-12-20", 10, "2005-01-05", "frcrp_45a_pre2009", id="old-new-year-observed"),
    # 11 days is not "less than 11": every day counts. Wed 2005-06-01 + 11 = Sun Jun 12 -> Mon 13
    pytest.param("frcrp", "2005-06-01", 11, "2005-06-13", "frcrp_45a_pre2009", id="old-11d-calendar"),
    # Pair across 2009-12-01, 7 days. Old: trigger Mon 2009-11-30; Tue Dec 1=1 ... Fri 4=4,
    # skip Sat 5/Sun 6, Mon 7=5 Tue 8=6 Wed 9=7
    pytest.param("frcrp", "2009-11-30", 7, "2009-12-09", "frcrp_45a_pre2009", id="pair-7d-old"),
    # New: Tue 2009-12-01 + 7 = Tue Dec 8 (every day counts, Tuesday is open)
    pytest.param("frcrp", "2009-12-01", 7, "2009-12-08", "frcrp_45a_2009", id="pair-7d-new"),
    # Pair, 10 days (FRAP). Old: Mon 2009-11-30; Dec 1..4 = 1..4, Mon 7..Fri 11 = 5..9, Mon 14=10
    pytest.param("frap", "2009-11-30", 10, "2009-12-14", "frap_26a_2002", id="pair-10d-old"),
    # New: Tue 2009-12-01 + 10 = Fri Dec 11
    pytest.param("frap", "2009-12-01", 10, "2009-12-11", "frap_26a_2009", id="pair-10d-new"),
    # New, 14 days: Tue 2009-12-01 + 14 = Tue Dec 15
    pytest.param("frap", "2009-12-01", 14, "2009-12-15", "frap_26a_2009", id="pair-14d-new"),
    # Last day a Saturday: Wed 2012-08-01 + 10 = Sat Aug 11 -> Sun 12 -> Mon Aug 13
    pytest.param("frcrp", "2012-08-01", 10, "2012-08-13", "frcrp_45a_2009", id="last-day-saturday"),
    # Last day a Sunday: Thu 2012-08-02 + 10 = Sun Aug 12 -> Mon Aug 13
    pytest.param("frcrp", "2012-08-02", 10, "2012-08-13", "frcrp_45a_2009", id="last-day-sunday"),
    # Last day a Monday holiday: Mon 2012-08-20 + 14 = Mon Sep 3 (Labor Day) -> Tue Sep 4
    pytest.param("frcrp", "2012-08-20", 14, "2012-09-04", "frcrp_45a_2009", id="last-day-labor-day"),
    # Saturday then Sunday then Labor Day: Wed 2012-08-22 + 10 = Sat Sep 1 -> Sun 2 -> Mon 3
    # (Labor Day) -> Tue Sep 4
    pytest.param("frcrp", "2012-08-22", 10, "2012-09-04", "frcrp_45a_2009", id="last-day-sat-then-holiday"),
    # Juneteenth 2021: Fri 2021-06-04 + 14 = Fri Jun 18 (Juneteenth on Sat, observed Fri)
    # -> Sat 19 -> Sun 20 -> Mon Jun 21
    pytest.param("frcrp", "2021-06-04", 14, "2021-06-21", "frcrp_45a_2009", id="juneteenth-2021-observed"),
    # Juneteenth did not exist in 2020: Fri 2020-06-05 + 14 = Fri Jun 19, an ordinary day
    pytest.param("frcrp", "2020-06-05", 14, "2020-06-19", "frcrp_45a_2009", id="juneteenth-2020-none"),
    # Juneteenth 2023 on a Monday: Mon 2023-06-05 + 14 = Mon Jun 19 -> Tue Jun 20
    pytest.param("frcrp", "2023-06-05", 14, "2023-06-20", "frcrp_45a_2009", id="juneteenth-2023-monday"),
    # 2010 regime check (new rule): Tue 2010-01-05 + 10 = Fri Jan 15
    pytest.param("frcrp", "2010-01-05", 10, "2010-01-15", "frcrp_45a_2009", id="2010-example-new-rule"),
    # Batista (2d Cir. 1994): FRAP before 2002, 10 days in calendar days:
    # Wed 1993-04-07 + 10 = Sat Apr 17 -> Sun 18 -> Mon Apr 19 (the date the court gives)
    pytest.param("frap", "1993-04-07", 10, "1993-04-19", "frap_26a_pre2002", id="batista-1993"),
    # Moshier (2d Cir. 2005): Mon 2002-04-29 + 10 calendar days = Thu May 9 (the date given)
    pytest.param("frap", "2002-04-29", 10, "2002-05-09", "frap_26a_pre2002", id="moshier-2002"),
    # Rodriguez (11th Cir. 2008): Fri 2005-12-09; Mon 12..Fri 16 = 1..5, Mon 19..Fri 23 = 6..10
    pytest.param("frap", "2005-12-09", 10, "2005-12-23", "frap_26a_2002", id="rodriguez-2005"),
]


@pytest.mark.parametrize("rules, trigger, days, expected, regime", COUNT_DAYS_ROWS)
def test_count_days(rules, trigger, days, expected, regime):
    result = count_days(D(trigger), days, rules=rules)
    assert result.ends_on == D(expected)
    assert result.regime == regime
    assert result.steps and result.flags == []


def test_law_facts_worked_example_under_the_old_rule():
    # law-facts §1d: 10-day period triggered Tue 2010-01-05 under the OLD rule:
    # Wed 6=1 Thu 7=2 Fri 8=3, skip Sat 9/Sun 10, Mon 11=4 ... Fri 15=8, skip Sat 16/Sun 17 and
    # Mon 18 (MLK Day), Tue 19=9 Wed 20=10 => Wed 2010-01-20
    assert count_days_old_rule(D("2010-01-05"), 10).ends_on == D("2010-01-20")


PRESIDENTIAL_ROWS = [
    # Old rule, Reagan day of mourning Fri 2004-06-11: trigger Mon 2004-06-07; Tue 8=1 Wed 9=2
    # Thu 10=3, Fri 11 skipped, Sat/Sun skipped, Mon 14=4 Tue 15=5 Wed 16=6 Thu 17=7.
    # Without the E.O. day: Fri 11=4, Mon 14=5, Tue 15=6, Wed 16=7.
    pytest.param("2004-06-07", 7, "2004-06-17", "2004-06-16", id="old-rule-reagan-2004"),
    # New rule, G.H.W. Bush day of mourning: Wed 2018-11-21 + 14 = Wed Dec 5 -> Thu Dec 6;
    # without the E.O. day the period ends Wed Dec 5
    pytest.param("2018-11-21", 14, "2018-12-06", "2018-12-05", id="new-rule-bush-2018"),
]


@pytest.mark.parametrize("trigger, days, expected, alternative", PRESIDENTIAL_ROWS)
def test_presidential_closure_day_is_flagged(trigger, days, expected, alternative):
    result = count_days(D(trigger), days)
    assert result.ends_on == D(expected)
    assert result.flags == ["presidential_closure_day_counted_as_holiday"]
    assert result.alternative_ends_on == D(alternative)


SUPREME_COURT_ROWS = [
    # Clay: CA7 judgment Mon 1998-11-23; Nov 30=7, Dec 31=38, Jan 31=69, Feb 21=90 (Sun)
    # -> Mon 1999-02-22 (Washington's Birthday 1999 was Mon Feb 15)
    pytest.param("1998-11-23", "1999-02-22", None, id="clay"),
    # Hurst: rehearing denied Tue 1999-02-16; Feb 28=12, Mar 31=43, Apr 30=73, May 17=90 (Mon)
    pytest.param("1999-02-16", "1999-05-17", None, id="hurst"),
    # Thanksgiving: Fri 2010-08-27; Aug 31=4, Sep 30=34, Oct 31=65, Nov 25=90 (Thanksgiving)
    # -> Fri 2010-11-26
    pytest.param("2010-08-27", "2010-11-26", None, id="thanksgiving-2010"),
    # Inauguration Day: Wed 2008-10-22; Oct 31=9, Nov 30=39, Dec 31=70, Jan 20=90 (Tue,
    # Inauguration Day, D.C. only) -> stays Tue 2009-01-20; if the Court was closed: Wed Jan 21
    pytest.param("2008-10-22", "2009-01-20", "2009-01-21", id="inauguration-2009"),
    # E.O. day: Thu 2018-09-06; Sep 30=24, Oct 31=55, Nov 30=85, Dec 5=90 (Wed, Bush mourning,
    # not a § 6103 day) -> Wed 2018-12-05; if the Court was closed: Thu Dec 6
    pytest.param("2018-09-06", "2018-12-05", "2018-12-06", id="bush-mourning-2018"),
]


@pytest.mark.parametrize("trigger, expected, alternative", SUPREME_COURT_ROWS)
def test_supreme_court_ninety_days(trigger, expected, alternative):
    result = count_days_supreme_court(D(trigger), 90)
    assert result.ends_on == D(expected)
    assert result.alternative_ends_on == (D(alternative) if alternative else None)


ONE_YEAR_ROWS = [
    # Clay: final Mon 1999-02-22 -> anniversary Tue 2000-02-22 (Clay's filing was timely)
    pytest.param("1999-02-22", "2000-02-22", None, id="clay"),
    # Hurst: final Mon 1999-05-17 -> Wed 2000-05-17 (Hurst's filing that day was timely)
    pytest.param("1999-05-17", "2000-05-17", None, id="hurst"),
    # Marcello (7th Cir. 2000): certiorari denied Mon 1997-12-01 -> Tue 1998-12-01
    pytest.param("1997-12-01", "1998-12-01", None, id="marcello"),
    # Seed 001: NOA period ended Mon 2003-07-07 -> Wed 2004-07-07
    pytest.param("2003-07-07", "2004-07-07", None, id="seed001"),
    # Anniversary on a Saturday: Fri 2005-12-23 -> Sat 2006-12-23 -> Sun 24 -> Mon 25
    # (Christmas) -> Tue 2006-12-26
    pytest.param("2005-12-23", "2006-12-26", None, id="saturday-then-christmas"),
    # Anniversary on a Monday holiday: 2012-11-11 -> Mon 2013-11-11 (Veterans Day) -> Tue 12
    pytest.param("2012-11-11", "2013-11-12", None, id="veterans-day-monday"),
    # Juneteenth 2023 (Mon): 2022-06-19 -> Mon 2023-06-19 -> Tue 2023-06-20
    pytest.param("2022-06-19", "2023-06-20", None, id="juneteenth-2023"),
    # No Juneteenth in 2020: Wed 2019-06-19 -> Fri 2020-06-19, an ordinary day
    pytest.param("2019-06-19", "2020-06-19", None, id="juneteenth-2020-none"),
    # Feb 29: Wed 2012-02-29 -> Thu 2013-02-28 (Feb 28 rule); Mar 1 reading: Fri 2013-03-01
    pytest.param("2012-02-29", "2013-02-28", "2013-03-01", id="feb29-weekday"),
    # Feb 29: Fri 2008-02-29 -> Sat 2009-02-28 -> Sun Mar 1 -> Mon Mar 2; the Mar 1 reading
    # (Sun) also rolls to Mon Mar 2, so no alternative
    pytest.param("2008-02-29", "2009-03-02", None, id="feb29-weekend-meets"),
    # E.O. day on the anniversary: Tue 2017-12-05 -> Wed 2018-12-05 (Bush mourning) -> Thu Dec 6;
    # without the E.O. day: Wed Dec 5
    pytest.param("2017-12-05", "2018-12-06", "2018-12-05", id="bush-mourning"),
]


@pytest.mark.parametrize("trigger, expected, alternative", ONE_YEAR_ROWS)
def test_one_year_after(trigger, expected, alternative):
    result = one_year_after(D(trigger))
    assert result.ends_on == D(expected)
    assert result.alternative_ends_on == (D(alternative) if alternative else None)


@pytest.mark.parametrize("start, years, expected", [
    ("2008-02-29", 1, "2009-02-28"),  # no Feb 29 in 2009 -> Feb 28
    ("2008-02-29", 4, "2012-02-29"),  # 2012 is a leap year
    ("2003-07-07", 1, "2004-07-07"),  # ordinary anniversary
    ("2004-02-29", -1, "2003-02-28"),  # backwards too
])
def test_add_years(start, years, expected):
    assert add_years(D(start), years) == D(expected)


@pytest.mark.parametrize("start, months, expected", [
    ("2003-01-31", 1, "2003-02-28"),  # Feb 2003 has 28 days
    ("2004-01-31", 1, "2004-02-29"),  # leap year
    ("2003-11-15", 3, "2004-02-15"),  # crosses the year
    ("2003-03-31", -1, "2003-02-28"),  # backwards, clamped
])
def test_add_months(start, months, expected):
    assert add_months(D(start), months) == D(expected)


def test_days_are_days_function_matches_rule_text():
    # Tue 2010-01-05 + 10 = Fri 2010-01-15 (no exclusions, Friday open)
    assert count_days_days_are_days(D("2010-01-05"), 10).ends_on == D("2010-01-15")


def test_refuses_dates_without_an_encoded_rule():
    with pytest.raises(ValueError):
        count_days(D("1985-07-31"), 10)  # before the 1985 Rule 45(a) text
    with pytest.raises(ValueError):
        count_days(D("1999-03-01"), 5, rules="frap")  # FRAP < 7 days before 2002: not encoded
    with pytest.raises(ValueError):
        count_days(D("2012-01-03"), 0)


@pytest.mark.parametrize("rules", ["frcrp", "frap"])
def test_regimes_have_no_gaps_or_overlaps(rules):
    day = D("1985-08-01")
    while day <= D("2031-01-01"):
        regime_for(day, rules)  # raises on zero or two regimes
        day += timedelta(days=1)
    windows = sorted((r.starts, r.ends) for r in REGIMES if r.rules == rules)
    for (_, end), (start, _) in zip(windows, windows[1:]):
        assert end == start


def test_a_date_before_every_regime_is_law_outside_the_encoded_period_not_a_crash():
    from fedrelief.engine import analyze
    from fedrelief.facts import case_from_data
    from fedrelief.law.kb import NoRuleInForce

    with pytest.raises(NoRuleInForce):
        regime_for(D("1985-07-31"), "frap")
    case = case_from_data({"format": 1, "as_of": "1986-03-01", "court": "ilnd", "appeal": "none",
                           "sentence": {"imposed_on": "1985-06-03", "imprisonment_months": 60},
                           "request": {"seeks": ["sentence_reduction"]}}).case
    a = analyze(case)
    assert a.avenue("appeal").status == "undetermined" and "law_outside_encoded_period" in a.warnings
