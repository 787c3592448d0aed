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

__all__ = [
    "Action",
    "Axis",
    "Channel",
    "Complainant",
    "Complaint",
    "Decision",
    "Effect",
    "EffectKind",
    "Engine",
    "Evidence",
    "EvidenceKind",
    "Firing",
    "HandledElsewhere",
    "HistoryEntry",
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
    "parse_complaint",
]
