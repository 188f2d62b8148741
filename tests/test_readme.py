"""The README's Python examples run, and say what they show (doctest over its >>> blocks)."""

import doctest
import os
import re

from tests.conftest import ROOT
from tests.seed import repository_with_the_seed


def test_readme_python_examples_run(monkeypatch, tmp_path):
    """From a copy of the repository whose data/ is the seed alone: an analyst's own articles in
    data/ never change what the README shows."""
    monkeypatch.chdir(repository_with_the_seed(tmp_path / "repo"))
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    examples = "\n".join(b for b in blocks if b.lstrip().startswith(">>>"))
    assert examples, "the README has no Python examples"
    parser = doctest.DocTestParser()
    test = parser.get_doctest(examples, {}, "README.md", str(ROOT / "README.md"), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} README example(s) failed (see the output above)"
    assert result.attempted >= 10


def test_readme_names_the_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "python -m pip install -e . && actorgraph validate && actorgraph render" in text
    assert 'python -m pip install -e ".[test]" && python -m pytest' in text
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'python -m pip install -q -e ".[test]" && python -m pytest' in ci
    assert os.access(ROOT / ".ci" / "run", os.X_OK)
