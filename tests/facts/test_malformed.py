"""Malformed and contradictory case files: each gives a one-line message naming the dotted path,
exit status 2, and no traceback. Every problem in a file is reported, not only the first."""
import subprocess
import sys
import textwrap

import pytest

from ..conftest import run_cli

BASE = """
format: 1
as_of: 2020-01-01
court: mnd
sentence:
  imposed_on: 2015-03-02
  imprisonment_months: 120
request:
  filed_on: 2019-06-01
  seeks: [sentence_reduction]
"""

# (id, yaml text, dotted path the message must name, words the message must contain)
CASES = [
    ("missing format", "court: mnd\nrequest: {seeks: []}", "format", "required"),
    ("wrong format number", BASE.replace("format: 1", "format: 2"), "format", "1"),
    ("missing court", BASE.replace("court: mnd", ""), "court", "required"),
    ("missing request", BASE.split("request:")[0], "request", "required"),
    ("as_of not a date", BASE.replace("as_of: 2020-01-01", "as_of: yesterday"), "as_of", "YYYY-MM-DD"),
    ("US-style date", BASE.replace("imposed_on: 2015-03-02", "imposed_on: 03/02/2015"), "sentence.imposed_on", "YYYY-MM-DD"),
    ("impossible date", BASE.replace("imposed_on: 2015-03-02", "imposed_on: '2015-02-30'"), "sentence.imposed_on", "calendar"),
    ("months not a number", BASE.replace("imprisonment_months: 120", "imprisonment_months: ten years"), "sentence.imprisonment_months", "months"),
    ("negative months", BASE.replace("imprisonment_months: 120", "imprisonment_months: -5"), "sentence.imprisonment_months", "non-negative"),
    ("unknown top-level key", BASE + "judge: Smith\n", "judge", "unknown key"),
    ("unknown nested key", BASE.replace("imprisonment_months: 120", "imprisonment_months: 120\n  parole: 3"), "sentence.parole", "unknown key"),
    ("unknown seeks value", BASE.replace("[sentence_reduction]", "[money]"), "request.seeks[0]", "sentence_reduction"),
    ("bad custody status", BASE + "custody: {status: jail}\n", "custody.status", "imprisoned"),
    ("bad plea", BASE + "plea: maybe\n", "plea", "guilty"),
    ("bad CHC", BASE.replace("imprisonment_months: 120", "imprisonment_months: 120\n  guidelines: {criminal_history_category: VII}"), "sentence.guidelines.criminal_history_category", "VI"),
    ("offense level above 43", BASE.replace("imprisonment_months: 120", "imprisonment_months: 120\n  guidelines: {offense_level: 50}"), "sentence.guidelines.offense_level", "43"),
    ("conviction as a bare string", BASE + "convictions: [theft]\n", "convictions[0]", "valid dictionary"),
    ("empty statute", BASE + "convictions: [{statute: ''}]\n", "convictions[0].statute", "at least 1 character"),
    ("ground as two-key mapping", BASE.replace("seeks: [sentence_reduction]", "seeks: [sentence_reduction]\n  grounds: [{a: 1, b: 2}]"), "request.grounds[0]", "one-key"),
    ("history with unknown avenue", BASE + "history: [{avenue: habeas, result: denied}]\n", "history[0].avenue", "s2255"),
    ("not a mapping", "- just\n- a list\n", "(top)", "mapping"),
    ("broken YAML", "format: 1\ncourt: [mnd\n", "(top)", "line"),
    # contradictions
    ("sentence before offense", BASE + "convictions: [{statute: 18 U.S.C. § 922(g), offense_date: 2016-01-01}]\n", "sentence.imposed_on", "precede the offense"),
    ("release before sentence", BASE + "custody: {status: released, release_date: 2014-01-01}\n", "custody.release_date", "before"),
    ("appeal decided before filed", BASE + "appeal: {filed_on: 2015-03-10, decided_on: 2015-01-01}\n", "appeal.decided_on", "before it is filed"),
    ("certiorari before appeal decided", BASE + "appeal: {filed_on: 2015-03-10, decided_on: 2016-01-01, certiorari_denied_on: 2015-12-01}\n", "appeal.certiorari_denied_on", "before"),
    ("request before sentence", BASE.replace("filed_on: 2019-06-01", "filed_on: 2014-06-01"), "request.filed_on", "precede the sentence"),
    ("analysis before request", BASE.replace("as_of: 2020-01-01", "as_of: 2019-01-01"), "as_of", "before request.filed_on"),
    ("judgment before imposition", BASE.replace("imposed_on: 2015-03-02", "imposed_on: 2015-03-02\n  judgment_entered_on: 2015-02-01"), "sentence.judgment_entered_on", "before"),
    ("range upside down", BASE.replace("imprisonment_months: 120", "imprisonment_months: 120\n  guidelines: {range_months: [135, 120]}"), "sentence.guidelines.range_months", "above"),
    ("CHC contradicts points", BASE.replace("imprisonment_months: 120", "imprisonment_months: 120\n  guidelines: {criminal_history_points: 8, criminal_history_category: II}"), "sentence.guidelines.criminal_history_category", "IV"),
    ("warden answered before asked", BASE + "administrative: {warden_request_on: 2019-05-01, warden_response_on: 2019-04-01}\n", "administrative.warden_response_on", "before"),
    ("imprisoned after release date", BASE + "custody: {status: imprisoned, release_date: 2019-01-01}\n", "custody.status", "release_date"),
    ("earlier motion decided before filed", BASE + "history: [{avenue: s2255, filed_on: 2017-01-01, decided_on: 2016-01-01}]\n", "history[0].decided_on", "before"),
    ("minimum above maximum", BASE.replace("imprisonment_months: 120", "imprisonment_months: 120\n  mandatory_minimum_months: 120") + "convictions: [{statute: 8 U.S.C. § 1326(a), statutory_maximum_months: 24}]\n", "sentence.mandatory_minimum_months", "exceeds"),
]


@pytest.mark.parametrize("name,text,path,words", CASES, ids=[c[0] for c in CASES])
def test_bad_case_file_gives_named_path_and_exit_2(tmp_path, name, text, path, words):
    f = tmp_path / "case.yaml"
    f.write_text(textwrap.dedent(text))
    code, stdout, stderr = run_cli("analyze", str(f))
    assert code == 2, (stdout, stderr)
    lines = [l for l in stderr.splitlines() if l.strip()]
    hit = [l for l in lines if f": {path}:" in l or (path == "(top)" and ": (top):" in l)]
    assert hit, f"no line names {path}: {lines}"
    assert any(words.lower() in l.lower() for l in hit), hit
    assert "Traceback" not in stderr
    assert all(l.startswith(str(f)) for l in lines), "every problem is one line naming the file"


def test_all_problems_reported_at_once(tmp_path):
    f = tmp_path / "case.yaml"
    f.write_text(BASE.replace("as_of: 2020-01-01", "as_of: nope").replace("imprisonment_months: 120", "imprisonment_months: x")
                 + "custody: {status: jail}\nappeal: {filed_on: 2015-03-10, decided_on: 2015-01-01}\n")
    code, _, stderr = run_cli("analyze", str(f))
    assert code == 2
    for path in ("as_of", "sentence.imprisonment_months", "custody.status", "appeal.decided_on"):
        assert f": {path}:" in stderr


def test_json_case_file_is_read_too(tmp_path):
    f = tmp_path / "case.json"
    f.write_text('{"format": 1, "court": "mnd", "request": {"seeks": ["bogus"]}}')
    code, _, stderr = run_cli("analyze", str(f))
    assert code == 2 and "request.seeks[0]" in stderr


def test_unknown_court_is_a_one_line_error(tmp_path):
    f = tmp_path / "case.yaml"
    f.write_text(BASE.replace("court: mnd", "court: Court of Narnia"))
    code, _, stderr = run_cli("analyze", str(f))
    assert code == 2 and "court:" in stderr and "Narnia" in stderr


def test_real_process_prints_no_traceback(tmp_path):
    f = tmp_path / "case.yaml"
    f.write_text("format: 1\ncourt: mnd\nrequest: {seeks: [money]}\n")
    proc = subprocess.run([sys.executable, "-m", "fedrelief.cli", "analyze", str(f)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "request.seeks[0]" in proc.stderr


def test_missing_file(tmp_path):
    code, _, stderr = run_cli("analyze", str(tmp_path / "nope.yaml"))
    assert code == 2 and "no such file" in stderr
