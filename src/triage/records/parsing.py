"""Turning raw input (dicts, JSON text) into records, with errors that name the field.

JSON text is validated by pydantic's JSON mode, after a check that no object repeats a
key: ``{"text": "a", "text": "b"}`` is an error, not "the last one wins".
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from triage.errors import FieldProblem, RecordError
from triage.records.complaint import Complaint

__all__ = ["check_as_of", "field_problems", "parse_complaint", "parse_record"]

RecordT = TypeVar("RecordT", bound=BaseModel)

_MAX_SHOWN = 40
"""Longest input quoted in an error message; longer ones (a whole text) are left out."""


def field_problems(error: ValidationError) -> list[FieldProblem]:
    """One [`FieldProblem`][triage.errors.FieldProblem] per pydantic error, located by a dotted
    path.

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


class _RepeatedKeyError(ValueError):
    """A JSON object holds one key twice."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique(pairs: list[tuple[str, Any]]) -> None:
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            raise _RepeatedKeyError(key)
        seen.add(key)


def _repeated_key(text: str | bytes) -> str | None:
    """The first key an object of ``text`` repeats; None if none does (or it is no JSON)."""
    try:
        json.loads(text, object_pairs_hook=_unique)
    except _RepeatedKeyError as error:
        return error.key
    except (ValueError, RecursionError):  # invalid JSON: pydantic reports it, located
        return None
    return None


def parse_record(
    model: type[RecordT], data: Mapping[str, Any] | str | bytes, *, line: int | None = None
) -> RecordT:
    """Validate ``data`` (a mapping or JSON text) as ``model``.

    Raises [`RecordError`][triage.errors.RecordError] naming each bad field.
    """
    try:
        if isinstance(data, str | bytes):
            repeated = _repeated_key(data)
            if repeated is not None:
                problem = FieldProblem(repeated, "key appears twice in one object", "duplicate_key")
                raise RecordError(model.__name__, [problem], line=line)
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
    """Validate one complaint from a mapping or JSON text.

    Raises [`RecordError`][triage.errors.RecordError] naming each bad field.
    """
    return parse_record(Complaint, data, line=line)


def check_as_of(as_of: object) -> datetime | None:
    """``as_of`` as given if it is None or a timezone-aware datetime, else a
    [`RecordError`][triage.errors.RecordError].

    A decision time that is a string or a naive datetime would make ``days_open`` depend on
    the machine's clock zone, or fail deep inside text analysis.
    """
    if as_of is None or (isinstance(as_of, datetime) and as_of.utcoffset() is not None):
        return as_of
    if isinstance(as_of, datetime):
        problem = FieldProblem("as_of", "must be timezone-aware", "timezone_aware")
    else:
        problem = FieldProblem(
            "as_of", f"must be a timezone-aware datetime, got {type(as_of).__name__}", "type"
        )
    raise RecordError("decision time", [problem])
