"""Segmentation with jieba: the only module of triage that imports it.

jieba keeps a global tokenizer, writes a cache file to the temp directory on first use and
logs while doing so. We avoid all three: the base dictionary is read once per process, and
each :class:`Segmenter` owns a private ``jieba.Tokenizer`` marked initialised, so jieba never
builds (or caches) a dictionary itself. The frequency table with a set of domain terms
added is built once per distinct set of terms and shared, read-only, by the tokenizers
that use those terms (jieba only reads it while cutting).
"""

from __future__ import annotations

import functools
import importlib.resources
import itertools
from collections.abc import Iterable
from dataclasses import dataclass

import jieba

__all__ = ["Segmentation", "Segmenter"]

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


@functools.cache
def _base_dictionary() -> _Dictionary:
    """jieba's bundled dictionary as a prefix table, read once per process."""
    with (importlib.resources.files("jieba") / "dict.txt").open("rb") as file:
        frequencies, total = jieba.Tokenizer.gen_pfdict(file)
    return _Dictionary(frequencies, total)


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
    return _Dictionary(builder.FREQ, builder.total)


@dataclass(frozen=True, slots=True)
class Segmentation:
    """The tokens of a text but spaces (line breaks stay: they end sentences), with offsets."""

    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]


class Segmenter:
    """A private jieba tokenizer that knows the given domain terms."""

    def __init__(self, terms: Iterable[str]) -> None:
        dictionary = _dictionary_with(frozenset(terms))
        tokenizer = jieba.Tokenizer()
        tokenizer.FREQ = dictionary.frequencies
        tokenizer.total = dictionary.total
        tokenizer.initialized = True
        self._tokenizer = tokenizer

    def segment(self, text: str) -> Segmentation:
        """Cut a normalised ``text`` (whitespace folded) into tokens, leaving out spaces.

        jieba's HMM is off: its guesses at unknown words glue characters across words
        (说会, 我花, 没人来), hiding negation cues and term boundaries; every domain term is
        in the dictionary, so the HMM has nothing to add.
        """
        words: list[str] = self._tokenizer.lcut(text, HMM=False)
        ends = list(itertools.accumulate(map(len, words)))
        starts = [0, *ends[:-1]] if ends else []
        if " " in text:
            kept = [word != " " for word in words]
            words = list(itertools.compress(words, kept))
            starts = list(itertools.compress(starts, kept))
            ends = list(itertools.compress(ends, kept))
        return Segmentation(tuple(words), tuple(starts), tuple(ends))
