"""The analyser: one object that turns complaint text into findings and facts.

Everything that needs loading (jieba's dictionary, the lexicon terms, OpenCC's tables)
is loaded in `Analyser`'s constructor; `Analyser.analyse` does no I/O and
keeps no state between calls, so one analyser serves many threads at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime

from triage.errors import TriageError
from triage.facts.builder import Ceilings, build_facts
from triage.records import Complaint
from triage.text.amounts import find_amounts
from triage.text.clauses import ACTOR_LEXICONS, ClauseReading, actor_words
from triage.text.events import tells_event
from triage.text.features import TextFeatures, TextFindings
from triage.text.lexicons import LexiconMatcher, split_entries
from triage.text.normalize import Normalizer
from triage.text.patterns import HitCondition, PatternMatcher, PatternSpec
from triage.text.scope import Scope
from triage.text.sector import guess_sector
from triage.text.segment import Segmenter, whole_terms
from triage.text.signals import find_people, find_repeats, find_units
from triage.text.times import find_overdue, find_times

__all__ = ["Analyser"]


class Analyser:
    """Analyses complaint texts with the given lexicons and rule-pack parameters.

    ``lexicons`` maps a lexicon name to its terms (simplified Chinese; traditional is
    converted); lexicons named ``sector_<name>`` feed the sector guess. ``parameters`` are
    the pack's parameters; those named ``ceiling_*`` set `Ceilings`.
    """

    def __init__(
        self,
        lexicons: Mapping[str, Iterable[str]],
        parameters: Mapping[str, float] | None = None,
        *,
        patterns: Iterable[PatternSpec] = (),
        conditions: Iterable[HitCondition] = (),
    ) -> None:
        self._normalizer = Normalizer()
        self._lexicons = LexiconMatcher(lexicons, self._normalizer, whole=whole_terms)
        self._segmenter = Segmenter(self._lexicons.terms)
        self._ceilings = Ceilings.from_parameters(parameters)
        self._patterns = PatternMatcher(patterns, conditions, self._normalizer)
        self._actors = actor_words(
            {
                name: [
                    self._normalizer.normalize(term).text
                    for term in split_entries(lexicons[name])[0]
                ]
                for name in ACTOR_LEXICONS
                if name in lexicons
            }
        )

    def analyse(
        self, text_or_complaint: str | Complaint, *, as_of: datetime | None = None
    ) -> TextFeatures:
        """Findings and facts for a complaint, or text facts only for a bare string.

        Time references resolve against the complaint's ``received_at`` (else ``as_of``);
        ``days_open`` runs from ``received_at`` to ``as_of`` (default: ``received_at``).
        """
        if as_of is not None and as_of.utcoffset() is None:
            raise TriageError(f"as_of must be timezone-aware, got {as_of.isoformat()}")
        if isinstance(text_or_complaint, Complaint):
            complaint: Complaint | None = text_or_complaint
            text = text_or_complaint.text
            received = text_or_complaint.received_at
            # an undated record reads no time against any day: not against as_of either
            reference: date | None = received.date() if received is not None else None
        else:
            complaint, text = None, text_or_complaint
            reference = as_of.date() if as_of is not None else None
        findings = self._findings(text, reference)
        facts = build_facts(findings, complaint, as_of=as_of, ceilings=self._ceilings)
        return TextFeatures(
            normalized=findings.normalized,
            segmentation=findings.segmentation,
            hits=findings.hits,
            amounts=findings.amounts,
            repeats=findings.repeats,
            people=findings.people,
            units=findings.units,
            times=findings.times,
            sector=findings.sector,
            reference_date=findings.reference_date,
            overdue=findings.overdue,
            asks_only=findings.asks_only,
            tells_event=findings.tells_event,
            facts=facts.facts,
            spans=facts.spans,
        )

    def _findings(self, text: str, reference: date | None) -> TextFindings:
        normalized = self._normalizer.normalize(text)
        segmentation = self._segmenter.segment(normalized.text)
        scope = Scope(normalized.text, segmentation)
        reading = ClauseReading(normalized.text, segmentation, scope, self._actors)
        patterns = self._patterns
        hits = self._lexicons.find(
            normalized, segmentation, scope, patterns.keep(reading), patterns.conditioned
        )
        found = self._patterns.find(normalized, segmentation, scope, reading)
        if found:
            hits = tuple(sorted((*hits, *found), key=lambda hit: (hit.start, hit.end)))
        return TextFindings(
            normalized=normalized,
            segmentation=segmentation,
            hits=hits,
            amounts=find_amounts(normalized, scope),
            repeats=find_repeats(normalized, scope),
            people=find_people(normalized),
            units=find_units(normalized),
            times=find_times(normalized, reference) if reference is not None else (),
            sector=guess_sector(hits, normalized.text),
            reference_date=reference,
            overdue=find_overdue(normalized, reference),
            asks_only=reading.asks_only,
            tells_event=tells_event(normalized.text, segmentation, scope, reading),
        )
