"""Words that look like names but name no actor of their own: peoples, faiths, regions' adjectives, common words.

Data and two small tests for :mod:`graph.draft.names` (general knowledge, lowercase): the words for
peoples and faiths (``PEOPLES``: "Muslims", "Hutu", "Pashtuns"), the adjectives of world regions
(``REGIONAL``: "Asian", "Central Asian", "West African"), and common English words that open a
sentence, a caption or a label (``ENGLISH``: "Outside", "Peace", "File"); a demonym of a new name
of the text ("South Ossetian" of "South Ossetia") is that name (:func:`demonym_of`).

>>> group_word("Muslims"), group_word("Central Asians"), group_word("Muslim Brotherhood")
(True, True, False)
>>> demonym_of("South Ossetian", {"south ossetia": "X"}), demonym_of("Europeans", {"europe": "Y"})
('X', 'Y')
>>> len(ENGLISH) > 250
True
"""

from __future__ import annotations

__all__ = ["PEOPLES", "REGIONAL", "ENGLISH", "group_word", "demonym_of"]

# peoples, ethnic groups and faiths (singular; plurals are derived): a word for people, not an actor
PEOPLES = set(
    """muslim christian catholic protestant orthodox hindu sikh buddhist jew jewish jain parsi bahai
sunni shia shiite alawite druze ismaili ahmadi yazidi copt coptic maronite evangelical mormon
arab berber amazigh kurd kurdish turkmen turkic pashtun pathan baloch baluch hazara uzbek tajik
uyghur uighur tibetan han rohingya bengali punjabi sindhi muhajir tamil sinhalese kashmiri
hutu tutsi twa banyamulenge fulani peul hausa yoruba igbo tuareg amhara oromo tigrayan somali afar
maasai kikuyu luo zulu xhosa shona ndebele dinka nuer masalit zaghawa fur
roma sami tatar chechen circassian ossetian abkhaz adjarian lezgin avar cossack
karen kachin shan chin mon rakhine bamar kayin hmong khmer lao malay dayak papuan
quechua aymara mapuche guarani maya mayan wayuu garifuna
bedouin druse assyrian chaldean armenian yezidi
asian african european arab american oceanian latino hispanic caucasian indigenous aboriginal""".split()
)
_REGION_BASES = """asian african european american arab eastern western middle pacific atlantic
caribbean mediterranean arctic nordic baltic balkan scandinavian caucasian sahelian andean amazonian
himalayan saharan anglo iberian slavic gulf""".split()
_REGION_PARTS = """central south north east west southeast southwest northeast northwest southern
northern eastern western sub-saharan latin middle""".split()
# adjectives of world regions, alone or after a compass word ("Central Asian", "West African")
REGIONAL = set(_REGION_BASES) | {f"{p} {b}" for p in _REGION_PARTS for b in _REGION_BASES}

# common English words that open sentences, captions and labels in news pages: capitalised there, they
# are no name unless the text also capitalises them inside a sentence (function words are in COMMON)
ENGLISH = set(
    """above across after afterwards again ahead along already although amid another anyway apart around
aside away back behind below beneath beside besides between beyond briefly clearly certainly elsewhere
eventually everywhere finally first firstly further hence inside instead lastly later likewise mostly
nearby nonetheless notably once otherwise outside overall perhaps previously rather recently regardless
separately similarly sometimes soon subsequently then thereafter throughout together toward towards
ultimately underneath unless unlike until upon whatever whenever wherever whether within yes
aid alarm alert anger appeal arms arrest assault attack attacks authorities ban battle blast blasts
border borders calls casualties caption ceasefire change chaos civilians clash claims comment concern
concerns conflict control cooperation crackdown credit crisis critics damage danger data deal deals
death deaths debate debt defence defense delegates demand demands diplomacy diplomats dispute drones
economy efforts elections emergency energy evidence exports facts factbox fear fears file fighting
fire firing food footage forces fuel funding gas gains gunfire gunmen graphic growth guide headlines
help history hope hopes hostilities houses image images imports inflation information investment
investors key labour land law lawmakers leaders life livelihoods loans map markets media militants
miners money motive news note oil opposition order outrage output overview pact pay peace people
photo photos picture pictures plans police policy politics power powers prices prisoners progress
protest protests questions rain reaction reactions read recap reform refugees relief report reports
rescue residents response rights risk rivals rules safety sanctions scores security shelling shooting
soldiers sources statement stocks story supplies support survivors talks tanks tariffs tension
tensions terror timeline trade traders troops trouble truce trust unrest update video villagers
violence voters war warning water watch weapons witnesses women workers""".split()
)


def _plural(word: str) -> set:
    return {word, word + "s", word + "es"}


_PEOPLE_FORMS = {f for w in PEOPLES for f in _plural(w)}


def group_word(name: str) -> bool:
    """Whether *name* is only a word for a people, a faith or a region's people ("Muslims", "Hutu",
    "Central Asians", "Southeast Asian"): no actor of its own, unless a head noun follows in the name."""
    low = " ".join(name.lower().split())
    if low in _PEOPLE_FORMS or low in REGIONAL:
        return True
    return low.endswith("s") and low[:-1] in REGIONAL


def demonym_of(name: str, names: dict):
    """The value of *names* (lowercased names of the text) whose demonym *name* is ("South Ossetian",
    "Central Asians" of "Central Asia"; "Europeans" of "Europe"), or None."""
    low = " ".join(name.lower().split())
    low = low[:-1] if low.endswith("ns") else low
    for base in (low[:-1], low[:-2], low[:-2] + "e", low[:-3], low[:-3] + "a"):
        if base != low and len(base) > 2 and base in names and low.endswith(("n", "an", "ian", "ean")):
            return names[base]
    return None
