"""Parse the database URLs: ``falkordb://[:PASSWORD@]HOST[:PORT][/GRAPH]`` and ``bolt://`` / ``neo4j://``.

The password comes from the URL, else from the ``ACTORGRAPH_DB_PASSWORD``
environment variable; it is never shown (:meth:`DbUrl.shown` masks it).

>>> u = parse_url("falkordb://:s3cret@127.0.0.1:6380/claims")
>>> u.backend, u.host, u.port, u.graph, u.password
('falkordb', '127.0.0.1', 6380, 'claims', 's3cret')
>>> u.shown()
'falkordb://127.0.0.1:6380/claims'
>>> b = parse_url("bolt://neo4j:pw@db.example:7687", env={})
>>> b.backend, b.user, b.password, b.graph, b.driver_url()
('bolt', 'neo4j', 'pw', None, 'bolt://db.example:7687')
>>> parse_url("falkordb://localhost", env={"ACTORGRAPH_DB_PASSWORD": "x"}).password
'x'
>>> parse_url("http://localhost")  # doctest: +NORMALIZE_WHITESPACE
Traceback (most recent call last):
...
graph.errors.UsageError: cannot use the database URL 'http://localhost':
it must start with falkordb://, bolt:// or neo4j:// (e.g. falkordb://127.0.0.1:6379/actorgraph)
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from ..errors import UsageError

__all__ = ["DbUrl", "parse_url", "DEFAULT_GRAPH", "PASSWORD_ENV", "USER_ENV"]

DEFAULT_GRAPH = "actorgraph"
PASSWORD_ENV = "ACTORGRAPH_DB_PASSWORD"
USER_ENV = "ACTORGRAPH_DB_USER"

_FALKOR = {"falkordb": False, "falkor": False, "falkordbs": True, "falkors": True}
_BOLT = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
_GRAPH_NAME = re.compile(r"[A-Za-z0-9_.:-]{1,200}")


@dataclass(frozen=True)
class DbUrl:
    """A parsed database URL. ``graph``: the FalkorDB graph, or the Neo4j database (None: its default)."""

    backend: str  # "falkordb" or "bolt"
    scheme: str
    host: str
    port: int
    graph: str | None
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    tls: bool = False

    def shown(self) -> str:
        """The URL without its password, for messages."""
        user = f"{self.user}@" if self.user else ""
        path = f"/{self.graph}" if self.graph else ""
        return f"{self.scheme}://{user}{self.host}:{self.port}{path}"

    def driver_url(self) -> str:
        """For Bolt: the URL the neo4j driver takes (no credentials, no database)."""
        return f"{self.scheme}://{self.host}:{self.port}"


def parse_url(url, env=None) -> DbUrl:
    """Parse *url*; raise :class:`UsageError` with what is wrong."""
    env = os.environ if env is None else env
    text = str(url).strip()

    def bad(why):
        masked = re.sub(r"//([^@/]*):[^@/]*@", r"//\1:***@", text)
        return UsageError(f"cannot use the database URL '{masked}': {why}")

    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise bad(str(exc)) from None
    scheme = parts.scheme.lower()
    if scheme not in _FALKOR and scheme not in _BOLT:
        raise bad("it must start with falkordb://, bolt:// or neo4j:// (e.g. falkordb://127.0.0.1:6379/actorgraph)")
    if not parts.hostname:
        raise bad("it names no host")
    if parts.query or parts.fragment:
        raise bad("it must not have a ?query or #fragment")
    user = unquote(parts.username) if parts.username else None
    password = unquote(parts.password) if parts.password is not None else None
    if password is None:
        password = env.get(PASSWORD_ENV) or None
    path = unquote(parts.path.strip("/"))
    if path and not _GRAPH_NAME.fullmatch(path):
        raise bad(f"'{path}' is not a graph name (letters, digits, _ . : - only)")
    if scheme in _FALKOR:
        return DbUrl(
            "falkordb",
            scheme,
            parts.hostname,
            port or 6379,
            path or DEFAULT_GRAPH,
            user or None,
            password,
            _FALKOR[scheme],
        )
    return DbUrl(
        "bolt",
        scheme,
        parts.hostname,
        port or 7687,
        path or None,
        user or env.get(USER_ENV) or "neo4j",
        password,
        "+s" in scheme,
    )
