"""Benchmark: deciding 5,000 complaints on all cores against one by one, same output.

Run ``python benchmarks/batch.py [--input FILE] [--count N] [--workers N]``. Both sides
decide the same complaints with the default engine, built once beforehand; the parallel
time includes starting the helper processes. Output must be identical (Decision JSON in
order). Input: as benchmarks/decide.py (texts of 50–2,000 characters), cycled up to
``--count``. Goal (issue 12): speed-up ≥ 1.8 on 2 cores.

Besides the time, each side's CPU is counted: this process's (``time.process_time``) and
the helpers' (``RUSAGE_CHILDREN``, once they are joined). On a machine shared with other
jobs the clock says little; the CPU figures also give the speed-up the same run would
reach on idle cores: one by one's CPU over the parallel side's CPU shared evenly by the
cores. Waiting at the start and the end is not counted there.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from decide import complaints, default_input

from triage import Engine
from triage.engine.batch import default_workers


class Cost(NamedTuple):
    """One run of one side: seconds on the clock, CPU of this process and of its helpers."""

    wall: float
    own: float
    helpers: float


def _helpers_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def costed_rounds(rounds: int, runs: Sequence[Callable[[], object]]) -> list[list[Cost]]:
    """Per round, the cost of each run; the runs alternate, so a busy machine slows all."""
    costs = []
    for _ in range(rounds):
        row = []
        for run in runs:
            wall, own, helpers = time.perf_counter(), time.process_time(), _helpers_cpu()
            run()
            row.append(
                Cost(
                    time.perf_counter() - wall,
                    time.process_time() - own,
                    _helpers_cpu() - helpers,
                )
            )
        costs.append(row)
    return costs


def idle_speed_up(alone: Cost, together: Cost, workers: int) -> float:
    """The speed-up ``together`` would reach on ``workers`` idle cores, by its CPU shared
    evenly by them: chunks go to whichever process is free, so none keeps more."""
    return alone.own * workers / (together.own + together.helpers)


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

        costs = costed_rounds(options.rounds, (one_by_one, parallel))
    if any(output != outputs[0] for output in outputs):
        raise SystemExit("parallel decisions differ from one-by-one decisions")
    speed_ups = [alone.wall / together.wall for alone, together in costs]
    alone, together = (
        min(column, key=lambda cost: cost.wall) for column in zip(*costs, strict=True)
    )
    print(f"{len(batch)} complaints, {options.workers} workers, identical output")
    for name, cost in (("one by one", alone), ("parallel", together)):
        rate = len(batch) / cost.wall
        print(f"{name:>10}: {cost.wall:6.2f} s  {rate:7.0f} decisions/s (fastest round)")
    print(
        f"speed-up: {statistics.median(speed_ups):.2f} (median of {len(speed_ups)} rounds; "
        f"min {min(speed_ups):.2f}, max {max(speed_ups):.2f}; goal ≥ 1.8 on 2 cores, "
        "start-up included)"
    )
    cpu_alone = statistics.median(a.own for a, _ in costs)
    cpu_here = statistics.median(t.own for _, t in costs)
    cpu_helpers = statistics.median(t.helpers for _, t in costs)
    cpu_ratio = statistics.median((t.own + t.helpers) / a.own for a, t in costs)
    print(
        f"CPU, medians: one by one {cpu_alone:.2f} s; parallel {cpu_here:.2f} s here "
        f"+ {cpu_helpers:.2f} s in helpers = {cpu_ratio:.3f} × one by one"
    )
    idle = [idle_speed_up(a, t, options.workers) for a, t in costs]
    print(
        f"speed-up on idle cores, by CPU: {statistics.median(idle):.2f} "
        f"(min {min(idle):.2f}, max {max(idle):.2f}; waiting at start and end not counted)"
    )


if __name__ == "__main__":
    main()
