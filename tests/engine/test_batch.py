"""Many complaints on several processes: same decisions, input order, bad items in place."""

from __future__ import annotations

import itertools
import multiprocessing
import pickle
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from tests.engine.test_engine import LEXICONS, RULES
from triage import Complaint, Decision, Engine
from triage.engine import batch
from triage.errors import EngineError, RecordError, TriageError
from triage.records.parsing import parse_complaint

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "complaints.jsonl"
AT = datetime(2026, 3, 1, 9, tzinfo=UTC)


@pytest.fixture(scope="module")
def engine() -> Iterator[Engine]:
    """The engine of test_engine's rules and lexicons, shared by the module's tests."""
    with Engine.from_text(RULES, lexicons=LEXICONS) as built:
        yield built


def _examples() -> list[Complaint]:
    with EXAMPLES.open(encoding="utf-8") as file:
        return [parse_complaint(line) for line in file if line.strip()]


def _json(decisions: list[Decision]) -> list[str]:
    return [decision.model_dump_json() for decision in decisions]


@pytest.mark.parametrize("workers", [2, 3])
def test_workers_decide_as_one_by_one(workers: int) -> None:
    """The default engine on 2 or 3 processes gives the examples' decisions, byte for byte,
    in order."""
    examples = _examples() * 5  # more chunks than are ever in flight
    assert len(examples) > workers * batch.CHUNK_SIZE * batch.CHUNKS_IN_FLIGHT
    with Engine.default() as engine:
        alone = [engine.decide(complaint) for complaint in examples]
        together = list(engine.decide_many(examples, workers=workers))
    assert _json(together) == _json(alone)


class _Held:
    """What `_stuck_chunk` reads: set by the test, inherited by the forked helper."""

    release: Any = None
    started: Any = None


def _stuck_chunk(chunk: list[Complaint], as_of: datetime | None) -> object:
    """A helper's chunk that waits for ``_Held.release`` once it has said it started."""
    _Held.started.put(chunk[0].id)
    _Held.release.wait()
    return _DECIDE_CHUNK(chunk, as_of)


_DECIDE_CHUNK = batch._decide_chunk


def test_this_process_decides_too_and_takes_back_what_no_helper_started(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With workers=2 and the one helper stuck in its first chunk, this process decides the
    chunks the helper has no room for, then takes back a chunk sent to the helper that it
    had not started; every item is decided once, in order."""
    context = multiprocessing.get_context("fork")
    monkeypatch.setattr(_Held, "release", context.Event())
    monkeypatch.setattr(_Held, "started", context.SimpleQueue())
    timer = threading.Timer(10, _Held.release.set)  # without a take-back: fail, not hang
    sent = {f"c{n * batch.CHUNK_SIZE}" for n in range(batch.CHUNKS_IN_FLIGHT)}
    here: list[str] = []
    decide_staged = batch._decide_staged

    def recorded(engine: Engine, chunk: list[Complaint], as_of: datetime | None) -> object:
        here.append(chunk[0].id)  # in a helper, its own copy of the list
        if chunk[0].id in sent:
            _Held.release.set()
        return decide_staged(engine, chunk, as_of)

    monkeypatch.setattr(batch, "_decide_chunk", _stuck_chunk)
    monkeypatch.setattr(batch, "_decide_staged", recorded)
    items = [
        Complaint(id=f"c{n}", text="我在门店骨折了", received_at=AT)
        for n in range(3 * batch.CHUNKS_IN_FLIGHT * batch.CHUNK_SIZE)
    ]
    timer.start()
    try:
        outcomes = list(engine.decide_batch(items, workers=2))
    finally:
        timer.cancel()
    assert [o.complaint_id for o in outcomes if isinstance(o, Decision)] == [i.id for i in items]
    helper = []
    while not _Held.started.empty():
        helper.append(_Held.started.get())
    firsts = {item.id for item in items[:: batch.CHUNK_SIZE]}
    assert sorted(here + helper) == sorted(firsts)  # each chunk decided once
    assert helper[0] == "c0"
    full = {f"c{n * batch.CHUNK_SIZE}" for n in range(len(sent), 2 * len(sent))}
    assert full <= set(here)  # read while the helper had CHUNKS_IN_FLIGHT unfinished
    assert sent & set(here)  # taken back


def test_bad_records_are_reported_in_place(engine: Engine) -> None:
    """An invalid record gives its RecordError at its position; the rest are decided."""
    items: list[Complaint | dict[str, object]] = [
        Complaint(id=f"c{n}", text="我在门店骨折了", received_at=AT) for n in range(70)
    ]
    items[5] = {"id": "bad", "text": "没有时间"}
    items[66] = {"id": "", "text": "x", "received_at": "2026-01-01T00:00:00+08:00"}
    outcomes = list(engine.decide_batch(items, workers=2))
    assert len(outcomes) == len(items)
    assert [n for n, o in enumerate(outcomes) if isinstance(o, RecordError)] == [5, 66]
    assert "received_at" in str(outcomes[5])
    decided = [o for o in outcomes if isinstance(o, Decision)]
    assert [d.complaint_id for d in decided] == [f"c{n}" for n in range(70) if n not in (5, 66)]


def test_decide_many_raises_at_the_bad_record(engine: Engine) -> None:
    """decide_many yields the decisions before a bad record, then raises its RecordError."""
    items = [Complaint(id="a", text="骨折", received_at=AT), {"id": "b"}]
    results = engine.decide_many(items, workers=2)
    assert next(results).complaint_id == "a"
    with pytest.raises(RecordError, match="text"):
        next(results)


def test_input_streams_with_bounded_work_in_flight(engine: Engine) -> None:
    """An endless input gives results as they come; only a bounded number was read ahead."""
    read = itertools.count()

    def endless() -> Iterator[Complaint]:
        for n in read:
            yield Complaint(id=f"c{n}", text="投诉门店", received_at=AT)

    first = list(itertools.islice(engine.decide_batch(endless(), workers=2), 100))
    assert [d.complaint_id for d in first if isinstance(d, Decision)] == [
        f"c{n}" for n in range(100)
    ]
    assert next(read) <= 100 + 2 * batch.CHUNK_SIZE * (batch.CHUNKS_IN_FLIGHT + 1)


def test_hook_runs_in_the_caller_in_order() -> None:
    """on_decision sees every decision of a batch, in input order, in this process."""
    seen: list[str] = []
    with Engine.from_text(
        RULES, lexicons=LEXICONS, on_decision=lambda d, s: seen.append(d.complaint_id)
    ) as engine:
        items = [Complaint(id=f"c{n}", text="骨折", received_at=AT) for n in range(40)]
        list(engine.decide_batch(items, workers=2))
    assert seen == [f"c{n}" for n in range(40)]


def test_engine_pickles_and_decides_alike(engine: Engine) -> None:
    """An unpickled engine is rebuilt from the rule set and decides identically."""
    copy = pickle.loads(pickle.dumps(engine))  # noqa: S301 - our own bytes, round-tripped
    try:
        complaint = Complaint(id="p", text="我在门店骨折了，要曝光", received_at=AT)
        assert copy.ruleset_version == engine.ruleset_version
        assert copy.decide(complaint) == engine.decide(complaint)
    finally:
        copy.close()


def test_closed_engine_does_not_pickle() -> None:
    """A closed engine refuses to pickle rather than travel as a dead object."""
    engine = Engine.from_text(RULES, lexicons=LEXICONS)
    engine.close()
    with pytest.raises(EngineError, match="closed"):
        pickle.dumps(engine)


def test_spawned_workers_rebuild_the_engine(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where workers are spawned, not forked, the pickled engine decides the same."""
    monkeypatch.setattr(batch, "_context", lambda: multiprocessing.get_context("spawn"))
    items = [Complaint(id=f"s{n}", text="门店让我骨折了", received_at=AT) for n in range(10)]
    assert _json(list(engine.decide_many(items, workers=2))) == _json(
        [engine.decide(item) for item in items]
    )


def test_workers_must_be_positive(engine: Engine) -> None:
    """Zero workers is a mistake, reported at once."""
    with pytest.raises(TriageError, match="at least 1"):
        list(engine.decide_batch([], workers=0))


def _models_in(value: object) -> list[str]:
    """Names of the pydantic models anywhere inside ``value`` (tuples, lists, dicts)."""
    if isinstance(value, BaseModel):
        return [type(value).__name__]
    if isinstance(value, tuple | list):
        return [name for item in value for name in _models_in(item)]
    if isinstance(value, dict):
        return [name for item in value.values() for name in _models_in(item)]
    return []


def test_workers_send_plain_parts_that_assemble_to_the_decision() -> None:
    """What a worker sends back pickles as plain values (no model but a malicious decision's
    Malice); after the round trip, another engine of the same rules assembles the same
    Decision."""
    examples = _examples()
    with Engine.default() as engine:
        copy = pickle.loads(pickle.dumps(engine))  # noqa: S301 - our own bytes
        try:
            for complaint in examples:
                parts = engine._decide_parts(complaint)
                _, plain = parts._replace(malice=None).__reduce__()
                assert _models_in(plain) == []
                sent = pickle.loads(pickle.dumps(parts))  # noqa: S301 - our own bytes
                decision = copy._assemble(sent)
                assert decision == engine.decide(complaint)
                assert decision.model_dump_json() == engine.decide(complaint).model_dump_json()
        finally:
            copy.close()


def test_one_process_decides_chunk_by_chunk_as_one_by_one() -> None:
    """workers=1 decides in chunks, stage by stage: the examples' decisions byte for byte, in
    order, over several chunks and a last partial one."""
    examples = _examples() * 2
    assert len(examples) % batch.CHUNK_SIZE
    assert len(examples) > 2 * batch.CHUNK_SIZE
    with Engine.default() as engine:
        alone = [engine.decide(complaint) for complaint in examples]
        staged = list(engine.decide_many(examples, workers=1))
    assert _json(staged) == _json(alone)


def test_a_chunk_is_analysed_before_its_rule_stage(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The staged path is taken: every text of a chunk is analysed before any rule stage."""
    calls: list[str] = []
    text_stage, rule_stage = engine._text_stage, engine._rule_stage
    monkeypatch.setattr(
        engine,
        "_text_stage",
        lambda item, as_of: calls.append("text") or text_stage(item, as_of=as_of),
    )
    monkeypatch.setattr(
        engine, "_rule_stage", lambda first: calls.append("rule") or rule_stage(first)
    )
    items = [Complaint(id=f"c{n}", text="我在门店骨折了", received_at=AT) for n in range(3)]
    assert [d.complaint_id for d in engine.decide_many(items)] == ["c0", "c1", "c2"]
    assert calls == ["text"] * 3 + ["rule"] * 3


class _BrokenError(Exception):
    """An error that is no RecordError: it stops the batch."""


@pytest.mark.parametrize("stage", ["_text_stage", "_rule_stage"])
def test_an_error_stops_the_batch_after_the_items_before_it(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, stage: str
) -> None:
    """In either stage, an error at item 5 of a chunk gives items 0-4, then the error (bad
    records before it in place), as deciding one by one did."""
    items: list[Complaint | dict[str, object]] = [
        Complaint(id=f"c{n}", text="我在门店骨折了", received_at=AT) for n in range(10)
    ]
    items[2] = {"id": "bad", "text": "没有时间"}
    original = getattr(engine, stage)

    def failing(first: object, **options: object) -> object:
        if getattr(first, "id", getattr(first, "complaint_id", None)) == "c5":
            raise _BrokenError
        return original(first, **options)

    monkeypatch.setattr(engine, stage, failing)
    outcomes = engine.decide_batch(items, workers=1)
    seen = [next(outcomes) for _ in range(5)]
    assert [getattr(o, "complaint_id", "bad") for o in seen] == ["c0", "c1", "bad", "c3", "c4"]
    assert isinstance(seen[2], RecordError)
    with pytest.raises(_BrokenError):
        next(outcomes)


class _UnpicklableError(Exception):
    """An error that cannot cross a process boundary as it is."""

    def __init__(self) -> None:
        super().__init__("held a lock")
        self.lock = threading.Lock()


@pytest.mark.parametrize("error", [_BrokenError, _UnpicklableError])
def test_an_error_in_a_helper_gives_its_chunks_items_before_it(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, error: type[Exception]
) -> None:
    """In a helper's chunk, an error at item 5 gives items 0-4 first, as in this process; an
    error that does not pickle comes back as an EngineError naming it."""
    items = [Complaint(id=f"c{n}", text="我在门店骨折了", received_at=AT) for n in range(10)]
    original = engine._text_stage

    def failing(first: Complaint, **options: Any) -> Any:
        if first.id == "c5":
            raise error
        return original(first, **options)

    monkeypatch.setattr(engine, "_text_stage", failing)  # the forked helper inherits it
    outcomes = engine.decide_batch(items, workers=2)  # the first chunk goes to the helper
    assert [next(outcomes).complaint_id for _ in range(5)] == ["c0", "c1", "c2", "c3", "c4"]
    expected = _BrokenError if error is _BrokenError else EngineError
    with pytest.raises(expected, match="" if error is _BrokenError else "_UnpicklableError"):
        next(outcomes)


def test_an_input_that_fails_gives_the_items_before_it(engine: Engine) -> None:
    """An input that raises mid-chunk: the items read before it are decided, then its error."""

    def failing() -> Iterator[Complaint]:
        for n in range(3):
            yield Complaint(id=f"c{n}", text="我在门店骨折了", received_at=AT)
        raise _BrokenError

    outcomes = engine.decide_many(failing(), workers=1)
    assert [next(outcomes).complaint_id for _ in range(3)] == ["c0", "c1", "c2"]
    with pytest.raises(_BrokenError):
        next(outcomes)
