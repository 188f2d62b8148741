"""Every notebook in notebooks/ runs from a clean kernel without error, in under a minute,
from the notebooks folder and from the repository root; notebooks are committed without outputs."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

from tests.seed import repository_with_the_seed  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
CELL_TIMEOUT = 60  # seconds, per cell
TOTAL_LIMIT = 60  # seconds, per notebook


def test_there_are_notebooks():
    names = [p.name for p in NOTEBOOKS]
    assert "01-explore-the-seed-article.ipynb" in names and "02-balance-and-centrality.ipynb" in names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: clear the outputs"


@pytest.mark.parametrize("cwd", ["notebooks", "root"])
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(path, cwd, tmp_path):
    nb = nbformat.read(path, as_version=4)
    repo = repository_with_the_seed(tmp_path / "repo")  # its data/ is the seed alone, never the user's
    folder = repo / "notebooks" if cwd == "notebooks" else repo
    client = nbclient.NotebookClient(
        nb, timeout=CELL_TIMEOUT, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
    )
    start = time.monotonic()
    client.execute()  # raises CellExecutionError (with the cell and traceback) on any error
    elapsed = time.monotonic() - start
    assert elapsed < TOTAL_LIMIT, f"{path.name} took {elapsed:.1f}s"
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            assert out.get("output_type") != "error", out
    # the interactive graph is displayed inline (a view shown as the last expression of a cell)
    html = [
        out["data"]["text/html"]
        for cell in nb.cells
        for out in cell.get("outputs", [])
        if "text/html" in out.get("data", {})
    ]
    assert any(h.lstrip().startswith("<iframe") for h in html), "no inline graph"


def test_notebook_02_checks_what_its_prose_states():
    """Where notebook 02's prose states a result of the seed (who ranks first, which triangle is
    unbalanced, which tie is strained), a code cell asserts it, so the notebook -- and
    test_notebook_runs -- fails when the data changes and the prose goes stale."""
    nb = nbformat.read(ROOT / "notebooks" / "02-balance-and-centrality.ipynb", as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    for claim in (
        'assert [row["id"] for row in c.rows[:2]] == ["PAK", "TAL"]',
        'assert b.frustrated_pairs == [["AFG", "PAK"]]',
        'assert wide.frustrated_pairs == [["AFG", "USA"]]',
        'assert wide.frustrated[0].relations == ("usa-withdraws-from-afg-2021-08",)',
    ):
        assert claim in code, claim
    prose = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "the one strained tie is the US withdrawal from\nAfghanistan" in prose
