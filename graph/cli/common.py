"""What every command shares: loading the data (limits, texts outside), filters, errors, output.

Exit codes: 0 fine, 1 invalid data (or a refused output), 2 bad usage (an
unknown option, actor or value).
"""

from __future__ import annotations

import functools
import json
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass

import click

from ..dataset import AUTHOR, TIMES
from ..errors import ActorgraphError, DataError, OutputError
from ..loader import DEFAULT_LIMITS, Limits, load
from ..read.base import CONTROL
from ..vocab import MODALITIES, QUADS
from ..words import plural, text_table

__all__ = [
    "DEFAULT_PATH",
    "Exit",
    "ByteSize",
    "Loading",
    "load_options",
    "path_argument",
    "load_or_exit",
    "make_parent_folder",
    "data_folder",
    "refuse_data_output",
    "exit_with_problems",
    "problem_listing",
    "printable",
    "guard",
    "echo_json",
    "table",
    "plural",
    "relation_filters",
    "filters_from",
]

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
    _UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3, "T": 1024**4}

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            n = value
        else:
            text = str(value).strip().upper().replace("_", "").replace(",", "")
            text = text[:-1] if text.endswith("B") else text
            if text.endswith("I"):
                text = text[:-1]  # KiB, MiB
            unit = text[-1:] if text[-1:] in self._UNITS else ""
            try:
                n = int(float(text[: len(text) - len(unit)]) * self._UNITS[unit])
            except (ValueError, OverflowError):  # OverflowError: inf, 1e400
                self.fail(f"'{value}' is not a size: write a number of bytes such as 1000000, 64M or 1G", param, ctx)
        if n < 1:
            self.fail(f"'{value}' is not a size: it must be at least 1 byte", param, ctx)
        return n


# (option, Limits field, environment variable, type, help)
LIMIT_OPTIONS = (
    (
        "--max-file-bytes",
        "max_file_bytes",
        "ACTORGRAPH_MAX_FILE_BYTES",
        ByteSize(),
        "Refuse data files and stored source texts larger than SIZE (e.g. 64M).",
    ),
    (
        "--max-entities",
        "max_entities",
        "ACTORGRAPH_MAX_ENTITIES",
        click.IntRange(min=0),
        "Refuse data with more entities than this.",
    ),
    (
        "--max-relations",
        "max_relations",
        "ACTORGRAPH_MAX_RELATIONS",
        click.IntRange(min=0),
        "Refuse data with more relations than this.",
    ),
)
_OUTSIDE_ENV = "ACTORGRAPH_ALLOW_TEXTS_OUTSIDE"


@dataclass(frozen=True)
class Loading:
    """How a command loads its data: the load options given (see :func:`load_options`). The
    environment variables are read when the data is loaded, so that a bad value is named then.

    >>> Loading(limits_given=(("max_entities", 5),)).limits().max_entities
    5
    """

    limits_given: tuple = ()  # ((Limits field, value), ...): the limits given as options
    allow_texts_outside: bool = False
    no_cache: bool = False
    cache_dir: str | None = None

    def limits(self) -> Limits:
        """The :class:`Limits` in force: the options, then the ACTORGRAPH_MAX_* environment
        variables, then the defaults."""
        values = {}
        for _opt, name, env, typ, _ in LIMIT_OPTIONS:
            raw = os.environ.get(env)
            if raw not in (None, ""):
                try:
                    values[name] = typ.convert(raw, None, None)
                except click.BadParameter as exc:
                    raise Exit(f"environment variable {env}: {exc.format_message()}", 2) from None
        values.update(self.limits_given)
        return Limits(**values)

    def texts_outside(self) -> bool:
        """True when stored texts outside the data folder may be read (--allow-texts-outside, or the variable)."""
        return self.allow_texts_outside or os.environ.get(_OUTSIDE_ENV, "").strip().lower() in ("1", "true", "yes")

    def cache(self) -> dict:
        """``{"cache": bool, "cache_dir": str or None}`` for :func:`graph.load` from --no-cache and --cache-dir."""
        return {"cache": not self.no_cache, "cache_dir": self.cache_dir}


def load_options(f):
    """Add the options of loading to a command: --max-file-bytes, --max-entities,
    --max-relations, --allow-texts-outside, --no-cache and --cache-dir.

    The command function receives them as one parameter, ``loading`` (a :class:`Loading`),
    to give to :func:`load_or_exit`; the ACTORGRAPH_MAX_*, ACTORGRAPH_ALLOW_TEXTS_OUTSIDE,
    ACTORGRAPH_CACHE and ACTORGRAPH_CACHE_DIR environment variables apply where an option is not given.
    """

    @functools.wraps(f)
    def command(*args, max_file_bytes, max_entities, max_relations, allow_texts_outside, no_cache, cache_dir, **kwargs):
        given = (("max_file_bytes", max_file_bytes), ("max_entities", max_entities), ("max_relations", max_relations))
        loading = Loading(tuple((k, v) for k, v in given if v is not None), allow_texts_outside, no_cache, cache_dir)
        return f(*args, loading=loading, **kwargs)

    c = click.option(
        "--cache-dir",
        type=click.Path(file_okay=False),
        help="Keep the cache of unchanged files here [default: the user's cache folder; env: ACTORGRAPH_CACHE_DIR].",
    )(command)
    c = click.option("--no-cache", is_flag=True, help="Read and validate every file anew [env: ACTORGRAPH_CACHE=off].")(
        c
    )
    c = click.option(
        "--allow-texts-outside",
        is_flag=True,
        help="Read stored source texts that lie outside the data folder (refused by default: data "
        f"files come from collaborators). [env: {_OUTSIDE_ENV}=1]",
    )(c)
    for opt, name, env, typ, help_ in reversed(LIMIT_OPTIONS):
        default = getattr(DEFAULT_LIMITS, name)
        # the environment variable is read by Loading.limits (so that a bad value names the variable)
        c = click.option(
            opt,
            name,
            type=typ,
            default=None,
            metavar="SIZE" if name == "max_file_bytes" else "N",
            help=f"{help_} [default: {default:,}; env: {env}]",
        )(c)
    return c


def path_argument(f):
    return click.argument("path", default=DEFAULT_PATH, type=click.Path(), metavar="[PATH]")(f)


def load_or_exit(path, loading=None):
    """Load the data as *loading* says (the load options of a command decorated with
    :func:`load_options`; None: the environment variables and defaults); on invalid data print
    every problem to stderr and exit 1.
    """
    loading = loading or Loading()
    try:
        return load(path, limits=loading.limits(), allow_texts_outside=loading.texts_outside(), **loading.cache())
    except DataError as exc:
        exit_with_problems(exc.problems, f"the data at {path} is not valid", again=f"actorgraph validate --all {path}")


SHOWN_PER_KIND = 20
"""Problems of one kind listed (unless --all); the rest of that kind are counted."""
_SPECIFICS = re.compile(r"'[^']*'|\"[^\"]*\"|\d[\d,.]*")


def _kind(message):
    """What a problem says with its specifics (quoted names, numbers) left out: its kind.

    >>> _kind("relation 'r7': unknown field 'nmae' (did you mean 'name'?)")
    "relation '': unknown field '' (did you mean ''?)"
    """
    return _SPECIFICS.sub("''", message)


def printable(text):
    """*text* with every control character written as an escape (``\\x1b``): a message never
    drives the terminal, whatever a file name or a value holds.

    >>> print(printable("a\\x1b]0;t\\x07b"))
    a\\x1b]0;t\\x07b
    """
    return CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def problem_listing(problems, what, every=False, again=None):
    """The text listing *problems* (``FILE:LINE:COL: message``) and their count: every one with
    *every*, else the first :data:`SHOWN_PER_KIND` of each kind and how many more (*again*: the
    command that lists them all)."""
    lines, more, first = [], Counter(), {}
    for p in problems:
        if not every:
            kind = _kind(p.message)
            more[kind] += 1
            if more[kind] > SHOWN_PER_KIND:
                first.setdefault(kind, p)
                continue
        lines.append(str(p))
    hidden = 0
    for kind, n in more.items():
        if n > SHOWN_PER_KIND:
            hidden += n - SHOWN_PER_KIND
            lines.append(f"... and {n - SHOWN_PER_KIND:,} more like: {first[kind]}")
    total = f"{len(problems):,} problem{'s' if len(problems) != 1 else ''}: {what}"
    if hidden:
        total += (
            f" ({hidden:,} not listed: the first {SHOWN_PER_KIND} of each kind are; "
            f"{again or 'actorgraph validate --all PATH'} lists every one)"
        )
    lines.append(total)
    return printable("\n".join(lines))


def exit_with_problems(problems, what, every=False, again=None):
    """Print the problems (FILE:LINE:COL: message; see :func:`problem_listing`) and a count to
    stderr; exit 1."""
    click.echo(problem_listing(problems, what, every, again), err=True)
    sys.exit(1)


def guard(fn):
    """Run fn, turning our own errors into messages with exit code 2."""
    try:
        return fn()
    except OutputError as exc:
        raise Exit(str(exc), 1) from None
    except ActorgraphError as exc:
        raise Exit(str(exc), 2) from None


def make_parent_folder(output):
    """Create the folder of the file *output* when it is missing; exit 1 when it cannot be."""
    folder = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(folder):
        if os.path.exists(folder):
            raise Exit(f"cannot write {output}: {folder} is not a folder", 1)
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as exc:
            raise Exit(f"cannot create the folder {folder}: {exc.strerror}", 1) from None


def data_folder(path):
    """The data folder of PATH: PATH itself when it is a folder, else the folder of the data file."""
    path = os.fspath(path)
    return path if os.path.isdir(path) else (os.path.dirname(path) or ".")


def refuse_data_output(output, what):
    """Exit 1 unless *output* may receive *what* (an HTML page): a name that a reader takes
    (``*.yaml``, ``*.jsonl``...) would be loaded as data, and an existing file that is not
    already such a page (a data file, a stored text) is never replaced by one."""
    from ..read import reader_for

    if reader_for(output) is not None:
        raise Exit(
            f"refusing to write {what} to {output}: a file with this name would be read as data; "
            "choose another output path (nothing was written)",
            1,
        )
    if os.path.isfile(output):
        try:
            with open(output, "rb") as f:
                head = f.read(512).lstrip().lower()
        except OSError:
            return  # the write itself says why it cannot be done
        if not head.startswith((b"<!doctype html", b"<html")):
            raise Exit(
                f"refusing to write {what} to {output}: it exists and is not an HTML page (a data file "
                "or a stored text?); choose another output path (nothing was written)",
                1,
            )


def echo_json(value):
    click.echo(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def table(rows, headers, widths=None):
    """Rows as an aligned text table (see :func:`graph.words.text_table`)."""
    return text_table(rows, headers, widths)


def relation_filters(f):
    opts = [
        click.option("--subject", "-s", multiple=True, help="Actor who acts (id, name or alias); repeatable."),
        click.option("--object", "object_", multiple=True, help="Actor acted upon; repeatable."),
        click.option(
            "--between", nargs=2, default=None, metavar="A B", help="Relations between two actors, either direction."
        ),
        click.option("--type", "-t", "type_", multiple=True, help="Relation type, e.g. REQUEST; repeatable."),
        click.option("--quad", multiple=True, type=click.Choice(QUADS), help="PLOVER quad class."),
        click.option(
            "--polarity", type=click.Choice(["positive", "negative", "neutral"]), help="Sign of the polarity."
        ),
        click.option(
            "--modality",
            "-m",
            multiple=True,
            type=click.Choice(list(MODALITIES)),
            help="reported, claimed, recommended, speculated, denied; repeatable.",
        ),
        click.option(
            "--asserted-by",
            "-a",
            multiple=True,
            help=f"Who makes the claim; '{AUTHOR}' for the source's author; repeatable.",
        ),
        click.option("--source", multiple=True, help="Source id of the evidence; repeatable."),
        click.option("--context", multiple=True, help="Context, e.g. terrorism; repeatable."),
        click.option("--start", help="Keep dated relations overlapping from this date (YYYY[-MM[-DD]])."),
        click.option("--end", help="Keep dated relations overlapping up to this date."),
        click.option(
            "--time",
            "time_",
            type=click.Choice(TIMES),
            default="happened",
            show_default=True,
            help="Which time --start/--end (and timelines) use: when it happened ('when'), when the "
            "claim was made (its source's 'published'), or happened, else made for undated claims.",
        ),
    ]
    for o in reversed(opts):
        f = o(f)
    return f


def filters_from(
    subject,
    object_,
    between,
    type_,
    quad,
    polarity,
    modality,
    asserted_by,
    source,
    context,
    start,
    end,
    time_="happened",
):
    """CLI options -> keyword arguments of Dataset.relations / Dataset.view."""
    out = {
        "subject": list(subject) or None,
        "object": list(object_) or None,
        "between": tuple(between) if between else None,
        "type": list(type_) or None,
        "quad": list(quad) or None,
        "polarity": polarity,
        "modality": list(modality) or None,
        "asserted_by": list(asserted_by) or None,
        "source": list(source) or None,
        "context": list(context) or None,
        "start": start,
        "end": end,
        # the time a claim is placed at matters only to a time range (timelines read --time themselves)
        "time": time_ if (start or end) and time_ != "happened" else None,
    }
    return {k: v for k, v in out.items() if v is not None}
