"""The load cache: what unchanged files held, read back without parsing them; never trusted blindly.

Two kinds of entry, each a JSON file (no pickle: a planted cache file cannot
run code), written atomically in the user's cache folder (never in the data
folder):

* per data file, the records it holds as plain values, keyed by the file's
  bytes, its path and the program's version. A file whose read found a
  problem is never cached, so its problems are always reported. The records
  of a cached file are validated again with the others (validation problems
  are never cached away); their locations come from reading the file again,
  only when a problem is reported.
* per load, the validated records, keyed by every data file's key, every
  stored text's bytes and the load's options. It is written only when the
  load found no problem, and read only when all of these are the same. Its
  relations are columns (:mod:`graph.columns`), checked for shape and type
  when read, each relation built when it is asked for.

A corrupt, truncated, foreign or stale entry is ignored (and replaced).
``ACTORGRAPH_CACHE=off`` (or ``--no-cache``, ``cache=False``) turns the cache
off; ``ACTORGRAPH_CACHE_DIR`` (or ``--cache-dir``) moves it.

>>> encode_values({"id": "PAK", "n": 3, "names": ["x"]}) == {"id": "sPAK", "n": 3, "names": ["sx"]}
True
>>> decode_values(encode_values({"a": [None, 2.5, True]}))
{'a': [None, 2.5, True]}
"""

from __future__ import annotations

import hashlib
import json
import os

from .atomic import write_atomic
from .errors import ActorgraphError
from .columns import LazyRelations, to_columns
from .model import Entity, Source, to_dict
from .read.base import FileRead, Locator, Piece, Plain
from .when import parse_when

__all__ = ["Cache", "cache_folder", "encode_values", "decode_values"]

FORMAT = "actorgraph-cache-4"
_OFF = ("off", "0", "no", "false", "none")


def cache_folder(folder=None):
    """The cache folder: *folder*, else ``ACTORGRAPH_CACHE_DIR``, else the user's cache folder."""
    if folder:
        return os.fspath(folder)
    if os.environ.get("ACTORGRAPH_CACHE_DIR"):
        return os.environ["ACTORGRAPH_CACHE_DIR"]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "actorgraph")


def _program_version():
    """A digest of the code that reads and validates: a change to it makes every entry stale."""
    here = os.path.dirname(os.path.abspath(__file__))
    h = hashlib.sha256(FORMAT.encode())
    for folder, names in ((here, ("cache.py", "columns.py", "loader.py", "model.py", "vocab.py", "when.py", "texts.py",
                                  "textnorm.py")), (os.path.join(here, "read"), None),
                          (os.path.join(here, "records"), None)):
        for name in sorted(names or os.listdir(folder)):
            if name.endswith(".py"):
                with open(os.path.join(folder, name), "rb") as f:
                    h.update(name.encode() + b"\0" + f.read())
    return h.hexdigest()


_VERSION = None


def program_version():
    global _VERSION
    if _VERSION is None:
        _VERSION = _program_version()
    return _VERSION


# -- plain values <-> JSON (text written without quotes stays told apart) -------------------

def encode_values(v):
    """Plain values as JSON values: text becomes ``"s..."``, text written without quotes ``"p..."``."""
    if isinstance(v, str):
        return ("p" if isinstance(v, Plain) else "s") + v
    if isinstance(v, dict):
        return {k: encode_values(x) for k, x in v.items()}
    if isinstance(v, list):
        return [encode_values(x) for x in v]
    return v


def decode_values(v):
    """The inverse of :func:`encode_values`."""
    if isinstance(v, str):
        return Plain(v[1:]) if v[:1] == "p" else v[1:]
    if isinstance(v, dict):
        return {k: decode_values(x) for k, x in v.items()}
    if isinstance(v, list):
        return [decode_values(x) for x in v]
    return v


class _Reread(Locator):
    """The locator of a record read from the cache: it knows where the record starts; for a
    field inside it, the file is read again (once)."""

    __slots__ = ("index", "reread", "start")

    def __init__(self, path, index, reread, start):
        super().__init__(path)
        self.index, self.reread, self.start = index, reread, start

    def locate(self, *keys, key=False):
        if not keys:
            return self.start
        read = self.reread(self.path)
        if read is None or self.index >= len(read.pieces):
            return (0, 0)
        return read.pieces[self.index].locator.locate(*keys, key=key)


# -- records <-> JSON ---------------------------------------------------------------------------

def _record_json(r, files):
    d = to_dict(r)
    d["where"] = [files.setdefault(r.where[0], len(files)), *r.where[1:]]
    if isinstance(r, Source):
        d["text_path"] = r.text_path
    return d


def _when(v):
    return None if v is None else parse_when(v)


def _where(w, files):
    return (files[w[0]], w[1], w[2])


def _source(d, files):
    return Source(**{**d, "published": _when(d["published"]), "where": _where(d["where"], files)})


def _entity(d, files):
    return Entity(**{**d, "aliases": tuple(d["aliases"]), "where": _where(d["where"], files)})


class Cache:
    """The cache of one load (see the module docs); ``Cache(None)`` is a cache that is off."""

    def __init__(self, folder, *, enabled=True):
        off = os.environ.get("ACTORGRAPH_CACHE", "").strip().lower() in _OFF
        self.folder = cache_folder(folder) if enabled and not off else None
        self.hits = self.misses = 0

    def _entry(self, kind, key):
        return os.path.join(self.folder, kind, key[:2], key + ".json")

    def _read(self, kind, key):
        if self.folder is None:
            return None
        try:
            with open(self._entry(kind, key), "rb") as f:
                data = json.loads(f.read())
        except (OSError, ValueError, RecursionError):
            return None
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("key") != key:
            return None
        return data

    def _write(self, kind, key, data):
        if self.folder is None:
            return
        path = self._entry(kind, key)
        try:
            os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
            write_atomic(path, json.dumps({"format": FORMAT, "key": key, **data}, ensure_ascii=False,
                                          separators=(",", ":")))
        except (OSError, ActorgraphError):
            pass   # a cache that cannot be written only costs time

    # -- one data file ----------------------------------------------------------------------
    @staticmethod
    def file_key(path, data, base_dir):
        h = hashlib.sha256(program_version().encode())
        for part in (os.path.abspath(path), base_dir or ""):
            h.update(part.encode() + b"\0")
        h.update(data)
        return h.hexdigest()

    def get_file(self, path, key, reread):
        """The :class:`FileRead` of *path* from the cache, or ``None``."""
        data = self._read("files", key)
        try:
            pieces = [Piece(kind, decode_values(values), _Reread(path, i, reread, (line, col)), base)
                      for i, (kind, values, base, line, col) in enumerate(data["pieces"])] if data else None
        except (KeyError, TypeError, ValueError):
            pieces = None
        if pieces is None:
            self.misses += 1
            return None
        self.hits += 1
        return FileRead(path, pieces=pieces)

    def put_file(self, key, read):
        if self.folder is None:
            return
        if read.problems or not read.complete or any(p.tainted for p in read.pieces):
            return
        self._write("files", key, {"pieces": [[p.kind, encode_values(p.values), p.base_dir, *p.locator.locate()]
                                              for p in read.pieces]})

    # -- one whole load ---------------------------------------------------------------------
    @staticmethod
    def load_key(file_keys, options):
        h = hashlib.sha256(program_version().encode())
        h.update(json.dumps([sorted(file_keys.items()), os.path.abspath(options.root or "."),
                             options.allow_texts_outside, options.max_text_bytes]).encode())
        return h.hexdigest()

    @staticmethod
    def _texts_digest(paths):
        h = hashlib.sha256()
        for p in paths:
            try:
                with open(p, "rb") as f:
                    h.update(p.encode() + b"\0" + hashlib.sha256(f.read()).digest())
            except OSError:
                return None
        return h.hexdigest()

    def get_records(self, key):
        """``(sources, entities, relations)`` of a clean earlier load with the same inputs, or
        ``None``; the relations are a :class:`~graph.columns.LazyRelations`, built when asked for."""
        data = self._read("loads", key)
        if data is None or self._texts_digest(data.get("texts", [])) != data.get("texts_digest"):
            return None
        try:
            files = data["files"]
            sources = {d["id"]: _source(d, files) for d in data["sources"]}
            entities = {d["id"]: _entity(d, files) for d in data["entities"]}
            relations = LazyRelations(data["relations"], [e.id for e in entities.values()], list(sources), files)
            return sources, entities, relations
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            return None

    def put_records(self, key, records):
        if self.folder is None:
            return
        texts = sorted({s.text_path for s in records.sources.values() if s.text_path})
        digest = self._texts_digest(texts)
        if digest is None:
            return
        files, relations = {}, None
        lazy = records.relations.columns() if isinstance(records.relations, LazyRelations) else None
        if lazy is not None and lazy[1] == list(records.entities) and lazy[2] == list(records.sources):
            relations, files = lazy[0], {f: i for i, f in enumerate(lazy[3])}   # the columns as they are
        entry = {"texts": texts, "texts_digest": digest,
                 "sources": [_record_json(r, files) for r in records.sources.values()],
                 "entities": [_record_json(r, files) for r in records.entities.values()]}
        entry["relations"] = relations if relations is not None else to_columns(
            records.relations.values(), {k: i for i, k in enumerate(records.entities)},
            {k: i for i, k in enumerate(records.sources)}, files)
        entry["files"] = list(files)
        self._write("loads", key, entry)
