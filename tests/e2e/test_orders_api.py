"""PUT /api/orders/{order_id}: the store's systems create and update orders, with a token."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from elgbot.bootstrap import Runtime, open_runtime
from elgbot.commerce.orders import OrderStatus, SqlOrders
from whatsapp_chat import client_for, settings_for

TOKEN = "store-system-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ORDER = {
    "phone": "+919812345678",
    "status": "shipped",
    "items": ["Round 1.5ct D VS1 Ideal", "18K rose gold ring"],
    "placed_at": "2025-03-01",
    "expected_delivery": "2025-03-08",
    "tracking_url": "https://track.example.com/AWB123",
}


@pytest.fixture(params=["embedded", "scaled"])
async def api_runtime(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Runtime]:
    """The app with an API token, on SQLite and on PostgreSQL + Redis."""
    servers: dict[str, object] = {}
    if request.param == "scaled":
        servers["database_url"] = request.getfixturevalue("fresh_postgres_url")
        servers["redis_url"] = request.getfixturevalue("fresh_redis_url")
    async with open_runtime(settings_for(tmp_path, api_token=TOKEN, **servers)) as opened:
        yield opened


@pytest.fixture
async def api(api_runtime: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    async with client_for(api_runtime) as client:
        yield client


async def test_a_new_order_is_created_then_updated(
    api: httpx.AsyncClient, api_runtime: Runtime
) -> None:
    created = await api.put("/api/orders/ELG-1001", json=ORDER, headers=AUTH)
    assert created.status_code == 201, created.text
    assert created.json()["items"] == ORDER["items"]
    updated = await api.put(
        "/api/orders/ELG-1001", json=ORDER | {"status": "delivered"}, headers=AUTH
    )
    assert updated.status_code == 200
    order = await SqlOrders(api_runtime.engine).placed_by("+919812345678", "ELG-1001")
    assert order is not None
    assert order.status is OrderStatus.DELIVERED


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}],
)
async def test_without_the_right_token_nothing_is_stored(
    api: httpx.AsyncClient, api_runtime: Runtime, headers: dict[str, str]
) -> None:
    response = await api.put("/api/orders/ELG-1", json=ORDER, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert await SqlOrders(api_runtime.engine).recent_for("+919812345678") == []


async def test_a_bad_body_without_a_token_is_still_401(api: httpx.AsyncClient) -> None:
    response = await api.put("/api/orders/ELG-1", content=b"{not json")
    assert response.status_code == 401


async def test_without_a_configured_token_the_api_is_closed(tmp_path: Path) -> None:
    async with (
        open_runtime(settings_for(tmp_path)) as runtime,
        client_for(runtime) as client,
    ):
        response = await client.put(
            "/api/orders/ELG-1", json=ORDER, headers={"Authorization": "Bearer "}
        )
    assert response.status_code == 401


def _problems(response: httpx.Response) -> dict[str, str]:
    assert response.status_code == 422, response.text
    return {".".join(map(str, p["loc"])): p["msg"] for p in response.json()["detail"]}


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"phone": "9812345678"}, "phone", "not in E.164 form"),
        ({"status": "lost"}, "status", "unknown status 'lost'"),
        ({"status": 3}, "status", "must be text"),
        ({"placed_at": "soon"}, "placed_at", "is not a date"),
        ({"tracking_url": "track me"}, "tracking_url", "is not an http(s) link"),
        ({"items": [1, 2]}, "items", "must be a list of texts, or one text"),
        ({"colour": "red"}, "colour", "Extra inputs are not permitted"),
        ({"expected_delivery": "2025-02-01"}, "", "expected delivery is before"),
    ],
)
async def test_a_bad_field_is_a_422_naming_the_field(
    api: httpx.AsyncClient, change: dict[str, Any], field: str, message: str
) -> None:
    response = await api.put("/api/orders/ELG-1", json=ORDER | change, headers=AUTH)
    problems = _problems(response)
    assert message in problems[field]


async def test_a_missing_field_and_a_bad_order_id_are_named(api: httpx.AsyncClient) -> None:
    body = {k: v for k, v in ORDER.items() if k != "phone"}
    assert "phone" in _problems(await api.put("/api/orders/ELG-1", json=body, headers=AUTH))
    bad_id = await api.put("/api/orders/ELG%201", json=ORDER, headers=AUTH)
    assert "order id 'ELG 1' must be" in _problems(bad_id)["path.order_id"]


async def test_malformed_json_is_a_422(api: httpx.AsyncClient) -> None:
    response = await api.put("/api/orders/ELG-1", content=b"{not json", headers=AUTH)
    assert response.status_code == 422
