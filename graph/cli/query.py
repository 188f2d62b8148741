"""The commands that ask the graph: relations, neighbours, path."""

from __future__ import annotations

import click

from ..analysis.merge import claimants_of, rolled
from ..analysis.order import SORTS, said_key, sort_relations
from ..dataset import AUTHOR
from ..model import to_dict
from ..tables import TABLE_FORMATS, table_bytes, write_table
from ..voice import voiced, who
from .common import (
    Exit,
    echo_json,
    filters_from,
    guard,
    load_options,
    load_or_exit,
    make_parent_folder,
    path_argument,
    plural,
    relation_filters,
    table,
)

__all__ = ["relations", "neighbours", "path", "describe"]


def relation_rows(rels, up=None):
    """Table rows of claims; with *up* (a roll-up), each end and claimant as what it counts as,
    the id coded in brackets when it differs: ``USA (USA-WH)``."""

    def at(e):
        if up is None or up(e) == e:
            return e
        return f"{up(e)} ({e})"

    return [
        [
            r.id,
            at(r.subject),
            r.type + (f"/{r.mode}" if r.mode else ""),
            at(r.object),
            r.modality,
            ", ".join(at(c) for c in r.claimants) or AUTHOR,
            r.when or "",
            _words(r.evidence[0]) if r.evidence else "",
        ]
        for r in rels
    ]


def _json_rows(rels, up=None):
    out = []
    for r in rels:
        d = to_dict(r) | {"quad": r.quad}
        if up is not None:
            d["roll_up"] = {"subject": up(r.subject), "object": up(r.object), "claimants": list(claimants_of(r, up))}
        out.append(d)
    return out


def _words(e):
    """What an evidence item says: the quote, or the record of a dataset source."""
    return e.quote if e.quote is not None else f"record {e.record}"


def _modality_words(r, name):
    """'claimed, asserted by X (ID)'; a denial says who denies it: 'denied by X (ID)'."""
    if r.modality == "denied":
        return voiced(r, name)
    return f"{r.modality}, asserted by {who(r, name)}"


def describe(ds, r):
    """A relation in full, as readable text: the claim, who makes it, and the evidence."""
    name = lambda i: f"{ds.entities[i].name} ({i})" if i in ds.entities else i  # noqa: E731
    lines = [
        f"{r.id}",
        f"  claim:       {name(r.subject)} {r.type}{'/' + r.mode if r.mode else ''} {name(r.object)}",
        f"  modality:    {_modality_words(r, name)}",
        f"  polarity:    {r.polarity:+g} ({r.quad})",
    ]
    if r.when:
        lines.append(f"  when:        {r.when}")
    if r.context:
        lines.append(f"  context:     {', '.join(r.context)}")
    for k, v in r.attributes.items():
        lines.append(f"  {k + ':':<12} {v}")
    for e in r.evidence:
        src = ds.sources.get(e.source)
        title = f"{src.title} ({e.source})" if src and src.title else e.source
        lines.append(f'  evidence:    "{_words(e)}"\n               - {title}')
        if src is not None and src.note:
            lines.append(f"               (note on the source: {src.note})")
    if r.note:
        lines.append(f"  note:        {r.note}")
    return "\n".join(lines)


RELATION_HEADERS = ["id", "subject", "type", "object", "modality", "said by", "when", "quote"]
RELATION_WIDTHS = [None, 16, 22, 16, 11, 16, 16, 60]


@click.command()
@path_argument
@load_options
@relation_filters
@click.option("--json", "as_json", is_flag=True, help="Print the relations as JSON.")
@click.option("--long", "-l", "long_", is_flag=True, help="Print each claim in full, with all its evidence.")
@click.option(
    "--by-source",
    is_flag=True,
    help="Group the claims under each source that states them (a claim can be under several).",
)
@click.option(
    "--sort",
    "sort_by",
    type=click.Choice(SORTS),
    help="when: when it happened; said: when it was said (its source's published date, a day before "
    "its month); source: by source, in the order they were published. Default: data order.",
)
@click.option(
    "--roll-up",
    is_flag=True,
    help="Show each end and claimant as the state or organisation it is part of (the coded id in brackets).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(TABLE_FORMATS),
    help="Write the claims as a table (one row per claim, every field): csv (to -o FILE or the screen) "
    "or parquet (to -o FILE).",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="The file --format writes.")
@click.option("--explode", is_flag=True, help="With --format: one row per quote instead of one per claim.")
def relations(path, as_json, long_, by_source, sort_by, roll_up, fmt, output, explode, loading, **opts):
    """List the relations (claims) that match every filter given."""
    if output and not fmt:
        raise Exit("-o writes a table: give --format csv or --format parquet")
    if fmt == "parquet" and not output:
        raise Exit("--format parquet writes a file: give -o FILE")
    ds = load_or_exit(path, loading)
    rels = guard(lambda: ds.relations(**filters_from(**opts)))
    if sort_by:
        rels = sort_relations(ds, rels, sort_by)
    if fmt:
        if output:
            make_parent_folder(output)
            guard(lambda: write_table(ds, rels, fmt, output, explode=explode))
            click.echo(f"wrote {output} ({plural(rels, 'relation')}, {fmt})", err=True)
        else:
            click.echo(table_bytes(ds, rels, fmt, explode=explode).decode("utf-8"), nl=False)
        return
    up = rolled(ds) if roll_up else None
    if by_source:
        _relations_by_source(ds, rels, as_json, long_, up, by_said=sort_by in ("said", "source"))
        return
    if as_json:
        echo_json(_json_rows(rels, up))
        return
    if not rels:
        click.echo("no relations match")
        return
    if long_:
        click.echo("\n\n".join(describe(ds, r) for r in rels))
    else:
        click.echo(table(relation_rows(rels, up), RELATION_HEADERS, RELATION_WIDTHS))
    click.echo(f"\n{plural(rels, 'relation')}")


def source_heading(s):
    """'id: Title (kind, published; note: ...)': a source named in a report."""
    bits = [b for b in (s.kind, str(s.published) if s.published else None) if b]
    if s.note:
        bits.append(f"note: {s.note}")
    return f"{s.id}" + (f": {s.title}" if s.title else "") + (f" ({'; '.join(bits)})" if bits else "")


def _relations_by_source(ds, rels, as_json, long_, up=None, by_said=False):
    """relations --by-source: the claims under each source that states them (the sources in data order,
    or *by_said* in the order they were published)."""
    sources = list(ds.sources.values())
    if by_said:
        sources.sort(key=lambda s: (said_key(s.published), s.id))
    groups = [(s, [r for r in rels if s.id in r.sources]) for s in sources]
    groups = [(s, rs) for s, rs in groups if rs]
    if as_json:
        echo_json({s.id: _json_rows(rs, up) for s, rs in groups})
        return
    if not groups:
        click.echo("no relations match")
        return
    for i, (s, rs) in enumerate(groups):
        click.echo(("\n" if i else "") + f"== {source_heading(s)}: {plural(rs, 'relation')}\n")
        if long_:
            click.echo("\n\n".join(describe(ds, r) for r in rs))
        else:
            click.echo(table(relation_rows(rs, up), RELATION_HEADERS, RELATION_WIDTHS))
    click.echo(f"\n{plural(rels, 'relation')} in {plural(groups, 'source')}")


@click.command()
@click.argument("actor")
@path_argument
@load_options
@click.option(
    "--direction",
    type=click.Choice(["both", "out", "in"]),
    default="both",
    show_default=True,
    help="out: whom ACTOR acts on; in: who acts on ACTOR.",
)
@click.option("--hops", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def neighbours(actor, path, direction, hops, as_json, loading):
    """The entities within HOPS steps of ACTOR, and the relations to the nearest ones."""
    ds = load_or_exit(path, loading)
    me = guard(lambda: ds.entity(actor))
    ids = ds.neighbours(me.id, direction=direction, hops=hops)
    if as_json:
        echo_json(
            [
                {
                    "id": i,
                    "name": ds.entities[i].name,
                    "kind": ds.entities[i].kind,
                    "relations": [r.id for r in ds.between(me.id, i)],
                }
                for i in ids
            ]
        )
        return
    if not ids:
        click.echo(f"{me.name} ({me.id}) has no neighbours within {hops} hop(s)")
        return
    rows = []
    for i in ids:
        rels = ds.between(me.id, i)
        rows.append([i, ds.entities[i].name, ds.entities[i].kind, len(rels), ", ".join(sorted({r.type for r in rels}))])
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
def path(a, b, path, max_hops, directed, as_json, loading):
    """Paths between actors A and B, with the claims along each step."""
    ds = load_or_exit(path, loading)
    paths = guard(lambda: ds.paths(a, b, max_hops=max_hops, directed=directed))
    if as_json:
        echo_json([{"nodes": list(p.nodes), "hops": [[r.id for r in hop] for hop in p.hops]} for p in paths])
        return
    if not paths:
        click.echo(f"no path from {a} to {b} within {max_hops} hops")
        return
    for n, p in enumerate(paths, 1):
        click.echo(f"{n}. " + " -> ".join(p.nodes))
        for hop in p.hops:
            for r in hop:
                when = f" [{r.when}]" if r.when else ""
                click.echo(f'     {r.subject} {r.type} {r.object} ({r.modality}){when}: "{r.evidence[0].quote}"')
    click.echo(f"\n{plural(paths, 'path')}")
