"""Reading input files safely: regular files only, within a size limit, as UTF-8 text.

>>> import os, tempfile
>>> path = os.path.join(tempfile.mkdtemp(), "a.yaml")
>>> _ = open(path, "wb").write("entities: []\\n".encode())
>>> read_limited(path, 100)
b'entities: []\\n'
>>> read_limited(path, 5)  # doctest: +NORMALIZE_WHITESPACE
Traceback (most recent call last):
...
graph.errors.ReadProblem: this file is 13 bytes, over the limit of 5 bytes; split it into several files,
or raise the limit (actorgraph validate --max-file-bytes SIZE, or ACTORGRAPH_MAX_FILE_BYTES)
>>> decode_utf8(b"caf\\xe9", "a.txt")[1].message
'byte 0xe9 is not UTF-8 text: the file was saved in another encoding (Latin-1, Windows-1252...); save it as UTF-8'
"""

from __future__ import annotations

import codecs
import errno
import os
import stat

from ..errors import Problem, ReadProblem

__all__ = ["read_limited", "decode_utf8", "ReadProblem", "MAX_BYTES"]

MAX_BYTES = 64 * 1024 * 1024
"""The default largest data file or stored text read (64 MiB); see :class:`graph.loader.Limits`."""


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def _why_unreadable(path, exc, what):
    """A newcomer-friendly reason why *path* could not be opened."""
    if os.path.islink(path):
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        if exc.errno == errno.ELOOP:
            return (
                f"cannot read {what}: it is a symbolic link ('{target}') that leads back to itself "
                "(a symlink loop); replace the link with the file it should point to"
            )
        if exc.errno == errno.ENOENT:
            return (
                f"cannot read {what}: it is a symbolic link to '{target}', which does not exist; fix or remove the link"
            )
    return f"cannot read {what}: {(exc.strerror or str(exc)).lower()}"


def read_limited(path, max_bytes, what="this file"):
    """Return the bytes of the regular file *path*; raise :class:`ReadProblem`.

    Named pipes, devices and folders are refused without being read (reading
    them could block forever or never end), and so is a file larger than
    *max_bytes* (its size is checked before it is read, and no more than
    ``max_bytes + 1`` bytes are ever read). *what* names the file in messages.
    """
    over = (
        f"{what} is {{size}} bytes, over the limit of {max_bytes:,} bytes; "
        + ("split it into several files, or raise" if what == "this file" else "raise")
        + " the limit (actorgraph validate --max-file-bytes SIZE, or ACTORGRAPH_MAX_FILE_BYTES)"
    )
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise ReadProblem(_why_unreadable(path, exc, what)) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            kind = next((k for test, k in _KINDS if test(st.st_mode)), "something else")
            raise ReadProblem(f"cannot read {what}: it is {kind}, not a regular file")
        if st.st_size > max_bytes:
            raise ReadProblem(over.format(size=f"{st.st_size:,}"))
        chunks = []
        n = 0
        while True:
            b = os.read(fd, min(1 << 20, max_bytes + 1 - n))
            if not b:
                break
            chunks.append(b)
            n += len(b)
            if n > max_bytes:  # it grew while it was read
                raise ReadProblem(over.format(size="more than " + f"{max_bytes:,}"))
        return b"".join(chunks)
    except OSError as exc:
        raise ReadProblem(f"cannot read {what}: {(exc.strerror or str(exc)).lower()}") from None
    finally:
        os.close(fd)


_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def decode_utf8(data, path):
    """Decode *data* as UTF-8 (a UTF-8 byte-order mark is dropped); return (text, problem)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        for bom, name in _BOMS:
            if data.startswith(bom):
                return None, Problem(
                    path, 0, 0, f"the file is {name} text (it starts with a {name} byte-order mark); save it as UTF-8"
                )
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        last = before[before.rfind(b"\n") + 1 :]
        col = len(last.decode("utf-8", "replace")) + 1
        return None, Problem(
            path,
            line,
            col,
            f"byte 0x{data[exc.start]:02x} is not UTF-8 text: the file "
            "was saved in another encoding (Latin-1, Windows-1252...); save it as UTF-8",
        )
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, None
