"""Clause patterns and hit conditions: lexicon hits that need more than a fixed term.

People vary every phrase: 本人未同意办理分期, 未经我的同意就开通了, 没有经过我允许扣了钱.
A **pattern** finds them as an ordered set of term groups within one clause (or sentence,
or two adjacent sentences), each group at most ``gap`` characters after the previous one,
and gives a hit of its lexicon, like a term would. Group terms match characters, not
tokens (lexicon terms such as 我根本没有 are single tokens), so a single character stands
for the verbs it begins (扣 matches 扣款, 扣走); the order, the gap and the clause keep
that precise. A group takes its longest term at a place, and a shorter one there when the
longest leaves the groups after it no match (汤里 of a food lexicon would swallow the 里 a
next group needs).

A pattern may ask for an actor (who the clause is about or who says it, where the pattern
starts; see `triage.text.clauses`) and for modes (a statement, not a
question or a product name). Its ``unless`` terms drop a match when they occur from the
start of the clause where it begins to the end of the clause where it ends: what its clauses
say beside the groups
(商家给我退了500元，这事就算了 is a settlement told, not a price asked). A **condition**
does the same for the plain terms of a lexicon: the harassment terms count when the
business did it, not when the complainant calls every day.

Pattern hits have the pattern's id as their ``term``, so the trace names the pattern;
negation and conditional scope come from the clause, as for any hit.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TypeVar

import ahocorasick_rs

from triage.text.clauses import Actor, ClauseReading, Mode
from triage.text.features import Hit
from triage.text.normalize import Normalized, Normalizer
from triage.text.numerals import word_expression
from triage.text.scope import Scope, opens_condition
from triage.text.segment import Segmentation

__all__ = ["HitCondition", "Keep", "PatternMatcher", "PatternSpec"]

_T = TypeVar("_T")
_LONGEST = 32
"""Longest group term looked for past the gap."""

_WITHIN: Mapping[str, Callable[[Scope], Callable[[int], tuple[int, int]]]] = {
    "clause": lambda scope: scope.clause,
    "sentence": lambda scope: scope.sentence,
    "two_sentences": lambda scope: scope.two_sentences,
}
"""Per ``within``, the stretch around a match's start that all its groups must lie in."""

Keep = Callable[[str, int, int, int], bool]
"""Whether a hit of a lexicon (name, first token, normalised start and end) counts."""


@dataclass(frozen=True)
class PatternSpec:
    """One clause pattern: term groups in order, the lexicon it feeds, actor and modes.

    ``actors`` and ``modes`` are the allowed ones; None allows any. ``within`` is
    ``clause``, ``sentence`` or ``two_sentences`` (the sentence where the match starts and
    the next): the stretch all groups must lie in; a sentence mark counts in the gap as one
    character. ``not_said_by`` drops
    matches that start inside speech reported from those actors (商家说删差评可以给返现).
    ``unless`` drops a match when one of its terms occurs between the start of the clause
    where the match begins and the end of the clause where it ends.
    """

    id: str
    lexicon: str
    groups: tuple[tuple[str, ...], ...]
    gap: int = 8
    within: str = "clause"
    actors: frozenset[Actor] | None = None
    modes: frozenset[Mode] | None = None
    not_said_by: frozenset[Actor] = frozenset()
    unless: tuple[str, ...] = ()
    told: bool = False
    """The match must be told, not asked whether (又扣了吗): for patterns that assert an event."""
    condition: bool = False
    """The match is a condition and its consequence: it starts at a condition marker whose
    condition holds its last group, and it is asserted unless an earlier condition holds it
    (只要老板赔我钱，我就撤诉 states a payment as the condition of a step dropped)."""


@dataclass(frozen=True)
class HitCondition:
    """The actors, speakers and modes under which the plain terms of ``lexicon`` count.

    ``not_said_by`` drops hits inside speech reported from those actors (客服说…建议退款),
    whoever the clause is about: for the complainant's own speech acts (asking, suggesting)
    the subject is often dropped, so the actor of the clause says little.
    """

    lexicon: str
    actors: frozenset[Actor] | None = None
    modes: frozenset[Mode] | None = None
    not_said_by: frozenset[Actor] = frozenset()


@dataclass(frozen=True)
class _Shorter:
    """A group's normalised terms by length: the shorter terms that start where it matched."""

    terms: frozenset[str]
    lengths: tuple[int, ...]
    """The terms' lengths, longest first."""

    def ends(self, text: str, start: int, end: int) -> Iterator[int]:
        """Where the group's match ``[start, end)`` may end: ``end``, then the ends of its
        shorter terms that start at ``start``, longest first."""
        yield end
        for length in self.lengths:
            if length < end - start and text[start : start + length] in self.terms:
                yield start + length


@dataclass(frozen=True)
class _Compiled:
    spec: PatternSpec
    first: tuple[str, ...]
    """The normalised terms of the first group, longest first (as the regex tries them)."""
    groups: tuple[re.Pattern[str], ...]
    shorter: tuple[_Shorter, ...]
    """Per group, its terms by length: tried when the longest leaves the rest no match."""
    unless: re.Pattern[str] | None = None


class PatternMatcher:
    """Finds pattern hits and decides which plain hits their conditions keep."""

    def __init__(
        self,
        patterns: Iterable[PatternSpec],
        conditions: Iterable[HitCondition],
        normalizer: Normalizer,
    ) -> None:
        self._patterns = tuple(
            _Compiled(
                spec,
                _terms(spec.groups[0], normalizer),
                tuple(_group(terms, normalizer) for terms in spec.groups),
                tuple(_shorter(terms, normalizer) for terms in spec.groups),
                _unless(spec.unless, normalizer) if _terms(spec.unless, normalizer) else None,
            )
            for spec in patterns
        )
        # One automaton holds the terms of every group, so that a single scan tells where
        # first terms start and where each later group last occurs: a pattern none of
        # whose first terms occurs is not looked at, and one with a later group found
        # nowhere after its earliest first term (most candidates) is dropped without a
        # regular-expression search.
        patterns_of: dict[str, list[int]] = {}
        for number, compiled in enumerate(self._patterns):
            for term in compiled.first:
                patterns_of.setdefault(term, []).append(number)
        self._later_of: list[tuple[int, ...]] = []
        groups_of: dict[str, list[int]] = {}
        group_count = 0
        for compiled in self._patterns:
            numbers = []
            for terms in compiled.spec.groups[1:]:
                normalized = _terms(terms, normalizer)
                if not normalized:  # an empty alternation matches anywhere
                    continue
                for term in normalized:
                    groups_of.setdefault(term, []).append(group_count)
                numbers.append(group_count)
                group_count += 1
            self._later_of.append(tuple(numbers))
        # The automaton numbers the terms; per number, the term, the patterns it is a first
        # term of and the later groups it is a term of (either may be empty).
        scanned = sorted({*patterns_of, *groups_of})
        self._terms_scanned = tuple(scanned)
        self._patterns_at = tuple(tuple(patterns_of.get(term, ())) for term in scanned)
        self._groups_at = tuple(tuple(groups_of.get(term, ())) for term in scanned)
        number_of = {term: number for number, term in enumerate(scanned)}
        self._first_numbers = tuple(
            frozenset(number_of[term] for term in compiled.first) for compiled in self._patterns
        )
        """Per pattern, the automaton numbers of its first terms."""
        self._lengths = tuple(map(len, scanned))
        self._all_terms = ahocorasick_rs.AhoCorasick(scanned) if patterns_of else None
        merged: dict[str, HitCondition] = {}
        for condition in conditions:
            merged[condition.lexicon] = _narrowed(merged.get(condition.lexicon), condition)
        self._conditions: Mapping[str, HitCondition] = merged
        self._conditioned = frozenset(merged)

    def first_terms(self, text: str) -> dict[str, list[int]]:
        """Each first-group term found in normalised ``text`` → its starts, in order."""
        occurrences: dict[str, list[int]] = {}
        terms, patterns_at = self._terms_scanned, self._patterns_at
        for number, start, _ in self._matches(text):
            if patterns_at[number]:
                occurrences.setdefault(terms[number], []).append(start)
        return occurrences

    def _matches(self, text: str) -> list[tuple[int, int, int]]:
        """Every occurrence of every group term, overlapping ones too, as (term number,
        start, end), in order of their ends: so the starts of one term come in order."""
        if self._all_terms is None:
            return []
        return self._all_terms.find_matches_as_indexes(text, overlapping=True)

    def _candidates(self, matches: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
        """The patterns whose first terms occur and whose every later group occurs after
        the earliest of them, in pattern order, each with that earliest start."""
        numbers, starts, _ = zip(*matches, strict=True)
        # A term's first and last start: its occurrences come in order of their starts.
        first = dict(zip(reversed(numbers), reversed(starts), strict=True))
        last = dict(zip(numbers, starts, strict=True))
        patterns_at, groups_at = self._patterns_at, self._groups_at
        earliest: dict[int, int] = {}
        for number, start in first.items():
            for pattern in patterns_at[number]:
                if earliest.get(pattern, start + 1) > start:
                    earliest[pattern] = start
        reach: dict[int, int] = {}
        for number, start in last.items():
            for group in groups_at[number]:
                if reach.get(group, -1) < start:
                    reach[group] = start
        later_of = self._later_of
        candidates = []
        for pattern in sorted(earliest):
            # A later group found nowhere after the first start can follow no first term.
            first_start = earliest[pattern]
            for group in later_of[pattern]:
                if reach.get(group, -1) < first_start:
                    break
            else:
                candidates.append((pattern, first_start))
        return candidates

    @property
    def conditioned(self) -> frozenset[str]:
        """The lexicons whose plain hits have conditions: `keep` keeps every other hit."""
        return self._conditioned

    def keep(self, reading: ClauseReading) -> Keep | None:
        """The condition check for plain hits of this text (None: every hit counts)."""
        conditions = self._conditions
        if not conditions:
            return None

        def keep(lexicon: str, token: int, start: int, end: int) -> bool:
            condition = conditions.get(lexicon)
            return condition is None or (
                reading.speaker(token) not in condition.not_said_by
                and _allowed(reading, token, start, end, condition.actors, condition.modes)
            )

        return keep

    def find(
        self,
        text: Normalized,
        segmentation: Segmentation,
        scope: Scope,
        reading: ClauseReading,
    ) -> tuple[Hit, ...]:
        """Every pattern hit in ``text``: the first match of each pattern per clause."""
        if not self._patterns:
            return ()
        normalized = text.text
        matches = self._matches(normalized)
        if not matches:
            return ()
        candidates = self._candidates(matches)
        if not candidates:
            return ()
        # The occurrences of the candidates' first terms only: (number, start) in order.
        wanted = frozenset().union(*(self._first_numbers[number] for number, _ in candidates))
        occurrences = [(number, start) for number, start, _ in matches if number in wanted]
        lengths = self._lengths
        hits: list[Hit] = []
        for number, _ in candidates:
            compiled = self._patterns[number]
            firsts = self._first_numbers[number]
            # Where its first terms occur: (start, -length), as _leftmost sorts them.
            occurring = sorted(
                (start, -lengths[term]) for term, start in occurrences if term in firsts
            )
            spec = compiled.spec
            bounds = _WITHIN[spec.within](scope)
            seen: set[tuple[int, int]] = set()
            for start, first_end in _leftmost_of(occurring):
                region = bounds(start)
                if region in seen:
                    continue
                spans = _spans(compiled, normalized, start, first_end, region[1])
                if spans is None:
                    continue
                found = spans[-1][1]
                token = reading.token_at(start)
                if spec.not_said_by and reading.speaker(token) in spec.not_said_by:
                    continue
                if not _allowed(reading, token, start, found, spec.actors, spec.modes):
                    continue
                if spec.told and reading.asks_whether(token, start, found):
                    continue
                if spec.condition and not _condition_holds(
                    scope, segmentation, token, start, reading.token_at(spans[-1][0])
                ):
                    continue
                # unless: from the start of the match's clause to the end of the clause
                # where the match ends (its own, or a later one when it runs on past it).
                unless = compiled.unless
                if unless is not None:
                    clause_start = scope.clause(start)[0]
                    if unless.search(normalized, clause_start, scope.clause(found - 1)[1]):
                        continue
                seen.add(region)
                begin, finish = text.to_original(start, found)
                hits.append(
                    Hit(
                        spec.lexicon,
                        spec.id,
                        text.original[begin:finish],
                        begin,
                        finish,
                        _negated(scope, reading, token, spans),
                        _in_earlier_condition(scope, segmentation, token)
                        if spec.condition
                        else scope.conditional(token),
                    )
                )
        return tuple(hits)


def _condition_holds(
    scope: Scope, segmentation: Segmentation, token: int, start: int, last: int
) -> bool:
    """Whether the match of a ``condition`` pattern starts at a condition marker (如果,
    只要; or one cut with its pronoun, 如果你) and the condition it opens holds the match's
    last group (only the marker that opens it: 比如 or 如何 is none)."""
    words = segmentation.words
    if token >= len(words) or segmentation.starts[token] != start:
        return False
    return opens_condition(words[token]) and scope.conditional(last)


def _in_earlier_condition(scope: Scope, segmentation: Segmentation, token: int) -> bool:
    """Whether the marker opening a ``condition`` pattern's match lies in a condition opened
    before it (a condition inside a condition, or a suspicion): then the hit is conditional."""
    if token in range(1, len(segmentation.words)):
        return scope.conditional(token - 1) and scope.sentence(
            segmentation.starts[token - 1]
        ) == scope.sentence(segmentation.starts[token])
    return False


def _negated(
    scope: Scope, reading: ClauseReading, token: int, spans: list[tuple[int, int]]
) -> bool:
    """A pattern hit's negation. Inside one clause, the hit is negated when its first token
    is, as a term there would be, or when a cue that is none of its terms stands right
    before any of its terms (手机没有问题: device + 有问题 is negated at 有问题; 又没扣 is no
    second deduction; see `Scope.negated_at`). A negation does not cross a clause boundary,
    so a match that runs on past the clause it starts in is negated only when its first and
    last tokens are (不要用EMS发货了，…还给我发错地方了: the failure is told; 要求更改套餐，现对
    没有更改: the request not carried out is told)."""
    start, end = spans[0][0], spans[-1][1]
    if end <= scope.clause(start)[1]:
        return token in scope.negated_tokens or scope.negated_at(spans)
    return token in scope.negated_tokens and reading.token_at(end - 1) in scope.negated_tokens


def _leftmost(
    terms: tuple[str, ...], occurrences: Mapping[str, list[int]]
) -> list[tuple[int, int]]:
    """``[start, end)`` of each match of ``terms`` as ``re.finditer`` gives them: leftmost,
    the longest term at a position, not overlapping."""
    return _leftmost_of(
        sorted((start, -len(term)) for term in terms for start in occurrences.get(term, ()))
    )


def _leftmost_of(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`_leftmost` of term occurrences given as sorted ``(start, -length)`` pairs."""
    matches: list[tuple[int, int]] = []
    reached = 0
    for start, negative_length in found:
        if start >= reached:
            reached = start - negative_length
            matches.append((start, reached))
    return matches


def _spans(
    compiled: _Compiled, text: str, start: int, end: int, limit: int
) -> list[tuple[int, int]] | None:
    """Each group's ``[start, end)`` in a match whose first group is ``[start, end)`` (its
    longest term there) or a shorter first term at ``start``; None if there is none."""
    for first_end in compiled.shorter[0].ends(text, start, end):
        spans = [(start, first_end)]
        if _rest(compiled, 1, text, first_end, limit, spans):
            return spans
    return None


def _rest(
    compiled: _Compiled,
    group: int,
    text: str,
    position: int,
    limit: int,
    spans: list[tuple[int, int]],
) -> bool:
    """Whether the groups from ``group`` on each follow the previous one within the gap,
    before ``limit``, from ``position``; each group's ``[start, end)`` is added to
    ``spans``. A group is looked for where it first occurs, with its longest term there,
    and with a shorter term there only when the longest leaves the later groups no match."""
    if group == len(compiled.groups):
        return True
    gap = compiled.spec.gap
    match = compiled.groups[group].search(text, position, min(limit, position + gap + _LONGEST))
    if match is None or match.start() - position > gap:
        return False
    start = match.start()
    for end in compiled.shorter[group].ends(text, start, match.end()):
        spans.append((start, end))
        if _rest(compiled, group + 1, text, end, limit, spans):
            return True
        spans.pop()
    return False


def _allowed(
    reading: ClauseReading,
    token: int,
    start: int,
    end: int,
    actors: frozenset[Actor] | None,
    modes: frozenset[Mode] | None,
) -> bool:
    if actors is not None and reading.actor(token) not in actors:
        return False
    return modes is None or reading.mode(token, start, end) in modes


def _terms(terms: tuple[str, ...], normalizer: Normalizer) -> tuple[str, ...]:
    """The normalised terms, longest first; a term that normalises to nothing is dropped."""
    normalized = {normalizer.normalize(term).text for term in terms} - {""}
    return tuple(sorted(normalized, key=len, reverse=True))


def _group(terms: tuple[str, ...], normalizer: Normalizer) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, _terms(terms, normalizer))))


def _shorter(terms: tuple[str, ...], normalizer: Normalizer) -> _Shorter:
    normalized = _terms(terms, normalizer)
    return _Shorter(frozenset(normalized), tuple(sorted(set(map(len, normalized)), reverse=True)))


def _unless(terms: tuple[str, ...], normalizer: Normalizer) -> re.Pattern[str]:
    """The ``unless`` terms as one expression: a term ending in ``#`` occurs only before a
    number (赔了我# holds in 赔了我两千, a sum paid told, not in 赔了我就撤诉, a condition)."""
    return re.compile("|".join(map(word_expression, _terms(terms, normalizer))))


def _narrowed(known: HitCondition | None, condition: HitCondition) -> HitCondition:
    """Two conditions on one lexicon: a hit must meet both."""
    if known is None:
        return condition
    return HitCondition(
        condition.lexicon,
        _both(known.actors, condition.actors),
        _both(known.modes, condition.modes),
        known.not_said_by | condition.not_said_by,
    )


def _both(first: frozenset[_T] | None, second: frozenset[_T] | None) -> frozenset[_T] | None:
    if first is None:
        return second
    if second is None:
        return first
    return first & second
