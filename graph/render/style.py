"""Style of the page: colours, shapes and dash patterns for entity kinds, polarity and modality.

>>> polarity_color(10), MODALITY_DASHES["reported"]
('#198c3c', False)
"""

from __future__ import annotations

__all__ = [
    "KIND_STYLES",
    "MODALITY_DASHES",
    "polarity_color",
    "darker",
    "OTHER_KIND",
    "OTHER_DASHES",
    "DENIED_COLOR",
    "CONTESTED_HALO",
    "CLAIMANT_LINK",
    "edge_color",
]

#: shape and colour for each entity kind (colour-blind-safe hues; shapes keep labels below)
KIND_STYLES = {
    "state": ("dot", "#3b78c4"),
    "de_facto_authority": ("diamond", "#d55e00"),
    "armed_group": ("triangle", "#8c2d19"),
    "organisation": ("square", "#56b4e9"),
    "office": ("triangleDown", "#7d9fc9"),
    "person": ("star", "#cc79a7"),
    "collective": ("hexagon", "#009e73"),
    "agreement": ("square", "#e6b400"),
    "asset": ("diamond", "#7f7f7f"),
    "place": ("triangle", "#a07d3b"),
}
OTHER_KIND = ("dot", "#b0b0b0")

#: dash pattern per modality (False: a solid line)
MODALITY_DASHES = {
    "reported": False,
    "claimed": [8, 5],
    "recommended": [2, 5],
    "speculated": [12, 4, 2, 4],
    "denied": [3, 3],
}
OTHER_DASHES = [6, 6]

_GREY = (150, 150, 150)
_RED = (200, 30, 30)
_GREEN = (25, 140, 60)


def polarity_color(p) -> str:
    """The edge colour for polarity *p* on -10..+10: red (conflict), grey, green (cooperation).

    The colour moves from grey towards full red or green with ``|p|``.

    >>> polarity_color(0), polarity_color(-10), polarity_color(10)
    ('#969696', '#c81e1e', '#198c3c')
    >>> polarity_color(-3)
    '#b15555'
    """
    p = max(-10.0, min(10.0, float(p or 0)))
    if p == 0:
        return "#{:02x}{:02x}{:02x}".format(*_GREY)
    target = _RED if p < 0 else _GREEN
    t = 0.35 + 0.65 * abs(p) / 10
    rgb = (round(g + (c - g) * t) for g, c in zip(_GREY, target, strict=True))
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def darker(hex_colour, f=0.7):
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"#{int(r * f):02x}{int(g * f):02x}{int(b * f):02x}"


#: a denied claim is drawn in its own colour, never the cooperation/conflict colour of the event it denies
DENIED_COLOR = "#7b5ea7"

#: the halo behind a claim of a contested group (asserted and denied, or of opposite sign)
CONTESTED_HALO = "rgba(255, 170, 0, 0.55)"

#: the dotted link from a claimant to the subject of a claim it makes ("show claimants")
CLAIMANT_LINK = {"color": "#8a8a8a", "dashes": [1, 4], "width": 1.2}


def edge_color(r) -> str:
    """The colour of relation *r*'s line: :data:`DENIED_COLOR` for a denial, else by polarity.

    >>> from graph.model import Relation
    >>> edge_color(Relation(id="r", subject="A", object="B", type="ASSAULT", modality="denied", polarity=-9))
    '#7b5ea7'
    >>> edge_color(Relation(id="r", subject="A", object="B", type="ASSAULT", modality="reported", polarity=-9))
    '#c52626'
    """
    return DENIED_COLOR if r.modality == "denied" else polarity_color(r.polarity)
