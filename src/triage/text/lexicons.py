"""Lexicon hits: terms of named lexicons found on token boundaries or inside a longer
token (docs/text-analysis.md, "Lexicons"), with their scope; a lexicon's exclusions
(entries ``!word``) drop its hits that lie inside those words (交车 not in 公交车)."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from itertools import compress, count

import ahocorasick_rs

from triage.errors import LexiconError
from triage.text.features import Hit
from triage.text.normalize import Normalized, Normalizer
from triage.text.numerals import NUMBER_MARK, word_expression
from triage.text.patterns import Keep
from triage.text.scope import NEGATING_CHARACTERS, Scope
from triage.text.segment import Segmentation

__all__ = [
    "EXCLUSION_MARKS",
    "NEGATING_CHARACTERS",
    "NOT_SECTOR_PREFIX",
    "SECTOR_PREFIX",
    "SUFFIX_PARTICLES",
    "LexiconMatcher",
    "is_exclusion",
    "split_entries",
]

SECTOR_PREFIX = "sector_"
"""Lexicons named ``sector_<name>`` are the evidence for sector ``<name>``."""
NOT_SECTOR_PREFIX = "sector_not_"
"""Lexicons named ``sector_not_<name>`` are evidence against sector ``<name>``."""

_SECTOR_NAME = re.compile(r"[a-z][a-z_]*")

_TOKEN_CACHE = 65_536
"""Distinct tokens whose inner terms are remembered: bounded, so memory stays flat."""

EXCLUSION_MARKS = ("!", "！")
"""An entry starting with one of these is an exclusion, not a term: ``!公交车``."""


SUFFIX_PARTICLES = frozenset("的了过着啦吗呢吧啊呀嘛哦")
"""Particles and aspect markers that inflect a word without making another one: a token
that is a term and one of these (过期的, 发霉了, 维修过, 写着, 坏掉啦) holds that term."""


def is_exclusion(entry: str) -> bool:
    """Whether a lexicon entry is an exclusion (``!公交车``) rather than a term."""
    return entry.startswith(EXCLUSION_MARKS)


def split_entries(entries: Iterable[str]) -> tuple[list[str], list[str]]:
    """A lexicon's entries as (terms, exclusion words without their mark), in order."""
    terms: list[str] = []
    exclusions: list[str] = []
    for entry in entries:
        if is_exclusion(entry):
            exclusions.append(entry[1:])
        else:
            terms.append(entry)
    return terms, exclusions


class LexiconMatcher:
    """Finds the terms of every lexicon in segmented text; terms are normalised like text.

    An entry ``!word`` of a lexicon is an exclusion: no term of that lexicon hits inside
    an occurrence of ``word`` in the (normalised) text, wherever jieba cuts it; ``!word#``
    only where a number follows (``!不满#``: 不满四分之一盒 is "less than", no discontent).

    ``whole`` names, of the normalised terms it is given, those the segmenter in use never
    cuts into several tokens (`triage.text.segment.whole_terms`): they are looked for only
    as tokens and inside tokens. Without it, any cut of the text is matched.
    """

    def __init__(
        self,
        lexicons: Mapping[str, Iterable[str]],
        normalizer: Normalizer,
        *,
        whole: Callable[[frozenset[str]], AbstractSet[str]] | None = None,
    ) -> None:
        table: dict[str, list[str]] = {}
        excluded: dict[str, list[str]] = {}
        for name in sorted(lexicons):
            _check_name(name)
            terms, exclusions = split_entries(lexicons[name])
            for term in terms:
                normalized = _normalized(normalizer, name, term, "term")
                names = table.setdefault(normalized, [])
                if name not in names:
                    names.append(name)
            for word in exclusions:
                normalized = _normalized(normalizer, name, word, "exclusion")
                if name in table.get(normalized, ()):
                    raise LexiconError(
                        f"lexicon {name!r}: exclusion {word!r} is one of its terms",
                        hint="an exclusion names a longer word that holds a term, e.g. !公交车",
                    )
                lexicon_names = excluded.setdefault(normalized, [])
                if name not in lexicon_names:
                    lexicon_names.append(name)
        self._terms = {term: tuple(names) for term, names in table.items()}
        self._exclusions = {word: tuple(names) for word, names in excluded.items()}
        # One search tells whether any exclusion word occurs (most texts hold none).
        self._any_exclusion = re.compile(
            "|".join(map(word_expression, sorted(excluded, key=len, reverse=True)))
        )
        self._before_number = {
            word: re.compile(word_expression(word))
            for word in excluded
            if word.endswith(NUMBER_MARK)
        }
        self._alphanumeric_edged = frozenset(t for t in table if _alnum(t[0]) or _alnum(t[-1]))
        # Every occurrence of every term that may be cut over several tokens, in one scan:
        # those from a token start to the end of a later token are the terms jieba cut so.
        kept_whole = whole(frozenset(table)) if whole is not None else frozenset()
        split = [term for term in table if term not in kept_whole]
        self._automaton = ahocorasick_rs.AhoCorasick(split) if split else None
        self._longest = max(map(len, table), default=0)
        self._inside = functools.lru_cache(maxsize=_TOKEN_CACHE)(self._terms_inside)

    @property
    def terms(self) -> tuple[str, ...]:
        """Every normalised term, for the segmenter's dictionary."""
        return tuple(self._terms)

    def find(
        self,
        text: Normalized,
        segmentation: Segmentation,
        scope: Scope,
        keep: Keep | None = None,
        conditioned: AbstractSet[str] | None = None,
    ) -> tuple[Hit, ...]:
        """Every hit: a term starting at a token start and ending at a token end.

        Most terms are single tokens (the segmenter knows them); only tokens that begin a
        longer term are extended over the following tokens. ``keep`` (lexicon, first
        token, normalised start and end) drops the hits whose lexicon's conditions fail;
        when ``conditioned`` is given, it is asked only about the lexicons named there (it
        keeps every hit of the others).
        """
        normalized = text.text
        words, starts, ends = segmentation.words, segmentation.starts, segmentation.ends
        terms = self._terms
        found = [
            (index, starts[index], ends[index])
            for index in compress(count(), map(terms.__contains__, words))
        ]
        found.extend(self._over_tokens(normalized, starts, ends))
        found.extend(self._nested(words, starts))
        found.sort()
        blocked = self._blocked(normalized) if self._exclusions else None
        negated_tokens, conditional = scope.negated_tokens, scope.conditional
        original, edged, aligned = text.original, self._alphanumeric_edged, text.starts is None
        hits: list[Hit] = []
        for first, start, end in found:
            term = normalized[start:end]
            if term in edged and _inside_alphanumeric(normalized, start, end):
                continue
            negated = first in negated_tokens or (
                start > starts[first] and normalized[start - 1] in NEGATING_CHARACTERS
            )
            conditional_hit = conditional(first)
            begin, finish = (start, end) if aligned else text.to_original(start, end)
            surface = original[begin:finish]
            for name in terms.get(term, ()):  # a plain loop: most terms name one lexicon
                if (
                    keep is not None
                    and (conditioned is None or name in conditioned)
                    and not keep(name, first, start, end)
                ):
                    continue
                if blocked and _covered(blocked.get(name), start, end):
                    continue
                hits.append(Hit(name, term, surface, begin, finish, negated, conditional_hit))
        return tuple(hits)

    def _over_tokens(
        self, text: str, starts: tuple[int, ...], ends: tuple[int, ...]
    ) -> list[tuple[int, int, int]]:
        """Terms that jieba cut over several tokens: (first token, start, end) of each
        occurrence that starts where a token starts and ends where a later one ends."""
        if self._automaton is None:
            return []
        over: list[tuple[int, int, int]] = []
        count_ = len(starts)
        for _, start, end in self._automaton.find_matches_as_indexes(text, overlapping=True):
            first = bisect.bisect_left(starts, start)
            if first == count_ or starts[first] != start or ends[first] >= end:
                continue
            last = bisect.bisect_left(ends, end, first)
            if last < count_ and ends[last] == end:
                over.append((first, start, end))
        return over

    def _blocked(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """Lexicon → the spans of its exclusion words in ``text`` (empty when none occurs)."""
        blocked: dict[str, list[tuple[int, int]]] = {}
        if self._any_exclusion.search(text) is None:
            return blocked
        for word, names in self._exclusions.items():
            for span in self._occurrences(text, word):
                for name in names:
                    blocked.setdefault(name, []).append(span)
        return blocked

    def _occurrences(self, text: str, word: str) -> Iterator[tuple[int, int]]:
        """``[start, end)`` of each occurrence of the exclusion ``word`` in ``text``; one
        ending in ``#`` occurs only before a number, and spans the word without its mark."""
        expression = self._before_number.get(word)
        if expression is not None:
            yield from (match.span() for match in expression.finditer(text))
            return
        at = text.find(word)
        while at >= 0:
            yield at, at + len(word)
            at = text.find(word, at + 1)

    def _nested(
        self, words: tuple[str, ...], starts: tuple[int, ...]
    ) -> list[tuple[int, int, int]]:
        """Terms inside a longer token: 漏水 in the compound 卫生间漏水, 满意 in 不满意.

        jieba keeps dictionary compounds (and longer terms of other lexicons) whole; a term
        inside one is a hit of its own, at the token's position for scope, unless a single
        character follows it inside the token, which makes another word (违约金 is not
        违约) — except a token that is the term and one suffix particle (过期的, 停水了:
        `SUFFIX_PARTICLES`), which inflects the term. A negating character right before it
        inside the token negates it (不满意).
        """
        inside = self._inside
        return [
            (index, starts[index] + begin, starts[index] + end)
            for index, word in enumerate(words)
            if len(word) >= 3
            for begin, end in inside(word)
        ]

    def _terms_inside(self, word: str) -> tuple[tuple[int, int], ...]:
        """Offsets of the terms standing apart inside ``word`` (cached: words recur)."""
        terms = self._terms
        inflected = word[-1] in SUFFIX_PARTICLES
        return tuple(
            (start, start + size)
            for size in range(min(self._longest, len(word) - 1), 1, -1)
            for start in range(len(word) - size + 1)
            if word[start : start + size] in terms
            and (len(word) - start - size != 1 or (inflected and start == 0))
        )


def _normalized(normalizer: Normalizer, name: str, entry: str, kind: str) -> str:
    normalized = normalizer.normalize(entry).text
    if not normalized or any(char.isspace() for char in entry):
        raise LexiconError(
            f"lexicon {name!r}: {kind} {entry!r} is blank or holds whitespace",
            hint="write one term per line, without spaces",
        )
    return normalized


def _covered(spans: list[tuple[int, int]] | None, start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies inside one of ``spans`` (an exclusion word)."""
    return spans is not None and any(first <= start and end <= last for first, last in spans)


def _check_name(name: str) -> None:
    if not name or not isinstance(name, str):
        raise LexiconError(f"lexicon name {name!r} is not a non-empty string")
    if name.startswith(SECTOR_PREFIX) and not _SECTOR_NAME.fullmatch(name[len(SECTOR_PREFIX) :]):
        raise LexiconError(
            f"sector lexicon {name!r} must be named sector_<name>, <name> in a-z and _",
            hint="e.g. sector_public_service",
        )


def _inside_alphanumeric(text: str, start: int, end: int) -> bool:
    """Whether a term such as 12315 is only part of a longer number or word (123156)."""
    return (start > 0 and _alnum(text[start - 1]) and _alnum(text[start])) or (
        end < len(text) and _alnum(text[end]) and _alnum(text[end - 1])
    )


def _alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()
