"""Doctests of the package get ``graph`` in their namespace (so no module imports its own package)."""

import pytest

import graph


@pytest.fixture(autouse=True)
def _doctest_graph(doctest_namespace):
    doctest_namespace["graph"] = graph
