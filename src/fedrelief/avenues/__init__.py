"""One module per avenue id (SPEC.md). Each module declares:

    ID, TITLE, FORUM, RELIEF   what the door is, who holds it, what it can give
    DELIVERS                    the `request.seeks` values it can answer
    INVOKED_BY                  regexes matching `request.invokes` entries that name it
    NEEDS                       facts (dotted paths) it reads
    evaluate(ctx) -> AvenueResult
"""
from importlib import import_module

ORDER = (
    "inherent_power", "rule35a", "rule35b", "appeal", "s2255", "coram_nobis", "s3582c1a", "s3582c2",
    "departure", "reclassification", "clemency",
    "rule36", "s2241", "s3583e", "s3607c", "s3573", "fsa404",
)

MODULES = {name: import_module(f"{__name__}.{name}") for name in ORDER}
