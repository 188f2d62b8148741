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

import json
import sys
from urllib.parse import urlsplit

from ..errors import ActorgraphError, BadRequest, TooLong
from ..localhttp import LocalHandler, LocalServer
from .question import parse

__all__ = ["ExploreServer"]


class ExploreServer(LocalServer):
    """The server of one store on 127.0.0.1 (*port* 0: a free one); ``url`` is the page with its token."""

    def __init__(self, store, port=0):
        self.store = store
        super().__init__(_Handler, port)


class _Handler(LocalHandler):
    server: ExploreServer
    server_version = "actorgraph-serve"
    protocol_version = "HTTP/1.0"

    def _json(self, code, value):
        self.send(code, json.dumps(value, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    def do_GET(self):  # noqa: N802
        if not self.allowed():
            return
        url = urlsplit(self.path)
        store = self.server.store
        try:
            if url.path == "/":
                # the page's own CSP (in the page: its scripts by hash, connect-src 'self') applies
                self.send(200, store.page(parse(url.query)).encode("utf-8"), "text/html; charset=utf-8", csp=None)
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
        except ActorgraphError as exc:  # the database could not answer, an unknown name...
            self._problem(400 if isinstance(exc, (KeyError, ValueError)) else 502, str(exc), url.path)
        except Exception as exc:  # noqa: BLE001 - the page is told; the server goes on
            print(f"actorgraph serve: {self.path[:200]}: {type(exc).__name__}: {exc}", file=sys.stderr)
            self._problem(500, f"the server could not answer ({type(exc).__name__}: {exc})", url.path)

    def _problem(self, code, message, path):
        if path.startswith("/api/"):
            self._json(code, {"error": message})
        else:
            self.send(code, (message + "\n").encode("utf-8"))

    def do_HEAD(self):  # noqa: N802
        self.do_GET()

    def _refuse(self):
        if self.allowed():
            self._json(405, {"error": "this server only reads: GET and HEAD"})

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _refuse
