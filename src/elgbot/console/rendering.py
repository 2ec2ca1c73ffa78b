"""Rendering console pages: Jinja templates (autoescaped), times in the store's zone,
rupees written the Indian way, and headers that keep pages out of caches and frames."""

from __future__ import annotations

import secrets
from datetime import datetime
from importlib.resources import files
from typing import Annotated, Any, Final

from fastapi import Form, Request
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from jinja2.runtime import Context
from starlette.responses import Response

from elgbot.console.context import console_of
from elgbot.console.sessions import StaffSession

_HEADERS: Final = {
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": "default-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'",
}
templates = Jinja2Templates(directory=str(files("elgbot.console") / "templates"))


@pass_context
def _when(context: Context, timestamp: float | None) -> str:
    if timestamp is None:
        return "before the handoff"
    return datetime.fromtimestamp(timestamp, context["zone"]).strftime("%d %b %Y, %H:%M")


def inr(amount: int) -> str:
    """1234567 → '₹12,34,567' (lakh grouping, as customers read prices)."""
    digits = str(abs(amount))
    head, tail = digits[:-3], digits[-3:]
    groups = [head[max(0, i - 2) : i] for i in range(len(head), 0, -2)][::-1]
    return "₹" + ("-" if amount < 0 else "") + ",".join([*groups, tail] if head else [tail])


# The reply form's one-time key (`_one_time_key`), as a route reads it from the form.
FormKey = Annotated[str, Form(min_length=16, max_length=64)]


def _one_time_key() -> str:
    # Each rendered reply form gets its own: a second POST of the same form sends nothing.
    return secrets.token_urlsafe(18)


templates.env.filters["when"] = _when
templates.env.filters["inr"] = inr
templates.env.globals["one_time_key"] = _one_time_key


def render(
    request: Request,
    name: str,
    staff: StaffSession | None,
    status_code: int = 200,
    **values: Any,
) -> Response:
    console = console_of(request)
    # Shown on every page while staff replies cannot be delivered (base.html).
    rest_missing = console.runtime.support.rest_missing
    context = {"staff": staff, "zone": console.zone, "rest_missing": rest_missing, **values}
    response = templates.TemplateResponse(request, name, context, status_code=status_code)
    response.headers.update(_HEADERS)
    return response
