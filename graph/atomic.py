"""Write output files atomically, and never over the data they were made from.

The content goes to a temporary file in the target's folder, is flushed to
disk, then renamed over the target: a reader (or a crash) sees either the old
file or the whole new one, never a truncated file.

>>> import os, tempfile
>>> d = tempfile.mkdtemp()
>>> p = os.path.join(d, "out.json")
>>> write_atomic(p, '{"ok": true}')
>>> open(p).read()
'{"ok": true}'
>>> write_atomic(p, "x", protect=[p])  # doctest: +NORMALIZE_WHITESPACE
Traceback (most recent call last):
...
graph.errors.OutputError: refusing to write ... it is one of the input files (data or source text);
choose another output path
"""

from __future__ import annotations

import os
import tempfile

from .errors import OutputError

__all__ = ["write_atomic", "check_output_path", "make_output_folder"]


def _same(a, b):
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def check_output_path(path, protect=()):
    """Raise :class:`OutputError` if *path* is one of *protect* or cannot be written."""
    path = os.fspath(path)
    for p in protect:
        if _same(path, p):
            raise OutputError(
                f"refusing to write {path}: it is one of the input files (data or source "
                "text); choose another output path"
            )
    if os.path.isdir(path):
        raise OutputError(f"cannot write {path}: it is a folder; give a file name")
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise OutputError(f"cannot write {path}: the folder {folder} does not exist")


def make_output_folder(path):
    """*path* as text; when it ends with a slash, the folder it names is created first
    (the outputs of a format that writes several files go in it)."""
    path = os.fspath(path)
    if path.endswith(("/", os.sep)) and not os.path.isdir(path):
        try:
            os.makedirs(path, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot create the folder {path}: {exc.strerror or exc}") from None
    return path


def _fsync_dir(folder):
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(path, data, *, protect=(), encoding="utf-8"):
    """Write *data* (str or bytes) to *path* atomically; see the module docs.

    Raises
    ------
    OutputError
        When *path* is one of *protect* (checked again just before the
        rename), is a folder, or cannot be written; the target is then left
        as it was.
    """
    path = os.fspath(path)
    check_output_path(path, protect)
    if isinstance(data, str):
        data = data.encode(encoding)
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if os.path.exists(path):
            try:
                os.chmod(tmp, os.stat(path).st_mode & 0o777)
            except OSError:
                pass
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)  # what a plain open() would have given
        check_output_path(path, protect)  # it may have become one of them meanwhile (a new symlink)
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
        raise
    _fsync_dir(folder)
