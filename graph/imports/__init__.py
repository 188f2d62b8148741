"""Importing outside data into validated data files: event datasets and CSV tables.

* :mod:`graph.imports.events` -- GDELT 2.0, ICEWS, ACLED and POLECAT events
  into the bulk relation files of a data folder (``actorgraph import gdelt ...``);
* :mod:`graph.imports.csv_tables` -- CSV tables (Kumu, spreadsheets, or the
  tables :mod:`graph.formats.tables` writes) into one YAML data file
  (``actorgraph import csv ...``).

An import reads with :mod:`graph.read`, validates with the one validator
(:mod:`graph.records`) and writes only once everything is valid; it sits above
the loader, beside the writers of :mod:`graph.formats`.
"""
