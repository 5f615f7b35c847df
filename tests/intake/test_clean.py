"""Stage 1: cleaning keeps a map to the original text (table-driven, one comment per row)."""
import pytest

from fedrelief.intake.clean import clean

ROWS = [
    # (markup, original, cleaned text, a word to map back)
    ("text", "See *United States v. Gay*, 771 F.3d 681.", "See United States v. Gay, 771 F.3d 681.", "Gay"),          # markdown emphasis goes
    ("text", "at \\*3 (D. Minn. 2013)", "at *3 (D. Minn. 2013)", "Minn"),                                            # a backslash escape keeps the star
    ("text", "the fast-\n\ntrack program; the fast-track one", "the fast-track program; the fast-track one", "program"),  # a compound seen whole keeps its hyphen
    ("text", "a term of imprison-\nment of 60 months", "a term of imprisonment of 60 months", "60"),                # a line-end break is joined
    ("text", "Fed. R. Crim.\n\nP. 35", "Fed. R. Crim.\nP. 35", "35"),                                                  # blank lines collapse to one break
    ("text", "Defendant\u2019s \u201cmotion\u201d \u2014 denied", "Defendant's \"motion\" - denied", "denied"),             # typography is normalised one to one
    ("text", "e\ufb03cient of\ufb01ce", "efficient office", ("office", "of\ufb01ce")),                               # ligatures split; the span maps to the ligature
    ("html", "<p>Hello&nbsp;<i>World</i> &amp; <b>v.</b></p><p>Next</p>", "\nHello World & v.\nNext\n", "World"),  # tags go, entities decode, blocks break
    ("html", "<script>var x = '<p>';</script><p>Order</p>", "\nOrder\n", "Order"),                                  # scripts are dropped whole
    ("markdown", "# ORDER\n\n**DENIED**", "ORDER\nDENIED", "DENIED"),                                                 # heading marks and bold go
]


@pytest.mark.parametrize("markup,original,cleaned,word", ROWS)
def test_cleaning_and_the_map_back(markup, original, cleaned, word):
    doc = clean(original, markup)
    assert doc.text == cleaned
    word, in_original = word if isinstance(word, tuple) else (word, word)
    i = doc.text.index(word)
    s, e = doc.original_span(i, i + len(word))
    assert original[s:e] == in_original


def test_every_cleaned_span_maps_inside_the_original():
    original = "A  *b*\n\n\nc&amp;d e\ufb01f <x>"
    doc = clean(original, "html")
    for i in range(len(doc.text) + 1):
        s, e = doc.original_span(i, i)
        assert 0 <= s <= len(original) and 0 <= e <= len(original)


def test_sentences_do_not_break_at_citation_abbreviations():
    doc = clean("See United States v. Gay, 771 F.3d 681 (10th Cir. 2014). Then Fed. R. Crim. P. 35(a) applies.")
    assert doc.sentence(0) == "See United States v. Gay, 771 F.3d 681 (10th Cir. 2014)."
    assert doc.sentence(doc.text.index("Then")) == "Then Fed. R. Crim. P. 35(a) applies."
