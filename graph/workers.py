"""Validating relation files in worker processes: a large cold load on every core.

A cold load of a large folder spends nearly all its time reading and validating relation
files, one after another. :func:`check_in_workers` forks worker processes first, each for a
run of the files that hold nothing but relations; a worker reads its files while the load reads
and validates the other files (sources, entities, and any relations they hold), receives the
sources and entities from it, validates its relations against them and sends them back as
columns (:mod:`graph.columns`), with its problems. The relations are built from the columns
when asked for, as after a load from the cache.

The result is the one a load in one process gives, problems included. What a worker cannot
settle alone (a file that could not be read in full, an id that another worker's files use
too, an extension of a relation of another worker's files, counts past the limits, a file that
holds more than relations) makes :func:`check_in_workers` return ``None``, and the loader then
reads and validates everything in one process.

Workers run on Linux only (they are forks of the load), when more than one core is usable and
the relation files hold at least :data:`MIN_BYTES`; ``ACTORGRAPH_WORKERS=N`` (or
``graph.load(..., workers=N)``) asks for *N* processes, and ``1`` for none. The load and its
workers talk through pipes between a process and its own forks, never through a file (so the
pickled records the load sends come from the load itself).

>>> planned_workers(1, 10**9)
1
>>> planned_workers(3, 10**9) == (3 if can_fork() else 1)
True
>>> relations_only("r.yaml", b"relations:\\n  - {id: r1}\\n"), relations_only("e.yaml", b"entities: []\\n")
(True, False)
"""

from __future__ import annotations

import marshal
import os
import pickle
import re
import select
import signal
import sys
import threading

from .columns import LazyRelations, concat, to_columns
from .errors import Problem
from .records import Records
from .records.entities import build_entities
from .records.ids import Ids
from .records.relations import build_relations, extend_relations
from .records.sources import build_sources
from .vocab import CONTEXTS, MODALITIES, RELATION_TYPES

__all__ = ["check_in_workers", "planned_workers", "relations_only", "relation_files", "can_fork", "MIN_BYTES",
           "MAX_AUTO"]

#: Relation files smaller than this in all are validated in one process (a fork costs more).
MIN_BYTES = 4_000_000
#: The most worker processes started without being asked for.
MAX_AUTO = 4

# a line that starts a top-level key other than 'relations' (or anything else at the margin)
_OTHER_KEY = re.compile(rb"(?m)^(?!relations[ \t]*:)[^\s#-]")


def can_fork():
    """True where worker processes can be forked (Linux)."""
    return hasattr(os, "fork") and sys.platform.startswith("linux")


def _cores():
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def planned_workers(workers, relation_bytes):
    """How many processes validate relation files: *workers* when given (``None``: the
    ``ACTORGRAPH_WORKERS`` variable, else every usable core up to :data:`MAX_AUTO` for
    *relation_bytes* of at least :data:`MIN_BYTES`, none while other threads run); 1 means
    the load stays in its own process."""
    if workers is None:
        asked = os.environ.get("ACTORGRAPH_WORKERS", "").strip()
        if asked.isdigit():
            workers = int(asked)
        elif relation_bytes < MIN_BYTES or threading.active_count() > 1:
            return 1
        else:
            workers = min(_cores(), MAX_AUTO)
    return max(int(workers), 1) if can_fork() else 1


def relations_only(path, data):
    """True when the YAML file *path* (its bytes *data*) looks like it holds nothing but
    ``relations`` (a worker checks that it does)."""
    return (isinstance(data, bytes) and path.endswith((".yaml", ".yml")) and b"relations" in data
            and _OTHER_KEY.search(data) is None)


def _runs(files, sizes, n):
    """*files* cut into at most *n* runs (in order) of about the same number of bytes."""
    total, runs, done = sum(sizes), [[]], 0
    for f, size in zip(files, sizes):
        if runs[-1] and len(runs) < n and done + size / 2 > total * len(runs) / n:
            runs.append([])   # (this file's middle is past the end of the run's share)
        runs[-1].append(f)
        done += size
    return runs


def _words():
    """Every word a relation's columns may number (types, modalities, modes, contexts), numbered
    alike in every process."""
    found = dict.fromkeys(RELATION_TYPES)
    found.update(dict.fromkeys(MODALITIES))
    for t in RELATION_TYPES.values():
        found.update(dict.fromkeys(t.modes))
    found.update(dict.fromkeys(CONTEXTS))
    return {w: i for i, w in enumerate(found)}


def _local(extensions, defined):
    """True when every extension names a relation of the same process (*defined*: the ids of
    its relations, valid or not), or none."""
    return all(rid is None or rid in defined for _, rid in extensions)


# -- one worker -------------------------------------------------------------------------------
#: What a worker needs of the load's own records to validate relations.
_CONTEXT = ("sources", "entities", "names", "invalid_entities", "invalid_sources", "texts", "raw_texts")


def _receive(fd, wait):
    """The records' context the load sends (see :data:`_CONTEXT`): ``None`` while it has not come
    (unless *wait*), ``False`` when the load sent none (it goes on without the workers)."""
    if not wait and not select.select([fd], [], [], 0)[0]:
        return None
    with os.fdopen(os.dup(fd), "rb") as f:
        head = f.read(8)
        size = int.from_bytes(head, "little") if len(head) == 8 else -1
        data = f.read(size) if size >= 0 else b""
    return pickle.loads(data) if size >= 0 and len(data) == size else False


_HELD = []   # (in a worker: what it built, kept until it exits)


def _work(files, read, fd, options, numbers, keep):
    """What one worker sends: its relations as columns (a list of parts, see
    :func:`~graph.columns.concat`), its problems, every id it saw (lower-cased), or
    ``{"serial": why}`` when the load must be done in one process.

    It reads its files while the load validates the sources and entities, and validates them
    once it has received those (:func:`_receive` from *fd*); after that, a file is read and
    validated before the next is read. Unless it must *keep* them (its files may hold
    extensions), each file's relations are turned into columns once validated."""
    out, context, waiting, parts = Records(), None, [], []
    ids, extensions, count = Ids("relation"), [], 0
    entity_no = source_no = None
    for f in sorted(files) + [None]:
        if f is not None:
            r = read(f)
            if not r.complete:
                return {"serial": f"{r.path} could not be read in full"}
            if any(p.kind != "relations" for p in r.pieces):
                return {"serial": f"{r.path} holds more than relations"}
            out.problems.extend(r.problems)
            count += len(r.pieces)
            waiting.append(r)
            del r
        if context is None:
            context = _receive(fd, wait=f is None)
            if context is False:
                return {"serial": "the load goes on without its workers"}
            if context is not None:
                for name in _CONTEXT:
                    setattr(out, name, context[name])
                entity_no = {k: i for i, k in enumerate(out.entities)}
                source_no = {k: i for i, k in enumerate(out.sources)}
        if context is not None:
            for r in waiting:
                extensions += build_relations(r.pieces, out, options, ids=ids, extend=False)
                if not keep:
                    parts.append(to_columns(out.relations.values(), entity_no, source_no, *numbers))
                    out.relations = {}
            waiting = []
    _HELD.append((out, ids, extensions))   # let go with the process, not one object after another
    if extensions and not keep or not _local(extensions, ids.first):
        return {"serial": "an extension names a relation of another worker's files"}
    if keep:
        extend_relations(extensions, out)
        parts.append(to_columns(out.relations.values(), entity_no, source_no, *numbers))
    out.relations = None
    return {"columns": parts, "problems": [(p.path, p.line, p.col, p.message) for p in out.problems],
            "ids": list(ids.lower), "invalid": list(out.invalid_relations), "count": count,
            "unchecked": out.unchecked}


def _start(job, others):
    """Fork a worker that runs ``job(fd)`` (*fd*: the pipe the load sends the records' context
    through) and sends back what it returns; ``[pid, pipe from it, pipe to it]``. The pipes of
    the workers started before (*others*) are closed in it."""
    r, w = os.pipe()
    to_r, to_w = os.pipe()
    pid = os.fork()
    if pid == 0:   # the worker: never back into the caller's code, whatever happens
        status = 1
        try:
            for fd in [r, to_w, *(fd for other in others for fd in other[1:] if fd is not None)]:
                os.close(fd)
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            data = marshal.dumps(job(to_r), 2)   # (version 2: no table of the objects already written)
            with os.fdopen(w, "wb") as f:
                f.write(len(data).to_bytes(8, "little"))
                f.write(data)
            status = 0
        finally:
            os._exit(status)
    os.close(w)
    os.close(to_r)
    return [pid, r, to_w]


def _send(job, data):
    """Send the records' context (pickled, see :data:`_CONTEXT`) to the worker *job*."""
    fd, job[2] = job[2], None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(len(data).to_bytes(8, "little"))
            f.write(data)
    except OSError:   # the worker has gone: what it sends back says so
        pass


def _finish(job):
    """What the worker *job* sent, or ``None`` when it failed (the worker is reaped later, by
    :func:`_stop`: its memory can take a while to go)."""
    with os.fdopen(job[1], "rb") as f:
        job[1] = None
        head = f.read(8)
        size = int.from_bytes(head, "little") if len(head) == 8 else -1
        data = f.read(size) if size > 0 else b""
    if len(data) != size:
        return None
    try:
        found = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None
    return found if isinstance(found, dict) else None


def _stop(jobs):
    """Stop the workers still running (after a failure or Ctrl-C) and reap them all."""
    for job in jobs:
        pid, fds = job[0], job[1:]
        for fd in fds:
            if fd is not None:
                os.close(fd)
        if pid is not None:
            try:
                if any(fd is not None for fd in fds):   # (one that has sent what it found is exiting)
                    os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except OSError:
                pass


# -- the load ---------------------------------------------------------------------------------
def check_in_workers(files, theirs, read, limits, options, n):
    """The :class:`~graph.records.Records` of *files* (problems unsorted, the reads' own
    included), the files of *theirs* (relation files) read and validated by *n* worker
    processes; ``None`` when the load must be done in one process instead.

    *read* gives a file's :class:`~graph.read.base.FileRead`; *limits* and *options* are the
    loader's. The workers start first, and read their files while this process reads and
    validates the others.
    """
    numbers = ({f: i for i, f in enumerate(files)}, _words())
    sizes = [len(theirs[f]) for f in sorted(theirs)]
    jobs = []
    try:
        for run in _runs(sorted(theirs), sizes, n):
            keep = any(b"extend" in theirs[f] for f in run)   # (an extension says 'extend: true')
            jobs.append(_start(lambda fd, run=run, keep=keep: _work(run, read, fd, options, numbers, keep), jobs))
        reads = sorted((read(f) for f in files if f not in theirs), key=lambda r: r.path)
        if any(not r.complete for r in reads):
            return None
        out = Records()
        by_kind = {"sources": [], "entities": [], "relations": []}
        for r in reads:
            for piece in r.pieces:
                by_kind[piece.kind].append(piece)
        if len(by_kind["entities"]) > limits.max_entities:
            return None
        build_sources(by_kind["sources"], out, options)
        build_entities(by_kind["entities"], out, options)
        try:
            context = pickle.dumps({name: getattr(out, name) for name in _CONTEXT}, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
            return None
        for job in jobs:
            _send(job, context)
        del context
        ids = Ids("relation")
        extensions = build_relations(by_kind["relations"], out, options, ids=ids, extend=False)
        if not _local(extensions, ids.first):
            return None
        extend_relations(extensions, out)
        mine = {"columns": to_columns(out.relations.values(), {k: i for i, k in enumerate(out.entities)},
                                      {k: i for i, k in enumerate(out.sources)}, *numbers),
                "ids": ids.lower, "count": len(by_kind["relations"]),
                "problems": [p for r in reads for p in r.problems]}
        del reads, by_kind   # (let go while the workers work)
        found = [_finish(job) for job in jobs]
        out.workers = len(jobs)
        return _joined(out, mine, found, files, limits)
    finally:
        _stop(jobs)   # (the workers that have sent what they found are reaped after the joining)


def _joined(out, mine, found, files, limits):
    """*out* with the workers' relations and problems, or ``None`` (see :func:`check_in_workers`)."""
    if any(f is None or "serial" in f or f["unchecked"] for f in found) or out.unchecked:
        return None
    ids = [mine["ids"], *(f["ids"] for f in found)]
    if len(set().union(*ids)) != sum(map(len, ids)):
        return None   # an id in two processes' files: a duplicate, reported by the one-process load
    if sum(f["count"] for f in found) + mine["count"] > limits.max_relations:
        return None
    try:
        columns = concat([mine["columns"], *(part for f in found for part in f["columns"])])
        out.relations = LazyRelations(columns, [e.id for e in out.entities.values()], list(out.sources), files,
                                      made_here=True)
    except (ValueError, KeyError, TypeError, IndexError):
        return None
    out.problems.extend(mine["problems"])
    for f in found:
        out.problems.extend(Problem(*p) for p in f["problems"])
        out.invalid_relations.update(f["invalid"])
    return out


def relation_files(contents):
    """The files of *contents* (path -> bytes) that look like relations only, path -> bytes."""
    return {f: data for f, data in contents.items() if relations_only(f, data)}

