"""Giving memory that was freed back to the system after a large build.

Building the read model or the analytics' snapshot of a large graph makes and drops hundreds of
megabytes of temporary buffers (query results, Arrow arrays, Python objects). The allocators
keep what was freed for later use, so the process would stay at its peak: Arrow's pool and
glibc's heap are asked to return their free pages.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
from collections.abc import Callable
from functools import cache

import pyarrow as pa

logger = logging.getLogger("poikki.memory")


def release_freed_memory() -> None:
    pa.default_memory_pool().release_unused()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, or None where the C library has none (musl, macOS)."""
    name = ctypes.util.find_library("c")
    try:
        function = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError, TypeError):
        logger.debug("No malloc_trim in the C library %s", name)
        return None
    function.argtypes = [ctypes.c_size_t]
    function.restype = ctypes.c_int
    trim: Callable[[int], int] = function
    return trim
