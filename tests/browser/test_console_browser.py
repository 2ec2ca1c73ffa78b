"""A staff member in a real browser (Debian's Chromium): logs in, opens the customer's
handoff, replies (the reply reaches the fake Twilio server), closes it, and looks at the
overview, of which a screenshot is kept."""

from __future__ import annotations

import shutil
from pathlib import Path

import httpx
from playwright.async_api import Browser, Page, expect

from browser.console_site import PASSWORD, STAFF
from elgbot.console.accounts import SqlStaffAccounts
from elgbot.settings import Settings
from elgbot.storage.database import open_database
from fakes.twilio_server import FakeTwilio
from support_runtime import eventually
from whatsapp_chat import CUSTOMER, Chat

SCREENSHOT_COPY = Path("/tmp/console-overview.png")
REPLY = "Hello Priya, this is Asha from ELG. Size 12 is no problem."


async def prepare(settings: Settings, base_url: str) -> None:
    """A staff account, and a customer who asked for a person over the signed webhook."""
    engine = await open_database(settings.effective_database_url)
    try:
        await SqlStaffAccounts(engine).add(STAFF, PASSWORD)
    finally:
        await engine.dispose()
    async with httpx.AsyncClient(base_url=base_url) as client:
        chat = Chat(client)
        for text in ("hi", "talk to someone", "my ring size is 12"):
            await chat.say(text)


async def log_in(page: Page, base_url: str) -> None:
    await page.goto(f"{base_url}/console/handoffs")
    await expect(page).to_have_url(f"{base_url}/console/login")
    await page.fill("input[name=username]", STAFF)
    await page.fill("input[name=password]", PASSWORD)
    await page.click("button[type=submit]")
    await expect(page).to_have_url(f"{base_url}/console")


async def test_staff_answer_and_close_a_handoff_in_the_browser(
    browser: Browser, served: str, settings: Settings, fake_twilio: FakeTwilio, tmp_path: Path
) -> None:
    await prepare(settings, served)
    page = await browser.new_page(viewport={"width": 1200, "height": 900})
    await log_in(page, served)

    await page.click("text=Handoffs")
    await page.click(f"a.handoff-link:has-text('{CUSTOMER.removeprefix('whatsapp:')}')")
    await expect(page.locator(".thread")).to_contain_text("my ring size is 12")
    await page.fill("textarea[name=text]", REPLY)
    await page.click("text=Send reply")
    await expect(page.locator(".thread li.staff")).to_contain_text(REPLY)
    await eventually(lambda: any(r.body == REPLY for r in fake_twilio.requests))
    assert [r.to for r in fake_twilio.requests if r.body == REPLY] == [CUSTOMER]

    await page.click("text=Close handoff")
    await expect(page.locator("main")).to_contain_text("Nobody is waiting for a person.")

    await page.click("text=Overview")
    await expect(page.locator("#funnel")).to_be_visible()
    await expect(page.locator("#conversations-today")).to_have_text("1")
    shot = tmp_path / "console-overview.png"
    await page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 10_000  # a drawn page, not a blank one
    shutil.copyfile(shot, SCREENSHOT_COPY)


async def test_a_visitor_without_a_session_sees_only_the_login_form(
    browser: Browser, served: str, settings: Settings
) -> None:
    await prepare(settings, served)
    page = await browser.new_page()
    await page.goto(f"{served}/console/handoffs")
    await expect(page).to_have_url(f"{served}/console/login")
    assert CUSTOMER.removeprefix("whatsapp:") not in await page.content()
    await page.fill("input[name=username]", STAFF)
    await page.fill("input[name=password]", "not the password")
    await page.click("button[type=submit]")
    await expect(page.locator(".error")).to_have_text("Wrong username or password.")
