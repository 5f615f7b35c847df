"""Legal holidays for computing time under Fed. R. Crim. P. 45(a) and Fed. R. App. P. 26(a).

What counts as a "legal holiday"
--------------------------------
* Former Rule 45(a) / FRAP 26(a) (before 2009-12-01) listed New Year's Day, Martin Luther King,
  Jr.'s Birthday, Washington's Birthday, Memorial Day, Independence Day, Labor Day, Columbus Day,
  Veterans Day, Thanksgiving Day, Christmas Day, and any other day appointed as a holiday by the
  President or Congress (or by the State where the court sits).
  Source: http://federalrulesofcivilprocedure.blogspot.com/2011/09/rule-6-of-frcp.html (former
  FRCP 6(a), which Rule 45(a) tracked); former FRAP 26(a)(4) text:
  https://www.law.cornell.edu/uscode/html/uscode28a/usc_sec_28a_00000026----000-_combined.html
* From 2009-12-01, Rule 45(a)(6) / FRAP 26(a)(6): the day set aside by statute for observing those
  holidays, any day declared a holiday by the President or Congress, and (forward periods) some
  State holidays. Source (FRAP 2009 note, "continues to include ... days that are declared a
  holiday by the President or Congress"):
  https://www.yumpu.com/en/document/view/65850181/federal-rules-of-appellate-procedure-2014-2015-2014a/98

The statutory days are the legal public holidays of 5 U.S.C. § 6103(a) (text quoted from
govinfo in a public repository; see `find_string` "Juneteenth National Independence Day, June 19").
A Saturday holiday is observed on the Friday before and a Sunday holiday on the Monday after
(5 U.S.C. § 6103(b); E.O. 11582). We take them from the `holidays` library (`holidays.US`,
category PUBLIC, observed days on) and keep only the names § 6103(a) lists; the tests check the
result against a table written by hand from the statute.

* Juneteenth: Juneteenth National Independence Day Act, signed and effective 2021-06-17; the
  2021 holiday (Sat 06-19) was observed Fri 2021-06-18. Verified:
  https://www.federaltimes.com/management/hr/2021/06/17/feds-get-juneteenth-holiday-on-friday/
* MLK Day: from 1986 (FRAP 26(a) 1986 amendment note adding it; yumpu page 93 of the FRAP
  2014-2015 print above). Columbus Day and the Monday holidays from 1971 (same page).
* Inauguration Day (5 U.S.C. § 6103(c)) is a holiday only for federal employees in the
  Washington, D.C. area, so it is NOT a national legal holiday here. `inauguration_day(year)`
  exists only so that Supreme Court Rule 30.1 computations can flag it (the Court sits in D.C.).

Days declared by the President (executive-order closures)
---------------------------------------------------------
`PRESIDENTIAL_CLOSURE_DAYS` lists whole-day closures of the executive departments that were
verified with the search tool (source URL on each row). They are treated as legal holidays, BUT
this is contested: Latham v. Dominick's Finer Foods, 149 F.3d 673 (7th Cir. 1998)
(https://case-law.vlex.com/vid/149-f-3d-673-596620038) read President Clinton's order closing
the executive branch on 1997-12-26 as NOT declaring a holiday (the day was excluded only because
the district court itself had closed). Each order says the day falls within E.O. 11582 and
5 U.S.C. § 6103(b) "insofar as they relate to the pay and leave of employees"
(e.g. https://www.gpo.gov/fdsys/pkg/FR-2012-12-28/html/2012-31225.htm). The period functions
therefore flag any result that depends on such a day and give the alternative date.

NOT verified / not included
---------------------------
* Half-day closings (2002-12-24, 2009-12-24, 2015-12-24 afternoons): not whole days; excluded.
* Christmas-week closures before 1986 and any other than those listed (e.g. 1980-12-26; a
  White House statement that workers were excused on Dec. 26 "eight straight times" since 1952
  when Christmas fell on a Thursday was not itemised) - not included.
* National days of mourning before 1994 (e.g. 1973 Johnson) - outside the supported range.
* State holidays (former rules; FRAP 26(a)(6)(C)) and days a particular court or clerk's office
  was closed or inaccessible (Rule 45(a)(3)) - not modelled; they can only lengthen a period.
* Whether each federal court actually closed on each executive-order day - not checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays as holidays_lib
from holidays.constants import PUBLIC

# Earliest year for which the statutory list below is vouched for (Uniform Monday Holiday Act
# dates apply from 1971). Earlier years are a loud error, not a silent guess.
FIRST_SUPPORTED_YEAR = 1971

# Names the `holidays` library uses for the § 6103(a) days, mapped to the statute's wording.
_STATUTORY_NAMES = {
    "New Year's Day": "New Year's Day",
    "Martin Luther King Jr. Day": "Birthday of Martin Luther King, Jr.",
    "Washington's Birthday": "Washington's Birthday",
    "Memorial Day": "Memorial Day",
    "Juneteenth National Independence Day": "Juneteenth National Independence Day",
    "Independence Day": "Independence Day",
    "Labor Day": "Labor Day",
    "Columbus Day": "Columbus Day",
    "Veterans Day": "Veterans Day",
    "Thanksgiving Day": "Thanksgiving Day",
    "Christmas Day": "Christmas Day",
}
_OBSERVED_SUFFIX = " (observed)"

# 5 U.S.C. § 6103(a) as amended by the Juneteenth National Independence Day Act (2021-06-17).
JUNETEENTH_ENACTED_ON = date(2021, 6, 17)
# MLK Day first observed in 1986 (see module docstring).
MLK_DAY_FIRST_YEAR = 1986


@dataclass(frozen=True)
class PresidentialClosure:
    """A whole day on which the President closed the executive departments."""

    name: str
    authority: str
    source_url: str


# Each row verified with the search tool; the comment says what the source shows.
PRESIDENTIAL_CLOSURE_DAYS: dict[date, PresidentialClosure] = {
    # E.O. 12577 text (Reagan Library).
    date(1986, 12, 26): PresidentialClosure(
        "Day after Christmas (E.O. closure)", "E.O. 12577",
        "https://www.reaganlibrary.gov/sites/default/files/archives/speeches/1986/122286e.htm"),
    # Nixon funeral; secondary: case summary of Mitchell v. City of Wheeling (W. Va. 1998).
    date(1994, 4, 27): PresidentialClosure(
        "Day of mourning for former President Nixon (E.O. closure)", "E.O. 12910",
        "https://www.studicata.com/summaries/supreme-court-of-west-virginia/mitchell-v-city-of-wheeling-1998-65youv"),
    # Latham (7th Cir. 1998) states the order; it also held the order declared no holiday.
    date(1997, 12, 26): PresidentialClosure(
        "Day after Christmas (E.O. closure; see Latham)", "Executive order of President Clinton",
        "https://case-law.vlex.com/vid/149-f-3d-673-596620038"),
    # Govexec 2003 report: 2001 order (Dec. 6) gave a full day off on Christmas Eve.
    date(2001, 12, 24): PresidentialClosure(
        "Christmas Eve (E.O. closure)", "E.O. 13238",
        "http://www.govexec.com/pay-benefits/2003/12/president-gives-federal-employees-extra-christmas-holiday/15561/"),
    date(2003, 12, 26): PresidentialClosure(
        "Day after Christmas (E.O. closure)", "E.O. 13320",
        "http://www.govexec.com/pay-benefits/2003/12/president-gives-federal-employees-extra-christmas-holiday/15561/"),
    date(2004, 6, 11): PresidentialClosure(
        "National Day of Mourning for former President Reagan (E.O. closure)", "E.O. 13343",
        "https://govexec.com/pay-benefits/2004/06/president-bush-orders-agencies-closed-friday-for-day-of-mourning/16857"),
    date(2007, 1, 2): PresidentialClosure(
        "National Day of Mourning for former President Ford (E.O. closure)", "E.O. 13421",
        "https://www.fedsmith.com/2006/12/29/federal-offices-closed-tuesday-honor-gerald/"),
    # 3 CFR 2007 Compilation p. 315 (text of E.O. 13453).
    date(2007, 12, 24): PresidentialClosure(
        "Christmas Eve (E.O. closure)", "E.O. 13453",
        "https://en.wikisource.org/wiki/Page:Title_3_CFR_2007_Compilation.djvu/315"),
    date(2008, 12, 26): PresidentialClosure(
        "Day after Christmas (E.O. closure)", "E.O. 13482",
        "https://www.fedsmith.com/2008/12/12/president-gives-feds-another-holiday-2008/"),
    # Federal Register text.
    date(2012, 12, 24): PresidentialClosure(
        "Christmas Eve (E.O. closure)", "E.O. 13633",
        "https://www.gpo.gov/fdsys/pkg/FR-2012-12-28/html/2012-31225.htm"),
    # News report quoting the order (secondary).
    date(2014, 12, 26): PresidentialClosure(
        "Day after Christmas (E.O. closure)", "E.O. 13682",
        "http://www.breaking911.com/pres-obama-signs-executive-order-declaring-december-26-a-holiday/"),
    date(2018, 12, 5): PresidentialClosure(
        "National Day of Mourning for former President George H. W. Bush (E.O. closure)",
        "E.O. 13852",
        "https://www.businessinsider.com/trump-ordered-the-government-closed-december-5-for-george-hw-bush-2018-12"),
    # Federal Register text of E.O. 13854.
    date(2018, 12, 24): PresidentialClosure(
        "Christmas Eve (E.O. closure)", "E.O. 13854",
        "https://regulations.vlex.com/vid/providing-for-the-closing-774576449"),
    date(2019, 12, 24): PresidentialClosure(
        "Christmas Eve (E.O. closure)", "E.O. 13900",
        "https://federal-newsgroup.blogspot.com/2019/12/executive-order-on-providing-for.html"),
    # News report quoting the order (secondary).
    date(2020, 12, 24): PresidentialClosure(
        "Christmas Eve (E.O. closure)", "E.O. 13965",
        "https://theepochtimes.com/president-trump-makes-christmas-eve-a-federal-holiday-except-for-certain-employees_3617589.html"),
    date(2024, 12, 24): PresidentialClosure(
        "Christmas Eve (E.O. closure)", "E.O. 14129",
        "https://www.meritalk.com/articles/santa-joe-biden-feds-taking-off-dec-24/"),
    date(2025, 1, 9): PresidentialClosure(
        "National Day of Mourning for former President Carter (E.O. closure)", "E.O. 14133",
        "https://federalnewsnetwork.com/management/2024/12/biden-to-close-federal-agencies-on-jan-9-to-honor-carters-legacy/"),
    # News report quoting the order (secondary): Wednesday Dec 24 and Friday Dec 26, 2025.
    date(2025, 12, 24): PresidentialClosure(
        "Christmas Eve (E.O. closure)", "Executive order of 2025-12-18",
        "https://theindiaprint.com/?p=1651700"),
    date(2025, 12, 26): PresidentialClosure(
        "Day after Christmas (E.O. closure)", "Executive order of 2025-12-18",
        "https://theindiaprint.com/?p=1651700"),
}


def _check_year(year: int) -> None:
    if year < FIRST_SUPPORTED_YEAR:
        raise ValueError(
            f"no legal-holiday table encoded for {year} (supported from {FIRST_SUPPORTED_YEAR})")


@lru_cache(maxsize=None)
def _statutory_holidays(year: int) -> tuple[tuple[date, str], ...]:
    _check_year(year)
    table = holidays_lib.US(years=year, categories=(PUBLIC,), observed=True)
    kept: list[tuple[date, str]] = []
    for day, label in sorted(table.items()):
        names: list[str] = []
        for part in label.split("; "):
            observed = part.endswith(_OBSERVED_SUFFIX)
            base = part[: -len(_OBSERVED_SUFFIX)] if observed else part
            if base not in _STATUTORY_NAMES:
                continue  # not a § 6103(a) day (the library may add others): never a legal holiday
            statute_name = _STATUTORY_NAMES[base]
            names.append(statute_name + (_OBSERVED_SUFFIX if observed else ""))
        if names:
            kept.append((day, "; ".join(names)))
    # Every § 6103(a) day in force that year must be there: a renamed entry in a new library
    # release must fail loudly, not silently drop a holiday.
    expected = set(_STATUTORY_NAMES.values())
    if year < MLK_DAY_FIRST_YEAR:
        expected.discard("Birthday of Martin Luther King, Jr.")
    if year < JUNETEENTH_ENACTED_ON.year:
        expected.discard("Juneteenth National Independence Day")
    found = {part.removesuffix(_OBSERVED_SUFFIX) for _, name in kept for part in name.split("; ")}
    if found != expected:
        raise RuntimeError(f"holidays library table for {year} does not match § 6103(a): "
                           f"missing {sorted(expected - found)}, extra {sorted(found - expected)}")
    # The statute's own start dates, enforced here rather than trusted to the library.
    for day, name in kept:
        if "Juneteenth" in name and day < JUNETEENTH_ENACTED_ON:
            raise AssertionError(f"Juneteenth before enactment: {day}")
        if "Martin Luther King" in name and day.year < MLK_DAY_FIRST_YEAR:
            raise AssertionError(f"MLK Day before 1986: {day}")
    return tuple(kept)


def statutory_holidays(year: int) -> dict[date, str]:
    """5 U.S.C. § 6103(a) holidays falling in `year`, with observed Friday/Monday days.

    Includes the actual date even when it is a weekend (harmless: weekends never count), and the
    observed day in the year it falls (New Year's Day on a Saturday is observed Dec 31 before).
    """
    return dict(_statutory_holidays(year))


def presidential_closure_days(year: int) -> dict[date, str]:
    """Verified whole-day executive-order closures in `year` (see module docstring)."""
    _check_year(year)
    return {d: c.name for d, c in PRESIDENTIAL_CLOSURE_DAYS.items() if d.year == year}


def legal_holidays(year: int) -> dict[date, str]:
    """Legal holidays for Rule 45(a) / FRAP 26(a): § 6103(a) days (observed) + presidential days."""
    days = statutory_holidays(year)
    for day, name in presidential_closure_days(year).items():
        days[day] = f"{days[day]}; {name}" if day in days else name
    return dict(sorted(days.items()))


def is_weekend(d: date) -> bool:
    return d.weekday() >= 5


def is_statutory_holiday(d: date) -> bool:
    return d in statutory_holidays(d.year)


def is_presidential_closure_day(d: date) -> bool:
    return d in PRESIDENTIAL_CLOSURE_DAYS


def is_legal_holiday(d: date) -> bool:
    """True for a § 6103(a) day (or its observed day) or a verified presidential closure day."""
    return is_statutory_holiday(d) or is_presidential_closure_day(d)


def is_court_closed_day(d: date) -> bool:
    """Saturday, Sunday or legal holiday: a day on which a period may not end (Rule 45(a))."""
    return is_weekend(d) or is_legal_holiday(d)


def inauguration_day(year: int) -> date | None:
    """5 U.S.C. § 6103(c): Jan 20 of each fourth year after 1965 (D.C.-area employees only).

    If Jan 20 is a Sunday the next day is the holiday. (Secondary source for the D.C.-only scope:
    a public repository's comment found with `find_string`; the Sunday rule is from memory.)
    """
    if year < 1969 or (year - 1969) % 4:
        return None
    day = date(year, 1, 20)
    return day + timedelta(days=1) if day.weekday() == 6 else day
