"""triage: rule-based triage of Chinese customer complaints, explained.

Build an engine from rule packs, then decide complaints::

    from triage import Engine, parse_complaint

    with Engine.default() as engine:
        decision = engine.decide(parse_complaint(record))

The tools (``compare``, ``evaluate``, ``explain``, ``lint``, the notebook helpers) load
when first used, so ``import triage`` stays light for a backend that only decides.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from triage.engine import Engine, RuleInfo
from triage.errors import RecordError, RuleError, TriageError
from triage.records import (
    Action,
    Axis,
    Channel,
    Complainant,
    Complaint,
    Decision,
    Effect,
    EffectKind,
    Evidence,
    EvidenceKind,
    Firing,
    HandledElsewhere,
    HistoryEntry,
    Nature,
    Party,
    Reasons,
    Request,
    RequestKind,
    Respondent,
    Responsibility,
    Severity,
    Span,
    Validity,
    parse_complaint,
)

if TYPE_CHECKING:
    from triage.tools.comparison import Comparison, compare
    from triage.tools.evaluation import EvaluationReport, LabelledComplaint, evaluate, load_labelled
    from triage.tools.explanation import Explanation, explain
    from triage.tools.linting import LintReport, lint
    from triage.tools.notebook import plot_axes, plot_rule_counts, to_frame

_TOOLS = {
    "Comparison": "triage.tools.comparison",
    "compare": "triage.tools.comparison",
    "EvaluationReport": "triage.tools.evaluation",
    "LabelledComplaint": "triage.tools.evaluation",
    "evaluate": "triage.tools.evaluation",
    "load_labelled": "triage.tools.evaluation",
    "Explanation": "triage.tools.explanation",
    "explain": "triage.tools.explanation",
    "LintReport": "triage.tools.linting",
    "lint": "triage.tools.linting",
    "plot_axes": "triage.tools.notebook",
    "plot_rule_counts": "triage.tools.notebook",
    "to_frame": "triage.tools.notebook",
}
"""Tool names, imported on first use: a backend that only decides never loads rich."""


def __getattr__(name: str) -> Any:
    module = _TOOLS.get(name)
    if module is None:
        raise AttributeError(f"module 'triage' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_TOOLS})


__all__ = [
    "Action",
    "Axis",
    "Channel",
    "Comparison",
    "Complainant",
    "Complaint",
    "Decision",
    "Effect",
    "EffectKind",
    "Engine",
    "EvaluationReport",
    "Evidence",
    "EvidenceKind",
    "Explanation",
    "Firing",
    "HandledElsewhere",
    "HistoryEntry",
    "LabelledComplaint",
    "LintReport",
    "Nature",
    "Party",
    "Reasons",
    "RecordError",
    "Request",
    "RequestKind",
    "Respondent",
    "Responsibility",
    "RuleError",
    "RuleInfo",
    "Severity",
    "Span",
    "TriageError",
    "Validity",
    "compare",
    "evaluate",
    "explain",
    "lint",
    "load_labelled",
    "parse_complaint",
    "plot_axes",
    "plot_rule_counts",
    "to_frame",
]
