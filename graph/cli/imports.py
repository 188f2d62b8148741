"""The import command: CSV tables into a validated data file, event files into bulk files (nothing half-written)."""

from __future__ import annotations

import os
import warnings

import click

from ..errors import DataError, OutputError
from ..formats.tables import csv_paths
from ..texts import inside
from .common import DEFAULT_PATH, Exit, exit_with_problems, load_or_exit, plural

__all__ = ["import_"]


def _tables(paths):
    """ENTITIES RELATIONS, or one FOLDER, or one PREFIX -> (entities, relations, sources or None)."""
    if len(paths) == 2:
        for p in paths:
            if not os.path.isfile(p):
                raise Exit(f"no such file: {p}")
        return paths[0], paths[1], None
    if len(paths) != 1:
        raise Exit(
            "give ENTITIES.csv RELATIONS.csv, or one FOLDER holding entities.csv and relations.csv, "
            "or the PREFIX of PREFIX-entities.csv and PREFIX-relations.csv"
        )
    names = csv_paths(paths[0])
    for t in ("entities", "relations"):
        if not os.path.isfile(names[t]):
            raise Exit(f"no such file: {names[t]} (the {t} table)")
    return names["entities"], names["relations"], names["sources"] if os.path.isfile(names["sources"]) else None


def _echo_warnings(caught):
    from ..read.tables import UnknownColumnWarning

    for w in caught:
        if issubclass(w.category, UnknownColumnWarning):
            click.echo(f"warning: {w.message}", err=True)


EVENT_FORMATS = ("gdelt", "icews", "acled", "polecat")


def _import_events(fmt, files, output, data, name, bulk):
    """--format gdelt|icews|acled|polecat: event files -> bulk files in the folder OUTPUT."""
    from ..imports.events import import_events
    from ..loader import data_files

    if os.path.exists(output) and not os.path.isdir(output):
        raise Exit(f"{output} is a file: for --format {fmt}, -o names the data folder to write the bulk files in")
    if data is None and os.path.isdir(DEFAULT_PATH) and inside(output, DEFAULT_PATH):
        data = DEFAULT_PATH  # -o data/events: the files join data/, whose actors they must match
    existing = data if data is not None else (output if os.path.isdir(output) and data_files(output) else None)
    ds = load_or_exit(existing) if existing is not None else None
    try:
        result = import_events(
            list(files),
            fmt,
            output,
            existing=ds,
            name=name,
            bulk=bulk,
            protect=ds.files if ds is not None else (),
            existing_folder=existing,
        )
    except DataError as exc:
        exit_with_problems(exc.problems, "nothing written")
    except OutputError as exc:
        raise Exit(str(exc), 1) from None
    except ValueError as exc:  # (a --name that cannot name files)
        raise Exit(f"--name: {exc}", 2) from None
    except ImportError:
        raise Exit("importing event files needs pyarrow: pip install 'actorgraph[bulk]'", 1) from None
    click.echo(str(result))


@click.command(name="import", short_help="CSV tables into a validated data file, or event files into bulk files.")
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["csv", *EVENT_FORMATS]),
    default="csv",
    show_default=True,
    help="The format of the tables, or of the event files (GDELT 2.0, ICEWS, ACLED, POLECAT).",
)
@click.argument(
    "tables", nargs=-1, required=True, metavar="ENTITIES.csv RELATIONS.csv | FOLDER | PREFIX | EVENT_FILE..."
)
@click.option(
    "--sources",
    type=click.Path(exists=True, dir_okay=False),
    help="The sources table (default: sources.csv or PREFIX-sources.csv next to the relations).",
)
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(),
    help="The YAML file to write (or an existing folder: imported.yaml in it); for event files, the "
    "data folder to write the bulk files in.",
)
@click.option(
    "--data",
    "data",
    type=click.Path(exists=True, file_okay=False),
    help="Event files: the data folder whose entities actors are matched against (default: ./data when "
    "OUTPUT lies in it, else OUTPUT).",
)
@click.option("--name", help="Event files: the name of the import's files and dataset source.")
@click.option(
    "--bulk",
    type=click.Choice(["parquet", "jsonl"]),
    default="parquet",
    show_default=True,
    help="Event files: the format of the relations file.",
)
def import_(fmt, tables, sources, output, data, name, bulk):
    """Turn CSV tables (e.g. from 'export --format csv', Kumu or a spreadsheet) into a validated YAML file,
    or event files (--format gdelt|icews|acled|polecat) into bulk relation files of a data folder.

    Nothing is written unless the result validates; problems are listed as
    FILE:ROW:COLUMN of the CSV tables. Columns that are not actorgraph fields
    (Kumu's Tags, Strength...) are ignored, with a warning naming them.
    """
    if fmt in EVENT_FORMATS:
        return _import_events(fmt, tables, output, data, name, bulk)
    from ..imports.csv_tables import import_csv
    from ..read.tables import UnknownColumnWarning

    ents, rels, found_sources = _tables(list(tables))
    sources = sources or found_sources
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UnknownColumnWarning)
        try:
            out, ds = import_csv(ents, rels, output, sources=sources)
        except DataError as exc:
            _echo_warnings(caught)
            exit_with_problems(exc.problems, "nothing written")
        except OutputError as exc:
            _echo_warnings(caught)
            raise Exit(str(exc), 1) from None
    _echo_warnings(caught)
    click.echo(
        f"wrote {out}: valid: {plural(len(ds.entities), 'entity', 'entities')}, "
        f"{plural(len(ds), 'relation')}, {plural(len(ds.sources), 'source')}"
    )
