"""Only Twilio's signed requests have any effect."""

from __future__ import annotations

import base64
import hashlib
import hmac
from pathlib import Path

import httpx
import pytest

from elgbot.bootstrap import Runtime, open_runtime
from whatsapp_chat import AUTH_TOKEN, CUSTOMER, WEBHOOK_URL, Chat, client_for, settings_for


async def _session_exists(runtime: Runtime) -> bool:
    return await runtime.stores.sessions.load("+919812345678") is not None


async def test_a_request_without_signature_is_refused_and_has_no_effect(
    chat: Chat, runtime: Runtime
) -> None:
    response = await chat.client.post("/whatsapp", data=dict(chat.form("Hi")))
    assert response.status_code == 403
    assert not await _session_exists(runtime)


async def test_the_webhook_takes_only_posts(chat: Chat, runtime: Runtime) -> None:
    # POST skips the router (web/app.py); every other method still reaches it.
    response = await chat.client.get("/whatsapp", params=dict(chat.form("Hi")))
    assert response.status_code == 405
    assert not await _session_exists(runtime)


async def test_a_tampered_request_is_refused(chat: Chat, runtime: Runtime) -> None:
    good = await chat.send("Hi")
    assert good.status_code == 200
    params = chat.form("1")
    signature = httpx.Headers(good.request.headers)["X-Twilio-Signature"]
    response = await chat.client.post(
        "/whatsapp", data=dict(params), headers={"X-Twilio-Signature": signature}
    )
    assert response.status_code == 403
    session = await runtime.stores.sessions.load("+919812345678")
    assert session is not None
    assert session["step"] == "main_menu"


async def test_a_signature_made_with_another_token_is_refused(chat: Chat, runtime: Runtime) -> None:
    params = chat.form("Hi")
    forged = _twilio_signature("not-the-token", "http://testserver/whatsapp", params)
    response = await chat.client.post(
        "/whatsapp", data=dict(params), headers={"X-Twilio-Signature": forged}
    )
    assert response.status_code == 403
    assert not await _session_exists(runtime)


async def test_a_signature_computed_as_twilio_documents_it_is_accepted(chat: Chat) -> None:
    # Independent of our signing code: HMAC-SHA1 over URL + sorted name+value, base64.
    params = chat.form("Hi")
    signature = _twilio_signature(AUTH_TOKEN, "http://testserver/whatsapp", params)
    response = await chat.client.post(
        "/whatsapp", data=dict(params), headers={"X-Twilio-Signature": signature}
    )
    assert response.status_code == 200
    assert "Welcome to ELG" in response.text


async def test_behind_a_proxy_the_configured_public_url_is_what_is_verified(
    tmp_path: Path,
) -> None:
    settings = settings_for(tmp_path, public_url="https://bot.example.com")
    async with (
        open_runtime(settings) as runtime,
        client_for(runtime, "http://internal:8000") as client,
    ):
        chat = Chat(client)
        params = chat.form("Hi")
        public = _twilio_signature(AUTH_TOKEN, "https://bot.example.com/whatsapp", params)
        internal = _twilio_signature(AUTH_TOKEN, "http://internal:8000/whatsapp", params)
        headers = {"X-Twilio-Signature": internal}
        assert (
            await client.post("/whatsapp", data=dict(params), headers=headers)
        ).status_code == 403
        headers = {"X-Twilio-Signature": public}
        assert (
            await client.post("/whatsapp", data=dict(params), headers=headers)
        ).status_code == 200
        # A query in the webhook URL is signed as it was sent, never re-encoded.
        query, again = "?store=elg&note=a%20b", chat.form("Hi")
        signed = _twilio_signature(AUTH_TOKEN, f"https://bot.example.com/whatsapp{query}", again)
        headers = {"X-Twilio-Signature": signed}
        response = await client.post(f"/whatsapp{query}", data=dict(again), headers=headers)
        assert response.status_code == 200


async def test_without_an_auth_token_every_webhook_request_is_refused(tmp_path: Path) -> None:
    settings = settings_for(tmp_path, twilio_auth_token=None)
    async with open_runtime(settings) as runtime, client_for(runtime) as client:
        chat = Chat(client)
        params = chat.form("Hi")
        signature = _twilio_signature(AUTH_TOKEN, "http://testserver/whatsapp", params)
        response = await client.post(
            "/whatsapp", data=dict(params), headers={"X-Twilio-Signature": signature}
        )
        assert response.status_code == 403
        assert await runtime.stores.sessions.load("+919812345678") is None
        # The local chat page still works without Twilio.
        local = await client.post("/chat/send", json={"phone": "+919800000001", "text": "hi"})
        assert local.status_code == 200
        assert "Welcome to ELG" in local.json()["replies"][0]


async def test_a_webhook_rule_signing_with_a_shared_key_is_accepted(tmp_path: Path) -> None:
    key, secret = "webhooks_sharedkey_01rule", "rule-secret"
    settings = settings_for(tmp_path, twilio_webhook_shared_keys=f"{key}={secret}")
    async with open_runtime(settings) as runtime, client_for(runtime) as client:
        chat = Chat(client)
        params = chat.form("Hi")
        payload = WEBHOOK_URL + "".join(name + value for name, value in sorted(params))
        digest = hmac.new(secret.encode(), payload.encode(), hashlib.sha256).digest()
        headers = {
            "X-Twilio-Signature": base64.b64encode(digest).decode(),
            "X-Twilio-Webhooks-Signature-Settings": f"key={key},algorithm=HMAC_SHA256",
        }
        # Naming another key, the same request is refused and has no effect.
        other = {**headers, "X-Twilio-Webhooks-Signature-Settings": "key=webhooks_sharedkey_02x"}
        refused = await client.post("/whatsapp", data=dict(params), headers=other)
        assert refused.status_code == 403
        assert await runtime.stores.sessions.load("+919812345678") is None
        response = await client.post("/whatsapp", data=dict(params), headers=headers)
        assert response.status_code == 200
        assert "Welcome to ELG" in response.text


async def test_an_oversized_request_is_refused_before_it_is_read(chat: Chat) -> None:
    response = await chat.send("x" * 100_000)
    assert response.status_code == 413


async def test_status_callbacks_need_a_signature_and_are_recorded(
    chat: Chat, runtime: Runtime
) -> None:
    params = [("MessageSid", "SM" + "a" * 32), ("MessageStatus", "delivered"), ("To", CUSTOMER)]
    unsigned = await chat.client.post("/whatsapp/status", data=dict(params))
    assert unsigned.status_code == 403
    url = "http://testserver/whatsapp/status"
    headers = {"X-Twilio-Signature": _twilio_signature(AUTH_TOKEN, url, params)}
    signed = await chat.client.post("/whatsapp/status", data=dict(params), headers=headers)
    assert (signed.status_code, signed.text) == (200, "")
    assert await runtime.deliveries.status("SM" + "a" * 32) == "delivered"
    # A late "sent" (callbacks arrive out of order) does not undo "delivered".
    late = [("MessageSid", "SM" + "a" * 32), ("MessageStatus", "sent"), ("To", CUSTOMER)]
    headers = {"X-Twilio-Signature": _twilio_signature(AUTH_TOKEN, url, late)}
    await chat.client.post("/whatsapp/status", data=dict(late), headers=headers)
    assert await runtime.deliveries.status("SM" + "a" * 32) == "delivered"


async def test_health_answers_when_the_stores_do(chat: Chat) -> None:
    response = await chat.client.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


def _twilio_signature(token: str, url: str, params: list[tuple[str, str]]) -> str:
    payload = url + "".join(name + value for name, value in sorted(params))
    digest = hmac.new(token.encode(), payload.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


async def test_health_says_unavailable_when_a_store_does_not_answer(
    chat: Chat, runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def unreachable() -> None:
        raise ConnectionError("session store down")

    monkeypatch.setattr(runtime.stores.sessions, "ping", unreachable)
    response = await chat.client.get("/healthz")
    assert (response.status_code, response.json()) == (503, {"status": "unavailable"})


async def test_the_chat_page_needs_its_key_when_one_is_set(tmp_path: Path) -> None:
    # Behind a proxy that adds no forwarding header every request looks local: the key,
    # which only the address `elgbot serve` prints carries, is what keeps strangers out.
    settings = settings_for(tmp_path, chat_key="k3y")
    hi = {"phone": "+919800000001", "text": "hi"}
    async with open_runtime(settings) as runtime, client_for(runtime) as client:
        assert (await client.get("/chat")).status_code == 404
        assert (await client.post("/chat/send", json=hi)).status_code == 404
        wrong = await client.post("/chat/send", json=hi, headers={"x-chat-key": "guess"})
        assert wrong.status_code == 404
        assert await runtime.stores.sessions.load("+919800000001") is None
        assert (await client.get("/chat?key=k3y")).status_code == 200
        right = await client.post("/chat/send", json=hi, headers={"x-chat-key": "k3y"})
        assert "Welcome to ELG" in right.json()["replies"][0]
