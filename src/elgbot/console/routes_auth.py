"""Logging in and out of the console, and its one script (needs no login)."""

from __future__ import annotations

from importlib.resources import files
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from elgbot.console.auth import (
    LOGIN_PATH,
    client_of,
    current_staff,
    login_csrf_cookie,
    login_token_matches,
    new_login_token,
    session_cookie,
    set_cookie,
    staff_for_action,
)
from elgbot.console.context import console_of
from elgbot.console.rendering import render
from elgbot.console.sessions import StaffSession
from elgbot.logs import get_logger

router = APIRouter()
_log = get_logger("console.auth")
_LOGIN_FORM_SECONDS = 3600
_WRONG = "Wrong username or password."
_BLOCKED = "Too many failed attempts. Wait 15 minutes and try again."
_ONCE_JS = (files("elgbot.console") / "static" / "once.js").read_text(encoding="utf-8")


def _login_page(request: Request, error: str | None = None, status_code: int = 200) -> Response:
    token = new_login_token()
    response = render(request, "login.html", None, status_code, csrf_token=token, error=error)
    console = console_of(request)
    set_cookie(response, console, login_csrf_cookie(console), token, _LOGIN_FORM_SECONDS)
    return response


@router.get("/console/static/once.js")
async def once_script() -> Response:
    # A file of our own: the pages' Content-Security-Policy allows no inline script.
    return Response(_ONCE_JS, media_type="text/javascript", headers={"Cache-Control": "no-cache"})


@router.get(LOGIN_PATH)
async def login_form(request: Request) -> Response:
    if await current_staff(request) is not None:
        return RedirectResponse("/console", status_code=303)
    return _login_page(request)


@router.post(LOGIN_PATH)
async def login(
    request: Request,
    username: Annotated[str, Form(max_length=64)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    csrf_token: Annotated[str, Form(max_length=128)] = "",
) -> Response:
    if not login_token_matches(request, csrf_token):
        return _login_page(request, "The form expired; please try again.", 403)
    console, client = console_of(request), client_of(request)
    name = username.strip().lower()
    if await console.throttle.blocked(name, client):
        _log.warning("login of %r refused: too many failed attempts", name)
        return _login_page(request, _BLOCKED, 429)
    if await console.accounts.check(name, password) is None:
        await console.throttle.failed(name, client)
        _log.info("failed console login for %r", name)
        return _login_page(request, _WRONG, 401)
    await console.throttle.succeeded(name)
    started = await console.sessions.start(name)
    _log.info("%s logged in to the console", name)
    response = RedirectResponse("/console", status_code=303)
    age = int(console.runtime.settings.console_session_hours * 3600)  # the server's expiry rules
    set_cookie(response, console, session_cookie(console), started.token, age)
    response.delete_cookie(login_csrf_cookie(console), path="/")
    return response


@router.post("/console/logout")
async def logout(
    request: Request, staff: Annotated[StaffSession, Depends(staff_for_action)]
) -> Response:
    console = console_of(request)
    token = request.cookies.get(session_cookie(console), "")
    await console.sessions.end(token)
    _log.info("%s logged out of the console", staff.username)
    response = RedirectResponse(LOGIN_PATH, status_code=303)
    response.delete_cookie(session_cookie(console), path="/")
    return response
