"""The ``actorgraph`` command line: a thin layer over the Python API, one module per command group.

>>> from click.testing import CliRunner
>>> CliRunner().invoke(main, ["validate", "data"]).output.split(":")[1]
' valid'
"""

from __future__ import annotations

from . import analyze, data, db, draft, export, imports, query, render, review, serve
from .main import main

__all__ = ["main"]

for _command in (
    data.validate,
    data.info,
    query.relations,
    query.neighbours,
    query.path,
    export.export,
    render.render,
    analyze.analyze,
    imports.import_,
    draft.draft,
    draft.quote,
    draft.new_source,
    review.review,
    serve.serve,
    db.db,
    data.vocab,
):
    main.add_command(_command)
