"""Logging in to the staff console: accounts, sessions, CSRF, the rate limit, logout, and
that nobody without a session sees a page or does anything."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from browser.console_site import (
    PASSWORD,
    STAFF,
    add_staff,
    console_settings,
    csrf_of,
    log_in,
    page_token,
)
from elgbot.bootstrap import Runtime, open_runtime
from elgbot.console.accounts import AccountError, SqlStaffAccounts
from elgbot.console.passwords import WeakPassword
from whatsapp_chat import client_for

PAGES = [
    "/console",
    "/console/handoffs",
    "/console/handoffs/1",
    "/console/quotes",
    "/console/carts",
    "/console/orders",
]
ACTIONS = [
    "/console/logout",
    "/console/handoffs/1/reply",
    "/console/handoffs/1/close",
    "/console/quotes/1/reply",
    "/console/quotes/1/state",
]


@pytest.fixture
async def runtime(tmp_path: Path) -> AsyncIterator[Runtime]:
    async with open_runtime(console_settings(tmp_path, None)) as opened:
        await add_staff(opened)
        yield opened


@pytest.fixture
async def client(runtime: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    async with client_for(runtime) as c:
        yield c


@pytest.mark.parametrize("path", PAGES)
async def test_a_visitor_without_a_session_is_sent_to_the_login_form(
    client: httpx.AsyncClient, path: str
) -> None:
    response = await client.get(path)
    assert response.status_code == 303
    assert response.headers["location"] == "/console/login"


@pytest.mark.parametrize("path", ACTIONS)
async def test_an_action_without_a_session_is_refused(client: httpx.AsyncClient, path: str) -> None:
    response = await client.post(path, data={"csrf_token": "x", "text": "hi", "state": "closed"})
    assert response.status_code == 401


async def test_staff_log_in_with_their_password_and_see_the_overview(
    client: httpx.AsyncClient,
) -> None:
    response = await log_in(client)
    assert response.status_code == 303
    assert response.headers["location"] == "/console"
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie
    overview = await client.get("/console")
    assert overview.status_code == 200
    assert "open handoffs" in overview.text
    assert overview.headers["cache-control"] == "no-store"


async def test_the_session_cookie_is_secure_by_default(tmp_path: Path) -> None:
    settings = console_settings(tmp_path, None, console_secure_cookies=True)
    async with open_runtime(settings) as runtime:
        await add_staff(runtime)
        async with client_for(runtime, base_url="https://testserver") as client:
            response = await log_in(client)
    assert response.status_code == 303
    assert "__Host-elg_console=" in response.headers["set-cookie"]
    assert "Secure" in response.headers["set-cookie"]


async def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(
    client: httpx.AsyncClient,
) -> None:
    wrong_password = await log_in(client, password="not the password at all")
    unknown_user = await log_in(client, username="nobody")
    assert wrong_password.status_code == unknown_user.status_code == 401
    assert "Wrong username or password." in wrong_password.text
    assert "Wrong username or password." in unknown_user.text
    assert (await client.get("/console")).status_code == 303


async def test_usernames_are_not_case_sensitive(client: httpx.AsyncClient) -> None:
    assert (await log_in(client, username="ASHA")).status_code == 303


async def test_a_login_form_without_its_csrf_token_is_refused(
    client: httpx.AsyncClient,
) -> None:
    await client.get("/console/login")
    fields = {"username": STAFF, "password": PASSWORD, "csrf_token": "forged"}
    response = await client.post("/console/login", data=fields)
    assert response.status_code == 403
    assert (await client.get("/console")).status_code == 303


async def test_after_five_wrong_passwords_even_the_right_one_waits(
    client: httpx.AsyncClient,
) -> None:
    for _ in range(5):
        assert (await log_in(client, password="guess guess guess")).status_code == 401
    blocked = await log_in(client)
    assert blocked.status_code == 429
    assert "Too many failed attempts" in blocked.text


async def test_the_login_limit_holds_for_every_worker_sharing_the_database(
    runtime: Runtime,
) -> None:
    async with client_for(runtime) as first, client_for(runtime) as second:
        for _ in range(5):
            await log_in(first, password="guess guess guess")
        assert (await log_in(second)).status_code == 429


async def test_one_client_trying_many_usernames_is_limited_too(
    client: httpx.AsyncClient,
) -> None:
    for number in range(20):
        await log_in(client, username=f"guess{number}", password="guess guess guess")
    assert (await log_in(client)).status_code == 429


async def test_an_action_with_a_wrong_csrf_token_is_refused(client: httpx.AsyncClient) -> None:
    await log_in(client)
    response = await client.post("/console/logout", data={"csrf_token": "forged"})
    assert response.status_code == 403
    assert (await client.get("/console")).status_code == 200  # still logged in


async def test_logging_out_ends_the_session_on_the_server(client: httpx.AsyncClient) -> None:
    await log_in(client)
    cookie = dict(client.cookies)
    response = await client.post("/console/logout", data={"csrf_token": await page_token(client)})
    assert response.status_code == 303
    client.cookies.update(cookie)  # a copy of the old cookie opens nothing
    assert (await client.get("/console")).status_code == 303


async def test_removing_a_staff_account_ends_its_sessions(
    runtime: Runtime, client: httpx.AsyncClient
) -> None:
    await log_in(client)
    assert await SqlStaffAccounts(runtime.engine).remove(STAFF)
    assert (await client.get("/console")).status_code == 303


async def test_accounts_need_a_real_password_and_a_new_name(runtime: Runtime) -> None:
    accounts = SqlStaffAccounts(runtime.engine)
    with pytest.raises(WeakPassword):
        await accounts.add("ravi", "short")
    with pytest.raises(AccountError):
        await accounts.add("Asha", "another long password")
    assert [a.username for a in await accounts.all()] == [STAFF]


async def test_the_login_page_carries_a_fresh_token(client: httpx.AsyncClient) -> None:
    first = csrf_of((await client.get("/console/login")).text)
    second = csrf_of((await client.get("/console/login")).text)
    assert first != second
