"""Every export format read back with a real reader (networkx, jsonschema, csv), or for
Cypher by a test that says exactly what it checks."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path

import jsonschema
import networkx as nx
import pytest

import graph
from graph import export as export_mod
from graph.errors import ActorgraphError, OutputError
from graph.formats.cypher import cypher
from graph.formats.schema import SCHEMA_PATH, json_schema, json_schema_text
from graph.formats.tables import csv_paths, csv_tables
from graph.model import to_dict

ROOT = Path(__file__).parent.parent
from tests.conftest import DATA  # noqa: E402  (a copy of the seed: never the user's data/)

# strings that break naive writers: quotes of every kind, backslashes, newlines, markup,
# spreadsheet formulas, Cypher injection, separators, non-ASCII and astral characters
NASTY = [
    "He said \"no\" and 'yes'",
    "back\\slash \\n not a newline",
    "two\nlines\tand a tab",
    "</script><script>alert(1)</script> & <b>",
    '=HYPERLINK("http://x")',
    "-5 killed",
    "'); MATCH (n) DETACH DELETE n; //",
    "`backtick` ${x} {braces} [brackets]",
    "pipe | inside",
    "Ürdu اردو 中文 emoji 😀",
]


def hostile():
    doc = {
        "sources": [
            {"id": "s1", "title": NASTY[0], "author": NASTY[3], "kind": "op-ed", "published": "2025"},
            {"id": "s2", "title": "  " + NASTY[6] + " "},
        ],  # surrounding spaces are data too
        "entities": [
            {
                "id": "A",
                "name": NASTY[0],
                "kind": "state",
                "aliases": [NASTY[8], NASTY[9]],
                "codes": {"wikidata": "Q843", "iso3": "AAA"},
                "description": NASTY[2],
            },
            {"id": "B", "name": NASTY[6], "kind": "de_facto_authority", "description": NASTY[7]},
            {"id": "B-FO", "name": "B's office", "kind": "office", "part_of": "B", "description": "  padded  "},
            {"id": "THING", "name": NASTY[4], "kind": "asset"},
        ],
        "relations": [
            {
                "id": f"r{i}",
                "subject": "A" if i % 2 else "B",
                "object": "B" if i % 2 else "A",
                "type": ["AID", "ACCUSE", "CONSULT", "THREATEN"][i % 4],
                "modality": ["reported", "claimed", "recommended", "denied"][i % 4],
                "when": ["2021-08", "2021..2023-06", None, "2024-02-29"][i % 4],
                "evidence": [{"source": "s1", "quote": NASTY[i]}]
                + ([{"source": "s2", "quote": NASTY[5]}] if i == 3 else []),
                "note": NASTY[(i + 3) % len(NASTY)],
                "attributes": {"value": NASTY[i], "count": i, "ratio": 0.5, "flag": True, "nested": {"k": [1, "x"]}}
                if i < 3
                else {},
            }
            for i in range(len(NASTY))
        ]
        + [
            {
                "id": "open-ended",
                "subject": "B-FO",
                "object": "THING",
                "type": "HOLDS",
                "modality": "reported",
                "asserted_by": "B",
                "when": "2022..",
                "context": ["military", "security"],
                "polarity": -1.5,
                "evidence": [{"source": "s1", "quote": NASTY[1]}],
            },
            # a polarity with more than 6 significant digits, and text with surrounding spaces
            {
                "id": "precise",
                "subject": "A",
                "object": "B-FO",
                "type": "CONSULT",
                "modality": "reported",
                "polarity": 3.14159265,
                "note": " a note with spaces ",
                "evidence": [{"source": "s2", "quote": "  spaced quote\t"}],
            },
        ],
    }
    for r in doc["relations"]:
        if r.get("when") is None:
            r.pop("when", None)
        if r["modality"] == "claimed":
            r["asserted_by"] = "B-FO"
    return graph.loads(json.dumps(doc, ensure_ascii=False))


@pytest.fixture(scope="module", params=["seed", "hostile"])
def ds(request):
    return graph.load(DATA) if request.param == "seed" else hostile()


def _span(r):
    if r.when is None:
        return None, None
    s = r.when.start.isoformat() if r.when.start != date.min else None
    e = r.when.end.isoformat() if r.when.end != date.max else None
    return s, e


# -- GraphML ------------------------------------------------------------------------------


def test_graphml_reads_back_with_networkx(ds, tmp_path):
    path = tmp_path / "g.graphml"
    export_mod.export(ds, "graphml", path)
    g = nx.read_graphml(path, force_multigraph=True)
    assert isinstance(g, nx.MultiDiGraph)
    assert set(g.nodes) == set(ds.entities)
    assert sorted(k for _, _, k in g.edges(keys=True)) == sorted(r.id for r in ds.relations())
    for eid, e in ds.entities.items():
        n = g.nodes[eid]
        assert n["name"] == e.name and n["label"] == e.name and n["kind"] == e.kind
        assert json.loads(n.get("aliases", "[]")) == list(e.aliases)
        assert json.loads(n.get("codes", "{}")) == e.codes
    for r in ds.relations():
        a = g.edges[r.subject, r.object, r.id]
        assert a["type"] == r.type and a["modality"] == r.modality
        assert isinstance(a["polarity"], float) and a["polarity"] == r.polarity
        assert a["sign"] == r.sign and a["quad"] == r.quad
        assert json.loads(a["evidence"]) == to_dict(r)["evidence"]
        assert json.loads(a.get("attributes", "{}")) == r.attributes
        assert json.loads(a.get("context", "[]")) == list(r.context)
        assert a.get("note") == r.note and a.get("asserted_by") == r.asserted_by
        assert (a.get("when_start"), a.get("when_end")) == _span(r)
    assert json.loads(g.graph["sources"]) == {sid: to_dict(s) for sid, s in ds.sources.items()}


def test_graphml_keys_are_typed_and_unique(ds):
    text = export_mod.FORMATS["graphml"](ds)
    keys = re.findall(r'<key id="([^"]+)" for="(\w+)" attr.name="([^"]+)" attr.type="(\w+)"', text)
    assert len({k[0] for k in keys}) == len(keys)  # key ids unique
    types = {(k[1], k[2]): k[3] for k in keys}
    assert types[("edge", "polarity")] == "double"
    assert types[("edge", "sign")] in ("int", "long")
    assert types[("node", "name")] == "string"
    assert text.startswith("<?xml")


# -- GEXF ---------------------------------------------------------------------------------


def test_gexf_reads_back_with_dynamic_spells(ds, tmp_path):
    path = tmp_path / "g.gexf"
    export_mod.export(ds, "gexf", path)
    raw = path.read_text(encoding="utf-8")
    assert 'mode="dynamic"' in raw and 'timeformat="date"' in raw
    g = nx.read_gexf(path)
    assert g.graph["mode"] == "dynamic"
    assert set(g.nodes) == set(ds.entities)
    edges = (
        {k: (u, v, d) for u, v, k, d in g.edges(keys=True, data=True)}
        if g.is_multigraph()
        else {d["id"]: (u, v, d) for u, v, d in g.edges(data=True)}
    )
    assert set(edges) == {r.id for r in ds.relations()}
    for r in ds.relations():
        u, v, d = edges[r.id]
        assert (u, v) == (r.subject, r.object)
        assert d["relation_type"] == r.type and d["polarity"] == r.polarity and d["label"].startswith(r.type)
        start, end = _span(r)
        if start is None and end is None:
            assert "spells" not in d  # undated: present at every time
        else:
            # networkx reads a missing bound back as the text 'None'
            assert d["spells"] == [(start or "None", end or "None")]
        assert json.loads(d["evidence"]) == to_dict(r)["evidence"]
    for n, data in g.nodes(data=True):
        assert data["label"] == ds.entities[n].name


def test_gexf_edges_carry_their_sources_titles(ds):
    # GEXF has no source table (networkx drops graph attributes): each edge names what it cites
    g = nx.read_gexf(io.BytesIO(export_mod.FORMATS["gexf"](ds).encode()))
    titles = {d["id"]: json.loads(d["source_titles"]) for *_, d in g.edges(data=True)}
    assert titles == {r.id: [ds.sources[s].title or s for s in r.sources] for r in ds.relations()}
    assert "sources" not in g.graph


def test_gexf_spells_follow_when():
    ds = hostile()
    g = nx.read_gexf(io.BytesIO(export_mod.FORMATS["gexf"](ds).encode()))
    spells = {d["id"]: d.get("spells") for *_, d in g.edges(data=True)}
    assert spells["r0"] == [("2021-08-01", "2021-08-31")]
    assert spells["r1"] == [("2021-01-01", "2023-06-30")]
    assert spells["r2"] is None
    assert spells["r3"] == [("2024-02-29", "2024-02-29")]
    assert spells["open-ended"] == [("2022-01-01", "None")]


# -- CSV ----------------------------------------------------------------------------------


def test_csv_tables_read_with_the_csv_module(ds, tmp_path):
    written = export_mod.export(ds, "csv", tmp_path / "map")
    assert [Path(p).name for p in written] == ["map-entities.csv", "map-relations.csv", "map-sources.csv"]
    with open(written[0], newline="", encoding="utf-8") as f:
        ents = list(csv.DictReader(f))
    with open(written[1], newline="", encoding="utf-8") as f:
        rels = list(csv.DictReader(f))
    with open(written[2], newline="", encoding="utf-8") as f:
        srcs = list(csv.DictReader(f))
    # Kumu's required headers come first
    assert list(ents[0])[:4] == ["ID", "Label", "Type", "Description"]
    assert list(rels[0])[:4] == ["ID", "From", "To", "Type"]
    assert [e["ID"] for e in ents] == list(ds.entities)
    assert [r["ID"] for r in rels] == [r.id for r in ds.relations()]
    assert [s["id"] for s in srcs] == list(ds.sources)

    def unguard(cell):
        return cell[1:] if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@", "\t", "\r", "'") else cell

    for row, r in zip(rels, ds.relations(), strict=True):
        assert (row["From"], row["To"], row["Type"], row["modality"]) == (r.subject, r.object, r.type, r.modality)
        assert float(row["polarity"]) == r.polarity
        assert unguard(row["quote"]) == r.evidence[0].quote
        assert json.loads(row["more_evidence"] or "[]") == to_dict(r)["evidence"][1:]
        assert json.loads(row["attributes"] or "{}") == r.attributes
        assert (unguard(row["note"]) or None) == r.note
        # no text cell starts with a character that makes a spreadsheet run a formula
        for col, cell in row.items():
            if col not in ("polarity", "sign"):
                assert cell[:1] not in ("=", "+", "-", "@"), (col, cell)
    for row, e in zip(ents, ds.entities.values(), strict=True):
        assert unguard(row["Label"]) == e.name
        assert all(row[f"codes.{k}"] == v for k, v in e.codes.items())


def test_csv_naming(tmp_path):
    ds = hostile()
    assert csv_paths(tmp_path / "x.csv")["sources"] == str(tmp_path / "x-sources.csv")
    folder = str(tmp_path / "newdir") + "/"
    written = export_mod.export(ds, "csv", folder)
    assert sorted(Path(p).name for p in written) == ["entities.csv", "relations.csv", "sources.csv"]
    assert (tmp_path / "newdir" / "relations.csv").exists()
    assert isinstance(export_mod.FORMATS["csv"](ds), dict)


def test_csv_numbers_are_exact():
    rel = {r["ID"]: r for r in csv.DictReader(io.StringIO(csv_tables(hostile())["relations"]))}
    assert rel["precise"]["polarity"] == "3.14159265"
    assert rel["open-ended"]["polarity"] == "-1.5" and rel["r1"]["polarity"] == "-3"
    assert rel["precise"]["quote"] == "  spaced quote\t"


def test_csv_multivalue_cells():
    ds = hostile()
    t = csv_tables(ds)
    rows = {r["ID"]: r for r in csv.DictReader(io.StringIO(t["entities"]))}
    assert json.loads(rows["A"]["aliases"]) == [NASTY[8], NASTY[9]]  # an item holds '|': JSON list
    rel = {r["ID"]: r for r in csv.DictReader(io.StringIO(t["relations"]))}
    assert rel["open-ended"]["context"] == "military | security"


# -- Cypher -------------------------------------------------------------------------------

_TOKEN = re.compile(
    r'\s*(?:(?P<str>"(?:[^"\\]|\\.)*")|(?P<name>`(?:[^`]|``)*`)|(?P<num>-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)'
    r"|(?P<kw>true|false|null)|(?P<p>[\[\]{}:,]))"
)


def parse_cypher_literal(text):
    """A strict parser of the literal subset the exporter writes: strings, numbers, booleans,
    null, lists, and maps with back-quoted keys. Anything else raises."""
    toks, pos = [], 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            if text[pos:].strip() == "":
                break
            raise ValueError(f"unexpected text at {pos}: {text[pos : pos + 30]!r}")
        toks.append((m.lastgroup, m.group(m.lastgroup)))
        pos = m.end()
    it = iter(toks + [("end", None)])
    cur = [next(it)]

    def take():
        t = cur[0]
        cur[0] = next(it)
        return t

    def value():
        kind, v = take()
        if kind == "str":
            return json.loads(v)
        if kind == "num":
            return float(v) if any(c in v for c in ".eE") else int(v)
        if kind == "kw":
            return {"true": True, "false": False, "null": None}[v]
        if v == "[":
            out = []
            while cur[0][1] != "]":
                out.append(value())
                if cur[0][1] == ",":
                    take()
            take()
            return out
        if v == "{":
            out = {}
            while cur[0][1] != "}":
                k, name = take()
                assert k == "name", name
                assert take()[1] == ":"
                out[name[1:-1].replace("``", "`")] = value()
                if cur[0][1] == ",":
                    take()
            take()
            return out
        raise ValueError(f"unexpected token {v!r}")

    result = value()
    assert cur[0][0] == "end", "trailing text"
    return result


def _parse_script(script):
    """Checks 1 and 2 of the test below, line by line; returns (sources, entities, relations) from the params."""
    from graph.formats.cypher import kind_label
    from graph.vocab import ENTITY_KINDS, RELATION_TYPES

    allowed_names = {kind_label(k) for k in ENTITY_KINDS} | set(RELATION_TYPES)
    params, statements = [], []
    pending = None
    for line in script.splitlines():
        if line.startswith("//") or not line.strip():
            continue
        if line.startswith("CREATE CONSTRAINT "):
            assert "'" not in line and '"' not in line
            continue
        if line.startswith(":param rows => "):
            pending = parse_cypher_literal(line[len(":param rows => ") :])
            continue
        assert pending is not None, f"statement without parameters: {line}"
        assert line.startswith("UNWIND $rows AS row ") and " MERGE " in line and line.endswith(";")
        assert "date(" not in line  # FalkorDB has no temporal types: dates are ISO strings
        assert "'" not in line and '"' not in line, line
        for name in re.findall(r"`([^`]*)`", line):
            assert name in allowed_names, name
        statements.append(line)
        params.append((line, pending))
        pending = None
    sources, entities, relations = {}, {}, {}
    for stmt, rows in params:
        for row in rows:
            if "(n:Source " in stmt:
                sources[row["id"]] = row["props"]
            elif "(n:Entity " in stmt:
                label = re.search(r"n:`(\w+)`;", stmt).group(1)
                entities[row["id"]] = (label, row["props"])
            else:
                rtype = re.search(r"\[r:`(\w+)`", stmt).group(1)
                relations[row["id"]] = (rtype, row)
    return sources, entities, relations


def test_cypher_script_is_parameterised_merges_with_escaped_values(ds):
    """What this checks, exactly:

    1. every line is a comment, a CREATE CONSTRAINT, a ':param rows => LITERAL' command, or a
       statement 'UNWIND $rows AS row ... MERGE ...;' that follows a :param line;
    2. no statement contains a quote character (so no data string can be in the query text),
       and the only identifiers it back-quotes are labels/types from the vocabulary;
    3. each :param value parses (strictly) as a Cypher literal and gives back exactly the
       dataset's values: every source, entity and relation once, with its properties;
    4. the script is ASCII, so no encoding can garble a value.
    """
    script = cypher(ds)
    assert script.isascii()
    from graph.formats.cypher import kind_label

    sources, entities, relations = _parse_script(script)
    assert set(sources) == set(ds.sources)
    for sid, s in ds.sources.items():
        assert sources[sid] == {k: v for k, v in to_dict(s).items() if v is not None}
    assert set(entities) == set(ds.entities)
    for eid, e in ds.entities.items():
        label, props = entities[eid]
        assert label == kind_label(e.kind)
        assert props["name"] == e.name and props.get("aliases", []) == list(e.aliases)
        assert props.get("description") == e.description
        assert {k[5:]: v for k, v in props.items() if k.startswith("code_")} == e.codes
    assert set(relations) == {r.id for r in ds.relations()}
    for r in ds.relations():
        rtype, row = relations[r.id]
        props = row["props"]
        assert (rtype, row["subject"], row["object"]) == (r.type, r.subject, r.object)
        assert props["polarity"] == r.polarity and props["modality"] == r.modality
        assert props["quotes"] == [e.quote for e in r.evidence if e.quote is not None]
        assert props["id"] == r.id and props["type"] == r.type and props.get("claimants", []) == list(r.claimants)
        assert json.loads(props["evidence"]) == to_dict(r)["evidence"]
        assert json.loads(props.get("attributes", "{}")) == r.attributes
        assert props.get("note") == r.note and props.get("asserted_by") == r.asserted_by
        assert (props.get("when_start"), props.get("when_end")) == _span(r)  # ISO strings, no date()


def test_cypher_literal_escapes_injection():
    from graph.formats.cypher import cypher_literal

    evil = 'x"}) DETACH DELETE n //\n`'
    lit = cypher_literal({"k`ey": evil})
    assert parse_cypher_literal(lit) == {"k`ey": evil}
    assert "\n" not in lit and lit.count('"') == 2 + evil.count('"')
    # a map key (a property name such as code_KEY) cannot break out either: not with a line
    # break, a back-quote, a non-ASCII character or a backslash escape
    key = "k`}) DETACH DELETE n //\r\nMATCH (m) DETACH DELETE m; //\u2028é\\u0060%"
    lit = cypher_literal({key: evil})
    assert lit.isascii() and "\n" not in lit and "\r" not in lit and "\\" not in lit.split(":")[0]
    assert parse_cypher_literal(lit) == {
        "k`}) DETACH DELETE n //%0D%0AMATCH (m) DETACH DELETE m; //%E2%80%A8%C3%A9%5Cu0060%25": evil
    }
    from graph.formats.cypher import cypher_name

    assert cypher_name("a%0Ab") != cypher_name("a\nb")  # one-to-one: % is escaped too


def test_cypher_code_key_cannot_inject():
    """A code key reaches the script as a property name (code_KEY). The validator allows only
    [A-Za-z][A-Za-z0-9_]* keys, but the exporter must be safe on any dataset: build one
    directly, with a key holding a line break and a Cypher statement, and check the script
    line by line (as the test above) and that the key arrives percent-encoded."""
    import dataclasses

    base = hostile()
    key = "x`}) DETACH DELETE n //\nMATCH (n) DETACH DELETE n;"
    ents = dict(base.entities)
    ents["A"] = dataclasses.replace(ents["A"], codes={**ents["A"].codes, key: "v"})
    ds = graph.Dataset(base.sources, ents, base.relations())
    script = cypher(ds)
    assert script.isascii()
    assert not any(line.startswith("MATCH (n) DETACH DELETE") for line in script.splitlines())
    entities = _parse_script(script)[1]
    props = entities["A"][1]
    assert props["code_x`}) DETACH DELETE n //%0AMATCH (n) DETACH DELETE n;"] == "v"


def test_cypher_batches_large_data(monkeypatch):
    import graph.formats.cypher as cy

    monkeypatch.setattr(cy, "BATCH", 3)
    script = cy.cypher(hostile())
    sizes = [len(parse_cypher_literal(line[15:])) for line in script.splitlines() if line.startswith(":param")]
    assert max(sizes) <= 3 and sum(sizes) == 2 + 4 + len(hostile())


# -- JSON Schema --------------------------------------------------------------------------


def _yaml_as_json(path):
    """A data file as a YAML 1.2 (core schema) language server sees it: plain scalars typed."""
    from graph.read.yaml_events import parse_text
    from graph.records import scalar_value

    doc = parse_text(Path(path).read_text(encoding="utf-8"), str(path))
    assert not doc.problems
    return scalar_value(doc.value)


@pytest.fixture(scope="module")
def validator():
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_committed_schema_is_up_to_date():
    assert Path(SCHEMA_PATH) == ROOT / "schema" / "actorgraph.schema.json"
    assert (ROOT / "schema" / "actorgraph.schema.json").read_text(encoding="utf-8") == json_schema_text(), (
        "schema/actorgraph.schema.json is stale: run python -m graph.formats.schema"
    )


@pytest.mark.parametrize("path", sorted(DATA.rglob("*.yaml")), ids=lambda p: str(p.relative_to(DATA)))
def test_every_data_file_validates(validator, path):
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(_yaml_as_json(path))]
    assert errors == []


def test_every_data_file_points_at_the_schema():
    for path in sorted(DATA.rglob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        m = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert m is not None, f"{path} does not point at the schema (first line: {first!r})"
        in_repository = ROOT / "data" / path.relative_to(DATA)  # (DATA is a copy of the seed)
        assert (in_repository.parent / m.group(1)).resolve() == (ROOT / "schema" / "actorgraph.schema.json").resolve()


def _rel(**over):
    r = {
        "id": "r1",
        "subject": "A",
        "object": "B",
        "type": "ACCUSE",
        "mode": "allege",
        "modality": "reported",
        "when": "2021-08..2025",
        "polarity": -3,
        "context": ["terrorism"],
        "evidence": [{"source": "s", "quote": "q"}],
        "attributes": {"count": 650},
    }
    r.update(over)
    return {"relations": [{k: v for k, v in r.items() if v is not None}]}


@pytest.mark.parametrize(
    "doc",
    [
        _rel(),
        _rel(when=2025, id=2021, context="military"),
        {
            "entities": [
                {
                    "id": "PAK",
                    "name": "Pakistan",
                    "kind": "state",
                    "aliases": "Islamabad",
                    "codes": {"wikidata": "Q843", "iso3": "PAK", "gdelt": "PAK"},
                }
            ]
        },
        {"sources": [{"id": "s", "published": "2025", "url": "https://example.org/a?b=c"}]},
        None,
        {"entities": None},
        {"entities": [{"id": "PAK", "name": " Pakistan ", "kind": "state", "codes": {"gdelt_v2": "PAK", "X1": 1}}]},
        _rel(evidence=[{"source": "s", "quote": " q "}]),
    ],
)
def test_schema_accepts_what_the_validator_accepts(validator, doc):
    assert list(validator.iter_errors(doc)) == []


@pytest.mark.parametrize(
    "doc, why",
    [
        (_rel(polarity="strong"), "wrong type: polarity is text"),
        (_rel(polarity=11), "polarity out of range"),
        (_rel(evidence="q"), "wrong type: evidence is text"),
        (_rel(evidence=[]), "no evidence"),
        (_rel(evidence=[{"source": "s"}]), "evidence without quote"),
        (_rel(colour="red"), "unknown field in a relation"),
        (_rel(type="ACUSE"), "unknown type"),
        (_rel(mode="withdraw"), "mode of another type"),
        (_rel(type="HOLDS", mode="allege", polarity=None), "a structural type has no modes"),
        (_rel(modality="rumoured"), "unknown modality"),
        (_rel(context=["weather"]), "unknown context"),
        (_rel(when="August 2021"), "not a date"),
        (_rel(modality=None), "missing modality"),
        (_rel(id="has space"), "bad id"),
        ({"entities": [{"id": "PAK", "name": "Pakistan", "kind": "country"}]}, "unknown kind"),
        ({"entities": [{"id": "PAK", "name": "Pakistan", "kind": "state", "colour": "x"}]}, "unknown entity field"),
        ({"entities": [{"id": "PAK", "name": "Pakistan", "kind": "state", "codes": {"wikidata": "843"}}]}, "bad QID"),
        ({"entities": [{"id": "PAK", "name": ["a"], "kind": "state"}]}, "wrong type: name is a list"),
        ({"entities": {"id": "PAK"}}, "entities is not a list"),
        ({"sources": [{"id": "s", "url": "ftp://x"}]}, "not a web address"),
        ({"claims": []}, "unknown top-level key"),
        ({"entities": [{"id": "PAK", "name": "  ", "kind": "state"}]}, "blank name"),
        ({"entities": [{"id": "PAK", "name": "\t\n", "kind": "state"}]}, "blank name (tab, newline)"),
        (_rel(evidence=[{"source": "s", "quote": " "}]), "blank quote"),
        (
            {"entities": [{"id": "PAK", "name": "P", "kind": "state", "codes": {"bad key": "x"}}]},
            "code name with a space",
        ),
        ({"entities": [{"id": "PAK", "name": "P", "kind": "state", "codes": {"1st": "x"}}]}, "code name not a word"),
        (
            {"entities": [{"id": "PAK", "name": "P", "kind": "state", "codes": {"a\nb": "x"}}]},
            "code name with a newline",
        ),
    ],
)
def test_schema_rejects_wrong_types_and_unknown_fields(validator, doc, why):
    assert list(validator.iter_errors(doc)), why


def test_schema_code_names_and_blank_text_are_the_validators():
    """Where the validator refuses a code name or blank text, so does the schema (and not elsewhere)."""
    s = json_schema()["$defs"]
    names = s["entity"]["properties"]["codes"]["propertyNames"]["pattern"]
    assert names == r"^[A-Za-z][A-Za-z0-9_]*$"
    for key, ok in (("wikidata", True), ("gdelt_v2", True), ("_x", False), ("x-y", False), ("é", False)):
        assert bool(re.search(names, key)) == ok, key
    assert graph.loads("entities: [{id: P, name: P, kind: state, codes: {gdelt_v2: P}}]").entities["P"].codes
    for bad in ("x-y", "_x"):
        with pytest.raises(graph.DataError, match="bad code name"):
            graph.loads(f"entities: [{{id: P, name: P, kind: state, codes: {{{bad}: P}}}}]")
    assert s["entity"]["properties"]["name"]["pattern"] == r"\S"
    assert s["evidence"]["properties"]["quote"]["pattern"] == r"\S"


def test_formats_share_one_when_span():
    import graph.formats.cypher as cy
    import graph.formats.gexf as gx
    import graph.formats.graphml as gm

    assert cy.when_span is gm.when_span and gx.when_span is gm.when_span


def test_schema_vocabulary_is_the_validators():
    from graph.records.known import ALLOWED
    from graph.vocab import MODALITIES, RELATION_TYPES

    s = json_schema()
    rel = s["$defs"]["relation"]
    assert rel["properties"]["type"]["enum"] == list(RELATION_TYPES)
    assert rel["properties"]["modality"]["enum"] == list(MODALITIES)
    for kind, key in (("sources", "source"), ("entities", "entity"), ("relations", "relation")):
        assert tuple(s["$defs"][key]["properties"]) == ALLOWED[kind]


# -- export() -----------------------------------------------------------------------------


def test_export_refuses_input_files_and_unknown_formats(tmp_path):
    ds = graph.load(DATA)
    target = next(DATA.rglob("*.yaml"))
    before = target.read_bytes()
    for fmt in export_mod.FORMATS:
        if fmt in (
            "csv",
            "neo4j-csv",
        ):  # names always end in -TABLE.csv: see test_csv_export_checks_every_file_before_writing
            continue
        with pytest.raises(OutputError):
            export_mod.export(ds, fmt, target)
    assert target.read_bytes() == before
    with pytest.raises(ActorgraphError, match="unknown export format"):
        export_mod.export(ds, "dot", tmp_path / "x")


def test_csv_export_checks_every_file_before_writing(tmp_path):
    ds = hostile()
    protected = tmp_path / "m-sources.csv"
    protected.write_text("keep")
    with pytest.raises(OutputError):
        export_mod.export(ds, "csv", tmp_path / "m", protect=[protected])
    assert protected.read_text() == "keep"
    assert not (tmp_path / "m-entities.csv").exists()
