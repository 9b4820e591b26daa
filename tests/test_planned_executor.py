"""The planned executor's fallbacks answer as graphql-core does, on a small schema that has
what Poikki's does not yet: values cast with `strawberry.cast`, a type with its own
`is_type_of`, a generic type behind a union, tuples and generators for lists, nulls in lists of
non-null items, and reads that raise in lists and in non-null fields."""

from __future__ import annotations

import asyncio
import json
from typing import Annotated, Any, Generic, TypeVar

import pytest
import strawberry
from graphql import GraphQLResolveInfo
from strawberry.types.cast import cast

from schema.planned_executor import PlannedExecutor

T = TypeVar("T")


@strawberry.type
class Dog:
    name: str


@strawberry.type
class Cat:
    name: str

    @strawberry.field
    def lives(self) -> int:
        if self.name == "unlucky":
            raise ValueError("no lives left")
        return 9


class Row:
    """Not a strawberry type: completed as a Cat by a cast or by Picky's is_type_of."""

    def __init__(self, name: str) -> None:
        self.name = name


@strawberry.type
class Picky:
    name: str

    @classmethod
    def is_type_of(cls, value: Any, _info: GraphQLResolveInfo) -> bool:
        return isinstance(value, Row)


@strawberry.type
class Box(Generic[T]):
    item: T


Pet = Annotated[Dog | Cat, strawberry.union("Pet")]
Holder = Annotated[Box[Dog] | Box[Cat], strawberry.union("Holder")]


@strawberry.type
class Query:
    pets: list[Pet] = strawberry.field(
        default_factory=lambda: [Dog(name="a"), Cat(name="b"), Dog(name="c")]
    )
    pets_tuple: list[Pet] = strawberry.field(default_factory=lambda: (Dog(name="t"),))
    maybe_pets: list[Pet | None] = strawberry.field(
        default_factory=lambda: [Dog(name="a"), None, Cat(name="b")]
    )
    strict_pets: list[Pet] = strawberry.field(
        default_factory=lambda: [Dog(name="a"), None]  # type: ignore[list-item]
    )
    cats: list[Cat] = strawberry.field(
        default_factory=lambda: [Cat(name="fine"), Cat(name="unlucky"), Cat(name="also")]
    )
    maybe_cats: list[Cat | None] = strawberry.field(
        default_factory=lambda: [Cat(name="fine"), Cat(name="unlucky")]
    )
    cast_pets: list[Pet] = strawberry.field(
        default_factory=lambda: [cast(Cat, Row("cast")), Dog(name="d")]
    )
    picky: list[Picky] = strawberry.field(default_factory=lambda: [Row("r")])  # type: ignore[list-item]
    wrong: Dog = strawberry.field(default_factory=lambda: Cat(name="not a dog"))  # type: ignore[assignment]
    boxes: list[Holder] = strawberry.field(
        default_factory=lambda: [Box(item=Dog(name="boxed")), Box(item=Cat(name="boxed"))]
    )

    @strawberry.field
    def generated(self) -> list[Pet]:
        return (pet for pet in [Dog(name="g")])  # type: ignore[return-value]

    @strawberry.field
    def unlucky(self) -> Cat:
        return Cat(name="unlucky")

    @strawberry.field
    def maybe_unlucky(self) -> Cat | None:
        return Cat(name="unlucky")


QUERIES = [
    "{ pets { __typename ... on Dog { name } ... on Cat { name lives } } }",
    "{ petsTuple { __typename } maybePets { __typename } }",
    "{ strictPets { __typename } }",
    "{ cats { name lives } }",
    "{ maybeCats { name lives } maybeUnlucky { lives name } }",
    "{ castPets { __typename ... on Cat { name } } }",
    "{ picky { name __typename } }",
    "{ wrong { name } }",
    "{ boxes { __typename ... on DogBox { item { name } } ... on CatBox { item { lives } } } }",
    "{ generated { __typename } }",
    "{ unlucky { lives } pets { __typename } }",
    "{ a: pets { ... P } b: cats { __typename } } fragment P on Cat { name }",
]


def _answer(schema: strawberry.Schema, query: str) -> str:
    result = asyncio.run(schema.execute(query, root_value=Query()))
    errors = [error.formatted for error in result.errors or []]
    return json.dumps({"data": result.data, "errors": errors})


@pytest.fixture(scope="module")
def schemas() -> tuple[strawberry.Schema, strawberry.Schema]:
    return (
        strawberry.Schema(Query, types=[Picky], execution_context_class=PlannedExecutor),
        strawberry.Schema(Query, types=[Picky]),
    )


@pytest.mark.parametrize("query", QUERIES)
def test_fallbacks_answer_as_graphql_core_does(
    schemas: tuple[strawberry.Schema, strawberry.Schema], query: str
) -> None:
    planned, standard = schemas
    # Twice: the second time, the object types of the classes are already remembered.
    for _ in range(2):
        assert _answer(planned, query) == _answer(standard, query)
