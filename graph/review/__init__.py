"""The local review server: a draft's candidates accepted, edited or rejected in the browser, saved as data.

:func:`serve` opens a :class:`ReviewSession` (:mod:`~graph.review.session`: the draft, its text
and data, the decisions kept as they are made, the save) behind a :class:`ReviewServer`
(:mod:`~graph.review.server`: 127.0.0.1 only, a token on every request, the Host checked, the
Origin of writes). A save's records come from :mod:`~graph.review.records` (ids from content,
:mod:`~graph.review.ids`), are written with :mod:`~graph.review.journal` (the target and the draft
together); :func:`remember` (:mod:`~graph.review.memory`) keeps ``actorgraph draft`` from
proposing what was decided. The page is ``static/review.html`` with its scripts and style.
"""

from ..errors import Conflict, ReviewError
from .memory import remember
from .server import CSP, ReviewServer, serve
from .session import ReviewSession

__all__ = ["serve", "ReviewServer", "ReviewSession", "ReviewError", "Conflict", "CSP", "remember"]
