"""Finality for 28 U.S.C. § 2255(f)(1), the FRAP 4(b) period and the one-year limitation.
Expected dates counted by hand; the arithmetic is in each row's comment."""

from dataclasses import dataclass
from datetime import date

import pytest

from fedrelief.calendar.finality import (
    judgment_final_on,
    limitation_2255_f1,
    notice_of_appeal_period,
)

D = date.fromisoformat


@dataclass
class Appeal:
    filed_on: date | None = None
    decided_on: date | None = None
    certiorari_denied_on: date | None = None
    result: str | None = None


NO_APPEAL_ROWS = [
    # Seed 001: judgment Fri 2003-06-20, 10 days under FRAP 26(a) (2002 text, business days):
    # Mon 23..Fri 27 = 1..5, Mon 30=6, Tue Jul 1=7, Wed 2=8, Thu 3=9, Fri 4 (Independence Day)
    # skipped, Sat 5/Sun 6 skipped, Mon Jul 7=10. Calendar reading: Jun 20 + 10 = Mon Jun 30.
    pytest.param("2003-06-20", "2003-07-07", "2003-06-30", "frap_4b_1998",
                 ["old_rule_calendar_day_counting_split"], id="seed001"),
    # Moshier: judgment Mon 2002-04-29, before the 2002 FRAP amendment: calendar days,
    # Apr 29 + 10 = Thu May 9 (Moshier's date). Business-day reading: Apr 30=1, May 1=2, 2=3,
    # 3=4, 6=5, 7=6, 8=7, 9=8, 10=9, Mon 13=10.
    pytest.param("2002-04-29", "2002-05-09", "2002-05-13", "frap_4b_1998",
                 ["frap_26a_pre2002_business_day_reading"], id="moshier"),
    # Batista: Wed 1993-04-07 + 10 = Sat Apr 17 -> Mon Apr 19. Business-day reading: Thu 8=1,
    # Fri 9=2, Mon 12..Fri 16 = 3..7, Mon 19=8, Tue 20=9, Wed 21=10.
    pytest.param("1993-04-07", "1993-04-19", "1993-04-21", "frap_4b_1998",
                 ["frap_26a_pre2002_business_day_reading"], id="batista"),
    # Rodriguez: Fri 2005-12-09; Mon 12..Fri 16 = 1..5, Mon 19..Fri 23 = 6..10 -> Fri Dec 23.
    # Calendar reading: Dec 9 + 10 = Mon Dec 19.
    pytest.param("2005-12-09", "2005-12-23", "2005-12-19", "frap_4b_1998",
                 ["old_rule_calendar_day_counting_split"], id="rodriguez"),
    # Thanksgiving: Fri 2007-11-16; Mon 19=1 Tue 20=2 Wed 21=3, Thu 22 Thanksgiving skipped,
    # Fri 23=4, Mon 26..Fri 30 = 5..9, Mon Dec 3=10. Calendar reading: Nov 16 + 10 = Mon Nov 26.
    pytest.param("2007-11-16", "2007-12-03", "2007-11-26", "frap_4b_1998",
                 ["old_rule_calendar_day_counting_split"], id="thanksgiving-2007"),
    # Pair across the 2002-12-01 FRAP amendment. Before: Fri 2002-11-29 + 10 calendar days =
    # Mon Dec 9. Business-day reading: Mon Dec 2..Fri 6 = 1..5, Mon 9..Fri 13 = 6..10.
    pytest.param("2002-11-29", "2002-12-09", "2002-12-13", "frap_4b_1998",
                 ["frap_26a_pre2002_business_day_reading"], id="pair-2002-before"),
    # After: Mon 2002-12-02; Tue 3..Fri 6 = 1..4, Mon 9..Fri 13 = 5..9, Mon 16=10.
    # Calendar reading: Dec 2 + 10 = Thu Dec 12.
    pytest.param("2002-12-02", "2002-12-16", "2002-12-12", "frap_4b_1998",
                 ["old_rule_calendar_day_counting_split"], id="pair-2002-after"),
    # Pair across 2009-12-01. Old: Mon 2009-11-30; Dec 1..4 = 1..4, Mon 7..Fri 11 = 5..9,
    # Mon 14=10. Calendar reading: Nov 30 + 10 = Thu Dec 10.
    pytest.param("2009-11-30", "2009-12-14", "2009-12-10", "frap_4b_1998",
                 ["old_rule_calendar_day_counting_split"], id="pair-old"),
    # New: Tue 2009-12-01 + 14 = Tue Dec 15
    pytest.param("2009-12-01", "2009-12-15", None, "frap_4b_2009", [], id="pair-new"),
    # New rule, last day MLK Day: Mon 2010-01-04 + 14 = Mon Jan 18 (MLK Day) -> Tue Jan 19
    pytest.param("2010-01-04", "2010-01-19", None, "frap_4b_2009", [], id="mlk-2010"),
    # New rule, Carter day of mourning: Thu 2024-12-26 + 14 = Thu 2025-01-09 (E.O. closure)
    # -> Fri Jan 10; if the E.O. day is no holiday: Thu Jan 9
    pytest.param("2024-12-26", "2025-01-10", "2025-01-09", "frap_4b_2009",
                 ["presidential_closure_day_counted_as_holiday"], id="carter-2025"),
    # Old rule, Ford day of mourning: Fri 2006-12-29; Mon Jan 1 (New Year) and Tue Jan 2 (Ford,
    # E.O.) skipped, Wed 3=1 Thu 4=2 Fri 5=3, Mon 8..Fri 12 = 4..8, Mon 15 (MLK) skipped,
    # Tue 16=9 Wed 17=10. Calendar reading: Dec 29 + 10 = Mon Jan 8 (first alternative);
    # without the E.O. day: Tue 2=1 ... Fri 12=9, Tue 16=10.
    pytest.param("2006-12-29", "2007-01-17", "2007-01-08", "frap_4b_1998",
                 ["old_rule_calendar_day_counting_split",
                  "presidential_closure_day_counted_as_holiday"], id="ford-2007"),
]


@pytest.mark.parametrize("entered, final, alternative, rule_id, flags", NO_APPEAL_ROWS)
def test_no_appeal_final_when_time_to_appeal_ran_out(entered, final, alternative, rule_id, flags):
    finality = judgment_final_on(D(entered), None)
    assert finality.final_on == D(final)
    assert finality.basis == "no_appeal"
    assert finality.authorities == [rule_id, "sanchez_castellano_2004"]
    assert finality.flags == flags
    assert finality.alternative_final_on == (D(alternative) if alternative else None)
    assert notice_of_appeal_period(D(entered)).ends_on == D(final)


def test_ford_2007_keeps_both_alternatives():
    # see the ford-2007 row: calendar reading Mon Jan 8; ignoring the E.O. day: Tue Jan 16
    finality = judgment_final_on(D("2006-12-29"), None)
    assert finality.alternatives == {
        "old_rule_calendar_day_counting_split": D("2007-01-08"),
        "presidential_closure_day_counted_as_holiday": D("2007-01-16"),
    }


APPEAL_ROWS = [
    # Clay: CA7 affirmed Mon 1998-11-23; 90th day Sun 1999-02-21 -> Mon 1999-02-22 (S. Ct. R. 30.1)
    pytest.param(Appeal(D("1998-01-20"), D("1998-11-23"), None, "affirmed"), "1999-02-22",
                 "appeal_no_certiorari", ["clay_2003", "supct_rule_13"], [], id="clay"),
    # Hurst: rehearing denied Tue 1999-02-16 (passed as decided_on); 90th day Mon 1999-05-17
    pytest.param(Appeal(D("1997-10-01"), D("1999-02-16"), None, None), "1999-05-17",
                 "appeal_no_certiorari", ["clay_2003", "supct_rule_13"], [], id="hurst"),
    # Marcello: certiorari denied Mon 1997-12-01 -> final that day
    pytest.param(Appeal(D("1996-06-01"), D("1997-07-01"), D("1997-12-01"), "affirmed"),
                 "1997-12-01", "certiorari_denied", ["clay_2003"], [], id="marcello"),
    # Inauguration Day: decided Wed 2008-10-22; 90th day Tue 2009-01-20, not a § 6103(a) day
    pytest.param(Appeal(D("2008-01-10"), D("2008-10-22"), None, "affirmed"), "2009-01-20",
                 "appeal_no_certiorari", ["clay_2003", "supct_rule_13"],
                 ["supct_closure_day_unsettled"], id="inauguration"),
    # Dismissed appeal: computed like Clay but flagged. Thu 2018-09-06 + 90 = Wed 2018-12-05
    # (E.O. day, not a § 6103 day) -> Wed 2018-12-05, second flag for the Court closure question
    pytest.param(Appeal(D("2018-01-05"), D("2018-09-06"), None, "dismissed"), "2018-12-05",
                 "appeal_no_certiorari", ["clay_2003", "supct_rule_13"],
                 ["appeal_dismissed_finality_unsettled", "supct_closure_day_unsettled"],
                 id="dismissed"),
    # Pending: filed, not decided -> no finality date
    pytest.param(Appeal(D("2024-03-01"), None, None, None), None, "appeal_pending",
                 ["clay_2003"], [], id="pending"),
    # Vacated and remanded: finality runs from the new judgment
    pytest.param(Appeal(D("2014-01-02"), D("2015-05-01"), None, "Vacated"), None, "remanded",
                 ["clay_2003"], [], id="remanded"),
    # An appeal with no dates at all: a missing fact, not a guess
    pytest.param(Appeal(), None, "appeal_dates_unknown", [], ["missing_fact"], id="no-dates"),
]


@pytest.mark.parametrize("appeal, final, basis, authorities, flags", APPEAL_ROWS)
def test_finality_after_an_appeal(appeal, final, basis, authorities, flags):
    # judgment entered the day the notice of appeal was filed (or any early date if unknown)
    entered = appeal.filed_on or D("1993-01-04")
    finality = judgment_final_on(entered, appeal)
    assert finality.final_on == (D(final) if final else None)
    assert finality.basis == basis
    assert finality.authorities == authorities
    assert finality.flags == flags


def test_inauguration_day_alternative():
    # Tue 2009-01-20 is Inauguration Day (D.C. only); if the Court was closed: Wed Jan 21
    finality = judgment_final_on(D("2008-01-02"), Appeal(D("2008-01-10"), D("2008-10-22")))
    assert finality.alternative_final_on == D("2009-01-21")


LIMITATION_ROWS = [
    # Seed 001: final Mon 2003-07-07 -> Wed 2004-07-07
    pytest.param("2003-07-07", "2004-07-07", id="seed001"),
    # Clay: final Mon 1999-02-22 -> Tue 2000-02-22 (Clay's motion that day was timely)
    pytest.param("1999-02-22", "2000-02-22", id="clay"),
    # Hurst: final Mon 1999-05-17 -> Wed 2000-05-17
    pytest.param("1999-05-17", "2000-05-17", id="hurst"),
    # Rodriguez: final Fri 2005-12-23 -> Sat 2006-12-23 -> Sun 24 -> Mon 25 (Christmas) -> Tue 26
    pytest.param("2005-12-23", "2006-12-26", id="rodriguez-weekend-christmas"),
    # Moshier: final Thu 2002-05-09 -> Fri 2003-05-09
    pytest.param("2002-05-09", "2003-05-09", id="moshier"),
]


@pytest.mark.parametrize("final, expected", LIMITATION_ROWS)
def test_limitation_2255_f1(final, expected):
    result = limitation_2255_f1(D(final))
    assert result.ends_on == D(expected)
    assert result.steps[0].startswith("28 U.S.C. § 2255(f)(1)")


def test_seed_001_end_to_end():
    # Fri 2003-06-20 sentence = judgment; no appeal -> final Mon 2003-07-07 -> year ends
    # Wed 2004-07-07; long expired by the 2006-03-24 order
    finality = judgment_final_on(D("2003-06-20"), None)
    assert limitation_2255_f1(finality.final_on).ends_on == D("2004-07-07")
    # calendar-day reading: final Mon 2003-06-30 -> Wed 2004-06-30
    assert limitation_2255_f1(finality.alternative_final_on).ends_on == D("2004-06-30")


def test_inconsistent_dates_are_errors():
    with pytest.raises(ValueError):
        judgment_final_on(D("2010-05-03"), Appeal(D("2010-05-10"), D("2010-01-04")))
    with pytest.raises(ValueError):
        judgment_final_on(D("2010-05-03"), Appeal(D("2010-05-10"), D("2011-02-01"),
                                                  D("2011-01-03")))
    with pytest.raises(ValueError):
        judgment_final_on(D("1984-05-01"), None)  # no counting rule encoded before 1985-08-01
