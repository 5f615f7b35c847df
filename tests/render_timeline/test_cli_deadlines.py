"""`fedrelief deadlines`: output, pictures, and one-line errors with exit status 2."""
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from fedrelief.render.cli_deadlines import register

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SEED_001 = str(EXAMPLES / "seed_001_palacios_becerril.yaml")


@pytest.fixture(scope="module")
def app():
    app = typer.Typer(add_completion=False)

    @app.callback()
    def main() -> None:  # a group, so the command is called by name as in fedrelief's app
        pass

    register(app)
    return app


def invoke(app, *args: str):
    result = CliRunner().invoke(app, ["deadlines", *args], env={"COLUMNS": "200"})
    return result.exit_code, result.stdout, result.stderr


def test_table_and_timeline(app):
    code, out, err = invoke(app, SEED_001)
    assert code == 0, err
    assert "Deadlines as of 2006-03-24" in out
    assert "Fed. R. Crim. P." in out and "28 U.S.C. § 2255(f)" in out  # authorities
    assert "2003-07-07 → 2004-07-07" in out  # the timeline follows the table
    assert err == ""


def test_steps_show_the_arithmetic(app):
    code, out, _ = invoke(app, SEED_001, "--steps")
    assert code == 0
    assert "Tue 2003-07-01 = day 7" in out
    assert "Fri 2003-07-04 excluded (legal holiday (Independence Day))" in out
    code, out, _ = invoke(app, SEED_001)
    assert "= day 7" not in out


def test_as_of_option(app):
    code, out, _ = invoke(app, SEED_001, "--as-of", "2003-06-25")
    assert code == 0 and "Deadlines as of 2003-06-25" in out and "not started" in out


def test_writes_png_and_svg(app, tmp_path):
    png, svg = tmp_path / "t.png", tmp_path / "t.svg"
    code, out, _ = invoke(app, SEED_001, "--png", str(png), "--svg", str(svg))
    assert code == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert f"wrote {svg}" in out.replace("\n", "") and f"wrote {png}" in out.replace("\n", "")


@pytest.mark.parametrize("args, says", [
    (["--as-of", "June"], "--as-of: expected a date as YYYY-MM-DD"),
    (["--png", "t.jpg"], "--png: expected a file name ending .png"),
    (["--svg", "t.png"], "--svg: expected a file name ending .svg"),
    (["--png", "/nonexistent-dir/t.png"], "cannot write the timeline"),
], ids=["bad-date", "png-suffix", "svg-suffix", "unwritable"])
def test_errors_are_one_line_with_exit_2(app, args, says):
    code, _, err = invoke(app, SEED_001, *args)
    assert code == 2
    assert says in err and len(err.strip().splitlines()) == 1


def test_missing_case_file_exits_2(app, tmp_path):
    code, _, err = invoke(app, str(tmp_path / "nope.yaml"))
    assert code == 2 and "no such file" in err


def test_bad_case_file_exits_2(app, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\ncourt: D. Idaho\nsentence: {imposed_on: June}\nrequest: {}\n", encoding="utf-8")
    code, _, err = invoke(app, str(bad))
    assert code == 2 and "sentence.imposed_on" in err


def test_unknown_court_exits_2(app, tmp_path):
    bad = tmp_path / "court.yaml"
    bad.write_text("format: 1\ncourt: Court of Nowhere\nrequest: {}\n", encoding="utf-8")
    code, _, err = invoke(app, str(bad))
    assert code == 2 and "court:" in err and len(err.strip().splitlines()) == 1


def test_help_ends_with_an_example(app):
    result = CliRunner().invoke(app, ["deadlines", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "Example: fedrelief deadlines examples/seed_001_palacios_becerril.yaml" in result.stdout
