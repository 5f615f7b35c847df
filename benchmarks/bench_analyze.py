"""Analysis speed, against baselines measured in the same run.

  in-process: median time of `analyze()` over every example case (KB loaded once), beside the
              median time of loading and validating the same case file (baseline: parsing alone);
  cold start: median wall time of `fedrelief analyze CASE --json` as a new process, beside
              `python -c pass` (baseline: the interpreter's own start-up).
Prints medians and ratios; never asserts on a timing.

    python benchmarks/bench_analyze.py [--runs 15] [--cold-runs 7]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from timing import median_time  # benchmarks/timing.py, beside this script

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--cold-runs", type=int, default=7)
    args = ap.parse_args()

    from fedrelief.engine import analyze
    from fedrelief.facts import load_case
    from fedrelief.law.kb import load_kb

    load_kb()
    cases = sorted((ROOT / "examples").glob("*.yaml"))
    loaded = [load_case(p) for p in cases]
    analyze(loaded[0])  # warm caches (circuits, guideline tables) once, as a long-lived process would
    t_parse = median_time(lambda: [load_case(p) for p in cases], args.runs) / len(cases)
    t_analyze = median_time(lambda: [analyze(c) for c in loaded], args.runs) / len(cases)
    print(f"examples: {len(cases)} case files, {args.runs} runs each")
    print(f"baseline  load+validate one case file   median {t_parse * 1e3:8.3f} ms")
    print(f"measured  analyze() one case            median {t_analyze * 1e3:8.3f} ms   ratio {t_analyze / t_parse:6.2f}x baseline")

    exe = Path(sys.executable).parent / "fedrelief"
    def cold(cmd):
        return median_time(lambda: subprocess.run(cmd, capture_output=True, check=True), args.cold_runs)
    t_pass = cold([sys.executable, "-c", "pass"])
    t_cli = cold([str(exe), "analyze", str(cases[0]), "--json"])
    print(f"baseline  python -c pass (cold)         median {t_pass * 1e3:8.1f} ms")
    print(f"measured  fedrelief analyze --json      median {t_cli * 1e3:8.1f} ms   ratio {t_cli / t_pass:6.2f}x baseline")


if __name__ == "__main__":
    main()
