"""The planned executor's fallbacks answer as graphql-core does, on a small schema that has
what Poikki's does not yet: values cast with `strawberry.cast`, a type with its own
`is_type_of`, a generic type behind a union, tuples and generators for lists, nulls in lists of
non-null items, and reads that raise in lists and in non-null fields; and fields resolved in
batches (schema/batched_fields.py), whose lists are completed a level at a time, with errors
raised by the batch, by the values it gives and deep under them."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping, Sequence
from typing import Annotated, Any, Generic, TypeVar

import pytest
import strawberry
from graphql import GraphQLResolveInfo, OperationDefinitionNode
from strawberry.types.cast import cast

from schema.batched_fields import resolved_in_batches
from schema.document_cache import ParseOnce, _parsed
from schema.operation_plans import operation_plans
from schema.planned_executor import PlannedExecutor

T = TypeVar("T")


BATCHES: list[int] = []
"""How many objects each call of a batch form was given."""


def _litter(name: str, first: int) -> Litter | None:
    if first < 0:
        raise ValueError(f"`first` must not be negative; got {first}")
    if name == "c" and first == 1:
        return None  # the field is non-null: an error on both paths
    pets: list[Dog | Cat] = [
        Dog(name=f"{name}{i}") if i % 2 else Cat(name=f"{name}{i}") for i in range(first)
    ]
    if first == 3:
        pets.append(Cat(name="unlucky"))
    return Litter(pets=pets, count=len(pets))


async def _litters(
    _context: Any, dogs: Sequence[Dog], arguments: Mapping[str, Any]
) -> list[Litter | None]:
    BATCHES.append(len(dogs))
    return [_litter(dog.name, arguments["first"]) for dog in dogs]


@strawberry.type
class Dog:
    name: str

    @strawberry.field
    @resolved_in_batches(_litters)
    async def litter(self, first: int = 2) -> Litter:
        found = _litter(self.name, first)
        return found  # type: ignore[return-value]  # None on purpose: see _litter


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


@strawberry.type
class Litter:
    pets: list[Pet]
    count: int


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
    "{ pets { ... on Dog { name litter { count pets { __typename"
    " ... on Dog { litter { count } } } } } } }",
    "{ pets { ... on Dog { l: litter(first: 3) { pets { ... on Cat { name lives } } } } } }",
    "{ pets { ... on Dog { litter(first: -1) { count } name } } cats { name } }",
    "{ maybePets { ... on Dog { litter(first: 1) { count } } } }",
    "{ pets { ... on Dog { litter(first: 4) { pets {"
    " ... on Dog { litter(first: 3) { count } } } } } } }",
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


def test_batched_fields_are_resolved_once_a_level() -> None:
    planned = strawberry.Schema(Query, execution_context_class=PlannedExecutor)
    BATCHES.clear()
    query = (
        "{ pets { ... on Dog { litter(first: 4) { pets { ... on Dog { litter { count } } } } } } }"
    )
    answer = _answer(planned, query)
    # Dogs a and c, then the two dogs of each of their litters: two calls, not six.
    assert BATCHES == [2, 4]
    assert answer == _answer(strawberry.Schema(Query), query)


def test_an_operation_is_planned_once_for_every_request_that_runs_it() -> None:
    planned = strawberry.Schema(
        Query, execution_context_class=PlannedExecutor, extensions=[ParseOnce]
    )
    standard = strawberry.Schema(Query)
    query = "{ pets { ... on Dog { litter(first: 4) { count pets { ... on Cat { name } } } } } }"
    operation = _parsed(query, None).definitions[0]
    assert isinstance(operation, OperationDefinitionNode)
    answers = [_answer(planned, query) for _ in range(3)]
    shared = operation_plans(operation, [])
    assert shared is not None
    steps = dict(shared.steps)
    assert steps, "the first request's steps are kept"
    assert answers == [_answer(standard, query)] * 3
    _answer(planned, query)
    assert shared.steps == steps, "later requests find them and add none"


def test_an_operation_with_directives_is_planned_for_each_request() -> None:
    planned = strawberry.Schema(
        Query, execution_context_class=PlannedExecutor, extensions=[ParseOnce]
    )
    standard = strawberry.Schema(Query)
    query = (
        "query Q($x: Boolean!) { pets { ... on Dog { name @include(if: $x)"
        " litter(first: 2) { count @skip(if: $x) } } } }"
    )
    operation = _parsed(query, None).definitions[0]
    assert isinstance(operation, OperationDefinitionNode)
    for x in (True, False, True):
        answers = [
            asyncio.run(schema.execute(query, {"x": x}, root_value=Query()))
            for schema in (planned, standard)
        ]
        assert [answer.data for answer in answers] == [answers[1].data] * 2
        assert answers[0].errors == answers[1].errors
    assert operation_plans(operation, []) is None
