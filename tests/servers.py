"""Real Redis and PostgreSQL servers for the test session, started from the installed binaries.

Each server runs in its own temp dir on a free 127.0.0.1 port, never as the system service,
so tests neither depend on nor collide with what the Debian packages may have started.
Servers start lazily (only when a test asks for them), once per session, and are stopped at
the end; `setpriv --pdeathsig` makes them die with pytest even if it is killed outright.
A missing binary fails the requesting test: these tests are never skipped.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from glob import glob
from pathlib import Path

import psycopg
import pytest
import redis
from sqlalchemy.engine import make_url

INSTALL_HINT = "run scripts/ensure-services (or: apt-get install redis-server postgresql)"
PG_USER = "elgbot"
PG_DATABASE = "elgbot"
READY_TIMEOUT = 30.0
PORT_ATTEMPTS = 3  # a free port can be taken by someone else before the server binds it


# --- finding the binaries (same search as scripts/ensure-services) ---


def _search_dirs() -> list[Path]:
    override = os.environ.get("ELGBOT_SERVICES_PATH")
    if override is not None:
        return [Path(d) for d in override.split(":") if d]
    versioned = sorted(glob("/usr/lib/postgresql/*/bin"), key=_major_version, reverse=True)
    return [Path(d) for d in os.environ.get("PATH", "").split(":") + versioned if d]


def _major_version(bindir: str) -> int:
    version = Path(bindir).parent.name
    return int(version) if version.isdigit() else 0


def _executable(path: Path) -> bool:
    try:  # a $PATH entry we may not enter (e.g. under /root) is just not a match
        return path.is_file() and os.access(path, os.X_OK)
    except OSError:
        return False


def find_redis_server() -> Path:
    for d in _search_dirs():
        if _executable(d / "redis-server"):
            return d / "redis-server"
    pytest.fail(f"redis-server not found; {INSTALL_HINT}")


def find_postgres_bindir() -> Path:
    """A dir holding both initdb and postgres, i.e. one PostgreSQL version."""
    for d in _search_dirs():
        if _executable(d / "initdb") and _executable(d / "postgres"):
            return d
    pytest.fail(f"PostgreSQL server binaries (initdb, postgres) not found; {INSTALL_HINT}")


# --- running a server process ---


@dataclass(frozen=True)
class RunAs:
    """Whom a server runs as; the defaults (None) mean ourselves."""

    uid: int | None = None
    gid: int | None = None

    @classmethod
    def for_postgres(cls) -> RunAs:
        if os.geteuid() != 0:
            return cls()
        # PostgreSQL refuses to run as root, so root hands it to the `postgres` account.
        account = _postgres_account()
        return cls(account.pw_uid, account.pw_gid)

    @property
    def extra_groups(self) -> list[int] | None:
        return None if self.uid is None else []  # do not pass on root's groups

    def chown(self, path: Path) -> None:
        if self.uid is not None and self.gid is not None:
            os.chown(path, self.uid, self.gid)


def _postgres_account() -> pwd.struct_passwd:
    with suppress(KeyError):
        return pwd.getpwnam("postgres")
    # Normally created by the Debian package; binaries from elsewhere may come without it.
    subprocess.run(
        ["useradd", "--system", "--user-group", "--no-create-home", "postgres"], check=True
    )
    return pwd.getpwnam("postgres")


@contextmanager
def _workdir(kind: str, run_as: RunAs) -> Iterator[Path]:
    # Not under pytest's tmp_path: that is 0700 root-owned, so `postgres` could not enter it.
    path = Path(tempfile.mkdtemp(prefix=f"elgbot-{kind}-"))
    try:
        run_as.chown(path)
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def _child_env() -> dict[str, str]:
    # PG* variables (PGDATA, PGPORT...) of the caller must not steer our private server.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    env["LC_ALL"] = "C"
    return env


def _with_parent_death_signal(cmd: list[str], sig: str) -> list[str]:
    # The server gets `sig` when pytest dies, so a killed run leaves no orphan behind.
    setpriv = shutil.which("setpriv")
    return [setpriv, "--pdeathsig", sig, "--", *cmd] if setpriv else cmd


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    workdir: Path
    port: int
    stop_signal: signal.Signals

    @property
    def log(self) -> str:
        log_file = self.workdir / "server.log"
        return log_file.read_text(errors="replace")[-4000:] if log_file.exists() else ""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(self.stop_signal)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _spawn(
    cmd: list[str], workdir: Path, port: int, stop_signal: signal.Signals, run_as: RunAs
) -> Server:
    pdeath = "SIGQUIT" if stop_signal == signal.SIGINT else "SIGTERM"  # postgres: immediate
    with (workdir / "server.log").open("wb") as log:
        process = subprocess.Popen(
            _with_parent_death_signal(cmd, pdeath),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=workdir,
            env=_child_env(),
            user=run_as.uid,
            group=run_as.gid,
            extra_groups=run_as.extra_groups,
        )
    return Server(process, workdir, port, stop_signal)


def _wait_ready(server: Server, probe: Callable[[int], bool]) -> bool:
    """True once `probe` answers; False if the server exited (e.g. its port was taken)."""
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            return False
        if probe(server.port):
            return True
        time.sleep(0.05)
    pytest.fail(f"server did not become ready in {READY_TIMEOUT}s:\n{server.log}")


@contextmanager
def _running(
    start: Callable[[int], Server], probe: Callable[[int], bool], name: str
) -> Iterator[Server]:
    """Start a server on a free port (retrying if the port is snatched), stop it at exit."""
    for _ in range(PORT_ATTEMPTS):
        server = start(free_port())
        try:
            ready = _wait_ready(server, probe)
        except BaseException:
            server.stop()
            raise
        if ready:
            break
        log = server.log
        server.stop()
    else:
        pytest.fail(f"{name} exited during start-up {PORT_ATTEMPTS} times; last log:\n{log}")
    try:
        yield server
    finally:
        server.stop()


# --- Redis ---


def _redis_answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def _start_redis(binary: Path, workdir: Path, port: int) -> Server:
    cmd = [str(binary), "--port", str(port), "--bind", "127.0.0.1", "--dir", str(workdir)]
    cmd += ["--save", "", "--appendonly", "no", "--daemonize", "no", "--logfile", ""]
    return _spawn(cmd, workdir, port, signal.SIGTERM, RunAs())


@contextmanager
def running_redis() -> Iterator[int]:
    binary = find_redis_server()
    with _workdir("redis", RunAs()) as workdir:

        def start(port: int) -> Server:
            return _start_redis(binary, workdir, port)

        with _running(start, _redis_answers, "redis") as server:
            yield server.port


# --- PostgreSQL ---


def _pg_conninfo(port: int, dbname: str = "postgres") -> str:
    return f"host=127.0.0.1 port={port} user={PG_USER} dbname={dbname} connect_timeout=2"


def _postgres_answers(port: int) -> bool:
    try:
        with psycopg.connect(_pg_conninfo(port)):
            return True
    except psycopg.OperationalError:
        return False


def _initdb(bindir: Path, data: Path, run_as: RunAs) -> None:
    cmd = [str(bindir / "initdb"), "-D", str(data), "-U", PG_USER, "--auth=trust"]
    cmd += ["--encoding=UTF8", "--locale=C", "--no-sync"]
    done = subprocess.run(
        cmd,
        capture_output=True,
        cwd=data.parent,
        env=_child_env(),
        timeout=120,
        check=False,
        user=run_as.uid,
        group=run_as.gid,
        extra_groups=run_as.extra_groups,
    )
    if done.returncode != 0:
        pytest.fail(f"initdb failed:\n{done.stdout.decode()}{done.stderr.decode()}")


# Durability is worthless for throw-away test data; these make PostgreSQL much faster.
_PG_SETTINGS = {
    "listen_addresses": "127.0.0.1",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "200",
}


def _start_postgres(bindir: Path, workdir: Path, run_as: RunAs, port: int) -> Server:
    cmd = [str(bindir / "postgres"), "-D", str(workdir / "data"), "-p", str(port)]
    cmd += ["-k", str(workdir)]  # its unix socket stays in our dir, not /var/run/postgresql
    for key, value in _PG_SETTINGS.items():
        cmd += ["-c", f"{key}={value}"]
    return _spawn(cmd, workdir, port, signal.SIGINT, run_as)  # SIGINT: fast shutdown


@contextmanager
def running_postgres() -> Iterator[int]:
    bindir = find_postgres_bindir()
    run_as = RunAs.for_postgres()
    with _workdir("pg", run_as) as workdir:
        _initdb(bindir, workdir / "data", run_as)

        def start(port: int) -> Server:
            return _start_postgres(bindir, workdir, run_as, port)

        with _running(start, _postgres_answers, "postgres") as server:
            yield server.port


def pg_admin(url: str, statement: str) -> None:
    """Run one statement outside a transaction (CREATE/DROP DATABASE need that)."""
    parsed = make_url(url)
    with psycopg.connect(_pg_conninfo(parsed.port or 5432), autocommit=True) as conn:
        conn.execute(statement.encode())


# --- fixtures ---


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """redis://127.0.0.1:PORT/0 of a private Redis server started for this session."""
    with running_redis() as port:
        yield f"redis://127.0.0.1:{port}/0"


@pytest.fixture
def fresh_redis_url(redis_url: str) -> str:
    """`redis_url`, emptied before the test (flushing before, not after, survives crashes)."""
    with redis.Redis.from_url(redis_url) as client:
        client.flushall()
    return redis_url


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """postgresql+psycopg://elgbot@127.0.0.1:PORT/elgbot of a private server (trust auth)."""
    with running_postgres() as port:
        pg_admin(f"postgresql://127.0.0.1:{port}", f'CREATE DATABASE "{PG_DATABASE}"')
        yield f"postgresql+psycopg://{PG_USER}@127.0.0.1:{port}/{PG_DATABASE}"


@contextmanager
def fresh_database(postgres_url: str) -> Iterator[str]:
    """A URL like `postgres_url` naming a new empty database, dropped at exit."""
    name = f"test_{uuid.uuid4().hex}"
    pg_admin(postgres_url, f'CREATE DATABASE "{name}"')
    try:
        yield make_url(postgres_url).set(database=name).render_as_string(hide_password=False)
    finally:
        # FORCE: a connection the test leaked must not keep its database alive.
        pg_admin(postgres_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def fresh_postgres_url(postgres_url: str) -> Iterator[str]:
    """A new empty database on the session's server, for this test only."""
    with fresh_database(postgres_url) as url:
        yield url


_MARKS = {
    "redis": ("redis_url", "fresh_redis_url"),
    "postgres": ("postgres_url", "fresh_postgres_url"),
}


def mark_server_tests(items: list[pytest.Item]) -> None:
    """Mark tests by the servers they use, so `-m "not postgres"` selects (never skips)."""
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        for marker, fixtures in _MARKS.items():
            if used.intersection(fixtures):
                item.add_marker(marker)
