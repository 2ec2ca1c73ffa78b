"""GET /healthz: 200 when the session store and the database answer, 503 otherwise."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

from elgbot.bootstrap import Runtime
from elgbot.logs import get_logger

router = APIRouter()
_log = get_logger("health")


@router.get("/healthz")
async def healthz(request: Request) -> JSONResponse:
    runtime: Runtime = request.app.state.runtime
    try:
        await runtime.stores.sessions.ping()
        async with runtime.engine.connect() as conn:  # SELECT 1: cheap at any catalog size
            await conn.execute(text("SELECT 1"))
    except Exception as exc:
        _log.warning("health check failed: %s", exc)
        return JSONResponse({"status": "unavailable"}, status_code=503)
    return JSONResponse({"status": "ok"})
