"""The fact vocabulary: every name a rule may test, its type, meaning and origin.

Rules may only reference facts listed here, or facts that a ``derive`` rule of a loaded
pack declares. The vocabulary is versioned: renaming or retyping a fact bumps
`VOCABULARY_VERSION`, and rule packs state the version they were written for.

Missing facts: a fact with no value (no amount in the text, no sector guessed) is absent;
every comparison with an absent fact is false, and ``not`` of it is true. Lists are never
empty: an empty list is absent.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "BASE_FACTS",
    "VOCABULARY_VERSION",
    "FactSpec",
    "FactType",
    "Vocabulary",
]

VOCABULARY_VERSION = "1"


class FactType(StrEnum):
    """The type of a fact's value as the rules see it."""

    BOOL = "bool"
    NUMBER = "number"
    INTEGER = "integer"
    STRING = "string"
    STRINGS = "strings"

    @property
    def numeric(self) -> bool:
        """Whether values of this type compare with ``<``, ``>``, ..."""
        return self in (FactType.NUMBER, FactType.INTEGER)


@dataclass(frozen=True)
class FactSpec:
    """One fact: name, type, what it means, and where its value comes from."""

    name: str
    type: FactType
    description: str
    origin: str
    values: tuple[str, ...] | None = None
    """The closed set of values for string facts, or None when open."""


_CHANNELS = (
    "hotline",
    "web",
    "app",
    "email",
    "letter",
    "visit",
    "social_media",
    "media",
    "regulator",
    "other",
)
_REQUEST_KINDS = (
    "apology",
    "explanation",
    "repair",
    "replace",
    "refund",
    "compensation",
    "punish_staff",
    "other",
)
_EVIDENCE_KINDS = (
    "receipt",
    "contract",
    "photo",
    "video",
    "recording",
    "inspection_report",
    "medical_record",
    "witness",
    "other",
)
_HANDLED = ("court", "arbitration", "regulator", "consumer_association", "mediation")

B, N, INT, S, L = (
    FactType.BOOL,
    FactType.NUMBER,
    FactType.INTEGER,
    FactType.STRING,
    FactType.STRINGS,
)

BASE_FACTS: tuple[FactSpec, ...] = (
    # --- from the complaint's structured fields --------------------------------------
    FactSpec("channel", S, "How the complaint arrived.", "complaint.channel", _CHANNELS),
    FactSpec("hotline", S, 'Hotline number, e.g. "12315", "95598".', "complaint.hotline"),
    FactSpec(
        "sector",
        S,
        "Sector: the complaint's own field if given, else the best guess from the text "
        "(power, aviation, construction, food, telecom, finance, insurance, ecommerce, "
        "automotive, public_service).",
        "complaint.sector | text",
    ),
    FactSpec("anonymous", B, "The complainant stays anonymous.", "complaint.complainant"),
    FactSpec("is_agent", B, "Someone complains on another's behalf.", "complaint.complainant"),
    FactSpec(
        "has_authorization",
        B,
        "The agent holds a power of attorney (absent when unknown).",
        "complaint.complainant",
    ),
    FactSpec(
        "has_contact", B, "A phone or address of the complainant is given.", "complaint.complainant"
    ),
    FactSpec("has_respondent", B, "The record names a respondent.", "complaint.respondent"),
    FactSpec(
        "respondent_department",
        S,
        "The department complained about, as recorded.",
        "complaint.respondent",
    ),
    FactSpec(
        "request_kinds",
        L,
        "Kinds of the structured requests.",
        "complaint.requests",
        _REQUEST_KINDS,
    ),
    FactSpec(
        "evidence_kinds", L, "Kinds of evidence offered.", "complaint.evidence", _EVIDENCE_KINDS
    ),
    FactSpec(
        "evidence_count", INT, "How many items of evidence are offered.", "complaint.evidence"
    ),
    FactSpec(
        "history_count", INT, "Earlier complaints of the same complainant.", "complaint.history"
    ),
    FactSpec(
        "handled_elsewhere",
        S,
        "Body that already accepted or handled the matter.",
        "complaint.handled_elsewhere",
        _HANDLED,
    ),
    FactSpec(
        "in_scope",
        B,
        "Within the handling body's scope (absent when unknown).",
        "complaint.in_scope",
    ),
    FactSpec(
        "received_date",
        INT,
        "Date received as YYYYMMDD, in the complaint's own timezone (chooses the legal regime).",
        "complaint.received_at",
    ),
    FactSpec(
        "days_open",
        INT,
        "Whole days from received_at to the decision's as_of.",
        "complaint.received_at",
    ),
    # --- money: structured fields first, else the text --------------------------------
    FactSpec(
        "amount_paid",
        N,
        "Price paid, in yuan (structured, else the text).",
        "complaint.amount_paid | text",
    ),
    FactSpec(
        "loss_amount",
        N,
        "Loss claimed, in yuan (structured, else the text).",
        "complaint.loss_amount | text",
    ),
    FactSpec(
        "amount_demanded",
        N,
        "Largest sum demanded, in yuan (structured requests, else the text).",
        "complaint.requests | text",
    ),
    FactSpec(
        "amount_at_stake",
        N,
        "The sum in dispute: the largest demand, else the largest loss, else the largest sum paid "
        "or unclassified (never loan balances or salaries).",
        "complaint | text",
    ),
    FactSpec("demand_paid_ratio", N, "amount_demanded ÷ amount_paid.", "derived"),
    FactSpec("demand_loss_ratio", N, "amount_demanded ÷ loss_amount.", "derived"),
    FactSpec(
        "demand_over_ceiling",
        B,
        "The demand exceeds the most generous statutory compensation for the price and "
        "loss (pack parameters ceiling_price_multiple, ceiling_loss_multiple, ceiling_minimum); "
        "without a price paid, a sum no cue classified stands for the price.",
        "derived",
    ),
    FactSpec(
        "demand_ceiling_ratio",
        N,
        "The demand divided by its measure: the most generous statutory compensation for the "
        "price and loss stated, or the statutory minimum (ceiling_minimum) when neither is "
        "stated. Above 1 the demand exceeds what the law could award; the higher, the clearer.",
        "derived",
    ),
    # --- the text ---------------------------------------------------------------------
    FactSpec(
        "mentions",
        L,
        "Lexicons with at least one asserted hit: not negated, not hypothetical.",
        "text",
    ),
    FactSpec(
        "mentions_conditional",
        L,
        "Lexicons hit inside a condition or hypothesis (如果…, 否则…, 不…就…).",
        "text",
    ),
    FactSpec("mentions_negated", L, "Lexicons whose every hit is negated (没有受伤).", "text"),
    FactSpec(
        "repeat_count",
        INT,
        "Earlier complaints about the same matter: structured history, 第N次, 多次, 并非第一次.",
        "complaint.history | text",
    ),
    FactSpec(
        "people_affected",
        INT,
        "Largest number of people or households the text says are affected (十几户 → 10).",
        "text",
    ),
    FactSpec(
        "units_bought",
        INT,
        "Largest number of units of goods the text says were bought (共计120盒 → 120).",
        "text",
    ),
    FactSpec(
        "volume_used",
        INT,
        "Largest volume of water or gas, in cubic metres or tonnes, the text names in a clause "
        "about water or gas (水表显示跑了415立方水 → 415); a tariff per unit is none.",
        "text",
    ),
    FactSpec(
        "wait_minutes",
        INT,
        "Longest wait the text tells with a number, in minutes (等了137分钟 → 137, 一个半小时"
        "才送到 → 90); a span expected, promised or quick (预计一小时送到, 半小时就到了) is none.",
        "text",
    ),
    FactSpec(
        "late_minutes",
        INT,
        "Longest time past the promised time the text tells with a number, in minutes "
        "(超时40分钟 → 40, 迟到了半个小时 → 30).",
        "text",
    ),
    FactSpec(
        "days_since_incident",
        INT,
        "Days from the incident (incident_at, else the latest point in time the text names, "
        "e.g. 三年前: the last event told, not a time asked for as in 要求今天答复) to "
        "received_at.",
        "complaint.incident_at | text",
    ),
    FactSpec(
        "incident_recorded",
        B,
        "The record gives incident_at (so days_since_incident is a recorded date, not a guess "
        "from the text).",
        "complaint.incident_at",
    ),
    FactSpec(
        "promise_overdue",
        B,
        "A time promised or announced for an act (承诺11月底前修好, 原定2018年5月1号完工, "
        "反馈说12月中旬能解决) had passed before received_at, read to the last day it can mean, "
        "and the text does not say it was kept; a courier's estimate is none.",
        "text",
    ),
    FactSpec(
        "text_length",
        INT,
        "Characters in the complaint text, a repeated mark (！！！, 。。。, 😡😡) counted once.",
        "text",
    ),
    FactSpec(
        "asks_only",
        B,
        "Every sentence of the text is a question (请问, 为什么, 怎么办, 吗, ？), not a rhetorical "
        "one, and none states anything else: a consultation rather than a complaint.",
        "text",
    ),
    FactSpec(
        "tells_event",
        B,
        "Some clause, stated (not asked, not in a condition, suspicion or hearsay), tells an "
        "event the writer met: a verb with 了/过 not after a degree or a modal (坏了, 试过; not "
        "太贵了, 会便宜了) or a time of their own (今天, 上次, 当时).",
        "text",
    ),
)


class Vocabulary(Mapping[str, FactSpec]):
    """The facts rules may use: the base vocabulary plus facts declared by derive rules."""

    def __init__(self, facts: Iterable[FactSpec] = BASE_FACTS) -> None:
        self._facts = {fact.name: fact for fact in facts}

    def __getitem__(self, name: str) -> FactSpec:
        return self._facts[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._facts)

    def __len__(self) -> int:
        return len(self._facts)

    def with_facts(self, facts: Iterable[FactSpec]) -> Vocabulary:
        """A new vocabulary with ``facts`` added (derived facts of the loaded packs)."""
        return Vocabulary([*self._facts.values(), *facts])

    def suggest(self, name: str) -> tuple[str, ...]:
        """Known fact names close to ``name`` (whole or by word), for "did you mean" hints."""

        def score(candidate: str) -> float:
            parts = [candidate, *candidate.split("_")]
            return max(difflib.SequenceMatcher(None, name, part).ratio() for part in parts)

        ranked = sorted(self._facts, key=lambda candidate: (-score(candidate), candidate))
        return tuple(candidate for candidate in ranked[:3] if score(candidate) >= 0.75)
