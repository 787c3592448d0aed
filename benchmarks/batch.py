"""Benchmark: deciding 5,000 complaints on all cores against one by one, same output.

Run ``python benchmarks/batch.py [--input FILE] [--count N] [--workers N]``. Both sides
decide the same complaints with the default engine, built once beforehand; the parallel
time includes starting the worker processes. Output must be identical (Decision JSON in
order). Input: as benchmarks/decide.py (texts of 50–2,000 characters), cycled up to
``--count``. Goal (issue 12): speed-up ≥ 1.8 on 2 cores.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from pathlib import Path

from decide import complaints, default_input

from triage import Engine
from triage.engine.batch import default_workers


def main(argv: Sequence[str] | None = None) -> None:
    """Time one-by-one and parallel deciding; print both and the speed-up."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=None, help="JSON Lines with id and text")
    parser.add_argument("--count", type=int, default=5000, help="complaints to decide")
    parser.add_argument("--workers", type=int, default=default_workers(), help="processes")
    options = parser.parse_args(argv)

    records = complaints(options.input or default_input())
    batch = [records[n % len(records)] for n in range(options.count)]
    with Engine.default() as engine:
        for record in records[:50]:
            engine.decide(record)
        started = time.perf_counter()
        alone = [decision.model_dump_json() for decision in engine.decide_many(batch)]
        one_by_one = time.perf_counter() - started
        started = time.perf_counter()
        together = [
            decision.model_dump_json()
            for decision in engine.decide_many(batch, workers=options.workers)
        ]
        parallel = time.perf_counter() - started
    if together != alone:
        raise SystemExit("parallel decisions differ from one-by-one decisions")
    print(f"{len(batch)} complaints, {options.workers} workers, identical output")
    print(f"one by one: {one_by_one:6.2f} s  {len(batch) / one_by_one:7.0f} decisions/s")
    print(f"  parallel: {parallel:6.2f} s  {len(batch) / parallel:7.0f} decisions/s")
    print(f"speed-up: {one_by_one / parallel:.2f} (goal ≥ 1.8 on 2 cores, start-up included)")


if __name__ == "__main__":
    main()
