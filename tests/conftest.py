"""What the tests share: the repository's root, the seed data (a copy: never the user's data/), small datasets.

``DATA`` is a copy of the seed (``data/seed`` and its stored texts, see :mod:`tests.seed`)
made once per session: tests read it and never the user's ``data/``, where an analyst adds
articles. A test that changes data copies the seed with the ``seed_copy`` fixture.
"""

import pytest

import graph
from graph.examples import EXAMPLE_YAML
from tests.seed import ROOT, SEED_DATA, SEED_ROOT, copy_seed

__all__ = ["ROOT", "DATA", "SEED_ROOT", "SMALL"]

DATA = SEED_DATA

SMALL = EXAMPLE_YAML


@pytest.fixture(scope="session")
def small():
    return graph.loads(SMALL)


@pytest.fixture(scope="session")
def seed():
    return graph.load(DATA)


@pytest.fixture()
def seed_copy():
    """``seed_copy(folder)``: a fresh copy of the seed in the data folder *folder*, for a test that changes it."""
    return copy_seed


@pytest.fixture()
def in_seed_root(monkeypatch):
    """Run the test from a folder whose ``data/`` is the seed (as commands and examples say ``data``)."""
    monkeypatch.chdir(SEED_ROOT)
    return SEED_ROOT
