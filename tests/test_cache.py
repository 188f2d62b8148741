"""graph.cache: a second load of unchanged files skips the work, and the cache is never trusted blindly."""

import os
import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner

import graph
import graph.loader as loader
from graph.cache import Cache
from graph.cli import main

A = """sources:
  - {id: s1, title: A constructed example, kind: other, text: t.txt}
entities:
  - {id: PAK, name: Pakistan, kind: state}
  - {id: USA, name: United States, kind: state}
relations:
  - {id: r1, subject: USA, object: PAK, type: CONSULT, modality: reported, evidence: [{source: s1, quote: held talks}]}
"""
B = "entities:\n  - {id: TAL, name: Taliban, kind: de_facto_authority}\n"


TEXT = "A constructed text: the two states held talks.\n"


def make_data(folder):
    """The data folder of these tests: a.yaml (a source with its text t.txt, two states, a claim), b.yaml."""
    folder.mkdir()
    (folder / "a.yaml").write_text(A, encoding="utf-8")
    (folder / "b.yaml").write_text(B, encoding="utf-8")
    (folder / "t.txt").write_text(TEXT, encoding="utf-8")
    return folder


@pytest.fixture()
def data(tmp_path):
    d = make_data(tmp_path / "data")
    return d


@pytest.fixture()
def spy(monkeypatch):
    """Counts the files parsed and the times records are built."""
    calls = {"parsed": [], "built": 0}
    parse, build = loader._parse, loader.build_records

    def parsed(path, data):
        calls["parsed"].append(os.path.basename(path))
        return parse(path, data)

    def built(*args, **kw):
        calls["built"] += 1
        return build(*args, **kw)

    monkeypatch.setattr(loader, "_parse", parsed)
    monkeypatch.setattr(loader, "build_records", built)
    return calls


def _same(a, b):
    assert [graph.to_dict(r) for r in a.relations()] == [graph.to_dict(r) for r in b.relations()]
    assert {k: graph.to_dict(e) for k, e in a.entities.items()} == {k: graph.to_dict(e) for k, e in b.entities.items()}
    assert {k: graph.to_dict(s) for k, s in a.sources.items()} == {k: graph.to_dict(s) for k, s in b.sources.items()}
    assert [r.where for r in a.relations()] == [r.where for r in b.relations()]
    assert [r.claimants for r in a.relations()] == [r.claimants for r in b.relations()]
    assert a.files == b.files
    # the graph too: the same nodes and edges with the same data, in the same order
    assert list(a.graph.nodes(data=True)) == list(b.graph.nodes(data=True))
    assert list(a.graph.edges(keys=True, data=True)) == list(b.graph.edges(keys=True, data=True))
    assert a.graph.graph == b.graph.graph


def test_a_second_load_reads_the_validated_records_from_the_cache(data, tmp_path, spy):
    first = graph.load(data, cache_dir=tmp_path / "c")
    assert sorted(spy["parsed"]) == ["a.yaml", "b.yaml"] and spy["built"] == 1
    second = graph.load(data, cache_dir=tmp_path / "c")
    assert sorted(spy["parsed"]) == ["a.yaml", "b.yaml"] and spy["built"] == 1  # nothing parsed or built again
    _same(first, second)
    assert second.relation("r1").sources == ("s1",)
    _same(first, graph.load(data, cache=False))


def test_a_changed_file_is_read_again_alone(data, tmp_path, spy):
    graph.load(data, cache_dir=tmp_path / "c")
    (data / "b.yaml").write_text(B + "  - {id: CHN, name: China, kind: state}\n", encoding="utf-8")
    ds = graph.load(data, cache_dir=tmp_path / "c")
    assert spy["parsed"] == ["a.yaml", "b.yaml", "b.yaml"] and spy["built"] == 2
    assert "CHN" in ds.entities
    (data / "c.yaml").write_text("entities:\n  - {id: IND, name: India, kind: state}\n", encoding="utf-8")
    assert "IND" in graph.load(data, cache_dir=tmp_path / "c").entities
    os.unlink(data / "c.yaml")
    assert "IND" not in graph.load(data, cache_dir=tmp_path / "c").entities
    assert spy["parsed"].count("a.yaml") == 1


def test_a_changed_stored_text_is_checked_again(data, tmp_path):
    graph.load(data, cache_dir=tmp_path / "c")
    (data / "t.txt").write_text("A constructed text: the two states met.\n", encoding="utf-8")
    with pytest.raises(graph.DataError) as err:
        graph.load(data, cache_dir=tmp_path / "c")
    [p] = err.value.problems
    assert (Path(p.path).name, p.line, p.col) == ("a.yaml", 7, 107) and "not verbatim" in p.message


def test_problems_are_never_cached_away_and_stay_located(data, tmp_path):
    graph.load(data, cache_dir=tmp_path / "c")  # both files cached while valid
    (data / "b.yaml").write_text("entities:\n  - {id: TAL, name: Taliban, kind: de_facto}\n", encoding="utf-8")
    (data / "a.yaml").write_text(A.replace("object: PAK", "object: TAL"), encoding="utf-8")
    for _ in range(2):
        records, problems = graph.check(data, cache_dir=tmp_path / "c")
        assert [(Path(p.path).name, p.line, p.col) for p in problems] == [("b.yaml", 2, 36)]
    # a problem in a file that comes from the cache is located by reading the file again
    (data / "b.yaml").write_text(B, encoding="utf-8")
    graph.load(data, cache_dir=tmp_path / "c")
    (data / "b.yaml").write_text("entities: []\n", encoding="utf-8")
    _, problems = graph.check(data, cache_dir=tmp_path / "c")
    assert [(Path(p.path).name, p.line, p.col) for p in problems] == [("a.yaml", 7, 36)]
    assert "unknown entity 'TAL' in 'object'" in problems[0].message


def _entries(folder):
    return [p for p in Path(folder).rglob("*.json")]


@pytest.mark.parametrize("spoil", ["truncate", "garbage", "foreign", "pickle", "other-key"])
def test_a_corrupt_or_foreign_cache_is_ignored_and_rebuilt(data, tmp_path, spoil):
    good = graph.load(data, cache_dir=tmp_path / "c")
    entries = _entries(tmp_path / "c")
    assert len(entries) == 2  # one pack (the two files), one load
    ran = tmp_path / "PWNED"
    for p in entries:
        text = p.read_bytes()
        if spoil == "truncate":
            p.write_bytes(text[: len(text) // 2])
        elif spoil == "garbage":
            p.write_bytes(os.urandom(64))
        elif spoil == "foreign":
            p.write_text('{"format": "something-else", "key": "x", "pieces": []}')
        elif spoil == "pickle":
            p.write_bytes(pickle.dumps(_Planted(str(ran))))
        else:  # a valid entry, but of other data, planted under this key
            other = text.replace(b'"key":"', b'"key":"0')
            p.write_bytes(other)
    again = graph.load(data, cache_dir=tmp_path / "c")
    _same(good, again)
    assert not ran.exists()
    assert graph.load(data, cache_dir=tmp_path / "c").relation("r1").evidence == good.relation("r1").evidence


class _Planted:
    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return (open, (self.path, "w"))


def test_the_cache_can_be_turned_off_and_moved(data, tmp_path, monkeypatch):
    r = CliRunner().invoke(main, ["validate", str(data), "--no-cache", "--cache-dir", str(tmp_path / "c")])
    assert r.exit_code == 0 and not (tmp_path / "c").exists()
    r = CliRunner().invoke(main, ["validate", str(data), "--cache-dir", str(tmp_path / "c")])
    assert r.exit_code == 0 and len(_entries(tmp_path / "c")) == 2
    monkeypatch.setenv("ACTORGRAPH_CACHE", "off")
    graph.load(data, cache_dir=tmp_path / "d")
    assert not (tmp_path / "d").exists()
    monkeypatch.delenv("ACTORGRAPH_CACHE")
    monkeypatch.setenv("ACTORGRAPH_CACHE_DIR", str(tmp_path / "e"))
    graph.load(data)
    assert len(_entries(tmp_path / "e")) == 2
    assert not any(p.suffix == ".json" for p in data.rglob("*"))  # never in the data folder


RICH = """# constructed example
sources:
  - {id: d1, title: A constructed event list, kind: dataset}
entities:
  - {id: CHN, name: China, kind: state, aliases: [Beijing], codes: {iso3: CHN}}
relations:
  - id: r2
    subject: CHN
    object: PAK
    type: COOPERATE
    mode: diplomatic
    context: [economic, political]
    polarity: 3.5
    modality: claimed
    asserted_by: [CHN, PAK]
    when: 2020-01..2021-06
    evidence: [{source: d1, record: ev-17}, {source: s1, quote: the two states}]
    attributes: {count: 3, tags: [a, b], ok: true}
    note: A constructed relation.
"""


def test_every_field_and_the_graph_come_back_the_same_from_the_cache(data, tmp_path):
    (data / "c.yaml").write_text(RICH, encoding="utf-8")
    cold = graph.load(data, cache=False)
    graph.load(data, cache_dir=tmp_path / "c")
    again = graph.load(data, cache_dir=tmp_path / "c")
    _same(cold, again)
    r = again.relation("r2")
    assert r.claimants == ("CHN", "PAK") and r.asserted_by == "CHN" and r.when.text == "2020-01..2021-06"
    assert again.graph.edges["CHN", "PAK", "r2"]["attributes"] == {"count": 3, "tags": ["a", "b"], "ok": True}
    assert r.subject is again.entities["CHN"].id  # ids shared, as in a fresh load


def _load_entry(folder):
    [p] = [p for p in _entries(folder) if p.parent.parent.name == "loads"]
    return p


# a load entry whose JSON is whole but whose columns were not written by the program
SPOILED_COLUMNS = {
    "subject past the entities": lambda c: c["subject"].__setitem__(0, 99),
    "negative object": lambda c: c["object"].__setitem__(0, -1),
    "short column": lambda c: c["note"].pop(),
    "evidence count off": lambda c: c["ev_n"].__setitem__(0, 2),
    "id not text": lambda c: c["id"].__setitem__(0, 7),
    "type past the words": lambda c: c["type"].__setitem__(0, len(c["words"])),
    "context not a list": lambda c: c["context"].__setitem__(0, "economic"),
    "polarity a truth value": lambda c: c["polarity"].__setitem__(0, True),
    "claimant past the entities": lambda c: c["claimants"].__setitem__(0, [5]),
    "attributes not a mapping": lambda c: c["attributes"].__setitem__(0, [1]),
    "two relations one id": lambda c: c["id"].__setitem__(1, c["id"][0]),
    "column missing": lambda c: c.pop("when"),
}


@pytest.mark.parametrize("spoil", sorted(SPOILED_COLUMNS))
def test_a_load_entry_with_spoiled_columns_is_ignored(data, tmp_path, spy, spoil):
    (data / "c.yaml").write_text(RICH, encoding="utf-8")
    good = graph.load(data, cache_dir=tmp_path / "c")
    p = _load_entry(tmp_path / "c")
    store = Cache(tmp_path / "c")  # sealed again with the key: a program's bug, not a forgery
    entry = store.unseal(p.stem, p.read_bytes())
    SPOILED_COLUMNS[spoil](entry["relations"])
    p.write_bytes(store.seal(p.stem, {k: v for k, v in entry.items() if k not in ("format", "key")}))
    built = spy["built"]
    again = graph.load(data, cache_dir=tmp_path / "c")
    assert spy["built"] == built + 1  # validated again from the files' records
    _same(good, again)


def test_relations_from_the_cache_are_built_when_asked_for(data, tmp_path):
    """A cached load builds no relation and no graph; a query builds what it finds; the whole
    dataset, once built, is the fresh load's."""
    extra = "relations:\n" + "".join(
        f"  - {{id: x{i}, subject: {s}, object: {o}, type: CONSULT, modality: reported, when: 20{10 + i % 9},"
        f" evidence: [{{source: s1, quote: held talks}}]}}\n"
        for i, (s, o) in enumerate(
            [
                ("PAK", "USA"),
                ("USA", "CHN"),
                ("CHN", "PAK"),
                ("PAK", "CHN"),
                ("TAL", "PAK"),
                ("USA", "PAK"),
                ("PAK", "USA"),
            ]
        )
    )
    (data / "c.yaml").write_text(RICH, encoding="utf-8")
    (data / "d.yaml").write_text(
        "entities:\n  - {id: TAL2, name: Another, kind: organisation, part_of: TAL}\n" + extra, encoding="utf-8"
    )
    cold = graph.load(data, cache=False)
    graph.load(data, cache_dir=tmp_path / "c")
    lazy = graph.load(data, cache_dir=tmp_path / "c")
    rels = lazy._rels
    assert rels.built == 0 and lazy._graph is None and len(lazy) == len(cold) == 9
    assert lazy.relation("x3") == cold.relation("x3") and rels.built == 1
    found = lazy.relations(subject="TAL")
    assert [r.id for r in found] == ["x4"] and rels.built == 2  # what a query finds, nothing more
    for actor in ("PAK", "USA", "CHN", "TAL"):
        for kw in (
            {"subject": actor},
            {"object": actor},
            {"between": (actor, "PAK")},
            {"subject": actor, "parts": False},
        ):
            assert lazy.relations(**kw) == cold.relations(**kw), kw
    assert lazy._graph is None  # actor queries read the columns alone
    assert lazy.relations(asserted_by="PAK") == cold.relations(asserted_by="PAK")  # (a test of every relation)
    assert rels.built == len(cold) and lazy._graph is None
    assert [r.id for r in lazy.ego("TAL").relations()] == [r.id for r in cold.ego("TAL").relations()]
    assert lazy.relations(start="2012", end="2014") == cold.relations(start="2012", end="2014")
    _same(cold, lazy)
    assert rels.built == 9 and lazy._rels is rels.all()
    built_first = graph.load(data, cache_dir=tmp_path / "c")  # every relation built before any actor query
    assert len(built_first.relations()) == 9 and built_first._graph is None
    for actor in ("PAK", "TAL"):
        assert built_first.relations(between=(actor, "USA")) == cold.relations(between=(actor, "USA"))
    assert built_first._graph is None
