"""The review's errors: a draft that cannot be reviewed, and a request that cannot be done now.

>>> str(Conflict("another save is running")), Conflict("x").code
('another save is running', 1)
"""

from __future__ import annotations

from ..errors import ActorgraphError

__all__ = ["ReviewError", "Conflict"]


class ReviewError(ActorgraphError):
    """A draft that cannot be reviewed; *code* is the exit code (1 bad file, 2 bad usage)."""

    def __init__(self, message, code=1):
        super().__init__(message)
        self.code = code


class Conflict(ReviewError):
    """A request that cannot be done now: the page is behind the draft, or another save runs."""
