"""`make bench` must keep working: the webhook benchmark's smoke run drives all three
servers without a failed request and prints its ratios (their values are not judged)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "webhook_throughput.py"


def test_the_webhook_benchmark_runs_and_reports_its_ratios() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH), "--quick"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    for line in ("ratio app/bare = ", "ratio signed/bare = ", "ratio app/signed = "):
        assert line in done.stdout
    for name in ("bare", "signed", "app"):
        assert f"{name} #1" in done.stdout
