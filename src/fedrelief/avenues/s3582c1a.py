"""18 U.S.C. § 3582(c)(1)(A): reduction for extraordinary and compelling reasons.

Who may move (family usc18_3582_c1a):
  1987-11-01 .. 2018-12-21  only the Director of the Bureau of Prisons;
  2018-12-21 ..             also the defendant, after fully exhausting administrative appeals of
                            the BOP's failure to move, or 30 days after the warden received the
                            request, whichever is earlier (First Step Act of 2018).
The merits (the § 1B1.13 categories in force, the § 3553(a) weighing) are left to the judge and
stated as open questions, never guessed.
"""
from datetime import timedelta

from ..engine.context import Ctx
from ..engine.result import AvenueResult

ID = "s3582c1a"
TITLE = "18 U.S.C. § 3582(c)(1)(A): compassionate release"
FORUM = "this_court"
RELIEF = "a reduced term of imprisonment"
DELIVERS = frozenset({"compassionate_release", "sentence_reduction"})
INVOKED_BY = (r"3582\s*\(c\)\s*\(1\)", r"compassionate")
NEEDS = ("custody.status", "administrative.warden_request_on", "administrative.fully_exhausted")


def evaluate(ctx: Ctx) -> AvenueResult:
    statute = ctx.law("usc18_3582_c1a")
    if statute.id == "usc18_3582_c1a_1987":
        return ctx.unavailable(ctx.reason(
            "only_bop_may_move",
            "Before the First Step Act (2018-12-21) only the Director of the Bureau of Prisons could move "
            "for a reduction under § 3582(c)(1)(A); the court cannot act on a defendant's own motion.",
            statute.id), forum="bop",
            to_show=("a request to the warden asking the Bureau of Prisons to move for a reduction",))
    if ctx.case.custody.status not in (None, "imprisoned"):
        return ctx.unavailable(ctx.reason(
            "not_in_custody", "The provision reduces a term of imprisonment; the person is not serving one.", statute.id))
    adm = ctx.case.administrative
    filed = ctx.case.request.filed_on or ctx.as_of
    if adm.fully_exhausted:
        exhausted = ctx.reason("eligible", "Administrative remedies were fully exhausted.", statute.id)
        dl = None
    elif adm.warden_request_on is None:
        if adm.fully_exhausted is False:
            return ctx.unavailable(ctx.reason(
                "not_exhausted", "No request to the warden is in the record and administrative remedies were not "
                "exhausted.", statute.id), forum="bop")
        return ctx.ask("administrative.warden_request_on")
    else:
        lapse = adm.warden_request_on + timedelta(days=30)
        dl = ctx.deadline("§ 3582(c)(1)(A): 30 days after the warden received the request", adm.warden_request_on,
                          lapse, statute.id, (f"{adm.warden_request_on} + 30 days = {lapse}",), kind="earliest")
        if filed < lapse:
            return ctx.unavailable(ctx.reason(
                "not_exhausted", f"The motion was filed {filed}, before 30 days had lapsed from the warden's receipt "
                f"of the request ({lapse}), and full exhaustion is not shown.", statute.id), deadline=dl)
        exhausted = ctx.reason("eligible", f"30 days lapsed from the warden's receipt of the request on {lapse}.", statute.id)
    return ctx.undetermined(exhausted, ctx.reason(
        "discretion_remains",
        "Whether extraordinary and compelling reasons exist under the policy statement in force, and whether "
        "the § 3553(a) factors support a reduction, is for the judge.", statute.id, "usc18_3553_a"),
        deadline=dl, questions=[ctx.question("request.grounds", "The extraordinary and compelling reasons claimed, with their facts.")])
