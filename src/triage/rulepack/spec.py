"""Validated rule specifications: what a rule pack says, independent of any engine.

Conditions form a tree of `AllOf`, `AnyOf`, `NotOf` and
`FactTest` leaves. A test compares one fact with a constant; the operators are
``== != < <= > >= in not_in exists has has_any count``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from triage.records.decision import Axis
from triage.rulepack.calibration import Calibration
from triage.rulepack.patterns import PatternSet
from triage.rulepack.yamlsource import Loc

__all__ = [
    "ACTION_CODES",
    "ActionSpec",
    "AllOf",
    "AnyOf",
    "CaseSpec",
    "Condition",
    "FactTest",
    "Manifest",
    "NotOf",
    "Op",
    "Pack",
    "ParamRef",
    "Policy",
    "Rule",
    "Scalar",
    "Then",
]

Scalar = bool | int | float | str
"""A constant a rule may compare with or derive."""

ACTION_CODES = (
    "apologise",
    "explain",
    "repair",
    "replace",
    "refund",
    "compensate",
    "escalate",
    "cold_handling",
    "refer_police",
    "advise_mediation",
    "advise_litigation",
    "verify",
    "collect_evidence",
    "transfer",
    "callback",
)
"""Recommended actions a rule may add (the handling outputs of GB/T 19012-2019)."""


@dataclass(frozen=True)
class ParamRef:
    """A reference to a pack parameter, resolved when the packs are assembled."""

    name: str
    loc: Loc


class Op(StrEnum):
    """Operators of a test."""

    EQ = "=="
    NE = "!="
    LT = "<"
    LE = "<="
    GT = ">"
    GE = ">="
    IN = "in"
    NOT_IN = "not_in"
    EXISTS = "exists"
    HAS = "has"
    HAS_ANY = "has_any"
    COUNT_EQ = "count=="
    COUNT_GE = "count>="
    COUNT_LE = "count<="

    @property
    def is_count(self) -> bool:
        """Whether the operator compares the number of items of a list fact."""
        return self.value.startswith("count")


@dataclass(frozen=True)
class FactTest:
    """One comparison of a fact with a constant (``value`` is a tuple for in/not_in/has_any)."""

    fact: str
    op: Op
    value: Scalar | tuple[Scalar, ...] | ParamRef
    loc: Loc


@dataclass(frozen=True)
class AllOf:
    """True when every item is true."""

    items: tuple[Condition, ...]


@dataclass(frozen=True)
class AnyOf:
    """True when at least one item is true."""

    items: tuple[Condition, ...]


@dataclass(frozen=True)
class NotOf:
    """True when the item is false (absent facts make comparisons false)."""

    item: Condition


Condition = FactTest | AllOf | AnyOf | NotOf


@dataclass(frozen=True)
class ActionSpec:
    """A recommended action a rule adds to the decision."""

    code: str
    deadline_days: int | None = None
    working_days: bool = False
    note: str | None = None


@dataclass(frozen=True)
class Then:
    """What a rule does when it fires."""

    set: str | None = None
    reason: str | None = None
    weight: float | None = None
    decisive: bool = False
    department: str | None = None
    raise_level: bool = False
    review: str | None = None
    actions: tuple[ActionSpec, ...] = ()
    derive: tuple[tuple[str, Scalar], ...] = ()


@dataclass(frozen=True)
class Rule:
    """One validated rule, with the pack and file position it came from."""

    id: str
    title: str
    axis: Axis
    when: Condition
    then: Then
    priority: int
    source: str
    pack: str
    loc: Loc
    tags: tuple[str, ...] = ()
    enabled: bool = True
    trace_file: str | None = None
    """The file as decisions name it: ``pack-folder/file.yaml``, the same from any working
    directory; None for a rule set held as text (its ``loc.file`` label is used)."""

    def facts(self) -> frozenset[str]:
        """Names of the facts the rule's condition reads."""
        return frozenset(test.fact for test in iter_tests(self.when))


def iter_tests(condition: Condition) -> list[FactTest]:
    """Every test in a condition tree, in writing order."""
    if isinstance(condition, FactTest):
        return [condition]
    if isinstance(condition, NotOf):
        return iter_tests(condition.item)
    return [test for item in condition.items for test in iter_tests(item)]


@dataclass(frozen=True)
class Policy:
    """How each axis is resolved from the firings (set in the pack manifest)."""

    validity_default: str = "valid"
    nature_default: str = "normal"
    nature_threshold: float = 1.0
    severity_default: str = "low"
    severity_raise_ceiling: str = "high"
    responsibility_default: str = "undetermined"


@dataclass(frozen=True)
class Manifest:
    """A pack's manifest: identity, what it extends, its policy and parameters."""

    name: str
    version: str
    description: str
    extends: tuple[str, ...]
    policy: dict[str, Scalar]
    parameters: dict[str, Decimal]
    loc: Loc
    labels: dict[str, str] = field(default_factory=dict)
    """Chinese labels of reason codes (``labels:``), shown in Chinese output."""


@dataclass(frozen=True)
class CaseSpec:
    """A rule-pack test case: a complaint and what must (not) happen to it."""

    id: str
    pack: str
    complaint: dict[str, object]
    fires: tuple[str, ...]
    not_fires: tuple[str, ...]
    expect: dict[str, str | bool]
    loc: Loc


@dataclass(frozen=True)
class Pack:
    """A loaded rule pack: manifest, rules, lexicons and test cases."""

    manifest: Manifest
    root: Path | None
    rules: tuple[Rule, ...] = ()
    lexicons: dict[str, tuple[str, ...]] = field(default_factory=dict)
    cases: tuple[CaseSpec, ...] = ()
    digest: str = ""
    """Hash of the pack's parsed manifest, rules, lexicons and patterns (not its cases)."""
    patterns: PatternSet = field(default_factory=PatternSet)
    calibration: Calibration | None = None

    @property
    def name(self) -> str:
        """The pack's name from its manifest."""
        return self.manifest.name
