"""The ``draft``, ``quote`` and ``new-source`` commands: from a new article to candidate claims.

>>> from click.testing import CliRunner
>>> from graph.cli import main
>>> r = CliRunner().invoke(main, ["quote", "data/texts/000_e8862f374e2db2d8.txt", "the Taliban recaptured Kabul"])
>>> r.exit_code, r.output.splitlines()[0]
(0, 'found on line 1, characters 11-39: "the Taliban recaptured Kabul"')
"""

from __future__ import annotations

import os
import re
import textwrap
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
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    help="Draft file to write (default drafts/SOURCE-ID.yaml; never inside the data folder).",
)
@click.option("--source-id", help="Id of the source (default: the source whose text it is, else from the file name).")
@click.option("--title", help="Title of the new source record.")
@click.option("--perspective", help="Entity (or perspective such as 'Indian') that 'we' and 'our' stand for.")
@click.option(
    "--published",
    help="The article's date (YYYY-MM-DD) when its header and dateline give none: "
    "'on Tuesday' and 'last week' are dated from it (default: the source record's).",
)
@click.option(
    "--lexicon", type=click.Path(dir_okay=False), help="Your own cue lexicon (YAML), added to the shipped one."
)
@click.option(
    "--gazetteer",
    type=click.Path(dir_okay=False),
    help="Your own offices, movements and organisations (YAML, the sections of graph/draft/bodies.yaml).",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print mentions, new names and candidates as JSON (no file is written unless -o is given).",
)
def draft(text, path, output, source_id, title, perspective, published, lexicon, gazetteer, as_json):
    """Propose mentions, new names and candidate claims from the plain TEXT, for review.

    The text may be a news page as copied or saved (new-source PAGE.html writes one): its headline,
    byline, timestamp, dateline and page furniture are recognised, its date dates 'on Tuesday'.

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
    if published is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
        raise Exit(f"--published {published!r}: expected YYYY-MM-DD", 2)
    ds = load_or_exit(path)
    existing = None
    for s in ds.sources.values():
        stored = getattr(s, "text_path", None)
        if (
            source_id
            and s.id == source_id
            or (not source_id and stored and os.path.exists(str(stored)) and os.path.samefile(str(stored), text))
        ):
            existing = s
            break
    if existing is None and source_id is None:
        source_id = slug(Path(text).stem)
    source_id = existing.id if existing else source_id
    if perspective is None and existing is not None:
        perspective = getattr(existing, "perspective", None)
    if published is None and existing is not None and getattr(existing, "published", None):
        published = str(existing.published)
    result = guard(
        lambda: make_draft(body, ds, lexicon=lexicon, perspective=perspective, published=published, gazetteer=gazetteer)
    )
    if as_json:
        echo_json(result.to_json())
        if output is None:
            return
    output = output or os.path.join("drafts", f"{source_id}.yaml")
    if inside(output, data_folder(path)):
        raise Exit(
            f"{output} is inside the data folder {data_folder(path)}: a draft there would be loaded as "
            "claims; write it elsewhere (default drafts/)",
            2,
        )
    folder = os.path.dirname(os.path.abspath(output))
    persp_id = perspective if perspective in ds.entities else None
    if perspective and persp_id is None:
        from ..draft import perspective_entity

        persp_id = perspective_entity(ds, perspective)
    doc = draft_document(
        result,
        source_id=source_id,
        text_path=_rel(text, folder),
        title=title,
        data_path=_rel(path, folder),
        perspective=persp_id,
        source_exists=existing is not None,
        known=ds.entities,
    )
    from ..review import ReviewError, remember

    try:  # the reviewer's decisions: what was decided is not proposed again
        memory = remember(doc, output, ds, body, path)
    except ReviewError as exc:
        raise Exit(str(exc), exc.code) from None
    comment = (
        f"Draft made by `actorgraph draft` from {text}: proposals, not claims.\n"
        f"Review it with `actorgraph review {output}`; nothing here is data until accepted."
    )
    if result.mentioned:  # not entities: names no candidate uses, for a claim added by hand
        names = ", ".join(n.name for n in result.mentioned)
        comment += "\n" + textwrap.fill(f"Other names in the text (in no candidate, not proposed): {names}", 98)
    _write(output, dump(doc, header_comment=comment), "draft")
    if not as_json:
        n_ent = len({m.entity for m in result.mentions})
        dated = sum(1 for c in result.claims if c.when)
        click.echo(
            f"wrote {output}: {len(result.mentions)} mentions of {n_ent} known entities, "
            f"{len(result.new_names)} new names, {len(result.claims)} candidate claims ({dated} dated); "
            f"other names in no candidate: {len(result.mentioned)}"
        )
        if result.page is not None and result.page.date:
            click.echo(f"article date {result.page.date.isoformat()} (from the {result.page.date_from})")
        for line in memory:
            click.echo(line)
        click.echo(f"review it: actorgraph review {output}")


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
@click.option("--title", help="The source's title (required for a .txt; a web page gives its own).")
@click.option("--kind", default="news report", show_default=True, help="op-ed, news report, official statement, ...")
@click.option("--published", help="YYYY, YYYY-MM or YYYY-MM-DD (a web page gives its own).")
@click.option("--author")
@click.option("--outlet")
@click.option("--url")
@click.option("--perspective", help="Whose view it carries ('Pakistani'): 'we' and 'our' in drafts stand for it.")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    help="Source file to write (default data/SOURCE-ID.yaml); never overwritten.",
)
def new_source(text, source_id, title, kind, published, author, outlet, url, perspective, output):
    """Write the skeleton of a data file for the article TEXT: its source record, with the
    path of the text relative to the file, and empty entities and relations.

    TEXT is the article's plain text (UTF-8), or a web page saved from the browser (.html): its
    main text is extracted (trafilatura) into data/texts/SOURCE-ID.txt, and its title, date,
    author, outlet and URL fill the source record (options given win).

    \b
    Examples:
      actorgraph new-source data/texts/report.txt --id report-2026 --title "A report"
      actorgraph new-source saved/page.html --id kabul-ttp-2026
    """
    from ..draft.output import dump
    from ..vocab import SOURCE_KINDS

    if not _ID.match(source_id):
        raise Exit(f"--id {source_id!r}: ids are ASCII letters, digits and - _ . :", 2)
    if kind not in SOURCE_KINDS:
        raise Exit(f"--kind {kind!r}: expected one of: {', '.join(SOURCE_KINDS)}", 2)
    if published is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", published):
        raise Exit(f"--published {published!r}: expected YYYY, YYYY-MM or YYYY-MM-DD", 2)
    output = output or os.path.join("data", f"{source_id}.yaml")
    if os.path.exists(output):
        raise Exit(f"{output} exists already: choose another file with -o (nothing was written)", 1)
    page_text, meta = None, {}
    if _is_web_page(text):
        page_text, meta = _read_web_page_or_exit(text)
        text_out = os.path.join(os.path.dirname(output) or ".", "texts", f"{source_id}.txt")
        if os.path.exists(text_out):
            raise Exit(f"{text_out} exists already: choose another --id (nothing was written)", 1)
    else:
        _read_text_or_exit(text)
        text_out = text
    title = title or meta.get("title")
    if not title:
        raise Exit("--title is required (the text has no title of its own)", 2)
    folder = os.path.dirname(os.path.abspath(output))
    src = {"id": source_id, "title": title, "kind": kind}
    for k, v in (
        ("published", published or meta.get("date")),
        ("author", author or meta.get("author")),
        ("outlet", outlet or meta.get("outlet")),
        ("url", url or meta.get("url")),
        ("perspective", perspective),
    ):
        if v:
            src[k] = v
    src["text"] = _rel(text_out, folder)
    comment = (
        f"Source {source_id}: add its entities and claims here, or draft and review them:\n"
        f"  actorgraph draft {text_out} && actorgraph review drafts/{source_id}.yaml --into {output}"
    )
    if page_text is not None:
        _write(text_out, page_text, "text")
    _write(output, dump({"sources": [src]}, header_comment=comment) + "entities: []\nrelations: []\n", "source")
    if page_text is not None:
        click.echo(f"wrote {text_out} ({len(page_text.split()):,} words: the page's main text)")
    click.echo(f"wrote {output} (source {source_id}, text {src['text']})")


def _is_web_page(path):
    """Whether *path* is a saved web page (.html / .htm, or HTML inside)."""
    if str(path).lower().endswith((".html", ".htm", ".xhtml")):
        return True
    from ..draft.web import looks_like_html

    try:
        with open(path, "rb") as f:
            return looks_like_html(f.read(4096)) and not str(path).lower().endswith(".txt")
    except OSError:
        return False


def _read_web_page_or_exit(path):
    """(the article's text file content, its metadata) of the saved web page *path*, or exit 1."""
    from ..draft import DraftError
    from ..draft.web import MAX_PAGE_BYTES, article_text, read_web_page

    try:
        with open(path, "rb") as f:
            data = f.read(MAX_PAGE_BYTES + 1)
        article = read_web_page(data, path)
    except DraftError as exc:
        raise Exit(str(exc), 1) from None
    except OSError as exc:
        raise Exit(f"cannot read {path}: {exc.strerror or exc}", 1) from None
    return article_text(article), article
