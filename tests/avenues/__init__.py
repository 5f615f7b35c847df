"""Tests of single avenue modules (issue 3: rule36, s2241, s3583e, s3607c, s3573).

Helpers shared by the test files: build a case from a minimal dict with `a__b` overrides, run the
engine, and compare an avenue with what a real court decided (tests/cases/<avenue>/*.yaml).
"""
from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from fedrelief.engine import analyze
from fedrelief.engine.result import Analysis, AvenueResult
from fedrelief.facts import case_from_data, load_case_document

CASES = Path(__file__).resolve().parent.parent / "cases"


def build(base: dict[str, Any], **over: Any) -> dict[str, Any]:
    """`base` with overrides; a key `custody__status` sets raw["custody"]["status"]."""
    raw = copy.deepcopy(base)
    for key, value in over.items():
        target = raw
        *path, last = key.split("__")
        for part in path:
            target = target.setdefault(part, {})
        target[last] = value
    return raw


def run(avenue: str, raw: dict[str, Any]) -> tuple[AvenueResult, Analysis]:
    analysis = analyze(case_from_data(raw).case)
    return analysis.avenue(avenue), analysis


def cited_ids(result: AvenueResult) -> set[str]:
    return {c.id for r in result.reasons for c in r.authorities}


def real_orders(avenue: str) -> list[Path]:
    return sorted((CASES / avenue).glob("*.yaml"))


def disagreements_with_court(path: Path, avenue: str) -> list[str]:
    """Status and reason codes for `avenue` against the file's `expected` (every code the court
    relied on must be among ours; ours may say more)."""
    doc = load_case_document(path)
    want = doc.extras["expected"]["avenues"][avenue]
    got = analyze(doc.case).avenue(avenue)
    out = []
    if "status" in want and want["status"] != got.status:
        out.append(f"status: court {want['status']}, fedrelief {got.status}")
    missing = [c for c in want.get("reasons") or () if c not in got.codes]
    if missing:
        out.append(f"reasons: court {want['reasons']}, fedrelief {list(got.codes)}")
    return out


def real_order_tests(avenue: str, disagree: dict[str, str]):
    """The two tests every avenue module runs against its real orders (tests/cases/<avenue>/):
    each file agrees with the court unless it is listed in `disagree` with the reason; and each
    listed file still disagrees (so the list cannot go stale). Use as
        test_real_order, test_known_disagreements_still_disagree = real_order_tests("rule36", DISAGREE)
    """
    import pytest

    @pytest.mark.parametrize("path", real_orders(avenue), ids=lambda p: p.stem)
    def test_real_order(path: Path):
        if path.stem in disagree:
            pytest.xfail(disagree[path.stem])
        assert disagreements_with_court(path, avenue) == []

    @pytest.mark.parametrize("stem", sorted(disagree))
    def test_known_disagreements_still_disagree(stem):
        assert disagreements_with_court(next(p for p in real_orders(avenue) if p.stem == stem), avenue)

    return test_real_order, test_known_disagreements_still_disagree
