"""The load cache's secret key: made once, kept in the user's own configuration folder, readable by them alone.

A cache folder may be shared, synced or writable by others (``ACTORGRAPH_CACHE_DIR``); the
key that seals its entries (:mod:`graph.cache`) is not kept there but in the user's
configuration folder: ``$XDG_CONFIG_HOME/actorgraph/cache-key`` (by default
``~/.config/actorgraph/cache-key``), as other tools keep their settings. The key is 32
random bytes, written once in a folder made ``0700`` and a file made ``0600``; it is used
only when it is a regular file (not a link) of the user's own that no one else may read or
write. When no such key can be kept or read, :func:`secret` returns ``None`` and the cache
is off: a cache that cannot be sealed is not used.

>>> import os, tempfile
>>> folder = tempfile.mkdtemp()
>>> key = secret(folder)
>>> len(key), secret(folder) == key, oct(os.stat(os.path.join(folder, "cache-key")).st_mode & 0o777)
(32, True, '0o600')
>>> os.chmod(os.path.join(folder, "cache-key"), 0o644)   # readable by others: not a secret any more
>>> secret(folder) is None
True
"""

from __future__ import annotations

import os
import secrets
import stat

__all__ = ["config_folder", "secret", "KEY_FILE"]

KEY_FILE = "cache-key"


def config_folder():
    """The user's actorgraph configuration folder: ``$XDG_CONFIG_HOME/actorgraph``, else ``~/.config/actorgraph``."""
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return os.path.join(base, "actorgraph")


def _read(path):
    """The key in *path*, or ``None`` unless it is the user's own regular file that only they may read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_mode & 0o077 or (hasattr(os, "getuid") and st.st_uid != os.getuid()):
            return None
        text = os.read(fd, 200).decode("ascii", "replace").strip()
    finally:
        os.close(fd)
    try:
        key = bytes.fromhex(text)
    except ValueError:
        return None
    return key if len(key) == 32 else None


def secret(folder=None):
    """The cache key (32 bytes), made on first use in *folder* (default :func:`config_folder`),
    or ``None`` when it cannot be made or is not safe to use."""
    folder = os.fspath(folder) if folder is not None else config_folder()
    path = os.path.join(folder, KEY_FILE)
    key = _read(path)
    if key is not None or os.path.lexists(path):
        return key
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except FileExistsError:  # made meanwhile by another load
        return _read(path)
    except OSError:
        return None
    try:
        os.write(fd, (secrets.token_hex(32) + "\n").encode("ascii"))
        os.fsync(fd)
    except OSError:
        return None
    finally:
        os.close(fd)
    return _read(path)
