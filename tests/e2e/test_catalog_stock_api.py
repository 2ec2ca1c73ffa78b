"""The live stock API (PUT/DELETE /api/diamonds/{stock_id}), and what customers see of it:
a repriced stone in the next search, a withdrawn or repriced one flagged in their cart."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from elgbot.bootstrap import Runtime, open_runtime
from whatsapp_chat import STONES, Chat, client_for, messages, settings_for

TOKEN = "stock-system-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SEED_SPEC = "Round, 1.5ct, D, VS1, Ideal, ₹1,00,000"
OVAL = {
    "shape": "OV",
    "carat": "2.01 ct",
    "color": "f",
    "clarity": "VS-2",
    "cut": "EX",
    "price_inr": "₹1,20,000",
    "polish": "VG",
    "fluorescence": "Faint Blue",
    "lab": "igi",
    "certificate": "LG 123 456",
}


@pytest.fixture(params=["embedded", "scaled"])
async def runtime(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Runtime]:
    """The app with an API token and the chat's small catalog, on both deployments."""
    servers: dict[str, object] = {}
    if request.param == "scaled":
        servers["database_url"] = request.getfixturevalue("fresh_postgres_url")
        servers["redis_url"] = request.getfixturevalue("fresh_redis_url")
    async with open_runtime(settings_for(tmp_path, api_token=TOKEN, **servers)) as opened:
        await opened.stores.catalog.add(STONES)
        yield opened


@pytest.fixture
async def api(runtime: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    async with client_for(runtime) as client:
        yield client


@pytest.fixture
def chat(api: httpx.AsyncClient) -> Chat:
    return Chat(api)


async def test_a_new_stone_is_stored_as_a_feed_would_read_it(api: httpx.AsyncClient) -> None:
    created = await api.put("/api/diamonds/OV-9", json=OVAL, headers=AUTH)
    assert created.status_code == 201, created.text
    assert created.json() == {
        "stock_id": "OV-9",
        "shape": "oval",
        "carat": 2.01,
        "color": "F",
        "clarity": "VS2",
        "cut": "excellent",
        "price_inr": 120_000,
        "polish": "very good",
        "symmetry": None,
        "fluorescence": "faint",
        "lab": "IGI",
        "certificate": "LG123456",
    }
    again = await api.put("/api/diamonds/OV-9", json=OVAL | {"price_inr": 110_000}, headers=AUTH)
    assert again.status_code == 200
    assert again.json()["price_inr"] == 110_000


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}],
    ids=["no token", "wrong token", "not bearer"],
)
async def test_without_the_token_nothing_changes(
    api: httpx.AsyncClient, runtime: Runtime, headers: dict[str, str]
) -> None:
    put = await api.put("/api/diamonds/OV-9", json=OVAL, headers=headers)
    deleted = await api.delete("/api/diamonds/RD-1", headers=headers)
    assert (put.status_code, deleted.status_code) == (401, 401)
    assert put.headers["www-authenticate"] == "Bearer"
    assert await runtime.stores.catalog.get("OV-9") is None
    assert await runtime.stores.catalog.get("RD-1") is not None


async def test_without_a_configured_token_every_request_is_refused_and_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    async with open_runtime(settings_for(tmp_path)) as opened, client_for(opened) as api:
        with caplog.at_level(logging.ERROR, logger="elgbot.api"):
            refused = await api.put("/api/diamonds/OV-9", json=OVAL, headers=AUTH)
        assert refused.status_code == 401
        assert "ELG_API_TOKEN is not set" in caplog.text
        assert await opened.stores.catalog.get("OV-9") is None


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"shape": "blob"}, "shape", "unknown shape 'blob'"),
        ({"carat": "heavy"}, "carat", "carat 'heavy' is not a number"),
        ({"carat": 0}, "carat", "carat '0' is out of range (above 0, at most 100)"),
        ({"color": "pink"}, "color", "fancy colour not supported"),
        ({"clarity": "VVS9"}, "clarity", "unknown clarity 'VVS9'"),
        ({"cut": "superb"}, "cut", "unknown cut grade 'superb'"),
        ({"price_inr": 0}, "price_inr", "price '0' is not a positive amount"),
        ({"price_inr": True}, "price_inr", "must be text or a number"),
        ({"fluorescence": "glowing"}, "fluorescence", "unknown fluorescence 'glowing'"),
        ({"origin": "Surat"}, "origin", "Extra inputs are not permitted"),
    ],
)
async def test_a_bad_field_is_a_422_naming_it_and_why(
    api: httpx.AsyncClient, change: dict[str, Any], field: str, message: str
) -> None:
    response = await api.put("/api/diamonds/OV-9", json=OVAL | change, headers=AUTH)
    assert response.status_code == 422
    assert [(e["loc"], e["msg"]) for e in response.json()["detail"]] == [(["body", field], message)]


async def test_missing_fields_and_broken_json_are_422s(api: httpx.AsyncClient) -> None:
    missing = await api.put("/api/diamonds/OV-9", json={"shape": "oval"}, headers=AUTH)
    assert missing.status_code == 422
    assert {e["loc"][-1] for e in missing.json()["detail"]} == {
        "carat",
        "color",
        "clarity",
        "cut",
        "price_inr",
    }
    broken = await api.put("/api/diamonds/OV-9", content=b"{not json", headers=AUTH)
    assert broken.status_code == 422


async def test_deleting_an_unknown_or_already_withdrawn_stone_is_a_404(
    api: httpx.AsyncClient,
) -> None:
    assert (await api.delete("/api/diamonds/NOPE", headers=AUTH)).status_code == 404
    assert (await api.delete("/api/diamonds/RD-1", headers=AUTH)).status_code == 204
    assert (await api.delete("/api/diamonds/RD-1", headers=AUTH)).status_code == 404


async def test_a_repriced_stone_shows_its_new_price_in_the_next_search(
    api: httpx.AsyncClient, chat: Chat
) -> None:
    for text in ("Hi", "1"):
        await chat.say(text)
    [before] = messages(await chat.say(SEED_SPEC))
    assert "1. Round | 1.5ct | D | VS1 | Ideal | ₹95,000" in before
    rd1 = {"shape": "round", "carat": 1.5, "color": "D", "clarity": "VS1", "cut": "ideal"}
    repriced = await api.put("/api/diamonds/RD-1", json=rd1 | {"price_inr": 91_000}, headers=AUTH)
    assert repriced.status_code == 200
    [after] = messages(await chat.say(SEED_SPEC))
    assert "1. Round | 1.5ct | D | VS1 | Ideal | ₹91,000" in after


async def test_a_withdrawn_stone_is_never_offered_again(api: httpx.AsyncClient, chat: Chat) -> None:
    for text in ("Hi", "1"):
        await chat.say(text)
    assert (await api.delete("/api/diamonds/RD-1", headers=AUTH)).status_code == 204
    [options] = messages(await chat.say(SEED_SPEC))
    assert "RD-1" not in options
    assert "https://elg.com/diamonds/RD-3" in options


async def test_the_cart_flags_a_withdrawn_stone_and_a_repriced_one(
    api: httpx.AsyncClient, chat: Chat
) -> None:
    for text in ("Hi", "1", SEED_SPEC, "add to cart 1", "add to cart 2"):
        await chat.say(text)
    [cart] = messages(await chat.say("cart"))
    assert "Total: ₹1,93,000" in cart  # RD-1 ₹95,000 + RD-2 ₹98,000
    assert (await api.delete("/api/diamonds/RD-1", headers=AUTH)).status_code == 204
    rd2 = {"shape": "round", "carat": 1.52, "color": "D", "clarity": "VS1", "cut": "excellent"}
    repriced = await api.put("/api/diamonds/RD-2", json=rd2 | {"price_inr": 97_000}, headers=AUTH)
    assert repriced.status_code == 200
    [flagged] = messages(await chat.say("cart"))
    assert flagged.splitlines()[:7] == [
        "Your cart:",
        "1. Round 1.5ct D VS1 Ideal | ₹95,000",
        "   (no longer available: sold or withdrawn, not in the total)",
        "   https://elg.com/diamonds/RD-1",
        "2. Round 1.52ct D VS1 Excellent | ₹97,000",
        "   (price changed from ₹98,000 to ₹97,000)",
        "   https://elg.com/diamonds/RD-2",
    ]
    assert "Total: ₹97,000" in flagged
