"""Inputs built to cost superlinear time are handled in linear (or bounded) work.

No test here times anything: each counts the work that used to grow with the square of the
input (difflib comparisons, scans of a mapping's keys, did-you-mean searches, evidence
comparisons) and asserts that it stays bounded. The times, before and after, are in
benchmarks/README.md ("Hostile inputs").
"""

from __future__ import annotations

import difflib

import pytest
from click.testing import CliRunner

import graph.texts
import graph.words
from graph.cli import main
from graph.model import Evidence
from graph.read.yaml_events import MapNode, ScalarNode, locate, parse_text

SOURCE = "sources:\n  - {id: s1, title: A constructed example, kind: news report, text: text.txt}\n"
ENTITIES = "entities:\n  - {id: PAK, name: Pakistan, kind: state}\n  - {id: USA, name: United States, kind: state}\n"


def _text(n_words):
    """A constructed text of *n_words* words (a spokesman's briefing, said again and again)."""
    words = (
        "the spokesman said on Tuesday that talks on the border crossing would resume after a pause "
        "and that officials denied reports of a closure"
    ).split()
    return " ".join(words[i % len(words)] + ("." if i % 17 == 16 else "") for i in range(n_words))


class _Recorder(difflib.SequenceMatcher):
    """A SequenceMatcher that remembers the lengths of the two sequences it compares."""

    sizes = []

    def set_seqs(self, a, b):
        _Recorder.sizes.append((len(a), len(b)))
        super().set_seqs(a, b)


def _validate(folder):
    return CliRunner().invoke(main, ["validate", str(folder), "--no-cache"])


def test_a_30_kB_quote_that_differs_in_its_last_character_is_compared_in_bounded_pieces(tmp_path, monkeypatch):
    text = _text(8000)  # ~50 kB
    start = text.index(" ", 1000) + 1
    quote = text[start : start + 30_000].rstrip() + "X"  # 30 kB, verbatim but for its last character
    (tmp_path / "text.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.yaml").write_text(
        SOURCE + ENTITIES + "relations:\n  - id: r1\n    subject: PAK\n"
        "    object: USA\n    type: CONSULT\n    modality: reported\n"
        f'    evidence: [{{source: s1, quote: "{quote}"}}]\n',
        encoding="utf-8",
    )
    _Recorder.sizes = []
    monkeypatch.setattr(graph.texts.difflib, "SequenceMatcher", _Recorder)
    result = _validate(tmp_path)
    assert result.exit_code == 1
    assert "quote is not verbatim in the text of source 's1'" in result.stderr
    assert "X'" in result.stderr  # the difference named is the quote's last character
    # difflib's work grows with the product of the two lengths: never two long sequences at once
    assert _Recorder.sizes and max(min(a, b) for a, b in _Recorder.sizes) <= 1000, _Recorder.sizes


@pytest.mark.parametrize("n", [2_000, 100_000])
def test_quote_mismatch_of_a_long_quote_names_where_it_first_differs(n):
    text = _text(n // 4)
    start = text.index(" ", len(text) // 4) + 1
    quote = text[start : start + n // 2]
    wrong = quote[:-30] + "#" + quote[-29:]
    found = graph.texts.quote_mismatch(text, wrong)
    assert "#" in found.split(" where the quote has ")[1].split("'")[1]


def test_a_record_with_30000_unknown_fields_reports_20_and_a_count(tmp_path, monkeypatch):
    keys = "".join(f"    field{i}: value\n" for i in range(30_000))
    (tmp_path / "a.yaml").write_text(
        "entities:\n  - id: PAK\n    name: Pakistan\n    kind: state\n" + keys, encoding="utf-8"
    )
    searches = []
    real = graph.words.difflib.get_close_matches
    monkeypatch.setattr(
        graph.words.difflib, "get_close_matches", lambda *a, **k: searches.append(a[0]) or real(*a, **k)
    )
    result = _validate(tmp_path)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[-1] == "21 problems: the data at " + str(tmp_path) + " is not valid"
    assert ":2:5: entity 'PAK': ... and 29,980 more unknown fields in this record" in lines[0]
    assert lines[1].endswith(
        "a.yaml:5:5: entity 'PAK': unknown field 'field0'; an entity has the fields: id, "
        "name, kind, aliases, codes, part_of, description, extend"
    )
    assert len(searches) <= 20


def test_locating_every_key_of_a_large_mapping_reads_its_keys_once():
    class Counting(list):
        scans = 0

        def __iter__(self):
            Counting.scans += 1
            return super().__iter__()

    doc = parse_text("".join(f"k{i}: v\n" for i in range(30_000)), "a.yaml")
    pairs = Counting(doc.node.value)
    node = MapNode(pairs, doc.node.start_mark)
    assert isinstance(node.value[0][0], ScalarNode)
    Counting.scans = 0
    for i in range(0, 30_000, 7):
        assert locate(node, f"k{i}", key=True) == (i + 1, 1)
    assert Counting.scans <= 2


def test_did_you_mean_searches_over_many_unknown_ids_stay_within_a_budget(tmp_path, monkeypatch):
    n = 3_000
    ents = "".join(f"  - {{id: E{i}, name: Entity {i}, kind: state}}\n" for i in range(n))
    rels = "".join(
        f"  - {{id: r{i}, subject: Nobody{i}, object: E1, type: CONSULT, modality: reported, "
        "evidence: [{source: s1, quote: q}]}\n"
        for i in range(n)
    )
    (tmp_path / "a.yaml").write_text(
        "sources: [{id: s1, title: T}]\nentities:\n" + ents + "relations:\n" + rels, encoding="utf-8"
    )
    read = []
    real = graph.words.difflib.get_close_matches
    monkeypatch.setattr(
        graph.words.difflib,
        "get_close_matches",
        lambda word, possibilities, **k: read.append(len(possibilities)) or real(word, possibilities, **k),
    )
    result = _validate(tmp_path)
    assert result.exit_code == 1 and f"{n:,} problems" in result.stderr.splitlines()[-1]
    assert "unknown entity 'Nobody0' in 'subject'" in result.stderr
    assert sum(read) <= 250_000, f"{len(read)} searches read {sum(read):,} ids"


def test_many_extensions_of_one_claim_compare_their_evidence_in_linear_work(tmp_path, monkeypatch):
    n = 3_000
    text = " ".join(f"word{i}" for i in range(n))
    (tmp_path / "text.txt").write_text(text, encoding="utf-8")
    ext = "".join(f"  - {{id: r1, extend: true, evidence: [{{source: s1, quote: word{i}}}]}}\n" for i in range(n))
    (tmp_path / "a.yaml").write_text(
        SOURCE + ENTITIES + "relations:\n  - {id: r1, subject: PAK, object: USA, "
        "type: CONSULT, modality: reported, evidence: [{source: s1, quote: word0}]}\n",
        encoding="utf-8",
    )
    (tmp_path / "b.yaml").write_text("relations:\n" + ext, encoding="utf-8")
    compared = []
    real = Evidence.__eq__
    monkeypatch.setattr(Evidence, "__eq__", lambda a, b: compared.append(1) or real(a, b))
    ds = graph.load(tmp_path, cache=False)
    assert len(ds.relation("r1").evidence) == n
    assert len(compared) <= 10 * n, len(compared)
