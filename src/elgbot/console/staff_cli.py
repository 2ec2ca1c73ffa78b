"""`elgbot staff add USERNAME --password-stdin`, `staff list`, `staff remove USERNAME`.

The password is read from standard input only (never an argument: those show up in `ps`
and shell history), e.g. `printf '%s' "$PASSWORD" | elgbot staff add asha --password-stdin`.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import datetime

from elgbot.console.accounts import AccountError, SqlStaffAccounts
from elgbot.console.passwords import WeakPassword
from elgbot.settings import Settings
from elgbot.storage.database import open_database


def add_staff_commands(parent: argparse.ArgumentParser) -> None:
    commands = parent.add_subparsers(required=True, metavar="COMMAND")
    add = commands.add_parser("add", help="create a staff account (password from stdin)")
    add.add_argument("username")
    add.add_argument(
        "--password-stdin", action="store_true", required=True, help="read the password from stdin"
    )
    add.set_defaults(run=lambda args: _run(_add(args.username, sys.stdin.read())))
    listing = commands.add_parser("list", help="list staff accounts")
    listing.set_defaults(run=lambda args: _run(_list()))
    remove = commands.add_parser("remove", help="delete a staff account and end its sessions")
    remove.add_argument("username")
    remove.set_defaults(run=lambda args: _run(_remove(args.username)))


def _run(command: Callable[[SqlStaffAccounts], Awaitable[int]]) -> int:
    async def run() -> int:
        async with _accounts() as accounts:
            return await command(accounts)

    return asyncio.run(run())


@asynccontextmanager
async def _accounts() -> AsyncIterator[SqlStaffAccounts]:
    engine = await open_database(Settings().effective_database_url)
    try:
        yield SqlStaffAccounts(engine)
    finally:
        await engine.dispose()


def _add(username: str, stdin: str) -> Callable[[SqlStaffAccounts], Awaitable[int]]:
    password = stdin.removesuffix("\n").removesuffix("\r")  # `echo` adds a newline

    async def add(accounts: SqlStaffAccounts) -> int:
        try:
            account = await accounts.add(username, password)
        except (AccountError, WeakPassword) as exc:
            print(f"staff add: {exc}", file=sys.stderr)
            return 1
        print(f"added staff account {account.username}")
        return 0

    return add


def _list() -> Callable[[SqlStaffAccounts], Awaitable[int]]:
    async def list_accounts(accounts: SqlStaffAccounts) -> int:
        for account in await accounts.all():
            created = datetime.fromtimestamp(account.created_at).strftime("%Y-%m-%d %H:%M")
            print(f"{account.username}\tcreated {created}")
        return 0

    return list_accounts


def _remove(username: str) -> Callable[[SqlStaffAccounts], Awaitable[int]]:
    async def remove(accounts: SqlStaffAccounts) -> int:
        if not await accounts.remove(username):
            print(f"staff remove: no staff account {username!r}", file=sys.stderr)
            return 1
        print(f"removed staff account {username} (its sessions ended)")
        return 0

    return remove
