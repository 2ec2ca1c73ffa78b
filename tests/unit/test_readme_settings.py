"""README's configuration table names every environment variable the app reads."""

from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices

from elgbot.settings import Settings

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_setting_is_documented_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    names = []
    for field in Settings.model_fields.values():
        alias = field.validation_alias
        assert isinstance(alias, AliasChoices)
        names.append(str(alias.choices[0]))
    assert "TWILIO_WEBHOOK_SHARED_KEYS" in names
    assert [name for name in names if f"| `{name}` |" not in text] == []
