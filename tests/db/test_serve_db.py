"""``actorgraph serve --db``: the same answers from the graph database as from the loaded dataset, its pages,
and the command against a real FalkorDB server."""

from __future__ import annotations

import http.client
import json
import re
from urllib.parse import urlencode

import pytest

import graph
import graph.db
from graph.errors import BadRequest
from graph.render.edge_groups import aggregate
from graph.serve import DatasetStore, serve
from graph.serve.database import DatabaseStore
from graph.serve.question import parse
from tests.test_serve import run_command

from .conftest import ROOT

QUESTIONS = [
    "",
    "actor=PAK",
    "mod=denied",
    "mod=~",
    "type=ACCUSE&type=THREATEN&from=2021-01&to=2023-12",
    "from=2021-01&to=2023-12&undated=0",
    "undated=0",
    "contested=1",
    "contested=1&actor=TAL",
    "focus=TAL&hops=1",
    "focus=PAK&hops=2&mod=reported",
    "q=equipment",
    "q=KABUL",
    "time=made&from=2023-01&to=2025-12&undated=0",
    "time=happened-or-made&from=2021-08&to=2021-12&undated=0",
    "pol=-1&pol=0",
    "subject=PAK",
    "object=TAL",
    "quad=verbal%20conflict&actor=USA-TRUMP",
]


@pytest.fixture(scope="module")
def pushed(server, tmp_path_factory):
    """The seed and the many-sources example, each pushed to a graph of its own."""
    out = {}
    for folder, name in (("data", "serveseed"), ("examples/many-sources", "servemany")):
        ds = graph.load(ROOT / folder)
        url = f"falkordb://:{server.password}@127.0.0.1:{server.port}/{name}"
        graph.db.push(ds, url)
        out[folder] = (ds, url)
    return out


def _ids(store, text):
    q = parse(text + ("&" if text else "") + "limit=1000", api=True)
    ans = store.claims(q)
    assert ans["total"] == len(ans["claims"])
    return ans["claims"]


@pytest.mark.parametrize("folder", ["data", "examples/many-sources"])
def test_the_database_answers_what_the_dataset_answers(pushed, folder):
    ds, url = pushed[folder]
    db, mem = DatabaseStore(url), DatasetStore(ds)
    assert db.count() == len(ds) and set(db.ds.entities) == set(ds.entities) and set(db.ds.sources) == set(ds.sources)
    for text in QUESTIONS:
        try:
            want = _ids(mem, text)
        except BadRequest as exc:  # an actor or a source this folder does not have: the same answer
            with pytest.raises(BadRequest, match=re.escape(str(exc))):
                _ids(db, text)
            continue
        got = _ids(db, text)
        assert sorted(c["id"] for c in got) == sorted(c["id"] for c in want), text
        assert [c["id"] for c in got] == sorted(c["id"] for c in got), text  # the database's order: by id
        mine = {c["id"]: c for c in want}
        for c in got:  # each claim as the dataset gives it
            assert c == mine[c["id"]], (text, c, mine[c["id"]])
    assert _ids(db, "contested=1") if folder == "examples/many-sources" else True  # that example has contested claims
    for g in aggregate(ds, by="year")[:15]:
        q = urlencode({"subject": g.subject, "object": g.object, "quad": g.quad, "period": g.period})
        assert sorted(c["id"] for c in _ids(db, q)) == sorted(g.claims), g.key


def test_paging_from_the_database(pushed):
    ds, url = pushed["data"]
    db = DatabaseStore(url)
    seen = []
    for offset in range(0, len(ds) + 5, 5):
        ans = db.claims(parse(f"offset={offset}&limit=5", api=True))
        assert ans["total"] == len(ds)
        seen += [c["id"] for c in ans["claims"]]
    assert seen == sorted(r.id for r in ds.relations())


def test_the_database_s_pages(pushed):
    ds, url = pushed["data"]
    db = DatabaseStore(url, full=10)
    html = db.page(parse(""))
    data = json.loads(re.search(r'id="ag-data">(.*?)</script>', html, re.S).group(1))
    agg = data["aggregate"]
    groups = {g.key: g for g in aggregate(ds, by="year")}
    assert agg["edges"] == len(groups) and agg["claims"] == len(ds) and agg["examples"] == 0
    f = {name: i for i, name in enumerate(agg["fields"])}
    for row in agg["rows"]:  # each edge: the group's count, mean polarity and sources
        g = groups[(row[f["subject"]], row[f["object"]], agg["quads"][row[f["quad"]]], row[f["period"]])]
        assert row[f["more"]]["count"] == g.count and row[f["mean"]] == g.mean_polarity, g.key
        assert set(row[f["more"]]["sources"]) == set(g.sources) and set(row[f["more"]]["types"]) == set(g.types)
    assert data["server"]["backend"] == "database" and data["server"]["drawn"] == "aggregate"
    small = json.loads(re.search(r'id="ag-data">(.*?)</script>', db.page(parse("actor=CHN")), re.S).group(1))
    assert {row[0] for row in small["relations"]["rows"]} == {
        r.id for r in ds.relations() if "CHN" in (r.subject, r.object)
    }
    top = json.loads(
        re.search(r'id="ag-data">(.*?)</script>', DatabaseStore(url, full=10, top=3).page(parse("")), re.S).group(1)
    )
    counts = sorted((g.count for g in groups.values()), reverse=True)
    assert top["aggregate"]["top"] == 3 and [r[f["more"]]["count"] for r in top["aggregate"]["rows"]] == counts[:3]


def test_over_http_bad_questions_and_no_token(pushed):
    _ds, url = pushed["data"]
    s = serve(DatabaseStore(url))
    s.start()
    try:
        conn = http.client.HTTPConnection("127.0.0.1", s.port, timeout=30)
        for path, status, word in (
            (f"/api/claims?token={s.token}&actor=PAK&limit=3", 200, "total"),
            (f"/api/claims?token={s.token}&limit=99999", 400, "at most 1000"),
            (f"/api/claims?token={s.token}&focus=NOBODY", 400, "unknown actor"),
            ("/api/claims?actor=PAK", 403, "token"),
        ):
            conn.request("GET", path)
            res = conn.getresponse()
            body = res.read().decode("utf-8")
            assert res.status == status and word in body, (path, res.status, body)
    finally:
        s.shutdown()
        s.server_close()


def test_a_database_that_is_not_there():
    from graph.db import DatabaseError

    with pytest.raises(DatabaseError, match="cannot connect"):
        DatabaseStore("falkordb://127.0.0.1:1/none")


def test_the_command_serves_the_database(pushed, tmp_path):
    _ds, url = pushed["data"]

    def check(status, info):
        assert status == 200 and info["backend"] == "database" and info["claims"] == 42

    run_command(["--db", url], tmp_path, question="/api/info?", check=check)
