"""Digests without OpenSSL: the same values as hashlib's, and hashlib once
a process hashes a lot."""

from __future__ import annotations

import hashlib
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from briefing.storage import digests


@given(st.lists(st.binary(max_size=300), max_size=4))
def test_the_builtin_sha256_gives_hashlibs_digests(parts: list[bytes]) -> None:
    assert digests._builtin_sha256 is not None  # CPython 3.11 has it
    expected = hashlib.sha256(b"".join(parts)).hexdigest()
    assert digests._hashed_with(digests._builtin_sha256(), parts) == expected
    assert digests.sha256_hex(*parts) == expected


def test_a_few_digests_do_not_load_openssl_and_many_move_to_it() -> None:
    # A fresh process: this one has imported hashlib long ago.
    script = """
import sys
from briefing.storage.digests import BUILTIN_BYTES, sha256_hex
small = [sha256_hex(b"article %d" % n) for n in range(100)]
print("hashlib" in sys.modules)
big = sha256_hex(b"x" * BUILTIN_BYTES, b"y")
print("hashlib" in sys.modules)
import hashlib
assert small == [hashlib.sha256(b"article %d" % n).hexdigest() for n in range(100)]
assert big == hashlib.sha256(b"x" * BUILTIN_BYTES + b"y").hexdigest()
assert sha256_hex(b"after") == hashlib.sha256(b"after").hexdigest()
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]
