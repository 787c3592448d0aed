"""Volumes of water or gas (``find_volumes``, fact ``volume_used``): a number with 立方(米),
立米 or m³, or 方/吨 before 水, 的, a clause mark or an approximation, in a clause about water
or gas used, lost or billed; a quota (每人3方), a tariff per unit (6元一立方), a party count
(三方连线), a truck's tonnage or water in general is none."""

from __future__ import annotations

import pytest

from triage.facts import Analyser
from triage.records import Complaint
from triage.text.normalize import Normalizer
from triage.text.signals import find_volumes

NORMALIZER = Normalizer()


def volumes(text: str) -> list[int]:
    """The volumes ``find_volumes`` reads in the text, as numbers."""
    return [found.value for found in find_volumes(NORMALIZER.normalize(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8-9月份水表显示跑了415立方水，对此不满", [415]),
        ("9月份到11月份家中使用了400立方的水，经查询", [400]),
        ("水表多了1000多方水，需要多付6000余元", [1000]),
        ("两个月用水49立方 ，用水量较大", [49]),
        ("往常两个月用水量均是6-7吨，但是本次用水量100吨水", [7, 100]),
        ("燃气表上个月显示用气300多方，家里只有两口人", [300]),
        ("每天漏水100立方，现漏掉的水都由自己缴费", [100]),
    ],
)
def test_a_volume_used_is_read(text: str, expected: list[int]) -> None:
    """A volume of water or gas used, lost or billed (415立方水, 1000多方水, 100吨水) is read."""
    assert volumes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "按照每人用水量3方计算，认为不公平",
        "（三方连线968133未接通）",
        "渣土车也是几十吨级别的，一开进来房子都在晃",
        "水费交物业，6元一立方，咨询能否改民用水收费",
        "河道蓄水2万方，景色很好",
        "房子120平方，水管漏了",
    ],
)
def test_no_volume_used(text: str) -> None:
    """A quota, a party count, a truck's tonnage, a tariff per unit, water in general or an area
    is no volume used."""
    assert volumes(text) == []


def test_volume_used_is_a_fact_with_its_evidence(core_analyser: Analyser) -> None:
    """A volume used is the fact volume_used, with its surface (415立方) as evidence."""
    complaint = Complaint(
        id="c1", text="水表显示跑了415立方水，平时只用十几方水，要求减免水费。", received_at=None
    )
    features = core_analyser.analyse(complaint)
    assert features.facts["volume_used"] == 415
    assert [span.surface for span in features.spans["volume_used"]] == ["415立方"]
