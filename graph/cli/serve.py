"""The ``serve`` command: explore the data (or the graph database) in the browser, served from 127.0.0.1.

>>> from click.testing import CliRunner
>>> from graph.cli import main
>>> r = CliRunner().invoke(main, ["serve", "data", "--db", "falkordb://127.0.0.1:1/x"])
>>> r.exit_code, r.output.strip()
(2, 'error: --db serves the graph database: give no data PATH with it')
"""

from __future__ import annotations

import contextlib
import urllib.request

import click

from ..render.aggregated_data import TOP
from .common import Exit, guard, load_options, load_or_exit

__all__ = ["serve"]


def _answers(server) -> bool:
    """Does the server answer its own URL (the overview page made, the token checked)?"""
    req = urllib.request.Request(server.url.replace("/?", "/api/info?"), headers={"Host": f"127.0.0.1:{server.port}"})
    try:
        with urllib.request.urlopen(req, timeout=60) as res:
            return res.status == 200
    except OSError:
        return False


@contextlib.contextmanager
def _database(url, db_dir):
    """The URL of the graph database to serve from: *url*, or the embedded server's for the block."""
    if url != "embedded":
        yield url
        return
    import graph.db

    try:
        with graph.db.serve(db_dir) as local:
            yield local.url
    except graph.db.DatabaseError as exc:
        raise Exit(str(exc), 1) from None


@click.command()
@click.argument("path", required=False, type=click.Path(), metavar="[PATH]")
@load_options
@click.option(
    "--db",
    "db_url",
    is_flag=False,
    flag_value="embedded",
    default=None,
    metavar="[URL]",
    help="Serve from the graph database (the same graph as 'actorgraph db query'): the embedded one "
    "(--db alone) or the one at URL (falkordb://HOST:PORT/GRAPH).",
)
@click.option(
    "--db-dir", type=click.Path(file_okay=False), help="Folder of the embedded database (default .actorgraph/db)."
)
@click.option("--port", type=click.IntRange(0, 65535), default=0, help="Port on 127.0.0.1 (default: a free one).")
@click.option(
    "--aggregate",
    "by",
    type=click.Choice(["month", "year", "all"]),
    default="year",
    show_default=True,
    help="The period of the aggregated pages' edges (one per subject, object, quad and period).",
)
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=TOP,
    show_default=True,
    help="An aggregated page draws the N heaviest edges (0: all).",
)
@click.option(
    "--full",
    type=click.IntRange(min=0),
    default=None,
    help="A page of at most N claims draws each claim (default 10,000); more are aggregated.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=None,
    help="Seconds a question may take before it is refused (default 10).",
)
@click.option("--open/--no-open", "open_browser", default=False, help="Open the page in the browser.")
def serve(path, db_url, db_dir, port, by, top, full, timeout, open_browser, loading):
    """Explore the data in the browser, through a local server that fetches what the page shows.

    It opens on the aggregated overview when the data is large (the heaviest edges) and on the full
    graph when it is small. A click on an aggregated edge fetches its claims, a page at a time; an
    actor's panel fetches its claims; a search for a word that names no actor finds the claims that
    quote it; the header says how many claims the filters keep, and draws them. The URL's fragment
    (#...) keeps the view, as in a rendered page.

    \b
    On 127.0.0.1 only, with a random token in its URL that every request must show; read-only;
    every answer bounded in claims (1,000 a page) and time. Ctrl-C stops it.

    \b
    Examples:
      actorgraph serve                     # data/
      actorgraph serve data/events --top 5000
      actorgraph serve --db                # the embedded graph database (actorgraph db push)
      actorgraph serve --db falkordb://db.example:6379/claims
    """
    from ..serve import FULL, TIMEOUT, DatasetStore, parse
    from ..serve import serve as make_server

    options = {
        "by": by,
        "top": top or None,
        "full": FULL if full is None else full,
        "timeout": TIMEOUT if timeout is None else timeout,
    }
    if db_url is not None and path is not None:
        raise Exit("--db serves the graph database: give no data PATH with it", 2)
    with contextlib.ExitStack() as stack:
        if db_url is not None:
            from ..serve.database import DatabaseStore

            url = stack.enter_context(_database(db_url, db_dir))
            click.echo("reading the graph database...")
            store = guard(lambda: DatabaseStore(url, **options))
            guard(store.warm)
        else:
            ds = load_or_exit(path or "data", loading)
            store = DatasetStore(ds, **options)
            click.echo(
                f"loaded {path or 'data'}: {len(ds.entities):,} entities, {len(ds):,} claims; making the overview..."
            )
            store.warm()
        guard(lambda: store.page(parse(""), seconds=300))  # the overview, made before the URL is given out
        try:
            server = make_server(store, port=port)
        except OSError as exc:
            raise Exit(f"cannot listen on 127.0.0.1:{port}: {exc.strerror or exc}", 1) from None
        thread = server.start()
        if not _answers(server):
            server.shutdown()
            server.server_close()
            raise Exit("the server does not answer its own URL", 1)
        try:  # (a Ctrl-C as soon as the URL is out stops it cleanly too)
            click.echo(f"open: {server.url}")
            click.echo("press Ctrl-C to stop")
            if open_browser:
                import webbrowser

                with contextlib.suppress(Exception):
                    webbrowser.open(server.url)
            while thread.is_alive():
                thread.join(0.5)
        except KeyboardInterrupt:
            click.echo("\nstopped")
        finally:
            server.shutdown()
            server.server_close()
