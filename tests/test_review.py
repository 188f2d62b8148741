"""The review server: token, Host and Origin checks, what a save writes (and only that)."""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import graph
from graph.cli import main
from graph.draft.output import read_draft
from graph.review import CSP, ReviewError, ReviewSession, serve

from tests.conftest import DATA, ROOT

TEXT = ROOT / "tests" / "draft" / "ministries.txt"


@pytest.fixture
def work(tmp_path, monkeypatch):
    """A copy of data/ with the constructed text, and its draft in drafts/."""
    shutil.copytree(DATA, tmp_path / "data")
    shutil.copy(TEXT, tmp_path / "data" / "texts" / "ministries.txt")
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["draft", "data/texts/ministries.txt"])
    assert r.exit_code == 0, r.output
    return tmp_path


@pytest.fixture
def server(work):
    srv = serve(work / "drafts" / "ministries.yaml")
    srv.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def request(srv, method, path, body=None, host=None, token=True, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=10)
    sep = "&" if "?" in path else "?"
    url = path + (f"{sep}token={srv.token}" if token is True else (f"{sep}token={token}" if token else ""))
    h = {"Host": host or f"127.0.0.1:{srv.port}"}
    if body is not None:
        body = json.dumps(body).encode() if not isinstance(body, bytes) else body
        h["Content-Type"] = "application/json"
    h.update(headers or {})
    conn.request(method, url, body=body, headers=h)
    r = conn.getresponse()
    data = r.read()
    conn.close()
    return r, data


def snapshot(root):
    out = {}
    for dirpath, _, files in os.walk(root):
        for f in files:
            p = os.path.join(dirpath, f)
            out[os.path.relpath(p, root)] = hashlib.sha256(Path(p).read_bytes()).hexdigest()
    return out


def test_bound_to_localhost_with_a_token(server):
    assert server.server_address[0] == "127.0.0.1"
    assert len(server.token) >= 24 and server.url.endswith(server.token)
    r, body = request(server, "GET", "/")
    assert r.status == 200 and server.token.encode() in body
    assert r.getheader("Content-Security-Policy") == CSP and "script-src 'self'" in CSP
    assert b"<script>" not in body          # no inline script
    for path in ("/", "/static/review.js", "/static/review.css", "/api/state"):
        assert request(server, "GET", path)[0].status == 200
        r, body = request(server, "GET", path, token=None)
        assert r.status == 403 and b"token" in body
        assert request(server, "GET", path, token="x" * 32)[0].status == 403


@pytest.mark.parametrize("host", ["evil.example:{port}", "127.0.0.1:1", "localhost", "[::1]:{port}"])
def test_other_hosts_are_refused(server, work, host):
    before = snapshot(work)
    r, body = request(server, "GET", "/api/state", host=host.format(port=server.port))
    assert r.status == 403 and b"127.0.0.1 and localhost" in body
    r, _ = request(server, "POST", "/api/save", {"relations": [], "entities": []}, host=host.format(port=server.port))
    assert r.status == 403
    assert snapshot(work) == before
    assert request(server, "GET", "/api/state", host=f"localhost:{server.port}")[0].status == 200


def test_state_is_the_draft(server):
    state = json.loads(request(server, "GET", "/api/state")[1])
    assert state["source"] == "ministries" and state["text"] == TEXT.read_text(encoding="utf-8")
    assert state["relations"] and all(r["status"] == "draft" for r in state["relations"])
    assert "PAK" in {e["id"] for e in state["known"]} and "ACCUSE" in state["vocab"]["types"]


def test_save_writes_the_accepted_claims_and_keeps_the_rejected(server, work):
    state = json.loads(request(server, "GET", "/api/state")[1])
    rels, ents = state["relations"], state["entities"]
    rels[0]["status"] = "accepted"
    rels[0]["type"], rels[0]["mode"] = "PROTEST", None       # edited
    rels[1]["status"] = "rejected"
    person = next(e for e in ents if e["name"] == "Lena Markova")
    person.update(status="accepted", kind="person")
    before = snapshot(work)
    r, body = request(server, "POST", "/api/save", {"relations": rels, "entities": ents})
    result = json.loads(body)
    assert r.status == 200 and result["ok"], result
    assert (result["relations"], result["entities"], result["rejected"]) == (1, 1, 1)
    after = snapshot(work)
    changed = {k for k in after if before.get(k) != after[k]}
    assert changed == {"data/ministries.yaml", "drafts/ministries.yaml"}     # nothing else is written
    target = (work / "data" / "ministries.yaml").read_text(encoding="utf-8")
    assert "status" not in target and "confidence" not in target and "cue" not in target
    ds = graph.load(work / "data")                                           # the whole folder validates
    saved = ds.relation(rels[0]["id"])
    assert (saved.subject, saved.type, saved.object) == (rels[0]["subject"], "PROTEST", rels[0]["object"])
    assert ds.entity("LENA-MARKOVA").kind == "person" and ds.source("ministries").text == "texts/ministries.txt"
    draft = read_draft((work / "drafts" / "ministries.yaml").read_text(encoding="utf-8"), "d")
    statuses = {r["id"]: r["status"] for r in draft["relations"]}
    assert statuses[rels[0]["id"]] == "saved" and statuses[rels[1]["id"]] == "rejected"
    assert list(statuses.values()).count("draft") == len(rels) - 2
    # saving again does not write the same claim twice
    r, body = request(server, "POST", "/api/save", {"relations": rels, "entities": ents})
    assert json.loads(body)["relations"] == 0
    assert len(graph.load(work / "data").relations(source="ministries")) == 1


def test_an_invalid_save_shows_the_problems_and_writes_nothing(server, work):
    state = json.loads(request(server, "GET", "/api/state")[1])
    rels = state["relations"]
    rels[0].update(status="accepted", subject="NOPE")
    rels[1].update(status="accepted")
    rels[1]["evidence"] = [{"source": "ministries", "quote": "words that are not in the text"}]
    before = snapshot(work)
    r, body = request(server, "POST", "/api/save", {"relations": rels, "entities": state["entities"]})
    result = json.loads(body)
    assert r.status == 200 and result["ok"] is False
    text = "\n".join(result["problems"])
    assert "unknown entity 'NOPE'" in text and "quote is not verbatim" in text
    assert "actorgraph-review-" not in text                                   # paths of the real data
    assert snapshot(work) == before


@pytest.mark.parametrize("body, ctype, code", [
    (b"{not json", "application/json", 400),
    (b'{"relations": [{"id": "x", "status": "maybe"}], "entities": []}', "application/json", 400),
    (b'{"relations": [{"id": "x", "status": "draft", "evil": 1}], "entities": []}', "application/json", 400),
    (b'{"relations": []}', "text/plain", 415),
])
def test_bad_requests(server, work, body, ctype, code):
    before = snapshot(work)
    r, _ = request(server, "POST", "/api/save", body, headers={"Content-Type": ctype})
    assert r.status == code
    assert snapshot(work) == before


def test_cross_origin_post_is_refused(server, work):
    before = snapshot(work)
    r, _ = request(server, "POST", "/api/save", {"relations": [], "entities": []},
                   headers={"Origin": "http://evil.example"})
    assert r.status == 403 and snapshot(work) == before
    assert request(server, "POST", "/api/save", {"relations": [], "entities": []},
                   headers={"Origin": f"http://localhost:{server.port}"})[0].status == 200


def test_unknown_paths_and_methods(server):
    assert request(server, "GET", "/etc/passwd")[0].status == 404
    assert request(server, "GET", "/static/../session.py")[0].status == 404
    assert request(server, "DELETE", "/api/save")[0].status == 405
    assert request(server, "DELETE", "/api/save", token=None)[0].status == 403


def test_bad_drafts_and_targets(work):
    bad = work / "drafts" / "broken.yaml"
    bad.write_text("draft: {text: [unclosed\n", encoding="utf-8")
    with pytest.raises(ReviewError, match="not a valid draft file"):
        ReviewSession(bad)
    r = CliRunner().invoke(main, ["review", str(bad), "--no-open"])
    assert r.exit_code == 1 and "error:" in r.output and "Traceback" not in r.output
    r = CliRunner().invoke(main, ["review", "drafts/ministries.yaml", "--into", "elsewhere.yaml", "--no-open"])
    assert r.exit_code == 2 and "inside the data folder" in r.output
    r = CliRunner().invoke(main, ["review", "drafts/missing.yaml", "--no-open"])
    assert r.exit_code == 1 and "cannot read the draft" in r.output
    shutil.copy(work / "drafts" / "ministries.yaml", work / "data" / "d.yaml")
    with pytest.raises(ReviewError, match="inside the data folder"):
        ReviewSession(work / "data" / "d.yaml")


def test_drafting_again_keeps_the_decisions(server, work):
    state = json.loads(request(server, "GET", "/api/state")[1])
    rels = state["relations"]
    rels[0]["status"] = "rejected"
    assert json.loads(request(server, "POST", "/api/save", {"relations": rels, "entities": []})[1])["ok"]
    r = CliRunner().invoke(main, ["draft", "data/texts/ministries.txt"])
    assert r.exit_code == 0 and "kept 1 decisions" in r.output
    draft = read_draft((work / "drafts" / "ministries.yaml").read_text(encoding="utf-8"), "d")
    assert [x["status"] for x in draft["relations"]].count("rejected") == 1
    (work / "drafts" / "ministries.yaml").write_text("draft: [broken\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["draft", "data/texts/ministries.txt"])
    assert r.exit_code == 1 and "not a readable draft" in r.output
    assert (work / "drafts" / "ministries.yaml").read_text(encoding="utf-8") == "draft: [broken\n"


def test_the_command_serves_until_ctrl_c(work):
    import signal
    import subprocess
    import sys

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    # (a suite started in the background has Ctrl-C ignored, and the child would inherit that)
    proc = subprocess.Popen([sys.executable, "-m", "graph", "review", "drafts/ministries.yaml", "--no-open"],
                            cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        lines = [proc.stdout.readline() for _ in range(3)]
        url = lines[1].split("open: ", 1)[1].strip()
        assert url.startswith("http://127.0.0.1:") and "?token=" in url
        port = int(url.split(":")[2].split("/")[0])
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/api/state?" + url.split("?", 1)[1])
        assert conn.getresponse().status == 200
        conn.close()
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0 and "stopped" in out and "Traceback" not in err
