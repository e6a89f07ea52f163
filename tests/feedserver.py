"""A real HTTP server on 127.0.0.1 for the feed tests: routes set per test.

Each route answers with a body and headers, honours If-None-Match and
If-Modified-Since when it has an ETag / Last-Modified, and can be slow,
gzipped, redirected or rate limited. Every request is recorded.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "application/rss+xml; charset=utf-8"
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    gzip: bool = False
    delay: float = 0.0
    location: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    chunks: int = 0  # send the body in this many pieces, without a length


class FeedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                server.answer(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: bytes | str = b"", **options: object) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(body=data, **options)  # type: ignore[arg-type]
        return self.url(path)

    def hits(self, path: str) -> list[dict[str, str]]:
        return [headers for p, headers in self.requests if p == path]

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        route = self.routes.get(handler.path)
        if route is None:
            self._send(handler, 404, {"Content-Type": "text/plain"}, b"not here")
            return
        if route.delay:
            time.sleep(route.delay)
        headers = {"Content-Type": route.content_type, **route.headers}
        if route.location:
            headers["Location"] = route.location
        if route.etag:
            headers["ETag"] = route.etag
        if route.last_modified:
            headers["Last-Modified"] = route.last_modified
        fresh = (route.etag and handler.headers.get("If-None-Match") == route.etag) or (
            route.last_modified and handler.headers.get("If-Modified-Since") == route.last_modified
        )
        if fresh and route.status == 200:
            self._send(handler, 304, headers, b"")
            return
        body = route.body
        if route.gzip:
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        if route.chunks:
            self._send_pieces(handler, route.status, headers, body, route.chunks)
        else:
            self._send(handler, route.status, headers, body)

    @staticmethod
    def _send(
        handler: BaseHTTPRequestHandler, status: int, headers: dict[str, str], body: bytes
    ) -> None:
        handler.send_response(status)
        for key, value in headers.items():
            handler.send_header(key, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        if status != 304:
            handler.wfile.write(body)

    @staticmethod
    def _send_pieces(
        handler: BaseHTTPRequestHandler,
        status: int,
        headers: dict[str, str],
        body: bytes,
        pieces: int,
    ) -> None:
        handler.send_response(status)
        for key, value in headers.items():
            handler.send_header(key, value)
        handler.send_header("Connection", "close")
        handler.end_headers()
        size = max(1, len(body) // pieces)
        try:
            for start in range(0, len(body), size):
                handler.wfile.write(body[start : start + size])
        except OSError:
            pass  # the client stopped reading (too large): expected
        handler.close_connection = True

    def __enter__(self) -> FeedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def serve() -> Iterator[FeedServer]:
    with FeedServer() as server:
        yield server


def rss(title: str, items: list[dict[str, str]], extra: str = "", encoding: str = "utf-8") -> str:
    """An RSS 2.0 document; each item's keys become elements (text escaped)."""
    from xml.sax.saxutils import escape

    parts = []
    for item in items:
        fields = "".join(f"<{k}>{escape(v)}</{k}>" for k, v in item.items() if k != "raw")
        parts.append(f"<item>{fields}{item.get('raw', '')}</item>")
    return (
        f'<?xml version="1.0" encoding="{encoding}"?>\n<rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>http://example.invalid/</link>{extra}"
        + "".join(parts)
        + "</channel></rss>"
    )


def story(number: int, words: int = 120) -> str:
    """An article body in HTML paragraphs, distinct for each number."""
    sentence = (
        f"Council meeting number {number} discussed the harbour budget, the ferry timetable "
        "and the new berths that the port authority wants to build before the winter storms."
    )
    count = max(1, words // len(sentence.split()))
    return "".join(f"<p>{sentence} Paragraph {i} of story {number}.</p>" for i in range(count))
