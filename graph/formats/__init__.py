"""The interchange formats of :mod:`graph.export`, one module each.

* :mod:`graph.formats.graphml` -- GraphML (typed attributes);
* :mod:`graph.formats.gexf` -- GEXF 1.2 with dynamic spells (Gephi's timeline);
* :mod:`graph.formats.tables` -- CSV tables (Kumu, spreadsheets; imported back by :mod:`graph.imports.csv_tables`);
* :mod:`graph.formats.cypher` -- a Cypher script of parameterised MERGE statements (Neo4j);
* :mod:`graph.formats.schema` -- a JSON Schema (draft 2020-12) of the YAML data files.
"""
