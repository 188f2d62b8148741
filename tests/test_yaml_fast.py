"""The fast YAML reader (graph/read/yaml_fast.py) gives exactly what the full reader gives, or steps aside.

Every check compares against :func:`graph.read.yaml_events.parse_text` (libyaml's events): the
same values with the same types (Plain, str, None, lists, mappings, in the same key order) and
the same record starts; whenever the full reader finds a problem, the fast one must decline.
The texts here are constructed examples, written for these tests.
"""

from __future__ import annotations

import glob
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graph
from graph.read.yaml import read_yaml_text
from graph.read.yaml_events import locate, parse_text
from graph.read.yaml_fast import parse_fast

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
from tests.conftest import DATA  # noqa: E402  (a copy of the seed: never the user's data/)


def same(a, b):
    """Equal values of the very same types, mappings in the same key order."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def starts_of(doc, key):
    for knode, vnode in doc.node.value:
        if knode.value == key:
            return [locate(item) for item in vnode.value]
    raise KeyError(key)


def agrees(text):
    """True when the fast reader read *text*; fails the test where it disagrees with the full one."""
    fast = parse_fast(text)
    doc = parse_text(text, "t.yaml")
    if fast is None:
        return False
    assert not doc.problems, (text, doc.problems)
    value, starts = fast
    assert same(value, doc.value), (text, value, doc.value)
    for key, found in starts.items():
        assert found == starts_of(doc, key), (text, key)
    return True


def yaml_files():
    found = []
    for pattern in ("tests/**/*.yaml", "notebooks/**/*.yaml", "graph/**/*.yaml", "benchmarks/**/*.yaml"):
        found += glob.glob(os.path.join(ROOT, pattern), recursive=True)
    found += glob.glob(os.path.join(DATA, "**", "*.yaml"), recursive=True)  # the seed (never the user's data/)
    return sorted(found)


def test_every_yaml_file_of_the_project_reads_the_same():
    taken = 0
    for path in yaml_files():
        with open(path, encoding="utf-8", errors="replace") as f:
            taken += agrees(f.read())
    assert taken >= 20, taken  # the fast reader does read real files


def test_the_seed_data_is_read_the_fast_way():
    for path in glob.glob(os.path.join(DATA, "**", "*.yaml"), recursive=True):
        with open(path, encoding="utf-8") as f:
            assert agrees(f.read()), path


def test_files_our_writer_writes_are_read_the_fast_way():
    from graph.formats.data_yaml import data_yaml

    text = data_yaml(
        {
            "entities": [{"id": "PAK", "name": "Pakistan", "kind": "state", "aliases": ["NO", "010"]}],
            "relations": [
                {
                    "id": "r1",
                    "subject": "PAK",
                    "object": "PAK",
                    "type": "COOPERATE",
                    "polarity": -0.5,
                    "evidence": [{"source": "s", "quote": "it's: a # b"}],
                }
            ],
        },
        comment="constructed example",
    )
    assert agrees(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # duplicate key
        "a: &x 1\nb: *x\n",  # anchor, alias
        "a: !!str 5\n",  # tag
        "a: |+\n  text\n",  # block scalar that keeps its last line breaks
        "a: >\n  text\n    more\n",  # folded, with a more-indented line
        "a: one\n  two\n",  # multi-line plain scalar
        'a: "one\n  two"\n',  # multi-line quoted scalar
        'a: "tab\\there"\n',  # escape
        "a:\tb\n",  # tab
        "---\na: 1\n---\nb: 2\n",  # two documents
        "<<: {a: 1}\n",  # merge key
        '"a": 1\n',  # quoted key
        "a: b: c\n",  # syntax error
        "a: [1, 2\n",  # unclosed flow list
        "a: [1, 2,]\n",  # trailing comma
        "- a\n- b\n",  # top level is a list
        "# only a comment\n",  # empty file
        "",
        "a:\n  - b\n - c\n",  # bad indentation
        "a: x\r\nb: y\r\n",  # CRLF
        "a: {b: 1, b: 2}\n",  # duplicate key in flow
        "? complex\n: key\n",
    ],
)
def test_declines_what_the_full_reader_must_read(text):
    assert parse_fast(text) is None


def test_types_and_starts_of_a_typical_file():
    text = (
        "# constructed example\n"
        "relations:\n"
        "  - id: r1\n"
        "    subject: PAK\n"
        "    polarity: -0.5\n"
        "    when: 2021-08\n"
        "    context: [security, 'it''s', \"q\", ~]\n"
        "    evidence:\n"
        '      - {source: s1, quote: "a # b: c"}\n'
        "    note:\n"
        "    attributes: {count: 010, flag: NO}\n"
        "\n"
        "  - {id: r2, subject: USA}\n"
        "entities:\n"
        "- id: PAK   # compact list\n"
    )
    assert agrees(text)
    value, starts = parse_fast(text)
    r1 = value["relations"][0]
    assert r1["polarity"] == "-0.5" and type(r1["polarity"]).__name__ == "Plain"
    assert type(r1["subject"]) is str
    assert r1["context"] == ["security", "it's", "q", None] and r1["note"] is None
    assert starts == {"relations": [(3, 5), (13, 5)], "entities": [(15, 3)]}


def test_a_problem_inside_a_record_read_the_fast_way_is_located_at_its_field(tmp_path):
    text = (
        "entities:\n  - id: PAK\n    name: Pakistan\n    kind: state\n  - id: RUS\n    name: Russia\n    kind: sate\n"
    )
    read = read_yaml_text(text, "e.yaml")
    assert type(read.pieces[0].locator).__name__ == "FastLocator"
    (tmp_path / "e.yaml").write_text(text)
    records, problems = graph.check(tmp_path, cache=False)
    assert [(p.line, p.col) for p in problems] == [(7, 11)]
    assert "unknown entity kind 'sate'" in problems[0].message


# -- generated documents: tricky scalars in every style, compared with the full reader ----------

SCALARS = [
    "PAK",
    "it's a 'quote'",
    'say "no"',
    "NO",
    "yes",
    "010",
    ".5",
    "-0.5",
    "1e5",
    "+1",
    "0x1F",
    "~",
    "null",
    "Null",
    "NULL",
    "nULL",
    "",
    " ",
    "a: b",
    "a #b",
    "a#b",
    "it's",
    "x, y",
    "[x]",
    "{x}",
    "-x",
    "- x",
    "?x",
    "@x",
    "%x",
    "`x",
    "'q'",
    '"q"',
    "\u00fcnicode \u0627\u0644",
    "2012-11",
    "a  b",
    " lead",
    "trail ",
    "#x",
    ":x",
    "x:",
    "x:y",
    "http://a.b/c?d=e#f",
    "&a",
    "*a",
    "!t",
    "|",
    ">",
    "a,b",
    "true",
    "False",
    "1_000",
    "-",
    ".",
    "..",
    "- -",
    "&",
    "é",
]
KEYS = ["id", "name", "note", "a-b", "x.y", "_k", "0", "null", "true", "a b", "<<", "k:"]


def plain(s):
    return s


def single(s):
    return "'" + s.replace("'", "''") + "'"


def double(s):
    return '"' + s + '"'


COMMON = ["PAK", "a b", "2012-11", "-0.5", "it's", "x, y", "a#b", "http://a.b/c", "NO", "010", "~", "", "7"]
style = st.sampled_from([plain, plain, single, double])
scalar = st.builds(
    lambda s, f: f(s), st.one_of(st.sampled_from(SCALARS), st.sampled_from(COMMON), st.sampled_from(COMMON)), style
)
key = st.sampled_from(KEYS)
comment = st.sampled_from(["", "", "", "  # c", " #c", "#c"])


def flow_list(items):
    return "[" + ", ".join(items) + "]"


def flow_map(pairs):
    return "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"


flow = st.recursive(
    scalar,
    lambda inner: st.one_of(
        st.builds(flow_list, st.lists(inner, max_size=3)),
        st.builds(flow_map, st.lists(st.tuples(key, inner), max_size=3)),
    ),
    max_leaves=6,
)


@st.composite
def block(draw, indent, depth=0, scalar=scalar, flow=flow):
    """Lines of a block mapping at *indent*."""
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        k = draw(key)
        pad = " " * indent
        kind = draw(st.sampled_from(["scalar", "flow", "empty", "list", "map", "text"] if depth < 3 else ["scalar"]))
        if kind == "text":  # a block scalar
            lines.append(f"{pad}{k}: {draw(st.sampled_from(['|', '|-', '>', '>-', '|+', '>2', '|  # c', '>-x']))}")
            inner = indent + draw(st.sampled_from([0, 1, 2, 2, 4, 4]))
            for _ in range(draw(st.integers(0, 5))):
                line = draw(
                    st.sampled_from(
                        ["word one", "two", "", "# hash", "x: y", "- item", "\u00e9t\u00e9"] * 3
                        + ["  more", "trail ", "   "]
                    )
                )
                lines.append(" " * inner + line if line.strip() else line)
        elif kind == "scalar":
            lines.append(f"{pad}{k}: {draw(scalar)}{draw(comment)}")
        elif kind == "flow":
            lines.append(f"{pad}{k}: {draw(flow)}{draw(comment)}")
        elif kind == "empty":
            lines.append(f"{pad}{k}:{draw(comment)}")
        elif kind == "map":
            lines.append(f"{pad}{k}:")
            lines += draw(block(indent + draw(st.sampled_from([1, 2, 4])), depth + 1, scalar, flow))
        else:
            lines.append(f"{pad}{k}:")
            inner = indent + draw(st.sampled_from([0, 2, 3]))
            for _ in range(draw(st.integers(1, 3))):
                item = draw(st.sampled_from(["scalar", "flow", "map"]))
                dash = "-" + " " * draw(st.sampled_from([1, 1, 2]))
                if item == "map":
                    sub = draw(block(inner + len(dash), depth + 1, scalar, flow))
                    lines.append(" " * inner + dash + sub[0].lstrip(" "))
                    lines += sub[1:]
                else:
                    lines.append(" " * inner + dash + draw(scalar if item == "scalar" else flow) + draw(comment))
        if draw(st.integers(0, 5)) == 0:
            lines.append(draw(st.sampled_from(["", "# note", "   # indented note", "  "])))
    return lines


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(block(0))
def test_generated_documents_read_the_same_or_are_declined(lines):
    agrees("\n".join(lines) + "\n")


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(st.lists(block(4), min_size=1, max_size=4), st.sampled_from(["relations", "entities"]))
def test_generated_record_lists_read_the_same_or_are_declined(records, kind):
    lines = [f"{kind}:"]
    for rec in records:
        lines.append("  - " + rec[0].lstrip(" "))
        lines += rec[1:]
    agrees("\n".join(lines) + "\n")


common = st.builds(lambda s, f: f(s), st.sampled_from(COMMON), style)
common_flow = st.recursive(
    common,
    lambda inner: st.one_of(
        st.builds(flow_list, st.lists(inner, max_size=3)),
        st.builds(flow_map, st.lists(st.tuples(st.sampled_from(KEYS[:6]), inner), max_size=3)),
    ),
    max_leaves=6,
)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(block(0, scalar=common, flow=common_flow))
def test_generated_documents_of_common_scalars_read_the_same_or_are_declined(lines):
    agrees("\n".join(lines) + "\n")


def test_generated_documents_are_mostly_read_the_fast_way():
    """The comparison above would pass if the fast reader declined everything: it must not."""
    text = "\n".join(
        ["relations:"]
        + [
            f"  - id: r{i}\n    subject: E{i}\n    context: [a, 'b']\n"
            f'    evidence:\n      - {{source: s, quote: "q {i}"}}'
            for i in range(50)
        ]
    )
    assert parse_fast(text + "\n") is not None


block_text = st.tuples(
    st.sampled_from(["|", "|-", ">", ">-"]),
    st.lists(
        st.sampled_from(["word one", "two", "", "# hash", "x: y", "- item", "\u00e9t\u00e9", "a  b", "'q'", "[x]"]),
        min_size=1,
        max_size=5,
    ),
    st.sampled_from([1, 2, 4]),
)


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(st.lists(block_text, min_size=1, max_size=4))
def test_block_scalars_in_records_read_the_same(items):
    lines, taken = ["relations:"], []
    for n, (head, content, extra) in enumerate(items):
        lines += [f"  - id: r{n}", f"    note: {head}"]
        lines += [" " * (4 + extra) + c if c else "" for c in content]
        lines.append("    when: 2020")
        taken.append(any(content))
    text = "\n".join(lines) + "\n"
    assert agrees(text) or not all(taken) or not all(c[0] for _, c, _ in items)


@pytest.mark.parametrize("line", ["a: b{s}c", "a: [b{s}", "a: [b{s}x", "a: {{k: b{s}", "a: [{many}", "a: {s}x: y"])
def test_long_hostile_lines_do_not_hang_the_reader(line):
    """No regular expression of the fast reader backtracks over a run of spaces: a 200,000-space
    line read in quadratic time would take hours. Read in a child process, so that a hang fails
    the test (after a minute) instead of stalling the suite."""
    import subprocess
    import sys

    text = line.format(s=" " * 200_000, many="b, " * 50_000) + "\n"
    code = "import sys; from graph.read.yaml_fast import parse_fast; parse_fast(sys.stdin.read())"
    subprocess.run([sys.executable, "-c", code], input=text, text=True, check=True, timeout=60)
