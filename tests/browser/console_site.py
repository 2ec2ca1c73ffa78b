"""Helpers shared by the console's HTTP, e2e and browser tests: a staff account, logging in
over HTTP, and reading a page's CSRF token."""

from __future__ import annotations

import re
from pathlib import Path

import httpx

from elgbot.bootstrap import Runtime
from elgbot.console.accounts import SqlStaffAccounts
from elgbot.settings import Settings
from fakes.twilio_server import FakeTwilio
from support_runtime import support_settings

STAFF = "asha"
PASSWORD = "correct horse battery staple"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def console_settings(data_dir: Path, twilio: FakeTwilio | None, **overrides: object) -> Settings:
    # Plain http in tests: a Secure cookie would never come back from http://testserver.
    values: dict[str, object] = {"console_secure_cookies": False, **overrides}
    return support_settings(data_dir, None, twilio, **values)


async def add_staff(runtime: Runtime, username: str = STAFF, password: str = PASSWORD) -> None:
    await SqlStaffAccounts(runtime.engine).add(username, password)


def csrf_of(html: str) -> str:
    found = _CSRF.search(html)
    assert found, "the page has no form with a CSRF token"
    return found.group(1)


async def log_in(
    client: httpx.AsyncClient, username: str = STAFF, password: str = PASSWORD
) -> httpx.Response:
    form = await client.get("/console/login")
    fields = {"username": username, "password": password, "csrf_token": csrf_of(form.text)}
    return await client.post("/console/login", data=fields)


async def page_token(client: httpx.AsyncClient, path: str = "/console") -> str:
    """The CSRF token of the logged-in session, as its pages carry it."""
    page = await client.get(path)
    assert page.status_code == 200, page.text
    return csrf_of(page.text)


async def reply_form(
    client: httpx.AsyncClient, path: str, action: str, text: str
) -> dict[str, str]:
    """The fields of the form at `path` that posts to `action`, as rendered (CSRF token and
    one-time submission key), with `text` typed in."""
    page = await client.get(path)
    assert page.status_code == 200, page.text
    found = re.search(
        rf'<form method="post" action="{re.escape(action)}".*?</form>', page.text, re.S
    )
    assert found, f"{path} has no form posting to {action}"
    hidden = dict(re.findall(r'type="hidden" name="(\w+)" value="([^"]*)"', found.group(0)))
    return {**hidden, "text": text}
