"""The broken and hostile input corpus: every case with its exact expected output.

Each folder of ``tests/corpus/`` is one case: ``data/`` (the data folder; for
cases that cannot live in git, a generator below builds it), ``expected.txt``
(exactly what ``actorgraph validate data`` prints, the ``FILE:LINE:COL:
message`` lines and the summary), and optionally ``args.txt`` (extra options,
one per line). A case whose expected file is ``expected-valid.txt`` must
validate (exit 0); every other case must exit 1, without a traceback.

The cases run through click's ``CliRunner`` and, for a few, through a real
subprocess (``python -m graph``). To rewrite the expected files after a
deliberate change of messages: ``CORPUS_UPDATE=1 python -m pytest
tests/test_corpus.py`` -- and review the diff.
"""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

import graph
from graph.cli import main

CORPUS = pathlib.Path(__file__).resolve().parent / "corpus"
ROOT = CORPUS.parent.parent
UPDATE = bool(os.environ.get("CORPUS_UPDATE"))

ENTITIES = "entities:\n  - {id: PAK, name: Pakistan, kind: state}\n"


# --- cases that cannot be stored in git as they are -----------------------------------------


def _deep_nesting(d):
    (d / "a.yaml").write_text("entities:\n  - " + "[" * 200_000 + "]" * 200_000 + "\n", encoding="utf-8")


def _deep_block_nesting(d):
    (d / "a.yaml").write_text("entities:\n  " + "- " * 100_000 + "x\n", encoding="utf-8")


def _very_long_scalar(d):
    long = "x" * 5_000_000
    (d / "a.yaml").write_text(
        f"entities:\n  - {{id: PAK, name: Pakistan, kind: state, description: {long}}}\n"
        f"  - {{id: 'P {long}', name: {long}, kind: state}}\n",
        encoding="utf-8",
    )


def _symlink_loop(d):
    (d / "good.yaml").write_text(ENTITIES, encoding="utf-8")
    os.symlink("loop-b.yaml", d / "loop-a.yaml")
    os.symlink("loop-a.yaml", d / "loop-b.yaml")
    os.symlink(".", d / "sub")  # a folder loop: links to folders are not followed


def _dangling_symlink(d):
    (d / "good.yaml").write_text(ENTITIES, encoding="utf-8")
    os.symlink("moved-away.yaml", d / "gone.yaml")


def _fifo_data_file(d):
    (d / "good.yaml").write_text(ENTITIES, encoding="utf-8")
    os.mkfifo(d / "pipe.yaml")  # reading it would block for ever


def _fifo_stored_text(d):
    (d / "a.yaml").write_text("sources:\n  - {id: s1, title: T, text: pipe.txt}\n", encoding="utf-8")
    os.mkfifo(d / "pipe.txt")


def _device_stored_text(d):
    (d / "a.yaml").write_text("sources:\n  - {id: s1, title: T, text: zero.txt}\n", encoding="utf-8")
    os.symlink("/dev/zero", d / "zero.txt")  # reading it would never end


def _text_beside_the_data_folder(d):
    (d.parent / "outside.txt").write_text("A constructed example: text kept outside on purpose.\n", encoding="utf-8")


def _huge_file(d):
    line = "  - {id: E%07d, name: Entity %d, kind: state}\n"
    with open(d / "big.yaml", "w", encoding="utf-8") as f:
        f.write("entities:\n")
        for i in range(40_000):  # ~2 MB, over the 1M limit given in args.txt
            f.write(line % (i, i))
    (d / "small.yaml").write_text(ENTITIES.replace("PAK", "SMALL"), encoding="utf-8")


def _many_records(d):
    ents = [f"  - {{id: E{i}, name: Entity {i}, kind: state}}\n" for i in range(30)]
    rels = "".join(
        f"  - {{id: r{i}, subject: E1, object: E2, type: CONSULT, modality: reported, "
        f"evidence: [{{source: s1, quote: q}}]}}\n"
        for i in range(30)
    )
    (d / "a.yaml").write_text("sources: [{id: s1}]\nentities:\n" + "".join(ents[:15]), encoding="utf-8")
    (d / "b.yaml").write_text("entities:\n" + "".join(ents[15:]) + "relations:\n" + rels, encoding="utf-8")


def _folder_named_yaml(d):
    (d / "good.yaml").write_text(ENTITIES, encoding="utf-8")
    (d / "old.yaml").mkdir()
    (d / "old.yaml" / "inner.yaml").write_text("entities: [{id: X, kind: state}]\n", encoding="utf-8")


def _jsonl_deep_nesting(d):
    head = '{"id": "r1", "subject": "PAK", "object": "USA", "type": "CONSULT", "modality": "reported", "attributes": '
    (d / "deep.relations.jsonl").write_text(
        head
        + "[" * 100_000
        + "]" * 100_000
        + "}\n"
        + head.replace("r1", "r2")
        + '{"a": ' * 70
        + "1"
        + "}" * 70
        + "}\n",
        encoding="utf-8",
    )


def _parquet(table, path):
    import pyarrow.parquet as pq

    pq.write_table(table, path)


def _parquet_hostile_cells(d):
    import pyarrow as pa

    n = 5
    _parquet(
        pa.table(
            {
                "id": [f"r{i}" for i in range(1, n + 1)],
                "subject": ["PAK", "PAK\x1b[2J", "PAK", "PAK", "PAK"],
                "object": ["USA"] * n,
                "type": ["CONSULT"] * n,
                "context": [["diplomatic"], ["diplomatic"], ["dip\x07lomatic"], None, None],
                "polarity": [1.0, 1.0, 1.0, float("nan"), float("-inf")],
                "modality": ["reported"] * n,
                "source": ["s1"] * n,
                "quote": ["q"] * n,
            }
        ),
        d / "cells.relations.parquet",
    )


def _parquet_unreadable_columns(d):
    import pyarrow as pa

    _parquet(
        pa.table({"id": ["E1"], "name": ["E"], "kind": ["state"], "attributes.blob": pa.array([b"x"], pa.binary())}),
        d / "binary.entities.parquet",
    )
    _parquet(
        pa.table([pa.array(["E2"]), pa.array(["A"]), pa.array(["B"])], names=["id", "name", "name"]),
        d / "twice.entities.parquet",
    )
    not_utf8 = pa.array([b"E3", b"caf\xe9"], pa.binary()).view(pa.string())
    _parquet(pa.table({"id": not_utf8, "name": ["x", "y"], "kind": ["state", "state"]}), d / "latin1.entities.parquet")
    import decimal

    _parquet(
        pa.table({"id": ["r1"], "polarity": pa.array([decimal.Decimal("1.5")], pa.decimal128(4, 2))}),
        d / "decimal.relations.parquet",
    )


GENERATORS = {
    "jsonl-deep-nesting": _jsonl_deep_nesting,
    "parquet-hostile-cells": _parquet_hostile_cells,
    "parquet-unreadable-columns": _parquet_unreadable_columns,
    "deep-nesting-flow": _deep_nesting,
    "deep-nesting-block": _deep_block_nesting,
    "very-long-scalar": _very_long_scalar,
    "symlink-loop": _symlink_loop,
    "dangling-symlink": _dangling_symlink,
    "fifo-data-file": _fifo_data_file,
    "fifo-stored-text": _fifo_stored_text,
    "device-stored-text": _device_stored_text,
    "device-stored-text-allowed": _device_stored_text,  # allowed outside the folder, still not a regular file
    "text-outside-the-data-folder": _text_beside_the_data_folder,
    "text-outside-allowed": _text_beside_the_data_folder,
    "huge-file-over-limit": _huge_file,
    "too-many-entities": _many_records,
    "too-many-relations": _many_records,
    "folder-named-like-a-data-file": _folder_named_yaml,
}

CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


def _expected_file(case):
    d = CORPUS / case
    valid = d / "expected-valid.txt"
    return (valid, 0) if valid.exists() else (d / "expected.txt", 1)


def _prepare(case, tmp_path):
    """Copy (or generate) the case's data folder into tmp_path/data; return the extra args."""
    src = CORPUS / case
    data = tmp_path / "data"
    if (src / "data").exists():
        shutil.copytree(src / "data", data, symlinks=True)
    else:
        data.mkdir()
    if case in GENERATORS:
        GENERATORS[case](data)
    args_file = src / "args.txt"
    return args_file.read_text(encoding="utf-8").split() if args_file.exists() else []


def _run_cli(args, cwd):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, args)
    finally:
        os.chdir(old)


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 40
    for case in CASES:
        assert case in GENERATORS or (CORPUS / case / "data").is_dir(), f"{case}: no data folder"
        if not UPDATE:
            assert _expected_file(case)[0].exists(), f"{case}: no expected.txt"


@pytest.mark.parametrize("case", CASES)
def test_case(case, tmp_path):
    args = _prepare(case, tmp_path)
    t = time.perf_counter()
    result = _run_cli(["validate", "data", *args], tmp_path)
    elapsed = time.perf_counter() - t
    expected_file, code = _expected_file(case)
    if UPDATE:
        valid = result.exit_code == 0
        target = CORPUS / case / ("expected-valid.txt" if valid else "expected.txt")
        target.write_text(result.stdout if valid else result.stderr, encoding="utf-8")
        pytest.skip("expected output rewritten")
    got = result.stdout if code == 0 else result.stderr
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == code, result.output
    assert got == expected_file.read_text(encoding="utf-8")
    assert elapsed < 20, f"{case} took {elapsed:.1f}s"


# A few cases through a real process: exit status, stderr, no traceback, and in time.
SUBPROCESS_CASES = [
    "alias-bomb",
    "deep-nesting-flow",
    "tag-python-object-apply",
    "non-utf8-bytes",
    "symlink-loop",
    "fifo-data-file",
    "empty-file",
    "yaml11-traps-valid",
]


@pytest.mark.slow
@pytest.mark.parametrize("case", SUBPROCESS_CASES)
def test_case_in_a_subprocess(case, tmp_path):
    args = _prepare(case, tmp_path)
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run(
        [sys.executable, "-m", "graph", "validate", "data", *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    expected_file, code = _expected_file(case)
    assert proc.returncode == code, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert (proc.stdout if code == 0 else proc.stderr) == expected_file.read_text(encoding="utf-8")


# --- what the corpus output alone does not show --------------------------------------------

PWNED = ("PWNED-apply", "PWNED-new", "PWNED-exec")


@pytest.mark.parametrize("case", ["tag-python-object-apply", "tag-python-object-new", "tag-python-exec-top"])
def test_no_tag_ever_runs_code(case, tmp_path):
    _prepare(case, tmp_path)
    for how in ("validate", "export"):
        args = [how, "data"] + (["-o", "out.json"] if how == "export" else [])
        result = _run_cli(args, tmp_path)
        assert result.exit_code == 1
        for name in PWNED:
            assert not (tmp_path / name).exists(), f"{case}: a tag ran code ({how})"
            assert not (ROOT / name).exists()
    with pytest.raises(graph.DataError):
        graph.load(tmp_path / "data")
    for name in PWNED:
        assert not (tmp_path / name).exists()


def _later_stages():
    """Every command that loads data and writes or prints something from it."""
    stages = [["export", "data", "-o", "out.json"], ["info", "data"], ["relations", "data"]]
    if "render" in main.commands:
        stages.append(["render", "data", "-o", "out.html"])
    return stages


@pytest.mark.parametrize(
    "case", ["alias-bomb", "alias-bomb-late", "alias-recursive", "deep-nesting-flow", "deep-nesting-block"]
)
def test_hostile_structures_are_refused_fast_at_every_stage(case, tmp_path):
    import resource

    _prepare(case, tmp_path)
    expected = _expected_file(case)[0].read_text(encoding="utf-8").splitlines()[:-1]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for args in _later_stages() + [["validate", "data"]]:
        t = time.perf_counter()
        result = _run_cli(args, tmp_path)
        elapsed = time.perf_counter() - t
        assert result.exit_code == 1, (args, result.output)
        assert "Traceback" not in result.output
        assert result.stderr.splitlines()[:-1] == expected
        assert elapsed < 5, f"{args[0]} took {elapsed:.1f}s on {case}"
        assert not (tmp_path / "out.json").exists() and not (tmp_path / "out.html").exists()
    # bounded memory: an expanded bomb would take gigabytes (ru_maxrss is in KiB)
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown < 200 * 1024, f"memory grew by {grown} KiB"


def test_a_bomb_is_refused_by_the_python_api_too(tmp_path):
    _prepare("alias-bomb", tmp_path)
    t = time.perf_counter()
    with pytest.raises(graph.DataError) as info:
        graph.load(tmp_path / "data")
    assert time.perf_counter() - t < 2
    assert "anchor '&a' is not allowed" in info.value.problems[0].message
    text = (CORPUS / "alias-bomb" / "data" / "a.yaml").read_text(encoding="utf-8")
    with pytest.raises(graph.DataError):
        graph.loads(text)


def test_yaml11_traps_keep_their_text(tmp_path):
    ds = graph.load(CORPUS / "yaml11-traps-valid" / "data")
    no = ds.entities["NO"]
    assert no.aliases == ("on", "off", "y", "n", "~no")
    assert ds.entities["010"].name == "010"
    assert ds.sources["s1"].title == "yes"
    assert str(ds.sources["s1"].published) == "2023-05-01"
    r = ds.relation("r1") if hasattr(ds, "relation") else ds.relations()[0]
    assert r.evidence[0].quote == "on"
    assert str(r.when) == "2023-05-01"
    assert r.attributes == {
        "count": "010",
        "date": "2023-05-01",
        "flag": "off",
        "big": "123456789012345678901234567890",
        "inf": "1e999",
        "n": 650,
        "x": 2.5,
        "t": True,
    }


def test_a_utf8_bom_is_accepted():
    ds = graph.load(CORPUS / "bom-utf8-accepted" / "data")
    assert "PAK" in ds.entities and ds.sources["s1"].title == "An op-ed"


def test_unreadable_file(tmp_path, monkeypatch):
    (tmp_path / "a.yaml").write_text(ENTITIES, encoding="utf-8")
    if os.geteuid() == 0:
        # root reads whatever the permissions say: make the open fail as it does for other users
        import errno

        import graph.read.safe

        real_open = os.open

        def denied(path, *args, **kw):
            if str(path).endswith("a.yaml"):
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real_open(path, *args, **kw)

        monkeypatch.setattr(graph.read.safe.os, "open", denied)
    else:
        os.chmod(tmp_path / "a.yaml", 0)
    records, problems = graph.check(tmp_path)
    assert [str(p) for p in problems] == [f"{tmp_path / 'a.yaml'}: cannot read this file: permission denied"]
