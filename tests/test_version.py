"""The version is written in one place (graph.__version__), and the installed package says the same."""

import importlib.metadata

import pytest

import graph
from tests.conftest import ROOT


def test_one_version():
    tomllib = pytest.importorskip("tomllib")  # (Python 3.11 and later)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" not in project and "version" in project["dynamic"]
    assert importlib.metadata.version("actorgraph") == graph.__version__
