"""The readers: one module per input format, each turning a file into records with locators.

``READERS`` maps a file suffix to a reader: a function ``read(path, data,
*, base_dir)`` taking the file's displayed path and its bytes (already read
within the size limit) and returning a :class:`~graph.read.base.FileRead`.
A new input format is one module here and one line in ``READERS``.
"""

from __future__ import annotations

from . import bulk
from . import yaml as yaml_reader
from .base import KINDS, FileRead, Locator, Piece, Plain, RecordLocator, TableLocator

__all__ = ["READERS", "reader_for", "FileRead", "Piece", "Locator", "TableLocator", "RecordLocator", "Plain", "KINDS"]

READERS: dict = {
    ".yaml": yaml_reader.read,
    ".yml": yaml_reader.read,
    ".parquet": bulk.read_parquet,
    ".jsonl": bulk.read_jsonl,
}
"""File suffix (lower case, with the dot) -> reader function."""


def reader_for(path):
    """The reader of *path* by its suffix, or ``None`` when no reader takes it."""
    name = str(path).lower()
    for suffix, read in READERS.items():
        if name.endswith(suffix):
            return read
    return None
