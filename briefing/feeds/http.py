"""Fetching over http(s): the few rules every request of briefing follows.

Only ``http`` and ``https`` (a redirect to ``file:`` or anything else is
refused), at most five redirects, a size cap on every response counted after
decompression (so a gzip bomb stops at the cap too), timeouts, a clear
User-Agent, conditional requests (ETag / Last-Modified) and a polite answer
to 429 / 503 with Retry-After. A few connections per host, many hosts at once.
"""

from __future__ import annotations

import asyncio
import email.utils
import time
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from briefing import __version__

if TYPE_CHECKING:
    import httpx

__all__ = ["USER_AGENT", "FetchError", "Fetcher", "Response", "RetryLater"]

USER_AGENT = f"briefing/{__version__} (+https://example.invalid/briefing)"
MAX_REDIRECTS = 5
MAX_BYTES = 10 * 1024 * 1024
TIMEOUT = 15.0  # seconds for connecting, and between two pieces of a response
TOTAL_TIMEOUT = 60.0  # seconds for a whole response, however it trickles in
PER_HOST = 4  # connections to one host at once: polite, and what servers allow
MAX_CONNECTIONS = 32
# A Retry-After this short is waited out, once; a longer one defers the feed.
WAIT_AT_MOST = 5.0


class FetchError(Exception):
    """A request that gave nothing usable; the message is the one-line reason."""


class RetryLater(FetchError):
    """The server asked us to come back later (429 or 503 with Retry-After)."""

    def __init__(self, message: str, not_before: float) -> None:
        super().__init__(message)
        self.not_before = not_before


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # after redirects
    status: int  # 200, or 304 for "not modified"
    body: bytes
    content_type: str | None
    etag: str | None
    last_modified: str | None


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (a number or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


class Fetcher:
    """An httpx client with briefing's rules; use ``async with``."""

    def __init__(self, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self._hosts: defaultdict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(PER_HOST)
        )
        self._client: httpx.AsyncClient | None = None

    async def __aenter__(self) -> Fetcher:
        import httpx

        self._client = httpx.AsyncClient(
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(self.timeout),
            limits=httpx.Limits(max_connections=MAX_CONNECTIONS),
            follow_redirects=False,  # followed by hand: scheme and count checked
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._client is not None:
            await self._client.aclose()

    async def get(
        self,
        url: str,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = "*/*",
    ) -> Response:
        """GET ``url`` following redirects; FetchError with the reason on failure."""
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            return await asyncio.wait_for(self._follow(url, headers), TOTAL_TIMEOUT)
        except TimeoutError:
            raise FetchError(f"timed out after {TOTAL_TIMEOUT:.0f} s") from None

    async def _follow(self, url: str, headers: dict[str, str]) -> Response:
        seen: set[str] = set()
        waited = False
        while True:
            _check_scheme(url)
            if url in seen:
                raise FetchError("redirect loop")
            if len(seen) > MAX_REDIRECTS:
                raise FetchError(f"more than {MAX_REDIRECTS} redirects")
            seen.add(url)
            status, location, response = await self._once(url, headers)
            if location is not None:
                url = urljoin(url, location)
                continue
            if response is None:  # asked to wait a little: once
                if waited:
                    raise FetchError(f"HTTP {status} again after waiting")
                waited = True
                seen.discard(url)
                continue
            return response

    async def _once(
        self, url: str, headers: dict[str, str]
    ) -> tuple[int, str | None, Response | None]:
        import httpx

        assert self._client is not None, "use the Fetcher in `async with`"
        async with self._hosts[urlsplit(url).netloc.lower()]:
            try:
                async with self._client.stream("GET", url, headers=headers) as reply:
                    return await self._read(url, reply)
            except httpx.TimeoutException:
                raise FetchError(f"timed out after {self.timeout:.0f} s") from None
            except httpx.HTTPError as error:
                raise FetchError(_network_reason(error)) from None

    async def _read(
        self, url: str, reply: httpx.Response
    ) -> tuple[int, str | None, Response | None]:
        status = reply.status_code
        if reply.is_redirect and "location" in reply.headers:
            return status, reply.headers["location"], None
        if status in (429, 503):
            delay = retry_after_seconds(reply.headers.get("retry-after"))
            if delay is not None and delay <= WAIT_AT_MOST:
                await asyncio.sleep(delay)
                return status, None, None
            if delay is not None:
                when = time.strftime("%H:%M", time.localtime(time.time() + delay))
                raise RetryLater(f"HTTP {status}: asked to wait until {when}", time.time() + delay)
        if status == 304:
            body = b""
        elif status != 200:
            raise FetchError(f"HTTP {status} {reply.reason_phrase}".strip())
        else:
            body = await self._body(reply)
        return (
            status,
            None,
            Response(
                url=url,
                status=status,
                body=body,
                content_type=reply.headers.get("content-type"),
                etag=reply.headers.get("etag"),
                last_modified=reply.headers.get("last-modified"),
            ),
        )

    async def _body(self, reply: httpx.Response) -> bytes:
        declared = reply.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(
                f"too large ({_megabytes(int(declared))}; the limit is "
                f"{_megabytes(self.max_bytes)})"
            )
        chunks: list[bytes] = []
        size = 0
        async for chunk in reply.aiter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(f"too large (over {_megabytes(self.max_bytes)})")
            chunks.append(chunk)
        return b"".join(chunks)


def _check_scheme(url: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(
            f"refused: only http and https addresses are followed ({scheme or 'none'}:)"
        )


def _megabytes(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB"


def _network_reason(error: Exception) -> str:
    import httpx

    if isinstance(error, httpx.ConnectError):
        return f"cannot connect: {error}" if str(error) else "cannot connect"
    if isinstance(error, httpx.DecodingError):
        return "the response is not valid gzip/deflate data"
    if isinstance(error, httpx.InvalidURL | httpx.UnsupportedProtocol):
        return f"bad address: {error}"
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
