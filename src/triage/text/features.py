"""What text analysis finds: tokens, lexicon hits, amounts, signals, and the facts they give.

Offsets (``start``, ``end``) always index the *original* complaint text, so
``text[start:end] == surface``. These are frozen dataclasses and named tuples
rather than pydantic models: hundreds are built per complaint on the hot path.
"""

from __future__ import annotations

from collections.abc import Iterator, KeysView, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType
from typing import NamedTuple

from triage.records import Span
from triage.records.decision import FactValue
from triage.text.normalize import Normalized
from triage.text.segment import Segmentation

__all__ = [
    "Amount",
    "AmountRole",
    "Hit",
    "SectorGuess",
    "Signal",
    "SignalKind",
    "SpanMap",
    "SpanRow",
    "TextFeatures",
    "TextFindings",
    "TextMatch",
    "TimeReference",
    "Token",
    "span_of_row",
    "span_row",
    "to_span",
]


class Token(NamedTuple):
    """One jieba token: its normalised text and where it lies in the original text."""

    text: str
    start: int
    end: int


class Hit(NamedTuple):
    """A lexicon term found in the text, with its negation and conditional scope.

    It lies on token boundaries or inside one longer token (docs/text-analysis.md).
    """

    lexicon: str
    term: str
    surface: str
    start: int
    end: int
    negated: bool
    conditional: bool

    @property
    def asserted(self) -> bool:
        """Neither negated nor inside a condition: the text states it."""
        return not (self.negated or self.conditional)


class AmountRole(StrEnum):
    """What a sum of money is to the complainant, read from cues in its clause."""

    PAID = "paid"
    LOSS = "loss"
    DEMAND = "demand"
    OTHER = "other"


class Amount(NamedTuple):
    """A sum of money in yuan, with its role and where it is written.

    ``cued`` is false when no cue word decided the role (it is then ``other``): such sums
    still count as disputed money, unlike loan balances or salaries named as such.
    ``refund`` is true for a demand to have the price paid back (退还学费2万元): the sum is
    then also the price.
    """

    value: Decimal
    role: AmountRole
    surface: str
    start: int
    end: int
    cued: bool = True
    refund: bool = False


class SignalKind(StrEnum):
    """The kinds of counted signals found in the text."""

    REPEAT = "repeat"
    PEOPLE = "people"
    UNITS = "units"
    VOLUME = "volume"
    WAIT = "wait"
    LATE = "late"


class Signal(NamedTuple):
    """A counted signal: earlier complaints (``repeat``), people affected (``people``),
    units of goods bought (``units``), cubic metres of water or gas used (``volume``), or
    minutes waited (``wait``) or past the promised time (``late``)."""

    kind: SignalKind
    value: int
    surface: str
    start: int
    end: int


class TimeReference(NamedTuple):
    """A past time the text refers to, resolved to the first day it can mean.

    ``lasting`` marks how long something was owned or used (用了三年, 住了十年), which says
    nothing about when harm happened, unlike 三年前, 2019年 or 停电两天了.
    """

    date: date
    surface: str
    start: int
    end: int
    lasting: bool = False


TextMatch = Hit | Amount | Signal | TimeReference
"""Something found in the text that a fact rests on."""


SpanRow = tuple[str, str | None, str, str, int, int, bool, bool]
"""A span as plain values: fact, lexicon, term, surface, start, end, negated, conditional
(cheap to build and to pickle; `span_of_row` makes the Span)."""


def span_row(fact: str, evidence: TextMatch) -> SpanRow:
    """The `SpanRow` of ``evidence`` behind ``fact``: what `to_span` builds the Span from."""
    if isinstance(evidence, Hit):
        return (fact, evidence.lexicon, evidence.term, evidence.surface, evidence.start,
                evidence.end, evidence.negated, evidence.conditional)  # fmt: skip
    if isinstance(evidence, Amount):
        term = f"{evidence.role.value}:{evidence.value}"
    elif isinstance(evidence, Signal):
        term = f"{evidence.kind.value}:{evidence.value}"
    else:
        term = evidence.date.isoformat()
    return (fact, None, term, evidence.surface, evidence.start, evidence.end, False, False)


def span_of_row(row: SpanRow) -> Span:
    """The [`Span`][triage.Span] of ``row``. A row naming no lexicon, neither negated nor
    conditional, sets only the fields an amount, signal or time has."""
    fact, lexicon, term, surface, start, end, negated, conditional = row
    if lexicon is None and not negated and not conditional:
        return Span(fact=fact, term=term, surface=surface, start=start, end=end)
    return Span(
        fact=fact,
        lexicon=lexicon,
        term=term,
        surface=surface,
        start=start,
        end=end,
        negated=negated,
        conditional=conditional,
    )


def to_span(fact: str, evidence: TextMatch) -> Span:
    """The [`Span`][triage.Span] of ``evidence`` behind ``fact``."""
    return span_of_row(span_row(fact, evidence))


class SpanMap(Mapping[str, tuple[Span, ...]]):
    """Fact name → the spans behind it, built when asked for (most are never read)."""

    __slots__ = ("_evidence",)

    def __init__(self, evidence: Mapping[str, tuple[TextMatch, ...]]) -> None:
        self._evidence = MappingProxyType(dict(evidence))

    def __getitem__(self, fact: str) -> tuple[Span, ...]:
        return tuple(to_span(fact, item) for item in self._evidence[fact])

    def evidence(self, fact: str) -> tuple[TextMatch, ...]:
        """What ``fact`` rests on, not yet spans (empty if nothing): choose, then convert."""
        return self._evidence.get(fact, ())

    def facts(self) -> KeysView[str]:
        """The facts that rest on something (without building a span)."""
        return self._evidence.keys()

    def __iter__(self) -> Iterator[str]:
        return iter(self._evidence)

    def __len__(self) -> int:
        return len(self._evidence)

    def __repr__(self) -> str:
        return f"SpanMap({dict(self)!r})"


@dataclass(frozen=True, slots=True)
class SectorGuess:
    """The best-guess sector: its name, its score (weighted hits) and the hits behind it."""

    name: str
    score: float
    hits: tuple[Hit, ...]

    @property
    def spans(self) -> tuple[Span, ...]:
        """The evidence as spans of the ``sector`` fact."""
        return tuple(to_span("sector", hit) for hit in self.hits)


@dataclass(frozen=True, slots=True)
class TextFindings:
    """Everything read from one text, before it is flattened into facts.

    ``reference_date`` is the day time references were resolved against (the complaint's
    ``received_at``, else ``as_of``); None when neither was known, and then ``times`` is empty.
    """

    normalized: Normalized
    segmentation: Segmentation
    hits: tuple[Hit, ...]
    amounts: tuple[Amount, ...]
    repeats: tuple[Signal, ...]
    people: tuple[Signal, ...]
    units: tuple[Signal, ...]
    times: tuple[TimeReference, ...]
    sector: SectorGuess | None
    reference_date: date | None
    overdue: tuple[TimeReference, ...]
    """Times promised or announced for an act (承诺11月底前修好) that passed by
    ``reference_date``, each resolved to the last day it can mean."""
    asks_only: bool
    """Every sentence asks (请问, 为什么, 怎么办, 吗, ？) and none states anything else."""
    tells_event: bool
    """Some clause tells an event the writer met (坏了, 试过, 昨天…): `triage.text.events`."""

    @property
    def text(self) -> str:
        """The original text."""
        return self.normalized.original

    @property
    def normalized_text(self) -> str:
        """The normalised text that was segmented and matched."""
        return self.normalized.text

    @property
    def tokens(self) -> tuple[Token, ...]:
        """The tokens (without whitespace), with offsets into the original text.

        Built on access: the rules never need them, notebooks do.
        """
        segmentation, normalized = self.segmentation, self.normalized
        words, starts, ends = segmentation.words, segmentation.starts, segmentation.ends
        if normalized.starts is not None and normalized.ends is not None:
            starts = tuple(map(normalized.starts.__getitem__, starts))
            ends = tuple(normalized.ends[end - 1] for end in ends)
        return tuple(
            Token(word, start, end)
            for word, start, end in zip(words, starts, ends, strict=True)
            if word != "\n"
        )


@dataclass(frozen=True, slots=True)
class TextFeatures(TextFindings):
    """The findings plus the flat facts the rules see and the spans behind each fact."""

    facts: Mapping[str, FactValue]
    spans: Mapping[str, tuple[Span, ...]]
