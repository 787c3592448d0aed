"""The one module that touches durable_rules.

It drives durable_rules' C engine (``durable_rules_engine``) directly instead of its
``Host``: a Host starts timer threads that never stop and cannot drop a ruleset, while
the C engine lets us create and delete rulesets and run each fact to completion
ourselves. Quirks handled here, so no other module knows them:

- facts, not events: every matching rule fires; the fact is retracted after each run, so
  nothing is left behind. The one session's state is kept for the next fact: creating it
  allocates buffers for every rule of the ruleset (about 0.3 ms for 300 rules, most of an
  assert), and a state emptied by the retraction fires the next fact exactly as a new one.
  It is deleted when the ruleset is closed (``delete_ruleset`` does not free it). After a
  failed assert the state is left alone (deleting it can abort the process) and the next
  fact goes to a new session;
- there is no list of fired rules: each action message names its rule, read from the
  message prefix without parsing the (large) matched fact;
- a fact that matches no rule must not be followed by ``delete_state`` (heap
  corruption); the network's catch-all rule makes every fact match;
- at most 1,024 live sessions per ruleset: one is used, another only after a failure;
- calls on one ruleset are not thread-safe: callers hold a lock per engine;
- errors are ``durable_rules_engine.error`` with a numeric code. When the ruleset is
  created, every refusal is a rule-loading error: a known limit (`LIMITS`) is a
  [`triage.errors.CapacityError`][triage.errors.CapacityError] with a hint, anything else a
  [`triage.errors.RulesetRefusedError`][triage.errors.RulesetRefusedError]; so the command line
  exits with 3. A limit
  met while firing is a ``CapacityError`` too; other failures are an ``EngineError``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any

import durable_rules_engine as _dr

from triage.errors import CapacityError, EngineError, RulesetRefusedError

__all__ = ["LIMITS", "DurableRuleset"]

_SESSION = "triage"
_FACT_ID = "complaint"
_HANDLED = 0
_ERROR_CODE = re.compile(r"error code: (\d+)")


def _not_serializable(value: object) -> object:
    raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


def _encoder() -> Callable[[Mapping[str, Any]], str]:
    """``json.dumps(..., ensure_ascii=False)``: the C encoder ``json`` would build for each
    fact, built once (without the check for cycles, which a flat fact cannot have)."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return json.JSONEncoder(ensure_ascii=False).encode
    iterencode = make(
        None, _not_serializable, json.encoder.encode_basestring, None, ": ", ", ",
        False, False, True,
    )  # fmt: skip

    def encode(fact: Mapping[str, Any]) -> str:
        return "".join(iterencode(fact, 0))

    return encode


_ENCODE = _encoder()
_SPLIT = "remove or merge rules: one rule with any: instead of several with the same effect"
LIMITS: dict[str, tuple[str, str]] = {
    "103": ("a rule or fact name is too long", "shorten the rule ids and fact names"),
    "106": (
        "one pass holds more than 4,096 rules, or too many tests on one fact",
        _SPLIT,
    ),
    "107": ("too many rules test whether one fact is absent", _SPLIT),
    "108": ("too many rules join at one test", _SPLIT),
    "113": (
        "a rule nests too many all/any/not groups",
        "flatten it, or derive an intermediate fact in a derive rule",
    ),
    "302": (
        "a fact has more than 255 properties",
        "fewer facts per pass: the vocabulary outgrew durable_rules",
    ),
    "303": (
        "one fact drives more than 64 matching-stack entries",
        "start rules with an equality test, or split the rule set into several engines",
    ),
}
"""durable_rules error codes that mean its fixed limits were exceeded: (what, hint)."""


def _code(error: Exception) -> str:
    match = _ERROR_CODE.search(str(error))
    return match.group(1) if match else "?"


class DurableRuleset:
    """One compiled ruleset in durable_rules' C engine; run facts through it, then close."""

    def __init__(self, definition: Mapping[str, Any]) -> None:
        self.name = f"triage-{id(self):x}"
        self._sessions = 0
        """Sessions used so far; the current one is named after the count."""
        self._clean = False
        """Whether the current session's state exists and holds no fact (safe to delete)."""
        try:
            self._handle: int | None = _dr.create_ruleset(
                self.name, json.dumps(definition, ensure_ascii=False)
            )
        except _dr.error as error:
            code, size = _code(error), f"a ruleset of {len(definition):,} rules"
            if code in LIMITS:
                raise self._error(error, f"refused {size}") from None
            raise RulesetRefusedError(
                f"durable_rules refused {size} (error {code})",
                hint="a rule file passed every check but not durable_rules; "
                "please report it with the rule files",
            ) from None

    def fire(self, fact: Mapping[str, Any]) -> list[str]:
        """Assert ``fact``, return the names of the rules it fired, and retract it again."""
        handle = self._handle
        if handle is None:
            raise EngineError("the ruleset is closed")
        session = f"{_SESSION}{self._sessions}"
        document = _ENCODE({**fact, "sid": session, "id": _FACT_ID})
        fired: list[str] = []
        self._clean = False
        try:
            result, state = _dr.assert_fact(handle, document)
        except _dr.error as error:
            self._sessions += 1
            raise self._error(error, "could not match the fact") from None
        if result != _HANDLED:
            self._sessions += 1
            raise EngineError(f"durable_rules did not take the fact (result {result})")
        try:
            action = _dr.start_action_for_state(handle, state)
            while action:
                message = action[1] if isinstance(action, tuple) else action
                fired.append(message[2 : message.index('"', 2)])
                action = _dr.complete_and_start_action(handle, state)
            _dr.retract_fact(handle, document)
        except _dr.error as error:
            self._sessions += 1
            raise self._error(error, "failed while firing") from None
        self._clean = True
        return fired

    @staticmethod
    def _error(error: Exception, doing: str) -> EngineError | CapacityError:
        code = _code(error)
        if code in LIMITS:
            what, hint = LIMITS[code]
            return CapacityError(f"durable_rules {doing}: {what} (error {code})", hint=hint)
        return EngineError(f"durable_rules {doing} (error {code})")

    def close(self) -> None:
        """Free the ruleset in the C engine; later calls to `fire` raise."""
        if self._handle is not None:
            handle, self._handle = self._handle, None
            if self._clean:
                _dr.delete_state(handle, f"{_SESSION}{self._sessions}")
            _dr.delete_ruleset(handle)
