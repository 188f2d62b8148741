"""Push to a real FalkorDB server: the seed data, re-push, sync of removed and changed claims, queries."""

from __future__ import annotations

import dataclasses
import json
import threading

import networkx as nx
import pytest

import graph
import graph.db
from graph.export import node_link_data
from tests.db.conftest import generate, invoke, run_cli


def counts(url):
    q = graph.db.query
    return (
        q("MATCH (n:Entity) RETURN count(n)", url=url)["rows"][0][0],
        q("MATCH (n:Source) RETURN count(n)", url=url)["rows"][0][0],
        q("MATCH ()-[r]->() RETURN count(r)", url=url)["rows"][0][0],
    )


def dump(url):
    """Every node and relationship with all its labels and properties, sorted."""
    nodes = graph.db.query("MATCH (n) RETURN labels(n), properties(n)", url=url)["rows"]
    rels = graph.db.query("MATCH (a)-[r]->(b) RETURN a.id, type(r), b.id, properties(r)", url=url)["rows"]
    key = lambda x: json.dumps(x, sort_keys=True)  # noqa: E731
    return sorted(map(key, nodes)), sorted(map(key, rels))


def test_push_of_the_seed_data_matches_the_node_link_export(seed_ds, url):
    result = graph.db.push(seed_ds, url)
    assert (result["entities"], result["relations"], result["sources"]) == (18, 42, 1)
    nl = node_link_data(seed_ds)
    assert counts(url) == (len(nl["nodes"]), len(seed_ds.sources), len(nl["edges"]))
    g = nx.node_link_graph(nl, edges="edges")
    there = graph.db.query("MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id, b.id, r.id, type(r)", url=url)["rows"]
    assert sorted(map(tuple, there)) == sorted((u, v, k, d["type"]) for u, v, k, d in g.edges(keys=True, data=True))
    kinds = graph.db.query("MATCH (n:Entity) RETURN n.id, labels(n)", url=url)["rows"]
    from graph.db.statements import kind_label

    assert {i: sorted(ls) for i, ls in kinds} == {
        e.id: sorted(["Entity", kind_label(e.kind)]) for e in seed_ds.entities.values()
    }


def test_a_query_about_one_claim_gives_its_fields(seed_ds, url):
    graph.db.push(seed_ds, url)
    r = seed_ds.relation("pak-ready-to-strengthen-ties-usa-fo-claim-2025")
    out = run_cli(
        "db",
        "query",
        "MATCH (a:Entity)-[r]->(b:Entity) WHERE r.id = $id RETURN a.id, type(r), b.id, "
        "r.modality, r.claimants, r.asserted_by, r.when, r.when_start, r.when_end, r.sources, r.quotes, "
        "r.evidence, r.polarity",
        "--param",
        f"id={r.id}",
        "--url",
        url,
        "--json",
    )
    assert out.returncode == 0, out.stderr
    res = json.loads(out.stdout)
    assert res["columns"][:3] == ["a.id", "type(r)", "b.id"]
    (row,) = res["rows"]
    assert row == [
        r.subject,
        r.type,
        r.object,
        r.modality,
        list(r.claimants),
        r.asserted_by,
        "2025",
        "2025-01-01",
        "2025-12-31",
        list(r.sources),
        [e.quote for e in r.evidence],
        json.dumps(graph.to_dict(r)["evidence"], ensure_ascii=False),
        r.polarity,
    ]
    # evidence and claimants are queryable: who is the claim's maker, and which source says it
    who = graph.db.query(
        "MATCH (c:Entity), ()-[r]->() WHERE r.id = $id AND c.id IN r.claimants "
        "UNWIND r.sources AS sid MATCH (s:Source {id: sid}) RETURN c.name, s.id",
        {"id": r.id},
        url=url,
    )
    assert who["rows"] == [[seed_ds.entities[r.asserted_by].name, r.sources[0]]]
    table = invoke(
        "db", "query", "MATCH ()-[r]->() WHERE r.id = $id RETURN r.id, r.modality", "-p", f"id={r.id}", "--url", url
    )
    assert table.returncode == 0 and table.stdout.splitlines()[2].split() == [r.id, r.modality]
    assert table.stdout.rstrip().endswith("1 row")


def test_re_push_is_idempotent(seed_ds, url):
    graph.db.push(seed_ds, url)
    before = dump(url)
    second = graph.db.push(seed_ds, url)
    assert second["deleted relations"] == second["deleted entities"] == second["deleted sources"] == 0
    assert dump(url) == before


def test_push_syncs_removed_and_changed_claims_entities_and_sources(seed_ds, url):
    graph.db.push(seed_ds, url)
    graph.db.query("CREATE (:Stray {id: 'x'})", url=url, write=True)  # not the dataset's: removed
    rels = seed_ds.relations()
    removed, changed = rels[0], rels[1]
    gone_entity = "INTL-COMMUNITY"
    assert gone_entity in seed_ds.entities
    keep = [r for r in rels[2:] if gone_entity not in (r.subject, r.object) and gone_entity not in r.claimants]
    flipped = dataclasses.replace(
        changed, type="THREATEN", mode=None, subject=changed.object, object=changed.subject, note="changed"
    )
    entities = {k: v for k, v in seed_ds.entities.items() if k != gone_entity}
    ds2 = graph.Dataset(seed_ds.sources, entities, keep + [flipped])
    result = graph.db.push(ds2, url)
    assert result["deleted entities"] == 1 and result["deleted relations"] >= 2
    ids = {
        row[0]: row[1:]
        for row in graph.db.query("MATCH (a:Entity)-[r]->(b:Entity) RETURN r.id, type(r), a.id, b.id, r.note", url=url)[
            "rows"
        ]
    }
    assert removed.id not in ids
    assert ids[changed.id] == ["THREATEN", changed.object, changed.subject, "changed"]
    assert set(ids) == {r.id for r in ds2.relations()}
    assert counts(url) == (len(entities), 1, len(ds2))
    assert graph.db.query("MATCH (n:Stray) RETURN count(n)", url=url)["rows"][0][0] == 0
    assert dump(url) == dump_of_fresh_push(ds2, url)


def dump_of_fresh_push(ds, url):
    fresh = url + "fresh"
    try:
        graph.db.push(ds, fresh)
        return dump(fresh)
    finally:
        graph.db.query("MATCH (n) DETACH DELETE n", url=fresh, write=True)


@pytest.mark.parametrize("full", [False, True], ids=["sync", "bulk"])
def test_readers_never_see_a_half_pushed_graph(seed_ds, url, tmp_path, full):
    generate(tmp_path / "big", entities=500, relations=6000, files=2)
    big = graph.load(tmp_path / "big")
    graph.db.push(seed_ds, url)
    seen, done = set(), threading.Event()

    def read():
        while not done.is_set():
            seen.add(graph.db.query("MATCH ()-[r]->() RETURN count(r)", url=url)["rows"][0][0])

    t = threading.Thread(target=read)
    t.start()
    try:
        assert graph.db.push(big, url, batch=50 if full else 200, full=full)["bulk"] is full
    finally:
        done.set()
        t.join()
    seen.add(counts(url)[2])
    assert seen <= {42, 6000} and 6000 in seen, seen


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("generated")
    generate(folder, entities=80, relations=1500, files=2)
    return graph.load(folder)


@pytest.mark.parametrize("which", ["seed", "hostile", "generated"])
def test_the_bulk_path_and_the_cypher_sync_build_the_same_graph(which, url, seed_ds, generated):
    from tests.test_formats import hostile

    ds = {"seed": seed_ds, "generated": generated}.get(which) or hostile()
    first = graph.db.push(ds, url)  # a new graph: the bulk path
    assert first["bulk"] and (first["entities"], first["relations"]) == (len(ds.entities), len(ds))
    built = dump(url)
    assert len(built[0]) == len(ds.entities) + len(ds.sources) and len(built[1]) == len(ds)
    other = url + "cypher"
    assert graph.db.push(graph.Dataset({}, {}, []), other)["bulk"]  # an empty graph, made by the bulk path
    assert graph.db.query("MATCH (n) RETURN count(n)", url=other)["rows"] == [[0]]
    synced = graph.db.push(ds, other)  # an existing graph: Cypher
    assert not synced["bulk"]
    assert dump(other) == built
    indexes = "CALL db.indexes() YIELD label, properties RETURN label, properties ORDER BY label"
    assert (
        graph.db.query(indexes, url=url)["rows"]
        == graph.db.query(indexes, url=other)["rows"]
        == [["Entity", ["id"]], ["Source", ["id"]]]
    )


def test_full_rebuilds_an_existing_graph(seed_ds, generated, url):
    graph.db.push(generated, url)
    graph.db.query("CREATE (:Stray {id: 'x'})-[:ODD]->(:Stray {id: 'y'})", url=url, write=True)
    out = invoke("db", "push", "data", "--url", url, "--full")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("pushed data to ") and "18 entities, 42 relations, 1 source" in out.stdout
    assert counts(url) == (18, 1, 42)
    assert dump(url) == dump_of_fresh_push(seed_ds, url)
    assert graph.db.push(seed_ds, url)["bulk"] is False  # without --full: the sync
    bolt = invoke("db", "push", "data", "--url", "bolt://127.0.0.1:1", "--full")
    assert bolt.returncode == 2 and "for falkordb:// URLs" in bolt.stderr


def test_hostile_values_arrive_exactly(url):
    """Quotes, backslashes, line breaks, Cypher injection, non-ASCII and astral characters, as parameters."""
    from graph.db import statements as st
    from tests.test_formats import hostile

    ds = hostile()
    graph.db.push(ds, url)
    rels = graph.db.query("MATCH (a)-[r]->(b) RETURN r.id, a.id, b.id, type(r), properties(r)", url=url)["rows"]
    expected = {
        r["id"]: [r["subject"], r["object"], t, r["props"]] for t, rows in st.relation_rows(ds).items() for r in rows
    }
    assert {row[0]: row[1:] for row in rels} == expected
    nodes = graph.db.query("MATCH (n:Entity) RETURN n.id, properties(n)", url=url)["rows"]
    assert dict(map(tuple, nodes)) == {r["id"]: r["props"] for rows in st.entity_rows(ds).values() for r in rows}
    srcs = graph.db.query("MATCH (n:Source) RETURN n.id, properties(n)", url=url)["rows"]
    assert dict(map(tuple, srcs)) == {r["id"]: r["props"] for r in st.source_rows(ds)}
    assert graph.db.query("MATCH (n) RETURN count(n)", url=url)["rows"] == [[len(ds.entities) + len(ds.sources)]]
