"""The decision record: the four answers for one complaint, and why.

A Decision is frozen, hashable and self-explaining: ``trace`` lists every rule that fired
with its source location, the fact values it matched and the text spans behind them.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StrictBool, StrictFloat, StrictInt

from triage.records.frozen import FrozenMap

__all__ = [
    "Action",
    "Axis",
    "Confidence",
    "Decision",
    "Demand",
    "DemandPurpose",
    "Effect",
    "EffectKind",
    "FactValue",
    "Firing",
    "Leverage",
    "LeverageKind",
    "LeverageLink",
    "Malice",
    "Measure",
    "MeasureBasis",
    "Nature",
    "Party",
    "Purchase",
    "Reasons",
    "Responsibility",
    "Severity",
    "Span",
    "Validity",
]

FactValue = StrictBool | StrictInt | StrictFloat | str | tuple[str, ...]
"""A value the rules see: a flag, a number, a string, or a tuple of strings."""


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Axis(StrEnum):
    """What a rule decides about. ``derive`` rules add facts; ``handling`` rules add advice."""

    VALIDITY = "validity"
    NATURE = "nature"
    SEVERITY = "severity"
    RESPONSIBILITY = "responsibility"
    HANDLING = "handling"
    DERIVE = "derive"


class Validity(StrEnum):
    """Whether the complaint is acceptable and grounded."""

    VALID = "valid"
    INVALID = "invalid"


class Nature(StrEnum):
    """Whether the complaint is an ordinary one or an abuse of the right to complain."""

    NORMAL = "normal"
    MALICIOUS = "malicious"


_SEVERITY_ORDER = ("low", "medium", "high", "critical")


class Severity(StrEnum):
    """How serious the complaint is; ordered ``low < medium < high < critical``."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        """Position on the scale, 0 for ``low`` to 3 for ``critical``."""
        return _SEVERITY_ORDER.index(self.value)

    def raised(self, *, ceiling: Severity | None = None) -> Severity:
        """The next level up, never above ``ceiling`` (default: ``critical``)."""
        top = (ceiling or Severity.CRITICAL).rank
        if self.rank >= top:
            return self
        return Severity(_SEVERITY_ORDER[self.rank + 1])

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank >= other.rank

    __hash__ = StrEnum.__hash__


class Party(StrEnum):
    """Who must act and bear the cost."""

    RESPONDENT = "respondent"
    SUPPLIER = "supplier"
    CONTRACTOR = "contractor"
    THIRD_PARTY = "third_party"
    CUSTOMER = "customer"
    FORCE_MAJEURE = "force_majeure"
    UNDETERMINED = "undetermined"


class Responsibility(_Record):
    """The responsible party and, when a rule names it, the department that handles it."""

    party: Party = Party.UNDETERMINED
    department: str | None = None


class EffectKind(StrEnum):
    """What a rule does when it fires."""

    SET = "set"
    RAISE = "raise"
    REVIEW = "review"
    ACTION = "action"
    DERIVE = "derive"


class Effect(_Record):
    """One effect of a firing: the value set or derived, with its weight and reason code."""

    kind: EffectKind
    fact: str | None = Field(default=None, description="The fact a derive effect sets.")
    value: FactValue | None = None
    weight: float | None = None
    reason: str | None = None
    decisive: bool = False


class Span(_Record):
    """A stretch of the original complaint text behind a fact.

    ``text[start:end]`` of the complaint's original ``text`` equals ``surface``; ``term`` is
    what matched after normalisation (a lexicon term, or an amount as written).
    """

    fact: str
    lexicon: str | None = None
    term: str
    surface: str
    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=0)]
    negated: bool = False
    conditional: bool = False


class Firing(_Record):
    """One rule that fired: what it is, where it is written, what it did and on what."""

    rule_id: str
    title: str
    axis: Axis
    effects: tuple[Effect, ...]
    file: str
    line: int
    source: str = Field(description="The ground the rule encodes (law article, document).")
    facts: FrozenMap[str, FactValue] = Field(default_factory=FrozenMap)
    spans: tuple[Span, ...] = ()
    spans_omitted: FrozenMap[str, int] = Field(
        default_factory=FrozenMap,
        exclude_if=lambda omitted: not omitted,
        description="Per fact, the spans left out of ``spans`` beyond the trace's cap "
        "(the first in the text are kept). Left out of JSON when nothing was left out.",
    )


class Reasons(_Record):
    """Reason codes per axis, in the order the firings were resolved."""

    validity: tuple[str, ...] = ()
    nature: tuple[str, ...] = ()
    severity: tuple[str, ...] = ()
    responsibility: tuple[str, ...] = ()


class Confidence(_Record):
    """Per axis, how often decisions like this one agreed with people, from 0 to 1.

    Measured by the rule pack's calibration (``calibration.json``): the share of a labelled
    development set on which a decision with the same value, reached the same way (a rule
    fired, or the axis fell back to its default), matched the adjudicated label. None when
    the pack has no calibration for the axis. A CRM auto-applies an axis whose confidence
    reaches its own threshold and the decision needs no review, and only suggests it
    otherwise.
    """

    validity: float | None = None
    nature: float | None = None
    severity: float | None = None
    responsibility: float | None = None

    def auto_apply(self, threshold: float) -> bool:
        """Whether every axis is calibrated and at least ``threshold``."""
        values = (self.validity, self.nature, self.severity, self.responsibility)
        return all(value is not None and value >= threshold for value in values)


class Action(_Record):
    """A recommended handling step, with its deadline when the law or the pack sets one."""

    code: str
    rule_id: str
    deadline_days: int | None = None
    working_days: bool = False
    note: str | None = None


class DemandPurpose(StrEnum):
    """What a demand is for, as the complaint words it."""

    REFUND = "refund"
    COMPENSATION = "compensation"
    PUNITIVE = "punitive"
    MENTAL_DAMAGE = "mental_damage"
    DEBT_WAIVER = "debt_waiver"
    WITHDRAWAL = "withdrawal"
    """Paid for dropping a complaint, deleting a review or post, keeping silent."""


class MeasureBasis(StrEnum):
    """What a demand was held against (the statutory ceilings: 消法 art. 55, 食品安全法 148)."""

    LOSS = "loss"
    """The loss stated, with the price paid: the statutory multiples of both."""
    PRICE = "price"
    """The price paid, no loss stated: the statutory multiple of the price."""
    STATUTORY_MINIMUM = "statutory_minimum"
    """Neither price nor loss stated: the statutory minimum is the ceiling."""
    UNMEASURED = "unmeasured"
    """No sum demanded: nothing to measure."""


class LeverageKind(StrEnum):
    """The pressure put on the business."""

    EXPOSURE = "exposure"
    REPORT = "report"
    REVIEW = "review"
    MEDIA = "media"
    LAWSUIT = "lawsuit"
    CAMPAIGN = "campaign"
    """Complaints, reports or lawsuits without end (一直投诉, 告到底, 挨个投诉)."""
    VIOLENCE = "violence"
    UNNAMED = "unnamed"
    """A threat that names no step (后果自负, 这事没完, 你们看着办)."""
    HARASSMENT = "harassment"
    """Coming back to the premises or the staff without end (天天来闹, 堵门, 隔三差五来找)."""
    BUSINESS_HARM = "business_harm"
    """Ruin of the trade or name, or "protection" sold against it (让你开不下去, 看场子)."""
    WITHDRAWAL = "withdrawal"
    """The complaint, review or post itself, offered to be dropped for money."""


class LeverageLink(StrEnum):
    """How the leverage is tied to the demand."""

    CONDITIONAL = "conditional"
    """Only if not paid, or dropped once paid (不赔就…, 给钱就撤)."""
    PARALLEL = "parallel"
    """In the same complaint, not tied to payment."""
    NONE = "none"
    """No leverage named."""


class Demand(_Record):
    """What the complainant asks for: a sum (or a demand that is not money) and its purpose."""

    money: bool = Field(description="Whether money is demanded at all.")
    amount: Decimal | None = Field(default=None, description="The largest sum demanded, yuan.")
    purposes: tuple[DemandPurpose, ...] = ()
    spans: tuple[Span, ...] = ()


class Measure(_Record):
    """The measure a demand was held against: the loss, or the statutory ceiling."""

    basis: MeasureBasis
    needed: bool = Field(
        default=True,
        description="False when no rule that made the complaint malicious rests on the "
        "measure: explicit pay-to-drop extortion (法释〔2024〕9号 art. 15), a professional-"
        "claimant pattern, violence or fake reviews for money.",
    )
    base: Decimal | None = Field(default=None, description="The loss or price stated, yuan.")
    ceiling: Decimal | None = Field(default=None, description="The most the law could award.")
    ratio: float | None = Field(default=None, description="The demand divided by the ceiling.")
    law: str | None = Field(default=None, description="The law the ceiling comes from.")
    spans: tuple[Span, ...] = ()


class Leverage(_Record):
    """The pressure named and its link to the demand."""

    kinds: tuple[LeverageKind, ...] = ()
    link: LeverageLink = LeverageLink.NONE
    spans: tuple[Span, ...] = ()


class Purchase(_Record):
    """What the complainant bought, when the quantity or knowledge marks a professional claim."""

    units: int | None = Field(default=None, description="Units bought, split purchases counted.")
    knowing: bool = Field(default=False, description="Bought knowing of the flaw.")
    split: bool = Field(
        default=False,
        description="One purchase claimed as many (per order, receipt or item), or split at "
        "the checkout or across accounts (分6次刷卡, 多个账号分别下单).",
    )
    spans: tuple[Span, ...] = ()


class Malice(_Record):
    """Why a malicious complaint is malicious, as the law reads it: demand, measure, leverage.

    Filled from the facts the rules saw, for malicious decisions only; every part carries
    the text spans behind it so a reviewer can check it against the complaint.
    """

    demand: Demand
    measure: Measure
    leverage: Leverage
    purchase: Purchase | None = None


class Decision(_Record):
    """The triage of one complaint on the four axes, with everything that explains it."""

    complaint_id: str
    validity: Validity
    nature: Nature
    severity: Severity
    responsibility: Responsibility
    needs_review: bool = Field(
        description="The decision rests on facts nobody has verified, or on missing ones."
    )
    review_reasons: tuple[str, ...] = ()
    reasons: Reasons = Field(default_factory=Reasons)
    nature_score: float = 0.0
    defaults: tuple[Axis, ...] = Field(
        default=(), description="Axes on which no rule fired, so the pack's default applied."
    )
    actions: tuple[Action, ...] = ()
    confidence: Confidence = Field(
        default_factory=Confidence,
        description="Per axis, the share of like decisions that agreed with people (0-1).",
    )
    malice: Malice | None = Field(
        default=None,
        description="For a malicious decision: the demand, its measure and the leverage, "
        "with their spans. None for a normal one.",
    )
    trace: tuple[Firing, ...] = ()
    ruleset_version: str
    as_of: AwareDatetime | None = Field(
        description="The moment the decision was made as of: the as_of given, else the "
        "complaint's received_at; null when neither is known."
    )

    def _repr_html_(self) -> str:
        """Jupyter's rendering: the axes and the firing table (see triage.records.display)."""
        from triage.records.display import decision_html  # display imports this module

        return decision_html(self)
