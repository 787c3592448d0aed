"""Output files that are never lost: written beside the target, renamed over it on success."""

from __future__ import annotations

import errno
import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["is_same_file", "replaced_on_success"]


def is_same_file(output: Path, source: Path) -> bool:
    """Whether ``output`` names the file ``source`` is (also through a link or another path)."""
    return output.exists() and os.path.samefile(output, source)


@contextmanager
def replaced_on_success(path: Path) -> Iterator[Path]:
    """A new temporary file in ``path``'s folder, renamed over ``path`` when the block ends.

    Any exception, Ctrl-C included, deletes the temporary file and leaves ``path`` as it
    was (absent, or its previous content). The rename is atomic on one file system, so a
    reader sees the old file or the complete new one, never a partial one. The new file
    keeps the old one's permissions; a symbolic link stays a link, and the file it points
    to is the one replaced.
    """
    path = path.resolve() if path.is_symlink() else path
    folder = path.parent
    if not folder.is_dir():
        raise FileNotFoundError(errno.ENOENT, "no such folder", str(path))
    temporary = folder / f".{path.name}.{secrets.token_hex(4)}.tmp"
    os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    try:
        if path.exists():
            shutil.copymode(path, temporary)
        yield temporary
        with temporary.open("rb") as written:
            os.fsync(written.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
