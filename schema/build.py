"""The Schema object: the root types composed from per-family mixins, with limits on."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import strawberry
from graphql import ASTValidationRule, GraphQLError
from strawberry.extensions import SchemaExtension, max_aliases, query_depth_limiter
from strawberry.extensions.runner import SchemaExtensionsRunner
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext
from strawberry.types.execution import ExecutionResult
from strawberry.types.graphql import OperationType

from schema.allow_list import OnlyListed
from schema.as_of import AsOfReads
from schema.changes import Subscription
from schema.cost import ListSizes, QueryCost
from schema.curation import CurationMutation
from schema.document_cache import ParseOnce, ValidatedDocuments, ValidateOnce
from schema.duplicates import DuplicatesQuery
from schema.errors import ErrorCodes, is_expected
from schema.extension_hooks import HookRunner
from schema.introspection import IntrospectionNeedsToken
from schema.lookup import LookupQuery
from schema.names import RememberedNames
from schema.network import NetworkQuery
from schema.nodes import ALL_TYPES
from schema.planned_executor import PlannedExecutor
from schema.provenance import ProvenanceQuery
from schema.result_cache import ResultCache, ResultStore
from schema.roots import ListsQuery
from schema.scalars import SCALARS
from schema.time_budget import within_budget
from schema.writes import CountWrites, WriteCount


@strawberry.type(
    description="Reading the knowledge: root lists of every kind, lookups by id and text, the "
    "network questions, and provenance."
)
class Query(ListsQuery, LookupQuery, NetworkQuery, ProvenanceQuery, DuplicatesQuery):
    pass


@strawberry.type(
    description="Curating the knowledge (an editor's or an admin's bearer token): every write "
    "is all or nothing and cites its sources; expected failures are members of each result "
    "union."
)
class Mutation(CurationMutation):
    pass


DOCUMENTS = 512
"""Distinct query texts whose validation is kept."""


@dataclass(frozen=True)
class QueryLimits:
    max_depth: int = 12
    max_tokens: int = 2000
    max_aliases: int = 30
    max_cost: int = 100_000
    result_cache_bytes: int = 0
    list_sizes: ListSizes = field(default_factory=ListSizes)
    request_seconds: float = 60.0
    """A request still resolving after this long is stopped with LIMIT_EXCEEDED."""
    anonymous_introspection: bool = True
    """False: `__schema` and `__type` need a bearer token (FORBIDDEN without one)."""


class PoikkiSchema(strawberry.Schema):
    """strawberry's Schema with the request's time budget, and extension hooks looked up once
    per class (schema/extension_hooks.py)."""

    def __init__(self, *args: Any, request_seconds: float, max_tokens: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.request_seconds = request_seconds
        self.max_tokens = max_tokens

    async def execute(
        self,
        query: str | None,
        variable_values: dict[str, Any] | None = None,
        context_value: Any | None = None,
        root_value: Any | None = None,
        operation_name: str | None = None,
        allowed_operation_types: Iterable[OperationType] | None = None,
        operation_extensions: dict[str, Any] | None = None,
    ) -> ExecutionResult:
        """Queries are stopped at the request's time budget (schema/time_budget.py)."""
        return await within_budget(
            self.request_seconds,
            self.max_tokens,
            query,
            operation_name,
            lambda: super(PoikkiSchema, self).execute(
                query,
                variable_values,
                context_value,
                root_value,
                operation_name,
                allowed_operation_types,
                operation_extensions,
            ),
        )

    def create_extensions_runner(
        self, execution_context: ExecutionContext, extensions: list[SchemaExtension]
    ) -> SchemaExtensionsRunner:
        return HookRunner(execution_context=execution_context, extensions=extensions)

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        unexpected = [error for error in errors if not is_expected(error)]
        if unexpected:
            super().process_errors(unexpected, execution_context)


def build_schema(
    limits: QueryLimits = QueryLimits(),
    writes: WriteCount | None = None,
    only: frozenset[str] | None = None,
    plain_reads: bool = True,
) -> strawberry.Schema:
    """The schema with its limits on; `writes` counts the mutations writers run through it;
    `only`: the SHA-256 hashes of the only documents that may run (None: any); `plain_reads`
    False runs graphql-core's executor unchanged (schema/planned_executor.py)."""
    # strawberry's QueryDepthLimiter and MaxAliasesLimiter make their rule class anew for every
    # request (~25 µs each); the same rules, made once, are added by ValidateOnce.
    limit_rules: list[type[ASTValidationRule]] = [
        query_depth_limiter.create_validator(limits.max_depth, None),
        max_aliases.create_validator(limits.max_aliases),
    ]
    return PoikkiSchema(
        request_seconds=limits.request_seconds,
        max_tokens=limits.max_tokens,
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        types=ALL_TYPES,
        config=StrawberryConfig(scalar_map=SCALARS, name_converter=RememberedNames()),
        execution_context_class=PlannedExecutor if plain_reads else None,
        extensions=[
            *([] if only is None else [partial(OnlyListed, hashes=only)]),
            *([] if limits.anonymous_introspection else [IntrospectionNeedsToken]),
            partial(ParseOnce, max_tokens=limits.max_tokens),
            partial(ValidateOnce, documents=ValidatedDocuments(DOCUMENTS), rules=limit_rules),
            partial(QueryCost, max_cost=limits.max_cost, sizes=limits.list_sizes),
            *(
                [partial(ResultCache, store=ResultStore(limits.result_cache_bytes))]
                if limits.result_cache_bytes
                else []
            ),
            partial(CountWrites, count=writes or WriteCount()),
            AsOfReads,
            ErrorCodes,
        ],
    )
