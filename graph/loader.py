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
>>> print(problems[0].message)
entity 'RUS': unknown entity kind 'sate' (did you mean 'state'?); expected one of: state, de_facto_authority, armed_group, organisation, office, person, collective, agreement, asset, place
>>> load(folder)
Traceback (most recent call last):
...
graph.errors.DataError: 1 problem in the data:
...
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

from .cache import Cache
from .dataset import Dataset
from .errors import DataError, Problem
from .pause import paused_gc
from .read import READERS, reader_for
from .read.base import FileRead
from .read.safe import MAX_BYTES, ReadProblem, read_limited
from .read.yaml import read_yaml_text
from .records import Options, Records, build_records
from .workers import check_in_workers, planned_workers, relation_files

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


def data_files(path, problems=None):
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
    read = reader_for(path) or READERS[".yaml"]
    return read(path, data, base_dir=os.path.dirname(path))


def _bytes(path, limits):
    """The bytes of one file, or the :class:`FileRead` that says why it cannot be read."""
    try:
        return read_limited(path, limits.max_file_bytes)
    except ReadProblem as exc:
        return FileRead(path, problems=[Problem(path, 0, 0, str(exc))], complete=False)


def _read(path, data, key, cache, reread):
    """The :class:`FileRead` of one file's *data*: from the cache when it is unchanged."""
    found = cache.get_file(path, key, reread)
    if found is None:
        found = _parse(path, data)
        cache.put_file(key, found)
    return found


def _reread(limits):
    """Read a file again, once, for the locations of records that came from the cache."""
    done = {}

    def reread(path):
        if path not in done:
            try:
                done[path] = _parse(path, read_limited(path, limits.max_file_bytes))
            except ReadProblem:
                done[path] = None
        return done[path]
    return reread


def check(path, *, limits=DEFAULT_LIMITS, allow_texts_outside=False, cache=True, cache_dir=None, workers=None,
          replacing=None):
    """Validate the data at *path*; return ``(records, problems)`` without raising.

    ``problems`` is sorted by file, line and column; it is empty when the data
    is valid. ``records`` is ``None`` when nothing could be validated (no
    data files, or the data is past the *limits*). A source's stored ``text``
    must lie inside *path* (the folder of *path* when it is one file) unless
    *allow_texts_outside*. Unchanged files are read from the cache (see
    :mod:`graph.cache`) unless *cache* is False. Large relation files are read and validated
    by *workers* processes (``None``: one per core, see :mod:`graph.workers`; 1: none).
    *replacing* maps data files (paths as :func:`data_files` gives them) to the bytes validated in
    their place, a file not there yet included: the data as it would be after writing them, checked
    without writing anything (``actorgraph review`` saves so).
    """
    path = os.fspath(path)
    if not os.path.exists(path):
        if os.path.islink(path):
            return None, [Problem(path, 0, 0, "a symbolic link to something that does not exist")]
        return None, [Problem(path, 0, 0, "no such file or folder")]
    problems = []
    replacing = {os.path.normpath(os.fspath(f)): data for f, data in (replacing or {}).items()}
    files = sorted(set(data_files(path, problems)) | set(replacing))
    if not files:
        problems.append(Problem(path, 0, 0, "no data files (*.yaml or *.yml) found here"))
        return None, problems
    root = path if os.path.isdir(path) else (os.path.dirname(path) or ".")
    options = Options(root=root, allow_texts_outside=allow_texts_outside, max_text_bytes=limits.max_file_bytes)
    store = Cache(cache_dir, enabled=cache)
    store.use_pack(root)
    with paused_gc():
        contents = {f: replacing[f] if f in replacing else _bytes(f, limits) for f in files}
        keys = {f: store.file_key(f, data, os.path.dirname(f)) for f, data in contents.items()
                if isinstance(data, bytes) and f not in replacing} if store.folder is not None else {}
        # (no cache: nothing to hash; what is replaced is not on disk, and not cached)
        # a clean earlier load of the very same files: its validated records, nothing read again
        key = store.load_key(keys, options) if len(keys) == len(files) and not problems else None
        found = store.get_records(key, options) if key else None
        if found is not None and len(found[1]) <= limits.max_entities and len(found[2]) <= limits.max_relations:
            sources, entities, relations = found
            return Records(sources, entities, relations, files=files), problems
        reread = _reread(limits)

        def read(f):
            data = contents[f]
            if isinstance(data, FileRead) or f in replacing:
                return data if isinstance(data, FileRead) else _parse(f, data)
            return _read(f, data, keys.get(f), store, reread)

        theirs = relation_files(contents)
        n = planned_workers(workers, sum(map(len, theirs.values())))
        if n > 1 and len(theirs) > 1:
            records = check_in_workers(files, theirs, read, limits, replace(options, consume=True), n)
            if records is not None:
                store.save_pack()
                return _done(records, files, problems, store, key, options)
        reads = [read(f) for f in files]
        contents = None   # (what the reads need of the bytes, they keep)
        store.save_pack()
        return _check(reads, files, limits, options, problems, store, key)


_OVER = ("{what} number {n:,} is over the limit of {limit:,} {plural}; split the data, or raise the limit "
         "(actorgraph validate {option} N, or {env})")


def _over_limits(reads, limits):
    """Problems for the first record past each count limit, located where it is."""
    out = []
    for key, what, limit, option in (("entities", "entity", limits.max_entities, "--max-entities"),
                                     ("relations", "relation", limits.max_relations, "--max-relations")):
        total = 0
        for read in reads:
            for piece in read.pieces:
                if piece.kind != key:
                    continue
                total += 1
                if total > limit:
                    env = "ACTORGRAPH_" + option[2:].replace("-", "_").upper()
                    out.append(piece.locator.problem((), _OVER.format(what=what, plural=key, n=limit + 1,
                                                                      limit=limit, option=option, env=env)))
                    break
            if total > limit:
                break
    return out


def _check(reads, files, limits, options, problems, store, key):
    for read in reads:
        problems.extend(read.problems)
    over = _over_limits(reads, limits)
    if over:   # past a limit nothing more is done: that is what limits are for
        problems.extend(over)
        problems.sort()
        return None, problems
    records = build_records(reads, replace(options, consume=True))   # these reads are ours alone
    return _done(records, files, problems, store, key, options)


def _done(records, files, problems, store, key, options):
    """``(records, problems)``, sorted; clean records go into the cache."""
    records.files = files
    if key and not problems and not records.problems:
        store.put_records(key, records, options)
    problems.extend(records.problems)
    problems.sort()
    return records, problems


def load(path="data", *, limits=DEFAULT_LIMITS, allow_texts_outside=False, cache=True, cache_dir=None,
         workers=None) -> Dataset:
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
    workers : int, optional
        Processes that read and validate large relation files side by side (default: one per
        usable core, up to four, for relation files of 4 MB and more; ``ACTORGRAPH_WORKERS``;
        1: none). The result is the same (see :mod:`graph.workers`).

    Returns
    -------
    Dataset

    Raises
    ------
    DataError
        With every problem found, each located as ``FILE:LINE:COL``.
    """
    with paused_gc():
        records, problems = check(path, limits=limits, allow_texts_outside=allow_texts_outside, cache=cache,
                                  cache_dir=cache_dir, workers=workers)
        if problems:
            raise DataError(problems)
        return dataset_of(records)


def dataset_of(records):
    """The :class:`Dataset` of valid :class:`~graph.records.Records`."""
    files = records.files + sorted({s.text_path for s in records.sources.values() if s.text_path})
    return Dataset(records.sources, records.entities, records.relations, files=files)


def loads(text, *, name="<string>", base_dir=None, allow_texts_outside=False) -> Dataset:
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
