"""Pardon and commutation: the President's power alone (U.S. Const. art. II, § 2, cl. 1).

A court can neither grant clemency nor shorten the wait for it. Petitions go to the Office of the
Pardon Attorney (Department of Justice). Its rules (28 C.F.R. § 1.2) ask a pardon applicant to
wait five years after release from confinement (or, with no confinement, from the conviction or
sentencing: the regulation and the Department's web page word this differently) and not to apply
while on probation or supervised release; a commutation petition is for a person still serving
a sentence. So the status here is whether a petition could be filed now, forum `president`.
"""
from ..calendar import add_years
from ..engine.context import Ctx
from ..engine.result import AvenueResult

ID = "clemency"
TITLE = "Executive clemency (pardon or commutation)"
FORUM = "president"
RELIEF = "a pardon, or commutation of the sentence"
DELIVERS = frozenset({"clemency"})
INVOKED_BY = (r"clemency", r"pardon", r"commutation")
NEEDS = ("custody.status", "custody.release_date")

WAIT_YEARS = 5


def evaluate(ctx: Ctx) -> AvenueResult:
    only_president = ctx.reason(
        "executive_power_only",
        "Only the President can pardon or commute a federal sentence; a court has no power to grant "
        "clemency. A petition goes to the Office of the Pardon Attorney.",
        "us_const_art2_s2_c1", "cfr28_1_2",
    )
    status = ctx.case.custody.status
    if status is None:
        return ctx.undetermined(only_president, questions=[ctx.question("custody.status")])
    if status == "imprisoned":
        return ctx.available(only_president, ctx.reason(
            "petition_may_be_filed",
            "A person serving a prison term may petition the President for commutation of sentence.",
            "cfr28_1_3"),
            to_show=("a petition for commutation to the Office of the Pardon Attorney",))
    if status in ("supervised_release", "probation"):
        return ctx.unavailable(only_president, ctx.reason(
            "waiting_period_not_met",
            f"A pardon petition is not accepted while the person is on {status.replace('_', ' ')}, "
            f"and the {WAIT_YEARS}-year waiting period runs from release from confinement.",
            "cfr28_1_2"))
    release = ctx.case.custody.release_date
    if release is None:
        return ctx.undetermined(only_president, questions=[ctx.question("custody.release_date")])
    eligible_on = add_years(release, WAIT_YEARS)
    dl = ctx.deadline("Earliest pardon petition (five years after release)", release, eligible_on, "cfr28_1_2",
                      kind="earliest")
    if ctx.as_of >= eligible_on:
        return ctx.available(only_president, ctx.reason(
            "petition_may_be_filed",
            f"More than {WAIT_YEARS} years have passed since release on {release}; a pardon petition may be filed.",
            "cfr28_1_2"), deadline=dl,
            to_show=("a pardon petition to the Office of the Pardon Attorney",))
    return ctx.unavailable(only_president, ctx.reason(
        "waiting_period_not_met",
        f"The {WAIT_YEARS}-year waiting period after release on {release} ends on {eligible_on}; "
        "a waiver is rarely granted.", "cfr28_1_2"), deadline=dl)
