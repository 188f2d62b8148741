"""A YAML file that reads cleanly lets its node tree go: its records are located where they start,
and a field inside one is located by reading the file again, at the very place the tree gives.

The texts here are constructed examples, written for these tests.
"""

from __future__ import annotations

import glob
import os

import graph
from graph.read.yaml import StartLocator, YamlLocator, read_yaml_text
from graph.read.yaml_events import locate, parse_text

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
from tests.conftest import DATA  # noqa: E402  (a copy of the seed: never the user's data/)


def yaml_files():
    found = []
    for pattern in ("tests/**/*.yaml", "notebooks/**/*.yaml", "graph/**/*.yaml", "benchmarks/**/*.yaml"):
        found += glob.glob(os.path.join(ROOT, pattern), recursive=True)
    found += glob.glob(os.path.join(DATA, "**", "*.yaml"), recursive=True)
    return sorted(found)


def tree_nodes(doc):
    """(kind, record node) of every record of *doc*, in order, from its node tree."""
    for knode, vnode in doc.node.value:
        for item in vnode.value or ():
            yield knode.value, item


def test_every_clean_file_of_the_project_is_located_as_its_tree_locates_it():
    light = 0
    for path in yaml_files():
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        read = read_yaml_text(text, path)
        if not read.pieces or not isinstance(read.pieces[0].locator, StartLocator):
            continue
        light += 1
        doc = parse_text(text, path)
        nodes = list(tree_nodes(doc))
        assert len(nodes) == len(read.pieces), path
        for piece, (kind, node) in zip(read.pieces, nodes, strict=True):
            assert piece.kind == kind
            assert piece.locator.locate() == locate(node), path
            for key, value in piece.values.items():
                assert piece.locator.locate(key) == locate(node, key), (path, key)
                assert piece.locator.locate(key, key=True) == locate(node, key, key=True), (path, key)
                if isinstance(value, list) and value and isinstance(value[0], dict):
                    for k in value[0]:
                        assert piece.locator.locate(key, 0, k) == locate(node, key, 0, k), (path, key, k)
    assert light >= 20, light  # real files do go the light way


def test_a_problem_inside_a_clean_file_is_located_at_its_field(tmp_path):
    text = (
        "entities:\n  - id: PAK\n    name: Pakistan\n    kind: state\n  - {id: RUS, name: Russia,\n     kind: sate}\n"
    )
    read = read_yaml_text(text, "e.yaml")
    assert all(isinstance(p.locator, StartLocator) for p in read.pieces)
    assert [p.locator.locate() for p in read.pieces] == [(2, 5), (5, 5)]
    (tmp_path / "e.yaml").write_text(text)
    records, problems = graph.check(tmp_path, cache=False)
    assert [(p.line, p.col) for p in problems] == [(6, 12)]
    assert "unknown entity kind 'sate'" in problems[0].message


def test_a_file_with_a_problem_keeps_its_tree():
    text = "entities:\n  - id: PAK\n    name: Pakistan\n    name: again\n  - id: RUS\n"
    read = read_yaml_text(text, "e.yaml")
    assert read.problems and "duplicate key 'name'" in read.problems[0].message
    assert read.pieces and all(isinstance(p.locator, YamlLocator) for p in read.pieces)
    text = "entities:\n  - id: PAK\nrelation: []\n"
    read = read_yaml_text(text, "e.yaml")
    assert "unknown top-level key 'relation'" in read.problems[0].message
