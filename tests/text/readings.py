"""What the text-analysis tests read again and again: a text's clause reading, the mode of
a word in it, whether it only asks, and whether a term's last (or first) hit lies inside a
condition or under a negation."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from triage.facts import Analyser
from triage.text.clauses import ClauseReading, Mode, actor_words
from triage.text.features import Hit
from triage.text.scope import Scope


def clause_reading(
    analyser: Analyser, text: str, actors: Mapping[str, Sequence[str]] | None = None
) -> tuple[ClauseReading, str]:
    """The clause reading of ``text`` and its normalized form (``actors``: the actor lexicons)."""
    features = analyser.analyse(text)
    normalized = features.normalized_text
    scope = Scope(normalized, features.segmentation)
    words = actor_words(actors) if actors else {}
    return ClauseReading(normalized, features.segmentation, scope, words), normalized


def mode_of(
    analyser: Analyser, text: str, word: str, actors: Mapping[str, Sequence[str]] | None = None
) -> Mode:
    """The mode of the clause holding the first ``word`` of ``text``."""
    reading, normalized = clause_reading(analyser, text, actors)
    start = normalized.index(word)
    return reading.mode(reading.token_at(start), start, start + len(word))


def asks_only(analyser: Analyser, text: str) -> bool:
    """Whether every sentence of ``text`` only asks (no actor lexicons)."""
    return clause_reading(analyser, text)[0].asks_only


def _hit(analyser: Analyser, text: str, term: str, *, last: bool) -> Hit:
    hits = [hit for hit in analyser.analyse(text).hits if hit.term == term]
    assert hits, (text, term)
    return hits[-1 if last else 0]


def conditional(analyser: Analyser, text: str, term: str, *, last: bool = True) -> bool:
    """Whether the last (``last=False``: the first) hit of ``term`` in ``text`` is conditional."""
    return _hit(analyser, text, term, last=last).conditional


def is_negated(analyser: Analyser, text: str, term: str) -> bool:
    """Whether the last hit of ``term`` in ``text`` is negated."""
    return _hit(analyser, text, term, last=True).negated
