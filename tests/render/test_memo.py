"""The plain-English memo (issue 6): the answer first, one paragraph per avenue, the deadlines as
a table, next steps drawn only from the analysis (forum, to_show, alternatives), not legal advice."""
from __future__ import annotations

import pytest

from fedrelief.render.draft import render_draft
from fedrelief.render.draft_html import tokens_of
from fedrelief.render.draft_text import long_date, prose

from .helpers import SEEDS, norm, plain, section_after, seed, uncited

SEED = {p.stem[:8]: p for p in SEEDS}


def memo(name: str) -> str:
    case, analysis, _ = seed(SEED[name])
    return render_draft(analysis, case, kind="memo", fmt="md")


def sections(markdown: str) -> list[str]:
    tokens = tokens_of(markdown)
    return [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"]


@pytest.mark.parametrize("name", list(SEED))
def test_the_answer_comes_first_then_every_avenue(name):
    case, analysis, _ = seed(SEED[name])
    markdown = memo(name)
    heads = sections(markdown)
    assert heads[0] == "The short answer" and heads[1] == "Each avenue"
    answer = " ".join(plain(c) for _, c in section_after(tokens_of(markdown), "The short answer"))
    assert answer == norm(prose(analysis.summary))
    avenues = [plain(c) for _, c in section_after(tokens_of(markdown), "Each avenue")]
    assert len(avenues) == len(analysis.avenues), "one paragraph per avenue"
    for av in analysis.avenues:
        para = next(p for p in avenues if p.startswith(av.title + ":"))
        for r in av.reasons:
            if r.code != "missing_fact":
                assert norm(prose(r.text)) in para
        for q in av.questions if av.status == "undetermined" else ():
            assert norm(prose(q.why)) in para
    assert avenues[0].startswith(analysis.avenue(analysis.vehicles[0]).title), "the request's own avenue first"


@pytest.mark.parametrize("name", list(SEED))
def test_the_deadlines_are_a_table(name):
    case, analysis, _ = seed(SEED[name])
    tokens = tokens_of(memo(name))
    rows = sum(1 for t in tokens if t.type == "tr_open")
    if analysis.deadlines:
        assert rows == 1 + len(analysis.deadlines)
        text = plain(memo(name))
        for d in analysis.deadlines:
            assert long_date(d.ends_on) in text and d.authority in text
    else:
        assert rows == 0 and "No dated deadline" in plain(memo(name))


def test_next_steps_name_where_to_go_from_the_analysis():
    # seed 000: coram nobis in this court, with what to show; clemency through the Pardon Attorney
    steps = " ".join(plain(c) for _, c in section_after(tokens_of(memo("seed_000")), "Next steps"))
    assert ("Go to this court: the United States District Court for the District of New Mexico: "
            "Writ of error coram nobis") in steps
    _, analysis, _ = seed(SEED["seed_000"])
    for item in analysis.avenue("coram_nobis").to_show:
        assert item in steps
    assert "Office of the Pardon Attorney" in steps
    # seed 001: the one open door is a commutation petition
    steps = " ".join(plain(c) for _, c in section_after(tokens_of(memo("seed_001")), "Next steps"))
    assert "the President, through the Office of the Pardon Attorney" in steps
    assert "a petition for commutation to the Office of the Pardon Attorney" in steps


@pytest.mark.parametrize("name", list(SEED))
def test_the_memo_says_it_is_not_legal_advice_and_cites_only_the_kb(name):
    case, _, _ = seed(SEED[name])
    text = plain(memo(name))
    assert sections(memo(name))[-1] == "Not legal advice"
    assert "It is not legal advice" in text
    assert uncited(text, own_caption=f"United States v. {case.defendant}") == []
