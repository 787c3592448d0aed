"""Select the texts of one annotation batch from the corpus, reproducibly.

    python eval/annotation/pick_batch.py corpus/texts.jsonl batch1 --cap travel=120 ...

Per sector, at most the cap given (random with a fixed seed), leaving out the texts of the
earlier batches named by ``--skip``; the batch file holds only
what annotators may see: the id, the text, and the kind of source it came from.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from pathlib import Path

SEED = 20261206
HERE = Path(__file__).parent


def main() -> None:
    """Write one annotation batch from the corpus: per sector at most its cap, earlier batches
    left out."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("batch")
    parser.add_argument("--cap", action="append", default=[], help="sector=count")
    parser.add_argument(
        "--skip", action="append", default=[], help="an earlier batch whose texts are left out"
    )
    args = parser.parse_args()
    skipped = {
        json.loads(line)["id"]
        for name in args.skip
        for line in (HERE / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        if line
    }
    caps = {key: int(value) for key, value in (item.split("=") for item in args.cap)}
    rows = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines()]
    by_sector: dict[str, list[dict[str, object]]] = defaultdict(list)
    for row in rows:
        if row["id"] in skipped:
            continue
        by_sector[str(row["sector"])].append(row)
    chosen = []
    rng = random.Random(SEED)
    for sector in sorted(by_sector):
        items = by_sector[sector]
        cap = caps.get(sector, len(items))
        chosen.extend(rng.sample(items, min(cap, len(items))))
    chosen.sort(key=lambda row: str(row["id"]))
    out = HERE / f"{args.batch}.jsonl"
    with out.open("w", encoding="utf-8") as stream:
        for row in chosen:
            shown = {
                "id": row["id"],
                "text": row["text"],
                "kind": row["kind"],
                "sector": row["sector"],
            }
            stream.write(json.dumps(shown, ensure_ascii=False) + "\n")
    print(f"{out}: {len(chosen)} texts")


if __name__ == "__main__":
    main()
