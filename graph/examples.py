"""A small built-in example dataset, for documentation and experiments.

Like networkx's ``karate_club_graph()``: ``graph.example()`` needs no files.
Its claims are made up for illustration (the quotes are not from a real text).

>>> import graph
>>> graph.example()
<Dataset: 6 entities, 6 relations, 2 sources>
"""

from __future__ import annotations

__all__ = ["example", "EXAMPLE_YAML"]

EXAMPLE_YAML = """
sources:
  - {id: s1, title: First op-ed, kind: op-ed, published: 2025}
  - {id: s2, title: A news report, kind: news report, published: 2025-03-02}
entities:
  - {id: PAK, name: Pakistan, kind: state, aliases: [Islamabad]}
  - {id: PAK-FO, name: Foreign Office, kind: office, part_of: PAK}
  - {id: USA, name: United States, kind: state, aliases: [Washington, US]}
  - {id: TAL, name: Taliban, kind: de_facto_authority}
  - {id: CHN, name: China, kind: state, aliases: [Beijing]}
  - {id: IND, name: India, kind: state}
relations:
  - id: usa-requests-tal
    subject: USA
    object: TAL
    type: REQUEST
    mode: return
    modality: reported
    when: 2025-02
    evidence: [{source: s1, quote: give back the equipment}]
    attributes: {value: "$7 billion"}
  - id: tal-rejects-usa
    subject: TAL
    object: USA
    type: REJECT
    modality: reported
    when: 2025-03
    evidence: [{source: s2, quote: no indication of compliance}]
  - id: fo-claims-ties
    subject: PAK
    object: USA
    type: COOPERATE
    modality: claimed
    asserted_by: PAK-FO
    when: 2025
    evidence: [{source: s1, quote: ready to strengthen ties}]
  - id: pak-should-court-chn
    subject: PAK
    object: CHN
    type: COOPERATE
    context: [diplomatic]
    modality: recommended
    evidence: [{source: s1, quote: forge ties with China}]
  - id: usa-dismissed-pak
    subject: USA
    object: PAK
    type: REJECT
    polarity: -4
    modality: reported
    when: 2021-08..2025-01
    evidence: [{source: s1, quote: chose not to entertain}, {source: s2, quote: past dismissals}]
  - id: tal-attacks-pak
    subject: TAL
    object: PAK
    type: ASSAULT
    context: [terrorism]
    modality: speculated
    when: 2023
    evidence: [{source: s2, quote: attacks could follow}]
"""


def example():
    """Return the small example :class:`~graph.dataset.Dataset` (6 entities, 6 relations)."""
    from .loader import loads

    return loads(EXAMPLE_YAML, name="<example>")
