"""The writ of error coram nobis (All Writs Act, 28 U.S.C. § 1651(a); United States v. Morgan).

A remedy of last resort for a person NOT in custody under the challenged conviction, so that
§ 2255 is unavailable, who still suffers its consequences and can show an error of the most
fundamental character. Each circuit states the elements in its own words: law/coram_nobis.yaml.
While the person is in custody on this conviction, § 2255 (or § 2241) is the vehicle instead.
Courts stress that the writ is rarely granted; an analysis that opens this door says so.
"""
from functools import cache
from pathlib import Path


from .. import yamlio

from ..engine.context import Ctx
from ..engine.result import AvenueResult

ID = "coram_nobis"
TITLE = "Writ of error coram nobis (28 U.S.C. § 1651(a))"
FORUM = "this_court"
RELIEF = "vacating the conviction after the sentence has been served"
DELIVERS = frozenset({"vacate_conviction"})
INVOKED_BY = (r"coram nobis", r"1651")
NEEDS = ("custody.status",)

IN_CUSTODY = {"imprisoned", "supervised_release", "probation"}


@cache
def circuit_elements() -> dict[str, dict]:
    path = Path(__file__).parent.parent / "law" / "coram_nobis.yaml"
    return {str(k): v for k, v in (yamlio.load(path.read_text(encoding="utf-8")) or {}).items()}


def evaluate(ctx: Ctx) -> AvenueResult:
    status = ctx.case.custody.status
    if status is None:
        return ctx.ask("custody.status")
    if status in IN_CUSTODY:
        return ctx.unavailable(ctx.reason(
            "in_custody",
            "The person is still in custody under this sentence, so § 2255 is the remedy; coram nobis is "
            "for those no longer in custody.", "usc28_1651_a", ctx.precedent("coram_nobis_when_not_in_custody")))
    spec = circuit_elements().get(ctx.circuit, {})
    elements = tuple(spec.get("elements", ()))
    auth = tuple(ctx.cited(i) for i in spec.get("authorities", ()) if i in ctx.kb)
    open_reason = ctx.reason(
        "elements_to_show",
        "The person is no longer in custody under this sentence and so cannot use § 2255; a petition for a "
        "writ of coram nobis may be filed in this court.",
        "usc28_1651_a", ctx.precedent("coram_nobis_when_not_in_custody"))
    rare = ctx.reason(
        "discretion_remains",
        "The writ is rarely available: only in extraordinary cases, for errors of the most fundamental "
        "character, where circumstances compel it to achieve justice."
        + (f" In the {ctx.court.circuit_name} the petitioner must show: " + "; ".join(elements) + "." if elements else ""),
        auth or ctx.precedent("coram_nobis_rare"), ctx.precedent("coram_nobis_rare", limit=1))
    return ctx.available(open_reason, rare, to_show=elements or (
        "an error of the most fundamental character", "sound reasons for not seeking relief earlier",
        "continuing consequences of the conviction"))
