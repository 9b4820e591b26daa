"""The benchmark's HTTP client: aiohttp, whose own cost per request is small beside the server's.

A client's work is in every latency it reports. Against a bare ASGI app on the same uvicorn
(a constant body, no Poikki), one request took, p50 on the same machine in one sitting
(2026-12-02): 0.2 ms from a hand-written HTTP/1.1 loop, 0.5 ms from aiohttp, 1.6 ms from
httpx. So httpx, the client until then, added over a millisecond to every row, and under load
its parsing ran on the core the server could otherwise have had. Answers are decoded with
orjson after the clock has stopped, as before.
"""

from __future__ import annotations

import time
from types import TracebackType
from typing import Any

import aiohttp
import orjson

Variables = dict[str, Any]
_JSON = {"content-type": "application/json"}


class Client:
    """One keep-alive connection pool to `base`; at most `connections` requests at once."""

    def __init__(self, base: str, *, timeout: float, connections: int = 8) -> None:
        self.base = base
        self.timeout = timeout
        self.connections = connections
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> Client:
        self._session = aiohttp.ClientSession(
            self.base,
            connector=aiohttp.TCPConnector(limit=self.connections),
            timeout=aiohttp.ClientTimeout(total=self.timeout),
        )
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._session is not None:
            await self._session.close()

    @property
    def session(self) -> aiohttp.ClientSession:
        assert self._session is not None, "use the client in `async with`"
        return self._session

    async def post(
        self, query: str, variables: Variables
    ) -> tuple[float, dict[str, Any] | None, str | None]:
        """(milliseconds, data, error) of one GraphQL request: from sending it to having read
        the whole answer."""
        body = orjson.dumps({"query": query, "variables": variables})
        started = time.perf_counter()
        async with self.session.post("/graphql", data=body, headers=_JSON) as response:
            raw = await response.read()
        elapsed = (time.perf_counter() - started) * 1000
        if response.status != 200:
            return elapsed, None, f"HTTP {response.status}: {raw[:300].decode(errors='replace')}"
        answer = orjson.loads(raw)
        if answer.get("errors"):
            return elapsed, None, str(answer["errors"])[:300]
        data: dict[str, Any] = answer["data"]
        return elapsed, data, None

    async def get(self, path: str, status: int) -> tuple[float, str | None]:
        """(milliseconds, error) of one plain GET."""
        started = time.perf_counter()
        async with self.session.get(path) as response:
            await response.read()
        elapsed = (time.perf_counter() - started) * 1000
        if response.status != status:
            return elapsed, f"HTTP {response.status}, expected {status}"
        return elapsed, None

    async def get_json(self, path: str) -> Any:
        async with self.session.get(path) as response:
            return orjson.loads(await response.read())
