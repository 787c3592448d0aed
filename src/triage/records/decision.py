"""The decision record: the four answers for one complaint, and why.

A Decision is frozen, hashable and self-explaining: ``trace`` lists every rule that fired
with its source location, the fact values it matched and the text spans behind them.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StrictBool, StrictFloat, StrictInt

from triage.records.frozen import FrozenMap

__all__ = [
    "Action",
    "Axis",
    "Confidence",
    "Decision",
    "Effect",
    "EffectKind",
    "FactValue",
    "Firing",
    "Nature",
    "Party",
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
    trace: tuple[Firing, ...] = ()
    ruleset_version: str
    as_of: AwareDatetime

    def _repr_html_(self) -> str:
        """Jupyter's rendering: the axes and the firing table (see triage.records.display)."""
        from triage.records.display import decision_html  # display imports this module

        return decision_html(self)
