"""The load cache: what unchanged files held, read back without parsing them; never trusted blindly.

Two kinds of entry, each JSON (no pickle: a planted cache file cannot run code), in the
user's cache folder (never in the data folder):

* per data file, the records it holds as plain values, keyed by the file's bytes, its path
  and the program's version. The entries of one data folder's files are kept together in
  one *pack*, written once per load that changed them (not one write, let alone one disk
  sync, per file: 100,000 small files cost one write). A file whose read found a problem
  is never cached, so its problems are always reported. The records of a cached file are
  validated again with the others (validation problems are never cached away); their
  locations come from reading the file again, only when a problem is reported.
* per load, the validated records, keyed by every data file's key, every stored text's
  bytes and the load's options. It is written only when the load found no problem, and
  read only when all of these are the same; every check an uncached load makes on stored
  texts is made again (inside the data folder after following links, a regular file within
  the size limit). Its relations are columns (:mod:`graph.columns`), checked for shape and
  type when read, each relation built when it is asked for.

Every entry is sealed: a keyed digest (HMAC-SHA256) of its key and its content, with a
secret key kept in the user's configuration folder (:mod:`graph.cache_key`), not in the
cache folder, which may be shared. An entry edited in place, planted, copied under another
key, truncated, foreign or stale is ignored (and replaced). Without a usable key the cache
is off. ``ACTORGRAPH_CACHE=off`` (or ``--no-cache``, ``cache=False``) turns the cache off;
``ACTORGRAPH_CACHE_DIR`` (or ``--cache-dir``) moves it.

How values and records are written as JSON: :mod:`graph.cache_json`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import tempfile

from .bulk_columns import TableColumns
from .cache_json import decode_values, encode_values, entity_of, record_json, source_of
from .cache_key import secret
from .columns import WORDS, Joined, LazyRelations, check_columns, join, to_columns
from .read import READERS, reader_for
from .read.base import FileRead, Locator, Piece
from .read.safe import ReadProblem, read_limited
from .records import Records
from .texts import resolve_text

__all__ = ["Cache", "look_up", "cache_folder", "encode_values", "decode_values"]

FORMAT = "actorgraph-cache-6"
_MAGIC = FORMAT.encode() + b"\n"
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
    for folder, names in (
        (
            here,
            (
                "cache.py",
                "cache_json.py",
                "cache_key.py",
                "columns.py",
                "bulk_columns.py",
                "loader.py",
                "model.py",
                "vocab.py",
                "when.py",
                "texts.py",
            ),
        ),
        (os.path.join(here, "read"), None),
        (os.path.join(here, "records"), None),
    ):
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


def _write_unsynced(path, data):
    """Write *data* to *path* through a temporary file renamed over it (no disk sync: an entry
    torn by a crash fails its seal and is ignored)."""
    folder = os.path.dirname(path)
    os.makedirs(folder, mode=0o700, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".entry.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


class Cache:
    """The cache of one load (see the module docs); ``Cache(None)`` is the default folder, and
    ``enabled=False`` a cache that is off. *key_folder*: where the secret key is kept (default:
    the user's configuration folder). A load asks it twice: :meth:`look_up` before it reads,
    :meth:`keep` after it has validated."""

    def __init__(self, folder, *, enabled=True, key_folder=None):
        off = os.environ.get("ACTORGRAPH_CACHE", "").strip().lower() in _OFF
        self.secret = secret(key_folder) if enabled and not off else None
        self.folder = cache_folder(folder) if self.secret is not None else None
        #: the answer of :meth:`look_up`: the records of the whole load, else each unchanged file's read
        self.records, self.reads = None, {}
        self._keys, self._load, self._options = {}, None, None
        self._pack_key = None  # the pack of the data folder being loaded
        self._pack = None  # file key -> entry, as read from the pack (on first use)
        self._kept = {}  # file key -> entry: read from the cache by this load
        self._again = {}  # path -> the file read again, for the location of a cached record

    @property
    def keeps(self) -> bool:
        """True when :meth:`keep` will write the records of the files read anew (so they must stay whole)."""
        return self.folder is not None and len(self.reads) < len(self._keys)

    # -- the two answers ---------------------------------------------------------------------
    def look_up(self, contents, options, *, replaced=(), clean=True):
        """Look up a load of *contents* (data file -> its bytes, or the read of one that could not be
        read) under *options*: ``self.records`` is the :class:`~graph.records.Records` of a clean earlier
        load of the very same files (*clean*: nothing went wrong before reading), else ``None`` and
        ``self.reads`` maps each unchanged file to its read. Files *replaced* (not on disk) are not cached."""
        self._options = options
        if self.folder is None:
            return self
        self._keys = {
            f: self.file_key(f, data, os.path.dirname(f))
            for f, data in contents.items()
            if isinstance(data, bytes) and f not in replaced
        }
        if clean and len(self._keys) == len(contents):
            self._load = self.load_key(self._keys, options)
            self.records = self._get_records(self._load, options, contents)
        if self.records is None:
            self._pack_key = hashlib.sha256(b"pack\0" + os.path.abspath(options.root or ".").encode()).hexdigest()
            for f, key in self._keys.items():
                found = self._get_file(f, key)
                if found is not None:
                    self.reads[f] = found
        return self

    def keep(self, reads, records):
        """Keep what this load read and found: the entries of the files read anew whose read found
        no problem (in one write), and, when nothing was wrong anywhere, the validated *records*."""
        if self.folder is None:
            return
        fresh = {}
        for read in reads:
            key = self._keys.get(read.path)
            if key is not None and read.path not in self.reads and _plain_read(read):
                fresh[key] = [[p.kind, encode_values(p.values), *p.locator.locate()] for p in read.pieces]
        if fresh and self._pack_key is not None:
            self._write("packs", self._pack_key, {"files": {**self._kept, **fresh}})
        if self._load and not records.problems and not any(r.problems for r in reads):
            self._put_records(self._load, records, self._options)

    # -- sealed entries ---------------------------------------------------------------------
    def _entry(self, kind, key):
        return os.path.join(self.folder, kind, key[:2], key + ".json")

    def _mac(self, key, body):
        return hmac.new(self.secret, key.encode() + b"\0" + body, hashlib.sha256).hexdigest().encode()

    def seal(self, key, data):
        """The bytes of the entry *key* holding *data* (a dict): the format, the seal, the JSON."""
        body = json.dumps({"format": FORMAT, "key": key, **data}, ensure_ascii=False, separators=(",", ":")).encode(
            "utf-8"
        )
        return _MAGIC + self._mac(key, body) + b"\n" + body

    def unseal(self, key, raw):
        """The data of the entry bytes *raw* when its seal is this key's and this cache's, else ``None``."""
        if not raw.startswith(_MAGIC):
            return None
        mac, _, body = raw[len(_MAGIC) :].partition(b"\n")
        if not hmac.compare_digest(mac, self._mac(key, body)):
            return None
        try:
            data = json.loads(body)
        except (ValueError, RecursionError):
            return None
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("key") != key:
            return None
        return data

    def _read(self, kind, key):
        if self.folder is None:
            return None
        try:
            with open(self._entry(kind, key), "rb") as f:
                raw = f.read()
        except OSError:
            return None
        return self.unseal(key, raw)

    def _write(self, kind, key, data):
        if self.folder is None:
            return
        try:
            _write_unsynced(self._entry(kind, key), self.seal(key, data))
        except (OSError, ValueError):
            pass  # a cache that cannot be written only costs time

    # -- one data file ----------------------------------------------------------------------
    @staticmethod
    def file_key(path, data, base_dir):
        h = hashlib.sha256(program_version().encode())
        for part in (os.path.abspath(path), base_dir or ""):
            h.update(part.encode() + b"\0")
        h.update(data)
        return h.hexdigest()

    def _packed(self):
        if self._pack is None:
            data = self._read("packs", self._pack_key) if self._pack_key else None
            files = data.get("files") if data is not None else None
            self._pack = files if isinstance(files, dict) else {}
        return self._pack

    def _get_file(self, path, key):
        """The :class:`FileRead` of *path* from the data folder's pack, or ``None``."""
        entry = self._packed().get(key)
        try:
            base = os.path.dirname(path)
            pieces = (
                [
                    Piece(kind, decode_values(values), _Reread(path, i, self._read_again, (line, col)), base)
                    for i, (kind, values, line, col) in enumerate(entry)
                ]
                if entry
                else None
            )
        except (KeyError, TypeError, ValueError):
            pieces = None
        if pieces is None:
            return None
        self._kept[key] = entry
        return FileRead(path, pieces=pieces)

    def _read_again(self, path):
        """The read of *path* from its file (once), for the locations of its records that came from
        the cache; ``None`` when it cannot be read."""
        if path not in self._again:
            try:
                data = read_limited(path, self._options.max_text_bytes)
            except ReadProblem:
                self._again[path] = None
            else:
                self._again[path] = (reader_for(path) or READERS[".yaml"])(path, data, base_dir=os.path.dirname(path))
        return self._again[path]

    # -- one whole load ---------------------------------------------------------------------
    @staticmethod
    def load_key(file_keys, options):
        h = hashlib.sha256(program_version().encode())
        h.update(
            json.dumps(
                [
                    sorted(file_keys.items()),
                    os.path.abspath(options.root or "."),
                    options.allow_texts_outside,
                    options.max_text_bytes,
                ]
            ).encode()
        )
        return h.hexdigest()

    @staticmethod
    def _texts_digest(paths, max_bytes):
        """A digest of the stored texts, read as a load reads them (regular files within the size
        limit); ``None`` when one cannot be read so."""
        h = hashlib.sha256()
        for p in paths:
            try:
                data = read_limited(p, max_bytes)
            except ReadProblem:
                return None
            h.update(p.encode() + b"\0" + hashlib.sha256(data).digest())
        return h.hexdigest()

    def _get_records(self, key, options, contents):
        """The :class:`~graph.records.Records` of a clean earlier load with the same inputs, or ``None``;
        the relations are a :class:`~graph.columns.LazyRelations`, built when asked for."""
        data = self._read("loads", key)
        if data is None:
            return None
        try:
            files = data["files"]
            sources = {d["id"]: source_of(d, files) for d in data["sources"]}
            texts = sorted({s.text_path for s in sources.values() if s.text_path})
            if (
                not _confined(sources.values(), options)
                or data["texts"] != texts
                or self._texts_digest(texts, options.max_text_bytes) != data["texts_digest"]
            ):
                return None
            entities = {d["id"]: entity_of(d, files) for d in data["entities"]}
            ids = [e.id for e in entities.values()]
            relations = data["relations"]
            if data["tables"]:  # (the rows of bulk files, read again from their bytes: those of the key)
                check_columns(relations, len(ids), len(sources), len(files))
                if len(set(relations["id"])) != len(relations["id"]):
                    return None
                tables = [_table(files, t["file"], t["rows"], contents, ids, list(sources)) for t in data["tables"]]
                if None in tables:
                    return None
                relations = LazyRelations(join(relations, tables), ids, list(sources), files, checked=True)
            else:
                relations = LazyRelations(relations, ids, list(sources), files)
            return Records(sources, entities, relations, files=sorted(contents))
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            return None

    def _put_records(self, key, records, options):
        texts = sorted({s.text_path for s in records.sources.values() if s.text_path})
        digest = self._texts_digest(texts, options.max_text_bytes)
        if digest is None:
            return
        files, relations, tables = {}, None, []
        lazy = records.relations.columns() if isinstance(records.relations, LazyRelations) else None
        if (
            lazy is not None
            and lazy[1] == [e.id for e in records.entities.values()]
            and lazy[2] == list(records.sources)
        ):
            files = {f: i for i, f in enumerate(lazy[3])}
            parts = lazy[0].parts if isinstance(lazy[0], Joined) else [lazy[0]]
            tables = [
                {"file": p.file_no, "rows": _runs(p.positions, p.table.n)} for p in parts if isinstance(p, TableColumns)
            ]
            mine = [p for p in parts if not isinstance(p, TableColumns)]
            relations = mine[0] if mine else to_columns([], {}, {}, files, {w: i for i, w in enumerate(WORDS)})
        entry = {
            "texts": texts,
            "texts_digest": digest,
            "tables": tables,
            "sources": [record_json(r, files) for r in records.sources.values()],
            "entities": [record_json(r, files) for r in records.entities.values()],
        }
        entry["relations"] = (
            relations
            if relations is not None
            else to_columns(
                records.relations.values(),
                {k: i for i, k in enumerate(records.entities)},
                {k: i for i, k in enumerate(records.sources)},
                files,
            )
        )
        entry["files"] = list(files)
        self._write("loads", key, entry)


def _plain_read(read):
    """True when the per-file cache may keep *read*: read in full, without a problem, and not a bulk
    file's table (read again as fast as an entry would be)."""
    return (
        not read.problems
        and read.complete
        and getattr(read.pieces, "table", None) is None
        and not any(p.tainted for p in read.pieces)
    )


def _runs(positions, n):
    """*positions* (ascending; ``None``: all *n*) as runs ``[first, past the last]``."""
    if positions is None:
        return [[0, n]] if n else []
    runs = []
    for p in positions:
        if runs and runs[-1][1] == p:
            runs[-1][1] = p + 1
        else:
            runs.append([p, p + 1])
    return runs


def _table(files, k, runs, contents, entities, sources):
    """The :class:`~graph.bulk_columns.TableColumns` of the rows *runs* of the bulk file number *k*,
    read again from its bytes in *contents*, or ``None``."""
    path = files[k]
    data = contents.get(path)
    read = reader_for(path)(path, data, base_dir=os.path.dirname(path)) if isinstance(data, bytes) else None
    table = getattr(read.pieces, "table", None) if read is not None and not read.problems else None
    if table is None:
        return None
    positions = [p for a, b in runs for p in range(a, b)]
    if positions != sorted(set(positions)) or (positions and not 0 <= positions[0] <= positions[-1] < table.n):
        return None
    return TableColumns(table, None if len(positions) == table.n else positions, entities, sources, k)


def _confined(sources, options):
    """True when every source's stored text is where an uncached load would find it and allow it:
    resolved from its data file's folder, inside the data folder (links followed) unless allowed."""
    for s in sources:
        if s.text is None:
            if s.text_path is not None:
                return False
            continue
        path, outside = resolve_text(
            s.text, os.path.dirname(s.where[0]), options.root, allow_outside=options.allow_texts_outside
        )
        if outside or path != s.text_path:
            return False
    return True


def look_up(contents, options, *, folder=None, enabled=True, replaced=(), clean=True) -> Cache:
    """The load cache in *folder* (see :class:`Cache`; *enabled*: False for none), having looked up the
    load of *contents* (:meth:`Cache.look_up`)."""
    return Cache(folder, enabled=enabled).look_up(contents, options, replaced=replaced, clean=clean)
