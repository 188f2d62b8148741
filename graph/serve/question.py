"""A request to ``actorgraph serve``, read and checked: which claims it asks for and which page of them.

The filters have the names and values of the page's URL fragment (``type``, ``pol``, ``mod``, ``src``,
``from``, ``to``, ``undated``, ``time``, ``contested``, ``focus``, ``hops``: graph/render/static/urlstate.js),
so a page asks the server for what its own filters keep. A question may also narrow the claims to an
aggregated edge (``subject``, ``object``, ``quad``, ``period`` cut ``by`` month, year or all), to an
actor at either end (``actor``) or to a text in a claim's id, quotes or records (``q``); the API pages
them (``offset``, ``limit``) and carries the filters of the page it came from (``view``, the page's own
query). Anything else is a :class:`BadRequest` naming the parameter and what it takes.

>>> q = parse("type=ACCUSE&type=THREATEN&from=2021-01&actor=PAK&limit=20", api=True)
>>> sorted(q.filters["types"]), q.filters["from"], q.actor, q.limit
(['ACCUSE', 'THREATEN'], '2021-01', 'PAK', 20)
>>> parse("limit=5000", api=True)
Traceback (most recent call last):
...
graph.errors.BadRequest: limit: at most 1000 claims a page (page through them with offset)
>>> parse("colour=red")  # doctest: +NORMALIZE_WHITESPACE
Traceback (most recent call last):
...
graph.errors.BadRequest: unknown parameter 'colour'; a page takes: actor, by, contested, focus, from, hops, mod,
 object, period, pol, q, quad, src, subject, time, to, type, undated
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode

from ..errors import BadRequest
from ..filters import TIMES
from ..render.edge_groups import PERIODS, UNDATED
from ..vocab import MODALITIES, QUADS, RELATION_TYPES

__all__ = ["Question", "parse", "query_text", "describe", "MAX_LIMIT", "MAX_OFFSET", "FILTERS", "NONE"]

#: at most this many claims in one answer
MAX_LIMIT = 1000
#: a page further than this into a list is refused: narrow the question instead
MAX_OFFSET = 1_000_000
MAX_HOPS = 6
NONE = "~"  # the value of an empty list (every box unticked), as in the URL fragment

#: the page's filters (the URL fragment's names) that the server applies
FILTERS = ("type", "pol", "mod", "src", "from", "to", "undated", "time", "contested", "focus", "hops")
_NARROW = ("actor", "subject", "object", "quad", "period", "by", "q")
_API = ("offset", "limit", "view")
_LISTS = {
    "type": ("types", tuple(RELATION_TYPES)),
    "pol": ("pols", ("-1", "0", "1")),
    "mod": ("mods", tuple(MODALITIES)),
    "src": ("srcs", None),
}
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
_PERIOD = {"year": re.compile(r"^\d{4}$"), "month": _MONTH, "all": re.compile(r"^all$")}


@dataclass
class Question:
    """What a request asks for; ``filters`` holds the page's filters given (``types``, ``pols``,
    ``mods``, ``srcs``: sets; ``from``/``to``: ``"YYYY-MM"``; ``undated``, ``contested``: bool;
    ``time``; ``focus`` and ``hops``)."""

    filters: dict = field(default_factory=dict)
    actor: str | None = None
    subject: str | None = None
    object: str | None = None
    quad: str | None = None
    period: str | None = None
    by: str = "year"
    q: str | None = None
    offset: int = 0
    limit: int = 100
    view: Question | None = None

    @property
    def group(self) -> bool:
        """Does it ask for the claims of one aggregated edge?"""
        return self.period is not None

    def actors(self) -> list:
        """The entity ids it names (to be checked against the data)."""
        out = [x for x in (self.actor, self.subject, self.object, self.filters.get("focus")) if x]
        return out + (self.view.actors() if self.view else [])

    def sources(self) -> list:
        out = list(self.filters.get("srcs") or ())
        return out + (self.view.sources() if self.view else [])

    def narrowed(self) -> bool:
        """Does it ask for fewer claims than all of them?"""
        return bool(
            self.filters
            or self.actor
            or self.subject
            or self.object
            or self.quad
            or self.period
            or self.q
            or (self.view and self.view.narrowed())
        )


def _one(params, key):
    vals = params.get(key, [])
    if len(vals) > 1:
        raise BadRequest(f"{key}: give it once (it was given {len(vals)} times)")
    return vals[0] if vals else None


def _whole(text, key, lo, hi, what):
    if text is None:
        return None
    if not re.fullmatch(r"\d{1,9}", text.strip()):
        raise BadRequest(f"{key}: '{text[:40]}' is not a whole number ({what})")
    n = int(text)
    if n < lo or n > hi:
        raise BadRequest(f"{key}: {what}, from {lo} to {hi:,}, not {n:,}")
    return n


def _flag(text, key):
    if text is None:
        return None
    if text not in ("0", "1"):
        raise BadRequest(f"{key}: 1 (yes) or 0 (no), not '{text[:40]}'")
    return text == "1"


def _filters(params) -> dict:
    out = {}
    for key, (name, allowed) in _LISTS.items():
        vals = params.get(key)
        if not vals:
            continue
        if NONE in vals:
            vals = [v for v in vals if v != NONE]
            if vals:
                raise BadRequest(f"{key}: '{NONE}' (none of them) cannot go with values")
        if allowed is not None:
            bad = [v for v in vals if v not in allowed]
            if bad:
                raise BadRequest(f"{key}: unknown value '{bad[0][:60]}'; expected one of: " + ", ".join(allowed))
        out[name] = frozenset(vals)
    for key in ("from", "to"):
        v = _one(params, key)
        if v is not None:
            if not _MONTH.match(v):
                raise BadRequest(f"{key}: a month, YYYY-MM (such as 2021-08), not '{v[:40]}'")
            out[key] = v
    if "from" in out and "to" in out and out["from"] > out["to"]:
        raise BadRequest(f"from {out['from']} is after to {out['to']}")
    undated = _flag(_one(params, "undated"), "undated")
    if undated is False:
        out["undated"] = False
    time = _one(params, "time")
    if time is not None:
        if time not in TIMES:
            raise BadRequest(f"time: one of {', '.join(TIMES)}, not '{time[:40]}'")
        if time != "happened":
            out["time"] = time
    if _flag(_one(params, "contested"), "contested"):
        out["contested"] = True
    focus = _one(params, "focus")
    hops = _whole(_one(params, "hops"), "hops", 1, MAX_HOPS, "steps around the focus")
    if focus:
        out["focus"], out["hops"] = focus, hops or 1
    elif hops is not None:
        raise BadRequest("hops: it goes with focus (the actor whose neighbourhood to keep)")
    return out


def parse(query: str, *, api=False, depth=0) -> Question:
    """The :class:`Question` of a URL's query text *query* (without ``?``); *api*: a request of the
    JSON API (with ``offset``, ``limit`` and ``view``), else of a page. The token is not read here."""
    try:
        pairs = parse_qsl(query or "", keep_blank_values=True, strict_parsing=False, max_num_fields=400)
    except ValueError as exc:
        raise BadRequest(f"the request's parameters cannot be read: {exc}") from None
    params = {}
    for k, v in pairs:
        if k == "token" and depth == 0:
            continue
        params.setdefault(k, []).append(v)
    known = set(FILTERS) | set(_NARROW) | (set(_API) if api else set())
    for k in params:
        if k not in known:
            raise BadRequest(
                f"unknown parameter '{k[:40]}'; {'the API' if api else 'a page'} takes: " + ", ".join(sorted(known))
            )
    for k, vals in params.items():
        for v in vals:
            if len(v) > 200:
                raise BadRequest(f"{k}: at most 200 characters")
    q = Question(filters=_filters(params))
    for key in ("actor", "subject", "object"):
        setattr(q, key, _one(params, key) or None)
    quad = _one(params, "quad")
    if quad is not None and quad not in QUADS:
        raise BadRequest(f"quad: one of {', '.join(QUADS)}, not '{quad[:40]}'")
    q.quad = quad
    by = _one(params, "by")
    if by is not None and by not in PERIODS:
        raise BadRequest(f"by: one of {', '.join(PERIODS)}, not '{by[:40]}'")
    q.by = by or "year"
    period = _one(params, "period")
    if period is not None:
        if period != UNDATED and not _PERIOD[q.by].match(period):
            raise BadRequest(
                f"period: per {q.by}, "
                + {"year": "a year (YYYY)", "month": "a month (YYYY-MM)", "all": "'all'"}[q.by]
                + f" or '{UNDATED}', not '{period[:40]}'"
            )
        if None in (q.subject, q.object, q.quad):
            raise BadRequest("period: an aggregated edge is named by subject, object, quad and period together")
        q.period = period
    text = _one(params, "q")
    if text is not None:
        text = " ".join(text.split())
        if len(text) < 2:
            raise BadRequest("q: search for at least 2 characters")
        q.q = text
    if api:
        q.offset = _whole(_one(params, "offset"), "offset", 0, MAX_OFFSET, "claims to skip") or 0
        limit = _one(params, "limit")
        if limit is not None and limit.strip().isdigit() and int(limit) > MAX_LIMIT:
            raise BadRequest(f"limit: at most {MAX_LIMIT} claims a page (page through them with offset)")
        q.limit = _whole(limit, "limit", 0, MAX_LIMIT, "claims a page")
        if q.limit is None:
            q.limit = 100
        view = _one(params, "view")
        if view and depth == 0:
            try:
                q.view = parse(view, depth=1)
            except BadRequest as exc:
                raise BadRequest(f"view: {exc}") from None
    return q


def query_text(q: Question) -> str:
    """The query text of the page filters and narrowing of *q* (what :func:`parse` reads back).

    >>> query_text(parse("mod=denied&actor=PAK&from=2020-01"))
    'mod=denied&from=2020-01&actor=PAK'
    """
    f = q.filters
    pairs = []
    for key, (name, _allowed) in _LISTS.items():
        if name in f:
            pairs += [(key, v) for v in sorted(f[name])] or [(key, NONE)]
    pairs += [(k, f[k]) for k in ("from", "to") if k in f]
    if f.get("undated") is False:
        pairs.append(("undated", "0"))
    if "time" in f:
        pairs.append(("time", f["time"]))
    if f.get("contested"):
        pairs.append(("contested", "1"))
    if "focus" in f:
        pairs += [("focus", f["focus"]), ("hops", str(f["hops"]))]
    for key in ("actor", "subject", "object", "quad", "period"):
        if getattr(q, key):
            pairs.append((key, getattr(q, key)))
    if q.period is not None and q.by != "year":
        pairs.append(("by", q.by))
    if q.q:
        pairs.append(("q", q.q))
    return urlencode(pairs)


def describe(q: Question, name=str) -> str:
    """In words, the claims question *q* keeps (*name*: an entity id's name); "" for all of them.

    >>> describe(parse("type=ACCUSE&type=THREATEN&mod=reported&from=2021-01&actor=PAK"))
    'the claims of PAK · type ACCUSE or THREATEN · modality reported · from 2021-01'
    >>> describe(parse("subject=USA&object=PAK&quad=verbal%20conflict&period=2019"))
    'USA → PAK · verbal conflict · 2019'
    """
    parts = []
    if q.period is not None:
        parts.append(f"{name(q.subject)} → {name(q.object)}")
        parts += [q.quad, "undated" if q.period == UNDATED else "all time" if q.period == "all" else q.period]
    else:
        if q.actor:
            parts.append(f"the claims of {name(q.actor)}")
        if q.subject:
            parts.append(f"by {name(q.subject)}")
        if q.object:
            parts.append(f"about {name(q.object)}")
        if q.quad:
            parts.append(q.quad)
    f = q.filters
    for key, word in (("types", "type"), ("mods", "modality"), ("srcs", "source")):
        if key in f:
            parts.append(f"{word} " + (" or ".join(sorted(f[key])) if f[key] else "none"))
    if "pols" in f:
        signs = {"-1": "conflict", "0": "neutral", "1": "cooperation"}
        parts.append("polarity " + (" or ".join(signs[s] for s in sorted(f["pols"])) if f["pols"] else "none"))
    when = {"happened": "", "made": " (said)", "happened-or-made": " (happened, else said)"}[f.get("time", "happened")]
    if "from" in f or "to" in f:
        parts.append(
            f"from {f['from']} to {f['to']}{when}"
            if "from" in f and "to" in f
            else f"from {f['from']}{when}"
            if "from" in f
            else f"up to {f['to']}{when}"
        )
    if f.get("undated") is False:
        parts.append("dated only")
    if f.get("contested"):
        parts.append("contested")
    if "focus" in f:
        parts.append(f"around {name(f['focus'])} ({f['hops']} step{'s' if f['hops'] > 1 else ''})")
    if q.q:
        parts.append(f"matching '{q.q}'")
    return " · ".join(parts)
