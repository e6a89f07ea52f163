"""The index on large libraries: folder-level freshness, worker processes, resuming.

Large-library behaviour is switched on for small test libraries by lowering
the thresholds (``FULL_CHECK_FILES``, ``POOL_MIN_FILES``); the code paths are
the real ones, on real files and a real SQLite file.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import ROOT, write

from briefing.search import SearchIndex, reading
from briefing.storage import processes


@pytest.fixture
def large(monkeypatch: pytest.MonkeyPatch) -> None:
    """Treat every library as large: no stat of every file on each refresh."""
    monkeypatch.setattr("briefing.search.refresh.FULL_CHECK_FILES", 0)


def story(number: int, word: str = "") -> str:
    return f"Story {number}\n\nWord{number} appears here. {word}\n"


def library(folder: Path, layout: dict[str, int]) -> Path:
    """Files in subfolders: {"a": 3} makes a/0.txt, a/1.txt, a/2.txt."""
    number = 0
    for sub, count in layout.items():
        for n in range(count):
            write(folder / sub / f"{n}.txt", story(number))
            number += 1
    return folder


def age(folder: Path, seconds: float = 60) -> None:
    """Date every folder back, as if written a minute ago (not racy any more)."""
    when = time.time() - seconds
    for path in [folder, *(p for p in folder.rglob("*") if p.is_dir())]:
        os.utime(path, (when, when))


def replace(path: Path, text: str) -> None:
    """Save as editors that write a new file and rename it over the old one."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def titles(index: SearchIndex, query: str) -> list[str]:
    return sorted(hit.entry.title for hit in index.search(query, limit=None).hits)


@pytest.fixture
def stats(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The paths os.stat is called on (the real call, counted)."""
    seen: list[str] = []
    real: Callable[..., os.stat_result] = os.stat

    def counting(path: str, *args: object, **kwargs: object) -> os.stat_result:
        seen.append(os.fspath(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", counting)
    yield seen


@pytest.mark.usefixtures("large")
def test_only_changed_folders_are_looked_into(tmp_path: Path, stats: list[str]) -> None:
    folder = library(tmp_path / "lib", {"a": 3, "b": 3, "c/d": 2})
    age(folder)
    with SearchIndex([folder]) as index:
        assert index.refresh().added == 8
        age(folder)
        index.refresh()  # records the folders as they are now
        stats.clear()
        nothing = index.refresh()
        assert (nothing.read, nothing.removed, nothing.unchanged) == (0, 0, 8)
        assert not [p for p in stats if p.endswith(".txt")]  # no file was looked at

        replace(folder / "a" / "1.txt", story(1, "lighthouse"))
        stats.clear()
        changed = index.refresh()
        assert (changed.added, changed.changed, changed.removed) == (0, 1, 0)
        assert titles(index, "lighthouse") == ["Story 1"]
        looked_at = [p for p in stats if p.endswith(".txt")]
        assert set(looked_at) == {str(folder / "a" / "1.txt")}  # not the others, not b's


@pytest.mark.usefixtures("large")
def test_added_and_removed_files_and_folders_are_seen(tmp_path: Path) -> None:
    folder = library(tmp_path / "lib", {"a": 2, "b/deep": 2})
    age(folder)
    with SearchIndex([folder]) as index:
        index.refresh()
        write(folder / "a" / "new.txt", "Lighthouse Restored\n\nThe lighthouse shines.\n")
        (folder / "a" / "0.txt").unlink()
        result = index.refresh()
        assert (result.added, result.removed) == (1, 1)
        assert titles(index, "lighthouse") == ["Lighthouse Restored"]
        assert titles(index, "word0") == []

        write(folder / "b" / "deep" / "er" / "x.txt", "Deeper Still\n\nA cave was found.\n")
        assert index.refresh().added == 1
        assert titles(index, "cave") == ["Deeper Still"]

        for path in sorted((folder / "b").rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
        (folder / "b").rmdir()
        gone = index.refresh()
        assert gone.removed == 3
        assert titles(index, "word2") == titles(index, "cave") == []
        assert len(index) == 2


@pytest.mark.usefixtures("large")
def test_a_file_rewritten_in_place_is_seen_by_a_full_check(tmp_path: Path) -> None:
    folder = library(tmp_path / "lib", {"a": 2})
    path = folder / "a" / "0.txt"
    age(folder)
    with SearchIndex([folder]) as index:
        index.refresh()
        index.refresh()
        path.write_text(story(0, "walrus"), encoding="utf-8")  # same inode, folder untouched
        assert index.refresh().read == 0  # the documented limit of large libraries
        assert titles(index, "walrus") == []
        assert index.refresh(full=True).changed == 1
        assert titles(index, "walrus") == ["Story 0"]


@pytest.mark.usefixtures("large")
def test_a_file_rewritten_in_place_is_seen_within_the_hour(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = library(tmp_path / "lib", {"a": 2})
    age(folder)
    with SearchIndex([folder]) as index:
        index.refresh()
        index.refresh()
        (folder / "a" / "0.txt").write_text(story(0, "walrus"), encoding="utf-8")
        assert index.refresh().read == 0  # checked in full less than an hour ago
        monkeypatch.setattr("briefing.search.refresh.FULL_CHECK_SECONDS", 0)
        assert index.refresh().changed == 1
        assert titles(index, "walrus") == ["Story 0"]


def test_small_libraries_still_see_files_rewritten_in_place(tmp_path: Path) -> None:
    folder = library(tmp_path / "lib", {"a": 2})
    age(folder)
    with SearchIndex([folder]) as index:
        index.refresh()
        index.refresh()
        (folder / "a" / "0.txt").write_text(story(0, "walrus"), encoding="utf-8")
        assert index.refresh().changed == 1
        assert titles(index, "walrus") == ["Story 0"]


@pytest.mark.usefixtures("large")
def test_a_problem_file_fixed_in_place_is_seen(tmp_path: Path) -> None:
    folder = library(tmp_path / "lib", {"a": 2})
    write(folder / "a" / "empty.txt", "")
    age(folder)
    with SearchIndex([folder]) as index:
        assert [p.reason for p in index.refresh().problems] == ["empty file"]
        assert [p.reason for p in index.refresh().problems] == ["empty file"]
        (folder / "a" / "empty.txt").write_text("Not Empty Now\n\nIt has words.\n")
        fixed = index.refresh()
        assert fixed.problems == () and fixed.changed == 1
        assert titles(index, "words") == ["Not Empty Now"]


def test_a_folder_changed_just_after_listing_is_listed_again(tmp_path: Path) -> None:
    """A folder modified within the clock's granularity is not trusted yet."""
    folder = library(tmp_path / "lib", {"a": 1})
    with SearchIndex([folder]) as index:
        index.refresh()
        before = (folder / "a").stat()
        write(folder / "a" / "late.txt", "Late Arrival\n\nIt came late.\n")
        # The same folder time as when it was listed, as a coarse clock can give.
        os.utime(folder / "a", ns=(before.st_atime_ns, before.st_mtime_ns))
        assert index.refresh().added == 1


@pytest.fixture
def pooled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read with worker processes from 100 files on (normally 1,000)."""
    monkeypatch.setattr(reading, "POOL_MIN_FILES", 100)
    monkeypatch.setattr(processes, "cpu_count", lambda: 2)


@pytest.mark.usefixtures("pooled")
def test_worker_processes_read_what_this_process_would(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    for n in range(250):
        write(folder / f"{n:03}.txt", story(n))
    write(folder / "copy.txt", story(7))  # the same text twice is one article
    write(folder / "zz-empty.txt", "")
    with SearchIndex([folder]) as index:
        result = index.refresh()
        assert (result.added, [p.path.name for p in result.problems]) == (252, ["zz-empty.txt"])
        assert len(index) == 250
        assert titles(index, "word7") == ["Story 7"]
        assert [h.entry.path.name for h in index.search("word7").hits] == ["007.txt"]


@pytest.mark.usefixtures("pooled")
def test_an_interrupted_first_index_resumes_where_it_stopped(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    for n in range(450):
        write(folder / f"{n:03}.txt", story(n))
    write(folder / "000-copy.txt", story(420))  # sorts first; its twin is read after the stop

    def stop(done: int, total: int) -> None:
        if done >= 400:
            raise KeyboardInterrupt

    with SearchIndex([folder]) as index:
        with pytest.raises(KeyboardInterrupt):
            index.refresh(progress=stop)
        assert len(index) == 400  # two batches were committed
        read: list[int] = []
        result = index.refresh(progress=lambda done, total: read.append(total))
        assert (result.added, result.unchanged) == (51, 400)
        assert read[0] == 51  # only the rest was read
        assert len(index) == 450
        # The copy found first is the one shown, across the interruption.
        assert [h.entry.path.name for h in index.search("word420").hits] == ["000-copy.txt"]


def _indexed_files(cache: Path) -> int:
    count = 0
    for path in cache.rglob("library-*.sqlite3"):
        connection = sqlite3.connect(path)
        with contextlib.suppress(sqlite3.OperationalError):  # not made yet
            count += connection.execute("SELECT count(*) FROM files").fetchone()[0]
        connection.close()
    return count


def test_ctrl_c_during_a_first_index_keeps_what_was_done(tmp_path: Path) -> None:
    """The real command, interrupted by SIGINT in the middle of a first index."""
    folder = tmp_path / "lib"
    for n in range(3_000):
        write(folder / f"{n:04}.txt", story(n, "lorem ipsum dolor " * 200))
    env = dict(os.environ, PYTHONPATH=str(ROOT), XDG_CACHE_HOME=str(tmp_path / "cache"))
    command = [sys.executable, "-m", "briefing", "search", "word2999", str(folder)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while _indexed_files(tmp_path / "cache") < 200 and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    kept = _indexed_files(tmp_path / "cache")
    assert process.returncode != 0 and b"Traceback" not in stderr
    assert 200 <= kept < 3_000
    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0 and "Story 2999" in again.stdout
    assert _indexed_files(tmp_path / "cache") == 3_000


WORKERS_UNDER_A_UI = """
import multiprocessing, sys
from pathlib import Path
from briefing.search import reading
from briefing.storage import processes
from briefing.storage import processes

class Replaced:  # what Textual puts in sys.stderr while it runs: no real descriptor
    def write(self, text): return len(text)
    def flush(self): pass
    def fileno(self): return -1

def main():
    sys.stderr = Replaced()
    reading.POOL_MIN_FILES = 10
    processes.cpu_count = lambda: 2
    paths = sorted(str(p) for p in Path(sys.argv[1]).iterdir())
    found, workers = [], 0
    for path, result in reading.read_files(paths, 5 << 20):
        workers = max(workers, len(multiprocessing.active_children()))
        found.append(result[0].title)
    print(len(found), workers)

if __name__ == "__main__":
    main()
"""


def test_worker_processes_start_under_a_ui_that_replaced_stderr(tmp_path: Path) -> None:
    """Textual replaces sys.stderr; multiprocessing's resource tracker needs a real one."""
    folder = tmp_path / "lib"
    for n in range(60):
        write(folder / f"{n:02}.txt", story(n))
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    script = tmp_path / "ui.py"
    script.write_text(WORKERS_UNDER_A_UI)
    done = subprocess.run(
        [sys.executable, str(script), str(folder)], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    count, workers = map(int, done.stdout.split())
    assert count == 60 and workers == 2  # read by the workers, not by the fallback
