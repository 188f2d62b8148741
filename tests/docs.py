"""The documentation whose examples the suite runs: README.md and the pages of docs/.

The pages are read in the order of ``mkdocs.yml``'s nav (the order a reader meets them), README.md
first. A console block shows commands after ``$ `` and, on the lines under each, what it prints;
a Python block that starts with ``>>>`` is a doctest.

>>> [p.name for p in pages()][:3]
['README.md', 'index.md', 'data-format.md']
>>> console_commands("```console\\n$ actorgraph validate\\ndata: valid\\n```\\n")
[('actorgraph validate', ['data: valid'])]
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

__all__ = ["ROOT", "DOCS", "pages", "page", "console_commands", "python_examples"]

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _nav(items):
    for item in items:
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            for value in item.values():
                yield from ([value] if isinstance(value, str) else _nav(value))


def nav():
    """The pages of docs/ in the order of mkdocs.yml's nav, as paths relative to docs/."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return list(_nav(config["nav"]))


def pages():
    """README.md, then every page of the nav, as Paths."""
    return [ROOT / "README.md"] + [DOCS / name for name in nav()]


def page(name):
    """The text of docs/NAME (or of README.md)."""
    path = ROOT / name if name == "README.md" else DOCS / name
    return path.read_text(encoding="utf-8")


def console_commands(text):
    """(command, expected output lines) of every ``$ `` command of the console blocks, in order."""
    out = []
    for block in re.findall(r"```console\n(.*?)```", text, flags=re.S):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, *lines = chunk.rstrip("\n").split("\n")
            out.append((command, lines))
    return out


def python_examples(text):
    """The Python blocks that are doctests (they start with ``>>>``), joined in order."""
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    return "\n".join(b for b in blocks if b.lstrip().startswith(">>>"))
