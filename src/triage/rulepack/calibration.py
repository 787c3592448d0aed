"""Confidence per axis: how often decisions reached the same way agreed with people.

A rule pack may ship ``calibration.json``, measured on labelled real complaints::

    {"measured_on": "eval/dev.jsonl", "complaints": 295,
     "confidence": {"validity": {"rule:valid": 0.82, "rule:invalid": 0.76,
                                 "default:valid": 0.59, "*": 0.75}, ...}}

A key is how the axis was decided (``rule`` when a rule set it, ``default`` when it fell
back) and the value decided; ``*`` is the axis as a whole, for information. A decision
whose key was too rare to measure gets no confidence (None): never auto-applied. The
numbers are observed agreement rates, so a threshold on them means what it says:
"auto-apply what agreed at least 90% of the time".
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from triage.records.decision import Axis, Confidence

__all__ = ["Calibration", "CalibrationError"]

_AXES = (Axis.VALIDITY, Axis.NATURE, Axis.SEVERITY, Axis.RESPONSIBILITY)


class CalibrationError(ValueError):
    """A calibration table that is not a mapping of axes to rates between 0 and 1."""


@dataclass(frozen=True)
class Calibration:
    """Agreement rates per axis and way of deciding."""

    rates: Mapping[str, Mapping[str, float]]

    @classmethod
    def from_data(cls, data: Any) -> Calibration:
        """Read the ``confidence`` table of a calibration document, checking every rate."""
        table = data.get("confidence") if isinstance(data, Mapping) else None
        if not isinstance(table, Mapping):
            raise CalibrationError("a calibration needs 'confidence': a mapping of axes")
        rates: dict[str, dict[str, float]] = {}
        for axis, keyed in table.items():
            if axis not in {a.value for a in _AXES} or not isinstance(keyed, Mapping):
                raise CalibrationError(f"'{axis}' is not an axis with a mapping of rates")
            for key, rate in keyed.items():
                if isinstance(rate, bool) or not isinstance(rate, int | float):
                    raise CalibrationError(f"{axis}.{key}: {rate!r} is not a number")
                if not (math.isfinite(rate) and 0.0 <= rate <= 1.0):
                    raise CalibrationError(f"{axis}.{key}: {rate} is not between 0 and 1")
            rates[axis] = {str(key): float(rate) for key, rate in keyed.items()}
        return cls(rates)

    def confidence(self, values: Mapping[Axis, str], defaults: tuple[Axis, ...]) -> Confidence:
        """The confidence of each axis decided as ``values`` (``defaults`` fell back)."""
        found: dict[str, float | None] = {}
        for axis in _AXES:
            keyed = self.rates.get(axis.value, {})
            how = "default" if axis in defaults else "rule"
            found[axis.value] = keyed.get(f"{how}:{values[axis]}")
        return Confidence(**found)
