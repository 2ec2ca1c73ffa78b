"""Who may use the console: a staff session from the cookie, and a CSRF token on every form.

Pages send a visitor without a session to the login form (303); actions refuse them (401)
and refuse a form without the session's CSRF token (403). The login form itself, used
before any session exists, carries a double-submit token: a random value in both a cookie
and the form, which another site can neither read nor set.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Final

from fastapi import HTTPException, Request, Response

from elgbot.console.context import Console, console_of
from elgbot.console.sessions import StaffSession

LOGIN_PATH: Final = "/console/login"
_SESSION_COOKIE: Final = "elg_console"
_LOGIN_CSRF_COOKIE: Final = "elg_console_login"


def cookie_name(base: str, secure: bool) -> str:
    # "__Host-" makes the browser refuse the cookie unless it is Secure, host-only, path /.
    return f"__Host-{base}" if secure else base


def session_cookie(console: Console) -> str:
    return cookie_name(_SESSION_COOKIE, console.secure_cookies)


def login_csrf_cookie(console: Console) -> str:
    return cookie_name(_LOGIN_CSRF_COOKIE, console.secure_cookies)


def set_cookie(response: Response, console: Console, name: str, value: str, age: int) -> None:
    response.set_cookie(
        name,
        value,
        max_age=age,
        path="/",
        secure=console.secure_cookies,
        httponly=True,
        samesite="strict",
    )


async def current_staff(request: Request) -> StaffSession | None:
    console = console_of(request)
    token = request.cookies.get(session_cookie(console))
    return await console.sessions.find(token) if token else None


async def staff_for_page(request: Request) -> StaffSession:
    """Dependency of every console page: the staff session, or a redirect to log in."""
    staff = await current_staff(request)
    if staff is None:
        raise HTTPException(status_code=303, headers={"Location": LOGIN_PATH})
    return staff


async def staff_for_action(request: Request) -> StaffSession:
    """Dependency of every console action (a POSTed form): session and CSRF token."""
    staff = await current_staff(request)
    if staff is None:
        raise HTTPException(status_code=401, detail="log in to the staff console first")
    form = await request.form()
    sent = form.get("csrf_token")
    if not isinstance(sent, str) or not hmac.compare_digest(sent, staff.csrf_token):
        raise HTTPException(status_code=403, detail="the form's CSRF token is missing or wrong")
    return staff


def new_login_token() -> str:
    return secrets.token_urlsafe(24)


def login_token_matches(request: Request, sent: str) -> bool:
    expected = request.cookies.get(login_csrf_cookie(console_of(request)), "")
    return bool(expected) and hmac.compare_digest(expected, sent)


def client_of(request: Request) -> str:
    # The socket's peer: a proxy's X-Forwarded-For is not trusted (anyone can send one).
    return request.client.host if request.client else "unknown"
