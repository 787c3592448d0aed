"""Text analysis: normalisation, jieba segmentation, lexicon hits with negation and
conditional scope, amounts, counted signals, time references and the sector guess.

    from triage.text import Analyser

    analyser = Analyser({"injury": ["受伤", "烫伤"]})
    features = analyser.analyse("孩子被烫伤了")
    features.facts["mentions"]  # ('injury',)
"""

from triage.text.analyser import Analyser
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
    "Analyser",
    "Hit",
    "SectorGuess",
    "Signal",
    "SignalKind",
    "TextFeatures",
    "TextFindings",
    "TimeReference",
    "Token",
]
