"""Denials the lexicon's pointers miss: a denial verb before a pointer it does not list ("rejected both
charges", "dismissed that account", "denies involvement", "dismisses 'paranoid fantasy'", "called that claim
'pure propaganda'"), and an account that contradicts a charge without denying it ("Moscow had nothing to do
with the fire", "its jets had flown 'strictly within Russian airspace'", "the patrol had been routine"): the
charge against the speaker's side told before is denied, by the speaker; a denial with nothing told before it to
deny (a headline's "Belgrade denies involvement") denies the first charge against the denier's side told after it.
Used by :mod:`graph.draft.verdicts` for each sentence.

>>> from graph import loads
>>> from graph.draft import draft
>>> ds = loads("entities: [{id: ARD, name: Ardenia, kind: state}, {id: BRL, name: Borland, kind: state}]")
>>> t = "Ardenia said Borland had shelled its border villages. Borland said it had nothing to do with the fire."
>>> for c in draft(t, ds).claims:
...     print(c.subject, c.type, c.object, c.modality, c.asserted_by)
BRL ASSAULT ARD claimed ARD
BRL ASSAULT ARD denied BRL
"""

from __future__ import annotations

from .attribution import denial_pointer
from .clause import Raw
from .pointed import pointed
from .sides import top as _top

__all__ = ["denials"]

_DENY = {"deny", "denies", "denied", "denying", "reject", "rejects", "rejected", "rejecting", "dismiss", "dismisses"}
_DENY |= {"dismissed", "dismissing", "refute", "refutes", "refuted", "rebut", "rebuts", "rebutted"}
_CALL = {"call", "calls", "called", "calling", "described", "describes", "branded", "brands", "termed", "terms"}
_POINTER_DET = {"both", "that", "those", "this", "these", "such", "any", "all", "the", "its", "their", "his", "her"}
# what was said against the denier: "both charges", "that account", "those claims"
_CHARGE = {"charge", "charges", "accusation", "accusations", "allegation", "allegations", "claim", "claims"}
_CHARGE |= {"account", "accounts", "report", "reports", "version", "story", "assertion", "assertions"}
_CHARGE |= {"suggestion", "suggestions", "involvement", "responsibility", "complicity", "role"}
_CHARGE |= {"remarks", "comments", "insinuation", "insinuations"}
_QUOTES = {'"', "“", "”", "'", "‘", "’"}
# what a denial calls a charge ("'paranoid fantasy'", "'pure propaganda'")
_BASELESS = {"baseless", "false", "unfounded", "untrue", "fabricated", "groundless", "lies", "propaganda", "absurd"}
_BASELESS |= {"ridiculous", "fabrication", "fabrications", "fiction", "nonsense", "disinformation", "slander", "lie"}
_BASELESS |= {"fake", "misleading", "concocted", "fantasy", "fantasies", "invention", "hysteria", "smear", "libel"}
_BASELESS |= {"slanderous", "smokescreen", "fairy", "paranoid", "provocation", "speculation", "rumours", "rumors"}

# an account that contradicts a charge: "had nothing to do with", "no connection whatsoever", "a routine patrol",
# "strictly within its airspace", "never allowed", "not a single soldier", "no force whatsoever"
_MARKS = [
    ("nothing", "to", "do", "with"),
    ("nothing", "to", "do"),
    ("no", "connection"),
    ("no", "link"),
    ("no", "links"),
    ("no", "involvement"),
    ("no", "role"),
    ("no", "part"),
    ("not", "involved"),
    ("routine",),
    ("normal", "patrol"),
    ("normal", "patrols"),
    ("scheduled",),
    ("strictly",),
    ("never",),
    ("not", "a", "single"),
    ("in", "line", "with"),
    ("in", "accordance", "with"),
    ("only",),
    ("receives", "no"),
    ("received", "no"),
    ("whatsoever",),
    ("none", "of"),
    ("no", "troops"),
    ("no", "soldiers"),
    ("no", "forces"),
    ("no", "force"),
    ("does", "not", "allow"),
    ("do", "not", "allow"),
    ("did", "not", "allow"),
    ("would", "not", "allow"),
    ("will", "not", "allow"),
    ("own", "territory"),
    ("own", "waters"),
    ("own", "airspace"),
    ("international", "airspace"),
    ("international", "waters"),
    ("fabricated",),
    ("by", "mutual", "agreement"),
]
_FIRSTS = {m[0] for m in _MARKS}
# the acts a charge says the accused did (not what one said or asked)
_CHARGED = {"ASSAULT", "MOBILIZE", "COERCE", "AID", "SANCTION"}
_TOLD = ("claimed", "reported")
# what may stand between the denier and the verb (", a claim Ardenia has always rejected")
_BETWEEN = {"has", "have", "had", "'s", "always", "long", "repeatedly", "consistently", "also"}


def extra_pointer(stoks):
    """``(verb index, pointer index, 'back')`` of a denial whose pointer the lexicon does not list, or None.

    >>> from graph.draft.tokens import tokenise
    >>> extra_pointer(tokenise("Vardia rejected both charges on Monday."))
    (1, 3, 'back')
    >>> extra_pointer(tokenise("Vardia dismisses 'paranoid fantasy'"))
    (1, 3, 'back')
    >>> extra_pointer(tokenise("Vardia rejected the proposal.")) is None
    True
    """
    lows = [t.lower for t in stoks]
    n = len(lows)
    for v, w in enumerate(lows):
        if w not in _DENY and w not in _CALL:
            continue
        k = v + 1
        if k < n and lows[k] in _POINTER_DET:
            k += 1
        if k < n and lows[k] in ("two", "three", "latest", "new", "same", "western", "foreign", "media"):
            k += 1
        elif k + 1 < n and k > v + 1 and stoks[k].text[:1].isupper() and lows[k + 1] in _CHARGE:
            k += 1  # "dismissed the Pakistani remarks": whose charge, named by its demonym
        if k < n and lows[k] in _CHARGE and (k + 1 >= n or lows[k + 1] not in ("that", "of", "by", "to")):
            if w in _DENY or any(x in _BASELESS for x in lows[k + 1 : k + 6]):
                return v, k, "back"
        # "dismisses 'paranoid fantasy'", "denies 'fabricated' report": a denial in the words it quotes
        if w in _DENY and v + 1 < n and lows[v + 1] in _QUOTES and any(x in _BASELESS for x in lows[v + 2 : v + 6]):
            return v, v + 2, "back"
        # ", a role New Delhi denies": what the sentence said before, denied by who is named between
        a = next((x for x in range(max(v - 6, 1), v) if lows[x] in ("a", "an") and lows[x - 1] == ","), None)
        if (
            w in _DENY
            and a is not None
            and v - a >= 3
            and all(t.text[:1].isupper() or t.lower in _BETWEEN or t.lower.endswith("ly") for t in stoks[a + 2 : v])
            and stoks[a + 2].text[:1].isupper()
        ):
            return v, a, "before"
        # "N'Djamena denies", "Kabul denies, says ...": a headline's bare denial
        if (
            w in _DENY
            and (v + 1 == n or lows[v + 1] in (",", ";", ":", "."))
            and v > 0
            and stoks[v - 1].text[:1].isupper()
        ):
            return v, v, "back"
    return None


def _marked(lows, lo, hi):
    """The token index of the first mark of a contradicting account in ``lows[lo:hi]``, or None."""
    for k in range(lo, hi):
        if lows[k] in _FIRSTS and any(tuple(lows[k : k + len(m)]) == m for m in _MARKS):
            return k
    return None


def accounts(text, stoks, in_sentence, here, ctx, sp):
    """Denied copies of the charge against the speaker's side, when what the speaker says contradicts it."""
    if sp is None or sp.speaker is None or not sp.content:
        return []
    lows = [t.lower for t in stoks]
    inside = [k for k, t in enumerate(stoks) if sp.content[0] <= t.start < sp.content[1]]
    if not inside:
        return []
    at = _marked(lows, inside[0], inside[-1] + 1)
    if at is None:
        return []
    owner = ctx.owner
    # the accused: the speaker's side, or an actor the content names before the mark ("Moscow had nothing ...")
    # (and whom the speaker speaks for: "Chinese foreign ministry spokesperson Hua Jian said")
    sides = {_top(sp.speaker, owner)}
    sides |= {_top(x[2], owner) for x in in_sentence if sp.phrase[0] <= x[0] < sp.phrase[1] and x[4] != "person"}
    named = [x for x in in_sentence if sp.content[0] <= x[0] and x[1] <= stoks[at].start and x[4] != "person"]
    sides |= {_top(x[2], owner) for x in named}
    proper = [x[2] for x in named if not x[3].startswith("'")]  # (named, not "it", "its")
    if ctx.kinds.get(sp.speaker) == "person" and sp.speaker not in owner:
        # ("Kigali dismissed the charge. Government spokeswoman Y said ...": a spokesperson of no known side goes on
        # with the denial just told)
        sides |= {_top(r.asserted_by, owner) for r in ctx.prev if r.modality == "denied" and r.asserted_by}
    # the charge: the latest act of the accused told before (claimed by another, or reported), not one of theirs
    told = [r for rs in ctx.history[-6:] for r in rs] + [r for r in here if r.start < stoks[0].start]
    # (or, "it receives no weapons from any state", the one said to be armed: the recipient of the aid charged)
    received = any(w.startswith("receiv") for w in lows[inside[0] : inside[-1] + 1])

    def charged(r):
        mine, theirs = _top(r.subject, owner), _top(r.object, owner)
        if received and r.type == "AID":
            mine, theirs = theirs, mine
        return mine in sides and theirs not in sides

    charges = [
        r
        for r in reversed(told)
        if r.type in _CHARGED
        and (r.modality == "claimed" or (r.modality == "reported" and r.rule != "other-side"))
        and charged(r)
        and (r.asserted_by is None or _top(r.asserted_by, owner) not in sides)
    ]
    if not charges:
        return []
    # (a charge someone made first, "X accused Y of", "X said Y had", then what was told as fact or guessed)
    latest = next((r for r in charges if r.modality == "claimed" and r.asserted_by is not None), charges[0])
    # (the charge of the latest sentence that holds one: every act it charges, not older ones)
    charges = [r for r in charges if r.start == latest.start]
    denied = {(r.subject, r.type, r.object) for r in here if r.modality == "denied"}
    cs, ce = stoks[0].start, stoks[-1].end
    seen, out = set(), []
    for r in charges:
        key = (r.subject, r.type, r.object)
        if key in seen or key in denied:
            continue
        seen.add(key)
        q = text[r.start : r.end].strip()
        why = [
            f"'{stoks[at].text}': an account that contradicts '{q[:60]}{'…' if len(q) > 60 else ''}'",
            f"denied by {sp.speaker}",
        ]
        # ("Moscow had nothing to do with the fires": what the account names, when of the charged side)
        who = next((x for x in proper if _top(x, owner) == _top(r.subject, owner)), r.subject)
        out.append(
            Raw(
                who,
                r.object,
                r.type,
                r.mode,
                "denied",
                sp.speaker,
                cs,
                ce,
                stoks[at].start,
                why,
                0.4,
                "account",
                True,
            )
        )
    return out


def told_before(ctx):
    """The candidates of the last sentences."""
    return [r for rs in ctx.history[-8:] for r in rs]


def _claimed_by_maker(r, told, owner):
    """Whether the act *r* denies was claimed by its own maker ("the rebels said they had downed a helicopter")."""
    return any(
        (x.subject, x.type, x.object) == (r.subject, r.type, r.object)
        and x.modality == "claimed"
        and (x.asserted_by is None or _top(x.asserted_by, owner) == _top(x.subject, owner))
        for x in told
    )


def _ahead(text, stoks, in_sentence, here, ctx, p):
    """A denial with nothing told before to deny ("Moscow dismisses 'paranoid fantasy'" in a headline): kept until
    the charge against the denier's side is told (a denied copy of it then, quoting the denial), or None."""
    v, k, where = p
    if where != "back" or any(r.modality == "denied" for r in here):
        return None
    who = [x for x in in_sentence if x[1] <= stoks[v].start and x[4] != "person"]
    if not who:
        return None
    denier = _top(who[-1][2], ctx.owner)
    if any(_top(r.subject, ctx.owner) == denier and r.type in _CHARGED for r in told_before(ctx)):
        return None  # (a charge told before: the denial points back to it)
    return who[-1][2], stoks[0].start, stoks[-1].end, stoks[v].start, text[stoks[0].start : stoks[-1].end]


def _kept(here, ctx):
    """The denied copies of the charges of this sentence that a denial kept from before denies."""
    out = []
    for denier, cs, ce, at, q in list(ctx.ahead):
        charges = [
            r
            for r in here
            if r.type in _CHARGED
            and r.modality in _TOLD
            and _top(r.subject, ctx.owner) == _top(denier, ctx.owner)
            and (r.asserted_by is None or _top(r.asserted_by, ctx.owner) != _top(denier, ctx.owner))
        ]
        for r in charges[:1]:
            why = [
                f"'{q[:60]}' denies what is charged after it: '{r.subject} {r.type} {r.object}'",
                f"denied by {denier}",
            ]
            out.append(Raw(r.subject, r.object, r.type, r.mode, "denied", denier, cs, ce, at, why, 0.4, "ahead", True))
            ctx.ahead.remove((denier, cs, ce, at, q))
    return out


def denials(text, stoks, in_sentence, here, ctx, sp, lexicon):
    """The denied claims of a denial the lexicon's pointers miss, and of an account that contradicts a charge."""
    out = _kept(here, ctx)
    p = denial_pointer(stoks, lexicon) or extra_pointer(stoks)
    kept = _ahead(text, stoks, in_sentence, here, ctx, p) if p is not None else None
    if kept is not None:
        ctx.ahead.append(kept)  # (ctx carries it to the sentences after)
    if denial_pointer(stoks, lexicon) is not None:
        return out
    p = extra_pointer(stoks)
    if p is not None:
        # (a charge against the denier's side, or a boast its maker claimed: not what was done to the denier, nor
        # the accusation itself)
        mine = [
            r
            for r in pointed(text, stoks, p, in_sentence, here, ctx, sp)
            if _top(r.subject, ctx.owner) == _top(r.asserted_by, ctx.owner)
            or (r.type != "ACCUSE" and _claimed_by_maker(r, told_before(ctx) + list(here), ctx.owner))
        ]
        if mine:
            return out + mine
    return out + accounts(text, stoks, in_sentence, here, ctx, sp)
