"""CLI commands for the analyze feature (registered on graph.cli.main).

``actorgraph analyze KIND [PATH]`` runs one analysis of :mod:`graph.analysis`
on the data (filtered first by the usual relation filters) and prints a
readable report, or JSON with ``--json``. ``actorgraph import --format csv``
turns CSV tables back into a validated YAML data file.

Exit codes: 0 fine, 1 invalid data or a refused output, 2 bad usage.
"""

from __future__ import annotations

import os
import warnings

import click

from . import analysis
from .analysis.balance import EXACT_LIMIT, RULES
from .analysis._report import plural
from .analysis.centrality import MEASURES
from .cli import (Exit, echo_json, exit_with_problems, filters_from, guard, load_or_exit, main, path_argument,
                  relation_filters)
from .errors import DataError, OutputError


def _view(ds, opts, keep_modality=True):
    """The filtered view for the relation filters given (and the modality filter, popped when not kept)."""
    filters = guard(lambda: filters_from(**opts))
    modality = None if keep_modality else filters.pop("modality", None)
    view = guard(lambda: ds.view(**filters)) if filters else ds
    return view, modality


def _show(result, as_json, extra=None):
    if as_json:
        data = result.to_dict()
        if extra:
            data.update(extra)
        echo_json(data)
    else:
        click.echo(str(result))


@main.group()
def analyze():
    """Analyses of the claims: centrality, balance, timeline, claimants, compare, contested.

    Every analysis takes the data PATH (default ./data) and the relation filters
    of 'actorgraph relations' (--type, --source, --start...), and prints a report,
    or JSON with --json. The same functions are in Python: graph.analysis.
    """


@analyze.command()
@path_argument
@relation_filters
@click.option("--by", type=click.Choice(MEASURES), default="degree", show_default=True,
              help="The measure to rank by.")
@click.option("--top", type=click.IntRange(min=1), help="Show only the first N entities.")
@click.option("--all-entities", is_flag=True,
              help="Rank agreements, assets and places too, with their claims (default: actors only).")
@click.option("--structural", is_flag=True,
              help="Count structural ties (HOLDS, PART_OF...) as links too (default: left out).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def centrality(path, by, top, all_entities, structural, as_json, **opts):
    """Rank actors: claims, in/out, degree, betweenness, eigenvector (PageRank fallback).

    By default only actors are ranked, on the claims among them, and structural
    ties are left out (--all-entities, --structural keep them).
    """
    ds = load_or_exit(path)
    view, _ = _view(ds, opts)
    result = guard(lambda: analysis.centrality(view, by=by, actors_only=not all_entities, structural=structural))
    if top:
        result.rows = result.rows[:top]
    _show(result, as_json)


@analyze.command()
@path_argument
@relation_filters
@click.option("--rule", type=click.Choice(RULES), default="sum", show_default=True,
              help="sum: sign of the sum of polarities; majority: more positive or more negative claims.")
@click.option("--merge-parts", is_flag=True, help="Count an office as the entity it is part of.")
@click.option("--all-entities", is_flag=True,
              help="Sign ties with agreements, assets and places too (default: actors only).")
@click.option("--exact-limit", type=click.IntRange(min=1), default=EXACT_LIMIT, show_default=True,
              help="Largest group of linked entities split exactly; larger ones use the heuristic.")
@click.option("--restarts", type=click.IntRange(min=0), default=50, show_default=True,
              help="Random restarts of the heuristic.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the heuristic's restarts.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def balance(path, rule, merge_parts, all_entities, exact_limit, restarts, seed, as_json, **opts):
    """Structural balance: balanced triangles, two camps, frustrated ties.

    Each pair of entities gets one sign from the relations between them: by
    default the sign of the sum of the polarities of its reported and claimed
    relations (--modality sets the modalities that count, e.g. -m reported -m
    claimed -m recommended). An aid to analysis, not a prediction.
    """
    ds = load_or_exit(path)
    view, modality = _view(ds, opts, keep_modality=False)
    result = guard(lambda: analysis.balance(view, modality=modality, rule=rule, merge_parts=merge_parts,
                                            actors_only=not all_entities, exact_limit=exact_limit,
                                            restarts=restarts, seed=seed))
    _show(result, as_json)


@analyze.command()
@click.argument("actor")
@path_argument
@click.option("--with", "other", metavar="ACTOR", help="Only the claims between ACTOR and this actor.")
@relation_filters
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def timeline(actor, path, other, as_json, **opts):
    """The dated claims about ACTOR (or between ACTOR and --with), in time order."""
    ds = load_or_exit(path)
    time = opts.get("time_", "happened")
    filters = guard(lambda: filters_from(**opts))
    filters.pop("time", None)
    # on the whole data, filtered by relation: a view would drop an actor whose claims are its offices'
    _show(guard(lambda: analysis.timeline(ds, actor, other, time=time, **filters)), as_json)


@analyze.command()
@path_argument
@relation_filters
@click.option("--by-source", is_flag=True, help="List each source, and in it each claimant's claims.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def claimants(path, by_source, as_json, **opts):
    """Claims grouped by who asserts them (the author or an entity) and by source."""
    ds = load_or_exit(path)
    view, _ = _view(ds, opts)
    _show(guard(lambda: analysis.claimants(view, by_source=by_source)), as_json)


@analyze.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE SOURCE... [PATH]")
@relation_filters
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def compare(sources, as_json, **opts):
    """Which of two or more sources asserts, denies or omits each claim (a matrix), and where they disagree.

    Claims are grouped on subject, type and object; a group asserted and denied
    among the sources is flagged. With two sources, also what A states that B
    does not (and back). Polarity disagreements count the reported, claimed and
    denied claims by default (--modality sets them). The last argument is the
    data PATH when it names a file or folder (default ./data).
    """
    sources = list(sources)
    path = sources.pop() if len(sources) >= 2 and os.path.exists(sources[-1]) else "data"
    if len(sources) < 2:
        raise Exit("compare needs two or more sources (then the data PATH, if not ./data)")
    ds = load_or_exit(path)
    if opts.get("source"):
        raise Exit("compare takes its sources as arguments; leave out --source")
    guard(lambda: [ds.source(s) for s in sources])
    view, modality = _view(ds, opts, keep_modality=False)
    # the view keeps only cited sources; compare needs them all even when a filter empties one
    if any(s not in view.sources for s in sources):
        view = type(ds)(ds.sources, view.entities, view.relations(), files=ds.files)
    kwargs = {"modality": modality} if modality else {}
    _show(guard(lambda: analysis.compare(view, *sources, **kwargs)), as_json)


@analyze.command()
@path_argument
@relation_filters
@click.option("--roll-up", is_flag=True, help="Count an office or person as the state it is part of.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def contested(path, roll_up, as_json, **opts):
    """Claims asserted and denied (contested), or asserted by two or more sources and denied by none.

    Claims are grouped on subject, type and object; reported and claimed claims
    assert, denied claims deny, recommended and speculated claims do neither.
    """
    ds = load_or_exit(path)
    view, _ = _view(ds, opts)
    _show(guard(lambda: analysis.contested(view, roll_up=roll_up)), as_json)


def _tables(paths):
    """ENTITIES RELATIONS, or one FOLDER, or one PREFIX -> (entities, relations, sources or None)."""
    if len(paths) == 2:
        for p in paths:
            if not os.path.isfile(p):
                raise Exit(f"no such file: {p}")
        return paths[0], paths[1], None
    if len(paths) != 1:
        raise Exit("give ENTITIES.csv RELATIONS.csv, or one FOLDER holding entities.csv and relations.csv, "
                   "or the PREFIX of PREFIX-entities.csv and PREFIX-relations.csv")
    p = paths[0]
    if os.path.isdir(p):
        names = {t: os.path.join(p, f"{t}.csv") for t in ("entities", "relations", "sources")}
    else:
        stem = p[:-4] if p.lower().endswith(".csv") else p
        names = {t: f"{stem}-{t}.csv" for t in ("entities", "relations", "sources")}
    for t in ("entities", "relations"):
        if not os.path.isfile(names[t]):
            raise Exit(f"no such file: {names[t]} (the {t} table)")
    return names["entities"], names["relations"], names["sources"] if os.path.isfile(names["sources"]) else None


def _echo_warnings(caught):
    from .formats.tables import UnknownColumnWarning
    for w in caught:
        if issubclass(w.category, UnknownColumnWarning):
            click.echo(f"warning: {w.message}", err=True)


@main.command(name="import")
@click.option("--format", "-f", "fmt", type=click.Choice(["csv"]), default="csv", show_default=True,
              help="The format of the tables.")
@click.argument("tables", nargs=-1, required=True, metavar="ENTITIES.csv RELATIONS.csv | FOLDER | PREFIX")
@click.option("--sources", type=click.Path(exists=True, dir_okay=False),
              help="The sources table (default: sources.csv or PREFIX-sources.csv next to the relations).")
@click.option("--output", "-o", required=True, type=click.Path(),
              help="The YAML file to write (or an existing folder: imported.yaml in it).")
def import_(fmt, tables, sources, output):
    """Turn CSV tables (e.g. from 'export --format csv', Kumu or a spreadsheet) into a validated YAML file.

    Nothing is written unless the result validates; problems are listed as
    FILE:ROW:COLUMN of the CSV tables. Columns that are not actorgraph fields
    (Kumu's Tags, Strength...) are ignored, with a warning naming them.
    """
    from .formats.tables import UnknownColumnWarning, import_csv

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
    click.echo(f"wrote {out}: valid: {plural(len(ds.entities), 'entity', 'entities')}, "
               f"{plural(len(ds), 'relation')}, {plural(len(ds.sources), 'source')}")
