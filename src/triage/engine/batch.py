"""Deciding many complaints on several processes: input order, bounded memory, bad items kept.

With ``workers=N``, this process and N - 1 helper processes decide. Complaints are cut into
chunks; a chunk goes to a helper while the helpers have fewer than `CHUNKS_IN_FLIGHT`
unfinished chunks each, otherwise this process decides it itself, and once the input is
read it takes back the chunks no helper has started instead of waiting for them. So every
core decides until the end, and the chunks decided here cross no process boundary. At
most `CHUNKS_IN_FLIGHT` chunks per process are pending, so a file of millions streams
through in constant memory. Each helper holds one engine: on Linux the helpers are forked
from the calling process and share its engine as built (no rebuild, near-instant start);
elsewhere they are spawned and the engine is pickled (its rule set) and rebuilt once per
helper, while this process decides.

An item that fails validation comes back as its [`RecordError`][triage.errors.RecordError], in
its place; the other items are decided. Any other error stops the batch where it occurs, in a
helper as in this process: the items before it come out first, then the error is raised.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from typing import TYPE_CHECKING, Any

from triage.errors import EngineError, FieldProblem, RecordError, TriageError
from triage.records.complaint import Complaint
from triage.records.decision import Decision

if TYPE_CHECKING:
    from triage.engine.engine import Analysed, DecisionParts, Engine

__all__ = ["CHUNKS_IN_FLIGHT", "CHUNK_SIZE", "Item", "decide_batch", "default_workers"]

CHUNK_SIZE = 16
"""Complaints decided together: few, so that when the input ends the chunks a helper has
already started (up to three: one being decided, two in the process pool's queue) are
little for the other processes to wait for; a chunk's messages cost about 0.1 ms of CPU,
under 1% of deciding 16 complaints."""
CHUNKS_IN_FLIGHT = 4
"""Chunks per deciding process pending at any time (queued, being decided, or decided and
waiting for an earlier one): the bound on memory. When the helpers have this many
unfinished chunks each, this process decides the next chunk itself."""

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

_Chunk = tuple[list[_Outcome], Exception | None]
"""A chunk's outcomes, and the error that stopped it after them, if one did."""

_worker_engine: list[Engine] = []
"""The engine of this helper process (set once, when the helper starts)."""


def default_workers() -> int:
    """Every core this process may run on."""
    if sys.platform == "linux":
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _start_worker(engine: Engine) -> None:
    engine._adopt_in_worker()
    _worker_engine.append(engine)


def _decide_chunk(chunk: list[Item], as_of: datetime | None) -> _Chunk:
    """A helper's chunk: its outcomes travel back with the error that stopped it, so the
    items decided before the error are not lost with it."""
    outcomes, failure = _decide_staged(_worker_engine[0], chunk, as_of)
    return outcomes, None if failure is None else _portable(failure)


def _portable(error: Exception) -> Exception:
    """``error``, or an EngineError naming it when it cannot be pickled back."""
    try:
        pickle.dumps(error)
    except Exception:  # noqa: BLE001 - any pickling failure: send what can travel
        return EngineError(f"a helper process failed: {type(error).__name__}: {error}")
    return error


def _decide_staged(engine: Engine, chunk: list[Item], as_of: datetime | None) -> _Chunk:
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
    """Fork on Linux (helpers share the built engine); spawn elsewhere, where fork is unsafe."""
    return multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")


def decide_batch(
    engine: Engine,
    complaints: Iterable[Item],
    *,
    workers: int,
    as_of: datetime | None,
    report: Callable[[Decision, float], None],
) -> Iterator[Decision | RecordError]:
    """Decisions (or RecordErrors) for ``complaints``, in order, from ``workers`` processes:
    this one and ``workers - 1`` helpers.

    ``report`` is called in this process with each decision and the seconds it took.
    """
    if workers < 1:
        raise TriageError(f"workers must be at least 1, got {workers}")
    if workers == 1:
        yield from _sequential(engine, complaints, as_of, report)
        return
    pool = ProcessPoolExecutor(
        workers - 1, mp_context=_context(), initializer=_start_worker, initargs=(engine,)
    )
    try:
        yield from _shared(engine, pool, workers, iter(complaints), as_of, report)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _shared(
    engine: Engine,
    pool: ProcessPoolExecutor,
    workers: int,
    items: Iterator[Item],
    as_of: datetime | None,
    report: Callable[[Decision, float], None],
) -> Iterator[Decision | RecordError]:
    """Chunks go to the helpers while fewer than `CHUNKS_IN_FLIGHT` each are unfinished;
    otherwise this process decides the chunk itself: it works instead of waiting, and its
    chunks cross no process boundary. Results leave in input order as soon as they are
    ready. Once the input is read, this process takes back the last chunk no helper has
    started whenever it would wait, so no helper's queue keeps one core busy at the end
    while the others idle."""
    pending: deque[Future[_Chunk]] = deque()
    sent: dict[Future[_Chunk], list[Item]] = {}
    """The chunk of each unfinished helper's future, to take back."""

    def here(chunk: list[Item], at: int) -> Iterator[Decision | RecordError]:
        """Decide ``chunk`` in this process as ``pending[at]``; on a failure, yield what is
        before it and its items before the failure, then raise."""
        decided = _decide_staged(engine, chunk, as_of)
        if decided[1] is not None:
            for _ in range(at):
                yield from _results(engine, pending.popleft().result(), report)
            yield from _results(engine, decided, report)  # ends by raising the failure
        done: Future[_Chunk] = Future()
        done.set_result(decided)
        pending[at] = done

    def take_back() -> Generator[Decision | RecordError, None, bool]:
        """Decide here the last chunk sent to a helper that none has started, if any."""
        for at in reversed(range(len(pending))):
            entry = pending[at]
            if entry in sent and entry.cancel():
                yield from here(sent.pop(entry), at)
                return True
        return False

    def settle(most: int) -> Iterator[Decision | RecordError]:
        """Yield the finished chunks at the head, and more until at most ``most`` are
        pending; a chunk no helper has started is taken back rather than waited for."""
        while pending and (pending[0].done() or len(pending) > most):
            if not pending[0].done() and (yield from take_back()):
                continue
            entry = pending.popleft()
            sent.pop(entry, None)
            yield from _results(engine, entry.result(), report)

    while chunk := list(islice(items, CHUNK_SIZE)):
        if sum(not future.done() for future in sent) < (workers - 1) * CHUNKS_IN_FLIGHT:
            future = pool.submit(_decide_chunk, chunk, as_of)
            sent[future] = chunk
            pending.append(future)
        else:
            pending.append(Future())
            yield from here(chunk, len(pending) - 1)
        yield from settle(workers * CHUNKS_IN_FLIGHT - 1)
    yield from settle(0)


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
        yield from _results(engine, _decide_staged(engine, chunk, as_of), report)
        if failure is not None:
            raise failure
        if len(chunk) < CHUNK_SIZE:
            return


def _results(
    engine: Engine, decided: _Chunk, report: Callable[[Decision, float], None]
) -> Iterator[Decision | RecordError]:
    """A chunk's decisions and RecordErrors in order, then the error that stopped it, raised."""
    outcomes, failure = decided
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
    if failure is not None:
        raise failure
