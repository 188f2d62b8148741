"""Property-based tests (hypothesis) of loading, validation and node-link export.

* arbitrary text and bytes: loading succeeds or raises only DataError, whose
  problems carry the file and a line >= 1 (0: about the whole file);
* arbitrary, structurally plausible but wrong datasets: the same;
* validation does not depend on the order of the files;
* every valid generated dataset round-trips through node-link export (as
  Python data and as the JSON text written by ``actorgraph export``).

Example counts are set per test below (``EXAMPLES``); ``HYPOTHESIS_SCALE``
multiplies them (e.g. 10 for a long local run).
"""

from __future__ import annotations

import json
import os
import string

import networkx as nx
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graph
from graph.export import node_link, node_link_data
from graph.loader import check
from graph.read.yaml import read_yaml_text
from graph.records import build_records
from graph.vocab import CONTEXTS, ENTITY_KINDS, MODALITIES, RELATION_TYPES, SOURCE_KINDS

pytestmark = pytest.mark.slow

SCALE = float(os.environ.get("HYPOTHESIS_SCALE", "1"))
EXAMPLES = {"text": 1000, "bytes": 300, "wrong": 500, "order": 300, "roundtrip": 300}


def conf(kind, **kw):
    return settings(
        max_examples=max(1, int(EXAMPLES[kind] * SCALE)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
        **kw,
    )


def assert_located(problems, names):
    assert problems, "an invalid dataset must have problems"
    for p in problems:
        assert isinstance(p, graph.Problem)
        assert p.path in names, p
        assert p.line >= 1 and p.col >= 1 or (p.line == 0 and p.col == 0), p
        assert p.message and "Traceback" not in p.message
        assert str(p).startswith(p.path)


# --- arbitrary text -------------------------------------------------------------------------------

YAMLISH = st.lists(
    st.sampled_from(
        list("abcPAK01-_:. \n\t\"'[]{},#&*!|>?%@`~\\")
        + [
            "- ",
            ": ",
            "\n  ",
            "---\n",
            "...",
            "!!python/object:os.system ",
            "&a ",
            "*a",
            "<<: ",
            "entities:",
            "relations:",
            "sources:",
            "id: ",
            "\u2028",
            "\x00",
            "\ufeff",
            "é",
            "\u0410",
        ]
    ),
    max_size=120,
).map("".join)


@conf("text")
@given(st.one_of(st.text(max_size=300), YAMLISH))
def test_arbitrary_text_loads_or_raises_dataerror(text):
    try:
        graph.loads(text, name="t.yaml")
    except graph.DataError as exc:
        assert_located(exc.problems, {"t.yaml"})


@conf("bytes")
@given(st.binary(max_size=300))
def test_arbitrary_bytes_in_a_file(tmp_path_factory, data):
    d = tmp_path_factory.mktemp("bytes")
    (d / "a.yaml").write_bytes(data)
    records, problems = check(d)
    if problems:
        assert_located(problems, {str(d / "a.yaml")})
    with pytest.raises(graph.DataError) if problems else _nothing():
        graph.load(d)


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


# --- structurally plausible but wrong datasets -----------------------------------------------------

IDS = ["PAK", "USA", "TAL", "pak", "P\u0410K", " USA", "s1", "s2", "r1", "r2", "", "x y"]
FIELDS = {
    "sources": ["id", "title", "kind", "published", "author", "outlet", "url", "perspective", "titel"],
    "entities": ["id", "name", "kind", "aliases", "codes", "part_of", "description", "alias"],
    "relations": [
        "id",
        "subject",
        "object",
        "type",
        "mode",
        "context",
        "polarity",
        "modality",
        "asserted_by",
        "when",
        "evidence",
        "attributes",
        "note",
        "polarty",
    ],
}
VOCAB = (
    list(RELATION_TYPES)
    + list(MODALITIES)
    + list(ENTITY_KINDS)
    + list(SOURCE_KINDS)
    + list(CONTEXTS)
    + ["ACUSE", "alleged", "country", "NO", "yes", "on"]
)
SCALARS = st.one_of(
    st.sampled_from(
        IDS
        + VOCAB
        + ["2023", "2023-05-01", "2021-08..2025-01", "2023-02-30", "010", "-3", "11", "http://x.org", "Q843", "talks"]
    ),
    st.integers(-20, 20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.text(max_size=20),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(["source", "quote", "x"]), inner, max_size=3)
    ),
    max_leaves=6,
)


@st.composite
def records(draw, kind):
    keys = draw(st.lists(st.sampled_from(FIELDS[kind]), max_size=len(FIELDS[kind]), unique=True))
    rec = {k: draw(VALUES) for k in keys}
    if kind == "relations" and draw(st.booleans()):
        rec["evidence"] = [{"source": draw(st.sampled_from(["s1", "s2", "S1"])), "quote": draw(st.text(max_size=10))}]
    return rec


@st.composite
def files(draw):
    n = draw(st.integers(1, 3))
    out = []
    for _ in range(n):
        top = {}
        for kind in draw(
            st.lists(st.sampled_from(["sources", "entities", "relations", "relation"]), unique=True, max_size=3)
        ):
            k = "relations" if kind == "relation" else kind
            items = draw(st.one_of(st.lists(records(k), max_size=4), VALUES))
            top[kind] = items
        out.append(top if draw(st.integers(0, 9)) else draw(VALUES))
    return out


def dump(value):
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, default_flow_style=False)


@conf("wrong")
@given(files())
def test_plausible_wrong_datasets_load_or_raise_located_dataerror(tmp_path_factory, contents):
    d = tmp_path_factory.mktemp("wrong")
    names = set()
    for i, value in enumerate(contents):
        p = d / f"f{i}.yaml"
        p.write_text(dump(value), encoding="utf-8")
        names.add(str(p))
    try:
        graph.load(d)
    except graph.DataError as exc:
        assert_located(exc.problems, names)


@conf("order")
@given(files(), st.randoms(use_true_random=False))
def test_validation_does_not_depend_on_file_order(contents, rnd):
    docs = [read_yaml_text(dump(v), f"f{i}.yaml") for i, v in enumerate(contents)]
    first = build_records(docs)
    shuffled = docs[:]
    rnd.shuffle(shuffled)
    second = build_records(shuffled)
    assert sorted(first.problems) == sorted(second.problems)
    assert list(first.entities) == list(second.entities)
    assert list(first.relations) == list(second.relations)
    assert first.entities == second.entities and first.relations == second.relations


# --- valid datasets round-trip through node-link export ------------------------------------------

# Text a YAML file can carry as it is: no control characters, and none of the characters YAML reads
# as line breaks but editors do not (the loader refuses those, see the corpus case line-separators).
TEXT_CHARS = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x85\u2028\u2029\ufeff")


def texts(**kw):
    return st.text(alphabet=TEXT_CHARS, **kw)


NAME = st.text(alphabet=string.ascii_letters + " éАü'\"<>&", min_size=1, max_size=12).filter(lambda s: s.strip())


@st.composite
def valid_datasets(draw):
    n_ent = draw(st.integers(1, 6))
    ids = [f"E{i}" for i in range(n_ent)]
    used = set()

    def fresh(base):
        name = base
        while name.strip().lower() in used:
            name += "x"
        used.add(name.strip().lower())
        return name

    for i in ids:
        used.add(i.lower())
    entities = []
    for i in ids:
        e = {"id": i, "name": fresh(draw(NAME)), "kind": draw(st.sampled_from(list(ENTITY_KINDS)))}
        if draw(st.booleans()):
            e["aliases"] = [fresh(draw(NAME)) for _ in range(draw(st.integers(0, 2)))]
        if draw(st.booleans()):
            e["codes"] = {"wikidata": f"Q{draw(st.integers(1, 99999))}"}
        if draw(st.booleans()):
            e["description"] = draw(texts(max_size=30))
        entities.append(e)
    sources = [
        {
            "id": f"s{i}",
            "title": draw(NAME),
            "kind": draw(st.sampled_from(list(SOURCE_KINDS))),
            "published": draw(st.sampled_from(["2025", "2024-03", "2023-05-01"])),
        }
        for i in range(draw(st.integers(1, 3)))
    ]
    relations = []
    for r in range(draw(st.integers(0, 8))):
        t = draw(st.sampled_from(list(RELATION_TYPES)))
        rel = {
            "id": f"r{r}",
            "subject": draw(st.sampled_from(ids)),
            "object": draw(st.sampled_from(ids)),
            "type": t,
            "modality": draw(st.sampled_from(list(MODALITIES))),
            "evidence": [
                {
                    "source": draw(st.sampled_from([s["id"] for s in sources])),
                    "quote": draw(texts(min_size=1, max_size=20).filter(lambda s: s.strip())),
                }
            ],
        }
        if next(s for s in sources if s["id"] == rel["evidence"][0]["source"])["kind"] == "dataset":
            rel["evidence"][0]["record"] = f"event-{r}"  # evidence from a dataset names its record
        if RELATION_TYPES[t].modes and draw(st.booleans()):
            rel["mode"] = draw(st.sampled_from(list(RELATION_TYPES[t].modes)))
        if draw(st.booleans()):
            rel["context"] = draw(st.lists(st.sampled_from(list(CONTEXTS)), max_size=2, unique=True))
        if draw(st.booleans()):
            rel["polarity"] = draw(st.floats(-10, 10, allow_nan=False))
        if draw(st.booleans()):
            rel["when"] = draw(
                st.sampled_from(["2021", "2021-08", "2021-08-15", "2021-08..2025-01", "2021..", "..2025"])
            )
        if draw(st.booleans()):
            rel["asserted_by"] = draw(st.sampled_from(ids))
        if draw(st.booleans()):
            rel["attributes"] = draw(
                st.dictionaries(
                    st.text(alphabet=string.ascii_lowercase + '<>"&', min_size=1, max_size=6),
                    st.one_of(
                        st.integers(-(10**6), 10**6),
                        st.floats(allow_nan=False, allow_infinity=False, width=32),
                        texts(max_size=10),
                        st.booleans(),
                    ),
                    max_size=3,
                )
            )
        if draw(st.booleans()):
            rel["note"] = draw(texts(max_size=30))
        relations.append(rel)
    return {"sources": sources, "entities": entities, "relations": relations}


def _same(g, h):
    assert sorted(g.nodes) == sorted(h.nodes)
    for n in g.nodes:
        assert g.nodes[n] == h.nodes[n], n
    ge = sorted(g.edges(keys=True, data=True), key=lambda e: e[2])
    he = sorted(h.edges(keys=True, data=True), key=lambda e: e[2])
    assert ge == he
    assert g.graph == h.graph
    assert isinstance(h, nx.MultiDiGraph) and h.is_directed() and h.is_multigraph()


@conf("roundtrip")
@given(valid_datasets())
def test_valid_datasets_roundtrip_through_node_link(data):
    ds = graph.loads(dump(data))
    assert len(ds.entities) == len(data["entities"]) and len(ds) == len(data["relations"])
    _same(ds.graph, nx.node_link_graph(node_link_data(ds), edges="edges"))
    _same(ds.graph, nx.node_link_graph(json.loads(node_link(ds)), edges="edges"))


def test_example_counts_are_meaningful():
    # keep these in step with the report in docs/hardening.md ("How it is tested")
    assert sum(EXAMPLES.values()) >= 1000


@given(st.text(alphabet=st.sampled_from(list("ab '\u2019-\u2013 \t\n\x1c.\u00a0")), max_size=12))
def test_normalise_is_the_same_with_and_without_its_shortcut(text):
    from graph.texts import _TABLE, _WS, normalise

    assert normalise(text) == _WS.sub(" ", text.translate(_TABLE)).strip()


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ab c", min_size=0, max_size=300),
    st.lists(st.text(alphabet="ab c", min_size=8, max_size=24), min_size=40, max_size=80),
    st.lists(st.text(alphabet="ab c", max_size=7), max_size=5),
)
def test_passages_answer_as_in_does(text, quotes, short):
    from graph.texts import Passages

    p = Passages(text)
    asked = quotes + short + [text[i : i + n] for i in range(0, len(text), 37) for n in (8, 9, 17, 30)]
    for q in asked + asked[::-1]:  # each asked twice: the second answer comes from memory
        assert (q in p) == (q in text), q
    if len({q for q in asked if len(q) >= Passages.K}) > Passages.EAGER:
        assert p.starts is not None  # past the first questions, the index answers
    assert len(p.answers) == len(set(asked))
