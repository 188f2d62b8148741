"""What the page draws, read from vis-network and the canvas (not from the page's own bookkeeping).

``drawn(p)`` lists the nodes and edges vis-network holds and draws (``network.body``: the items in
its node and edge indices, connected and not hidden); ``drawn_claims(p)`` maps the drawn edges back
to the claims they stand for (an edge of merged parallel claims stands for several) and checks that
each drawn edge joins the ends of its claims; ``assert_draws`` compares them with what the filters
say must be visible; ``ink`` counts the canvas's painted pixels.
"""

from __future__ import annotations

import random

from graph.dataset import Dataset
from graph.model import Entity, Evidence, Relation, Source
from graph.when import parse_when

VIS_MARK = "\u2060"  # the page's mark in front of ids that vis-network must not see bare
CLAIM_MARK = "\u2061"  # claimant links ("show claimants")
PART_MARK = "\u2063"  # part_of lines

# the nodes and edges vis-network holds and would draw in the next frame
_DRAWN = """() => {
  const b = network.body;
  const nodes = b.nodeIndices.filter(id => b.nodes[id] && !b.nodes[id].options.hidden);
  const edges = b.edgeIndices.filter(id => b.edges[id] && b.edges[id].connected && !b.edges[id].options.hidden)
    .map(id => [id, String(b.edges[id].fromId), String(b.edges[id].toId)]);
  return [nodes, edges];
}"""

# the claims a drawn edge stands for, with each claim's subject and object as the page's data gives them
_CLAIMS = """(ids) => {
  const of = actorgraph.claimsOfEdge ? actorgraph.claimsOfEdge : (id => [id.replace(/^\\u2060/, '')]);
  const rels = actorgraph.internal.data.relations;
  return ids.map(id => of(id).map(rid => [rid, rels[rid].subject, rels[rid].object]));
}"""


def bare(vis_id):
    return vis_id[1:] if vis_id.startswith(VIS_MARK) else vis_id


def redraw(p):
    """Wait until vis-network has painted a frame with the current data."""
    p.js("() => new Promise(r => { network.once('afterDrawing', () => r(true)); network.redraw(); })")


def drawn(p):
    """``(node ids, [(edge vis id, from, to)])`` of what vis-network holds and draws."""
    nodes, edges = p.js(_DRAWN)
    return {bare(n) for n in nodes}, [tuple(e) for e in edges]


def grouping(p):
    """entity -> the node it is drawn as, worked out here from the page's entities and its state
    (group parts, unfolded groups); None when parts are not grouped."""
    st = p.js("actorgraph.state()")
    if not st["group"]:
        return None
    parent = p.js(
        "() => { const E = actorgraph.internal.data.entities, o = {}; "
        "Object.keys(E).forEach(e => { o[e] = E[e].part_of || null; }); return o; }"
    )
    out = {}
    for e in parent:
        top, seen = e, {e}
        while parent.get(top) in parent and parent[top] not in seen:
            top = parent[top]
            seen.add(top)
        out[e] = e if top == e or top in st["unfolded"] else top
    return out


def drawn_claims(p, ds=None, *, grouped=None):
    """``(claim ids drawn, claimant links drawn)``. Every drawn relation edge must join the ends
    of each claim it stands for (*grouped*: entity -> the node it is folded into); with *ds*, every
    part_of line must join an entity to one it is part of."""
    _nodes, edges = drawn(p)
    rel_edges = [e for e in edges if not e[0].startswith((CLAIM_MARK, PART_MARK))]
    links = [e for e in edges if e[0].startswith(CLAIM_MARK)]
    if ds is not None:
        for _vid, part, whole in (e for e in edges if e[0].startswith(PART_MARK)):
            assert bare(whole) in ancestors(ds, bare(part)), f"a part_of line joins {part} to {whole}, not an ancestor"
    claims = p.js(_CLAIMS, [e[0] for e in rel_edges])
    out = set()
    for (vid, frm, to), cs in zip(rel_edges, claims, strict=True):
        assert cs, f"drawn edge {vid!r} stands for no claim"
        for rid, subject, object_ in cs:
            ends = (
                (subject, object_)
                if grouped is None
                else (grouped.get(subject, subject), grouped.get(object_, object_))
            )
            assert (bare(frm), bare(to)) == ends, f"edge {vid!r} is drawn {frm}->{to} but claim {rid} is {ends}"
            assert rid not in out, f"claim {rid} is drawn twice"
            out.add(rid)
    return out, links


def ancestors(ds, eid):
    """The entities *eid* is part of, through the whole chain."""
    out, e = [], ds.entities.get(eid)
    while e is not None and e.part_of and e.part_of not in out:
        out.append(e.part_of)
        e = ds.entities.get(e.part_of)
    return out


def part_lines(p):
    """The part_of lines vis-network draws: {(part, whole)}."""
    return {(bare(f), bare(t)) for vid, f, t in drawn(p)[1] if vid.startswith(PART_MARK)}


def assert_draws(p, ds, want, *, links=None, grouped=None):
    """vis-network draws exactly the claims *want* (and *links* claimant links, if given), every
    end of them as a node, and the header counts them."""
    redraw(p)
    got, drawn_links = drawn_claims(p, ds, grouped=grouped)
    missing, extra = want - got, got - want
    assert not missing and not extra, (
        f"{len(got)} claims drawn, {len(want)} should be: missing {sorted(missing)[:8]}, extra {sorted(extra)[:8]}"
    )
    nodes, _ = drawn(p)
    rels = {r.id: r for r in ds.relations()}
    for rid in want:
        for e in (rels[rid].subject, rels[rid].object):
            e = grouped.get(e, e) if grouped else e
            assert e in nodes, f"{e} (an end of {rid}) is not drawn"
    if links is not None:
        assert len(drawn_links) == links
    counts = p.page.inner_text("#ag-counts")
    assert f"{len(want)} of " in counts, counts


def wait_drawn(p, n, timeout=60000):
    """Wait until vis-network holds *n* relation edges' claims (a large page hands them over in chunks)."""
    p.page.wait_for_function(
        """function (n) {
      const b = network.body, of = actorgraph.claimsOfEdge;
      let k = 0;
      for (const id of b.edgeIndices)
        if (id.charAt(0) !== '\\u2061' && b.edges[id].connected) k += of ? of(id).length : 1;
      return k >= n; }""",
        arg=n,
        timeout=timeout,
    )


def ink(p):
    """The share of the canvas's pixels that are painted (not the white background)."""
    redraw(p)
    return p.js("""() => {
      const c = document.querySelector('#ag-network canvas'), copy = document.createElement('canvas');
      copy.width = c.width; copy.height = c.height;
      const ctx = copy.getContext('2d', {willReadFrequently: true});
      ctx.drawImage(c, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 235 || d[i + 1] < 235 || d[i + 2] < 235)) n++;
      return n / (c.width * c.height);
    }""")


def synthetic(n, m, seed=5, pairs=0):
    """A dataset of *n* entities and *m* claims between random pairs (*pairs* of them between a few
    recurring pairs, so that parallel claims exist), from three dated sources, some claims dated,
    some claimed or denied by an entity (so that claims are contested and claimants can be shown).
    ``texts(ds)`` gives each source a text holding its quotes."""
    rnd = random.Random(seed)
    kinds = ["state", "office", "person", "armed_group", "organisation"]
    ents = {
        f"E{i}": Entity(id=f"E{i}", name=f"Entity {i}", kind=kinds[i % 5], aliases=(f"Alias {i}",)) for i in range(n)
    }
    sources = {
        f"s{k}": Source(id=f"s{k}", title=f"Synthetic source {k}", published=parse_when(f"202{k + 2}-0{k + 3}"))
        for k in range(3)
    }
    recurring = [(f"E{rnd.randrange(n)}", f"E{rnd.randrange(n)}") for _ in range(max(1, pairs // 5))]
    dates = [None, parse_when("2023-05"), parse_when("2024"), parse_when("2024-02-10")]
    rels = []
    for i in range(m):
        s, o = rnd.choice(recurring) if i < pairs else (f"E{rnd.randrange(n)}", f"E{rnd.randrange(n)}")
        modality = rnd.choice(["reported", "reported", "claimed", "denied"])
        rels.append(
            Relation(
                id=f"r{i}",
                subject=s,
                object=o,
                type=rnd.choice(["AID", "ACCUSE", "CONSULT", "ASSAULT"]),
                modality=modality,
                polarity=rnd.choice([-9, -3, 2.5, 10]),
                asserted_by=f"E{rnd.randrange(n)}" if modality != "reported" else None,
                when=rnd.choice(dates),
                evidence=(Evidence(f"s{i % 3}", f"quote number {i}."),),
            )
        )
    return Dataset(sources, ents, rels)


def texts(ds):
    """A stored text per source that holds every quote of its claims."""
    out = {}
    for sid in ds.sources:
        quotes = [ev.quote for r in ds.relations() for ev in r.evidence if ev.source == sid]
        out[sid] = "A constructed text.\n\n" + " And then ".join(quotes) + "\n"
    return out


def expected_claims(ds, st):
    """The claims the page's state *st* (``actorgraph.state()``) must show, worked out in Python
    (graph/filters.py and Dataset.view): the filters, undated claims kept when ticked, the contested
    groups, the focus's neighbourhood."""
    from graph.analysis import contested
    from graph.filters import claim_times

    kw = {}
    signs = {"-1": "negative", "0": "neutral", "1": "positive"}
    if st["types"] is not None:
        kw["type"] = st["types"]
    if st["pols"] is not None:
        kw["polarity"] = [signs[x] for x in st["pols"]]
    if st["mods"] is not None:
        kw["modality"] = st["mods"]
    if st["srcs"] is not None:
        kw["source"] = st["srcs"]
    empty = any(v == [] for v in kw.values())
    base = [] if empty else ds.relations(**kw)
    if st["from"] is not None or st["to"] is not None:
        dated = {r.id for r in ([] if empty else ds.relations(**kw, start=st["from"], end=st["to"], time=st["time"]))}
        keep = [r for r in base if r.id in dated or (st["undated"] and not claim_times(ds, r, st["time"]))]
    elif not st["undated"]:
        keep = [r for r in base if claim_times(ds, r, st["time"])]
    else:
        keep = base
    if st["contested"]:
        ids = {rid for g in contested(ds).contested for rid in g.relations}
        keep = [r for r in keep if r.id in ids]
    keep = [r for r in keep if r.subject in ds.entities and r.object in ds.entities]
    if st["focus"]:
        keep = Dataset(ds.sources, ds.entities, keep).view(focus=st["focus"], hops=st["hops"]).relations()
    return {r.id for r in keep}
