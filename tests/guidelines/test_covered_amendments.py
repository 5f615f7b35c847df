"""§ 1B1.10(d) covered amendments: the date covered differs from the date effective, parts, and
"unknown" where the listing date was not verified."""
from datetime import date, timedelta

import pytest

from fedrelief.guidelines import (
    CoverageUnknown,
    amendment,
    amendments_with_unknown_coverage,
    coverage,
    covered_amendments,
    is_covered,
)
from fedrelief.guidelines.amendments import covered_list

D = date

# The list read in the 2016 Manual § 1B1.10(d), plus 821 (Amendment 825, 2023-11-01).
LISTED = [126, 130, 156, 176, 269, 329, 341, 371, 379, 380, 433, 454, 461, 484, 488, 490, 499, 505,
          506, 516, 591, 599, 606, 657, 702, 706, 715, 750, 782, 821]


def test_the_list_is_exactly_the_2016_list_plus_821():
    assert sorted(covered_list().amendments) == LISTED


# One case on each side of every verified covered-from date.
@pytest.mark.parametrize(
    "number, part, day, covered",
    [
        (379, None, D(1991, 10, 31), False), (379, None, D(1991, 11, 1), True),   # Amendment 423
        (380, None, D(1991, 11, 1), True),
        (371, None, D(1994, 10, 31), False), (371, None, D(1994, 11, 1), True),   # Amendment 504
        (506, None, D(1994, 10, 31), False), (506, None, D(1994, 11, 1), True),
        (591, None, D(2000, 10, 31), False), (591, None, D(2000, 11, 1), True),   # Amendment 607
        (599, None, D(2000, 11, 1), True), (606, None, D(2000, 11, 1), True),
        (657, None, D(2003, 11, 4), False), (657, None, D(2003, 11, 5), True),    # Amendment 662
        (702, None, D(2007, 10, 31), False), (702, None, D(2007, 11, 1), True),   # Amendment 710, not 713
        (706, None, D(2007, 11, 1), False),   # effective that day, but not yet covered
        (706, None, D(2008, 3, 2), False), (706, None, D(2008, 3, 3), True),      # Amendment 713
        (715, None, D(2008, 4, 30), False), (715, None, D(2008, 5, 1), True),     # Amendment 716
        (750, "A", D(2011, 10, 31), False), (750, "A", D(2011, 11, 1), True),     # Amendment 759
        (750, "C", D(2011, 11, 1), True), (750, "Part C", D(2012, 1, 1), True),
        (750, "B", D(2012, 1, 1), False),     # only parts A and C are covered
        (782, None, D(2014, 10, 31), False), (782, None, D(2014, 11, 1), True),   # Amendment 788
        (821, "A", D(2023, 10, 31), False), (821, "A", D(2023, 11, 1), True),     # Amendment 825
        (821, "Part B, Subpart 1", D(2023, 11, 1), True), (821, "B1", D(2024, 2, 1), True),
        (821, "B-2", D(2024, 2, 1), False),   # subpart 2 is not covered
        (821, "C", D(2024, 2, 1), False),
        (794, None, D(2016, 1, 1), False),    # not listed (e.g. 10th Cir. Ramsey, 2017)
    ],
)
def test_covered_on_each_side_of_the_date(number, part, day, covered):
    assert is_covered(number, day, part) is covered
    assert coverage(number, day, part).covered is covered


def test_effective_and_covered_dates_differ():
    a706 = amendment(706)
    assert (a706.effective, a706.covered_from, a706.covered_by, a706.as_amended_by) == (
        D(2007, 11, 1), D(2008, 3, 3), (713,), (711,))
    a750 = amendment(750)
    assert (a750.effective, a750.covered_from, a750.covered_by, a750.parts) == (
        D(2011, 11, 1), D(2011, 11, 1), (759,), ("A", "C"))
    a782 = amendment(782)
    assert (a782.covered_from, a782.covered_by, a782.orders_not_before) == (D(2014, 11, 1), (788,), D(2015, 11, 1))
    a821 = amendment(821)
    assert (a821.covered_from, a821.covered_by, a821.orders_not_before, a821.parts) == (
        D(2023, 11, 1), (825,), D(2024, 2, 1), ("A", "B1"))


def test_order_effective_date_limits_are_reported():
    assert coverage(782, D(2015, 1, 1)).orders_not_before == D(2015, 11, 1)  # § 1B1.10(e)(1)
    assert "2015-11-01" in coverage(782, D(2015, 1, 1)).explanation
    assert coverage(821, D(2023, 12, 1), "A").orders_not_before == D(2024, 2, 1)  # § 1B1.10(e)(2)
    assert coverage(706, D(2009, 1, 1)).orders_not_before is None


@pytest.mark.parametrize(
    "number, part, day",
    [
        (126, None, D(1999, 12, 31)),   # listed at least from 2000-11-01; first listing date unverified
        (341, None, D(1990, 1, 1)),     # listed before 1991-11-01 (Amendment 423); earlier unknown
        (499, None, D(1993, 1, 1)),     # listed before 1994-11-01 (Amendment 504); earlier unknown
        (750, None, D(2012, 1, 1)),     # covered only in part: the part must be named
        (821, "B", D(2024, 3, 1)),      # part B has a covered and an uncovered subpart
        (794, None, D(2020, 1, 1)),     # list not checked for additions after 2016-11-01
    ],
)
def test_unknown_is_said_not_guessed(number, part, day):
    assert coverage(number, day, part).covered is None
    with pytest.raises(CoverageUnknown):
        is_covered(number, day, part)


@pytest.mark.parametrize(
    "number, day",
    [(126, D(2000, 11, 1)), (341, D(1991, 11, 1)), (499, D(1994, 11, 1)), (516, D(2000, 11, 1)),
     (505, D(2008, 1, 1))],
)
def test_unverified_numbers_are_covered_from_the_known_lower_bound(number, day):
    a = amendment(number)
    assert a.covered_from is None and a.covered_from_note == "unverified"
    assert is_covered(number, day)


def test_every_unverified_entry_is_marked_and_has_a_lower_bound():
    for a in covered_list().amendments.values():
        if a.covered_from is None:
            assert a.covered_from_note == "unverified", a.number
            assert a.known_listed_from is not None, a.number
            assert a.covered_by == (), a.number
        else:
            assert a.covered_by, a.number
        assert a.source


def test_covered_never_precedes_effective_where_both_are_known():
    for a in covered_list().amendments.values():
        if a.covered_from and a.effective:
            assert a.effective <= a.covered_from, a.number


def test_sweep_covered_status_never_goes_back():
    # From 1987-11-01 to 2030, month by month: once covered (or known covered), never uncovered,
    # and never "unknown" after being known.
    day, last = D(1987, 11, 1), {}
    while day < D(2030, 1, 1):
        for a in covered_list().amendments.values():
            state = a.covered_on(day)
            before = last.get(a.number)
            if before is True:
                assert state is True, (a.number, day)
            last[a.number] = state
        day += timedelta(days=30)


def test_covered_amendments_on_dates():
    numbers = lambda day: [a.number for a in covered_amendments(day)]  # noqa: E731
    assert numbers(D(2024, 3, 1)) == LISTED
    on_2008_03_03 = numbers(D(2008, 3, 3))
    assert 706 in on_2008_03_03 and 702 in on_2008_03_03 and 715 not in on_2008_03_03
    assert 750 not in on_2008_03_03 and 782 not in on_2008_03_03
    assert numbers(D(2014, 10, 31))[-1] == 750
    assert numbers(D(1991, 11, 1)) == [341, 379, 380]  # the rest are unknown that day, not "no"
    assert [a.number for a in amendments_with_unknown_coverage(D(1991, 11, 1))] == [
        126, 130, 156, 176, 269, 329, 433, 454, 461, 484, 488, 490, 499, 505, 516]
    assert amendments_with_unknown_coverage(D(2000, 11, 1)) == []


def test_authorities():
    assert coverage(782, D(2015, 1, 1)).authorities == ("ussg_1b1_10",)
    assert coverage(750, D(2012, 1, 1), "A").authorities == ("ussg_1b1_10", "ussg_amend_759")


def test_bad_part_text_refused():
    with pytest.raises(ValueError):
        coverage(821, D(2024, 3, 1), "??")


def test_711_is_covered_only_through_706():
    result = coverage(711, D(2009, 1, 1))
    assert result.covered is False and "706" in result.explanation
