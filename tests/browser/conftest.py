"""The app served by uvicorn on a free 127.0.0.1 port in a background thread, and Debian's
Chromium driven by Playwright (no browser downloads: the executable is the system's)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.async_api import Browser, async_playwright

from browser.console_site import console_settings
from elgbot.settings import Settings
from elgbot.web.app import create_app
from fakes import twilio_server
from fakes.twilio_server import FakeTwilio

fake_twilio = twilio_server.fake_twilio
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def settings(tmp_path: Path, fake_twilio: FakeTwilio) -> Settings:
    # Webhooks are signed for http://testserver (tests/whatsapp_chat.py), as behind a proxy.
    return console_settings(tmp_path, fake_twilio, public_url="http://testserver")


@pytest.fixture
def served(settings: Settings) -> Iterator[str]:
    """The whole app (its own runtime, from `settings`) at the URL this yields."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(
        create_app(settings), log_level="warning", ws="none", timeout_graceful_shutdown=1
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the app did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()


@pytest.fixture
def chromium() -> str:
    # Never skipped: `make test` installs it (scripts/ensure-browser).
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/ensure-browser (as root)")
    return CHROMIUM


@pytest.fixture
async def browser(chromium: str) -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            await launched.close()
