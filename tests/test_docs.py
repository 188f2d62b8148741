"""docs/ builds with MkDocs as it is (strict: no broken link, anchor or nav entry), and every
relative link and image of README.md and docs/*.md leads to a file of the repository."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.docs import DOCS, ROOT, nav, page, pages

_LINK = re.compile(r"!?\[(?:[^\]\[]|\[[^\]]*\])*\]\(([^)\s]+)\)")


def _prose(text):
    """The text without its fenced blocks and code spans (where brackets are code, not links)."""
    text = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    return re.sub(r"`[^`\n]*`", "", text)


def _slug(heading):
    """A heading's anchor as GitHub makes it (what a link into benchmarks/README.md relies on)."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _anchors(path):
    text = re.sub(r"^```.*?^```", "", path.read_text(encoding="utf-8"), flags=re.S | re.M)
    return {_slug(h) for h in re.findall(r"^#{1,6} (.*)$", text, flags=re.M)}


@pytest.mark.slow
def test_the_site_builds_strict(tmp_path):
    r = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0 and "WARNING" not in r.stderr, r.stderr
    assert (tmp_path / "site" / "index.html").is_file()
    assert (tmp_path / "site" / "screenshot.png").is_file()
    for name in nav():
        assert (tmp_path / "site" / name.removesuffix(".md") / "index.html").is_file() or name == "index.md"


def test_every_page_is_in_the_nav_and_in_the_readme():
    assert sorted(nav()) == sorted(p.name for p in DOCS.glob("*.md"))
    readme = page("README.md")
    for name in nav():
        assert f"](docs/{name})" in readme, f"the README's 'Where to go next' does not link docs/{name}"


def test_every_relative_link_and_image_resolves():
    checked = 0
    for path in pages():
        for target in _LINK.findall(_prose(path.read_text(encoding="utf-8"))):
            if re.match(r"[a-z]+:", target) or target.startswith("#"):
                continue
            file, _, anchor = target.partition("#")
            where = (path.parent / file).resolve()
            assert where.exists(), f"{path.relative_to(ROOT)}: the link {target!r} leads to no file"
            assert where.is_relative_to(ROOT), f"{path.relative_to(ROOT)}: {target!r} leads out of the repository"
            if anchor and where.suffix == ".md":
                assert anchor in _anchors(where), f"{path.relative_to(ROOT)}: {target!r}: no such heading"
            checked += 1
    assert checked >= 40
