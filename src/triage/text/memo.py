"""Per-word answers kept in a plain dict, so a text's tokens are classified in C.

The analysis classifies every token of a text (whether it may open, negate or answer a
condition; whether it can change the actor or start speech). Words recur from text to text,
so the answers are kept per word: ``map(memo.__getitem__, words)`` finds a known word by
one dict look-up, with no Python step; a ``functools.lru_cache`` wrapper costs about twice
as much per token (it builds a key and moves the entry to the front of its list).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

__all__ = ["MEMO_LIMIT", "WordMemo"]

_V = TypeVar("_V")

MEMO_LIMIT = 65_536
"""Distinct words a memo keeps: bounded, so memory stays flat on any text."""


class WordMemo(dict[str, _V]):
    """``function(word)`` for each word looked up, computed on the first look-up.

    At most ``limit`` words are kept: a memo that is full starts again empty, so a text of
    ever new words (a million characters of them) costs memory of ``limit`` words at most.
    The answers are those of a pure function, so threads sharing a memo agree whatever
    they find in it.
    """

    __slots__ = ("_function", "_limit")

    def __init__(self, function: Callable[[str], _V], limit: int = MEMO_LIMIT) -> None:
        super().__init__()
        self._function = function
        self._limit = limit

    def __missing__(self, word: str) -> _V:
        if len(self) >= self._limit:
            self.clear()
        value = self[word] = self._function(word)
        return value
