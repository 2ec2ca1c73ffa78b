"""Shared by the catalog benchmarks: a generated feed, child processes measured with
`os.wait4` (wall time and peak RSS of that process alone), a throw-away PostgreSQL
(the test suite's, from tests/servers.py), and a spread of customer specs."""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from elgbot.catalog.grades import Clarity, Color, Cut, Shape
from elgbot.catalog.sample import SHAPE_SHARES, price_inr, write_sample_feed
from elgbot.catalog.stone import DiamondSpec

ROOT = Path(__file__).resolve().parent.parent
ELGBOT = [sys.executable, "-m", "elgbot.cli"]


@dataclass(frozen=True, slots=True)
class Child:
    seconds: float
    peak_rss_mb: float
    output: str


def write_feed(path: Path, rows: int) -> float:
    """A generated feed of `rows` stones (plain columns); seconds it took."""
    started = time.perf_counter()
    with path.open("w", encoding="utf-8", newline="") as out:
        write_sample_feed(out, rows, seed=1)
    return time.perf_counter() - started


def run_child(command: Sequence[str], env: dict[str, str]) -> Child:
    """Run `command` to the end; its wall time and its own peak RSS (ru_maxrss, KiB)."""
    log = Path(os.environ.get("TMPDIR", "/tmp")) / f"elgbench-{os.getpid()}-{time.time_ns()}.log"
    with log.open("w+") as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        output = out.read()
    log.unlink()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}):\n{output}")
    return Child(seconds, usage.ru_maxrss / 1024, output)


def app_env(**values: str) -> dict[str, str]:
    """The environment for an elgbot process: ours, minus any database settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ELG_", "TWILIO_"))}
    env.update(values)
    return env


@contextmanager
def throwaway_postgres() -> Iterator[str]:
    """A private PostgreSQL server for this run (as the test suite starts one); its URL."""
    sys.path.insert(0, str(ROOT / "tests"))
    from servers import PG_DATABASE, PG_USER, pg_admin, running_postgres

    with running_postgres() as port:
        pg_admin(f"postgresql://127.0.0.1:{port}", f'CREATE DATABASE "{PG_DATABASE}"')
        yield f"postgresql+psycopg://{PG_USER}@127.0.0.1:{port}/{PG_DATABASE}"


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(len(ordered) * fraction), len(ordered) - 1)]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def spec_spread(count: int = 50, seed: int = 7) -> list[DiamondSpec]:
    """Specs like customers send: precise (one grade each), ranges, shape-carat-budget only,
    and a few with no carat; budgets from tight (few or no exact matches) to loose."""
    rng = random.Random(seed)
    common, rare = list(SHAPE_SHARES)[:6], list(SHAPE_SHARES)[6:]
    return [_spec(rng, n, rng.choice(common if rng.random() < 0.8 else rare)) for n in range(count)]


def _spec(rng: random.Random, n: int, shape: Shape) -> DiamondSpec:
    carat = rng.choice([0.3, 0.5, 0.7, 0.9, 1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0])
    kind = n % 5  # 0: precise, 1: grade ranges, 2: precise + cut, 3: carat range only, 4: vague
    colors: tuple[Color, ...] = ()
    clarities: tuple[Clarity, ...] = ()
    if kind in (0, 2):
        colors, clarities = (rng.choice(list(Color)[:7]),), (rng.choice(list(Clarity)[1:8]),)
    if kind == 1:
        first_color, first_clarity = rng.randrange(5), rng.randrange(1, 6)
        colors = tuple(list(Color)[first_color : first_color + 3])
        clarities = tuple(list(Clarity)[first_clarity : first_clarity + 2])
    cuts = (rng.choice([Cut.IDEAL, Cut.EXCELLENT, Cut.VERY_GOOD]),) if kind == 2 else ()
    high = round(carat * 1.2, 2) if kind == 3 else carat
    no_carat = kind == 4 and n % 10 == 4
    reference = price_inr(
        shape, carat, colors[0] if colors else Color.G, Clarity.VS1, Cut.IDEAL, rng
    )
    return DiamondSpec(
        shape=shape,
        carat_min=None if no_carat else carat,
        carat_max=None if no_carat else high,
        colors=colors,
        clarities=clarities,
        cuts=cuts,
        budget_max_inr=int(reference * rng.choice([0.7, 0.95, 1.05, 1.3, 2.0])),
    )
