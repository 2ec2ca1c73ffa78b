"""A one-line progress bar for feed imports on a terminal: how much of the file is read."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, TextIO

WIDTH: Final = 30


class ProgressBar:
    """Redraws `[#####.....]  45%  450,000 rows` in place; `position` is bytes read so far."""

    def __init__(self, out: TextIO, size: int, position: Callable[[], int]) -> None:
        self._out = out
        self._size = size
        self._position = position

    def __call__(self, rows: int) -> None:
        done = min(self._position() / self._size, 1.0) if self._size > 0 else 1.0
        filled = int(done * WIDTH)
        bar = "#" * filled + "." * (WIDTH - filled)
        self._out.write(f"\r[{bar}] {done:4.0%}  {rows:,} rows")
        self._out.flush()

    def finish(self) -> None:
        self._out.write("\n")
        self._out.flush()
