"""Serving a fake service's ASGI app on 127.0.0.1 from a background thread."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import uvicorn
from starlette.types import ASGIApp


@contextmanager
def serving(app: ASGIApp, name: str, on_close: Callable[[], None] = lambda: None) -> Iterator[str]:
    """Serve `app` under uvicorn until the block ends; yields its base URL.

    `on_close` runs first when the block ends (e.g. to cut the fake's scripted delays short).
    """
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))  # the OS picks a free port; uvicorn serves this socket
    config = uvicorn.Config(
        app, lifespan="off", log_level="warning", ws="none", timeout_graceful_shutdown=1
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        _wait_until(lambda: server.started, thread, name)
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        on_close()
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def _wait_until(
    ready: Callable[[], bool], thread: threading.Thread, name: str, timeout: float = 10.0
) -> None:
    stop = time.monotonic() + timeout
    while not ready():
        if not thread.is_alive() or time.monotonic() > stop:
            raise RuntimeError(f"the fake {name} server did not start")
        time.sleep(0.01)
