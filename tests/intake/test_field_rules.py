"""Issue 5, field precision and recall: the general rules behind the weak fields, one case each,
on sentences written for these tests (not taken from the labelled set)."""
import pytest

from fedrelief.intake import intake_text
from fedrelief.intake.events import about_this_case, recounts_earlier


def _draft(text: str):
    return intake_text(text)


def _seeks(text: str) -> set[str]:
    return set(_draft(text).data.get("request", {}).get("seeks", []))


def _grounds(text: str) -> set:
    out = set()
    for g in _draft(text).data.get("request", {}).get("grounds", []):
        out.add(g if isinstance(g, str) else next(iter(g.items())) if not isinstance(next(iter(g.values())), list) else next(iter(g)))
    return out


ORDER = "Opinion\nNo. 1:19-cr-00001\n01-02-2024\nORDER\n"


def test_an_earlier_motion_recounted_is_not_the_request():
    text = ("I am writing to ask the Court to please lower my sentance under Amendment 782. I already did a 2255 "
            "back in 2016 saying my lawyer was ineffective but it was denied.\nRespectfully,\nJohn Doe\nMarch 3, 2017\n")
    d = _draft(text)
    assert set(d.data["request"]["seeks"]) == {"sentence_reduction"}
    assert {"guideline_amendment": 782} in d.data["request"]["grounds"]
    assert "ineffective_assistance" not in d.data["request"].get("grounds", [])
    assert d.data["history"][0]["avenue"] == "s2255"             # the earlier motion is history
    assert d.data["request"]["filed_on"] == "2017-03-03"          # the date alone in the signature block


def test_a_bare_2255_gives_way_to_an_attack_on_the_conviction():
    text = ORDER + "Defendant's current motion (Doc. 9) argues that the court lacked jurisdiction to prosecute him. " \
                   "The motion is a second or successive § 2255 motion and is DISMISSED."
    assert _seeks(text) == {"vacate_conviction"}


def test_resentencing_after_vacatur_is_part_of_the_2255_remedy():
    text = ("MOTION UNDER 28 U.S.C. § 2255 TO VACATE, SET ASIDE, OR CORRECT SENTENCE\n"
            "Movant asks the Court to vacate the judgment and resentence him.\n")
    assert _seeks(text) == {"vacate_sentence"}


def test_an_amendment_named_without_its_number_takes_the_one_the_order_names():
    text = ORDER + ("Defendant argues that the Court can reduce his sentence under the retroactive amendment to the "
                    "sentencing guidelines. Because Amendment 750 did not change the statutory minimum, the motion is DENIED.")
    assert {"guideline_amendment": 750} in _draft(text).data["request"]["grounds"]


def test_employment_is_a_collateral_consequence_only_as_a_harm():
    kept = "Dear Judge,\nMy felony keeps me from getting employment as a nurse. I ask the Court to expunge my record.\n"
    held = "Dear Judge,\nI have maintained gainful employment for ten years. I ask the Court to expunge my record.\n"
    assert "collateral_consequences" in _grounds(kept)
    assert _grounds(held) == {"post_sentencing_rehabilitation"}


@pytest.mark.parametrize("text,name", [
    (ORDER + "On May 1, 2020, Gregory A. Smithers filed a motion for expungement. The motion is DENIED.", "Gregory A. Smithers"),
    (ORDER + "A grand jury returned an indictment charging Nicolas Ortega with one count of reentry. The motion is DENIED.", "Nicolas Ortega"),
    (ORDER + "This case is before the court on the pro se Motion to Reduce Sentence filed by Defendant, Thomas L. Kane. "
             "The motion is DENIED.", "Thomas L. Kane"),
    ("Dear Judge,\nRe: United States v. Ana Maria Lopez, No. CR-10-0001\nI ask for guidance.\n", "Ana Maria Lopez"),
])
def test_defendant_named_in_the_narrative_or_a_reference_line(text, name):
    assert _draft(text).data["defendant"] == name


def test_counts_of_a_sentence_and_of_a_list_are_all_convictions_but_not_an_acquittal():
    text = ORDER + ("The indictment charged Defendant with one count of theft in violation of 18 U.S.C. § 641; one count "
                    "of false claims in violation of 18 U.S.C. § 287; and one count of wire fraud in violation of "
                    "18 U.S.C. § 1343. The jury returned a verdict of not guilty as to count three. He pleaded guilty to "
                    "conspiracy in violation of 21 U.S.C. §§ 841(a)(1), (b)(1)(A) and 846 in another case.")
    statutes = [c["statute"] for c in _draft(text).data["convictions"]]
    assert "18 U.S.C. § 641" in statutes and "18 U.S.C. § 287" in statutes
    assert not any("1343" in s for s in statutes)
    assert "21 U.S.C. §§ 841(a)(1), (b)(1)(A) and 846" in statutes


def test_holding_sentences_and_recitals():
    assert not about_this_case('A court generally lacks "the authority to change or modify [a sentence]."')
    assert not about_this_case('"[O]nce a court has imposed a sentence, it does not have the authority to change it."')
    assert about_this_case("While the Court is sympathetic, district courts do \"not have inherent power\".")
    assert about_this_case("Here, Defendant has not exhausted his administrative remedies.")
    assert recounts_earlier("the motion was summarily dismissed as untimely (docs. 38-41).")
    assert recounts_earlier("at the time of the defendant's first motion, he had not exhausted his remedies.")
    assert not recounts_earlier("defendant's motion is denied as untimely.")


def test_an_avenue_is_not_decided_by_a_recital_of_the_law_alone():
    recital = ORDER + ("This matter is before the Court on Defendant's Motion for Reduction of Sentence. A court "
                       "generally lacks \"the authority to change or modify [a sentence] unless such authority is "
                       "expressly granted by statute.\" United States v. Thompson, 714 F.3d 946, 948 (6th Cir. 2013).")
    assert "inherent_power" not in _draft(recital).data.get("expected", {}).get("avenues", {})
    earlier = ORDER + ("Before the court is Defendant's motion to vacate under 28 U.S.C. § 2255. He filed his first "
                       "motion to vacate in 2001. The motion was summarily dismissed as untimely.")
    avenues = _draft(earlier).data.get("expected", {}).get("avenues", {})
    assert "time_limit_expired" not in avenues.get("s2255", {}).get("reasons", [])


def test_what_would_happen_is_not_the_disposition():
    text = ORDER + ("Even if this Court wished to construe his letter as a petition under § 2241, such a petition "
                    "would have to be dismissed because he is confined in another district.")
    assert "disposition" not in _draft(text).data.get("expected", {})


@pytest.mark.parametrize("caption,court", [
    # a caption flattened onto one line: the parties follow the court's name directly
    ("UNITED STATES DISTRICT COURT FOR THE DISTRICT OF KANSAS UNITED STATES OF AMERICA v. Case No. 5:10-cr-40001 "
     "JANE ROE, Defendant. MEMORANDUM AND ORDER Defendant moves to reduce her sentence.", "ksd"),
    ("UNITED STATES DISTRICT COURT\nFOR THE DISTRICT OF KANSAS\n\nUNITED STATES OF AMERICA,\nv.\nJANE ROE.\n"
     "MEMORANDUM AND ORDER\nDefendant moves to reduce her sentence.", "ksd"),
])
def test_court_from_a_flattened_or_ordinary_caption(caption, court):
    assert _draft(caption).data.get("court") == court
