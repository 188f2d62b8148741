"""Export a dataset to interchange formats.

:data:`FORMATS` maps each format's name to a :class:`Format`; :func:`export`
writes one atomically, never over the dataset's own input files. Calling a
format on a dataset gives its text (``FORMATS["graphml"](ds)``); ``csv``,
which writes three tables, gives a dict of their texts.

========== ========================================================== =========================
format     for                                                        read back by
========== ========================================================== =========================
node-link  networkx / d3 (JSON)                                       ``nx.node_link_graph``
graphml    Gephi, yEd, Cytoscape, networkx (typed attributes)         ``nx.read_graphml``
gexf       Gephi, with dynamic spells from ``when`` (timeline)        ``nx.read_gexf``
csv        Kumu, spreadsheets: entities, relations, sources tables    ``actorgraph import``
cypher     Neo4j: parameterised MERGE statements                      ``cypher-shell -f``
neo4j-csv  Neo4j bulk load: node and relationship files + the command ``neo4j-admin database import``
json-schema editors: a JSON Schema of the YAML data files             ``jsonschema``
discourse- visone, Gephi: the discourse network of claimants (graphml),   ``nx.read_graphml``,
graphml,   and DNA's two-mode claimant x claim-group matrix of stances    spreadsheets
-csv       (csv); ``roll_up``, ``normalize`` as :func:`graph.analysis.discourse`
========== ========================================================== =========================

>>> import graph, networkx as nx
>>> ds = graph.loads('''
... entities: [{id: PAK, name: Pakistan, kind: state}, {id: USA, name: United States, kind: state}]
... sources: [{id: s1, title: T}]
... relations:
...   - {id: r1, subject: PAK, object: USA, type: CONSULT, modality: reported, when: 2025-02,
...      evidence: [{source: s1, quote: q}]}
... ''')
>>> g = nx.node_link_graph(json.loads(node_link(ds)), edges="edges")
>>> g.edges["PAK", "USA", "r1"]["when"]
'2025-02'
>>> sorted(FORMATS)
['csv', 'cypher', 'discourse-csv', 'discourse-graphml', 'gexf', 'graphml', 'json-schema', 'neo4j-csv', 'node-link']
>>> FORMATS["graphml"].suffix, FORMATS["csv"].files
('.graphml', 3)
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import networkx as nx

from .atomic import check_output_path, write_atomic
from .errors import ActorgraphError
from .formats.cypher import cypher
from .formats.discourse import discourse_csv, discourse_graphml
from .formats.gexf import gexf
from .formats.graphml import graphml
from .formats.neo4j_csv import neo4j_csv_tables, write_neo4j_csv
from .formats.schema import json_schema_text
from .formats.tables import csv_tables, write_csv

__all__ = [
    "node_link",
    "node_link_data",
    "graphml",
    "gexf",
    "cypher",
    "csv_tables",
    "json_schema_text",
    "export",
    "FORMATS",
    "Format",
]


def node_link_data(ds) -> dict:
    """The dataset as networkx node-link data (``edges="edges"``), JSON-ready.

    ``networkx.node_link_graph(data, edges="edges")`` rebuilds a
    ``MultiDiGraph`` isomorphic to ``ds.graph`` with the same attributes.
    """
    return nx.node_link_data(ds.graph, edges="edges")


def node_link(ds) -> str:
    """:func:`node_link_data` as JSON text."""
    return json.dumps(node_link_data(ds), ensure_ascii=False, indent=1)


@dataclass(frozen=True)
class Format:
    """An export format: ``dumps(ds) -> str`` for one file, or ``write(ds, path, protect) -> paths``."""

    name: str
    description: str
    suffix: str
    dumps: Callable
    write: Callable | None = None  # formats that write more than one file
    files: int = 1
    options: tuple = ()  # the keyword options dumps takes (e.g. roll_up)

    def __call__(self, ds, **options):
        return self.dumps(ds, **options)


FORMATS = {
    f.name: f
    for f in (
        Format("node-link", "networkx node-link JSON", ".json", node_link),
        Format("graphml", "GraphML with typed attributes (Gephi, yEd, Cytoscape, networkx)", ".graphml", graphml),
        Format("gexf", "GEXF 1.2 with dynamic spells from 'when' (Gephi's timeline)", ".gexf", gexf),
        Format(
            "csv",
            "entities, relations and sources tables (Kumu, spreadsheets); -o NAME writes "
            "NAME-entities.csv, NAME-relations.csv, NAME-sources.csv, -o FOLDER/ writes them in FOLDER",
            ".csv",
            csv_tables,
            write=write_csv,
            files=3,
        ),
        Format("cypher", "Cypher script of parameterised MERGE statements (Neo4j)", ".cypher", cypher),
        Format(
            "neo4j-csv",
            "node and relationship CSV files for neo4j-admin database import (millions of claims); "
            "-o NAME writes NAME-entities.csv, NAME-sources.csv, NAME-relations.csv and NAME-import.sh "
            "(the command), -o FOLDER/ writes them in FOLDER",
            ".csv",
            neo4j_csv_tables,
            write=write_neo4j_csv,
            files=4,
        ),
        Format(
            "json-schema",
            "JSON Schema (draft 2020-12) of the YAML data files (editors)",
            ".schema.json",
            json_schema_text,
        ),
        Format(
            "discourse-graphml",
            "the discourse network: claimants tied by congruence and conflict (visone, Gephi)",
            ".graphml",
            discourse_graphml,
            options=("roll_up", "normalize"),
        ),
        Format(
            "discourse-csv",
            "the claimant x claim-group matrix of stances (DNA's two-mode export)",
            ".csv",
            discourse_csv,
            options=("roll_up",),
        ),
    )
}


def export(ds, fmt, path, *, protect=None, **options) -> list:
    """Write *ds* in format *fmt* to *path* atomically; return the paths written.

    *options* go to the format (``roll_up``, ``normalize`` for the discourse formats); an option
    the format does not take is an error.

    *protect* lists files that must not be overwritten; by default the
    dataset's own input files (``ds.files``). For ``csv``, *path* names three
    files (see :mod:`graph.formats.tables`); every one is checked before any
    is written.

    Raises
    ------
    ActorgraphError
        For an unknown format.
    OutputError
        When an output path is an input file, a folder, or in a missing folder.
    """
    try:
        f = FORMATS[fmt]
    except KeyError:
        raise ActorgraphError(f"unknown export format '{fmt}'; expected one of: " + ", ".join(FORMATS)) from None
    wrong = [k for k, v in options.items() if v not in (None, False, "none") and k not in f.options]
    if wrong:
        raise ActorgraphError(
            f"the {fmt} format takes no {wrong[0].replace('_', '-')} option"
            + (f"; it takes: {', '.join(f.options)}" if f.options else "")
        )
    options = {k: v for k, v in options.items() if k in f.options and v is not None}
    protect = getattr(ds, "files", ()) if protect is None else protect
    if f.write is not None:
        return f.write(ds, path, protect=protect)
    check_output_path(path, protect)
    write_atomic(path, f.dumps(ds, **options), protect=protect)
    return [path]
