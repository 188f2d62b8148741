"""What an import is about to write, validated first: a folder it writes always validates.

The dataset source and the entities an import creates go through the one validator
(:func:`graph.records.build_records`) together with the entities they join -- those of the
data folder and of earlier imports -- so that a name two entities share, an id taken, or
a look-alike spelling is found before anything is written. The relations, made column by
column from checked event fields, are checked column by column: ids well formed and not
already imported into the folder by an earlier import (same events, another name).

>>> import pyarrow as pa
>>> rels = pa.table({"id": ["gdelt-1", "bad id"], "record": ["1", "2"]})
>>> for p in problems_in("out/x", {"id": "x", "title": "T", "kind": "dataset"},
...                      [{"id": "PAK", "name": "Pakistan", "kind": "state"}],
...                      [{"id": "PAK2", "name": "pakistan", "kind": "state"}], rels, {}):
...     print(p)  # doctest: +NORMALIZE_WHITESPACE
out/x.entities.jsonl:1: entity 'PAK2': the name or alias 'pakistan' also names entity 'PAK';
every name must point at one entity
out/x.relations: 1 event id is not an id actorgraph can keep (e.g. 'bad id'): ids are ASCII letters, digits and - _ . :
"""

from __future__ import annotations

import os

from ...errors import Problem
from ...read.base import FileRead, Piece, RecordLocator

__all__ = ["problems_in", "earlier_relation_ids"]

_ID = r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$"


def problems_in(base, source, existing, created, relations, earlier):
    """The problems of the files an import would write at *base* (``base.sources.jsonl``...):
    its *source*, the entities it *created* (next to the *existing* ones, as dicts), the
    *relations* table, and the relation ids *earlier* imports of the folder hold (id -> file)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from ...records import Options, build_records

    own = (base + ".sources.jsonl", base + ".entities.jsonl")
    reads = [
        FileRead("", [Piece("entities", dict(e), RecordLocator("", 0)) for e in existing]),
        FileRead(own[0], [Piece("sources", dict(source), RecordLocator(own[0], 1))]),
        FileRead(own[1], [Piece("entities", dict(e), RecordLocator(own[1], i)) for i, e in enumerate(created, 1)]),
    ]
    records = build_records(reads, Options(root=os.path.dirname(base) or "."))
    found = sorted(p for p in records.problems if p.path in own)
    ids = relations.column("id")
    where = base + ".relations"
    bad = pc.filter(ids, pc.invert(pc.fill_null(pc.match_substring_regex(ids, _ID), False)))
    if len(bad):
        found.append(
            Problem(
                where,
                0,
                0,
                f"{len(bad):,} event id{' is' if len(bad) == 1 else 's are'} not an id "
                f"actorgraph can keep (e.g. '{bad[0].as_py()}'): ids are ASCII letters, "
                "digits and - _ . :",
            )
        )
    if earlier:
        again = pc.filter(ids, pc.is_in(ids, value_set=pa.array(list(earlier), pa.string()))).to_pylist()
        if again:
            found.append(
                Problem(
                    where,
                    0,
                    0,
                    f"{len(again):,} events were imported already, by "
                    f"{earlier[again[0]]} (e.g. '{again[0]}'): import each event once "
                    "(remove the earlier import's files, or leave these files out)",
                )
            )
    return found


def earlier_relation_ids(files, base):
    """Relation id -> file of the bulk relation *files* (the data folder's and the output folder's)
    that are not the import's own (``base.*``): the events imported already."""
    from ...read import reader_for
    from ...read.bulk import kind_of

    out = {}
    own = os.path.abspath(base) + "."
    for path in sorted(set(map(os.fspath, files))):
        f = os.path.basename(path)
        if (
            not path.endswith((".parquet", ".jsonl"))
            or os.path.abspath(path).startswith(own)
            or kind_of(f, ()) != "relations"
            or not os.path.isfile(path)
        ):
            continue
        if path.endswith(".parquet"):
            import pyarrow.parquet as pq

            try:
                ids = pq.read_table(path, columns=["id"]).column("id").to_pylist()
            except Exception:  # noqa: BLE001 - not ours to read here: the validator says what is wrong
                continue
        else:
            with open(path, "rb") as fh:
                ids = [p.values.get("id") for p in reader_for(path)(path, fh.read()).pieces]
        out.update((i, path) for i in ids if isinstance(i, str))
    return out
