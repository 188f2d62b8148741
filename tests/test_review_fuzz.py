"""Property-based tests (hypothesis) of the review server's API, from the outside (raw HTTP).

Requests of every kind -- methods, paths, the token, Host and Origin right or wrong, any
Content-Type and Content-Length, and bodies from plausible save payloads (the draft's own
records with arbitrary statuses and fields) to arbitrary JSON, bytes that are not UTF-8, NaN,
huge numbers and nesting -- each get a whole HTTP response with a status the API documents
(never a 5xx, never a dropped connection); the server keeps serving; requests it refuses
change no file; and after every request the data folder validates.

Found so far (issue 22, item 7, the review server's own, fixed on branch h21): a body nested
deeper than Python's JSON reader goes (1,000 levels) gets no response -- the last test, marked
as a strict expected failure until that fix is merged.
"""

from __future__ import annotations

import json
import os
import shutil
import socket

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graph
from graph.cli import main
from graph.review import serve
from tests.conftest import ROOT
from tests.seed import copy_seed

pytestmark = pytest.mark.slow

SCALE = float(os.environ.get("HYPOTHESIS_SCALE", "1"))
EXAMPLES = 150
HANG = 120  # seconds: only against a server that never answers
STATUSES = {200, 400, 403, 404, 405, 413, 415}


@pytest.fixture(scope="module")
def review(tmp_path_factory):
    work = tmp_path_factory.mktemp("review")
    copy_seed(work / "data")
    shutil.copy(ROOT / "tests" / "draft" / "ministries.txt", work / "data" / "texts" / "ministries.txt")
    old = os.getcwd()
    os.chdir(work)
    try:
        r = CliRunner().invoke(main, ["draft", "data/texts/ministries.txt"])
        assert r.exit_code == 0, r.output
        srv = serve(work / "drafts" / "ministries.yaml")
    finally:
        os.chdir(old)
    srv.start()
    yield Review(srv, work, srv.session.state())
    srv.shutdown()
    srv.server_close()


class Review:
    """The server, its working folder and the draft's state (shown short in hypothesis's reports)."""

    def __init__(self, srv, work, state):
        self.srv, self.work, self.state = srv, work, state

    def __repr__(self):
        return f"<review server on port {self.srv.port}>"


def raw_request(port, method, target, headers, body):
    """Send one request as bytes; the status code and body of the whole response (``None``: no response)."""
    head = f"{method} {target} HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=HANG) as s:
        s.sendall(head.encode("latin-1", "replace") + body)
        chunks = []
        while True:
            try:
                got = s.recv(65536)
            except ConnectionResetError:
                break
            if not got:
                break
            chunks.append(got)
    data = b"".join(chunks)
    if not data.startswith(b"HTTP/"):
        return None, data
    return int(data.split(b" ", 2)[1]), data.split(b"\r\n\r\n", 1)[-1]


JSON = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=8)),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)),
    max_leaves=8,
)
FIELD_VALUES = st.one_of(
    JSON,
    st.sampled_from(
        [
            "accepted",
            "rejected",
            "pending",
            "saved",
            "PAK",
            "CONSULT",
            "reported",
            "\x1b[2J",
            "../../etc",
            "<script>",
            "9" * 400,
        ]
    ),
)


@st.composite
def payloads(draw, state):
    """A save payload made from the draft's own records, some fields changed or added."""
    out = {}
    for key in ("relations", "entities"):
        items = []
        for rec in draw(st.lists(st.sampled_from(state[key] or [{"id": "x"}]), max_size=4)):
            rec = dict(rec)
            rec["status"] = draw(st.sampled_from(["accepted", "rejected", "pending", "saved", "maybe", None]))
            for field in draw(
                st.lists(
                    st.sampled_from(
                        [
                            "id",
                            "subject",
                            "object",
                            "type",
                            "modality",
                            "name",
                            "kind",
                            "evidence",
                            "when",
                            "polarity",
                            "aliases",
                            "extra",
                        ]
                    ),
                    max_size=2,
                )
            ):
                rec[field] = draw(FIELD_VALUES)
            items.append(rec)
        out[key] = items
    if draw(st.integers(0, 9)) == 0:
        out.pop(draw(st.sampled_from(["relations", "entities"])))
    return out


@st.composite
def bodies(draw, state):
    kind = draw(st.sampled_from(["payload"] * 5 + ["json", "nested", "nan", "bytes", "empty"]))
    if kind == "payload":
        return json.dumps(draw(payloads(state))).encode()
    if kind == "json":
        return json.dumps(draw(JSON)).encode()
    if kind == "nested":  # (deeper than Python's JSON reader goes: see the test after the fuzzers)
        n = draw(st.sampled_from([10, 100, 500]))
        return (
            (b"[" * n + b"]" * n)
            if draw(st.booleans())
            else (b'{"relations": ' + b"[" * n + b"]" * n + b', "entities": []}')
        )
    if kind == "nan":
        return b'{"relations": [{"id": "r", "status": "accepted", "polarity": NaN}], "entities": []}'
    if kind == "bytes":
        return draw(st.binary(max_size=64))
    return b""


@st.composite
def saves(draw, srv, state):
    """A save as the page sends it (the token, Host, JSON, its length), with any body."""
    body = draw(bodies(state))
    headers = {
        "Host": f"127.0.0.1:{srv.port}",
        "Content-Type": "application/json",
        "Content-Length": str(len(body)),
        "Connection": "close",
    }
    if draw(st.booleans()):
        headers["Origin"] = f"http://127.0.0.1:{srv.port}"
    return "POST", f"/api/save?token={srv.token}", headers, body, True


@st.composite
def requests(draw, srv, state):
    method = draw(st.sampled_from(["POST"] * 6 + ["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH"]))
    path = draw(
        st.sampled_from(
            ["/api/save"] * 6
            + ["/", "/api/state", "/review.js", "/../data/seed/entities.yaml", "/api/save/../state", "/%00", "/api/sav"]
        )
    )
    token = draw(st.sampled_from([srv.token] * 8 + ["", "wrong", srv.token + "x"]))
    target = path + (f"?token={token}" if token else "")
    host = draw(st.sampled_from([f"127.0.0.1:{srv.port}"] * 8 + ["evil.example", f"localhost.evil:{srv.port}", None]))
    origin = draw(st.sampled_from([None] * 6 + [f"http://127.0.0.1:{srv.port}", "http://evil.example", "null"]))
    body = draw(bodies(state))
    headers = {}
    if host is not None:
        headers["Host"] = host
    if origin is not None:
        headers["Origin"] = origin
    headers["Content-Type"] = draw(st.sampled_from(["application/json"] * 6 + ["text/plain", "application/json; x"]))
    length = draw(st.sampled_from(["right"] * 6 + ["none", "short", "-1", "huge", "text"]))
    if length == "right":
        headers["Content-Length"] = str(len(body))
    elif length == "short":
        headers["Content-Length"] = str(max(0, len(body) // 2))
    elif length != "none":
        headers["Content-Length"] = {"-1": "-1", "huge": str(10**12), "text": "ten"}[length]
    headers["Connection"] = "close"
    return method, target, headers, body, token == srv.token and host == f"127.0.0.1:{srv.port}"


def _files(work):
    return {str(p.relative_to(work)): p.read_bytes() for p in sorted(work.rglob("*")) if p.is_file()}


CONF = settings(
    max_examples=max(1, int(EXAMPLES * SCALE)),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)


@CONF
@given(data=st.data())
def test_every_request_gets_a_documented_answer_and_the_data_stays_valid(review, data):
    _exchange(review, data.draw(requests(review.srv, review.state)))


@CONF
@given(data=st.data())
def test_every_save_body_gets_a_documented_answer_and_the_data_stays_valid(review, data):
    _exchange(review, data.draw(saves(review.srv, review.state)))


def _exchange(review, request):
    srv, work = review.srv, review.work
    method, target, headers, body, allowed = request
    before = _files(work)
    status, answer = raw_request(srv.port, method, target, headers, body)
    assert status is not None, f"no HTTP response to {method} {target} ({len(body)} bytes): {answer[:200]!r}"
    if method == "OPTIONS":  # a method the server does not implement (http.server answers it alone)
        assert status == 501 and _files(work) == before
    else:
        assert status in STATUSES, (status, answer[:300])
    if not allowed and method != "OPTIONS":
        assert status == 403 and _files(work) == before
    if status != 200 or method != "POST":
        assert _files(work) == before, "a refused request changed a file"
    alive, _ = raw_request(
        srv.port, "GET", f"/api/state?token={srv.token}", {"Host": f"127.0.0.1:{srv.port}", "Connection": "close"}, b""
    )
    assert alive == 200
    assert graph.check(work / "data", cache=False)[1] == []


@pytest.mark.parametrize("n", [100_000])  # (about 1,000 levels fail or not by the depth of the stack already)
def test_a_body_nested_deeper_than_json_reads_gets_an_answer(review, n):
    body = b'{"relations": ' + b"[" * n + b"]" * n + b', "entities": []}'
    headers = {
        "Host": f"127.0.0.1:{review.srv.port}",
        "Content-Type": "application/json",
        "Content-Length": str(len(body)),
        "Connection": "close",
    }
    _exchange(review, ("POST", f"/api/save?token={review.srv.token}", headers, body, True))


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("subject", [], "'subject' must be text"),
        ("object", {"id": "USA"}, "'object' must be text"),
        ("type", 7, "'type' must be text"),
        ("asserted_by", ["CHN", ["USA"]], "'asserted_by' must be an entity id or a list of them"),
    ],
)
def test_a_field_of_the_wrong_type_gets_a_400_that_names_it(review, field, value, message):
    """Found by the fuzzer above: a list as a claim's subject made the save answer 500 (TypeError)."""
    rel = dict(next(r for r in review.state["relations"] if r.get("status") != "saved"))
    rel.update({field: value, "status": "accepted"})
    body = json.dumps({"relations": [rel], "entities": []}).encode()
    headers = {
        "Host": f"127.0.0.1:{review.srv.port}",
        "Content-Type": "application/json",
        "Content-Length": str(len(body)),
        "Connection": "close",
    }
    before = _files(review.work)
    status, answer = raw_request(review.srv.port, "POST", f"/api/save?token={review.srv.token}", headers, body)
    assert status == 400 and message in answer.decode(), (status, answer[:300])
    assert _files(review.work) == before
