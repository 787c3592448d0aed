"""The fact text sent to durable_rules is exactly ``json.dumps(fact, ensure_ascii=False)``."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triage.engine.durable import _ENCODE

_VALUES = st.one_of(
    st.text(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.lists(st.text(), max_size=5),
)


@given(st.dictionaries(st.text(), _VALUES, max_size=30))
def test_facts_encode_as_json_dumps_does(fact: dict[str, Any]) -> None:
    """Strings (Chinese, quotes, controls), flags, numbers and lists: the same text."""
    assert _ENCODE(fact) == json.dumps(fact, ensure_ascii=False)


def test_a_value_json_cannot_write_is_refused() -> None:
    """A value JSON cannot write (a bare object) is refused with json's TypeError."""
    with pytest.raises(TypeError, match="not JSON serializable"):
        _ENCODE({"when": object()})
