"""What every local server of actorgraph shares (``review``, ``serve``): 127.0.0.1 only, a random token on
every request, the Host checked, safe headers on every answer.

A :class:`LocalServer` listens on 127.0.0.1 (port 0: a free one) and makes a token; its handler
(a :class:`LocalHandler`) refuses with 403, before reading anything else, a request whose ``Host`` is
not ``127.0.0.1:PORT`` or ``localhost:PORT`` (no DNS rebinding) or whose URL does not carry the token
once (``?token=...``, compared in constant time).

>>> class Hello(LocalHandler):
...     def do_GET(self):
...         if self.allowed():
...             self.send(200, b"hello")
>>> import urllib.request
>>> s = LocalServer(Hello)
>>> _ = s.start()
>>> urllib.request.urlopen(s.url).read()
b'hello'
>>> s.shutdown(); s.server_close()
"""

from __future__ import annotations

import hmac
import secrets
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

__all__ = ["LocalServer", "LocalHandler"]


class LocalServer(ThreadingHTTPServer):
    """A threading HTTP server on 127.0.0.1 with a random ``token``; ``url`` is its page with the token."""

    daemon_threads = True
    allow_reuse_address = False

    def __init__(self, handler, port=0):
        self.token = secrets.token_urlsafe(24)
        super().__init__(("127.0.0.1", port), handler)
        self.port = self.server_address[1]
        self.hosts = {f"127.0.0.1:{self.port}", f"localhost:{self.port}"}
        self.origins = {f"http://{h}" for h in self.hosts}

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/?token={self.token}"

    def start(self) -> threading.Thread:
        """Serve in a background thread (for tests and notebooks); ``shutdown()`` stops it."""
        t = threading.Thread(target=self.serve_forever, name=f"actorgraph-{type(self).__name__}", daemon=True)
        t.start()
        return t


class LocalHandler(BaseHTTPRequestHandler):
    """A handler with :meth:`allowed` (the Host and token checks) and :meth:`send` (safe headers)."""

    server: LocalServer
    server_version = "actorgraph"
    sys_version = ""
    #: the Content-Security-Policy header of answers that do not give their own
    csp = "default-src 'none'; frame-ancestors 'none'"

    def log_message(self, format, *args):  # noqa: A002 - quiet: the terminal shows the URL only
        pass

    def send(self, code, body: bytes, ctype="text/plain; charset=utf-8", csp=...):
        """Answer *code* with *body*; *csp* None: no CSP header (a page that carries its own)."""
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        csp = self.csp if csp is ... else csp
        if csp:
            self.send_header("Content-Security-Policy", csp)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Frame-Options", "DENY")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def allowed(self) -> bool:
        """Is the request for this server (Host) and does it show the token, once? Else answer 403."""
        if self.headers.get("Host", "") not in self.server.hosts:
            self.send(403, b"forbidden: this server answers only to 127.0.0.1 and localhost\n")
            return False
        try:
            given = [
                v
                for k, v in parse_qsl(urlsplit(self.path).query, keep_blank_values=True, max_num_fields=400)
                if k == "token"
            ]
        except ValueError:
            given = []
        if len(given) != 1 or not hmac.compare_digest(given[0].encode(), self.server.token.encode()):
            self.send(403, b"forbidden: the URL's token is missing or wrong; use the URL the command printed\n")
            return False
        return True
