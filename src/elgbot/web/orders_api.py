"""PUT /api/orders/{order_id}: the store's order system creates or updates an order.

Authenticated like the stock API (`web.api.stock_system`, bearer token ELG_API_TOKEN):
without the right one, or when none is configured, every request is 401 before its body is
even read. The body is validated with
the same field parsers as the CSV import, and a bad one is a 422 that names each field
and why.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import (
    BaseModel,
    ConfigDict,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from elgbot.bootstrap import Runtime
from elgbot.commerce.orders import (
    Order,
    OrderFieldError,
    OrderStatus,
    check_dates,
    parse_day,
    parse_items,
    parse_order_id,
    parse_phone,
    parse_status,
    parse_tracking_url,
)
from elgbot.web.api import stock_system  # the store systems' bearer token, one check for all
from elgbot.web.forms import MAX_FORM_BYTES, FormTooLarge

router = APIRouter(prefix="/api")


class OrderBody(BaseModel):
    """An order as the store's system sends it."""

    model_config = ConfigDict(extra="forbid", str_max_length=4000)

    phone: str
    status: OrderStatus
    items: tuple[str, ...] = ()
    placed_at: date
    expected_delivery: date | None = None
    tracking_url: str | None = None

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str) -> str:
        return parse_phone(value)

    @field_validator("status", mode="before")
    @classmethod
    def _status(cls, value: object) -> OrderStatus:
        return parse_status(_text(value))

    @field_validator("items", mode="before")
    @classmethod
    def _items(cls, value: object) -> tuple[str, ...]:
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return parse_items(value)
        return parse_items(_text(value, "a list of texts, or one text"))

    @field_validator("placed_at", "expected_delivery", mode="before")
    @classmethod
    def _day(cls, value: object, info: ValidationInfo) -> date | None:
        if value is None:
            return None
        return parse_day(_text(value), str(info.field_name))

    @field_validator("tracking_url")
    @classmethod
    def _tracking(cls, value: str | None) -> str | None:
        return parse_tracking_url(value) if value else None

    @model_validator(mode="after")
    def _dates_in_order(self) -> OrderBody:
        check_dates(self.placed_at, self.expected_delivery)
        return self

    def order(self, order_id: str) -> Order:
        return Order(
            order_id=order_id,
            phone=self.phone,
            status=self.status,
            items=self.items,
            placed_on=self.placed_at,
            expected_delivery=self.expected_delivery,
            tracking_url=self.tracking_url,
        )


def _text(value: object, expected: str = "text") -> str:
    if not isinstance(value, str):
        raise OrderFieldError(f"must be {expected}")
    return value


@router.put("/orders/{order_id}")
async def put_order(
    order_id: str, request: Request, runtime: Annotated[Runtime, Depends(stock_system)]
) -> JSONResponse:
    """201 when the order is new, 200 when it was updated; the order as stored."""
    try:
        body = OrderBody.model_validate_json(await _read_body(request))
        order = body.order(parse_order_id(order_id))
    except FormTooLarge:
        return JSONResponse({"detail": "request body too large"}, status_code=413)
    except ValidationError as error:
        return _unprocessable(error.errors(include_url=False, include_input=False))
    except OrderFieldError as error:
        return _unprocessable([{"loc": ["path", "order_id"], "msg": str(error)}])
    created = await runtime.stores.orders.put([order]) == 1
    return JSONResponse(order_json(order), status_code=201 if created else 200)


def order_json(order: Order) -> dict[str, Any]:
    return {
        "order_id": order.order_id,
        "phone": order.phone,
        "status": order.status.value,
        "items": list(order.items),
        "placed_at": order.placed_on.isoformat(),
        "expected_delivery": order.expected_delivery and order.expected_delivery.isoformat(),
        "tracking_url": order.tracking_url,
    }


async def _read_body(request: Request, limit: int = MAX_FORM_BYTES) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise FormTooLarge
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > limit:
            raise FormTooLarge
    return bytes(body)


def _unprocessable(errors: Any) -> JSONResponse:
    details = [
        {"loc": list(e["loc"]), "msg": e["msg"], **({"type": e["type"]} if "type" in e else {})}
        for e in errors
    ]
    return JSONResponse({"detail": details}, status_code=422)
