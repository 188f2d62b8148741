"""Outputs are never half-written, and never written over the data they come from.

Kill tests: a harness process loads the data once, then forks one child per
kill point; each child runs ``actorgraph export`` or ``actorgraph render``
over an existing output and is killed with SIGKILL

* at every line that ``graph.atomic`` executes (a trace function counts the
  lines and kills the process at the N-th one: every point of the write,
  flush, fsync, chmod and rename), and
* at random moments while the output is written slowly (the write is
  patched to go in small chunks with pauses): from when the write starts (the
  child says so on a pipe) to a little after it ends (measured on a first
  run); a child whose command is done waits to be killed. Every run is killed,
  however fast or loaded the machine: no count depends on timing.

After each kill the target must hold either the previous content or the
complete new one, byte for byte.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap

import pytest
from click.testing import CliRunner

import graph
from graph.atomic import check_output_path, write_atomic
from graph.cli import main
from graph.errors import OutputError

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
from tests.conftest import DATA as _SEED  # noqa: E402

DATA = str(_SEED)  # a copy of the seed: never the user's data/

HARNESS = textwrap.dedent(r"""
    import json, os, random, signal, sys, time
    import graph.atomic
    from graph.cli import main

    command, data, target, mode = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
    points = [int(x) for x in sys.argv[5].split(",")]
    ATOMIC_FILE = graph.atomic.write_atomic.__code__.co_filename

    def kill_at_line(n):
        # count the lines run in graph/atomic.py once the write starts (tracing the whole
        # render would make every child slow), and kill the process at the n-th one
        count = [0]
        def tracer(frame, event, arg):
            if frame.f_code.co_filename != ATOMIC_FILE:
                return None
            def local(frame, event, arg):
                if event == "line":
                    count[0] += 1
                    if count[0] == n:
                        os.kill(os.getpid(), signal.SIGKILL)
                return local
            return local
        real = graph.atomic.write_atomic
        def traced(*a, **k):
            sys.settrace(tracer)
            return real(*a, **k)
        for mod in ("graph.export", "graph.render", "graph.render.page"):
            if mod in sys.modules and hasattr(sys.modules[mod], "write_atomic"):
                sys.modules[mod].write_atomic = traced

    def slow_writes(started):
        # the write goes in small chunks with pauses; its first chunk says so on the pipe *started*
        real_fdopen = os.fdopen
        class Slow:
            def __init__(self, f): self.f, self.told = f, False
            def write(self, b):
                if not self.told:
                    os.write(started, b"s")
                    self.told = True
                for i in range(0, len(b), 2048):
                    self.f.write(b[i:i + 2048]); self.f.flush(); time.sleep(0.0005)
            def __getattr__(self, k): return getattr(self.f, k)
            def __enter__(self): return self
            def __exit__(self, *a): return self.f.__exit__(*a)
        graph.atomic.os.fdopen = lambda *a, **k: Slow(real_fdopen(*a, **k))

    def child(n, pipe):
        # a run of the command; in "random" mode it says when its write starts and when the
        # command is done, then waits to be killed (so every run is killed, whatever the speed)
        try:
            if mode == "lines":
                kill_at_line(n)
            else:
                slow_writes(pipe)
            main([command, data, "-o", target], standalone_mode=False)
            if mode == "random":
                os.write(pipe, b"d")
                while True:
                    signal.pause()
        finally:
            os._exit(0)

    def start(n):
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(r)
            child(n, w)
        os.close(w)
        return pid, r

    def restore():
        # put the previous content back for the next run (the harness itself is never killed)
        with open(target + ".previous", "rb") as f:
            prev = f.read()
        with open(target, "wb") as f:
            f.write(prev)

    # warm up (imports, templates, assets) so that each child only loads, renders and writes
    import graph, graph.export
    if command == "render":
        import graph.render
        graph.render.render_html(graph.load(data))
    else:
        graph.export.node_link(graph.load(data))
    results = []
    rnd = random.Random(1234)
    # one whole run first: the new content, and how long its write takes (random kills land anywhere
    # from the write's first chunk to a little after its end -- measured, never assumed)
    pid, r = start(0)
    window = 0.0
    if mode == "random":
        assert os.read(r, 1) == b"s", "the command never wrote"
        t = time.perf_counter()
        assert os.read(r, 1) == b"d", "the command did not finish"
        window = (time.perf_counter() - t) * 1.2
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(r)
    with open(target, "rb") as f:
        new = f.read()
    restore()
    for n in points:
        pid, r = start(n)
        if mode == "random":
            if os.read(r, 1) == b"s":          # (an empty read: the child ended before writing)
                time.sleep(rnd.uniform(0, window))
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        os.close(r)
        killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        with open(target, "rb") as f:
            content = f.read()
        results.append({"n": n, "killed": killed, "content": content.decode("latin-1")})
        restore()
    print(json.dumps({"new": new.decode("latin-1"), "results": results}))
""")


def _commands():
    out = ["export"]
    if "render" in main.commands:
        out.append("render")
    return out


def _new_content(command, tmp_path):
    path = tmp_path / f"fresh-{command}"
    r = CliRunner().invoke(main, [command, DATA, "-o", str(path)])
    assert r.exit_code == 0, r.output
    return path.read_bytes()


def _first_difference(a, b):
    i = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return i, a[max(0, i - 80) : i + 80], b[max(0, i - 80) : i + 80]


def _harness(tmp_path, command, mode, points):
    target = tmp_path / ("out.json" if command == "export" else "out.html")
    previous = (b"<!DOCTYPE html>\n" if command == "render" else b"") + b"previous complete output\n" * 50
    target.write_bytes(previous)
    (tmp_path / (target.name + ".previous")).write_bytes(previous)
    script = tmp_path / "harness.py"
    script.write_text(HARNESS, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run(
        [sys.executable, str(script), command, DATA, str(target), mode, ",".join(map(str, points))],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    new = out["new"].encode("latin-1")
    return previous, new, [(r["n"], r["killed"], r["content"].encode("latin-1")) for r in out["results"]]


# graph.atomic runs ~70 lines for one write of the seed data (4 protected inputs, checked twice):
# export and render are killed at every one of them.
KILL_POINTS = {"export": list(range(1, 81)), "render": list(range(1, 81))}
RANDOM_RUNS = {"export": 30, "render": 30}


@pytest.mark.slow
@pytest.mark.parametrize("command", _commands())
def test_killed_at_every_line_of_the_atomic_write(command, tmp_path):
    points = KILL_POINTS[command]
    previous, new, results = _harness(tmp_path, command, "lines", points)
    # the same as a normal, unkilled command writes
    assert new == _new_content(command, tmp_path)
    assert new.startswith(b"{" if command == "export" else b"<!DOCTYPE html>") and new != previous
    killed = [n for n, k, _ in results if k]
    # every line of write_atomic is a kill point, until the write runs to its end
    assert len(killed) >= 20, killed
    assert killed == points[: len(killed)]
    saw_new = False
    for n, _was_killed, content in results:
        assert content in (previous, new), f"kill point {n}: the output is neither the old nor the new file"
        saw_new |= content == new
    assert saw_new, "no run got as far as the rename"
    assert any(c == previous for _, k, c in results if k)
    leftovers = [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]
    # a SIGKILL cannot clean up: temporary files are hidden (.name.*.tmp) and ignored by git
    assert all(p.startswith(".out.") for p in leftovers)


@pytest.mark.slow
@pytest.mark.parametrize("command", _commands())
def test_killed_at_random_moments_while_writing(command, tmp_path):
    previous, new, results = _harness(tmp_path, command, "random", list(range(RANDOM_RUNS[command])))
    assert new.startswith(b"{" if command == "export" else b"<!DOCTYPE html>") and new != previous
    for n, _was_killed, content in results:
        assert content in (previous, new), (
            f"run {n}: the output is neither the old nor the new file",
            len(content),
            len(new),
            _first_difference(content, new),
        )
    assert all(k for _, k, _ in results), "a run was not killed: it failed before writing"


# --- refusing to overwrite the inputs -------------------------------------------------------------


@pytest.fixture()
def data_copy(tmp_path):
    d = tmp_path / "data"
    shutil.copytree(DATA, d)
    return d


def _inputs(d):
    ds = graph.load(d)
    return [f for f in ds.files]


@pytest.mark.parametrize("command", _commands())
def test_an_output_over_an_input_is_refused_and_the_input_left_alone(command, data_copy, tmp_path):
    inputs = _inputs(data_copy)
    assert any(f.endswith(".txt") for f in inputs) and any(f.endswith(".yaml") for f in inputs)
    os.symlink(inputs[0], tmp_path / "link-to-input")
    os.link(inputs[-1], tmp_path / "hardlink-to-input")
    targets = inputs + [str(tmp_path / "link-to-input"), str(tmp_path / "hardlink-to-input")]
    for target in targets:
        before = open(target, "rb").read()
        r = CliRunner().invoke(main, [command, str(data_copy), "-o", target])
        assert r.exit_code == 1, (target, r.output)
        assert "Traceback" not in r.output
        assert "refusing to write" in r.stderr and "it is one of the input files" in r.stderr, r.stderr
        assert open(target, "rb").read() == before
    assert not [p for p in os.listdir(data_copy / "seed") if p.endswith(".tmp")]


def test_write_atomic_refuses_inputs_folders_and_missing_folders(tmp_path):
    src = tmp_path / "in.yaml"
    src.write_text("entities: []\n", encoding="utf-8")
    with pytest.raises(OutputError, match="refusing to write .* one of the input files"):
        write_atomic(src, "x", protect=[src])
    assert src.read_text(encoding="utf-8") == "entities: []\n"
    with pytest.raises(OutputError, match="it is a folder"):
        write_atomic(tmp_path, "x")
    with pytest.raises(OutputError, match="does not exist"):
        write_atomic(tmp_path / "nope" / "x.json", "x")
    with pytest.raises(OutputError, match="refusing"):
        check_output_path(str(tmp_path / "." / "in.yaml"), protect=[str(src)])


def test_write_atomic_keeps_the_mode_and_leaves_no_temporary_file(tmp_path):
    p = tmp_path / "out.json"
    p.write_text("old", encoding="utf-8")
    os.chmod(p, 0o600)
    write_atomic(p, "new")
    assert p.read_text(encoding="utf-8") == "new" and (os.stat(p).st_mode & 0o777) == 0o600
    assert os.listdir(tmp_path) == ["out.json"]


def test_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    p = tmp_path / "out.json"
    p.write_text("old", encoding="utf-8")

    def boom(*a):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(OutputError, match="cannot write .*: No space left on device"):
        write_atomic(p, "new" * 1000)
    assert p.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["out.json"]
