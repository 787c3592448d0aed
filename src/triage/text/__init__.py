"""Text analysis: normalisation, jieba segmentation, lexicon hits with negation and
conditional scope, amounts, counted signals, time references and the sector guess.

``triage.facts.Analyser`` runs these and turns their findings into facts.
"""

from triage.text.features import (
    Amount,
    AmountRole,
    Hit,
    SectorGuess,
    Signal,
    SignalKind,
    TextFeatures,
    TextFindings,
    TimeReference,
    Token,
)

__all__ = [
    "Amount",
    "AmountRole",
    "Hit",
    "SectorGuess",
    "Signal",
    "SignalKind",
    "TextFeatures",
    "TextFindings",
    "TimeReference",
    "Token",
]
