"""``actorgraph serve``: explore a dataset (or the graph database) in the browser, fetching what is shown.

The server gives the page ``actorgraph render`` writes, in server mode: it opens on the aggregated
overview when the data is large (the heaviest edges, no claims embedded) and on the full graph when it
is small, and the page fetches from it, as JSON over HTTP and a page at a time, what it does not hold:
an aggregated edge's claims, an actor's claims, the claims matching a search, how many claims the
filters keep; a question's page (an edge, an actor, the filters) is drawn in full when small enough.

* :mod:`~graph.serve.question` reads and checks a request (the page's filters, an edge, an actor, a search,
  paging);
* :mod:`~graph.serve.claims` finds the claims of a loaded dataset that answer it, with its indexes;
* :mod:`~graph.serve.dataset` and :mod:`~graph.serve.database` answer from a loaded dataset or from
  the graph database (``actorgraph db``: the same Cypher as ``db query``);
* :mod:`~graph.serve.server` is the HTTP server: 127.0.0.1, a token on every request, the Host
  checked, read-only, every answer bounded in claims and time.

>>> import graph, json, urllib.request
>>> server = serve(graph.example())
>>> _ = server.start()
>>> url = f"http://127.0.0.1:{server.port}/api/claims?token={server.token}&actor=TAL&limit=1"
>>> answer = json.load(urllib.request.urlopen(url))
>>> answer["total"], len(answer["claims"])
(3, 1)
>>> server.shutdown(); server.server_close()
"""

from __future__ import annotations

from ..errors import BadRequest
from .dataset import FULL, TIMEOUT, DatasetStore
from .question import parse
from .server import ExploreServer

__all__ = ["serve", "ExploreServer", "DatasetStore", "BadRequest", "parse", "FULL", "TIMEOUT"]


def serve(data, *, port=0, **options) -> ExploreServer:
    """A server (not yet serving: ``serve_forever()``, or ``start()`` for a background thread) of
    *data*: a dataset (or a view), or a store (:class:`DatasetStore`, ``DatabaseStore``).
    *options*: those of :class:`DatasetStore` (``by``, ``top``, ``full``, ``timeout``, ``title``)."""
    store = data if hasattr(data, "claims") and hasattr(data, "page") else DatasetStore(data, **options)
    return ExploreServer(store, port)
