"""benchmarks/coder_agreement.py scores a second coding with draft_eval's matching: a coding agrees
with itself fully, and a changed claim costs exactly what the matching says."""

from __future__ import annotations

import shutil
import sys

import yaml

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

import coder_agreement  # noqa: E402
import draft_eval  # noqa: E402


def test_a_coding_agrees_with_itself_and_a_change_costs_its_claim(tmp_path, monkeypatch):
    news = tmp_path / "news"
    shutil.copytree(ROOT / "benchmarks" / "draft_news" / "dev", news / "dev")
    (news / "second").mkdir()
    names = sorted(p.name for p in (news / "dev").glob("*.yaml"))[:2]
    for n in names:
        shutil.copy(news / "dev" / n, news / "second" / n)
    monkeypatch.setattr(draft_eval, "NEWS", news)
    monkeypatch.setattr(coder_agreement.de, "NEWS", news)
    same = coder_agreement.agreement("dev", "second")
    assert same["texts"] == 2 and same["recall"] == same["precision"] == same["accepted_unchanged"] == 1.0

    path = news / "second" / names[0]
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    key = "relations" if "relations" in doc else "claims"
    first = doc[key][0]
    first["type"] = "PROTEST" if first["type"] != "PROTEST" else "ACCUSE"
    first.pop("mode", None)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    changed = coder_agreement.agreement("dev", "second")
    n = same["candidates"]
    assert changed["recall"] == 1.0  # the same passage, subject and object: still matched
    assert changed["type"] == (n - 1) / n
    assert changed["accepted_unchanged"] == (n - 1) / n
