"""``actorgraph serve`` without a browser: the JSON API over real HTTP (token, Host, bad questions, bounds),
the claims it answers against what Python keeps, its pages, and the command (started, answering, Ctrl-C)."""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graph
from graph.errors import BadRequest, TooLong
from graph.render.edge_groups import aggregate
from graph.serve import DatasetStore, serve
from graph.serve.question import MAX_LIMIT, parse

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "js" / "fixtures" / "filters.json"


@pytest.fixture(scope="module")
def seed():
    return graph.load(ROOT / "data")


@pytest.fixture(scope="module")
def server(seed):
    s = serve(seed, full=10, page_size=5)
    s.start()
    yield s
    s.shutdown()
    s.server_close()


def get(server, path, params=None, *, token=True, host=None, method="GET"):
    """``(status, content type, body)`` of one request to *server*."""
    q = dict(params or {})
    if token is True:
        q = {"token": server.token, **q}
    elif token:
        q = {"token": token, **q}
    url = path + ("?" + urlencode(q, doseq=True) if q else "")
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    conn.putrequest(method, url, skip_host=True)
    if host is not False:
        conn.putheader("Host", host or f"127.0.0.1:{server.port}")
    conn.endheaders()
    res = conn.getresponse()
    body = res.read()
    conn.close()
    return res.status, res.getheader("Content-Type") or "", body


def claims(server, **params):
    status, ctype, body = get(server, "/api/claims", params)
    assert status == 200 and ctype.startswith("application/json"), (status, body[:300])
    return json.loads(body)


def all_ids(server, **params):
    """Every claim id the API answers for *params*, a page (of 7) at a time."""
    out, offset = [], 0
    while True:
        ans = claims(server, **params, offset=offset, limit=7)
        out += [c["id"] for c in ans["claims"]]
        offset += 7
        if offset >= ans["total"]:
            assert len(out) == ans["total"]
            return out


# ---------------------------------------------------------------- who may ask
@pytest.mark.parametrize("token", [False, "", "wrong-token"])
def test_no_token_or_a_wrong_one_is_refused(server, token):
    for path in ("/", "/api/claims", "/api/info"):
        status, _ctype, body = get(server, path, token=token)
        assert status == 403 and b"token" in body and b"claims" not in body


def test_two_tokens_another_host_or_none_are_refused(server):
    status, _c, _b = get(server, "/api/info", {"token": [server.token, server.token]}, token=False)
    assert status == 403
    for host in ("evil.example:80", f"evil.example:{server.port}", "127.0.0.1", "localhost"):
        status, _c, body = get(server, "/api/info", host=host)
        assert status == 403 and b"only to 127.0.0.1 and localhost" in body, host
    assert get(server, "/api/info", host=False)[0] == 403
    assert get(server, "/api/info", host=f"localhost:{server.port}")[0] == 200


def test_it_only_reads(server):
    for method in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS"):
        status, _c, body = get(server, "/api/claims", method=method)
        assert status == 405 and json.loads(body) == {"error": "this server only reads: GET and HEAD"}
        assert get(server, "/api/claims", method=method, token=False)[0] == 403
    status, _c, body = get(server, "/api/claims", method="HEAD")
    assert status == 200 and body == b""


def test_the_server_listens_on_127_0_0_1_only(server):
    assert server.server_address[0] == "127.0.0.1"
    assert server.url == f"http://127.0.0.1:{server.port}/?token={server.token}" and len(server.token) >= 30


# ---------------------------------------------------------------- bad questions: 400 and a message
BAD = [
    ({"colour": "red"}, "unknown parameter 'colour'"),
    ({"limit": "abc"}, "limit: 'abc' is not a whole number"),
    ({"limit": "-1"}, "limit: '-1' is not a whole number"),
    ({"limit": str(MAX_LIMIT + 1)}, f"limit: at most {MAX_LIMIT} claims a page"),
    ({"limit": "5000000"}, f"limit: at most {MAX_LIMIT} claims a page"),
    ({"offset": "99999999"}, "offset: claims to skip, from 0 to 1,000,000"),
    ({"limit": ["5", "6"]}, "limit: give it once"),
    ({"type": "FOO"}, "type: unknown value 'FOO'; expected one of: AGREE"),
    ({"mod": "rumoured"}, "mod: unknown value 'rumoured'"),
    ({"pol": "2"}, "pol: unknown value '2'"),
    ({"type": ["~", "ACCUSE"]}, "type: '~' (none of them) cannot go with values"),
    ({"from": "2021-13"}, "from: a month, YYYY-MM"),
    ({"from": "2024-01", "to": "2021-01"}, "from 2024-01 is after to 2021-01"),
    ({"undated": "maybe"}, "undated: 1 (yes) or 0 (no)"),
    ({"time": "later"}, "time: one of happened, made, happened-or-made"),
    ({"hops": "2"}, "hops: it goes with focus"),
    ({"focus": "PAK", "hops": "99"}, "hops: steps around the focus, from 1 to 6"),
    ({"focus": "NOBODY"}, "unknown actor 'NOBODY'"),
    ({"actor": "<script>"}, "unknown actor '<script>'"),
    ({"src": "no-such-source"}, "src: unknown source 'no-such-source'"),
    ({"quad": "sideways"}, "quad: one of"),
    ({"period": "2024"}, "period: an aggregated edge is named by subject, object, quad and period together"),
    ({"subject": "PAK", "object": "AFG", "quad": "verbal conflict", "period": "24"}, "period: per year, a year (YYYY)"),
    (
        {"subject": "PAK", "object": "AFG", "quad": "verbal conflict", "period": "2024", "by": "week"},
        "by: one of month, year, all",
    ),
    ({"q": "a"}, "q: search for at least 2 characters"),
    ({"q": "x" * 300}, "q: at most 200 characters"),
    ({"view": "colour=red"}, "view: unknown parameter 'colour'"),
    ({"view": "limit=5"}, "view: unknown parameter 'limit'"),
]


@pytest.mark.parametrize("params,message", BAD, ids=[m.split(":")[0][:30] for _p, m in BAD])
def test_a_bad_question_gets_400_and_a_message(server, params, message):
    status, ctype, body = get(server, "/api/claims", params)
    assert status == 400 and ctype.startswith("application/json"), (status, body)
    error = json.loads(body)["error"]
    assert message in error and "Traceback" not in error, error


def test_a_bad_page_question_gets_400_in_plain_text(server):
    status, ctype, body = get(server, "/", {"actor": "NOBODY"})
    assert status == 400 and ctype.startswith("text/plain") and b"unknown actor 'NOBODY'" in body
    status, _c, body = get(server, "/", {"limit": "5"})  # paging is the API's
    assert status == 400 and b"unknown parameter 'limit'; a page takes" in body
    status, ctype, body = get(server, "/api/nothing")
    assert status == 404 and json.loads(body)["error"].startswith("not found")


def test_a_question_that_takes_too_long_gets_503(seed):
    s = serve(seed, timeout=0)  # no time at all: the first look at the clock stops it
    s.start()
    try:
        status, _c, body = get(s, "/api/claims", {"mod": "reported"})
        assert status == 503 and "took too long" in json.loads(body)["error"]
    finally:
        s.shutdown()
        s.server_close()
    with pytest.raises(TooLong):
        DatasetStore(seed, timeout=0).claims(parse("mod=reported", api=True))


def test_millions_of_claims_come_a_page_at_a_time():
    """A question that keeps every claim of a large dataset answers its count and one page, never all."""
    from tests.browser.drawn import synthetic

    ds = synthetic(50, 5000, seed=3)
    store = DatasetStore(ds)
    ans = store.claims(parse("limit=1000", api=True))
    assert ans["total"] == 5000 and len(ans["claims"]) == 1000
    with pytest.raises(BadRequest, match="at most 1000 claims a page"):
        parse("limit=1001", api=True)


# ---------------------------------------------------------------- what it answers
def test_an_aggregated_edge_s_claims_are_the_group_s_paged(seed, server):
    for g in aggregate(seed, by="year"):
        ids = all_ids(server, subject=g.subject, object=g.object, quad=g.quad, period=g.period, by="year")
        assert ids == list(g.claims), g.key
    for g in aggregate(seed, by="month")[:10] + aggregate(seed, by="all")[:10]:
        period_by = "all" if g.period == "all" else "month"
        ids = all_ids(server, subject=g.subject, object=g.object, quad=g.quad, period=g.period, by=period_by)
        assert ids == list(g.claims), g.key


def test_an_actor_s_claims_its_own_first_then_about_it(seed, server):
    for eid in ("PAK", "TAL", "USA"):
        ids = all_ids(server, actor=eid)
        own = [r.id for r in seed.relations(subject=eid, parts=False)]
        about = [r.id for r in seed.relations(object=eid, parts=False) if r.subject != eid]
        assert ids == own + about
    first = claims(server, actor="PAK", limit=1)["claims"][0]
    r = (
        seed.relation(first["id"])
        if hasattr(seed, "relation")
        else next(x for x in seed.relations() if x.id == first["id"])
    )
    assert (
        first["subject"] == r.subject
        and first["type"] == r.type
        and first["evidence"][0]["source"] == r.evidence[0].source
    )
    assert first["evidence"][0]["quote"] == r.evidence[0].quote


def test_a_search_finds_claims_by_id_quote_or_record(seed, server):
    ids = all_ids(server, q="EQUIPMENT")
    want = [
        r.id
        for r in seed.relations()
        if "equipment" in r.id.lower() or any("equipment" in (e.quote or e.record or "").lower() for e in r.evidence)
    ]
    assert ids == want and 0 < len(want) < len(seed)
    assert claims(server, q="no such words anywhere")["total"] == 0


def _params(state) -> dict:
    """A fixture state (tests/js/fixtures/filters.json) as the page's fragment parameters."""
    out = {}
    for key, name in (("types", "type"), ("pols", "pol"), ("mods", "mod"), ("srcs", "src")):
        if key in state:
            out[name] = state[key] or ["~"]
    for key in ("from", "to", "time", "focus"):
        if key in state:
            out[key] = state[key]
    if state.get("undated") is False:
        out["undated"] = "0"
    if state.get("contested"):
        out["contested"] = "1"
    if "hops" in state:
        out["hops"] = str(state["hops"])
    return out


def test_the_filters_keep_what_the_page_and_python_keep():
    """Every question of the shared fixture (the page's filters against graph/filters.py and Dataset.view):
    the server keeps the same claims, in data order."""
    fixture = json.loads(FIXTURE.read_text(encoding="utf-8"))
    for d in fixture["datasets"]:
        ds = graph.load(ROOT / d["folder"])
        store = DatasetStore(ds)
        order = {r.id: i for i, r in enumerate(ds.relations())}
        for case in d["cases"]:
            q = parse(urlencode(_params(case["state"]), doseq=True) + "&limit=1000", api=True)
            got = [c["id"] for c in store.claims(q)["claims"]]
            assert got == sorted(case["python"], key=order.get), (d["folder"], case["state"])


def test_the_page_s_view_narrows_every_answer(seed, server):
    both = claims(server, actor="PAK", view="mod=reported&from=2021-01", limit=1000)
    want = {c["id"] for c in claims(server, actor="PAK", mod="reported", **{"from": "2021-01"}, limit=1000)["claims"]}
    assert {c["id"] for c in both["claims"]} == want and both["total"] == len(want) > 0
    assert claims(server, type="~", limit=0)["total"] == 0
    assert claims(server, limit=0)["total"] == len(seed)


def test_info(seed, server):
    status, _c, body = get(server, "/api/info")
    info = json.loads(body)
    assert status == 200 and info["claims"] == len(seed) and info["entities"] == len(seed.entities)
    assert info["backend"] == "dataset" and info["by"] == "year"


# ---------------------------------------------------------------- pages
def _page_data(html):
    return json.loads(re.search(r'<script type="application/json" id="ag-data">(.*?)</script>', html, re.S).group(1))


def test_pages_overview_aggregated_and_small_questions_drawn_in_full(seed, server):
    status, ctype, body = get(server, "/")
    assert status == 200 and ctype.startswith("text/html")
    html = body.decode("utf-8")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "connect-src &#39;self&#39;" in csp and "connect-src &#39;none&#39;" not in csp
    data = _page_data(html)
    assert data["aggregate"]["examples"] == 0 and all(row[6] == [] for row in data["aggregate"]["rows"])
    assert data["server"]["drawn"] == "aggregate" and data["server"]["view"] == "" and data["server"]["limit"] == 5
    assert len(data["aggregate"]["rows"]) == len(aggregate(seed, by="year"))
    # a small question: every claim drawn, in full
    data = _page_data(get(server, "/", {"actor": "CHN"})[2].decode("utf-8"))
    assert "aggregate" not in data and data["server"] == {**data["server"], "view": "actor=CHN", "drawn": "full"}
    chn = {r.id for r in seed.relations() if "CHN" in (r.subject, r.object)}
    assert {row[0] for row in data["relations"]["rows"]} == chn
    assert "the claims of China" in data["server"]["title"]


def test_a_rendered_page_fetches_nothing():
    """Outside the server the page keeps connect-src 'none' and holds no server block."""
    html = graph.render.render_html(graph.example(), aggregate="year")
    assert "connect-src 'none'" in html.replace("&#39;", "'") and '"server":' not in html


# ---------------------------------------------------------------- fuzzing the API
_KEYS = [
    "type",
    "pol",
    "mod",
    "src",
    "from",
    "to",
    "undated",
    "time",
    "contested",
    "focus",
    "hops",
    "actor",
    "subject",
    "object",
    "quad",
    "period",
    "by",
    "q",
    "offset",
    "limit",
    "view",
    "token",
    "x",
]
_VALUES = st.one_of(
    st.sampled_from(
        [
            "ACCUSE",
            "-1",
            "1",
            "0",
            "reported",
            "2021-08",
            "2024",
            "PAK",
            "TAL",
            "~",
            "all",
            "verbal conflict",
            "undated",
            "100",
            "1000",
            "1001",
            "",
            "made",
            "type=AID",
        ]
    ),
    st.text(max_size=12),
)


@pytest.mark.slow
@settings(
    max_examples=int(300 * float(os.environ.get("HYPOTHESIS_SCALE", "1"))),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.tuples(st.sampled_from(_KEYS), _VALUES), max_size=6))
def test_any_question_gets_an_answer_or_a_message(server, pairs):
    status, ctype, body = get(server, "/api/claims", [("token", server.token)] + pairs, token=False)
    if status == 403:  # a second token: refused before anything is read
        assert [v for k, v in pairs if k == "token"] and body.startswith(b"forbidden"), pairs
        return
    assert ctype.startswith("application/json"), (pairs, status, body[:200])
    ans = json.loads(body)
    if status == 200:
        assert len(ans["claims"]) <= min(ans["limit"], MAX_LIMIT) and ans["total"] >= len(ans["claims"])
    else:
        assert status == 400 and ans["error"] and "Traceback" not in ans["error"], (pairs, ans)


# ---------------------------------------------------------------- the command
def run_command(args, cwd, env=None, *, question, check):
    """``python -m graph serve ARGS`` in a fresh process: wait for its ``open:`` line, ask *question* of
    its API (``check(status, answer)``), then Ctrl-C it and check that it stops cleanly."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), **(env or {}))
    proc = subprocess.Popen(
        [sys.executable, "-m", "graph", "serve", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=cwd,
        # Ctrl-C as in a terminal, also when the suite runs as a background job (which ignores SIGINT)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        lines, deadline = [], time.monotonic() + 120
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            lines.append(line)
            if line.startswith("open: ") or not line:
                break
        m = re.fullmatch(r"open: http://127\.0\.0\.1:(\d+)/\?token=([\w-]{30,})\n", lines[-1])
        assert m, (lines, proc.stderr.read() if proc.poll() is not None else "")
        port, token = m.groups()
        conn = http.client.HTTPConnection("127.0.0.1", int(port), timeout=30)
        conn.request("GET", f"{question}&token={token}")
        res = conn.getresponse()
        check(res.status, json.loads(res.read()))
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
        assert proc.returncode == 0 and "stopped" in out and "Traceback" not in err, (out, err)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.mark.slow
def test_the_command_says_where_answers_and_stops_on_ctrl_c(tmp_path):
    def check(status, ans):
        assert status == 200 and ans["total"] == 17 and len(ans["claims"]) == 2

    run_command(
        [ROOT / "data", "--port", "0"],
        tmp_path,
        {"ACTORGRAPH_CACHE_DIR": str(tmp_path / "cache")},
        question="/api/claims?actor=PAK&limit=2",
        check=check,
    )


def test_the_command_refuses_a_path_with_db_and_a_bad_port():
    from click.testing import CliRunner

    from graph.cli import main

    r = CliRunner().invoke(main, ["serve", "data", "--db", "falkordb://127.0.0.1:1/x"])
    assert r.exit_code == 2 and "give no data PATH" in r.output
    r = CliRunner().invoke(main, ["serve", "data", "--port", "70000"])
    assert r.exit_code == 2
    r = CliRunner().invoke(main, ["serve", "no-such-folder"])
    assert r.exit_code != 0 and "Traceback" not in r.output


def test_counts_of_a_group_question_by_hand():
    """Two groups by hand: the claims of one edge, each period apart, with the filters on top."""
    from tests.test_aggregate import small

    ds = small()
    store = DatasetStore(ds)
    vc = parse("subject=A&object=B&quad=verbal%20conflict&period=2024&limit=10", api=True)
    assert [c["id"] for c in store.claims(vc)["claims"]] == ["r1", "r2", "r4"]
    vc = parse("subject=A&object=B&quad=verbal%20conflict&period=2024&mod=claimed", api=True)
    assert [c["id"] for c in store.claims(vc)["claims"]] == ["r2"]
    und = parse("subject=A&object=B&quad=verbal%20conflict&period=undated", api=True)
    assert [c["id"] for c in store.claims(und)["claims"]] == ["r6", "r7"]
    month = parse("subject=A&object=B&quad=verbal%20conflict&period=2024-03&by=month", api=True)
    assert [c["id"] for c in store.claims(month)["claims"]] == ["r1", "r2"]
    contested = store.claims(parse("contested=1&limit=100", api=True))["claims"]
    assert [c["id"] for c in contested] == ["r11", "r12"]  # C ASSAULT B: denied (r11) and reported (r12)
