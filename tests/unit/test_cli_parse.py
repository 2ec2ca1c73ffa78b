"""`elgbot parse`: a stable JSON contract, one object per message."""

from __future__ import annotations

import io
import json

import pytest

from elgbot.cli import main

KEYS = {
    "shape",
    "carat_min",
    "carat_max",
    "colors",
    "clarities",
    "cuts",
    "budget_min_inr",
    "budget_max_inr",
}


def test_parse_prints_every_key_with_null_for_what_was_not_said(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["parse", "looking for a 2 carat oval, F colour, VVS2, around 2.5L"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert set(printed) == KEYS
    assert printed == {
        "shape": "oval",
        "carat_min": 2.0,
        "carat_max": 2.0,
        "colors": ["F"],
        "clarities": ["VVS2"],
        "cuts": None,
        "budget_min_inr": None,
        "budget_max_inr": 250000,
    }


def test_parse_reads_one_message_per_stdin_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("AS 2ct G VS2 VG 1.2L\nhello\n"))
    assert main(["parse"]) == 0
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert (first["shape"], first["cuts"], first["budget_max_inr"]) == (
        "asscher",
        ["very good"],
        120000,
    )
    assert all(value is None for value in second.values())
