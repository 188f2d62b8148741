"""A hand-built dataset of many sources, for the tests of contested claims, claimants and the page.

Built from model objects (no validator involved). The verdicts worked out by hand:

contested (exact entities)
  TAL HOLDS US-EQUIP    claimed by Jane Roe (hill), denied by John Kirby (wh)   (structural: counts too)
  TAL AID TTP           claimed by the PM (pm), denied by the Taliban spokesman (tal); speculated (op): other
  USA SUPPORT PAK       reported +5 (op), reported -3 (hill): assertions disagree in sign
  AFG THREATEN PAK      reported (op) and denied by the Taliban spokesman in the same source (op)
corroborated
  USA RETREAT AFG       reported in op and in hill (two claims)
  PAK ACCUSE TAL        one claim, evidence from pm and op, asserted by the PM and the Foreign Office
neither
  PAK CONSULT USA       one source
  USA SANCTION PAK      denied only
  USA-WH CONSULT TAL    claimed (wh)                 } one group with --roll-up (USA CONSULT TAL):
  USA CONSULT TAL       denied by Jane Roe (hill)    } contested there
  PAK AGREE USA         recommended in op and hill: two sources, but nothing asserted
"""

from __future__ import annotations

from graph.dataset import Dataset
from graph.model import Entity, Evidence, Relation, Source
from graph.vocab import RELATION_TYPES
from graph.when import parse_when

SOURCES = [
    Source("wh", title="White House briefing", kind="official statement", published=parse_when("2021-08-20")),
    Source("hill", title="Hearing of the House committee", kind="news report", published=parse_when("2023-03")),
    Source("pm", title="The prime minister's speech", kind="news report", published=parse_when("2024-01-10")),
    Source(
        "tal", title="Statement of the Taliban spokesman", kind="official statement", published=parse_when("2024-01-12")
    ),
    Source(
        "op",
        title="An op-ed",
        kind="op-ed",
        published=parse_when("2025"),
        author="A. Writer",
        note="the stored text is a partial excerpt",
    ),
]

ENTITIES = [
    Entity("USA", "United States", "state"),
    Entity("USA-WH", "White House", "office", part_of="USA"),
    Entity("KIRBY", "John Kirby", "person", part_of="USA-WH"),
    Entity("ROE", "Jane Roe", "person", part_of="USA"),
    Entity("PAK", "Pakistan", "state"),
    Entity("PAK-PM", "Prime Minister of Pakistan", "person", part_of="PAK"),
    Entity("PAK-FO", "Pakistan's Foreign Office", "office", part_of="PAK"),
    Entity("AFG", "Afghanistan", "state"),
    Entity("TAL", "Taliban", "de_facto_authority"),
    Entity("TAL-SPOX", "Taliban spokesman", "person", part_of="TAL"),
    Entity("TTP", "Tehrik-i-Taliban Pakistan", "armed_group"),
    Entity("US-EQUIP", "US military equipment", "asset"),
]


def rel(rid, subject, type_, object_, modality, sources, *, by=(), polarity=None, when=None):
    return Relation(
        id=rid,
        subject=subject,
        object=object_,
        type=type_,
        modality=modality,
        polarity=RELATION_TYPES[type_].polarity if polarity is None else polarity,
        claimants=tuple(by),
        when=parse_when(when) if when else None,
        evidence=tuple(Evidence(s, f"quote of {rid} in {s}") for s in sources),
    )


RELATIONS = [
    rel("roe-tal-holds", "TAL", "HOLDS", "US-EQUIP", "claimed", ["hill"], by=["ROE"], when="2021-08"),
    rel("kirby-denies-holds", "TAL", "HOLDS", "US-EQUIP", "denied", ["wh"], by=["KIRBY"], when="2021-08"),
    rel("pm-tal-arms-ttp", "TAL", "AID", "TTP", "claimed", ["pm"], by=["PAK-PM"]),
    rel("spox-denies-arming", "TAL", "AID", "TTP", "denied", ["tal"], by=["TAL-SPOX"]),
    rel("op-tal-may-arm", "TAL", "AID", "TTP", "speculated", ["op"]),
    rel("op-usa-supports-pak", "USA", "SUPPORT", "PAK", "reported", ["op"]),
    rel("hill-usa-pressures-pak", "USA", "SUPPORT", "PAK", "reported", ["hill"], polarity=-3),
    rel("op-afg-threatens", "AFG", "THREATEN", "PAK", "reported", ["op"]),
    rel("op-spox-denies-threat", "AFG", "THREATEN", "PAK", "denied", ["op"], by=["TAL-SPOX"]),
    rel("op-usa-left", "USA", "RETREAT", "AFG", "reported", ["op"], when="2021-08"),
    rel("hill-usa-left", "USA", "RETREAT", "AFG", "reported", ["hill"], when="2021-08"),
    rel("pak-accuses-tal", "PAK", "ACCUSE", "TAL", "claimed", ["pm", "op"], by=["PAK-PM", "PAK-FO"]),
    rel("op-pak-consults", "PAK", "CONSULT", "USA", "reported", ["op"]),
    rel("op-no-sanction", "USA", "SANCTION", "PAK", "denied", ["op"]),
    rel("wh-talks", "USA-WH", "CONSULT", "TAL", "claimed", ["wh"], by=["KIRBY"]),
    rel("roe-no-talks", "USA", "CONSULT", "TAL", "denied", ["hill"], by=["ROE"]),
    rel("pak-should-agree", "PAK", "AGREE", "USA", "recommended", ["op", "hill"]),
]

CONTESTED = [("AFG", "THREATEN", "PAK"), ("TAL", "AID", "TTP"), ("TAL", "HOLDS", "US-EQUIP"), ("USA", "SUPPORT", "PAK")]
CORROBORATED = [("PAK", "ACCUSE", "TAL"), ("USA", "RETREAT", "AFG")]
CONTESTED_ROLLED = sorted(CONTESTED + [("USA", "CONSULT", "TAL")])


def dataset():
    return Dataset({s.id: s for s in SOURCES}, {e.id: e for e in ENTITIES}, list(RELATIONS))
