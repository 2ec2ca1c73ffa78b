"""`elgbot chat`: the terminal chat, on a fresh data directory."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from elgbot.cli import main


def chat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lines: list[str], *flags: str) -> None:
    monkeypatch.setenv("ELG_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ELG_SAMPLE_CATALOG_SIZE", "400")
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(f"{line}\n" for line in lines)))
    assert main(["chat", "--as", "+919800000009", *flags]) == 0


def test_the_sample_catalog_flag_gives_a_fresh_chat_stones_to_find(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    chat(
        tmp_path, monkeypatch, ["hi", "1", "round, any colour, any budget"], "--load-sample-catalog"
    )
    out = capsys.readouterr().out
    assert "The catalog is empty" not in out
    assert "Here are some options based on your preferences:" in out
    assert "https://elg.com/diamonds/ELG-" in out


def test_without_it_an_empty_catalog_is_pointed_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    chat(tmp_path, monkeypatch, ["hi"])
    out = capsys.readouterr().out
    assert "The catalog is empty: import a feed, or start with --load-sample-catalog." in out
    assert "Welcome to ELG" in out
