"""GDELT 2.0 event files (61 tab-separated columns, no header) to relations, column by column.

The layout is GDELT 2.0's events export: ``GLOBALEVENTID``, ``SQLDATE``... the
ten ``Actor1*`` then ten ``Actor2*`` fields, ``IsRootEvent``, ``EventCode``,
``EventBaseCode``, ``EventRootCode``, ``QuadClass``, ``GoldsteinScale``, the
mention counts and tone, three blocks of eight geography fields, ``DATEADDED``
and ``SOURCEURL`` (:data:`COLUMNS`). A file may be plain, gzip/bz2 (by its
suffix) or a GDELT ``.zip``. pyarrow parses it in parallel; every check and
mapping works on whole columns (a mapping is computed once per distinct code
and spread with ``take``), so no Python runs per event.

Each event becomes a relation ``gdelt-GLOBALEVENTID``: ``Actor1`` -> subject,
``Actor2`` -> object (see :mod:`.actors`), the CAMEO event code -> PLOVER type
and mode (:mod:`.cameo`), ``SQLDATE`` -> ``when``, polarity the type's default
or, where the type gives none (0: REQUEST), ``GoldsteinScale``; evidence is
``{source: the import's dataset source, record: "GLOBALEVENTID SOURCEURL"}``;
``attributes`` keep the CAMEO code and the Goldstein score. Events without both
actors, or of root ``01`` (statements, which PLOVER does not code), are left out
and counted.

>>> len(COLUMNS), COLUMNS[26], COLUMNS[30], COLUMNS[60]
(61, 'EventCode', 'GoldsteinScale', 'SOURCEURL')
"""

from __future__ import annotations

import io
import re
import zipfile

import numpy as np

from ...errors import Problem
from ...vocab import RELATION_TYPES
from .cameo import NO_TYPE_ROOTS, bad_code, event_type
from .rows import bare_returns

__all__ = ["COLUMNS", "convert"]

_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
COLUMNS = (
    ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    + tuple("Actor1" + f for f in _ACTOR)
    + tuple("Actor2" + f for f in _ACTOR)
    + (
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
    )
    + tuple(p + "_" + f for p in ("Actor1Geo", "Actor2Geo", "ActionGeo") for f in _GEO)
    + ("DATEADDED", "SOURCEURL")
)
"""The 61 columns of a GDELT 2.0 events file, in order."""
_NEED = (
    "GLOBALEVENTID",
    "SQLDATE",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1Type1Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2Type1Code",
    "EventCode",
    "EventRootCode",
    "GoldsteinScale",
    "SOURCEURL",
)
_COL = {c: i + 1 for i, c in enumerate(COLUMNS)}


def _stream(path):
    """The file's bytes as a binary stream: the first member of a ``.zip``, a ``.gz`` or ``.bz2``
    decompressed, else the file itself."""
    name = str(path).lower()
    if name.endswith(".zip"):
        with zipfile.ZipFile(path) as z:
            names = [n for n in z.namelist() if not n.endswith("/")]
            return io.BytesIO(z.read(names[0]) if names else b"")
    if name.endswith(".gz"):
        import gzip

        return gzip.open(path)
    if name.endswith(".bz2"):
        import bz2

        return bz2.open(path)
    return open(path, "rb")


def _raw(path):
    with _stream(path) as f:
        return f.read()


_STRAY = re.compile(rb"[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\x7f]|\xc2[\x80-\x84\x86-\x9f]|\xef\xbf[\xbe\xbf]")


def _has_stray(path):
    """True when the file holds a carriage return or a control character (read chunk by chunk:
    nothing kept; a character cut by a chunk's end is looked for again with the next chunk)."""
    with _stream(path) as f:
        tail = b""
        for chunk in iter(lambda: f.read(1 << 24), b""):
            if _STRAY.search(tail + chunk):
                return True
            tail = chunk[-2:]
    return False


def _parse(path, notes):
    """``(table, rows pyarrow could not split)``; a carriage return inside a field (pyarrow would end
    the row there and lose it) or a control character is read as a space, and said in *notes*."""
    import pyarrow as pa
    import pyarrow.csv as pcsv

    bad_rows = []

    def invalid(row):
        bad_rows.append(row)
        return "skip"

    source = path
    if _has_stray(path):
        source = pa.BufferReader(bare_returns(_raw(path), path, notes))
    elif str(path).lower().endswith(".zip"):
        source = _stream(path)
    table = pcsv.read_csv(
        source,
        read_options=pcsv.ReadOptions(column_names=list(COLUMNS), block_size=1 << 24),
        parse_options=pcsv.ParseOptions(
            delimiter="\t", quote_char=False, escape_char=False, invalid_row_handler=invalid
        ),
        convert_options=pcsv.ConvertOptions(include_columns=list(_NEED), column_types={c: pa.string() for c in _NEED}),
    )
    return table, bad_rows


def _lines(path):
    """Physical line numbers of the rows pyarrow keeps, and the wrong-width lines (error path only)."""
    data = _raw(path)
    kept, wrong = [], []
    for n, line in enumerate(data.split(b"\n"), 1):
        line = line.rstrip(b"\r")
        if not line:
            continue
        width = line.count(b"\t") + 1
        (kept if width == len(COLUMNS) else wrong).append((n, width))
    return [n for n, _ in kept], wrong


def _bad(mask):
    import pyarrow.compute as pc

    return pc.indices_nonzero(pc.invert(pc.fill_null(mask, False))).to_numpy()


def convert(path, actors, source_id, problems, skipped, limit=200, notes=None):
    """The relations of one GDELT file as a pyarrow table, or None when it has problems (appended,
    located ``FILE:LINE:COLUMN``, at most *limit*); *skipped* counts the events left out, by reason;
    *notes* (a list) gets what was read in a way the file did not say (a carriage return in a field)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        table, bad_rows = _parse(path, [] if notes is None else notes)
    except (pa.ArrowException, OSError, zipfile.BadZipFile) as exc:
        problems.append(Problem(str(path), 0, 0, f"cannot read this GDELT file: {str(exc).splitlines()[0]}"))
        return None
    found, lines = [], None
    if bad_rows:
        lines, wrong = _lines(path)
        found += [
            Problem(
                str(path),
                n,
                0,
                f"expected {len(COLUMNS)} tab-separated columns (a GDELT 2.0 event "
                f"record), found {w}"
                + (" (GDELT 1.0 events have 57 or 58: this reads GDELT 2.0 files)" if w in (57, 58) else ""),
            )
            for n, w in wrong
        ]
    c = {name: table.column(name) for name in _NEED}
    checks = [
        (
            "GLOBALEVENTID",
            pc.match_substring_regex(c["GLOBALEVENTID"], r"^[0-9]+$"),
            "GLOBALEVENTID '{}' is not a number",
        ),
        (
            "SQLDATE",
            pc.is_valid(pc.strptime(c["SQLDATE"], format="%Y%m%d", unit="s", error_is_null=True)),
            "SQLDATE '{}' is not a date YYYYMMDD",
        ),
        (
            "GoldsteinScale",
            pc.match_substring_regex(c["GoldsteinScale"], r"^-?(10(\.0+)?|[0-9](\.[0-9]+)?)$"),
            "GoldsteinScale '{}' is not a number from -10 to 10",
        ),
        (
            "Actor1Code",
            pc.match_substring_regex(c["Actor1Code"], r"^[A-Z0-9]*$"),
            "Actor1Code '{}' is not a CAMEO actor code (letters and digits)",
        ),
        (
            "Actor2Code",
            pc.match_substring_regex(c["Actor2Code"], r"^[A-Z0-9]*$"),
            "Actor2Code '{}' is not a CAMEO actor code (letters and digits)",
        ),
    ]
    codes = c["EventCode"]
    uniq = pc.unique(codes).to_pylist()
    reasons = {code: bad_code(code) for code in uniq}
    code_ok = pc.is_in(codes, value_set=pa.array([k for k, v in reasons.items() if v is None], pa.string()))
    root_ok = pc.equal(pc.utf8_slice_codeunits(codes, 0, 2), c["EventRootCode"])
    for name, mask, message in checks + [("EventCode", code_ok, None), ("EventRootCode", root_ok, None)]:
        rows = _bad(mask)
        if not len(rows):
            continue
        if lines is None:
            lines = _lines(path)[0]
        for i in rows[:limit]:
            v = c[name][int(i)].as_py()
            if name == "EventCode":
                msg = f"EventCode '{v}' is not a CAMEO event code: {reasons[v]}"
            elif name == "EventRootCode":
                msg = f"EventRootCode '{v}' is not the root of EventCode '{codes[int(i)].as_py()}'"
            else:
                msg = message.format(v)
            found.append(Problem(str(path), lines[int(i)], _COL[name], msg))
    ids = c["GLOBALEVENTID"]
    if not found and len(pc.unique(ids)) != len(ids):
        counts = pc.value_counts(ids)
        dup = set(pc.filter(counts.field("values"), pc.greater(counts.field("counts"), 1)).to_pylist())
        lines = _lines(path)[0]
        for i in np.flatnonzero(pc.is_in(ids, value_set=pa.array(sorted(dup))).to_numpy(zero_copy_only=False))[:limit]:
            found.append(Problem(str(path), lines[int(i)], 1, f"GLOBALEVENTID {ids[int(i)].as_py()} appears twice"))
    if found:
        problems.extend(sorted(found)[:limit])
        if len(found) > limit:
            problems.append(Problem(str(path), 0, 0, f"... and {len(found) - limit} more problems in this file"))
        return None
    return _relations(table, actors, source_id, skipped)


def _actor_ids(table, side, actors):
    import pyarrow as pa

    enc = table.column(f"Actor{side}Code").combine_chunks().dictionary_encode()
    indices = enc.indices.to_numpy(zero_copy_only=False)
    codes = enc.dictionary.to_pylist()
    _, first = np.unique(indices, return_index=True)
    country = table.column(f"Actor{side}CountryCode").take(pa.array(first)).to_pylist()
    role = table.column(f"Actor{side}Type1Code").take(pa.array(first)).to_pylist()
    name = table.column(f"Actor{side}Name").take(pa.array(first)).to_pylist()
    ids = [actors.coded(code, country[k] or None, role[k] or None, name[k] or None) for k, code in enumerate(codes)]
    return pa.array(ids, pa.string()).take(enc.indices)


def _relations(table, actors, source_id, skipped):
    import pyarrow as pa
    import pyarrow.compute as pc

    n_all = table.num_rows
    no_actor = pc.or_(pc.equal(table.column("Actor1Code"), ""), pc.equal(table.column("Actor2Code"), ""))
    no_type = pc.is_in(table.column("EventRootCode"), value_set=pa.array(list(NO_TYPE_ROOTS)))
    skipped["without both actors"] += int(pc.sum(no_actor).as_py() or 0)
    skipped["of CAMEO root 01 (statements: no PLOVER type)"] += int(
        pc.sum(pc.and_(no_type, pc.invert(no_actor))).as_py() or 0
    )
    table = table.filter(pc.invert(pc.or_(no_actor, no_type)))
    n = table.num_rows
    assert n <= n_all
    codes = table.column("EventCode")
    uniq = pc.unique(codes)
    mapped = [event_type(code) for code in uniq.to_pylist()]
    at = pc.index_in(codes, value_set=uniq)
    types = pa.array([t for t, _ in mapped], pa.string()).take(at)
    modes = pa.array([m for _, m in mapped], pa.string()).take(at)
    defaults = pa.array([RELATION_TYPES[t].polarity for t, _ in mapped], pa.float64()).take(at)
    goldstein = pc.cast(table.column("GoldsteinScale"), pa.float64())
    polarity = pc.if_else(pc.equal(defaults, 0.0), pc.fill_null(goldstein, 0.0), defaults)
    d = table.column("SQLDATE")
    when = pc.binary_join_element_wise(
        pc.utf8_slice_codeunits(d, 0, 4), pc.utf8_slice_codeunits(d, 4, 6), pc.utf8_slice_codeunits(d, 6, 8), "-"
    )
    ev = table.column("GLOBALEVENTID")
    url = table.column("SOURCEURL")
    record = pc.if_else(pc.equal(url, ""), ev, pc.binary_join_element_wise(ev, url, " "))
    return pa.table(
        {
            "id": pc.binary_join_element_wise("gdelt", ev, "-"),
            "subject": _actor_ids(table, 1, actors),
            "object": _actor_ids(table, 2, actors),
            "type": types,
            "mode": modes,
            "polarity": polarity,
            "modality": pa.repeat(pa.scalar("reported"), n),
            "when": when,
            "source": pa.repeat(pa.scalar(source_id), n),
            "record": record,
            "attributes.cameo": codes,
            "attributes.goldstein": goldstein,
        }
    )
