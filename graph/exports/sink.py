"""A write-only file that hands on what was written in chunks, so a writer that expects a
file (lxml's xmlfile, zipfile, csv) can feed a streaming response."""

from __future__ import annotations

CHUNK = 64 * 1024


class Chunks:
    def __init__(self) -> None:
        self._parts: list[bytes] = []
        self._size = 0

    def write(self, data: bytes, /) -> int:
        part = bytes(data)
        self._parts.append(part)
        self._size += len(part)
        return len(part)

    def flush(self) -> None:
        """Nothing to flush: `take` hands the bytes on."""

    def close(self) -> None:
        """Nothing to close: what is left is taken after the writer finishes."""

    @property
    def full(self) -> bool:
        return self._size >= CHUNK

    def take(self) -> bytes:
        data = b"".join(self._parts)
        self._parts.clear()
        self._size = 0
        return data
