"""Signed webhook messages per second on the menu path, against a bare ASGI baseline.

Three servers run under uvicorn with the same flags (one worker, 127.0.0.1) and get the
same load from bench/loadgen.py in its own process: the bare app (fixed TwiML), the signed
app (the bare app plus the signature check every conforming webhook must make), and
elgbot, configured as in production (embedded SQLite, REST credentials set). Runs
alternate bare, signed, app so drift on a noisy machine hits all three. The figure that
matters is the ratio app/bare; signed/bare shows how much of the gap verifying Twilio
alone takes. Exits non-zero when any request fails or a server does not come up; never on
a ratio.

    .venv/bin/python bench/webhook_throughput.py [--quick] [--duration S] [--rounds N]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
Result = dict[str, Any]  # one run's JSON summary from bench/loadgen.py
TOKEN = "bench-auth-token"
TARGET = 0.4
# The bare app cycles through this many pre-built requests; the app gets a pool of unique
# MessageSids sized from the fastest bare run, which it cannot outrun.
BARE_POOL = 20_000
POOL_MARGIN = 1.2
STARTUP_SECONDS = 60.0


class BenchError(Exception):
    """A server or the load generator failed: the run measured nothing."""


def uvicorn_flags() -> list[str]:
    """The same for both servers: one in-process worker (uvicorn's default), the fastest
    event loop and HTTP parser that are installed."""
    flags = ["--host", "127.0.0.1", "--no-access-log", "--log-level", "warning"]
    for flag, module in (("--loop", "uvloop"), ("--http", "httptools")):
        if importlib.util.find_spec(module):
            flags += [flag, module]
    return flags


def free_ports(count: int) -> list[int]:
    # All bound at once, so the kernel cannot hand out the same port twice.
    with ExitStack() as stack:
        socks = [stack.enter_context(socket.socket()) for _ in range(count)]
        for sock in socks:
            sock.bind(("127.0.0.1", 0))
        return [int(sock.getsockname()[1]) for sock in socks]


@contextmanager
def server(
    name: str, target: list[str], env: dict[str, str], base: str, logs: Path
) -> Iterator[str]:
    """A uvicorn subprocess serving `target` at `base`; yields `base`, always stopped."""
    port = base.rsplit(":", 1)[1]
    log_path = logs / f"{name}.log"
    command = [sys.executable, "-m", "uvicorn", *target, *uvicorn_flags(), "--port", port]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        wait_healthy(name, process, base, log_path)
        try:
            yield base
        except BenchError:
            # The log lives in a temp dir that is about to go: show why the run failed.
            print(f"--- last lines of the {name} server log ---", file=sys.stderr)
            print(*log_path.read_text().splitlines()[-20:], sep="\n", file=sys.stderr)
            raise
    finally:
        stop(process)


def wait_healthy(name: str, process: subprocess.Popen[bytes], base: str, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"{name} server exited ({process.returncode}):\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise BenchError(f"{name} server not healthy after {STARTUP_SECONDS:.0f} s:\n{log.read_text()}")


def stop(process: subprocess.Popen[bytes]) -> None:
    # Its own session, so the signal reaches only this server and what it started.
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def app_env(data_dir: Path, base: str) -> dict[str, str]:
    """The app on embedded SQLite in a temp dir, signing checked against `base`.

    REST credentials are set, as in any real deployment: the app then also checks, per
    message, whether replies are queued for the customer. The menu path sends nothing
    through REST, so the API URL is a port where nothing listens.
    """
    env = {k: v for k, v in os.environ.items() if k not in ("ELG_DATABASE_URL", "ELG_REDIS_URL")}
    env.update(
        ELG_DATA_DIR=str(data_dir),
        TWILIO_AUTH_TOKEN=TOKEN,
        TWILIO_ACCOUNT_SID="AC" + "0" * 32,
        TWILIO_WHATSAPP_FROM="whatsapp:+14155238886",
        ELG_TWILIO_API_URL="http://127.0.0.1:9",
        ELG_PUBLIC_URL=base,
        ELG_SAMPLE_CATALOG_SIZE="0",
    )
    return env


def signed_env(base: str) -> dict[str, str]:
    """The signed baseline checks signatures against `base`, like the app."""
    return {**os.environ, "TWILIO_AUTH_TOKEN": TOKEN, "ELG_PUBLIC_URL": base}


def drive(base: str, tag: int, pool: int, args: argparse.Namespace) -> Result:
    """One measured run of bench/loadgen.py against `base`; its JSON summary.

    `pool` > 0: that many unique requests; 0: cycle through BARE_POOL of them.
    """
    count = ["--count", str(pool)] if pool else ["--count", str(BARE_POOL), "--cycle"]
    command = [
        sys.executable,
        str(BENCH / "loadgen.py"),
        *("--url", base, "--token", TOKEN, "--tag", str(tag), *count),
        *("--concurrency", str(args.concurrency), "--customers", str(args.customers)),
        *("--warmup", str(args.warmup), "--duration", str(args.duration)),
    ]
    limit = args.warmup + args.duration + 120  # pre-building and draining included
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=limit, check=False)
    except subprocess.TimeoutExpired as timeout:
        raise BenchError(f"load generator still running after {limit:.0f} s") from timeout
    if done.returncode != 0:
        raise BenchError(f"load generator failed ({done.returncode}):\n{done.stderr}")
    result: Result = json.loads(done.stdout)
    return result


def measure(urls: dict[str, str], args: argparse.Namespace) -> dict[str, list[Result]]:
    runs: dict[str, list[Result]] = {name: [] for name in urls}
    tag = 0
    for round_number in range(1, args.rounds + 1):
        for name, base in urls.items():
            tag += 1  # a fresh MessageSid range per run: the app must never see a repeat
            result = drive(base, tag, app_pool(runs, args) if name == "app" else 0, args)
            runs[name].append(result)
            print(row(f"{name} #{round_number}", result), flush=True)
    return runs


def app_pool(runs: dict[str, list[Result]], args: argparse.Namespace) -> int:
    """Unique requests enough for the app to run flat out for the whole run."""
    ceiling = max(r["rps"] for r in runs["bare"])
    if runs["app"]:  # pre-signing for the bare rate is seconds wasted on a slow app
        ceiling = min(ceiling, 2 * max(r["rps"] for r in runs["app"]))
    return int(ceiling * (args.warmup + args.duration) * POOL_MARGIN) + 1000


def row(label: str, result: Result) -> str:
    note = "  (request pool ran out)" if result["exhausted"] else ""
    return (
        f"{label:<10} {result['rps']:>9.0f} {result['p50_ms']:>9.2f} {result['p99_ms']:>9.2f}"
        f" {result['errors']:>7.0f}{note}"
    )


def report(runs: dict[str, list[Result]]) -> bool:
    """Prints medians and the ratio; True when no request failed."""
    median = {
        name: {k: statistics.median(r[k] for r in rs) for k in ("rps", "p50_ms", "p99_ms")}
        for name, rs in runs.items()
    }
    print("-" * 48)
    for name, m in median.items():
        print(f"{name + ' med':<10} {m['rps']:>9.0f} {m['p50_ms']:>9.2f} {m['p99_ms']:>9.2f}")
    failed = sum(r["errors"] for rs in runs.values() for r in rs)
    if failed:
        samples = [e for rs in runs.values() for r in rs for e in r["error_samples"]]
        print(f"\nFAILED: {failed:.0f} requests failed, e.g.", *samples[:5], sep="\n  ")
        return False
    rps = {name: m["rps"] for name, m in median.items()}
    ratio = rps["app"] / rps["bare"]
    verdict = "meets" if ratio >= TARGET else "below"
    print(f"\nratio app/bare = {ratio:.3f}  ({verdict} the {TARGET} target)")
    print(f"ratio signed/bare = {rps['signed'] / rps['bare']:.3f}  (verifying Twilio alone)")
    print(f"ratio app/signed = {rps['app'] / rps['signed']:.3f}  (handling the message)")
    return True


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds, not counted")
    parser.add_argument("--duration", type=float, default=8.0, help="measured seconds per run")
    parser.add_argument("--rounds", type=int, default=2, help="bare+app pairs")
    parser.add_argument("--concurrency", type=int, default=32, help="keep-alive connections")
    parser.add_argument("--customers", type=int, default=200, help="distinct phone numbers")
    parser.add_argument("--quick", action="store_true", help="smoke run: ~1 s per run, 1 round")
    args = parser.parse_args()
    if args.quick:
        args.warmup, args.duration, args.rounds = 0.3, 1.0, 1
    return args


def main() -> int:
    args = parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so the servers are stopped
    try:
        return run(args)
    except BenchError as error:
        print(f"FAILED: {error}", file=sys.stderr)
        return 2


def run(args: argparse.Namespace) -> int:
    with ExitStack() as stack:
        temp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="elgbench-")))
        names = ("bare", "signed", "app")
        urls = {
            name: f"http://127.0.0.1:{port}"
            for name, port in zip(names, free_ports(len(names)), strict=True)
        }
        bare = ["bare_app:app", "--app-dir", str(BENCH)]
        stack.enter_context(server("bare", bare, dict(os.environ), urls["bare"], temp))
        signed = ["signed_app:app", "--app-dir", str(BENCH)]
        env = signed_env(urls["signed"])
        stack.enter_context(server("signed", signed, env, urls["signed"], temp))
        app = ["elgbot.web.app:create_app", "--factory"]
        stack.enter_context(server("app", app, app_env(temp, urls["app"]), urls["app"], temp))
        print(f"{'run':<10} {'req/s':>9} {'p50 ms':>9} {'p99 ms':>9} {'errors':>7}", flush=True)
        ok = report(measure(urls, args))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
