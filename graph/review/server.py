"""The review server: a local HTTP server for one review session, on 127.0.0.1 only.

Every request must carry the session's random token (``?token=...``, compared in
constant time) and a ``Host`` header naming this server (``127.0.0.1:PORT`` or
``localhost:PORT``), which defeats DNS rebinding; a POST must also come from the
page's own origin. Anything else gets 403 and nothing is done. The page is static
(``static/``), offline, under a strict Content-Security-Policy (no inline script,
nothing from elsewhere); it gets its data from ``/api/state``, keeps each decision in
the draft with ``POST /api/decisions`` and saves with ``POST /api/save``. Every request
gets an answer: a body that is not JSON, nested too deeply or too large gets 400/413, a
page that is behind the draft or a save while another runs 409, with the reason.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import ActorgraphError, Conflict, ReviewError
from ..localhttp import LocalHandler, LocalServer
from .session import ReviewSession

__all__ = ["ReviewServer", "serve", "CSP"]

STATIC = Path(__file__).with_name("static")
MAX_BODY = 4_000_000
MAX_DEPTH = 32  # a draft's JSON is 5 levels deep; a request nested deeper is refused
_TOO_DEEP = object()
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
_FILES = {
    f"/static/{name}": (name, "text/javascript; charset=utf-8")
    for name in ("review.js", "review-claim.js", "review-entities.js")
}
_FILES["/static/review.css"] = ("review.css", "text/css; charset=utf-8")


class ReviewServer(LocalServer):
    """The server of one :class:`ReviewSession`; ``url`` is the page with its token."""

    def __init__(self, session: ReviewSession, port: int = 0):
        self.session = session
        super().__init__(_Handler, port)


class _Handler(LocalHandler):
    server: ReviewServer
    server_version = "actorgraph-review"
    csp = CSP

    def _json(self, code, value):
        self.send(code, json.dumps(value, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    def do_GET(self):  # noqa: N802
        if not self.allowed():
            return
        path = urlsplit(self.path).path
        if path == "/":
            html = (STATIC / "review.html").read_text(encoding="utf-8").replace("__TOKEN__", self.server.token)
            self.send(200, html.encode("utf-8"), "text/html; charset=utf-8")
        elif path in _FILES:
            name, ctype = _FILES[path]
            self.send(200, (STATIC / name).read_bytes(), ctype)
        elif path == "/api/state":
            self._answer(self.server.session.state)
        else:
            self.send(404, b"not found\n")

    def _answer(self, fn, *args):
        """Send what *fn* returns, or the reason it could not be done (never no answer)."""
        try:
            result = fn(*args)
        except Conflict as exc:
            self._json(409, {"ok": False, "problems": [str(exc)]})
        except ReviewError as exc:
            self._json(400, {"ok": False, "problems": [str(exc)]})
        except ActorgraphError as exc:  # an output file that cannot be written
            self._json(500, {"ok": False, "problems": [str(exc)]})
        except Exception as exc:  # noqa: BLE001 - the page is told; the server goes on
            self._json(
                500,
                {
                    "ok": False,
                    "problems": [f"the server could not do this ({type(exc).__name__}: {exc}); nothing was written"],
                },
            )
        else:
            self._json(200, result)

    def do_POST(self):  # noqa: N802
        if not self.allowed():
            return
        origin = self.headers.get("Origin")
        if origin is not None and origin not in self.server.origins:
            self.send(403, b"forbidden: a request from another origin\n")
            return
        action = {"/api/save": self.server.session.save, "/api/decisions": self.server.session.decide}.get(
            urlsplit(self.path).path
        )
        if action is None:
            self.send(404, b"not found\n")
            return
        if not (self.headers.get("Content-Type") or "").startswith("application/json"):
            self._json(415, {"ok": False, "problems": ["the request must be JSON"]})
            return
        try:
            n = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            n = -1
        if n < 0 or n > MAX_BODY:
            self._json(413, {"ok": False, "problems": [f"the request must be 0..{MAX_BODY} bytes"]})
            return
        try:
            payload = json.loads(self.rfile.read(n).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            self._json(400, {"ok": False, "problems": [f"the request is not valid JSON: {exc}"]})
            return
        except RecursionError:
            payload = _TOO_DEEP
        if payload is _TOO_DEEP or _depth(payload) > MAX_DEPTH:
            self._json(400, {"ok": False, "problems": [f"the request is nested more than {MAX_DEPTH} levels deep"]})
            return
        self._answer(action, payload)

    def do_HEAD(self):  # noqa: N802
        self.do_GET()

    def _refuse(self):
        if self.allowed():
            self.send(405, b"method not allowed\n")

    do_PUT = do_DELETE = do_PATCH = _refuse


def _depth(value) -> int:
    """How deeply lists and objects nest in *value* (counted without recursion)."""
    deepest, todo = 0, [(value, 1)]
    while todo:
        v, d = todo.pop()
        if isinstance(v, (dict, list)):
            deepest = max(deepest, d)
            if d <= MAX_DEPTH:
                todo.extend((x, d + 1) for x in (v.values() if isinstance(v, dict) else v))
    return deepest


def serve(draft_path, *, into=None, port=0) -> ReviewServer:
    """A :class:`ReviewServer` for the draft at *draft_path* (not yet serving: call
    ``serve_forever()``, or ``start()`` for a background thread)."""
    session = ReviewSession(draft_path, into=into)
    try:
        return ReviewServer(session, port)
    except OSError as exc:
        raise ReviewError(f"cannot listen on 127.0.0.1:{port}: {exc.strerror or exc}", 1) from None
