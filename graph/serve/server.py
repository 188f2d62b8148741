"""The HTTP side of ``actorgraph serve``: a read-only local server (the standard library's threading server).

Every request must carry the server's random token (``?token=...``, compared in constant time) and a
``Host`` header naming this server (``127.0.0.1:PORT`` or ``localhost:PORT``: no DNS rebinding);
anything else gets 403 and nothing is read. Only GET and HEAD are served:

* ``/`` the page of a question (:func:`graph.serve.question.parse`; no parameters: the overview), made
  by the store (:class:`~graph.serve.dataset.DatasetStore` or :class:`~graph.serve.database.DatabaseStore`);
* ``/api/claims`` a page of the claims a question keeps, ``{"total", "offset", "limit", "claims"}``;
* ``/api/info`` what is served (counts, settings).

A question the server cannot answer as asked gets 400 and a message (``{"error": ...}``), one that
takes longer than the store allows 503; every answer holds at most
:data:`~graph.serve.question.MAX_LIMIT` claims. Nothing a request does can change the data.
"""

from __future__ import annotations

import hmac
import json
import secrets
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from ..errors import ActorgraphError
from .claims import TooLong
from .question import BadRequest, parse

__all__ = ["ExploreServer", "API_CSP"]

#: the API's answers are data, never a document
API_CSP = "default-src 'none'; frame-ancestors 'none'"


class ExploreServer(ThreadingHTTPServer):
    """The server of one store on 127.0.0.1 (*port* 0: a free one); ``url`` is the page with its token."""

    daemon_threads = True
    allow_reuse_address = False

    def __init__(self, store, port=0):
        self.store = store
        self.token = secrets.token_urlsafe(24)
        super().__init__(("127.0.0.1", port), _Handler)
        self.port = self.server_address[1]
        self.hosts = {f"127.0.0.1:{self.port}", f"localhost:{self.port}"}

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/?token={self.token}"

    def start(self) -> threading.Thread:
        """Serve in a background thread; ``shutdown()`` stops it."""
        t = threading.Thread(target=self.serve_forever, name="actorgraph-serve", daemon=True)
        t.start()
        return t


class _Handler(BaseHTTPRequestHandler):
    server: ExploreServer
    server_version = "actorgraph-serve"
    sys_version = ""
    protocol_version = "HTTP/1.0"

    def log_message(self, format, *args):  # noqa: A002 - quiet: the terminal shows the URL only
        pass

    def _send(self, code, body: bytes, ctype="text/plain; charset=utf-8", csp=API_CSP):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if csp:
            self.send_header("Content-Security-Policy", csp)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Frame-Options", "DENY")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, code, value):
        self._send(code, json.dumps(value, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    def _allowed(self) -> bool:
        if self.headers.get("Host", "") not in self.server.hosts:
            self._send(403, b"forbidden: this server answers only to 127.0.0.1 and localhost\n")
            return False
        query = urlsplit(self.path).query
        given = [v for k, v in _pairs(query) if k == "token"]
        if len(given) != 1 or not hmac.compare_digest(given[0].encode(), self.server.token.encode()):
            self._send(403, b"forbidden: the URL's token is missing or wrong; use the URL the command printed\n")
            return False
        return True

    def do_GET(self):  # noqa: N802
        if not self._allowed():
            return
        url = urlsplit(self.path)
        store = self.server.store
        try:
            if url.path == "/":
                # the page's own CSP (in the page: its scripts by hash, connect-src 'self') applies
                self._send(200, store.page(parse(url.query)).encode("utf-8"), "text/html; charset=utf-8", csp=None)
            elif url.path == "/api/claims":
                self._json(200, store.claims(parse(url.query, api=True)))
            elif url.path == "/api/info":
                self._json(200, store.info())
            else:
                self._json(404, {"error": f"not found: {url.path[:80]}; the API has /api/claims and /api/info"})
        except BadRequest as exc:
            self._problem(400, str(exc), url.path)
        except TooLong as exc:
            self._problem(503, str(exc), url.path)
        except ActorgraphError as exc:   # the database could not answer, an unknown name...
            self._problem(400 if isinstance(exc, (KeyError, ValueError)) else 502, str(exc), url.path)
        except Exception as exc:  # noqa: BLE001 - the page is told; the server goes on
            print(f"actorgraph serve: {self.path[:200]}: {type(exc).__name__}: {exc}", file=sys.stderr)
            self._problem(500, f"the server could not answer ({type(exc).__name__}: {exc})", url.path)

    def _problem(self, code, message, path):
        if path.startswith("/api/"):
            self._json(code, {"error": message})
        else:
            self._send(code, (message + "\n").encode("utf-8"))

    def do_HEAD(self):  # noqa: N802
        self.do_GET()

    def _refuse(self):
        if self._allowed():
            self._json(405, {"error": "this server only reads: GET and HEAD"})

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _refuse


def _pairs(query):
    from urllib.parse import parse_qsl
    try:
        return parse_qsl(query, keep_blank_values=True, max_num_fields=400)
    except ValueError:
        return []
