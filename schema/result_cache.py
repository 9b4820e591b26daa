"""Answers of queries kept until the graph changes: a repeated query (a dashboard, a visualiser
refreshing) is answered without running its resolvers again.

An answer is kept per (document, operation, variables, the asker's role, graph version, write
generation) and only when it has no errors. Any write to the graph moves the store's version
on; writes the version does not count (tokens made or revoked, which the admin's `tokens` list
shows) are covered by the write generation, which every mutation a writer (an editor or an
admin) runs through this server moves on, emptying the cache. So nothing stale is ever served
by this process. Both count this process's writes only, so the cache is for a single server
process over its database (the embedded default, where no other process can write while the
server holds it); with several processes writing to one Neo4j, turn it off
(POIKKI_RESULT_CACHE_MB=0).
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Hashable, Iterator
from typing import Any, cast

import orjson
from graphql import ExecutionResult
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from schema.answer_json import answer_bytes
from schema.writes import may_write


class ResultStore:
    """A least-recently-used store of answers within a budget of bytes.

    Answers are kept as their JSON bytes, not as the objects graphql-core built (which take
    five to ten times the room), and served as those bytes: the answer's `data` is an orjson
    Fragment, which the response's encoder (schema/answer_json.py) writes as it is."""

    def __init__(self, budget_bytes: int) -> None:
        self.budget = budget_bytes
        self.used = 0
        self.hits = 0
        self.misses = 0
        self._answers: OrderedDict[Hashable, bytes] = OrderedDict()
        self._lock = threading.Lock()
        self.generation = 0
        """Moved on by every write the store's version may not count; part of every key."""

    def written(self) -> None:
        """A write may have happened: answers kept so far are never served again."""
        with self._lock:
            self.generation += 1
            self._answers.clear()
            self.used = 0

    def get(self, key: Hashable) -> ExecutionResult | None:
        with self._lock:
            found = self._answers.get(key)
            if found is None:
                self.misses += 1
                return None
            self._answers.move_to_end(key)
            self.hits += 1
        return ExecutionResult(data=cast(dict[str, Any], orjson.Fragment(found)), errors=None)

    def put(self, key: Hashable, result: ExecutionResult) -> None:
        answer = answer_bytes(result.data)
        if len(answer) > self.budget // 8:
            return  # one answer may not push out most of the others
        with self._lock:
            replaced = self._answers.pop(key, None)
            self.used -= len(replaced or b"")
            self._answers[key] = answer
            self.used += len(answer)
            while self.used > self.budget:
                _, dropped = self._answers.popitem(last=False)
                self.used -= len(dropped)


class ResultCache(SchemaExtension):
    def __init__(self, *, store: ResultStore) -> None:
        self.answers = store

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        if context.operation_type is OperationType.MUTATION:
            yield
            if may_write(context.context):
                self.answers.written()
            return
        key = self._key() if context.result is None else None
        if key is not None:
            cached = self.answers.get(key)
            if cached is not None:
                context.result = cached
                yield
                return
        yield
        result = context.result
        if (
            key is not None
            and isinstance(result, ExecutionResult)
            and not result.errors
            and not result.extensions
        ):
            self.answers.put(key, result)

    def _key(self) -> Hashable | None:
        context = self.execution_context
        if context.operation_type is not OperationType.QUERY or context.query is None:
            return None
        asker = getattr(context.context, "viewer", None)
        store = getattr(context.context, "store", None)
        if store is None:
            return None
        variables = json.dumps(context.variables or {}, sort_keys=True, default=str)
        role = getattr(asker, "role", None)
        generation = self.answers.generation
        return (
            context.query,
            context.operation_name,
            variables,
            str(role),
            store.version,
            generation,
        )
