"""Fuzzing `triage run` input files: no traceback, bad rows located, no good row lost."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tests.tools.helpers import AT, DEMO, invoke

_GARBAGE = st.text(
    alphabet=st.one_of(
        st.sampled_from(',"\t\r\n\x00\ufeff{}[]:'),
        st.characters(codec="utf-8", exclude_categories=["Cs", "Nd"]),
    ),
    max_size=40,
)
"""Rows that are no complaint: quotes, separators, line breaks, NUL, any non-digit text.

Without digits a garbage row can hold no valid received_at, so it can never form a valid
complaint together with the good rows around it (which would be valid CSV, not a loss).
"""


def _good(number: int, separator: str) -> str:
    return separator.join([f"good-{number}", "感谢客服", AT])


def _run(name: str, content: bytes) -> tuple[int, list[str], str]:
    """Run ``triage run`` on a file with ``content``: exit code, decided ids, stderr."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / name
        source.write_bytes(content)
        result = invoke("run", source, "--rules", DEMO, "--format", "jsonl", "--jobs", "1")
    ids = [json.loads(line)["complaint_id"] for line in result.stdout.splitlines()]
    return result.exit_code, ids, result.stderr


@given(
    rows=st.lists(st.tuples(st.booleans(), _GARBAGE), min_size=1, max_size=8),
    suffix=st.sampled_from([".csv", ".tsv"]),
)
def test_delimited_files_lose_no_good_row(rows: list[tuple[bool, str]], suffix: str) -> None:
    """Good rows among garbage rows of a CSV or TSV file are all decided, in order."""
    separator = "\t" if suffix == ".tsv" else ","
    lines = [separator.join(["id", "text", "received_at"])]
    expected = []
    for number, (good, garbage) in enumerate(rows):
        if good:
            lines.append(_good(number, separator))
            expected.append(f"good-{number}")
        else:
            lines.append(garbage)
    lines.append(_good(len(rows), separator))
    expected.append(f"good-{len(rows)}")
    code, ids, stderr = _run("in" + suffix, ("\n".join(lines) + "\n").encode())
    assert code == 0, stderr
    assert ids == expected
    assert "Traceback" not in stderr


@given(
    rows=st.lists(
        st.one_of(
            _GARBAGE.map(str.encode),
            st.binary(max_size=40),
            st.just(b'{"id": "d", "id": "d", "text": "x", "received_at": "2026-03-01Z"}'),
            st.just(
                json.dumps(
                    {"id": "x", "text": "x", "received_at": AT, "loss_amount": "1e400"}
                ).encode()
            ),
        ),
        max_size=8,
    )
)
def test_json_lines_lose_no_good_line(rows: list[bytes]) -> None:
    """Good lines among garbage, repeated keys and overflowing amounts are all decided."""
    lines = [row.replace(b"\n", b" ").replace(b"\r", b" ") for row in rows]
    good = [json.dumps({"id": f"good-{n}", "text": "感谢客服", "received_at": AT}) for n in (1, 2)]
    content = b"\n".join([good[0].encode(), *lines, good[1].encode()]) + b"\n"
    code, ids, stderr = _run("in.jsonl", content)
    assert code == 0, stderr
    assert [i for i in ids if i.startswith("good-")] == ["good-1", "good-2"]
    assert "Traceback" not in stderr


@given(content=st.binary(max_size=200), suffix=st.sampled_from([".csv", ".tsv", ".jsonl"]))
def test_any_bytes_exit_cleanly(content: bytes, suffix: str) -> None:
    """Any file content ends with 0 (something decided) or 1 (nothing read), never a crash."""
    code, ids, stderr = _run("in" + suffix, content)
    assert code in (0, 1), stderr
    assert (code == 0) == bool(ids)
    assert "Traceback" not in stderr
