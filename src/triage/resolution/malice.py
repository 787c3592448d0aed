"""The structure of a malicious decision: the demand, its measure, the leverage and its link.

Read from the facts the rules saw (amounts, the demand-to-ceiling ratio, lexicon hits with
their scope), never from the text again, so the structure shows what the decision rested
on. The lexicons are named by the core pack: each leverage lexicon is one kind of pressure
(《消费者权益保护法实施条例》第二十七条; 法释〔2024〕9号 art. 15).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

from triage.records.decision import (
    Axis,
    Demand,
    DemandPurpose,
    FactValue,
    Leverage,
    LeverageKind,
    LeverageLink,
    Malice,
    Measure,
    MeasureBasis,
    Nature,
    Purchase,
    Span,
)
from triage.rulepack.spec import Rule

__all__ = [
    "LEVERAGE_LEXICONS",
    "MEASURE_FACTS",
    "MEASURE_LAWS",
    "PURPOSE_LEXICONS",
    "malice_of",
]

LEVERAGE_LEXICONS: Mapping[str, LeverageKind] = {
    "leverage": LeverageKind.REPORT,
    "leverage_threat": LeverageKind.UNNAMED,
    "leverage_media": LeverageKind.MEDIA,
    "leverage_exposure": LeverageKind.EXPOSURE,
    "leverage_review": LeverageKind.REVIEW,
    "leverage_fake_review": LeverageKind.REVIEW,
    "leverage_campaign": LeverageKind.CAMPAIGN,
    "leverage_business": LeverageKind.BUSINESS_HARM,
    "violence_threat": LeverageKind.VIOLENCE,
    "leverage_harassment": LeverageKind.HARASSMENT,
    "protection_racket": LeverageKind.BUSINESS_HARM,
    "extortion": LeverageKind.WITHDRAWAL,
    "pay_to_drop": LeverageKind.WITHDRAWAL,
    "silence_act": LeverageKind.WITHDRAWAL,
}
"""Lexicons whose hits are pressure, and the kind each names (silence_act: what a fee for
silence buys, 稿件下线, 保证不去举报)."""

_CONDITIONAL_ONLY: Mapping[str, LeverageKind] = {
    "legal_action": LeverageKind.LAWSUIT,
    "leverage_complaint": LeverageKind.REPORT,
}
"""Lexicons that are pressure only inside a threat (or beside until_paid, the other way out of
paying: 要么转钱，要么投诉): a lawsuit is otherwise a lawful channel, and a complaint named with
the plain verb (不赔偿就投诉) is otherwise one told or intended."""

_EXTORTION = frozenset({"extortion", "pay_to_drop", "protection_racket"})
"""Explicit extortion, pay-to-drop and protection-money wording (给钱就撤, 看场子): money
asked by what they say, conditional by what they say, decisive without a measure."""

_TIED_TO_PAYMENT = frozenset({*_EXTORTION, "until_paid", "demand_unless_paid", "silence_act"})
"""Wording that ties the leverage to the money whatever its grammar (给钱就撤, 赔钱为止,
不拿钱出来…我隔三差五就来): the threat stands only if the money is not paid."""

PURPOSE_LEXICONS: Mapping[str, DemandPurpose] = {
    "request_refund": DemandPurpose.REFUND,
    "request_compensation": DemandPurpose.COMPENSATION,
    "punitive_claim": DemandPurpose.PUNITIVE,
    "punitive_excess": DemandPurpose.PUNITIVE,
    "mental_damage": DemandPurpose.MENTAL_DAMAGE,
    "fin_whole_debt_waiver": DemandPurpose.DEBT_WAIVER,
    "extortion": DemandPurpose.WITHDRAWAL,
    "pay_to_drop": DemandPurpose.WITHDRAWAL,
    "business_fee": DemandPurpose.WITHDRAWAL,
}
"""Lexicons that say what a demand is for (business_fee: a fee for silence by any name,
顾问费, 合作费, 推广费)."""

_REQUEST_PURPOSES = {"refund": DemandPurpose.REFUND, "compensation": DemandPurpose.COMPENSATION}

_MONEY_PURPOSES = frozenset(
    {
        DemandPurpose.REFUND,
        DemandPurpose.COMPENSATION,
        DemandPurpose.PUNITIVE,
        DemandPurpose.MENTAL_DAMAGE,
    }
)
"""Purposes that are money by what they ask (退一赔十 asks a sum the law fixes)."""

MEASURE_LAWS: Mapping[MeasureBasis, str] = {
    MeasureBasis.LOSS: "《食品安全法》第一百四十八条第二款（损失三倍）；"
    "《消费者权益保护法》第五十五条第二款",
    MeasureBasis.PRICE: "《食品安全法》第一百四十八条第二款（价款十倍）；"
    "《消费者权益保护法》第五十五条第一款（价款三倍）",
    MeasureBasis.STATUTORY_MINIMUM: "《食品安全法》第一百四十八条第二款（最低一千元）；"
    "《消费者权益保护法》第五十五条第一款（最低五百元）",
}
"""The ceilings of the core pack's parameters (the most generous statutory multiples), with
their laws."""

_MULTIPLES = {MeasureBasis.LOSS: 3.0, MeasureBasis.PRICE: 10.0}
"""The punitive multiples of the core pack's default ceilings (``triage.facts.builder.Ceilings``):
when the punitive part equals neither, the statutory minimum set the ceiling."""

_CENT = 0.01

MEASURE_FACTS = frozenset(
    {
        "excessive_demand",
        "demand_over_ceiling",
        "demand_ceiling_ratio",
        "demand_paid_ratio",
        "demand_loss_ratio",
    }
)
"""Facts that hold a demand against its measure: a malicious finding needs the measure only
when a rule that made it malicious reads one of them."""

_PURCHASE_LEXICONS = frozenset(
    {"bulk_purchase", "knowing_purchase", "split_claim", "split_purchase"}
)
_SPLIT_LEXICONS = frozenset({"split_claim", "split_purchase"})
"""One purchase claimed as many, or split at the checkout or across accounts (分6次刷卡)."""

_AMOUNT_FACTS = ("loss_amount", "amount_paid")


def malice_of(
    facts: Mapping[str, FactValue],
    spans: Mapping[str, Sequence[Span]],
    fired: Iterable[Rule] = (),
) -> Malice:
    """The demand, measure, leverage and purchase behind a malicious decision.

    ``facts`` are the facts after the rules ran (derived ones included), ``spans`` the
    text spans per fact, ``fired`` the rules that fired: the measure is ``needed`` when a
    rule that made the complaint malicious (the decisive ones, if any) read it.
    """
    hits = _lexicon_spans(spans)
    return Malice(
        demand=_demand(facts, spans, hits),
        measure=_measure(facts, spans, _measured(fired)),
        leverage=_leverage(hits),
        purchase=_purchase(facts, spans, hits),
    )


def _lexicon_spans(spans: Mapping[str, Sequence[Span]]) -> dict[str, list[Span]]:
    """Asserted and conditional lexicon hits, by lexicon, in text order."""
    found: dict[str, list[Span]] = {}
    for fact in ("mentions", "mentions_conditional"):
        for span in spans.get(fact, ()):
            if span.lexicon is not None and not span.negated:
                found.setdefault(span.lexicon, []).append(span)
    return found


def _demand(
    facts: Mapping[str, FactValue],
    spans: Mapping[str, Sequence[Span]],
    hits: Mapping[str, list[Span]],
) -> Demand:
    purposes = [purpose for name, purpose in PURPOSE_LEXICONS.items() if name in hits]
    requested = facts.get("request_kinds", ())
    if isinstance(requested, tuple):
        purposes += [_REQUEST_PURPOSES[kind] for kind in requested if kind in _REQUEST_PURPOSES]
    named = [*PURPOSE_LEXICONS, *sorted(_EXTORTION - PURPOSE_LEXICONS.keys())]
    words = [span for name in named for span in hits.get(name, ())]
    return Demand(
        money=facts.get("money_demand") is True
        or not _EXTORTION.isdisjoint(hits)
        or "business_fee" in hits
        or not _MONEY_PURPOSES.isdisjoint(purposes),
        amount=_yuan(_number(facts.get("amount_demanded"))),
        purposes=tuple(sorted(set(purposes), key=list(DemandPurpose).index)),
        spans=_ordered([*spans.get("amount_demanded", ()), *words]),
    )


def _measured(fired: Iterable[Rule]) -> bool:
    """Whether a rule that made the complaint malicious held the demand against its measure."""
    signals = [
        rule for rule in fired if rule.axis is Axis.NATURE and rule.then.set == Nature.MALICIOUS
    ]
    deciding = [rule for rule in signals if rule.then.decisive] or signals
    return any(rule.facts() & MEASURE_FACTS for rule in deciding)


def _measure(
    facts: Mapping[str, FactValue], spans: Mapping[str, Sequence[Span]], needed: bool
) -> Measure:
    demanded, ratio = (
        _number(facts.get("amount_demanded")),
        _number(facts.get("demand_ceiling_ratio")),
    )
    if demanded is None or ratio is None or ratio <= 0:
        return Measure(basis=MeasureBasis.UNMEASURED, needed=needed)
    measured = spans.get("demand_ceiling_ratio", ())
    based = [span for span in measured if _role(span) != "demand"]
    loss = _number(facts.get("loss_amount"))
    price = _number(facts.get("amount_paid"))
    if price is None:
        price = next((_value(s) for s in based if _role(s) in ("paid", "other")), None)
    elif not based:  # the price asked back (返还货款6万元) is the price and its span
        based = [span for span in measured if _value(span) == price and _value(span) != demanded]
    ceiling = demanded / ratio
    punitive = ceiling - (price or 0.0) - (loss or 0.0)
    base: float | None
    if loss is not None and punitive <= _MULTIPLES[MeasureBasis.LOSS] * loss + _CENT:
        basis, base = MeasureBasis.LOSS, loss
    elif price is not None and punitive <= _MULTIPLES[MeasureBasis.PRICE] * price + _CENT:
        basis, base = MeasureBasis.PRICE, price
    else:
        basis, base = MeasureBasis.STATUTORY_MINIMUM, price
    return Measure(
        basis=basis,
        needed=needed,
        base=_yuan(base),
        ceiling=_yuan(ceiling),
        ratio=round(ratio, 2),
        law=MEASURE_LAWS[basis],
        spans=_ordered(based),
    )


def _leverage(hits: Mapping[str, list[Span]]) -> Leverage:
    chosen: list[Span] = []
    kinds: list[LeverageKind] = []
    for name, kind in LEVERAGE_LEXICONS.items():
        if name in hits:
            kinds.append(kind)
            chosen += hits[name]
    tied = "until_paid" in hits  # 要么转钱，要么投诉: the other way out of paying is a threat
    for name, kind in _CONDITIONAL_ONLY.items():
        threats = [span for span in hits.get(name, ()) if span.conditional or tied]
        if threats:
            kinds.append(kind)
            chosen += threats
    if not kinds:
        return Leverage()
    conditional = not _TIED_TO_PAYMENT.isdisjoint(hits) or any(s.conditional for s in chosen)
    return Leverage(
        kinds=tuple(sorted(set(kinds), key=list(LeverageKind).index)),
        link=LeverageLink.CONDITIONAL if conditional else LeverageLink.PARALLEL,
        spans=_ordered(chosen),
    )


def _purchase(
    facts: Mapping[str, FactValue],
    spans: Mapping[str, Sequence[Span]],
    hits: Mapping[str, list[Span]],
) -> Purchase | None:
    units = facts.get("units_bought")
    words = [span for name in sorted(_PURCHASE_LEXICONS) for span in hits.get(name, ())]
    if not isinstance(units, int) and not words:
        return None
    return Purchase(
        units=units if isinstance(units, int) else None,
        knowing="knowing_purchase" in hits,
        split=not _SPLIT_LEXICONS.isdisjoint(hits),
        spans=_ordered([*spans.get("units_bought", ()), *words]),
    )


def _role(span: Span) -> str:
    """The role of an amount span (its term reads ``role:value``)."""
    return span.term.partition(":")[0]


def _number(value: FactValue | None) -> float | None:
    if isinstance(value, bool) or not isinstance(value, float | int):
        return None
    return float(value)


def _value(span: Span) -> float | None:
    try:
        return float(span.term.partition(":")[2])
    except ValueError:
        return None


def _yuan(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(f"{value:.2f}")


def _ordered(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Spans in text order, each once."""
    return tuple(sorted(dict.fromkeys(spans), key=lambda span: (span.start, span.end, span.fact)))
