"""What ``actorgraph serve --db`` answers from the graph database (FalkorDB), in the Cypher of ``db query``.

The graph is the one ``actorgraph db push`` writes (:mod:`graph.db`): ``(:Entity)`` and ``(:Source)``
nodes, one relationship per claim with its fields as properties. A :class:`DatabaseStore` reads the
entities and sources once (the page draws every entity); every question becomes one read-only
statement (``GRAPH.RO_QUERY``, with a server-side time limit) whose ``WHERE`` says, in parameters, what
:mod:`graph.serve.claims` tests in memory: the page's filters, an aggregated edge, an actor, a text.
A page of a question is drawn in full (its claims read back as :class:`~graph.model.Relation`) when it
holds at most ``full`` claims, else aggregated in the database (count, polarity, types, modalities,
sources and claimants per subject, object, quad and period; the ``top`` heaviest). Claims come in the
order of their ids.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter, OrderedDict

from ..analysis.claims import ASSERTING, DENYING
from ..dataset import Dataset
from ..errors import TooLong
from ..model import Entity, Evidence, Relation, Source
from ..render import render_html
from ..render.aggregated_data import TOP, group_page
from ..render.data import LAYOUT_THRESHOLD
from ..render.edge_groups import UNDATED
from ..render.network import start_positions
from ..when import parse_when
from .claims import check_names, month_range
from .dataset import FULL, PAGE_SIZE, PAGES_KEPT, TIMEOUT, page_title, server_block
from .question import query_text

__all__ = ["DatabaseStore", "where"]

_MATCH = "MATCH (a:Entity)-[r]->(b:Entity) WHERE r.id IS NOT NULL"
_CLAIM = (
    "r.id, a.id, b.id, r.type, r.mode, r.modality, r.polarity, r.claimants, r.when, r.evidence, "
    "r.context, r.attributes, r.note"
)
_LENGTH = {"year": 4, "month": 7}


def _period(by) -> str:
    """The Cypher of a claim's period cut *by* year or month (as :func:`graph.render.edge_groups.period_of`)."""
    if by == "all":
        return "'all'"
    n = _LENGTH[by]
    return (
        f"CASE WHEN r.when_start IS NOT NULL THEN substring(r.when_start, 0, {n}) "
        f"WHEN r.when_end IS NOT NULL THEN substring(r.when_end, 0, {n}) ELSE '{UNDATED}' END"
    )


def where(q, sources, near=None, prefix="") -> tuple:
    """``(conditions, params)``: the Cypher conditions (on ``a``, ``r``, ``b``) of question *q* (not its
    view), its parameters named with *prefix*; *sources* the dataset's sources (their dates, for the
    time a claim was said); *near*: the entities of its focus's neighbourhood. Contested claims only
    (``contested=1``) is the store's: its statement starts from them.

    >>> from graph.serve.question import parse
    >>> conds, params = where(parse("mod=denied&actor=PAK"), {})
    >>> conds, params
    (['r.modality IN $mods', '(a.id = $actor OR b.id = $actor)'], {'mods': ['denied'], 'actor': 'PAK'})
    """
    f, conds, params = q.filters, [], {}

    def p(name, value):
        params[prefix + name] = value
        return "$" + prefix + name

    if "types" in f:
        conds.append(f"r.type IN {p('types', sorted(f['types']))}")
    if "pols" in f:
        conds.append(f"r.sign IN {p('pols', sorted(int(s) for s in f['pols']))}")
    if "mods" in f:
        conds.append(f"r.modality IN {p('mods', sorted(f['mods']))}")
    if "srcs" in f:
        conds.append(f"ANY(s IN r.sources WHERE s IN {p('srcs', sorted(f['srcs']))})")
    basis, undated = f.get("time", "happened"), f.get("undated", True)
    if "from" in f or "to" in f or not undated:
        lo, hi = month_range(f)
        lo_t, hi_t = (
            ("0000-01-01" if "from" not in f else lo.isoformat()),
            ("9999-12-31" if "to" not in f else hi.isoformat()),
        )
        happened = (
            f"(coalesce(r.when_start, '0000-01-01') <= {p('hi', hi_t)} AND "
            f"{p('lo', lo_t)} <= coalesce(r.when_end, '9999-12-31'))"
        )
        dated = [sid for sid, s in sources.items() if s.published is not None]
        in_range = [
            sid
            for sid, s in sources.items()
            if s.published is not None and s.published.start <= hi and lo <= s.published.end
        ]
        made = f"ANY(s IN r.sources WHERE s IN {p('said', sorted(in_range))})"
        made_undated = f"NONE(s IN r.sources WHERE s IN {p('dated', sorted(dated))})"
        keep = "true" if undated else "false"
        if basis == "happened":
            conds.append(f"(CASE WHEN r.when IS NULL THEN {keep} ELSE {happened} END)")
        elif basis == "made":
            conds.append(f"(CASE WHEN {made_undated} THEN {keep} ELSE {made} END)")
        else:
            conds.append(
                f"(CASE WHEN r.when IS NOT NULL THEN {happened} WHEN {made_undated} THEN {keep} ELSE {made} END)"
            )
    if q.subject is not None:
        conds.append(f"a.id = {p('subject', q.subject)}")
    if q.object is not None:
        conds.append(f"b.id = {p('object', q.object)}")
    if q.actor is not None:
        x = p("actor", q.actor)
        conds.append(f"(a.id = {x} OR b.id = {x})")
    if q.quad is not None:
        conds.append(f"r.quad = {p('quad', q.quad)}")
    if q.period is not None and q.by != "all":
        conds.append(f"{_period(q.by)} = {p('period', q.period)}")
    if q.q is not None:
        x = p("q", q.q.lower())
        conds.append(
            f"(toLower(r.id) CONTAINS {x} OR ANY(t IN coalesce(r.quotes, []) WHERE toLower(t) CONTAINS {x}) "
            f"OR ANY(t IN coalesce(r.records, []) WHERE toLower(t) CONTAINS {x}))"
        )
    if near is not None:
        x = p("near", sorted(near))
        conds.append(f"a.id IN {x} AND b.id IN {x}")
    return conds, params


def _relation(row) -> Relation:
    rid, s, o, t, mode, modality, polarity, claimants, when, evidence, context, attributes, note = row
    ev = tuple(Evidence(e["source"], e.get("quote"), e.get("record")) for e in json.loads(evidence or "[]"))
    return Relation(
        id=rid,
        subject=s,
        object=o,
        type=t,
        modality=modality,
        polarity=float(polarity or 0),
        mode=mode,
        context=tuple(context or ()),
        when=parse_when(when) if when else None,
        evidence=ev,
        attributes=json.loads(attributes) if attributes else {},
        note=note,
        claimants=tuple(claimants or ()),
    )


class DatabaseStore:
    """The answers of a server over the graph at *url* (a ``falkordb://`` URL; see the module docs)."""

    backend = "database"

    def __init__(self, url, *, by="year", top=TOP, full=FULL, timeout=TIMEOUT, title=None, page_size=PAGE_SIZE):
        from ..db.falkordb import connect
        from ..db.urls import parse_url

        u = parse_url(url)
        if u.backend != "falkordb":
            from ..db import UsageError

            raise UsageError("serve --db reads a FalkorDB graph (falkordb://HOST:PORT/GRAPH)")
        self.by, self.top, self.full, self.timeout, self.page_size = by, top, full, timeout, page_size
        self.db, self.u = connect(u)
        self.graph = self.db.select_graph(u.graph)
        self.lock = threading.Lock()
        self._pages = OrderedDict()
        self._contested = None
        self.ds = self._nodes()
        self._count = self._run(_MATCH + " RETURN count(r)")[0][0]
        self.title = title or f"actorgraph: {u.shown()}"

    # -- reading -----------------------------------------------------------------------------------
    def _run(self, cypher, params=None, deadline=None) -> list:
        """The rows of a read-only statement, within the time left (the server stops it after that)."""
        import redis

        from ..db.falkordb import translate

        left = self.timeout if deadline is None else deadline - time.monotonic()
        if left <= 0:
            raise TooLong("the question took too long to answer; narrow it (an actor, a type, a period)")
        try:
            return self.graph.ro_query(cypher, params or None, timeout=max(1, int(left * 1000))).result_set
        except (redis.RedisError, OSError) as exc:
            if "timed out" in str(exc).lower() or "timeout" in str(exc).lower():
                raise TooLong(
                    "the database took too long to answer; narrow the question (an actor, a type, a period)"
                ) from None
            raise translate(exc, self.u.shown(), self.u.graph) from None

    def _nodes(self) -> Dataset:
        """A dataset of the database's entities and sources (no claims: they stay in the database)."""
        sources = {}
        for (props,) in self._run("MATCH (s:Source) RETURN properties(s) ORDER BY s.id"):
            w = props.get("published")
            sources[props["id"]] = Source(
                id=props["id"],
                title=props.get("title"),
                kind=props.get("kind"),
                published=parse_when(str(w)) if w else None,
                author=props.get("author"),
                outlet=props.get("outlet"),
                url=props.get("url"),
                perspective=props.get("perspective"),
                note=props.get("note"),
            )
        entities = {}
        for (props,) in self._run("MATCH (n:Entity) RETURN properties(n) ORDER BY n.id"):
            entities[props["id"]] = Entity(
                id=props["id"],
                name=props.get("name") or props["id"],
                kind=props.get("kind") or "state",
                aliases=tuple(props.get("aliases") or ()),
                codes={k[5:]: v for k, v in props.items() if k.startswith("code_")},
                part_of=props.get("part_of"),
                description=props.get("description"),
            )
        return Dataset(sources, entities, [])

    def name(self, eid) -> str:
        e = self.ds.entities.get(eid)
        return e.name if e is not None else str(eid)

    def count(self) -> int:
        return self._count

    def contested(self, deadline=None) -> list:
        """The contested claims, ``[[subject, object, [claim ids]], ...]`` per pair: asserted and denied,
        or asserted with both signs, by the same subject, type and object
        (:func:`graph.analysis.contested.verdicts`)."""
        if self._contested is None:
            rows = self._run(
                _MATCH + " WITH a.id AS s, r.type AS t, b.id AS o, collect([r.id, r.modality, r.sign, "
                "size(coalesce(r.sources, [])), r.quad]) AS cs WHERE size(cs) > 1 RETURN s, o, cs",
                deadline=deadline,
            )
            pairs = {}
            for s, o, cs in rows:
                asserting = [c for c in cs if c[1] in ASSERTING]
                reasons = (any(c[3] for c in asserting) and any(c[1] in DENYING and c[3] for c in cs)) or (
                    bool(asserting) and asserting[0][4] != "structural" and len({c[2] for c in asserting if c[2]}) > 1
                )
                if reasons:
                    pairs.setdefault((s, o), []).extend(c[0] for c in cs)
            self._contested = [[s, o, sorted(ids)] for (s, o), ids in sorted(pairs.items())]
        return self._contested

    def _where(self, q, deadline) -> tuple:
        conds, params = [], {}
        for prefix, x in (("", q), ("v_", q.view)):
            if x is None:
                continue
            near = self._near(x, deadline) if "focus" in x.filters else None
            c, p = where(x, self.ds.sources, near, prefix)
            conds += c
            params.update(p)
        return conds, params

    def _near(self, q, deadline) -> set:
        """The entities within ``hops`` of the focus of *q*, on the claims its other filters keep."""
        plain = type(q)(filters={k: v for k, v in q.filters.items() if k not in ("focus", "hops")})
        conds, params = where(plain, self.ds.sources)
        if plain.filters.get("contested"):
            conds.append("r.id IN $contested")
            params["contested"] = [i for _s, _o, ids in self.contested(deadline) for i in ids]
        seen = frontier = {q.filters["focus"]}
        for _ in range(q.filters["hops"]):
            rows = self._run(
                "MATCH (a:Entity)-[r]-(b:Entity) WHERE r.id IS NOT NULL AND a.id IN $frontier"
                + "".join(" AND " + c for c in conds)
                + " RETURN DISTINCT b.id",
                dict(params, frontier=sorted(frontier)),
                deadline,
            )
            frontier = {x for (x,) in rows} - seen
            seen = seen | frontier
        return seen

    def _select(self, q, deadline) -> tuple:
        """``(statement head, params)``: the claims of *q* as ``a``, ``r``, ``b``, ready for ``RETURN``. The
        contested claims start from their pairs' nodes, an actor's from its node (by the id index: an OR
        of both ends, or a list of ids, would be tested against every claim)."""
        check_names(q, self.ds.entities, self.ds.sources)
        conds, params = self._where(q, deadline)
        actor = q.actor or (q.view.actor if q.view is not None else None)
        head = _MATCH
        if q.filters.get("contested") or (q.view is not None and q.view.filters.get("contested")):
            head = "UNWIND $contested AS c MATCH (a:Entity {id: c[0]})-[r]->(b:Entity {id: c[1]}) WHERE r.id IN c[2]"
            params["contested"] = self.contested(deadline)
        elif actor is not None:
            head = (
                "MATCH (x:Entity {id: $from_actor})-[r]-(:Entity) WITH DISTINCT r, startNode(r) AS a, endNode(r) AS b "
                "WHERE r.id IS NOT NULL"
            )
            params["from_actor"] = actor
        return head + "".join(" AND " + c for c in conds), params

    def claims(self, q) -> dict:
        deadline = time.monotonic() + self.timeout
        with self.lock:
            match, params = self._select(q, deadline)
            total = self._run(match + " RETURN count(r)", params, deadline)[0][0]
            rows = (
                self._run(
                    match + f" RETURN {_CLAIM} ORDER BY r.id SKIP $offset LIMIT $limit",
                    dict(params, offset=q.offset, limit=q.limit),
                    deadline,
                )
                if q.limit and q.offset < total
                else []
            )
        claims = []
        for row in rows:
            r = _relation(row)
            claims.append(
                {
                    "id": r.id,
                    "subject": r.subject,
                    "object": r.object,
                    "type": r.type,
                    "mode": r.mode,
                    "modality": r.modality,
                    "polarity": r.polarity,
                    "claimants": list(r.claimants),
                    "when": row[8],
                    "evidence": json.loads(row[9] or "[]"),
                }
            )
        return {"total": total, "offset": q.offset, "limit": q.limit, "claims": claims}

    def info(self) -> dict:
        return {
            "backend": self.backend,
            "title": self.title,
            "claims": self._count,
            "entities": len(self.ds.entities),
            "sources": len(self.ds.sources),
            "by": self.by,
            "top": self.top,
            "full": self.full,
            "timeout": self.timeout,
        }

    # -- pages -------------------------------------------------------------------------------------
    def warm(self, seconds=300):
        """Work out the contested claims once, with *seconds* to do it (the overview needs them)."""
        self.contested(time.monotonic() + seconds)

    def page(self, q, seconds=None) -> str:
        """The page (HTML) of question *q*, within *seconds* (default: the store's timeout)."""
        key = query_text(q)
        deadline = time.monotonic() + (self.timeout if seconds is None else seconds)
        with self.lock:
            if key in self._pages:
                self._pages.move_to_end(key)
                return self._pages[key]
            match, params = self._select(q, deadline)
            total = self._run(match + " RETURN count(r)", params, deadline)[0][0]
            title = page_title(self.title, q, self.name)
            if total <= self.full:
                rels = [
                    _relation(row) for row in self._run(match + f" RETURN {_CLAIM} ORDER BY r.id", params, deadline)
                ]
                sub = self.ds._subset(rels, extra_entities={q.filters["focus"]} if "focus" in q.filters else ())
                if not q.narrowed():
                    sub = Dataset(self.ds.sources, self.ds.entities, rels)
                html = render_html(sub, title=title, server=server_block(q, self, "full"))
            else:
                data = self._aggregated(match, params, total, deadline, q.narrowed())
                html = render_html(self.ds, title=title, data=data, server=server_block(q, self, "aggregate"))
            self._pages[key] = html
            while len(self._pages) > PAGES_KEPT:
                self._pages.popitem(last=False)
            return html

    def _aggregated(self, match, params, total, deadline, narrowed) -> dict:
        """The aggregated page data of the claims of *match*: the groups worked out by the database;
        *narrowed*: only the entities of those claims are drawn (else every entity)."""
        by = self.by
        group = f"WITH a.id AS s, b.id AS o, r.quad AS q, {_period(by)} AS p, r"
        n_groups = self._run(match + f" {group} WITH s, o, q, p, count(r) AS n RETURN count(n)", params, deadline)[0][0]
        degrees = Counter()
        deg_in, deg_out = Counter(), Counter()
        for s, o, n in self._run(match + " RETURN a.id, b.id, count(r)", params, deadline):
            deg_out[s] += n
            deg_in[o] += n
            degrees[(s, o)] += n
        rows = self._run(
            match + f" {group} WITH s, o, q, p, count(r) AS n, "
            "sum(CASE WHEN r.modality = 'denied' THEN 0 ELSE r.polarity END) AS held, "
            "sum(CASE WHEN r.modality = 'denied' THEN 0 ELSE 1 END) AS asserted, "
            "sum(CASE WHEN r.modality = 'denied' THEN r.polarity ELSE 0 END) AS denied, "
            "collect(r.type) AS types, collect(DISTINCT r.modality) AS mods, collect(r.sources) AS srcs, "
            "collect(r.claimants) AS cls, collect(r.id) AS ids, min(r.when_start) AS lo, max(r.when_end) AS hi "
            "RETURN s, o, q, p, n, held, asserted, denied, types, mods, srcs, cls, ids, lo, hi "
            "ORDER BY n DESC, s, o, q, p" + (" LIMIT $top" if self.top else ""),
            dict(params, top=self.top) if self.top else params,
            deadline,
        )
        contested = {i for _s, _o, ids in self.contested(deadline) for i in ids}
        summaries = []
        for s, o, quad, period, n, held, asserted, denied, types, mods, srcs, cls, ids, lo, hi in rows:
            counts = Counter(types)
            mean = round(held / asserted if asserted else (denied / n if n else 0.0), 2)
            summary = {
                "count": n,
                "mean": mean,
                "types": list(counts),
                "modalities": mods,
                "sources": list(dict.fromkeys(x for ss in srcs for x in ss or ())),
                "claimants": list(dict.fromkeys(x for cc in cls for x in cc or ())),
                "typecounts": [list(tc) for tc in counts.most_common()] if len(counts) > 1 else None,
                "contested": any(i in contested for i in ids),
                "examples": [],
            }
            span = [lo, hi] if by == "all" and (lo or hi) else None
            summaries.append(((s, o, quad, period), summary, span))
        ds = self.ds
        if narrowed:
            ds = Dataset(
                ds.sources,
                {k: e for k, e in ds.entities.items() if k in deg_in or k in deg_out},
                [],
                all_entities=ds.entities,
            )
        layout = start_positions(ds, [_Pair(s, o) for (s, o), n in degrees.items()])
        return group_page(
            ds,
            layout,
            deg_in,
            deg_out,
            summaries,
            by=by,
            examples=0,
            claims=total,
            n_edges=n_groups,
            top=self.top,
            physics=None,
            layout_threshold=LAYOUT_THRESHOLD,
        )


class _Pair:
    """A subject and an object, for the layout (which reads a claim's two ends only)."""

    __slots__ = ("subject", "object")

    def __init__(self, subject, object_):
        self.subject, self.object = subject, object_
