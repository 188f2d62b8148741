"""actorgraph: what texts state about political actors, as a knowledge graph.

Relations are *claims*: who is said to do what to whom, when, how
(cooperation or conflict), in which mode (reported, claimed, recommended,
speculated, denied), and the verbatim words of the source that say so.

>>> import graph
>>> ds = graph.loads('''
... entities: [{id: PAK, name: Pakistan, kind: state}]
... ''')
>>> ds.entity("pakistan").id
'PAK'
"""

from __future__ import annotations

from .dataset import AUTHOR, Dataset, Path
from .errors import ActorgraphError, DataError, OutputError, Problem, QueryError, UnknownEntityError, UnknownSourceError
from .examples import example
from .loader import DEFAULT_LIMITS, Limits, check, data_files, load, loads
from .model import Entity, Evidence, Relation, Source, to_dict
from .vocab import CONTEXTS, ENTITY_KINDS, MODALITIES, QUADS, RELATION_TYPES, SOURCE_KINDS
from .when import When, parse_when

__version__ = "0.1.0"

__all__ = [
    "load",
    "loads",
    "example",
    "check",
    "data_files",
    "Limits",
    "DEFAULT_LIMITS",
    "Dataset",
    "Path",
    "AUTHOR",
    "Entity",
    "Relation",
    "Source",
    "Evidence",
    "When",
    "parse_when",
    "to_dict",
    "ActorgraphError",
    "DataError",
    "Problem",
    "QueryError",
    "UnknownEntityError",
    "UnknownSourceError",
    "OutputError",
    "RELATION_TYPES",
    "QUADS",
    "CONTEXTS",
    "MODALITIES",
    "ENTITY_KINDS",
    "SOURCE_KINDS",
]


def _repr_html_(ds):
    """Jupyter shows a dataset (or a view) as the interactive page, inline. Set on the class here, at
    the package's top, so that the dataset (below the page in the package) imports nothing above it."""
    from .render import notebook_html

    return notebook_html(ds)


Dataset._repr_html_ = _repr_html_


def __getattr__(name):
    # graph.draft is imported on first use (it is a callable module: graph.draft(text, ds))
    if name == "draft":
        import importlib

        return importlib.import_module(".draft", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
