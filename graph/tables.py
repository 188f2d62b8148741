"""Tables for scripts: the claims, entities and sources of a dataset (or view) as Arrow tables or pandas DataFrames.

``ds.to_arrow()`` / ``ds.to_pandas()`` call :func:`to_arrow` / :func:`to_pandas` (pyarrow is in
the ``bulk`` extra, pandas in the ``pandas`` extra; both in ``test``). The tables:

* ``"claims"`` (the default): one row per claim -- every field (``context``, ``claimants``
  and ``sources`` as lists; ``attributes`` as JSON text), its ``quad``, ``claimants`` (``["author"]``
  for the source's own voice), the roll-up of its ends and claimants (``subject_root``,
  ``object_root``, ``claimants_root``: the top of each ``part_of`` chain), ``when`` with its
  first and last day, when it was said (``published``: the earliest ``published`` of its
  sources, with its days), ``evidence`` as a list of ``{source, quote, record}`` and the place it
  was defined (``file``, ``line``). With ``explode=True``, one row per evidence item: ``source``,
  ``quote``, ``record`` and that source's ``published`` instead of the lists.
* ``"entities"``: one row per entity, with ``root`` (the top of its ``part_of`` chain) and
  ``codes`` as JSON text.
* ``"sources"``: one row per source, with its ``published`` days and how many ``claims`` cite it.

Dates are Arrow ``date32`` (pandas: ``datetime.date`` objects); an open end is null. In pandas, list
columns hold Python lists.

>>> import graph
>>> t = graph.example().to_arrow()
>>> t.num_rows, t.column_names[:5]
(6, ['id', 'subject', 'type', 'mode', 'object'])
>>> to_arrow(graph.example(), "entities").column("root").to_pylist()
['PAK', 'PAK', 'USA', 'TAL', 'CHN', 'IND']
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .errors import ActorgraphError, QueryError
from .filters import AUTHOR
from .model import to_dict, tops
from .when import iso_span

__all__ = ["to_arrow", "to_pandas", "rows", "frame", "TABLES", "write_table", "TABLE_FORMATS"]

TABLES = ("claims", "entities", "sources")
TABLE_FORMATS = ("csv", "parquet")


def _need(module, extra):
    try:
        return __import__(module)
    except ImportError:
        raise ActorgraphError(f"this needs {module}: pip install 'actorgraph[{extra}]'") from None


def _days(w):
    a, b = iso_span(w)
    return (w.start if a else None, w.end if b else None) if w is not None else (None, None)


def _said(ds, sids):
    """The earliest ``published`` of the sources *sids* (None when none is dated)."""
    dates = [ds.sources[s].published for s in sids if s in ds.sources and ds.sources[s].published is not None]
    return min(dates, key=lambda w: (w.start, w.end)) if dates else None


def _claim_rows(ds, relations, explode):
    up = tops(getattr(ds, "all_entities", ds.entities))
    out = []
    for r in relations:
        cs = list(r.claimants) or [AUTHOR]
        when_start, when_end = _days(r.when)
        row = {
            "id": r.id,
            "subject": r.subject,
            "type": r.type,
            "mode": r.mode,
            "object": r.object,
            "modality": r.modality,
            "polarity": float(r.polarity),
            "quad": r.quad,
            "context": list(r.context),
            "asserted_by": r.asserted_by,
            "claimants": cs,
            "subject_root": up(r.subject),
            "object_root": up(r.object),
            "claimants_root": list(dict.fromkeys(up(c) for c in cs)),
            "when": r.when.text if r.when else None,
            "when_start": when_start,
            "when_end": when_end,
        }
        tail = {
            "attributes": json.dumps(r.attributes, ensure_ascii=False, default=str) if r.attributes else None,
            "note": r.note,
            "file": str(r.where[0]) or None,
            "line": r.where[1] or None,
        }
        if explode:
            for e in r.evidence:
                said = _said(ds, [e.source])
                out.append(
                    {
                        **row,
                        "source": e.source,
                        "quote": e.quote,
                        "record": e.record,
                        "published": said.text if said else None,
                        "published_start": _days(said)[0],
                        "published_end": _days(said)[1],
                        **tail,
                    }
                )
        else:
            said = _said(ds, r.sources)
            out.append(
                {
                    **row,
                    "sources": list(r.sources),
                    "published": said.text if said else None,
                    "published_start": _days(said)[0],
                    "published_end": _days(said)[1],
                    "evidence": [{"source": e.source, "quote": e.quote, "record": e.record} for e in r.evidence],
                    **tail,
                }
            )
    return out


def _entity_rows(ds):
    up = tops(getattr(ds, "all_entities", ds.entities))
    return [
        {
            "id": e.id,
            "name": e.name,
            "kind": e.kind,
            "aliases": list(e.aliases),
            "part_of": e.part_of,
            "root": up(e.id),
            "description": e.description,
            "codes": json.dumps(to_dict(e)["codes"], ensure_ascii=False) if e.codes else None,
            "file": str(e.where[0]) or None,
            "line": e.where[1] or None,
        }
        for e in ds.entities.values()
    ]


def _source_rows(ds):
    cited = {}
    for r in ds.relations():
        for s in r.sources:
            cited[s] = cited.get(s, 0) + 1
    out = []
    for s in ds.sources.values():
        start, end = _days(s.published)
        out.append(
            {
                "id": s.id,
                "title": s.title,
                "kind": s.kind,
                "published": s.published.text if s.published else None,
                "published_start": start,
                "published_end": end,
                "author": s.author,
                "outlet": s.outlet,
                "url": s.url,
                "perspective": s.perspective,
                "text": s.text,
                "note": s.note,
                "claims": cited.get(s.id, 0),
            }
        )
    return out


def rows(ds, table="claims", *, explode=False) -> list:
    """The rows of *table* (``"claims"``, ``"entities"``, ``"sources"``) of *ds* as dicts (see the module docs).

    >>> import graph
    >>> rows(graph.example(), "sources")[0]["claims"]
    4
    """
    if table not in TABLES:
        raise QueryError(f"unknown table '{table}'; expected one of: " + ", ".join(TABLES))
    if table == "claims":
        return _claim_rows(ds, ds.relations(), explode)
    return _entity_rows(ds) if table == "entities" else _source_rows(ds)


def _columns(table, explode) -> list:
    """``[(name, kind)]`` of *table*: kinds s (text), d (date), f (number), i (integer), ls (list of
    text), ev (list of evidence items)."""
    if table == "claims":
        head = [
            ("id", "s"),
            ("subject", "s"),
            ("type", "s"),
            ("mode", "s"),
            ("object", "s"),
            ("modality", "s"),
            ("polarity", "f"),
            ("quad", "s"),
            ("context", "ls"),
            ("asserted_by", "s"),
            ("claimants", "ls"),
            ("subject_root", "s"),
            ("object_root", "s"),
            ("claimants_root", "ls"),
            ("when", "s"),
            ("when_start", "d"),
            ("when_end", "d"),
        ]
        mid = [("source", "s"), ("quote", "s"), ("record", "s")] if explode else [("sources", "ls")]
        mid += [("published", "s"), ("published_start", "d"), ("published_end", "d")]
        if not explode:
            mid.append(("evidence", "ev"))
        return head + mid + [("attributes", "s"), ("note", "s"), ("file", "s"), ("line", "i")]
    if table == "entities":
        return [
            ("id", "s"),
            ("name", "s"),
            ("kind", "s"),
            ("aliases", "ls"),
            ("part_of", "s"),
            ("root", "s"),
            ("description", "s"),
            ("codes", "s"),
            ("file", "s"),
            ("line", "i"),
        ]
    return [
        ("id", "s"),
        ("title", "s"),
        ("kind", "s"),
        ("published", "s"),
        ("published_start", "d"),
        ("published_end", "d"),
        ("author", "s"),
        ("outlet", "s"),
        ("url", "s"),
        ("perspective", "s"),
        ("text", "s"),
        ("note", "s"),
        ("claims", "i"),
    ]


def _schema(table, explode):
    import pyarrow as pa

    s = pa.string()
    kinds = {
        "s": s,
        "d": pa.date32(),
        "f": pa.float64(),
        "i": pa.int64(),
        "ls": pa.list_(s),
        "ev": pa.list_(pa.struct([("source", s), ("quote", s), ("record", s)])),
    }
    return pa.schema([(name, kinds[k]) for name, k in _columns(table, explode)])


def to_arrow(ds, table="claims", *, explode=False):
    """*table* of *ds* as a ``pyarrow.Table`` (see the module docs)."""
    pa = _need("pyarrow", "bulk")
    data = rows(ds, table, explode=explode)
    return pa.Table.from_pylist(data, schema=_schema(table, explode))


def to_pandas(ds, table="claims", *, explode=False):
    """*table* of *ds* as a ``pandas.DataFrame`` (see the module docs): the columns of :func:`to_arrow`,
    lists as Python lists (pandas alone: no pyarrow needed)."""
    return frame(rows(ds, table, explode=explode), [name for name, _ in _columns(table, explode)])


def frame(data: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> Any:
    """Rows (dicts) as a pandas DataFrame with these *columns*, in order (an analysis's table).

    >>> frame([{"a": 1, "b": 2}], ["b", "a"]).columns.tolist()
    ['b', 'a']
    """
    pd = _need("pandas", "pandas")
    return pd.DataFrame.from_records(data, columns=columns)


def _csv_cell(v):
    from .read.tables import guard_cell

    if v is None:
        return ""
    if isinstance(v, (list, dict)):
        return guard_cell(json.dumps(v, ensure_ascii=False, default=str))
    if isinstance(v, float):
        return f"{v:g}"
    return guard_cell(str(v))


def table_bytes(ds, relations, fmt, *, explode=False) -> bytes:
    """The claims table of *relations* (claims of *ds*) as CSV (lists as JSON text, cells guarded
    against spreadsheet formulas) or Parquet bytes."""
    data = _claim_rows(ds, relations, explode)
    if fmt == "csv":
        import csv
        import io

        names = [name for name, _ in _columns("claims", explode)]
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(names)
        for row in data:
            w.writerow([_csv_cell(row.get(k)) for k in names])
        return buf.getvalue().encode("utf-8")
    if fmt == "parquet":
        pa = _need("pyarrow", "bulk")
        import pyarrow.parquet as pq

        sink = pa.BufferOutputStream()
        pq.write_table(pa.Table.from_pylist(data, schema=_schema("claims", explode)), sink)
        return sink.getvalue().to_pybytes()
    raise QueryError(f"unknown table format '{fmt}'; expected one of: " + ", ".join(TABLE_FORMATS))


def write_table(ds, relations, fmt, path, *, explode=False, protect=None):
    """Write the claims table of *relations* to *path* atomically, never over the data's own files."""
    from .atomic import write_atomic

    write_atomic(
        path,
        table_bytes(ds, relations, fmt, explode=explode),
        protect=getattr(ds, "files", ()) if protect is None else protect,
    )
