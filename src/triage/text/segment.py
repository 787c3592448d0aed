"""Segmentation with jieba: the only module of triage that imports it.

jieba keeps a global tokenizer, writes a cache file to the temp directory on first use and
logs while doing so. We avoid all three: the base dictionary is read once per process into
a read-only table, each :class:`Segmenter` owns a private ``jieba.Tokenizer`` with its own
copy of the frequencies, marked initialised so jieba never builds (or caches) it itself.
"""

from __future__ import annotations

import functools
import importlib.resources
import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

import jieba

__all__ = ["Segmentation", "Segmenter"]

TERM_FREQUENCY = 20_000
"""Frequency given to lexicon terms (when jieba's own is lower), so they segment whole.

Terms added with jieba's suggested frequency only beat their own split: 发抖音 still cuts
as 发抖/音. 20,000 is about the frequency of a common word such as 媒体 or 记者.
"""


@dataclass(frozen=True, slots=True)
class _Dictionary:
    frequencies: Mapping[str, int]
    total: int


@functools.cache
def _base_dictionary() -> _Dictionary:
    """jieba's bundled dictionary as a prefix table, read once per process, read-only."""
    with (importlib.resources.files("jieba") / "dict.txt").open("rb") as file:
        frequencies, total = jieba.Tokenizer.gen_pfdict(file)
    return _Dictionary(MappingProxyType(frequencies), total)


@dataclass(frozen=True, slots=True)
class Segmentation:
    """The tokens of a text but spaces (line breaks stay: they end sentences), with offsets."""

    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]


class Segmenter:
    """A private jieba tokenizer that knows the given domain terms."""

    def __init__(self, terms: Iterable[str]) -> None:
        base = _base_dictionary()
        tokenizer = jieba.Tokenizer()
        tokenizer.FREQ = dict(base.frequencies)
        tokenizer.total = base.total
        tokenizer.initialized = True
        for term in sorted(set(terms)):
            frequency = max(tokenizer.suggest_freq(term), TERM_FREQUENCY)
            tokenizer.add_word(term, frequency)
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
