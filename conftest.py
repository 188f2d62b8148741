"""Doctests of the package get ``graph`` in their namespace (so no module imports its own package)."""

import pytest

import graph


@pytest.fixture(autouse=True)
def _doctest_graph(doctest_namespace):
    doctest_namespace["graph"] = graph


@pytest.fixture(autouse=True, scope="session")
def _own_cache(tmp_path_factory):
    """The suite's loads keep their cache in a folder of their own, never the user's."""
    import os
    old = os.environ.get("ACTORGRAPH_CACHE_DIR")
    os.environ["ACTORGRAPH_CACHE_DIR"] = str(tmp_path_factory.mktemp("actorgraph-cache"))
    yield
    if old is None:
        os.environ.pop("ACTORGRAPH_CACHE_DIR", None)
    else:
        os.environ["ACTORGRAPH_CACHE_DIR"] = old
