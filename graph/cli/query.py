"""The commands that ask the graph: relations, neighbours, path."""

from __future__ import annotations

import click

from ..dataset import AUTHOR
from ..model import to_dict
from .common import (echo_json, filters_from, guard, load_options, load_or_exit, path_argument, plural, relation_filters,
                     table)

__all__ = ["relations", "neighbours", "path", "describe"]


def relation_rows(rels):
    return [[r.id, r.subject, r.type + (f"/{r.mode}" if r.mode else ""), r.object, r.modality,
             r.asserted_by or AUTHOR, r.when or "", r.evidence[0].quote if r.evidence else ""]
            for r in rels]


def describe(ds, r):
    """A relation in full, as readable text: the claim, who makes it, and the evidence."""
    name = lambda i: f"{ds.entities[i].name} ({i})" if i in ds.entities else i  # noqa: E731
    lines = [f"{r.id}",
             f"  claim:       {name(r.subject)} {r.type}{'/' + r.mode if r.mode else ''} {name(r.object)}",
             f"  modality:    {r.modality}, asserted by {name(r.asserted_by) if r.asserted_by else 'the author'}",
             f"  polarity:    {r.polarity:+g} ({r.quad})"]
    if r.when:
        lines.append(f"  when:        {r.when}")
    if r.context:
        lines.append(f"  context:     {', '.join(r.context)}")
    for k, v in r.attributes.items():
        lines.append(f"  {k + ':':<12} {v}")
    for e in r.evidence:
        src = ds.sources.get(e.source)
        title = f"{src.title} ({e.source})" if src and src.title else e.source
        lines.append(f"  evidence:    \"{e.quote}\"\n               - {title}")
    if r.note:
        lines.append(f"  note:        {r.note}")
    return "\n".join(lines)


RELATION_HEADERS = ["id", "subject", "type", "object", "modality", "asserted by", "when", "quote"]
RELATION_WIDTHS = [None, 16, 22, 16, 11, 16, 16, 60]


@click.command()
@path_argument
@load_options
@relation_filters
@click.option("--json", "as_json", is_flag=True, help="Print the relations as JSON.")
@click.option("--long", "-l", "long_", is_flag=True, help="Print each claim in full, with all its evidence.")
def relations(path, as_json, long_, **opts):
    """List the relations (claims) that match every filter given."""
    ds = load_or_exit(path)
    rels = guard(lambda: ds.relations(**filters_from(**opts)))
    if as_json:
        echo_json([to_dict(r) | {"quad": r.quad} for r in rels])
        return
    if not rels:
        click.echo("no relations match")
        return
    if long_:
        click.echo("\n\n".join(describe(ds, r) for r in rels))
    else:
        click.echo(table(relation_rows(rels), RELATION_HEADERS, RELATION_WIDTHS))
    click.echo(f"\n{plural(rels, 'relation')}")


@click.command()
@click.argument("actor")
@path_argument
@load_options
@click.option("--direction", type=click.Choice(["both", "out", "in"]), default="both", show_default=True,
              help="out: whom ACTOR acts on; in: who acts on ACTOR.")
@click.option("--hops", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def neighbours(actor, path, direction, hops, as_json):
    """The entities within HOPS steps of ACTOR, and the relations to the nearest ones."""
    ds = load_or_exit(path)
    me = guard(lambda: ds.entity(actor))
    ids = ds.neighbours(me.id, direction=direction, hops=hops)
    if as_json:
        echo_json([{"id": i, "name": ds.entities[i].name, "kind": ds.entities[i].kind,
                    "relations": [r.id for r in ds.between(me.id, i)]} for i in ids])
        return
    if not ids:
        click.echo(f"{me.name} ({me.id}) has no neighbours within {hops} hop(s)")
        return
    rows = []
    for i in ids:
        rels = ds.between(me.id, i)
        rows.append([i, ds.entities[i].name, ds.entities[i].kind, len(rels),
                     ", ".join(sorted({r.type for r in rels}))])
    click.echo(f"neighbours of {me.name} ({me.id}), direction {direction}, {hops} hop(s):\n")
    click.echo(table(rows, ["id", "name", "kind", "direct relations", "types"], [16, 40, 18, 16, 50]))


@click.command()
@click.argument("a")
@click.argument("b")
@path_argument
@load_options
@click.option("--max-hops", type=click.IntRange(min=1), default=3, show_default=True)
@click.option("--directed", is_flag=True, help="Follow relations only from subject to object.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def path(a, b, path, max_hops, directed, as_json):
    """Paths between actors A and B, with the claims along each step."""
    ds = load_or_exit(path)
    paths = guard(lambda: ds.paths(a, b, max_hops=max_hops, directed=directed))
    if as_json:
        echo_json([{"nodes": list(p.nodes), "hops": [[r.id for r in hop] for hop in p.hops]} for p in paths])
        return
    if not paths:
        click.echo(f"no path from {a} to {b} within {max_hops} hops")
        return
    for n, p in enumerate(paths, 1):
        click.echo(f"{n}. " + " -> ".join(p.nodes))
        for (u, v), hop in zip(zip(p.nodes, p.nodes[1:]), p.hops):
            for r in hop:
                when = f" [{r.when}]" if r.when else ""
                click.echo(f"     {r.subject} {r.type} {r.object} ({r.modality}){when}: \"{r.evidence[0].quote}\"")
    click.echo(f"\n{plural(paths, 'path')}")
