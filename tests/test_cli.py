import json

from .conftest import EXAMPLES, run_cli


def test_range_prints_table_then_5g1_1():
    code, out, _ = run_cli("range", "--level", "30", "--chc", "II", "--minimum", "120")
    assert code == 0
    lines = [l for l in out.splitlines() if l.strip()]
    assert "108" in lines[0] and "135" in lines[0]
    assert "120" in lines[-1] and "135" in lines[-1] and "5G1.1" in lines[-1]


def test_range_minimum_above_range_becomes_the_guideline_sentence():
    code, out, _ = run_cli("range", "--level", "26", "--chc", "I", "--minimum", "120")
    assert code == 0 and "5G1.1(b)" in out and "120" in out.splitlines()[-1]


def test_range_rejects_bad_chc():
    code, _, err = run_cli("range", "--level", "30", "--chc", "IX")
    assert code == 2 and "--chc" in err


def test_schema_is_json_schema_with_required_keys():
    code, out, _ = run_cli("schema")
    schema = json.loads(out)
    assert code == 0 and set(schema["required"]) >= {"format", "court", "request"}


def test_analyze_json_has_the_format_1_keys():
    code, out, _ = run_cli("analyze", str(EXAMPLES / "seed_002_alcaraz.yaml"), "--json")
    data = json.loads(out)
    assert code == 0
    for key in ("format", "as_of", "court", "circuit", "disposition", "summary", "avenues", "alternatives",
                "deadlines", "warnings", "questions", "authorities"):
        assert key in data
    assert data["format"] == 1 and data["court"] == "mnd" and data["circuit"] == "8"


def test_analyze_text_report_puts_disposition_first():
    code, out, _ = run_cli("analyze", str(EXAMPLES / "seed_001_palacios_becerril.yaml"))
    assert code == 0
    assert out.index("Disposition") < out.index("rule35a")


def test_as_of_option_overrides_the_file():
    code, out, _ = run_cli("analyze", str(EXAMPLES / "seed_001_palacios_becerril.yaml"), "--as-of", "2003-06-25", "--json")
    data = json.loads(out)
    r35 = next(a for a in data["avenues"] if a["id"] == "rule35a")
    # on 2003-06-25 the 7-day window (to 2003-07-01) is still open; the grounds are not clear error
    assert data["as_of"] == "2003-06-25" and r35["deadline"]["passed"] is False
    assert [r["code"] for r in r35["reasons"]] == ["not_clear_error"]


def test_bad_as_of_option():
    code, _, err = run_cli("analyze", str(EXAMPLES / "seed_001_palacios_becerril.yaml"), "--as-of", "June")
    assert code == 2 and "--as-of" in err
