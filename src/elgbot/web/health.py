"""GET /healthz: 200 when the session store and the database answer, 503 otherwise."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from elgbot.bootstrap import Runtime
from elgbot.logs import get_logger

router = APIRouter()
_log = get_logger("health")


@router.get("/healthz")
async def healthz(request: Request) -> JSONResponse:
    runtime: Runtime = request.app.state.runtime
    try:
        await runtime.stores.sessions.ping()
        await runtime.stores.catalog.count()
    except Exception as exc:
        _log.warning("health check failed: %s", exc)
        return JSONResponse({"status": "unavailable"}, status_code=503)
    return JSONResponse({"status": "ok"})
