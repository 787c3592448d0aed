"""The citation form of a rule's ``source``: grounds a reader can look up without the pack.

A ``source`` is one or more citations separated by ``；``. Each citation is either

- a **document** by its title in 《》 — a law, regulation, rule, judicial interpretation or
  published document — or a standard by its code with year and title
  (``GB/T 19012-2019《质量管理 顾客满意 组织投诉处理指南》``); then, optionally, its edition or
  document number in （）, articles in Chinese numerals (``第五十五条第一款``,
  ``第十五条第（四）项``, ``第九条至第十条``, ``第七章``) or a standard's clause
  (``第8.5条``), and notes in （）; or
- a **convention**, a ground that is not law: ``行业惯例（非法定）：`` and what it is,
  citing a published document by its title where there is one.

Files that do not ship with a pack (``domain.md``, ``seeds/…``, any path) are not grounds.
"""

from __future__ import annotations

import re

__all__ = ["CONVENTION", "SEPARATOR", "citation_problem", "split_citations"]

SEPARATOR = "；"
"""Between two citations of one ``source``."""

CONVENTION = "行业惯例（非法定）："
"""The prefix of a citation whose ground is a convention, not a law."""

_NUMERAL = "[〇零一二三四五六七八九十百千]+"
_NOTE = r"（(?:[^（）]|（[^（）]*）)*）"
_STANDARD = r"(?:GB(?:/[TZ])?|ISO|IEC|DB\d*(?:/T)?|[A-Z]{2}/T) ?\d+(?:\.\d+)*[-:]\d{4}"
_DOCUMENT = rf"(?:{_STANDARD}\s?)?《[^《》]+》|{_STANDARD}"
_LOCATOR = rf"第{_NUMERAL}[条款章节编]|第（{_NUMERAL}）项|第\d+(?:\.\d+)+条|但书|[、至]|{_NOTE}"
_CITATION = re.compile(rf"(?:{_DOCUMENT})(?:{_LOCATOR})*")
_UNSHIPPED = re.compile(
    r"domain\.md|seeds/|(?:[\w.-]+/)*[\w.-]+\.(?:md|txt|ya?ml|json|docx?|pdf)\b"
    r"|(?:^|[\s(（])\.{0,2}/?[\w-]+/[\w.-]+/"
)
_ARABIC_ARTICLE = re.compile(r"第\s*\d+\s*[条款项章节]")


def split_citations(source: str) -> list[str]:
    """The citations of ``source``: split at each ``；`` that is not inside a note."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(source):
        depth += {"（": 1, "）": -1}.get(char, 0)
        if char == SEPARATOR and depth == 0:
            parts.append(source[start:index].strip())
            start = index + 1
    parts.append(source[start:].strip())
    return parts


def _part_problem(part: str) -> str | None:
    if not part:
        return "an empty citation (two separators in a row, or one at an end)"
    unshipped = _UNSHIPPED.search(part)
    if unshipped:
        return f"cites {unshipped.group().strip()!r}, a file that does not ship with the pack"
    if part.startswith(CONVENTION):
        return None if part.removeprefix(CONVENTION).strip() else "names no convention"
    if _CITATION.fullmatch(part):
        return None
    if _ARABIC_ARTICLE.search(part):
        return f"{part!r} numbers articles in Arabic digits, not 第五十五条"
    if "《" not in part and not re.match(_STANDARD, part):
        return f"{part!r} names no document in 《》 and no standard code"
    return f"{part!r} is not in the citation form"


def citation_problem(source: str) -> str | None:
    """What is wrong with the citation form of ``source``, or None if every citation is fine."""
    problems = [
        problem for problem in map(_part_problem, split_citations(source)) if problem is not None
    ]
    return "; ".join(problems) if problems else None
