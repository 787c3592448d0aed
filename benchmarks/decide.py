"""Benchmark: the whole decision against plain ``jieba.lcut`` on the same texts.

Run ``python benchmarks/decide.py [--input FILE]``. ``Engine.decide`` does everything a
user waits for: text analysis, every rule pass, resolution and the full trace. The
baseline is ``jieba.lcut`` (jieba's default, HMM on) over the same texts, timed in the same
rounds. Input: JSON Lines with ``id`` and ``text``; texts of 50–2,000 characters are
kept. Default: the real-text corpus ``eval/corpus/texts.jsonl`` when present, else
``examples/complaints.jsonl``.

It prints decisions/s and characters/s (fastest round) and the ratio decide / lcut
(median over rounds of each round's ratio). Goal (issue 12): ratio ≤ 1.5.
"""

from __future__ import annotations

import argparse
import json
import statistics
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import jieba
from text_analysis import timed_rounds

from triage import Complaint, Engine

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "eval" / "corpus" / "texts.jsonl"
EXAMPLES = ROOT / "examples" / "complaints.jsonl"
SHORTEST, LONGEST = 50, 2000
RECEIVED = datetime(2026, 6, 1, 10, tzinfo=UTC)


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
            if SHORTEST <= len(row["text"]) <= LONGEST:
                kept.append(Complaint(id=str(row["id"]), text=row["text"], received_at=RECEIVED))
    if not kept:
        raise SystemExit(f"{path}: no text of {SHORTEST}–{LONGEST} characters")
    return kept


def main(argv: Sequence[str] | None = None) -> None:
    """Time both sides and print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=None, help="JSON Lines with id and text")
    parser.add_argument("--rounds", type=int, default=7, help="rounds; the median ratio counts")
    options = parser.parse_args(argv)

    path = options.input or default_input()
    records = complaints(path)
    texts = [record.text for record in records]
    characters = sum(map(len, texts))
    with Engine.default() as engine:
        for record in records:  # warm both: jieba's dictionary, caches
            jieba.lcut(record.text)
            engine.decide(record)

        def lcut_all() -> None:
            for text in texts:
                jieba.lcut(text)

        def decide_all() -> None:
            for record in records:
                engine.decide(record)

        timings = timed_rounds(options.rounds, (lcut_all, decide_all))
    lcut_time, decide_time = (min(column) for column in zip(*timings, strict=True))
    ratios = [decide / lcut for lcut, decide in timings]
    lengths = sorted(map(len, texts))
    print(
        f"input: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: "
        f"{len(texts)} texts, {characters} characters "
        f"(min {lengths[0]}, median {statistics.median(lengths):.0f}, max {lengths[-1]})"
    )
    for name, seconds in (("jieba.lcut", lcut_time), ("Engine.decide", decide_time)):
        print(
            f"{name:>13}: {len(texts) / seconds:8.0f} texts/s  {characters / seconds:10.0f} chars/s"
            f"  {seconds / len(texts) * 1000:.3f} ms/text"
        )
    print(
        f"ratio decide / lcut: {statistics.median(ratios):.2f} (median of {len(ratios)} rounds; "
        f"min {min(ratios):.2f}, max {max(ratios):.2f}; goal ≤ 1.5)"
    )


if __name__ == "__main__":
    main()
