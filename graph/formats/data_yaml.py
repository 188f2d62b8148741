"""Writing records as a data file: the YAML that the data folder holds (sources, entities, relations).

Values are written as the validator reads them back: text that a YAML 1.1
reader would take for something else stays text, and characters that YAML
reads as line breaks or that editors do not show are escaped.

>>> print(data_yaml({"entities": [{"id": "PAK", "name": "Pakistan", "kind": "state", "aliases": ["NO"]}]},
...                 comment="constructed example"), end="")
# constructed example
entities:
- id: PAK
  name: Pakistan
  kind: state
  aliases:
  - 'NO'
"""

from __future__ import annotations

import re

import yaml

__all__ = ["data_yaml"]

_ESCAPE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


class _Dumper(yaml.SafeDumper):
    """Block style; text with characters that must be escaped is written in double quotes;
    a value met twice is written out twice (data files may not use anchors and aliases)."""

    def ignore_aliases(self, data):
        return True


def _str(dumper, value):
    style = '"' if _ESCAPE.search(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style=style)


_Dumper.add_representer(str, _str)
_Dumper.add_multi_representer(str, _str)  # str subclasses (text written without quotes) too


def data_yaml(groups, comment=None) -> str:
    """*groups* (``{"sources": [...], "entities": [...], "relations": [...]}`` of plain
    dicts, and any other top-level key a draft file has) as the text of a data file, with an
    optional leading *comment*; empty groups are left out."""
    body = {k: v for k, v in groups.items() if v}
    text = (
        yaml.dump(body, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100_000, default_flow_style=False)
        if body
        else "entities: []\n"
    )
    if comment:
        text = "".join(f"# {line}\n" for line in comment.splitlines()) + text
    return text
