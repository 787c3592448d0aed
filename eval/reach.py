"""How far a rule change reaches on real text nobody labelled, and how often it is right.

    python eval/reach.py decide OUT.json     # every pool text, decided by the importable triage
    python eval/reach.py diff BEFORE.json AFTER.json [--sample 20] [--seed 1]
    python eval/reach.py fires OUT.json [--rules DIR]   # what fires at all, on every text we hold

The pool (corpus/pool.jsonl, corpus/pool3.jsonl: ``build.py --draw 5``, ``build3.py --draw 5``)
holds 6,500 texts from the same sources as the labelled corpus, never labelled and never in dev
or test. A change that alters no pool decision reaches no unseen text; one that alters many is
judged by reading a random sample of the altered decisions against domain §8 (the share judged
right is the change's precision on unseen text). Decide with the code before the change (a git
worktree, ``PYTHONPATH=WORKTREE/src``, run from inside it so its rules/ load) and after it.

``fires`` counts, over dev, the pool, the malicious dev set and the bundled examples (8,215
texts), in how many texts each clause pattern and each lexicon term hits (negated or
conditional hits included: they feed facts too) and each rule fires, and writes the counts
with the items that never do (``never``: patterns, terms and rules). A term's ``occurs``
counts the texts whose normalised text holds it at all: a term that occurs without hitting
still steers the segmenter, as it is in its dictionary. Counting what fires on unlabelled
text tunes nothing; it shows what the packs carry that no real text reaches.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path
from typing import Any

from build_labelled import _record

HERE = Path(__file__).resolve().parent
POOLS = ("pool.jsonl", "pool3.jsonl")
AXES = ("validity", "nature", "severity", "responsibility")
ROOT = HERE.parent
FIRES_SETS = {
    "dev": (ROOT / "eval" / "dev.jsonl",),
    "pool": tuple(ROOT / "eval" / "corpus" / name for name in ("pool.jsonl", "pool3.jsonl")),
    "malicious": (ROOT / "eval" / "malicious" / "dev.jsonl",),
    "examples": (ROOT / "examples" / "labelled.jsonl",),
}
"""The texts ``fires`` reads, by set: labelled files hold ``complaint``, the pool bare rows."""


def _pool() -> list[dict[str, Any]]:
    rows = []
    for name in POOLS:
        with open(HERE / "corpus" / name, encoding="utf-8") as f:
            rows.extend(json.loads(line) for line in f if line.strip())
    return rows


def decide(out: Path) -> None:
    """Write every pool text's decision on the four axes, with the rules that fired."""
    from triage import Engine
    from triage.records import Complaint

    engine = Engine.default()
    decided: dict[str, dict[str, Any]] = {}
    for row in _pool():
        decision = engine.decide(Complaint.model_validate(_record(row)))
        plain = json.loads(decision.model_dump_json())
        decided[row["id"]] = {
            "validity": plain["validity"],
            "nature": plain["nature"],
            "severity": plain["severity"],
            "responsibility": plain["responsibility"]["party"],
        }
    out.write_text(json.dumps(decided, ensure_ascii=False), encoding="utf-8")
    print(f"decided {len(decided)} pool texts -> {out}")


def diff(before: Path, after: Path, sample: int, seed: int) -> None:
    """Count the decisions that changed, per axis and source, and show a random sample."""
    old = json.loads(before.read_text(encoding="utf-8"))
    new = json.loads(after.read_text(encoding="utf-8"))
    texts = {row["id"]: row for row in _pool()}
    changed = {i: [a for a in AXES if old[i][a] != new[i][a]] for i in old if i in new}
    changed = {i: axes for i, axes in changed.items() if axes}
    per_axis = Counter(
        f"{a}: {old[i][a]} -> {new[i][a]}" for i, axes in changed.items() for a in axes
    )
    per_source = Counter(i.rsplit("-", 1)[0] for i in changed)
    print(f"{len(changed)} of {len(old)} pool decisions changed")
    for key, n in per_axis.most_common():
        print(f"  {n:5d}  {key}")
    print("by source:", dict(per_source.most_common()))
    for i in random.Random(seed).sample(sorted(changed), min(sample, len(changed))):
        moves = ", ".join(f"{a} {old[i][a]}->{new[i][a]}" for a in changed[i])
        print(f"\n{i} [{moves}]\n  {texts[i]['text'][:300]}")


def _complaints(path: Path) -> list[dict[str, Any]]:
    """The complaint records of a labelled file, a pool file's bare rows or a complaints file."""
    with open(path, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return [
        row["complaint"] if "complaint" in row else _record(row) if "kind" in row else row
        for row in rows
    ]


def tally(engine: Any, sets: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Per set, in how many texts each pattern, lexicon term and rule fires.

    Keys: ``patterns`` (pattern id), ``terms`` (the lexicon's name, a tab, the normalised term),
    ``rules`` (rule id), each mapping to ``{set: texts}`` for every item the rule set holds
    (zero counts included); ``occurs`` maps each term to the texts holding it at all;
    ``texts`` gives the size of each set.
    """
    from ahocorasick_rs import AhoCorasick

    from triage.records import Complaint
    from triage.text.lexicons import split_entries
    from triage.text.normalize import Normalizer

    ruleset = engine.ruleset
    normalizer = Normalizer()
    pattern_ids = {spec.id for spec in ruleset.patterns}
    terms = {
        f"{name}\t{normalizer.normalize(term).text}"
        for name, entries in ruleset.lexicons.items()
        for term in split_entries(entries)[0]
    }
    names = sorted(set(sets))
    patterns = {key: Counter[str]() for key in pattern_ids}
    term_counts = {key: Counter[str]() for key in terms}
    occurs = {key: Counter[str]() for key in terms}
    rules = {rule.id: Counter[str]() for rule in ruleset.rules}
    by_text: dict[str, list[str]] = {}
    for key in terms:
        by_text.setdefault(key.split("\t", 1)[1], []).append(key)
    automaton = AhoCorasick(list(by_text))
    for name in names:
        for record in sets[name]:
            complaint = Complaint.model_validate(record)
            features = engine.analyse(complaint)
            text = features.normalized.text
            seen = set()
            for hit in features.hits:
                seen.add(hit.term if hit.term in pattern_ids else f"{hit.lexicon}\t{hit.term}")
            for key in seen:
                (patterns if key in pattern_ids else term_counts)[key][name] += 1
            for term in set(automaton.find_matches_as_strings(text, overlapping=True)):
                for key in by_text[term]:
                    occurs[key][name] += 1
            decision = engine.decide(complaint)
            for rule_id in {firing.rule_id for firing in decision.trace}:
                rules[rule_id][name] += 1
    return {
        "texts": {name: len(sets[name]) for name in names},
        "patterns": {key: dict(counts) for key, counts in sorted(patterns.items())},
        "terms": {key: dict(counts) for key, counts in sorted(term_counts.items())},
        "occurs": {key: dict(counts) for key, counts in sorted(occurs.items())},
        "rules": {key: dict(counts) for key, counts in sorted(rules.items())},
    }


def never(counts: dict[str, Any]) -> dict[str, list[str]]:
    """The patterns, terms and rules that fire on no text of any set."""
    return {
        kind: [key for key, per in counts[kind].items() if not any(per.values())]
        for kind in ("patterns", "terms", "rules")
    }


def fires(out: Path, rules: list[Path]) -> None:
    """Count what fires over every text we hold; write the counts and what never fires."""
    from triage import Engine

    engine = Engine.from_paths(*rules) if rules else Engine.default()
    sets = {
        name: [r for path in paths for r in _complaints(path)] for name, paths in FIRES_SETS.items()
    }
    counts = tally(engine, sets)
    counts["never"] = never(counts)
    out.write_text(json.dumps(counts, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"texts: {counts['texts']}")
    for kind, keys in counts["never"].items():
        print(f"{kind}: {len(keys)} of {len(counts[kind])} never fire")
        if kind != "terms":
            per_pack = Counter(key.split(".", 1)[0] for key in keys)
            print("  by pack:", dict(per_pack.most_common()))


def main() -> None:
    """Run the subcommand given: decide, diff or fires."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("decide")
    d.add_argument("out", type=Path)
    f = sub.add_parser("diff")
    f.add_argument("before", type=Path)
    f.add_argument("after", type=Path)
    f.add_argument("--sample", type=int, default=20)
    f.add_argument("--seed", type=int, default=1)
    r = sub.add_parser("fires")
    r.add_argument("out", type=Path)
    r.add_argument("--rules", type=Path, action="append", default=[])
    args = parser.parse_args()
    if args.command == "decide":
        decide(args.out)
    elif args.command == "fires":
        fires(args.out, args.rules)
    else:
        diff(args.before, args.after, args.sample, args.seed)


if __name__ == "__main__":
    main()
