"""The controlled vocabulary: relation types, modes, contexts, modalities, kinds.

Defined once, here; the validator, the CLI (``actorgraph vocab``), the page
legend and the JSON Schema all read it from this module.

Event types follow PLOVER, with their default polarity on the -10..+10
cooperation-conflict scale and their CAMEO root code(s) for interoperability
with GDELT/ICEWS-style event data. Structural types describe standing ties
that are not events.

Examples
--------
>>> RELATION_TYPES["ACCUSE"].polarity
-3.0
>>> RELATION_TYPES["AID"].quad
'material cooperation'
>>> "allege" in RELATION_TYPES["ACCUSE"].modes
True
>>> RELATION_TYPES["HOLDS"].structural
True
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "RelationType",
    "RELATION_TYPES",
    "QUADS",
    "CONTEXTS",
    "MODALITIES",
    "ENTITY_KINDS",
    "SOURCE_KINDS",
    "THING_KINDS",
    "ACTOR_KINDS",
    "POLARITY_RANGE",
]

POLARITY_RANGE = (-10.0, 10.0)


@dataclass(frozen=True)
class RelationType:
    """One relation type of the vocabulary.

    ``quad`` is the PLOVER quad class for events, or ``"structural"`` for
    standing ties; ``cameo`` lists the CAMEO root codes the type maps to.
    """

    name: str
    quad: str
    polarity: float
    cameo: tuple[str, ...] = ()
    modes: tuple[str, ...] = ()
    description: str = ""
    structural: bool = field(default=False)


def _t(name, quad, polarity, cameo, modes, description, structural=False):
    return RelationType(name, quad, float(polarity), tuple(cameo), tuple(modes), description, structural)


_TYPES = [
    # verbal cooperation
    _t(
        "AGREE",
        "verbal cooperation",
        2.5,
        ["03"],
        ["settle", "mediate", "policy", "cooperate"],
        "agree to, promise or express intent to do something together",
    ),
    _t(
        "CONSULT",
        "verbal cooperation",
        2.5,
        ["04"],
        ["visit", "host", "third-party", "multilateral", "phone", "engage"],
        "meet, talk or negotiate",
    ),
    _t(
        "SUPPORT",
        "verbal cooperation",
        5,
        ["05"],
        ["praise", "endorse", "recognize", "acknowledge", "apologize", "forgive"],
        "express support, praise or recognition",
    ),
    _t(
        "CONCEDE",
        "verbal cooperation",
        4.5,
        ["08"],
        ["policy", "rights", "yield", "comply"],
        "give in, ease a position or comply",
    ),
    # material cooperation
    _t(
        "COOPERATE",
        "material cooperation",
        9.5,
        ["06"],
        ["economic", "military", "intelligence", "judicial", "diplomatic"],
        "act together: alliances, joint work, shared security arrangements",
    ),
    _t(
        "AID",
        "material cooperation",
        10,
        ["07"],
        ["economic", "military", "humanitarian", "asylum"],
        "give material help",
    ),
    _t(
        "RETREAT",
        "material cooperation",
        6.5,
        ["08"],
        ["withdraw", "release", "return", "disarm", "ceasefire", "access"],
        "pull back, hand back or de-escalate",
    ),
    # verbal conflict
    _t(
        "REQUEST",
        "verbal conflict",
        0,
        ["10"],
        ["assist", "change", "yield", "meet", "comply", "return"],
        "demand or ask for something",
    ),
    _t(
        "ACCUSE",
        "verbal conflict",
        -3,
        ["11", "09"],
        ["disapprove", "investigate", "allege"],
        "criticise, blame or accuse",
    ),
    _t("REJECT", "verbal conflict", -2, ["12"], ["assist", "change", "yield", "meet", "dismiss"], "refuse or dismiss"),
    _t(
        "THREATEN",
        "verbal conflict",
        -3.5,
        ["13"],
        ["restrict", "arrest", "relations", "expel", "territory", "violence", "aid"],
        "threaten or make something conditional",
    ),
    # material conflict
    _t(
        "PROTEST",
        "material conflict",
        -5,
        ["14"],
        ["demonstrate", "strike", "boycott", "obstruct"],
        "protest or obstruct",
    ),
    _t(
        "SANCTION",
        "material conflict",
        -6,
        ["16"],
        ["convict", "expel", "withdraw", "discontinue", "isolate"],
        "punish, cut ties or isolate",
    ),
    _t(
        "MOBILIZE",
        "material conflict",
        -5.5,
        ["15"],
        ["troops", "weapons", "police", "cyber"],
        "mobilise or show force",
    ),
    _t(
        "COERCE",
        "material conflict",
        -7,
        ["17"],
        ["seize", "arrest", "deport", "restrict", "pressure"],
        "coerce, seize or pressure",
    ),
    _t(
        "ASSAULT",
        "material conflict",
        -9,
        ["18", "19", "20"],
        ["beat", "firearms", "explosives", "aerial", "terror", "insurgency"],
        "use violence, attack",
    ),
    # structural (not events)
    _t("HOLDS", "structural", 0, [], [], "possesses an asset", True),
    _t("PARTY_TO", "structural", 0, [], [], "is a party to an agreement", True),
    _t("PART_OF", "structural", 0, [], [], "is part of an entity", True),
    _t("NEIGHBOUR_OF", "structural", 0, [], [], "borders an entity", True),
    _t("LOCATED_IN", "structural", 0, [], [], "is located in a place", True),
    _t("ORIGIN_OF", "structural", 0, [], [], "is where something (an asset, a threat) came from", True),
]

RELATION_TYPES: dict[str, RelationType] = {t.name: t for t in _TYPES}

QUADS: tuple[str, ...] = (
    "verbal cooperation",
    "material cooperation",
    "verbal conflict",
    "material conflict",
    "structural",
)

CONTEXTS: dict[str, str] = {
    "military": "armed forces, weapons, defence",
    "diplomatic": "relations between governments",
    "economic": "money, trade, aid, sanctions",
    "territory": "land, borders, sovereignty",
    "terrorism": "terrorist violence and counter-terrorism",
    "migration": "migrants, refugees, deportation",
    "security": "security in general, beyond terrorism",
    "humanitarian": "relief, civilians, human rights",
    "legal": "laws, courts, treaties",
    "political": "domestic politics, elections, government",
    "intelligence": "intelligence and information sharing",
    "energy": "oil, gas, electricity",
}

MODALITIES: dict[str, str] = {
    "reported": "the source states it as fact",
    "claimed": "the source attributes it to someone (see asserted_by)",
    "recommended": "the source says someone should do it",
    "speculated": "the source says it could or might happen",
    "denied": "the source says it did not happen",
}

ENTITY_KINDS: dict[str, str] = {
    "state": "a sovereign state",
    "de_facto_authority": (
        "a movement that governs territory without wide recognition (e.g. the Taliban since August 2021)"
    ),
    "armed_group": "a non-state armed group",
    "organisation": "an international or non-governmental organisation",
    "office": "a part of a state or organisation: a ministry, a foreign office, an administration",
    "person": "a named person",
    "collective": "actors named together (e.g. 'the global powers')",
    "agreement": "a treaty, accord or deal",
    "asset": "a thing that is held or transferred (e.g. military equipment)",
    "place": "a region, city or territory",
}

THING_KINDS: tuple[str, ...] = ("agreement", "asset", "place")
"""Entity kinds that are not actors: what claims are about. Analyses of who is friend or
enemy, or central, leave them out by default (seizing equipment is not enmity with it)."""

ACTOR_KINDS: tuple[str, ...] = tuple(k for k in ENTITY_KINDS if k not in THING_KINDS)
"""The entity kinds that act: every kind but agreements, assets and places.

>>> ACTOR_KINDS[:3], "asset" in ACTOR_KINDS
(('state', 'de_facto_authority', 'armed_group'), False)
"""

SOURCE_KINDS: dict[str, str] = {
    "op-ed": "an opinion article",
    "news report": "a news article",
    "analysis": "an analytical piece or report",
    "official statement": "a statement by a government or organisation",
    "interview": "an interview",
    "speech": "a speech",
    "dataset": "a data set",
    "other": "anything else",
}
