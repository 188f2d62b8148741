"""The load cache believes nothing it reads: entries are sealed with a key kept outside the cache folder,
every confinement check runs on a cached load too, and a first cached load writes in one batch."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import graph
from tests.test_cache import TEXT, make_data

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def data(tmp_path):
    return make_data(tmp_path / "data")


def _entries(folder, kind):
    return sorted(p for p in (Path(folder) / kind).rglob("*.json"))


def _forge(path, edit):
    """Edit the JSON of a cache entry in place, keeping whatever comes before it (its format line and seal)."""
    raw = path.read_bytes()
    at = raw.index(b"{")
    entry = json.loads(raw[at:])
    edit(entry)
    path.write_bytes(raw[:at] + json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode())


def test_an_entry_edited_in_place_is_not_believed(data, tmp_path):
    cache = tmp_path / "c"
    graph.load(data, cache_dir=cache)
    [entry] = _entries(cache, "loads")

    def rename(e):
        for d in e["entities"]:
            if d["id"] == "PAK":
                d["name"] = "Forged name"

    _forge(entry, rename)
    assert graph.load(data, cache_dir=cache).entities["PAK"].name == "Pakistan"


def test_a_stored_text_path_forged_in_the_cache_is_never_read(data, tmp_path):
    cache = tmp_path / "c"
    secret = tmp_path / "secret.txt"
    secret.write_text("Not part of the data: a constructed secret.\n", encoding="utf-8")
    graph.load(data, cache_dir=cache)
    [entry] = _entries(cache, "loads")

    def point_outside(e):
        e["sources"][0]["text_path"] = str(secret)
        e["texts"] = [str(secret)]
        h = hashlib.sha256()
        h.update(str(secret).encode() + b"\0" + hashlib.sha256(secret.read_bytes()).digest())
        e["texts_digest"] = h.hexdigest()

    _forge(entry, point_outside)
    ds = graph.load(data, cache_dir=cache)
    assert ds.sources["s1"].text_path == str(data / "t.txt")
    assert str(secret) not in ds.files
    from graph.render import render_html

    assert "a constructed secret" not in render_html(ds)


def test_a_stored_text_replaced_by_a_link_outside_is_refused_on_a_cached_load(data, tmp_path):
    cache = tmp_path / "c"
    outside = tmp_path / "outside.txt"
    outside.write_text(TEXT, encoding="utf-8")  # the very same words: only where it lies differs
    graph.load(data, cache_dir=cache)
    graph.load(data, cache_dir=cache)  # warm
    os.unlink(data / "t.txt")
    os.symlink(outside, data / "t.txt")
    with pytest.raises(graph.DataError) as err:
        graph.load(data, cache_dir=cache)
    assert "is outside the data folder" in str(err.value) and "a symbolic link to" in str(err.value)
    with pytest.raises(graph.DataError):
        graph.load(data, cache=False)  # what the uncached load says too


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_stored_text_replaced_by_a_named_pipe_does_not_hang_a_cached_load(data, tmp_path):
    cache = tmp_path / "c"
    graph.load(data, cache_dir=cache)
    os.unlink(data / "t.txt")
    os.mkfifo(data / "t.txt")  # opening it for reading would wait for a writer for ever
    code = (
        "import graph, sys\ntry:\n    graph.load(sys.argv[1], cache_dir=sys.argv[2])\nexcept graph.DataError as e:\n"
        "    print(e)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-c", code, str(data), str(cache)], capture_output=True, text=True, timeout=120, env=env
    )
    assert "it is a named pipe, not a regular file" in proc.stdout, proc.stdout + proc.stderr


def test_the_key_lives_in_the_users_configuration_folder_readable_by_them_alone(data, tmp_path, monkeypatch):
    from graph.cache_key import KEY_FILE, config_folder

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    graph.load(data, cache_dir=tmp_path / "c")
    key = Path(config_folder()) / KEY_FILE
    assert key.parent == tmp_path / "config" / "actorgraph"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and stat.S_IMODE(key.parent.stat().st_mode) == 0o700
    assert not any(KEY_FILE in p.name for p in (tmp_path / "c").rglob("*"))  # never in the cache folder
    # a key others may read is no secret: the cache is off (nothing read from it, nothing written)
    key.chmod(0o644)
    graph.load(data, cache_dir=tmp_path / "d")
    assert not (tmp_path / "d").exists()
    # a key that is a link (to a file someone else chose) is not used either
    key.chmod(0o600)
    os.rename(key, tmp_path / "elsewhere")
    os.symlink(tmp_path / "elsewhere", key)
    graph.load(data, cache_dir=tmp_path / "e")
    assert not (tmp_path / "e").exists()


def test_entries_sealed_with_another_key_are_not_believed(data, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "someone"))
    graph.load(data, cache_dir=tmp_path / "shared")
    [entry] = _entries(tmp_path / "shared", "loads")
    _forge(entry, lambda e: e["entities"][0].__setitem__("name", "Planted by someone"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "me"))
    assert graph.load(data, cache_dir=tmp_path / "shared").entities["PAK"].name == "Pakistan"


def test_a_first_cached_load_of_many_small_files_writes_once(tmp_path, monkeypatch):
    d = tmp_path / "data"
    d.mkdir()
    (d / "s.yaml").write_text("sources: [{id: s1, title: T}]\n", encoding="utf-8")
    for i in range(300):
        (d / f"e{i:03}.yaml").write_text(
            f"entities:\n  - {{id: E{i}, name: Entity {i}, kind: state}}\n", encoding="utf-8"
        )
    graph.load(d, cache_dir=tmp_path / "warm-the-key")
    synced = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(fd) or real(fd))
    first = graph.load(d, cache_dir=tmp_path / "c")
    written = list((tmp_path / "c").rglob("*.json"))
    assert len(first.entities) == 300
    assert len(synced) <= 2 and len(written) <= 3, (len(synced), len(written))
    # and the files come back from that one pack when one of them changes
    (d / "e000.yaml").write_text("entities:\n  - {id: E0, name: Entity zero, kind: state}\n", encoding="utf-8")
    import graph.loader as loader

    parsed = []
    parse = loader._parse
    monkeypatch.setattr(loader, "_parse", lambda path, data: parsed.append(path) or parse(path, data))
    assert graph.load(d, cache_dir=tmp_path / "c").entities["E0"].name == "Entity zero"
    assert [os.path.basename(p) for p in parsed] == ["e000.yaml"]
