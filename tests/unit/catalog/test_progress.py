"""The import's progress bar: drawn in place from the share of the file read."""

from __future__ import annotations

import io

from elgbot.catalog.progress import ProgressBar


def test_the_bar_shows_the_share_of_bytes_read_and_the_rows() -> None:
    out, position = io.StringIO(), [450]
    bar = ProgressBar(out, 1000, lambda: position[0])
    bar(450_000)
    position[0] = 1000
    bar(1_000_000)
    bar.finish()
    assert out.getvalue() == (
        "\r[#############.................]  45%  450,000 rows"
        "\r[##############################] 100%  1,000,000 rows\n"
    )


def test_an_empty_file_counts_as_read() -> None:
    out = io.StringIO()
    ProgressBar(out, 0, lambda: 0)(0)
    assert "100%" in out.getvalue()
