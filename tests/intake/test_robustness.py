"""Any input yields a draft or a one-line error, and no input blows up in time."""
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from fedrelief.intake import intake_text

ADVERSARIAL = st.one_of(
    st.text(max_size=3000),
    st.builds(lambda n: "§" * n, st.integers(0, 20000)),
    st.builds(lambda n: "1" * n, st.integers(0, 20000)),
    st.builds(lambda n: "(" * n + ")" * n, st.integers(0, 5000)),
    st.builds(lambda n, s: (s + " ") * n, st.integers(0, 3000),
              st.sampled_from(["U.S.C. §", "F.3d", "21 U.S.C. §§ 841,", "Fed. R. Crim. P.", "v.", "No.", "*", "_",
                               "<p>", "&amp;", "-\n", "Defendant's Motion for", "sentenced to 10 months",
                               "IT IS ORDERED that the motion is", "January 1, 2020", "§§ 1, 2, and"])),
)


def _bounded(text: str, markup: str) -> None:
    start = time.perf_counter()
    draft = intake_text(text, markup=markup)
    elapsed = time.perf_counter() - start
    mb = len(text.encode("utf-8")) / 1e6
    # a guard against pathological (super-linear) blow-up, not a benchmark
    assert elapsed < 2.0 * max(1.0, mb), f"{elapsed:.2f}s for {mb:.3f} MB"
    assert draft.ok or (draft.problems and all("\n" not in p for p in draft.problems))


@settings(max_examples=60, deadline=None)
@given(ADVERSARIAL, st.sampled_from(["text", "markdown", "html"]))
def test_random_and_adversarial_text(text, markup):
    _bounded(text, markup)


def test_a_megabyte_of_citations_is_linear():
    chunk = ("See United States v. Gay, 771 F.3d 681, 686 (10th Cir. 2014); 21 U.S.C. §§ 841(a)(1), 846; "
             "U.S.S.G. § 2D1.1(c); Fed. R. Crim. P. 35(a). On June 1, 2010, he was sentenced to 60 months. ")
    _bounded(chunk * (1_000_000 // len(chunk)), "text")


def test_unclosed_html_and_emphasis():
    _bounded("<" * 50000 + "*a" * 50000 + "<script>" * 1000, "html")
    _bounded("*" * 100000 + "_" * 100000, "markdown")


def test_upper_case_document_with_a_bare_earlier_motion_date_does_not_raise():
    # found in review: 'history.filed_on' with no history entry assembled as a dict (KeyError)
    from pathlib import Path

    from fedrelief.intake import intake_text

    text = (Path(__file__).parent.parent / "intake_docs" / "martinez_dutah_2005.txt").read_text().upper()
    draft = intake_text(text)
    assert draft.data.get("format") == 1
