"""Engine benchmark: throughput against bare durable_rules, memory, and load time.

Run: ``python benchmarks/engine.py`` (``--quick`` for a short run). Every figure is
measured in the same run as its baseline and reported as a ratio; nothing here is a test.

1. Rule stage, decisions per second with 10, 100 and 500 rules: ``Engine`` deciding from
   ready facts (passes, resolution, trace) against bare durable_rules — a ``durable``
   ``Host`` with the same conditions, asserting and retracting the same fact dicts, one
   action per rule recording its name. Goal: engine/baseline time under 1.5.
2. Whole decisions per second (text analysis included), for reference.
3. Resident memory after N decisions minus after 1,000 (goal: under 10 MB for 200,000).
4. Load and compile time of 1,000 rules (goal: under 0.5 s), beside durable_rules'
   own ruleset creation for the same definitions: cold (parsing every rule), and again
   with the rule set found by content in the engine's cache (``cached_load_and_compile``,
   what a second ``Engine.from_text`` of the same rules costs, hashing included).
"""

from __future__ import annotations

import argparse
import copy
import gc
import json
import resource
import statistics
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from durable import engine as durable_engine

from triage import Complaint, Engine
from triage.compile.network import build_network
from triage.engine.cache import RuleSetCache, text_key
from triage.engine.durable import DurableRuleset
from triage.rulepack.loader import load_text
from triage.testing import SYNTHETIC_LEXICONS, synthetic_rules

RECEIVED = datetime(2026, 6, 1, 10, tzinfo=UTC)


def _texts(count: int) -> list[str]:
    """Complaint-like texts that mention a few synthetic lexicon terms each."""
    names = sorted(SYNTHETIC_LEXICONS)
    texts = []
    for index in range(count):
        terms = [
            SYNTHETIC_LEXICONS[names[(index * 7 + k * 13) % len(names)]][k % 2] for k in range(4)
        ]
        texts.append(
            f"我在你们店买的东西出了问题，{terms[0]}，{terms[1]}。花了{300 + index % 9 * 700}元，"
            f"要求赔偿{1000 + index % 5 * 9000}元，不处理就{terms[2]}。"
            f"这是第{index % 3 + 1}次投诉，{terms[3]}。"
        )
    return texts


def _complaints(count: int) -> list[Complaint]:
    return [
        Complaint(id=f"b{index}", text=text, received_at=RECEIVED)
        for index, text in enumerate(_texts(count))
    ]


def _best(run: Callable[[], None], repeats: int) -> float:
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        timings.append(time.perf_counter() - started)
    return min(timings)


def _baseline_host(definitions: Sequence[dict[str, Any]]) -> tuple[Any, list[str]]:
    """A bare durable_rules Host with the same conditions and a recording action per rule."""
    fired: list[str] = []

    def recorder(name: str) -> Callable[[Any], None]:
        # one parameter: durable_rules runs two-parameter actions asynchronously
        return lambda closure: fired.append(name)

    rulesets: dict[str, Any] = {}
    for index, definition in enumerate(definitions):
        spec = copy.deepcopy(dict(definition))
        for name, rule in spec.items():
            rule["run"] = recorder(name)
        rulesets[f"baseline{index}"] = spec
    return durable_engine.Host(rulesets), fired


def rule_stage(rule_count: int, decisions: int, repeats: int) -> dict[str, float]:
    """Engine rule stage vs bare durable_rules on the same facts and conditions."""
    with Engine.from_text(synthetic_rules(rule_count), lexicons=SYNTHETIC_LEXICONS) as engine:
        facts = [dict(engine.analyse(c).facts) for c in _complaints(decisions)]
        network = build_network(
            engine.ruleset.rules, engine.ruleset.checked.strata, engine.ruleset.vocabulary
        )
        # One session per decision, as the engine does: reusing one session id races the
        # Host's timer thread and fails now and then with durable_rules error 307.
        encoded = [
            [dict(p.encode(f), sid=str(n), id="c") for p in network.passes]
            for n, f in enumerate(facts)
        ]
        host, fired = _baseline_host([p.definition for p in network.passes])

        def baseline() -> None:
            for per_pass in encoded:
                for index, fact in enumerate(per_pass):
                    name = f"baseline{index}"
                    host.assert_fact(name, fact)
                    host.retract_fact(name, fact)
                    host.delete_state(name, fact["sid"])

        def ours() -> None:
            for fact_dict in facts:
                engine._decide_facts(dict(fact_dict), {}, "b", RECEIVED)

        baseline_time = _best(baseline, repeats)
        ours_time = _best(ours, repeats)
    return {
        "rules": rule_count,
        "firings_per_decision": len(fired) / max(1, repeats * decisions),
        "baseline_per_s": decisions / baseline_time,
        "engine_per_s": decisions / ours_time,
        "ratio": ours_time / baseline_time,
    }


def whole_decisions(rule_count: int, decisions: int) -> dict[str, float]:
    """Whole decisions per second, text analysis included."""
    complaints = _complaints(decisions)
    with Engine.from_text(synthetic_rules(rule_count), lexicons=SYNTHETIC_LEXICONS) as engine:
        engine.decide(complaints[0])
        started = time.perf_counter()
        for complaint in complaints:
            engine.decide(complaint)
        elapsed = time.perf_counter() - started
    return {"rules": rule_count, "per_s": decisions / elapsed}


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as file:
        pages = int(file.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def memory(decisions: int) -> dict[str, float]:
    """Resident memory after ``decisions`` minus after 1,000, on one engine."""
    complaints = _complaints(200)
    with Engine.from_text(synthetic_rules(100), lexicons=SYNTHETIC_LEXICONS) as engine:
        for index in range(1000):
            engine.decide(complaints[index % len(complaints)])
        gc.collect()
        after_warmup = _rss_mb()
        for index in range(decisions - 1000):
            engine.decide(complaints[index % len(complaints)])
        gc.collect()
        after_all = _rss_mb()
    return {
        "decisions": decisions,
        "rss_1000_mb": after_warmup,
        "growth_mb": after_all - after_warmup,
    }


def load_time(rule_count: int, repeats: int) -> dict[str, float]:
    """Load and compile ``rule_count`` rules, beside durable_rules' own ruleset creation."""
    text = synthetic_rules(rule_count)
    timings: dict[str, list[float]] = {"load": [], "compile": [], "durable": [], "analyser": []}
    for _ in range(repeats):
        started = time.perf_counter()
        ruleset = load_text(text, lexicons=SYNTHETIC_LEXICONS)
        loaded = time.perf_counter()
        network = build_network(ruleset.rules, ruleset.checked.strata, ruleset.vocabulary)
        compiled = time.perf_counter()
        created = [DurableRuleset(p.definition) for p in network.passes]
        finished = time.perf_counter()
        for durable_ruleset in created:
            durable_ruleset.close()
        timings["load"].append(loaded - started)
        timings["compile"].append(compiled - loaded)
        timings["durable"].append(finished - compiled)
        started = time.perf_counter()
        Engine(ruleset).close()
        timings["analyser"].append(time.perf_counter() - started - timings["compile"][-1])
    cache = RuleSetCache()
    lexicons = {name: tuple(terms) for name, terms in SYNTHETIC_LEXICONS.items()}
    cache.get(text_key(text, lexicons, None, "<text>"), lambda: ruleset)
    timings["cached_load_and_compile"] = []
    for _ in range(repeats):
        started = time.perf_counter()
        cached = cache.get(text_key(text, lexicons, None, "<text>"), lambda: ruleset)
        network = build_network(cached.rules, cached.checked.strata, cached.vocabulary)
        created = [DurableRuleset(p.definition) for p in network.passes]
        timings["cached_load_and_compile"].append(time.perf_counter() - started)
        for durable_ruleset in created:
            durable_ruleset.close()
    best = {key: min(values) for key, values in timings.items()}
    best["load_and_compile"] = best["load"] + best["compile"] + best["durable"]
    best["rules"] = rule_count
    return best


def main(argv: Sequence[str] | None = None) -> None:
    """Run every benchmark and print one JSON line per figure."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer decisions, for a smoke run")
    args = parser.parse_args(argv)
    decisions, repeats, memory_decisions = (200, 2, 20_000) if args.quick else (1000, 3, 200_000)
    results = [rule_stage(count, decisions, repeats) for count in (10, 100, 500)]
    results += [whole_decisions(count, decisions) for count in (10, 500)]
    results.append(load_time(1000, repeats))
    results.append(memory(memory_decisions))
    for result in results:
        print(
            json.dumps({k: round(v, 4) if isinstance(v, float) else v for k, v in result.items()})
        )
    print(
        json.dumps(
            {
                "median_rule_stage_ratio": round(
                    statistics.median(r["ratio"] for r in results[:3]), 3
                )
            }
        )
    )


if __name__ == "__main__":
    main()
