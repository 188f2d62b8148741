"""Doctests of the package get ``graph`` in their namespace (so no module imports its own package) and
run beside a copy of the seed data; the suite keeps its cache and cache key in folders of its own."""

import pytest

import graph


@pytest.fixture(autouse=True)
def _doctest_graph(doctest_namespace):
    doctest_namespace["graph"] = graph


@pytest.fixture(autouse=True)
def _doctests_read_the_seed(request, monkeypatch):
    """Doctests that say ``data`` run where ``data/`` is a copy of the seed, never the user's data."""
    if isinstance(request.node, pytest.DoctestItem):
        from tests.seed import SEED_ROOT

        monkeypatch.chdir(SEED_ROOT)


@pytest.fixture(autouse=True, scope="session")
def _own_cache(tmp_path_factory):
    """The suite's loads keep their cache, and its key, in folders of their own, never the user's."""
    import os

    own = {
        "ACTORGRAPH_CACHE_DIR": str(tmp_path_factory.mktemp("actorgraph-cache")),
        "XDG_CONFIG_HOME": str(tmp_path_factory.mktemp("config")),
    }
    old = {k: os.environ.get(k) for k in own}
    os.environ.update(own)
    yield
    for k, v in old.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
