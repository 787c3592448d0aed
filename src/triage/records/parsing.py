"""Turning raw input (dicts, JSON text) into records, with errors that name the field."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from triage.errors import FieldProblem, RecordError
from triage.records.complaint import Complaint

__all__ = ["field_problems", "parse_complaint", "parse_record"]

RecordT = TypeVar("RecordT", bound=BaseModel)

_MAX_SHOWN = 40
"""Longest input quoted in an error message; longer ones (a whole text) are left out."""


def field_problems(error: ValidationError) -> list[FieldProblem]:
    """One :class:`FieldProblem` per pydantic error, located by a dotted path.

    A short scalar input is quoted in the message (``got 'phone'``) so the reader sees
    what was wrong without opening the file.
    """
    problems = []
    for item in error.errors(include_url=False):
        loc = ".".join(str(part) for part in item["loc"]) or "<record>"
        message = item["msg"]
        given = item.get("input")
        if isinstance(given, str | int | float) and not isinstance(given, bool):
            shown = repr(given)
            if len(shown) <= _MAX_SHOWN:
                message = f"{message} (got {shown})"
        problems.append(FieldProblem(loc=loc, message=message, type=item["type"]))
    return problems


def parse_record(
    model: type[RecordT], data: Mapping[str, Any] | str | bytes, *, line: int | None = None
) -> RecordT:
    """Validate ``data`` (a mapping or JSON text) as ``model``; raise :class:`RecordError`."""
    try:
        if isinstance(data, str | bytes):
            return model.model_validate_json(data)
        if not isinstance(data, Mapping):
            raise RecordError(
                model.__name__,
                [
                    FieldProblem(
                        "<record>", f"expected an object, got {type(data).__name__}", "type"
                    )
                ],
                line=line,
            )
        return model.model_validate(data)
    except ValidationError as error:
        raise RecordError(model.__name__, field_problems(error), line=line) from None


def parse_complaint(data: Mapping[str, Any] | str | bytes, *, line: int | None = None) -> Complaint:
    """Validate one complaint from a mapping or JSON text; raise :class:`RecordError`."""
    return parse_record(Complaint, data, line=line)
