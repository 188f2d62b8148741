"""Folder -> readers -> the one validator -> :class:`Dataset`: finding, reading and loading data.

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
>>> print(problems[0].message)  # doctest: +NORMALIZE_WHITESPACE
entity 'RUS': unknown entity kind 'sate' (did you mean 'state'?); expected one of: state, de_facto_authority,
armed_group, organisation, office, person, collective, agreement, asset, place
>>> load(folder)
Traceback (most recent call last):
...
graph.errors.DataError: 1 problem in the data:
...
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace

from .cache import look_up
from .dataset import Dataset
from .errors import DataError, Problem
from .pause import paused_gc
from .read import READERS, reader_for
from .read.base import FileRead
from .read.safe import MAX_BYTES, ReadProblem, read_limited
from .read.yaml import read_yaml_text
from .records import Options, Records, build_records

__all__ = ["load", "loads", "check", "data_files", "Limits", "DEFAULT_LIMITS"]


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

#: a path as the functions below take it: text, or a ``pathlib.Path`` (any ``os.PathLike``)
StrPath = str | os.PathLike[str]


def data_files(path: StrPath, problems: list[Problem] | None = None) -> list[str]:
    """The data files below *path* (or *path* itself), sorted, as displayed paths.

    A data file is one that a reader of :data:`graph.read.READERS` takes
    (``*.yaml``, ``*.yml``...). Symbolic links to folders are not followed (so
    a link loop cannot trap the walk); hidden files and folders (``.git`` ...)
    are skipped. Folders that cannot be listed are reported in *problems* (a
    list) when given.
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
            if not name.startswith(".") and reader_for(name) is not None:
                found.append(os.path.join(root, name))
    return sorted(found)


def _parse(path, data):
    """The reader's answer: the :class:`FileRead` of one file's *data*, by the reader of its suffix."""
    read = reader_for(path) or READERS[".yaml"]
    return read(path, data, base_dir=os.path.dirname(path))


def _bytes(path, limits):
    """The bytes of one file, or the :class:`FileRead` that says why it cannot be read."""
    try:
        return read_limited(path, limits.max_file_bytes)
    except ReadProblem as exc:
        return FileRead(path, problems=[Problem(path, 0, 0, str(exc))], complete=False)


def _files(path, replacing, problems):
    """The data files of *path* (and those *replacing* adds), sorted; a problem in *problems* when there are none."""
    if not os.path.exists(path):
        problems.append(
            Problem(
                path,
                0,
                0,
                "a symbolic link to something that does not exist"
                if os.path.islink(path)
                else "no such file or folder",
            )
        )
        return []
    files = sorted(set(data_files(path, problems)) | set(replacing))
    if not files:
        problems.append(Problem(path, 0, 0, "no data files (*.yaml or *.yml) found here"))
    return files


def check(
    path: StrPath,
    *,
    limits: Limits = DEFAULT_LIMITS,
    allow_texts_outside: bool = False,
    cache: bool = True,
    cache_dir: StrPath | None = None,
    replacing: Mapping[StrPath, bytes] | None = None,
) -> tuple[Records | None, list[Problem]]:
    """Validate the data at *path*; return ``(records, problems)`` without raising.

    ``problems`` is sorted by file, line and column; it is empty when the data
    is valid. ``records`` is ``None`` when nothing could be validated (no
    data files, or the data is past the *limits*). A source's stored ``text``
    must lie inside *path* (the folder of *path* when it is one file) unless
    *allow_texts_outside*. Unchanged files are read from the cache (see
    :mod:`graph.cache`) unless *cache* is False.
    *replacing* maps data files (paths as :func:`data_files` gives them) to the bytes validated in
    their place, a file not there yet included: the data as it would be after writing them, checked
    without writing anything (``actorgraph review`` saves so).

    The load, top down: the folder's files; their bytes; the cache's answer for the whole load, else
    for each file the cache's answer or the reader's; the limits; the one validator; what the cache keeps.
    """
    path = os.fspath(path)
    problems: list[Problem] = []
    replacing = {os.path.normpath(os.fspath(f)): data for f, data in (replacing or {}).items()}
    files = _files(path, replacing, problems)
    if not files:
        return None, problems
    root = path if os.path.isdir(path) else (os.path.dirname(path) or ".")
    options = Options(root=root, allow_texts_outside=allow_texts_outside, max_text_bytes=limits.max_file_bytes)
    with paused_gc():
        contents = {f: replacing[f] if f in replacing else _bytes(f, limits) for f in files}
        store = look_up(contents, options, folder=cache_dir, enabled=cache, replaced=replacing, clean=not problems)
        found = store.records  # a clean earlier load of the very same files: nothing read again
        if (
            found is not None
            and len(found.entities) <= limits.max_entities
            and len(found.relations) <= limits.max_relations
        ):
            return found, problems
        reads = [
            store.reads.get(f) or (data if isinstance(data, FileRead) else _parse(f, data))
            for f, data in contents.items()
        ]
        del contents  # (what the reads need of the bytes, they keep)
        for read in reads:
            problems.extend(read.problems)
        over = _over_limits(reads, limits)
        if over:  # past a limit nothing more is done: that is what limits are for
            return None, sorted(problems + over)
        # (the values of the files the cache will keep stay whole until it has them)
        records = build_records(reads, replace(options, consume=not store.keeps))
        records.files = files
        store.keep(reads, records)
        problems.extend(records.problems)
        problems.sort()
        return records, problems


_OVER = (
    "{what} number {n:,} is over the limit of {limit:,} {plural}; split the data, or raise the limit "
    "(actorgraph validate {option} N, or {env})"
)


def _over_limits(reads, limits):
    """Problems for the first record past each count limit, located where it is."""
    out = []
    for key, what, limit, option in (
        ("entities", "entity", limits.max_entities, "--max-entities"),
        ("relations", "relation", limits.max_relations, "--max-relations"),
    ):
        total = 0
        for read in reads:
            pieces = read.pieces
            if getattr(pieces, "table", None) is not None:  # a bulk file's relations: counted, not made
                if key != "relations" or total + len(pieces) <= limit:
                    total += len(pieces) if key == "relations" else 0
                    continue
                piece = pieces[limit - total]
                total = limit + 1
            else:
                piece = None
                for piece in pieces:
                    if piece.kind == key:
                        total += 1
                        if total > limit:
                            break
            if total > limit:
                env = "ACTORGRAPH_" + option[2:].replace("-", "_").upper()
                out.append(
                    piece.locator.problem(
                        (), _OVER.format(what=what, plural=key, n=limit + 1, limit=limit, option=option, env=env)
                    )
                )
                break
    return out


def load(
    path: StrPath = "data",
    *,
    limits: Limits = DEFAULT_LIMITS,
    allow_texts_outside: bool = False,
    cache: bool = True,
    cache_dir: StrPath | None = None,
) -> Dataset:
    """Load and validate every data file at *path*; return the :class:`Dataset`.

    Parameters
    ----------
    path : str or PathLike
        A folder (searched with its subfolders for data files) or one file.
    limits : Limits
        Size limits.
    allow_texts_outside : bool
        Read stored source texts that lie outside *path* (refused by default:
        data files come from collaborators).
    cache : bool
        Read unchanged files from the cache (:mod:`graph.cache`); ``False``
        reads and validates everything anew (so does ``ACTORGRAPH_CACHE=off``).
    cache_dir : str, optional
        Where the cache lives (default: ``ACTORGRAPH_CACHE_DIR``, else the
        user's cache folder, e.g. ``~/.cache/actorgraph``).

    Returns
    -------
    Dataset

    Raises
    ------
    DataError
        With every problem found, each located as ``FILE:LINE:COL``.
    """
    with paused_gc():
        records, problems = check(
            path, limits=limits, allow_texts_outside=allow_texts_outside, cache=cache, cache_dir=cache_dir
        )
        if problems:
            raise DataError(problems)
        assert records is not None  # (no records come with a problem that says why)
        return dataset_of(records)


def dataset_of(records: Records) -> Dataset:
    """The :class:`Dataset` of valid :class:`~graph.records.Records`."""
    files = records.files + sorted({s.text_path for s in records.sources.values() if s.text_path})
    return Dataset(records.sources, records.entities, records.relations, files=files)


def loads(
    text: str, *, name: str = "<string>", base_dir: str | None = None, allow_texts_outside: bool = False
) -> Dataset:
    """Load a dataset from YAML *text* (one file's worth); see :func:`load`.

    ``name`` is the file name used in error locations; ``base_dir`` is the
    folder that sources' ``text`` paths are relative to, and must lie in
    (the current folder when not given).

    >>> loads("entities: [{id: PAK, name: Pakistan, kind: state}]").entity("pakistan").id
    'PAK'
    """
    read = read_yaml_text(text, name, base_dir)
    records = build_records([read], Options(root=base_dir, allow_texts_outside=allow_texts_outside))
    problems = read.problems + records.problems
    if problems:
        raise DataError(problems)
    return dataset_of(records)
