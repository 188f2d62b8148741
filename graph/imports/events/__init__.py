"""Import event datasets (GDELT 2.0, ICEWS, ACLED, POLECAT) into bulk relation files of a data folder.

``import_events(files, "gdelt", "data/events")`` converts the files, in their
published layouts, into three files named after the import (``NAME``, by
default the format and the first file's name, e.g. ``gdelt-20240101``):

* ``NAME.sources.jsonl``: the one ``dataset`` source of the import;
* ``NAME.entities.jsonl``: the entities the import had to create (actor codes
  or names that match no entity of the data folder, nor of the bulk entity files
  already in the output folder -- earlier imports --; see :mod:`.actors`);
* ``NAME.relations.parquet`` (or ``.jsonl``): one relation per event, ``modality:
  reported``, with ``{source, record}`` evidence: the event's own record
  (its id, and its URL where the dataset gives one).

Every file is checked first: a wrong or missing column, a row of the wrong
width, a bad CAMEO code or date... is a :class:`~graph.errors.Problem` at
``FILE:LINE[:COLUMN]``, and with any problem :class:`~graph.errors.DataError` is
raised and nothing is written. The outputs are written to temporary files in
the folder and renamed only once all are complete, so a failed import leaves
nothing half-written. Needs pyarrow (``actorgraph[bulk]``).

>>> sorted(FORMATS)
['acled', 'gdelt', 'icews', 'polecat']
"""

from __future__ import annotations

import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field

from ...atomic import check_output_path
from ...errors import DataError, OutputError, Problem
from ...read.bulk import write_jsonl, write_parquet
from ...texts import inside
from . import acled, gdelt, icews, polecat
from .actors import Actors
from .checked import earlier_relation_ids, problems_in

__all__ = ["import_events", "ImportResult", "FORMATS"]

FORMATS = {
    "gdelt": (gdelt.convert, "GDELT 2.0 events", "https://www.gdeltproject.org/"),
    "icews": (icews.convert, "ICEWS coded event data", "https://dataverse.harvard.edu/dataverse/icews"),
    "acled": (acled.convert, "ACLED events", "https://acleddata.com/"),
    "polecat": (
        polecat.convert,
        "POLECAT (PLOVER) events",
        "https://dataverse.harvard.edu/dataset.xhtml?persistentId=doi:10.7910/DVN/AJGVIT",
    ),
}
"""format -> (converter, title, where the dataset is published)."""


@dataclass
class ImportResult:
    """What an import wrote."""

    files: list  # the paths written
    relations: int
    entities: int  # entities created
    source: str  # the id of the import's dataset source
    skipped: Counter = field(default_factory=Counter)  # events left out, by reason
    notes: list = field(default_factory=list)  # what was read otherwise than written (and where)

    def __str__(self):
        out = [f"wrote {p}" for p in self.files]
        out.append(f"({self.relations:,} relations, {self.entities:,} new entities, source '{self.source}')")
        out += [f"left out {n:,} events {why}" for why, n in sorted(self.skipped.items())]
        out += [f"note: {n}" for n in self.notes]
        return "\n".join(out)


def _name(fmt, files):
    stem = os.path.basename(str(files[0])).split(".")[0].lower()
    return re.sub(r"[^a-z0-9]+", "-", stem if stem.startswith(fmt) else f"{fmt}-{stem}").strip("-")


def _entities_of(existing):
    if existing is None:
        return []
    from ...model import to_dict

    return [to_dict(e) for e in existing.entities.values()]


def _bulk_entities(folder, name):
    """The entities of the bulk files in *folder* (earlier imports), but those of import *name* itself."""
    from ...read import reader_for
    from ...read.bulk import kind_of

    out = []
    if not os.path.isdir(folder):
        return out
    for f in sorted(os.listdir(folder)):
        path = os.path.join(folder, f)
        read = reader_for(f)
        if read is None or f.startswith(name + ".") or f.startswith(".") or kind_of(f, ()) != "entities":
            continue
        with open(path, "rb") as fh:
            fr = read(path, fh.read(), base_dir=folder)
        out += [p.values for p in fr.pieces if isinstance(p.values.get("id"), str)]
    return out


def _write_all(outputs, protect):
    """Write every (path, bytes) to a temporary file, then rename them all; on a failure, remove them."""
    temps = []
    try:
        for path, data in outputs:
            check_output_path(path, protect)
            fd, tmp = tempfile.mkstemp(
                prefix="." + os.path.basename(path) + ".", suffix=".tmp", dir=os.path.dirname(os.path.abspath(path))
            )
            temps.append((tmp, path))
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, 0o644)
        for tmp, path in temps:
            os.replace(tmp, path)
    except OSError as exc:
        for tmp, _ in temps:
            if os.path.exists(tmp):
                os.unlink(tmp)
        raise OutputError(f"cannot write the import: {exc.strerror or exc}") from None


def import_events(
    files, fmt, out_dir, *, existing=None, name=None, bulk="parquet", protect=(), existing_folder=None
) -> ImportResult:
    """Convert event *files* of format *fmt* into bulk files in the folder *out_dir* (created if needed).

    *existing*: a Dataset whose entities actor codes and names are matched against
    (states by ``codes.iso3``/``codes.cameo`` or id), loaded from *existing_folder* (when
    *out_dir* lies in it, the events it holds already are not imported again). *bulk*:
    ``"parquet"`` or ``"jsonl"`` for the relations file. Raises DataError (nothing written)
    for problems in the files, or in what would be written.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    if fmt not in FORMATS:
        raise ValueError(f"unknown event format '{fmt}'; expected one of: " + ", ".join(FORMATS))
    convert, title, url = FORMATS[fmt]
    files = [os.fspath(f) for f in files]
    name = name or _name(fmt, files)
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]*", name):
        raise ValueError(
            f"the import's name '{name}' must be letters, digits, - and _ (it names its files and its source)"
        )
    joined = _entities_of(existing) + _bulk_entities(out_dir, name)
    actors = Actors(joined)
    problems, tables, skipped, notes = [], [], Counter(), []
    for path in files:
        if not os.path.isfile(path):
            problems.append(Problem(path, 0, 0, "no such file"))
            continue
        table = convert(path, actors, name, problems, skipped, notes=notes)
        if table is not None:
            tables.append(table)
    if not problems and tables:
        ids = pa.concat_tables(tables).column("id")
        if len(pc.unique(ids)) != len(ids):
            dup = pc.value_counts(ids)
            twice = pc.filter(dup.field("values"), pc.greater(dup.field("counts"), 1)).to_pylist()
            problems.append(
                Problem(
                    files[0],
                    0,
                    0,
                    f"{len(twice)} event ids appear in more than one row or file, e.g. {', '.join(twice[:3])}",
                )
            )
    if problems:
        raise DataError(sorted(problems))
    relations = pa.concat_tables(tables) if tables else pa.table({"id": pa.array([], pa.string())})
    source = {
        "id": name,
        "title": f"{title}: {', '.join(os.path.basename(f) for f in files)}",
        "kind": "dataset",
        "url": url,
        "note": f"imported by actorgraph import --format {fmt} from {len(files)} file(s)",
    }
    base = os.path.join(out_dir, name)
    bulk_files = [os.path.join(out_dir, f) for f in os.listdir(out_dir)] if os.path.isdir(out_dir) else []
    if existing is not None and existing_folder is not None and inside(out_dir, existing_folder):
        bulk_files += existing.files  # the folder written into is loaded with that one
    earlier = earlier_relation_ids(bulk_files, base)
    wrong = problems_in(base, source, joined, actors.created, relations, earlier)
    if wrong:  # (none expected: the actors and the columns are made valid; this says so before writing)
        raise DataError(wrong)
    os.makedirs(out_dir, exist_ok=True)
    outputs = [(base + ".sources.jsonl", write_jsonl([source]))]
    if actors.created:
        outputs.append((base + ".entities.jsonl", write_jsonl(actors.created)))
    if bulk == "jsonl":
        rows = relations.to_pylist()
        outputs.append(
            (base + ".relations.jsonl", write_jsonl({k: v for k, v in r.items() if v is not None} for r in rows))
        )
    else:
        outputs.append((base + ".relations.parquet", write_parquet(relations)))
    _write_all(outputs, list(protect) + files)
    return ImportResult([p for p, _ in outputs], relations.num_rows, len(actors.created), name, skipped, notes)
