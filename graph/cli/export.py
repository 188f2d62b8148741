"""The export command: the graph (or a view) in an interchange format, atomically."""

from __future__ import annotations

import click

from .. import export as export_mod
from .common import filters_from, guard, load_options, load_or_exit, path_argument, relation_filters

__all__ = ["export"]


@click.command()
@path_argument
@load_options
@click.option(
    "--format", "-f", "fmt", type=click.Choice(sorted(export_mod.FORMATS)), default="node-link", show_default=True
)
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(),
    help="File to write (for csv: a name prefix or a folder; three tables are written).",
)
@relation_filters
@click.option("--focus", help="Keep only the neighbourhood of this actor.")
@click.option(
    "--hops",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="With --focus: how many steps around the actor.",
)
@click.option(
    "--roll-up", is_flag=True, help="discourse formats: count an office or person as the state it is part of."
)
@click.option(
    "--normalize",
    type=click.Choice(["none", "jaccard", "cosine"]),
    default="none",
    show_default=True,
    help="discourse-graphml: add a weight to each pair (see 'actorgraph analyze discourse').",
)
def export(path, fmt, output, focus, hops, roll_up, normalize, loading, **opts):
    """Write the graph (or a filtered view of it) in an interchange format, atomically."""
    ds = load_or_exit(path, loading)
    filters = filters_from(**opts)
    view = guard(lambda: ds.view(focus=focus, hops=hops, **filters)) if (filters or focus) else ds
    written = guard(lambda: export_mod.export(view, fmt, output, roll_up=roll_up, normalize=normalize))
    for p in written:
        click.echo(f"wrote {p}")
    click.echo(f"({fmt}: {len(view.entities)} entities, {len(view)} relations)")
