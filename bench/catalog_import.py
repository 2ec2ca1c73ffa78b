"""Feed import speed: `elgbot catalog import` of a generated 1,000,000-row feed.

Each import runs as its own process, timed from start to exit, with its peak RSS from
`os.wait4`. The baseline in the same run is reading the same feed without a database
(parse and validate every row): the ratio says what loading adds on top. Imports: into an
empty SQLite catalog (target: under 30 s), the same feed again (every row known: a daily
re-import), and into an empty catalog on a throw-away PostgreSQL (COPY).

    .venv/bin/python bench/catalog_import.py [--rows N] [--no-postgres]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from catalog_common import ELGBOT, Child, app_env, run_child, throwaway_postgres, write_feed

TARGET_SECONDS = 30.0  # the target for 1,000,000 rows on SQLite
READ_ONLY = (
    "import sys\n"
    "from elgbot.catalog.feed import FeedRow, read_feed\n"
    "with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:\n"
    "    print(sum(isinstance(r, FeedRow) for r in read_feed(f)), 'rows read')\n"
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="elgbench-import-") as temp:
        return run(Path(temp), args.rows, not args.no_postgres)


def run(temp: Path, rows: int, postgres: bool) -> int:
    feed = temp / "feed.csv"
    print(f"writing a {rows:,}-row feed: {write_feed(feed, rows):.1f} s", flush=True)
    print(f"\n{'run':<34} {'seconds':>8} {'rows/s':>10} {'peak RSS':>9} {'÷ read':>7}")
    baseline = run_child([sys.executable, "-c", READ_ONLY, str(feed)], app_env())
    report("read the feed only (baseline)", baseline, rows, baseline)
    sqlite = app_env(ELG_DATA_DIR=str(temp / "sqlite"))
    first = run_child([*ELGBOT, "catalog", "import", str(feed)], sqlite)
    report("SQLite, empty catalog", first, rows, baseline)
    again = run_child([*ELGBOT, "catalog", "import", str(feed)], sqlite)
    report("SQLite, same feed again (upsert)", again, rows, baseline)
    replace = run_child([*ELGBOT, "catalog", "import", "--replace", str(feed)], sqlite)
    report("SQLite, same feed with --replace", replace, rows, baseline)
    if postgres:
        with throwaway_postgres() as url:
            database = app_env(ELG_DATABASE_URL=url, ELG_DATA_DIR=str(temp / "pg"))
            pg = run_child([*ELGBOT, "catalog", "import", str(feed)], database)
            report("PostgreSQL, empty catalog (COPY)", pg, rows, baseline)
    if rows == 1_000_000:
        verdict = "meets" if first.seconds < TARGET_SECONDS else "misses"
        print(
            f"\nSQLite import: {first.seconds:.1f} s ({verdict} the {TARGET_SECONDS:.0f} s target)"
        )
    return 0


def report(label: str, child: Child, rows: int, baseline: Child) -> None:
    ratio = child.seconds / baseline.seconds
    print(
        f"{label:<34} {child.seconds:>8.1f} {rows / child.seconds:>10,.0f}"
        f" {child.peak_rss_mb:>6.0f} MB {ratio:>6.1f}x",
        flush=True,
    )


if __name__ == "__main__":
    sys.exit(main())
