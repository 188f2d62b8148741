"""The ``actorgraph`` command: a thin layer over the Python API.

Every command takes the data PATH (default ``./data``). Exit codes: 0 fine,
1 invalid data, 2 bad usage (an unknown option, actor or value).
"""

from __future__ import annotations

import json
import sys

import click

from . import export as export_mod
from .dataset import AUTHOR, TIMES
from .errors import ActorgraphError, DataError, OutputError
from .loader import DEFAULT_LIMITS, Limits, check, load
from .model import to_dict
from .vocab import CONTEXTS, ENTITY_KINDS, MODALITIES, QUADS, RELATION_TYPES, SOURCE_KINDS

DEFAULT_PATH = "data"


class Exit(click.ClickException):
    """An error message and exit code, printed without a traceback."""

    def __init__(self, message, code=2):
        super().__init__(message)
        self.exit_code = code

    def show(self, file=None):
        click.echo(f"error: {self.format_message()}", err=True)


class ByteSize(click.ParamType):
    """A number of bytes: 1000000, 64M, 10MB, 1.5G (K/M/G are powers of 1024)."""

    name = "SIZE"
    _UNITS = {"": 1, "K": 1024, "M": 1024 ** 2, "G": 1024 ** 3, "T": 1024 ** 4}

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            n = value
        else:
            text = str(value).strip().upper().replace("_", "").replace(",", "")
            text = text[:-1] if text.endswith("B") else text
            if text.endswith("I"):
                text = text[:-1]   # KiB, MiB
            unit = text[-1:] if text[-1:] in self._UNITS else ""
            try:
                n = int(float(text[: len(text) - len(unit)]) * self._UNITS[unit])
            except (ValueError, OverflowError):   # OverflowError: inf, 1e400
                self.fail(f"'{value}' is not a size: write a number of bytes such as 1000000, 64M or 1G",
                          param, ctx)
        if n < 1:
            self.fail(f"'{value}' is not a size: it must be at least 1 byte", param, ctx)
        return n


# (option, Limits field, environment variable, type, help)
LIMIT_OPTIONS = (
    ("--max-file-bytes", "max_file_bytes", "ACTORGRAPH_MAX_FILE_BYTES", ByteSize(),
     "Refuse data files and stored source texts larger than SIZE (e.g. 64M)."),
    ("--max-entities", "max_entities", "ACTORGRAPH_MAX_ENTITIES", click.IntRange(min=0),
     "Refuse data with more entities than this."),
    ("--max-relations", "max_relations", "ACTORGRAPH_MAX_RELATIONS", click.IntRange(min=0),
     "Refuse data with more relations than this."),
)
_LIMITS_META = "actorgraph.limits"


def _remember_limit(ctx, param, value):
    if value is not None:
        ctx.meta.setdefault(_LIMITS_META, {})[param.name] = value
    return value


def limits_option(f):
    """Add --max-file-bytes, --max-entities and --max-relations to a command.

    The values (or the ACTORGRAPH_MAX_* environment variables) reach
    :func:`load_or_exit` and :func:`current_limits` through the click context:
    the command function does not receive them as arguments.
    """
    for opt, name, env, typ, help_ in reversed(LIMIT_OPTIONS):
        default = getattr(DEFAULT_LIMITS, name)
        f = click.option(opt, name, type=typ, default=None, envvar=env, expose_value=False,
                         callback=_remember_limit, metavar="SIZE" if name == "max_file_bytes" else "N",
                         help=f"{help_} [default: {default:,}; env: {env}]")(f)
    return f


def current_limits():
    """The :class:`Limits` in force: the command's options, then the
    ACTORGRAPH_MAX_* environment variables, then the defaults."""
    import os

    values = {}
    for opt, name, env, typ, _ in LIMIT_OPTIONS:
        raw = os.environ.get(env)
        if raw not in (None, ""):
            try:
                values[name] = typ.convert(raw, None, None)
            except click.BadParameter as exc:
                raise Exit(f"environment variable {env}: {exc.format_message()}", 2) from None
    ctx = click.get_current_context(silent=True)
    if ctx is not None:   # ctx.meta is shared by the whole command line
        values.update(ctx.meta.get(_LIMITS_META, {}))
    return Limits(**values)


def path_argument(f):
    return click.argument("path", default=DEFAULT_PATH, type=click.Path(),
                          metavar="[PATH]")(f)


def load_or_exit(path, *, limits=None):
    """Load the data; on invalid data print every problem to stderr and exit 1.

    Limits: *limits*, else :func:`current_limits` (options of a command
    decorated with :func:`limits_option`, ACTORGRAPH_MAX_* variables, defaults).
    """
    if limits is None:
        limits = current_limits()
    try:
        return load(path, limits=limits)
    except DataError as exc:
        exit_with_problems(exc.problems, f"the data at {path} is not valid")


def exit_with_problems(problems, what):
    """Print every problem (FILE:LINE:COL: message) and a count to stderr; exit 1."""
    for p in problems:
        click.echo(str(p), err=True)
    click.echo(f"{_n(problems, 'problem')}: {what}", err=True)
    sys.exit(1)


def guard(fn):
    """Run fn, turning our own errors into messages with exit code 2."""
    try:
        return fn()
    except OutputError as exc:
        raise Exit(str(exc), 1) from None
    except ActorgraphError as exc:
        raise Exit(str(exc), 2) from None


def _n(items, one, many=None):
    n = items if isinstance(items, int) else len(items)
    return f"{n} {one if n == 1 else (many or one + 's')}"


def echo_json(value):
    click.echo(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def table(rows, headers, widths=None):
    """Format rows as an aligned text table; long cells are cut with '…'."""
    rows = [["" if c is None else str(c) for c in r] for r in rows]
    widths = widths or [None] * len(headers)
    cols = []
    for i, h in enumerate(headers):
        w = max([len(h)] + [len(r[i]) for r in rows])
        if widths[i]:
            w = min(w, widths[i])
        cols.append(w)

    def cut(s, w):
        s = s.replace("\n", " ")
        return s if len(s) <= w else s[: w - 1] + "…"

    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, cols)).rstrip(),
             "  ".join("-" * w for w in cols)]
    for r in rows:
        lines.append("  ".join(cut(c, w).ljust(w) for c, w in zip(r, cols)).rstrip())
    return "\n".join(lines)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="actorgraph")
def main():
    """actorgraph: what texts state about political actors, as a graph of claims.

    Data lives as YAML in a folder (default ./data). Run 'actorgraph COMMAND -h'
    for the options of a command.
    """


@main.command()
@path_argument
@limits_option
def validate(path):
    """Check every data file under PATH; list every problem as FILE:LINE:COL.

    Exit code 0: valid; 1: problems in the data; 2: bad usage.
    """
    records, problems = check(path, limits=current_limits())
    if problems:
        exit_with_problems(problems, f"the data at {path} is not valid")
    click.echo(f"{path}: valid: {_n(records.entities, 'entity', 'entities')}, "
               f"{_n(records.relations, 'relation')}, {_n(records.sources, 'source')} "
               f"in {_n(records.files, 'file')}")


@main.command()
@path_argument
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def info(path, as_json):
    """Counts of entities by kind, relations by type and modality, claims by source."""
    ds = load_or_exit(path)
    counts = ds.counts()
    if as_json:
        echo_json(counts)
        return
    click.echo(f"{_n(ds.entities, 'entity', 'entities')}, {_n(ds, 'relation')}, {_n(ds.sources, 'source')}")
    for key in ("entity kinds", "relation types", "quads", "modalities", "asserted by", "by source"):
        click.echo(f"\n{key}:")
        for k, v in counts[key].items():
            click.echo(f"  {v:>5}  {k}")


def relation_filters(f):
    opts = [
        click.option("--subject", "-s", multiple=True, help="Actor who acts (id, name or alias); repeatable."),
        click.option("--object", "object_", multiple=True, help="Actor acted upon; repeatable."),
        click.option("--between", nargs=2, default=None, metavar="A B",
                     help="Relations between two actors, either direction."),
        click.option("--type", "-t", "type_", multiple=True, help="Relation type, e.g. REQUEST; repeatable."),
        click.option("--quad", multiple=True, type=click.Choice(QUADS), help="PLOVER quad class."),
        click.option("--polarity", type=click.Choice(["positive", "negative", "neutral"]),
                     help="Sign of the polarity."),
        click.option("--modality", "-m", multiple=True, type=click.Choice(list(MODALITIES)),
                     help="reported, claimed, recommended, speculated, denied; repeatable."),
        click.option("--asserted-by", "-a", multiple=True,
                     help=f"Who makes the claim; '{AUTHOR}' for the source's author; repeatable."),
        click.option("--source", multiple=True, help="Source id of the evidence; repeatable."),
        click.option("--context", multiple=True, help="Context, e.g. terrorism; repeatable."),
        click.option("--start", help="Keep dated relations overlapping from this date (YYYY[-MM[-DD]])."),
        click.option("--end", help="Keep dated relations overlapping up to this date."),
        click.option("--time", "time_", type=click.Choice(TIMES), default="happened", show_default=True,
                     help="Which time --start/--end (and timelines) use: when it happened ('when'), when the "
                          "claim was made (its source's 'published'), or happened, else made for undated claims."),
    ]
    for o in reversed(opts):
        f = o(f)
    return f


def filters_from(subject, object_, between, type_, quad, polarity, modality, asserted_by, source,
                 context, start, end, time_="happened"):
    """CLI options -> keyword arguments of Dataset.relations / Dataset.view."""
    out = {
        "subject": list(subject) or None, "object": list(object_) or None,
        "between": tuple(between) if between else None, "type": list(type_) or None,
        "quad": list(quad) or None, "polarity": polarity, "modality": list(modality) or None,
        "asserted_by": list(asserted_by) or None, "source": list(source) or None,
        "context": list(context) or None, "start": start, "end": end,
        # the time a claim is placed at matters only to a time range (timelines read --time themselves)
        "time": time_ if (start or end) and time_ != "happened" else None,
    }
    return {k: v for k, v in out.items() if v is not None}


def relation_rows(rels):
    return [[r.id, r.subject, r.type + (f"/{r.mode}" if r.mode else ""), r.object, r.modality,
             ", ".join(r.claimants) or AUTHOR, r.when or "", r.evidence[0].quote if r.evidence else ""]
            for r in rels]


def _modality_words(r, name):
    """'claimed, asserted by X (ID)'; a denial says who denies it: 'denied by X (ID)'."""
    from .wording import voiced, who
    if r.modality == "denied":
        return voiced(r, name)
    return f"{r.modality}, asserted by {who(r, name)}"


def describe(ds, r):
    """A relation in full, as readable text: the claim, who makes it, and the evidence."""
    name = lambda i: f"{ds.entities[i].name} ({i})" if i in ds.entities else i  # noqa: E731
    lines = [f"{r.id}",
             f"  claim:       {name(r.subject)} {r.type}{'/' + r.mode if r.mode else ''} {name(r.object)}",
             f"  modality:    {_modality_words(r, name)}",
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
        if src is not None and src.note:
            lines.append(f"               (note on the source: {src.note})")
    if r.note:
        lines.append(f"  note:        {r.note}")
    return "\n".join(lines)


RELATION_HEADERS = ["id", "subject", "type", "object", "modality", "said by", "when", "quote"]
RELATION_WIDTHS = [None, 16, 22, 16, 11, 16, 16, 60]


@main.command()
@path_argument
@relation_filters
@click.option("--json", "as_json", is_flag=True, help="Print the relations as JSON.")
@click.option("--long", "-l", "long_", is_flag=True, help="Print each claim in full, with all its evidence.")
@click.option("--by-source", is_flag=True,
              help="Group the claims under each source that states them (a claim can be under several).")
def relations(path, as_json, long_, by_source, **opts):
    """List the relations (claims) that match every filter given."""
    ds = load_or_exit(path)
    rels = guard(lambda: ds.relations(**filters_from(**opts)))
    if by_source:
        _relations_by_source(ds, rels, as_json, long_)
        return
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
    click.echo(f"\n{len(rels)} relation{'s' if len(rels) != 1 else ''}")


def source_heading(s):
    """'id: Title (kind, published; note: ...)': a source named in a report."""
    bits = [b for b in (s.kind, str(s.published) if s.published else None) if b]
    if s.note:
        bits.append(f"note: {s.note}")
    return f"{s.id}" + (f": {s.title}" if s.title else "") + (f" ({'; '.join(bits)})" if bits else "")


def _relations_by_source(ds, rels, as_json, long_):
    """relations --by-source: the claims under each source that states them."""
    groups = [(s, [r for r in rels if s.id in r.sources]) for s in ds.sources.values()]
    groups = [(s, rs) for s, rs in groups if rs]
    if as_json:
        echo_json({s.id: [to_dict(r) | {"quad": r.quad} for r in rs] for s, rs in groups})
        return
    if not groups:
        click.echo("no relations match")
        return
    for i, (s, rs) in enumerate(groups):
        click.echo(("\n" if i else "") + f"== {source_heading(s)}: {_n(rs, 'relation')}\n")
        if long_:
            click.echo("\n\n".join(describe(ds, r) for r in rs))
        else:
            click.echo(table(relation_rows(rs), RELATION_HEADERS, RELATION_WIDTHS))
    click.echo(f"\n{_n(rels, 'relation')} in {_n(groups, 'source')}")


@main.command()
@click.argument("actor")
@path_argument
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


@main.command()
@click.argument("a")
@click.argument("b")
@path_argument
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
    click.echo(f"\n{len(paths)} path{'s' if len(paths) != 1 else ''}")


@main.command()
@path_argument
@click.option("--format", "-f", "fmt", type=click.Choice(sorted(export_mod.FORMATS)), default="node-link",
              show_default=True)
@click.option("--output", "-o", required=True, type=click.Path(),
              help="File to write (for csv: a name prefix or a folder; three tables are written).")
@relation_filters
@click.option("--focus", help="Keep only the neighbourhood of this actor.")
@click.option("--hops", type=click.IntRange(min=1), default=1, show_default=True,
              help="With --focus: how many steps around the actor.")
def export(path, fmt, output, focus, hops, **opts):
    """Write the graph (or a filtered view of it) in an interchange format, atomically."""
    ds = load_or_exit(path)
    filters = filters_from(**opts)
    view = guard(lambda: ds.view(focus=focus, hops=hops, **filters)) if (filters or focus) else ds
    written = guard(lambda: export_mod.export(view, fmt, output))
    for p in written:
        click.echo(f"wrote {p}")
    click.echo(f"({fmt}: {len(view.entities)} entities, {len(view)} relations)")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def vocab(as_json):
    """The vocabulary: relation types, modes, contexts, modalities, kinds."""
    if as_json:
        echo_json({
            "relation_types": {t.name: {"quad": t.quad, "polarity": t.polarity, "cameo": list(t.cameo),
                                        "modes": list(t.modes), "description": t.description}
                               for t in RELATION_TYPES.values()},
            "contexts": CONTEXTS, "modalities": MODALITIES, "entity_kinds": ENTITY_KINDS,
            "source_kinds": SOURCE_KINDS,
        })
        return
    rows = [[t.name, t.quad, f"{t.polarity:+g}", ",".join(t.cameo), ", ".join(t.modes), t.description]
            for t in RELATION_TYPES.values()]
    click.echo("Relation types (PLOVER events, then structural ties):\n")
    click.echo(table(rows, ["type", "quad", "polarity", "CAMEO", "modes", "meaning"], [14, 20, 8, 8, 70, 70]))
    for title, d in (("Modalities", MODALITIES), ("Contexts", CONTEXTS), ("Entity kinds", ENTITY_KINDS),
                     ("Source kinds", SOURCE_KINDS)):
        click.echo(f"\n{title}:")
        for k, v in d.items():
            click.echo(f"  {k:<20} {v}")


# Commands defined in their own modules register themselves on `main` when imported.
from . import cli_render, cli_analyze  # noqa: E402,F401
