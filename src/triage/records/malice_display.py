"""A malicious decision's structure (`Malice`) in words: one line per part, with its spans.

Used by ``triage explain`` and the notebook helpers: the demand, the measure it was held
against, the leverage and its link, and the purchase, each followed by the text it rests
on in 「」.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from triage.records.decision import Demand, DemandPurpose, Leverage, Malice, Measure, Purchase, Span
from triage.records.labels import Lang

__all__ = ["malice_heading", "malice_rows"]

_WORDS: Mapping[str, tuple[str, str]] = {
    # parts
    "heading": ("恶意投诉的构成", "why malicious"),
    "demand": ("诉求", "demand"),
    "measure": ("衡量标准", "measure"),
    "leverage": ("要挟", "leverage"),
    "purchase": ("购买", "purchase"),
    # demand
    "money": ("金钱", "money"),
    "not money": ("非金钱诉求", "not money"),
    "amount unstated": ("金额未说明", "amount not stated"),
    "purpose:refund": ("退款", "refund"),
    "purpose:compensation": ("赔偿", "compensation"),
    "purpose:punitive": ("惩罚性赔偿", "punitive damages"),
    "purpose:mental_damage": ("精神损害赔偿", "mental damage"),
    "purpose:debt_waiver": ("免除欠款", "debt waiver"),
    "purpose:withdrawal": ("撤诉、删帖或不再追究的对价", "paid for dropping it"),
    # measure
    "basis:loss": ("按所称损失{base}", "the loss stated{base}"),
    "basis:price": ("按所付价款{base}的法定倍数", "the statutory multiple of the price{base}"),
    "basis:statutory_minimum": (
        "未说明损失，按法定最低赔偿额（价款{base}）",
        "no loss stated: the statutory minimum (price{base})",
    ),
    "basis:unmeasured": ("无金额可衡量{base}", "no sum to measure{base}"),
    "not needed:withdrawal": (
        "无需衡量：明示给钱就撤诉、删帖或不再追究，本身即涉嫌敲诈勒索（法释〔2024〕9号第十五条）",
        "not needed: pay-to-drop is extortion by itself (法释〔2024〕9号 art. 15)",
    ),
    "not needed:purchase": (
        "无需衡量：超出生活消费需要购买后索赔（法释〔2024〕9号）",
        "not needed: bought beyond living needs to claim (法释〔2024〕9号)",
    ),
    "not needed:multiple": (
        "无需衡量金额：所要求的倍数超出任何法定倍数（《食品安全法》第一百四十八条价款十倍，"
        "《消费者权益保护法》第五十五条价款三倍）",
        "not needed: the multiple asked exceeds every statutory one (ten times the price, "
        "食品安全法 art. 148; three times, 消法 art. 55)",
    ),
    "not needed:other": (
        "无需衡量：判定不取决于索赔金额",
        "not needed: the finding does not rest on the sum",
    ),
    "ceiling": ("法定上限", "ceiling"),
    "ratio": ("索赔为上限的{ratio}倍", "demand is {ratio} × the ceiling"),
    # leverage
    "kind:exposure": ("网络或公开曝光", "exposure"),
    "kind:report": ("举报、投诉到监管部门", "report"),
    "kind:review": ("差评", "review"),
    "kind:media": ("媒体", "media"),
    "kind:lawsuit": ("起诉", "lawsuit"),
    "kind:campaign": ("反复投诉、缠诉", "campaign"),
    "kind:violence": ("暴力威胁", "violence"),
    "kind:unnamed": ("不明示的威胁：后果自负、这事没完", "a threat naming no step"),
    "kind:harassment": ("上门纠缠、闹事、堵门", "harassment"),
    "kind:business_harm": ("损害经营、商誉", "harm to the business"),
    "kind:withdrawal": ("以撤回投诉、删帖相交换", "dropping it for pay"),
    "link:conditional": (
        "条件式：不给钱就…／给钱就撤",
        "conditional: unless paid, or dropped once paid",
    ),
    "link:parallel": ("并列：与索赔同时提出", "parallel: beside the demand"),
    "link:none": ("未提出要挟", "none named"),
    # purchase
    "units": ("购买{units}件", "{units} units bought"),
    "knowing": ("明知有问题仍购买", "bought knowing of the flaw"),
    "split": ("拆成多单、多次分别索赔", "one purchase claimed as many"),
    "yuan": ("{amount}元", "{amount} yuan"),
}


def _word(key: str, lang: Lang, **values: object) -> str:
    zh, en = _WORDS[key]
    return (zh if lang == "zh" else en).format(**values)


def _yuan(amount: Decimal, lang: Lang) -> str:
    return _word("yuan", lang, amount=f"{amount.normalize():f}")


def _quoted(spans: Iterable[Span]) -> str:
    surfaces = dict.fromkeys(span.surface for span in spans)
    return " ".join(f"「{surface}」" for surface in surfaces)


def _paren(text: str, lang: Lang) -> str:
    return f"（{text}）" if lang == "zh" else f" ({text})"


def _joined(parts: Iterable[str], lang: Lang) -> str:
    return ("、" if lang == "zh" else ", ").join(parts)


def _demand(demand: Demand, lang: Lang) -> str:
    if not demand.money:
        head = _word("not money", lang)
    elif demand.amount is None:
        head = f"{_word('money', lang)} {_word('amount unstated', lang)}"
    else:
        head = f"{_word('money', lang)} {_yuan(demand.amount, lang)}"
    if demand.purposes:
        purposes = (_word(f"purpose:{purpose.value}", lang) for purpose in demand.purposes)
        head += _paren(_joined(purposes, lang), lang)
    return head


def _measure(measure: Measure, why: str, lang: Lang) -> str:
    parts = [] if measure.needed else [_word(f"not needed:{why}", lang)]
    base = "" if measure.base is None else f" {_yuan(measure.base, lang)}"
    basis = _word(f"basis:{measure.basis.value}", lang, base=base)
    parts.append(basis.replace("（价款）", "").replace(" (price)", ""))
    if measure.ceiling is not None:
        ceiling = f"{_word('ceiling', lang)} {_yuan(measure.ceiling, lang)}"
        parts.append(ceiling + _paren(measure.law or "", lang))
    if measure.ratio is not None:
        parts.append(_word("ratio", lang, ratio=f"{measure.ratio:g}"))
    return ("；" if lang == "zh" else "; ").join(parts)


def _leverage(leverage: Leverage, lang: Lang) -> str:
    link = _word(f"link:{leverage.link.value}", lang)
    if not leverage.kinds:
        return link
    kinds = _joined((_word(f"kind:{kind.value}", lang) for kind in leverage.kinds), lang)
    return f"{kinds}；{link}" if lang == "zh" else f"{kinds}; {link}"


def _purchase(purchase: Purchase, lang: Lang) -> str:
    parts = [] if purchase.units is None else [_word("units", lang, units=purchase.units)]
    if purchase.knowing:
        parts.append(_word("knowing", lang))
    if purchase.split:
        parts.append(_word("split", lang))
    return _joined(parts, lang)


def _why_unmeasured(malice: Malice) -> str:
    if DemandPurpose.WITHDRAWAL in malice.demand.purposes:
        return "withdrawal"
    if any(span.lexicon == "punitive_excess" for span in malice.demand.spans):
        return "multiple"
    return "other" if malice.purchase is None else "purchase"


def malice_rows(malice: Malice, lang: Lang = "en") -> list[tuple[str, str, str]]:
    """Per part: its label, what it says, and the text it rests on (surfaces in 「」)."""
    rows = [
        (_word("demand", lang), _demand(malice.demand, lang), _quoted(malice.demand.spans)),
        (
            _word("measure", lang),
            _measure(malice.measure, _why_unmeasured(malice), lang),
            _quoted(malice.measure.spans),
        ),
        (
            _word("leverage", lang),
            _leverage(malice.leverage, lang),
            _quoted(malice.leverage.spans),
        ),
    ]
    if malice.purchase is not None:
        purchase = malice.purchase
        rows.append((_word("purchase", lang), _purchase(purchase, lang), _quoted(purchase.spans)))
    return rows


def malice_heading(lang: Lang = "en") -> str:
    """The heading of the structure: 恶意投诉的构成 / why malicious."""
    return _word("heading", lang)
