"""The core pack's lexicon files: well-formed, rich, simplified, and read as intended."""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest

from triage.facts import Analyser

REQUIRED = (
    "injury",
    "illness",
    "death",
    "safety_hazard",
    "vulnerable_person",
    "group_complaint",
    "unauthorized_deduction",
    "privacy_disclosure",
    "collection_harassment",
    "leverage",
    "extortion",
    "foreign_matter",
    "sector_power",
    "sector_aviation",
    "sector_construction",
    "sector_food",
    "sector_telecom",
    "sector_finance",
    "sector_insurance",
    "sector_ecommerce",
    "sector_automotive",
    "sector_public_service",
)


def test_required_lexicons_exist_and_are_rich(core_lexicons: dict[str, list[str]]) -> None:
    """Every lexicon the domain needs has a file with at least ten terms."""
    for name in REQUIRED:
        assert len(core_lexicons.get(name, ())) >= 10, name


def test_terms_are_simplified_and_unspaced(core_lexicons: dict[str, list[str]]) -> None:
    """In the lexicons above every term is written in simplified Chinese, without spaces."""
    to_simplified = opencc.OpenCC("t2s")
    for name in REQUIRED:
        for term in core_lexicons[name]:
            assert not any(char.isspace() for char in term), (name, term)
            assert to_simplified.convert(term) == term, (name, term)


def test_every_file_is_documented(core_lexicon_dir: Path) -> None:
    """Each of the lexicon files above starts with a comment saying what it holds."""
    for name in REQUIRED:
        assert (core_lexicon_dir / f"{name}.txt").read_text("utf-8").startswith("# "), name


def test_domain_terms_segment_whole(core_analyser: Analyser) -> None:
    """Terms the plain jieba dictionary splits are single tokens with the core lexicons."""
    text = "网贷平台暴力催收，要求停息挂账，奶粉有三聚氰胺，菜市场缺斤短两，我打了12315"
    tokens = {token.text for token in core_analyser.analyse(text).tokens}
    assert {"暴力催收", "停息挂账", "三聚氰胺", "缺斤短两", "12315"} <= tokens


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("小区停电两天了，供电公司一直没人来修", "power"),
        ("航班延误五个小时，航空公司没有任何解释", "aviation"),
        ("新房子卫生间漏水，开发商推给施工队", "construction"),
        ("在饭店吃饭，饭菜里有虫子，吃完拉肚子", "food"),
        ("话费多扣了，套餐里的流量也不对", "telecom"),
        ("网贷平台暴力催收，还要收砍头息", "finance"),
        ("保险公司拒绝理赔，说不在保障范围内", "insurance"),
        ("外卖骑手把餐送错了，平台客服不管", "ecommerce"),
        ("新车刚提两个月，发动机异响，4S店不给修", "automotive"),
        ("楼下烧烤店油烟和噪音扰民，城管不管", "public_service"),
    ],
)
def test_sector_guess(core_analyser: Analyser, text: str, sector: str) -> None:
    """A typical complaint of each sector is guessed as that sector, with evidence."""
    guess = core_analyser.analyse(text).sector
    assert guess is not None
    assert guess.name == sector
    assert all(span.lexicon == f"sector_{sector}" for span in guess.spans)


@pytest.mark.parametrize(
    ("text", "mentioned"),
    [
        ("孩子吃了以后上吐下泻，送到医院急诊", {"illness", "vulnerable_person"}),
        ("热水器漏电，差点出事，家里有独居老人", {"safety_hazard", "vulnerable_person"}),
        (
            "未经我同意自动扣费，还把我的通讯录泄露了",
            {"unauthorized_deduction", "privacy_disclosure"},
        ),
        ("催收员半夜打电话骚扰我家人，还辱骂威胁", {"collection_harassment"}),
        ("要我给五万封口费，不然就发到网上", {"extortion"}),
        ("我们小区全体业主联名投诉", {"group_complaint"}),
        ("面包里有一根头发和玻璃渣", {"foreign_matter"}),
        ("老人摔倒骨折，抢救无效去世", {"injury", "death", "vulnerable_person"}),
    ],
)
def test_core_signals(core_analyser: Analyser, text: str, mentioned: set[str]) -> None:
    """Realistic sentences assert the core lexicons they speak of."""
    mentions = set(core_analyser.analyse(text).facts.get("mentions", ()))
    assert mentioned <= mentions, mentions
