"""Python functions compiled to machine code by numba, imported only where one first runs.

Importing numba costs about half a second and a hundred megabytes: the serving process, which
hands every heavy question to a forked child (`isolation.py`), never pays for it; a child that
runs a compiled function loads it from numba's cache on disk (compiled once, on first use).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, ParamSpec, TypeVar, cast

P = ParamSpec("P")
R = TypeVar("R")


class Compiled(Generic[P, R]):
    """``function`` compiled on its first call: nopython, without the GIL, cached on disk.
    It may call no other compiled function (numba would need to see that one compiled)."""

    def __init__(self, function: Callable[P, R]) -> None:
        self.function = function
        self.machine_code: Any = None

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        if self.machine_code is None:
            import numba

            self.machine_code = numba.njit(cache=True, nogil=True)(self.function)
        return cast(R, self.machine_code(*args, **kwargs))


def compiled(function: Callable[P, R]) -> Compiled[P, R]:
    return Compiled(function)
