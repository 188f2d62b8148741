"""The render command: the graph (or a view) as one offline, interactive HTML page.

>>> from click.testing import CliRunner
>>> from graph.cli import main
>>> import os, tempfile
>>> out = os.path.join(tempfile.mkdtemp(), "page.html")
>>> result = CliRunner().invoke(main, ["render", "data", "-o", out, "--focus", "PAK", "--hops", "1"])
>>> result.exit_code, os.path.exists(out)
(0, True)
>>> "file://" in result.output
True
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from ..atomic import check_output_path
from ..render import LAYOUT_THRESHOLD
from ..render.aggregated_data import EXAMPLES, TOP
from .common import (
    Exit,
    filters_from,
    guard,
    load_options,
    load_or_exit,
    make_parent_folder,
    path_argument,
    refuse_data_output,
    relation_filters,
)

__all__ = ["render"]


@click.command()
@path_argument
@load_options
@relation_filters
@click.option("--focus", metavar="ACTOR", help="Only the neighbourhood of this actor (id, name or alias).")
@click.option(
    "--hops",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Size of the --focus neighbourhood, in steps.",
)
@click.option("--title", help="Page title (default: the source's title, or counts).")
@click.option(
    "--physics/--no-physics",
    default=None,
    help=f"Force the in-browser physics on or off (default: on up to {LAYOUT_THRESHOLD} entities).",
)
@click.option(
    "--aggregate",
    type=click.Choice(["month", "year", "all"]),
    default=None,
    help="One weighted edge per (subject, object, quad, period): for large data.",
)
@click.option(
    "--examples",
    type=click.IntRange(min=0),
    default=None,
    help=f"With --aggregate: the claims an edge's panel lists, the others counted [default: {EXAMPLES}].",
)
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=None,
    help=f"With --aggregate: draw the N heaviest edges (most claims), 0 for all [default: {TOP:,}].",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    default="out/actorgraph.html",
    show_default=True,
    help="HTML file to write (its folder is created if missing).",
)
def render(path, focus, hops, title, physics, aggregate, examples, top, output, loading, **opts):
    """Render the graph (or a filtered view) as one offline, interactive HTML page.

    \b
    Examples:
      actorgraph render                          # data/ -> out/actorgraph.html
      actorgraph render data -o pak.html --focus PAK --hops 1 --modality reported
      actorgraph render big-data --aggregate year  # one edge per pair, quad and year
      actorgraph render big-data --aggregate year --top 2000 --examples 5

    Python: graph.render.write_html(graph.load("data").view(focus="PAK"), "pak.html")
    """
    from ..render import write_html

    if focus is None and hops != 1:
        raise Exit("--hops needs --focus ACTOR", 2)
    if aggregate is None and (examples is not None or top is not None):
        raise Exit("--examples and --top go with --aggregate month|year|all", 2)
    agg = (
        {}
        if aggregate is None
        else {"examples": EXAMPLES if examples is None else examples, "top": TOP if top is None else (top or None)}
    )
    ds = load_or_exit(path, loading)
    if os.path.isfile(output):  # (one of the inputs: said so first)
        guard(lambda: check_output_path(output, ds.files))
    refuse_data_output(output, "the page")
    filters = filters_from(**opts)
    view = guard(lambda: ds.view(focus=focus, hops=hops, **filters) if (focus or filters) else ds)
    make_parent_folder(output)
    try:
        written = guard(lambda: write_html(view, output, title=title, physics=physics, aggregate=aggregate, **agg))
    except OSError as exc:
        raise Exit(f"cannot write {output}: {exc.strerror or exc}", 1) from None
    drawn = (
        f"; one edge per subject, object, quad and {aggregate}"
        if aggregate in ("month", "year")
        else ("; one edge per subject, object and quad" if aggregate else "")
    )
    click.echo(f"wrote {written} ({len(view.entities)} entities, {len(view)} relations{drawn})")
    click.echo(f"open it in a browser: {Path(written).as_uri()}")
