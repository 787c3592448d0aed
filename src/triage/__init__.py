"""triage: rule-based triage of Chinese customer complaints, explained.

Build an engine from rule packs, then decide complaints::

    from triage import Engine, parse_complaint

    with Engine.default() as engine:
        decision = engine.decide(parse_complaint(record))
"""

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
from triage.tools.comparison import Comparison, compare
from triage.tools.evaluation import EvaluationReport, LabelledComplaint, evaluate, load_labelled
from triage.tools.explanation import Explanation, explain
from triage.tools.linting import LintReport, lint
from triage.tools.notebook import plot_axes, plot_rule_counts, to_frame

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
