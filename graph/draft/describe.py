"""Descriptions that stand for an actor named before: "the mission", "the bloc", "the militia", "the North".

News names an actor once and then describes it: "the United Nations Interim Force in Lebanon ...
the mission", "the paramilitary Rapid Support Forces ... the militia", "the French nuclear group
Orano ... the company", "Niger's junta ... the junta", "North Korea ... the North". An actor is
described by the head word of its name ("Force" of "... Interim Force in Lebanon", "Community" of
"Caribbean Community"), by the word that introduces it ("the paramilitary Rapid Support Forces",
"the nuclear group Orano"), by its apposition ("Hezbollah, the Iran-backed movement,") or by what
it owns ("Niger's junta"). A later "the <word>" (with up to two words before it: "the 15-member
bloc") stands for the last actor described by a word of the same family (bloc: community, union,
alliance; mission: force; company: firm, group; militia: paramilitary, movement, group, insurgents),
preferring the actor introduced by that very word ("the mission, known by its French acronym MINUSCA," is
MINUSCA, and so is a later "the mission", even after "Africa Corps, the force that ..."),
or, for "the group", "the insurgents", "the militants", to the armed group named last; and "the
North"/"the South" for the state named before whose name opens with that word. "The junta" and
"the regime" with no such actor are the home state (the dateline's, else the state the text names
most), and so are "government forces" (or troops, soldiers).

>>> text = ("The paramilitary Rapid Support Forces shelled a camp. The Caribbean Community met. "
...         "The militia denied it. Leaders of the 15-member bloc backed Guyana.")
>>> named = [(17, 37, "RSF", "name", "armed_group"), (58, 77, "CARICOM", "name", "organisation"),
...          (143, 149, "GUY", "name", "state")]
>>> [(text[s:e], ent) for s, e, ent, how, kind in descriptions(text, named)]
[('The militia', 'RSF'), ('the 15-member bloc', 'CARICOM')]
"""

from __future__ import annotations

import bisect
import re

__all__ = ["descriptions"]

# families of words that describe the same kind of actor
_FAMILIES = {
    "bloc": "bloc",
    "community": "bloc",
    "union": "bloc",
    "alliance": "bloc",
    "organisation": "bloc",
    "organization": "bloc",
    "association": "bloc",
    "mission": "mission",
    "force": "mission",
    "peacekeepers": "mission",
    "company": "company",
    "firm": "company",
    "corporation": "company",
    "group": "company|armed",
    "giant": "company",
    "distributor": "company",
    "operator": "company",
    "conglomerate": "company",
    "militia": "armed",
    "paramilitary": "armed",
    "paramilitaries": "armed",
    "movement": "armed",
    "rebels": "armed",
    "separatists": "armed",
    "secessionists": "armed",
    "extremists": "armed",
    "insurgents": "armed",
    "militants": "armed",
    "jihadists": "armed",
    "guerrillas": "armed",
    "cartel": "armed",
    "gang": "armed",
    "gangs": "armed",
    "faction": "armed",
    "court": "court",
    "tribunal": "court",
    "junta": "junta",
    "regime": "junta",
    "agency": "agency",
    "council": "council",
    "committee": "committee",
    "commission": "commission",
    "ministry": "ministry",
    "embassy": "embassy",
    "coalition": "coalition",
    "party": "party",
    "service": "service",
    "bureau": "bureau",
    "authority": "authority",
    # makers and lenders: "Zimbabwe Defence Industries, the state arms maker, ... the company"
    "maker": "company",
    "manufacturer": "company",
    "producer": "company",
    "supplier": "company",
    "contractor": "company",
    "carrier": "company",
    "exporter": "company",
    "shipbuilder": "company",
    "bank": "bank",
    "lender": "bank",
    "fund": "bank",
    "watchdog": "agency",
    "regulator": "agency",
    "parliament": "assembly",
    "assembly": "assembly",
    "legislature": "assembly",
    "congress": "assembly",
    "senate": "assembly",
}
_JOINS = {"of", "for", "in", "on"}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*(?:-[A-Za-z]+)?")
_THE = re.compile(r"\b[Tt]he\s+")
_MODIFIER = re.compile(r"[a-z]+(?:-[a-z]+)*|\d[\d,]*-[a-z]+")
_COMPASS = re.compile(r"\b[Tt]he\s+(?P<head>North|South|East|West)\b(?!\s*[A-Z])(?!-)")
# "the kingdom" (or "the sultanate", "the emirate") is the last state of that form named before it
_CROWN = re.compile(r"\b[Tt]he\s+(?P<head>kingdom|sultanate|emirate)\b(?!\s+of\b)(?!['’]s\s+[A-Z])")
_CROWNS = {
    "kingdom": {"SAU", "MAR", "JOR", "THA", "KHM", "BHR", "GBR", "ESP", "NLD", "NOR", "SWE", "DNK", "BEL", "SWZ", "LSO"}
    | {"BTN", "TON"},
    "sultanate": {"OMN", "BRN"},
    "emirate": {"QAT", "KWT"},
}
_RULING = re.compile(r"(?:['’]s)?\s+(?:junta|regime|military(?:-led)? (?:government|rulers))\b")
# "the Commission" after "the European Commission", "the Council" after "the Ambazonia Governing Council"
_CAPHEAD = re.compile(
    r"\b[Tt]he\s+(?P<head>[A-Z][a-z]{3,})\b(?!\s*(?:['’]s\s+)?[A-Z])(?!\s+(?:of|for|on|in)\s+[A-Z])(?!-)"
)
_GOVERNMENT = re.compile(r"(?<![A-Za-z'’] )\b(?P<head>government|junta|regime)\s+(?:forces|troops|soldiers)\b")
_THINGS = {"place", "agreement", "asset"}
# "the mission, known by its French acronym MINUSCA,", "the group, known as Ansar": the description is the name
_KNOWN_AS = re.compile(
    r"(?P<desc>\b[Tt]he\s+(?:[a-z-]+\s+){0,2}?(?P<head>[a-z]+)),?\s+(?:also\s+)?known\s+"
    r"(?:by\s+(?:its|the)\s+(?:[A-Za-z]+\s+)?(?:acronym|initials|abbreviation)|locally\s+as|as)\s+$"
)
# a name that calls its bearer a fighting movement, whatever kind the name's last word gave it
# ("the Azawad Liberation Front", "the Patriotic Resistance Movement"): "the rebels" may stand for it
_ARMED_NAME = re.compile(
    r"\b(?:Liberation|Resistance|Revolutionary|Rebels?|Insurgents?|Militias?|Mujahideen|Jihad|Brigades?|Fighters)\b"
)


class _Match:
    def __init__(self, s, e, head, text):
        self._span, self._head, self._text = (s, e), head, text

    def span(self):
        return self._span

    def group(self, which=0):
        return self._head if which == "head" else self._text


def _descriptions(text):
    """ "the <word>", with up to two lowercase words before it ("the 15-member bloc"), whose word is one
    of a family and is not followed by a name ("the mission Foo") or a hyphen."""
    for m in _THE.finditer(text):
        pos = m.end()
        for _ in range(3):
            w = _MODIFIER.match(text, pos)
            if w is None:
                break
            if _families(w.group()) and not re.match(r"\s*(?:['’]s\s+)?[A-Z]|-", text[w.end() : w.end() + 6]):
                yield _Match(m.start(), w.end(), w.group(), text[m.start() : w.end()])
                break
            nxt = re.match(r"\s+", text[w.end() :])
            if nxt is None:
                break
            pos = w.end() + nxt.end()


def _families(word):
    f = _FAMILIES.get(word.lower())
    return set(f.split("|")) if f else set()


def _name_head(name):
    """The head word of a name: the last word before "of"/"for"/"in", else the last word."""
    words = _WORD.findall(name)
    for k, w in enumerate(words):
        if k and w in _JOINS:
            return words[k - 1]
    return words[-1] if words else ""


def descriptions(text, named, home=None, skip=None, full=None):
    """(start, end, entity, how, kind) of every description in *text* that stands for an actor of
    *named* ((start, end, entity, how, kind) of the names, sorted); *home* is the home state for
    "the junta"; *skip(start, end)* tells page furniture; *full(entity)* the other names of an entity
    ("NATO": "North Atlantic Treaty Organization", so that "the alliance" stands for it)."""
    actors = [x for x in sorted(named) if x[4] not in _THINGS]
    described = []  # (end of the introduction, families, entity, kind, name)
    introduced = []  # (start, end, entity, kind, name) of a description a name is then given to
    for s, e, ent, _how, kind in actors:
        name = text[s:e]
        fams = _families(_name_head(name))
        if full is not None and kind != "state":
            for other in full(ent):
                fams |= _families(_name_head(other))  # "NATO ... the alliance"
        before = re.search(r"\b([a-z]+)\s+$", text[max(0, s - 30) : s])
        if before:
            fams |= _families(before.group(1)) | {"~" + before.group(1)}  # "the paramilitary Rapid Support Forces"
        known = _KNOWN_AS.search(text[max(0, s - 90) : s])
        if known and _families(known.group("head")):
            # "the mission, known by its French acronym MINUSCA": the mission is MINUSCA
            fams |= _families(known.group("head")) | {"~" + known.group("head")}
            ds = max(0, s - 90) + known.start()
            introduced.append((ds, ds + len(known.group("desc")), ent, kind, name))
        after = text[e : e + 80]
        own = re.match(r"['’]s\s+([a-z]+)\b", after)
        if own:
            fams |= _families(own.group(1))  # "Niger's junta"
        if kind == "state" and _RULING.match(after):
            fams.add("junta")  # "the Burkina junta", "Burkina Faso's military government"
        app = re.match(
            r"(?:\s*\([^)]{1,20}\))?,\s+(?:the|a|an)\s+([^,.;()]{1,50}?)(?=[,.;(]|\s+(?:which|that|who|in|of|for|with|whose)\b)",
            after,
        )
        if app:
            last = _WORD.findall(app.group(1))
            if last:
                fams |= _families(last[-1]) | {"~" + last[-1]}  # "Hezbollah, the Iran-backed movement,"
        heads = {_name_head(name).lower()}
        if full is not None and kind != "state":
            heads |= {_name_head(o).lower() for o in full(ent)}
        fams |= {"=" + h for h in heads if len(name.split()) > 1 or h != name.lower()}
        if fams:
            described.append((e, fams, ent, kind, name))
    states = [(e, ent, text[s:e]) for s, e, ent, how, kind in actors if kind == "state"]
    armed = [
        (e, set(), ent, kind, text[s:e])
        for s, e, ent, how, kind in actors
        if kind == "armed_group" or kind in (None, "organisation") and _ARMED_NAME.search(text[s:e])
    ]
    taken = [(s, e) for s, e, ent, how, kind in named if how != "new name"]  # "the North" wins over "North"
    out = []
    ends_sorted = sorted(actors, key=lambda x: x[1])
    ends = [x[1] for x in ends_sorted]
    known_heads = {f for x in described for f in x[1] if f.startswith("=")}
    caps = [m for m in _CAPHEAD.finditer(text) if "=" + m.group("head").lower() in known_heads]
    crowns = list(_CROWN.finditer(text)) + caps
    for m in list(_descriptions(text)) + list(_COMPASS.finditer(text)) + list(_GOVERNMENT.finditer(text)) + crowns:
        s, e = m.span()
        if skip and skip(s, e) or any(a < e and s < b for a, b in taken):
            continue
        head = m.group("head")
        if head in ("North", "South", "East", "West"):
            hit = next(
                ((ent, name) for end, ent, name in reversed(states) if end <= s and name.startswith(head + " ")), None
            )
            if hit:
                out.append((s, e, hit[0], f"'{m.group()}' ({hit[1]}, named before)", "state"))
            continue
        if head in _CROWNS:
            crown = (x for x in reversed(states) if x[0] <= s and _code(x[2]) in _CROWNS[head])
            hit = next(((ent, name) for _end, ent, name in crown), None)
            if hit:
                out.append((s, e, hit[0], f"'{m.group()}' ({hit[1]}, named before)", "state"))
            continue
        if head == "government":
            if home:  # "seized a naval base from government forces": the home state's
                out.append((s, e, home, f"'{m.group()}' (the home state's)", "state"))
            continue
        if any(re.fullmatch(r",\s*", text[x[1] : s]) for x in ends_sorted[bisect.bisect_left(ends, s - 3) :][:2]):
            continue  # an apposition: "Japan, the largest bilateral lender," is Japan
        fams = _families(head) if head.islower() else {"=" + head.lower()}
        if not fams:
            continue
        if any(a == s for a, *_ in introduced):
            continue
        hit = _last_described(described, text, s, fams, head)
        if hit is None and "armed" in fams:
            # "the group", "the insurgents": else the armed group named last before
            hit = next(((ent, kind, n) for end, _f, ent, kind, n in reversed(armed) if end <= s), None)
        if hit is None and "junta" in fams and home:
            hit = (home, "state", "the home state")
        if hit:
            out.append((s, e, hit[0], f"'{m.group()}' (the {head} named before: {hit[2]})", hit[1]))
    for s, e, ent, kind, name in introduced:
        if not (skip and skip(s, e)):
            out.append((s, e, ent, f"'{text[s:e]}' (known as {name})", kind))
    return sorted(out)


def _last_described(described, text, s, fams, head):
    """(entity, kind, name) of the last actor before *s* described by *head* itself, else by a word of
    its family *fams* ("the mission" is the mission named so before the force named since)."""
    before = [
        x
        for x in reversed(described)
        if x[0] <= s and x[1] & fams and not re.fullmatch(r"(?:\s*\([^)]{1,20}\))?,\s*", text[x[0] : s])
    ]
    same = next((x for x in before if "~" + head.lower() in x[1]), None)
    hit = same or (before[0] if before else None)
    return (hit[2], hit[3], hit[4]) if hit else None


def _code(name):
    """The ISO code of a state's name, capital or demonym ("Riyadh": 'SAU'), or None."""
    from .names import _gazetteer_index

    hit = _gazetteer_index().get(" ".join(re.sub(r"['’]s$", "", name).lower().split()))
    return hit[0] if hit else None
