"""The Engine: rule packs compiled onto durable_rules, deciding complaints without I/O."""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple, TypedDict, TypeVar, Unpack

from pydantic import BaseModel

from triage.compile.network import Network, build_network
from triage.engine.batch import decide_batch, default_workers
from triage.engine.cache import RuleSetCache, paths_key, text_key
from triage.engine.durable import DurableRuleset
from triage.engine.gates import Gate
from triage.errors import EngineError, RecordError
from triage.facts import Analyser
from triage.facts.vocabulary import FactSpec
from triage.logs import get_logger
from triage.records.complaint import Complaint
from triage.records.decision import (
    Action,
    Axis,
    Confidence,
    Decision,
    FactValue,
    Malice,
    Nature,
    Reasons,
    Responsibility,
    Severity,
    Span,
    Validity,
)
from triage.records.parsing import check_as_of, parse_complaint
from triage.resolution.malice import malice_of
from triage.resolution.resolve import Resolution, resolve
from triage.resolution.trace import CompactTrace, TraceBuilder, unchecked_model
from triage.rulepack.loader import RuleSet, bundled_rules_dir, load_packs, load_text
from triage.rulepack.spec import Rule
from triage.text import TextFeatures

__all__ = [
    "MAX_TEXT_LENGTH",
    "TEXT_TRUNCATED",
    "DecisionHook",
    "Engine",
    "EngineOptions",
    "RuleInfo",
]

_AXIS_ORDER = {axis: index for index, axis in enumerate(Axis)}
_DECISION_FIELDS = frozenset(Decision.model_fields)
_RULESETS = RuleSetCache()
"""Rule sets loaded by this process, by content (see triage.engine.cache)."""

MAX_TEXT_LENGTH = 50_000
"""Characters of a complaint's text that are analysed: 25 times the longest real complaint.

A longer text is decided on its first ``MAX_TEXT_LENGTH`` characters, and the decision
needs review with the reason `TEXT_TRUNCATED`; so one decision costs at most about
half a second and a few tens of MB, whatever is sent (benchmarks/bounded.py).
"""
TEXT_TRUNCATED = "text_truncated"
"""Review reason of a decision made on the first `MAX_TEXT_LENGTH` characters only."""
_LOG = get_logger("engine")

DecisionHook = Callable[[Decision, float], None]
"""Called with each decision and the seconds it took: count decisions for metrics."""


class EngineOptions(TypedDict, total=False):
    """How an engine reports on its decisions (keyword arguments of every constructor)."""

    on_decision: DecisionHook | None
    """Called after each decision, on the deciding thread, outside the engine's lock;
    what it raises reaches the caller of ``decide``. Default: none."""
    slow_decision: float | None
    """Seconds after which a decision is logged as slow (WARNING on ``triage.engine``);
    None never logs. Default: 0.5."""


@dataclass(frozen=True)
class RuleInfo:
    """What an engine tells about one of its rules."""

    id: str
    title: str
    axis: Axis
    pack: str
    file: str
    line: int
    source: str
    priority: int
    enabled: bool
    tags: tuple[str, ...]


class Analysed(NamedTuple):
    """A complaint after the first stage of its decision: its text analysed.

    Deciding many complaints, the engine analyses a chunk of them, then runs the rule
    stage on each (`triage.engine.batch`): each stage then finds its own tables and code
    still in the processor's caches from the complaint before, where one decision after
    another alternates between the two (about a tenth faster on real complaints).
    """

    complaint_id: str
    features: TextFeatures
    as_of: datetime | None
    truncated: bool


class DecisionParts(NamedTuple):
    """A decision before its trace is built: its resolution and a compact trace.

    `Engine._assemble` builds the Decision. Workers send these back instead of Decisions
    (`triage.engine.batch`): they pickle as plain values (strings, numbers, enum members,
    tuples, dicts), at a fraction of the cost of about fifty models, and the firings' rule
    texts come from the receiving engine. The records are made again from those values
    without a second validation: they were validated where they were decided.
    """

    complaint_id: str
    result: Resolution
    confidence: Confidence
    malice: Malice | None
    trace: CompactTrace
    as_of: datetime | None
    truncated: bool

    def __reduce__(self) -> tuple[Callable[..., DecisionParts], tuple[Any, ...]]:
        result = self.result
        return _parts, (
            self.complaint_id,
            (result.validity, result.nature, result.severity),
            _plain(result.responsibility),
            result.nature_score,
            result.needs_review,
            result.review_reasons,
            _plain(result.reasons),
            result.defaults,
            tuple(_plain(action) for action in result.actions),
            _plain(self.confidence),
            self.malice,
            self.trace,
            self.as_of,
            self.truncated,
        )


_Plain = tuple[dict[str, Any], tuple[str, ...]]
"""A record as plain values: its fields' values by name, and the names of the fields set."""


def _plain(record: BaseModel) -> _Plain:
    """A record's field values (enums as members) and the names of the fields set."""
    return dict(record.__dict__), tuple(record.__pydantic_fields_set__)


_M = TypeVar("_M", bound=BaseModel)


def _record(model: type[_M], plain: _Plain) -> _M:
    """The ``model`` whose `_plain` values these are, not validated again: the values are
    those of a record validated in the process that sent them."""
    values, fields_set = plain
    return unchecked_model(model, values, {*fields_set})


def _parts(
    complaint_id: str,
    axes: tuple[Validity, Nature, Severity],
    responsibility: _Plain,
    nature_score: float,
    needs_review: bool,
    review_reasons: tuple[str, ...],
    reasons: _Plain,
    defaults: tuple[Axis, ...],
    actions: tuple[_Plain, ...],
    confidence: _Plain,
    malice: Malice | None,
    trace: CompactTrace,
    as_of: datetime | None,
    truncated: bool,
) -> DecisionParts:
    """DecisionParts from the plain values of its ``__reduce__``."""
    validity, nature, severity = axes
    result = Resolution(
        validity=validity,
        nature=nature,
        severity=severity,
        responsibility=_record(Responsibility, responsibility),
        nature_score=nature_score,
        needs_review=needs_review,
        review_reasons=review_reasons,
        reasons=_record(Reasons, reasons),
        defaults=defaults,
        actions=tuple(_record(Action, action) for action in actions),
    )
    return DecisionParts(
        complaint_id,
        result,
        _record(Confidence, confidence),
        malice,
        trace,
        as_of,
        truncated,
    )


def _close_all(
    rulesets: list[DurableRuleset], overflow: Mapping[int, DurableRuleset] | None = None
) -> None:
    for ruleset in [*rulesets, *(overflow or {}).values()]:
        ruleset.close()


class Engine:
    """Decides complaints with one rule set. Thread-safe; close it (or use ``with``) when done.

    Build it with [`from_paths`][triage.Engine.from_paths], [`from_text`][triage.Engine.from_text]
    or [`default`][triage.Engine.default]. Building loads
    and checks the rules, compiles them onto durable_rules and prepares text analysis;
    deciding reads no file, clock, network or environment. Rules this process has already
    loaded with the same content are reused, not parsed again (`triage.engine.cache`).
    """

    def __init__(self, ruleset: RuleSet, **options: Unpack[EngineOptions]) -> None:
        self._ruleset = ruleset
        self._on_decision = options.get("on_decision")
        self._slow_decision = options.get("slow_decision", 0.5)
        _LOG.info(
            "rule set %s loaded: %d rules, %d lexicons, packs %s",
            ruleset.version,
            len(ruleset.rules),
            len(ruleset.lexicons),
            ", ".join(pack.name for pack in ruleset.packs),
        )
        started = time.perf_counter()
        self._analyser = Analyser(
            ruleset.lexicons,
            {key: float(value) for key, value in ruleset.parameters.items()},
            patterns=ruleset.patterns,
            conditions=ruleset.conditions,
        )
        self._network: Network = build_network(
            ruleset.rules, ruleset.checked.strata, ruleset.vocabulary
        )
        self._explainer = TraceBuilder(ruleset.rules)
        self._confidences: dict[tuple[str, str, str, str, tuple[Axis, ...]], Confidence] = {}
        """The confidence of each outcome (its four values and defaults), read once: a
        frozen record, the same for every decision with that outcome (a few hundred at
        most: the combinations of the axes' values and defaults)."""
        # Each pass is sent only the facts its rules read: a smaller document to match;
        # a pass none of whose rules can be true is not sent at all.
        self._reads = tuple(
            frozenset(name for rule in compiled.rules.values() for name in rule.facts())
            for compiled in self._network.passes
        )
        self._gates = tuple(Gate(compiled.rules.values()) for compiled in self._network.passes)
        rulesets: list[DurableRuleset] = []
        try:
            rulesets.extend(
                DurableRuleset(compiled.definition) for compiled in self._network.passes
            )
        except BaseException:
            _close_all(rulesets)
            raise
        self._rulesets = rulesets
        self._overflow: dict[int, DurableRuleset] = {}
        """Pass index → its overflow version, created for the first fact too large for the
        pass (see `triage.compile.network.Pass.overflow`)."""
        _LOG.info(
            "rule set %s compiled: %d passes, engine ready in %.1f ms",
            ruleset.version,
            len(rulesets),
            (time.perf_counter() - started) * 1000,
        )
        self._lock = threading.Lock()
        self._finalizer = weakref.finalize(self, _close_all, rulesets, self._overflow)

    # --- construction ------------------------------------------------------------------

    @classmethod
    def from_paths(
        cls,
        *paths: str | Path,
        parameters: Mapping[str, float | Decimal] | None = None,
        **options: Unpack[EngineOptions],
    ) -> Engine:
        """An engine from rule pack folders (or folders of packs) and the packs they extend.

        ``parameters`` replaces pack parameters by name (a what-if without editing files).
        """
        ruleset = _RULESETS.get(
            paths_key(paths, parameters), lambda: load_packs(*paths, parameters=parameters)
        )
        return cls(ruleset, **options)

    @classmethod
    def from_text(
        cls,
        yaml_text: str,
        *,
        lexicons: Mapping[str, Iterable[str]] | None = None,
        parameters: Mapping[str, float | Decimal] | None = None,
        file: str = "<text>",
        **options: Unpack[EngineOptions],
    ) -> Engine:
        """An engine from a rule set held as YAML text (``extends`` finds bundled packs).

        ``file`` names the text in error messages and traces.
        """
        terms = {name: tuple(words) for name, words in (lexicons or {}).items()}
        ruleset = _RULESETS.get(
            text_key(yaml_text, terms, parameters, file),
            lambda: load_text(yaml_text, lexicons=terms, parameters=parameters, file=file),
        )
        return cls(ruleset, **options)

    @classmethod
    def default(
        cls,
        *,
        parameters: Mapping[str, float | Decimal] | None = None,
        **options: Unpack[EngineOptions],
    ) -> Engine:
        """An engine with every rule pack bundled with triage."""
        return cls.from_paths(bundled_rules_dir(), parameters=parameters, **options)

    # --- introspection -----------------------------------------------------------------

    @property
    def ruleset_version(self) -> str:
        """Content hash of the rules, lexicons, parameters and policy in use."""
        return self._ruleset.version

    @property
    def ruleset(self) -> RuleSet:
        """The loaded and checked rule set."""
        return self._ruleset

    @property
    def rules(self) -> tuple[RuleInfo, ...]:
        """Every rule of the engine, enabled or not, with where it is written."""
        return tuple(
            RuleInfo(
                id=rule.id,
                title=rule.title,
                axis=rule.axis,
                pack=rule.pack,
                file=rule.loc.file,
                line=rule.loc.line,
                source=rule.source,
                priority=rule.priority,
                enabled=rule.enabled,
                tags=rule.tags,
            )
            for rule in self._ruleset.rules
        )

    def facts(self) -> tuple[FactSpec, ...]:
        """The fact vocabulary the rules may use, derived facts included."""
        return tuple(self._ruleset.vocabulary.values())

    # --- deciding ----------------------------------------------------------------------

    def analyse(
        self, text_or_complaint: str | Complaint, *, as_of: datetime | None = None
    ) -> TextFeatures:
        """What the rules will see: normalised text, lexicon hits, amounts and flat facts."""
        return self._analyser.analyse(text_or_complaint, as_of=check_as_of(as_of))

    def decide(
        self, complaint: Complaint | Mapping[str, Any], *, as_of: datetime | None = None
    ) -> Decision:
        """Triage one complaint. ``as_of`` (aware) defaults to the complaint's received_at.

        A text over `MAX_TEXT_LENGTH` characters is decided on its prefix of that
        length, and the decision needs review (reason `TEXT_TRUNCATED`).
        """
        decision, seconds = self._decide_timed(complaint, as_of=as_of)
        self._report(decision, seconds)
        return decision

    def _decide_timed(
        self, complaint: Complaint | Mapping[str, Any], *, as_of: datetime | None = None
    ) -> tuple[Decision, float]:
        """The decision and the seconds it took, not yet reported."""
        started = time.perf_counter()
        parts = self._decide_parts(complaint, as_of=as_of)
        return self._assemble(parts), time.perf_counter() - started

    def _decide_parts(
        self, complaint: Complaint | Mapping[str, Any], *, as_of: datetime | None = None
    ) -> DecisionParts:
        """Everything the decision holds, as `_assemble` takes it (see `DecisionParts`)."""
        return self._rule_stage(self._text_stage(complaint, as_of=as_of))

    def _text_stage(
        self, complaint: Complaint | Mapping[str, Any], *, as_of: datetime | None = None
    ) -> Analysed:
        """The first stage of a decision: the record checked and its text analysed."""
        if not isinstance(complaint, Complaint):
            complaint = parse_complaint(complaint)
        moment = _moment(as_of, complaint)
        truncated = len(complaint.text) > MAX_TEXT_LENGTH
        analysed = (
            complaint.model_copy(update={"text": complaint.text[:MAX_TEXT_LENGTH]})
            if truncated
            else complaint
        )
        features = self._analyser.analyse(analysed, as_of=moment)
        return Analysed(complaint.id, features, moment, truncated)

    def _rule_stage(self, analysed: Analysed) -> DecisionParts:
        """The second stage: the rule passes, resolution and the compact trace."""
        features = analysed.features
        return self._decide_facts(
            dict(features.facts),
            features.spans,
            analysed.complaint_id,
            analysed.as_of,
            truncated=analysed.truncated,
        )

    def _report(self, decision: Decision, seconds: float) -> None:
        """Log a slow decision and a trimmed trace, then pass the decision to ``on_decision``."""
        omitted = sum(
            sum(firing.spans_omitted.values())
            for firing in decision.trace
            if firing.spans_omitted  # most firings leave nothing out: skip their empty map
        )
        if omitted:
            _LOG.info(
                "complaint %s: %d text spans left out of the trace (Firing.spans_omitted)",
                decision.complaint_id,
                omitted,
            )
        if self._slow_decision is not None and seconds > self._slow_decision:
            _LOG.warning(
                "slow decision: complaint %s took %.0f ms (over %.0f ms)",
                decision.complaint_id,
                seconds * 1000,
                self._slow_decision * 1000,
            )
        if self._on_decision is not None:
            self._on_decision(decision, seconds)

    def _decide_facts(
        self,
        facts: dict[str, FactValue],
        spans: Mapping[str, Sequence[Span]],
        complaint_id: str,
        moment: datetime | None,
        *,
        truncated: bool = False,
    ) -> DecisionParts:
        """The rule stage: run the passes on ready facts, resolve, explain (compactly)."""
        fired = self._run(facts)
        result = resolve(fired, self._ruleset.policy)
        ordered = sorted(
            fired,
            key=lambda r: (r.axis is not Axis.DERIVE, _AXIS_ORDER[r.axis], -r.priority, r.id),
        )
        return DecisionParts(
            complaint_id,
            result,
            self._confidence(result),
            malice_of(facts, spans, fired) if result.nature is Nature.MALICIOUS else None,
            self._explainer.compact(ordered, facts, spans),
            moment,
            truncated,
        )

    def _assemble(self, parts: DecisionParts) -> Decision:
        """The Decision of ``parts``, decided by this engine or by a copy of it in a worker.

        Every value is already of its field's type (the resolution's records were
        validated when made), so the Decision is not validated again: what
        ``Decision(...)`` would make, as `tests/engine/test_fast_decisions.py` checks.
        """
        result, truncated = parts.result, parts.truncated
        review_reasons = (*result.review_reasons, TEXT_TRUNCATED) if truncated else ()
        values = {
            "complaint_id": parts.complaint_id,
            "validity": result.validity,
            "nature": result.nature,
            "severity": result.severity,
            "responsibility": result.responsibility,
            "needs_review": result.needs_review or truncated,
            "review_reasons": review_reasons or result.review_reasons,
            "reasons": result.reasons,
            "nature_score": float(result.nature_score),
            "defaults": result.defaults,
            "actions": result.actions,
            "confidence": parts.confidence,
            "malice": parts.malice,
            "trace": self._explainer.build(parts.trace),
            "ruleset_version": self._ruleset.version,
            "as_of": parts.as_of,
        }
        return unchecked_model(Decision, values, set(_DECISION_FIELDS))

    def _confidence(self, result: Resolution) -> Confidence:
        key = (
            result.validity.value,
            result.nature.value,
            result.severity.value,
            result.responsibility.party.value,
            result.defaults,
        )
        confidence = self._confidences.get(key)
        if confidence is None:
            confidence = self._confidences[key] = self._read_confidence(*key)
        return confidence

    def _read_confidence(
        self, validity: str, nature: str, severity: str, party: str, defaults: tuple[Axis, ...]
    ) -> Confidence:
        calibration = self._ruleset.calibration
        if calibration is None:
            return Confidence()
        values = {
            Axis.VALIDITY: validity,
            Axis.NATURE: nature,
            Axis.SEVERITY: severity,
            Axis.RESPONSIBILITY: party,
        }
        return calibration.confidence(values, defaults)

    def decide_many(
        self,
        complaints: Iterable[Complaint | Mapping[str, Any]],
        *,
        as_of: datetime | None = None,
        workers: int = 1,
    ) -> Iterator[Decision]:
        """Triage complaints lazily, in order; on ``workers`` processes when more than one.

        The first invalid record raises its [`RecordError`][triage.errors.RecordError] where it
        stands, as one by one; `decide_batch` reports it and goes on.
        """
        for outcome in self.decide_batch(complaints, as_of=as_of, workers=workers):
            if isinstance(outcome, RecordError):
                raise outcome
            yield outcome

    def decide_batch(
        self,
        complaints: Iterable[Complaint | Mapping[str, Any]],
        *,
        as_of: datetime | None = None,
        workers: int | None = None,
    ) -> Iterator[Decision | RecordError]:
        """Triage complaints on ``workers`` processes (default: every core), in input order.

        Each item gives its Decision, or the RecordError of an invalid record in its place;
        the batch goes on. Complaints stream: a bounded number is in flight at any time.
        This process decides too, beside ``workers - 1`` helper processes, forked from it on
        Linux (sharing this engine as built) and spawned with a pickled engine elsewhere.
        The ``on_decision`` hook and slow-decision log run here, in order. Results equal
        [`decide`][triage.Engine.decide] one by one.
        """
        check_as_of(as_of)
        return decide_batch(
            self,
            complaints,
            workers=default_workers() if workers is None else workers,
            as_of=as_of,
            report=self._report,
        )

    def _run(self, facts: dict[str, FactValue]) -> list[Rule]:
        """Run the passes; derived facts of one pass are facts of the next."""
        fired: list[Rule] = []
        with self._lock:
            if not self._finalizer.alive:
                raise EngineError("the engine is closed")
            for index, (compiled, ruleset, reads, gate) in enumerate(
                zip(self._network.passes, self._rulesets, self._reads, self._gates, strict=True)
            ):
                if not gate.open(facts):
                    continue
                encoded = compiled.encode(facts, reads)
                if not compiled.fits(encoded) and compiled.overflow is not None:
                    compiled, ruleset = compiled.overflow, self._overflow_ruleset(index)
                    encoded = compiled.encode(facts, reads)
                names = dict.fromkeys(ruleset.fire(encoded))
                rules = [compiled.rules[name] for name in names if name in compiled.rules]
                fired.extend(rules)
                for rule in sorted(rules, key=lambda r: (r.priority, r.id)):
                    facts.update(rule.then.derive)
        return fired

    def _overflow_ruleset(self, index: int) -> DurableRuleset:
        """The overflow version of pass ``index`` in durable_rules (created on first use)."""
        ruleset = self._overflow.get(index)
        if ruleset is None:
            overflow = self._network.passes[index].overflow
            if overflow is None:
                raise EngineError(f"pass {index} has no overflow version")
            ruleset = self._overflow[index] = DurableRuleset(overflow.definition)
        return ruleset

    # --- lifecycle ---------------------------------------------------------------------

    def close(self) -> None:
        """Free the compiled rules in durable_rules. Deciding afterwards raises EngineError."""
        with self._lock:
            self._finalizer()

    @property
    def closed(self) -> bool:
        """Whether [`close`][triage.Engine.close] was called."""
        return not self._finalizer.alive

    def __enter__(self) -> Engine:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self.closed else f"{len(self._ruleset.rules)} rules"
        return f"<Engine {self._ruleset.version} ({state})>"

    # --- processes ---------------------------------------------------------------------

    def __reduce__(self) -> tuple[Callable[..., Engine], tuple[RuleSet, float | None]]:
        """Pickle by rule set and slow-decision threshold; unpickling builds a new engine.

        The rule set travels as data (rules, lexicons, parameters, policy), so the worker
        needs no rule files. The ``on_decision`` hook stays with the process that set it.
        """
        if self.closed:
            raise EngineError("a closed engine cannot be pickled")
        return _rebuilt, (self._ruleset, self._slow_decision)

    def _adopt_in_worker(self) -> None:
        """Make a copy forked into a worker usable: a fresh lock, reporting left to the parent."""
        self._lock = threading.Lock()
        self._on_decision = None
        self._slow_decision = None


def _rebuilt(ruleset: RuleSet, slow_decision: float | None) -> Engine:
    return Engine(ruleset, slow_decision=slow_decision)


def _moment(as_of: datetime | None, complaint: Complaint) -> datetime | None:
    """The decision's moment: ``as_of``, else the complaint's received_at (None when the
    record gives no date and no ``as_of`` is asked for)."""
    return check_as_of(as_of) or complaint.received_at
