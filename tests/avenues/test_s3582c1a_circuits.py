"""§ 3582(c)(1)(A), 2018-12-21 .. 2023-11-01: whether the pre-2023 U.S.S.G. § 1B1.13 bound a motion the
defendant filed. Each circuit's deciding case (src/fedrelief/law/authorities/issue3_compassionate_circuits.yaml,
plus long_2021 and bryant_2021) applies from its decision date; the day before, the circuit's position is
not encoded and fedrelief warns. The Eighth Circuit stays unencoded (no holding verified)."""
import pytest

from . import build, cited_ids, run

WARNING = "circuit_position_not_encoded:old_1b1_13"
NOT_BINDING = "old_1b1_13_not_binding_on_defendant_motions"

BASE = {  # a defendant's own motion, administrative remedies fully exhausted
    "format": 1, "court": "ohnd", "as_of": "2022-03-01",
    "sentence": {"imposed_on": "2015-06-01", "imprisonment_months": 120},
    "custody": {"status": "imprisoned"},
    "administrative": {"fully_exhausted": True},
    "request": {"filed_on": "2022-03-01", "seeks": ["compassionate_release"],
                "invokes": ["18 U.S.C. § 3582(c)(1)(A)"], "grounds": [{"extraordinary_and_compelling": ["medical"]}]},
}


def motion(court, on):
    return run("s3582c1a", build(BASE, court=court, as_of=on, request__filed_on=on))


def circuit_reason(res):
    """The reason that states the circuit's view of the old policy statement, if any."""
    found = [r for r in res.reasons if "pre-2023 policy statement" in r.text]
    assert len(found) <= 1
    return found[0] if found else None


# (district, the deciding case, its decision date, the day before)
DECIDED = [
    ("mad", "ruvalcaba_2022", "2022-02-15", "2022-02-14"),   # 1st Cir.
    ("vtd", "brooker_2020", "2020-09-25", "2020-09-24"),     # 2d Cir.
    ("paed", "andrews_2021", "2021-08-30", "2021-08-29"),    # 3d Cir.
    ("mdd", "mccoy_2020", "2020-12-02", "2020-12-01"),       # 4th Cir.
    ("txed", "shkambi_2021", "2021-04-07", "2021-04-06"),    # 5th Cir.
    ("ohnd", "jones_2020", "2020-11-20", "2020-11-19"),      # 6th Cir.
    ("ilcd", "gunn_2020", "2020-11-20", "2020-11-19"),       # 7th Cir.
    ("hid", "aruda_2021", "2021-04-08", "2021-04-07"),       # 9th Cir.
    ("oknd", "mcgee_2021", "2021-03-29", "2021-03-28"),      # 10th Cir.
    ("dcd", "long_2021", "2021-05-18", "2021-05-17"),        # D.C. Cir. (already encoded)
]


@pytest.mark.parametrize("court, authority, decided, day_before", DECIDED, ids=[d[1] for d in DECIDED])
def test_not_binding_from_the_circuits_decision_on(court, authority, decided, day_before):
    res, analysis = motion(court, decided)
    assert res.status == "undetermined" and res.codes[0] == "eligible"
    reason = circuit_reason(res)
    assert reason is not None and reason.code == "discretion_remains"
    assert "did not bind a defendant's own motion" in reason.text
    assert authority in {c.id for c in reason.authorities}
    assert all(c.weight == "binding" for c in reason.authorities)
    assert WARNING not in analysis.warnings


@pytest.mark.parametrize("court, authority, decided, day_before", DECIDED, ids=[d[1] for d in DECIDED])
def test_not_encoded_the_day_before(court, authority, decided, day_before):
    res, analysis = motion(court, day_before)
    assert res.status == "undetermined"
    assert circuit_reason(res) is None
    assert authority not in cited_ids(res)
    assert WARNING in analysis.warnings


def test_only_the_circuits_own_cases_are_cited():
    res, _ = motion("vtd", "2022-03-01")
    ours = {c.id for c in circuit_reason(res).authorities}
    assert ours == {"brooker_2020"}


@pytest.mark.parametrize("on, expected", [
    ("2020-11-20", {"jones_2020"}),                  # Jones alone
    ("2021-01-05", {"jones_2020"}),
    ("2021-01-06", {"jones_2020", "elias_2021"}),    # Elias follows Jones
])
def test_sixth_circuit_jones_then_elias(on, expected):
    res, _ = motion("ohnd", on)
    assert {c.id for c in circuit_reason(res).authorities} == expected


@pytest.mark.parametrize("on, expected", [
    ("2021-03-29", {"mcgee_2021"}),
    ("2021-03-31", {"mcgee_2021"}),
    ("2021-04-01", {"mcgee_2021", "maumau_2021"}),   # D. Utah, the district Maumau came from
])
def test_tenth_circuit_mcgee_then_maumau(on, expected):
    res, _ = motion("utd", on)
    assert {c.id for c in circuit_reason(res).authorities} == expected


def test_eleventh_circuit_still_binding_after_bryant():
    res, analysis = motion("flsd", "2021-05-07")
    reason = circuit_reason(res)
    assert "bound defendant-filed motions" in reason.text and "bryant_2021" in {c.id for c in reason.authorities}
    assert WARNING not in analysis.warnings


def test_eighth_circuit_is_not_encoded():
    res, analysis = motion("mnd", "2022-06-01")
    assert circuit_reason(res) is None
    assert WARNING in analysis.warnings
    assert not {"brooker_2020", "mccoy_2020", "jones_2020", "gunn_2020"} & cited_ids(res)


@pytest.mark.parametrize("court", ["ohnd", "mnd", "flsd"])
def test_from_2023_11_01_the_amended_policy_statement_governs_everywhere(court):
    res, analysis = motion(court, "2023-11-01")
    assert circuit_reason(res) is None and "ussg_1b1_13_2023" in cited_ids(res)
    assert WARNING not in analysis.warnings
    assert not {"jones_2020", "elias_2021", "bryant_2021"} & cited_ids(res)
