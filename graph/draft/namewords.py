"""The words new names are read with: what joins a name's words, opens or ends a name, and gives its kind.

Data for :mod:`graph.draft.names` (and :mod:`graph.draft.describe`): lowercase words; a name's last word
(``SUFFIX_KIND``) or the head of a title before it (``TITLE_HEADS``) tells its kind.

>>> SUFFIX_KIND["ministry"], "force" in NAME_END, "minister" in TITLE_HEADS
('office', True, True)
"""

from __future__ import annotations

import re

__all__ = [
    "ABBREVIATIONS",
    "MOVEMENT_OPEN",
    "PORTFOLIOS",
    "ADJECTIVES",
    "APPOSED_PERSON",
    "COLLECTIVE",
    "COMMON",
    "COMMON_NOUN",
    "COMPASS",
    "GROUP_WORDS",
    "JOIN",
    "MODEL",
    "NUMBER_WORD",
    "portfolio",
    "NAME_END",
    "NAME_HEADS",
    "NOT_FIRST",
    "PLACE_PREP",
    "SHIPS",
    "SPEECH_WORDS",
    "SUFFIX_KIND",
    "TITLES",
    "TITLE_HEADS",
    "VERBS",
]

JOIN = {"of", "for", "the", "al", "de", "el", "bin", "ul", "-"}
COMMON = set(
    """a an the this that these those it its he she they we i you our their his her my your
in on at by for from with without of to into onto over under after before since during while when where
whereas although though if as because but and or nor so yet however nevertheless furthermore moreover
meanwhile also still then thus therefore instead indeed even only just each every both all some many most
few several no not none one two three four five six seven eight nine ten first second last next past new
former earlier later today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
mr mrs ms dr central according asked speaking there here what which who whom whose why how forging
such other another any more less much very ever never always sources officials analysts critics
despite top amid among against neither either none nothing related share follow updated published posted
reporting editing advertisement copyright topics tags opinion comment analysis agencies staff reporter
correspondent desk bureau news web business markets economy world region national international sign
am pm gmt utc ist pkt est edt cet cest eet eest bst pst pdt et pt msk jst kst ast ago hours minutes
x facebook twitter telegram whatsapp youtube instagram tiktok google linkedin weibo wechat vk threads bluesky
about around nearly almost roughly
president prime minister ministers minister secretary spokesman spokeswoman spokesperson deputy general
gen col colonel brig brigadier lt maj major senior senator governor commander chief press mission special
ambassador envoy foreign defence defense interior finance planning transport home external affairs
government administration officials ministry department office army military police court
also read most constructed example time why how now""".split()
)
# adjectives of regions and faiths: no name when alone ("an Asian NATO")
ADJECTIVES = set(
    """asian european african arab western eastern northern southern latin nordic baltic balkan
caucasian islamic muslim christian jewish sunni shia north south east west""".split()
)
TITLES = set(
    """president prime minister minister secretary spokesman spokeswoman spokesperson deputy general
gen col colonel brig brigadier lt maj major senior senator sen rep governor commander chief press mission special
ambassador envoy foreign defence defense interior finance planning transport home external affairs state
mr mrs ms dr justice judge mayor chairman chairwoman chair director head leader of the and
economic affairs information commerce trade""".split()
)
SUFFIX_KIND = {
    "ministry": "office",
    "department": "office",
    "office": "office",
    "embassy": "office",
    "party": "organisation",
    "movement": "organisation",
    "front": "organisation",
    "army": "armed_group",
    "cartel": "armed_group",
    "militia": "armed_group",
    "brigade": "armed_group",
    "group": "armed_group",
    "council": "organisation",
    "agency": "organisation",
    "union": "organisation",
    "organisation": "organisation",
    "organization": "organisation",
    "bank": "organisation",
    "initiative": "agreement",
    "corridor": "agreement",
    "ratings": "organisation",
    "railways": "organisation",
    "industries": "organisation",
    "prefecture": "office",
    "gendarmerie": "office",
    "fund": "organisation",
    "airlines": "organisation",
    "company": "organisation",
    "corporation": "organisation",
    "ocean": "place",
    "gulf": "place",
    "east": "place",
    "mountains": "place",
    "port": "place",
    "province": "place",
    "region": "place",
    "valley": "place",
    "district": "place",
    "island": "place",
    "peninsula": "place",
    "alliance": "organisation",
    "committee": "organisation",
    "commission": "organisation",
    "declaration": "agreement",
    "authority": "organisation",
    "command": "office",
    "community": "organisation",
    "police": "office",
    "city": "place",
    "river": "place",
    "lake": "place",
    "mount": "place",
    "sea": "place",
    "islands": "place",
    "shoal": "place",
    "basin": "place",
    "plateau": "place",
    "strait": "place",
    "coast": "place",
    "canal": "place",
    "dam": "place",  # works of a place: "the Grand Ethiopian Renaissance Dam" (a demonym inside is no state)
    "barrage": "place",
    "reservoir": "place",
    "bridge": "place",
    "pipeline": "place",
    "airport": "place",
    "agreement": "agreement",
    "accord": "agreement",
    "treaty": "agreement",
    "deal": "agreement",
}


# the prefixes of warships' names ("USS", "HMS", Italy's "ITS", France's "FS", the Netherlands' "HNLMS", ...)
SHIPS = {
    "uss",
    "hms",
    "ins",
    "pns",
    "hmcs",
    "hmas",
    "rfs",
    "cns",
    "its",
    "fs",
    "hnlms",
    "fgs",
    "hdms",
    "kri",
    "rss",
    "tcg",
    "js",
}
# the fields a ministry, chamber or department is "of" that close a name after "and" ("Ministry of Commerce and
# Industry", "Chamber of Commerce and Industry", "Department of Peace and Security"): no name of their own
PORTFOLIOS = set(
    """industry industries commerce trade security development technology investment cooperation peace planning
energy mines minerals resources tourism culture sports youth information broadcasting agriculture livestock fisheries
irrigation housing transport communications justice welfare health education labour labor employment environment
finance economy administration reconstruction rehabilitation refugees repatriation water power works innovation
science research migration integration affairs food forestry rural climate digital worship mobility
international maritime aviation heritage arts veterans gender equality solidarity petroleum oil gas hydrocarbons
electricity telecommunications ports shipping hajj endowments martyrs tribal tribes""".split()
)
# words that open the name of a movement or armed group in Arabic, Persian, Urdu or Pashto ("Jamaat Ansarullah",
# "Tehreek-e-Labbaik", "Jaish al-Adl", "Harakat al-Shabaab"): a known name after them is a word of that name
MOVEMENT_OPEN = {
    "jamaat",
    "jamaat-e",
    "jamiat",
    "harakat",
    "tehreek",
    "tehrik",
    "tahrik",
    "hizb",
    "lashkar",
    "jaish",
    "jabhat",
    "katibat",
    "ansar",
    "majlis",
    "junud",
    "sipah",
    "liwa",
    "saraya",
    "kataib",
    "ittehad",
}
NAME_HEADS = {
    "ministry",
    "department",
    "office",
    "army",
    "court",
    "council",
    "bank",
    "central",
    "national",
    "international",
    "new",
    "second",
    "first",
    "government",
    "police",
    "military",
    "mission",
    "special",
    "press",
    "foreign",
    "home",
    "interior",
    "defence",
    "defense",
    "finance",
    "planning",
    "transport",
    "external",
    "economic",
    "news",
    "world",
}
ABBREVIATIONS = {
    "col",
    "gen",
    "lt",
    "maj",
    "brig",
    "capt",
    "adm",
    "sgt",
    "dr",
    "mr",
    "mrs",
    "ms",
    "prof",
    "sen",
    "rep",
    "gov",
    "cmdr",
    "st",
}
SPEECH_WORDS = {"says", "said", "say", "told", "tells"}
PLACE_PREP = set("in at near across along into outside inside towards toward around off via enter entered".split())
GROUP_WORDS = {"group", "faction"}
VERBS = {"has", "have", "had", "is", "was", "said", "says", "will", "would", "also", "cut", "kept", "put", "set"}
COMMON_NOUN = re.compile(r"(?:tions|sions|ments|nesses|ities|ances|ences|isms|ships|ists|ers|ians)$")
# the head of a title before a name: "Energy Minister", "Foreign Secretary", "Police spokesman"
TITLE_HEADS = {
    "minister",
    "secretary",
    "secretary-general",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "envoy",
    "president",
    "chairman",
    "chairwoman",
    "chief",
    "commander",
    "governor",
    "mayor",
    "adviser",
    "advisor",
    "aide",
    "director",
    "premier",
    "chancellor",
    "senator",
    "general",
    "inspector",
    "commissioner",
    "prosecutor",
    "ombudsman",
    "attorney-general",
    "deputy",
}
NOT_FIRST = {"the", "and", "of", "for", "-"}  # joining words that never open a name ("El", "Al" do)
# words of an apposition that make the name before a person's ("Karim Haddad, an adviser to ...")
APPOSED_PERSON = {
    "adviser",
    "advisor",
    "aide",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "official",
    "diplomat",
    "envoy",
    "ambassador",
    "commander",
    "general",
    "lawmaker",
    "senator",
    "analyst",
    "researcher",
    "professor",
    "secretary",
    "leader",
    "chief",
    "head",
    "deputy",
    "president",
}
# collective nouns whose possessive is part of a name: "People's Defence Force", "Kurdistan Workers' Party"
COLLECTIVE = {"people", "workers", "women", "children", "farmers", "citizens", "martyrs", "veterans", "peoples"}
# the last words of names of organisations and places (a known name before them is a word of the name)
NAME_END = {w for w, k in SUFFIX_KIND.items() if k != "agreement"} | {
    "command",
    "republic",
    "force",
    "forces",
    "guard",
    "guards",
    "mission",
    "office",
    "affairs",
    "navy",
    "corps",
    "shoal",
    "strait",
    "peninsula",
    "basin",
    "plateau",
    "lake",
    "canal",
    "straits",
    "coast",
    "alliance",
    "states",
    "island",
    "committee",
    "commission",
    "declaration",
    "agreement",
    "accord",
    "treaty",
    "initiative",
    "authority",
    "assembly",
    "service",
    "services",
    "staff",
    "centre",
    "center",
    "court",
    "bureau",
    "police",
}
COMPASS = {
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "upper",
    "lower",
    "greater",
    "inner",
    "outer",
}


# number words, cardinal and ordinal, alone or joined ("Forty-four", "Third", "Twenty-first"): no names
_UNITS = "one|two|three|four|five|six|seven|eight|nine|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUMBER_WORD = re.compile(
    rf"(?:(?:{_TENS})(?:-(?:{_UNITS}))?|(?:{_TENS[:-1]}|twentie|thirtie|fortie|fiftie|sixtie|seventie|eightie|ninetie)th|"
    rf"{_UNITS}|ten|tenth|eleven(?:th)?|twelve|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teen(?:th)?|"
    r"hundred(?:th)?|thousand(?:th)?|dozens?)"
)
# the designation of a model of aircraft, ship or arms: letters, a hyphen, digits ("Su-30", "MiG-29", "S-400")
MODEL = re.compile(r"[A-Z][A-Za-z]{0,3}-\d+[A-Za-z]{0,3}s?")
# the fields a minister's portfolio names ("Minister of Human Rights", "Commissioner for Refugees")
_FIELDS = set(
    """human rights state foreign defence defense interior home national public internal external social religious
women women's children family planning local government parliamentary legal relations borders emergency
situations emergencies disaster management relief""".split()
)


def portfolio(words) -> bool:
    """Whether the (lowercased) *words* after a title and "of"/"for" are a portfolio, not a name.

    >>> portfolio(["human", "rights"]), portfolio(["ruritania"])
    (True, False)
    """
    words = [w for w in words if w not in ("and", "the", ",", "'s")]
    return bool(words) and all(w in PORTFOLIOS or w in _FIELDS for w in words)
