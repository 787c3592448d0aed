"""Rule citations: the recognised form, its lint finding, and the bundled packs' sources."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from triage.rulepack.loader import bundled_rules_dir, load_packs
from triage.tools.linting.citations import citation_problem, split_citations

from .helpers import DEMO, invoke

RECOGNISED = [
    "《消费者权益保护法》第五十五条",
    "《食品安全法》第一百四十八条第二款",
    "《市场监督管理投诉举报处理暂行办法》第十五条第（四）项",
    "《民法典》第一千一百七十三条至第一千一百七十四条",
    "《民法典》第六百七十四条、第六百七十六条（未指出违约；不得减免）",
    "《最高人民法院关于审理食品药品惩罚性赔偿纠纷案件适用法律若干问题的解释》"
    "（法释〔2024〕9号）第十五条",
    "《电信用户申诉处理办法》（工业和信息化部令第35号）第十条第（四）项（15日内未答复）",
    "《食品安全法》第七章",
    "GB/T 19012-2019《质量管理 顾客满意 组织投诉处理指南》",
    "ISO 10002:2018",
    "行业惯例（非法定）：《投诉处理方案》第一节 一 4（同一事件行为不得重复投诉）",
    "《消费者权益保护法》第四十条；行业惯例（非法定）：首问负责制",
]


@pytest.mark.parametrize("source", RECOGNISED)
def test_recognised_citations(source: str) -> None:
    """Laws with articles, documents with numbers, standards and conventions pass."""
    assert citation_problem(source) is None


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("domain.md §8 severity", "'domain.md', a file that does not ship"),
        ("seeds/004 第一节 一 4", "'seeds/', a file that does not ship"),
        ("《民法典》第一百八十条；docs/concepts.md", "'docs/concepts.md'"),
        ("rules/core/severity.yaml", "does not ship"),
        ("消法 第55条", "Arabic digits"),
        ("《消费者权益保护法》第55条", "Arabic digits"),
        ("消费者权益保护法 第五十五条", "names no document in 《》"),
        ("《民法典》第五百七十七条 违约责任", "is not in the citation form"),
        ("《民法典》第五百七十七条；", "an empty citation"),
        ("行业惯例（非法定）：", "names no convention"),
    ],
)
def test_unrecognised_citations(source: str, problem: str) -> None:
    """Unshipped files, Arabic article numbers, bare names and stray text are named."""
    found = citation_problem(source)
    assert found is not None
    assert problem in found


def test_separators_inside_notes_do_not_split() -> None:
    """A ； inside a note belongs to the note, not between two citations."""
    assert split_citations("《保险法》第二十三条（三十日内核定；十日内赔付）；《民法典》") == [
        "《保险法》第二十三条（三十日内核定；十日内赔付）",
        "《民法典》",
    ]


BUNDLED = load_packs(bundled_rules_dir()).rules


def test_bundled_rules_cite_in_the_recognised_form() -> None:
    """Every bundled rule's source is in the citation form and cites nothing that does not ship."""
    assert len(BUNDLED) > 200
    problems = {
        f"{rule.loc.file}:{rule.loc.line}": problem
        for rule in BUNDLED
        if (problem := citation_problem(rule.source)) is not None
    }
    assert problems == {}


def test_no_bundled_rule_cites_an_unshipped_document() -> None:
    """No bundled source names domain.md, seeds/ or a file path (checked apart from the form)."""
    for rule in BUNDLED:
        assert "domain.md" not in rule.source, rule.id
        assert "seeds/" not in rule.source, rule.id
        assert not any(ext in rule.source for ext in (".md", ".txt", ".yaml", ".docx")), rule.id


def test_lint_reports_the_citation_form(tmp_path: Path) -> None:
    """`triage lint` flags a source in the old free form with the citation-form code and a hint."""
    pack = tmp_path / "demo"
    shutil.copytree(DEMO, pack)
    rules = (pack / "rules.yaml").read_text(encoding="utf-8")
    old = "source: 《消费者权益保护法》第四十九条"
    assert old in rules
    (pack / "rules.yaml").write_text(rules.replace(old, "source: 消法 第49条"), encoding="utf-8")
    result = invoke("lint", pack, "--format", "json")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    assert [(f["code"], f["rule_id"], f["level"]) for f in findings] == [
        ("citation-form", "demo.severity.injury", "warning")
    ]
    assert "Arabic digits" in findings[0]["message"]
    assert "第五十五条" in findings[0]["hint"]


def test_lint_reports_an_unshipped_reference_in_a_description_or_comment(tmp_path: Path) -> None:
    """`triage lint` flags domain.md or seeds/ named in a rule file's description or in a
    lexicon's comment, where no source check looks, with the line it stands on."""
    pack = tmp_path / "demo"
    shutil.copytree(DEMO, pack)
    rules = (pack / "rules.yaml").read_text(encoding="utf-8")
    described = "description: 演示规则（domain.md §8 severity）\n" + rules
    (pack / "rules.yaml").write_text(described, encoding="utf-8")
    lexicon = pack / "lexicons" / "injury.txt"
    lexicon.write_text(
        "# 人身伤害（seeds/003 篇6）\n" + lexicon.read_text(encoding="utf-8"), encoding="utf-8"
    )
    result = invoke("lint", pack, "--format", "json")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    found = sorted(
        (Path(f["file"]).name, f["line"], f["level"], f["message"])
        for f in findings
        if f["code"] == "unshipped-reference"
    )
    assert [(name, line, level) for name, line, level, _ in found] == [
        ("injury.txt", 1, "warning"),
        ("rules.yaml", 1, "warning"),
    ]
    assert "'seeds/'" in found[0][3]
    assert "'domain.md'" in found[1][3]


def test_no_bundled_pack_file_names_an_unshipped_document() -> None:
    """No description or comment of the bundled packs names domain.md or seeds/."""
    from triage.tools.linting.references import reference_findings

    assert [
        (f.file, f.line) for f in reference_findings(load_packs(bundled_rules_dir()).packs)
    ] == []
