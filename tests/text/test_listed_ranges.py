"""A range listed with 、 (十五、六户, 八、九十年, 三、四千元) is one numeral, read as its lower end
and flagged approximate; numbers in a list (1、屏幕坏了2、…) stay apart."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from triage.facts import Analyser
from triage.text.numerals import NUMERAL, parse_numeral

ANALYSER = Analyser({})


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("十五、六", 15),
        ("八、九十", 80),
        ("三、四千", 3000),
        ("五、六", 5),
        ("2、3", 2),
        ("两、三万", 20000),
    ],
)
def test_listed_range_reads_as_its_lower_end(text: str, value: int) -> None:
    """The whole range is one numeral, its lower end, approximate."""
    assert [match.group() for match in re.finditer(NUMERAL, text)] == [text]
    numeral = parse_numeral(text)
    assert numeral is not None
    assert numeral.value == Decimal(value)
    assert numeral.approximate


@pytest.mark.parametrize(
    ("text", "numerals"),
    [
        ("1、屏幕坏了2、充不进电", ["1", "2"]),
        ("一、房间脏", ["一"]),
        ("二十、三十人", ["二十", "三十"]),
        ("五、七户", ["五", "七"]),
    ],
)
def test_numbers_that_are_no_range_stay_apart(text: str, numerals: list[str]) -> None:
    """Near misses: list numbers, and numbers whose digits are not next to each other, are
    separate numerals."""
    assert [match.group() for match in re.finditer(NUMERAL, text)] == numerals


@pytest.mark.parametrize(
    ("text", "people"),
    [("楼里十五、六户人家都停水了", 15), ("全村五、六户人家", 5), ("八、九十个住户没水", 80)],
)
def test_people_counted_from_a_listed_range(text: str, people: int) -> None:
    """A count of households told as a range counts its lower end, not the digit after 、."""
    assert ANALYSER.analyse(text).facts["people_affected"] == people
