"""Importing CSV tables into a validated data file: tables -> the one validator -> YAML, written atomically.

The tables are read by :mod:`graph.read.tables` (every problem located as
``FILE:ROW:COLUMN``), validated like any data, and only then written.

>>> text = csv_to_yaml("ID,Label,Type\\nPAK,Pakistan,state\\nUSA,United States,state\\n",
...                    "From,To,Type,modality,source,quote\\nUSA,PAK,consult,reported,s1,talks\\n")
>>> print(text.splitlines()[0])
# Imported by actorgraph from CSV tables: entities.csv, relations.csv
>>> [r.id for r in graph.loads(text).relations()]
['USA-consult-PAK']
"""

from __future__ import annotations

import os

from ..atomic import check_output_path, write_atomic
from ..errors import DataError, OutputError, Problem
from ..formats.data_yaml import data_yaml
from ..loader import dataset_of
from ..read.base import KINDS
from ..read.tables import read_tables
from ..records import Options, build_records

__all__ = ["csv_to_yaml", "import_csv", "tables_to_dataset"]


def tables_to_dataset(
    entities_text,
    relations_text,
    sources_text=None,
    *,
    names=("entities.csv", "relations.csv", "sources.csv"),
    relocate_text=None,
    base_dir=None,
):
    """``(Dataset, groups)`` from the CSV tables, validated; *groups* are the records' plain values by kind.

    Raises
    ------
    DataError
        With every problem, located as ``FILE:ROW:COLUMN`` in the CSV files.
    """
    reads = read_tables(
        entities_text, relations_text, sources_text, names=names, relocate_text=relocate_text, base_dir=base_dir
    )
    problems = [p for r in reads for p in r.problems]
    if problems:
        raise DataError(problems)
    # stored texts are confined to the data folder when the data is loaded, not here
    records = build_records(reads, Options(root=base_dir, allow_texts_outside=True))
    if records.problems:
        raise DataError(records.problems)
    groups = {k: [p.values for r in reads for p in r.pieces if p.kind == k] for k in KINDS}
    return dataset_of(records), groups


def _header(names, with_sources):
    tables = names if with_sources else names[:2]
    return "Imported by actorgraph from CSV tables: " + ", ".join(os.path.basename(n) for n in tables)


def csv_to_yaml(
    entities_text,
    relations_text,
    sources_text=None,
    *,
    names=("entities.csv", "relations.csv", "sources.csv"),
    relocate_text=None,
    base_dir=None,
) -> str:
    """The data file (YAML text) made from the CSV tables (text of each file); validated first.

    Raises
    ------
    DataError
        With every problem, located as ``FILE:ROW:COLUMN`` in the CSV files.
    """
    _, groups = tables_to_dataset(
        entities_text, relations_text, sources_text, names=names, relocate_text=relocate_text, base_dir=base_dir
    )
    return data_yaml(groups, comment=_header(names, sources_text is not None))


def _read_file(path):
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as exc:
        raise DataError([Problem(os.fspath(path), 0, 0, f"cannot read this file: {exc.strerror or exc}")]) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError([Problem(os.fspath(path), line, 1, "not UTF-8 text: save the table as CSV UTF-8")]) from None


def import_csv(entities, relations, output, *, sources=None, protect=()):
    """Turn CSV tables into a validated YAML data file written atomically at *output*.

    Parameters
    ----------
    entities, relations : path
        The entities and relations tables.
    output : path
        The YAML file to write, or an existing folder (``imported.yaml`` in it); never an
        existing file (it may hold data).
    sources : path, optional
        The sources table; when left out, ``sources.csv`` (or
        ``PREFIX-sources.csv``) next to the relations table is used if it exists.
    protect : paths
        Files never to overwrite (the inputs always are).

    Returns
    -------
    (str, Dataset)
        The path written and the dataset it holds.

    Raises
    ------
    DataError
        With every problem, located in the CSV files.
    OutputError
        When the output may not be written.
    """
    entities, relations, output = os.fspath(entities), os.fspath(relations), os.fspath(output)
    if sources is None:
        rdir, rname = os.path.split(relations)
        guess = (
            os.path.join(rdir, rname[: -len("relations.csv")] + "sources.csv")
            if rname.endswith("relations.csv")
            else None
        )
        if guess and os.path.isfile(guess):
            sources = guess
    if os.path.isdir(output):
        output = os.path.join(output, "imported.yaml")
    inputs = [entities, relations] + ([os.fspath(sources)] if sources else [])
    check_output_path(output, list(protect) + inputs)
    if os.path.lexists(output):
        raise OutputError(
            f"{output} exists already: an import never replaces a file (it may hold data); choose "
            "another file with -o, or move that one away (nothing was written)"
        )
    out_dir = os.path.dirname(os.path.abspath(output))
    src_dir = os.path.dirname(os.path.abspath(sources)) if sources else None

    def relocate(text_path):
        if os.path.isabs(text_path):
            return text_path
        absolute = os.path.normpath(os.path.join(src_dir, text_path))
        try:
            return os.path.relpath(absolute, out_dir).replace(os.sep, "/")
        except ValueError:
            return absolute

    texts = [_read_file(p) for p in inputs]
    names = (entities, relations, os.fspath(sources) if sources else "sources.csv")
    ds, groups = tables_to_dataset(
        texts[0], texts[1], texts[2] if sources else None, names=names, relocate_text=relocate, base_dir=out_dir
    )
    write_atomic(output, data_yaml(groups, comment=_header(names, bool(sources))), protect=list(protect) + inputs)
    return output, ds
