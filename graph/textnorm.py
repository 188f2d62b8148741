"""Normalising text so that quotes can be checked verbatim against a source.

Typographic quotes become straight ones, dashes and minus signs become ``-``,
the ellipsis character becomes ``...``, non-breaking and other spaces become a
plain space and runs of white space fold into one. Nothing else changes: case
and words must match exactly.

>>> normalise("Pakistan\u2019s security crisis \u2013 stemming")
"Pakistan's security crisis - stemming"
>>> normalise("  a\\n\\n  b ")
'a b'
"""

from __future__ import annotations

import re

__all__ = ["normalise"]

_TABLE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2026": "...",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u200b": "",
        "\ufeff": "",
    }
)
_WS = re.compile(r"\s+")
# printable ASCII with single inner spaces: what normalising leaves as it is (most quotes)
_SETTLED = re.compile(r"[!-~]+(?: [!-~]+)*\Z")


def normalise(text: str) -> str:
    """Return *text* with quotes, dashes and white space normalised."""
    if text.isascii() and _SETTLED.match(text):
        return text
    return _WS.sub(" ", text.translate(_TABLE)).strip()
