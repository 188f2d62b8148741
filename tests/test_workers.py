"""graph.workers: relation files validated by worker processes give exactly what one process gives.

Every text here is a constructed example, written for these tests.
"""

import os

import pytest

import graph
import graph.workers as workers
from graph.loader import Limits, check

pytestmark = pytest.mark.skipif(not workers.can_fork(), reason="worker processes are forks (Linux)")

HEAD = """sources:
  - {id: s1, title: A constructed example, kind: other, text: t.txt}
  - {id: s2, title: Another constructed example, kind: other}
entities:
"""
TEXT = "A constructed text: the two states held talks. Later the envoy denied any deal.\n"


def _entities(n=12):
    return "".join(f"  - {{id: E{i}, name: Entity {i}, kind: state}}\n" for i in range(n))


def _relation(rid, s, o, rtype="CONSULT", quote="held talks", source="s1", extra=""):
    return (f"  - id: {rid}\n    subject: {s}\n    object: {o}\n    type: {rtype}\n    modality: reported\n"
            f"{extra}    evidence:\n      - {{source: {source}, quote: \"{quote}\"}}\n")


def _relations(prefix, n, start=0):
    return "relations:\n" + "".join(
        _relation(f"{prefix}-{i}", f"E{i % 12}", f"E{(i + 1) % 12}", "CONSULT" if i % 2 else "ACCUSE",
                  "held talks" if i % 3 else "the envoy denied any deal", "s1" if i % 4 else "s2",
                  f"    when: 20{10 + i % 10}-0{1 + i % 9}\n    attributes: {{count: {i}}}\n") for i in range(start, start + n))


@pytest.fixture()
def folder(tmp_path):
    d = tmp_path / "data"
    d.mkdir()
    (d / "t.txt").write_text(TEXT, encoding="utf-8")
    (d / "a-entities.yaml").write_text(HEAD + _entities(), encoding="utf-8")
    # a file with entities and relations: read by the load's own process
    (d / "b-mixed.yaml").write_text("entities:\n  - {id: X1, name: Extra, kind: person}\n" + _relations("m", 3),
                                    encoding="utf-8")
    for k in range(4):
        (d / f"rel-{k}.yaml").write_text(_relations(f"r{k}", 20), encoding="utf-8")
    return d


def _problems(problems):
    return [str(p) for p in problems]


def _both(path, **kw):
    """check() by one process and by workers: both results, the workers' used for sure."""
    one, one_problems = check(path, cache=False, workers=1, **kw)
    two, two_problems = check(path, cache=False, workers=2, **kw)
    assert one is None or one.workers == 0
    return one, one_problems, two, two_problems


def _same_records(one, two):
    assert list(one.relations) == list(two.relations)
    assert [graph.to_dict(r) for r in one.relations.values()] == [graph.to_dict(r) for r in two.relations.values()]
    assert [r.where for r in one.relations.values()] == [r.where for r in two.relations.values()]
    assert [r.evidence for r in one.relations.values()] == [r.evidence for r in two.relations.values()]
    assert list(one.entities) == list(two.entities) and list(one.sources) == list(two.sources)
    assert one.invalid_relations == two.invalid_relations


def test_valid_data_read_by_workers_is_the_same(folder):
    one, p1, two, p2 = _both(folder)
    assert p1 == p2 == []
    assert two.workers == 2 and len(two.relations) == 83
    _same_records(one, two)
    # the relations are built from the workers' columns when asked for, subjects as the entities' own ids
    r = two.relations["r2-7"]
    assert r.subject is two.entities["E7"].id and r.when.text == "2017-08" and r.attributes == {"count": 7}


def test_problems_found_by_workers_are_the_same_and_located(folder):
    (folder / "rel-1.yaml").write_text(
        _relations("r1", 5) + _relation("bad-1", "E1", "PAKISTN", "ACUSE")
        + _relation("bad-2", "E1", "E2", quote="talks were held") + _relation("r1-0", "E3", "E4"), encoding="utf-8")
    (folder / "rel-3.yaml").write_text(_relations("r3", 5) + _relation("bad-3", "E1", "E2", source="s9"),
                                       encoding="utf-8")
    one, p1, two, p2 = _both(folder)
    assert two.workers == 2
    assert _problems(p1) == _problems(p2)
    text = "\n".join(_problems(p2))
    for expected in ("rel-1.yaml:", "unknown entity 'PAKISTN'", "unknown type 'ACUSE'",
                     "quote is not verbatim in the text of source 's1'", "duplicate relation id 'r1-0'",
                     "unknown source 's9'"):
        assert expected in text
    _same_records(one, two)


@pytest.mark.parametrize("case", ["duplicate across workers", "case across workers", "extension across workers",
                                  "syntax error", "over the limit"])
def test_what_workers_cannot_settle_is_done_in_one_process(folder, case):
    limits = Limits()
    if case == "duplicate across workers":
        (folder / "rel-3.yaml").write_text(_relations("r3", 5) + _relation("r0-1", "E1", "E2"), encoding="utf-8")
    elif case == "case across workers":
        (folder / "rel-3.yaml").write_text(_relations("r3", 5) + _relation("R0-1", "E1", "E2"), encoding="utf-8")
    elif case == "extension across workers":
        (folder / "rel-3.yaml").write_text(_relations("r3", 5) + "  - id: r0-1\n    extend: true\n    evidence:\n"
                                           "      - {source: s2, quote: \"an added quote\"}\n", encoding="utf-8")
    elif case == "syntax error":
        (folder / "rel-2.yaml").write_text(_relations("r2", 3) + "  - id: [unclosed\n", encoding="utf-8")
    else:
        limits = Limits(max_relations=50)
    one, p1, two, p2 = _both(folder, limits=limits)
    if case == "over the limit":
        assert two is None and one is None and "over the limit of 50 relations" in str(p2[0])
    else:
        assert two.workers == 0
    assert _problems(p1) == _problems(p2) and (p1 or case == "extension across workers")
    if two is not None:
        _same_records(one, two)
    if case == "extension across workers":
        assert [e.quote for e in two.relations["r0-1"].evidence] == ["held talks", "an added quote"]


def test_an_extension_in_the_same_workers_files_is_applied_there(folder):
    (folder / "rel-1.yaml").write_text(_relations("r1", 5) + "  - id: r1-2\n    extend: true\n    evidence:\n"
                                       "      - {source: s2, quote: \"an added quote\"}\n", encoding="utf-8")
    one, p1, two, p2 = _both(folder)
    assert two.workers == 2 and p1 == p2 == []
    _same_records(one, two)
    assert [e.quote for e in two.relations["r1-2"].evidence] == ["held talks", "an added quote"]


def test_a_file_that_holds_more_than_relations_is_found_out(folder, monkeypatch):
    # the quick look at the file's lines taken in: the worker sees the entity, and the load is done in one process
    monkeypatch.setattr(workers, "relations_only", lambda path, data: path.endswith(("b-mixed.yaml", "rel-0.yaml",
                                                                                     "rel-1.yaml")))
    one, p1, two, p2 = _both(folder)
    assert two.workers == 0 and p1 == p2 == []
    _same_records(one, two)


def test_a_worker_that_fails_leaves_the_load_to_one_process(folder, monkeypatch):
    def broken(*args):
        raise MemoryError("a constructed failure")

    forked, fork = [], os.fork

    def recorded():
        pid = fork()
        if pid:
            forked.append(pid)
        return pid

    monkeypatch.setattr(workers, "_work", broken)
    monkeypatch.setattr(os, "fork", recorded)
    one, p1, two, p2 = _both(folder)
    assert two.workers == 0 and p1 == p2 == []
    _same_records(one, two)
    assert len(forked) == 2
    for pid in forked:   # every worker reaped
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


def test_records_that_cannot_be_sent_leave_the_load_to_one_process(folder, monkeypatch):
    def refused(*args, **kw):
        raise TypeError("a constructed refusal")

    monkeypatch.setattr(workers.pickle, "dumps", refused)
    one, p1, two, p2 = _both(folder)
    assert two.workers == 0 and p1 == p2 == []
    _same_records(one, two)


def test_the_cache_keeps_what_workers_found(folder, tmp_path):
    cache = tmp_path / "cache"
    first, problems = check(folder, cache_dir=cache, workers=2)
    assert first.workers == 2 and problems == []
    second, _ = check(folder, cache_dir=cache, workers=2)    # the whole load from the cache
    assert second.workers == 0 and second.relations.built == 0
    _same_records(first, second)
    (folder / "rel-2.yaml").write_text(_relations("r2", 4), encoding="utf-8")   # one file changed
    third, _ = check(folder, cache_dir=cache, workers=2)
    fresh, _ = check(folder, cache=False, workers=1)
    assert third.workers == 2
    _same_records(fresh, third)


def test_a_dataset_loaded_by_workers_answers_queries(folder):
    ds, one = graph.load(folder, cache=False, workers=2), graph.load(folder, cache=False, workers=1)
    assert [r.id for r in ds.relations(subject="E3")] == [r.id for r in one.relations(subject="E3")]
    assert list(ds.graph.edges(keys=True, data=True)) == list(one.graph.edges(keys=True, data=True))


def test_how_many_workers(monkeypatch):
    monkeypatch.delenv("ACTORGRAPH_WORKERS", raising=False)
    monkeypatch.setattr(workers.threading, "active_count", lambda: 1)
    assert workers.planned_workers(None, workers.MIN_BYTES - 1) == 1       # small: not worth a fork
    assert workers.planned_workers(None, workers.MIN_BYTES) == min(workers._cores(), workers.MAX_AUTO)
    monkeypatch.setattr(workers.threading, "active_count", lambda: 2)    # other threads: no fork unless asked
    assert workers.planned_workers(None, workers.MIN_BYTES) == 1 and workers.planned_workers(2, 0) == 2
    assert workers.planned_workers(3, 0) == 3 and workers.planned_workers(0, 10**9) == 1
    monkeypatch.setenv("ACTORGRAPH_WORKERS", "1")
    assert workers.planned_workers(None, 10**9) == 1
    monkeypatch.setenv("ACTORGRAPH_WORKERS", "3")
    assert workers.planned_workers(None, 0) == 3


def test_runs_of_files_hold_about_the_same_bytes():
    assert workers._runs(list("abcd"), [10, 10, 10, 10], 2) == [["a", "b"], ["c", "d"]]
    assert workers._runs(list("abcd"), [30, 1, 1, 1], 2) == [["a"], ["b", "c", "d"]]
    assert workers._runs(list("ab"), [5, 5], 4) == [["a"], ["b"]]


def test_which_files_look_like_relations_only():
    assert workers.relations_only("r.yaml", b"# claims\nrelations:\n- id: r1\n  subject: A\n")
    assert not workers.relations_only("r.yaml", b"relations: []\nentities:\n  - {id: A}\n")
    assert not workers.relations_only("r.yaml", b'{relations: []}\n')
    assert not workers.relations_only("r.csv", b"relations\n")
    assert not workers.relations_only("r.yaml", b"sources: []\n")
