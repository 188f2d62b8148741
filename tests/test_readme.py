"""The README's and docs/'s Python examples run and say what they show (doctest over their >>>
blocks), and the README's tour prints what it shows."""

import doctest
import os
import re
import shlex

import yaml
from click.testing import CliRunner

from graph.cli import main
from tests.conftest import DATA, ROOT
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
        "README.md",
        "docs/python.md",
        "docs/analyses.md",
        "docs/reading-across-sources.md",
        "docs/formats.md",
        "docs/large-data.md",
    }
    assert sum(attempted.values()) >= 90, attempted


def test_readme_tour_console_blocks_show_the_real_output(monkeypatch, tmp_path):
    """Every command of the README's tour, run from a copy of the repository holding the seed,
    prints what the README shows (a block ending in '...' shows the first lines)."""
    monkeypatch.chdir(repository_with_the_seed(tmp_path / "repo"))
    commands = console_commands(page("README.md"))
    assert [c for c, _ in commands] == [
        "actorgraph validate",
        "actorgraph relations --subject US --object Taliban --type REQUEST",
        "actorgraph analyze contested examples/many-sources",
    ]
    for command, expected in commands:
        result = CliRunner().invoke(main, shlex.split(command)[1:])
        assert result.exit_code == 0, (command, result.output)
        got = result.output.rstrip("\n").split("\n")
        if expected[-1] == "...":
            assert got[: len(expected) - 1] == expected[:-1], command
        else:
            assert got == expected, command


def test_readme_tour_claim_is_the_seed_s_own():
    """The claim the tour shows is the seed's record, field for field (a few fields left out)."""
    (block,) = re.findall(r"```yaml\n(.*?)```", page("README.md"), flags=re.S)
    (shown,) = yaml.safe_load(block)["relations"]
    seed = yaml.safe_load((DATA / "seed" / "relations.yaml").read_text(encoding="utf-8"))
    (record,) = [r for r in seed["relations"] if r["id"] == shown["id"]]
    assert len(shown) >= 8 and {k: record[k] for k in shown} == shown


def test_readme_names_the_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "python -m pip install -e . && actorgraph validate && actorgraph render" in text
    assert 'python -m pip install -e ".[test]" && python -m pytest' in text
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'python -m pip install -q -e ".[test]" && python -m pytest' in ci
    assert os.access(ROOT / ".ci" / "run", os.X_OK)


def test_shell_validation_and_large_data_pages_show_the_real_output(monkeypatch, tmp_path):
    """docs/cli.md's commands, docs/validation.md's first and docs/large-data.md's render print what
    the pages show (the project folder shortened to …), from a copy of the repository holding the
    seed; a command shown without output runs with exit code 0. (validation.md's second command reads
    a broken file of the reader's, data/news/kirby.yaml, that the seed does not hold: tests/corpus/
    checks such messages; large-data.md's import reads a GDELT file the reader downloads:
    tests/test_import_hardening.py runs it on its own.)"""
    repo = repository_with_the_seed(tmp_path / "repo")
    (repo / "out").unlink(missing_ok=True)  # (a link to the repository's own out/: export writes there)
    (repo / "out").mkdir()  # as the README's first command leaves it
    monkeypatch.chdir(repo)
    render = [c for c in console_commands(page("large-data.md")) if c[0].startswith("actorgraph render")]
    commands = console_commands(page("cli.md")) + console_commands(page("validation.md"))[:1] + render
    assert len(commands) == 10
    for command, expected in commands:
        result = CliRunner().invoke(main, shlex.split(command, comments=True)[1:])
        assert result.exit_code == 0, (command, result.output)
        got = result.output.replace(str(repo), "…").rstrip("\n").split("\n")
        if expected:
            assert got == expected, command
        count = re.search(r"# .*\((\d+)\)$", command)  # "... the author's own (40)"
        if count:
            assert got[-1] == f"{count[1]} relations", command
    assert (repo / "out" / "graph.json").is_file()
