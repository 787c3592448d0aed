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

``--base SRC`` compares two versions of the code in one process: the package ``triage``
under ``SRC`` (the ``src`` folder of another checkout, e.g. a git worktree of the base
commit) and this one are imported again, as ``triage_base`` and ``triage_head`` (`twin`),
each builds an engine on the same rules (give ``--rules``), and the sides are ``lcut`` and
the two ``decide``s, chunk by chunk. It prints decide / decide of the base (median over
rounds of each round's ratio) and how many decisions differ: the load of the machine falls
on both versions alike, where two runs of this script, one per version, differ by several
per cent on a busy machine. ``--cpu`` times each side by the thread's CPU time instead of
the wall clock, leaving out the time other processes hold the core. ``--base`` given this
checkout's own ``src`` measures the code against itself: the ratio's distance from 1 is the
noise of the comparison (within 2% over 6 rounds on a busy 2-core machine).
"""

from __future__ import annotations

import argparse
import importlib.machinery
import importlib.util
import json
import re
import statistics
import sys
import time
from collections import deque
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from datetime import UTC, datetime
from importlib.abc import MetaPathFinder
from pathlib import Path
from types import CodeType, ModuleType
from typing import Any

import jieba

import triage
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
    clock: Callable[[], float] = time.perf_counter,
) -> list[list[float]]:
    """Per round, the seconds each side took over ``records``, timed chunk by chunk.

    Each side decides a chunk of records (see `one_by_one`), then the next side the same
    chunk, in an order that turns each round: a change in the load of the machine falls on
    all sides alike.
    """
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


_PACKAGE = re.compile(r"(?<![\w\-/.])triage(?![\w\-])")
"""The package's name where the code names it (imports, resources, module paths)."""


class _TwinLoader(importlib.machinery.SourceFileLoader):
    """Compiles a module of the twin with the package's name replaced; writes no bytecode
    (the checkout's own ``__pycache__`` stays that of its code)."""

    def __init__(self, fullname: str, path: str, name: str) -> None:
        super().__init__(fullname, path)
        self.twin = name

    def get_code(self, fullname: str) -> CodeType:
        source = self.get_data(self.path).decode("utf-8")
        code: CodeType = compile(
            _PACKAGE.sub(self.twin, source), self.path, "exec", dont_inherit=True
        )
        return code


class _TwinFinder(MetaPathFinder):
    """Finds ``name`` and its modules in the folder of another copy of ``triage``."""

    def __init__(self, name: str, root: Path) -> None:
        self.name, self.root = name, root

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != self.name and not fullname.startswith(f"{self.name}."):
            return None
        folder = self.root.joinpath(*fullname.split(".")[1:])
        if (folder / "__init__.py").is_file():
            origin, locations = folder / "__init__.py", [str(folder)]
        elif folder.with_suffix(".py").is_file():
            origin, locations = folder.with_suffix(".py"), None
        else:
            return None
        loader = _TwinLoader(fullname, str(origin), self.name)
        return importlib.util.spec_from_file_location(
            fullname, origin, loader=loader, submodule_search_locations=locations
        )


def twin(src: Path, name: str = "triage_base") -> Any:
    """The package ``triage`` under ``src``, imported as ``name`` beside this process's own:
    another version of the code, to time against this one in the same process."""
    root = src / "triage"
    if not (root / "__init__.py").is_file():
        raise SystemExit(f"{src}: no triage package there (give the src folder of a checkout)")
    if name not in sys.modules:
        sys.meta_path.insert(0, _TwinFinder(name, root))
    return importlib.import_module(name)


def main(argv: Sequence[str] | None = None) -> None:
    """Time the three sides and print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=None, help="JSON Lines with id and text")
    parser.add_argument("--rounds", type=int, default=9, help="rounds; the median ratio counts")
    parser.add_argument("--chunk", type=int, default=CHUNK, help="texts per loop of one side")
    parser.add_argument(
        "--rules", type=Path, nargs="*", help="rule pack folders (default: the bundled packs)"
    )
    parser.add_argument(
        "--base", type=Path, help="the src folder of another checkout: its decide is a side too"
    )
    parser.add_argument("--cpu", action="store_true", help="time by thread CPU, not wall clock")
    options = parser.parse_args(argv)
    clock = time.thread_time if options.cpu else time.perf_counter

    path = options.input or default_input()
    records = complaints(path)
    texts = [record.text for record in records]
    characters = sum(map(len, texts))
    if options.base is None:
        with Engine.from_paths(*options.rules) if options.rules else Engine.default() as engine:
            sides: list[Callable[[Sequence[Complaint]], object]] = [
                one_by_one(lambda record: jieba.lcut(record.text)),
                one_by_one(engine.analyse),
                one_by_one(engine.decide),
                lambda part: deque(engine.decide_many(part), maxlen=0),
            ]
            names = ["jieba.lcut", "Engine.analyse", "Engine.decide", "decide_many"]
            interleaved_rounds(1, sides, records, clock=clock)  # warm: jieba's dictionary, caches
            timings = interleaved_rounds(options.rounds, sides, records, options.chunk, clock)
        differing = None
    else:
        # Both versions are imported here, this one a second time: the same way, after the
        # script's own imports (the first import of the code decided about 2% slower than a
        # second import of the same code, on a busy 2-core machine). lcut and the two
        # decides are the sides, each in every place in turn.
        versions = [twin(Path(triage.__file__).parents[1], "triage_head"), twin(options.base)]
        with ExitStack() as stack:
            deciders = []
            for package in versions:
                engine = stack.enter_context(
                    package.Engine.from_paths(*options.rules)
                    if options.rules
                    else package.Engine.default()
                )
                # the same complaints, as records of that version's own classes
                own = {
                    id(record): package.Complaint(
                        id=record.id, text=record.text, received_at=record.received_at
                    )
                    for record in records
                }
                deciders.append((engine, own))
            sides = [one_by_one(lambda record: jieba.lcut(record.text))]
            sides += [
                one_by_one(lambda record, e=engine, own=own: e.decide(own[id(record)]))
                for engine, own in deciders
            ]
            names = ["jieba.lcut", "Engine.decide", "decide (base)"]
            (head, head_own), (base, base_own) = deciders
            differing = sum(
                head.decide(head_own[id(record)]).model_dump_json()
                != base.decide(base_own[id(record)]).model_dump_json()
                for record in records
            )
            interleaved_rounds(1, sides, records, clock=clock)
            timings = interleaved_rounds(options.rounds, sides, records, options.chunk, clock)
    fastest = [min(column) for column in zip(*timings, strict=True)]
    lengths = sorted(map(len, texts))
    print(
        f"input: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: "
        f"{len(texts)} texts, {characters} characters "
        f"(min {lengths[0]}, median {statistics.median(lengths):.0f}, max {lengths[-1]})"
        + ("; thread CPU" if options.cpu else "")
    )
    for name, seconds in zip(names, fastest, strict=True):
        print(
            f"{name:>14}: {len(texts) / seconds:8.0f} texts/s  {characters / seconds:10.0f} chars/s"
            f"  {seconds / len(texts) * 1000:.3f} ms/text"
        )
    decide = names.index("Engine.decide")
    comparisons = [("decide", decide, 0)]
    if differing is None:
        comparisons += [("analyse", 1, 0), ("decide_many", 3, 0)]
    else:
        comparisons += [("decide (base)", 2, 0), ("decide / decide (base)", decide, 2)]
    for name, side, against in comparisons:
        ratios = [round_times[side] / round_times[against] for round_times in timings]
        print(
            f"ratio {name}{' / lcut' if against == 0 else ''}: {statistics.median(ratios):.3f} "
            f"(median of {len(ratios)} rounds; min {min(ratios):.3f}, max {max(ratios):.3f}"
            + ("; goal ≤ 1.5)" if (side, against) == (decide, 0) else ")")
        )
    if differing is not None:
        print(f"decisions that differ from the base's: {differing} of {len(records)}")


if __name__ == "__main__":
    main()
