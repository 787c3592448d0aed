"""Benchmark: the whole decision against plain ``jieba.lcut`` on the same texts.

Run ``python benchmarks/decide.py [--input FILE]``. ``Engine.decide`` does everything a
user waits for: text analysis, every rule pass, resolution and the full trace. The
baseline is ``jieba.lcut`` (jieba's default, HMM on) over the same texts, timed in the same
rounds. Input: JSON Lines with ``id`` and ``text``, or labelled records holding them under
``complaint`` (``eval/dev.jsonl``); texts of 50–2,000 characters are kept. Default: the
real-text corpus ``eval/corpus/texts.jsonl`` when present, else ``examples/complaints.jsonl``.

Each round times the sides text by text, back to back (``lcut``, then ``analyse`` alone,
then ``decide``, then ``decide_many`` over the same texts; the order turns round by round),
so a machine busy with other work slows all alike. It prints texts/s and characters/s
(fastest round) and the ratios decide / lcut, analyse / lcut and decide_many / lcut (median
over rounds of each round's ratio). Goal (issue 12): decide / lcut ≤ 1.5. ``decide_many``
(one process) decides a batch stage by stage, every text analysed before the rule stage of
each, which keeps each stage's tables in the processor's caches: what a batch of
complaints costs, beside what one complaint does.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import deque
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import jieba

from triage import Complaint, Engine

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "eval" / "corpus" / "texts.jsonl"
EXAMPLES = ROOT / "examples" / "complaints.jsonl"
SHORTEST, LONGEST = 50, 2000
RECEIVED = datetime(2026, 6, 1, 10, tzinfo=UTC)
CHUNK = 40
"""Texts each side runs in one loop before the next side takes the same texts."""


def default_input() -> Path:
    """The real-text corpus when it is there, else the shipped examples."""
    return CORPUS if CORPUS.exists() else EXAMPLES


def complaints(path: Path) -> list[Complaint]:
    """The complaints of ``path`` whose text has 50–2,000 characters, as bare records."""
    kept = []
    with path.open(encoding="utf-8") as file:
        for line in file:
            if not line.strip():
                continue
            row = json.loads(line)
            row = row.get("complaint", row)
            if SHORTEST <= len(row["text"]) <= LONGEST:
                kept.append(Complaint(id=str(row["id"]), text=row["text"], received_at=RECEIVED))
    if not kept:
        raise SystemExit(f"{path}: no text of {SHORTEST}–{LONGEST} characters")
    return kept


def one_by_one(run: Callable[[Complaint], object]) -> Callable[[Sequence[Complaint]], None]:
    """A side that takes the records of a chunk one by one, in a loop (as a user's would)."""

    def side(records: Sequence[Complaint]) -> None:
        for record in records:
            run(record)

    return side


def interleaved_rounds(
    rounds: int,
    sides: Sequence[Callable[[Sequence[Complaint]], object]],
    records: Sequence[Complaint],
    chunk: int = CHUNK,
) -> list[list[float]]:
    """Per round, the seconds each side took over ``records``, timed chunk by chunk.

    Each side decides a chunk of records (see `one_by_one`), then the next side the same
    chunk, in an order that turns each round: a change in the load of the machine falls on
    all sides alike.
    """
    clock = time.perf_counter
    timings = []
    for round_number in range(rounds):
        shift = round_number % len(sides)
        order = [*range(shift, len(sides)), *range(shift)]
        totals = [0.0] * len(sides)
        for first in range(0, len(records), chunk):
            part = records[first : first + chunk]
            for side in order:
                run = sides[side]
                started = clock()
                run(part)
                totals[side] += clock() - started
        timings.append(totals)
    return timings


def main(argv: Sequence[str] | None = None) -> None:
    """Time the three sides and print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=None, help="JSON Lines with id and text")
    parser.add_argument("--rounds", type=int, default=9, help="rounds; the median ratio counts")
    parser.add_argument("--chunk", type=int, default=CHUNK, help="texts per loop of one side")
    parser.add_argument(
        "--rules", type=Path, nargs="*", help="rule pack folders (default: the bundled packs)"
    )
    options = parser.parse_args(argv)

    path = options.input or default_input()
    records = complaints(path)
    texts = [record.text for record in records]
    characters = sum(map(len, texts))
    with Engine.from_paths(*options.rules) if options.rules else Engine.default() as engine:
        sides: list[Callable[[Sequence[Complaint]], object]] = [
            one_by_one(lambda record: jieba.lcut(record.text)),
            one_by_one(engine.analyse),
            one_by_one(engine.decide),
            lambda part: deque(engine.decide_many(part), maxlen=0),
        ]
        interleaved_rounds(1, sides, records)  # warm: jieba's dictionary, caches
        timings = interleaved_rounds(options.rounds, sides, records, options.chunk)
    fastest = [min(column) for column in zip(*timings, strict=True)]
    lengths = sorted(map(len, texts))
    print(
        f"input: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: "
        f"{len(texts)} texts, {characters} characters "
        f"(min {lengths[0]}, median {statistics.median(lengths):.0f}, max {lengths[-1]})"
    )
    for name, seconds in zip(
        ("jieba.lcut", "Engine.analyse", "Engine.decide", "decide_many"), fastest, strict=True
    ):
        print(
            f"{name:>14}: {len(texts) / seconds:8.0f} texts/s  {characters / seconds:10.0f} chars/s"
            f"  {seconds / len(texts) * 1000:.3f} ms/text"
        )
    for name, side in (("decide", 2), ("analyse", 1), ("decide_many", 3)):
        ratios = [round_times[side] / round_times[0] for round_times in timings]
        print(
            f"ratio {name} / lcut: {statistics.median(ratios):.2f} (median of {len(ratios)} "
            f"rounds; min {min(ratios):.2f}, max {max(ratios):.2f}"
            + ("; goal ≤ 1.5)" if side == 2 else ")")
        )


if __name__ == "__main__":
    main()
