"""Rule sets this process has loaded, by content: building an engine again skips the parsing.

Loading reads, parses and checks every rule file; on 1,000 rules that is most of an
engine's build. A notebook rebuilding engines, a process pool rebuilding in each worker,
a service reloading: all load the same rules again. The key is a hash of everything the
rule set is made of (the text or the bytes of every file under the given folders and the
bundled packs, the lexicons, the parameters, the names given), so a changed file is a new
key and never a stale rule set. At most `CAPACITY` rule sets are kept, most recently
used first; a `RuleSet` is immutable, so engines share it.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from pathlib import Path

from triage.rulepack.loader import RuleSet, bundled_rules_dir

__all__ = ["CAPACITY", "RuleSetCache", "paths_key", "text_key"]

CAPACITY = 8
"""Rule sets kept per process."""


def _hash_tree(digest: hashlib._Hash, root: Path) -> None:
    digest.update(f"\0root\0{root}\0".encode())
    if root.is_file():
        digest.update(root.read_bytes())
        return
    for path in sorted(root.rglob("*")):
        if path.is_file():
            digest.update(f"\0{path.relative_to(root)}\0".encode())
            digest.update(path.read_bytes())


def _hash_parameters(
    digest: hashlib._Hash, parameters: Mapping[str, float | Decimal] | None
) -> None:
    for name, value in sorted((parameters or {}).items()):
        digest.update(f"\0param\0{name}\0{type(value).__name__}\0{value!r}".encode())


def paths_key(paths: Iterable[str | Path], parameters: Mapping[str, float | Decimal] | None) -> str:
    """The content key of pack folders (and the bundled packs they may extend)."""
    digest = hashlib.sha256(b"paths")
    for path in (*paths, bundled_rules_dir()):
        _hash_tree(digest, Path(path))
    _hash_parameters(digest, parameters)
    return digest.hexdigest()


def text_key(
    text: str,
    lexicons: Mapping[str, tuple[str, ...]],
    parameters: Mapping[str, float | Decimal] | None,
    file: str,
) -> str:
    """The content key of a rule set held as text (extending the bundled packs)."""
    digest = hashlib.sha256(b"text")
    digest.update(f"{file}\0{len(text)}\0{text}".encode())
    for name, terms in sorted(lexicons.items()):
        digest.update(f"\0lexicon\0{name}\0{len(terms)}\0".encode())
        digest.update("\0".join(terms).encode())
    _hash_tree(digest, bundled_rules_dir())
    _hash_parameters(digest, parameters)
    return digest.hexdigest()


class RuleSetCache:
    """At most ``capacity`` loaded rule sets by content key; safe from several threads."""

    def __init__(self, capacity: int = CAPACITY) -> None:
        self._capacity = capacity
        self._entries: OrderedDict[str, RuleSet] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str, load: Callable[[], RuleSet]) -> RuleSet:
        """The rule set of ``key``, loaded by ``load`` when it is not kept (errors raise)."""
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
        loaded = load()
        with self._lock:
            self._entries[key] = loaded
            while len(self._entries) > self._capacity:
                self._entries.popitem(last=False)
        return loaded

    def clear(self) -> None:
        """Forget every rule set."""
        with self._lock:
            self._entries.clear()
