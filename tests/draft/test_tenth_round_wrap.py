"""Tenth round (lead): a plain-text wire hard-wrapped at a width, and a state's formal name.

Constructed examples (no outlet's text; invented people)."""

from graph import loads
from graph.draft import draft
from graph.draft.tokens import sentences

DS = loads(
    """
entities:
  - {id: IRN, name: Iran, kind: state, codes: {iso3: IRN}}
  - {id: AZE, name: Azerbaijan, kind: state, codes: {iso3: AZE}}
"""
)

# hard-wrapped at 72 columns, as a plain-text wire is copied: a line is full when the next word would not fit
WIRE = """\
BAKU, May 27 - Azerbaijan expelled two Iranian diplomats on Wednesday after
a border guard was killed near the river crossing, the State Border Service
said in a short statement issued in the capital on Wednesday afternoon.

Iranian foreign ministry spokesman Hamid Rahimi called the expulsions
"unjustified" in remarks to reporters in Tehran on Wednesday evening. He
said the guards had fired only at armed smugglers and had not targeted the
posts of the friendly and neighbouring state in any way at all that night.
Officials in Baku said the inquiry into the shooting on the river would go
on for weeks, and that the border posts along the river would stay on alert.
"""


def test_a_full_line_of_a_hard_wrapped_wire_does_not_end_its_sentence():
    # the line breaks after "expulsions": the next word ("unjustified", in quotes) did not fit
    text = WIRE
    assert 'expulsions\n"unjustified"' in text
    said = [text[s:e] for s, e in sentences(text) if "Rahimi" in text[s:e]]
    assert len(said) == 1 and said[0].startswith("Iranian") and said[0].endswith("evening.")


def test_the_spokesman_at_the_start_of_a_wrapped_line_is_found():
    r = draft(WIRE, DS)
    assert "Hamid Rahimi" in [n.name for n in r.all_names]


def test_a_text_wrapped_by_paragraph_keeps_its_line_breaks_as_ends():
    # a headline and furniture on lines of their own, the story in long lines: no wrap width, lines end sentences
    text = "Iran denies border shooting\nShare | Save\n" + " ".join(WIRE.split())
    ends = [text[s:e] for s, e in sentences(text)][:2]
    assert ends == ["Iran denies border shooting", "Share | Save"]


def test_a_states_formal_name_is_that_state_not_a_new_name():
    for text in (
        'Tehran said it had not targeted "any post of the friendly and neighbouring Republic of Azerbaijan".',
        "Officials said the Hashemite Kingdom of Jordan and Iran had talked.",
    ):
        assert not [n.name for n in draft(text, DS).all_names if n.name in ("Republic", "Hashemite Kingdom")]
