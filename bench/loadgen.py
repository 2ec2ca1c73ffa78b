"""Load generator for bench/webhook_throughput.py, run as its own process.

It pre-builds and pre-signs every request (signing is the client's cost, not the
server's), then keeps `--concurrency` keep-alive connections busy with raw asyncio
streams (cheap on a 2-core machine), one request in flight per connection. Each request
has a unique MessageSid (repeats are de-duplicated by the app), customers round-robin
(one customer's turns are serialised by a lock). Prints one JSON line of results.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import hashlib
import hmac
import itertools
import json
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

from elgbot.channels.twilio_signature import sign

# After the measured window, in-flight replies get this long before the run counts as hung.
DRAIN_SECONDS = 30.0


@dataclass
class Stats:
    measure_start: float
    measure_end: float
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    samples: list[str] = field(default_factory=list)  # the first few errors, to show
    last_done: float = 0.0
    exhausted: bool = False


def twilio_form(sid: str, phone: str, text: str) -> list[tuple[str, str]]:
    """The fields Twilio posts for an incoming WhatsApp text (as in tests/e2e)."""
    return [
        ("MessageSid", sid),
        ("SmsMessageSid", sid),
        ("AccountSid", "AC" + "0" * 32),
        ("From", f"whatsapp:{phone}"),
        ("To", "whatsapp:+14155238886"),
        ("Body", text),
        ("NumMedia", "0"),
        ("ProfileName", "Priya Sharma"),
        ("WaId", phone.removeprefix("+")),
        ("MessageType", "text"),
        ("SmsStatus", "received"),
        ("ApiVersion", "2010-04-01"),
    ]


# Placeholders that urlencoding leaves alone. Requests differ only in sid and phone, so
# each is built from templates with one HMAC: ~5 µs, against ~35 µs through `sign`, which
# matters for the few hundred thousand a run against a fast server needs.
_SID, _DIGITS = "SIDSIDSID", "DIGITSDIGITS"


def templates(url: str, text: str) -> tuple[str, str]:
    """Twilio's signed string (URL + sorted name/value pairs) and the form body."""
    form = twilio_form(_SID, f"+{_DIGITS}", text)
    return url + "".join(name + value for name, value in sorted(form)), urlencode(form)


def build_requests(args: argparse.Namespace) -> list[bytes]:
    url = args.url.rstrip("/") + "/whatsapp"
    parts = urlsplit(url)
    head = f"POST {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
    head += "Content-Type: application/x-www-form-urlencoded\r\n"
    signed, body_template = templates(url, args.text)
    requests = []
    for i in range(args.count):
        sid, digits = f"SM{args.tag:04x}{i:028x}", f"9190{i % args.customers:08d}"
        data = signed.replace(_SID, sid).replace(_DIGITS, digits).encode()
        mac = hmac.new(args.token.encode(), data, hashlib.sha1).digest()
        body = body_template.replace(_SID, sid).replace(_DIGITS, digits).encode()
        extra = f"X-Twilio-Signature: {base64.b64encode(mac).decode()}\r\n"
        extra += f"Content-Length: {len(body)}\r\n\r\n"
        requests.append((head + extra).encode() + body)
    check_first(args, url, requests[0])
    return requests


def check_first(args: argparse.Namespace, url: str, request: bytes) -> None:
    """The shortcut must build what elgbot's own `sign` and urlencode would."""
    form = twilio_form(f"SM{args.tag:04x}{0:028x}", "+919000000000", args.text)
    expected = f"X-Twilio-Signature: {sign(args.token, url, form)}\r\n".encode()
    if expected not in request or not request.endswith(urlencode(form).encode()):
        raise SystemExit(f"loadgen: pre-built request differs from sign()/urlencode: {request!r}")


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    """Status and body of one response; only Content-Length bodies (what uvicorn sends)."""
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = None
    for line in head.lower().split(b"\r\n"):
        if line.startswith(b"content-length:"):
            length = int(line[15:])
    if length is None:
        raise ValueError(f"no content-length in response head: {head[:200]!r}")
    return status, await reader.readexactly(length)


async def connection(
    args: argparse.Namespace, pool: Iterator[bytes], stats: Stats, expect: bytes
) -> None:
    host, port = urlsplit(args.url).hostname, urlsplit(args.url).port
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while time.perf_counter() < stats.measure_end:
            request = next(pool, None)
            if request is None:
                stats.exhausted = True
                return
            sent = time.perf_counter()
            writer.write(request)
            status, body = await read_response(reader)
            record(stats, sent, time.perf_counter(), status, body, expect)
    finally:
        writer.close()


def record(stats: Stats, sent: float, done: float, status: int, body: bytes, expect: bytes) -> None:
    if status != 200 or expect not in body:
        fail(stats, f"{status}: {body[:200]!r}")
    elif stats.measure_start <= done <= stats.measure_end:
        stats.latencies.append(done - sent)
        stats.last_done = done


async def run(args: argparse.Namespace, requests: list[bytes]) -> Stats:
    start = time.perf_counter()
    stats = Stats(start + args.warmup, start + args.warmup + args.duration)
    # The bare app keeps no state, so repeats cost it the same; the real app must not
    # see a MessageSid twice (it would answer from the record), so its pool never wraps.
    pool = itertools.cycle(requests) if args.cycle else iter(requests)
    tasks = [connection(args, pool, stats, args.expect.encode()) for _ in range(args.concurrency)]
    results = await asyncio.wait_for(
        asyncio.gather(*tasks, return_exceptions=True),
        args.warmup + args.duration + DRAIN_SECONDS,
    )
    for result in results:
        if isinstance(result, BaseException):
            fail(stats, repr(result))
    if not stats.latencies:
        fail(stats, "no request completed inside the measured window")
    return stats


def fail(stats: Stats, error: str) -> None:
    stats.errors += 1
    if len(stats.samples) < 5:
        stats.samples.append(error)


def summary(stats: Stats) -> dict[str, object]:
    end = stats.last_done if stats.exhausted else stats.measure_end
    elapsed = max(end - stats.measure_start, 1e-9)
    lat = sorted(stats.latencies)
    return {
        "requests": len(lat),
        "seconds": elapsed,
        "rps": len(lat) / elapsed,
        "p50_ms": percentile_ms(lat, 0.50),
        "p99_ms": percentile_ms(lat, 0.99),
        "mean_ms": statistics.fmean(lat) * 1000 if lat else 0.0,
        "errors": stats.errors,
        "error_samples": stats.samples,
        "exhausted": stats.exhausted,
    }


def percentile_ms(ordered: list[float], q: float) -> float:
    return ordered[min(int(q * len(ordered)), len(ordered) - 1)] * 1000 if ordered else 0.0


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True, help="server base URL, e.g. http://127.0.0.1:8000")
    parser.add_argument("--token", required=True, help="Twilio auth token to sign with")
    parser.add_argument("--count", type=int, required=True, help="requests to pre-build (cap)")
    parser.add_argument("--tag", type=int, default=0, help="run number, keeps sids unique")
    parser.add_argument("--customers", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--duration", type=float, default=8.0)
    parser.add_argument("--cycle", action="store_true", help="reuse the pool (stateless server)")
    parser.add_argument("--text", default="Hi")
    parser.add_argument("--expect", default="Welcome to ELG", help="every body must contain it")
    return parser.parse_args()


def _loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    # The client's own overhead should be as small as we can make it.
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop


def main() -> None:
    args = parse_args()
    requests = build_requests(args)
    with asyncio.Runner(loop_factory=_loop_factory()) as runner:
        stats = runner.run(run(args, requests))
    print(json.dumps(summary(stats)), flush=True)


if __name__ == "__main__":
    main()
