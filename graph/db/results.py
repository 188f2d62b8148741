"""Query results as JSON-able data, whatever the driver: its nodes, relationships and paths as maps.

>>> plain_value({"n": [1, ("a", None)]}, lambda v: None)
{'n': [1, ['a', None]]}
>>> plain_value([7], lambda v: {"labels": ["Number"], "properties": {}} if v == 7 else None)
[{'labels': ['Number'], 'properties': {}}]
"""

from __future__ import annotations

__all__ = ["plain_value"]


def plain_value(v, graph_value):
    """*v* as JSON-able data: maps and lists gone through, every other value as it is but those
    *graph_value* turns into a map (a driver's node, relationship or path; None for anything else)."""
    m = graph_value(v)
    if m is not None:
        return m
    if isinstance(v, dict):
        return {str(k): plain_value(x, graph_value) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [plain_value(x, graph_value) for x in v]
    return v
