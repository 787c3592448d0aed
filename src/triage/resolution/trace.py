"""The trace of a decision: each firing with its rule, effects, facts and text spans.

What depends on the rule alone (its effects, the facts it reads, the lexicons it reads
from list facts) is prepared once per rule set by `TraceBuilder`. Per decision, the
spans of a fact are built once and shared by every firing that reads it, and at most
`MAX_SPANS_PER_FACT` of them are kept per fact in a firing: the rest are counted in
`spans_omitted`, so a text with a million hits costs no more
trace than one with a hundred.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel

from triage.records.decision import Effect, EffectKind, FactValue, Firing, Span
from triage.records.frozen import FrozenMap
from triage.rulepack.check import LEXICON_FACTS
from triage.rulepack.spec import Rule, iter_tests
from triage.text.features import SpanMap, SpanRow, TextMatch, span_row

__all__ = ["MAX_SPANS_PER_FACT", "CompactTrace", "FiringRow", "TraceBuilder", "unchecked_model"]

MAX_SPANS_PER_FACT = 32
"""Spans a firing keeps per fact it read, the first in the text; the rest are counted."""


def _effects(rule: Rule) -> tuple[Effect, ...]:
    then = rule.then
    effects = []
    if then.set is not None:
        effects.append(
            Effect(
                kind=EffectKind.SET,
                value=then.set,
                weight=then.weight,
                reason=then.reason,
                decisive=then.decisive,
            )
        )
    if then.raise_level:
        effects.append(Effect(kind=EffectKind.RAISE, reason=then.reason))
    if then.review:
        effects.append(Effect(kind=EffectKind.REVIEW, reason=then.review))
    effects.extend(Effect(kind=EffectKind.ACTION, value=action.code) for action in then.actions)
    effects.extend(
        Effect(kind=EffectKind.DERIVE, fact=name, value=value) for name, value in then.derive
    )
    return tuple(effects)


def _lexicons_read(rule: Rule, fact: str) -> frozenset[str]:
    names: set[str] = set()
    for test in iter_tests(rule.when):
        if test.fact == fact:
            values = test.value if isinstance(test.value, tuple) else (test.value,)
            names.update(str(value) for value in values)
    return frozenset(names)


@dataclass(frozen=True, slots=True)
class _Plan:
    """What a rule's trace entry needs from the rule: prepared once."""

    rule: Rule
    firing: Firing
    """The rule's firing with no facts or spans: its fields that depend on the rule alone."""
    reads: tuple[tuple[str, frozenset[str] | None], ...]
    """The facts read, sorted, each with the lexicons read from it (None: every span)."""

    @classmethod
    def of(cls, rule: Rule) -> _Plan:
        firing = Firing(
            rule_id=rule.id,
            title=rule.title,
            axis=rule.axis,
            effects=_effects(rule),
            file=rule.trace_file or rule.loc.file,
            line=rule.loc.line,
            source=rule.source,
        )
        return cls(
            rule,
            firing,
            tuple(
                (name, _lexicons_read(rule, name) if name in LEXICON_FACTS else None)
                for name in sorted(rule.facts())
            ),
        )


FiringRow = tuple[
    int, tuple[tuple[str, FactValue], ...], tuple[int, ...], tuple[tuple[str, int], ...]
]
"""A firing as plain values: the rule's position in the rule set, the facts it read with
their values, its spans (positions in the trace's span rows, in order) and the spans left
out per fact."""

CompactTrace = tuple[tuple[SpanRow, ...], tuple[FiringRow, ...]]
"""A decision's trace as plain values (`TraceBuilder.compact`): the distinct span rows, then
the firings. Cheap to build and to pickle; `TraceBuilder.build` makes the models, in any
process holding an engine of the same rule set."""


class _Spans:
    """The span rows of one decision: each chosen once, and only if kept.

    From a `SpanMap` the evidence is chosen first and only
    the kept items become rows, so the cost does not grow with the number of hits; the
    items of a lexicon fact are indexed by lexicon once, so each firing reads only its own.
    Equal rows share one position, as equal spans are one span in a firing.
    """

    __slots__ = ("_by_lexicon", "_positions", "_rows", "_selected", "_source", "evidenced")

    def __init__(self, source: Mapping[str, Sequence[Span]]) -> None:
        self._source = source
        self.evidenced = source.facts() if isinstance(source, SpanMap) else source.keys()
        """The facts that rest on something in the text (the others select nothing)."""
        self._rows: dict[SpanRow, int] = {}
        self._positions: dict[tuple[str, int], int] = {}
        self._by_lexicon: dict[str, dict[str | None, list[tuple[int, TextMatch | Span]]]] = {}
        self._selected: dict[tuple[str, frozenset[str] | None], tuple[list[int], int]] = {}

    @property
    def rows(self) -> tuple[SpanRow, ...]:
        """Every row chosen so far, by position."""
        return tuple(self._rows)

    def select(self, fact: str, lexicons: frozenset[str] | None) -> tuple[list[int], int]:
        """The first rows of ``fact`` (from ``lexicons`` when given) and how many were left."""
        key = (fact, lexicons)
        selected = self._selected.get(key)
        if selected is None:
            selected = self._selected[key] = self._select(fact, lexicons)
        return selected

    def _select(self, fact: str, lexicons: frozenset[str] | None) -> tuple[list[int], int]:
        items: Sequence[TextMatch | Span]
        if lexicons is None:
            items = self._items(fact)
        else:
            index = self._index(fact)
            if len(index) < len(lexicons):  # a rule may read dozens; a text hits a few
                chosen = [
                    item for name, found in index.items() if name in lexicons for item in found
                ]
            else:
                chosen = [item for name in lexicons for item in index.get(name, ())]
            if len(lexicons) > 1:
                chosen.sort(key=lambda positioned: positioned[0])
            items = [item for _, item in chosen]
        omitted = 0
        if len(items) > MAX_SPANS_PER_FACT:
            omitted = len(items) - MAX_SPANS_PER_FACT
            items = sorted(items, key=lambda item: (item.start, item.end))[:MAX_SPANS_PER_FACT]
        return [self._position(fact, item) for item in items], omitted

    def _items(self, fact: str) -> Sequence[TextMatch | Span]:
        source = self._source
        return source.evidence(fact) if isinstance(source, SpanMap) else source.get(fact, ())

    def _index(self, fact: str) -> dict[str | None, list[tuple[int, TextMatch | Span]]]:
        index = self._by_lexicon.get(fact)
        if index is None:
            index = self._by_lexicon[fact] = {}
            for position, item in enumerate(self._items(fact)):
                lexicon = getattr(item, "lexicon", None)
                index.setdefault(lexicon, []).append((position, item))
        return index

    def _position(self, fact: str, item: TextMatch | Span) -> int:
        key = (fact, id(item))
        position = self._positions.get(key)
        if position is None:
            row = _row(fact, item)
            position = self._rows.setdefault(row, len(self._rows))
            self._positions[key] = position
        return position


def _row(fact: str, item: TextMatch | Span) -> SpanRow:
    """The row of the span `to_span` makes of ``item`` (of a Span, the Span itself)."""
    if isinstance(item, Span):
        return (item.fact, item.lexicon, item.term, item.surface, item.start, item.end,
                item.negated, item.conditional)  # fmt: skip
    return span_row(fact, item)


class TraceBuilder:
    """Builds the trace entries of one rule set's firings."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        """Prepare every rule of the set; `trace` takes only these rules."""
        plans = [_Plan.of(rule) for rule in rules]
        self._plans = tuple(plans)
        self._positions = {plan.rule.id: position for position, plan in enumerate(plans)}

    def trace(
        self,
        fired: Iterable[Rule],
        facts: Mapping[str, FactValue],
        spans: Mapping[str, Sequence[Span]],
    ) -> tuple[Firing, ...]:
        """The trace entries of ``fired``, in that order; spans shared between entries."""
        return self.build(self.compact(fired, facts, spans))

    def compact(
        self,
        fired: Iterable[Rule],
        facts: Mapping[str, FactValue],
        spans: Mapping[str, Sequence[Span]],
    ) -> CompactTrace:
        """The trace of ``fired`` as plain values: what `build` turns into Firings."""
        shared = _Spans(spans)
        plans, positions = self._plans, self._positions
        firings = []
        for rule in fired:
            position = positions[rule.id]
            firings.append(self._compact_firing(position, plans[position], facts, shared))
        rows = shared.rows
        return rows, tuple(firings)

    @staticmethod
    def _compact_firing(
        position: int, plan: _Plan, facts: Mapping[str, FactValue], spans: _Spans
    ) -> FiringRow:
        used: list[tuple[str, FactValue]] = []
        evidence: list[int] = []
        omitted: list[tuple[str, int]] = []
        evidenced = spans.evidenced
        for name, lexicons in plan.reads:
            if name in facts:
                used.append((name, facts[name]))
            if name not in evidenced:
                continue
            kept, left = spans.select(name, lexicons)
            evidence.extend(kept)
            if left:
                omitted.append((name, left))
        return position, tuple(used), tuple(evidence), tuple(omitted)

    def build(self, compact: CompactTrace) -> tuple[Firing, ...]:
        """The Firings of a compact trace; each distinct span is one Span model, shared.

        The models are made from values already of their field types (the rule's were
        validated once, in its plan), without validating them again: a tenth of a decision's
        time otherwise. `tests/engine/test_fast_decisions.py` holds them to validated ones.
        """
        rows, firings = compact
        spans = [_span(row) for row in rows]
        order = [(row[4], row[5], row[0]) for row in rows]  # start, end, fact
        plans = self._plans
        built = []
        for position, used, evidence, omitted in firings:
            ordered = sorted(evidence, key=order.__getitem__)
            values = plans[position].firing.__dict__.copy()
            values["facts"] = FrozenMap(used)
            values["spans"] = tuple(spans[at] for at in dict.fromkeys(ordered))
            values["spans_omitted"] = FrozenMap(omitted) if omitted else _NONE_OMITTED
            built.append(unchecked_model(Firing, values, set(_FIRING_FIELDS)))
        return tuple(built)


_NONE_OMITTED: FrozenMap[str, int] = FrozenMap()
"""The ``spans_omitted`` of most firings, shared: a FrozenMap cannot change."""
_FIRING_FIELDS = frozenset(Firing.model_fields)
_SPAN_FIELDS = frozenset(Span.model_fields)
_SPAN_TEXT_FIELDS = frozenset(("fact", "term", "surface", "start", "end"))
"""The fields `to_span` sets for an amount, signal or time."""

_M = TypeVar("_M", bound=BaseModel)


_new = object.__new__
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__
"""The setters of the slots every pydantic model has, called directly: what
``object.__setattr__`` finds for each name, without looking it up per record."""


def unchecked_model(model: type[_M], values: dict[str, Any], fields_set: set[str]) -> _M:
    """A ``model`` of ``values`` (every field, in declaration order, each already of its
    type) that are not validated again: what pydantic's ``model_construct`` makes, without
    its per-field loop."""
    record = _new(model)
    _set_dict(record, values)
    _set_fields_set(record, fields_set)
    _set_extra(record, None)
    _set_private(record, None)
    return record


def _span(row: SpanRow) -> Span:
    """The Span `span_of_row` makes of ``row``, built without validation."""
    fact, lexicon, term, surface, start, end, negated, conditional = row
    values = {
        "fact": fact,
        "lexicon": lexicon,
        "term": term,
        "surface": surface,
        "start": start,
        "end": end,
        "negated": bool(negated),
        "conditional": bool(conditional),
    }
    if lexicon is None and not negated and not conditional:
        return unchecked_model(Span, values, set(_SPAN_TEXT_FIELDS))
    return unchecked_model(Span, values, set(_SPAN_FIELDS))
