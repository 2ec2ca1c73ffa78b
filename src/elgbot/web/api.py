"""The live stock API: the store's systems add, reprice or withdraw one stone at once.

    PUT    /api/diamonds/{stock_id}   JSON: shape, carat, color, clarity, cut, price_inr
                                      (the stone's total), optional polish, symmetry,
                                      fluorescence, lab, certificate → 201 new, 200 changed
    DELETE /api/diamonds/{stock_id}   withdraw it → 204; 404 when it is not on offer

Values are read with the feed's cell parsers (`catalog.cells`), so "RD", "EX" or "1.50 ct"
mean here what they mean in a feed; a bad body is a 422 naming each field and why. Every
request needs `Authorization: Bearer <ELG_API_TOKEN>` and is refused with 401 before its
body is read; without ELG_API_TOKEN every request is refused (and the log says why).
"""

from __future__ import annotations

import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, ValidationError, ValidationInfo, field_validator

from elgbot.bootstrap import Runtime
from elgbot.catalog import cells
from elgbot.catalog.grades import Clarity, Color, Cut, Shape
from elgbot.catalog.listing import Listing
from elgbot.catalog.stone import Stone
from elgbot.logs import get_logger
from elgbot.web.forms import MAX_FORM_BYTES, FormTooLarge

router = APIRouter(prefix="/api")
_bearer = HTTPBearer(auto_error=False)
_log = get_logger("api")
MAX_STOCK_ID_LENGTH = 64  # the catalog's column
# Stones a store's system adds through the API, told apart from feed suppliers.
API_SUPPLIER = "api"


async def stock_system(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Runtime:
    """The runtime, for a caller holding the API token; 401 for anyone else."""
    runtime: Runtime = request.app.state.runtime
    expected = runtime.settings.api_token
    if not expected:
        _log.error("refusing %s %s: ELG_API_TOKEN is not set", request.method, request.url.path)
    given = credentials.credentials if credentials else ""
    if not expected or not secrets.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(
            status_code=401,
            detail="a valid bearer token is required (Authorization: Bearer <ELG_API_TOKEN>)",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return runtime


class DiamondBody(BaseModel):
    """A stone as the store's system sends it; text or numbers, as in a feed's cells."""

    model_config = ConfigDict(extra="forbid", str_max_length=200)

    shape: Shape
    carat: float
    color: Color
    clarity: Clarity
    cut: Cut | None  # required, but may be null or "": fancy shapes often have no cut grade
    price_inr: int
    polish: Cut | None = None
    symmetry: Cut | None = None
    fluorescence: str | None = None
    lab: str | None = None
    certificate: str | None = None

    @field_validator("shape", mode="before")
    @classmethod
    def _shape(cls, value: object) -> Shape:
        return cells.parse_shape(_cell(value))

    @field_validator("carat", mode="before")
    @classmethod
    def _carat(cls, value: object) -> float:
        return cells.parse_carat(_cell(value))

    @field_validator("color", mode="before")
    @classmethod
    def _color(cls, value: object) -> Color:
        return cells.parse_color(_cell(value))

    @field_validator("clarity", mode="before")
    @classmethod
    def _clarity(cls, value: object) -> Clarity:
        return cells.parse_clarity(_cell(value))

    @field_validator("cut", "polish", "symmetry", mode="before")
    @classmethod
    def _grade(cls, value: object, info: ValidationInfo) -> Cut | None:
        what = "cut grade" if info.field_name == "cut" else str(info.field_name)
        return None if value is None else cells.grade_parser(what)(_cell(value))

    @field_validator("price_inr", mode="before")
    @classmethod
    def _price(cls, value: object) -> int:
        return cells.parse_price(_cell(value), 1.0)

    @field_validator("fluorescence", mode="before")
    @classmethod
    def _fluorescence(cls, value: object) -> str | None:
        return None if value is None else cells.parse_fluorescence(_cell(value))

    @field_validator("lab", mode="before")
    @classmethod
    def _lab(cls, value: object) -> str | None:
        return None if value is None else cells.parse_lab(_cell(value))

    @field_validator("certificate", mode="before")
    @classmethod
    def _certificate(cls, value: object) -> str | None:
        return None if value is None else cells.parse_certificate(_cell(value))

    def listing(self, stock_id: str) -> Listing:
        stone = Stone(
            stock_id, self.shape, self.carat, self.color, self.clarity, self.cut, self.price_inr
        )
        return Listing(
            stone, self.polish, self.symmetry, self.fluorescence, self.lab, self.certificate
        )


def _cell(value: object) -> str:
    """A JSON value as feed text: numbers as written; anything else is not a value."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise cells.CellError("must be text or a number")
    return str(value)


@router.put("/diamonds/{stock_id}")
async def put_diamond(
    stock_id: str, request: Request, runtime: Annotated[Runtime, Depends(stock_system)]
) -> JSONResponse:
    """Add or reprice a stone (it is offered again if it was withdrawn)."""
    stock_id = stock_id.strip()
    if not stock_id or len(stock_id) > MAX_STOCK_ID_LENGTH:
        msg = f"must be 1 to {MAX_STOCK_ID_LENGTH} characters"
        return _unprocessable([{"loc": ["path", "stock_id"], "msg": msg}])
    try:
        listing = DiamondBody.model_validate_json(await _body(request)).listing(stock_id)
    except FormTooLarge:
        return JSONResponse({"detail": "request body too large"}, status_code=413)
    except ValidationError as error:
        return _unprocessable(_field_errors(error))
    created = await runtime.stores.catalog.put(listing, supplier=API_SUPPLIER)
    price = listing.stone.price_inr
    _log.info("stone %s %s at ₹%d", stock_id, "added" if created else "repriced", price)
    return JSONResponse(diamond_json(listing), status_code=201 if created else 200)


@router.delete("/diamonds/{stock_id}")
async def delete_diamond(
    stock_id: str, runtime: Annotated[Runtime, Depends(stock_system)]
) -> Response:
    if await runtime.stores.catalog.withdraw([stock_id.strip()]) == 0:
        return JSONResponse({"detail": f"no stone {stock_id!r} on offer"}, status_code=404)
    _log.info("stone %s withdrawn", stock_id)
    return Response(status_code=204)


async def _body(request: Request) -> bytes:
    """The request body, refused past MAX_FORM_BYTES without reading the rest."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_FORM_BYTES:
        raise FormTooLarge
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > MAX_FORM_BYTES:
            raise FormTooLarge
    return bytes(body)


def diamond_json(listing: Listing) -> dict[str, Any]:
    stone = listing.stone
    return {
        "stock_id": stone.stock_id,
        "shape": stone.shape.value,
        "carat": stone.carat,
        "color": stone.color.value,
        "clarity": stone.clarity.value,
        "cut": stone.cut and stone.cut.value,
        "price_inr": stone.price_inr,
        "polish": listing.polish and listing.polish.value,
        "symmetry": listing.symmetry and listing.symmetry.value,
        "fluorescence": listing.fluorescence,
        "lab": listing.lab,
        "certificate": listing.certificate,
    }


def _field_errors(error: ValidationError) -> list[dict[str, Any]]:
    """Each field and why, in the feed's words ("unknown shape 'blob'")."""
    found = []
    for e in error.errors(include_url=False):
        reason = e.get("ctx", {}).get("error")
        msg = str(reason) if isinstance(reason, cells.CellError) else e["msg"]
        found.append({"loc": ["body", *e["loc"]], "msg": msg, "type": e["type"]})
    return found


def _unprocessable(errors: list[dict[str, Any]]) -> JSONResponse:
    return JSONResponse({"detail": errors}, status_code=422)
