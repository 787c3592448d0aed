"""Helpers of the tool tests: the demo pack, sample complaints, running the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from triage.cli import main

DEMO = Path(__file__).resolve().parent / "packs" / "demo"
"""A small pack for the tool tests, independent of the bundled packs."""
ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
AT = "2026-03-01T10:00:00+08:00"

COMPLAINTS: list[dict[str, object]] = [
    {
        "id": "a1",
        "text": "我在店里摔倒骨折了，要求赔偿5万元，不赔就找媒体曝光！",
        "received_at": AT,
    },
    {"id": "a2", "text": "感谢客服小王，表扬一下", "received_at": AT},
    {"id": "a3", "text": "厂家的产品有问题，店里多收了我2000元", "received_at": AT},
]


def invoke(*args: str | Path) -> Result:
    """Run ``triage ARGS`` in-process; stdout and stderr are kept apart."""
    return CliRunner().invoke(main, [str(arg) for arg in args], catch_exceptions=False)


def write_jsonl(path: Path, lines: list[dict[str, object] | str]) -> Path:
    """Write records (dicts as JSON, strings as they are) one per line."""
    text = "\n".join(
        line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines
    )
    path.write_text(text + "\n", encoding="utf-8")
    return path
