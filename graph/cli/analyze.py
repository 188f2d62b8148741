"""The analyze commands: each analysis of graph.analysis over a filtered view, as a report or JSON.

``actorgraph analyze KIND [PATH]`` runs one analysis of :mod:`graph.analysis`
on the data (filtered first by the usual relation filters) and prints a
readable report, or JSON with ``--json``.

Exit codes: 0 fine, 1 invalid data or a refused output, 2 bad usage.
"""

from __future__ import annotations

import os

import click

from .. import analysis
from ..analysis.balance import EXACT_LIMIT, RULES
from ..analysis.centrality import MEASURES
from ..analysis.discourse import NORMALIZE
from .common import Exit, echo_json, filters_from, guard, load_options, load_or_exit, path_argument, relation_filters

__all__ = ["analyze"]


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


@click.group()
def analyze():
    """Analyses of the claims: centrality, balance, timeline, claimants, compare, contested, discourse.

    Every analysis takes the data PATH (default ./data) and the relation filters
    of 'actorgraph relations' (--type, --source, --start...), and prints a report,
    or JSON with --json. The same functions are in Python: graph.analysis.
    """


@analyze.command()
@path_argument
@load_options
@relation_filters
@click.option("--by", type=click.Choice(MEASURES), default="degree", show_default=True, help="The measure to rank by.")
@click.option("--top", type=click.IntRange(min=1), help="Show only the first N entities.")
@click.option(
    "--all-entities",
    is_flag=True,
    help="Rank agreements, assets and places too, with their claims (default: actors only).",
)
@click.option(
    "--structural", is_flag=True, help="Count structural ties (HOLDS, PART_OF...) as links too (default: left out)."
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def centrality(path, by, top, all_entities, structural, as_json, loading, **opts):
    """Rank actors: claims, in/out, degree, betweenness, eigenvector (PageRank fallback).

    By default only actors are ranked, on the claims among them, and structural
    ties are left out (--all-entities, --structural keep them).
    """
    ds = load_or_exit(path, loading)
    view, _ = _view(ds, opts)
    result = guard(lambda: analysis.centrality(view, by=by, actors_only=not all_entities, structural=structural))
    if top:
        result.rows = result.rows[:top]
    _show(result, as_json)


@analyze.command()
@path_argument
@load_options
@relation_filters
@click.option(
    "--rule",
    type=click.Choice(RULES),
    default="sum",
    show_default=True,
    help="sum: sign of the sum of polarities; majority: more positive or more negative claims.",
)
@click.option("--merge-parts", is_flag=True, help="Count an office as the entity it is part of.")
@click.option(
    "--all-entities", is_flag=True, help="Sign ties with agreements, assets and places too (default: actors only)."
)
@click.option(
    "--exact-limit",
    type=click.IntRange(min=1),
    default=EXACT_LIMIT,
    show_default=True,
    help="Largest group of linked entities split exactly; larger ones use the heuristic.",
)
@click.option(
    "--restarts", type=click.IntRange(min=0), default=50, show_default=True, help="Random restarts of the heuristic."
)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the heuristic's restarts.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def balance(path, rule, merge_parts, all_entities, exact_limit, restarts, seed, as_json, loading, **opts):
    """Structural balance: balanced triangles, two camps, frustrated ties.

    Each pair of entities gets one sign from the relations between them: by
    default the sign of the sum of the polarities of its reported and claimed
    relations (--modality sets the modalities that count, e.g. -m reported -m
    claimed -m recommended). An aid to analysis, not a prediction.
    """
    ds = load_or_exit(path, loading)
    view, modality = _view(ds, opts, keep_modality=False)
    result = guard(
        lambda: analysis.balance(
            view,
            modality=modality,
            rule=rule,
            merge_parts=merge_parts,
            actors_only=not all_entities,
            exact_limit=exact_limit,
            restarts=restarts,
            seed=seed,
        )
    )
    _show(result, as_json)


ROLL_UP = click.option(
    "--roll-up",
    is_flag=True,
    help="Count an office or person as the state or organisation it is part of (the whole chain).",
)


@analyze.command()
@click.argument("actor")
@path_argument
@load_options
@click.option("--with", "other", metavar="ACTOR", help="Only the claims between ACTOR and this actor.")
@relation_filters
@ROLL_UP
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def timeline(actor, path, other, roll_up, as_json, loading, **opts):
    """The dated claims about ACTOR (or between ACTOR and --with), in time order.

    With --roll-up ACTOR stands for the top of its part_of chain and all its parts: the
    timeline holds the claims about it and the claims its offices and people make.
    """
    ds = load_or_exit(path, loading)
    time = opts.get("time_", "happened")
    filters = guard(lambda: filters_from(**opts))
    filters.pop("time", None)
    # on the whole data, filtered by relation: a view would drop an actor whose claims are its offices'
    _show(guard(lambda: analysis.timeline(ds, actor, other, time=time, roll_up=roll_up, **filters)), as_json)


@analyze.command()
@path_argument
@load_options
@relation_filters
@click.option("--by-source", is_flag=True, help="List each source, and in it each claimant's claims.")
@ROLL_UP
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def claimants(path, by_source, roll_up, as_json, loading, **opts):
    """Claims grouped by who asserts them (the author or an entity) and by source.

    A claim repeated in one source (same subject, type, object, modality and claimant) counts once.
    """
    ds = load_or_exit(path, loading)
    view, _ = _view(ds, opts)
    _show(guard(lambda: analysis.claimants(view, by_source=by_source, roll_up=roll_up)), as_json)


@analyze.command()
@click.argument("sources", nargs=-1, metavar="SOURCE SOURCE... [PATH]")
@load_options
@relation_filters
@click.option(
    "--by",
    type=click.Choice(["source", "claimant"]),
    default="source",
    show_default=True,
    help="The matrix's columns: each source, or each claimant in the sources (who asserts, who denies).",
)
@ROLL_UP
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def compare(sources, by, roll_up, as_json, loading, **opts):
    """Which of two or more sources asserts, denies or omits each claim (a matrix), and where they disagree.

    Claims are grouped on subject, type and object; a group asserted and denied
    among the sources is flagged. With two sources, also what A states that B
    does not (and back). Polarity disagreements count the reported, claimed and
    denied claims by default (--modality sets them). The last argument is the
    data PATH when it names a file or folder (default ./data). With --by claimant
    the columns are the claimants (an entity, or author:SOURCE for a source's own
    voice) of the sources named, or of every source when none is.
    """
    sources = list(sources)
    path = sources.pop() if sources and os.path.exists(sources[-1]) else "data"
    if len(sources) < 2 and by == "source":
        raise Exit("compare needs two or more sources (then the data PATH, if not ./data)")
    ds = load_or_exit(path, loading)
    if opts.get("source"):
        raise Exit("compare takes its sources as arguments; leave out --source")
    guard(lambda: [ds.source(s) for s in sources])
    view, modality = _view(ds, opts, keep_modality=False)
    # the view keeps only cited sources; compare needs them all even when a filter empties one
    if any(s not in view.sources for s in sources):
        view = type(ds)(ds.sources, view.entities, view.relations(), files=ds.files)
    kwargs = {"modality": modality} if modality else {}
    _show(guard(lambda: analysis.compare(view, *sources, by=by, roll_up=roll_up, **kwargs)), as_json)


@analyze.command()
@path_argument
@load_options
@relation_filters
@ROLL_UP
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def contested(path, roll_up, as_json, loading, **opts):
    """Claims asserted and denied (contested), or asserted by two or more sources and denied by none.

    Claims are grouped on subject, type and object; reported and claimed claims
    assert, denied claims deny, recommended and speculated claims do neither.
    """
    ds = load_or_exit(path, loading)
    view, _ = _view(ds, opts)
    _show(guard(lambda: analysis.contested(view, roll_up=roll_up)), as_json)


@analyze.command()
@path_argument
@load_options
@relation_filters
@ROLL_UP
@click.option(
    "--window",
    metavar="SPAN",
    help="One network per time window of this width: 1y, 6m, 2w, 30d (on the sources' published dates).",
)
@click.option("--step", metavar="SPAN", help="How far apart windows start (default: the width; shorter: they overlap).")
@click.option(
    "--normalize",
    type=click.Choice(NORMALIZE),
    default="none",
    show_default=True,
    help="Add a weight: (congruence - conflict) over the groups either takes a stance on (jaccard) "
    "or over the root of the product of their numbers (cosine).",
)
@click.option(
    "--exact-limit",
    type=click.IntRange(min=1),
    default=EXACT_LIMIT,
    show_default=True,
    help="Largest group of linked claimants split into camps exactly; larger ones use the heuristic.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def discourse(path, roll_up, window, step, normalize, exact_limit, as_json, loading, **opts):
    """Who sides with whom: claimants tied by congruence and conflict (a discourse network).

    A claimant (an entity in asserted_by, or author:SOURCE for a source's own voice)
    takes the stance +1 on a claim group (subject, type, object) when it asserts it
    (reported, claimed), -1 when it denies it. Congruence: the groups on which two
    claimants take the same stance; conflict: opposite stances. The report lists the
    strongest pairs with their groups and the two camps.
    """
    if step and not window:
        raise Exit("--step needs --window (e.g. --window 1y --step 6m)")
    ds = load_or_exit(path, loading)
    view, _ = _view(ds, opts)
    _show(
        guard(
            lambda: analysis.discourse(
                view, roll_up=roll_up, window=window, step=step, normalize=normalize, exact_limit=exact_limit
            )
        ),
        as_json,
    )
