"""The dataset, its networkx graph and the query API, on a small dataset with known answers."""

import os

import networkx as nx
import pytest

import graph
from graph import QueryError, UnknownEntityError, UnknownSourceError

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
from tests.conftest import DATA  # noqa: E402  (a copy of the seed: never the user's data/)


def ids(rels):
    return [r.id for r in rels]


def test_graph_is_a_multidigraph_keyed_by_relation_id(small):
    g = small.graph
    assert isinstance(g, nx.MultiDiGraph)
    assert set(g.nodes) == {"PAK", "PAK-FO", "USA", "TAL", "CHN", "IND"}
    assert g.number_of_edges() == 6
    # two relations between USA and PAK in opposite directions, one each way
    assert list(g["USA"]["PAK"]) == ["usa-dismissed-pak"]
    edge = g.edges["USA", "TAL", "usa-requests-tal"]
    assert edge["type"] == "REQUEST" and edge["mode"] == "return" and edge["quad"] == "verbal conflict"
    assert edge["evidence"] == [{"source": "s1", "quote": "give back the equipment"}]
    assert edge["attributes"] == {"value": "$7 billion"}
    assert g.nodes["PAK"]["aliases"] == ["Islamabad"]
    assert g.graph["sources"]["s2"]["published"] == "2025-03-02"


def test_the_graph_is_built_when_asked_for_and_not_before():
    """Loading, counting, filters, actor queries and walks read the dataset's own adjacency and
    leave the networkx graph unbuilt; ``ds.graph`` builds it once, with networkx's own methods."""
    ds = graph.example()
    assert ds._graph is None
    assert len(ds) == 6 and ds.relation("usa-requests-tal").type == "REQUEST"
    assert ids(ds.relations(modality="reported")) and ds.relations(start="2025") and ds.counts()
    assert ids(ds.relations(subject="USA")) == ["usa-requests-tal", "usa-dismissed-pak"]
    assert ds.neighbours("CHN") == ["PAK"] and ids(ds.ego("CHN").relations()) == ["pak-should-court-chn"]
    assert ds.paths("CHN", "TAL")[0].nodes == ("CHN", "PAK", "TAL")
    assert ds._graph is None
    g = ds.graph
    assert ds.graph is g and g.number_of_edges() == 6
    assert sorted(g.edges(keys=True)) == sorted((r.subject, r.object, r.id) for r in ds.relations())


def test_the_graph_and_the_datasets_own_adjacency_agree():
    from graph.traverse import nearest

    ds = graph.example()
    g = ds.graph
    for n in ds.entities:
        for direction, reach in (("out", nx.descendants), ("in", nx.ancestors)):
            assert {m for m, _ in nearest(ds._adjacency, n, direction, 99)} - {n} == reach(g, n)
        assert {m: list(keys) for m, keys in g.adj[n].items()} == ds._adjacency.succ[n]
        assert {m: list(keys) for m, keys in g.pred[n].items()} == ds._adjacency.pred[n]


def test_parallel_relations_are_all_kept():
    ds = graph.loads("""
sources: [{id: s, title: t}]
entities: [{id: A, name: A, kind: state}, {id: B, name: B, kind: state}]
relations:
  - {id: r1, subject: A, object: B, type: AID, modality: reported, evidence: [{source: s, quote: q}]}
  - {id: r2, subject: A, object: B, type: ACCUSE, modality: reported, evidence: [{source: s, quote: q}]}
  - {id: r3, subject: A, object: B, type: AID, modality: claimed, asserted_by: B, evidence: [{source: s, quote: q}]}
""")
    assert sorted(ds.graph["A"]["B"]) == ["r1", "r2", "r3"]


def test_polarity_defaults_from_type_and_can_be_overridden(small):
    assert small.relation("usa-requests-tal").polarity == 0.0
    assert small.relation("tal-rejects-usa").polarity == -2.0
    assert small.relation("usa-dismissed-pak").polarity == -4.0


def test_entity_lookup_by_id_name_or_alias_ignores_case(small):
    assert small.entity("PAK").id == "PAK"
    assert small.entity("islamabad").id == "PAK"
    assert small.entity("  Washington ").id == "USA"
    assert small.entity("united states").id == "USA"
    with pytest.raises(UnknownEntityError) as exc:
        small.entity("Pakistn")
    assert "did you mean 'Pakistan'" in str(exc.value)
    assert isinstance(exc.value, KeyError)


@pytest.mark.parametrize(
    "filters,expected",
    [
        ({"subject": "US"}, ["usa-requests-tal", "usa-dismissed-pak"]),
        ({"object": "Taliban"}, ["usa-requests-tal"]),
        ({"subject": ["TAL", "CHN"]}, ["tal-rejects-usa", "tal-attacks-pak"]),
        ({"type": "reject"}, ["tal-rejects-usa", "usa-dismissed-pak"]),
        ({"type": ["AID", "COOPERATE"]}, ["fo-claims-ties", "pak-should-court-chn"]),
        ({"quad": "material conflict"}, ["tal-attacks-pak"]),
        ({"polarity": "positive"}, ["fo-claims-ties", "pak-should-court-chn"]),
        ({"polarity": "neutral"}, ["usa-requests-tal"]),
        ({"polarity": "negative", "subject": "TAL"}, ["tal-rejects-usa", "tal-attacks-pak"]),
        ({"modality": "recommended"}, ["pak-should-court-chn"]),
        ({"modality": ["claimed", "speculated"]}, ["fo-claims-ties", "tal-attacks-pak"]),
        ({"asserted_by": "PAK-FO"}, ["fo-claims-ties"]),
        ({"asserted_by": "author", "subject": "PAK"}, ["pak-should-court-chn"]),
        ({"source": "s2"}, ["tal-rejects-usa", "usa-dismissed-pak", "tal-attacks-pak"]),
        ({"context": "terrorism"}, ["tal-attacks-pak"]),
        ({"start": "2025"}, ["usa-requests-tal", "tal-rejects-usa", "fo-claims-ties", "usa-dismissed-pak"]),
        ({"start": "2025-03", "end": "2025-03"}, ["tal-rejects-usa", "fo-claims-ties"]),
        ({"end": "2022"}, ["usa-dismissed-pak"]),
        ({"between": ("PAK", "USA")}, ["fo-claims-ties", "usa-dismissed-pak"]),
    ],
)
def test_relation_filters(small, filters, expected):
    assert ids(small.relations(**filters)) == expected


def test_actor_filters_include_parts_unless_told_not_to(small):
    assert ids(small.relations(asserted_by="Pakistan")) == ["fo-claims-ties"]
    assert ids(small.relations(asserted_by="Pakistan", parts=False)) == []
    assert small.with_parts({"PAK"}) == {"PAK", "PAK-FO"}


@pytest.mark.parametrize(
    "filters,error,message",
    [
        ({"type": "ACUSE"}, QueryError, "did you mean 'ACCUSE'"),
        ({"modality": "alleged"}, QueryError, "expected one of: reported, claimed"),
        ({"polarity": "up"}, QueryError, "expected positive, negative or neutral"),
        ({"quad": "verbal"}, QueryError, "unknown quad class"),
        ({"subject": "Nowhere"}, UnknownEntityError, "unknown actor 'Nowhere'"),
        ({"source": "s11"}, UnknownSourceError, "did you mean 's1'"),
        ({"start": "March"}, QueryError, "bad start date"),
    ],
)
def test_bad_filters_say_what_is_wrong(small, filters, error, message):
    with pytest.raises(error, match=message):
        small.relations(**filters)


def test_between_is_in_time_order_with_undated_last():
    ds = graph.loads("""
sources: [{id: s, title: t}]
entities: [{id: A, name: A, kind: state}, {id: B, name: B, kind: state}]
relations:
  - {id: late, subject: A, object: B, type: AID, modality: reported, when: 2024, evidence: [{source: s, quote: q}]}
  - {id: undated, subject: B, object: A, type: AID, modality: reported, evidence: [{source: s, quote: q}]}
  - {id: early, subject: B, object: A, type: AID, modality: reported, when: 2001-05, evidence: [{source: s, quote: q}]}
""")
    assert ids(ds.between("A", "B")) == ["early", "late", "undated"]
    assert ids(ds.between("B", "A")) == ["early", "late", "undated"]


def test_neighbours_by_direction_and_hops(small):
    assert small.neighbours("USA") == ["PAK", "TAL"]
    assert small.neighbours("USA", direction="out") == ["PAK", "TAL"]
    assert small.neighbours("TAL", direction="in") == ["USA"]
    assert small.neighbours("CHN") == ["PAK"]
    assert small.neighbours("CHN", hops=2) == ["PAK", "TAL", "USA"]
    assert small.neighbours("IND") == []
    with pytest.raises(QueryError):
        small.neighbours("USA", direction="sideways")


def test_ego_view(small):
    ego = small.ego("CHN")
    assert set(ego.entities) == {"CHN", "PAK"}
    assert ids(ego.relations()) == ["pak-should-court-chn"]
    ego2 = small.ego("CHN", hops=2)
    assert set(ego2.entities) == {"CHN", "PAK", "USA", "TAL", "PAK-FO"}  # PAK-FO asserts a claim
    assert len(ego2) == 6
    lonely = small.ego("IND")
    assert set(lonely.entities) == {"IND"} and len(lonely) == 0


def test_paths_carry_the_claims_along_them(small):
    paths = small.paths("CHN", "TAL", max_hops=3)
    assert [p.nodes for p in paths] == [("CHN", "PAK", "TAL"), ("CHN", "PAK", "USA", "TAL")]
    first = paths[0]
    assert [ids(h) for h in first.hops] == [["pak-should-court-chn"], ["tal-attacks-pak"]]
    assert [ids(h) for h in paths[1].hops][1] == ["usa-dismissed-pak", "fo-claims-ties"]  # time order
    assert small.paths("CHN", "TAL", max_hops=1) == []
    assert small.paths("IND", "TAL") == []  # India has no relations at all
    directed = small.paths("PAK", "TAL", directed=True)
    assert [p.nodes for p in directed] == [("PAK", "USA", "TAL")]
    assert [ids(h) for h in directed[0].hops] == [["fo-claims-ties"], ["usa-requests-tal"]]


def test_view_is_a_dataset_that_can_be_queried_again(small):
    v = small.view(modality="reported")
    assert isinstance(v, graph.Dataset)
    assert ids(v.relations()) == ["usa-requests-tal", "tal-rejects-usa", "usa-dismissed-pak"]
    assert set(v.entities) == {"USA", "TAL", "PAK"}
    assert set(v.sources) == {"s1", "s2"}
    assert ids(v.relations(subject="TAL")) == ["tal-rejects-usa"]
    assert v.graph.number_of_edges() == 3
    focused = small.view(focus="CHN", hops=1)
    assert set(focused.entities) == {"CHN", "PAK"}
    # focus on an actor the filters leave without relations: the actor alone
    assert set(small.view(focus="IND", modality="reported").entities) == {"IND"}
    assert small.view(source="s2").sources.keys() == {"s2", "s1"}  # s1 also backs usa-dismissed-pak


def test_counts(small):
    c = small.counts()
    assert c["relations"] == 6 and c["entities"] == 6 and c["sources"] == 2
    assert c["modalities"] == {"reported": 3, "claimed": 1, "recommended": 1, "speculated": 1}
    assert c["asserted by"] == {"author": 5, "PAK-FO": 1}
    assert c["by source"] == {"s1": 4, "s2": 3}


def test_load_remembers_input_files(seed):
    names = [f.replace("\\", "/") for f in seed.files]
    assert any(n.endswith("data/seed/relations.yaml") for n in names)
    assert any(n.endswith("texts/000_e8862f374e2db2d8.txt") for n in names)


# -- the indexed queries give what a scan of every relation gives ---------------------------------


def _random_dataset(seed, n_entities=30, n_relations=300):
    import random

    rng = random.Random(seed)
    types = ["AID", "ACCUSE", "CONSULT", "ASSAULT", "REQUEST", "HOLDS"]
    whens = ["2001", "2001-05", "2003-02-11", "2000..2002", "2002-06..", "..2001-03", None]
    lines = ["sources: [{id: s, title: t}, {id: u, title: v}]", "entities:"]
    for e in range(n_entities):
        parent = f", part_of: E{rng.randrange(e)}" if e > 3 and rng.random() < 0.3 else ""
        lines.append(f"  - {{id: E{e}, name: Entity {e}, kind: state{parent}}}")
    lines.append("relations:")
    for i in range(n_relations):
        when = rng.choice(whens)
        lines.append(
            f"  - {{id: r{i}, subject: E{rng.randrange(n_entities)}, object: E{rng.randrange(n_entities)}, "
            f"type: {rng.choice(types)}, modality: {rng.choice(['reported', 'claimed'])}, "
            + (f"when: '{when}', " if when else "")
            + f"evidence: [{{source: {rng.choice('su')}, quote: q}}]}}"
        )
    return graph.loads("\n".join(lines))


def _scan(ds, subject=None, object=None, between=None, start=None, end=None, type=None, parts=True):
    """The unindexed reference: every relation, tested one by one."""
    from graph.when import parse_when

    def ids_of(names):
        out = {ds.entity(n).id for n in ([names] if isinstance(names, str) else names)}
        return ds.with_parts(out) if parts else out

    out = []
    for r in ds.relations():
        if subject is not None and r.subject not in ids_of(subject):
            continue
        if object is not None and r.object not in ids_of(object):
            continue
        if between is not None:
            a, b = ids_of(between[0]), ids_of(between[1])
            if not ((r.subject in a and r.object in b) or (r.subject in b and r.object in a)):
                continue
        if start is not None or end is not None:
            lo = parse_when(start).start if start else None
            hi = parse_when(end).end if end else None
            if r.when is None or (hi and r.when.start > hi) or (lo and r.when.end < lo):
                continue
        if type is not None and r.type != type:
            continue
        out.append(r.id)
    return out


@pytest.mark.parametrize("seed", range(4))
def test_indexed_relations_match_a_scan_of_every_relation(seed):
    import random

    ds = _random_dataset(seed)
    rng = random.Random(seed)
    ents = sorted(ds.entities)
    assert ids(ds.relations()) == [f"r{i}" for i in range(300)]  # data order
    for _ in range(60):
        x, y = rng.choice(ents), rng.choice(ents)
        parts = rng.random() < 0.5
        t = rng.choice([None, "AID", "HOLDS"])
        lo, hi = rng.choice([(None, None), ("2001", None), (None, "2001-04"), ("2001-05-01", "2002"), ("2004", None)])
        for q in (
            {"subject": x},
            {"object": x},
            {"subject": [x, y]},
            {"subject": x, "object": y},
            {"between": (x, y)},
            {"between": (x, x)},
            {"start": lo, "end": hi},
            {"subject": x, "start": lo, "end": hi},
            {"between": (x, y), "end": hi},
        ):
            q = dict(q, parts=parts, type=t)
            got = ids(ds.relations(**{k: v for k, v in q.items() if v is not None}))
            assert got == _scan(ds, **q), q
        pair = ds.between(x, y, parts=parts)
        assert sorted(ids(pair)) == sorted(_scan(ds, between=(x, y), parts=parts))
        assert ids(pair) == ids(sorted(pair, key=graph.dataset.time_key))


@pytest.mark.parametrize("seed", range(3))
def test_pruned_paths_match_networkx_all_simple_paths(seed):
    import random

    ds = _random_dataset(seed, n_entities=25, n_relations=60)
    rng = random.Random(seed)
    for directed in (False, True):
        simple = nx.DiGraph() if directed else nx.Graph()
        simple.add_edges_from(ds.graph.edges())
        for _ in range(15):
            a, b = rng.sample(sorted(ds.entities), 2)
            hops = rng.choice([1, 2, 3, 4])
            got = [p.nodes for p in ds.paths(a, b, max_hops=hops, directed=directed)]
            want = (
                sorted((tuple(p) for p in nx.all_simple_paths(simple, a, b, cutoff=hops)), key=lambda p: (len(p), p))
                if a in simple and b in simple
                else []
            )
            assert got == want, (a, b, hops, directed)
            for p in ds.paths(a, b, max_hops=hops, directed=directed):
                for (u, v), hop in zip(zip(p.nodes, p.nodes[1:], strict=False), p.hops, strict=True):
                    assert hop and all({r.subject, r.object} == {u, v} for r in hop)
                    assert not directed or all(r.subject == u for r in hop)


def test_ego_and_parts_use_the_same_answers_as_before(small):
    ds = _random_dataset(7)
    for e in sorted(ds.entities)[:10]:
        keep = {e, *ds.neighbours(e)}
        assert ids(ds.ego(e).relations()) == [r.id for r in ds.relations() if r.subject in keep and r.object in keep]
    assert ids(small.relations(subject="PAK")) == ids(small.relations(subject=["PAK", "PAK-FO"], parts=False))


def test_the_graph_is_what_networkx_builds_edge_by_edge(tmp_path):
    """Edges are written straight into the adjacency: the same graph as add_edges_from gives."""
    from graph.model import edge_dict

    ds = graph.load(DATA, cache=False)
    g = nx.MultiDiGraph()
    g.graph.update(ds.graph.graph)
    g.add_nodes_from(ds.graph.nodes(data=True))
    g.add_edges_from((r.subject, r.object, r.id, edge_dict(r)) for r in ds.relations())
    assert nx.utils.graphs_equal(g, ds.graph)
    assert list(g.edges(keys=True, data=True)) == list(ds.graph.edges(keys=True, data=True))
    assert list(g.in_edges(keys=True)) == list(ds.graph.in_edges(keys=True))
    assert ds.graph.number_of_edges() == len(ds.relations()) > 20


def test_relation_dicts_are_the_generic_field_dicts():
    from graph.model import FIELDS, Entity, Evidence, Relation, _fields_dict, entity_row, relation_dict, relation_row
    from graph.when import parse_when

    rels = list(graph.load(DATA, cache=False).relations())
    rels.append(
        Relation(
            id="r",
            subject="A",
            object="B",
            type="COOPERATE",
            modality="claimed",
            polarity=2.0,
            claimants=("A", "C"),
            when=parse_when("2020-05"),
            context=("x",),
            evidence=(Evidence("d", record="ev-1"), Evidence("s", "q")),
            attributes={"n": 3, "tags": ["a", "b"]},
        )
    )
    for r in rels:
        a, b = relation_dict(r), _fields_dict(r, False)
        assert a == b and list(a) == list(b)
        a, b = graph.to_dict(r, drop_empty=True), _fields_dict(r, True)
        assert a == b and list(a) == list(b)
        assert relation_row(r) == [b.get(f) for f in FIELDS["relations"]]
    ents = list(graph.load(DATA, cache=False).entities.values())
    ents += [
        Entity(id="E", name="", kind="person", aliases=("a", "b"), codes={"iso3": "PAK", "n": 3}, part_of="P"),
        Entity(id="F", name="F", kind="state", description="d"),
    ]
    for e in ents:
        b = _fields_dict(e, True)
        assert entity_row(e) == [b.get(f) for f in FIELDS["entities"]]
