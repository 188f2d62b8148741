"""The dataset: sources, entities and relations, their networkx graph, and queries.

A :class:`Dataset` is what :func:`graph.load` returns. ``ds.graph`` is a
``networkx.MultiDiGraph``: one node per entity (with the entity's fields), one
edge per relation keyed by the relation id (with the relation's fields, plus
``quad``); ``ds.graph.graph["sources"]`` maps source ids to their fields.
Filters return a *view*: a smaller dataset that is queried, rendered and
exported the same way. Queries use indexes (:mod:`graph.index`): actor filters
read the graph's adjacency and time filters a sorted index, so their cost grows
with the answer, not with the dataset.

Examples
--------
>>> import graph
>>> ds = graph.loads('''
... sources:
...   - {id: s1, title: An op-ed, kind: op-ed, published: 2025}
... entities:
...   - {id: PAK, name: Pakistan, kind: state, aliases: [Islamabad]}
...   - {id: USA, name: United States, kind: state, aliases: [Washington, US]}
...   - {id: TAL, name: Taliban, kind: de_facto_authority}
... relations:
...   - id: usa-demands-return
...     subject: USA
...     object: TAL
...     type: REQUEST
...     mode: return
...     modality: reported
...     when: 2025
...     evidence: [{source: s1, quote: tying assistance to its return}]
...   - id: pak-should-court-usa
...     subject: PAK
...     object: USA
...     type: COOPERATE
...     modality: recommended
...     evidence: [{source: s1, quote: strengthen closer ties with the US}]
... ''')
>>> ds
<Dataset: 3 entities, 2 relations, 1 source>
>>> ds.entity("washington").name
'United States'
>>> [r.id for r in ds.relations(subject="US", object="Taliban")]
['usa-demands-return']
>>> [r.id for r in ds.relations(modality="recommended")]
['pak-should-court-usa']
>>> ds.neighbours("PAK")
['USA']
>>> ds.neighbours("PAK", hops=2)
['USA', 'TAL']
>>> [[r.id for r in hop] for hop in ds.paths("PAK", "TAL")[0].hops]
[['pak-should-court-usa'], ['usa-demands-return']]
>>> ds.view(modality="reported")
<Dataset: 2 entities, 1 relation, 1 source>
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import networkx as nx

from .columns import LazyRelations
from .errors import QueryError, UnknownEntityError, UnknownSourceError, suggest
from .filters import AUTHOR, TIMES, DateLike, Values, as_list, claim_tests, claim_times
from .index import Adjacency, Index
from .model import Entity, Relation, Source, edge_dict, to_dict
from .pause import paused_gc
from .traverse import Path, nearest, paths_between, time_key
from .when import When
from .words import plural

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

__all__ = ["Dataset", "Path", "AUTHOR", "TIMES", "time_key"]


def _node_attrs(e: Entity) -> dict:
    d = to_dict(e)
    del d["id"]
    return d


class Dataset:
    """Sources, entities and relations, with the graph built from them.

    Use :func:`graph.load` (a folder of YAML files) or :func:`graph.loads`
    (YAML text) rather than the constructor. *relations* is an iterable of
    :class:`Relation` (or a dict of them by id), or a :class:`~graph.columns.LazyRelations` (the load cache's),
    whose relations are built when a query or the graph needs them.

    The graph (``ds.graph``) and the indexes are built the first time they are used: a
    dataset that is only validated, counted or asked for one relation never builds them.
    """

    def __init__(
        self,
        sources: Mapping[str, Source],
        entities: Mapping[str, Entity],
        relations: dict[str, Relation] | Iterable[Relation] | LazyRelations,
        *,
        files: Iterable[str] = (),
        all_entities: dict[str, Entity] | None = None,
    ) -> None:
        #: the input files (YAML and stored texts) the data came from; outputs never overwrite them
        self.files: tuple = tuple(files)
        self.sources: dict[str, Source] = dict(sources)
        self.entities: dict[str, Entity] = dict(entities)
        #: the entities of the whole dataset a view was made from (the dataset's own, for a dataset): a view
        #: keeps only the entities its claims touch, and roll-up and names still follow the whole part_of chain
        self.all_entities: dict[str, Entity] = self.entities if all_entities is None else all_entities
        # relation id -> Relation, in data order: a dict, or a LazyRelations until all are needed
        if isinstance(relations, dict):
            relations = relations.values()
        self._columns = relations if isinstance(relations, LazyRelations) else None
        self._rels: dict[str, Relation] | LazyRelations = (
            {r.id: r for r in relations} if self._columns is None else self._columns
        )
        names: dict[str, str] = {}
        for e in self.entities.values():
            for n in (e.id, e.name, *e.aliases):
                names.setdefault(n.strip().lower(), e.id)
        self._names = names
        self._graph: nx.MultiDiGraph | None = None
        self._index_of: Index | None = None
        self._adjacency_of: Adjacency | None = None
        self._lock = threading.Lock()

    @property
    def _relations(self) -> dict[str, Relation]:
        """Relation id -> :class:`Relation`, every one built."""
        rels = self._rels
        if isinstance(rels, LazyRelations):
            with paused_gc():
                rels = self._rels = rels.all()
        return rels

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The ``networkx.MultiDiGraph`` of the dataset (see the module docs), built when first used."""
        if self._graph is None:
            with self._lock, paused_gc():
                if self._graph is None:
                    self._graph = self._build_graph()
        return self._graph

    @property
    def _adjacency(self) -> Adjacency:
        """What actor queries and walks read: the relation ids by subject and object
        (:class:`~graph.index.Adjacency`), made when first used from the relations (or their
        subject and object columns, before the relations are built); never the networkx graph."""
        if self._adjacency_of is None:
            with paused_gc():
                rels = self._rels
                self._adjacency_of = (
                    rels.adjacency() if isinstance(rels, LazyRelations) else Adjacency.of(rels.values(), self.entities)
                )
        return self._adjacency_of

    @property
    def _index(self) -> Index:
        if self._index_of is None:
            self._index_of = Index(self._rels, self.entities)
        return self._index_of

    # -- construction ---------------------------------------------------
    def _build_graph(self) -> nx.MultiDiGraph:
        g = nx.MultiDiGraph()
        g.graph["sources"] = {sid: to_dict(s) for sid, s in self.sources.items()}
        # the node key is the id (an "id" attribute would clash with node-link's own "id")
        g.add_nodes_from((eid, _node_attrs(e)) for eid, e in self.entities.items())
        g.add_edges_from((r.subject, r.object, r.id, edge_dict(r)) for r in self._relations.values())
        return g

    def _subset(self, relations: Iterable[Relation], extra_entities: Iterable[str] = ()) -> Dataset:
        relations = list(relations)
        keep = set(extra_entities)
        for r in relations:
            keep.add(r.subject)
            keep.add(r.object)
            keep.update(r.claimants)
        sources = {s for r in relations for s in r.sources}
        return Dataset(
            {k: v for k, v in self.sources.items() if k in sources},
            {k: v for k, v in self.entities.items() if k in keep},
            relations,
            files=self.files,
            all_entities=self.all_entities,
        )

    def __repr__(self) -> str:
        return (
            f"<Dataset: {plural(self.entities, 'entity', 'entities')}, {plural(self._rels, 'relation')}, "
            f"{plural(self.sources, 'source')}>"
        )

    def __len__(self) -> int:
        return len(self._rels)

    # -- lookup -----------------------------------------------------------
    def entity(self, name: str) -> Entity:
        """The entity with this id, name or alias (case-insensitive).

        Raises :class:`~graph.errors.UnknownEntityError` (a KeyError) naming
        close matches.

        Examples
        --------
        >>> import graph
        >>> ds = graph.example()
        >>> ds.entity("islamabad").id
        'PAK'
        >>> ds.entity("Pakistn")
        Traceback (most recent call last):
        ...
        graph.errors.UnknownEntityError: unknown actor 'Pakistn' (did you mean 'Pakistan'?)
        """
        if isinstance(name, Entity):
            name = name.id
        eid = self._names.get(str(name).strip().lower())
        if eid is None:
            raise UnknownEntityError(f"unknown actor '{name}'{self._suggest_entity(name)}")
        return self.entities[eid]

    def _suggest_entity(self, name):
        # close names, one per entity (Pakistan and PAK are the same suggestion)
        best = {}
        for e in self.entities.values():
            for n in (e.name, e.id, *e.aliases):
                if suggest(name, [n]) and e.id not in best:
                    best[e.id] = n
        return suggest(name, best.values())

    def source(self, sid: str) -> Source:
        """The source with this id.

        >>> import graph
        >>> graph.example().source("s1").title
        'First op-ed'
        """
        try:
            return self.sources[sid]
        except KeyError:
            raise UnknownSourceError(f"unknown source '{sid}'{suggest(sid, self.sources)}") from None

    def relation(self, rid: str) -> Relation:
        """The relation with this id.

        >>> import graph
        >>> graph.example().relation("usa-requests-tal").attributes
        {'value': '$7 billion'}
        """
        try:
            return self._rels[rid]
        except KeyError:
            raise QueryError(f"unknown relation '{rid}'{suggest(rid, self._rels)}") from None

    # -- queries --------------------------------------------------------
    def relations(
        self,
        *,
        subject: Values = None,
        object: Values = None,
        between: Iterable[str] | None = None,
        type: Values = None,
        quad: Values = None,
        polarity: Values = None,
        modality: Values = None,
        asserted_by: Values = None,
        source: Values = None,
        context: Values = None,
        start: DateLike = None,
        end: DateLike = None,
        time: str = "happened",
        parts: bool = True,
    ) -> list[Relation]:
        """The relations that match every filter given, in data order.

        Parameters
        ----------
        subject, object : actor name(s) (id, name or alias), or a list of them
        between : a pair of actors; relations between them in either direction
        parts : bool, default True
            An actor named in ``subject``, ``object``, ``between`` or
            ``asserted_by`` also matches the entities that are ``part_of`` it
            (the United States matches its administrations; Pakistan its
            Foreign Office). ``parts=False`` matches the named entity only.
        type : relation type(s), e.g. ``"REQUEST"`` or ``["AID", "SUPPORT"]``
        quad : PLOVER quad class(es), e.g. ``"verbal conflict"``, or ``"structural"``
        polarity : ``"positive"``, ``"negative"`` or ``"neutral"`` (sign of the polarity)
        modality : ``"reported"``, ``"claimed"``, ``"recommended"``, ``"speculated"``, ``"denied"``
        asserted_by : actor(s) who make the claim; ``"author"`` for the source's author
        source : source id(s) the evidence comes from
        context : context(s), e.g. ``"terrorism"``
        start, end : a date, year or month; keeps dated relations whose ``when`` overlaps
        time : ``"happened"`` (default: ``start``/``end`` apply to ``when``), ``"made"``
            (to the ``published`` date of the claim's sources: when it was said) or
            ``"happened-or-made"`` (``when``, and for an undated claim its sources' dates);
            see :meth:`claim_times`

        Raises
        ------
        UnknownEntityError, UnknownSourceError, QueryError
            For a name or value that does not exist (with close matches).

        Examples
        --------
        >>> import graph
        >>> ds = graph.example()
        >>> [r.id for r in ds.relations(subject="Washington", type="REQUEST")]
        ['usa-requests-tal']
        >>> [r.id for r in ds.relations(polarity="positive", asserted_by="author")]
        ['pak-should-court-chn']
        >>> [r.id for r in ds.relations(start="2025-03", end="2025-03")]
        ['tal-rejects-usa', 'fo-claims-ties']
        >>> [r.id for r in ds.relations(end="2024")], ds.relations(end="2024", time="made")  # said in 2025
        (['usa-dismissed-pak', 'tal-attacks-pak'], [])
        """
        preds, plans = claim_tests(
            self,
            subject=subject,
            object=object,
            between=between,
            type=type,
            quad=quad,
            polarity=polarity,
            modality=modality,
            asserted_by=asserted_by,
            source=source,
            context=context,
            start=start,
            end=end,
            time=time,
            parts=parts,
        )
        if not plans:
            if not preds:
                return list(self._relations.values())
            return [r for r in self._relations.values() if all(p(r) for p in preds)]
        _, candidates = min(plans, key=lambda p: p[0])
        rels = self._rels
        return self._index.in_order(k for k in candidates() if all(p(rels[k]) for p in preds))

    def claim_times(self, r: Relation, time: str = "happened") -> list[tuple[When, str]]:
        """The times of claim *r*, as ``(When, "happened" or "made")`` pairs, earliest first.

        ``"happened"``: its ``when`` (none when undated); ``"made"``: the
        ``published`` date of each of its sources that has one (when the claim
        was said); ``"happened-or-made"``: its ``when``, else the made times
        (marked ``"made"``, so a report can say the date is when it was said).

        >>> ds = graph.example()
        >>> r = ds.relation("tal-attacks-pak")
        >>> [(str(w), how) for w, how in ds.claim_times(r)], [(str(w), how) for w, how in ds.claim_times(r, "made")]
        ([('2023', 'happened')], [('2025-03-02', 'made')])
        >>> [(str(w), how) for w, how in ds.claim_times(ds.relation("pak-should-court-chn"), "happened-or-made")]
        [('2025', 'made')]
        """
        return claim_times(self, r, time)

    def _ids(self, names, parts=False):
        if names is None:
            return None
        ids = {self.entity(n).id for n in as_list(names)}
        return self.with_parts(ids) if parts else ids

    def with_parts(self, ids: Iterable[str]) -> set[str]:
        """*ids* and every entity that is ``part_of`` one of them, at any depth.

        >>> import graph
        >>> sorted(graph.example().with_parts({"PAK"}))
        ['PAK', 'PAK-FO']
        """
        return self._index.with_parts(ids)

    def between(self, a: str, b: str, *, parts: bool = False) -> list[Relation]:
        """Every relation between actors *a* and *b* (either direction), in time order.

        Undated relations come last. With ``parts=True`` the entities that are
        part of *a* or *b* count too (see :meth:`relations`).

        >>> import graph
        >>> [(str(r.when), r.id) for r in graph.example().between("USA", "PAK")]
        [('2021-08..2025-01', 'usa-dismissed-pak'), ('2025', 'fo-claims-ties')]
        """
        return sorted(self.relations(between=(a, b), parts=parts), key=time_key)

    def neighbours(self, actor: str, *, direction: str = "both", hops: int = 1) -> list[str]:
        """Entity ids within *hops* steps of *actor*, nearest first (then by id).

        ``direction`` is ``"out"`` (whom the actor acts on), ``"in"`` (who acts
        on it) or ``"both"``.

        >>> import graph
        >>> ds = graph.example()
        >>> ds.neighbours("CHN"), ds.neighbours("CHN", hops=2), ds.neighbours("TAL", direction="in")
        (['PAK'], ['PAK', 'TAL', 'USA'], ['USA'])
        """
        start = self.entity(actor).id
        return [n for n, d in self._bfs(start, direction, hops) if n != start]

    def _bfs(self, start, direction, hops):
        return nearest(self._adjacency, start, direction, hops)

    def ego(self, actor: str, *, hops: int = 1, direction: str = "both") -> Dataset:
        """The view of *actor*'s neighbourhood: entities within *hops* and the relations among them.

        >>> import graph
        >>> graph.example().ego("CHN")
        <Dataset: 2 entities, 1 relation, 1 source>
        """
        start = self.entity(actor).id
        keep = {n for n, _ in self._bfs(start, direction, hops)}
        g = self._adjacency
        rels = self._index.in_order(k for n in keep for m, keys in g.succ.get(n, {}).items() if m in keep for k in keys)
        return self._subset(rels, extra_entities={start})

    def paths(self, a: str, b: str, *, max_hops: int = 4, directed: bool = False) -> list[Path]:
        """Simple paths from *a* to *b* of at most *max_hops* steps, shortest first.

        Each :class:`Path` carries, for each step, the relations joining the
        two entities (in either direction unless ``directed=True``), in time order.

        >>> import graph
        >>> p = graph.example().paths("CHN", "TAL")[0]
        >>> p.nodes, [[r.type for r in hop] for hop in p.hops]
        (('CHN', 'PAK', 'TAL'), [['COOPERATE'], ['ASSAULT']])
        """
        return paths_between(self, self.entity(a).id, self.entity(b).id, max_hops, directed)

    def view(self, *, focus: str | None = None, hops: int = 1, direction: str = "both", **filters: Any) -> Dataset:
        """A filtered dataset: the relations matching *filters* (see :meth:`relations`).

        With ``focus``, only the *hops*-neighbourhood of that actor is kept
        (computed on the filtered relations). The view holds the entities its
        relations touch (and the focus actor) and the sources they cite.

        >>> import graph
        >>> ds = graph.example()
        >>> ds.view(modality="reported")
        <Dataset: 3 entities, 3 relations, 2 sources>
        >>> ds.view(focus="TAL", hops=1, polarity="negative")
        <Dataset: 3 entities, 3 relations, 2 sources>
        """
        sub = self._subset(self.relations(**filters)) if filters else self
        if focus is not None:
            focus_id = self.entity(focus).id
            if focus_id not in sub.entities:
                sub = self._subset(sub._relations.values(), extra_entities={focus_id})
            sub = sub.ego(focus_id, hops=hops, direction=direction)
        return sub

    # -- tables (graph.tables) ------------------------------------------------
    def to_arrow(self, table: str = "claims", *, explode: bool = False) -> pa.Table:
        """The ``"claims"`` (one row per claim; with ``explode=True`` one per quote), ``"entities"`` or
        ``"sources"`` of this dataset or view as a ``pyarrow.Table`` (see :mod:`graph.tables`)."""
        from .tables import to_arrow

        return to_arrow(self, table, explode=explode)

    def to_pandas(self, table: str = "claims", *, explode: bool = False) -> pd.DataFrame:
        """:meth:`to_arrow` as a ``pandas.DataFrame`` (pandas: ``pip install 'actorgraph[pandas]'``).

        >>> import graph
        >>> df = graph.example().to_pandas()
        >>> df.loc[df.modality == "claimed", ["subject", "object", "claimants_root"]].values.tolist()
        [['PAK', 'USA', ['PAK']]]
        """
        from .tables import to_pandas

        return to_pandas(self, table, explode=explode)

    def counts(self) -> dict:
        """Counts by entity kind, relation type, modality and source (for ``actorgraph info``).

        >>> import graph
        >>> graph.example().counts()["modalities"]
        {'reported': 3, 'claimed': 1, 'recommended': 1, 'speculated': 1}
        """
        from collections import Counter

        rels = self._relations.values()
        by_source = Counter(s for r in rels for s in r.sources)
        return {
            "entities": len(self.entities),
            "relations": len(self._relations),
            "sources": len(self.sources),
            "entity kinds": dict(Counter(e.kind for e in self.entities.values()).most_common()),
            "relation types": dict(Counter(r.type for r in rels).most_common()),
            "quads": dict(Counter(r.quad for r in rels).most_common()),
            "modalities": dict(Counter(r.modality for r in rels).most_common()),
            "asserted by": dict(Counter(c for r in rels for c in (r.claimants or (AUTHOR,))).most_common()),
            "by source": {sid: by_source.get(sid, 0) for sid in self.sources},
        }
