"""How long the model may take, with and without a way to send its answer later."""

from __future__ import annotations

from pathlib import Path

from elgbot.support.wiring import WEBHOOK_ANSWER_SECONDS, model_seconds
from whatsapp_chat import settings_for


def test_without_rest_the_answer_must_fit_in_twilios_15_seconds(tmp_path: Path) -> None:
    settings = settings_for(tmp_path, gemini_timeout_seconds=20.0)
    assert model_seconds(settings, can_send_later=True) == 20.0
    assert model_seconds(settings, can_send_later=False) == WEBHOOK_ANSWER_SECONDS < 15
    quick = settings_for(tmp_path, gemini_timeout_seconds=5.0)
    assert model_seconds(quick, can_send_later=False) == 5.0
