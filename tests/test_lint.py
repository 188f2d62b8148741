"""The lint step: no unused import or name, and no undefined one, in the package and the tests (ruff, rules F).

It replaces tests that only asserted an old private name was gone: a leftover import of
one is what ruff reports.
"""

import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def test_ruff_finds_nothing():
    if (
        shutil.which("ruff") is None
        and subprocess.run([sys.executable, "-m", "ruff", "--version"], capture_output=True).returncode != 0
    ):
        if os.environ.get("CI"):
            pytest.fail("ruff is not installed (it is in the test extra)")
        pytest.skip("ruff is not installed")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "--select",
            "F",
            "--no-cache",
            "graph",
            "tests",
            "benchmarks",
            "scripts",
            "conftest.py",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
