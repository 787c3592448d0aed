"""Reading complaint files: every bad line located, nothing dropped silently."""

from __future__ import annotations

from pathlib import Path

from tests.tools.helpers import AT
from triage.records import Complaint
from triage.tools.inputs import BadLine, Numbered, read_complaints, read_csv, read_jsonl


def test_jsonl_lines_are_numbered_and_blank_lines_skipped() -> None:
    """Records keep their line numbers; blank lines are neither records nor errors."""
    lines = [
        f'{{"id": "a", "text": "x", "received_at": "{AT}"}}\n',
        "\n",
        "[1, 2]\n",
        f'{{"id": "b", "text": "x", "received_at": "{AT}", "colour": "red"}}\n',
    ]
    items = list(read_jsonl(lines, Complaint, "in.jsonl"))
    assert isinstance(items[0], Numbered)
    assert items[0].line == 1
    assert [str(item) for item in items[1:]] == [
        "in.jsonl:3: invalid Complaint: <record>: Input should be an object",
        "in.jsonl:4: invalid Complaint: colour: Extra inputs are not permitted (got 'red')",
    ]


def test_undecodable_bytes_are_a_bad_line() -> None:
    """A line that is not UTF-8 is reported, and the lines after it are still read."""
    good = f'{{"id": "a", "text": "x", "received_at": "{AT}"}}\n'.encode()
    items = list(read_jsonl([b"\xff\xfe\xfa\n", good], Complaint, "in.jsonl"))
    assert isinstance(items[0], BadLine)
    assert items[0].line == 1
    assert "not UTF-8" in items[0].message
    assert isinstance(items[1], Numbered)


def test_a_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    """A UTF-8 byte order mark at the start of a file (Excel's CSV) does not break the header."""
    path = tmp_path / "c.csv"
    path.write_bytes("\ufeffid,text,received_at\nc1,文本,2026-03-01T10:00:00+08:00\n".encode())
    items = list(read_complaints(path))
    assert [item.record.id for item in items if isinstance(item, Numbered)] == ["c1"]


def test_csv_rows_with_extra_cells_or_bad_fields() -> None:
    """Extra cells and invalid fields are reported with the row's line."""
    lines = [
        "id,text,received_at,complainant.anonymous\n",
        f"c1,文本,{AT},true\n",
        f"c2,文本,{AT},true,surplus\n",
        "c3,文本,yesterday,\n",
    ]
    items = list(read_csv(lines, "in.csv"))
    assert isinstance(items[0], Numbered)
    assert items[0].record.complainant.anonymous is True
    assert str(items[1]) == "in.csv:3: more cells than header columns"
    assert isinstance(items[2], BadLine)
    assert items[2].line == 4
    assert "received_at" in items[2].message
