"""Reading rule, manifest and case documents into specs, collecting every problem.

This is the first of two checks. Here each document is checked on its own: shapes,
keys, operators, axes and effects. Facts, lexicons, parameters and duplicate ids are
checked across all loaded packs in `triage.rulepack.check`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from triage.errors import RuleError, RuleSyntaxError, UnknownOperatorError
from triage.records.decision import Axis, Nature
from triage.rulepack.format import (
    ACTION_CODES,
    ACTION_KEYS,
    CASE_KEYS,
    COUNT_OPERATORS,
    EXPECT_KEYS,
    MANIFEST_KEYS,
    OPERATORS,
    POLICY_CHOICES,
    POLICY_KEYS,
    RULE_ID_DESCRIPTION,
    RULE_KEYS,
    SET_VALUES,
    THEN_KEYS,
    is_fact_name,
    is_pack_name,
    is_rule_id,
)
from triage.rulepack.spec import (
    ActionSpec,
    AllOf,
    AnyOf,
    CaseSpec,
    Condition,
    FactTest,
    Manifest,
    NotOf,
    Op,
    ParamRef,
    Rule,
    Scalar,
    Then,
)
from triage.rulepack.yamlsource import Loc, LocDict, LocList

__all__ = ["Problems", "parse_cases", "parse_manifest", "parse_rules"]


def _did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(word, [str(c) for c in choices], n=1, cutoff=0.5)
    return f"did you mean {close[0]!r}?" if close else None


class Problems:
    """Collects rule problems so that one load reports all of them."""

    def __init__(self) -> None:
        self.errors: list[RuleError] = []

    def add(
        self,
        kind: type[RuleError],
        message: str,
        loc: Loc,
        *,
        rule_id: str | None = None,
        hint: str | None = None,
    ) -> None:
        """Record one problem at ``loc``."""
        self.errors.append(
            kind(
                message, file=loc.file, line=loc.line, column=loc.column, rule_id=rule_id, hint=hint
            )
        )

    def extend(self, errors: Iterable[RuleError]) -> None:
        """Record problems found elsewhere."""
        self.errors.extend(errors)


def _check_keys(
    doc: LocDict, allowed: Iterable[str], what: str, problems: Problems, rule_id: str | None
) -> None:
    allowed = tuple(allowed)
    for key in doc:
        if key not in allowed:
            problems.add(
                RuleSyntaxError,
                f"unknown key {key!r} in {what}",
                doc.at(key),
                rule_id=rule_id,
                hint=_did_you_mean(key, allowed) or f"allowed: {', '.join(allowed)}",
            )


class _RuleParser:
    """Parses the rules of one file."""

    def __init__(self, pack: str, problems: Problems) -> None:
        self.pack = pack
        self.problems = problems
        self.rule_id: str | None = None

    def fail(
        self,
        message: str,
        loc: Loc,
        hint: str | None = None,
        kind: type[RuleError] = RuleSyntaxError,
    ) -> None:
        self.problems.add(kind, message, loc, rule_id=self.rule_id, hint=hint)

    # --- rules -------------------------------------------------------------------------

    def rule(self, doc: Any, loc: Loc) -> Rule | None:
        self.rule_id = None
        if not isinstance(doc, LocDict):
            self.fail("a rule must be a mapping with id, title, axis, when, then, source", loc)
            return None
        rule_id = doc.get("id")
        if not isinstance(rule_id, str) or not is_rule_id(rule_id):
            self.fail(f"rule id must be {RULE_ID_DESCRIPTION}, got {rule_id!r}", doc.at("id"))
            return None
        self.rule_id = rule_id
        _check_keys(doc, RULE_KEYS, "a rule", self.problems, rule_id)
        before = len(self.problems.errors)
        title = self._text(doc, "title", required=True)
        source = self._text(doc, "source", required=True)
        axis = self._axis(doc)
        when = self.condition(doc["when"], doc.at("when")) if "when" in doc else None
        if "when" not in doc:
            self.fail("a rule needs a 'when' condition", doc.loc)
        then = self.then(doc.get("then"), doc.at("then"), axis) if axis else None
        priority = doc.get("priority", 0)
        if not isinstance(priority, int) or isinstance(priority, bool):
            self.fail(f"priority must be an integer, got {priority!r}", doc.at("priority"))
        tags = doc.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            self.fail("tags must be a list of words", doc.at("tags"))
            tags = []
        enabled = doc.get("enabled", True)
        if not isinstance(enabled, bool):
            self.fail(f"enabled must be true or false, got {enabled!r}", doc.at("enabled"))
        if len(self.problems.errors) > before or axis is None or when is None or then is None:
            return None
        return Rule(
            id=rule_id,
            title=title or "",
            axis=axis,
            when=when,
            then=then,
            priority=priority,
            source=source or "",
            pack=self.pack,
            loc=doc.loc,
            tags=tuple(tags),
            enabled=enabled,
        )

    def _text(self, doc: LocDict, key: str, *, required: bool) -> str | None:
        value = doc.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(f"{key!r} must be a non-empty text", doc.at(key))
            return None
        return value.strip()

    def _axis(self, doc: LocDict) -> Axis | None:
        value = doc.get("axis")
        try:
            return Axis(str(value))
        except ValueError:
            self.fail(
                f"unknown axis {value!r}",
                doc.at("axis"),
                hint=_did_you_mean(str(value), Axis) or f"one of {', '.join(Axis)}",
            )
            return None

    # --- conditions --------------------------------------------------------------------

    def condition(self, doc: Any, loc: Loc) -> Condition | None:
        if not isinstance(doc, LocDict) or not doc:
            self.fail("a condition must be a non-empty mapping (all/any/not or fact: value)", loc)
            return None
        parts: list[Condition] = []
        for key, value in doc.items():
            part = self._condition_part(key, value, doc.at(key))
            if part is not None:
                parts.append(part)
        if len(parts) != len(doc):
            return None
        return parts[0] if len(parts) == 1 else AllOf(tuple(parts))

    def _condition_part(self, key: str, value: Any, loc: Loc) -> Condition | None:
        if key in ("all", "any"):
            if not isinstance(value, LocList) or not value:
                self.fail(f"{key!r} needs a non-empty list of conditions", loc)
                return None
            items = [
                self.condition(item, item_loc)
                for item, item_loc in zip(value, value.locs, strict=True)
            ]
            if any(item is None for item in items):
                return None
            checked = tuple(item for item in items if item is not None)
            return AllOf(checked) if key == "all" else AnyOf(checked)
        if key == "not":
            inner = self.condition(value, loc)
            return NotOf(inner) if inner is not None else None
        return self._tests(key, value, loc)

    def _tests(self, fact: str, value: Any, loc: Loc) -> Condition | None:
        if not isinstance(value, LocDict):
            operand = self._operand(value, loc, many=isinstance(value, list))
            if operand is None:
                return None
            op = Op.IN if isinstance(operand, tuple) else Op.EQ
            return FactTest(fact, op, operand, loc)
        tests: list[Condition] = []
        for op_name, operand in value.items():
            op_loc = value.at(op_name)
            test = self._test(fact, op_name, operand, op_loc)
            if test is None:
                return None
            tests.append(test)
        if not tests:
            self.fail(f"no operator given for fact {fact!r}", loc)
            return None
        return tests[0] if len(tests) == 1 else AllOf(tuple(tests))

    def _test(self, fact: str, op_name: str, operand: Any, loc: Loc) -> Condition | None:
        if op_name == "param":
            ref = self._operand({"param": operand}, loc, many=False)
            return FactTest(fact, Op.EQ, ref, loc) if ref is not None else None
        op = OPERATORS.get(op_name)
        if op is None:
            self.fail(
                f"unknown operator {op_name!r} for fact {fact!r}",
                loc,
                hint=_did_you_mean(op_name, OPERATORS) or f"operators: {', '.join(OPERATORS)}",
                kind=UnknownOperatorError,
            )
            return None
        if op is Op.EXISTS:
            if not isinstance(operand, bool):
                self.fail("'exists' takes true or false", loc)
                return None
            test = FactTest(fact, Op.EXISTS, True, loc)
            return test if operand else NotOf(test)
        if op is Op.COUNT_EQ and isinstance(operand, LocDict):
            return self._count(fact, operand, loc)
        many = op in (Op.IN, Op.NOT_IN, Op.HAS_ANY)
        value = self._operand(operand, loc, many=many)
        if value is None:
            return None
        if op is Op.COUNT_EQ and not (isinstance(value, int) and not isinstance(value, bool)):
            self.fail("'count' takes a whole number or {'>=': n}", loc)
            return None
        return FactTest(fact, op, value, loc)

    def _count(self, fact: str, doc: LocDict, loc: Loc) -> Condition | None:
        tests: list[Condition] = []
        for name, operand in doc.items():
            op = COUNT_OPERATORS.get(name)
            if op is None or not isinstance(operand, int) or isinstance(operand, bool):
                self.fail(
                    f"'count' takes {{'==', '>=', '<=': whole number}}, got {name!r}: {operand!r}",
                    doc.at(name),
                    kind=UnknownOperatorError if op is None else RuleSyntaxError,
                )
                return None
            tests.append(FactTest(fact, op, operand, doc.at(name)))
        if not tests:
            self.fail("'count' needs a comparison", loc)
            return None
        return tests[0] if len(tests) == 1 else AllOf(tuple(tests))

    def _operand(
        self, operand: Any, loc: Loc, *, many: bool
    ) -> Scalar | tuple[Scalar, ...] | ParamRef | None:
        if isinstance(operand, dict):
            name = operand.get("param")
            if len(operand) == 1 and isinstance(name, str):
                return ParamRef(name, loc)
            self.fail("a value must be a constant, a list, or {param: name}", loc)
            return None
        if many:
            if not isinstance(operand, list) or not operand:
                self.fail("this operator takes a non-empty list of constants", loc)
                return None
            if not all(_is_scalar(item) for item in operand):
                self.fail("list items must be constants (text, number, true/false)", loc)
                return None
            return tuple(operand)
        if not _is_scalar(operand):
            self.fail(f"expected a constant (text, number, true/false), got {operand!r}", loc)
            return None
        return operand  # type: ignore[no-any-return]

    # --- effects -----------------------------------------------------------------------

    def then(self, doc: Any, loc: Loc, axis: Axis) -> Then | None:
        if not isinstance(doc, LocDict) or not doc:
            self.fail(
                "'then' must be a mapping of effects (set, raise, review, actions, derive)", loc
            )
            return None
        _check_keys(doc, THEN_KEYS, "'then'", self.problems, self.rule_id)
        before = len(self.problems.errors)
        set_value = doc.get("set")
        reason = doc.get("reason")
        raise_level = doc.get("raise", False)
        if set_value is not None:
            allowed = SET_VALUES.get(axis)
            if allowed is None:
                self.fail(f"a {axis} rule cannot 'set' a value", doc.at("set"))
            elif set_value not in allowed:
                self.fail(
                    f"{set_value!r} is not a {axis} value",
                    doc.at("set"),
                    hint=_did_you_mean(str(set_value), allowed) or f"one of {', '.join(allowed)}",
                )
        if not isinstance(raise_level, bool) or (raise_level and axis is not Axis.SEVERITY):
            self.fail("'raise: true' is only for severity rules", doc.at("raise"))
        if (set_value is not None or raise_level) and not isinstance(reason, str):
            self.fail("an axis effect needs a 'reason' code", doc.loc)
        weight = self._weight(doc, axis, set_value)
        decisive = doc.get("decisive", False)
        if not isinstance(decisive, bool) or (decisive and set_value != Nature.MALICIOUS):
            self.fail(
                "'decisive: true' is only for nature rules that set malicious", doc.at("decisive")
            )
        department = doc.get("department")
        if department is not None and (
            axis is not Axis.RESPONSIBILITY or not isinstance(department, str)
        ):
            self.fail("'department' is a text, only for responsibility rules", doc.at("department"))
        review = doc.get("review")
        if review is not None and not isinstance(review, str):
            self.fail("'review' takes a reason code", doc.at("review"))
        actions = self._actions(doc.get("actions", []), doc.at("actions"))
        derive = self._derive(doc.get("derive"), doc.at("derive"), axis)
        has_effect = any(key in doc for key in ("set", "raise", "review", "actions", "derive"))
        if axis is Axis.DERIVE and not derive:
            self.fail("a derive rule needs 'derive: {fact: value}'", doc.loc)
        elif not has_effect:
            self.fail("'then' has no effect: give set, raise, review, actions or derive", doc.loc)
        if len(self.problems.errors) > before:
            return None
        return Then(
            set=set_value,
            reason=reason,
            weight=weight,
            decisive=decisive,
            department=department,
            raise_level=raise_level,
            review=review,
            actions=tuple(actions),
            derive=tuple(derive),
        )

    def _weight(self, doc: LocDict, axis: Axis, set_value: str | None) -> float | None:
        weight = doc.get("weight")
        if weight is None:
            return 1.0 if axis is Axis.NATURE and set_value is not None else None
        if (
            axis is not Axis.NATURE
            or isinstance(weight, bool)
            or not isinstance(weight, int | float)
        ):
            self.fail("'weight' is a number, only for nature rules", doc.at("weight"))
            return None
        if weight < 0:
            self.fail(
                "'weight' must not be negative; a 'set: normal' rule subtracts it", doc.at("weight")
            )
        return float(weight)

    def _actions(self, doc: Any, loc: Loc) -> list[ActionSpec]:
        if not isinstance(doc, list):
            self.fail("'actions' must be a list", loc)
            return []
        actions = []
        locs = doc.locs if isinstance(doc, LocList) else [loc] * len(doc)
        for item, item_loc in zip(doc, locs, strict=True):
            spec = self._action(item, item_loc)
            if spec is not None:
                actions.append(spec)
        return actions

    def _action(self, item: Any, loc: Loc) -> ActionSpec | None:
        if isinstance(item, str):
            item = {"code": item}
        if not isinstance(item, dict):
            self.fail("an action is a code or {code, deadline_days, working_days, note}", loc)
            return None
        code = item.get("code")
        if code not in ACTION_CODES:
            self.fail(
                f"unknown action {code!r}",
                loc,
                hint=_did_you_mean(str(code), ACTION_CODES) or f"one of {', '.join(ACTION_CODES)}",
            )
            return None
        unknown = set(item) - set(ACTION_KEYS)
        days = item.get("deadline_days")
        working = item.get("working_days", False)
        note = item.get("note")
        if (
            unknown
            or (
                days is not None
                and (not isinstance(days, int) or isinstance(days, bool) or days < 0)
            )
            or not isinstance(working, bool)
            or (note is not None and not isinstance(note, str))
        ):
            self.fail(
                "an action is {code, deadline_days: whole number, working_days: bool, note: text}",
                loc,
            )
            return None
        return ActionSpec(code=code, deadline_days=days, working_days=working, note=note)

    def _derive(self, doc: Any, loc: Loc, axis: Axis) -> list[tuple[str, Scalar]]:
        if doc is None:
            return []
        if axis is not Axis.DERIVE:
            self.fail("'derive' is only for rules with axis: derive", loc)
            return []
        if not isinstance(doc, LocDict) or not doc:
            self.fail("'derive' must map new fact names to constants", loc)
            return []
        derived = []
        for name, value in doc.items():
            if not is_fact_name(name):
                self.fail(
                    f"derived fact name {name!r} must be a lower-case identifier "
                    "not starting with '_'",
                    doc.at(name),
                )
            elif not _is_scalar(value):
                self.fail(f"derived fact {name!r} must be a constant", doc.at(name))
            else:
                derived.append((name, value))
        return derived


def _is_scalar(value: Any) -> bool:
    return isinstance(value, bool | int | float | str) and not isinstance(value, LocDict | LocList)


def _root_mapping(doc: Any, file: str, what: str, problems: Problems) -> LocDict | None:
    if not isinstance(doc, LocDict):
        problems.add(RuleSyntaxError, f"a {what} must be a YAML mapping", Loc(file, 1, 1))
        return None
    return doc


def parse_rules(
    doc: Any, file: str, pack: str, problems: Problems, *, standalone: bool = True
) -> list[Rule]:
    """The rules of one rule document (``rules: [...]``).

    ``standalone`` documents are rule files and hold only ``rules`` and ``description``;
    otherwise the document is a whole pack held as text, checked by `parse_manifest`.
    """
    root = _root_mapping(doc, file, "rule file", problems)
    if root is None:
        return []
    if standalone:
        _check_keys(root, ("rules", "description"), "a rule file", problems, None)
    items = root.get("rules")
    if not isinstance(items, LocList):
        problems.add(
            RuleSyntaxError, "a rule file needs 'rules:', a list of rules", root.at("rules")
        )
        return []
    parser = _RuleParser(pack, problems)
    rules = [parser.rule(item, loc) for item, loc in zip(items, items.locs, strict=True)]
    return [rule for rule in rules if rule is not None]


def parse_manifest(
    doc: Any, file: str, problems: Problems, *, default_name: str
) -> Manifest | None:
    """A pack manifest (``pack.yaml``, or the head of a rule set held as text)."""
    root = _root_mapping(doc, file, "manifest", problems)
    if root is None:
        return None
    _check_keys(root, MANIFEST_KEYS, "a manifest", problems, None)
    before = len(problems.errors)
    name = root.get("name", default_name)
    if not isinstance(name, str) or not is_pack_name(name):
        problems.add(RuleSyntaxError, f"pack name must be a word, got {name!r}", root.at("name"))
    version = root.get("version", "0")
    if isinstance(version, bool) or not isinstance(version, str | int | float):
        problems.add(
            RuleSyntaxError,
            f"version must be a text or number, got {version!r}",
            root.at("version"),
        )
    description = root.get("description", "")
    if not isinstance(description, str):
        problems.add(RuleSyntaxError, "description must be a text", root.at("description"))
    extends = root.get("extends", [])
    if isinstance(extends, str):
        extends = [extends]
    if not isinstance(extends, list) or not all(isinstance(e, str) for e in extends):
        problems.add(RuleSyntaxError, "'extends' must list pack names", root.at("extends"))
        extends = []
    policy = _policy(root.get("policy"), root.at("policy"), problems)
    parameters = _parameters(root.get("parameters"), root.at("parameters"), problems)
    labels = _labels(root.get("labels"), root.at("labels"), problems)
    if len(problems.errors) > before:
        return None
    return Manifest(
        name=str(name),
        version=str(version),
        description=description,
        extends=tuple(extends),
        policy=policy,
        parameters=parameters,
        loc=root.loc,
        labels=labels,
    )


def _policy(doc: Any, loc: Loc, problems: Problems) -> dict[str, Scalar]:
    if doc is None:
        return {}
    if not isinstance(doc, LocDict):
        problems.add(RuleSyntaxError, "'policy' must be a mapping", loc)
        return {}
    _check_keys(doc, POLICY_KEYS, "'policy'", problems, None)
    policy: dict[str, Scalar] = {}
    for key, value in doc.items():
        if key == "nature_threshold":
            if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                problems.add(
                    RuleSyntaxError, "nature_threshold must be a positive number", doc.at(key)
                )
                continue
            policy[key] = float(value)
        elif key in POLICY_CHOICES:
            if value not in POLICY_CHOICES[key]:
                problems.add(
                    RuleSyntaxError,
                    f"{key} must be one of {', '.join(POLICY_CHOICES[key])}, got {value!r}",
                    doc.at(key),
                )
                continue
            policy[key] = str(value)
    return policy


def _parameters(doc: Any, loc: Loc, problems: Problems) -> dict[str, Decimal]:
    if doc is None:
        return {}
    if not isinstance(doc, LocDict):
        problems.add(RuleSyntaxError, "'parameters' must map names to numbers", loc)
        return {}
    parameters: dict[str, Decimal] = {}
    for key, value in doc.items():
        number = _number(value)
        if number is None:
            problems.add(RuleSyntaxError, f"parameter {key!r} must be a number", doc.at(key))
        else:
            parameters[key] = number
    return parameters


def _labels(doc: Any, loc: Loc, problems: Problems) -> dict[str, str]:
    if doc is None:
        return {}
    if not isinstance(doc, LocDict):
        problems.add(RuleSyntaxError, "'labels' must map reason codes to texts", loc)
        return {}
    labels: dict[str, str] = {}
    for code, text in doc.items():
        if not is_fact_name(code):
            problems.add(
                RuleSyntaxError,
                f"reason code {code!r} must be a lower-case identifier",
                doc.at(code),
            )
        elif not isinstance(text, str) or not text.strip():
            problems.add(
                RuleSyntaxError, f"label of {code!r} must be a non-empty text", doc.at(code)
            )
        else:
            labels[code] = text.strip()
    return labels


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


_EXPECT_VALUES: dict[str, tuple[object, ...]] = {
    **{str(axis): values for axis, values in SET_VALUES.items()},
    "needs_review": (True, False),
}


def parse_cases(doc: Any, file: str, pack: str, problems: Problems) -> list[CaseSpec]:
    """The test cases of one case document (``cases: [...]``)."""
    root = _root_mapping(doc, file, "case file", problems)
    if root is None:
        return []
    items = root.get("cases")
    if not isinstance(items, LocList):
        problems.add(RuleSyntaxError, "a case file needs 'cases:', a list", root.at("cases"))
        return []
    cases = []
    for item, loc in zip(items, items.locs, strict=True):
        case = _case(item, loc, pack, problems)
        if case is not None:
            cases.append(case)
    return cases


def _case(item: Any, loc: Loc, pack: str, problems: Problems) -> CaseSpec | None:
    if not isinstance(item, LocDict) or not isinstance(item.get("id"), str):
        problems.add(RuleSyntaxError, "a case is a mapping with an 'id'", loc)
        return None
    before = len(problems.errors)
    _check_keys(item, CASE_KEYS, "a case", problems, None)
    complaint: dict[str, object] = dict(item.get("complaint") or {})
    if "text" in item:
        complaint["text"] = item["text"]
    complaint.setdefault("id", item["id"])
    complaint.setdefault("received_at", item.get("received_at", "2026-06-01T10:00:00+08:00"))
    if "text" not in complaint:
        problems.add(RuleSyntaxError, "a case needs 'text' or 'complaint'", loc)
    lists = {}
    for key in ("fires", "not_fires"):
        value = item.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problems.add(RuleSyntaxError, f"'{key}' lists rule ids", item.at(key))
            value = []
        lists[key] = tuple(value)
    expect = item.get("expect")
    if expect is None:
        expect = {}
    elif not isinstance(expect, LocDict):
        problems.add(RuleSyntaxError, "'expect' maps axes to values", item.at("expect"))
        expect = {}
    else:
        _check_keys(expect, EXPECT_KEYS, "'expect'", problems, None)
        for key, value in expect.items():
            allowed = _EXPECT_VALUES.get(key)
            if allowed is not None and value not in allowed:
                problems.add(
                    RuleSyntaxError,
                    f"expected {key} {value!r} is not one of {', '.join(map(str, allowed))}",
                    expect.at(key),
                )
    if not (lists["fires"] or lists["not_fires"] or expect):
        problems.add(
            RuleSyntaxError, "a case must expect something: fires, not_fires or expect", loc
        )
    if len(problems.errors) > before:
        return None
    return CaseSpec(
        id=item["id"],
        pack=pack,
        complaint=complaint,
        fires=lists["fires"],
        not_fires=lists["not_fires"],
        expect=dict(expect),
        loc=item.loc,
    )
