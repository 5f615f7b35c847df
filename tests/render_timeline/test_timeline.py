"""The deadline timeline (issue 4): text, PNG and SVG pictures, for the three seeds."""
import dataclasses
import struct
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from PIL import Image, ImageStat

from fedrelief.engine import analyze
from fedrelief.engine.result import Deadline
from fedrelief.facts import load_case
from fedrelief.render.timeline import (
    PNG_SIZE_PX,
    build_timeline,
    save_timeline,
    short_label,
    timeline_figure,
    timeline_text,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SEEDS = sorted(EXAMPLES.glob("seed_*.yaml"))
SEED_001 = EXAMPLES / "seed_001_palacios_becerril.yaml"
D = date.fromisoformat


def run(path: Path, as_of: date | None = None):
    case = load_case(path)
    return analyze(case, as_of or case.as_of), case


def row(text: str, starts: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(starts))


def test_there_are_three_seeds():
    assert len(SEEDS) == 3


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_png_is_a_real_png_of_the_documented_size_and_not_blank(seed, tmp_path):
    analysis, case = run(seed)
    path = save_timeline(analysis, case, tmp_path / "t.png")
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"  # first chunk, after its 4-byte length
    assert struct.unpack(">II", data[16:24]) == PNG_SIZE_PX == (1600, 900)
    with Image.open(path) as img:
        assert img.size == (1600, 900)
        grey = img.convert("L")
        assert ImageStat.Stat(grey).var[0] > 100  # a blank or one-colour image has ~0
        low, high = grey.getextrema()
        assert low < 60 and high > 240  # dark text on a light background


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_svg_parses_and_names_every_window(seed, tmp_path):
    analysis, case = run(seed)
    path = save_timeline(analysis, case, tmp_path / "t.svg")
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    words = " ".join(" ".join(root.itertext()).split())  # a wrapped label is one line per element
    for d in analysis.deadlines:
        assert short_label(d.what) in words
        assert d.ends_on.isoformat() in words
    assert analysis.as_of.isoformat() in words
    assert (analysis.defendant or "") in words


def test_svg_for_seed_001_has_the_deadline_labels(tmp_path):
    analysis, case = run(SEED_001)
    words = " ".join(ET.parse(save_timeline(analysis, case, tmp_path / "t.svg")).getroot().itertext())
    for label in ("Rule 35(a)", "Rule 35(b)(1)", "§ 2255(f)(1)", "2003-07-01", "2004-07-07",
                  "conviction final 2003-07-07", "as of 2006-03-24", "Palacios-Becerril"):
        assert label in words


def test_other_suffixes_are_refused(tmp_path):
    analysis, case = run(SEED_001)
    with pytest.raises(ValueError, match=r"\.svg or \.png"):
        save_timeline(analysis, case, tmp_path / "t.jpg")


def test_text_timeline_for_seed_001():
    analysis, case = run(SEED_001)
    text = timeline_text(analysis, case)
    rule35a = row(text, "Rule 35(a) ")
    assert "2003-06-20 → 2003-07-01" in rule35a and "passed" in rule35a
    assert "← 11 calendar days" in rule35a  # too short to see on a 3-year scale: labelled
    s2255 = row(text, "§ 2255(f)(1)")
    assert "2003-07-07 → 2004-07-07" in s2255 and "passed" in s2255
    assert "2003-06-20" in row(text, "judgment (sentence imposed)")
    assert "2003-07-07" in row(text, "conviction final")
    assert "2006-03-24" in row(text, "as of")
    assert "filing date is not in the case file" in text
    assert text.splitlines()[0] == "United States v. Esteban Palacios-Becerril, No. CR-03-52-E-BLW"


def test_text_rows_have_one_width_and_the_as_of_column_lines_up():
    analysis, case = run(SEED_001)
    text = timeline_text(analysis, case, columns=120)
    bars = [line[line.index("|"):line.rindex("|") + 1] for line in text.splitlines() if "|" in line]
    assert len({len(b) for b in bars}) == 1
    as_of_cols = {b.index("│") for b in bars if "│" in b}
    assert len(as_of_cols) == 1 and bars[-1].index("▲") in as_of_cols  # the "as of" marker row


def test_request_filing_date_is_a_marker():
    analysis, case = run(SEED_001)
    case = case.model_copy(update={"request": case.request.model_copy(update={"filed_on": D("2006-01-10")})})
    tl = build_timeline(analysis, case)
    assert [(m.kind, m.on) for m in tl.markers] == [
        ("judgment", D("2003-06-20")), ("final", D("2003-07-07")), ("filed", D("2006-01-10")),
        ("as_of", D("2006-03-24"))]
    assert "2006-01-10" in row(timeline_text(analysis, case), "request filed")
    assert not any("filing date" in n for n in tl.notes)


def test_status_not_started_and_open_before_the_windows_close():
    # as of 2003-06-25: Rule 35(a) still open (ends 07-01); § 2255 starts only at finality (07-07)
    analysis, case = run(SEED_001, D("2003-06-25"))
    text = timeline_text(analysis, case)
    assert "open" in row(text, "Rule 35(a) ")
    assert "not started" in row(text, "§ 2255(f)(1)")
    assert "█" in row(text, "§ 2255(f)(1)")


def test_unknown_end_is_skipped_with_a_note(tmp_path):
    analysis, case = run(SEED_001)
    unknown = Deadline("A window whose end is unknown", D("2004-01-05"), None, None, "test authority")
    analysis = dataclasses.replace(analysis, deadlines=analysis.deadlines + (unknown,))
    tl = build_timeline(analysis, case)
    assert len(tl.windows) == len(analysis.deadlines) - 1
    assert "Not drawn (end date unknown): A window whose end is unknown." in tl.notes
    assert "Not drawn (end date unknown)" in timeline_text(analysis, case)
    words = " ".join(ET.parse(save_timeline(analysis, case, tmp_path / "t.svg")).getroot().itertext())
    assert "Not drawn (end date unknown)" in words


def test_years_and_days_together_stay_readable(tmp_path):
    # as of 2024: twenty years on one axis; the 11-day Rule 35(a) window is still drawn and labelled
    analysis, case = run(SEED_001, D("2024-03-01"))
    fig = timeline_figure(analysis, case)
    ax = fig.axes[0]
    widths = sorted(p.get_width() for p in ax.patches)
    assert len(widths) == 4 and widths[0] > 0.004 * (ax.get_xlim()[1] - ax.get_xlim()[0])
    texts = [t.get_text() for t in ax.texts]
    assert any("2003-06-20 → 2003-07-01 · 11 calendar days · passed" == t for t in texts)
    path = save_timeline(analysis, case, tmp_path / "long.png")
    with Image.open(path) as img:
        assert img.size == (1600, 900)


def test_no_deadlines_still_draws_a_labelled_picture(tmp_path):
    analysis, case = run(EXAMPLES / "seed_000_lugo_marin.yaml")
    assert analysis.deadlines == ()
    tl = build_timeline(analysis, case)
    assert tl.windows == () and "No dated deadline in this analysis." in tl.notes
    first, last = tl.span()
    assert (last - first).days >= 30  # one date still gets an axis
    text = timeline_text(analysis, case)
    assert "2022-12-01" in row(text, "as of")


def test_short_labels():
    assert short_label("Rule 35(a): the court may correct clear error within 7 days of sentencing") == "Rule 35(a)"
    assert short_label("Notice of appeal (Fed. R. App. P. 4(b)(1)(A))") == "Notice of appeal (FRAP 4(b)(1)(A))"
    assert short_label("Notice of appeal (Fed. R. App. P. 4(b)(1)(A))", 28) == "Notice of appeal"
    assert short_label("Earliest pardon petition (five years after release)") == "Earliest pardon petition"
    assert len(short_label("x" * 80)) == 40
