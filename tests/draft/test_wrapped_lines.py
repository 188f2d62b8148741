"""A report whose lines are hard-wrapped (copied from a mail, a PDF or a plain-text wire) drafts the same
candidates as the same report with one paragraph a line: a line break inside a sentence neither ends
the sentence nor makes its lines page furniture. Constructed example, invented people."""

from __future__ import annotations

import textwrap

import graph
from graph.draft import draft
from tests.conftest import DATA

PARAGRAPHS = [  # one paragraph a line, as a web page gives them
    "Border posts shelled, says ministry",
    "ISLAMABAD, March 4: Pakistan's foreign ministry spokesman Tariq Venn said on Tuesday that Afghan forces"
    " had shelled Pakistani border posts near Chaman, and that Kabul had ignored three protests.",
    "He said Kabul had also accused Pakistan of sheltering militants, a charge Islamabad rejected. Officials"
    " in Quetta were not available for comment.",
    "Advertisement",
    "The Taliban administration denied that its forces had fired first and accused Pakistani troops of"
    " shelling Afghan villages in Spin Boldak.",
    "Related: Torkham trade resumes after talks",
    "This text is a constructed example written for actorgraph's tests; its people and events are invented.",
]
REPORT = "\n\n".join(PARAGRAPHS) + "\n"


def wrap(text, width):
    return "\n".join(textwrap.fill(p, width) if len(p) > width else p for p in text.split("\n"))


def drafted(text):
    r = draft(text, graph.load(DATA), published="2026-03-04")
    claims = sorted(
        (c.subject, c.type, c.object, c.modality, c.asserted_by, tuple(" ".join(q[0].split()) for q in c.quotes))
        for c in r.claims
    )
    return claims, sorted(n.name for n in r.all_names), r.page


def test_hard_wrapped_lines_draft_what_paragraphs_draft():
    whole, names, _ = drafted(REPORT)
    assert len(whole) >= 4 and ("AFG", "ASSAULT", "PAK") in {c[:3] for c in whole}
    for width in (50, 72, 90):
        text = wrap(REPORT, width)
        assert text.count("\n") >= REPORT.count("\n") + 4  # really wrapped
        claims, wnames, page = drafted(text)
        assert claims == whole, width
        assert wnames == names, width
        furniture = [text[s:e] for s, e in page.furniture]
        assert "Advertisement" in furniture and "Related: Torkham trade resumes after talks" in furniture
        assert not any("shelled" in f or "sheltering" in f for f in furniture)
