"""graph.read.yaml_events: values without implicit typing, locations, and everything hostile refused."""

import time

import pytest

from graph.read.yaml_events import MAX_DEPTH, REFUSED, Plain, parse_text


def msgs(text):
    return [str(p) for p in parse_text(text, "f.yaml").problems]


@pytest.mark.parametrize(
    "raw",
    [
        "NO",
        "no",
        "yes",
        "Yes",
        "on",
        "off",
        "y",
        "n",
        "2023-05-01",
        "010",
        "0x1F",
        "1_000",
        "0o17",
        ".inf",
        "-.inf",
        ".nan",
        "12:30:00",
        "2001-12-14t21:59:43.10-05:00",
    ],
)
def test_yaml11_traps_keep_their_text(raw):
    doc = parse_text(f"a: {raw}\nb: [{raw}]\n", "f.yaml")
    assert doc.problems == []
    assert doc.value == {"a": raw, "b": [raw]}
    # marked as written without quotes where a field could read it as a number or truth value
    assert type(doc.value["a"]) is (Plain if raw[0] in "+-.0123456789tTfF" else str)


def test_quoted_scalars_are_str_and_nulls_are_none():
    doc = parse_text("a: 'x'\nb: \"y\"\nc:\nd: ~\ne: null\nf: ''\n", "f.yaml")
    assert doc.value == {"a": "x", "b": "y", "c": None, "d": None, "e": None, "f": ""}
    assert type(doc.value["a"]) is str and type(doc.value["f"]) is str


def test_locations_are_one_based_and_point_at_values_and_keys():
    doc = parse_text("top:\n  - id: a\n    when: 2023\n", "f.yaml")
    assert doc.locate("top", 0, "when") == (3, 11)
    assert doc.locate("top", 0, "when", key=True) == (3, 5)
    assert doc.locate("top", 5) == (2, 3)  # missing index: deepest existing node
    assert doc.locate("nope") == (1, 1)


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object:os.system",
        "!!python/object/apply:os.system",
        "!!python/object/new:os.system",
        "!!python/name:os.system",
        "!!python/module:os",
        "!!python/tuple",
        "!!python/bytes",
        "!!binary",
        "!!timestamp",
        "!!int",
        "!!float",
        "!!bool",
        "!!null",
        "!!set",
        "!!omap",
        "!custom",
        "!<tag:example.com,2000:x>",
    ],
)
def test_no_tag_is_accepted_or_constructed(tag, tmp_path):
    target = tmp_path / "PWNED"
    doc = parse_text(f'a: {tag} ["touch {target}"]\nb: {tag} x\n', "f.yaml")
    assert [p.line for p in doc.problems] == [1, 2]
    assert all("is not allowed" in p.message for p in doc.problems)
    assert doc.value == {"a": REFUSED, "b": REFUSED}
    assert not target.exists()


def test_explicit_plain_tags_are_fine():
    assert parse_text("a: !!str 010\nb: !!seq [x]\nc: !!map {k: v}\n", "f.yaml").value == {
        "a": "010",
        "b": ["x"],
        "c": {"k": "v"},
    }


def test_tainted_containers_are_marked():
    doc = parse_text("a:\n  - {x: !!int 1}\n  - {y: 2}\n", "f.yaml")
    first, second = doc.value["a"]
    assert doc.is_tainted(first) and doc.is_tainted(doc.value["a"]) and not doc.is_tainted(second)


def test_anchors_and_aliases_stop_the_read_at_once():
    assert msgs("a: &x 1\nb: *x\n") == [
        "f.yaml:1:4: anchor '&x' is not allowed: actorgraph data may not use "
        "anchors and aliases (&name / *name); write the value out in full"
    ]
    doc = parse_text("a: &x [*x]\n", "f.yaml")
    assert doc.value is None and doc.node is None


def test_billion_laughs_is_refused_fast():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 30):
        prev, cur = chr(96 + i), chr(97 + i) if i < 26 else f"z{i}"
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    t = time.perf_counter()
    assert len(msgs("\n".join(lines))) == 1
    assert time.perf_counter() - t < 0.5


@pytest.mark.parametrize(
    "text", ["[" * 1_000_000, "- " * 500_000 + "x", "{a: " * 300_000, "".join(" " * i + "k:\n" for i in range(2000))]
)
def test_deep_nesting_is_refused_without_crashing(text):
    t = time.perf_counter()
    problems = parse_text(text, "f.yaml").problems
    assert len(problems) == 1 and f"nesting deeper than {MAX_DEPTH}" in problems[0].message
    assert time.perf_counter() - t < 2


def test_nesting_up_to_the_limit_is_read():
    text = "[" * (MAX_DEPTH) + "]" * MAX_DEPTH
    assert parse_text(text, "f.yaml").problems == []


def test_duplicate_merge_and_non_text_keys():
    assert msgs("a: 1\nb: 2\na: 3\n") == [
        "f.yaml:3:1: duplicate key 'a' (first at line 1): each key may appear once in a mapping"
    ]
    assert msgs("a: {x: 1}\nb:\n  <<: {y: 2}\n") == [
        "f.yaml:3:3: merge keys ('<<') are not allowed: write the fields out in full"
    ]
    assert parse_text("'<<': 1\n", "f.yaml").value == {"<<": "1"}  # a quoted '<<' is just a key
    assert msgs("? [a]\n: 1\n") == ["f.yaml:1:3: a mapping key must be a plain name, not a list or a mapping"]


def test_one_document_per_file():
    assert msgs("a: 1\n---\nb: 2\n") == [
        "f.yaml:2:1: a data file holds one YAML document; found a second one here (remove the '---' separator, "
        "or split the file in two)"
    ]
    assert msgs("---\na: 1\n...\n") == []


@pytest.mark.parametrize(
    "text, where, words",
    [
        ("a:\n\tb: 1\n", "f.yaml:2:1", "indent with spaces, not tabs"),
        ("a: b: c\n", "f.yaml:1:5", "must be put in quotes"),
        ("a: 1\nb\nc: 2\n", "f.yaml:2:1", "needs 'key: value'"),
        ('a: "x\nb: 2\n', "f.yaml:1:4", "never closed"),
        ("a: [1, 2\nb: 3\n", "f.yaml:2:2", "not closed"),
        ('a: "C:\\qx"\n', "f.yaml:1:7", "backslash"),
        ("a: x\x01\n", "f.yaml:1:5", "U+0001 is not allowed"),
        ("a: é\nb: x\x00\n", "f.yaml:2:5", "U+0000 is not allowed"),
        ("a: 1\u2028b: 2\n", "f.yaml:1:5", "U+2028 LINE SEPARATOR"),
    ],
)
def test_syntax_errors_are_located_and_explained(text, where, words):
    (m,) = msgs(text)
    assert m.startswith(where + ": ") and words in m


def test_long_names_are_shortened_in_messages():
    long = "k" * 10_000
    (m,) = msgs(f"{long}x: 1\n{long}x: 2\n".replace(long + "x", "'" + long + "'"))
    assert len(m) < 300


def test_empty_text_has_no_value_and_no_problem():
    doc = parse_text("# nothing\n", "f.yaml")
    assert doc.value is None and doc.node is None and doc.problems == []
