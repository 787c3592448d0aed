"""Segmentation with jieba: the only module of triage that imports it (or its port rjieba).

jieba keeps a global tokenizer, writes a cache file to the temp directory on first use and
logs while doing so. We avoid all three: the base dictionary is read once per process, and
each `Segmenter` owns a private ``jieba.Tokenizer`` marked initialised, so jieba never
builds (or caches) a dictionary itself. The frequency table with a set of domain terms
added is built once per distinct set of terms and shared, read-only, by the tokenizers
that use those terms (jieba only reads it while cutting).

Cutting is done by rjieba (jieba-rs, the same algorithm in Rust, about 30 times faster)
loaded with exactly that table and total, so it cuts as jieba does: a differential test
holds the two to the same tokens. jieba stays the dictionary, and the cutter when a
segmenter is built with ``fast=False``.
"""

from __future__ import annotations

import functools
import importlib.resources
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

import jieba
import rjieba

__all__ = ["Segmentation", "Segmenter", "whole_terms"]

TERM_FREQUENCY = 20_000
"""Frequency given to lexicon terms (when jieba's own is lower), so they segment whole.

Terms added with jieba's suggested frequency only beat their own split: 发抖音 still cuts
as 发抖/音. 20,000 is about the frequency of a common word such as 媒体 or 记者.
"""


@dataclass(frozen=True, slots=True)
class _Dictionary:
    """A jieba prefix-frequency table and its total; never changed once built."""

    frequencies: dict[str, int]
    total: int
    top: int
    """The highest frequency of any word."""


@functools.cache
def _base_dictionary() -> _Dictionary:
    """jieba's bundled dictionary as a prefix table, read once per process."""
    with (importlib.resources.files("jieba") / "dict.txt").open("rb") as file:
        frequencies, total = jieba.Tokenizer.gen_pfdict(file)
    return _Dictionary(frequencies, total, max(frequencies.values(), default=0))


@functools.lru_cache(maxsize=8)
def _dictionary_with(terms: frozenset[str]) -> _Dictionary:
    """The base table plus ``terms``, each frequent enough to segment whole."""
    base = _base_dictionary()
    builder = jieba.Tokenizer()
    builder.FREQ = base.frequencies.copy()
    builder.total = base.total
    builder.initialized = True
    for term in sorted(terms):
        builder.add_word(term, max(builder.suggest_freq(term), TERM_FREQUENCY))
    top = max((builder.FREQ[term] for term in terms), default=0)
    return _Dictionary(builder.FREQ, builder.total, max(base.top, top))


_HAN = re.compile("[\u4e00-\u9fd5]+")
"""Characters jieba and jieba-rs both cut inside one block by the dictionary alone (HMM off)."""


@functools.lru_cache(maxsize=8)
def whole_terms(terms: frozenset[str]) -> frozenset[str]:
    """The ``terms`` a `Segmenter` built with them never cuts into several tokens that run
    exactly from the term's start to its end, wherever it stands in a text.

    jieba (HMM off) takes, from each position, the route of highest probability to the end
    of the text. A route through both ends of a term crosses it by the likeliest cut of
    the term's own characters; the term as one word beats every cut into two or more
    pieces when its frequency ``f`` exceeds ``top² / total`` (``top`` the highest
    frequency of any word: each piece of a cut is at most ``top / total`` likely, so two
    or more pieces at most ``(top / total)²``). Terms of one character cannot span two
    tokens. A term with characters outside the common Han block (digits, letters, 4s店) may
    be cut by other rules and is not counted whole. Lexicon matching need not look for the
    others across tokens (`triage.text.lexicons.LexiconMatcher`).
    """
    dictionary = _dictionary_with(terms)
    frequencies = dictionary.frequencies
    floor = dictionary.top**2 / dictionary.total
    return frozenset(
        term
        for term in terms
        if len(term) == 1 or (_HAN.fullmatch(term) and frequencies.get(term, 0) > floor)
    )


_NEVER_IN_TEXT = "\x00\x01"
"""A word normalised text cannot hold (it drops control characters)."""


@functools.lru_cache(maxsize=8)
def _fast_cutter(terms: frozenset[str]) -> rjieba.Jieba:
    """jieba-rs holding the table of `_dictionary_with` ``(terms)`` and its total.

    jieba-rs sums the frequencies it is given, while jieba's total also counts the old
    frequency of every word re-added: the difference goes to a word no text holds, so
    both divide by the same total and cut alike.
    """
    dictionary = _dictionary_with(terms)
    cutter: rjieba.Jieba = rjieba.Jieba.empty()  # type: ignore[no-untyped-call]  # stub lacks it
    total = 0
    for word, frequency in dictionary.frequencies.items():
        if frequency:
            cutter.add_word(word, frequency, None)
            total += frequency
    if dictionary.total > total:
        cutter.add_word(_NEVER_IN_TEXT, dictionary.total - total, None)
    return cutter


@dataclass(frozen=True, slots=True)
class Segmentation:
    """The tokens of a text but spaces (line breaks stay: they end sentences), with offsets."""

    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]


class Segmenter:
    """A private jieba tokenizer that knows the given domain terms.

    ``fast`` (the default) cuts with rjieba; ``fast=False`` with jieba itself.
    """

    def __init__(self, terms: Iterable[str], *, fast: bool = True) -> None:
        known = frozenset(terms)
        dictionary = _dictionary_with(known)
        tokenizer = jieba.Tokenizer()
        tokenizer.FREQ = dictionary.frequencies
        tokenizer.total = dictionary.total
        tokenizer.initialized = True
        self._tokenizer = tokenizer
        self._cutter = _fast_cutter(known) if fast else None

    def segment(self, text: str) -> Segmentation:
        """Cut a normalised ``text`` (whitespace folded) into tokens, leaving out spaces.

        jieba's HMM is off: its guesses at unknown words glue characters across words
        (说会, 我花, 没人来), hiding negation cues and term boundaries; every domain term is
        in the dictionary, so the HMM has nothing to add.
        """
        words: list[str] = (
            self._tokenizer.lcut(text, HMM=False)
            if self._cutter is None
            else self._cutter.cut(text, False)
        )
        ends = list(itertools.accumulate(map(len, words)))
        starts = [0, *ends[:-1]] if ends else []
        if " " in text:
            kept = [word != " " for word in words]
            words = list(itertools.compress(words, kept))
            starts = list(itertools.compress(starts, kept))
            ends = list(itertools.compress(ends, kept))
        return Segmentation(tuple(words), tuple(starts), tuple(ends))
