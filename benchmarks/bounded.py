"""Benchmark: one huge complaint decides in bounded time and memory (issue 13, part 1).

Run ``python benchmarks/bounded.py``. For each kind of hostile text (traditional Chinese,
Chinese without punctuation, one term repeated) at 100,000 and 1,000,000 characters, a
fresh process builds the default engine, decides a short complaint to warm up, then
decides the huge one, sampling its resident memory every few milliseconds. It prints the
seconds, the peak extra RSS over the warmed engine, and how the decision was marked.
Targets: 1,000,000 characters in < 5 s and < 300 MB extra; 100,000 in < 0.5 s.
For scale, the same process times a 2,000-character complaint (the longest real ones).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import re
import resource
import threading
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "complaints.jsonl"
TARGETS = {100_000: (0.5, None), 1_000_000: (5.0, 300.0)}
"""Characters → (seconds, extra MB) not to exceed."""


def _seed() -> str:
    with EXAMPLES.open(encoding="utf-8") as file:
        return "".join(json.loads(line)["text"] for line in file if line.strip())


def text(kind: str, size: int) -> str:
    """``size`` characters of one hostile kind, built from the shipped examples."""
    import opencc

    seed = _seed()
    if kind == "traditional":
        unit = opencc.OpenCC("s2t").convert(seed)
    elif kind == "no-punctuation":
        unit = re.sub(r"[，。！？；、,.!?;：:“”\"'（）()\s]", "", seed)
    elif kind == "repeated-terms":
        unit = "曝光骨折投诉"
    else:
        unit = seed
    return (unit * (size // len(unit) + 1))[:size]


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as file:
        return int(file.read().split()[1]) * resource.getpagesize() / 2**20


def _measure(kind: str, size: int, queue: multiprocessing.Queue[dict[str, object]]) -> None:
    from triage import Complaint, Engine

    received = datetime(2026, 6, 1, 10, tzinfo=UTC)
    with Engine.default(slow_decision=None) as engine:
        engine.decide(Complaint(id="warm", text=text("mixed", 2000), received_at=received))
        started = time.perf_counter()
        engine.decide(Complaint(id="long", text=text(kind, 2000), received_at=received))
        real_length = time.perf_counter() - started
        complaint = Complaint(id="huge", text=text(kind, size), received_at=received)
        before = _rss_mb()
        peak = [before]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.005):
                peak[0] = max(peak[0], _rss_mb())

        sampler = threading.Thread(target=sample)
        sampler.start()
        started = time.perf_counter()
        decision = engine.decide(complaint)
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
    queue.put(
        {
            "kind": kind,
            "characters": size,
            "seconds": round(seconds, 3),
            "extra_rss_mb": round(max(peak[0], _rss_mb()) - before, 1),
            "seconds_2000_chars": round(real_length, 4),
            "review_reasons": list(decision.review_reasons),
            "firings": len(decision.trace),
            "spans": sum(len(firing.spans) for firing in decision.trace),
        }
    )


def main(argv: Sequence[str] | None = None) -> None:
    """Measure every kind and size in its own process; print one JSON line each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=sorted(TARGETS))
    options = parser.parse_args(argv)
    context = multiprocessing.get_context("spawn")
    failed = False
    for size in options.sizes:
        for kind in ("traditional", "no-punctuation", "repeated-terms"):
            queue: multiprocessing.Queue[dict[str, object]] = context.Queue()
            process = context.Process(target=_measure, args=(kind, size, queue))
            process.start()
            result = queue.get()
            process.join()
            seconds_limit, rss_limit = TARGETS.get(size, (None, None))
            within = (seconds_limit is None or float(str(result["seconds"])) < seconds_limit) and (
                rss_limit is None or float(str(result["extra_rss_mb"])) < rss_limit
            )
            failed |= not within
            print(json.dumps({**result, "within_target": within}, ensure_ascii=False), flush=True)
    if failed:
        raise SystemExit("some decision missed its target")


if __name__ == "__main__":
    main()
