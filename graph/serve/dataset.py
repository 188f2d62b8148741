"""What ``actorgraph serve`` answers from a dataset loaded in memory, with its indexes.

A :class:`DatasetStore` answers the JSON API's claims (:mod:`graph.serve.claims`) and makes the pages:
the claims a page's question keeps (the overview: all of them) drawn in full when they are at most
*full*, else aggregated *by* period, the *top* heaviest edges, without example claims (the page
fetches a group's claims when it is opened). Pages are kept (the last few made) for the next request.

>>> import graph
>>> from graph.serve.question import parse
>>> store = DatasetStore(graph.example())
>>> store.claims(parse("actor=CHN", api=True))["total"]
1
>>> store.page(parse("")).startswith("<!DOCTYPE html>")
True
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict

from ..render import render_html
from ..render.aggregated_data import TOP
from ..render.data import default_title
from .claims import check_names, claim_dict, matching
from .question import describe, query_text

__all__ = ["DatasetStore", "FULL", "TIMEOUT", "page_title", "server_block"]

#: a page's claims are drawn one edge each up to this many; more are aggregated
FULL = 10_000
#: seconds a question may take
TIMEOUT = 10.0
PAGES_KEPT = 8
#: the claims a panel fetches at a time
PAGE_SIZE = 100


def page_title(base, q, name) -> str:
    """The title of the page of question *q* over data titled *base*."""
    said = describe(q, name)
    return f"{base} · {said}" if said else base


def server_block(q, store, drawn) -> dict:
    """The page data's ``server`` block (graph/render/static/server.js reads it): the page's own
    question (``view``, a query text), what it shows (``drawn``: "full" or "aggregate"), and the
    server's settings (``limit``: the claims a panel fetches at a time)."""
    return {
        "view": query_text(q),
        "title": describe(q, store.name),
        "drawn": drawn,
        "by": store.by,
        "full": store.full,
        "top": store.top,
        "backend": store.backend,
        "claims": store.count(),
        "limit": store.page_size,
    }


class DatasetStore:
    """The answers of a server over dataset *ds* (see the module docs)."""

    backend = "dataset"

    def __init__(self, ds, *, by="year", top=TOP, full=FULL, timeout=TIMEOUT, title=None, page_size=PAGE_SIZE):
        self.ds, self.by, self.top, self.full, self.timeout, self.page_size = ds, by, top, full, timeout, page_size
        self.title = title or default_title(ds)
        self.lock = threading.Lock()  # one question at a time: the dataset builds its indexes when first used
        self._contested = None
        self._pages = OrderedDict()

    def name(self, eid) -> str:
        e = self.ds.entities.get(eid)
        return e.name if e is not None else str(eid)

    def count(self) -> int:
        return len(self.ds)

    def contested(self) -> set:
        if self._contested is None:
            from ..analysis.contested import verdicts

            self._contested = {rid for _k, c, _c, _r, rids in verdicts(self.ds) if c for rid in rids}
        return self._contested

    def warm(self):
        """Build what the first questions would build (every claim, the actors' index, the contested claims)."""
        ds = self.ds
        ds.relations()
        if ds.entities:
            first = next(iter(ds.entities))
            ds.relations(subject=first, object=first, parts=False)
        self.contested()

    def _matching(self, q, seconds=None, **kw):
        """:func:`~graph.serve.claims.matching` within *seconds* (default: the store's timeout)."""
        check_names(q, self.ds.entities, self.ds.sources)
        deadline = time.monotonic() + (self.timeout if seconds is None else seconds)
        return matching(self.ds, q, contested=self.contested, deadline=deadline, **kw)

    def claims(self, q) -> dict:
        """The API's answer: ``{"total", "offset", "limit", "claims": [claim_dict, ...]}``."""
        with self.lock:
            total, rels = self._matching(q, offset=q.offset, limit=q.limit)
            return {"total": total, "offset": q.offset, "limit": q.limit, "claims": [claim_dict(r) for r in rels]}

    def info(self) -> dict:
        ds = self.ds
        return {
            "backend": self.backend,
            "title": self.title,
            "claims": len(ds),
            "entities": len(ds.entities),
            "sources": len(ds.sources),
            "by": self.by,
            "top": self.top,
            "full": self.full,
            "timeout": self.timeout,
        }

    def page(self, q, seconds=None) -> str:
        """The page (HTML) of question *q* (its filters and narrowing; paging is the API's); *seconds*
        to find its claims (default: the store's timeout)."""
        key = query_text(q)
        with self.lock:
            if key in self._pages:
                self._pages.move_to_end(key)
                return self._pages[key]
            if q.narrowed():
                total, rels = self._matching(q, seconds)
                sub = self.ds._subset(rels, extra_entities={q.filters["focus"]} if "focus" in q.filters else ())
            else:
                total, sub = len(self.ds), self.ds
            drawn = "full" if total <= self.full else "aggregate"
            html = render_html(
                sub,
                title=page_title(self.title, q, self.name),
                aggregate=None if drawn == "full" else self.by,
                examples=0,
                top=self.top,
                server=server_block(q, self, drawn),
            )
            self._pages[key] = html
            while len(self._pages) > PAGES_KEPT:
                self._pages.popitem(last=False)
            return html
