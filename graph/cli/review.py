"""The ``review`` command: a draft's candidates accepted, edited or rejected in a local page, then saved.

>>> from click.testing import CliRunner
>>> from graph.cli import main
>>> r = CliRunner().invoke(main, ["review", "no-such-draft.yaml", "--no-open"])
>>> r.exit_code, r.output.startswith("error: cannot read the draft no-such-draft.yaml")
(1, True)
"""

from __future__ import annotations

import os

import click

from .common import Exit


@click.command()
@click.argument("draft_file", metavar="DRAFT", type=click.Path(dir_okay=False))
@click.option(
    "--into",
    type=click.Path(dir_okay=False),
    help="Data file the accepted claims and entities go into (default: DATA/SOURCE-ID.yaml).",
)
@click.option("--port", type=click.IntRange(0, 65535), default=0, help="Port on 127.0.0.1 (default: a free one).")
@click.option("--open/--no-open", "open_browser", default=True, help="Open the page in the browser.")
def review(draft_file, into, port, open_browser):
    """Review a draft in the browser: accept, reject or edit each candidate, make or alias
    entities, then save.

    A local server on 127.0.0.1 only; its URL carries a random token every request must
    show. Every decision is kept in the draft as it is made. Save gives the accepted claims
    and entities ids from their content and writes them into the data file (--into, a YAML
    file inside the data folder), after validating the whole data folder with them; the
    target and the draft are written together (an interrupted save is finished when the
    draft is opened again). Decided candidates stay in the draft, so drafting the text again
    does not propose them. Ctrl-C stops it.
    """
    from ..review import ReviewError, serve

    try:
        server = serve(draft_file, into=into, port=port)
    except ReviewError as exc:
        raise Exit(str(exc), exc.code) from None
    click.echo(f"reviewing {draft_file}; accepted claims go into {os.path.relpath(server.session.into)}")
    click.echo(f"open: {server.url}")
    click.echo("press Ctrl-C to stop")
    if open_browser:
        import webbrowser

        try:
            webbrowser.open(server.url)
        except Exception:  # noqa: BLE001 - no browser is fine: the URL is printed
            pass
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("\nstopped")
    finally:
        server.server_close()
