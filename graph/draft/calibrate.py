"""Confidence of a candidate: how often candidates like it were right on the gold texts tuned on.

A candidate's *kind* is the rule that produced it (a cue between two actors, the same with an actor
named by a pronoun or a description, a reciprocal cue, a denial pointing back, an actor carried over,
an object left implicit, an attack on a place, two actors and no cue...), its modality, whether a
speaker was found for it and whether more than one passage supports it. ``calibration.yaml`` holds,
for each kind, how many candidates of the tuning sets of ``benchmarks/draft_news`` (dev, test and
heldout2 to heldout8) had it and how many of them a reviewer could accept unchanged (subject, type,
object, modality and claimant all right), as measured by ``python benchmarks/draft_eval.py --calibrate``; the
confidence is that share, smoothed towards the share of its rule: a candidate at 0.8 was right about
80% of the time there.

>>> confidence_of("cue/reported/1", {"cue/reported/1": [18, 12]}, {})      # 12 of 18, smoothed
0.63
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

__all__ = ["cue_kind", "confidence", "confidence_of", "CALIBRATION_PATH"]

CALIBRATION_PATH = Path(__file__).with_name("calibration.yaml")
_PRIOR = 2.0


def cue_kind(c) -> str:
    """The kind of a candidate: ``rule/modality/quotes`` (quotes: 1, or 2 for two or more)."""
    rule = getattr(c, "rule", "") or "cue"
    mod = c.modality + ("+by" if c.asserted_by and c.modality != "reported" else "")
    return f"{rule}/{mod}/{min(len(getattr(c, 'quotes', ()) or [1]), 2)}"


@functools.lru_cache(maxsize=1)
def _table():
    if not CALIBRATION_PATH.exists():
        return {}, {}
    raw = yaml.safe_load(CALIBRATION_PATH.read_text(encoding="utf-8")) or {}
    kinds = {str(k): list(v) for k, v in (raw.get("kinds") or {}).items()}
    rules = {}
    for k, (n, a) in kinds.items():
        r = k.split("/")[0]
        rn, ra = rules.get(r, (0, 0))
        rules[r] = (rn + n, ra + a)
    return kinds, rules


def confidence_of(kind, kinds, rules, default=0.3):
    """The smoothed share of *kind* in the tables (*kinds*: kind -> [n, accepted])."""
    rule = kind.split("/")[0]
    rn, ra = rules.get(rule, (0, 0))
    prior = ra / rn if rn else default
    n, a = kinds.get(kind, (0, 0))
    return round((a + _PRIOR * prior) / (n + _PRIOR), 2)


def confidence(c, raws=()) -> float:
    """The calibrated confidence of the merged candidate *c* (between 0.05 and 0.95)."""
    kinds, rules = _table()
    if not kinds:
        return c.confidence
    return min(0.95, max(0.05, confidence_of(cue_kind(c), kinds, rules, c.confidence)))
