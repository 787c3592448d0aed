"""Build the labelled real-text corpus and its frozen dev/test split.

    python eval/build_labelled.py

Reads the corpus texts (``corpus/texts*.jsonl``), the two independent annotations and
the adjudication of each batch (``annotation/<batch>.a|b|c.jsonl``), and writes
``dev.jsonl`` and ``test.jsonl`` in triage's labelled-data format (and, from the published
malicious-complaint cases of ``malicious/cases.jsonl``, ``malicious/dev.jsonl`` and
``malicious/test.jsonl``): ``expected`` holds the
answer of the two annotators where they agree and the adjudicator's where they did not;
``annotations`` holds each annotator's own answers.

The split is by source and at random, and frozen: a text is in ``test`` when the first
byte of sha256(``SALT`` + id) is below 128, so each source is split about in half, the
assignment of a text never changes as the corpus grows, and nobody chooses it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
SALT = "triage-eval-2026-12"
AXES = ("validity", "nature", "severity", "responsibility")
UNDATED = None
"""received_at for texts whose source gives no date: unknown (null), so no time in the text
is read against a made-up day (a placeholder 2020-01-01 made every later date in the text
read as 'written later' and dropped its time readings)."""

CONTEXT: dict[str, dict[str, Any]] = {
    "review": {"channel": "web", "respondent": {"name": "被评价的商家"}},
    "title": {"channel": "app", "respondent": {"name": "花呗/借呗"}},
    "complaint_platform": {"channel": "web"},
    "government_message": {"channel": "web", "hotline": "12345"},
    "hotline_work_order": {"channel": "hotline", "hotline": "12345"},
    "operator_work_order": {"channel": "hotline", "hotline": "10000"},
}
"""What the record of each kind of source says beyond the text, as a CRM would hold it:
a review is about the business reviewed, a finance-app question is to that app's service,
a government board message or 12345 work order arrived through the 12345 hotline, and a
telecom ticket through the operator's own line (10000).
Annotators were told the same (annotation/brief.md)."""


def in_test(text_id: str) -> bool:
    """Whether a text belongs to the frozen test split."""
    return hashlib.sha256((SALT + text_id).encode("utf-8")).digest()[0] < 128


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _texts() -> dict[str, dict[str, Any]]:
    texts: dict[str, dict[str, Any]] = {}
    seen: set[str] = set()
    for path in sorted((HERE / "corpus").glob("texts*.jsonl")):
        for row in _read(path):
            if row["text"] in seen:
                continue  # the same review posted twice under two sources
            seen.add(row["text"])
            texts[row["id"]] = row
    return texts


def _labels(batch: str, annotator: str) -> dict[str, dict[str, str]]:
    path = HERE / "annotation" / f"{batch}.{annotator}.jsonl"
    if not path.exists():
        return {}
    return {row["id"]: {axis: row[axis] for axis in AXES if axis in row} for row in _read(path)}


def _record(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "text": row["text"],
        "received_at": row.get("received_at") or UNDATED,
        **CONTEXT.get(row["kind"], {"channel": "web"}),
    }


def _malicious_texts() -> dict[str, dict[str, Any]]:
    """The published cases as corpus rows: the complainant's message, sent on the web."""
    rows = _read(HERE / "malicious" / "cases.jsonl")
    return {
        row["id"]: {
            "id": row["id"],
            "text": row["text"],
            "kind": "complaint_message",
            "sector": row.get("sector_hint", "other"),
            "source": {"repo": "published-cases", "path": row["group"]},
            "received_at": None,
            "group": row["group"],
        }
        for row in rows
    }


def _build(batches: list[str], texts: dict[str, dict[str, Any]], out: Path) -> None:
    lines: dict[str, list[str]] = {"dev": [], "test": []}
    for batch in batches:
        first, second, judged = (_labels(batch, name) for name in ("a", "b", "c"))
        for item in _read(HERE / "annotation" / f"{batch}.jsonl"):
            text_id = item["id"]
            if text_id not in texts or text_id not in first or text_id not in second:
                continue
            expected = {}
            for axis in AXES:
                if first[text_id][axis] == second[text_id][axis]:
                    expected[axis] = first[text_id][axis]
                elif axis in judged.get(text_id, {}):
                    expected[axis] = judged[text_id][axis]
            row = texts[text_id]
            line = {
                "complaint": _record(row),
                "expected": expected,
                "annotations": {"a": first[text_id], "b": second[text_id]},
                "source": row["source"]["repo"] + ":" + Path(row["source"]["path"]).name,
                "sector": row["sector"],
                "kind": row["kind"],
                "origin": row["source"],
            }
            split = "test" if in_test(text_id) else "dev"
            lines[split].append(json.dumps(line, ensure_ascii=False))
    for split, written in lines.items():
        (out / f"{split}.jsonl").write_text("\n".join(written) + "\n", encoding="utf-8")
        print(f"{out.name}/{split}: {len(written)} labelled texts")


def main() -> None:
    """Build dev.jsonl and test.jsonl from the annotated batches, and the malicious splits from
    the malicious cases."""
    batches = sorted(
        path.name.split(".")[0] for path in (HERE / "annotation").glob("batch*.a.jsonl")
    )
    _build(batches, _texts(), HERE)
    cases = sorted(
        path.name.split(".")[0] for path in (HERE / "annotation").glob("malicious*.a.jsonl")
    )
    _build(cases, _malicious_texts(), HERE / "malicious")


if __name__ == "__main__":
    main()
