"""Console error pages: a bad query value or form field on a console URL gets a console
page saying what was wrong, not FastAPI's JSON (the rest of the app keeps its JSON)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from starlette.responses import Response

from elgbot.console.auth import current_staff
from elgbot.console.rendering import render
from elgbot.console.sessions import StaffSession

_CONSOLE = "/console"


def error_page(
    request: Request, staff: StaffSession | None, title: str, message: str, status_code: int
) -> Response:
    return render(request, "error.html", staff, status_code, title=title, message=message)


async def _invalid_request(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    if not request.url.path.startswith(_CONSOLE):
        return await request_validation_exception_handler(request, exc)
    fields = sorted({str(e["loc"][-1]) for e in exc.errors() if e.get("loc")})
    message = (
        f"This page cannot use the value given for {', '.join(fields) or 'the request'}. "
        "Go back and use the page's own links and forms, or reload the page."
    )
    return error_page(request, await current_staff(request), "Not understood", message, 400)


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _invalid_request)
