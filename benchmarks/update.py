"""`briefing update` speed: 50 feeds of 40 entries on a slow loopback server.

    python benchmarks/update.py [--runs 3] [--feeds 50] [--entries 40] [--latency 0.2]

A real HTTP server on loopback adds LATENCY seconds to every response, as a
distant server would. The feeds are spread over 10 loopback addresses
(127.0.0.1 to 127.0.0.10, five feeds each), as 50 real feeds are spread over
many hosts: briefing opens at most four connections to one host. Each entry
carries its full text (no page fetches), so the run measures fetching,
parsing and writing 2,000 articles.

Reported (medians of --runs, each first update into a fresh library):
- first update (everything new), as a multiple of the latency: target <= 10x;
- second update (every feed answers 304), as a multiple: target <= 4x;
- articles written per second in the first update;
- the baseline measured in the same run: updating one feed of 40 entries.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _common import median, scratch_folder

from briefing.feeds.subscriptions import Subscription
from briefing.feeds.update import run_update

HOSTS = 10
WORDS = (
    "the council harbour budget ferry minister port vote talks energy trade summit deal "
    "storm berth crane fleet fishing plan appeal court ruling workers union strike"
).split()


def feed_document(feed: int, entries: int) -> bytes:
    items = []
    for n in range(entries):
        paragraphs = "".join(
            "<p>"
            + " ".join(WORDS[(feed * 7 + n * 3 + p * 5 + w) % len(WORDS)] for w in range(60))
            + f" Feed {feed} entry {n} paragraph {p}.</p>"
            for p in range(6)
        )
        items.append(
            f"<item><title>Feed {feed} story {n}</title>"
            f"<link>http://example.invalid/{feed}/{n}</link><guid>f{feed}-e{n}</guid>"
            "<pubDate>Fri, 04 Dec 2026 10:00:00 GMT</pubDate>"
            f"<category>bench</category><description>{escape(paragraphs)}</description></item>"
        )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Bench feed {feed}</title><link>http://example.invalid/{feed}</link>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def serve(feeds: int, entries: int, latency: float, ready: Connection) -> None:
    """The servers, in a process of their own (as a remote server is): they
    must not compete with the update for this interpreter's lock."""
    documents = {f"/feed/{n}": feed_document(n, entries) for n in range(feeds)}
    servers = start_servers(documents, latency)
    ready.send([server.server_address[:2] for server in servers])
    ready.recv()  # until told to stop


def start_servers(documents: dict[str, bytes], latency: float) -> list[ThreadingHTTPServer]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            time.sleep(latency)
            body = documents.get(self.path)
            if body is None:
                self.send_error(404)
                return
            etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    servers = []
    for host in range(1, HOSTS + 1):
        server = ThreadingHTTPServer((f"127.0.0.{host}", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    return servers


def process_and_workers_cpu() -> float:
    """CPU seconds of this process and of its children that have ended: the
    update's parsing worker (ended by the time an update returns), not the
    server (which ends after the last run)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--entries", type=int, default=40)
    parser.add_argument("--latency", type=float, default=0.2)
    args = parser.parse_args()
    ours, theirs = multiprocessing.Pipe()
    server = multiprocessing.Process(
        target=serve, args=(args.feeds, args.entries, args.latency, theirs), daemon=True
    )
    server.start()
    addresses = ours.recv()
    feeds = []
    for n in range(args.feeds):
        host, port = addresses[n % HOSTS]
        feeds.append(Subscription(f"http://{host}:{port}/feed/{n}", folder=f"feed-{n}"))
    firsts, seconds, singles, cpus, written = [], [], [], [], 0
    with scratch_folder() as scratch:
        for run in range(args.runs):
            library = scratch / f"library-{run}"
            started = time.perf_counter()
            run_update(feeds[:1], scratch / f"single-{run}")
            singles.append(time.perf_counter() - started)
            started, cpu = time.perf_counter(), process_and_workers_cpu()
            outcomes = run_update(feeds, library)
            firsts.append(time.perf_counter() - started)
            cpus.append(process_and_workers_cpu() - cpu)
            failed = [o.error for o in outcomes if o.failed]
            assert not failed, failed
            written = sum(o.new for o in outcomes)
            started = time.perf_counter()
            again = run_update(feeds, library)
            seconds.append(time.perf_counter() - started)
            assert sum(o.new + o.updated for o in again) == 0
    ours.send("stop")
    server.join()
    unit = args.latency
    first, second, single = median(firsts), median(seconds), median(singles)
    print(
        f"{args.feeds} feeds x {args.entries} entries, {unit * 1000:.0f} ms"
        f" added to every response, {args.runs} runs (medians)"
    )
    print(f"  baseline, one feed:      {single:6.2f} s = {single / unit:5.1f} x latency")
    print(
        f"  first update (all new):  {first:6.2f} s = {first / unit:5.1f} x latency (target <= 10)"
    )
    print(
        f"  second update (all 304): {second:6.2f} s = {second / unit:5.1f} x latency (target <= 4)"
    )
    print(f"  articles written:        {written} ({written / first:,.0f} per second)")
    print(
        f"  CPU time of the first update (all processes): {median(cpus):.2f} s (load average now "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
    )


if __name__ == "__main__":
    main()
