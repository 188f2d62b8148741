"""The errors of the graph database layer: one class, one clear line each.

>>> str(DatabaseError("cannot connect to falkordb://127.0.0.1:1/actorgraph: connection refused"))
'cannot connect to falkordb://127.0.0.1:1/actorgraph: connection refused'
>>> issubclass(UsageError, DatabaseError)
True
"""

from __future__ import annotations

from ..errors import ActorgraphError

__all__ = ["DatabaseError", "UsageError"]


class DatabaseError(ActorgraphError):
    """The database cannot be reached or refused a statement; the message is one line for the user."""


class UsageError(DatabaseError):
    """The request itself is wrong (a bad URL, a write without ``write=True``...): exit code 2 in the CLI."""
