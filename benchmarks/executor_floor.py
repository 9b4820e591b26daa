"""What strawberry and graphql-core alone cost for the shape of the 3-level nested query.

The same document shape as (c) — 10 programmes → 10 projects each → 10 participants each
(a union of two types), connections resolved by async fields, 1,110 edges in all — over plain
Python objects built in the resolvers: no store, no DataLoader, no HTTP, no limits. No server
can answer (c) faster than this without leaving strawberry's executor.

    python -m benchmarks.executor_floor
"""

from __future__ import annotations

import asyncio
import statistics
import time
from typing import Annotated

import strawberry

QUERY = """
{ programmes(first: 10) { edges { node { name projects(first: 10) { edges { node { name
  participants(first: 10) { edges { node { __typename } } } } } } } } } }
"""


@strawberry.type
class Person:
    name: str


@strawberry.type
class Organisation:
    name: str


Actor = Annotated[Person | Organisation, strawberry.union("Actor")]


@strawberry.type
class ActorEdge:
    node: Actor
    role: str | None


@strawberry.type
class ActorConnection:
    edges: list[ActorEdge]


@strawberry.type
class Project:
    name: str

    @strawberry.field
    async def participants(self, first: int = 10) -> ActorConnection:
        actors = [
            Person(name=f"p{i}") if i % 3 else Organisation(name=f"o{i}") for i in range(first)
        ]
        return ActorConnection(edges=[ActorEdge(node=a, role=None) for a in actors])


@strawberry.type
class ProjectEdge:
    node: Project


@strawberry.type
class ProjectConnection:
    edges: list[ProjectEdge]


@strawberry.type
class Programme:
    name: str

    @strawberry.field
    async def projects(self, first: int = 10) -> ProjectConnection:
        return ProjectConnection(
            edges=[ProjectEdge(node=Project(name=f"{i}")) for i in range(first)]
        )


@strawberry.type
class ProgrammeEdge:
    node: Programme


@strawberry.type
class ProgrammeConnection:
    edges: list[ProgrammeEdge]


@strawberry.type
class Query:
    @strawberry.field
    async def programmes(self, first: int = 10) -> ProgrammeConnection:
        return ProgrammeConnection(
            edges=[ProgrammeEdge(node=Programme(name=f"{i}")) for i in range(first)]
        )


def measure(repeat: int = 60) -> dict[str, float]:
    schema = strawberry.Schema(Query)

    async def run() -> list[float]:
        for _ in range(5):
            await schema.execute(QUERY)
        timings = []
        for _ in range(repeat):
            started = time.perf_counter()
            result = await schema.execute(QUERY)
            timings.append((time.perf_counter() - started) * 1000)
            if result.errors:
                raise SystemExit(f"executor floor query failed: {result.errors}")
        return timings

    timings = asyncio.run(run())
    return {"p50_ms": statistics.median(timings), "min_ms": min(timings), "edges": 1110}


if __name__ == "__main__":
    figures = measure()
    p50, fastest = figures["p50_ms"], figures["min_ms"]
    print(f"strawberry executor, 1,110 edges: p50 {p50:.1f} ms, min {fastest:.1f} ms")
