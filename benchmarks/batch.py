"""Benchmark: deciding 5,000 complaints on all cores against one by one, same output.

Run ``python benchmarks/batch.py [--input FILE] [--count N] [--workers N]``. Both sides
decide the same complaints with the default engine, built once beforehand; the parallel
time includes starting the worker processes. Output must be identical (Decision JSON in
order). Input: as benchmarks/decide.py (texts of 50–2,000 characters), cycled up to
``--count``. Goal (issue 12): speed-up ≥ 1.8 on 2 cores.
"""

from __future__ import annotations

import argparse
import statistics
from collections.abc import Sequence
from pathlib import Path

from decide import complaints, default_input
from text_analysis import timed_rounds

from triage import Engine
from triage.engine.batch import default_workers


def main(argv: Sequence[str] | None = None) -> None:
    """Time one-by-one and parallel deciding in alternating rounds; print the speed-up."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=None, help="JSON Lines with id and text")
    parser.add_argument("--count", type=int, default=5000, help="complaints to decide")
    parser.add_argument("--workers", type=int, default=default_workers(), help="processes")
    parser.add_argument("--rounds", type=int, default=3, help="rounds; the median counts")
    parser.add_argument(
        "--rules", type=Path, nargs="*", help="rule pack folders (default: the bundled packs)"
    )
    options = parser.parse_args(argv)

    records = complaints(options.input or default_input())
    batch = [records[n % len(records)] for n in range(options.count)]
    with Engine.from_paths(*options.rules) if options.rules else Engine.default() as engine:
        for record in records[:50]:
            engine.decide(record)
        outputs: list[list[str]] = []

        def one_by_one() -> None:
            outputs.append([d.model_dump_json() for d in engine.decide_many(batch)])

        def parallel() -> None:
            outputs.append(
                [d.model_dump_json() for d in engine.decide_many(batch, workers=options.workers)]
            )

        # Rounds alternate the two, so a busy machine slows both alike.
        timings = timed_rounds(options.rounds, (one_by_one, parallel))
    if any(output != outputs[0] for output in outputs):
        raise SystemExit("parallel decisions differ from one-by-one decisions")
    speed_ups = [alone / together for alone, together in timings]
    alone, together = (min(column) for column in zip(*timings, strict=True))
    print(f"{len(batch)} complaints, {options.workers} workers, identical output")
    print(f"one by one: {alone:6.2f} s  {len(batch) / alone:7.0f} decisions/s (fastest round)")
    print(f"  parallel: {together:6.2f} s  {len(batch) / together:7.0f} decisions/s")
    print(
        f"speed-up: {statistics.median(speed_ups):.2f} (median of {len(speed_ups)} rounds; "
        f"min {min(speed_ups):.2f}, max {max(speed_ups):.2f}; goal ≥ 1.8 on 2 cores, "
        "start-up included)"
    )


if __name__ == "__main__":
    main()
