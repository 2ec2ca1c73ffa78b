"""The `elgbot` command line: serve, chat, catalog import/sample, parse, staff."""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import logging
import os
import secrets
import sys
import uuid
from collections.abc import Sequence
from pathlib import Path

from elgbot.bootstrap import Runtime, load_sample_catalog_if_empty, open_runtime
from elgbot.catalog.feed import FeedError
from elgbot.catalog.importer import ImportReport, import_feed
from elgbot.catalog.progress import ProgressBar
from elgbot.catalog.sample import write_sample_feed
from elgbot.console.staff_cli import add_staff_commands
from elgbot.conversation.inbound import InboundMessage
from elgbot.logs import PhoneMasking, uvicorn_log_config
from elgbot.settings import Settings
from elgbot.understanding.diamond_spec import read_diamond_spec, spec_to_json
from elgbot.uploads import Options, Upload, import_upload


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handler = logging.StreamHandler()
    handler.addFilter(PhoneMasking())  # uvicorn's handlers get one too (uvicorn_log_config)
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        handlers=[handler],
    )
    return int(args.run(args))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="elgbot", description="ELG's WhatsApp shopping assistant")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help="serve the web app (webhook, chat page)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1, help="worker processes")
    serve.add_argument(
        "--load-sample-catalog",
        action="store_true",
        help="fill an EMPTY catalog with synthetic stones first (for trying the bot)",
    )
    serve.set_defaults(run=_serve)

    chat = commands.add_parser("chat", help="talk to the bot in this terminal")
    chat.add_argument("--as", dest="phone", default="+919800000001", help="your phone number")
    chat.add_argument(
        "--load-sample-catalog",
        action="store_true",
        help="fill an EMPTY catalog with synthetic stones first (as `serve` does)",
    )
    chat.set_defaults(run=_chat)

    parse = commands.add_parser("parse", help="print the diamond spec read from TEXT as JSON")
    parse.add_argument("text", nargs="?", help="the message; without it, one per stdin line")
    parse.set_defaults(run=_parse)

    _catalog_commands(commands.add_parser("catalog", help="manage the diamond catalog"))
    _orders_commands(commands.add_parser("orders", help="orders from the store's order system"))
    add_staff_commands(commands.add_parser("staff", help="staff console accounts"))
    return parser


def _catalog_commands(catalog: argparse.ArgumentParser) -> None:
    commands = catalog.add_subparsers(required=True, metavar="COMMAND")
    load = commands.add_parser("import", help="import a diamond, jewellery or melee feed (CSV)")
    load.add_argument("path", type=Path)
    load.add_argument(
        "--kind",
        choices=["diamond", *(u.value for u in Upload if u is not Upload.ORDERS)],
        default="diamond",
        help="what the file lists (default: diamond)",
    )
    load.add_argument("--replace", action="store_true", help="replace the supplier's stock")
    load.add_argument("--supplier", default="", help="whose stock this is")
    load.set_defaults(run=_import)
    sample = commands.add_parser("sample", help="write a realistic synthetic feed")
    sample.add_argument("--count", type=int, default=1000)
    sample.add_argument("--out", type=Path, required=True)
    sample.add_argument("--seed", type=int, default=0)
    sample.set_defaults(run=_sample)


def _orders_commands(orders: argparse.ArgumentParser) -> None:
    commands = orders.add_subparsers(required=True, metavar="COMMAND")
    load = commands.add_parser(
        "import",
        help="import orders (CSV: order_id, phone, status, items, placed_at, "
        "expected_delivery, tracking_url)",
    )
    load.add_argument("path", type=Path)
    load.set_defaults(run=_import_upload, upload=Upload.ORDERS)


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    settings = Settings()
    if args.load_sample_catalog:
        asyncio.run(_load_sample(settings))
    # The app reads its settings again in this process: the chat page's key goes with them.
    key = os.environ.setdefault("ELG_CHAT_KEY", settings.chat_key or secrets.token_urlsafe(16))
    base = f"http://{args.host}:{args.port}"
    print(
        f"\nelgbot is serving on {base}\n"
        f"  try it in a browser:   {base}/chat?key={key}\n"
        f"  or in a terminal:      .venv/bin/elgbot chat\n"
        f"  Twilio webhook:        POST {base}/whatsapp  (status callbacks: /whatsapp/status)\n"
        f"  health:                {base}/healthz\n",
        flush=True,
    )
    uvicorn.run(
        "elgbot.web.app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level="info",
        log_config=uvicorn_log_config(),
    )
    return 0


async def _load_sample(settings: Settings) -> None:
    async with open_runtime(settings) as runtime:
        loaded = await load_sample_catalog_if_empty(runtime)
        total = await runtime.stores.catalog.count()
    note = f"loaded {loaded} sample stones" if loaded else "catalog already has stones"
    print(f"catalog: {total} stones ({note}) in {settings.effective_database_url}")


def _chat(args: argparse.Namespace) -> int:
    logging.getLogger().setLevel(logging.WARNING)
    asyncio.run(_chat_loop(args.phone, args.load_sample_catalog))
    return 0


async def _chat_loop(phone: str, load_sample: bool) -> None:
    async with open_runtime(Settings()) as runtime:
        if load_sample:
            await load_sample_catalog_if_empty(runtime)
        if await runtime.stores.catalog.count() == 0:
            print("The catalog is empty: import a feed, or start with --load-sample-catalog.")
        print(f"Chatting as {phone}. Type 'hi' to start; Ctrl-D to leave.")
        while (text := await asyncio.to_thread(_read_line)) is not None:
            for reply in await _say(runtime, phone, text):
                print(f"\nELG: {reply}\n")


def _read_line() -> str | None:
    try:
        return input("you> ")
    except EOFError:
        return None


async def _say(runtime: Runtime, phone: str, text: str) -> tuple[str, ...]:
    message = InboundMessage(f"CLI{uuid.uuid4().hex}", f"whatsapp:{phone}", text[:1600])
    return await runtime.service.handle(message)


def _parse(args: argparse.Namespace) -> int:
    lines = [args.text] if args.text is not None else (line.rstrip("\n") for line in sys.stdin)
    for line in lines:
        print(json.dumps(spec_to_json(read_diamond_spec(line).spec), ensure_ascii=False))
    return 0


def _import(args: argparse.Namespace) -> int:
    if args.kind != "diamond":
        args.upload = Upload(args.kind)
        return _import_upload(args)
    try:
        report = asyncio.run(_import_file(args.path, args.replace, args.supplier))
    except FeedError as exc:
        print(f"cannot import {args.path}: {exc}", file=sys.stderr)
        return 2
    except UnicodeDecodeError as exc:  # batches before the bad byte may be in
        print(f"cannot read {args.path} as UTF-8 text: {exc}", file=sys.stderr)
        return 2
    for rejection in report.rejections:
        print(f"line {rejection.line}: {rejection.stock_id or '-'}: {rejection.reason}")
    print(report.summary())
    return 0 if report.imported + report.updated > 0 else 1


def _import_upload(args: argparse.Namespace) -> int:
    try:
        options = Options(getattr(args, "supplier", ""), getattr(args, "replace", False))
        report = asyncio.run(import_upload(Settings(), args.upload, args.path, options))
    except FeedError as exc:
        print(f"cannot import {args.path}: {exc}", file=sys.stderr)
        return 2
    return _print_report(report)


def _print_report(report: ImportReport) -> int:
    for rejection in report.rejections:
        print(f"line {rejection.line}: {rejection.stock_id or '-'}: {rejection.reason}")
    print(report.summary())
    return 0 if report.imported + report.updated > 0 else 1


async def _import_file(path: Path, replace: bool, supplier: str) -> ImportReport:
    tty = sys.stderr.isatty()
    async with open_runtime(Settings()) as runtime:
        with path.open("rb") as raw, io.TextIOWrapper(raw, "utf-8-sig", newline="") as stream:
            bar = ProgressBar(sys.stderr, os.fstat(raw.fileno()).st_size, raw.tell)
            report = await import_feed(
                runtime.stores.catalog,
                stream,
                replace=replace,
                supplier=supplier,
                progress=bar if tty else lambda _rows: None,
            )
    if tty:
        bar.finish()
    return report


def _sample(args: argparse.Namespace) -> int:
    with args.out.open("w", encoding="utf-8", newline="") as out:
        write_sample_feed(out, args.count, seed=args.seed)
    print(f"wrote {args.count} stones to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
