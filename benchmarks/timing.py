"""The one timing helper the benchmarks share: the median of several runs (never a mean)."""
import statistics
import time


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)
