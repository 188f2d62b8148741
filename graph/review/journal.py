"""Writing the target data file and the draft as one transaction: a journal written first, then both.

:func:`commit` writes the journal (every file's new content, next to the draft, atomically),
then each file (atomically), then removes the journal. A kill at any moment leaves either no
journal (nothing changed, or everything done) or a whole journal, which :func:`recover` replays
(it finishes the writes) the next time the draft is opened, reviewed or drafted again: the
target and the draft never stay out of step.

>>> import os, tempfile
>>> d = tempfile.mkdtemp()
>>> j, a, b = (os.path.join(d, n) for n in (".d.yaml.saving", "a.yaml", "d.yaml"))
>>> commit(j, [(a, "one"), (b, "two")])
>>> open(a).read(), open(b).read(), os.path.exists(j)
('one', 'two', False)
"""

from __future__ import annotations

import json
import os

from ..atomic import write_atomic
from ..errors import JournalError

__all__ = ["commit", "recover", "journal_path"]


def journal_path(draft_path) -> str:
    """The journal of the draft at *draft_path*: a hidden file beside it."""
    folder, name = os.path.split(os.path.abspath(draft_path))
    return os.path.join(folder, f".{name}.saving")


def commit(journal: str, writes) -> None:
    """Write every ``(path, text)`` of *writes* as one transaction (see the module)."""
    write_atomic(journal, json.dumps({"writes": [[os.path.abspath(p), t] for p, t in writes]}, ensure_ascii=False))
    for path, text in writes:
        write_atomic(path, text)
    os.remove(journal)


def recover(journal: str, allowed) -> list:
    """Finish the writes of an interrupted :func:`commit` (the paths it wrote again); *allowed(path)*
    says whether a path may be written (the draft, the data folder): a journal naming anything else
    is refused with :class:`JournalError` and left where it is."""
    if not os.path.exists(journal):
        return []
    try:
        with open(journal, encoding="utf-8") as f:
            writes = json.load(f)["writes"]
        writes = [(str(p), str(t)) for p, t in writes]
    except (OSError, ValueError, KeyError, TypeError, RecursionError) as exc:
        raise JournalError(
            f"{journal}: an unfinished save that cannot be read ({exc}); "
            "move it away to go on (the last save may be half done)"
        ) from None
    bad = [p for p, _ in writes if not allowed(p)]
    if bad:
        raise JournalError(
            f"{journal}: an unfinished save names {bad[0]}, which this draft does not write; "
            "move the journal away to go on"
        )
    done = []
    for path, text in writes:
        try:
            with open(path, encoding="utf-8") as f:
                same = f.read() == text
        except (OSError, UnicodeDecodeError):
            same = False
        if not same:
            write_atomic(path, text)
            done.append(path)
    os.remove(journal)
    return done
