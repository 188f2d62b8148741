"""Pausing the cyclic garbage collector while millions of acyclic objects are built.

Reading, validating and building a large dataset allocates millions of small objects that
form no cycles; left running, the collector would go over the growing heap again and again
and cost more than the work itself. :func:`paused_gc` pauses it for a block (nested blocks
resume it only at the outermost end).

>>> import gc
>>> with paused_gc():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import contextlib
import gc

__all__ = ["paused_gc"]


@contextlib.contextmanager
def paused_gc():
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
