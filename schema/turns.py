"""Long lists completed in turns, so that one large answer never holds the event loop.

graphql-core completes a plain list in one go; an async iterable it completes item by item,
awaiting each. Handing it the items of a large list through `in_turns` lets the loop serve
other requests (and the request's time budget stop this one) every `TURN` items. The planned
executor (schema/planned_executor.py) knows `InTurns` and completes its items a turn at a
time without awaiting each.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable
from typing import Generic, TypeVar

T = TypeVar("T")

TURN = 256


class InTurns(Generic[T]):
    """Items to complete `TURN` at a time, as an async iterable."""

    __slots__ = ("items",)

    def __init__(self, items: Iterable[T]) -> None:
        self.items = items

    def __aiter__(self) -> AsyncIterator[T]:
        return _one_by_one(self.items)


def in_turns(items: Iterable[T]) -> InTurns[T]:
    return InTurns(items)


async def _one_by_one(items: Iterable[T]) -> AsyncIterator[T]:
    for count, item in enumerate(items, 1):
        yield item
        if count % TURN == 0:
            await asyncio.sleep(0)
