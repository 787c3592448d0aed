"""``triage run --jobs``: several processes write exactly what one writes."""

from __future__ import annotations

from tests.tools.helpers import DEMO, EXAMPLES, invoke


def test_jobs_give_the_same_output_as_one_process() -> None:
    """--jobs 2 writes the examples' decisions byte for byte as --jobs 1, in input order."""
    complaints = EXAMPLES / "complaints.jsonl"
    one = invoke("run", complaints, "--rules", DEMO, "--format", "jsonl", "--jobs", "1")
    two = invoke("run", complaints, "--rules", DEMO, "--format", "jsonl", "--jobs", "2")
    assert one.exit_code == two.exit_code == 0, one.stderr + two.stderr
    assert len(one.stdout.splitlines()) == 110
    assert two.stdout == one.stdout


def test_jobs_must_be_positive() -> None:
    """--jobs 0 is a usage error (exit 2), not a silent single process."""
    result = invoke("run", EXAMPLES / "complaints.jsonl", "--rules", DEMO, "--jobs", "0")
    assert result.exit_code == 2
    assert "--jobs" in result.stderr
