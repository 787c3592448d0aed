"""How far a rule change reaches on real text nobody labelled, and how often it is right.

    python eval/reach.py decide OUT.json     # every pool text, decided by the importable triage
    python eval/reach.py diff BEFORE.json AFTER.json [--sample 20] [--seed 1]

The pool (corpus/pool.jsonl, corpus/pool3.jsonl: ``build.py --draw 5``, ``build3.py --draw 5``)
holds 6,500 texts from the same sources as the labelled corpus, never labelled and never in dev
or test. A change that alters no pool decision reaches no unseen text; one that alters many is
judged by reading a random sample of the altered decisions against domain §8 (the share judged
right is the change's precision on unseen text). Decide with the code before the change (a git
worktree, ``PYTHONPATH=WORKTREE/src``, run from inside it so its rules/ load) and after it.
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


def main() -> None:
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
    args = parser.parse_args()
    if args.command == "decide":
        decide(args.out)
    else:
        diff(args.before, args.after, args.sample, args.seed)


if __name__ == "__main__":
    main()
