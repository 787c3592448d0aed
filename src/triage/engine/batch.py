"""Deciding many complaints on several processes: input order, bounded memory, bad items kept.

Complaints go to the workers in chunks; at most `CHUNKS_IN_FLIGHT` chunks per
worker are queued or being decided, so a file of millions streams through in constant
memory. Each worker holds one engine: on Linux the workers are forked from the calling
process and share its engine as built (no rebuild, near-instant start); elsewhere they
are spawned and the engine is pickled (its rule set) and rebuilt once per worker.

An item that fails validation comes back as its [`RecordError`][triage.errors.RecordError], in
its place; the other items are decided. Any other error stops the batch.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from typing import TYPE_CHECKING, Any

from triage.errors import FieldProblem, RecordError, TriageError
from triage.records.complaint import Complaint
from triage.records.decision import Decision

if TYPE_CHECKING:
    from triage.engine.engine import Analysed, DecisionParts, Engine

__all__ = ["CHUNKS_IN_FLIGHT", "CHUNK_SIZE", "Item", "decide_batch", "default_workers"]

CHUNK_SIZE = 64
"""Complaints sent to a worker at once: large enough that messaging costs little (deciding
5,000 real complaints on 2 workers took about 5% more CPU in all with chunks of 32)."""
CHUNKS_IN_FLIGHT = 4
"""Chunks per worker queued or being decided at any time: the bound on memory."""

Item = Complaint | Mapping[str, Any]
"""What can be decided: a Complaint, or a mapping validated as one."""


@dataclass(frozen=True)
class _Bad:
    """A RecordError, as its constructor's arguments (the exception itself does not pickle)."""

    what: str
    problems: tuple[FieldProblem, ...]
    line: int | None

    def error(self) -> RecordError:
        return RecordError(self.what, self.problems, line=self.line)


_Outcome = tuple["DecisionParts", float] | _Bad
"""A decided item as its parts (the calling process builds the Decision) and its seconds."""

_worker_engine: list[Engine] = []
"""The engine of this worker process (set once, when the worker starts)."""


def default_workers() -> int:
    """Every core this process may run on."""
    if sys.platform == "linux":
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _start_worker(engine: Engine) -> None:
    engine._adopt_in_worker()
    _worker_engine.append(engine)


def _decide_chunk(chunk: list[Item], as_of: datetime | None) -> list[_Outcome]:
    outcomes, failure = _decide_staged(_worker_engine[0], chunk, as_of)
    if failure is not None:
        raise failure
    return outcomes


def _decide_staged(
    engine: Engine, chunk: list[Item], as_of: datetime | None
) -> tuple[list[_Outcome], Exception | None]:
    """The outcomes of ``chunk``, decided stage by stage: every text analysed, then the
    rule stage of each (see `triage.engine.engine.Analysed`); each item's seconds are
    its own stages'. An error other than a RecordError stops the chunk where it occurs,
    as deciding one by one would: the outcomes of the items before it, and the error."""
    clock = time.perf_counter
    analysed: list[tuple[Analysed, float] | _Bad] = []
    failure: Exception | None = None
    for item in chunk:
        started = clock()
        try:
            analysed.append((engine._text_stage(item, as_of=as_of), clock() - started))
        except RecordError as error:
            analysed.append(_Bad(error.what, error.problems, error.line))
        except Exception as error:  # noqa: BLE001 - raised once the items before it are out
            failure = error
            break
    outcomes: list[_Outcome] = []
    for staged in analysed:
        if isinstance(staged, _Bad):
            outcomes.append(staged)
            continue
        first, seconds = staged
        started = clock()
        try:
            outcomes.append((engine._rule_stage(first), seconds + clock() - started))
        except RecordError as error:
            outcomes.append(_Bad(error.what, error.problems, error.line))
        except Exception as error:  # noqa: BLE001 - an earlier item's error than the text stage's
            return outcomes, error
    return outcomes, failure


def _context() -> multiprocessing.context.BaseContext:
    """Fork on Linux (workers share the built engine); spawn elsewhere, where fork is unsafe."""
    return multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")


def decide_batch(
    engine: Engine,
    complaints: Iterable[Item],
    *,
    workers: int,
    as_of: datetime | None,
    report: Callable[[Decision, float], None],
) -> Iterator[Decision | RecordError]:
    """Decisions (or RecordErrors) for ``complaints``, in order, from ``workers`` processes.

    ``report`` is called in this process with each decision and the seconds it took.
    """
    if workers < 1:
        raise TriageError(f"workers must be at least 1, got {workers}")
    if workers == 1:
        yield from _sequential(engine, complaints, as_of, report)
        return
    items = iter(complaints)
    pool = ProcessPoolExecutor(
        workers, mp_context=_context(), initializer=_start_worker, initargs=(engine,)
    )
    pending: deque[Future[list[_Outcome]]] = deque()
    try:
        while chunk := list(islice(items, CHUNK_SIZE)):
            pending.append(pool.submit(_decide_chunk, chunk, as_of))
            if len(pending) >= workers * CHUNKS_IN_FLIGHT:
                yield from _results(engine, pending.popleft().result(), report)
        while pending:
            yield from _results(engine, pending.popleft().result(), report)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _sequential(
    engine: Engine,
    complaints: Iterable[Item],
    as_of: datetime | None,
    report: Callable[[Decision, float], None],
) -> Iterator[Decision | RecordError]:
    """One process: complaints decided chunk by chunk, stage by stage (`_decide_staged`)."""
    items = iter(complaints)
    while True:
        chunk: list[Item] = []
        failure: Exception | None = None
        try:  # an input that fails mid-chunk: the items before it are decided first
            chunk.extend(islice(items, CHUNK_SIZE))
        except Exception as error:  # noqa: BLE001 - raised below, in its place
            failure = error
        if not chunk and failure is None:
            return
        outcomes, stopped = _decide_staged(engine, chunk, as_of)
        yield from _results(engine, outcomes, report)
        if stopped is not None:
            raise stopped
        if failure is not None:
            raise failure
        if len(chunk) < CHUNK_SIZE:
            return


def _results(
    engine: Engine, outcomes: list[_Outcome], report: Callable[[Decision, float], None]
) -> Iterator[Decision | RecordError]:
    clock = time.perf_counter
    for outcome in outcomes:
        if isinstance(outcome, _Bad):
            yield outcome.error()
        else:
            parts, seconds = outcome
            started = clock()
            decision = engine._assemble(parts)
            report(decision, seconds + clock() - started)
            yield decision
