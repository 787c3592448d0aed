"""Safe YAML reading that remembers where every value was written.

Rule files are data: the safe loader builds only plain mappings, lists and scalars (no
Python objects, no tags that run code). Mappings and lists come back as `LocDict`
and `LocList`, which know the line and column of each of their values, so that a
mistake is reported at ``file:line:column``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from triage.errors import RuleFileLimitError, RuleSyntaxError

__all__ = ["MAX_DEPTH", "MAX_NODES", "Loc", "LocDict", "LocList", "load_yaml"]

MAX_DEPTH = 64
"""Deepest nesting of mappings and lists in one rule file (the bundled packs use 14)."""
MAX_NODES = 200_000
"""Most values one rule file may hold, counting each alias as the values it repeats."""


@dataclass(frozen=True)
class Loc:
    """A position in a rule file: 1-based line and column."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


class LocDict(dict[str, Any]):
    """A mapping read from YAML; ``loc`` is where it starts, ``at(key)`` where a value is."""

    loc: Loc
    marks: dict[str, tuple[int, int]]

    def at(self, key: str) -> Loc:
        """Where the value of ``key`` was written (the mapping itself if ``key`` is absent)."""
        mark = self.marks.get(key)
        return self.loc if mark is None else Loc(self.loc.file, mark[0], mark[1])


class LocList(list[Any]):
    """A sequence read from YAML; ``at(i)`` is where item ``i`` was written."""

    loc: Loc
    marks: list[tuple[int, int]]

    def at(self, index: int) -> Loc:
        """Where item ``index`` was written."""
        line, column = self.marks[index]
        return Loc(self.loc.file, line, column)

    @property
    def locs(self) -> list[Loc]:
        """Where each item was written, in order."""
        return [self.at(index) for index in range(len(self))]


_STR = "tag:yaml.org,2002:str"
_LOADER = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader

_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("null", "bool", "int", "float", "str", "seq", "map", "timestamp")
)


def _loc(file: str, node: yaml.Node) -> Loc:
    mark = node.start_mark
    return Loc(file, mark.line + 1, mark.column + 1)


def _mark(node: yaml.Node) -> tuple[int, int]:
    mark = node.start_mark
    return (mark.line + 1, mark.column + 1)


class _Builder:
    """Turns a composed YAML node tree into LocDict/LocList/scalars."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.constructor = yaml.SafeLoader("")
        self.scalars: dict[tuple[str, str], Any] = {}  # (tag, text) -> value: all immutable
        self.open: set[int] = set()  # ids of the collection nodes being built (the path)
        self.built: set[int] = set()  # ids of the collection nodes built at least once
        self.repeated: yaml.Node | None = None  # the outermost one being built again
        self.nodes = 0

    def error(
        self,
        node: yaml.Node,
        message: str,
        hint: str | None = None,
        kind: type[RuleSyntaxError] = RuleSyntaxError,
    ) -> RuleSyntaxError:
        """A syntax error (or ``kind``) located at ``node``."""
        loc = _loc(self.file, node)
        return kind(message, file=self.file, line=loc.line, column=loc.column, hint=hint)

    def build(self, node: yaml.Node) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise self.error(
                self.repeated or node,
                f"more than {MAX_NODES:,} values once aliases are expanded",
                "the value anchored here is repeated by aliases (*name), which repeat "
                "all it holds; write less, or split the file",
                RuleFileLimitError,
            )
        if isinstance(node, yaml.ScalarNode):
            return self._plain(node)
        return self._collection(node)

    def _collection(self, node: yaml.Node) -> Any:
        if id(node) in self.open:
            raise self.error(
                node,
                "an alias refers to a value that contains it",
                "an anchor (&name) cannot be used (*name) inside its own value",
                RuleFileLimitError,
            )
        if len(self.open) >= MAX_DEPTH:
            raise self.error(
                node,
                f"nesting deeper than {MAX_DEPTH} levels",
                "rules need far fewer levels; flatten the conditions",
                RuleFileLimitError,
            )
        outermost = self.repeated is None and id(node) in self.built
        if outermost:
            self.repeated = node
        self.open.add(id(node))
        try:
            return self._plain(node)
        finally:
            self.open.discard(id(node))
            self.built.add(id(node))
            if outermost:
                self.repeated = None

    def _plain(self, node: yaml.Node) -> Any:
        if node.tag not in _PLAIN_TAGS:
            raise self.error(
                node,
                f"YAML tag {node.tag!r} cannot be read",
                "rule files hold plain data: no tags, no Python objects",
            )
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node)
        if isinstance(node, yaml.SequenceNode):
            items = LocList(self.build(child) for child in node.value)
            items.loc = _loc(self.file, node)
            items.marks = [_mark(child) for child in node.value]
            return items
        if node.tag == _STR:
            return node.value
        key = (node.tag, node.value)
        if key not in self.scalars:
            try:
                self.scalars[key] = self.constructor.construct_object(node, deep=True)
            except yaml.YAMLError as error:
                raise self.error(
                    node,
                    f"value cannot be read: {getattr(error, 'problem', error)}",
                    "rule files hold plain data: strings, numbers, booleans, lists, mappings",
                ) from None
        return self.scalars[key]

    def _mapping(self, node: yaml.MappingNode) -> LocDict:
        result = LocDict()
        result.loc = _loc(self.file, node)
        result.marks = {}
        for key_node, value_node in node.value:
            key = key_node.value if key_node.tag == _STR else self.build(key_node)
            if not isinstance(key, str | int | float | bool):
                raise self.error(key_node, "mapping keys must be plain words")
            key = str(key)
            if key in result:
                raise self.error(
                    key_node,
                    f"key {key!r} appears twice in one mapping",
                    f"the first {key!r} is at line {result.marks[key][0]}",
                )
            result[key] = self.build(value_node)
            result.marks[key] = _mark(value_node)
        return result


def load_yaml(text: str, file: str) -> Any:
    """Parse one YAML document safely; errors become
    [`RuleSyntaxError`][triage.errors.RuleSyntaxError] with a location."""
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise RuleSyntaxError(
            f"invalid YAML: {error.problem or error.context}",
            file=file,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        ) from None
    except yaml.YAMLError as error:
        raise RuleSyntaxError(f"invalid YAML: {error}", file=file) from None
    except RecursionError:  # the pure-Python composer, when libyaml is missing
        raise RuleFileLimitError(
            f"nesting deeper than {MAX_DEPTH} levels", file=file, hint="flatten the conditions"
        ) from None
    if node is None:
        return None
    return _Builder(file).build(node)
