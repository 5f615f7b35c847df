"""The draft order (issue 6), for each seed: it names the motion, gives every reason the court gave,
cites only the knowledge base, and ends with the same ordering paragraphs as the court's order.
Structure is checked, not a byte snapshot."""
from __future__ import annotations

import dataclasses
import re

import pytest
from eyecite import get_citations
from eyecite.models import FullCaseCitation

from fedrelief.render.draft import DraftError, render_draft, render_markdown
from fedrelief.render.draft_html import tokens_of
from fedrelief.render.draft_text import prose

from .helpers import SEEDS, norm, plain, section_after, seed, uncited

SEED_IDS = [p.stem[:8] for p in SEEDS]
SEED = {p.stem[:8]: p for p in SEEDS}

# The ordering paragraphs of each seed order, in order (each a regex over one paragraph's text).
DECREES = {
    # "1. ... Letter Regarding Sentence Classification (Doc. 56) is denied ... 2. Defendant may file
    #  a petition for writ of coram nobis"
    "seed_000": [r"Lugo-Marin's Letter Regarding Sentence Classification \(Doc\. 56\) is DENIED\.",
                 r"Defendant may file a petition for a writ of coram nobis"],
    # "IT IS HEREBY ORDERED that Defendant's Motion for Downward Departure ... (Docket No. 18) is DENIED."
    "seed_001": [r"^IT IS ORDERED that Defendant .*Motion for Downward Departure Pursuant to U\.S\.S\.G\. 5K2 "
                 r"\(Docket No\. 18\) is DENIED\.$"],
    # "defendant Miguel Angel Alcaraz's motion to modify his sentence [ECF No. 31] is DENIED" (AO 247 form)
    "seed_002": [r"^IT IS ORDERED that the motion is:$", r"^☒ DENIED\.$", r"^☐ GRANTED"],
}


def order_md(name: str) -> str:
    case, analysis, _ = seed(SEED[name])
    return render_draft(analysis, case, kind="order", fmt="md")


@pytest.mark.parametrize("name", SEED_IDS)
def test_the_order_has_a_district_court_caption(name):
    case, analysis, _ = seed(SEED[name])
    text = plain(order_md(name))
    assert text.startswith("UNITED STATES DISTRICT COURT FOR THE " + analysis.court_name.upper())
    assert "UNITED STATES OF AMERICA, Plaintiff, v. " + case.defendant.upper() + ", Defendant." in text
    assert "Case No. " + case.case_number in text
    tokens = tokens_of(order_md(name))
    roles = [t.meta.get("role") for t in tokens if t.nesting == 1 and t.meta.get("role")]
    assert roles[:3] == ["court", "caption", "title"], "court name, then caption table, then title"
    title = next(tokens[i + 1].content for i, t in enumerate(tokens) if t.meta.get("role") == "title")
    assert title.startswith("ORDER")


@pytest.mark.parametrize("name", SEED_IDS)
def test_the_order_names_the_motion_with_its_docket_entry(name):
    case, _, _ = seed(SEED[name])
    text = plain(order_md(name))
    body = text.split("ORDER", 1)[1]
    assert case.request.title in body
    assert case.request.docket_entry in body


@pytest.mark.parametrize("name", SEED_IDS)
def test_the_order_gives_every_reason_the_court_gave_with_its_citations(name):
    # the vehicles' reasons and those of every avenue the seed court discussed, word for word
    # (dates written out), each followed by the citations the analysis gave for it
    case, analysis, expected = seed(SEED[name])
    text = plain(order_md(name))
    discussed = set(analysis.vehicles) | set(expected["avenues"])
    assert discussed
    for ident in discussed:
        av = analysis.avenue(ident)
        for r in av.reasons:
            if r.code == "missing_fact":
                continue
            said = norm(prose(r.text))
            assert said in text, f"{ident}/{r.code} missing from the order"
            after = text[text.index(said) + len(said):]
            for c in r.authorities:
                assert c.citation in after[: 200 + 120 * len(r.authorities)], f"{ident}/{r.code}: {c.citation}"


@pytest.mark.parametrize("name", SEED_IDS)
def test_the_vehicle_is_discussed_first_with_the_dispositive_reason_first(name):
    case, analysis, _ = seed(SEED[name])
    text = plain(order_md(name))
    positions = {}
    for av in analysis.avenues:
        shown = [norm(prose(r.text)) for r in av.reasons if r.code != "missing_fact"]
        where = [text.find(s) for s in shown if s in text]
        if where:
            positions[av.id] = min(where)
    first_vehicle = positions[analysis.vehicles[0]]
    others = [p for i, p in positions.items() if i not in analysis.vehicles]
    assert all(first_vehicle < p for p in others)
    # seed 002: the range reason (the court's "most important") before the mistaken premise
    if name == "seed_002":
        av = analysis.avenue("s3582c2")
        by = {r.code: text.find(norm(prose(r.text))) for r in av.reasons}
        assert by["amendment_does_not_lower_range"] < by["not_a_ground"] < by["factual_premise_false"]


@pytest.mark.parametrize("name", SEED_IDS)
def test_the_open_avenues_are_pointed_out(name):
    case, analysis, expected = seed(SEED[name])
    text = plain(order_md(name))
    for alt in analysis.alternatives:
        av = analysis.avenue(alt["avenue"])
        for r in av.reasons:
            assert norm(prose(r.text)) in text
    for ident in expected.get("remaining", []):
        assert ident in [a["avenue"] for a in analysis.alternatives]


@pytest.mark.parametrize("name", SEED_IDS)
def test_the_order_cites_only_the_knowledge_base(name):
    text = plain(order_md(name))
    assert uncited(text) == []


@pytest.mark.parametrize("name", SEED_IDS)
def test_every_case_the_order_cites_comes_from_a_reason_of_the_analysis(name):
    case, analysis, _ = seed(SEED[name])
    text = plain(order_md(name))
    given = set()
    for av in analysis.avenues:
        for r in av.reasons:
            for c in r.authorities:
                given |= {(x.groups.get("volume"), x.groups.get("reporter"), x.groups.get("page"))
                          for x in get_citations(c.citation) if isinstance(x, FullCaseCitation)}
    found = [c for c in get_citations(text) if isinstance(c, FullCaseCitation)]
    assert len(found) >= 2
    for c in found:
        assert (c.groups.get("volume"), c.groups.get("reporter"), c.groups.get("page")) in given, c.matched_text()


@pytest.mark.parametrize("name", SEED_IDS)
def test_the_order_ends_with_the_seed_orders_ordering_paragraphs(name):
    tokens = tokens_of(order_md(name))
    paragraphs = [plain(content) for _, content in section_after(tokens, "ORDER")]
    wanted = DECREES[name]
    decree = [p for p in paragraphs if p not in ("IT IS ORDERED:",)]
    for pattern, got in zip(wanted, decree):
        assert re.search(pattern, got), (pattern, got)
    assert len(decree) >= len(wanted)
    # nothing after the ordering paragraphs but the signature block
    last_hr = max(i for i, t in enumerate(tokens) if t.type == "hr")
    after = [t.meta.get("role") for t in tokens[last_hr + 1:] if t.type == "paragraph_open"]
    assert after and set(after) == {"signature"}
    sig = plain(order_md(name).rsplit("\n---\n", 1)[1])
    assert "[__________]" in sig, "a blank for the date"
    assert "Judge" in sig


def test_the_check_catches_an_invented_citation_but_not_a_bracketed_blank():
    assert uncited("See United States v. Gay, 771 F.3d 681, 686 (10th Cir. 2014).") != []
    assert uncited("See Smith v. Jones, No. 12-3456 (9th Cir. 2015).") == ["Smith v. Jones"]
    assert uncited("See U.S.S.G. § 5K2.99.") == ["U.S.S.G. § 5K2.99"]
    assert uncited("Dated: [__________] [citation]") == []
    assert uncited("See United States v. Blackwell, 81 F.3d 945, 949 (10th Cir. 1996).") == []


# ----- the other dispositions (the seeds are all denials) ----------------------------------------
def _with(name: str, **changes):
    case, analysis, _ = seed(SEED[name])
    return case, dataclasses.replace(analysis, **changes)


def _decree_text(case, analysis, **kw) -> str:
    tokens = tokens_of(render_draft(analysis, case, kind="order", fmt="md", **kw))
    return " ".join(plain(c) for _, c in section_after(tokens, "ORDER"))


def test_a_transfer_goes_to_the_court_of_appeals_under_section_1631():
    case, analysis = _with("seed_000", disposition="transfer")
    text = _decree_text(case, analysis)
    assert "is TRANSFERRED to the United States Court of Appeals for the Tenth Circuit under 28 U.S.C. § 1631." in text


def test_a_dismissal_is_for_lack_of_jurisdiction():
    case, analysis = _with("seed_001", disposition="dismiss")
    assert "(Docket No. 18) is DISMISSED for lack of jurisdiction." in _decree_text(case, analysis)


def test_a_grant_leaves_the_new_term_blank_for_the_judge():
    case, analysis = _with("seed_001", disposition="grant")
    text = _decree_text(case, analysis)
    assert "is GRANTED. Defendant's term of imprisonment of 60 months is reduced to [NEW TERM] months." in text
    assert "all provisions of the judgment dated June 20, 2003 remain in effect" in text


def test_an_undetermined_order_is_a_marked_draft_with_bracketed_choices():
    case, analysis = _with("seed_001", disposition="undetermined")
    markdown = render_draft(analysis, case, kind="order", fmt="md")
    text = plain(markdown)
    assert "DRAFT FOR THE JUDGE'S DECISION" in text
    tokens = tokens_of(markdown)
    assert any(t.meta.get("role") == "note" for t in tokens), "the notice is a boxed note"
    assert "is [GRANTED / DENIED]." in _decree_text(case, analysis)
    html = render_draft(analysis, case, kind="order", fmt="html")
    assert 'class="order draft"' in html and "DRAFT: FOR THE JUDGE" in html


def test_the_ao_247_variant_fills_the_guideline_table_from_the_case():
    case, analysis, _ = seed(SEED["seed_002"])
    text = plain(render_draft(analysis, case, kind="order", fmt="md"))
    assert "ORDER REGARDING MOTION FOR SENTENCE REDUCTION PURSUANT TO 18 U.S.C. § 3582(c)(2)" in text
    assert "Upon motion of ☒ the defendant ☐ the Director of the Bureau of Prisons ☐ the court" in text
    assert "Date of Original Judgment: October 24, 2012" in text
    assert "Guideline range 120 to 135 months [__________]" in text
    assert "Total offense level [__________] [__________]" in text, "unknown facts are blanks"
    narrative = plain(render_draft(analysis, case, kind="order", fmt="md", form="narrative"))
    assert narrative.count("☒") == 0
    assert ("IT IS ORDERED that Defendant Miguel Angel Alcaraz's Motion to modify sentence (ECF No. 31) "
            "is DENIED.") in narrative


def test_the_ao_248_variant_for_compassionate_release():
    case, analysis = _with("seed_002", vehicles=("s3582c1a",))
    text = plain(render_draft(analysis, case, kind="order", fmt="md"))
    assert "ORDER ON MOTION FOR SENTENCE REDUCTION UNDER 18 U.S.C. § 3582(c)(1)(A) (COMPASSIONATE RELEASE)" in text
    assert "Term of imprisonment 120 months [__________]" in text
    assert "☒ DENIED after complete review of the motion on the merits." in text
    for r in analysis.avenue("s3582c1a").reasons:
        assert norm(prose(r.text)) in text


def test_unknown_kind_format_or_form_is_refused():
    case, analysis, _ = seed(SEED["seed_000"])
    for kw in ({"kind": "brief"}, {"fmt": "rtf"}, {"form": "ao999"}, {"form": "ao"}):
        with pytest.raises(DraftError):
            render_draft(analysis, case, **kw)


def test_markdown_is_the_canonical_source_of_every_format():
    case, analysis, _ = seed(SEED["seed_000"])
    markdown = render_markdown(analysis, case, "order")
    assert render_draft(analysis, case, kind="order", fmt="md") == markdown
    html = render_draft(analysis, case, kind="order", fmt="html")
    assert "Lugo-Marin’s Letter Regarding Sentence Classification (Doc. 56) is DENIED." in html
