"""Intake speed against eyecite, on the labelled documents, in one run.

  measured:  the whole intake (clean -> extract -> resolve -> assemble, validation included) of
             every labelled document (tests/intake_docs);
  baseline:  eyecite's get_citations() on the same texts (citations only).
Prints documents/second for each (median of several runs), their ratio, and the case and U.S.C.
citations each found that the other did not (normalised to volume/reporter/page and
title/section); then, from further runs over the same documents, where the intake's time goes
(each stage's median time per document; a breakdown only, the ratio above stands on its own).
Never asserts on a timing.

    python benchmarks/bench_intake.py [--runs 7]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from timing import median_time  # benchmarks/timing.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "tests" / "intake_docs"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))

    from eyecite import get_citations
    from eyecite.models import FullCaseCitation, FullLawCitation

    from fedrelief.intake import intake_text
    from fedrelief.intake.citations import canonical_reporter
    from fedrelief.intake.read import read_document

    from fedrelief.intake.evaluate import labelled_documents

    docs = []
    for p, _label in labelled_documents(DOCS):
        text, markup = read_document(p)
        docs.append((p.name, text, markup))
    size = sum(len(t) for _, t, _ in docs)

    # warm both (reporter tables, compiled expressions, courts), as a long-lived process would be
    intake_text(docs[0][1], docs[0][2])
    get_citations(docs[0][1])

    t_ours = median_time(lambda: [intake_text(t, m) for _, t, m in docs], args.runs)
    t_eye = median_time(lambda: [get_citations(t) for _, t, _ in docs], args.runs)
    n = len(docs)
    print(f"documents: {n} ({size / 1000:.0f} kB of text), {args.runs} runs each, median")
    print(f"baseline  eyecite get_citations    {n / t_eye:8.1f} docs/s   ({t_eye / n * 1e3:6.2f} ms/doc)")
    print(f"measured  fedrelief intake (whole) {n / t_ours:8.1f} docs/s   ({t_ours / n * 1e3:6.2f} ms/doc)")
    print(f"ratio     intake / eyecite          {t_eye / t_ours:8.1f}x")
    print_stages(docs, args.runs)

    only_eye, only_ours = [], []
    for name, text, markup in docs:
        draft = intake_text(text, markup)
        ours = {c.key for c in draft.citations if c.kind in ("case", "usc")}
        eye = set()
        for c in get_citations(draft.extraction.full_doc.text):   # eyecite reads the same cleaned text
            g = c.groups
            if isinstance(c, FullCaseCitation) and g.get("page", "").isdigit():
                eye.add(f"{g['volume']} {canonical_reporter(g['reporter'])} {g['page']}")
            elif isinstance(c, FullLawCitation) and "U.S.C" in g.get("reporter", ""):
                eye.add(f"{int(g['title'])} U.S.C. § {g['section']}")
        only_eye += [f"{name}: {k}" for k in sorted(eye - ours)]
        only_ours += [f"{name}: {k}" for k in sorted(ours - eye)]
    print(f"\ncase and U.S.C. citations eyecite found that intake did not: {len(only_eye)}")
    for line in only_eye:
        print("  " + line)
    print(f"case and U.S.C. citations intake found that eyecite did not: {len(only_ours)}")
    for line in only_ours:
        print("  " + line)


def print_stages(docs, runs: int) -> None:
    """Each stage of intake_text timed apart (same documents, `runs` runs, median per stage)."""
    from fedrelief.intake.assemble import assemble
    from fedrelief.intake.clean import clean
    from fedrelief.intake.extract import extract
    from fedrelief.intake.resolve import resolve

    stages = ("clean", "extract", "resolve", "assemble")
    per_run = {k: [] for k in stages}
    for _ in range(runs):
        spent = dict.fromkeys(stages, 0.0)
        for _name, text, markup in docs:
            t0 = time.perf_counter()
            doc = clean(text, markup, "<text>")
            t1 = time.perf_counter()
            ex = extract(doc)
            t2 = time.perf_counter()
            res = resolve(ex)
            t3 = time.perf_counter()
            assemble(ex, res, source="<text>")
            t4 = time.perf_counter()
            spent["clean"] += t1 - t0
            spent["extract"] += t2 - t1
            spent["resolve"] += t3 - t2
            spent["assemble"] += t4 - t3
        for k in stages:
            per_run[k].append(spent[k])
    n = len(docs)
    medians = {k: statistics.median(v) for k, v in per_run.items()}
    total = sum(medians.values())
    print(f"\nper stage (intake, {runs} further runs, median of each):")
    for k in stages:
        print(f"  {k:9s} {medians[k] / n * 1e3:6.2f} ms/doc  {medians[k] / total * 100:5.1f}%")


if __name__ == "__main__":
    main()
