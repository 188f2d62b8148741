"""Find, read and validate the data files of a folder; build a :class:`Dataset`.

Examples
--------
A folder with one data file (the built-in example) and one broken file:

>>> import os, tempfile, graph
>>> from graph.examples import EXAMPLE_YAML
>>> folder = tempfile.mkdtemp()
>>> os.makedirs(os.path.join(folder, "more"))
>>> _ = open(os.path.join(folder, "claims.yaml"), "w").write(EXAMPLE_YAML)
>>> [os.path.relpath(f, folder) for f in data_files(folder)]
['claims.yaml']
>>> load(folder)
<Dataset: 6 entities, 6 relations, 2 sources>
>>> bad = os.path.join(folder, "more", "bad.yaml")
>>> _ = open(bad, "w").write("entities:\\n  - {id: RUS, name: Russia, kind: sate}\\n")
>>> records, problems = check(folder)
>>> print(problems[0].message)
entity 'RUS': unknown entity kind 'sate' (did you mean 'state'?); expected one of: state, de_facto_authority, armed_group, organisation, office, person, collective, agreement, asset, place
>>> load(folder)
Traceback (most recent call last):
...
graph.errors.DataError: 1 problem in the data:
...
"""

from __future__ import annotations

import contextlib
import gc
import os
from dataclasses import dataclass

from .dataset import Dataset
from .errors import DataError, Problem
from .validate import MAX_BYTES, build_records
from .yamlio import Document, ReadProblem, decode_utf8, parse_text, read_limited

__all__ = ["load", "check", "data_files", "Limits", "DEFAULT_LIMITS"]

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Limits:
    """Size limits; data past them is refused with a located error.

    ``max_file_bytes`` applies to every data file and every stored source
    text (a larger file is not read at all); ``max_entities`` and
    ``max_relations`` count records over all files (past them nothing is
    validated). From the shell: ``actorgraph validate --max-file-bytes 10M
    --max-entities 5000 --max-relations 100000``, or the environment
    variables ``ACTORGRAPH_MAX_FILE_BYTES``, ``ACTORGRAPH_MAX_ENTITIES`` and
    ``ACTORGRAPH_MAX_RELATIONS`` for every command.

    >>> Limits(max_file_bytes=1000).max_file_bytes
    1000
    >>> records, problems = check("data", limits=Limits(max_entities=3))     # doctest: +SKIP
    >>> print(problems[0])                                                   # doctest: +SKIP
    data/seed/entities.yaml:31:5: entity number 4 is over the limit of 3 entities; ...
    """

    max_file_bytes: int = MAX_BYTES
    max_entities: int = 1_000_000
    max_relations: int = 5_000_000


DEFAULT_LIMITS = Limits()


def data_files(path, problems=None):
    """The YAML files below *path* (or *path* itself), sorted, as displayed paths.

    Symbolic links to folders are not followed (so a link loop cannot trap
    the walk); hidden files and folders (``.git`` ...) are skipped. Folders
    that cannot be listed are reported in *problems* (a list) when given.
    """
    path = os.fspath(path)
    if os.path.isfile(path):
        return [path]
    found = []

    def onerror(exc):
        if problems is not None:
            where = getattr(exc, "filename", None) or path
            problems.append(Problem(where, 0, 0, f"cannot read this folder: {exc.strerror or exc}"))

    for root, dirs, files in os.walk(path, onerror=onerror):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.endswith(YAML_SUFFIXES) and not name.startswith("."):
                found.append(os.path.join(root, name))
    return sorted(found)


def _read(path, limits):
    """Return the :class:`Document` of one file, reporting unreadable or oversized files."""
    try:
        data = read_limited(path, limits.max_file_bytes)
    except ReadProblem as exc:
        return Document(path, problems=[Problem(path, 0, 0, str(exc))])
    text, problem = decode_utf8(data, path)
    if problem is not None:
        return Document(path, problems=[problem])
    doc = parse_text(text, path)
    if doc.node is None and not doc.problems:
        doc.problems.append(Problem(path, 0, 0, EMPTY_FILE))
    return doc


EMPTY_FILE = ("the file is empty (or holds only comments): a data file is a mapping with any of the keys "
              "sources, entities, relations; write 'entities: []' to keep an empty file on purpose, "
              "or delete it")


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
    is valid. ``records`` is ``None`` when nothing could be validated (no
    data files, or the data is past the *limits*).
    """
    path = os.fspath(path)
    if not os.path.exists(path):
        if os.path.islink(path):
            return None, [Problem(path, 0, 0, "a symbolic link to something that does not exist")]
        return None, [Problem(path, 0, 0, "no such file or folder")]
    problems = []
    files = data_files(path, problems)
    if not files:
        problems.append(Problem(path, 0, 0, "no data files (*.yaml or *.yml) found here"))
        return None, problems
    with _no_gc():
        return _check(path, files, limits, problems)


_OVER = ("{what} number {n:,} is over the limit of {limit:,} {plural}; split the data, or raise the limit "
         "(actorgraph validate {option} N, or {env})")


def _over_limits(docs, limits):
    """Problems for the first record past each count limit, located where it is."""
    out = []
    for key, what, limit, option in (("entities", "entity", limits.max_entities, "--max-entities"),
                                     ("relations", "relation", limits.max_relations, "--max-relations")):
        total = 0
        for doc, _ in docs:
            items = doc.value.get(key) if isinstance(doc.value, dict) else None
            if not isinstance(items, list):
                continue
            if total + len(items) > limit:
                i = limit - total
                line, col = doc.locate(key, i)
                env = "ACTORGRAPH_" + option[2:].replace("-", "_").upper()
                out.append(Problem(doc.path, line, col,
                                   _OVER.format(what=what, plural=key, n=limit + 1, limit=limit, option=option, env=env)))
                break
            total += len(items)
    return out


def _check(path, files, limits, problems):
    docs = []
    for f in files:
        doc = _read(f, limits)
        problems.extend(doc.problems)
        docs.append((doc, os.path.dirname(f)))
    over = _over_limits(docs, limits)
    if over:   # past a limit nothing more is done: that is what limits are for
        problems.extend(over)
        problems.sort(key=lambda p: (p.path, p.line, p.col, p.message))
        return None, problems
    records = build_records(docs, max_text_bytes=limits.max_file_bytes)
    records.files = files
    problems.extend(records.problems)
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
