"""Search speed over 1,000,000 stones, and the server's memory with them loaded.

The catalog: a generated 1,000,000-row feed imported into SQLite and into a throw-away
PostgreSQL. A search is what the bot does for a spec: the SQL candidates, then ranking in
Python. Timed for a spread of 50 specs (precise, grade ranges, carat ranges, vague; budgets
tight to loose), several rounds after a warm-up, on each engine; the baseline in the same
run is the seed's approach, ranking a linear scan of the same stones held in memory (on a
sample of the specs: each takes seconds). Then `elgbot serve` runs on each catalog, answers
chats through the local chat endpoint, and its VmRSS is read from /proc.

Targets: p95 ≤ 10 ms per search; server RSS ≤ 250 MB.

    .venv/bin/python bench/catalog_search.py [--rows N] [--rounds R] [--no-postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import text

from catalog_common import (
    ELGBOT,
    app_env,
    median,
    percentile,
    run_child,
    spec_spread,
    throwaway_postgres,
    write_feed,
)
from elgbot.catalog.grades import Clarity, Color, Cut, Shape
from elgbot.catalog.matching import rank, search_window
from elgbot.catalog.stone import DiamondSpec, Stone
from elgbot.catalog.store import SqlCatalog
from elgbot.storage.database import open_database

P95_TARGET_MS = 10.0
RSS_TARGET_MB = 250.0
LINEAR_SPECS = 10  # the linear scan takes seconds per spec: a sample of the spread
CHATS = [
    "Round, 1.5ct, D, VS1, Ideal, ₹1,00,000",
    "oval 1 carat G VS2 under 50k",
    "cushion 2ct E-F VVS2 budget 1.2 lakh",
    "princess 0.7 ct H SI1 below 25000",
    "pear 1.2-1.5ct any colour VS1 under 60k",
    "emerald 3 carat F VS1 excellent 1.5L",
    "round 0.5ct D IF ideal 30k",
    "radiant 1.01ct G VS2 45000",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5, help="timed passes over the specs")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="elgbench-search-") as temp:
        return asyncio.run(run(Path(temp), args))


async def run(temp: Path, args: argparse.Namespace) -> int:
    feed = temp / "feed.csv"
    print(f"writing a {args.rows:,}-row feed: {write_feed(feed, args.rows):.1f} s", flush=True)
    servers = {"SQLite": load(feed, app_env(ELG_DATA_DIR=str(temp / "sqlite")))}
    sqlite_url = f"sqlite+aiosqlite:///{temp / 'sqlite' / 'elgbot.sqlite3'}"
    specs = spec_spread()
    linear = linear_scan(specs[:LINEAR_SPECS], await all_stones(sqlite_url))
    header = f"search over {args.rows:,} stones"
    print(f"\n{header:<30} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    row("linear scan in Python (seed)", linear)
    results = {"SQLite": await timed_searches(sqlite_url, specs, args.rounds)}
    row("SQLite", results["SQLite"])
    with postgres_catalog(feed, temp, not args.no_postgres) as postgres:
        if postgres is not None:
            url, servers["PostgreSQL"] = postgres
            results["PostgreSQL"] = await timed_searches(url, specs, args.rounds)
            row("PostgreSQL", results["PostgreSQL"])
        summarise(results, linear)
        print(f"\n{'server with the catalog loaded':<30} {'VmRSS':>8} {'VmHWM':>8}")
        for name, env in servers.items():
            rss, peak = server_memory(env)
            verdict = "meets" if rss <= RSS_TARGET_MB else "misses"
            print(
                f"{name:<30} {rss:>5.0f} MB {peak:>5.0f} MB  ({verdict} ≤ {RSS_TARGET_MB:.0f} MB)"
            )
    return 0


def load(feed: Path, env: dict[str, str]) -> dict[str, str]:
    imported = run_child([*ELGBOT, "catalog", "import", str(feed)], env)
    print(f"imported in {imported.seconds:.1f} s: {imported.output.strip().splitlines()[-1]}")
    return env


@contextmanager
def postgres_catalog(
    feed: Path, temp: Path, wanted: bool
) -> Iterator[tuple[str, dict[str, str]] | None]:
    if not wanted:
        yield None
        return
    with throwaway_postgres() as url:
        yield url, load(feed, app_env(ELG_DATABASE_URL=url, ELG_DATA_DIR=str(temp / "pg")))


async def vacuum(url: str) -> None:
    """What autovacuum would do shortly after an import: statistics and the visibility
    map (index-only scans need it)."""
    engine = await open_database(url)
    async with engine.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(text("VACUUM ANALYZE stones"))
    await engine.dispose()


async def all_stones(url: str) -> list[Stone]:
    """Every stone, in memory: what the seed searched."""
    engine = await open_database(url)
    columns = "stock_id, shape, carat, color, clarity, cut, price_inr"
    async with engine.connect() as conn:
        rows = (await conn.execute(text(f"SELECT {columns} FROM stones"))).all()
    await engine.dispose()
    return [
        Stone(
            r[0], Shape(r[1]), r[2], Color(r[3]), Clarity(r[4]), Cut(r[5]) if r[5] else None, r[6]
        )
        for r in rows
    ]


def linear_scan(specs: list[DiamondSpec], stones: list[Stone]) -> list[float]:
    timings = []
    for spec in specs:
        started = time.perf_counter()
        rank(spec, stones)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


async def timed_searches(url: str, specs: list[DiamondSpec], rounds: int) -> list[float]:
    if url.startswith("postgresql"):
        await vacuum(url)
    engine = await open_database(url)
    catalog = SqlCatalog(engine)
    for spec in specs:  # warm-up: caches, prepared statements, connections
        rank(spec, await catalog.candidates(search_window(spec)))
    timings = []
    for _ in range(rounds):
        for spec in specs:
            started = time.perf_counter()
            rank(spec, await catalog.candidates(search_window(spec)))
            timings.append((time.perf_counter() - started) * 1000)
    await engine.dispose()
    return timings


def row(label: str, timings: list[float]) -> None:
    p50, p95 = median(timings), percentile(timings, 0.95)
    print(f"{label:<30} {p50:>8.2f} {p95:>8.2f} {max(timings):>8.2f}", flush=True)


def summarise(results: dict[str, list[float]], linear: list[float]) -> None:
    print()
    for name, timings in results.items():
        p95 = percentile(timings, 0.95)
        verdict = "meets" if p95 <= P95_TARGET_MS else "misses"
        ratio = median(linear) / median(timings)
        print(
            f"{name}: p95 {p95:.2f} ms ({verdict} the {P95_TARGET_MS:.0f} ms target); "
            f"linear scan p50 ÷ {name} p50 = {ratio:,.0f}x"
        )


def server_memory(env: dict[str, str]) -> tuple[float, float]:
    """Serve the catalog, hold a few hundred chats with searches; VmRSS and VmHWM (MB)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "uvicorn", "elgbot.web.app:create_app", "--factory"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    process = subprocess.Popen(command, env=env | {"ELG_CHAT_PAGE": "true"})
    try:
        wait_until_up(base, process)
        for customer in range(40):
            phone = f"+9198{customer:08d}"
            for text in ("hi", "1", *CHATS):
                send(base, phone, text)
        return vm(process.pid, "VmRSS"), vm(process.pid, "VmHWM")
    finally:
        process.terminate()
        process.wait(timeout=30)


def wait_until_up(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited ({process.returncode})")
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("the server did not come up")


def send(base: str, phone: str, text: str) -> None:
    body = json.dumps({"phone": phone, "text": text}).encode()
    request = urllib.request.Request(
        f"{base}/chat/send", body, {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        json.load(response)


def vm(pid: int, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} for process {pid}")


if __name__ == "__main__":
    sys.exit(main())
