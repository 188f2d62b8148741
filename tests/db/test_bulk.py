"""The bulk path's commands, read back as FalkorDB reads them: the same graph as the Cypher statements'.

No server here: :func:`decode` mirrors the reader of FalkorDB's GRAPH.BULK endpoint
(src/bulk_insert/bulk_insert.c), so a blob FalkorDB would misread fails here first.
"""

from __future__ import annotations

import dataclasses
import json
import struct

import pytest

import graph
from graph.db import bulk
from graph.db import statements as st
from tests.db.conftest import DATA, generate
from tests.test_formats import hostile


def _value(b, i):
    t = b[i]
    i += 1
    if t == 0:
        return None, i
    if t == 1:
        assert b[i] in (0, 1)
        return bool(b[i]), i + 1
    if t == 2:
        return struct.unpack_from("<d", b, i)[0], i + 8
    if t == 4:
        return struct.unpack_from("<q", b, i)[0], i + 8
    if t == 3:
        end = b.index(0, i)
        return b[i:end].decode("utf-8"), end + 1
    assert t == 5, f"unknown value type {t} at byte {i - 1}"
    n = struct.unpack_from("<q", b, i)[0]
    i += 8
    out = []
    for _ in range(n):
        v, i = _value(b, i)
        out.append(v)
    return out, i


def _token(b, edge):
    """``(labels or type, [(ends or None, {key: value})])`` of one token."""
    end = b.index(0)
    name = b[:end].decode("ascii")
    i = end + 1
    (n_keys,) = struct.unpack_from("<I", b, i)
    i += 4
    keys = []
    for _ in range(n_keys):
        end = b.index(0, i)
        keys.append(b[i:end].decode("utf-8"))
        i = end + 1
    assert len(set(keys)) == len(keys)
    rows = []
    while i < len(b):
        ends = None
        if edge:
            ends = struct.unpack_from("<QQ", b, i)
            i += 16
        props = {}
        for k in keys:
            v, i = _value(b, i)
            if v is not None:  # (FalkorDB leaves a none value out)
                props[k] = v
        rows.append((ends, props))
    assert i == len(b)
    return name, rows


def decode(commands):
    """``(nodes [(labels, props)], edges [(subject id, type, object id, props)])`` as FalkorDB would build them."""
    nodes, edges = [], []
    for k, cmd in enumerate(commands):
        args = cmd.args(begin=k == 0)
        assert (args[0] == "BEGIN") == (k == 0)
        args = args[1:] if k == 0 else args
        n_nodes, n_edges, n_node_tokens, n_edge_tokens, *tokens = args
        assert len(tokens) == n_node_tokens + n_edge_tokens
        made = [0, 0]
        for j, token in enumerate(tokens):
            edge = j >= n_node_tokens
            name, rows = _token(token, edge)
            made[edge] += len(rows)
            for ends, props in rows:
                if edge:
                    edges.append((nodes[ends[0]][1]["id"], name, nodes[ends[1]][1]["id"], props))
                else:
                    nodes.append((sorted(name.split(":")), props))
        assert made == [n_nodes, n_edges]
    return nodes, edges


def expected(ds):
    """The nodes and edges the Cypher statements write (their rows), in the same form."""
    nodes = [(["Source"], r["props"]) for r in st.source_rows(ds)]
    nodes += [(sorted(["Entity", label]), r["props"]) for label, rows in st.entity_rows(ds).items() for r in rows]
    edges = [(r["subject"], t, r["object"], r["props"]) for t, rows in st.relation_rows(ds).items() for r in rows]
    return nodes, edges


def _sorted(graph_):
    nodes, edges = graph_
    key = lambda x: json.dumps(x, sort_keys=True)  # noqa: E731
    return sorted(map(key, nodes)), sorted(map(key, edges))


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("gen")
    generate(folder, entities=60, relations=900, files=2)
    return folder


@pytest.mark.parametrize("which", ["seed", "hostile", "generated"])
def test_the_commands_build_what_the_statements_write(which, generated):
    ds = {"seed": lambda: graph.load(DATA), "hostile": hostile, "generated": lambda: graph.load(generated)}[which]()
    got = decode(bulk.commands(ds))
    assert _sorted(got) == _sorted(expected(ds))
    assert len(got[1]) == len(ds) and len(got[0]) == len(ds.entities) + len(ds.sources)


def test_the_load_caches_columns_and_the_relations_give_the_same_bytes(generated, tmp_path):
    cached = graph.load(generated, cache_dir=tmp_path)  # writes the cache
    cached = graph.load(generated, cache_dir=tmp_path)  # its relations are columns
    assert cached._columns is not None and cached._columns.columns() is not None
    built = graph.Dataset(cached.sources, cached.entities, list(graph.load(generated, cache=False).relations()))
    assert built._columns is None
    a, b = list(bulk.commands(cached)), list(bulk.commands(built))
    assert [c.args(False) for c in a] == [c.args(False) for c in b]


def test_commands_are_cut_by_size_and_by_batch(generated):
    ds = graph.load(generated)
    one = list(bulk.commands(ds))
    assert len(one) == 1
    small = list(bulk.commands(ds, max_bytes=20_000))
    batched = list(bulk.commands(ds, batch=100))
    assert len(small) >= 3 and all(c.edges <= 100 for c in batched) and sum(c.edges for c in batched) == len(ds)
    assert all(c.nodes == 0 for c in batched[1:])  # the nodes come first
    for cmds in (small, batched):
        assert _sorted(decode(cmds)) == _sorted(decode(one))


def _with(ds, k, **change):
    rels = ds.relations()
    rels[k] = dataclasses.replace(rels[k], **change)
    return graph.Dataset(ds.sources, ds.entities, rels), rels[k].id


@pytest.mark.parametrize(
    "change, why",
    [
        ({"note": "a NUL \x00 inside"}, "its note holds a NUL character (U+0000), which the database cannot store"),
        ({"attributes": {"count": 2**70}}, None),
        ({"polarity": float("nan")}, "its polarity is NaN or infinite"),
    ],
)
def test_a_value_the_format_cannot_carry_names_the_claim(generated, change, why):
    ds, rid = _with(graph.load(generated), 700, **change)
    if why is None:  # (attributes are JSON text: any whole number fits)
        (props,) = [p for _, _, _, p in decode(bulk.commands(ds))[1] if p["id"] == rid]
        assert props["attributes"] == '{"count": 1180591620717411303424}'
        return
    with pytest.raises(bulk.BulkValueError) as exc:
        list(bulk.commands(ds))
    assert str(exc.value) == f"claim '{rid}': {why}"


def test_values_beyond_the_format():
    assert bulk.value(2**63 - 1) == b"\x04" + struct.pack("<q", 2**63 - 1)
    for v in (2**63, float("nan"), float("inf"), "a\x00b"):
        with pytest.raises(ValueError):
            bulk.value(v)


def test_node_values_the_format_cannot_carry_name_the_entity():
    ds = graph.load(DATA)
    e = next(iter(ds.entities.values()))
    ents = dict(ds.entities, **{e.id: dataclasses.replace(e, description="x\x00y")})
    with pytest.raises(bulk.BulkValueError, match=f"entity '{e.id}': its description holds a NUL"):
        list(bulk.commands(graph.Dataset(ds.sources, ents, ds.relations())))
