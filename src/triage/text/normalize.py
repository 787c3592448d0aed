"""Normalisation: one comparable form of the text, with a map back to the original.

Steps, in order: drop invisible characters (controls, zero-width and bidi marks, lone
surrogates); fold every whitespace run to one space, or to one line break if it holds one;
map full-width forms to half-width and ASCII letters to lower case; convert traditional
to simplified Chinese with OpenCC ``t2s``; read a space between Chinese characters as the
comma it stands for (many posts separate clauses with spaces). A run of one punctuation
mark or emoji repeated (！！！！, 。。。, ？？？, ~~~~, 😡😡😡) is read as that mark once, with the
first two steps (masks such as ``****`` stay as written). Every step but these keeps one
character per character, so the offset map only has to record these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import opencc

__all__ = ["Normalized", "Normalizer"]

# Controls other than whitespace, zero-width and direction marks, BOM, lone surrogates.
_DROP = (
    "\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\xad\u061c\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ud800-\udfff"
)
_MARK = rf"[^\w\s{_DROP}*＊#＃×]\ufe0f?"
"""A punctuation mark or an emoji (with its variation selector): not a letter, a digit, a
space, an invisible character or a mask character (*, #, ×)."""
_FOLD = re.compile(rf"(?P<space>(?:[{_DROP}]|\s)+)|(?P<run>(?P<mark>{_MARK})(?P=mark)+)")
_NEEDS_FOLDING = re.compile(rf"[{_DROP}]|[^\S ]|  |({_MARK})\1")
_LINE_BREAK = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")

_FULL_WIDTH = "".join(map(chr, range(0xFF01, 0xFF5F))) + "￠￡￢￣￤￥￦"
_HALF_WIDTH = "".join(map(chr, range(0x21, 0x7F))) + "¢£¬¯¦¥₩"
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
_SPACE_AS_COMMA = re.compile(rf"(?<=[{_CJK}】」』”）)]) (?=[{_CJK}【「『“（(])")
_TRANSLATION = str.maketrans(_FULL_WIDTH + _UPPER, (_HALF_WIDTH + _UPPER).lower())
_TRANSLATED = re.compile("[" + re.escape("".join(sorted(map(chr, _TRANSLATION)))) + "]+")
"""Runs of characters `_TRANSLATION` maps: only these are translated (a whole Chinese
text through ``str.translate`` costs a dictionary lookup per character)."""


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised text, the original, and per normalised character its original stretch.

    ``starts`` and ``ends`` are None when the two texts align one to one. ``repeated`` counts
    the characters of repeated marks read once (！！！！ counts 3): the original's length
    without them is what a reader sees as its length.
    """

    text: str
    original: str
    starts: tuple[int, ...] | None
    ends: tuple[int, ...] | None
    repeated: int = 0

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original stretch behind the normalised stretch ``[start, end)`` (non-empty)."""
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]


class Normalizer:
    """Normalises texts; holds the OpenCC converter, loaded once."""

    def __init__(self) -> None:
        self._t2s = opencc.OpenCC("t2s")

    def normalize(self, text: str) -> Normalized:
        """Normalise ``text``, keeping the map from normalised to original offsets."""
        if _NEEDS_FOLDING.search(text) is None:
            return Normalized(self._convert(_translate(text)), text, None, None)
        pieces: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        kept = repeated = 0
        for match in _FOLD.finditer(text):
            start, end = match.span()
            if kept < start:
                pieces.append(text[kept:start])
                starts.extend(range(kept, start))
                ends.extend(range(kept + 1, start + 1))
            run = match.group()
            if match.lastgroup == "run":  # ！！！！ → ！, the one mark standing for the run
                pieces.append(run[0])
                starts.append(start)
                ends.append(end)
                repeated += end - start - len(match.group("mark"))
            elif any(char.isspace() for char in run):
                pieces.append("\n" if _LINE_BREAK.search(run) else " ")
                starts.append(start)
                ends.append(end)
            kept = end
        pieces.append(text[kept:])
        starts.extend(range(kept, len(text)))
        ends.extend(range(kept + 1, len(text) + 1))
        folded = _translate("".join(pieces))
        return Normalized(self._convert(folded), text, tuple(starts), tuple(ends), repeated)

    def _convert(self, text: str) -> str:
        converted: str = self._t2s.convert(text)
        if len(converted) == len(text):
            return _SPACE_AS_COMMA.sub(",", converted)
        # Never seen with OpenCC's t2s tables, which map one character to one; if a future
        # table does not, convert character by character so offsets still line up.
        return _SPACE_AS_COMMA.sub(",", "".join(self._convert_char(char) for char in text))

    def _convert_char(self, char: str) -> str:
        converted: str = self._t2s.convert(char)
        return converted if len(converted) == 1 else char


def _translate(text: str) -> str:
    """``text.translate(_TRANSLATION)``: full-width forms to half-width, ASCII to lower case."""
    return _TRANSLATED.sub(_translated_run, text)


def _translated_run(match: re.Match[str]) -> str:
    return match.group().translate(_TRANSLATION)
