"""The local review server: accept, reject or edit a draft's candidates in the browser.

:func:`serve` opens a :class:`ReviewSession` (:mod:`~graph.review.session`: the
draft, its text and data, and saving) behind a :class:`ReviewServer`
(:mod:`~graph.review.server`: 127.0.0.1 only, a token on every request, the Host
checked). The page is ``static/review.html`` with its script and style.
"""

from .memory import remember
from .server import CSP, ReviewServer, serve
from .session import Conflict, ReviewError, ReviewSession

__all__ = ["serve", "ReviewServer", "ReviewSession", "ReviewError", "Conflict", "CSP", "remember"]
