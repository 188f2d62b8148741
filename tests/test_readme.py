"""The README's and docs/'s Python examples run and say what they show (doctest over their >>>
blocks), and the README's tour prints what it shows."""

import doctest
import os
import shlex

from click.testing import CliRunner

from graph.cli import main
from tests.conftest import ROOT
from tests.docs import console_commands, page, pages, python_examples
from tests.seed import repository_with_the_seed


def test_readme_and_docs_python_examples_run(monkeypatch, tmp_path):
    """Each page's examples run on their own (a reader may open any page first), page after page in
    the order of the nav, from a copy of the repository whose data/ is the seed alone: an analyst's
    own articles in data/ never change what the docs show."""
    monkeypatch.chdir(repository_with_the_seed(tmp_path / "repo"))
    parser = doctest.DocTestParser()
    attempted = {}
    for path in pages():
        examples = python_examples(path.read_text(encoding="utf-8"))
        if not examples:
            continue
        name = str(path.relative_to(ROOT))
        test = parser.get_doctest(examples, {}, name, str(path), 0)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
        runner.run(test)
        result = runner.summarize(verbose=False)
        assert result.failed == 0, f"{result.failed} example(s) of {name} failed (see the output above)"
        attempted[name] = result.attempted
    # the pages that hold Python examples, each with its own (none silently dropped)
    assert {name for name in attempted} >= {
        "README.md", "docs/python.md", "docs/analyses.md", "docs/reading-across-sources.md",
        "docs/formats.md", "docs/large-data.md"}
    assert sum(attempted.values()) >= 90, attempted


def test_readme_tour_console_blocks_show_the_real_output(monkeypatch, tmp_path):
    """Every command of the README's tour, run from a copy of the repository holding the seed,
    prints what the README shows (a block ending in '...' shows the first lines)."""
    monkeypatch.chdir(repository_with_the_seed(tmp_path / "repo"))
    commands = console_commands(page("README.md"))
    assert [c for c, _ in commands] == [
        "actorgraph validate", "actorgraph relations --subject US --object Taliban --type REQUEST",
        "actorgraph analyze contested examples/many-sources"]
    for command, expected in commands:
        result = CliRunner().invoke(main, shlex.split(command)[1:])
        assert result.exit_code == 0, (command, result.output)
        got = result.output.rstrip("\n").split("\n")
        if expected[-1] == "...":
            assert got[:len(expected) - 1] == expected[:-1], command
        else:
            assert got == expected, command


def test_readme_names_the_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert 'python -m pip install -e . && actorgraph validate && actorgraph render' in text
    assert 'python -m pip install -e ".[test]" && python -m pytest' in text
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'python -m pip install -q -e ".[test]" && python -m pytest' in ci
    assert os.access(ROOT / ".ci" / "run", os.X_OK)
