"""SHA-256 and BLAKE2 digests, without loading OpenSSL for a few small ones.

``import hashlib`` loads OpenSSL's bindings (``_hashlib``): about 2.5 ms,
more than all the hashing a one-shot command does (an article's id and
digest, a file's key: a few kilobytes). Python's own implementations give
the same digests without that. OpenSSL is faster on long input (five times,
with the processor's SHA instructions), so a process that has hashed more
than ``BUILTIN_BYTES`` (indexing a library, fingerprinting the code) moves
to hashlib: the import costs less than what it then saves.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
from collections.abc import Iterable
from typing import Any

__all__ = ["BUILTIN_BYTES", "blake2b", "sha256_hex"]

# About what Python's SHA-256 hashes in the 2.5 ms that importing hashlib takes.
BUILTIN_BYTES = 1 << 20


def _builtin() -> Any:
    """Python's own SHA-256: ``_sha256`` up to 3.11, ``_sha2`` after; None in a
    Python built without its own hashes (then hashlib's is the only one)."""
    for name in ("_sha256", "_sha2"):
        with contextlib.suppress(ImportError):
            return importlib.import_module(name).sha256
    return None


_builtin_sha256 = _builtin()

try:
    from _blake2 import blake2b  # hashlib's own BLAKE2 (hashlib takes it from here too)
except ImportError:  # pragma: no cover - other Pythons
    from hashlib import blake2b

_hashed = 0  # bytes hashed by the built-in SHA-256 so far (a rough count across threads)


def sha256_hex(*parts: bytes) -> str:
    """The SHA-256 of the parts one after the other, in hex."""
    global _hashed
    size = sum(len(part) for part in parts)
    if _builtin_sha256 is not None and "hashlib" not in sys.modules:
        _hashed += size
        if _hashed <= BUILTIN_BYTES:
            return _hashed_with(_builtin_sha256(), parts)
    import hashlib

    return _hashed_with(hashlib.sha256(), parts)


def _hashed_with(digest: Any, parts: Iterable[bytes]) -> str:
    for part in parts:
        digest.update(part)
    return str(digest.hexdigest())
