"""The ``draft``, ``quote``, ``new-source`` and ``review`` commands: from a new article to claims.

>>> from click.testing import CliRunner
>>> from graph.cli import main
>>> r = CliRunner().invoke(main, ["quote", "data/texts/000_e8862f374e2db2d8.txt", "the Taliban recaptured Kabul"])
>>> r.exit_code, r.output.splitlines()[0]
(0, 'found on line 1, characters 11-39: "the Taliban recaptured Kabul"')
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import click

from ..texts import find_quote, inside, quote_mismatch
from .common import Exit, data_folder, echo_json, guard, load_or_exit, make_parent_folder, path_argument

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")


def _read_text_or_exit(path):
    from ..draft import DraftError, read_text
    try:
        return read_text(path)
    except DraftError as exc:
        raise Exit(str(exc), 1) from None
    except OSError as exc:
        raise Exit(f"cannot read {path}: {exc.strerror or exc}", 1) from None


def _rel(target, start_dir):
    return Path(os.path.relpath(os.path.abspath(target), os.path.abspath(start_dir))).as_posix()


def _write(path, content, what):
    from ..atomic import write_atomic
    make_parent_folder(path)
    guard(lambda: write_atomic(path, content))


@click.command()
@click.argument("text", type=click.Path(dir_okay=False))
@path_argument
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="Draft file to write (default drafts/SOURCE-ID.yaml; never inside the data folder).")
@click.option("--source-id", help="Id of the source (default: the source whose text it is, else from the file name).")
@click.option("--title", help="Title of the new source record.")
@click.option("--perspective", help="Entity (or perspective such as 'Indian') that 'we' and 'our' stand for.")
@click.option("--lexicon", type=click.Path(dir_okay=False), help="Your own cue lexicon (YAML), added to the shipped one.")
@click.option("--json", "as_json", is_flag=True, help="Print mentions, new names and candidates as JSON (no file "
              "is written unless -o is given).")
def draft(text, path, output, source_id, title, perspective, lexicon, as_json):
    """Propose mentions, new names and candidate claims from the plain TEXT, for review.

    \b
    Examples:
      actorgraph draft data/texts/report.txt            # -> drafts/report.yaml
      actorgraph draft report.txt data --json           # print the proposals

    Python: graph.draft.draft(open(TEXT).read(), graph.load("data")).to_json()
    """
    from ..draft import draft as make_draft
    from ..draft.output import draft_document, dump, slug

    body = _read_text_or_exit(text)
    if source_id is not None and not _ID.match(source_id):
        raise Exit(f"--source-id {source_id!r}: ids are ASCII letters, digits and - _ . :", 2)
    ds = load_or_exit(path)
    existing = None
    for s in ds.sources.values():
        stored = getattr(s, "text_path", None)
        if source_id and s.id == source_id or (not source_id and stored and os.path.exists(str(stored))
                                               and os.path.samefile(str(stored), text)):
            existing = s
            break
    if existing is None and source_id is None:
        source_id = slug(Path(text).stem)
    source_id = existing.id if existing else source_id
    if perspective is None and existing is not None:
        perspective = getattr(existing, "perspective", None)
    result = guard(lambda: make_draft(body, ds, lexicon=lexicon, perspective=perspective))
    if as_json:
        echo_json(result.to_json())
        if output is None:
            return
    output = output or os.path.join("drafts", f"{source_id}.yaml")
    if inside(output, data_folder(path)):
        raise Exit(f"{output} is inside the data folder {data_folder(path)}: a draft there would be loaded as "
                   "claims; write it elsewhere (default drafts/)", 2)
    folder = os.path.dirname(os.path.abspath(output))
    persp_id = perspective if perspective in ds.entities else None
    if perspective and persp_id is None:
        from ..draft import perspective_entity
        persp_id = perspective_entity(ds, perspective)
    doc = draft_document(result, source_id=source_id, text_path=_rel(text, folder), title=title,
                         data_path=_rel(path, folder), perspective=persp_id, source_exists=existing is not None)
    kept = _keep_decisions(doc, output)
    comment = (f"Draft made by `actorgraph draft` from {text}: proposals, not claims.\n"
               f"Review it with `actorgraph review {output}`; nothing here is data until accepted.")
    _write(output, dump(doc, header_comment=comment), "draft")
    if not as_json:
        n_ent = len({m.entity for m in result.mentions})
        click.echo(f"wrote {output}: {len(result.mentions)} mentions of {n_ent} known entities, "
                   f"{len(result.new_names)} new names, {len(result.claims)} candidate claims")
        if kept:
            click.echo(f"kept {kept} decisions of the draft that was there (rejected and saved claims "
                       "are not proposed again)")
        click.echo(f"review it: actorgraph review {output}")


def _key(rel):
    ev = (rel.get("evidence") or [{}])[0]
    return (rel.get("subject"), rel.get("type"), rel.get("object"), ev.get("quote"))


def _keep_decisions(doc, output):
    """Carry the reviewer's decisions (rejected, saved) of an earlier draft at *output* into *doc*."""
    from ..draft.output import DraftFileError, read_draft
    if not os.path.exists(output):
        return 0
    try:
        old = read_draft(Path(output).read_text(encoding="utf-8"), output)
    except (OSError, UnicodeDecodeError, DraftFileError) as exc:
        raise Exit(f"{output} exists and is not a readable draft ({str(exc).splitlines()[0]}); "
                   "move it away or choose another file with -o (nothing was written)", 1) from None
    decided = {_key(r): r for r in old["relations"] if r.get("status") in ("rejected", "saved")}
    n = 0
    for rel in doc["relations"]:
        prev = decided.pop(_key(rel), None)
        if prev is not None:
            rel["status"] = prev["status"]
            n += 1
    doc["relations"] += list(decided.values())       # the reviewer's own claims, and the rest
    n += len(decided)
    names = {e["id"]: e for e in old["entities"] if e.get("status") in ("rejected", "saved")}
    for e in doc["entities"]:
        if e["id"] in names:
            e["status"] = names[e["id"]]["status"]
            n += 1
    return n


@click.command()
@click.argument("text", type=click.Path(dir_okay=False))
@click.argument("words")
def quote(text, words):
    """Find the quote WORDS in TEXT, or show the closest passage and where it differs.

    Quote marks, dashes and spacing may differ, as in validation. Exit code 1 when the
    quote is not in the text.

    \b
    Example:
      actorgraph quote data/texts/000_e8862f374e2db2d8.txt "the Taliban recaptured Kabul"
    """
    body = _read_text_or_exit(text)
    if not words.strip():
        raise Exit("the quote is empty", 2)
    hit = find_quote(body, words)
    if hit is None:
        click.echo(quote_mismatch(body, words))
        raise Exit(f"the quote is not verbatim in {text}", 1)
    s, e = hit
    line = body.count("\n", 0, s) + 1
    click.echo(f'found on line {line}, characters {s}-{e}: "{body[s:e]}"')


@click.command("new-source")
@click.argument("text", type=click.Path(dir_okay=False))
@click.option("--id", "source_id", required=True, help="The source's id (ASCII: letters, digits, - _ . :).")
@click.option("--title", required=True, help="The source's title.")
@click.option("--kind", default="news report", show_default=True, help="op-ed, news report, official statement, ...")
@click.option("--published", help="YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--author")
@click.option("--outlet")
@click.option("--url")
@click.option("--perspective", help="Whose view it carries ('Pakistani'): 'we' and 'our' in drafts stand for it.")
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="Source file to write (default data/SOURCE-ID.yaml); never overwritten.")
def new_source(text, source_id, title, kind, published, author, outlet, url, perspective, output):
    """Write the skeleton of a data file for the article TEXT: its source record, with the
    path of TEXT relative to the file, and empty entities and relations.

    \b
    Example:
      actorgraph new-source data/texts/report.txt --id report-2026 --title "A report"
    """
    from ..draft.output import dump
    from ..vocab import SOURCE_KINDS

    _read_text_or_exit(text)
    if not _ID.match(source_id):
        raise Exit(f"--id {source_id!r}: ids are ASCII letters, digits and - _ . :", 2)
    if kind not in SOURCE_KINDS:
        raise Exit(f"--kind {kind!r}: expected one of: {', '.join(SOURCE_KINDS)}", 2)
    if published is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", published):
        raise Exit(f"--published {published!r}: expected YYYY, YYYY-MM or YYYY-MM-DD", 2)
    output = output or os.path.join("data", f"{source_id}.yaml")
    if os.path.exists(output):
        raise Exit(f"{output} exists already: choose another file with -o (nothing was written)", 1)
    folder = os.path.dirname(os.path.abspath(output))
    src = {"id": source_id, "title": title, "kind": kind}
    for k, v in (("published", published), ("author", author), ("outlet", outlet), ("url", url),
                 ("perspective", perspective)):
        if v:
            src[k] = v
    src["text"] = _rel(text, folder)
    comment = (f"Source {source_id}: add its entities and claims here, or draft and review them:\n"
               f"  actorgraph draft {text} && actorgraph review drafts/{source_id}.yaml --into {output}")
    _write(output, dump({"sources": [src]}, header_comment=comment) + "entities: []\nrelations: []\n", "source")
    click.echo(f"wrote {output} (source {source_id}, text {src['text']})")


@click.command()
@click.argument("draft_file", metavar="DRAFT", type=click.Path(dir_okay=False))
@click.option("--into", type=click.Path(dir_okay=False),
              help="Data file the accepted claims and entities go into (default: DATA/SOURCE-ID.yaml).")
@click.option("--port", type=click.IntRange(0, 65535), default=0, help="Port on 127.0.0.1 (default: a free one).")
@click.option("--open/--no-open", "open_browser", default=True, help="Open the page in the browser.")
def review(draft_file, into, port, open_browser):
    """Review a draft in the browser: accept, reject or edit each candidate, then save.

    A local server on 127.0.0.1 only; its URL carries a random token every request must
    show. Save writes the accepted claims and entities into the data file (--into),
    after validating the whole data folder with them, and keeps the rejected ones in the
    draft as 'status: rejected'. Ctrl-C stops it.
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
