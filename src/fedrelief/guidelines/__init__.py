"""The Sentencing Table, § 5G1.1, amended-range arithmetic and § 1B1.10 (pure library: every date
is an argument)."""
from .amendments import (
    Amendment,
    Coverage,
    CoverageUnknown,
    amendment,
    amendments_with_unknown_coverage,
    coverage,
    covered_amendments,
    is_covered,
)
from .describe import describe_range
from .reduction import (
    PolicyStatementNotEncoded,
    ReductionFloor,
    amended_range,
    comparable_reduction,
    percent_below_minimum,
    reduction_floor,
)
from .statutory import GuidelineRange, apply_5g1_1
from .table import (
    CATEGORIES,
    NoTableInForce,
    Range,
    cells_for_range,
    chc_from_points,
    normalize_chc,
    sentencing_table,
    table_range,
    treated_level,
)

__all__ = [
    "Amendment",
    "CATEGORIES",
    "Coverage",
    "CoverageUnknown",
    "GuidelineRange",
    "NoTableInForce",
    "PolicyStatementNotEncoded",
    "Range",
    "ReductionFloor",
    "amended_range",
    "amendment",
    "amendments_with_unknown_coverage",
    "apply_5g1_1",
    "cells_for_range",
    "chc_from_points",
    "comparable_reduction",
    "coverage",
    "covered_amendments",
    "describe_range",
    "is_covered",
    "normalize_chc",
    "percent_below_minimum",
    "reduction_floor",
    "sentencing_table",
    "table_range",
    "treated_level",
]
