"""Numbers written in Arabic or Chinese numerals (5000, 3.5万, 一千二百, 伍仟, 十几), read exactly.

Shared by amounts, counts and time references. ``几``/``数`` before a unit is an unknown
multiplier (几百 counts as 200 and is flagged ``vague``); ``几`` after a unit and ``多``,
``余``, ``来`` are an unknown remainder (十几 → 10, 三千多 → 3000, flagged ``approximate``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

__all__ = [
    "NUMBER_MARK",
    "NUMERAL",
    "NUMERAL_START",
    "Numeral",
    "parse_numeral",
    "word_expression",
]

_DIGITS = {
    **dict.fromkeys("零〇", 0),
    **dict.fromkeys("一壹", 1),
    **dict.fromkeys("二两俩贰", 2),
    **dict.fromkeys("三叁", 3),
    **dict.fromkeys("四肆", 4),
    **dict.fromkeys("五伍", 5),
    **dict.fromkeys("六陆", 6),
    **dict.fromkeys("七柒", 7),
    **dict.fromkeys("八捌", 8),
    **dict.fromkeys("九玖", 9),
}
_SMALL_UNITS = {
    **dict.fromkeys("十拾", 10),
    **dict.fromkeys("百佰", 100),
    **dict.fromkeys("千仟", 1000),
}
_LARGE_UNITS = {"万": 10_000, "亿": 100_000_000}
_VAGUE = "几数"
_REMAINDER = "多余来"
_UNITS = "十拾百佰千仟万亿"

_ARABIC = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
_CHINESE = "零〇一壹二两俩贰三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿几"
_NEXT = ("一二", "二三", "两三", "三四", "四五", "五六", "六七", "七八", "八九")
_LISTED_LOW = (
    rf"(?:[{_CHINESE}]*?(?:{'|'.join(f'{pair[0]}(?=、{pair[1]})' for pair in _NEXT)})"
    rf"|[0-9]*?(?:{'|'.join(f'{n}(?=、{n + 1})' for n in range(1, 9))}))、"
)
"""The lower end of a range listed with 、 (十五、六户, 八、九十年, 三、四千元, 2、3种): a digit
followed by 、 and the next digit."""
NUMERAL_START = f"0-9{_CHINESE}数"
"""The characters a numeral can start with, for a cheap lookahead before costly patterns."""

NUMERAL = (
    rf"(?<![0-9{_CHINESE}])(?=[{NUMERAL_START}])"
    rf"(?>(?:{_LISTED_LOW})?(?:{_ARABIC}|数(?=[十百千万])|[{_CHINESE}])"
    rf"(?:{_ARABIC}|[{_CHINESE}]|[{_REMAINDER}](?=[{_UNITS}]))*)"
)
"""A regular expression for one numeral (without a trailing 多/余, which callers handle).

It starts only where a run of numeral characters starts (a one-character look ahead first, so
the scan passes other characters cheaply) and never backtracks into the run, so a long run of
digits costs linear time. A range listed with 、 (十五、六) is one numeral.
"""

NUMBER_MARK = "#"
"""A word ending in this mark holds only before a number (a pattern's ``unless: [赔了我#]``, a
lexicon's exclusion ``!不满#``)."""


def word_expression(word: str) -> str:
    """``word`` as a regular expression; one ending in `NUMBER_MARK` holds only before a
    number: 赔了我# in 赔了我两千 (a sum paid), not in 赔了我就撤诉; 不满# in 不满四分之一盒."""
    if word.endswith(NUMBER_MARK):
        return re.escape(word[: -len(NUMBER_MARK)]) + f"(?=[{NUMERAL_START}])"
    return re.escape(word)


_MAX_LENGTH = 40
_PLAIN = re.compile(_ARABIC)
_PIECE = re.compile(rf"{_ARABIC}|.", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Numeral:
    """The value of a numeral and how exact it is."""

    value: Decimal
    vague: bool
    """An unknown multiplier (几百, 数十) was counted as 2."""
    approximate: bool
    """An unknown remainder (十几, 三千多) was dropped: the value is a floor."""
    has_unit: bool
    """Written with a unit character (十, 百, 千, 万, 亿)."""


@dataclass(slots=True)
class _Reader:
    total: Decimal = Decimal(0)
    section: Decimal = Decimal(0)
    digit: Decimal | None = None
    pending_vague: bool = False
    last_unit: int = 0
    zero_after_unit: bool = False
    vague: bool = False
    approximate: bool = False
    has_unit: bool = False
    has_digit: bool = False

    def read(self, piece: str) -> bool:
        """Take one piece; False when the numeral is malformed (两 digits in a row)."""
        if piece[0] in "0123456789":
            return self._digit(Decimal(piece.replace(",", "")))
        if piece in _DIGITS:
            if _DIGITS[piece] == 0:
                self.zero_after_unit = self.last_unit > 0
                return self.digit is None
            return self._digit(Decimal(_DIGITS[piece]))
        if piece in _VAGUE:
            self.pending_vague = True
            return self._digit(Decimal(2))
        if piece in _REMAINDER:
            self.approximate = True
            return True
        if piece in _SMALL_UNITS:
            self._small_unit(_SMALL_UNITS[piece])
            return True
        if piece in _LARGE_UNITS:
            return self._large_unit(_LARGE_UNITS[piece])
        return False

    def _digit(self, value: Decimal) -> bool:
        if self.digit is not None:
            return False
        self.digit = value
        self.has_digit = True
        return True

    def _small_unit(self, unit: int) -> None:
        self.vague = self.vague or self.pending_vague
        self.pending_vague = False
        self.section += (self.digit if self.digit is not None else 1) * unit
        self.digit = None
        self.last_unit = unit
        self.zero_after_unit = False
        self.has_unit = True

    def _large_unit(self, unit: int) -> bool:
        if self.digit is not None:
            if self.pending_vague and self.section:
                self.approximate = True  # 十几万: 几 is a remainder of the section
            else:
                self.vague = self.vague or self.pending_vague
                self.section += self.digit
        self.pending_vague = False
        self.digit = None
        if not self.section and not self.has_digit and not self.has_unit:
            return False  # a bare 万 or 亿 is not a number
        section = self.section or Decimal(1)
        if unit > _LARGE_UNITS["万"]:
            self.total = (self.total + section) * unit
        else:
            self.total += section * unit
        self.section = Decimal(0)
        self.last_unit = unit
        self.zero_after_unit = False
        self.has_unit = True
        return True

    def finish(self) -> Numeral:
        if self.digit is not None:
            if self.pending_vague and self.last_unit:
                self.approximate = True  # 十几: an unknown remainder
            elif self.last_unit and not self.zero_after_unit:
                self.section += self.digit * self.last_unit / 10  # 一万五, 两千五, 十五
            else:
                self.vague = self.vague or self.pending_vague
                self.section += self.digit
        return Numeral(self.total + self.section, self.vague, self.approximate, self.has_unit)


_RANGE = re.compile("([一二两三四五六七八九])([二两三四五六七八九])([十百千万亿]+)")
_RANGE_OF_TWO = re.compile("([一二两三四五六七八九十]+)([百千万])([一二两三四五六七八九十]+)\\2")
"""A spoken range (一两万, 三五千, 两三万; 三万五万, 十万八万): its lower end, approximate."""


def parse_numeral(text: str) -> Numeral | None:
    """Read a numeral matched by `NUMERAL`; None when it is not a well-formed number.

    A spoken range of two rising digits before the units (三五千, 一两万) or of two numbers
    with the same unit (三万五万, 十万八万) reads as its lower end, flagged ``approximate``.
    """
    if len(text) > _MAX_LENGTH:
        return None
    spoken = _spoken_range(text)
    if spoken is not None:
        return spoken
    if _PLAIN.fullmatch(text):
        return Numeral(
            Decimal(text.replace(",", "")), vague=False, approximate=False, has_unit=False
        )
    reader = _Reader()
    for piece in _PIECE.findall(text):
        if not reader.read(piece):
            return None
    if not (reader.has_digit or reader.has_unit):
        return None
    return reader.finish()


def _spoken_range(text: str) -> Numeral | None:
    """The lower end of 三五千 (the second digit above the first), of two sums in the same unit
    (三万五万, 十万八万, either order) or of a range listed with 、, approximate."""
    if "、" in text:
        return _listed_range(*text.split("、", 1))
    if found := _RANGE.fullmatch(text):
        low, high, units = found[1], found[2], found[3]
        if _DIGITS[low] >= _DIGITS[high]:
            return None
        value = parse_numeral(low + units)
    elif found := _RANGE_OF_TWO.fullmatch(text):
        first, units, second = found[1], found[2], found[3]
        values = [parse_numeral(part + units) for part in (first, second)]
        if None in values or values[0] == values[1]:
            return None  # 一万一万: the same sum said twice is no range
        value = min(values, key=lambda numeral: numeral.value if numeral else 0)
    else:
        return None
    return None if value is None else Numeral(value.value, False, True, True)


def _listed_range(low: str, high: str) -> Numeral | None:
    """The lower end of a range listed with 、: 十五、六 is 15 (the next digit ends the range),
    八、九十 is 80 and 三、四千 is 3000 (the low digit takes the high end's unit), 五、六 is 5."""
    first, second = parse_numeral(low), parse_numeral(high)
    if first is None or second is None:
        return None
    value, scale = first.value, second.value / (first.value + 1)
    if scale >= 10 and scale == 10 ** (len(str(int(scale))) - 1):
        value *= scale
    return Numeral(value, False, True, first.has_unit or second.has_unit)
