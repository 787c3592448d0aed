"""Pattern documents: clause patterns and hit conditions, as rule authors write them.

A pack may hold ``patterns/*.yaml``::

    patterns:
      - id: core.pattern.deduction_without_consent
        lexicon: unauthorized_deduction      # its hits count as this lexicon's
        groups:                              # in this order, within one clause
          - [未经, 没经过, 没有经过, 未征得]
          - [同意, 授权, 允许]
          - [扣, 划, 开通]                   # matches at a token start: 扣 → 扣款, 扣走
        gap: 8                               # at most 8 characters between two groups
        within: clause                       # or sentence, or two_sentences (and the next)
        actor: [respondent, third_party, unknown]
        not_said_by: [respondent]            # not inside 客服说… (reported speech)
        unless: [已经同意]                    # not when its clauses, to their end, hold these
                                             # (a term ending in # only before a number: 赔了我#)
        mode: [statement]
        examples:
          match: [未经我同意就扣了我500元]
          miss: [我同意了扣款]
    conditions:
      - lexicon: collection_harassment       # its plain terms count only ...
        actor: [respondent, third_party, unknown]   # ... when these do it
      - lexicon: inquiry
        not_said_by: [respondent]            # not inside 客服说… (reported speech)
        examples:
          match: [催收天天打电话骚扰我]
          miss: [我每天打客服电话]

A group term ``@name`` stands for every term of lexicon ``name``. Actors are
``complainant``, ``respondent``, ``third_party``, ``unknown``; modes are ``statement``,
``question``, ``rhetorical``, ``name``, ``closing`` (see `triage.text.clauses`).
Mistakes are reported at ``file:line:column`` like any rule-file mistake.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from triage.errors import LexiconError, RuleError, RuleSyntaxError
from triage.rulepack.yamlsource import Loc, LocDict, LocList
from triage.text.clauses import Actor, Mode
from triage.text.lexicons import split_entries
from triage.text.patterns import HitCondition, PatternSpec

__all__ = [
    "ConditionDocument",
    "PatternDocument",
    "PatternExamples",
    "PatternFile",
    "PatternSet",
    "parse_patterns",
    "resolve_patterns",
]

_ID = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")
_LEXICON = re.compile(r"[a-z][a-z0-9_]*")


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PatternExamples(_Strict):
    """Texts the pattern (or condition) must find, and near misses it must not."""

    match: tuple[str, ...] = Field(min_length=1)
    miss: tuple[str, ...] = Field(min_length=1)


class PatternDocument(_Strict):
    """One clause pattern as written in a pattern file."""

    id: str = Field(description="Dotted id, e.g. core.pattern.deduction_without_consent.")
    lexicon: str = Field(description="The lexicon whose hits this pattern's matches count as.")
    title: str | None = None
    groups: tuple[tuple[str, ...], ...] = Field(min_length=1, max_length=6)
    gap: int = Field(default=8, ge=0, le=60)
    within: Literal["clause", "sentence", "two_sentences"] = Field(
        default="clause",
        description="The stretch all groups lie in: one clause, one sentence, or "
        "two_sentences (the sentence where the match starts and the next one; the sentence "
        "mark between them counts in the gap as one character).",
    )
    actor: tuple[Actor, ...] | None = None
    not_said_by: tuple[Actor, ...] = Field(
        default=(),
        description="No match inside speech reported from these actors (商家说…可以给返现), "
        "whoever the clause is about.",
    )
    unless: tuple[str, ...] = Field(
        default=(),
        description="No match when one of these terms occurs from the start of the clause "
        "where it begins to the end of the clause where it ends (商家给我退了500元，这事就算了: "
        "a settlement told). A term ending in # occurs only before a number (赔了我#: 赔了我两千, "
        "not 赔了我就撤诉). A list inside the list adds its terms.",
    )
    mode: tuple[Mode, ...] | None = None
    told: bool = Field(
        default=False,
        description="The match must be told, not asked whether: none in a yes/no question "
        "(花呗又扣了吗), one with a question word presupposes it (为什么又扣了). For patterns "
        "whose meaning is an event that happened.",
    )
    condition: bool = Field(
        default=False,
        description="The match is a condition and its consequence: it starts at a condition "
        "marker (如果, 只要, 要是 …) whose condition holds its last group, and the hit is "
        "asserted, since the pattern means the condition itself (只要老板赔我钱，我就撤诉: a "
        "payment as the condition of a step dropped). Conditional only inside an earlier "
        "condition.",
    )
    examples: PatternExamples

    @field_validator("id")
    @classmethod
    def _dotted(cls, value: str) -> str:
        if not _ID.fullmatch(value):
            raise ValueError("a pattern id is dotted lower-case words, e.g. core.pattern.name")
        return value

    @field_validator("lexicon")
    @classmethod
    def _lexicon_name(cls, value: str) -> str:
        if not _LEXICON.fullmatch(value):
            raise ValueError("a lexicon name is a lower-case identifier")
        return value

    @field_validator("groups")
    @classmethod
    def _terms(cls, groups: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
        for group in groups:
            if not group:
                raise ValueError("a group lists at least one term")
            _words(group)
        return groups

    @field_validator("unless", mode="before", json_schema_input_type=list[str | list[str]])
    @classmethod
    def _unless_lists(cls, terms: object) -> object:
        """Lists inside the list are read as their terms, so a pattern can join named lists
        (``unless: [*remedy, *settled_otherwise]``) that another takes one of."""
        if not isinstance(terms, list):
            return terms
        return [term for item in terms for term in (item if isinstance(item, list) else [item])]

    @field_validator("unless")
    @classmethod
    def _unless_terms(cls, terms: tuple[str, ...]) -> tuple[str, ...]:
        return _words(terms)


def _words(terms: tuple[str, ...]) -> tuple[str, ...]:
    for term in terms:
        if not term.strip() or any(char.isspace() for char in term):
            raise ValueError(f"term {term!r} is blank or holds whitespace")
    return terms


class ConditionDocument(_Strict):
    """The actors, speakers and modes under which the plain terms of a lexicon count."""

    lexicon: str
    actor: tuple[Actor, ...] | None = None
    not_said_by: tuple[Actor, ...] = ()
    mode: tuple[Mode, ...] | None = None
    examples: PatternExamples


class PatternFile(_Strict):
    """A whole pattern file."""

    patterns: tuple[PatternDocument, ...] = ()
    conditions: tuple[ConditionDocument, ...] = ()


@dataclass(frozen=True)
class PatternSet:
    """The patterns and conditions of a pack, with where each is written."""

    patterns: tuple[tuple[PatternDocument, Loc], ...] = ()
    conditions: tuple[tuple[ConditionDocument, Loc], ...] = ()

    def __add__(self, other: PatternSet) -> PatternSet:
        return PatternSet(self.patterns + other.patterns, self.conditions + other.conditions)


def parse_patterns(doc: Any, file: str, errors: list[RuleError]) -> PatternSet:
    """The patterns of one pattern document; problems are appended to ``errors``."""
    try:
        parsed = PatternFile.model_validate(doc)
    except ValidationError as error:
        for problem in error.errors():
            where = _locate(doc, problem["loc"], file)
            path = ".".join(str(part) for part in problem["loc"])
            errors.append(
                RuleSyntaxError(
                    f"{path}: {problem['msg']}",
                    file=where.file,
                    line=where.line,
                    column=where.column,
                    hint="see docs/rule-authoring.md, 'Clause patterns'",
                )
            )
        return PatternSet()
    return PatternSet(
        tuple(
            (item, _locate(doc, ("patterns", index), file))
            for index, item in enumerate(parsed.patterns)
        ),
        tuple(
            (item, _locate(doc, ("conditions", index), file))
            for index, item in enumerate(parsed.conditions)
        ),
    )


def resolve_patterns(
    found: PatternSet, lexicons: Mapping[str, Sequence[str]], errors: list[RuleError]
) -> tuple[tuple[PatternSpec, ...], tuple[HitCondition, ...]]:
    """Specs for the text layer: ``@lexicon`` terms expanded, ids and lexicons checked."""
    specs: list[PatternSpec] = []
    seen: dict[str, Loc] = {}
    for item, loc in found.patterns:
        if item.id in seen:
            errors.append(_error(f"pattern id {item.id!r} is used twice", loc, LexiconError))
            continue
        seen[item.id] = loc
        groups = tuple(tuple(_expand(group, lexicons, loc, errors)) for group in item.groups)
        specs.append(
            PatternSpec(
                id=item.id,
                lexicon=item.lexicon,
                groups=groups,
                gap=item.gap,
                within=item.within,
                actors=frozenset(item.actor) if item.actor is not None else None,
                modes=frozenset(item.mode) if item.mode is not None else None,
                not_said_by=frozenset(item.not_said_by),
                unless=tuple(_expand(item.unless, lexicons, loc, errors)),
                told=item.told,
                condition=item.condition,
            )
        )
    conditions: list[HitCondition] = []
    for condition, loc in found.conditions:
        if condition.lexicon not in lexicons:
            errors.append(
                _error(f"condition on unknown lexicon {condition.lexicon!r}", loc, LexiconError)
            )
            continue
        conditions.append(
            HitCondition(
                condition.lexicon,
                frozenset(condition.actor) if condition.actor is not None else None,
                frozenset(condition.mode) if condition.mode is not None else None,
                frozenset(condition.not_said_by),
            )
        )
    return tuple(specs), tuple(conditions)


def _expand(
    group: Iterable[str],
    lexicons: Mapping[str, Sequence[str]],
    loc: Loc,
    errors: list[RuleError],
) -> Iterable[str]:
    for term in group:
        if not term.startswith("@"):
            yield term
        elif term[1:] in lexicons:
            yield from split_entries(lexicons[term[1:]])[0]
        else:
            errors.append(_error(f"group term {term!r} names no lexicon", loc, LexiconError))


def _error(message: str, loc: Loc, kind: type[RuleError]) -> RuleError:
    return kind(message, file=loc.file, line=loc.line, column=loc.column)


def _locate(doc: Any, path: Sequence[int | str], file: str) -> Loc:
    """The position of the deepest value on ``path`` that the YAML source knows."""
    where: Loc = getattr(doc, "loc", None) or Loc(file, 1, 1)
    node = doc
    for part in path:
        step = _step(node, part)
        if step is None:
            break
        where, node = step
    return where


def _step(node: Any, part: int | str) -> tuple[Loc, Any] | None:
    if isinstance(node, LocDict) and isinstance(part, str) and part in node:
        return node.at(part), node[part]
    if isinstance(node, LocList) and isinstance(part, int) and 0 <= part < len(node):
        return node.at(part), node[part]
    return None
