"""The user's own lexicon and gazetteer files: read with the place of every value, for located errors.

>>> import tempfile, os
>>> d = tempfile.mkdtemp(); path = os.path.join(d, "mine.yaml")
>>> _ = open(path, "w").write("cues:\\n  - {cue: snub, type: SNUB}\\n")
>>> problems = []
>>> raw, where = read_located(path, problems, "lexicon")
>>> raw["cues"][0]["type"], where("cues", 0, "type")
('SNUB', (2, 23))
"""

from __future__ import annotations

from pathlib import Path

from ..errors import Problem

__all__ = ["read_located"]


def read_located(path, problems, what):
    """(plain values, where(*keys) -> (line, col)) of the YAML file *path*; problems appended."""
    from ..read.yaml_events import parse_text

    p = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(p, 0, 0, f"cannot read the {what}: {getattr(exc, 'strerror', None) or exc}"))
        return None, None
    doc = parse_text(text, p)
    problems += doc.problems
    if doc.problems:
        return None, None
    if not isinstance(doc.value, dict):
        problems.append(Problem(p, 1, 1, f"the {what} must be a mapping of sections"))
        return None, None

    def where(*keys, key=False):
        try:
            loc = doc.locate(*keys, key=key)
        except Exception:  # noqa: BLE001 - a path that does not exist: the closest one that does
            loc = None
        while loc is None and keys:
            keys = keys[:-1]
            try:
                loc = doc.locate(*keys) if keys else (1, 1)
            except Exception:  # noqa: BLE001
                loc = None
        return loc or (1, 1)

    return doc.value, where
