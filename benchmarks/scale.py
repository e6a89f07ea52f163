"""Scale: the same work on libraries of 3, 10,000 and 100,000 articles, one run.

    python benchmarks/scale.py [--libraries DIR] [--quick] [--runs 5] [--only NAME ...]
                               [--home DIR]

Libraries are made by benchmarks/generate_library.py into DIR/lib-N (default
/tmp/briefing-scale; made once, reused by later runs: the 100,000 one takes
about two minutes and 640 MB). --quick stops at 10,000. Every figure is a
median of --runs, taken with its baseline in the same loop (interleaved, so
machine noise hits both alike); each process runs from compiled bytecode in
isolated XDG folders. Figures (issue 14):

- index:    first index of the library by `briefing search` (fresh cache):
            articles/s on the wall clock, and CPU seconds (all processes)
- search:   warm `briefing search WORD` (plain and rich output) against
            `python -c "import rich.console"`
- paint:    the reader's first paint (a real pty, as benchmarks/tui_startup.py)
            against a hello-world Textual app
- bookmark: `bookmarks add` on a 10,000-entry bookmark file with the library,
            beyond `briefing --version`
- rss:      peak RSS of the reader (driven by Textual's pilot, headless) after
            opening 50 articles and one search
- facts:    warm `briefing facts` across the library (after one run fills the cache),
            and after one file changed
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

from _common import ROOT, median, program_env, scratch_folder, timed
from tui_startup import HELLO, first_title, time_until

SIZES = (3, 10_000, 100_000)
FIGURES = ("index", "search", "paint", "bookmark", "digest", "rss", "facts")
BOOKMARK_ENTRIES = 10_000
SLOW_SECONDS = 15.0  # a case slower than this on its warm-up run is not repeated

RSS_SCRIPT = """
import asyncio, sys
from pathlib import Path
from briefing.storage.config import Settings
from briefing.storage.readstate import ReadState
from briefing.tui.app import BriefingApp

async def settle(pilot):
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()

async def main(library, word, home):
    app = BriefingApp([Path(library)], Settings(), read_state=ReadState(Path(home) / "read.json"),
                      save_settings=False, bookmarks_path=Path(home) / "bookmarks.json")
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        for _ in range(50):
            await pilot.press("down")
            await pilot.pause(0.15)  # the reader opens an article 0.12 s after the cursor stops
            await settle(pilot)
        await pilot.press("slash", *word, "enter")
        await settle(pilot)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            print(int(line.split()[1]) * 1024)

asyncio.run(main(*sys.argv[1:]))
"""


def libraries(folder: Path, sizes: Sequence[int]) -> dict[int, Path]:
    """DIR/lib-N for each size, generated when missing (deterministic, seed 1)."""
    from generate_library import generate, load_vocabulary

    found = {}
    for size in sizes:
        path = folder / f"lib-{size}"
        count = sum(1 for _ in path.iterdir()) if path.is_dir() else 0
        if count != size:
            shutil.rmtree(path, ignore_errors=True)
            print(f"generating {size:,} articles in {path} …", file=sys.stderr, flush=True)
            generate(path, size, 1, load_vocabulary())
        found[size] = path
    return found


def search_word(library: Path) -> str:
    """The longest word of the first article's title: one that certainly matches."""
    return max(first_title(library).split(), key=len).strip(".,:;").lower()


class Bench:
    def __init__(self, scratch: Path, libs: dict[int, Path], runs: int, home: Path | None) -> None:
        self.scratch, self.libs, self.runs = scratch, libs, runs
        self.env = program_env(scratch)
        home = home or scratch / "home"
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            self.env[name] = str(home / name.lower())
        self.env.pop("BRIEFING_BOOKMARKS", None)
        self.env.update(TERM="xterm-256color", COLUMNS="160", LINES="48")
        self.python = [sys.executable, "-m", "briefing"]
        self.rows: list[tuple[str, dict[int, float], str, str]] = []
        self.cpu: dict[str, float] = {}
        self.facts_up_to = max(libs)
        self.notes: list[str] = []

    def add(self, name: str, values: dict[int, float], unit: str, target: str = "") -> None:
        self.rows.append((name, values, unit, target))

    def interleaved(self, cases: Mapping[str, Callable[[], float]]) -> dict[str, float]:
        """Median wall seconds of each case, runs interleaved, after one warm-up each.

        The median CPU seconds (user + system, of the process and what it
        waited for) go to ``self.cpu``: on a machine shared with other work
        the wall clock mostly measures the others.
        """
        times: dict[str, list[float]] = {name: [] for name in cases}
        cpu: dict[str, list[float]] = {name: [] for name in cases}
        once = set()
        for name, run in cases.items():
            before = _children_cpu()
            seconds = run()
            if seconds > SLOW_SECONDS:  # the warm-up is the measurement
                once.add(name)
                times[name].append(seconds)
                cpu[name].append(_children_cpu() - before)
                self.notes.append(f"{name}: {seconds:.1f} s, measured once (slow)")
        for _ in range(self.runs):
            for name, run in cases.items():
                if name in once:
                    continue
                before = _children_cpu()
                times[name].append(run())
                cpu[name].append(_children_cpu() - before)
        self.cpu = {name: median(values) for name, values in cpu.items()}
        return {name: median(values) for name, values in times.items()}

    def command(self, args: list[str]) -> Callable[[], float]:
        return lambda: timed(args, self.env)

    # The figures --------------------------------------------------------------

    def index(self) -> None:
        rates, cpu = {}, {}
        from briefing.search.database import index_file

        cache = Path(self.env["XDG_CACHE_HOME"]) / "briefing" / "search"
        for size, lib in self.libs.items():
            for suffix in ("", "-wal", "-shm"):  # this library's index only: a first index
                Path(f"{index_file([lib.resolve()], cache)}{suffix}").unlink(missing_ok=True)
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            self._search_once(lib)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            rates[size], cpu[size] = size / wall, size / used
            self.notes.append(f"first index of {size:,}: {wall:.1f} s wall, {used:.1f} s CPU")
        self.add("first index, articles/s (wall)", rates, "/s", ">= 2,000 at 100,000")
        self.add("first index, articles per CPU-second", cpu, "/s")
        self._rebuild_caches()

    def _rebuild_caches(self) -> None:
        """Leave a warm index of every library for the figures that follow."""
        for lib in self.libs.values():
            self._search_once(lib)

    def _search_once(self, lib: Path) -> None:
        command = [*self.python, "search", search_word(lib), str(lib)]
        subprocess.run(command, env=self.env, cwd=ROOT, stdout=subprocess.DEVNULL, check=True)

    def search(self) -> None:
        self._rebuild_caches()
        cases = {"rich.console": self.command([sys.executable, "-c", "import rich.console"])}
        for size, lib in self.libs.items():
            for fmt in ("plain", "rich"):
                args = [*self.python, "search", search_word(lib), str(lib), "--format", fmt]
                cases[f"{fmt} {size}"] = self.command(args)
        medians = self.interleaved(cases)
        base = medians["rich.console"]
        self.notes.append(f"`python -c 'import rich.console'`: {base * 1000:.0f} ms")
        for fmt, target in (("plain", "<= 2.0x at 100,000"), ("rich", "<= 2.5x at 100,000")):
            values = {size: medians[f"{fmt} {size}"] / base for size in self.libs}
            self.add(f"warm search, {fmt}, / import rich.console", values, "x", target)
            ms = {size: medians[f"{fmt} {size}"] * 1000 for size in self.libs}
            self.add(f"warm search, {fmt}, ms", ms, "ms")
            cpu = {size: self.cpu[f"{fmt} {size}"] / self.cpu["rich.console"] for size in self.libs}
            self.add("  same in CPU time, / import rich.console", cpu, "x")

    def paint(self) -> None:
        self._rebuild_caches()
        hello = self.scratch / "hello.py"
        hello.write_text(HELLO)
        env = dict(self.env)
        cases = {"hello": partial(time_until, [sys.executable, str(hello)],
                                  "hello-world-baseline", env)}  # fmt: skip
        for size, lib in self.libs.items():
            cases[str(size)] = partial(time_until, [*self.python, str(lib)],
                                       first_title(lib)[:30], env)  # fmt: skip
        medians = self.interleaved(cases)
        self.notes.append(f"hello-world Textual app first paint: {medians['hello'] * 1000:.0f} ms")
        smallest = min(self.libs)
        self.add("reader first paint, / hello world", {s: medians[str(s)] / medians["hello"]
                 for s in self.libs}, "x", "<= 1.3x at 3")  # fmt: skip
        self.add("reader first paint, / 3 articles", {s: medians[str(s)] / medians[str(smallest)]
                 for s in self.libs}, "x", "<= 1.5x at 100,000")  # fmt: skip
        cpu = self.cpu
        self.add("  same in CPU time, / hello world",
                 {s: cpu[str(s)] / cpu["hello"] for s in self.libs}, "x")  # fmt: skip

    def digest(self) -> None:
        # Generated plain-text articles are dated by their files (written
        # today), so a period from tomorrow holds none in any library: what is
        # timed is finding the period's articles, the part that could grow
        # with the library (the digest of a day's articles does not).
        tomorrow = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
        self._rebuild_caches()
        cases = {"version": self.command([*self.python, "--version"])}
        for size, lib in self.libs.items():
            cases[str(size)] = partial(
                timed_allowing_failure,
                [*self.python, "digest", str(lib), "--since", tomorrow],
                self.env,
            )
        medians = self.interleaved(cases)
        values = {s: (medians[str(s)] - medians["version"]) * 1000 for s in self.libs}
        self.add("`digest --since DATE` (none that recent), beyond --version", values, "ms", "flat")

    def bookmark(self) -> None:
        from bookmarks import fake_collection

        from briefing.bookmarks import BookmarkStore

        self._rebuild_caches()
        # The store records its fingerprint of the file in the cache folder:
        # the one the timed processes look in (else every run reads the whole
        # file as another program's: 0.3 s of checking, not `add`).
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            os.environ[name] = self.env[name]
        path = self.scratch / "bookmarks.json"
        store = BookmarkStore(path)
        collection = fake_collection(BOOKMARK_ENTRIES, 3, 0)
        store.update(lambda _old: collection)
        pristine = path.read_bytes()

        def restore() -> None:  # each run adds the same article to the same file
            from briefing.bookmarks.store import _stat_fingerprint

            path.write_bytes(pristine)
            # ...as the store had just written it (as benchmarks/bookmarks.py
            # does): the fingerprint it keeps is of the file's status, which
            # the write above changed.
            store._fingerprints.remember(_stat_fingerprint(path.stat()))

        cases = {"version": self.command([*self.python, "--version"])}
        for size, lib in self.libs.items():
            article = _first_id(lib)
            args = [*self.python, "bookmarks", "add", article, "--bookmarks", str(path),
                    "--library", str(lib)]  # fmt: skip
            cases[str(size)] = partial(timed, args, self.env, before=restore)
        medians = self.interleaved(cases)
        self.notes.append(f"`briefing --version`: {medians['version'] * 1000:.0f} ms")
        beyond = {s: (medians[str(s)] - medians["version"]) * 1000 for s in self.libs}
        self.add(f"bookmarks add ({BOOKMARK_ENTRIES:,} entries), ms beyond --version", beyond,
                 "ms", "<= 50 ms at 100,000")  # fmt: skip
        cpu = {s: (self.cpu[str(s)] - self.cpu["version"]) * 1000 for s in self.libs}
        self.add("  same in CPU time, ms", cpu, "ms")

    def rss(self) -> None:
        self._rebuild_caches()
        script = self.scratch / "rss.py"
        script.write_text(RSS_SCRIPT)
        peaks = {}
        for size, lib in self.libs.items():
            home = self.scratch / f"rss-home-{size}"
            home.mkdir(exist_ok=True)
            out = subprocess.run([sys.executable, str(script), str(lib), search_word(lib),
                                  str(home)], env=self.env, cwd=ROOT, capture_output=True,
                                 text=True, check=True)  # fmt: skip
            peaks[size] = int(out.stdout.split()[-1]) / 1_048_576
        self.add("reader peak RSS, 50 opened + 1 search, MB", peaks, "MB", "<= 300 MB at 100,000")

    def facts(self) -> None:
        from briefing.library.load import find_article_files

        self._rebuild_caches()
        times, changed = {}, {}
        for size, lib in self.libs.items():
            if size > self.facts_up_to:
                self.notes.append(f"`briefing facts` on {size:,}: not measured (--facts-up-to)")
                continue
            args = [*self.python, "facts", str(lib), "--format", "json"]
            cold = timed(args, self.env)  # fills the derived cache
            self.notes.append(f"`briefing facts` on {size:,}, first (cold) run: {cold:.1f} s")
            runs = [timed(args, self.env) for _ in range(max(1, self.runs // 2))]
            times[size] = median(runs)
            # As after `briefing update`: one file changed (its status: touched),
            # every other article's facts in the cache.
            first = find_article_files([lib])[0]
            changed[size] = median(
                [self._touched(first, args) for _ in range(max(1, self.runs // 2))]
            )
        self.add("`briefing facts` across the library, warm, s", times, "s", "<= 10 s at 100,000")
        self.add("  the same after one file changed, s", changed, "s")

    def _touched(self, path: Path, args: list[str]) -> float:
        os.utime(path)  # a new modification and status time, the text unchanged
        return timed(args, self.env)


def timed_allowing_failure(args: list[str], env: dict[str, str]) -> float:
    """Wall seconds of a command whose exit status does not matter."""
    start = time.perf_counter()
    subprocess.run(args, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _first_id(library: Path) -> str:
    from briefing.library.load import find_article_files, load_article_file

    return load_article_file(find_article_files([library])[0])[0].id


def _cell(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit in ("/s", "ms", "MB"):
        return f"{value:,.0f}{' ' + unit if unit != '/s' else '/s'}"
    if unit == "x":
        return f"{value:.2f}x"
    return f"{value:,.2f} {unit}"


def report(bench: Bench) -> None:
    sizes = list(bench.libs)
    head = ["figure", *(f"{s:,}" for s in sizes), "growth", "target"]
    lines = []
    for name, values, unit, target in bench.rows:
        cells = [_cell(values.get(s), unit) for s in sizes]
        growth = " → ".join(
            f"{values[b] / values[a]:.2f}x"
            for a, b in itertools.pairwise(sizes)
            if values.get(a) and values.get(b)
        )
        lines.append([name, *cells, growth, target])
    widths = [max(len(row[i]) for row in [head, *lines]) for i in range(len(head))]
    for row in [head, *lines]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    print()
    for note in bench.notes:
        print(f"  {note}")
    print(f"  load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--libraries", type=Path, default=Path("/tmp/briefing-scale"))
    parser.add_argument("--quick", action="store_true", help="3 and 10,000 articles only")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", nargs="+", choices=FIGURES, default=list(FIGURES))
    parser.add_argument(
        "--facts-up-to",
        type=int,
        metavar="N",
        help="measure `facts` only on libraries of at most N articles (its first run on"
        " 100,000 extracts facts from every article: about half an hour here)",
    )
    parser.add_argument(
        "--home",
        type=Path,
        help="keep the XDG folders (index, derived cache) here between runs, so that a"
        " later run finds warm caches (default: a scratch folder, removed afterwards)",
    )
    args = parser.parse_args()
    sizes = SIZES[:2] if args.quick else SIZES
    libs = libraries(args.libraries, sizes)
    print(f"load average at the start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with scratch_folder() as scratch:
        bench = Bench(scratch, libs, args.runs, args.home)
        if args.facts_up_to is not None:
            bench.facts_up_to = args.facts_up_to
        for figure in FIGURES:
            if figure in args.only:
                print(f"measuring {figure} …", file=sys.stderr, flush=True)
                getattr(bench, figure)()
        report(bench)


if __name__ == "__main__":
    main()
