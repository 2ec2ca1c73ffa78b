"""`elgbot serve`: uvicorn's access log masks phone numbers in the URLs it logs."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

START_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_serving(base: str, server: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline and server.poll() is None:
        try:
            httpx.get(f"{base}/healthz", timeout=2.0)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError(f"elgbot serve did not start:\n{stop(server)}")


def stop(server: subprocess.Popen[str]) -> str:
    if server.poll() is None:
        server.send_signal(signal.SIGINT)
    output, _ = server.communicate(timeout=30)
    return output


def test_a_console_search_by_phone_number_is_logged_masked(tmp_path: Path) -> None:
    port = free_port()
    command = "import sys; from elgbot.cli import main; sys.exit(main())"
    server = subprocess.Popen(
        [sys.executable, "-c", command, "serve", "--host", "127.0.0.1", "--port", str(port)],
        env={**os.environ, "ELG_DATA_DIR": str(tmp_path)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(base, server)
        response = httpx.get(f"{base}/console/carts?q=%2B919800000070")
        assert response.status_code == 303  # to the login form, and logged
    finally:
        output = stop(server)

    assert "GET /console/carts?q=%2B91******0070 HTTP/1.1" in output
    assert "9800000070" not in output
