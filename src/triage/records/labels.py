"""Words for showing a decision to people, in Chinese (``zh``) or English (``en``).

The axes, their values, the review reasons the resolution itself gives and the action
codes have fixed labels here. Reason codes of rules are labelled by their packs
(``labels:`` in ``pack.yaml``); a code no table knows is shown as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

__all__ = ["LANGS", "Lang", "label", "reason_label"]

Lang = Literal["zh", "en"]
"""A display language: Chinese or English."""
LANGS: tuple[Lang, ...] = ("zh", "en")

_ZH: Mapping[str, str] = {
    # the axes and the other rows of a decision
    "validity": "有效性",
    "nature": "性质",
    "severity": "严重程度",
    "responsibility": "责任方",
    "handling": "处理",
    "derive": "推导",
    "needs review": "需人工复核",
    "review": "需复核",
    "id": "编号",
    "top reasons": "主要理由",
    "counts per axis value": "各维度结论计数",
    # an explanation's parts
    "effect": "作用",
    "source": "依据",
    "facts": "事实",
    "spans": "原文",
    "ruleset": "规则集",
    "as of": "判定时间",
    "unknown": "未知",
    "text (marked: what the rules relied on)": "原文（标出规则所依据的文字）",
    "rules that fired": "命中的规则",
    "(no rule fired: every axis took its default)": "（没有规则命中：各维度均取默认值）",
    "action": "处理建议",
    "axis": "维度",
    "value": "结论",
    "reasons": "理由",
    "complaint": "投诉",
    "default": "默认",
    "score": "分值",
    "yes": "是",
    "no": "否",
    # their values
    "valid": "有效",
    "invalid": "无效",
    "normal": "正常投诉",
    "malicious": "恶意投诉",
    "low": "低",
    "medium": "中",
    "high": "高",
    "critical": "严重",
    "respondent": "被投诉方",
    "supplier": "供货方",
    "contractor": "承包方",
    "third_party": "第三方",
    "customer": "投诉人自身",
    "force_majeure": "不可抗力",
    "undetermined": "待定",
    # review reasons the resolution gives
    "malicious_needs_review": "判为恶意投诉，须人工确认",
    "unresolved_validity": "没有规则判定有效性，采用默认值",
    "unresolved_severity": "没有规则判定严重程度，采用默认值",
    "unresolved_responsibility": "没有规则判定责任方，采用默认值",
    # actions
    "apologise": "赔礼道歉",
    "explain": "解释说明",
    "repair": "修理",
    "replace": "更换",
    "refund": "退款",
    "compensate": "赔偿",
    "escalate": "上报上级",
    "cold_handling": "冷处理",
    "refer_police": "移交公安",
    "advise_mediation": "建议调解",
    "advise_litigation": "建议诉讼",
    "verify": "核实",
    "collect_evidence": "收集证据",
    "transfer": "转办",
    "callback": "回访",
}
_EN: Mapping[str, str] = {
    "malicious_needs_review": "malicious: a person must confirm it",
    "unresolved_validity": "no rule decided validity: the default applies",
    "unresolved_severity": "no rule decided severity: the default applies",
    "unresolved_responsibility": "no rule decided responsibility: the default applies",
}


def label(word: str, lang: Lang) -> str:
    """The fixed label of an axis, value, resolution reason or action code."""
    table = _ZH if lang == "zh" else _EN
    return table.get(word, word)


def reason_label(code: str, lang: Lang, labels: Mapping[str, str] | None = None) -> str:
    """A reason code as people read it: the pack's Chinese label, else the fixed one.

    In English the code itself is shown (codes are English words), except for the
    resolution's own review reasons, which get a sentence.
    """
    if lang == "zh" and labels and code in labels:
        return labels[code]
    return label(code, lang)
