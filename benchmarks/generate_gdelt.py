"""Generate a synthetic GDELT 2.0 events file: N rows of 61 tab-separated columns, no header.

Made-up events in GDELT's published layout (graph/imports/events/gdelt.py COLUMNS): sequential event ids,
random dates 2015-2024, actors drawn from 60 country codes with and without role codes (GOV, MIL, REB,
...), CAMEO event codes of every root (01 statements included, which an import leaves out), the
Goldstein score of the root, a URL per event, and about one event in ten without a second actor.
Built column by column with numpy and written by pyarrow, so a million rows take seconds.

    python benchmarks/generate_gdelt.py OUT.export.CSV --rows 1000000 [--seed 1]
"""

from __future__ import annotations

import argparse
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [os.path.dirname(HERE)]

from graph.imports.events.gdelt import COLUMNS  # noqa: E402

COUNTRIES = (
    "AFG PAK USA CHN IND IRN RUS GBR FRA DEU TUR SAU ARE QAT EGY ISR JOR LBN SYR IRQ KWT OMN YEM "
    "BGD LKA NPL MMR THA VNM IDN MYS PHL JPN KOR PRK AUS NZL CAN MEX BRA ARG COL VEN CHL PER ZAF "
    "NGA KEN ETH SDN SOM UKR POL ITA ESP NLD BEL SWE NOR UZB"
).split()
ROLES = ("", "", "", "GOV", "MIL", "COP", "JUD", "REB", "INS", "BUS", "CVL", "MED")
CODES = (
    "010 012 020 036 040 042 043 046 051 057 061 064 071 073 081 084 0874 090 100 1041 111 112 120 "
    "128 130 138 141 145 150 160 163 172 173 180 183 190 193 195 200"
).split()
GOLDSTEIN = {
    "01": 0.0,
    "02": 3.0,
    "03": 4.0,
    "04": 1.0,
    "05": 3.5,
    "06": 6.0,
    "07": 7.0,
    "08": 5.0,
    "09": -2.0,
    "10": -5.0,
    "11": -2.0,
    "12": -4.0,
    "13": -6.0,
    "14": -6.5,
    "15": -7.2,
    "16": -4.0,
    "17": -7.0,
    "18": -9.0,
    "19": -10.0,
    "20": -10.0,
}


def generate_gdelt(path, rows=1_000_000, seed=1):
    """Write *rows* synthetic GDELT events to *path*; return the path."""
    import pyarrow as pa
    import pyarrow.csv as pcsv

    rng = np.random.default_rng(seed)
    n = rows
    empty = pa.array(np.full(n, "", dtype=object), pa.string())
    cols = {c: empty for c in COLUMNS}
    ids = np.arange(1_000_000_000, 1_000_000_000 + n)
    cols["GLOBALEVENTID"] = pa.array(ids.astype(str))
    days = np.datetime64("2015-01-01") + rng.integers(0, 3650, n).astype("timedelta64[D]")
    sqldate = np.char.replace(days.astype(str), "-", "")
    cols["SQLDATE"] = pa.array(sqldate)
    cols["MonthYear"] = pa.array(np.char.ljust(sqldate, 6).astype("U6"))
    cols["Year"] = pa.array(sqldate.astype("U4"))
    for side, missing in ((1, 0.0), (2, 0.1)):
        country = np.array(COUNTRIES)[rng.integers(0, len(COUNTRIES), n)]
        role = np.array(ROLES)[rng.integers(0, len(ROLES), n)]
        code = np.char.add(country, role)
        gone = rng.random(n) < missing
        code[gone] = ""
        country = np.where(gone, "", country)
        role = np.where(gone, "", role)
        cols[f"Actor{side}Code"] = pa.array(code)
        cols[f"Actor{side}Name"] = pa.array(np.char.add("ACTOR ", code))
        cols[f"Actor{side}CountryCode"] = pa.array(country)
        cols[f"Actor{side}Type1Code"] = pa.array(role)
    event = np.array(CODES)[rng.integers(0, len(CODES), n)]
    root = event.astype("U2")
    cols["IsRootEvent"] = pa.array(np.full(n, "1"))
    cols["EventCode"] = pa.array(event)
    cols["EventBaseCode"] = pa.array(event.astype("U3"))
    cols["EventRootCode"] = pa.array(root)
    gold = np.vectorize(GOLDSTEIN.get)(root)
    cols["GoldsteinScale"] = pa.array(np.char.mod("%.1f", gold))
    cols["QuadClass"] = pa.array(np.full(n, "1"))
    cols["NumMentions"] = pa.array(rng.integers(1, 50, n).astype(str))
    cols["AvgTone"] = pa.array(np.char.mod("%.2f", rng.normal(-1, 3, n)))
    cols["DATEADDED"] = pa.array(np.char.add(sqldate, "120000"))
    cols["SOURCEURL"] = pa.array(np.char.add("https://news.example.org/story/", ids.astype(str)))
    table = pa.table([cols[c] for c in COLUMNS], names=list(COLUMNS))
    pcsv.write_csv(
        table, path, write_options=pcsv.WriteOptions(include_header=False, delimiter="\t", quoting_style="none")
    )
    return path


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args(argv)
    generate_gdelt(a.out, rows=a.rows, seed=a.seed)
    print(f"wrote {a.rows:,} events to {a.out}")


if __name__ == "__main__":
    main()
