import pathlib

import pytest

import graph
from graph.examples import EXAMPLE_YAML

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

SMALL = EXAMPLE_YAML


@pytest.fixture(scope="session")
def small():
    return graph.loads(SMALL)


@pytest.fixture(scope="session")
def seed():
    return graph.load(DATA)
