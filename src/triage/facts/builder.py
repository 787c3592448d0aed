"""The flat facts the rules see, from a complaint's structured fields and its text findings.

Only names of the fact vocabulary (`triage.facts.vocabulary`) are produced, with its
types: ``float`` for numbers, ``int`` for integers, tuples of strings for lists. A fact
with no value is absent and lists are never empty. Structured fields win over the text.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from types import MappingProxyType

from triage.errors import PackError
from triage.records import Complaint, Span
from triage.records.decision import FactValue
from triage.text.features import (
    Amount,
    AmountRole,
    Hit,
    Signal,
    SignalKind,
    SpanMap,
    TextFindings,
    TextMatch,
)
from triage.text.signals import find_volumes
from triage.text.waits import find_waits

__all__ = ["Ceilings", "FactSet", "build_facts"]

_HOTLINE_SECTORS = {
    "95598": "power",
    "12326": "aviation",
    "10000": "telecom",
    "10086": "telecom",
    "10010": "telecom",
    "12300": "telecom",
    "12363": "finance",
}


@dataclass(frozen=True, slots=True)
class Ceilings:
    """Statutory compensation multiples for ``demand_over_ceiling`` (pack parameters).

    The ceiling is ``paid + loss + max(price_multiple × paid, loss_multiple × loss,
    minimum)``: the price refunded and the loss made good, plus the most generous punitive
    sum. The defaults are 食品安全法 art. 148 (10 × price or 3 × loss, at least 1,000 yuan),
    which exceeds 消法 art. 55 on both counts.
    """

    price_multiple: float = 10.0
    loss_multiple: float = 3.0
    minimum: float = 1000.0

    @classmethod
    def from_parameters(cls, parameters: Mapping[str, float] | None) -> Ceilings:
        """Read ``ceiling_price_multiple``, ``ceiling_loss_multiple`` and ``ceiling_minimum``."""
        values: dict[str, float] = {}
        for field in ("price_multiple", "loss_multiple", "minimum"):
            name = f"ceiling_{field}"
            if parameters is None or name not in parameters:
                continue
            value = parameters[name]
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise PackError(f"parameter {name} must be a number, got {value!r}")
            if not math.isfinite(value) or value < 0:
                raise PackError(f"parameter {name} must be finite and not negative, got {value}")
            values[field] = float(value)
        return cls(**values)

    def ceiling(self, paid: float | None, loss: float | None) -> float:
        """The largest sum the law could award for this price and loss."""
        paid, loss = paid or 0.0, loss or 0.0
        punitive = max(self.price_multiple * paid, self.loss_multiple * loss, self.minimum)
        return paid + loss + punitive


@dataclass(frozen=True, slots=True)
class FactSet:
    """The flat facts and, per fact drawn from the text, the spans behind it."""

    facts: Mapping[str, FactValue]
    spans: Mapping[str, tuple[Span, ...]]


class _Builder:
    """Collects facts, leaving out those with no value, and the evidence behind them."""

    def __init__(self) -> None:
        self.facts: dict[str, FactValue] = {}
        self.evidence: dict[str, tuple[TextMatch, ...]] = {}

    def set(self, name: str, value: FactValue | None, evidence: Iterable[TextMatch] = ()) -> None:
        if value is None or value == ():
            return
        if isinstance(value, float) and not math.isfinite(value):
            return
        self.facts[name] = value
        evidence = tuple(evidence)
        if evidence:
            self.evidence[name] = evidence


def build_facts(
    findings: TextFindings,
    complaint: Complaint | None = None,
    *,
    as_of: datetime | None = None,
    ceilings: Ceilings | None = None,
) -> FactSet:
    """The facts of a complaint (or of a bare text when ``complaint`` is None)."""
    builder = _Builder()
    if complaint is not None:
        _structured(builder, complaint, as_of)
    _mentions(builder, findings.hits)
    _money(builder, findings.amounts, complaint, ceilings or Ceilings())
    _counts(builder, findings, complaint)
    _incident(builder, findings, complaint)
    if "sector" not in builder.facts and findings.sector is not None:
        builder.set("sector", findings.sector.name, findings.sector.hits)
    builder.set("text_length", len(findings.text) - findings.normalized.repeated)
    if findings.asks_only:
        builder.set("asks_only", True)
    if findings.tells_event:
        builder.set("tells_event", True)
    if findings.overdue:
        builder.set("promise_overdue", True, findings.overdue)
    return FactSet(MappingProxyType(builder.facts), SpanMap(builder.evidence))


def _structured(builder: _Builder, complaint: Complaint, as_of: datetime | None) -> None:
    complainant, respondent = complaint.complainant, complaint.respondent
    builder.set("channel", complaint.channel.value)
    builder.set("hotline", complaint.hotline)
    builder.set("sector", complaint.sector or _HOTLINE_SECTORS.get(complaint.hotline or ""))
    builder.set("anonymous", complainant.anonymous)
    builder.set("is_agent", complainant.is_agent)
    builder.set("has_authorization", complainant.has_authorization)
    builder.set("has_contact", _given(complainant.phone) or _given(complainant.address))
    if respondent is not None:
        named = (respondent.name, respondent.department, respondent.employee)
        builder.set("has_respondent", any(map(_given, named)))
        if _given(respondent.department):
            builder.set("respondent_department", respondent.department)
    else:
        builder.set("has_respondent", False)
    builder.set("request_kinds", _unique(request.kind.value for request in complaint.requests))
    builder.set("evidence_kinds", _unique(item.kind.value for item in complaint.evidence))
    builder.set("evidence_count", len(complaint.evidence))
    builder.set("history_count", len(complaint.history))
    if complaint.handled_elsewhere is not None:
        builder.set("handled_elsewhere", complaint.handled_elsewhere.value)
    builder.set("in_scope", complaint.in_scope)
    received = complaint.received_at
    if received is None:
        return  # an undated record: no received_date, no days_open
    builder.set("received_date", received.year * 10_000 + received.month * 100 + received.day)
    builder.set("days_open", ((as_of or received) - received).days)


def _mentions(builder: _Builder, hits: tuple[Hit, ...]) -> None:
    asserted = [hit for hit in hits if hit.asserted]
    conditional = [hit for hit in hits if hit.conditional and not hit.negated]
    all_negated = {hit.lexicon for hit in hits} - {hit.lexicon for hit in hits if not hit.negated}
    negated = [hit for hit in hits if hit.lexicon in all_negated]
    for name, chosen in (
        ("mentions", asserted),
        ("mentions_conditional", conditional),
        ("mentions_negated", negated),
    ):
        builder.set(name, tuple(sorted({hit.lexicon for hit in chosen})), chosen)


def _money(
    builder: _Builder,
    amounts: tuple[Amount, ...],
    complaint: Complaint | None,
    ceilings: Ceilings,
) -> None:
    demanded = _largest([amount for amount in amounts if amount.role is AmountRole.DEMAND])
    paid = _largest([amount for amount in amounts if amount.role is AmountRole.PAID])
    # The price asked back (退还学费2万元) is the price paid when no other price is stated.
    paid = paid or _largest([amount for amount in amounts if amount.refund])
    loss = _largest([amount for amount in amounts if amount.role is AmountRole.LOSS])
    if complaint is not None:
        structured = [r.amount for r in complaint.requests if r.amount is not None]
        demanded = _Money.given(max(structured) if structured else None) or demanded
        paid = _Money.given(complaint.amount_paid) or paid
        loss = _Money.given(complaint.loss_amount) or loss
    for name, money in (
        ("amount_demanded", demanded),
        ("amount_paid", paid),
        ("loss_amount", loss),
    ):
        if money is not None:
            builder.set(name, money.value, money.evidence)
    unclassified = _largest([amount for amount in amounts if not amount.cued])
    known = [money for money in (paid, unclassified) if money is not None]
    stake = demanded or loss or (max(known, key=lambda money: money.value) if known else None)
    if stake is not None:
        builder.set("amount_at_stake", stake.value, stake.evidence)
    if demanded is None:
        return
    for name, base in (("demand_paid_ratio", paid), ("demand_loss_ratio", loss)):
        if base is not None and base.value > 0:
            builder.set(name, demanded.value / base.value, _evidence(demanded, base))
    price = paid or unclassified  # an unclassified sum beside a demand is usually the price
    ceiling = ceilings.ceiling(price.value if price else None, loss.value if loss else None)
    if price is not None or loss is not None:
        over = demanded.value > ceiling
        builder.set("demand_over_ceiling", over, _evidence(demanded, price, loss))
    if ceiling > 0:
        builder.set(
            "demand_ceiling_ratio", demanded.value / ceiling, _evidence(demanded, price, loss)
        )


def _counts(builder: _Builder, findings: TextFindings, complaint: Complaint | None) -> None:
    same_matter = sum(e.same_matter for e in complaint.history) if complaint is not None else 0
    if same_matter:
        builder.set("repeat_count", same_matter)
    else:
        repeat = _most(findings.repeats)
        if repeat is not None:
            builder.set("repeat_count", repeat.value, [repeat])
    people = _most(findings.people)
    if people is not None:
        builder.set("people_affected", people.value, [people])
    units = _most(findings.units)
    if units is not None:
        builder.set("units_bought", units.value, [units])
    volume = _most(find_volumes(findings.normalized))
    if volume is not None:
        builder.set("volume_used", volume.value, [volume])
    waits = find_waits(findings.normalized)
    for name, kind in (("wait_minutes", SignalKind.WAIT), ("late_minutes", SignalKind.LATE)):
        wait = _most(tuple(signal for signal in waits if signal.kind is kind))
        if wait is not None:
            builder.set(name, wait.value, [wait])


def _incident(builder: _Builder, findings: TextFindings, complaint: Complaint | None) -> None:
    if complaint is not None and complaint.incident_at is not None:
        received = complaint.received_at
        if received is None:
            builder.set("incident_recorded", True)
            return  # no day to count from
        incident = complaint.incident_at.astimezone(received.tzinfo).date()
        days = (received.date() - incident).days
        builder.set("days_since_incident", days if days >= 0 else None)
        builder.set("incident_recorded", True)
    elif findings.reference_date is not None and (
        points := [time for time in findings.times if not time.lasting]
    ):
        latest = max(points, key=lambda time: (time.date, time.start))
        days = (findings.reference_date - latest.date).days
        builder.set("days_since_incident", days, [latest])


@dataclass(frozen=True, slots=True)
class _Money:
    """A sum as a float fact, with the text amount it came from (None when structured)."""

    value: float
    amount: Amount | None = None

    @classmethod
    def given(cls, value: Decimal | None) -> _Money | None:
        return None if value is None else cls(float(value))

    @property
    def evidence(self) -> tuple[Amount, ...]:
        return () if self.amount is None else (self.amount,)


def _largest(chosen: list[Amount]) -> _Money | None:
    if not chosen:
        return None
    largest = max(chosen, key=lambda amount: amount.value)
    return _Money(float(largest.value), largest)


def _evidence(*sources: _Money | None) -> list[Amount]:
    return [amount for money in sources if money is not None for amount in money.evidence]


def _most(signals: tuple[Signal, ...]) -> Signal | None:
    return max(signals, key=lambda signal: signal.value) if signals else None


def _given(value: str | None) -> bool:
    return value is not None and bool(value.strip())


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))
