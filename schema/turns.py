"""Long lists completed in turns, so that one large answer never holds the event loop.

graphql-core completes a plain list in one go; an async iterable it completes item by item,
awaiting each. Handing it the items of a large list through `in_turns` lets the loop serve
other requests (and the request's time budget stop this one) every `TURN` items.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable
from typing import TypeVar

T = TypeVar("T")

TURN = 256


async def in_turns(items: Iterable[T]) -> AsyncIterator[T]:
    for count, item in enumerate(items, 1):
        yield item
        if count % TURN == 0:
            await asyncio.sleep(0)
