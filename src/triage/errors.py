"""The one exception hierarchy of triage.

Every error the library raises on purpose is a [`TriageError`][triage.errors.TriageError] and
carries a stable
``code`` (documented in ``docs/errors.md``; a test keeps the two in step)::

    TriageError
    ├── RecordError            a complaint or decision record is invalid (also a ValueError)
    ├── FileFormatError        a file whose format is unknown or needs a missing package
    ├── RuleError              a rule pack cannot be loaded; carries file, line, column, rule id
    │   ├── RuleSyntaxError        invalid YAML or a value of the wrong shape
    │   │   └── RuleFileLimitError     an alias cycle, too deep nesting, too many nodes
    │   ├── UnknownFactError       a condition names a fact the vocabulary does not have
    │   ├── FactTypeError          a fact compared with a value of the wrong type
    │   ├── UnknownOperatorError   a condition uses an operator the language does not have
    │   ├── DuplicateRuleError     two rules share an id
    │   ├── LexiconError           a bad lexicon file or a reference to an unknown lexicon
    │   ├── PackError              a bad manifest, or a pack that cannot be found or extended
    │   ├── CycleError             derived facts depend on themselves
    │   ├── CapacityError          a rule exceeds what the matching network can hold
    │   ├── RulesetRefusedError    durable_rules refused the compiled rules otherwise
    │   └── RuleErrors             several of the above at once (``.errors``)
    └── EngineError            the engine cannot decide (closed, or durable_rules failed)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

__all__ = [
    "CapacityError",
    "CycleError",
    "DuplicateRuleError",
    "EngineError",
    "FactTypeError",
    "FieldProblem",
    "FileFormatError",
    "LexiconError",
    "PackError",
    "RecordError",
    "RuleError",
    "RuleErrors",
    "RuleFileLimitError",
    "RuleSyntaxError",
    "RulesetRefusedError",
    "TriageError",
    "UnknownFactError",
    "UnknownOperatorError",
    "error_codes",
]


class TriageError(Exception):
    """Base of every error triage raises on purpose."""

    code: ClassVar[str] = "triage-error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class FieldProblem:
    """One invalid field of a record: where it is, what is wrong, and what was given."""

    loc: str
    message: str
    type: str

    def __str__(self) -> str:
        return f"{self.loc}: {self.message}"


class RecordError(TriageError, ValueError):
    """A complaint or decision record failed validation; ``problems`` names each field."""

    code = "invalid-record"

    def __init__(self, what: str, problems: Sequence[FieldProblem], *, line: int | None = None):
        where = f"line {line}: " if line is not None else ""
        details = "; ".join(str(p) for p in problems)
        super().__init__(f"{where}invalid {what}: {details}")
        self.what = what
        self.problems = tuple(problems)
        self.line = line


class FileFormatError(TriageError, ValueError):
    """A complaints or decisions file whose format triage cannot read or write.

    The format follows the file's suffix; an unknown suffix is refused rather than guessed,
    and Parquet needs pandas with a Parquet engine (pyarrow).
    """

    code = "file-format"


class RuleError(TriageError):
    """A rule pack cannot be loaded. ``str(exc)`` starts with ``file:line:column:``."""

    code = "rule-error"

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        rule_id: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.file = file
        self.line = line
        self.column = column
        self.rule_id = rule_id
        self.hint = hint
        self.detail = message
        super().__init__(self._render())

    @property
    def location(self) -> str:
        """``file:line:column`` as far as known ("<rules>" when there is no file)."""
        parts = [self.file or "<rules>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def _render(self) -> str:
        text = f"{self.location}: [{self.code}] "
        if self.rule_id:
            text += f"rule {self.rule_id}: "
        text += self.detail
        if self.hint:
            text += f" ({self.hint})"
        return text


class RuleSyntaxError(RuleError):
    """Invalid YAML, or a value of the wrong shape in a rule, manifest or case file."""

    code = "syntax"


class RuleFileLimitError(RuleSyntaxError):
    """A rule file exceeds a reading limit: an alias cycle, too deep nesting, too many nodes.

    The limits keep a hostile file (``a: &a [*a]``, a "billion laughs" of aliases) from
    exhausting the stack or the memory while loading.
    """

    code = "file-limit"


class UnknownFactError(RuleError):
    """A condition or effect names a fact that is not in the vocabulary."""

    code = "unknown-fact"


class FactTypeError(RuleError):
    """A fact is compared with a value of the wrong type, or with the wrong operator."""

    code = "fact-type"


class UnknownOperatorError(RuleError):
    """A condition uses an operator the rule language does not have."""

    code = "unknown-operator"


class DuplicateRuleError(RuleError):
    """Two rules in the loaded packs share one id."""

    code = "duplicate-id"


class LexiconError(RuleError):
    """A lexicon file is malformed, or a rule refers to a lexicon no pack defines."""

    code = "lexicon"


class PackError(RuleError):
    """A manifest is malformed, or a pack cannot be found or extended."""

    code = "pack"


class CycleError(RuleError):
    """Derived facts depend on themselves through a chain of derive rules."""

    code = "cycle"


class CapacityError(RuleError):
    """A rule is too large for durable_rules' matching network (see docs/errors.md)."""

    code = "capacity"


class RulesetRefusedError(RuleError):
    """durable_rules refused the compiled rules for a reason that is not a known capacity."""

    code = "refused"


class RuleErrors(RuleError):  # noqa: N818 - a group of errors, named as one
    """Several rule problems found in one load; ``errors`` lists all of them."""

    code = "rule-errors"

    def __init__(self, errors: Iterable[RuleError]) -> None:
        self.errors = tuple(errors)
        first = self.errors[0]
        super().__init__(
            f"{len(self.errors)} problems",
            file=first.file,
            line=first.line,
            column=first.column,
        )

    def _render(self) -> str:
        return f"{len(self.errors)} problems in the rules:\n" + "\n".join(
            f"  {e}" for e in self.errors
        )


class EngineError(TriageError):
    """The engine cannot decide: it was closed, or durable_rules reported a failure."""

    code = "engine"


def error_codes() -> dict[str, type[TriageError]]:
    """Every error code the library can raise, mapped to its exception class."""
    found: dict[str, type[TriageError]] = {}
    pending: list[type[TriageError]] = [TriageError]
    while pending:
        cls = pending.pop()
        found[cls.code] = cls
        pending.extend(cls.__subclasses__())
    return dict(sorted(found.items()))
