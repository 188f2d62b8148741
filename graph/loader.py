"""Find, read and validate the data files of a folder; build a :class:`Dataset`.

Examples
--------
>>> import graph
>>> ds = graph.load("data")                       # doctest: +SKIP
>>> ds.entity("Islamabad").id                     # doctest: +SKIP
'PAK'
"""

from __future__ import annotations

import contextlib
import gc
import os
from dataclasses import dataclass

from .dataset import Dataset
from .errors import DataError, Problem
from .validate import build_records
from .yamlio import Document, parse_text

__all__ = ["load", "check", "data_files", "Limits", "DEFAULT_LIMITS"]

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Limits:
    """Size limits; data past them is refused with a located error.

    >>> Limits(max_file_bytes=1000).max_file_bytes
    1000
    """

    max_file_bytes: int = 64 * 1024 * 1024
    max_entities: int = 1_000_000
    max_relations: int = 5_000_000


DEFAULT_LIMITS = Limits()


def data_files(path):
    """The YAML files below *path* (or *path* itself), sorted, as displayed paths.

    Symbolic links to folders are not followed (so a link loop cannot trap
    the walk); hidden folders (``.git`` ...) are skipped.
    """
    path = os.fspath(path)
    if os.path.isfile(path):
        return [path]
    found = []
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.endswith(YAML_SUFFIXES) and not name.startswith("."):
                found.append(os.path.join(root, name))
    return sorted(found)


def _read(path, limits):
    """Return (Document) for one file, reporting unreadable or oversized files."""
    try:
        size = os.path.getsize(path)
        if size > limits.max_file_bytes:
            return Document(path, problems=[Problem(
                path, 1, 1, f"file is {size:,} bytes, over the limit of {limits.max_file_bytes:,} "
                "(split it into several files, or raise the limit with --max-file-bytes)")])
        with open(path, "rb") as f:
            data = f.read(limits.max_file_bytes + 1)
    except OSError as exc:
        return Document(path, problems=[Problem(path, 1, 1, f"cannot read this file: {exc.strerror or exc}")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        return Document(path, problems=[Problem(
            path, line, col, f"byte 0x{data[exc.start]:02x} is not UTF-8 text: save the file as UTF-8")])
    if text.startswith("\ufeff"):
        text = text[1:]
    return parse_text(text, path)


@contextlib.contextmanager
def _no_gc():
    """Pause the cyclic garbage collector: parsing allocates millions of
    short-lived, acyclic objects, and repeated collections over the growing
    node trees would otherwise cost more than the parsing itself."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def check(path, *, limits=DEFAULT_LIMITS):
    """Validate the data at *path*; return ``(records, problems)`` without raising.

    ``problems`` is sorted by file, line and column; it is empty when the data
    is valid.
    """
    path = os.fspath(path)
    if not os.path.exists(path):
        return None, [Problem(path, 0, 0, "no such file or folder")]
    files = data_files(path)
    if not files:
        return None, [Problem(path, 0, 0, "no data files (*.yaml) found here")]
    with _no_gc():
        return _check(path, files, limits)


def _check(path, files, limits):
    docs = []
    problems = []
    for f in files:
        doc = _read(f, limits)
        problems.extend(doc.problems)
        docs.append((doc, os.path.dirname(f)))
    records = build_records(docs)
    records.files = files
    problems.extend(records.problems)
    for what, table, limit in (("entities", records.entities, limits.max_entities),
                               ("relations", records.relations, limits.max_relations)):
        if len(table) > limit:
            problems.append(Problem(path, 0, 0, f"{len(table):,} {what}, over the limit of {limit:,}"))
    problems.sort(key=lambda p: (p.path, p.line, p.col, p.message))
    return records, problems


def load(path="data", *, limits=DEFAULT_LIMITS) -> Dataset:
    """Load and validate every data file at *path*; return the :class:`Dataset`.

    Parameters
    ----------
    path : str or PathLike
        A folder (searched with its subfolders for ``*.yaml``) or one file.
    limits : Limits
        Size limits.

    Returns
    -------
    Dataset

    Raises
    ------
    DataError
        With every problem found, each located as ``FILE:LINE:COL``.
    """
    with _no_gc():
        records, problems = check(path, limits=limits)
        if problems:
            raise DataError(problems)
        files = records.files + sorted({s.text_path for s in records.sources.values() if s.text_path})
        return Dataset(records.sources, records.entities, records.relations.values(), files=files)
