"""The ``actorgraph db`` commands: push the data to a graph database, query it, serve the embedded one.

A thin layer over :mod:`graph.db`. Database faults (connection refused, a
wrong password, an unknown graph, a Cypher error, a server lost in the middle of
a push) print one line and exit 1;
a write query without ``--write`` is refused by the database (exit 1); bad usage (a
bad URL or ``--param``) exits 2.

>>> from click.testing import CliRunner
>>> from graph.cli import main
>>> r = CliRunner().invoke(main, ["db", "query", "RETURN 1", "--url", "http://x"])
>>> r.exit_code, r.output.splitlines()[-1]
(2, "error: cannot use the database URL 'http://x': it must start with falkordb://, bolt:// or neo4j:// (e.g. falkordb://127.0.0.1:6379/actorgraph)")
>>> parse_param("n=3"), parse_param("who=PAK"), parse_param('ids=["PAK", "USA"]')
(('n', 3), ('who', 'PAK'), ('ids', ['PAK', 'USA']))
"""

from __future__ import annotations

import json
import re
import signal
import sys

import click

from .common import Exit, echo_json, load_options, load_or_exit, path_argument, plural, table

_PARAM = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)=(.*)", re.S)


def parse_param(text):
    """``NAME=VALUE`` -> ``(NAME, value)``: VALUE as JSON when it is JSON (3, true, [..], "x"), else as text."""
    m = _PARAM.fullmatch(text)
    if not m:
        raise Exit(f"--param '{text}': write NAME=VALUE (NAME: letters, digits, _)", 2)
    name, raw = m.groups()
    try:
        value = json.loads(raw)
    except ValueError:
        value = raw
    return name, value


def _run(fn):
    from ..db import DatabaseError, UsageError

    try:
        return fn()
    except UsageError as exc:
        raise Exit(str(exc), 2) from None
    except DatabaseError as exc:
        raise Exit(str(exc), 1) from None
    except KeyboardInterrupt:
        raise Exit("interrupted; the database graph is unchanged unless the push had finished", 1) from None


url_option = click.option(
    "--url",
    metavar="URL",
    envvar="ACTORGRAPH_DB_URL",
    help="falkordb://HOST:PORT/GRAPH or bolt://HOST:PORT (password in the URL or "
    "ACTORGRAPH_DB_PASSWORD); default: the embedded database. [env: ACTORGRAPH_DB_URL]",
)
db_dir_option = click.option(
    "--db-dir",
    type=click.Path(file_okay=False),
    default=None,
    metavar="DIR",
    help="Folder of the embedded database [default: .actorgraph/db].",
)


@click.group()
def db():
    """A graph database: push the data to FalkorDB (embedded by default) or Neo4j/Memgraph, and query it.

    \b
    Examples:
      actorgraph db push                       # data/ -> the embedded FalkorDB in .actorgraph/db/
      actorgraph db query "MATCH (a:Entity)-[r {modality: 'denied'}]->(b) RETURN a.id, type(r), b.id"
      actorgraph db serve                      # keep it running for other clients
      actorgraph db push --url falkordb://db.example:6379/claims
    """


@db.command()
@path_argument
@load_options
@url_option
@db_dir_option
@click.option(
    "--full",
    is_flag=True,
    help="Rebuild the whole graph through FalkorDB's bulk path, as a first push does (much faster "
    "than the sync on large data; indexes you added to the graph are not kept).",
)
@click.option(
    "--batch",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Rows per statement [default: 2000] (bulk path: at most N claims per command).",
)
def push(path, url, db_dir, full, batch, loading):
    """Make the database graph equal to the data at PATH (entities, sources, claims).

    A first push (or --full) builds the graph through FalkorDB's bulk path
    (GRAPH.BULK); a later one syncs it with Cypher: claims, entities and sources
    that are gone from the data are deleted, the rest upserted. The new graph is
    built aside and swapped in at the end (Neo4j: one transaction), so a reader
    never sees a half-pushed graph, and a failure leaves the previous one.

    Python: graph.db.push(graph.load("data"), url=None, full=False)
    """
    from .. import db as dbmod

    ds = load_or_exit(path, loading)
    result = _run(lambda: dbmod.push(ds, url, db_dir=db_dir, batch=batch, full=full))
    deleted = [
        f"{result[k]} {k.split()[1]}" for k in ("deleted relations", "deleted entities", "deleted sources") if result[k]
    ]
    click.echo(
        f"pushed {path} to {result['url']}: {plural(result['entities'], 'entity', 'entities')}, "
        f"{plural(result['relations'], 'relation')}, {plural(result['sources'], 'source')}"
        + (f"; deleted {', '.join(deleted)}" if deleted else "")
        + f" ({result['seconds']:.1f} s)"
    )


def _cell(v):
    if v is None:
        return ""
    if isinstance(v, (dict, list)):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


@db.command()
@click.argument("cypher")
@click.option(
    "--param",
    "-p",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="A query parameter ($NAME); VALUE is read as JSON when it is JSON, else as text; repeatable.",
)
@url_option
@db_dir_option
@click.option("--json", "as_json", is_flag=True, help='Print {"columns": [...], "rows": [[...], ...]}.')
@click.option("--write", is_flag=True, help="Allow the query to change the graph (read-only otherwise).")
def query(cypher, params, url, db_dir, as_json, write):
    """Run a Cypher query (read-only unless --write) and print the result as a table.

    \b
    Examples:
      actorgraph db query "MATCH (a:Entity)-[r]->(b:Entity) WHERE r.modality = 'denied' RETURN r.claimants, a.id, type(r), b.id"
      actorgraph db query "MATCH (a:Entity {id: \\$a})-[r]-(b:Entity {id: \\$b}) RETURN r.sources, r.id" -p a=USA -p b=PAK

    Python: graph.db.query(cypher, {"a": "USA"}, url=None)
    """  # noqa: E501 -- each example is a command, shown whole on one line by 'actorgraph db query -h' (a \b block)
    from .. import db as dbmod

    values = dict(parse_param(p) for p in params)
    result = _run(lambda: dbmod.query(cypher, values, url, write=write, db_dir=db_dir))
    if as_json:
        echo_json(result)
        return
    if result["columns"]:
        click.echo(
            table([[_cell(v) for v in row] for row in result["rows"]], result["columns"], [80] * len(result["columns"]))
        )
    n = len(result["rows"])
    click.echo(f"\n{n} row{'s' if n != 1 else ''}")


@db.command()
@db_dir_option
def serve(db_dir):
    """Keep the embedded FalkorDB server running and print its URL for other clients (Ctrl-C stops it).

    actorgraph commands in the same folder use it while it runs.
    """
    from .. import db as dbmod

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        with dbmod.serve(db_dir) as server:
            click.echo(f"serving the embedded database in {server.folder}")
            click.echo(f"URL: {server.url}")
            click.echo(f"(the password is also in {server.folder / 'password'}; Ctrl-C stops the server)")
            sys.stdout.flush()
            code = server.process.wait()
        raise Exit(f"the server stopped by itself (exit code {code}); see {server.folder / 'server.log'}", 1)
    except KeyboardInterrupt:
        click.echo("stopped; the data is saved")
    except dbmod.UsageError as exc:
        raise Exit(str(exc), 2) from None
    except dbmod.DatabaseError as exc:
        raise Exit(str(exc), 1) from None
