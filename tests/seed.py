"""The seed data copied to a folder of the suite's own, so that no test reads the user's ``data/``.

An analyst adds articles to ``data/`` (docs/adding-articles.md); the suite must pass
whatever they add. Tests, doctests and the examples of the README and docs/ therefore load a
copy of the seed:
``data/seed/`` and the stored texts its sources name, laid out as in the repository
(``data/seed/...``, ``data/texts/...``), so that paths, counts and messages are the seed's.

:data:`SEED_ROOT` is made once per test session (a folder holding ``data/``, removed at
exit); :func:`copy_seed` makes another copy where a test may change it.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import yaml

__all__ = ["ROOT", "copy_seed", "repository_with_the_seed", "SEED_ROOT", "SEED_DATA"]

ROOT = Path(__file__).resolve().parent.parent
_SEED = ROOT / "data" / "seed"


def _texts():
    """The stored texts the seed's sources name, relative to ``data/``."""
    out = []
    for f in sorted(_SEED.glob("*.yaml")):
        doc = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        for s in doc.get("sources") or ():
            if isinstance(s, dict) and s.get("text"):
                path = os.path.normpath(os.path.join("seed", str(s["text"])))
                if not path.startswith(".."):
                    out.append(path)
    return out


def copy_seed(data):
    """Copy the seed into the data folder *data* (made if missing); return it as a Path."""
    data = Path(data)
    shutil.copytree(_SEED, data / "seed")
    for rel in _texts():
        (data / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / "data" / rel, data / rel)
    return data


def repository_with_the_seed(target):
    """A folder *target* that looks like the repository -- every top-level entry a link to the
    repository's own -- except that ``data/`` is a copy of the seed and ``notebooks/`` a copy
    (a notebook finds the repository from its own folder, and a link would lead back to the
    real one). The examples of the README and docs/, and the notebooks, run from it as they
    would from a fresh clone."""
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    for entry in ROOT.iterdir():
        if entry.name in ("data", "notebooks", ".git") or (target / entry.name).exists():
            continue
        (target / entry.name).symlink_to(entry)
    shutil.copytree(ROOT / "notebooks", target / "notebooks")
    copy_seed(target / "data")
    return target


_PID = os.getpid()


def _remove(folder, pid=_PID):
    if os.getpid() == pid:  # (not from a forked process that exits)
        shutil.rmtree(folder, ignore_errors=True)


SEED_ROOT = Path(tempfile.mkdtemp(prefix="actorgraph-seed-"))
SEED_DATA = copy_seed(SEED_ROOT / "data")
atexit.register(_remove, SEED_ROOT)
