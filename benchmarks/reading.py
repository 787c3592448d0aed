"""Benchmark: what the clause reading costs inside ``decide``, and how much of it is asked.

Run ``python benchmarks/reading.py [--input FILE]`` (the texts of ``decide.py``: 50–2,000
characters, by default the real-text corpus). Each text is decided once with the analyser's
`Scope` and `ClauseReading` replaced by subclasses that record every question the matchers
put (actor, speaker, mode, yes/no question, conditional, negation before a span). Then, by
thread CPU (fastest of a few runs, each on fresh objects), per text:

- ``decide`` as a whole;
- the reading as ``decide`` asks it: the recorded questions replayed, with the negated
  tokens and ``asks_only``;
- the parts built once per text — the actor walk, the conditional regions, negation scope,
  suspicion scope, and the modes of the sentences asked about;
- an upper bound of what a reading computed per clause, on first use, could skip: the walk
  after the last token whose actor is asked (it carries the actor forward, so the prefix is
  needed), the conditional regions after the last token asked, negation and suspicion cues
  in clauses nothing asks about, the modes of clauses nobody asks about in the sentences read.

It also counts the clauses that any question lands in. Issue 12, thirteenth round: a lazy
reading per clause is worth building only if the skippable share is large.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any
from unittest import mock

from decide import complaints, default_input

from triage import Engine
from triage.text.clauses import Actor, ClauseReading, Mode
from triage.text.scope import NEGATION_CUES, SUSPICION_MARKERS, Scope
from triage.text.segment import Segmentation

Call = tuple[str, tuple[Any, ...]]


class _Recorded:
    """The reading of one text, with the questions put to it."""

    def __init__(self, reading: ClauseReading, scope: Scope, segmentation: Segmentation) -> None:
        self.reading, self.scope, self.segmentation = reading, scope, segmentation
        self.calls: list[Call] = []


RECORDED: list[_Recorded] = []


class RecordingScope(Scope):
    """A `Scope` that records ``conditional`` and ``negated_at``."""

    calls: list[Call]

    def __init__(self, text: str, segmentation: Segmentation) -> None:
        super().__init__(text, segmentation)
        self.calls = []

    def conditional(self, index: int) -> bool:
        self.calls.append(("conditional", (index,)))
        return super().conditional(index)

    def negated_at(self, spans: Sequence[tuple[int, int]]) -> bool:
        self.calls.append(("negated_at", (spans,)))
        return super().negated_at(spans)


class RecordingReading(ClauseReading):
    """A `ClauseReading` that records what the matchers ask of it."""

    def __init__(
        self,
        text: str,
        segmentation: Segmentation,
        scope: Scope,
        actors: Mapping[str, Actor],
    ) -> None:
        super().__init__(text, segmentation, scope, actors)
        self.actors_map = actors
        record = _Recorded(self, scope, segmentation)
        assert isinstance(scope, RecordingScope)  # both are patched together
        record.calls = scope.calls  # one list: the order of the questions is kept
        RECORDED.append(record)

    def actor(self, token: int) -> Actor:
        self._record("actor", token)
        return super().actor(token)

    def speaker(self, token: int) -> Actor | None:
        self._record("speaker", token)
        return super().speaker(token)

    def mode(self, token: int, start: int, end: int) -> Mode:
        self._record("mode", token, start, end)
        return super().mode(token, start, end)

    def asks_whether(self, token: int, start: int, end: int) -> bool:
        self._record("asks_whether", token, start, end)
        calls = RECORDED[-1].calls
        kept = len(calls)
        answer = super().asks_whether(token, start, end)
        del calls[kept:]  # its own question of the mode is replayed by asks_whether itself
        return answer

    def _record(self, name: str, *args: Any) -> None:
        RECORDED[-1].calls.append((name, args))


def fastest(run: Callable[[], object], times: int) -> int:
    """The least thread CPU (ns) of ``times`` runs."""
    best = 1 << 62
    for _ in range(times):
        began = time.thread_time_ns()
        run()
        best = min(best, time.thread_time_ns() - began)
    return best


def main(argv: Sequence[str] | None = None) -> None:
    """Record, time and print the shares."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=None, help="JSON Lines with id and text")
    parser.add_argument("--times", type=int, default=5, help="runs per measure; the fastest")
    options = parser.parse_args(argv)
    records = complaints(options.input or default_input())
    totals: dict[str, float] = dict.fromkeys(
        (
            "decide",
            "reading",
            "walk",
            "conditional regions",
            "negation",
            "suspicion",
            "modes",
            "asks_only",
        ),
        0.0,
    )
    skippable: dict[str, float] = dict.fromkeys(
        ("walk", "conditional regions", "negation", "suspicion", "modes"), 0.0
    )
    clauses = {"all": 0, "any": 0, "actor": 0, "mode": 0, "conditional": 0}
    with Engine.default() as engine:
        for record in records[:50]:
            engine.decide(record)  # warm
        with (
            mock.patch("triage.facts.analyser.Scope", RecordingScope),
            mock.patch("triage.facts.analyser.ClauseReading", RecordingReading),
        ):
            for record in records:
                engine.decide(record)
        for record, recorded in zip(records, RECORDED, strict=True):
            totals["decide"] += fastest(lambda: engine.decide(record), options.times)  # noqa: B023
            _measure(recorded, options.times, totals, skippable, clauses)
    count = len(records)
    decide = totals["decide"]
    print(f"{count} texts; decide {decide / count / 1e3:.0f} µs a text (thread CPU)")
    for name, value in totals.items():
        if name != "decide":
            print(f"  {name:>20}: {value / count / 1e3:7.1f} µs  {value / decide:6.2%} of decide")
    for name, value in skippable.items():
        print(f"  skippable {name:>10}: {value / count / 1e3:7.1f} µs  {value / decide:6.2%}")
    print(f"  skippable in all: {sum(skippable.values()) / decide:.2%} of decide")
    print(
        f"clauses {clauses['all']}: asked about {clauses['any']} "
        + ", ".join(
            f"{name} {clauses[name]} ({clauses[name] / clauses['all']:.1%})"
            for name in ("actor", "mode", "conditional")
        )
    )


def _measure(
    recorded: _Recorded,
    times: int,
    totals: dict[str, float],
    skippable: dict[str, float],
    clauses: dict[str, int],
) -> None:
    """Time the reading of one text, fresh each run, and count what was asked."""
    reading, segmentation = recorded.reading, recorded.segmentation
    text, words, starts = reading._text, segmentation.words, segmentation.starts
    actors = reading.actors_map if isinstance(reading, RecordingReading) else {}
    calls = recorded.calls

    def fresh() -> tuple[Scope, ClauseReading]:
        scope = Scope(text, segmentation)
        scope.clause(0)  # the clause and sentence ends are shared with amounts and signals
        scope.sentence(0)
        _ = scope._clause_marks
        return scope, ClauseReading(text, segmentation, scope, actors)

    def replay() -> None:
        scope, fresh_reading = fresh()
        _ = scope.negated_tokens
        _ = fresh_reading.asks_only
        for name, args in calls:
            owner: Any = scope if name in ("conditional", "negated_at") else fresh_reading
            getattr(owner, name)(*args)

    asked_sentences = sorted(
        {recorded.scope.sentence(args[1]) for name, args in calls if name in ("mode",)}
    )

    def modes() -> None:
        _, fresh_reading = fresh()
        for sentence in asked_sentences:
            fresh_reading._modes_in(sentence)

    base = fastest(fresh, times)
    parts: dict[str, Callable[[], object]] = {
        "reading": replay,
        "walk": lambda: fresh()[1]._walk,
        "conditional regions": lambda: fresh()[0]._conditional_regions,
        "negation": lambda: fresh()[0].negating_cues,
        "suspicion": lambda: fresh()[0]._suspected_tokens,
        "modes": modes,
        "asks_only": lambda: fresh()[1].asks_only,
    }
    cost = {name: max(fastest(run, times) - base, 0) for name, run in parts.items()}
    for name, value in cost.items():
        totals[name] += value if name != "walk" or _asked(calls, "actor", "speaker") else 0
    if not words:
        return
    scope = recorded.scope

    def clause_of(token: int) -> int:
        return scope.clause(starts[min(max(token, 0), len(words) - 1)])[0]

    actor_tokens = _asked(calls, "actor", "speaker")
    mode_tokens = _asked(calls, "mode", "asks_whether")
    conditional_tokens = _asked(calls, "conditional")
    asked = {clause_of(token) for token in (*actor_tokens, *mode_tokens, *conditional_tokens)}
    every = {clause_of(token) for token in range(len(words))}
    clauses["all"] += len(every)
    clauses["any"] += len(asked)
    clauses["actor"] += len({clause_of(token) for token in actor_tokens})
    clauses["mode"] += len({clause_of(token) for token in mode_tokens})
    clauses["conditional"] += len({clause_of(token) for token in conditional_tokens})
    length = len(words)
    if actor_tokens:
        skippable["walk"] += cost["walk"] * (length - max(actor_tokens) - 1) / length
    if conditional_tokens:
        skippable["conditional regions"] += (
            cost["conditional regions"] * (length - max(conditional_tokens) - 1) / length
        )
    for name, cues in (("negation", NEGATION_CUES), ("suspicion", SUSPICION_MARKERS)):
        found = [index for index, word in enumerate(words) if word in cues]
        if found:
            unasked = sum(clause_of(index) not in asked for index in found)
            skippable[name] += cost[name] * unasked / len(found)
    mode_clauses = {clause_of(token) for token in mode_tokens}
    in_sentences = [clause for clause in every if any(s <= clause <= e for s, e in asked_sentences)]
    if in_sentences:
        unasked = sum(clause not in mode_clauses for clause in in_sentences)
        skippable["modes"] += cost["modes"] * unasked / len(in_sentences)


def _asked(calls: Sequence[Call], *names: str) -> list[int]:
    return [args[0] for name, args in calls if name in names]


if __name__ == "__main__":
    main()
