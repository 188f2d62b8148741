"""The quality gates, as the projects we learn from run them: ruff's lint rules and its formatter over the
package, the tests, the benchmarks, the scripts and the notebooks, and mypy over the typed core
(``[tool.ruff]`` and ``[tool.mypy]`` in pyproject.toml). Each test fails with the tool's own report.

A leftover import of a removed private name is what ruff reports (rules F), so no test asserts
that an old name is gone.
"""

import ast
import os
import subprocess
import sys

import pytest

try:
    import tomllib
except ImportError:  # Python 3.10
    tomllib = pytest.importorskip("tomli")

from tests.conftest import ROOT

#: what ruff checks and formats (Markdown is left out: README.md and docs/ are laid out for the reader)
LINTED = ["graph", "tests", "benchmarks", "scripts", "notebooks", "conftest.py"]

#: the modules mypy checks: the data model, the validator, the loader, the dataset and its queries, the analyses
TYPED = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]["files"]


def _tool(module, *args, timeout=300):
    """Run ``python -m module args`` at the repository's root; skip when the tool is not installed
    (it is in the test extra: on CI a missing tool fails)."""
    if subprocess.run([sys.executable, "-m", module, "--version"], capture_output=True).returncode != 0:
        if os.environ.get("CI"):
            pytest.fail(f"{module} is not installed (it is in the test extra)")
        pytest.skip(f"{module} is not installed")
    return subprocess.run(
        [sys.executable, "-m", module, *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )


def test_ruff_check_finds_nothing():
    proc = _tool("ruff", "check", "--no-cache", *LINTED)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_ruff_format_changes_nothing():
    proc = _tool("ruff", "format", "--check", "--diff", "--no-cache", *LINTED)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy_finds_nothing():
    proc = _tool("mypy", "--no-incremental", "--cache-dir", os.devnull)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _public_functions(path):
    """``(line, name, missing)`` of each public function or method of the module at *path*, with the
    parameters (or ``return``) it leaves unannotated."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []

    def walk(body, cls, public):
        for node in body:
            if isinstance(node, ast.ClassDef):
                walk(node.body, node.name, public and not node.name.startswith("_"))
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                name = node.name
                if not public or (name.startswith("_") and not (name.startswith("__") and name.endswith("__"))):
                    continue
                a = node.args
                params = [*a.posonlyargs, *a.args, *a.kwonlyargs, *filter(None, [a.vararg, a.kwarg])]
                if cls is not None and params and params[0].arg in ("self", "cls"):
                    params = params[1:]
                missing = [p.arg for p in params if p.annotation is None]
                missing += ["return"] if node.returns is None else []
                out.append((node.lineno, f"{cls}.{name}" if cls else name, missing))

    walk(tree.body, None, True)
    return out


def test_public_functions_of_the_typed_core_are_annotated():
    """mypy checks every body (check_untyped_defs) and refuses half-annotated functions
    (disallow_incomplete_defs); this asks for the parameters and return of each public one."""
    paths = []
    for entry in TYPED:
        p = ROOT / entry
        paths += sorted(p.rglob("*.py")) if p.is_dir() else [p]
    assert len(paths) > 10, TYPED
    bare = [
        f"{path.relative_to(ROOT)}:{line}: {name} leaves {', '.join(missing)} unannotated"
        for path in paths
        for line, name, missing in _public_functions(path)
        if missing
    ]
    assert not bare, "\n".join(bare)
