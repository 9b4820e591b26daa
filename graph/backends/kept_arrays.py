"""Arrays a read model worked out once (which nodes a filter keeps, their ranks in an order),
kept for the model's version: the least recently used go first beyond a count, and each one
is read-only, since every later reader shares it."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

import numpy as np


class KeptArrays:
    def __init__(self, size: int) -> None:
        self.size = size
        self._found: OrderedDict[Hashable, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def held(self) -> dict[Hashable, np.ndarray]:
        with self._lock:
            return dict(self._found)

    def get(self, key: Hashable) -> np.ndarray | None:
        with self._lock:
            found = self._found.get(key)
            if found is not None:
                self._found.move_to_end(key)
            return found

    def keep(self, key: Hashable, array: np.ndarray) -> np.ndarray:
        array.flags.writeable = False
        with self._lock:
            self._found[key] = array
            while len(self._found) > self.size:
                self._found.popitem(last=False)
        return array

    def recall(self, key: Hashable, evaluate: Callable[[], np.ndarray]) -> np.ndarray:
        found = self.get(key)
        return self.keep(key, evaluate()) if found is None else found
