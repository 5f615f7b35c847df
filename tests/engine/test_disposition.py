"""Choosing the disposition from the vehicles' results (engine/disposition.py)."""
import pytest

from fedrelief.engine.disposition import choose_disposition
from fedrelief.engine.result import AvenueResult, Reason


def av(ident, status, *codes, forum="this_court", to_show=()):
    return AvenueResult(ident, ident, status, forum, "relief", tuple(Reason(c, c) for c in codes), to_show=to_show)


@pytest.mark.parametrize("results,vehicles,expected", [
    # every vehicle closed on the merits of the law: deny
    ((av("s3582c2", "unavailable", "amendment_not_covered"),), ("s3582c2",), "deny"),
    # closed only by threshold bars courts dismiss on
    ((av("s2255", "unavailable", "time_limit_expired"),), ("s2255",), "dismiss"),
    ((av("s2241", "unavailable", "wrong_forum"),), ("s2241",), "dismiss"),
    # an unauthorized successive § 2255 goes to the court of appeals
    ((av("s2255", "unavailable", "successive_without_authorization", forum="court_of_appeals"),), ("s2255",), "transfer"),
    # open, but the judge's discretion decides
    ((av("s3582c2", "available", "eligible", "discretion_remains"),), ("s3582c2",), "undetermined"),
    # open with something still to show
    ((av("rule36", "available", "eligible", to_show=("the pronounced sentence",)),), ("rule36",), "undetermined"),
    # open, nothing to weigh and nothing to show: grant
    ((av("s3607c", "available", "eligible"),), ("s3607c",), "grant"),
    # one vehicle gives the relief as of right: grant, though another vehicle lacks a fact
    # (spencer_2007: a restitution split corrected under Rule 36; § 2255 would need custody)
    ((av("rule36", "available", "eligible"), av("s2255", "undetermined", "missing_fact")),
     ("rule36", "s2255"), "grant"),
    # ... but not when that vehicle still leaves something to weigh
    ((av("rule36", "available", "eligible", "discretion_remains"), av("s2255", "undetermined", "missing_fact")),
     ("rule36", "s2255"), "undetermined"),
    # a missing fact in any vehicle: undetermined
    ((av("rule35a", "undetermined", "missing_fact"), av("s3582c2", "unavailable", "no_guideline_amendment")),
     ("rule35a", "s3582c2"), "undetermined"),
    # no recognized vehicle at all
    ((av("s2255", "unavailable", "not_in_custody"),), (), "undetermined"),
])
def test_choose_disposition(results, vehicles, expected):
    assert choose_disposition(results, vehicles) == expected
