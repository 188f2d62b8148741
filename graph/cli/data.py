"""The commands about the data itself: validate, info, vocab."""

from __future__ import annotations

import click

from ..loader import check
from ..vocab import CONTEXTS, ENTITY_KINDS, MODALITIES, RELATION_TYPES, SOURCE_KINDS
from .common import (
    SHOWN_PER_KIND,
    echo_json,
    exit_with_problems,
    load_options,
    load_or_exit,
    path_argument,
    plural,
    table,
)

__all__ = ["validate", "info", "vocab"]


@click.command()
@path_argument
@load_options
@click.option(
    "--warn-duplicates",
    is_flag=True,
    help="Also warn of claims that repeat one another (same subject, type, object, modality and claimant "
    "in one source: analyses count them once), naming both; a warning does not fail.",
)
@click.option(
    "--all",
    "every",
    is_flag=True,
    help=f"List every problem (by default the first {SHOWN_PER_KIND} of each kind, and how many more).",
)
def validate(path, warn_duplicates, every, loading):
    """Check every data file under PATH; list each problem as FILE:LINE:COL.

    Exit code 0: valid; 1: problems in the data; 2: bad usage.
    """
    records, problems = check(
        path, limits=loading.limits(), allow_texts_outside=loading.texts_outside(), **loading.cache()
    )
    if problems:
        exit_with_problems(
            problems, f"the data at {path} is not valid", every=every, again=f"actorgraph validate --all {path}"
        )
    click.echo(
        f"{path}: valid: {plural(records.entities, 'entity', 'entities')}, "
        f"{plural(records.relations, 'relation')}, {plural(records.sources, 'source')} "
        f"in {plural(records.files, 'file')}"
    )
    if warn_duplicates:
        from ..analysis.merge import duplicate_warnings  # (only when asked: validating needs no analysis)

        for line in duplicate_warnings(load_or_exit(path, loading)):
            click.echo(line, err=True)


@click.command()
@path_argument
@load_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def info(path, as_json, loading):
    """Counts of entities by kind, relations by type and modality, claims by source."""
    ds = load_or_exit(path, loading)
    counts = ds.counts()
    if as_json:
        echo_json(counts)
        return
    click.echo(f"{plural(ds.entities, 'entity', 'entities')}, {plural(ds, 'relation')}, {plural(ds.sources, 'source')}")
    for key in ("entity kinds", "relation types", "quads", "modalities", "asserted by", "by source"):
        click.echo(f"\n{key}:")
        for k, v in counts[key].items():
            click.echo(f"  {v:>5}  {k}")


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def vocab(as_json):
    """The vocabulary: relation types, modes, contexts, modalities, kinds."""
    if as_json:
        echo_json(
            {
                "relation_types": {
                    t.name: {
                        "quad": t.quad,
                        "polarity": t.polarity,
                        "cameo": list(t.cameo),
                        "modes": list(t.modes),
                        "description": t.description,
                    }
                    for t in RELATION_TYPES.values()
                },
                "contexts": CONTEXTS,
                "modalities": MODALITIES,
                "entity_kinds": ENTITY_KINDS,
                "source_kinds": SOURCE_KINDS,
            }
        )
        return
    rows = [
        [t.name, t.quad, f"{t.polarity:+g}", ",".join(t.cameo), ", ".join(t.modes), t.description]
        for t in RELATION_TYPES.values()
    ]
    click.echo("Relation types (PLOVER events, then structural ties):\n")
    click.echo(table(rows, ["type", "quad", "polarity", "CAMEO", "modes", "meaning"], [14, 20, 8, 8, 70, 70]))
    for title, d in (
        ("Modalities", MODALITIES),
        ("Contexts", CONTEXTS),
        ("Entity kinds", ENTITY_KINDS),
        ("Source kinds", SOURCE_KINDS),
    ):
        click.echo(f"\n{title}:")
        for k, v in d.items():
            click.echo(f"  {k:<20} {v}")
