"""Issue 5, item 6: intake of each seed order yields a case file whose analysis has the same
disposition and the same avenue statuses as the hand-written examples/seed_*.yaml."""
import pytest

from fedrelief.engine import analyze
from fedrelief.evaluate import compare
from fedrelief.facts import load_case_document
from fedrelief.intake import intake_file

from ..conftest import EXAMPLES, SEED_TEXT

SEEDS = [  # (seed text, hand-written case file)
    ("000_9c388626d8568ab1.txt", "seed_000_lugo_marin.yaml"),     # undated letter order: as_of from the example
    ("001_844dd6030281671e.txt", "seed_001_palacios_becerril.yaml"),
    ("002_2ee87289c45b419a.txt", "seed_002_alcaraz.yaml"),
]


@pytest.mark.parametrize("seed,example", SEEDS, ids=[s[1][:8] for s in SEEDS])
def test_intake_of_a_seed_reproduces_the_hand_written_analysis(seed, example):
    draft = intake_file(SEED_TEXT[seed])
    assert draft.ok, draft.problems
    hand = load_case_document(EXAMPLES / example)
    as_of = draft.case.case.as_of or hand.case.as_of
    ours, theirs = analyze(draft.case.case, as_of), analyze(hand.case)
    assert ours.disposition == theirs.disposition
    assert [(a.id, a.status) for a in ours.avenues] == [(a.id, a.status) for a in theirs.avenues]
    assert not compare(hand.extras["expected"], ours).disagreements


@pytest.mark.parametrize("seed,example", SEEDS, ids=[s[1][:8] for s in SEEDS])
def test_intake_of_a_seed_finds_the_order_s_own_outcome(seed, example):
    draft = intake_file(SEED_TEXT[seed])
    hand = load_case_document(EXAMPLES / example).extras["expected"]
    assert draft.data["expected"]["disposition"] == hand["disposition"]
    closed = {a for a, v in hand["avenues"].items() if v.get("status") == "unavailable"}
    found = {a for a, v in draft.data["expected"]["avenues"].items() if v["status"] == "unavailable"}
    assert closed <= found


def test_seed_001_facts_carry_their_sentence_as_provenance():
    draft = intake_file(SEED_TEXT["001_844dd6030281671e.txt"])
    original = (SEED_TEXT["001_844dd6030281671e.txt"]).read_text(encoding="utf-8")
    p = draft.provenance["sentence.imposed_on"]
    assert original[p["start"]:p["end"]] == p["quote"] == "June 20, 2003"
    assert "sentenced before this Court on June 20, 2003" in p["text"]
    assert draft.data["sentence"]["imposed_on"] == "2003-06-20"
